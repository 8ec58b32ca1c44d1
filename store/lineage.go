package store

import (
	"context"
	"database/sql"
	"fmt"

	"congtac"
)

// maxLineage bounds the walk along a task's copies: a task carried every month for years
// still fits; a cycle, which the schema does not forbid, ends.
const maxLineage = 240

// FindTaskLineage returns task id across the programs it appeared in, oldest first: the
// copies it continues (carried over or replaced by an amendment), itself, and the copies
// that took it over since. ENOTFOUND when there is no such task.
func (s *Store) FindTaskLineage(ctx context.Context, id int64) ([]congtac.Appearance, error) {
	var out []congtac.Appearance
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		t, err := findTask(ctx, s, tx, id)
		if err != nil {
			return err
		}
		var before []congtac.Task
		for prev, n := earlier(t), 0; prev != 0 && n < maxLineage; n++ {
			pt, err := findTask(ctx, s, tx, prev)
			if err != nil {
				return err
			}
			before = append(before, pt)
			prev = earlier(pt)
		}
		chain := make([]congtac.Task, 0, len(before)+1)
		for i := len(before) - 1; i >= 0; i-- {
			chain = append(chain, before[i])
		}
		chain = append(chain, t)
		for next, n := t.SupersededBy, 0; next != 0 && n < maxLineage; n++ {
			nt, err := findTask(ctx, s, tx, next)
			if err != nil {
				return err
			}
			chain = append(chain, nt)
			next = nt.SupersededBy
		}
		for _, c := range chain {
			p, err := findProgramRow(ctx, tx, c.ProgramID)
			if err != nil {
				return err
			}
			out = append(out, congtac.Appearance{Task: c, Program: p})
		}
		return nil
	})
	return out, err
}

// earlier returns the task that t continues, or 0: for an amendment's copy of a carried
// task, the copy it replaces, which continues the carried one.
func earlier(t congtac.Task) int64 {
	if t.Replaces != 0 {
		return t.Replaces
	}
	return t.CarriedFrom
}

// newestCopy returns task id, or the newest copy that took it over (following
// superseded_by), with its program locked ([Store.lockTask]).
func (s *Store) newestCopy(ctx context.Context, tx *sql.Tx, id int64) (congtac.Task, congtac.Program, error) {
	t, p, err := s.lockTask(ctx, tx, id)
	for n := 0; err == nil && t.SupersededBy != 0 && n < maxLineage; n++ {
		t, p, err = s.lockTask(ctx, tx, t.SupersededBy)
	}
	return t, p, err
}

// lockTask reads task id with its program locked ([Store.lockProgram]) for a change of its
// execution state, reading the task again once the lock is held: an issue of a program
// that carries it on ([Store.IssueProgram] locks the programs it takes tasks over from) may
// have taken it over meanwhile. Either the change comes first and the issue carries it into
// the copy in force, or it comes after and sees that the task was carried on.
func (s *Store) lockTask(ctx context.Context, tx *sql.Tx, id int64) (congtac.Task, congtac.Program, error) {
	t, err := findTask(ctx, s, tx, id)
	if err != nil {
		return t, congtac.Program{}, err
	}
	p, err := s.lockProgram(ctx, tx, t.ProgramID)
	if err != nil {
		return t, p, err
	}
	t, err = findTask(ctx, s, tx, id)
	return t, p, err
}

// lockSources locks, in ID order, the programs whose tasks program id carries on or
// replaces, before id's issue takes those tasks over ([takeOver]); see [Store.lockTask].
func (s *Store) lockSources(ctx context.Context, tx *sql.Tx, id int64) error {
	if s.engine != Postgres {
		return nil // one writer at a time already
	}
	rows, err := tx.QueryContext(ctx, `SELECT id FROM programs WHERE id IN (SELECT o.program_id FROM tasks c
		JOIN tasks o ON o.id = c.carried_from OR o.id = c.replaces WHERE c.program_id = $1) ORDER BY id FOR UPDATE`, id)
	if err != nil {
		return fmt.Errorf("store: lock programs taken over: %w", err)
	}
	defer rows.Close()
	for rows.Next() { // each row is locked as it is read
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: lock programs taken over: %w", err)
	}
	return nil
}
