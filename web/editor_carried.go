package web

import (
	"fmt"
	"net/http"
	"strings"

	"congtac"
	"congtac/vn"
)

// carriedPanel is the editor's box for the carried tasks whose deadline passed before the
// program's period: the office keeps the old deadlines or gives a new one, for all at
// once; one task at a time goes through its own form.
type carriedPanel struct {
	Action string
	Ref    string // the program's first day, for reading the new deadline
	Tasks  []carriedRow
}

// carriedRow is one carried task waiting for the choice.
type carriedRow struct {
	Anchor, Text, Due string
}

// newCarriedPanel returns the panel of program p, or nil when no task waits.
func newCarriedPanel(p congtac.Program) *carriedPanel {
	var rows []carriedRow
	for _, t := range p.Tasks {
		if t.AwaitsDueChoice(p) {
			rows = append(rows, carriedRow{Anchor: fmt.Sprintf("task-%d", t.ID), Text: shortText(t.Text, 90), Due: t.Due.Label()})
		}
	}
	if rows == nil {
		return nil
	}
	return &carriedPanel{Action: fmt.Sprintf("/programs/%d/carried-deadlines", p.ID), Ref: p.Period.Start().String(), Tasks: rows}
}

// handleCarriedDeadlines settles the deadlines of the carried tasks that wait for it
// (field choice: "keep" keeps the old deadlines, "redate" gives them the deadline of field
// due, read as the task form reads one) and returns to the editor. A deadline that cannot
// be read or falls outside the program's periods comes back with 422.
func (s *Server) handleCarriedDeadlines(w http.ResponseWriter, r *http.Request) {
	p, ok := s.pathProgram(w, r)
	if !ok {
		return
	}
	keep, due, err := readCarriedChoice(p, r.PostFormValue("choice"), r.PostFormValue("due"))
	var n int
	if err == nil {
		n, err = s.st.SettleCarriedDeadlines(r.Context(), actorOf(r), p.ID, keep, due)
	}
	if congtac.ErrorCode(err) == congtac.EINVALID {
		s.renderEditor(w, r, p, http.StatusUnprocessableEntity, editorState{at: "carried", problems: []string{congtac.ErrorMessage(err)}})
		return
	} else if err != nil {
		s.fail(w, r, err)
		return
	}
	msg := fmt.Sprintf("Đã giữ thời hạn cũ của %d nhiệm vụ chuyển tiếp.", n)
	if !keep {
		msg = fmt.Sprintf("Đã đặt thời hạn %s cho %d nhiệm vụ chuyển tiếp.", due.Label(), n)
	}
	s.flash(r, msg)
	http.Redirect(w, r, fmt.Sprintf("/programs/%d/edit#items", p.ID), http.StatusSeeOther)
}

// readCarriedChoice reads the choice for the carried deadlines of program p: keep the old
// ones, or the new deadline text read from the program's first day.
func readCarriedChoice(p congtac.Program, choice, text string) (bool, congtac.Due, error) {
	switch choice {
	case "keep":
		return true, congtac.Due{}, nil
	case "redate":
		if strings.TrimSpace(text) == "" {
			return false, congtac.Due{}, congtac.FieldError("due", "Nhập thời hạn mới, ví dụ “trong tháng %d/%d”.", p.Period.Number, p.Period.Year)
		}
		d, err := vn.ParseDue(text, p.Period.Start())
		if err != nil {
			return false, congtac.Due{}, err
		}
		if d.Due.IsVague() {
			return false, congtac.Due{}, congtac.FieldError("due", "Thời hạn mới phải là một ngày hoặc một kỳ, ví dụ “trong tháng %d/%d”.", p.Period.Number, p.Period.Year)
		}
		return false, d.Due, nil
	}
	return false, congtac.Due{}, congtac.FieldError("choice", "Chọn giữ thời hạn cũ hoặc đặt thời hạn mới.")
}

// apiCarriedDeadlines is the body of POST /api/v1/programs/{id}/carried-deadlines.
type apiCarriedDeadlines struct {
	Keep bool   `json:"keep"`
	Due  string `json:"due"`
}

// apiCarriedResult says how many carried tasks changed.
type apiCarriedResult struct {
	Changed int `json:"changed"`
}

// carriedSchemas returns the schemas of the body and answer above, for the OpenAPI document.
func carriedSchemas() map[string]*oaSchema {
	return map[string]*oaSchema{
		"CarriedDeadlines": schInput("Quyết định thời hạn của mọi nhiệm vụ chuyển tiếp đã quá hạn cũ: giữ hạn cũ (keep) hoặc đặt hạn mới (due).",
			nil, oaProps{"keep": schBool("true: giữ thời hạn cũ đã quá, in “chuyển tiếp; hạn cũ …”."),
				"due": schMax(schString("Thời hạn mới trong kỳ của chương trình, viết như trong chương trình: “trong tháng 12/2026”; dùng khi keep là false."), congtac.MaxPhrase)}),
		"CarriedResult": schObject("Số nhiệm vụ chuyển tiếp đã được quyết định thời hạn.", oaProps{"changed": schInt("Số nhiệm vụ.")}),
	}
}

// handleAPICarriedDeadlines is [Server.handleCarriedDeadlines] for scripts: keep true
// keeps the old deadlines, otherwise due gives the new one; it answers how many changed.
func (s *Server) handleAPICarriedDeadlines(w http.ResponseWriter, r *http.Request) {
	p, ok := s.apiProgramToChange(w, r, congtac.DraftPrograms)
	if !ok {
		return
	}
	var body apiCarriedDeadlines
	if !s.readJSON(w, r, &body) {
		return
	}
	choice := "redate"
	if body.Keep {
		choice = "keep"
	}
	keep, due, err := readCarriedChoice(p, choice, body.Due)
	var n int
	if err == nil {
		n, err = s.st.SettleCarriedDeadlines(r.Context(), actorOf(r), p.ID, keep, due)
	}
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api carried deadlines: %w", err), 0)
		return
	}
	writeJSON(w, http.StatusOK, apiCarriedResult{Changed: n})
}
