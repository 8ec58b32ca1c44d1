package web

import (
	"fmt"
	"net/http"
	"time"

	"congtac"
	"congtac/vn"
)

// apiCalendar is a committee's calendar of a week: its entries, cancelled ones included,
// and the state of its publication.
type apiCalendar struct {
	OrgID       int64           `json:"org_id"`
	Week        string          `json:"week"`
	From        string          `json:"from"`
	To          string          `json:"to"`
	Heading     string          `json:"heading"`
	Published   bool            `json:"published"`
	Revision    *int            `json:"revision"`
	Changes     []string        `json:"changes"`
	PublishedAt *string         `json:"published_at"`
	Public      bool            `json:"public"`
	Engagements []apiEngagement `json:"engagements"`
}

// apiEngagement is an entry of a leader's calendar.
type apiEngagement struct {
	ID           int64   `json:"id"`
	PersonID     *int64  `json:"person_id"`
	Date         string  `json:"date"`
	Start        *string `json:"start"`
	Part         *string `json:"part"`
	PartLabel    string  `json:"part_label"`
	Title        string  `json:"title"`
	Place        string  `json:"place"`
	Participants string  `json:"participants"`
	PreparerID   *int64  `json:"preparer_id"`
	Accompany    string  `json:"accompany"`
	Note         string  `json:"note"`
	MeetingID    *int64  `json:"meeting_id"`
	Cancelled    bool    `json:"cancelled"`
	Clashes      []int64 `json:"clashes"`
	Version      int     `json:"version"`
}

// newAPIEngagement returns entry e, which clashes with the entries clashes names.
func newAPIEngagement(e congtac.Engagement, clashes []int64) apiEngagement {
	return apiEngagement{ID: e.ID, PersonID: apiID(e.PersonID), Date: e.Date.String(), Start: apiClock(e.Start),
		Part: apiCode(e.Part), PartLabel: e.Part.Label(), Title: e.Title, Place: e.Place,
		Participants: e.Participants, PreparerID: apiID(e.PreparerID), Accompany: e.Accompany, Note: e.Note,
		MeetingID: apiID(e.MeetingID), Cancelled: e.Cancelled, Clashes: append([]int64{}, clashes...), Version: e.Version}
}

// calendarSchemas returns the schemas of the calendar DTOs above, for the OpenAPI document;
// TestSchemasMatchDTOs holds them to the types.
func calendarSchemas() map[string]*oaSchema {
	return map[string]*oaSchema{
		"Calendar": schObject("Lịch công tác tuần của một Ủy ban nhân dân.", oaProps{
			"org_id": schInt("Cơ quan có lịch."), "week": schString("Tuần ISO: 2026-W48."),
			"from": schDate("Thứ Hai."), "to": schDate("Chủ nhật."), "heading": schString("Tiêu đề tuần."),
			"published":    schBool("Đã công bố."),
			"revision":     schNullable(schInt("Lần điều chỉnh (0: bản công bố đầu); null khi chưa công bố.")),
			"changes":      schArray(schString("Nội dung điều chỉnh của lần công bố gần nhất.")),
			"published_at": schNullable(schDateTime("Công bố lúc")), "public": schBool("Công khai cho người dân."),
			"engagements": schArray(schRef("Engagement")),
		}),
		"Engagement": schObject("Một mục của lịch công tác.", oaProps{
			"id": schInt("Mã."), "person_id": schNullable(schInt("Lãnh đạo (mã cán bộ).")), "date": schDate("Ngày."),
			"start": schNullable(schString("Giờ bắt đầu HH:MM.")), "part": schNullable(schEnum("Buổi.", dayParts...)),
			"part_label": schString("Tên buổi."), "title": schString("Nội dung công tác."), "place": schString("Địa điểm."),
			"participants": schString("Thành phần."), "preparer_id": schNullable(schInt("Cơ quan chuẩn bị.")),
			"accompany": schString("Cán bộ Văn phòng đi cùng."), "note": schString("Ghi chú."),
			"meeting_id": schNullable(schInt("Hội nghị sinh ra mục này.")), "cancelled": schBool("Đã hủy."),
			"clashes": schArray(schInt("Mục khác cùng lãnh đạo trùng giờ (cùng buổi, hoặc bắt đầu cách nhau dưới 90 phút).")),
			"version": schInt("Phiên bản."),
		}),
	}
}

// handleAPICalendarShow answers the calendar of org (by default the committee the
// actor's org belongs to) for week (by default this week): 404 when the org does not exist
// or is outside the actor's ViewCalendar reach. Entries show before the calendar is
// published, as on the page; published says whether it is.
func (s *Server) handleAPICalendarShow(w http.ResponseWriter, r *http.Request) {
	q, ok := s.apiQueryOf(w, r)
	if !ok {
		return
	}
	orgID := q.id("org")
	week, err := parseWeek(q.values, s.today())
	q.addErr(err)
	if q.fail(s, w, r) {
		return
	}
	ctx, a := r.Context(), actorOf(r)
	x, err := s.loadOrgs(ctx)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api calendar: %w", err), 0)
		return
	}
	if orgID == nil {
		orgID = ptr(x.CommitteeOf(a.OrgID))
	}
	if _, known := x.Org(*orgID); !known || !x.Can(a, congtac.ViewCalendar, *orgID) {
		s.apiFail(w, r, notFoundFor("lịch công tác"), 0)
		return
	}
	out, err := s.apiCalendarOf(r, *orgID, week)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api calendar: %w", err), 0)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// apiCalendarOf returns the calendar of org for week with its entries.
func (s *Server) apiCalendarOf(r *http.Request, org int64, week congtac.Period) (apiCalendar, error) {
	from, to := week.Start(), week.End()
	out := apiCalendar{OrgID: org, Week: week.Key(), From: from.String(), To: to.String(),
		Heading: vn.WeekHeading(week), Changes: []string{}, Engagements: []apiEngagement{}}
	es, err := s.st.FindEngagements(r.Context(), congtac.EngagementFilter{OrgID: &org, From: &from, To: &to})
	if err != nil {
		return out, err
	}
	clashes := congtac.Clashes(es)
	for _, e := range es {
		out.Engagements = append(out.Engagements, newAPIEngagement(e, clashes[e.ID]))
	}
	cal, err := s.st.FindCalendar(r.Context(), org, week)
	switch {
	case congtac.ErrorCode(err) == congtac.ENOTFOUND:
		return out, nil // not published yet
	case err != nil:
		return out, err
	}
	out.Published, out.Revision, out.Public = cal.PublishedAt != 0, ptr(cal.Revision), cal.Public
	out.Changes = append(out.Changes, cal.Changes...)
	if cal.PublishedAt != 0 {
		out.PublishedAt = apiTime(time.Unix(cal.PublishedAt, 0))
	}
	return out, nil
}
