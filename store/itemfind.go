package store

import (
	"context"
	"database/sql"
	"fmt"

	"congtac"
)

// FindItemByID returns one item of a program with its computed label (which depends on its
// siblings), or ENOTFOUND. Callers use its ProgramID to decide whether the actor may see or
// change it.
func (s *Store) FindItemByID(ctx context.Context, id int64) (congtac.Item, error) {
	var it congtac.Item
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var programID int64
		err := tx.QueryRowContext(ctx, "SELECT program_id FROM items WHERE id = $1", id).Scan(&programID)
		if err == sql.ErrNoRows {
			return notFound("mục")
		} else if err != nil {
			return fmt.Errorf("store: find item: %w", err)
		}
		items, err := findItems(ctx, tx, programID)
		if err != nil {
			return err
		}
		for _, x := range items {
			if x.ID == id {
				it = x
				return nil
			}
		}
		return notFound("mục") // removed between the two reads
	})
	return it, err
}

// FindProgramOfItem returns the program that item id belongs to, with its own fields only
// (no items, no tasks), or ENOTFOUND when there is no such item: what a change under one
// item needs to decide who may make it and to read deadlines against the program's period,
// in one indexed read whatever the program's size.
func (s *Store) FindProgramOfItem(ctx context.Context, id int64) (congtac.Program, error) {
	return s.programOf(ctx, "items", id, "mục")
}

// FindProgramOfTask is [Store.FindProgramOfItem] for the program that task id belongs to:
// what a change of one task needs, in one indexed read whatever the program's size.
func (s *Store) FindProgramOfTask(ctx context.Context, id int64) (congtac.Program, error) {
	return s.programOf(ctx, "tasks", id, "nhiệm vụ")
}

// programOf returns, with its own fields only, the program of row id of table (items or
// tasks, whose program_id names it), or ENOTFOUND naming what when there is no such row.
func (s *Store) programOf(ctx context.Context, table string, id int64, what string) (congtac.Program, error) {
	p, err := scanProgram(s.read.QueryRowContext(ctx, "SELECT "+programColumns+
		" FROM programs WHERE id = (SELECT program_id FROM "+table+" WHERE id = $1)", id))
	if err == sql.ErrNoRows {
		return p, notFound(what)
	} else if err != nil {
		return p, fmt.Errorf("store: find program of %s: %w", table, err)
	}
	return p, nil
}
