package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"congtac"
	"congtac/vn"
)

// Requests for explanations of late tasks (yêu cầu giải trình, issue 13): asked and answered
// on the task's page, listed at /explanations, and through /api/v1/explanations.

// apiExplanation is a request for an explanation with its answer and its state today.
type apiExplanation struct {
	ID         int64   `json:"id"`
	TaskID     int64   `json:"task_id"`
	OrgID      int64   `json:"org_id"`
	Question   string  `json:"question"`
	Due        string  `json:"due"`
	AskedBy    *int64  `json:"asked_by"`
	AskedOn    string  `json:"asked_on"`
	Answer     string  `json:"answer"`
	AnsweredBy *int64  `json:"answered_by"`
	AnsweredOn *string `json:"answered_on"`
	State      string  `json:"state"`
	StateLabel string  `json:"state_label"`
	Version    int     `json:"version"`
}

func newAPIExplanation(e congtac.Explanation, today congtac.Date) apiExplanation {
	st := e.State(today)
	return apiExplanation{ID: e.ID, TaskID: e.TaskID, OrgID: e.OrgID, Question: e.Question, Due: e.Due.String(),
		AskedBy: apiID(e.AskedBy), AskedOn: e.AskedOn.String(), Answer: e.Answer, AnsweredBy: apiID(e.AnsweredBy),
		AnsweredOn: apiDate(e.AnsweredOn), State: string(st), StateLabel: st.Label(), Version: e.Version}
}

// apiExplanationAsk is the body of POST /api/v1/explanations.
type apiExplanationAsk struct {
	TaskID   int64  `json:"task_id"`
	OrgID    int64  `json:"org_id"`
	Question string `json:"question"`
	Due      string `json:"due"`
}

// apiExplanationAnswer is the body of PATCH /api/v1/explanations/{id}.
type apiExplanationAnswer struct {
	Version int    `json:"version"`
	Answer  string `json:"answer"`
}

// explanationSchemas returns the schemas of the DTOs above, for the OpenAPI document.
func explanationSchemas() map[string]*oaSchema {
	return map[string]*oaSchema{
		"Explanation": schObject("Yêu cầu giải trình việc chậm tiến độ của một nhiệm vụ, với nội dung giải trình.", oaProps{
			"id": schInt("Mã."), "task_id": schInt("Nhiệm vụ."), "org_id": schInt("Đơn vị phải giải trình."),
			"question": schString("Nội dung yêu cầu."), "due": schDate("Hạn giải trình."),
			"asked_by": schNullable(schInt("Người yêu cầu.")), "asked_on": schDate("Ngày yêu cầu."),
			"answer":      schString("Nội dung giải trình; rỗng khi chưa giải trình."),
			"answered_by": schNullable(schInt("Người giải trình.")), "answered_on": schNullable(schDate("Ngày giải trình.")),
			"state":       schEnum("Tình trạng hôm nay.", codesOf(congtac.ExplanationStates)...),
			"state_label": schString("Tên tình trạng."), "version": schInt("Phiên bản."),
		}),
		"ExplanationAsk": schInput("Yêu cầu một đơn vị chủ trì hoặc phối hợp giải trình việc nhiệm vụ chậm tiến độ.",
			[]string{"task_id", "org_id", "question", "due"}, oaProps{
				"task_id": schInt("Nhiệm vụ đang theo dõi, đã quá hạn hoặc hoàn thành quá hạn."),
				"org_id":  schInt("Đơn vị phải giải trình."), "question": schMax(schString("Nội dung yêu cầu."), congtac.MaxExplanationQuestion),
				"due": schDate("Hạn giải trình, không trước hôm nay."),
			}),
		"ExplanationAnswer": schInput("Nội dung giải trình của đơn vị; mỗi yêu cầu giải trình một lần.",
			[]string{"version", "answer"}, oaProps{
				"version": schInt("Phiên bản đã đọc."), "answer": schMax(schString("Nội dung giải trình."), congtac.MaxExplanationAnswer),
			}),
	}
}

// parseExplanationQuery reads a list's query parameters — task, org, state — limited to the
// units within a's ViewTasks reach.
func parseExplanationQuery(a congtac.Actor, q url.Values) (congtac.ExplanationFilter, error) {
	var pr congtac.Problems
	f := congtac.ExplanationFilter{TaskID: queryID(q, "task", &pr), OrgID: queryID(q, "org", &pr),
		Reach: a.Reach(congtac.ViewTasks)}
	if v := congtac.ExplanationState(q.Get("state")); v != "" {
		if v.Label() != "" {
			f.State = &v
		} else {
			pr.Add("state", "Tình trạng %q không hợp lệ.", string(v))
		}
	}
	return f, pr.Err()
}

// handleAPIExplanationList lists the requests within the actor's reach, those to answer
// soonest first.
func (s *Server) handleAPIExplanationList(w http.ResponseWriter, r *http.Request) {
	q, ok := s.apiQueryOf(w, r)
	if !ok {
		return
	}
	f, err := parseExplanationQuery(actorOf(r), q.values)
	q.addErr(err)
	f.Limit, f.Offset = q.page()
	if q.fail(s, w, r) {
		return
	}
	list, total, err := s.st.FindExplanations(r.Context(), f)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api explanations: %w", err), 0)
		return
	}
	today := s.today()
	writeJSON(w, http.StatusOK, newAPIList(list, total, f.Limit, f.Offset,
		func(e congtac.Explanation) apiExplanation { return newAPIExplanation(e, today) }))
}

// findVisibleExplanation returns request id when its unit is within a's ViewTasks reach,
// ENOTFOUND otherwise.
func (s *Server) findVisibleExplanation(ctx context.Context, a congtac.Actor, id int64) (congtac.Explanation, error) {
	e, err := s.st.FindExplanationByID(ctx, id)
	return visible(e, err, func() (bool, error) { return s.st.Reaches(ctx, a, congtac.ViewTasks, e.OrgID) }, "yêu cầu giải trình")
}

// handleAPIExplanationShow answers one request.
func (s *Server) handleAPIExplanationShow(w http.ResponseWriter, r *http.Request) {
	e, ok := apiRecord(s, w, r, "yêu cầu giải trình", s.findVisibleExplanation)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, newAPIExplanation(e, s.today()))
}

// handleAPIExplanationAsk asks a unit to explain a late task and answers 201 with the
// request; a task the actor may not view is 404.
func (s *Server) handleAPIExplanationAsk(w http.ResponseWriter, r *http.Request) {
	var body apiExplanationAsk
	if !s.readJSON(w, r, &body) {
		return
	}
	ctx, a := r.Context(), actorOf(r)
	if _, err := s.findVisibleTask(ctx, a, body.TaskID); err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	var p congtac.Problems
	e := congtac.Explanation{TaskID: body.TaskID, OrgID: body.OrgID, Question: body.Question,
		Due: bodyRequiredDate(&p, "due", body.Due)}
	err := p.Err()
	if err == nil {
		e, err = s.st.AskExplanation(ctx, a, e)
	}
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api ask explanation: %w", err), 0)
		return
	}
	w.Header().Set("Location", "/api/v1/explanations/"+strconv.FormatInt(e.ID, 10))
	writeJSON(w, http.StatusCreated, newAPIExplanation(e, s.today()))
}

// handleAPIExplanationAnswer records the unit's answer.
func (s *Server) handleAPIExplanationAnswer(w http.ResponseWriter, r *http.Request) {
	e, ok := apiRecord(s, w, r, "yêu cầu giải trình", s.findVisibleExplanation)
	if !ok {
		return
	}
	var body apiExplanationAnswer
	if !s.readJSON(w, r, &body) {
		return
	}
	e, err := s.st.AnswerExplanation(r.Context(), actorOf(r), e.ID, body.Version, body.Answer)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api answer explanation: %w", err), 0)
		return
	}
	writeJSON(w, http.StatusOK, newAPIExplanation(e, s.today()))
}

// explanationRow is a request as the task's page and the list show it, with the form that
// answers it when the reader's unit may.
type explanationRow struct {
	Task, TaskHref string // on the list
	Org, Question  string
	Due, AskedOn   string
	Answer         string
	AnsweredOn     string
	State          statusView
	AnswerForm     *explanationAnswerForm
	ID             int64
}

// explanationAnswerForm is the form answering one request, as typed.
type explanationAnswerForm struct {
	ID      int64 // the request's
	Action  string
	Version int
	Answer  string
	Error   string
}

// explanationAskForm is the form asking a unit to explain a late task, as typed.
type explanationAskForm struct {
	Action             string
	Org, Question, Due string
	Orgs               []option
	Errors             map[string]string
	General            []string
}

// Fields returns the form's fields with their messages.
func (f *explanationAskForm) Fields() []field {
	e := f.Errors
	return []field{
		newField(e, field{Kind: fieldSelect, ID: "x-org", Name: "org", Key: "org_id", Label: "Đơn vị giải trình", Options: f.Orgs}),
		newField(e, field{Kind: fieldTextarea, ID: "x-question", Name: "question", Label: "Nội dung yêu cầu", Rows: 2,
			Required: true, Value: f.Question}),
		newField(e, field{ID: "x-due", Name: "due", Label: "Hạn giải trình", Type: "date", Required: true, Value: f.Due}),
	}
}

// explanationsOfTask returns the requests about task t as its page shows them, each with
// its answer form when a's unit may answer it and it is open; and the form asking for one
// when a manages the task's program and the task is late today (refused replaces it).
func (s *Server) explanationsOfTask(ctx context.Context, a congtac.Actor, t congtac.Task, programOrg int64, orgs orgIndex,
	refused *explanationAskForm) ([]explanationRow, *explanationAskForm, error) {
	list, _, err := s.st.FindExplanations(ctx, congtac.ExplanationFilter{TaskID: &t.ID, Reach: a.Reach(congtac.ViewTasks)})
	if err != nil {
		return nil, nil, err
	}
	today := s.today()
	rows := make([]explanationRow, len(list))
	for i, e := range list {
		rows[i] = newExplanationRow(e, orgs, today)
		if e.AnsweredOn.IsZero() && orgs.Can(a, congtac.WriteReports, e.OrgID) {
			rows[i].AnswerForm = &explanationAnswerForm{ID: e.ID, Action: fmt.Sprintf("/explanations/%d", e.ID), Version: e.Version}
		}
	}
	st := t.Status(today)
	if !orgs.Can(a, congtac.ManageTasks, programOrg) || (st != congtac.StatusOverdue && st != congtac.StatusDoneLate) {
		return rows, nil, nil
	}
	f := refused
	if f == nil {
		f = &explanationAskForm{Due: today.AddDays(5).String(), Errors: map[string]string{}}
	}
	f.Action = fmt.Sprintf("/tasks/%d/explanations", t.ID)
	f.Orgs = nil
	for _, id := range t.OrgIDs() {
		v := strconv.FormatInt(id, 10)
		f.Orgs = append(f.Orgs, option{Value: v, Label: orgs.Name(id), Selected: f.Org == v})
	}
	return rows, f, nil
}

// newExplanationRow returns the row of request e as of today.
func newExplanationRow(e congtac.Explanation, orgs orgIndex, today congtac.Date) explanationRow {
	st := e.State(today)
	return explanationRow{ID: e.ID, Org: orgs.Name(e.OrgID), Question: e.Question, Due: vn.ShortDate(e.Due),
		AskedOn: vn.ShortDate(e.AskedOn), Answer: e.Answer, AnsweredOn: vn.ShortDate(e.AnsweredOn),
		State: statusView{string(st), st.Label()}}
}

// handleExplanationAsk asks for an explanation from the task's page and goes back to it;
// refused, the page again with the form as typed.
func (s *Server) handleExplanationAsk(w http.ResponseWriter, r *http.Request) {
	ctx, a := r.Context(), actorOf(r)
	t, ok := s.pathTask(w, r)
	if !ok {
		return
	}
	id := t.ID
	r.ParseForm()
	f := &explanationAskForm{Org: strings.TrimSpace(r.PostFormValue("org")), Question: r.PostFormValue("question"),
		Due: strings.TrimSpace(r.PostFormValue("due")), Errors: map[string]string{}}
	var p congtac.Problems
	e := congtac.Explanation{TaskID: id, OrgID: formID(&p, "org_id", f.Org), Question: f.Question,
		Due: bodyRequiredDate(&p, "due", f.Due)}
	err := p.Err()
	if err == nil {
		_, err = s.st.AskExplanation(ctx, a, e)
	}
	switch congtac.ErrorCode(err) {
	case "":
		s.flash(r, "Đã gửi yêu cầu giải trình.")
		http.Redirect(w, r, fmt.Sprintf("/tasks/%d#giai-trinh", id), http.StatusSeeOther)
	case congtac.EINVALID:
		f.Errors, f.General = splitFieldErrors(err, []string{"org_id", "question", "due"})
		s.renderTask(w, r, t, http.StatusUnprocessableEntity, taskRefusal{ask: f})
	default:
		s.fail(w, r, err)
	}
}

// handleExplanationAnswer records a unit's answer from the task's page and goes back to it.
// A refused answer shows the task's page with the message; a request answered meanwhile
// shows the conflict page.
func (s *Server) handleExplanationAnswer(w http.ResponseWriter, r *http.Request) {
	ctx, a := r.Context(), actorOf(r)
	id, ok := pathID(r, "id")
	if !ok {
		s.fail(w, r, notFoundFor("yêu cầu giải trình"))
		return
	}
	e, err := s.findVisibleExplanation(ctx, a, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	r.ParseForm()
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	answer := r.PostFormValue("answer")
	_, err = s.st.AnswerExplanation(ctx, a, id, version, answer)
	back := fmt.Sprintf("/tasks/%d#giai-trinh", e.TaskID)
	switch congtac.ErrorCode(err) {
	case "":
		s.flash(r, "Đã gửi nội dung giải trình.")
		http.Redirect(w, r, back, http.StatusSeeOther)
	case congtac.EINVALID:
		t, terr := s.findVisibleTask(ctx, a, e.TaskID)
		if terr != nil {
			s.fail(w, r, terr)
			return
		}
		s.renderTask(w, r, t, http.StatusUnprocessableEntity, taskRefusal{answer: &explanationAnswerForm{ID: id,
			Action: fmt.Sprintf("/explanations/%d", id), Version: e.Version, Answer: answer, Error: congtac.ErrorMessage(err)}})
	case congtac.ECONFLICT:
		s.renderConflict(w, r, conflict{what: "yêu cầu giải trình", action: fmt.Sprintf("/explanations/%d", id),
			version: e.Version, back: back, mine: []fieldText{{"Nội dung giải trình", answer}},
			saved: []fieldText{{"Nội dung giải trình", e.Answer}}})
	default:
		s.fail(w, r, err)
	}
}

// explanationListPage is the data of explanations.html: the requests within the reader's
// reach, of one state.
type explanationListPage struct {
	layout
	States []statusCount
	Rows   []explanationRow
	Pager  pager
}

func (explanationListPage) template() string { return "explanations" }

// handleExplanationList lists the requests within the actor's reach, overdue ones by
// default, to answer soonest first, with the number of each state.
func (s *Server) handleExplanationList(w http.ResponseWriter, r *http.Request) {
	ctx, a, today := r.Context(), actorOf(r), s.today()
	q := r.URL.Query()
	f, err := parseExplanationQuery(a, q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if f.State == nil {
		st := congtac.ExplanationOverdue
		f.State = &st
	}
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page := explanationListPage{layout: s.layout(r, "Yêu cầu giải trình")}
	for _, st := range congtac.ExplanationStates {
		g := f
		g.State, g.Limit = &st, 1
		_, n, err := s.st.FindExplanations(ctx, g)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		page.States = append(page.States, statusCount{statusView: statusView{string(st), st.Label()}, N: n,
			Href: "/explanations?state=" + string(st), Current: st == *f.State})
	}
	n := pageParam(q)
	f.Offset, f.Limit = (n-1)*tasksPerPage, tasksPerPage
	list, total, err := s.st.FindExplanations(ctx, f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page.Pager = newPager(r, n, tasksPerPage, total)
	ids := make([]int64, len(list))
	for i, e := range list {
		ids[i] = e.TaskID
	}
	tasks, err := s.st.FindTasksByID(ctx, ids)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	text := map[int64]string{}
	for _, t := range tasks {
		text[t.ID] = t.Text
	}
	for _, e := range list {
		row := newExplanationRow(e, orgs, today)
		row.Task, row.TaskHref = shortText(text[e.TaskID], taskTitleLength), fmt.Sprintf("/tasks/%d#giai-trinh", e.TaskID)
		page.Rows = append(page.Rows, row)
	}
	s.render(w, r, http.StatusOK, page)
}
