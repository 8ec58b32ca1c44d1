package web

import (
	"cmp"
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"congtac"
	"congtac/vn"
)

// editorPage is the data of program_edit.html: a draft or returned program with a form for
// its general information, each item and each task, the signer's remarks by their items,
// and the lifecycle steps the actor may take.
type editorPage struct {
	layout
	ID         int64
	Href       string // the read-only view
	Status     statusView
	Period     string
	Version    int
	Problems   []string // why the last post was refused, when no form shows it
	Jump       string   // the anchor of the form refused, to go to it
	Program    *programForm
	Comments   []commentView // on the whole program
	Items      []itemView
	Loose      []*taskForm // tasks under no item
	Carried    *carriedPanel
	NewPart    *itemForm // a new part at the top level
	CanSubmit  bool
	CanDelete  bool   // a draft never submitted
	Returned   string // the signer's remarks when returning the program, while it is returned
	AmendsHref string // the issued program this one amends
	// Pending is the previous period's program while it is not issued yet (see
	// [Server.pendingPrevious]); nil otherwise.
	Pending      *pendingView
	VersionsHref string
}

func (editorPage) template() string { return "program_edit" }

// pendingView links to the previous period's program that is not issued yet.
type pendingView struct{ Href, Title, Message string }

// itemView is one item in the editor with its forms and tasks.
type itemView struct {
	ID                    int64
	Anchor, Label, Title  string // Title: the heading, or the start of the text
	Depth                 int
	Form                  *itemForm
	Add                   *itemForm // a new item, under this one or after it; nil unless asked for
	NewTask               *taskForm // a new task under this one; nil unless asked for
	AddTaskHref           string    // the editor with NewTask open
	AddItemHref           string    // the editor with Add open
	Tasks                 []*taskForm
	Comments              []commentView
	First, Last           bool // among its siblings: moving up or down is not offered
	Top                   bool // at the top level: outdenting is not offered
	TaskCount             int  // in its subtree: deleting asks for confirmation
	Version               int
	MoveAction, DelAction string
	DeleteError           string
}

// DeleteField returns the checkbox confirming that deleting the item deletes its tasks,
// with the message of a refused delete. The template writes the checkbox itself, inside
// its sentence.
func (v itemView) DeleteField() field {
	return field{ID: fmt.Sprintf("del-%d-confirm", v.ID), Name: "confirm", Error: v.DeleteError}
}

// commentView is a remark of the signer.
type commentView struct {
	ID       int64
	Program  int64
	Text     string
	Author   string
	At       string
	Resolved bool
	Where    string // "Mục 1. …" or "Cả chương trình", on the program page's list of remarks
}

// editorState is what a refused post leaves in the editor: the form as it was sent under
// its anchor ("task-12", "newtask-5", "item-7", "add-7", "del-7", "top", "program"), and
// messages that belong to no form; or the adding form the editor's address opens. The
// zero value shows every form as saved.
type editorState struct {
	at       string
	open     string // the anchor of an adding form the address asks for: "newtask-5", "add-5"
	task     *taskForm
	item     *itemForm
	program  *programForm
	problems []string
}

// renderEditor renders the editor of program p (with its items and tasks) with status and
// the forms st leaves.
func (s *Server) renderEditor(w http.ResponseWriter, r *http.Request, p congtac.Program, status int, st editorState) {
	page, err := s.editorPage(r, p, st)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, status, page)
}

// editorPage returns the editor's data for program p.
func (s *Server) editorPage(r *http.Request, p congtac.Program, st editorState) (editorPage, error) {
	ctx, a := r.Context(), actorOf(r)
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		return editorPage{}, err
	}
	c, err := s.editorChoices(ctx, a, p, orgs)
	if err != nil {
		return editorPage{}, err
	}
	comments, err := s.commentViews(r, p.ID)
	if err != nil {
		return editorPage{}, err
	}
	kept, err := s.st.CountProgramVersions(ctx, p.ID)
	if err != nil {
		return editorPage{}, err
	}
	page := editorPage{layout: s.layout(r, "Soạn thảo: "+vn.Capitalize(p.Title)), ID: p.ID,
		Href: fmt.Sprintf("/programs/%d", p.ID), Status: statusView{string(p.Status), p.Status.Label()},
		Period: periodText(p), Version: p.Version, Problems: st.problems, Jump: st.at,
		VersionsHref: fmt.Sprintf("/programs/%d/versions", p.ID),
		CanSubmit:    slices.Contains(congtac.ActionsFor(p.Status, a.Role), congtac.ActionSubmit),
		CanDelete:    p.Status == congtac.ProgramDraft && kept == 0}
	if p.AmendsID != 0 {
		page.AmendsHref = fmt.Sprintf("/programs/%d", p.AmendsID)
	}
	if p.Status == congtac.ProgramReturned {
		if page.Returned, err = s.returnRemarks(r, p); err != nil {
			return editorPage{}, err
		}
	}
	if prev, ok, err := s.pendingPrevious(ctx, a, p); err != nil {
		return editorPage{}, err
	} else if ok {
		page.Pending = &pendingView{Href: fmt.Sprintf("/programs/%d", prev.ID), Title: vn.Capitalize(prev.Title), Message: pendingMessage(prev)}
	}
	page.Program = st.program
	if st.at != "program" || page.Program == nil {
		page.Program = programFormOf(p, c.signPosts)
	}
	page.Program.fill(c)
	page.Comments = comments[0]
	page.NewPart = st.itemAt("top", func() *itemForm {
		return &itemForm{Action: fmt.Sprintf("/programs/%d/items", p.ID), Anchor: "top", Program: p.ID, Errors: map[string]string{}}
	})
	page.NewPart.fill(c)
	page.Items, page.Loose = editorItems(p, c, st, comments)
	page.Carried = newCarriedPanel(p)
	return page, nil
}

// returnRemarks returns the remarks of the last return of program p, with who made them.
func (s *Server) returnRemarks(r *http.Request, p congtac.Program) (string, error) {
	n, err := s.lastReturn(r, p)
	if err != nil || n == nil {
		return "", err
	}
	return fmt.Sprintf("%s (%s, %s)", n.Text, n.By, n.At), nil
}

// itemAt returns the item form the state keeps at anchor, or a fresh one.
func (st editorState) itemAt(anchor string, fresh func() *itemForm) *itemForm {
	if st.at == anchor && st.item != nil {
		return st.item
	}
	return fresh()
}

// taskAt returns the task form the state keeps at anchor, or a fresh one.
func (st editorState) taskAt(anchor string, fresh func() *taskForm) *taskForm {
	if st.at == anchor && st.task != nil {
		return st.task
	}
	return fresh()
}

// editorItems returns the items of p in document order with their forms and tasks, and the
// forms of the tasks under no item.
func editorItems(p congtac.Program, c editorChoices, st editorState, comments map[int64][]commentView) ([]itemView, []*taskForm) {
	byItem := map[int64][]congtac.Task{}
	for _, t := range p.Tasks {
		byItem[t.ItemID] = append(byItem[t.ItemID], t)
	}
	order := itemOrder(p.Items)
	subtree := subtreeTasks(order, byItem)
	var out []itemView
	for i, it := range order {
		v := itemView{ID: it.ID, Anchor: fmt.Sprintf("item-%d", it.ID), Label: it.Label, Depth: it.depth,
			Title:   cmp.Or(it.Heading, shortText(it.Text, 120)),
			Version: it.Version, TaskCount: subtree[it.ID], Comments: comments[it.ID], Top: it.depth == 0,
			MoveAction: fmt.Sprintf("/items/%d/move", it.ID), DelAction: fmt.Sprintf("/items/%d/delete", it.ID)}
		v.First = !hasSibling(order[:i], it, -1)
		v.Last = !hasSibling(order[i+1:], it, 1)
		v.Form = st.itemAt(v.Anchor, func() *itemForm { return itemFormOf(it.Item) })
		v.Form.fill(c)
		if st.at == fmt.Sprintf("del-%d", it.ID) && st.item != nil {
			v.DeleteError = st.item.Errors["confirm"]
		}
		ts := byItem[it.ID]
		slices.SortStableFunc(ts, func(a, b congtac.Task) int { return cmp.Compare(a.Position, b.Position) })
		for _, t := range ts {
			v.Tasks = append(v.Tasks, editorTask(t, c, st))
		}
		addForms(&v, p.ID, c, st)
		out = append(out, v)
	}
	var loose []*taskForm
	for _, t := range p.Tasks {
		if !slices.ContainsFunc(order, func(it itemAt) bool { return it.ID == t.ItemID }) {
			t.ItemID = 0
			loose = append(loose, editorTask(t, c, st))
		}
	}
	return out, loose
}

// addForms sets the forms that add a task or an item at item v when the state asks for
// them: a refused one, or the one the editor's address opens (?add=task or ?add=item with
// at=v's ID). Otherwise v only links to them, which keeps a long program's editor light: a
// new-task form offers every org twice.
func addForms(v *itemView, programID int64, c editorChoices, st editorState) {
	id := strconv.FormatInt(v.ID, 10)
	base := fmt.Sprintf("/programs/%d/edit?at=%s", programID, id)
	v.AddTaskHref, v.AddItemHref = base+"&add=task#newtask-"+id, base+"&add=item#add-"+id
	if anchor := "newtask-" + id; st.at == anchor || st.open == anchor {
		v.NewTask = st.taskAt(anchor, func() *taskForm { return &taskForm{New: true, Item: id, Errors: map[string]string{}} })
		v.NewTask.Action, v.NewTask.Anchor, v.NewTask.Program, v.NewTask.Ref = "/items/"+id+"/tasks", anchor, programID, c.ref
		v.NewTask.fill(c)
	}
	if anchor := "add-" + id; st.at == anchor || st.open == anchor {
		v.Add = st.itemAt(anchor, func() *itemForm {
			return &itemForm{Action: fmt.Sprintf("/programs/%d/items", programID), Anchor: anchor, Program: programID,
				Ref: id, Place: "child", Errors: map[string]string{}}
		})
		v.Add.fill(c)
	}
}

// editorTask returns the form of saved task t, or the one st keeps for it.
func editorTask(t congtac.Task, c editorChoices, st editorState) *taskForm {
	anchor := fmt.Sprintf("task-%d", t.ID)
	f := st.taskAt(anchor, func() *taskForm { return taskFormOf(t) })
	f.Action, f.Anchor, f.Program, f.Loose = fmt.Sprintf("/tasks/%d", t.ID), anchor, t.ProgramID, t.ItemID == 0
	f.Ref = c.ref
	f.Understood, f.Carried, f.Summary, f.LeadName = understood(t), t.CarriedFrom != 0, t.Text, c.orgs.label(formIDValue(t.Lead))
	f.SavedDue = taskFormOf(t).Due
	if t.CarriedFrom != 0 {
		f.CarriedHref = fmt.Sprintf("/tasks/%d", t.CarriedFrom)
	}
	f.fill(c)
	return f
}

// hasSibling reports whether items (those before it, dir -1, or after it, dir 1, in
// document order) hold a sibling of it before leaving its parent's subtree.
func hasSibling(items []itemAt, it itemAt, dir int) bool {
	for k := range items {
		other := items[k]
		if dir < 0 {
			other = items[len(items)-1-k]
		}
		if other.depth < it.depth {
			return false
		}
		if other.depth == it.depth {
			return other.ParentID == it.ParentID
		}
	}
	return false
}

// subtreeTasks counts the tasks under each item and its descendants.
func subtreeTasks(order []itemAt, byItem map[int64][]congtac.Task) map[int64]int {
	out := map[int64]int{}
	for i, it := range order {
		n := len(byItem[it.ID])
		for _, d := range order[i+1:] {
			if d.depth <= it.depth {
				break
			}
			n += len(byItem[d.ID])
		}
		out[it.ID] = n
	}
	return out
}

// commentViews returns the signer's remarks on program id by item (0 for the whole
// program), oldest first, open ones and resolved ones alike.
func (s *Server) commentViews(r *http.Request, id int64) (map[int64][]commentView, error) {
	ctx := r.Context()
	cs, err := s.st.FindReviewComments(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("web: review comments: %w", err)
	}
	authors := map[int64]string{}
	out := map[int64][]commentView{}
	for _, c := range cs {
		if _, ok := authors[c.AuthorID]; !ok && c.AuthorID != 0 {
			u, err := s.st.FindUserByID(ctx, c.AuthorID)
			if err != nil && congtac.ErrorCode(err) != congtac.ENOTFOUND {
				return nil, fmt.Errorf("web: review comments: %w", err)
			}
			authors[c.AuthorID] = u.DisplayName
		}
		out[c.ItemID] = append(out[c.ItemID], commentView{ID: c.ID, Program: id, Text: c.Text, Author: authors[c.AuthorID],
			At: instantText(c.At, s.loc), Resolved: c.Resolved})
	}
	return out, nil
}
