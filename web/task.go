package web

import (
	"context"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"

	"congtac"
	"congtac/vn"
)

// tasksPerPage is how many tasks a page of the task list shows.
const tasksPerPage = 50

// taskListPage is the data of tasks.html.
type taskListPage struct {
	layout
	Filter  taskFilterForm
	Errors  map[string]string // by query parameter
	Counts  []statusCount     // of the tasks matching the other filters
	Total   int               // tasks matching the other filters
	Matched int               // tasks matching every filter: the rows of every page
	Rows    []taskRow
	Pager   pager
	File    string // the list as a spreadsheet, with the same query
}

func (taskListPage) template() string { return "tasks" }

// FilterFields returns the fields of the filter form, as asked, with their messages.
func (p taskListPage) FilterFields() []field {
	e, f := p.Errors, p.Filter
	return []field{
		newField(e, field{Kind: fieldSelect, ID: "f-status", Name: "status", Label: "Trạng thái", Blank: "Tất cả",
			Options: f.Statuses}),
		newField(e, field{Kind: fieldSelect, ID: "f-org", Name: "org", Label: "Cơ quan chủ trì hoặc phối hợp", Blank: "Tất cả",
			OptionsHTML: f.Orgs}),
		newField(e, field{Kind: fieldSelect, ID: "f-sector", Name: "sector", Label: "Lĩnh vực", Blank: "Tất cả",
			Options: f.Sectors}),
		newField(e, field{Kind: fieldSelect, ID: "f-leader", Name: "leader", Label: "Lãnh đạo phụ trách", Blank: "Tất cả",
			OptionsHTML: f.Leaders}),
		newField(e, field{ID: "f-period", Name: "period", Label: "Kỳ chương trình", Placeholder: "tháng 11/2026",
			Value: f.Period}),
		newField(e, field{ID: "f-q", Name: "q", Label: "Nội dung có từ", Type: "search", Value: f.Q}),
	}
}

// taskFilterForm is the filter form above the task list, with what was asked.
type taskFilterForm struct {
	Period, Q, Program string
	Statuses, Sectors  []option
	Orgs, Leaders      template.HTML // hundreds of options at a province: written at once ([choices])
}

// taskRow is one task as lists show it.
type taskRow struct {
	Href    string
	Text    string
	Lead    string
	Due     string
	Status  statusView
	Late    int // days overdue; 0 when it is not
	Carried bool
	Repeats bool // a recurring duty
}

// handleTaskList lists the tasks within the actor's ViewTasks reach, filtered by the query
// (see [parseTaskQuery]), with their statuses as of today counted above the list, a page at
// a time. Bad filter values re-render the form with 422 and the message by the field.
func (s *Server) handleTaskList(w http.ResponseWriter, r *http.Request) {
	ctx, a, q, today := r.Context(), actorOf(r), r.URL.Query(), s.today()
	tq, ferr := parseTaskQuery(a, q)
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page := taskListPage{layout: s.layout(r, "Nhiệm vụ"), Errors: congtac.FieldErrors(ferr)}
	if page.Filter, err = s.newTaskFilterForm(ctx, q, a, orgs, today); err != nil {
		s.fail(w, r, err)
		return
	}
	if ferr != nil {
		s.render(w, r, http.StatusUnprocessableEntity, page)
		return
	}
	n := pageParam(q)
	res, err := s.findTasksAsOf(ctx, tq, today, (n-1)*tasksPerPage, tasksPerPage, nil)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page.Total, page.Matched = res.Total, res.Matched
	page.Pager = newPager(r, n, tasksPerPage, res.Matched)
	page.Counts = statusCounts(res.Counts, tq.Status, func(st congtac.Status) string {
		v := r.URL.Query()
		v.Set("status", string(st))
		v.Del("page")
		return "/tasks?" + v.Encode()
	})
	for _, t := range res.Tasks {
		page.Rows = append(page.Rows, taskRow{Href: fmt.Sprintf("/tasks/%d", t.ID), Text: t.Text,
			Lead: orgs.Name(t.Lead), Due: t.Due.Label(), Status: taskStatusView(t.Status(today)), Late: t.DaysOverdue(today),
			Carried: t.CarriedFrom != 0, Repeats: t.Recurrence != nil})
	}
	file := r.URL.Query()
	file.Del("page")
	page.File = "/tasks/files/nhiem-vu.xlsx"
	if q := file.Encode(); q != "" {
		page.File += "?" + q
	}
	s.render(w, r, http.StatusOK, page)
}

// newTaskFilterForm returns the filter form as the query filled it: the orgs offered are
// those within a's ViewTasks reach, the leaders those holding a leader's post today, by
// given name as lists of people are.
func (s *Server) newTaskFilterForm(ctx context.Context, q url.Values, a congtac.Actor, orgs orgIndex, today congtac.Date) (taskFilterForm, error) {
	posts, err := s.st.FindPosts(ctx, congtac.PostFilter{Kinds: []congtac.PostKind{congtac.PostChairman,
		congtac.PostViceChairman}, HeldOn: &today})
	if err != nil {
		return taskFilterForm{}, fmt.Errorf("web: task filters: %w", err)
	}
	holds := make(map[int64]bool, len(posts))
	for _, p := range posts {
		holds[p.PersonID] = true
	}
	people, err := s.st.FindPeople(ctx, congtac.PersonFilter{}) // the store keeps the whole list, sorted
	if err != nil {
		return taskFilterForm{}, fmt.Errorf("web: task filters: %w", err)
	}
	var leaders []option
	for _, p := range people {
		if holds[p.ID] {
			leaders = append(leaders, option{Value: strconv.FormatInt(p.ID, 10), Label: p.FullName})
		}
	}
	return taskFilterForm{Period: q.Get("period"), Q: q.Get("q"), Program: q.Get("program"),
		Leaders:  newChoices(leaders).html(q.Get("leader")),
		Statuses: optionsOf(congtac.Statuses, congtac.Status.Label, q.Get("status")),
		Sectors:  optionsOf(congtac.Sectors, congtac.Sector.Label, q.Get("sector")),
		Orgs:     newChoices(orgOptions(orgs.Within(a, congtac.ViewTasks, today), "")).html(q.Get("org"))}, nil
}

// taskPage is the data of task.html.
type taskPage struct {
	layout
	Task        taskView
	Shares      []shareRow // a group-led task's members' shares
	Supports    []supportRow
	Occurrences []occurrenceRow
	Reports     []reportRow       // on every copy of the task, newest copy first
	History     []appearanceRow   // the programs the task appeared in, oldest first
	Current     *appearanceRow    // the copy in force, when this page shows an older one
	Closed      string            // why the task takes no report now, when it does not
	Form        *reportForm       // nil unless the actor may report on the task
	Actions     []*taskActionForm // what the actor may do to the task in force
	Deferrals   []deferralRow     // every deadline a deferral gave, oldest first
	Asked       []explanationRow  // the requests for explanations about the task
	Ask         *explanationAskForm
	sent        []congtac.Report // the reports of Reports, for the shares' progress
}

// taskRefusal holds a refused form of a task's page, as typed: the report, an action, a
// request for an explanation or an answer to one.
type taskRefusal struct {
	report *reportForm
	action *taskActionForm
	ask    *explanationAskForm
	answer *explanationAnswerForm
}

func (taskPage) template() string { return "task" }

// taskTitleLength is how much of a task's text titles its page; the whole text follows
// when it is longer.
const taskTitleLength = 100

// taskView is a task's own facts.
type taskView struct {
	FullText                                                   bool // the title cut the text
	Text, Sector, Lead, Leader, Due, DuePhrase, Target, Source string
	Program, ProgramHref                                       string
	CarriedHref                                                string // the task it continues
	DoneOn, Deferral, Cancellation                             string
	DoneBy, DoneHref                                           string // who recorded the completion; the report it comes from
	Shares                                                     string // how many members of a group lead are done
	Status                                                     statusView
	Recurrence                                                 string
}

// reportHref is the page of report id; "" for 0.
func reportHref(id int64) string {
	if id == 0 {
		return ""
	}
	return fmt.Sprintf("/reports/%d", id)
}

// supportRow is a support org's share of a task.
type supportRow struct {
	Org    string
	DoneOn string
	Status statusView
}

// occurrenceRow is one occurrence of a recurring task.
type occurrenceRow struct {
	Due    string
	DoneOn string
	Status statusView
}

// handleTaskShow shows a task within the actor's ViewTasks reach: its facts and status as
// of today (a group-led task's rolled up from its shares), its members' shares, support
// orgs and occurrences with their own statuses, the reports the
// actor may view, and the report form when the actor may report on it. Anything else is
// 404.
func (s *Server) handleTaskShow(w http.ResponseWriter, r *http.Request) {
	if t, ok := s.pathTask(w, r); ok {
		s.renderTask(w, r, t, http.StatusOK, taskRefusal{})
	}
}

// pathTask returns the task of the path's {id} when the actor may view it, or answers 404
// (or the error) itself and returns false.
func (s *Server) pathTask(w http.ResponseWriter, r *http.Request) (congtac.Task, bool) {
	id, ok := pathID(r, "id")
	if !ok {
		s.fail(w, r, notFoundFor("nhiệm vụ"))
		return congtac.Task{}, false
	}
	t, err := s.findVisibleTask(r.Context(), actorOf(r), id)
	if err != nil {
		s.fail(w, r, err)
		return t, false
	}
	return t, true
}

// renderTask renders the page of task t with status; refused, when it holds a form, is
// that form as the actor filled it, else new ones are offered as the actor may use them.
func (s *Server) renderTask(w http.ResponseWriter, r *http.Request, t congtac.Task, status int, refused taskRefusal) {
	ctx, a, today := r.Context(), actorOf(r), s.today()
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page := taskPage{layout: s.layout(r, shortText(t.Text, taskTitleLength)), Form: refused.report}
	if page.Task, err = s.newTaskView(ctx, a, t, orgs, today); err != nil {
		s.fail(w, r, err)
		return
	}
	for _, sp := range t.Support {
		st, _ := t.SupportStatus(sp.OrgID, today)
		page.Supports = append(page.Supports, supportRow{Org: orgs.Name(sp.OrgID), DoneOn: vn.ShortDate(sp.DoneOn),
			Status: taskStatusView(st)})
	}
	for _, o := range t.OccurrenceStatuses(today) {
		page.Occurrences = append(page.Occurrences, occurrenceRow{Due: dayText(o.Due), DoneOn: vn.ShortDate(o.DoneOn),
			Status: taskStatusView(o.Status)})
	}
	lineage, err := s.st.FindTaskLineage(ctx, t.ID)
	if err == nil {
		err = s.fillTaskHistory(ctx, a, &page, lineage, t.ID, orgs)
	}
	if err == nil {
		page.Deferrals, err = s.deferralRows(ctx, t.ID)
	}
	if err == nil && page.Closed == "" {
		page.Actions, err = s.taskActionForms(ctx, a, t, programOrgOf(lineage, t.ID), orgs, page.sent, refused.action)
	}
	if err == nil {
		page.Asked, page.Ask, err = s.explanationsOfTask(ctx, a, t, programOrgOf(lineage, t.ID), orgs, refused.ask)
		for i, row := range page.Asked {
			if f := refused.answer; f != nil && row.AnswerForm != nil && row.AnswerForm.Action == f.Action {
				page.Asked[i].AnswerForm = f
			}
		}
	}
	if err != nil {
		s.fail(w, r, fmt.Errorf("web: task history: %w", err))
		return
	}
	page.Shares = shareRows(a, t, page.sent, orgs, today)
	if page.Form == nil && page.Closed == "" {
		page.Form = newReportForm(a, t, orgs, today)
	}
	s.render(w, r, status, page)
}

// programOrgOf returns the issuing org of the program of task id in lineage.
func programOrgOf(lineage []congtac.Appearance, id int64) int64 {
	for _, ap := range lineage {
		if ap.Task.ID == id {
			return ap.Program.OrgID
		}
	}
	return 0
}

// fillTaskHistory puts on the page of task id the programs it appeared in, the reports
// on each copy the actor may view, newest copy first, and, when this copy is not in
// force, why it takes no report and where the copy in force is.
func (s *Server) fillTaskHistory(ctx context.Context, a congtac.Actor, page *taskPage, lineage []congtac.Appearance, id int64, orgs orgIndex) error {
	var err error
	if page.History, err = s.taskHistory(ctx, a, lineage, id); err != nil {
		return err
	}
	for i := len(lineage) - 1; i >= 0; i-- {
		ap := lineage[i]
		reports, _, err := s.st.FindReports(ctx, congtac.ReportFilter{TaskID: &ap.Task.ID, Reach: a.Reach(congtac.ViewReports)})
		if err != nil {
			return err
		}
		for _, rep := range reports {
			page.Reports = append(page.Reports, newReportRow(rep, nil, orgs, s.loc))
		}
		page.sent = append(page.sent, reports...)
		if ap.Task.ID != id {
			continue
		}
		switch {
		case ap.Task.SupersededBy != 0:
			last := page.History[len(page.History)-1]
			page.Current = &last
			page.Closed = "Nhiệm vụ đã được chuyển sang chương trình sau; báo cáo tiến độ tại bản đang theo dõi."
		case !ap.Program.Status.Published():
			page.Closed = "Nhiệm vụ thuộc chương trình chưa ban hành (" + ap.Program.Status.Label() +
				"); chỉ nhận báo cáo khi chương trình đã ban hành."
		case !ap.Task.InForce(ap.Program.Status):
			page.Closed = "Chương trình đã được điều chỉnh hoặc thay thế; nhiệm vụ không còn được theo dõi tại đây."
		}
	}
	return nil
}

// newTaskView returns the facts of task t.
func (s *Server) newTaskView(ctx context.Context, a congtac.Actor, t congtac.Task, orgs orgIndex, today congtac.Date) (taskView, error) {
	names, err := s.personNames(ctx, t.LeaderID)
	if err != nil {
		return taskView{}, err
	}
	v := taskView{FullText: shortText(t.Text, taskTitleLength) != t.Text, Text: t.Text, Sector: t.Sector.Label(), Lead: orgs.Name(t.Lead), Leader: names[t.LeaderID],
		DoneHref: reportHref(t.DoneReportID),
		Due:      t.Due.Label(), DuePhrase: duePhrase(t.Due), Source: t.Source, DoneOn: vn.ShortDate(t.DoneOn),
		Shares: sharesSummary(t, today), Status: taskStatusView(t.Status(today))}
	if t.Target != nil {
		v.Target = t.Target.String()
	}
	if t.Recurrence != nil {
		v.Recurrence = vn.FormatRecurrence(*t.Recurrence)
	}
	if t.CarriedFrom != 0 {
		v.CarriedHref = fmt.Sprintf("/tasks/%d", t.CarriedFrom)
	}
	if d := t.Deferral; d != nil {
		v.Deferral = fmt.Sprintf("Ngày %s: thời hạn mới %s. Lý do: %s", vn.ShortDate(d.On), d.To.Label(), d.Reason)
	}
	if v.DoneBy, err = s.userName(ctx, t.DoneBy); err != nil {
		return v, err
	}
	if c := t.Cancellation; c != nil {
		v.Cancellation = fmt.Sprintf("Ngày %s. Lý do: %s", vn.ShortDate(c.On), c.Reason)
	}
	v.Program, v.ProgramHref, err = s.programLink(ctx, a, t.ProgramID)
	return v, err
}
