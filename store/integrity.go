package store

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// CheckIntegrity checks what a crash must never break, and returns each problem it finds
// (in English, for the operator or the harness that killed the server), or none. On SQLite
// it runs the file's own check (PRAGMA integrity_check), the foreign keys (PRAGMA
// foreign_key_check) and each search index against its table, with no change left
// queued for them ([Store.settleIndexes]). On both engines it checks that every register's documents are
// numbered from 1 to the register's last number, each number once: registers are only
// ever counted up inside the issuing transaction and documents never deleted, so a gap or
// a duplicate means a lost or doubled issue. It returns an error only when a check cannot
// run.
func (s *Store) CheckIntegrity(ctx context.Context) ([]string, error) {
	var problems []string
	if s.engine == SQLite {
		var err error
		if problems, err = sqliteChecks(ctx, s.read); err != nil {
			return nil, err
		}
		fts, err := ftsProblems(ctx, s.write)
		if err != nil {
			return nil, err
		}
		problems = append(problems, fts...)
	}
	registers, err := registerProblems(ctx, s.read)
	if err != nil {
		return nil, err
	}
	return append(problems, registers...), nil
}

// sqliteChecks runs SQLite's integrity and foreign-key checks.
func sqliteChecks(ctx context.Context, db *sql.DB) ([]string, error) {
	var problems []string
	rows, err := db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return nil, fmt.Errorf("store: integrity check: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return nil, fmt.Errorf("store: integrity check: %w", err)
		}
		if line != "ok" {
			problems = append(problems, "integrity_check: "+line)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: integrity check: %w", err)
	}
	fks, err := db.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return nil, fmt.Errorf("store: foreign key check: %w", err)
	}
	defer fks.Close()
	for fks.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fk int64
		if err := fks.Scan(&table, &rowid, &parent, &fk); err != nil {
			return nil, fmt.Errorf("store: foreign key check: %w", err)
		}
		problems = append(problems, fmt.Sprintf("foreign_key_check: %s row %d refers to a missing %s", table, rowid.Int64, parent))
	}
	if err := fks.Err(); err != nil {
		return nil, fmt.Errorf("store: foreign key check: %w", err)
	}
	return problems, nil
}

// ftsProblems checks each FTS5 index against its table (FTS5's integrity-check, run on
// the write connection since it is written as an insert) and that no change is left
// queued in fts_pending.
func ftsProblems(ctx context.Context, db *sql.DB) ([]string, error) {
	var problems []string
	for _, fts := range slices.Sorted(maps.Keys(ftsIndexes)) {
		_, err := db.ExecContext(ctx, "INSERT INTO "+fts+" ("+fts+", rank) VALUES ('integrity-check', 1)")
		switch {
		case err != nil && strings.Contains(err.Error(), "malformed"):
			problems = append(problems, fts+": "+err.Error())
		case err != nil:
			return nil, fmt.Errorf("store: check %s: %w", fts, err)
		}
	}
	var queued int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM fts_pending").Scan(&queued); err != nil {
		return nil, fmt.Errorf("store: check fts_pending: %w", err)
	}
	if queued > 0 {
		problems = append(problems, fmt.Sprintf("fts_pending: %d changes of the search indexes left unsettled", queued))
	}
	return problems, nil
}

// registerProblems returns the registers whose documents are not numbered exactly 1 to
// their last number.
func registerProblems(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT r.id, r.org_id, r.year, r.doc_type, r.last, count(d.id),
			count(DISTINCT d.number), coalesce(min(d.number), 0), coalesce(max(d.number), 0)
		FROM registers r LEFT JOIN documents d ON d.register_id = r.id
		GROUP BY r.id, r.org_id, r.year, r.doc_type, r.last ORDER BY r.id`)
	if err != nil {
		return nil, fmt.Errorf("store: check registers: %w", err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var id, org int64
		var year, last, docs, distinct, low, high int
		var docType string
		if err := rows.Scan(&id, &org, &year, &docType, &last, &docs, &distinct, &low, &high); err != nil {
			return nil, fmt.Errorf("store: check registers: %w", err)
		}
		if docs == last && distinct == docs && high == last && (docs == 0 || low == 1) {
			continue
		}
		problems = append(problems, fmt.Sprintf("register %d (org %d, %d, type %q): last number %d, but %d documents "+
			"with %d distinct numbers from %d to %d", id, org, year, docType, last, docs, distinct, low, high))
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: check registers: %w", err)
	}
	return problems, nil
}
