package store

import (
	"context"
	"database/sql"

	"congtac"
)

// Rollup counts the statuses of the tasks of the issued programs of the filter's period as
// of asOf by lead org, sector, leader and deadline month, with [congtac.Tally], so that
// every screen and report agrees. A task carried on into the next period counts in this
// one as its program lists it, unfinished.
func (s *Store) Rollup(ctx context.Context, f congtac.RollupFilter, asOf congtac.Date) (congtac.Rollup, error) {
	var w where
	w.add("p.period_key = ? AND p.status = 'issued'", f.Period.Key())
	if f.OrgID != 0 {
		w.add("p.org_id = ?", f.OrgID)
	}
	var tasks []congtac.Task
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		tasks, err = s.queryTasks(ctx, tx, "SELECT "+taskColumns+
			" FROM tasks t JOIN programs p ON p.id = t.program_id "+w.String(), w.args...)
		return err
	})
	if err != nil {
		return congtac.Rollup{}, err
	}
	return congtac.Tally(tasks, asOf), nil
}
