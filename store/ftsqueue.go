package store

import (
	"context"
	"database/sql"
	"fmt"
)

// ftsIndexes are SQLite's FTS5 indexes whose triggers queue their changes in fts_pending
// (migration 0034): the word index of every searchable table and the trigram indexes of
// the task and item lists.
var ftsIndexes = func() map[string]bool {
	m := map[string]bool{"tasks_fts": true, "items_fts": true}
	for _, spec := range searchSpecs {
		m[spec.table+"_words"] = true
	}
	return m
}()

// settleIndexes moves the changes a transaction queued in fts_pending into their FTS5
// indexes, one statement per index in the order they were made, and empties the queue.
// FTS5 writes what it holds in memory out as a new segment at every statement of a
// transaction, so rows written one by one made a segment each, and merging them cost
// more than the write; settled at once, an index takes one segment per transaction.
// PostgreSQL keeps its word index in the row and has nothing to settle.
func (s *Store) settleIndexes(ctx context.Context, tx *sql.Tx) error {
	if s.engine != SQLite {
		return nil
	}
	queued, err := readRows(ctx, tx, query{"SELECT DISTINCT fts FROM fts_pending", nil}, func(sc scanner) (string, error) {
		var fts string
		return fts, sc.Scan(&fts)
	})
	if err != nil || len(queued) == 0 {
		return err
	}
	for _, fts := range queued {
		if !ftsIndexes[fts] {
			return fmt.Errorf("store: settle indexes: unknown index %q", fts)
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO "+fts+" ("+fts+", rowid, search) SELECT CASE WHEN del THEN 'delete' END, "+
			"rid, search FROM fts_pending WHERE fts = $1 ORDER BY seq", fts); err != nil {
			return fmt.Errorf("store: settle %s: %w", fts, err)
		}
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM fts_pending"); err != nil {
		return fmt.Errorf("store: settle indexes: %w", err)
	}
	return nil
}
