package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"

	"congtac"
)

// MoveItem moves item id of an editable program under parentID (0 for the top level) to
// place index among its new siblings (0 first; past the end means last), with its sub-items
// and tasks. The positions of the old and new siblings are renumbered 0, 1, 2 … in the same
// transaction, so that a move is never half done; labels follow from [congtac.Number]. An
// item whose style was the default of its old depth takes the default of the new depth
// ("1.2." outdented becomes "2."), a style chosen by hand stays. Only the moved item's
// version is checked (ECONFLICT when it moved) and bumped: its siblings only change place.
// A parent outside the program or inside the item itself is EINVALID.
func (s *Store) MoveItem(ctx context.Context, a congtac.Actor, id int64, version int, parentID int64, index int) (congtac.Item, error) {
	var moved congtac.Item
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		programID, err := itemProgram(ctx, tx, id)
		if err != nil {
			return err
		}
		p, err := s.editableProgram(ctx, tx, a, programID)
		if err != nil {
			return err
		}
		items, err := findItems(ctx, tx, programID)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(items, func(it congtac.Item) bool { return it.ID == id })
		before := items[i]
		if before.Version != version {
			return conflict("Mục")
		}
		moved = before
		moved.ParentID = parentID
		if err := checkItemParent(ctx, tx, moved); err != nil {
			return err
		}
		if depthOf(items, before.ParentID) != depthOf(items, parentID) && before.Style == congtac.DefaultStyle(depthOf(items, before.ParentID)) {
			moved.Style = ""
		}
		changed := placeItem(items, moved, index)
		for _, it := range changed {
			if err := writePlace(ctx, tx, it, it.ID == id); err != nil {
				return err
			}
		}
		moved = changed[slices.IndexFunc(changed, func(it congtac.Item) bool { return it.ID == id })]
		moved.Version = version + 1
		return s.audit(ctx, tx, a, "move", "item", id, p.OrgID, before, moved)
	})
	return moved, err
}

// CreateItemAfter adds it to an editable program right after item after, under the same
// parent (it.ParentID and it.Position are not read): the siblings that follow move one
// place down in the same transaction, renumbered 0, 1, 2 … as [Store.MoveItem] does, so
// that an item added in the middle never stays last. An after that is not an item of
// it.ProgramID is EINVALID on parent_id. Audited as the item's creation.
func (s *Store) CreateItemAfter(ctx context.Context, a congtac.Actor, it congtac.Item, after int64) (congtac.Item, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		p, err := s.editableProgram(ctx, tx, a, it.ProgramID)
		if err != nil {
			return err
		}
		items, err := findItems(ctx, tx, p.ID)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(items, func(o congtac.Item) bool { return o.ID == after })
		if i < 0 {
			return congtac.FieldError("parent_id", "Mục được chọn không còn trong chương trình.")
		}
		it.ParentID, it.Position = items[i].ParentID, items[i].Position+1
		if it.ID, err = s.insertItem(ctx, tx, it); err != nil {
			return err
		}
		it = normalizeItem(it)
		it.Version = 1
		index := 0 // after's place among its siblings, which findItems gives in order
		for _, o := range items[:i+1] {
			if o.ParentID == it.ParentID {
				index++
			}
		}
		for _, c := range placeItem(append(items, it), it, index) {
			if err := writePlace(ctx, tx, c, false); err != nil {
				return err
			}
			if c.ID == it.ID {
				it.Position = c.Position
			}
		}
		return s.audit(ctx, tx, a, "create", "item", it.ID, p.OrgID, nil, it)
	})
	return it, err
}

// itemProgram returns the program of item id, or ENOTFOUND.
func itemProgram(ctx context.Context, tx *sql.Tx, id int64) (int64, error) {
	var programID int64
	err := tx.QueryRowContext(ctx, "SELECT program_id FROM items WHERE id = $1", id).Scan(&programID)
	if err == sql.ErrNoRows {
		return 0, notFound("mục")
	} else if err != nil {
		return 0, fmt.Errorf("store: move item: %w", err)
	}
	return programID, nil
}

// depthOf returns the depth of the children of parent: 0 for the top level.
func depthOf(items []congtac.Item, parent int64) int {
	depth := 0
	for seen := 0; parent != 0 && seen <= len(items); seen++ {
		i := slices.IndexFunc(items, func(it congtac.Item) bool { return it.ID == parent })
		if i < 0 {
			break
		}
		depth++
		parent = items[i].ParentID
	}
	return depth
}

// placeItem puts moved at index among the children of its new parent and returns every item
// whose parent, position or style changes, the moved one included: the old and new
// siblings are renumbered from 0 in their order.
func placeItem(items []congtac.Item, moved congtac.Item, index int) []congtac.Item {
	siblings := func(parent int64) []congtac.Item {
		var out []congtac.Item
		for _, it := range items {
			if it.ParentID == parent && it.ID != moved.ID {
				out = append(out, it)
			}
		}
		slices.SortFunc(out, func(a, b congtac.Item) int {
			return cmp.Or(cmp.Compare(a.Position, b.Position), cmp.Compare(a.ID, b.ID))
		})
		return out
	}
	index = max(0, index)
	newSibs := siblings(moved.ParentID)
	newSibs = slices.Insert(newSibs, min(index, len(newSibs)), moved)
	orig := map[int64]congtac.Item{}
	for _, it := range items {
		orig[it.ID] = it
	}
	var changed []congtac.Item
	renumber := func(list []congtac.Item) {
		for pos, it := range list {
			it.Position = pos
			was := orig[it.ID]
			if it.ID == moved.ID || was.Position != pos || was.ParentID != it.ParentID || was.Style != it.Style {
				changed = append(changed, it)
			}
		}
	}
	renumber(newSibs)
	if old := orig[moved.ID].ParentID; old != moved.ParentID {
		renumber(siblings(old))
	}
	return changed
}

// writePlace saves an item's parent, position and style; bump also bumps its version.
func writePlace(ctx context.Context, tx *sql.Tx, it congtac.Item, bump bool) error {
	stmt := "UPDATE items SET parent_id = $1, position = $2, style = $3 WHERE id = $4"
	if bump {
		stmt = "UPDATE items SET parent_id = $1, position = $2, style = $3, version = version + 1 WHERE id = $4"
	}
	if _, err := tx.ExecContext(ctx, stmt, nullID(it.ParentID), it.Position, it.Style, it.ID); err != nil {
		return fmt.Errorf("store: move item: %w", err)
	}
	return nil
}
