package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"

	"congtac"
)

// apiEngagementInput is the body of POST /api/v1/calendar/entries: an entry made by hand.
type apiEngagementInput struct {
	OrgID        int64  `json:"org_id"`
	PersonID     int64  `json:"person_id"`
	Date         string `json:"date"`
	Start        string `json:"start"`
	Part         string `json:"part"`
	Title        string `json:"title"`
	Place        string `json:"place"`
	Participants string `json:"participants"`
	PreparerID   int64  `json:"preparer_id"`
	Accompany    string `json:"accompany"`
	Note         string `json:"note"`
}

// apiEngagementUpdate is the body of PATCH /api/v1/calendar/entries/{id}; cancelled true
// cancels the entry, false restores it.
type apiEngagementUpdate struct {
	Version      *int    `json:"version"`
	PersonID     *int64  `json:"person_id"`
	Date         *string `json:"date"`
	Start        *string `json:"start"`
	Part         *string `json:"part"`
	Title        *string `json:"title"`
	Place        *string `json:"place"`
	Participants *string `json:"participants"`
	PreparerID   *int64  `json:"preparer_id"`
	Accompany    *string `json:"accompany"`
	Note         *string `json:"note"`
	Cancelled    *bool   `json:"cancelled"`
	sent         map[string]json.RawMessage
}

// UnmarshalJSON decodes the fields strictly and remembers which were sent.
func (u *apiEngagementUpdate) UnmarshalJSON(b []byte) error {
	type fields apiEngagementUpdate
	if err := strictJSON(b, (*fields)(u)); err != nil {
		return err
	}
	return json.Unmarshal(b, &u.sent)
}

// engagementWriteSchemas returns the schemas of the bodies above, for the OpenAPI document.
func engagementWriteSchemas() map[string]*oaSchema {
	fields := oaProps{
		"person_id": schInt("Lãnh đạo (mã cán bộ); 0: không ghi."), "date": schDate("Ngày."),
		"start": schMax(schString("Giờ: 08:00, 14h30, “8 giờ 30”; hoặc buổi: “chiều”. Bỏ trống cùng part: cả ngày."), congtac.MaxPhrase),
		"part":  schEnum("Buổi khi không ghi giờ.", append([]string{""}, dayParts...)...),
		"title": schMax(schString("Nội dung công tác."), congtac.MaxEngagementTitle), "place": schString("Địa điểm."), "participants": schString("Thành phần."),
		"preparer_id": schInt("Cơ quan chuẩn bị; 0: không ghi."), "accompany": schString("Cán bộ Văn phòng đi cùng."),
		"note": schString("Ghi chú."),
	}
	create := oaProps{"org_id": schInt("Ủy ban nhân dân có lịch.")}
	update := oaProps{"version": schInt("Phiên bản của mục đã đọc; khác phiên bản hiện tại thì trả về 409."),
		"cancelled": schBool("true: hủy mục (vẫn hiện trên lịch, gạch đi); false: khôi phục.")}
	for k, v := range fields {
		create[k], update[k] = v, v
	}
	for _, k := range []string{"person_id", "start", "part", "preparer_id"} {
		update[k] = schNullable(update[k])
	}
	return map[string]*oaSchema{
		"EngagementCreate": schInput("Mục lịch công tác tuần nhập tay.", []string{"org_id", "date", "title"}, create),
		"EngagementUpdate": schInput("Các trường cần sửa của mục lịch; null xóa giá trị.", []string{"version"}, update),
	}
}

// findVisibleEngagement returns entry id when a may see its calendar, and ENOTFOUND
// otherwise.
func (s *Server) findVisibleEngagement(ctx context.Context, a congtac.Actor, id int64) (congtac.Engagement, error) {
	e, err := s.st.FindEngagementByID(ctx, id)
	return visible(e, err, func() (bool, error) { return s.st.Reaches(ctx, a, congtac.ViewCalendar, e.OrgID) }, "lịch công tác")
}

// writeEngagement answers with entry e and the entries of its leader it clashes with.
func (s *Server) writeEngagement(w http.ResponseWriter, r *http.Request, e congtac.Engagement, status int) {
	var clashes []int64
	if e.PersonID != 0 {
		same, err := s.st.FindEngagements(r.Context(), congtac.EngagementFilter{PersonID: &e.PersonID, From: &e.Date, To: &e.Date})
		if err != nil {
			s.apiFail(w, r, fmt.Errorf("web: api calendar entry: %w", err), 0)
			return
		}
		clashes = congtac.Clashes(same)[e.ID]
	}
	if status == http.StatusCreated {
		w.Header().Set("Location", "/api/v1/calendar/entries/"+strconv.FormatInt(e.ID, 10))
	}
	writeJSON(w, status, newAPIEngagement(e, clashes))
}

// handleAPIEngagementCreate adds an entry made by hand to a committee's weekly calendar and
// answers 201 with it and the entries of its leader it clashes with.
func (s *Server) handleAPIEngagementCreate(w http.ResponseWriter, r *http.Request) {
	var body apiEngagementInput
	if !s.readJSON(w, r, &body) {
		return
	}
	var p congtac.Problems
	e := congtac.Engagement{OrgID: body.OrgID, PersonID: body.PersonID, Title: body.Title, Place: body.Place,
		Participants: body.Participants, PreparerID: body.PreparerID, Accompany: body.Accompany, Note: body.Note}
	e.Date = bodyRequiredDate(&p, "date", body.Date)
	e.Start, e.Part = meetingTime(&p, body.Start, body.Part)
	if err := p.Err(); err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	e, err := s.st.CreateEngagement(r.Context(), actorOf(r), e)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api create calendar entry: %w", err), 0)
		return
	}
	s.writeEngagement(w, r, e, http.StatusCreated)
}

// handleAPIEngagementShow answers one calendar entry.
func (s *Server) handleAPIEngagementShow(w http.ResponseWriter, r *http.Request) {
	if e, ok := apiRecord(s, w, r, "lịch công tác", s.findVisibleEngagement); ok {
		s.writeEngagement(w, r, e, http.StatusOK)
	}
}

// handleAPIEngagementUpdate changes the fields sent of a calendar entry, cancels or
// restores it, given the version read.
func (s *Server) handleAPIEngagementUpdate(w http.ResponseWriter, r *http.Request) {
	e, ok := apiRecord(s, w, r, "lịch công tác", s.findVisibleEngagement)
	if !ok {
		return
	}
	var body apiEngagementUpdate
	if !s.readJSON(w, r, &body) {
		return
	}
	var p congtac.Problems
	version := bodyVersion(&p, body.Version)
	u := congtac.EngagementUpdate{Title: body.Title, Place: body.Place, Participants: body.Participants,
		Accompany: body.Accompany, Note: body.Note, Cancelled: body.Cancelled}
	if _, ok := body.sent["person_id"]; ok {
		u.PersonID = ptr(deref(body.PersonID))
	}
	if _, ok := body.sent["preparer_id"]; ok {
		u.PreparerID = ptr(deref(body.PreparerID))
	}
	if body.Date != nil {
		u.Date = ptr(bodyRequiredDate(&p, "date", *body.Date))
	}
	_, sentStart := body.sent["start"]
	_, sentPart := body.sent["part"]
	if sentStart || sentPart {
		start, part := meetingTime(&p, deref(body.Start), deref(body.Part))
		u.Start, u.Part = &start, &part
	}
	if err := p.Err(); err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	e, err := s.st.UpdateEngagement(r.Context(), actorOf(r), e.ID, version, u)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api update calendar entry: %w", err), 0)
		return
	}
	s.writeEngagement(w, r, e, http.StatusOK)
}
