package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"congtac"
	"congtac/vn"
)

// calendarView is a committee's weekly calendar of its leaders (lịch công tác tuần): the
// week's heading, the publication, and the entries day by day.
type calendarView struct {
	Org        string
	Heading    string // "Tuần thứ 48 (từ ngày 23/11/2026 đến ngày 27/11/2026)"
	Published  bool
	Revision   string   // "Điều chỉnh lần 1"; "" for the first publication
	Updated    string   // when it was last published: "8 giờ 30, ngày 27/11/2026"
	Changes    []string // what the last revision changed
	Days       []calendarDay
	Prev, Next string // links to the weeks before and after; "" when there is nothing to see
}

// calendarDay is one day of the week with its entries.
type calendarDay struct {
	Weekday string // "Thứ Hai"
	Date    string // "23/11/2026"
	Lunar   string // "12/12 ÂL"
	Off     string // the holiday or day off: "Tết Dương lịch"; "Làm việc bù" on a swapped Saturday
	Entries []calendarEntry
}

// calendarEntry is one engagement of a leader.
type calendarEntry struct {
	Time, Leader, Post, Title, Place, Participants, Preparer, Accompany, Note string
	Cancelled, Clash                                                          bool
	Href                                                                      string // its form, for those who manage the calendar
	part                                                                      congtac.DayPart
}

// calendarPage is the data of calendar.html, for signed-in users and the public.
type calendarPage struct {
	layout
	Public   bool
	Files    string         // the week as DOCX and PDF: a format string taking "docx" or "pdf"
	Print    string         // the week without the controls, to print
	Week     string         // the week field: "2026-W48"
	Around   congtac.Period // the week the picker's choices surround when Week cannot be read
	Orgs     []option       // the committees whose calendars the user may choose
	Error    string         // a week that cannot be read
	Calendar *calendarView
	Manage   *calendarManage // the office's panel; nil for those who only read
}

func (calendarPage) template() string { return "calendar" }

// WeekField returns the week picker: a select of the weeks around the one shown (around
// Around when Week cannot be read), each named as "Tuần 50 (07/12–13/12/2026)" and valued
// by its key, with the message of a week that cannot be read.
func (p calendarPage) WeekField() field {
	around := p.Around
	if w, err := congtac.ParsePeriodKey(p.Week); err == nil && w.Kind == congtac.PeriodWeek {
		around = w
	}
	var opts []option
	if around.Kind == congtac.PeriodWeek {
		opts = weekOptions(around, p.Week)
	}
	return field{Kind: fieldSelect, ID: "c-week", Name: "week", Label: "Tuần", Options: opts, Error: p.Error}
}

// orgParam returns the org of query parameter org: def when it is absent, and 0 (no org)
// when it is not an ID.
func orgParam(q url.Values, def int64) int64 {
	var pr congtac.Problems
	if id := queryID(q, "org", &pr); id != nil {
		return *id
	} else if len(pr) > 0 {
		return 0
	}
	return def
}

// parseWeek reads the week in query parameter week ("2026-W48"); when absent, this week,
// or on a Saturday or Sunday the coming one, which is what the office prepares and people
// look for then.
func parseWeek(q url.Values, today congtac.Date) (congtac.Period, error) {
	v := strings.TrimSpace(q.Get("week"))
	if v == "" {
		week := congtac.PeriodOf(congtac.PeriodWeek, today)
		if wd := today.Weekday(); wd == time.Saturday || wd == time.Sunday {
			week = week.Next()
		}
		return week, nil
	}
	p, err := congtac.ParsePeriodKey(v)
	if err != nil || p.Kind != congtac.PeriodWeek {
		return p, congtac.FieldError("week", "Không đọc được tuần %q trong địa chỉ trang. Hãy chọn tuần trong danh sách.", v)
	}
	return p, nil
}

// handleCalendarShow shows the weekly calendar of the committee's leaders for the week in
// the query (default this week): the org is the query's org within the actor's
// ViewCalendar reach, by default the committee the actor's org belongs to. A calendar not
// yet published is shown to signed-in users with a note saying so. An org outside reach is
// 404; a week that cannot be read, 422.
func (s *Server) handleCalendarShow(w http.ResponseWriter, r *http.Request) {
	s.showCalendar(w, r, http.StatusOK, nil)
}

// calendarOrg returns the org whose calendar the request's query asks for: org within the
// actor's ViewCalendar reach, by default the committee the actor's org belongs to;
// ENOTFOUND outside reach.
func (s *Server) calendarOrg(r *http.Request) (orgIndex, int64, error) {
	orgs, err := s.loadOrgs(r.Context())
	if err != nil {
		return orgs, 0, err
	}
	a := actorOf(r)
	org := orgParam(r.URL.Query(), orgs.CommitteeOf(a.OrgID))
	if _, ok := orgs.Org(org); !ok || !orgs.Can(a, congtac.ViewCalendar, org) {
		return orgs, 0, notFoundFor("lịch công tác")
	}
	return orgs, org, nil
}

// showCalendar renders the calendar page of the request's query with status; form, when
// not nil, is a refused entry shown again in the office's panel.
func (s *Server) showCalendar(w http.ResponseWriter, r *http.Request, status int, form *engagementForm) {
	ctx, a, q, today := r.Context(), actorOf(r), r.URL.Query(), s.today()
	orgs, org, err := s.calendarOrg(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	committees := orgs.Tree(today, func(o congtac.Org) bool {
		return o.Kind == congtac.OrgCommittee && orgs.Can(a, congtac.ViewCalendar, o.ID)
	})
	page := calendarPage{layout: s.layout(r, "Lịch công tác tuần"), Week: q.Get("week"),
		Around: congtac.PeriodOf(congtac.PeriodWeek, today), Orgs: orgOptions(committees, strconv.FormatInt(org, 10))}
	week, err := parseWeek(q, today)
	if err != nil {
		page.Error = congtac.ErrorMessage(err)
		s.render(w, r, http.StatusUnprocessableEntity, page)
		return
	}
	page.Week = week.Key()
	page.Bare = q.Get("print") != ""
	manage := orgs.Can(a, congtac.ManageCalendar, org) && !page.Bare
	cal, err := s.calendarView(ctx, orgs, org, week, manage)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	link := func(p congtac.Period) string { return fmt.Sprintf("/calendar?org=%d&week=%s", org, p.Key()) }
	cal.Prev, cal.Next = link(week.Prev()), link(week.Next())
	page.Calendar = &cal
	page.Files = fmt.Sprintf("/calendar/files/lich-cong-tac.%%s?org=%d&week=%s", org, week.Key())
	page.Print = link(week) + "&print=1"
	if manage {
		page.Manage = &calendarManage{Org: org, Week: week.Key(), Published: cal.Published, Form: form}
		if c, err := s.st.FindCalendar(ctx, org, week); err == nil {
			page.Manage.Public = c.Public
		}
		if form == nil {
			day := week.Start()
			if !today.Before(week.Start()) && !today.After(week.End()) {
				day = today
			}
			page.Manage.Form = &engagementForm{Date: day.String(), Many: true, Errors: map[string]string{}}
		}
		if err := s.withChoices(ctx, page.Manage.Form, orgs, org); err != nil {
			s.fail(w, r, err)
			return
		}
		page.Manage.Form.Action = "/calendar/entries"
	}
	s.render(w, r, status, page)
}

// calendarView returns org's calendar for the week: its publication, if any, and every
// entry of the week by day, cancelled ones marked. Monday to Friday are always shown, the
// weekend only when something is on.
func (s *Server) calendarView(ctx context.Context, orgs orgIndex, org int64, week congtac.Period, manage bool) (calendarView, error) {
	v := calendarView{Org: orgs.Name(org), Heading: vn.WeekHeading(week)}
	c, err := s.st.FindCalendar(ctx, org, week)
	switch congtac.ErrorCode(err) {
	case "":
		v.Published, v.Changes = true, c.Changes
		v.Updated = instantText(time.Unix(c.PublishedAt, 0), s.loc)
		if c.Revision > 0 {
			v.Revision = fmt.Sprintf("Điều chỉnh lần %d", c.Revision)
		}
	case congtac.ENOTFOUND:
	default:
		return v, fmt.Errorf("web: calendar: %w", err)
	}
	from, to := week.Start(), week.End()
	entries, err := s.st.FindEngagements(ctx, congtac.EngagementFilter{OrgID: &org, From: &from, To: &to})
	if err != nil {
		return v, fmt.Errorf("web: calendar: %w", err)
	}
	ids := make([]int64, len(entries))
	for i, e := range entries {
		ids[i] = e.PersonID
	}
	names, err := s.personNames(ctx, ids...)
	if err != nil {
		return v, err
	}
	st, err := s.settingsOf(ctx, org)
	if err != nil {
		return v, err
	}
	posts, err := s.st.FindPosts(ctx, congtac.PostFilter{OrgID: &org, HeldOn: &from})
	if err != nil {
		return v, err
	}
	titles := map[int64]string{} // the leaders' posts in the committee, as the public reads them
	for _, p := range posts {
		if _, ok := titles[p.PersonID]; !ok || p.Kind.IsLeader() {
			titles[p.PersonID] = p.DisplayTitle()
		}
	}
	v.Days = calendarDays(entries, from, to, names, titles, orgs, st, manage)
	return v, nil
}

// calendarDays returns the days from from to to with their entries, Monday to Friday
// always, the weekend only when something is on or it is a working day; each with its
// lunar date and, on a day off, the holiday; each leader with the post held in the
// committee (posts). Entries of a leader booked twice at once are marked; manage links
// each to its form.
func calendarDays(entries []congtac.Engagement, from, to congtac.Date, names, posts map[int64]string, orgs orgIndex,
	st congtac.Settings, manage bool) []calendarDay {
	clashes := congtac.Clashes(entries)
	var days []calendarDay
	for d := from; !d.After(to); d = d.AddDays(1) {
		day := calendarDay{Weekday: vn.Weekday(d.Weekday()), Date: vn.PaddedDate(d), Lunar: congtac.LunarLabel(d),
			Off: st.DayOff(d)}
		for _, e := range entries {
			if e.Date != d {
				continue
			}
			entry := calendarEntry{Time: clockText(e.Start, e.Part), Leader: names[e.PersonID], Post: posts[e.PersonID], Title: e.Title,
				Place: e.Place, Participants: e.Participants, Preparer: orgs.Name(e.PreparerID), Accompany: e.Accompany,
				Note: e.Note, Cancelled: e.Cancelled, Clash: len(clashes[e.ID]) > 0, part: e.Part}
			if manage {
				entry.Href = fmt.Sprintf("/calendar/entries/%d", e.ID)
			}
			day.Entries = append(day.Entries, entry)
		}
		weekend := d.Weekday() == time.Saturday || d.Weekday() == time.Sunday
		if len(day.Entries) > 0 || !weekend || st.WorkingDay(d) {
			days = append(days, day)
		}
	}
	return days
}
