package store

import (
	"context"
	"database/sql"
	"fmt"

	"congtac"
)

// Rollup counts the statuses of the tasks of the issued programs of the filter's period as
// of asOf by lead org, sector, leader and deadline month, as [congtac.Tally] does, so that
// every screen and report agrees. A task carried on into the next period counts in this
// one as its program lists it, unfinished. The database counts, from the tasks' status
// columns ([statusAtSQL]), grouped four ways at once; no task is loaded.
func (s *Store) Rollup(ctx context.Context, f congtac.RollupFilter, asOf congtac.Date) (congtac.Rollup, error) {
	var w where
	w.add("p.period_key = ? AND p.status = 'issued'", f.Period.Key())
	if f.OrgID != 0 {
		w.add("p.org_id = ?", f.OrgID)
	}
	s.addReach(&w, "t.lead_id", f.Lead)
	day := w.arg(asOf.String())
	r := congtac.NewRollup(asOf)
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT t.lead_id, t.sector, coalesce(t.leader_id, 0),
			coalesce(substr(t.due_date, 1, 7), ''), `+statusAtSQL(day)+`, count(*)
			FROM tasks t JOIN programs p ON p.id = t.program_id `+w.String()+` GROUP BY 1, 2, 3, 4, 5`, w.args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var lead, leader int64
			var sector congtac.Sector
			var period, code string
			var n int
			if err := rows.Scan(&lead, &sector, &leader, &period, &code, &n); err != nil {
				return err
			}
			st := statusOfCode(code)
			if st == "" {
				return fmt.Errorf("%d tasks have no status as of %s (code %q)", n, asOf, code)
			}
			r.Add(lead, sector, leader, period, st, n)
		}
		return rows.Err()
	})
	if err != nil {
		return congtac.Rollup{}, fmt.Errorf("store: roll-up: %w", err)
	}
	return r, nil
}
