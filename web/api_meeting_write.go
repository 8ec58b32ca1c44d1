package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"congtac"
	"congtac/assemble"
	"congtac/vn"
)

// apiMeetingCreate is the body of POST /api/v1/meetings: a meeting with its agenda.
type apiMeetingCreate struct {
	OrgID         int64            `json:"org_id"`
	ProgramID     int64            `json:"program_id"`
	Kind          string           `json:"kind"`
	Title         string           `json:"title"`
	Date          string           `json:"date"`
	Start         string           `json:"start"`
	Part          string           `json:"part"`
	Place         string           `json:"place"`
	ChairID       int64            `json:"chair_id"`
	Attendees     string           `json:"attendees"`
	Recurrence    string           `json:"recurrence"`
	OffDays       string           `json:"off_days"`
	Note          string           `json:"note"`
	InvitedPeople []int64          `json:"invited_people"`
	InvitedOrgs   []int64          `json:"invited_orgs"`
	Agenda        []apiAgendaInput `json:"agenda"`
}

// apiMeetingUpdate is the body of PATCH /api/v1/meetings/{id}: the version read and the
// fields to change; a status change to postponed or cancelled needs its reason in note.
// sent tells a field given as null (cleared) from one left out.
type apiMeetingUpdate struct {
	Version       *int     `json:"version"`
	ProgramID     *int64   `json:"program_id"`
	Kind          *string  `json:"kind"`
	Title         *string  `json:"title"`
	Date          *string  `json:"date"`
	Start         *string  `json:"start"`
	Part          *string  `json:"part"`
	Place         *string  `json:"place"`
	ChairID       *int64   `json:"chair_id"`
	Attendees     *string  `json:"attendees"`
	Recurrence    *string  `json:"recurrence"`
	OffDays       *string  `json:"off_days"`
	Status        *string  `json:"status"`
	Note          *string  `json:"note"`
	InvitedPeople *[]int64 `json:"invited_people"`
	InvitedOrgs   *[]int64 `json:"invited_orgs"`
	sent          map[string]json.RawMessage
}

// UnmarshalJSON decodes the fields strictly and remembers which were sent.
func (u *apiMeetingUpdate) UnmarshalJSON(b []byte) error {
	type fields apiMeetingUpdate
	if err := strictJSON(b, (*fields)(u)); err != nil {
		return err
	}
	return json.Unmarshal(b, &u.sent)
}

// apiAgendaInput is an agenda item of POST /api/v1/meetings and the body of
// POST /api/v1/meetings/{id}/agenda.
type apiAgendaInput struct {
	Position     int     `json:"position"`
	Title        string  `json:"title"`
	LeadID       int64   `json:"lead_id"`
	SupportIDs   []int64 `json:"support_ids"`
	PresenterID  int64   `json:"presenter_id"`
	Minutes      int     `json:"minutes"`
	MaterialsDue string  `json:"materials_due"`
	Materials    string  `json:"materials"`
	Conclusion   string  `json:"conclusion"`
}

// apiAgendaUpdate is the body of PATCH /api/v1/agenda/{id}. materials_due null restores the
// default day; lead_id and presenter_id null clear them.
type apiAgendaUpdate struct {
	Version      *int     `json:"version"`
	Position     *int     `json:"position"`
	Title        *string  `json:"title"`
	LeadID       *int64   `json:"lead_id"`
	SupportIDs   *[]int64 `json:"support_ids"`
	PresenterID  *int64   `json:"presenter_id"`
	Minutes      *int     `json:"minutes"`
	MaterialsDue *string  `json:"materials_due"`
	Materials    *string  `json:"materials"`
	Conclusion   *string  `json:"conclusion"`
	sent         map[string]json.RawMessage
}

// UnmarshalJSON decodes the fields strictly and remembers which were sent.
func (u *apiAgendaUpdate) UnmarshalJSON(b []byte) error {
	type fields apiAgendaUpdate
	if err := strictJSON(b, (*fields)(u)); err != nil {
		return err
	}
	return json.Unmarshal(b, &u.sent)
}

// meetingWriteSchemas returns the schemas of the request bodies above, for the OpenAPI
// document.
func meetingWriteSchemas() map[string]*oaSchema {
	fields := oaProps{
		"program_id": schInt("Chương trình công tác có hội nghị; 0 hoặc bỏ trống: không thuộc chương trình."),
		"kind":       schEnum("Loại hội nghị; mặc định regular.", meetingKinds...),
		"title":      schMax(schString("Tên hội nghị."), congtac.MaxTitle), "date": schDate("Ngày họp (buổi đầu tiên với hội nghị định kỳ)."),
		"start": schMax(schString("Giờ bắt đầu: 08:00, 14h00, “8 giờ 30”; hoặc buổi: “chiều”. Bỏ trống: chưa định giờ."), congtac.MaxPhrase),
		"part":  schEnum("Buổi khi chưa định giờ.", append([]string{""}, dayParts...)...),
		"place": schString("Địa điểm."), "chair_id": schInt("Người chủ trì (mã cán bộ); 0: chưa định."),
		"attendees": schString("Thành phần."),
		"recurrence": schMax(schString("Lịch lặp lại: cụm từ như “chiều thứ Năm hằng tuần”, “ngày 20 hằng tháng”, "+
			"“thứ Sáu cuối tháng”, hoặc quy tắc RRULE (RFC 5545) như FREQ=WEEKLY;BYDAY=TH. Bỏ trống: họp một lần."), congtac.MaxPhrase),
		"note":           schString("Ghi chú; khi hoãn hoặc hủy: lý do được thông báo."),
		"off_days":       schEnum("Buổi họp định kỳ rơi vào ngày nghỉ: trống: giữ và nhắc; skip: không họp; next: dời sang ngày làm việc kế tiếp.", offDayCodes...),
		"invited_people": schArray(schInt("Cán bộ được mời đích danh (mã cán bộ).")),
		"invited_orgs":   schArray(schInt("Cơ quan được mời cử người dự (mã cơ quan).")),
	}
	create := oaProps{"org_id": schInt("Cơ quan tổ chức (Ủy ban nhân dân)."), "agenda": schArray(schRef("AgendaInput"))}
	update := oaProps{"version": schInt("Phiên bản của hội nghị đã đọc; khác phiên bản hiện tại thì trả về 409."),
		"status": schEnum("Trạng thái: postponed (hoãn) và cancelled (hủy) cần lý do trong note; held (đã họp) từ ngày họp.",
			meetingStatuses...)}
	for k, v := range fields {
		create[k] = v
		update[k] = v
	}
	for _, k := range []string{"program_id", "start", "part", "chair_id", "recurrence"} {
		update[k] = schNullable(update[k])
	}
	agenda := oaProps{
		"position": schInt("Thứ tự trong chương trình hội nghị; 0 hoặc bỏ trống: sau nội dung cuối."),
		"title":    schMax(schString("Nội dung trình."), congtac.MaxAgendaTitle), "lead_id": schInt("Cơ quan chủ trì chuẩn bị."),
		"support_ids":   schArray(schInt("Cơ quan phối hợp chuẩn bị.")),
		"presenter_id":  schInt("Người trình bày (mã cán bộ)."),
		"minutes":       schInt("Thời lượng dự kiến (phút)."),
		"materials_due": schDate("Hạn gửi tài liệu; bỏ trống: trước ngày họp số ngày làm việc theo cấu hình (mặc định 5)."),
		"materials":     schString("Tài liệu."), "conclusion": schString("Kết luận của hội nghị về nội dung này."),
	}
	agendaUpdate := oaProps{"version": schInt("Phiên bản của nội dung đã đọc; khác phiên bản hiện tại thì trả về 409.")}
	for k, v := range agenda {
		agendaUpdate[k] = v
	}
	for _, k := range []string{"lead_id", "presenter_id", "materials_due"} {
		agendaUpdate[k] = schNullable(agendaUpdate[k])
	}
	return map[string]*oaSchema{
		"MeetingIssue": schInput("Ban hành giấy mời hoặc thông báo kết luận của hội nghị: cấp số từ sổ văn bản đi.",
			[]string{"type"}, oaProps{
				"type":      schEnum("GM: giấy mời (trước khi họp); TB: thông báo kết luận (sau khi họp, khi đã có kết luận).", "GM", "TB"),
				"issued_on": schDate("Ngày ban hành; mặc định hôm nay."),
			}),
		"MeetingCreate": schInput("Hội nghị mới với các nội dung trình.", []string{"org_id", "title", "date"}, create),
		"MeetingUpdate": schInput("Các trường cần sửa của hội nghị; null xóa giá trị.", []string{"version"}, update),
		"AgendaInput":   schInput("Nội dung trình hội nghị.", []string{"title"}, agenda),
		"AgendaUpdate":  schInput("Các trường cần sửa của nội dung trình; null xóa giá trị.", []string{"version"}, agendaUpdate),
	}
}

// meetingTime reads a meeting's start as written ("08:00", "14h30", "chiều") and its part
// of the day, adding problems to p.
func meetingTime(p *congtac.Problems, start, part string) (congtac.ClockTime, congtac.DayPart) {
	t, written, err := vn.ParseClock(start)
	if err != nil {
		p.Add("start", "%s", congtac.ErrorMessage(err))
		return congtac.NoTime, congtac.DayPart(part)
	}
	if part == "" {
		part = string(written)
	}
	return t, congtac.DayPart(part)
}

// meetingRecurrence reads a series as an RRULE or as offices write it ("chiều thứ Năm
// hằng tuần"), from the meeting's first day; nil for "". A phrase may give the part of
// the day too.
func meetingRecurrence(p *congtac.Problems, text string, first congtac.Date) (*congtac.Recurrence, congtac.DayPart) {
	text = strings.TrimSpace(text)
	if text == "" || first.IsZero() {
		return nil, ""
	}
	if strings.Contains(strings.ToUpper(text), "FREQ=") {
		rec, err := congtac.ParseRecurrence(text, first)
		if err != nil {
			p.Add("recurrence", "%s", congtac.ErrorMessage(err))
			return nil, ""
		}
		return &rec, ""
	}
	d, err := vn.ParseDue(text, first)
	if err != nil || d.Recurrence == nil {
		p.Add("recurrence", "Không hiểu lịch lặp lại “%s”: hãy ghi như “chiều thứ Năm hằng tuần”, "+
			"“ngày 20 hằng tháng” hoặc “thứ Sáu cuối tháng”.", text)
		return nil, ""
	}
	rec := *d.Recurrence
	rec.Start = first
	return &rec, d.Part
}

// agendaItemOf reads an agenda item of a body, adding problems to p under prefix.
func agendaItemOf(p *congtac.Problems, prefix string, in apiAgendaInput) congtac.AgendaItem {
	it := congtac.AgendaItem{Position: in.Position, Title: in.Title, Lead: in.LeadID, Support: in.SupportIDs,
		PresenterID: in.PresenterID, Minutes: in.Minutes, Materials: in.Materials, Conclusion: in.Conclusion}
	if in.MaterialsDue != "" {
		it.MaterialsDue = bodyDate(p, prefix+"materials_due", in.MaterialsDue)
	}
	return it
}

// handleAPIMeetingCreate adds a meeting with its agenda and answers 201 with it. The
// actor's ManageMeetings must reach org_id.
func (s *Server) handleAPIMeetingCreate(w http.ResponseWriter, r *http.Request) {
	var body apiMeetingCreate
	if !s.readJSON(w, r, &body) {
		return
	}
	var p congtac.Problems
	m := congtac.Meeting{OrgID: body.OrgID, ProgramID: body.ProgramID, Kind: congtac.MeetingKind(body.Kind),
		Title: body.Title, Place: body.Place, ChairID: body.ChairID, Attendees: body.Attendees, Note: body.Note,
		InvitedPeople: body.InvitedPeople, InvitedOrgs: body.InvitedOrgs, OffDays: congtac.OffDayRule(body.OffDays)}
	if m.Kind == "" {
		m.Kind = congtac.MeetingRegular
	}
	m.Date = bodyRequiredDate(&p, "date", body.Date)
	m.Start, m.Part = meetingTime(&p, body.Start, body.Part)
	var part congtac.DayPart
	if m.Recurrence, part = meetingRecurrence(&p, body.Recurrence, m.Date); m.Part == "" {
		m.Part = part
	}
	for i, in := range body.Agenda {
		m.Agenda = append(m.Agenda, agendaItemOf(&p, fmt.Sprintf("agenda[%d].", i), in))
	}
	if err := p.Err(); err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	m, err := s.st.CreateMeeting(r.Context(), actorOf(r), m)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api create meeting: %w", err), 0)
		return
	}
	s.writeMeeting(w, r, m.ID, http.StatusCreated)
}

// writeMeeting answers with meeting id and its agenda, with status; a new one with its
// Location.
func (s *Server) writeMeeting(w http.ResponseWriter, r *http.Request, id int64, status int) {
	m, err := s.st.FindMeetingByID(r.Context(), id)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api meeting: %w", err), 0)
		return
	}
	if status == http.StatusCreated {
		w.Header().Set("Location", "/api/v1/meetings/"+strconv.FormatInt(id, 10))
	}
	writeJSON(w, status, newAPIMeetingDetail(m))
}

// handleAPIMeetingUpdate changes the fields sent of a meeting, its status included
// (postponed, cancelled with the reason in note, held), given the version read, and answers
// with it. The store carries a new date over to the agenda's materials days and the
// calendar.
func (s *Server) handleAPIMeetingUpdate(w http.ResponseWriter, r *http.Request) {
	m, ok := apiRecord(s, w, r, "hội nghị", s.findVisibleMeeting)
	if !ok {
		return
	}
	var body apiMeetingUpdate
	if !s.readJSON(w, r, &body) {
		return
	}
	var p congtac.Problems
	version := bodyVersion(&p, body.Version)
	u := congtac.MeetingUpdate{Title: body.Title, Place: body.Place, Attendees: body.Attendees, Note: body.Note,
		InvitedPeople: body.InvitedPeople, InvitedOrgs: body.InvitedOrgs}
	if _, ok := body.sent["program_id"]; ok {
		u.ProgramID = ptr(deref(body.ProgramID))
	}
	if _, ok := body.sent["chair_id"]; ok {
		u.ChairID = ptr(deref(body.ChairID))
	}
	if body.Kind != nil {
		u.Kind = ptr(congtac.MeetingKind(*body.Kind))
	}
	if body.Status != nil {
		u.Status = ptr(congtac.MeetingStatus(*body.Status))
	}
	if body.OffDays != nil {
		u.OffDays = ptr(congtac.OffDayRule(*body.OffDays))
	}
	date := m.Date
	if body.Date != nil {
		date = bodyRequiredDate(&p, "date", *body.Date)
		u.Date = &date
	}
	_, sentStart := body.sent["start"]
	_, sentPart := body.sent["part"]
	if sentStart || sentPart {
		start, part := meetingTime(&p, deref(body.Start), deref(body.Part))
		u.Start, u.Part = &start, &part
	}
	if _, ok := body.sent["recurrence"]; ok {
		rec, part := meetingRecurrence(&p, deref(body.Recurrence), date)
		u.Recurrence = &rec
		if part != "" && !sentPart {
			u.Part = &part
		}
	}
	if err := p.Err(); err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	if _, err := s.st.UpdateMeeting(r.Context(), actorOf(r), m.ID, version, u); err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api update meeting: %w", err), 0)
		return
	}
	s.writeMeeting(w, r, m.ID, http.StatusOK)
}

// handleAPIAgendaList answers a meeting's agenda in order.
func (s *Server) handleAPIAgendaList(w http.ResponseWriter, r *http.Request) {
	q, ok := s.apiQueryOf(w, r)
	if !ok {
		return
	}
	limit, offset := q.page()
	if q.fail(s, w, r) {
		return
	}
	m, ok := apiRecord(s, w, r, "hội nghị", s.findVisibleMeeting)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, pageOf(m.Agenda, limit, offset, newAPIAgendaItem))
}

// handleAPIAgendaCreate adds an item to a meeting's agenda (last when position is 0) and
// answers 201 with it, its Location under /api/v1/agenda.
func (s *Server) handleAPIAgendaCreate(w http.ResponseWriter, r *http.Request) {
	m, ok := apiRecord(s, w, r, "hội nghị", s.findVisibleMeeting)
	if !ok {
		return
	}
	var body apiAgendaInput
	if !s.readJSON(w, r, &body) {
		return
	}
	var p congtac.Problems
	it := agendaItemOf(&p, "", body)
	if err := p.Err(); err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	it.MeetingID = m.ID
	it, err := s.st.AddAgendaItem(r.Context(), actorOf(r), it)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api add agenda item: %w", err), 0)
		return
	}
	w.Header().Set("Location", "/api/v1/agenda/"+strconv.FormatInt(it.ID, 10))
	writeJSON(w, http.StatusCreated, newAPIAgendaItem(it))
}

// findVisibleAgendaItem returns agenda item id when a may view its meeting, and ENOTFOUND
// otherwise.
func (s *Server) findVisibleAgendaItem(ctx context.Context, a congtac.Actor, id int64) (congtac.AgendaItem, error) {
	it, err := s.st.FindAgendaItemByID(ctx, id)
	if err != nil {
		return it, err
	}
	if _, err := s.findVisibleMeeting(ctx, a, it.MeetingID); err != nil {
		return congtac.AgendaItem{}, notFoundFor("nội dung trình hội nghị")
	}
	return it, nil
}

// handleAPIAgendaShow answers one agenda item.
func (s *Server) handleAPIAgendaShow(w http.ResponseWriter, r *http.Request) {
	it, ok := apiRecord(s, w, r, "nội dung trình hội nghị", s.findVisibleAgendaItem)
	if ok {
		writeJSON(w, http.StatusOK, newAPIAgendaItem(it))
	}
}

// handleAPIAgendaUpdate changes the fields sent of an agenda item, given the version read.
func (s *Server) handleAPIAgendaUpdate(w http.ResponseWriter, r *http.Request) {
	it, ok := apiRecord(s, w, r, "nội dung trình hội nghị", s.findVisibleAgendaItem)
	if !ok {
		return
	}
	var body apiAgendaUpdate
	if !s.readJSON(w, r, &body) {
		return
	}
	var p congtac.Problems
	version := bodyVersion(&p, body.Version)
	u := congtac.AgendaItemUpdate{Position: body.Position, Title: body.Title, Support: body.SupportIDs,
		Minutes: body.Minutes, Materials: body.Materials, Conclusion: body.Conclusion}
	if _, ok := body.sent["lead_id"]; ok {
		u.Lead = ptr(deref(body.LeadID))
	}
	if _, ok := body.sent["presenter_id"]; ok {
		u.PresenterID = ptr(deref(body.PresenterID))
	}
	if _, ok := body.sent["materials_due"]; ok {
		var due congtac.Date
		if body.MaterialsDue != nil {
			due = bodyRequiredDate(&p, "materials_due", *body.MaterialsDue)
		}
		u.MaterialsDue = &due
	}
	if err := p.Err(); err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	it, err := s.st.UpdateAgendaItem(r.Context(), actorOf(r), it.ID, version, u)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api update agenda item: %w", err), 0)
		return
	}
	writeJSON(w, http.StatusOK, newAPIAgendaItem(it))
}

// handleAPIAgendaDelete removes an agenda item, given ?version=.
func (s *Server) handleAPIAgendaDelete(w http.ResponseWriter, r *http.Request) {
	q, ok := s.apiQueryOf(w, r)
	if !ok {
		return
	}
	version := q.integer("version")
	if q.fail(s, w, r) {
		return
	}
	it, ok := apiRecord(s, w, r, "nội dung trình hội nghị", s.findVisibleAgendaItem)
	if !ok {
		return
	}
	if err := s.st.DeleteAgendaItem(r.Context(), actorOf(r), it.ID, int(*version)); err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api delete agenda item: %w", err), 0)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// apiSitting is one sitting of a series changed on its own.
type apiSitting struct {
	Occurrence string  `json:"occurrence"`
	Date       string  `json:"date"`
	Start      *string `json:"start"`
	Part       *string `json:"part"`
	Place      string  `json:"place"`
	Cancelled  bool    `json:"cancelled"`
	Note       string  `json:"note"`
}

func newAPISitting(o congtac.Sitting) apiSitting {
	return apiSitting{Occurrence: o.Of.String(), Date: o.Date.String(), Start: apiClock(o.Start), Part: apiCode(o.Part),
		Place: o.Place, Cancelled: o.Cancelled, Note: o.Note}
}

// apiSittingChange is the body of PUT /api/v1/meetings/{id}/sittings/{date}.
type apiSittingChange struct {
	Version   *int   `json:"version"`
	Date      string `json:"date"`
	Start     string `json:"start"`
	Part      string `json:"part"`
	Place     string `json:"place"`
	Cancelled bool   `json:"cancelled"`
	Note      string `json:"note"`
}

// sittingSchemas returns the schemas of the sittings' DTOs, for the OpenAPI document.
func sittingSchemas() map[string]*oaSchema {
	return map[string]*oaSchema{
		"Sitting": schObject("Một buổi của hội nghị định kỳ được dời hoặc hủy riêng.", oaProps{
			"occurrence": schDate("Ngày của buổi họp theo lịch định kỳ."), "date": schDate("Ngày họp sau khi dời."),
			"start": schNullable(schString("Giờ bắt đầu HH:MM; null khi chưa định giờ.")),
			"part":  schNullable(schEnum("Buổi khi chưa định giờ.", dayParts...)),
			"place": schString("Địa điểm; trống: như hội nghị."), "cancelled": schBool("Buổi họp bị hủy."),
			"note": schString("Lý do, được thông báo."),
		}),
		"SittingChange": schInput("Dời hoặc hủy một buổi của hội nghị định kỳ; các buổi khác giữ nguyên.",
			[]string{"version"}, oaProps{
				"version": schInt("Phiên bản của hội nghị đã đọc; khác phiên bản hiện tại thì trả về 409."),
				"date":    schDate("Ngày họp; bỏ trống: ngày của buổi theo lịch định kỳ."),
				"start":   schMax(schString("Giờ bắt đầu; bỏ trống cùng part: như hội nghị."), congtac.MaxPhrase),
				"part":    schEnum("Buổi khi chưa định giờ.", append([]string{""}, dayParts...)...),
				"place":   schString("Địa điểm; bỏ trống: như hội nghị."), "cancelled": schBool("Hủy buổi họp."),
				"note": schString("Lý do dời hoặc hủy, được thông báo; bắt buộc khi hủy."),
			}),
	}
}

// sittingOf returns the meeting of the path and the occurrence {date} it names, or answers
// the error and returns false.
func (s *Server) sittingOf(w http.ResponseWriter, r *http.Request) (congtac.Meeting, congtac.Date, bool) {
	m, ok := apiRecord(s, w, r, "hội nghị", s.findVisibleMeeting)
	if !ok {
		return m, congtac.Date{}, false
	}
	of, err := congtac.ParseDate(r.PathValue("date"))
	if err != nil {
		s.apiFail(w, r, notFoundFor("buổi họp"), 0)
		return m, of, false
	}
	return m, of, true
}

// handleAPISittingChange moves or cancels one sitting of a series and answers with the
// meeting.
func (s *Server) handleAPISittingChange(w http.ResponseWriter, r *http.Request) {
	m, of, ok := s.sittingOf(w, r)
	if !ok {
		return
	}
	var body apiSittingChange
	if !s.readJSON(w, r, &body) {
		return
	}
	var p congtac.Problems
	version := bodyVersion(&p, body.Version)
	o := congtac.Sitting{Of: of, Date: of, Start: m.Start, Part: m.Part, Place: body.Place, Cancelled: body.Cancelled,
		Note: body.Note}
	if body.Date != "" {
		o.Date = bodyDate(&p, "date", body.Date)
	}
	if body.Start != "" || body.Part != "" {
		o.Start, o.Part = meetingTime(&p, body.Start, body.Part)
	}
	if err := p.Err(); err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	if _, err := s.st.ChangeSitting(r.Context(), actorOf(r), m.ID, version, o); err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api change sitting: %w", err), 0)
		return
	}
	s.writeMeeting(w, r, m.ID, http.StatusOK)
}

// handleAPISittingRestore holds one sitting of a series again as the rule gives it, given
// ?version=, and answers with the meeting.
func (s *Server) handleAPISittingRestore(w http.ResponseWriter, r *http.Request) {
	q, ok := s.apiQueryOf(w, r)
	if !ok {
		return
	}
	version := q.integer("version")
	if q.fail(s, w, r) {
		return
	}
	m, of, ok := s.sittingOf(w, r)
	if !ok {
		return
	}
	if _, err := s.st.RestoreSitting(r.Context(), actorOf(r), m.ID, int(*version), of); err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api restore sitting: %w", err), 0)
		return
	}
	s.writeMeeting(w, r, m.ID, http.StatusOK)
}

// apiMeetingIssue is the body of POST /api/v1/meetings/{id}/documents.
type apiMeetingIssue struct {
	Type     string `json:"type"`
	IssuedOn string `json:"issued_on"`
}

// handleAPIMeetingIssue issues the meeting's invitation (GM) or notice of conclusions (TB)
// and answers 201 with the registered document.
func (s *Server) handleAPIMeetingIssue(w http.ResponseWriter, r *http.Request) {
	m, ok := apiRecord(s, w, r, "hội nghị", s.findVisibleMeeting)
	if !ok {
		return
	}
	var body apiMeetingIssue
	if !s.readJSON(w, r, &body) {
		return
	}
	var p congtac.Problems
	on := s.today()
	if body.IssuedOn != "" {
		on = bodyDate(&p, "issued_on", body.IssuedOn)
	}
	if err := p.Err(); err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	d, err := assemble.IssueMeetingDocument(r.Context(), s.st, actorOf(r), m.ID, congtac.DocType(body.Type), on)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api issue meeting document: %w", err), 0)
		return
	}
	w.Header().Set("Location", "/api/v1/documents/"+strconv.FormatInt(d.ID, 10))
	writeJSON(w, http.StatusCreated, newAPIDocument(d))
}
