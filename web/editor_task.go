package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"congtac"
)

// Tasks of a program being drafted: added under an item, changed, deleted. A task's program
// must be one the actor may draft; a task of another program is 404 as if it did not exist.

// handleTaskCreate adds a task under an item of a draft (the fields of [taskForm]; field
// program names the draft) after the item's last task and returns to the editor at it,
// where the deadline shows as understood ("→ 30/06/2023 (tháng)"). A task that cannot be
// read or that the program refuses (no lead org, an impossible date, a deadline outside its
// periods, a text too long) comes back with 422, as typed, each message by its field. Only
// the program's own fields are read before the task is saved, so that adding a task costs
// the same in a program of five tasks and in one of five hundred; the whole program is read
// only to show the editor again on a refusal.
func (s *Server) handleTaskCreate(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	programID, err := strconv.ParseInt(r.PostFormValue("program"), 10, 64)
	if !ok || err != nil || programID <= 0 {
		s.fail(w, r, notFoundFor("mục"))
		return
	}
	ctx, a := r.Context(), actorOf(r)
	p, err := s.programOfItemToChange(ctx, a, id)
	if err == nil && p.ID != programID {
		err = notFoundFor("mục")
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f := readTaskForm(r)
	f.Item, f.New = strconv.FormatInt(id, 10), true
	f.Action, f.Anchor, f.Program = fmt.Sprintf("/items/%d/tasks", id), fmt.Sprintf("newtask-%d", id), p.ID
	t, err := f.task(p)
	if err == nil {
		t.ItemID = id
		if t, err = s.st.AppendTask(ctx, a, t); err == nil {
			s.flash(r, "Đã thêm nhiệm vụ. "+understood(t))
			http.Redirect(w, r, editorAt(p.ID, fmt.Sprintf("task-%d", t.ID)), http.StatusSeeOther)
			return
		}
	}
	if congtac.ErrorCode(err) == congtac.EINVALID {
		if p, err2 := s.findProgramToChange(ctx, a, p.ID, congtac.DraftPrograms); err2 != nil {
			err = err2
		} else {
			s.refuseTask(w, r, p, f, err)
			return
		}
	}
	s.fail(w, r, err)
}

// refuseTask re-renders the editor with the task form f and the messages of err (422), or
// answers err when it is not about the form's fields.
func (s *Server) refuseTask(w http.ResponseWriter, r *http.Request, p congtac.Program, f *taskForm, err error) {
	if congtac.ErrorCode(err) != congtac.EINVALID || !p.Status.Editable() {
		s.fail(w, r, err)
		return
	}
	f.setErrors(err)
	s.renderEditor(w, r, p, http.StatusUnprocessableEntity, editorState{at: f.Anchor, task: f,
		problems: []string{"Nhiệm vụ chưa lưu được: hãy sửa các ô được đánh dấu."}})
}

// draftTask returns task path value id and its program when the actor may draft the
// program; otherwise it answers itself and returns false.
func (s *Server) draftTask(w http.ResponseWriter, r *http.Request) (congtac.Program, congtac.Task, bool) {
	id, ok := pathID(r, "id")
	if !ok {
		s.fail(w, r, notFoundFor("nhiệm vụ"))
		return congtac.Program{}, congtac.Task{}, false
	}
	t, err := s.st.FindTaskByID(r.Context(), id)
	if congtac.ErrorCode(err) == congtac.ENOTFOUND {
		err = notFoundFor("nhiệm vụ")
	}
	if err != nil {
		s.fail(w, r, err)
		return congtac.Program{}, t, false
	}
	p, ok := s.draftableProgram(w, r, t.ProgramID)
	return p, t, ok
}

// handleTaskUpdate saves a task of a draft (the fields of [taskForm] and version) and
// returns to the editor at it. A stale version gives the conflict page (409) with what the
// user typed beside what is saved now; a refused task comes back with 422, as typed.
func (s *Server) handleTaskUpdate(w http.ResponseWriter, r *http.Request) {
	p, t, ok := s.draftTask(w, r)
	if !ok {
		return
	}
	ctx, a := r.Context(), actorOf(r)
	f := readTaskForm(r)
	f.Action, f.Anchor, f.Program = fmt.Sprintf("/tasks/%d", t.ID), fmt.Sprintf("task-%d", t.ID), p.ID
	u, err := f.update(t, p)
	if err == nil {
		err = checkVersion(f.Version)
	}
	if err == nil {
		var saved congtac.Task
		if saved, err = s.st.UpdateTask(ctx, a, t.ID, f.Version, u); err == nil {
			s.flash(r, "Đã lưu nhiệm vụ. "+understood(saved))
			http.Redirect(w, r, editorAt(p.ID, f.Anchor), http.StatusSeeOther)
			return
		}
	}
	if congtac.ErrorCode(err) == congtac.ECONFLICT {
		s.taskConflict(w, r, p, t, f)
		return
	}
	s.refuseTask(w, r, p, f, err)
}

// taskConflict answers 409 with the conflict page of task t: form f beside the task as
// saved now.
func (s *Server) taskConflict(w http.ResponseWriter, r *http.Request, p congtac.Program, t congtac.Task, f *taskForm) {
	orgs, err := s.loadOrgs(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	c, err := s.editorChoices(r.Context(), actorOf(r), p, orgs)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderConflict(w, r, conflict{what: "nhiệm vụ", action: f.Action, version: t.Version,
		back: editorAt(p.ID, f.Anchor), mine: f.describe(c), saved: taskFormOf(t).describe(c)})
}

// handleTaskDelete deletes a task of a draft (field version; 409 when it moved) and returns
// to the editor at its item.
func (s *Server) handleTaskDelete(w http.ResponseWriter, r *http.Request) {
	p, t, ok := s.draftTask(w, r)
	if !ok {
		return
	}
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	err := checkVersion(version)
	if err == nil {
		err = s.st.DeleteTask(r.Context(), actorOf(r), t.ID, version)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.flash(r, "Đã xóa nhiệm vụ “"+shortText(t.Text, 80)+"”.")
	anchor := "items"
	if slices.ContainsFunc(p.Items, func(it congtac.Item) bool { return it.ID == t.ItemID }) {
		anchor = fmt.Sprintf("item-%d", t.ItemID)
	}
	http.Redirect(w, r, editorAt(p.ID, anchor), http.StatusSeeOther)
}
