package store

import (
	"context"
	"database/sql"
	"fmt"

	"congtac"
	"congtac/vn"
)

func normalizeItem(it congtac.Item) congtac.Item {
	it.Heading = cleanText(it.Heading)
	it.Text = cleanText(it.Text)
	return it
}

// insertItem writes a validated item and returns its ID.
func (s *Store) insertItem(ctx context.Context, tx *sql.Tx, it congtac.Item) (int64, error) {
	it = normalizeItem(it)
	if err := it.Validate(); err != nil {
		return 0, err
	}
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO items (program_id, parent_id, position, style, heading, text,
		sector, search, version) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1) RETURNING id`,
		it.ProgramID, nullID(it.ParentID), it.Position, it.Style, it.Heading, it.Text, it.Sector,
		vn.SearchKey(it.Heading, it.Text)).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("store: insert item: %w", err)
	}
	return id, nil
}

// findItems returns a program's items with their computed labels.
func findItems(ctx context.Context, q queryer, programID int64) ([]congtac.Item, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, program_id, parent_id, position, style, heading, text, sector,
		version FROM items WHERE program_id = $1 ORDER BY position, id`, programID)
	if err != nil {
		return nil, fmt.Errorf("store: items: %w", err)
	}
	defer rows.Close()
	var items []congtac.Item
	for rows.Next() {
		var it congtac.Item
		if err := rows.Scan(&it.ID, &it.ProgramID, idCol{&it.ParentID}, &it.Position, &it.Style, &it.Heading,
			&it.Text, &it.Sector, &it.Version); err != nil {
			return nil, fmt.Errorf("store: items: %w", err)
		}
		items = append(items, it)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: items: %w", err)
	}
	congtac.Number(items)
	return items, nil
}

// CreateItem adds an item to an editable program, under ParentID (0 for the top level) at
// Position.
func (s *Store) CreateItem(ctx context.Context, a congtac.Actor, it congtac.Item) (congtac.Item, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		p, err := s.editableProgram(ctx, tx, a, it.ProgramID)
		if err != nil {
			return err
		}
		if err := checkItemParent(ctx, tx, it); err != nil {
			return err
		}
		if it.ID, err = s.insertItem(ctx, tx, it); err != nil {
			return err
		}
		it = normalizeItem(it)
		it.Version = 1
		return s.audit(ctx, tx, a, "create", "item", it.ID, p.OrgID, nil, it)
	})
	return it, err
}

// nextItemPosition returns the position after the last item under parent (0: the top
// level) of program.
func nextItemPosition(ctx context.Context, tx *sql.Tx, program, parent int64) (int, error) {
	q := "SELECT coalesce(max(position) + 1, 0) FROM items WHERE program_id = $1 AND parent_id = $2"
	args := []any{program, parent}
	if parent == 0 {
		q, args = "SELECT coalesce(max(position) + 1, 0) FROM items WHERE program_id = $1 AND parent_id IS NULL", args[:1]
	}
	var n int
	if err := tx.QueryRowContext(ctx, q, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: item position: %w", err)
	}
	return n, nil
}

// checkItemParent verifies that the parent is an item of the same program and not the item
// itself or one of its descendants.
func checkItemParent(ctx context.Context, tx *sql.Tx, it congtac.Item) error {
	for parent := it.ParentID; parent != 0; {
		var program int64
		var next sql.NullInt64
		err := tx.QueryRowContext(ctx, "SELECT program_id, parent_id FROM items WHERE id = $1", parent).Scan(&program, &next)
		if err == sql.ErrNoRows || err == nil && program != it.ProgramID {
			return congtac.FieldError("parent_id", "Mục cha không thuộc chương trình này.")
		} else if err != nil {
			return fmt.Errorf("store: item parent: %w", err)
		}
		if parent == it.ID {
			return congtac.FieldError("parent_id", "Không thể chuyển một mục vào trong chính nó.")
		}
		parent = next.Int64
	}
	return nil
}

// UpdateItem changes an item's texts, style, sector, parent or position. ECONFLICT when
// version moved.
func (s *Store) UpdateItem(ctx context.Context, a congtac.Actor, it congtac.Item, version int) (congtac.Item, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var before congtac.Item
		err := tx.QueryRowContext(ctx, `SELECT id, program_id, parent_id, position, style, heading, text, sector,
			version FROM items WHERE id = $1`, it.ID).Scan(&before.ID, &before.ProgramID, idCol{&before.ParentID},
			&before.Position, &before.Style, &before.Heading, &before.Text, &before.Sector, &before.Version)
		if err == sql.ErrNoRows {
			return notFound("mục")
		} else if err != nil {
			return fmt.Errorf("store: update item: %w", err)
		}
		it.ProgramID = before.ProgramID
		p, err := s.editableProgram(ctx, tx, a, it.ProgramID)
		if err != nil {
			return err
		}
		if err := checkItemParent(ctx, tx, it); err != nil {
			return err
		}
		it = normalizeItem(it)
		if err := it.Validate(); err != nil {
			return err
		}
		if before.Version != version { // after validation: a malformed change is not a conflict
			return conflict("Mục")
		}
		res, err := tx.ExecContext(ctx, `UPDATE items SET parent_id = $1, position = $2, style = $3, heading = $4,
			text = $5, sector = $6, search = $7, version = version + 1 WHERE id = $8 AND version = $9`,
			nullID(it.ParentID), it.Position, it.Style, it.Heading, it.Text, it.Sector,
			vn.SearchKey(it.Heading, it.Text), it.ID, version)
		if err != nil {
			return fmt.Errorf("store: update item: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return conflict("Mục")
		}
		it.Version = version + 1
		return s.audit(ctx, tx, a, "update", "item", it.ID, p.OrgID, before, it)
	})
	return it, err
}

// DeleteItem removes an item, its sub-items and their tasks from an editable program.
func (s *Store) DeleteItem(ctx context.Context, a congtac.Actor, id int64, version int) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var programID int64
		var v int
		err := tx.QueryRowContext(ctx, "SELECT program_id, version FROM items WHERE id = $1", id).Scan(&programID, &v)
		if err == sql.ErrNoRows {
			return notFound("mục")
		} else if err != nil {
			return fmt.Errorf("store: delete item: %w", err)
		}
		if v != version {
			return conflict("Mục")
		}
		p, err := s.editableProgram(ctx, tx, a, programID)
		if err != nil {
			return err
		}
		// Tasks under the subtree go with it; the items' own cascade removes the sub-items.
		if _, err := tx.ExecContext(ctx, `DELETE FROM tasks WHERE item_id IN (WITH RECURSIVE sub(id) AS (
			SELECT id FROM items WHERE id = $1 UNION ALL SELECT i.id FROM items i JOIN sub ON i.parent_id = sub.id)
			SELECT id FROM sub)`, id); err != nil {
			return fmt.Errorf("store: delete item tasks: %w", err)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM items WHERE id = $1", id); err != nil {
			return fmt.Errorf("store: delete item: %w", err)
		}
		return s.audit(ctx, tx, a, "delete", "item", id, p.OrgID, map[string]any{"id": id, "program_id": programID}, nil)
	})
}
