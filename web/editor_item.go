package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"congtac"
)

// Items of a program being drafted. The item routes name the item only; the forms carry the
// program (field program), whose draft the actor must be allowed to edit and which must
// hold the item, else 404.

// formItem returns the program of the form's field program, which the actor may draft, and
// its item of path value id in document order; otherwise it answers itself and returns false.
func (s *Server) formItem(w http.ResponseWriter, r *http.Request) (congtac.Program, itemAt, bool) {
	id, ok := pathID(r, "id")
	programID, err := strconv.ParseInt(r.PostFormValue("program"), 10, 64)
	if !ok || err != nil || programID <= 0 {
		s.fail(w, r, notFoundFor("mục"))
		return congtac.Program{}, itemAt{}, false
	}
	p, ok := s.draftableProgram(w, r, programID)
	if !ok {
		return p, itemAt{}, false
	}
	order := itemOrder(p.Items)
	i := slices.IndexFunc(order, func(it itemAt) bool { return it.ID == id })
	if i < 0 {
		s.fail(w, r, notFoundFor("mục"))
		return p, itemAt{}, false
	}
	return p, order[i], true
}

// editorAt is the editor's address at an anchor.
func editorAt(programID int64, anchor string) string {
	return fmt.Sprintf("/programs/%d/edit#%s", programID, anchor)
}

// handleItemCreate adds an item to a draft (fields heading, text, style, sector): under the
// item ref as its last sub-item (place=child), right after it (place=after), or without
// ref last at the top level. It returns to the editor at the new item; a refused item comes
// back with 422, as typed.
func (s *Server) handleItemCreate(w http.ResponseWriter, r *http.Request) {
	p, ok := s.pathProgram(w, r)
	if !ok {
		return
	}
	ctx, a := r.Context(), actorOf(r)
	f := readItemForm(r)
	f.Action, f.Anchor, f.Program = fmt.Sprintf("/programs/%d/items", p.ID), "top", p.ID
	it := f.apply(congtac.Item{ProgramID: p.ID})
	order := itemOrder(p.Items)
	ref := slices.IndexFunc(order, func(o itemAt) bool { return strconv.FormatInt(o.ID, 10) == f.Ref })
	var err error
	switch {
	case f.Ref != "" && ref < 0:
		err = congtac.FieldError("parent_id", "Mục được chọn không còn trong chương trình.")
	case ref >= 0 && f.Place == "child":
		it.ParentID = order[ref].ID
	case ref >= 0:
		it.ParentID = order[ref].ParentID
	}
	if ref >= 0 {
		f.Anchor = fmt.Sprintf("add-%d", order[ref].ID)
	}
	it.Position = len(siblingsOf(order, it.ParentID))
	switch {
	case err != nil:
	case ref >= 0 && f.Place == "after":
		it, err = s.st.CreateItemAfter(ctx, a, it, order[ref].ID)
	default:
		it, err = s.st.CreateItem(ctx, a, it)
	}
	if err == nil {
		s.flash(r, "Đã thêm mục.")
		http.Redirect(w, r, editorAt(p.ID, fmt.Sprintf("item-%d", it.ID)), http.StatusSeeOther)
		return
	}
	s.refuseItem(w, r, p, f, err)
}

// refuseItem re-renders the editor with the item form f and the messages of err (422), or
// answers err when it is not about the form's fields.
func (s *Server) refuseItem(w http.ResponseWriter, r *http.Request, p congtac.Program, f *itemForm, err error) {
	if congtac.ErrorCode(err) != congtac.EINVALID || !p.Status.Editable() {
		s.fail(w, r, err)
		return
	}
	f.setErrors(err)
	s.renderEditor(w, r, p, http.StatusUnprocessableEntity, editorState{at: f.Anchor, item: f,
		problems: []string{"Mục chưa lưu được: hãy sửa các ô được đánh dấu."}})
}

// siblingsOf returns the items under parent, in order.
func siblingsOf(order []itemAt, parent int64) []itemAt {
	var out []itemAt
	for _, it := range order {
		if it.ParentID == parent {
			out = append(out, it)
		}
	}
	return out
}

// handleItemUpdate saves an item's heading, text, style and sector (fields version and
// program) and returns to the editor at it. A stale version gives the conflict page (409);
// a refused item comes back with 422, as typed.
func (s *Server) handleItemUpdate(w http.ResponseWriter, r *http.Request) {
	p, it, ok := s.formItem(w, r)
	if !ok {
		return
	}
	ctx, a := r.Context(), actorOf(r)
	f := readItemForm(r)
	f.Action, f.Anchor, f.Program = fmt.Sprintf("/items/%d", it.ID), fmt.Sprintf("item-%d", it.ID), p.ID
	err := checkVersion(f.Version)
	if err == nil {
		if _, err = s.st.UpdateItem(ctx, a, f.apply(it.Item), f.Version); err == nil {
			s.flash(r, fmt.Sprintf("Đã lưu mục %s", it.Label))
			http.Redirect(w, r, editorAt(p.ID, f.Anchor), http.StatusSeeOther)
			return
		}
	}
	if congtac.ErrorCode(err) == congtac.ECONFLICT {
		c := editorChoices{styles: newChoices(styleOptions), sectors: newChoices(sectorOptions())}
		s.renderConflict(w, r, conflict{what: "mục " + it.Label, action: f.Action, version: it.Version,
			back: editorAt(p.ID, f.Anchor), mine: f.describe(c), saved: itemFormOf(it.Item).describe(c)})
		return
	}
	s.refuseItem(w, r, p, f, err)
}

// sectorOptions are the sectors an item or task may name, "" first.
func sectorOptions() []option {
	return append([]option{{Label: "Không ghi"}}, optionsOf(congtac.Sectors, congtac.Sector.Label, "")...)
}

// handleItemMove moves an item with its sub-items and tasks (field dir): up or down among
// its siblings, in (under the sibling before it, last) or out (right after its parent);
// labels are renumbered (see [store.Store.MoveItem]). Fields version (409 when it moved)
// and program. A move that is not possible comes back with 422 and the reason.
func (s *Server) handleItemMove(w http.ResponseWriter, r *http.Request) {
	p, it, ok := s.formItem(w, r)
	if !ok {
		return
	}
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	err := checkVersion(version)
	if err == nil {
		parent, index, merr := movePlace(itemOrder(p.Items), it, r.PostFormValue("dir"))
		if err = merr; err == nil {
			_, err = s.st.MoveItem(r.Context(), actorOf(r), it.ID, version, parent, index)
		}
	}
	anchor := fmt.Sprintf("item-%d", it.ID)
	if err == nil {
		http.Redirect(w, r, editorAt(p.ID, anchor), http.StatusSeeOther)
		return
	}
	if congtac.ErrorCode(err) != congtac.EINVALID || !p.Status.Editable() {
		s.fail(w, r, err)
		return
	}
	s.renderEditor(w, r, p, http.StatusUnprocessableEntity, editorState{at: anchor,
		problems: []string{fmt.Sprintf("Mục %s: %s", it.Label, congtac.ErrorMessage(err))}})
}

// movePlace returns where item it goes for direction dir: its new parent and its index
// among the new siblings.
func movePlace(order []itemAt, it itemAt, dir string) (int64, int, error) {
	sibs := siblingsOf(order, it.ParentID)
	i := slices.IndexFunc(sibs, func(o itemAt) bool { return o.ID == it.ID })
	switch dir {
	case "up", "in":
		if i == 0 {
			return 0, 0, congtac.Errorf(congtac.EINVALID, "mục đã ở đầu nên không chuyển lên hay vào trong được.")
		}
		if dir == "up" {
			return it.ParentID, i - 1, nil
		}
		return sibs[i-1].ID, len(siblingsOf(order, sibs[i-1].ID)), nil
	case "down":
		if i == len(sibs)-1 {
			return 0, 0, congtac.Errorf(congtac.EINVALID, "mục đã ở cuối nên không chuyển xuống được.")
		}
		return it.ParentID, i + 1, nil
	case "out":
		if it.ParentID == 0 {
			return 0, 0, congtac.Errorf(congtac.EINVALID, "mục đã ở cấp cao nhất nên không đưa ra ngoài được.")
		}
		k := slices.IndexFunc(order, func(o itemAt) bool { return o.ID == it.ParentID })
		up := siblingsOf(order, order[k].ParentID)
		return order[k].ParentID, slices.IndexFunc(up, func(o itemAt) bool { return o.ID == it.ParentID }) + 1, nil
	}
	return 0, 0, congtac.Errorf(congtac.EINVALID, "hướng chuyển %q không hợp lệ (up, down, in, out).", dir)
}

// handleItemDelete deletes an item with its sub-items and their tasks (fields version and
// program). An item whose subtree carries tasks needs confirm=1, else the editor comes back
// with 422 asking for it.
func (s *Server) handleItemDelete(w http.ResponseWriter, r *http.Request) {
	p, it, ok := s.formItem(w, r)
	if !ok {
		return
	}
	f := readItemForm(r)
	f.Anchor = fmt.Sprintf("del-%d", it.ID)
	order := itemOrder(p.Items)
	byItem := map[int64][]congtac.Task{}
	for _, t := range p.Tasks {
		byItem[t.ItemID] = append(byItem[t.ItemID], t)
	}
	err := checkVersion(f.Version)
	if n := subtreeTasks(order, byItem)[it.ID]; err == nil && n > 0 && !f.Confirm {
		err = congtac.FieldError("confirm", "Mục %s có %d nhiệm vụ: đánh dấu ô xác nhận để xóa cả các nhiệm vụ.", it.Label, n)
	}
	if err == nil {
		err = s.st.DeleteItem(r.Context(), actorOf(r), it.ID, f.Version)
	}
	if err == nil {
		s.flash(r, fmt.Sprintf("Đã xóa mục %s.", it.Label))
		anchor := "items"
		if it.ParentID != 0 {
			anchor = fmt.Sprintf("item-%d", it.ParentID)
		}
		http.Redirect(w, r, editorAt(p.ID, anchor), http.StatusSeeOther)
		return
	}
	if congtac.ErrorCode(err) == congtac.EINVALID && p.Status.Editable() {
		f.setErrors(err)
		s.renderEditor(w, r, p, http.StatusUnprocessableEntity, editorState{at: f.Anchor, item: f,
			problems: []string{congtac.ErrorMessage(err)}})
		return
	}
	s.fail(w, r, err)
}
