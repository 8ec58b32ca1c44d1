package web

import (
	"fmt"
	"io"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"congtac"
	"congtac/vn"
)

// reportForm is the form with which an org reports progress on a task (a new report) or
// edits its draft or returned report. It keeps what the user typed, so that a form refused
// with 422 comes back as it was sent, each message by its field.
type reportForm struct {
	Action      string // where the form posts
	Version     int    // the version of the report edited; 0 for a new report
	Text        string
	Percent     string
	DoneOn      string
	Occurrence  string
	Value       string
	Org         string
	Orgs        []option // the orgs the actor may report for; asked when more than one
	Occurrences []option // a recurring task's occurrences; none for a one-off task
	Target      string   // the task's target; the value field is offered only then
	Errors      map[string]string
	General     []string // messages that belong to no field of the form
}

// OrgField returns the field of the org reported for, as chosen, with its message.
func (f reportForm) OrgField() field {
	return newField(f.Errors, field{Kind: fieldSelect, ID: "r-org", Name: "org", Label: "Báo cáo cho đơn vị",
		Blank: "Chọn đơn vị", Options: f.Orgs})
}

// OccurrenceField returns the field of the occurrence reported on, as chosen, with its
// message.
func (f reportForm) OccurrenceField() field {
	return newField(f.Errors, field{Kind: fieldSelect, ID: "r-occurrence", Name: "occurrence", Label: "Kỳ báo cáo",
		Blank: "Chọn kỳ", Options: f.Occurrences})
}

// ProgressFields returns the fields of the progress reported, as typed, with their
// messages.
func (f reportForm) ProgressFields() []field {
	e := f.Errors
	return []field{
		newField(e, field{Kind: fieldTextarea, ID: "r-text", Name: "text", Label: "Kết quả thực hiện", Rows: 6,
			Required: true, Value: f.Text}),
		newField(e, field{ID: "r-percent", Name: "percent", Label: "Tỷ lệ hoàn thành (%)", Type: "number", Min: "0",
			Max: "100", Step: "1", InputMode: "numeric", Value: f.Percent, Required: true}),
		newField(e, field{ID: "r-done", Name: "done_on", Label: "Ngày hoàn thành (khi đạt 100%, dạng 25/11/2026)",
			InputMode: "numeric", Placeholder: "ngày/tháng/năm", Value: f.DoneOn}),
	}
}

// ValueField returns the field of the value reached against the task's target, as typed,
// with its message.
func (f reportForm) ValueField() field {
	return newField(f.Errors, field{ID: "r-value", Name: "value", Label: "Giá trị đạt được so với chỉ tiêu (" + f.Target + ")",
		InputMode: "decimal", Value: f.Value})
}

// reportFields are the fields of [reportForm] that show their own messages.
var reportFields = []string{"text", "percent", "done_on", "occurrence", "value", "org", "file"}

// attachmentAccept is what file inputs of reports offer to choose.
const attachmentAccept = ".pdf,.docx,.xlsx,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"

// FileField returns the field of the files sent with a new report.
func (f *reportForm) FileField() field {
	return newField(f.Errors, field{ID: "r-file", Name: "file", Type: "file", Multiple: true, Accept: attachmentAccept,
		Label: "Tệp đính kèm (PDF, Word, Excel, ảnh; tối đa 20 MB mỗi tệp)"})
}

// maxReportUpload bounds the body of a report form with its files.
const maxReportUpload = 5*congtac.MaxMaterialBytes + 1<<20

// uploadedFiles returns the files sent in field of a multipart form, each at most
// [congtac.MaxMaterialBytes]; none when the form is not multipart.
func uploadedFiles(r *http.Request, field string) ([]congtac.Attachment, error) {
	if r.MultipartForm == nil {
		return nil, nil
	}
	var out []congtac.Attachment
	for _, h := range r.MultipartForm.File[field] {
		if h.Size > congtac.MaxMaterialBytes {
			return nil, congtac.FieldError(field, "Tệp %s lớn quá %d MB.", congtac.MaterialName(h.Filename), congtac.MaxMaterialBytes>>20)
		}
		f, err := h.Open()
		if err != nil {
			return nil, fmt.Errorf("web: read upload: %w", err)
		}
		data, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("web: read upload: %w", err)
		}
		out = append(out, congtac.Attachment{Name: h.Filename, Data: data})
	}
	return out, nil
}

// reportOrgs returns the orgs a may report for on task t ([congtac.Task.Reporters]: its lead
// or the members with a share, and its support orgs) within a's WriteReports reach. The
// store has the last word (see [store.Store.CreateReport]).
func reportOrgs(a congtac.Actor, t congtac.Task, orgs orgIndex) []int64 {
	if !a.Can(congtac.WriteReports) {
		return nil
	}
	var out []int64
	for _, id := range t.Reporters() {
		if orgs.Can(a, congtac.WriteReports, id) {
			out = append(out, id)
		}
	}
	return out
}

// newReportForm returns an empty form for a new report on task t, or nil when a may report
// for none of its orgs. A recurring task's form proposes its first occurrence not done.
func newReportForm(a congtac.Actor, t congtac.Task, orgs orgIndex, today congtac.Date) *reportForm {
	ids := reportOrgs(a, t, orgs)
	if len(ids) == 0 {
		return nil
	}
	f := &reportForm{Action: fmt.Sprintf("/tasks/%d/reports", t.ID), Errors: map[string]string{}}
	if len(ids) == 1 {
		f.Org = strconv.FormatInt(ids[0], 10)
	}
	for _, o := range t.OccurrenceStatuses(today) {
		if f.Occurrence == "" && !o.Status.Done() {
			f.Occurrence = o.Due.String()
		}
	}
	f.fillChoices(t, ids, orgs, today)
	return f
}

// fillChoices sets the form's choices of orgs and occurrences and the task's target,
// marking what the form holds.
func (f *reportForm) fillChoices(t congtac.Task, ids []int64, orgs orgIndex, today congtac.Date) {
	f.Orgs = nil
	for _, id := range ids {
		v := strconv.FormatInt(id, 10)
		f.Orgs = append(f.Orgs, option{Value: v, Label: orgs.Name(id), Selected: v == f.Org})
	}
	f.Occurrences = nil
	for _, o := range t.OccurrenceStatuses(today) {
		label := vn.ShortDate(o.Due) + " — " + o.Status.Label()
		f.Occurrences = append(f.Occurrences, option{Value: o.Due.String(), Label: label, Selected: o.Due.String() == f.Occurrence})
	}
	if t.Target != nil {
		f.Target = t.Target.String()
	}
}

// readReportForm returns the form as the request posted it, to parse or to show again.
func readReportForm(r *http.Request, action string) *reportForm {
	get := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	f := &reportForm{Action: action, Text: r.PostFormValue("text"), Percent: get("percent"), DoneOn: get("done_on"),
		Occurrence: get("occurrence"), Value: get("value"), Org: get("org"), Errors: map[string]string{}}
	f.Version, _ = strconv.Atoi(get("version"))
	return f
}

// setErrors places the messages of err by their fields; those of no field of the form go
// to General. ECONFLICT and other errors that are not EINVALID are not expected here.
func (f *reportForm) setErrors(err error) {
	f.Errors, f.General = splitFieldErrors(err, reportFields)
}

// splitFieldErrors returns the messages of err (see [congtac.FieldErrors]) for the fields
// known, and the others, sorted, as general messages.
func splitFieldErrors(err error, known []string) (map[string]string, []string) {
	fields := map[string]string{}
	var general []string
	for field, msg := range congtac.FieldErrors(err) {
		if slices.Contains(known, field) {
			fields[field] = msg
		} else {
			general = append(general, msg)
		}
	}
	slices.Sort(general)
	return fields, general
}

// report parses the form into a report of task t, with EINVALID naming each field that
// cannot be read. The org is the one chosen, or the only one of ids; an org chosen outside
// ids is EFORBIDDEN, as the API answers ([Server.apiMayWrite]).
func (f *reportForm) report(t congtac.Task, ids []int64) (congtac.Report, error) {
	rep, pr := f.fields(t)
	rep.OrgID = f.orgID(ids, &pr)
	if rep.OrgID > 0 && !slices.Contains(ids, rep.OrgID) {
		return rep, errNotReporterFor()
	}
	return rep, pr.Err()
}

// errNotReporterFor is the refusal of a report for an org outside the actor's WriteReports
// reach, or one that has no part in the task.
func errNotReporterFor() error {
	return congtac.Errorf(congtac.EFORBIDDEN, "Bạn không được báo cáo cho đơn vị này.")
}

// fields parses the fields of the form that a report's org may change.
func (f *reportForm) fields(t congtac.Task) (congtac.Report, congtac.Problems) {
	var pr congtac.Problems
	rep := congtac.Report{TaskID: t.ID, Text: f.Text}
	switch n, err := strconv.Atoi(strings.TrimSuffix(f.Percent, "%")); {
	case f.Percent == "":
		pr.Add("percent", "Chưa nhập tỷ lệ hoàn thành (từ 0 đến 100).")
	case err != nil:
		pr.Add("percent", "Tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100.")
	default:
		rep.Percent = n
	}
	var err error
	if rep.DoneOn, err = parseDay(f.DoneOn); err != nil {
		pr.Add("done_on", "Ngày hoàn thành %q không đúng dạng ngày/tháng/năm (ví dụ 25/11/2026).", f.DoneOn)
	}
	if t.Target != nil && f.Value != "" {
		if v, err := parseNumber(f.Value); err != nil {
			pr.Add("value", "Giá trị đạt được phải là một số, ví dụ 62,5.")
		} else {
			rep.Value = &v
		}
	}
	if t.Recurrence != nil {
		if rep.Occurrence, err = congtac.ParseDate(f.Occurrence); err != nil || rep.Occurrence.IsZero() {
			pr.Add("occurrence", "Chọn kỳ báo cáo của nhiệm vụ định kỳ.")
		}
	}
	return rep, pr
}

// orgID returns the org the form reports for: the one chosen, or the only one of ids.
func (f *reportForm) orgID(ids []int64, pr *congtac.Problems) int64 {
	if f.Org == "" {
		if len(ids) == 1 {
			return ids[0]
		}
		pr.Add("org", "Chọn đơn vị báo cáo.")
		return 0
	}
	id, err := strconv.ParseInt(f.Org, 10, 64)
	if err != nil || id <= 0 {
		pr.Add("org", "Đơn vị báo cáo không hợp lệ.")
	}
	return id
}

// update returns the changes the form makes to a report of task t.
func (f *reportForm) update(t congtac.Task) (congtac.ReportUpdate, error) {
	rep, pr := f.fields(t)
	if err := pr.Err(); err != nil {
		return congtac.ReportUpdate{}, err
	}
	u := congtac.ReportUpdate{Text: &rep.Text, Percent: &rep.Percent, DoneOn: &rep.DoneOn}
	if t.Target != nil {
		u.Value = &rep.Value
	}
	if t.Recurrence != nil {
		u.Occurrence = &rep.Occurrence
	}
	return u, nil
}

// fillFrom fills an empty form with report rep, to edit it.
func (f *reportForm) fillFrom(rep congtac.Report) {
	f.Version, f.Text, f.Percent = rep.Version, rep.Text, strconv.Itoa(rep.Percent)
	f.DoneOn, f.Occurrence, f.Org = vn.ShortDate(rep.DoneOn), rep.Occurrence.String(), strconv.FormatInt(rep.OrgID, 10)
	if rep.Value != nil {
		f.Value = strings.Replace(strconv.FormatFloat(*rep.Value, 'f', -1, 64), ".", ",", 1)
	}
}

// parseDay reads a day written "25/11/2026" (or "5/1/2026") or "2026-11-25"; "" is the
// zero Date.
func parseDay(s string) (congtac.Date, error) {
	if s == "" || strings.Contains(s, "-") {
		return congtac.ParseDate(s)
	}
	parts := strings.Split(s, "/")
	if len(parts) != 3 || len(parts[2]) != 4 {
		return congtac.Date{}, congtac.Errorf(congtac.EINVALID, "Ngày %q không đúng dạng.", s)
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || len(p) > 4 {
			return congtac.Date{}, congtac.Errorf(congtac.EINVALID, "Ngày %q không đúng dạng.", s)
		}
		n[i] = v
	}
	return congtac.NewDate(n[2], time.Month(n[1]), n[0])
}

// parseNumber reads a number written the Vietnamese way ("1.234,5", "62,5") or with a
// decimal point ("62.5"): with a comma, dots group thousands.
func parseNumber(s string) (float64, error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	if strings.Contains(s, ",") {
		s = strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", ".")
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, congtac.Errorf(congtac.EINVALID, "%q không phải là một số.", s)
	}
	return v, nil
}

// reviewForm accepts or returns a submitted report.
type reviewForm struct {
	Version      int
	Action, Note string
	Errors       map[string]string // by field: action, note
	General      []string
}

// ActionError returns the message on the choice to accept or return, for the fieldset of
// its radio buttons.
func (f reviewForm) ActionError() field {
	return newField(f.Errors, field{ID: "v-action", Name: "action"})
}

// NoteField returns the field of the reviewer's remarks, as typed, with its message.
func (f reviewForm) NoteField() field {
	return newField(f.Errors, field{Kind: fieldTextarea, ID: "v-note", Name: "note", Label: "Ý kiến (bắt buộc khi trả lại)",
		Rows: 3, Value: f.Note})
}

// readReviewForm returns the review form as the request posted it.
func readReviewForm(r *http.Request) *reviewForm {
	f := &reviewForm{Action: r.PostFormValue("action"), Note: r.PostFormValue("note"), Errors: map[string]string{}}
	f.Version, _ = strconv.Atoi(r.PostFormValue("version"))
	return f
}

// target returns the status the review gives the report.
func (f *reviewForm) target() (congtac.ReportStatus, error) {
	switch f.Action {
	case "accept":
		return congtac.ReportAccepted, nil
	case "return":
		return congtac.ReportReturned, nil
	}
	return "", congtac.FieldError("action", "Chọn tiếp nhận hoặc trả lại báo cáo.")
}

// setErrors places the messages of err by the form's fields: the store names the note
// review_note and the choice status.
func (f *reviewForm) setErrors(err error) {
	rename := map[string]string{"action": "action", "status": "action", "review_note": "note"}
	for field, msg := range congtac.FieldErrors(err) {
		if name, ok := rename[field]; ok {
			f.Errors[name] = msg
		} else {
			f.General = append(f.General, msg)
		}
	}
	slices.Sort(f.General)
}
