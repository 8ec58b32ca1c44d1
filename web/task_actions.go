package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"congtac"
	"congtac/vn"
)

// Task actions (issue 13): recording a completion, deferring (giãn tiến độ), cancelling
// and reopening a task in force, through the API and the forms of the task's page. Both
// read what was sent into a taskActionForm, so that one reading serves both.

// The actions, by the last part of their paths.
const (
	actComplete = "completion"
	actDefer    = "deferrals"
	actCancel   = "cancellation"
	actReopen   = "reopen"
)

// taskActionForm is one action's form on a task's page, as typed, with the messages of a
// refused post; the API's bodies are read into it too.
type taskActionForm struct {
	Kind    string // actComplete, actDefer, actCancel or actReopen
	Title   string // the form's heading
	Button  string
	Action  string // where it posts
	Version int

	DoneOn, Org, Occurrence, Report string // a completion's
	On, Reason, ApprovedBy          string // a deferral's, a cancellation's or a reopening's
	Due                             apiDueInput

	Orgs, Occurrences, Reports, Leaders []option
	Errors                              map[string]string
	General                             []string
}

// taskActionFields are the fields of the forms, by the names the store's errors use.
var taskActionFields = []string{"done_on", "org_id", "occurrence", "report_id", "on", "due", "to", "reason", "approved_by"}

// Fields returns the form's fields with their messages.
func (f *taskActionForm) Fields() []field {
	e, id := f.Errors, "ta-"+f.Kind+"-"
	reason := newField(e, field{Kind: fieldTextarea, ID: id + "reason", Name: "reason", Label: "Lý do", Rows: 2,
		Required: true, Value: f.Reason})
	switch f.Kind {
	case actComplete:
		out := []field{newField(e, field{ID: id + "done", Name: "done_on", Label: "Ngày hoàn thành", Type: "date",
			Required: true, Value: f.DoneOn})}
		if len(f.Orgs) > 1 {
			out = append(out, newField(e, field{Kind: fieldSelect, ID: id + "org", Name: "org", Key: "org_id",
				Label: "Đơn vị hoàn thành", Options: f.Orgs}))
		}
		if len(f.Occurrences) > 0 {
			out = append(out, newField(e, field{Kind: fieldSelect, ID: id + "occurrence", Name: "occurrence",
				Label: "Kỳ hoàn thành", Options: f.Occurrences}))
		}
		return append(out, newField(e, field{Kind: fieldSelect, ID: id + "report", Name: "report", Key: "report_id",
			Label: "Theo báo cáo", Blank: "Không theo báo cáo nào", Options: f.Reports}))
	case actDefer:
		return []field{
			newField(e, field{ID: id + "due", Name: "due", Key: "to", Label: "Thời hạn mới (“trong tháng 6/2023”, “trước ngày 15/6/2023”)",
				Required: true, Value: f.Due.Text}),
			reason,
			newField(e, field{Kind: fieldSelect, ID: id + "approved", Name: "approved_by", Label: "Lãnh đạo đồng ý",
				Blank: "Không ghi", Options: f.Leaders}),
			newField(e, field{ID: id + "on", Name: "on", Label: "Ngày quyết định (trống: hôm nay)", Type: "date", Value: f.On}),
		}
	}
	return []field{reason}
}

// readTaskActionForm reads the posted form of action kind.
func readTaskActionForm(r *http.Request, kind string) *taskActionForm {
	r.ParseForm()
	get := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	version, _ := strconv.Atoi(get("version"))
	return &taskActionForm{Kind: kind, Version: version, DoneOn: get("done_on"), Org: get("org"),
		Occurrence: get("occurrence"), Report: get("report"), On: get("on"), Reason: r.PostFormValue("reason"),
		ApprovedBy: get("approved_by"), Due: apiDueInput{Text: get("due")}, Errors: map[string]string{}}
}

// run calls the store's action the form describes on task id, problems first; today is the
// day a deadline phrase is read from and the default day of the decision.
func (f *taskActionForm) run(ctx context.Context, s *Server, a congtac.Actor, id int64, today congtac.Date) (congtac.Task, error) {
	var p congtac.Problems
	on := today
	if f.On != "" {
		on = bodyDate(&p, "on", f.On)
	}
	switch f.Kind {
	case actComplete:
		c := congtac.Completion{OrgID: formID(&p, "org_id", f.Org), ReportID: formID(&p, "report_id", f.Report)}
		if f.DoneOn != "" {
			c.DoneOn = bodyDate(&p, "done_on", f.DoneOn)
		}
		if f.Occurrence != "" {
			c.Occurrence = bodyDate(&p, "occurrence", f.Occurrence)
		}
		if err := p.Err(); err != nil {
			return congtac.Task{}, err
		}
		return s.st.CompleteTask(ctx, a, id, f.Version, c)
	case actDefer:
		d := congtac.Deferral{On: on, Reason: f.Reason, ApprovedBy: formID(&p, "approved_by", f.ApprovedBy)}
		var rec *congtac.Recurrence
		if f.Due == (apiDueInput{}) {
			p.Add("to", "Chưa có thời hạn mới.")
		} else if d.To, rec = f.Due.read(&p, "to", today); rec != nil {
			p.Add("to", "Thời hạn mới là một ngày hoặc một kỳ, không phải lịch lặp lại.")
		}
		if err := p.Err(); err != nil {
			return congtac.Task{}, err
		}
		return s.st.DeferTask(ctx, a, id, f.Version, d)
	case actCancel:
		if err := p.Err(); err != nil {
			return congtac.Task{}, err
		}
		return s.st.CancelTask(ctx, a, id, f.Version, congtac.Cancellation{On: on, Reason: f.Reason})
	}
	if err := p.Err(); err != nil {
		return congtac.Task{}, err
	}
	return s.st.ReopenTask(ctx, a, id, f.Version, congtac.Reopening{On: on, Reason: f.Reason})
}

// done returns the message after the action, on task t.
func (f *taskActionForm) done(t congtac.Task) string {
	switch f.Kind {
	case actComplete:
		return "Đã ghi nhận hoàn thành."
	case actDefer:
		return "Đã giãn tiến độ: thời hạn mới " + t.Deferral.To.Label() + "."
	case actCancel:
		return "Đã hủy nhiệm vụ."
	}
	return "Đã mở lại nhiệm vụ."
}

// describe returns the form's values as the conflict page shows them.
func (f *taskActionForm) describe() []fieldText {
	switch f.Kind {
	case actComplete:
		return []fieldText{{"Ngày hoàn thành", f.DoneOn}, {"Đơn vị", optionLabel(f.Orgs, f.Org)},
			{"Kỳ", f.Occurrence}, {"Theo báo cáo", optionLabel(f.Reports, f.Report)}}
	case actDefer:
		return []fieldText{{"Thời hạn mới", f.Due.Text}, {"Lý do", f.Reason}, {"Lãnh đạo đồng ý", optionLabel(f.Leaders, f.ApprovedBy)}}
	}
	return []fieldText{{"Lý do", f.Reason}}
}

// taskActionForms returns the actions a may take on task t in force, as forms (refused, when
// not nil, replaces its own as typed): completion, deferral and cancellation while the task
// runs, reopening once it is done or cancelled. None for a task a may not manage.
func (s *Server) taskActionForms(ctx context.Context, a congtac.Actor, t congtac.Task, programOrg int64, orgs orgIndex,
	sent []congtac.Report, refused *taskActionForm) ([]*taskActionForm, error) {
	if !orgs.Can(a, congtac.ManageTasks, programOrg) {
		return nil, nil
	}
	today := s.today()
	kinds := []string{actComplete, actDefer, actCancel}
	if !t.DoneOn.IsZero() || t.Cancellation != nil {
		kinds = []string{actReopen}
	}
	var out []*taskActionForm
	for _, kind := range kinds {
		f := &taskActionForm{Kind: kind, Errors: map[string]string{}}
		if kind == actComplete {
			f.DoneOn = today.String()
		}
		if refused != nil && refused.Kind == kind {
			f = refused
		}
		f.Action, f.Version = fmt.Sprintf("/tasks/%d/%s", t.ID, kind), t.Version
		f.Title, f.Button = taskActionTitle(kind)
		if err := s.taskActionChoices(ctx, f, t, programOrg, orgs, sent, today); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

// taskActionTitle returns the heading and the button of a form of action kind.
func taskActionTitle(kind string) (string, string) {
	switch kind {
	case actComplete:
		return "Ghi nhận hoàn thành", "Ghi nhận hoàn thành"
	case actDefer:
		return "Giãn tiến độ", "Giãn tiến độ"
	case actCancel:
		return "Hủy nhiệm vụ", "Hủy nhiệm vụ"
	}
	return "Mở lại nhiệm vụ", "Mở lại"
}

// taskActionChoices fills the choices of form f on task t: the orgs that may complete it
// (lead first), the occurrences of a recurring task not yet done, the reports sent on it,
// and the leaders of the program's committee who may approve a deferral.
func (s *Server) taskActionChoices(ctx context.Context, f *taskActionForm, t congtac.Task, programOrg int64, orgs orgIndex,
	sent []congtac.Report, today congtac.Date) error {
	switch f.Kind {
	case actComplete:
		f.Orgs = []option{{Value: "", Label: orgs.Name(t.Lead) + " (chủ trì)", Selected: f.Org == ""}}
		for _, sp := range t.Support {
			if sp.DoneOn.IsZero() {
				v := strconv.FormatInt(sp.OrgID, 10)
				f.Orgs = append(f.Orgs, option{Value: v, Label: orgs.Name(sp.OrgID) + " (phối hợp)", Selected: f.Org == v})
			}
		}
		f.Occurrences = nil
		for _, o := range t.OccurrenceStatuses(today) {
			if o.DoneOn.IsZero() {
				v := o.Due.String()
				f.Occurrences = append(f.Occurrences, option{Value: v, Label: "Kỳ hạn " + dayText(o.Due), Selected: f.Occurrence == v})
			}
		}
		f.Reports = nil
		for _, rep := range sent {
			if rep.Status == congtac.ReportDraft {
				continue
			}
			v := strconv.FormatInt(rep.ID, 10)
			f.Reports = append(f.Reports, option{Value: v, Selected: f.Report == v, Label: fmt.Sprintf("%s, %d%%, %s (%s)",
				orgs.Name(rep.OrgID), rep.Percent, instantText(rep.SubmittedAt, s.loc), strings.ToLower(rep.Status.Label()))})
		}
	case actDefer:
		leaders, err := s.leaderOptions(ctx, programOrg, f.ApprovedBy)
		if err != nil {
			return err
		}
		f.Leaders = leaders
	}
	return nil
}

// deferralRow is one deadline a task was given by a deferral, on its page.
type deferralRow struct {
	On, To, Reason, ApprovedBy, RecordedBy string
}

// deferralRows returns the deferrals of task id, oldest first, with the names of the
// leaders who approved them and of who recorded them.
func (s *Server) deferralRows(ctx context.Context, id int64) ([]deferralRow, error) {
	ds, err := s.st.FindDeferrals(ctx, id)
	if err != nil || len(ds) == 0 {
		return nil, err
	}
	var people []int64
	for _, d := range ds {
		people = append(people, d.ApprovedBy)
	}
	names, err := s.personNames(ctx, people...)
	if err != nil {
		return nil, err
	}
	out := make([]deferralRow, len(ds))
	for i, d := range ds {
		out[i] = deferralRow{On: vn.ShortDate(d.On), To: d.To.Label(), Reason: d.Reason, ApprovedBy: names[d.ApprovedBy]}
		if out[i].RecordedBy, err = s.userName(ctx, d.RecordedBy); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// userName returns the name of user id as the interface shows it; "" for 0.
func (s *Server) userName(ctx context.Context, id int64) (string, error) {
	if id == 0 {
		return "", nil
	}
	u, err := s.st.FindUserByID(ctx, id)
	if congtac.ErrorCode(err) == congtac.ENOTFOUND {
		return "", nil
	} else if err != nil {
		return "", err
	}
	if u.DisplayName != "" {
		return u.DisplayName, nil
	}
	return u.Login, nil
}

// handleTaskAction takes the action of the path's last part on a task from its page's form
// and goes back to the task; refused, the page again with the form as typed (422), or the
// conflict page when the task moved (409).
func (s *Server) handleTaskAction(kind string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, a := r.Context(), actorOf(r)
		t, ok := s.pathTask(w, r)
		if !ok {
			return
		}
		id := t.ID
		f := readTaskActionForm(r, kind)
		after, err := f.run(ctx, s, a, id, s.today())
		switch congtac.ErrorCode(err) {
		case "":
			s.flash(r, f.done(after))
			http.Redirect(w, r, fmt.Sprintf("/tasks/%d", id), http.StatusSeeOther)
		case congtac.EINVALID:
			f.Errors, f.General = splitFieldErrors(err, taskActionFields)
			s.renderTask(w, r, t, http.StatusUnprocessableEntity, taskRefusal{action: f})
		case congtac.ECONFLICT:
			s.renderConflict(w, r, conflict{what: "nhiệm vụ", action: fmt.Sprintf("/tasks/%d/%s", id, kind), version: t.Version,
				back: fmt.Sprintf("/tasks/%d", id), mine: f.describe(), saved: savedTaskAction(kind, t).describe()})
		default:
			s.fail(w, r, err)
		}
	}
}

// savedTaskAction returns the form of action kind as task t stands: what a conflict page
// shows beside what was sent.
func savedTaskAction(kind string, t congtac.Task) *taskActionForm {
	f := &taskActionForm{Kind: kind, DoneOn: vn.ShortDate(t.DoneOn)}
	if d := t.Deferral; d != nil && kind == actDefer {
		f.Due, f.Reason = apiDueInput{Text: d.To.Label()}, d.Reason
	}
	if c := t.Cancellation; c != nil && kind == actCancel {
		f.Reason = c.Reason
	}
	return f
}

// apiTaskActionInput is the body of the actions' API: each action reads its own fields.
type apiTaskActionInput struct {
	Version    int          `json:"version"`
	DoneOn     string       `json:"done_on"`
	OrgID      int64        `json:"org_id"`
	Occurrence string       `json:"occurrence"`
	ReportID   int64        `json:"report_id"`
	On         string       `json:"on"`
	To         *apiDueInput `json:"to"`
	Reason     string       `json:"reason"`
	ApprovedBy int64        `json:"approved_by"`
}

// form returns the body as the form of action kind.
func (in apiTaskActionInput) form(kind string) *taskActionForm {
	id := func(v int64) string {
		if v == 0 {
			return ""
		}
		return strconv.FormatInt(v, 10)
	}
	f := &taskActionForm{Kind: kind, Version: in.Version, DoneOn: in.DoneOn, Org: id(in.OrgID), Occurrence: in.Occurrence,
		Report: id(in.ReportID), On: in.On, Reason: in.Reason, ApprovedBy: id(in.ApprovedBy)}
	if in.To != nil {
		f.Due = *in.To
	}
	return f
}

// handleAPITaskAction takes the action of the path's last part on a task in force and
// answers 200 with the task after it.
func (s *Server) handleAPITaskAction(kind string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, ok := s.apiPathID(w, r, "nhiệm vụ")
		if !ok {
			return
		}
		ctx, a := r.Context(), actorOf(r)
		if _, err := s.findVisibleTask(ctx, a, id); err != nil {
			s.apiFail(w, r, err, 0)
			return
		}
		var body apiTaskActionInput
		if !s.readJSON(w, r, &body) {
			return
		}
		if _, err := body.form(kind).run(ctx, s, a, id, s.today()); err != nil {
			s.apiFail(w, r, fmt.Errorf("web: api task %s: %w", kind, err), 0)
			return
		}
		s.writeTask(w, r, id, http.StatusOK)
	}
}

// taskActionSchemas returns the schema of the actions' body, for the OpenAPI document.
func taskActionSchemas() map[string]*oaSchema {
	return map[string]*oaSchema{
		"TaskAction": schInput("Một thao tác trên nhiệm vụ đang theo dõi; mỗi thao tác đọc các trường của nó: "+
			"completion (done_on, org_id, occurrence, report_id), deferrals (to, reason, approved_by, on), "+
			"cancellation (reason, on), reopen (reason, on).", []string{"version"}, oaProps{
			"version":     schInt("Phiên bản của nhiệm vụ đã đọc."),
			"done_on":     schDate("Ngày hoàn thành (completion)."),
			"org_id":      schInt("Đơn vị phối hợp hoàn thành phần việc của mình; trống: cơ quan chủ trì (completion)."),
			"occurrence":  schDate("Kỳ (hạn) của nhiệm vụ định kỳ được hoàn thành (completion)."),
			"report_id":   schInt("Báo cáo làm căn cứ ghi nhận hoàn thành (completion)."),
			"on":          schDate("Ngày quyết định; mặc định hôm nay."),
			"to":          schRef("DueInput"),
			"reason":      schString("Lý do (deferrals, cancellation, reopen)."),
			"approved_by": schInt("Lãnh đạo đồng ý giãn tiến độ (mã cán bộ)."),
		}),
	}
}
