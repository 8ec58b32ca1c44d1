package web

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"congtac"
	"congtac/vn"
)

// Report pages and forms. Who may do what is decided in two places: a report outside the
// actor's ViewReports reach (and a task outside its ViewTasks reach) is 404, as if it did not
// exist; on a record the actor may see, the store decides, and its refusal (EFORBIDDEN) is
// answered 403, since the record's existence is no secret to the actor.

// reportsPerPage is how many reports a page of the report list shows.
const reportsPerPage = 30

// reportRow is one report as lists show it.
type reportRow struct {
	Href       string
	Task       string // the task's text; "" on the task's own page
	TaskDue    string
	Org        string
	Occurrence string
	Percent    int
	Status     statusView
	Submitted  string
}

// newReportRow returns the row of report rep on task t (nil on the task's own page).
func newReportRow(rep congtac.Report, t *congtac.Task, orgs orgIndex, loc *time.Location) reportRow {
	var task, due string
	if t != nil {
		task, due = t.Text, t.Due.Label()
	}
	return reportRow{Href: fmt.Sprintf("/reports/%d", rep.ID), Task: task, TaskDue: due, Org: orgs.Name(rep.OrgID),
		Occurrence: reportPeriod(rep, loc), Percent: rep.Percent,
		Status: statusView{string(rep.Status), rep.Status.Label()}, Submitted: instantText(rep.SubmittedAt, loc)}
}

// reportPeriod names the period a report is for, the "Kỳ" of report lists: the occurrence
// of a recurring duty ("kỳ hạn 30/4/2023"), else the month it was sent in ("tháng 4/2023");
// "" for a draft not sent.
func reportPeriod(rep congtac.Report, loc *time.Location) string {
	switch {
	case !rep.Occurrence.IsZero():
		return "kỳ hạn " + vn.ShortDate(rep.Occurrence)
	case rep.SubmittedAt.IsZero():
		return ""
	}
	at := rep.SubmittedAt.In(loc)
	return fmt.Sprintf("tháng %d/%d", int(at.Month()), at.Year())
}

// reportListPage is the data of reports.html.
type reportListPage struct {
	layout
	Statuses, Orgs []option
	Errors         map[string]string // by query parameter
	Rows           []reportRow
	Pager          pager
	Offline        bool // the reader may send reports from a filled sheet
}

func (reportListPage) template() string { return "reports" }

// FilterFields returns the fields of the filter form, as asked, with their messages.
func (p reportListPage) FilterFields() []field {
	e := p.Errors
	return []field{
		newField(e, field{Kind: fieldSelect, ID: "f-status", Name: "status", Label: "Trạng thái", Blank: "Tất cả",
			Options: p.Statuses}),
		newField(e, field{Kind: fieldSelect, ID: "f-org", Name: "org", Label: "Đơn vị báo cáo", Blank: "Tất cả",
			Options: p.Orgs}),
	}
}

// handleReportList lists the reports within the actor's ViewReports reach, newest first,
// filtered by the query's status, org and task, a page at a time. Bad filter values
// re-render the form with 422.
func (s *Server) handleReportList(w http.ResponseWriter, r *http.Request) {
	ctx, a, q := r.Context(), actorOf(r), r.URL.Query()
	f, ferr := parseReportQuery(a, q)
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page := reportListPage{layout: s.layout(r, "Báo cáo tiến độ"), Errors: congtac.FieldErrors(ferr),
		Statuses: optionsOf(congtac.ReportStatuses, congtac.ReportStatus.Label, q.Get("status")),
		Orgs:     orgOptions(orgs.Within(a, congtac.ViewReports, s.today()), q.Get("org")),
		Offline:  orgs.Can(a, congtac.WriteReports, a.OrgID)}
	if ferr != nil {
		s.render(w, r, http.StatusUnprocessableEntity, page)
		return
	}
	n := pageParam(q)
	f.Offset, f.Limit = (n-1)*reportsPerPage, reportsPerPage
	reports, total, err := s.st.FindReports(ctx, f)
	if err != nil {
		s.fail(w, r, fmt.Errorf("web: report list: %w", err))
		return
	}
	tasks, err := s.reportTasks(ctx, reports)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, rep := range reports {
		t := tasks[rep.TaskID]
		page.Rows = append(page.Rows, newReportRow(rep, &t, orgs, s.loc))
	}
	page.Pager = newPager(r, n, reportsPerPage, total)
	s.render(w, r, http.StatusOK, page)
}

// reportTasks returns the tasks the reports are on, by ID, read in one go.
func (s *Server) reportTasks(ctx context.Context, reports []congtac.Report) (map[int64]congtac.Task, error) {
	ids := make([]int64, 0, len(reports))
	for _, rep := range reports {
		ids = append(ids, rep.TaskID)
	}
	slices.Sort(ids)
	found, err := s.st.FindTasksByID(ctx, slices.Compact(ids))
	if err != nil {
		return nil, fmt.Errorf("web: report tasks: %w", err)
	}
	tasks := make(map[int64]congtac.Task, len(found))
	for _, t := range found {
		tasks[t.ID] = t
	}
	return tasks, nil
}

// reportPage is the data of report.html.
type reportPage struct {
	layout
	Problems []string // why a post was refused, when its form is no longer offered
	Report   reportView
	Edit     *reportForm // the report is a draft or returned and the actor may write for its org
	Submit   *submitForm // likewise
	Review   *reviewForm // the report is submitted and the actor may review it
	Files    []fileLink  // its attachments, to download
	Attach   string      // where the author attaches another file; "" when it may not
	Shares   []reportRow // on a lead's report: the latest report of each supporting org on the same task and period
}

func (reportPage) template() string { return "report" }

// reportView is a report's content and history.
type reportView struct {
	Href                                    string
	Task, TaskHref                          string
	Org, Occurrence, DoneOn, Value, Text    string
	Percent                                 int
	Status                                  statusView
	Author, Submitted, Reviewed, ReviewNote string
}

// submitForm sends a draft or returned report to the office.
type submitForm struct {
	Version int
	Errors  []string
}

// reportState is what a refused post leaves on the report page: the form as it was sent,
// with its messages. The zero value shows fresh forms.
type reportState struct {
	edit   *reportForm
	submit []string
	review *reviewForm
}

// handleReportShow shows a report within the actor's ViewReports reach, with the forms to
// edit and send it when the actor may write for its org, and the review form when it is
// submitted and the actor may review it. Anything else is 404.
func (s *Server) handleReportShow(w http.ResponseWriter, r *http.Request) {
	rep, ok := s.visibleReport(w, r)
	if ok {
		s.renderReport(w, r, rep, http.StatusOK, reportState{})
	}
}

// visibleReport returns the report named by the path when the actor may view it, or
// answers 404 (or the error) itself and returns false.
func (s *Server) visibleReport(w http.ResponseWriter, r *http.Request) (congtac.Report, bool) {
	id, ok := pathID(r, "id")
	if !ok {
		s.fail(w, r, notFoundFor("báo cáo"))
		return congtac.Report{}, false
	}
	rep, err := s.findVisibleReport(r.Context(), actorOf(r), id)
	if err != nil {
		s.fail(w, r, err)
		return rep, false
	}
	return rep, true
}

// renderReport renders the page of report rep with status and the forms st leaves.
func (s *Server) renderReport(w http.ResponseWriter, r *http.Request, rep congtac.Report, status int, st reportState) {
	ctx, a := r.Context(), actorOf(r)
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	t, err := s.st.FindTaskByID(ctx, rep.TaskID)
	if err != nil {
		s.fail(w, r, fmt.Errorf("web: report task: %w", err))
		return
	}
	page := reportPage{layout: s.layout(r, "Báo cáo tiến độ")}
	if page.Report, err = s.newReportView(ctx, a, rep, t, orgs); err != nil {
		s.fail(w, r, err)
		return
	}
	editable := rep.Status == congtac.ReportDraft || rep.Status == congtac.ReportReturned
	if editable && a.Can(congtac.WriteReports) && orgs.Can(a, congtac.WriteReports, rep.OrgID) {
		page.Edit, page.Submit = st.edit, &submitForm{Version: rep.Version, Errors: st.submit}
		if page.Edit == nil {
			page.Edit = &reportForm{Action: fmt.Sprintf("/reports/%d", rep.ID), Errors: map[string]string{}}
			page.Edit.fillFrom(rep)
		}
		page.Edit.fillChoices(t, nil, orgs, s.today())
		page.Attach = fmt.Sprintf("/reports/%d/files", rep.ID)
	}
	files, err := s.st.FindReportFiles(ctx, rep.ID)
	if err == nil && rep.OrgID == t.Lead && len(t.Support) > 0 {
		page.Shares, err = s.supportReports(ctx, a, rep, t, orgs)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, f := range files {
		page.Files = append(page.Files, fileLink{Href: fmt.Sprintf("/report-files/%d", f.ID),
			Label: fmt.Sprintf("%s (%s)", f.Name, sizeText(f.Size))})
	}
	if rep.Status == congtac.ReportSubmitted && a.Can(congtac.ReviewReports) && orgs.Can(a, congtac.ReviewReports, rep.OrgID) {
		page.Review = st.review
		if page.Review == nil {
			page.Review = &reviewForm{Version: rep.Version, Errors: map[string]string{}}
		}
	}
	page.Problems = st.unshown(page)
	s.render(w, r, status, page)
}

// unshown returns the messages of the forms of st that page does not offer any more: a
// refusal because the report has moved on (sent, reviewed) must still be read.
func (st reportState) unshown(page reportPage) []string {
	var out []string
	if page.Edit == nil && st.edit != nil {
		out = append(out, messages(st.edit.Errors, st.edit.General)...)
	}
	if page.Submit == nil {
		out = append(out, st.submit...)
	}
	if page.Review == nil && st.review != nil {
		out = append(out, messages(st.review.Errors, st.review.General)...)
	}
	return out
}

// messages returns the general messages, then the fields' in the order of their names.
func messages(fields map[string]string, general []string) []string {
	out := slices.Clone(general)
	for _, k := range slices.Sorted(maps.Keys(fields)) {
		out = append(out, fields[k])
	}
	return out
}

// newReportView returns the content of report rep on task t.
func (s *Server) newReportView(ctx context.Context, a congtac.Actor, rep congtac.Report, t congtac.Task, orgs orgIndex) (reportView, error) {
	v := reportView{Href: fmt.Sprintf("/reports/%d", rep.ID), Task: t.Text, Org: orgs.Name(rep.OrgID), Occurrence: reportPeriod(rep, s.loc),
		DoneOn: vn.ShortDate(rep.DoneOn), Text: rep.Text, Percent: rep.Percent,
		Status:    statusView{string(rep.Status), rep.Status.Label()},
		Submitted: instantText(rep.SubmittedAt, s.loc), Reviewed: instantText(rep.ReviewedAt, s.loc),
		ReviewNote: rep.ReviewNote}
	if orgs.CanOnTask(a, congtac.ViewTasks, t) {
		v.TaskHref = fmt.Sprintf("/tasks/%d", t.ID)
	}
	if rep.Value != nil {
		v.Value = numberText(*rep.Value)
		if t.Target != nil {
			v.Value += unitText(t.Target.Unit) + " (chỉ tiêu: " + t.Target.String() + ")"
		}
	}
	if rep.AuthorID != 0 {
		u, err := s.st.FindUserByID(ctx, rep.AuthorID)
		if err != nil && congtac.ErrorCode(err) != congtac.ENOTFOUND {
			return v, fmt.Errorf("web: report author: %w", err)
		}
		v.Author = u.DisplayName
	}
	return v, nil
}

// handleReportCreate records the form of the task page as a new report on a task within
// the actor's ViewTasks reach, kept as a draft or, with action=submit, sent at once; it
// redirects to the report. A form that cannot be read or that the store finds invalid comes
// back with 422, as typed, each message by its field. A task the actor may report on for
// none of its orgs is 403.
func (s *Server) handleReportCreate(w http.ResponseWriter, r *http.Request) {
	ctx, a := r.Context(), actorOf(r)
	t, ok := s.pathTask(w, r)
	if !ok {
		return
	}
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ids := reportOrgs(a, t, orgs)
	if len(ids) == 0 {
		s.fail(w, r, congtac.Forbidden())
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxReportUpload)
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		if err := r.ParseMultipartForm(1 << 20); err != nil {
			s.fail(w, r, congtac.FieldError("file", "Không đọc được các tệp tải lên (tối đa %d MB).", maxReportUpload>>20))
			return
		}
	}
	f := readReportForm(r, fmt.Sprintf("/tasks/%d/reports", t.ID))
	rep, err := f.report(t, ids)
	var files []congtac.Attachment
	if err == nil {
		files, err = uploadedFiles(r, "file")
	}
	if err == nil {
		rep.Status = congtac.ReportDraft
		if r.PostFormValue("action") == "submit" {
			rep.Status = congtac.ReportSubmitted
		}
		if rep, err = s.st.CreateReport(ctx, a, rep, files...); err == nil {
			s.flash(r, map[congtac.ReportStatus]string{congtac.ReportDraft: "Đã lưu báo cáo (đang soạn).",
				congtac.ReportSubmitted: "Đã gửi báo cáo tới Văn phòng."}[rep.Status])
			http.Redirect(w, r, fmt.Sprintf("/reports/%d", rep.ID), http.StatusSeeOther)
			return
		}
	}
	if congtac.ErrorCode(err) != congtac.EINVALID {
		s.fail(w, r, err)
		return
	}
	f.setErrors(err)
	f.fillChoices(t, ids, orgs, s.today())
	s.renderTask(w, r, t, http.StatusUnprocessableEntity, taskRefusal{report: f})
}

// handleReportUpdate changes a draft or returned report with the form of its page (fields
// as for [Server.handleReportCreate] but org, and version) and, with action=submit, sends
// it. The report's version must be the one the form was read at, else 409.
func (s *Server) handleReportUpdate(w http.ResponseWriter, r *http.Request) {
	rep, ok := s.visibleReport(w, r)
	if !ok {
		return
	}
	ctx, a := r.Context(), actorOf(r)
	t, err := s.st.FindTaskByID(ctx, rep.TaskID)
	if err != nil {
		s.fail(w, r, fmt.Errorf("web: report task: %w", err))
		return
	}
	f := readReportForm(r, fmt.Sprintf("/reports/%d", rep.ID))
	u, err := f.update(t)
	if err == nil {
		err = checkVersion(f.Version)
	}
	if err == nil {
		save, msg := s.st.UpdateReport, "Đã lưu báo cáo."
		if r.PostFormValue("action") == "submit" {
			save, msg = s.st.SubmitReport, "Đã gửi báo cáo tới Văn phòng."
		}
		if _, err = save(ctx, a, rep.ID, f.Version, u); err == nil {
			s.flash(r, msg)
			http.Redirect(w, r, fmt.Sprintf("/reports/%d", rep.ID), http.StatusSeeOther)
			return
		}
	}
	if congtac.ErrorCode(err) != congtac.EINVALID {
		s.fail(w, r, err)
		return
	}
	f.setErrors(err)
	s.renderReport(w, r, rep, http.StatusUnprocessableEntity, reportState{edit: f})
}

// unitText returns a unit as it follows a number: "%" right after it, others after a space.
func unitText(unit string) string {
	if unit == "" || unit == "%" {
		return unit
	}
	return " " + unit
}

// checkVersion requires the version a form carries.
func checkVersion(v int) error {
	if v <= 0 {
		return congtac.Errorf(congtac.EINVALID, "Biểu mẫu thiếu phiên bản của bản ghi; hãy tải lại trang rồi làm lại.")
	}
	return nil
}

// handleReportSubmit sends a draft or returned report to the office (field version; 409
// when it moved) and redirects to it; a report that cannot be sent comes back with 422 and
// the reason.
func (s *Server) handleReportSubmit(w http.ResponseWriter, r *http.Request) {
	rep, ok := s.visibleReport(w, r)
	if !ok {
		return
	}
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	err := checkVersion(version)
	if err == nil {
		if _, err = s.st.SubmitReport(r.Context(), actorOf(r), rep.ID, version, congtac.ReportUpdate{}); err == nil {
			s.flash(r, "Đã gửi báo cáo tới Văn phòng.")
			http.Redirect(w, r, fmt.Sprintf("/reports/%d", rep.ID), http.StatusSeeOther)
			return
		}
	}
	if congtac.ErrorCode(err) != congtac.EINVALID {
		s.fail(w, r, err)
		return
	}
	_, general := splitFieldErrors(err, nil)
	s.renderReport(w, r, rep, http.StatusUnprocessableEntity, reportState{submit: general})
}

// handleReportReview accepts (action=accept) or returns (action=return, with a note) a
// submitted report whose org is within the actor's ReviewReports reach, and redirects to
// it; accepting a report of 100% completes the org's share of the task. Fields version (409
// when it moved), action and note; a refused review comes back with 422.
func (s *Server) handleReportReview(w http.ResponseWriter, r *http.Request) {
	rep, ok := s.visibleReport(w, r)
	if !ok {
		return
	}
	ctx, a := r.Context(), actorOf(r)
	if ok, err := s.st.Reaches(ctx, a, congtac.ReviewReports, rep.OrgID); err != nil {
		s.fail(w, r, err)
		return
	} else if !ok {
		s.fail(w, r, congtac.Forbidden())
		return
	}
	f := readReviewForm(r)
	to, err := f.target()
	if err == nil {
		err = checkVersion(f.Version)
	}
	if err == nil {
		if _, err = s.st.ReviewReport(ctx, a, rep.ID, f.Version, to, f.Note); err == nil {
			s.flash(r, map[congtac.ReportStatus]string{congtac.ReportAccepted: "Đã tiếp nhận báo cáo.",
				congtac.ReportReturned: "Đã trả lại báo cáo để đơn vị bổ sung."}[to])
			http.Redirect(w, r, fmt.Sprintf("/reports/%d", rep.ID), http.StatusSeeOther)
			return
		}
	}
	if congtac.ErrorCode(err) != congtac.EINVALID {
		s.fail(w, r, err)
		return
	}
	f.setErrors(err)
	s.renderReport(w, r, rep, http.StatusUnprocessableEntity, reportState{review: f})
}

// handleReportFileAdd attaches a file to a draft or returned report from its page.
func (s *Server) handleReportFileAdd(w http.ResponseWriter, r *http.Request) {
	rep, ok := s.visibleReport(w, r)
	if !ok {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, congtac.MaxMaterialBytes+1<<20)
	name, data, err := uploadedFile(r, "file", congtac.MaxMaterialBytes)
	if err == nil {
		_, err = s.st.AddReportFile(r.Context(), actorOf(r), rep.ID, name, data)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.flash(r, "Đã đính kèm "+congtac.MaterialName(name)+".")
	http.Redirect(w, r, fmt.Sprintf("/reports/%d", rep.ID), http.StatusSeeOther)
}

// handleReportFileShow sends a report's attachment to whoever may read the report.
func (s *Server) handleReportFileShow(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		s.fail(w, r, notFoundFor("tệp đính kèm"))
		return
	}
	ctx := r.Context()
	f, err := s.st.FindReportFileInfo(ctx, id)
	if err == nil {
		_, err = s.findVisibleReport(ctx, actorOf(r), f.ReportID)
	}
	if err == nil { // the bytes are read only for a reader who may have them
		f, err = s.st.FindReportFile(ctx, id)
	}
	if err != nil {
		s.fail(w, r, notFoundFor("tệp đính kèm"))
		return
	}
	sendFile(w, r, f.ContentType, f.Name, f.Data)
}

// supportReports returns, for the lead's report rep on task t, the latest report sent by
// each supporting org on the same task and occurrence that a may read: what the lead's
// report rests on.
func (s *Server) supportReports(ctx context.Context, a congtac.Actor, rep congtac.Report, t congtac.Task, orgs orgIndex) ([]reportRow, error) {
	reports, _, err := s.st.FindReports(ctx, congtac.ReportFilter{TaskID: &t.ID, Reach: a.Reach(congtac.ViewReports)})
	if err != nil {
		return nil, err
	}
	var out []reportRow
	seen := map[int64]bool{}
	for _, other := range reports { // newest first
		supports := slices.ContainsFunc(t.Support, func(sp congtac.Support) bool { return sp.OrgID == other.OrgID })
		if !supports || seen[other.OrgID] || other.Occurrence != rep.Occurrence || other.Status == congtac.ReportDraft {
			continue
		}
		seen[other.OrgID] = true
		out = append(out, newReportRow(other, nil, orgs, s.loc))
	}
	return out, nil
}
