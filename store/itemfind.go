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
	p, err := scanProgram(s.read.QueryRowContext(ctx, "SELECT "+programColumns+
		" FROM programs WHERE id = (SELECT program_id FROM items WHERE id = $1)", id))
	if err == sql.ErrNoRows {
		return p, notFound("mục")
	} else if err != nil {
		return p, fmt.Errorf("store: find program of item: %w", err)
	}
	return p, nil
}
