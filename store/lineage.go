package store

import (
	"context"
	"database/sql"

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
// superseded_by).
func (s *Store) newestCopy(ctx context.Context, q queryer, id int64) (congtac.Task, error) {
	t, err := findTask(ctx, s, q, id)
	for n := 0; err == nil && t.SupersededBy != 0 && n < maxLineage; n++ {
		t, err = findTask(ctx, s, q, t.SupersededBy)
	}
	return t, err
}
