package web

import (
	"cmp"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"

	"congtac"
)

// apiReport is an org's progress report on a task.
type apiReport struct {
	ID          int64    `json:"id"`
	TaskID      int64    `json:"task_id"`
	OrgID       int64    `json:"org_id"`
	Occurrence  *string  `json:"occurrence"`
	Text        string   `json:"text"`
	Percent     int      `json:"percent"`
	Value       *float64 `json:"value"`
	DoneOn      *string  `json:"done_on"`
	Status      string   `json:"status"`
	StatusLabel string   `json:"status_label"`
	ReviewNote  string   `json:"review_note"`
	AuthorID    *int64   `json:"author_id"`
	SubmittedAt *string  `json:"submitted_at"`
	ReviewedAt  *string  `json:"reviewed_at"`
	Version     int      `json:"version"`
}

func newAPIReport(r congtac.Report) apiReport {
	return apiReport{ID: r.ID, TaskID: r.TaskID, OrgID: r.OrgID, Occurrence: apiDate(r.Occurrence), Text: r.Text,
		Percent: r.Percent, Value: r.Value, DoneOn: apiDate(r.DoneOn), Status: string(r.Status),
		StatusLabel: r.Status.Label(), ReviewNote: r.ReviewNote, AuthorID: apiID(r.AuthorID),
		SubmittedAt: apiTime(r.SubmittedAt), ReviewedAt: apiTime(r.ReviewedAt), Version: r.Version}
}

// apiReportCreate is the body of POST /api/v1/reports.
type apiReportCreate struct {
	TaskID     int64    `json:"task_id"`
	OrgID      int64    `json:"org_id"`
	Occurrence string   `json:"occurrence"`
	Text       string   `json:"text"`
	Percent    int      `json:"percent"`
	Value      *float64 `json:"value"`
	DoneOn     string   `json:"done_on"`
	Submit     bool     `json:"submit"`
}

// apiReportUpdate is the body of PATCH /api/v1/reports/{id}: the version read, and only the
// fields to change. sent tells a field given as null (cleared) from one left out.
type apiReportUpdate struct {
	Version    *int     `json:"version"`
	Occurrence *string  `json:"occurrence"`
	Text       *string  `json:"text"`
	Percent    *int     `json:"percent"`
	Value      *float64 `json:"value"`
	DoneOn     *string  `json:"done_on"`
	sent       map[string]json.RawMessage
}

// UnmarshalJSON decodes the fields strictly and remembers which were sent.
func (u *apiReportUpdate) UnmarshalJSON(b []byte) error {
	type fields apiReportUpdate
	if err := strictJSON(b, (*fields)(u)); err != nil {
		return err
	}
	return json.Unmarshal(b, &u.sent)
}

// apiReportSubmit is the body of POST /api/v1/reports/{id}/submit.
type apiReportSubmit struct {
	Version *int `json:"version"`
}

// apiReportReview is the body of POST /api/v1/reports/{id}/review.
type apiReportReview struct {
	Version *int   `json:"version"`
	Action  string `json:"action"`
	Note    string `json:"note"`
}

// reportSchemas returns the schemas of the report DTOs above, for the OpenAPI document;
// TestSchemasMatchDTOs holds them to the types.
func reportSchemas() map[string]*oaSchema {
	version := schInt("Phiên bản của báo cáo đã đọc; khác phiên bản hiện tại thì trả về 409.")
	return map[string]*oaSchema{
		"Report": schObject("Báo cáo tiến độ của một đơn vị về một nhiệm vụ.", oaProps{
			"id": schInt("Mã."), "task_id": schInt("Nhiệm vụ."), "org_id": schInt("Đơn vị báo cáo."),
			"occurrence": schNullable(schDate("Kỳ (hạn của lần lặp) với nhiệm vụ lặp lại.")),
			"text":       schString("Nội dung."), "percent": schInt("Tỷ lệ hoàn thành (0–100)."),
			"value":   schNullable(schNumber("Giá trị đạt được so với chỉ tiêu.")),
			"done_on": schNullable(schDate("Ngày hoàn thành khi 100%.")),
			"status":  schEnum("Trạng thái.", codesOf(congtac.ReportStatuses)...), "status_label": schString("Tên trạng thái."),
			"review_note": schString("Ý kiến khi trả lại hoặc tiếp nhận."), "author_id": schNullable(schInt("Tài khoản soạn.")),
			"submitted_at": schNullable(schDateTime("Gửi lúc")), "reviewed_at": schNullable(schDateTime("Duyệt lúc")),
			"version": schInt("Phiên bản."),
		}),
		"ReportCreate": schInput("Báo cáo mới: lưu nháp, hoặc gửi ngay khi submit là true.",
			[]string{"task_id", "org_id", "text"}, oaProps{
				"task_id": schInt("Nhiệm vụ."), "org_id": schInt("Đơn vị báo cáo (chủ trì hoặc phối hợp)."),
				"occurrence": schDate("Kỳ, bắt buộc với nhiệm vụ lặp lại."), "text": schMax(schString("Nội dung."), congtac.MaxLongText),
				"percent": schRange(schInt("Tỷ lệ hoàn thành (0–100), mặc định 0."), 0, 100), "value": schNullable(schNumber("Giá trị đạt được.")),
				"done_on": schDate("Ngày hoàn thành, bắt buộc khi 100%."), "submit": schBool("Gửi ngay."),
			}),
		"ReportUpdate": schInput("Các trường cần sửa của báo cáo đang soạn hoặc bị trả lại; null xóa giá trị.",
			[]string{"version"}, oaProps{
				"version": version, "occurrence": schNullable(schDate("Kỳ.")), "text": schMax(schString("Nội dung."), congtac.MaxLongText),
				"percent": schRange(schInt("Tỷ lệ hoàn thành (0–100)."), 0, 100), "value": schNullable(schNumber("Giá trị đạt được.")),
				"done_on": schNullable(schDate("Ngày hoàn thành.")),
			}),
		"ReportSubmit": schInput("Gửi báo cáo.", []string{"version"}, oaProps{"version": version}),
		"ReportReview": schInput("Tiếp nhận hoặc trả lại báo cáo đã gửi.", []string{"version", "action"}, oaProps{
			"version": version, "action": schEnum("accept: tiếp nhận; return: trả lại.", "accept", "return"),
			"note": schString("Ý kiến; bắt buộc khi trả lại."),
		}),
	}
}

// handleAPIReportList lists the reports of orgs within the actor's ViewReports reach,
// newest first, filtered by task, org and status (see parseReportQuery).
func (s *Server) handleAPIReportList(w http.ResponseWriter, r *http.Request) {
	q, ok := s.apiQueryOf(w, r)
	if !ok {
		return
	}
	f, err := parseReportQuery(actorOf(r), q.values)
	q.addErr(err)
	f.Limit, f.Offset = q.page()
	if q.fail(s, w, r) {
		return
	}
	reports, total, err := s.st.FindReports(r.Context(), f)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api reports: %w", err), 0)
		return
	}
	writeJSON(w, http.StatusOK, newAPIList(reports, total, f.Limit, f.Offset, newAPIReport))
}

// handleAPIReportShow answers one report; 404 when it does not exist or its org is outside
// the actor's ViewReports reach.
func (s *Server) handleAPIReportShow(w http.ResponseWriter, r *http.Request) {
	id, ok := s.apiPathID(w, r, "báo cáo")
	if !ok {
		return
	}
	rep, err := s.findVisibleReport(r.Context(), actorOf(r), id)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api report: %w", err), 0)
		return
	}
	writeJSON(w, http.StatusOK, newAPIReport(rep))
}

// handleAPIReportCreate records a progress report of org_id on task_id, as a draft or sent
// at once (submit), and answers 201 with it. A task the actor may not view is 404 (field
// task_id); an org the actor may not write for, or one that neither leads nor supports the
// task, is 403.
func (s *Server) handleAPIReportCreate(w http.ResponseWriter, r *http.Request) {
	var body apiReportCreate
	if !s.readJSON(w, r, &body) {
		return
	}
	var p congtac.Problems
	if body.TaskID == 0 {
		p.Add("task_id", "Chưa chọn nhiệm vụ.")
	}
	if body.OrgID == 0 {
		p.Add("org_id", "Chưa chọn đơn vị báo cáo.")
	}
	rep := congtac.Report{TaskID: body.TaskID, OrgID: body.OrgID, Text: body.Text, Percent: body.Percent,
		Value: body.Value, Occurrence: bodyDate(&p, "occurrence", body.Occurrence),
		DoneOn: bodyDate(&p, "done_on", body.DoneOn), Status: congtac.ReportDraft}
	if body.Submit {
		rep.Status = congtac.ReportSubmitted
	}
	if err := p.Err(); err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	ctx, a := r.Context(), actorOf(r)
	if _, err := s.findVisibleTask(ctx, a, body.TaskID); err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api create report: %w", onField(err, "task_id")), 0)
		return
	}
	if !s.apiMayWrite(w, r, body.OrgID) {
		return
	}
	rep, err := s.st.CreateReport(ctx, a, rep)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api create report: %w", err), 0)
		return
	}
	w.Header().Set("Location", "/api/v1/reports/"+strconv.FormatInt(rep.ID, 10))
	writeJSON(w, http.StatusCreated, newAPIReport(rep))
}

// handleAPIReportUpdate changes the fields sent of a draft or returned report, given the
// version read: 404 outside the actor's reach, 403 when it may not write for the report's
// org, 409 when the version moved, 422 for a report already sent or invalid fields.
func (s *Server) handleAPIReportUpdate(w http.ResponseWriter, r *http.Request) {
	rep, ok := s.apiReportToChange(w, r, congtac.WriteReports)
	if !ok {
		return
	}
	var body apiReportUpdate
	if !s.readJSON(w, r, &body) {
		return
	}
	var p congtac.Problems
	version := bodyVersion(&p, body.Version)
	u := congtac.ReportUpdate{Text: body.Text, Percent: body.Percent}
	if _, ok := body.sent["value"]; ok {
		u.Value = &body.Value
	}
	if _, ok := body.sent["occurrence"]; ok {
		u.Occurrence = ptr(bodyDate(&p, "occurrence", deref(body.Occurrence)))
	}
	if _, ok := body.sent["done_on"]; ok {
		u.DoneOn = ptr(bodyDate(&p, "done_on", deref(body.DoneOn)))
	}
	if err := p.Err(); err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	rep, err := s.st.UpdateReport(r.Context(), actorOf(r), rep.ID, version, u)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api update report: %w", err), 0)
		return
	}
	writeJSON(w, http.StatusOK, newAPIReport(rep))
}

// handleAPIReportSubmit sends a draft or returned report to the office, given the version
// read; errors as [Server.handleAPIReportUpdate].
func (s *Server) handleAPIReportSubmit(w http.ResponseWriter, r *http.Request) {
	rep, ok := s.apiReportToChange(w, r, congtac.WriteReports)
	if !ok {
		return
	}
	var body apiReportSubmit
	if !s.readJSON(w, r, &body) {
		return
	}
	var p congtac.Problems
	version := bodyVersion(&p, body.Version)
	if err := p.Err(); err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	rep, err := s.st.SubmitReport(r.Context(), actorOf(r), rep.ID, version, congtac.ReportUpdate{})
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api submit report: %w", err), 0)
		return
	}
	writeJSON(w, http.StatusOK, newAPIReport(rep))
}

// handleAPIReportReview accepts (action "accept") or returns (action "return", with a
// note) a submitted report, given the version read. Accepting a report of 100% completes
// the org's share of the task. 404 outside the actor's reach, 403 outside its
// ReviewReports reach, 409 when the version moved, 422 for a report not submitted.
func (s *Server) handleAPIReportReview(w http.ResponseWriter, r *http.Request) {
	rep, ok := s.apiReportToChange(w, r, congtac.ReviewReports)
	if !ok {
		return
	}
	var body apiReportReview
	if !s.readJSON(w, r, &body) {
		return
	}
	var p congtac.Problems
	version := bodyVersion(&p, body.Version)
	to, known := map[string]congtac.ReportStatus{"accept": congtac.ReportAccepted, "return": congtac.ReportReturned}[body.Action]
	if !known {
		p.Add("action", "Hành động phải là accept (tiếp nhận) hoặc return (trả lại).")
	}
	if err := p.Err(); err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	rep, err := s.st.ReviewReport(r.Context(), actorOf(r), rep.ID, version, to, body.Note)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api review report: %w", renameField(err, "review_note", "note")), 0)
		return
	}
	writeJSON(w, http.StatusOK, newAPIReport(rep))
}

// apiReportToChange returns the report of the request's path for a change needing
// capability c on its org, or answers 404 (missing or outside the actor's ViewReports
// reach) or 403 (outside its reach for c) and returns false.
func (s *Server) apiReportToChange(w http.ResponseWriter, r *http.Request, c congtac.Capability) (congtac.Report, bool) {
	id, ok := s.apiPathID(w, r, "báo cáo")
	if !ok {
		return congtac.Report{}, false
	}
	rep, err := s.findVisibleReport(r.Context(), actorOf(r), id)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api report: %w", err), 0)
		return congtac.Report{}, false
	}
	if c == congtac.WriteReports {
		return rep, s.apiMayWrite(w, r, rep.OrgID)
	}
	if ok, err := s.st.Reaches(r.Context(), actorOf(r), c, rep.OrgID); err != nil || !ok {
		s.apiFail(w, r, cmp.Or(err, error(congtac.Forbidden())), 0)
		return congtac.Report{}, false
	}
	return rep, true
}

// apiMayWrite reports whether the actor may write reports for org, answering 403 when not.
func (s *Server) apiMayWrite(w http.ResponseWriter, r *http.Request, org int64) bool {
	ok, err := s.st.Reaches(r.Context(), actorOf(r), congtac.WriteReports, org)
	if err != nil || !ok {
		s.apiFail(w, r, cmp.Or(err, errNotReporterFor()), 0)
		return false
	}
	return true
}
