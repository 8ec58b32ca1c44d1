package web

import (
	"fmt"
	"net/http"
	"strings"

	"congtac"
)

// apiConclusionTask is the body of POST /api/v1/agenda/{id}/tasks: the task a conclusion
// gives.
type apiConclusionTask struct {
	ProgramID  int64        `json:"program_id"`
	Standalone bool         `json:"standalone"`
	Text       string       `json:"text"`
	Lead       int64        `json:"lead"`
	Support    []int64      `json:"support"`
	LeaderID   int64        `json:"leader_id"`
	Due        *apiDueInput `json:"due"`
}

// conclusionSchemas returns the schema of the body above, for the OpenAPI document.
func conclusionSchemas() map[string]*oaSchema {
	return map[string]*oaSchema{
		"ConclusionTask": schInput("Nhiệm vụ giao từ kết luận của hội nghị về một nội dung trình; theo dõi như mọi nhiệm vụ.",
			[]string{"lead"}, oaProps{
				"program_id": schInt("Chương trình đang soạn hoặc đang thực hiện; mặc định chương trình có hội nghị."),
				"standalone": schBool("Theo dõi riêng, không vào chương trình nào: nhiệm vụ ban hành cùng thông báo kết luận của hội nghị và theo dõi từ đó (bỏ qua program_id)."),
				"text":       schMax(schString("Nội dung nhiệm vụ; mặc định nội dung kết luận."), congtac.MaxTaskText),
				"lead":       schInt("Cơ quan chủ trì."), "support": schArray(schInt("Cơ quan phối hợp.")),
				"leader_id": schInt("Lãnh đạo phụ trách (mã cán bộ)."), "due": schRef("DueInput"),
			}),
	}
}

// conclusionTask returns the task a conclusion gives: its deadline read as of the meeting's
// day ("trước ngày 30/4", "trong tháng 5"), problems added to p. It prints as any new task
// does, with its deadline.
func conclusionTask(p *congtac.Problems, m congtac.Meeting, programID int64, text string, lead int64, support []int64,
	leader int64, due *apiDueInput) congtac.Task {
	t := congtac.Task{ProgramID: programID, Text: text, Lead: lead, LeaderID: leader, Print: congtac.DefaultTaskPrint()}
	for _, o := range support {
		t.Support = append(t.Support, congtac.Support{OrgID: o})
	}
	if due != nil {
		t.Due, t.Recurrence = due.read(p, "due", m.Date)
	}
	return t
}

// handleAPIConclusionTask makes the conclusion on an agenda item a task and answers 201
// with it.
func (s *Server) handleAPIConclusionTask(w http.ResponseWriter, r *http.Request) {
	it, ok := apiRecord(s, w, r, "nội dung trình hội nghị", s.findVisibleAgendaItem)
	if !ok {
		return
	}
	var body apiConclusionTask
	if !s.readJSON(w, r, &body) {
		return
	}
	ctx := r.Context()
	m, err := s.st.FindMeetingByID(ctx, it.MeetingID)
	if err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	var p congtac.Problems
	t := conclusionTask(&p, m, body.ProgramID, body.Text, body.Lead, body.Support, body.LeaderID, body.Due)
	if err := p.Err(); err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	t, err = s.st.AssignConclusion(ctx, actorOf(r), it.ID, t, body.Standalone)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api conclusion task: %w", err), 0)
		return
	}
	s.writeTask(w, r, t.ID, http.StatusCreated)
}

// standaloneHome is the value of the form's program choice that keeps a conclusion's task
// outside any program, with the notice of conclusions.
const standaloneHome = "tb"

// handleConclusionTask makes the conclusion on an agenda item a task from the form of the
// meeting's edit page (text, lead, support, due as written, program) and goes back to the
// meeting. Whoever manages the program's tasks may, leaders included (the store decides).
func (s *Server) handleConclusionTask(w http.ResponseWriter, r *http.Request) {
	id0, ok := pathID(r, "id")
	if !ok {
		s.fail(w, r, notFoundFor("nội dung trình hội nghị"))
		return
	}
	ctx, a := r.Context(), actorOf(r)
	it, err := s.findVisibleAgendaItem(ctx, a, id0)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	m, err := s.st.FindMeetingByID(ctx, it.MeetingID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	r.ParseForm()
	var p congtac.Problems
	id := func(field, v string) int64 { return formID(&p, field, strings.TrimSpace(v)) }
	var support []int64
	for _, v := range r.PostForm["support"] {
		support = append(support, id("support", v))
	}
	var due *apiDueInput
	if text := strings.TrimSpace(r.PostFormValue("due")); text != "" {
		due = &apiDueInput{Text: text}
	}
	home := r.PostFormValue("program")
	standalone := home == standaloneHome
	if standalone {
		home = ""
	}
	t := conclusionTask(&p, m, id("program_id", home), r.PostFormValue("text"),
		id("lead", r.PostFormValue("lead")), support, 0, due)
	err = p.Err()
	if err == nil {
		t, err = s.st.AssignConclusion(ctx, a, it.ID, t, standalone)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.flash(r, "Đã giao nhiệm vụ từ kết luận: "+oneLineText(t.Text)+".")
	http.Redirect(w, r, meetingHref(m.ID), http.StatusSeeOther)
}

// oneLineText returns s on one line, cut at 80 characters.
func oneLineText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 80 {
		return string(r[:79]) + "…"
	}
	return s
}
