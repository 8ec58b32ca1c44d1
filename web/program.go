package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"congtac"
	"congtac/vn"
)

// programsPerPage is how many programs a page of the program list shows.
const programsPerPage = 30

// programListPage is the data of programs.html.
type programListPage struct {
	layout
	Filter   programFilterForm
	Errors   map[string]string // by query parameter
	Programs []programRow
	Pager    pager
	CanDraft bool // the actor may draft programs: the page links to a new one
}

func (programListPage) template() string { return "programs" }

// FilterFields returns the fields of the filter form, as asked, with their messages.
func (p programListPage) FilterFields() []field {
	e, f := p.Errors, p.Filter
	return []field{
		newField(e, field{Kind: fieldSelect, ID: "f-kind", Name: "kind", Label: "Loại kỳ", Blank: "Tất cả", Options: f.Kinds}),
		newField(e, field{ID: "f-year", Name: "year", Label: "Năm", InputMode: "numeric", Size: 6, Value: f.Year}),
		newField(e, field{Kind: fieldSelect, ID: "f-status", Name: "status", Label: "Trạng thái", Blank: "Tất cả",
			Options: f.Statuses}),
		newField(e, field{Kind: fieldSelect, ID: "f-org", Name: "org", Label: "Cơ quan ban hành", Blank: "Tất cả",
			Options: f.Orgs}),
		newField(e, field{ID: "f-q", Name: "q", Label: "Trích yếu có từ", Type: "search", Value: f.Q}),
	}
}

// programFilterForm is the filter form above the program list, with what was asked.
type programFilterForm struct {
	Year, Q               string
	Kinds, Statuses, Orgs []option
}

// handleProgramList lists the programs the actor may read (see [visiblePrograms]), newest
// period first, filtered by the query's kind, year, status, issuing org and words, a page
// at a time. Bad filter values re-render the form with 422 and the message by the field.
func (s *Server) handleProgramList(w http.ResponseWriter, r *http.Request) {
	ctx, a, q := r.Context(), actorOf(r), r.URL.Query()
	f, ferr := parseProgramQuery(a, q)
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page := programListPage{layout: s.layout(r, "Chương trình công tác"), Errors: congtac.FieldErrors(ferr),
		Filter: newProgramFilterForm(q, a, orgs, s.today()), CanDraft: a.Can(congtac.DraftPrograms)}
	if ferr != nil {
		s.render(w, r, http.StatusUnprocessableEntity, page)
		return
	}
	n := pageParam(q)
	f.Offset, f.Limit = (n-1)*programsPerPage, programsPerPage
	programs, total, err := s.st.FindPrograms(ctx, f)
	if err != nil {
		s.fail(w, r, fmt.Errorf("web: program list: %w", err))
		return
	}
	for _, p := range programs {
		page.Programs = append(page.Programs, newProgramRow(p))
	}
	page.Pager = newPager(r, n, programsPerPage, total)
	s.render(w, r, http.StatusOK, page)
}

// newProgramFilterForm returns the filter form as the query filled it: the issuing orgs
// offered are the committees whose programs a may read.
func newProgramFilterForm(q url.Values, a congtac.Actor, orgs orgIndex, today congtac.Date) programFilterForm {
	committees := orgs.Tree(today, func(o congtac.Org) bool {
		return o.Kind == congtac.OrgCommittee && orgs.Can(a, congtac.ViewPrograms, o.ID)
	})
	statuses := []congtac.ProgramStatus{congtac.ProgramIssued, congtac.ProgramAmended, congtac.ProgramSuperseded}
	if a.Can(congtac.ViewDrafts) {
		statuses = append([]congtac.ProgramStatus{congtac.ProgramDraft, congtac.ProgramSubmitted,
			congtac.ProgramReturned, congtac.ProgramApproved}, statuses...)
	}
	return programFilterForm{Year: q.Get("year"), Q: q.Get("q"),
		Kinds:    optionsOf(programKinds, periodKindLabel, q.Get("kind")),
		Statuses: optionsOf(statuses, congtac.ProgramStatus.Label, q.Get("status")),
		Orgs:     orgOptions(committees, q.Get("org"))}
}

// periodKindLabel names a kind of period: "Năm", "Quý", "Tháng" …
func periodKindLabel(k congtac.PeriodKind) string {
	return map[congtac.PeriodKind]string{congtac.PeriodYear: "Năm", congtac.PeriodHalf: "6 tháng",
		congtac.PeriodQuarter: "Quý", congtac.PeriodMonth: "Tháng", congtac.PeriodWeek: "Tuần"}[k]
}

// programPage is the data of program.html, which shows a program to signed-in users and,
// without statuses, links and meetings, to the public.
type programPage struct {
	layout
	Public    bool
	Status    statusView // the program's own status
	Period    string
	Doc       programDoc
	Counts    []statusCount // tasks by status as of today
	TasksHref string
	FilesHref string         // "/programs/5/files/": the program, its report and its tasks to download
	Meetings  []meetingRow   // the meetings of the program's period
	Workflow  *workflowPanel // nil for the public
	Returned  *returnNote    // the latest return's remark, until the program is issued
}

func (programPage) template() string { return "program" }

// handleProgramShow shows a program as the official document (see [programDoc]) with each
// task's status as of today, the tasks' counts, the meetings of its period, and the steps
// of its life the actor may take (see [workflowPanel]). A program that does not exist or
// that the actor may not read is 404.
func (s *Server) handleProgramShow(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		s.fail(w, r, notFoundFor("chương trình"))
		return
	}
	p, err := s.findVisibleProgram(r.Context(), actorOf(r), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if p.MeetingID != 0 { // the tasks of a notice of conclusions are shown with their meeting
		http.Redirect(w, r, meetingHref(p.MeetingID), http.StatusSeeOther)
		return
	}
	s.showProgram(w, r, p, http.StatusOK, nil)
}

// showProgram renders program p for the request's actor with status; st, when not nil,
// keeps the fields and messages of a refused step.
func (s *Server) showProgram(w http.ResponseWriter, r *http.Request, p congtac.Program, status int, st *workflowPanel) {
	ctx, a, today := r.Context(), actorOf(r), s.today()
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page, err := s.programPage(r, p, orgs, docReader{actor: a, today: today})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if page.Workflow, err = s.workflowPanel(r, p, orgs, st); err != nil {
		s.fail(w, r, err)
		return
	}
	if page.Returned, err = s.lastReturn(r, p); err != nil {
		s.fail(w, r, err)
		return
	}
	page.TasksHref = fmt.Sprintf("/tasks?program=%d", p.ID)
	page.FilesHref = fmt.Sprintf("/programs/%d/files/", p.ID)
	page.Counts = statusCounts(congtac.Tally(p.Tasks, today).Total, "", func(st congtac.Status) string {
		return fmt.Sprintf("/tasks?program=%d&status=%s", p.ID, st)
	})
	from := p.Period.Start()
	for _, per := range p.Also {
		if per.Start().Before(from) {
			from = per.Start()
		}
	}
	f := congtac.MeetingFilter{OrgID: &p.OrgID, From: &from, To: new(p.Horizon()), Reach: a.Reach(congtac.ViewMeetings)}
	if page.Meetings, err = s.meetingRows(ctx, f, orgs); err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, status, page)
}

// programPage returns the page of program p for reader rd, without counts or meetings.
func (s *Server) programPage(r *http.Request, p congtac.Program, orgs orgIndex, rd docReader) (programPage, error) {
	doc, err := s.programDoc(r.Context(), p, orgs, rd)
	if err != nil {
		return programPage{}, err
	}
	return programPage{layout: s.layout(r, vn.Capitalize(p.Title)), Public: rd.public, Doc: doc,
		Status: statusView{string(p.Status), p.Status.Label()}, Period: periodText(p)}, nil
}

// statusCounts returns the counts of every status in report order, each linking to href
// of its status, the current one marked.
func statusCounts(c congtac.Counts, current congtac.Status, href func(congtac.Status) string) []statusCount {
	out := make([]statusCount, len(congtac.Statuses))
	for i, st := range congtac.Statuses {
		out[i] = statusCount{statusView: taskStatusView(st), N: c[st], Href: href(st), Current: st == current}
	}
	return out
}

// programLink returns the title of program id and the link to it, or "" and "" when id is
// 0 or a may not read the program.
func (s *Server) programLink(ctx context.Context, a congtac.Actor, id int64) (title, href string, err error) {
	if id == 0 {
		return "", "", nil
	}
	ps, _, err := s.st.FindPrograms(ctx, visiblePrograms(a, congtac.ProgramFilter{ID: &id, Limit: 1}))
	if err != nil || len(ps) == 0 {
		return "", "", err
	}
	return vn.Capitalize(ps[0].Title), fmt.Sprintf("/programs/%d", id), nil
}
