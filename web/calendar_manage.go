package web

import (
	"fmt"
	"net/http"
	"strings"

	"congtac"
)

// calendarManage is the office's panel on the calendar page: fill the week from the
// meetings, publish it (a later publication is "Điều chỉnh lần N" and says what changed),
// and show it to the public or not.
type calendarManage struct {
	Org       int64
	Week      string
	Published bool
	Public    bool
	Form      *engagementForm // an entry to add by hand
}

// calendarTarget reads the org and week of a calendar form, and checks that the actor may
// manage that org's calendar (404 when it may not even see it, 403 when it may only see it).
func (s *Server) calendarTarget(r *http.Request) (int64, congtac.Period, error) {
	ctx, a := r.Context(), actorOf(r)
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		return 0, congtac.Period{}, err
	}
	if err := r.ParseForm(); err != nil {
		return 0, congtac.Period{}, congtac.Errorf(congtac.EINVALID, "Không đọc được biểu mẫu.")
	}
	org := orgParam(r.PostForm, 0)
	if _, ok := orgs.Org(org); !ok || !orgs.Can(a, congtac.ViewCalendar, org) {
		return 0, congtac.Period{}, notFoundFor("lịch công tác")
	}
	if !orgs.Can(a, congtac.ManageCalendar, org) {
		return 0, congtac.Period{}, congtac.Forbidden()
	}
	week, err := congtac.ParsePeriodKey(r.PostFormValue("week"))
	if err == nil && week.Kind != congtac.PeriodWeek {
		err = congtac.FieldError("week", "Lịch công tác lập theo tuần.")
	}
	return org, week, err
}

// backToCalendar sends the user back to the calendar of org for week with a message.
func (s *Server) backToCalendar(w http.ResponseWriter, r *http.Request, org int64, week congtac.Period, msg string) {
	s.flash(r, msg)
	http.Redirect(w, r, fmt.Sprintf("/calendar?org=%d&week=%s", org, week.Key()), http.StatusSeeOther)
}

// handleCalendarGenerate puts the week's meetings on the calendar (their chairs'
// entries); running it again adds nothing.
func (s *Server) handleCalendarGenerate(w http.ResponseWriter, r *http.Request) {
	org, week, err := s.calendarTarget(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	added, err := s.st.GenerateEngagements(r.Context(), actorOf(r), org, week)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.backToCalendar(w, r, org, week, fmt.Sprintf("Đã thêm %d mục từ các hội nghị trong tuần.", len(added)))
}

// handleCalendarPublish publishes the week as it stands; field changes lists, one per line,
// what a revision changed (required after the first publication).
func (s *Server) handleCalendarPublish(w http.ResponseWriter, r *http.Request) {
	org, week, err := s.calendarTarget(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var changes []string
	for line := range strings.SplitSeq(r.PostFormValue("changes"), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			changes = append(changes, line)
		}
	}
	c, err := s.st.PublishCalendar(r.Context(), actorOf(r), org, week, changes)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	msg := "Đã công bố lịch công tác tuần."
	if c.Revision > 0 {
		msg = fmt.Sprintf("Đã công bố lịch điều chỉnh lần %d.", c.Revision)
	}
	s.backToCalendar(w, r, org, week, msg)
}

// handleCalendarPublic shows a published week to the public (field public=1) or withdraws it.
func (s *Server) handleCalendarPublic(w http.ResponseWriter, r *http.Request) {
	org, week, err := s.calendarTarget(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	public := r.PostFormValue("public") == "1"
	if err := s.st.SetCalendarPublic(r.Context(), actorOf(r), org, week, public); err != nil {
		s.fail(w, r, err)
		return
	}
	msg := "Lịch tuần đã được công khai tại trang Công khai."
	if !public {
		msg = "Đã thôi công khai lịch tuần."
	}
	s.backToCalendar(w, r, org, week, msg)
}
