package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"congtac"
)

// MigrateTo brings the schema up to version, for tests of a migration's data changes.
func (s *Store) MigrateTo(ctx context.Context, version int64) error {
	p, err := s.migrator()
	if err != nil {
		return err
	}
	_, err = p.UpTo(ctx, version)
	return err
}

// Exec runs a statement on the write pool, for tests that set up data as an older
// version of the schema held it.
func (s *Store) Exec(ctx context.Context, query string, args ...any) error {
	_, err := s.write.ExecContext(ctx, query, args...)
	return err
}

// WarmUp opens n connections of the write pool at once and puts them back idle, as a
// server that has been running holds them, so that racing transactions overlap instead of
// waiting in turn for a new connection. SQLite's write pool has one connection.
func (s *Store) WarmUp(ctx context.Context, n int) error {
	if s.engine == SQLite {
		n = 1
	}
	var conns []*sql.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for range n {
		c, err := s.write.Conn(ctx)
		if err != nil {
			return err
		}
		conns = append(conns, c)
	}
	return nil
}

// HoldForRestore takes the exclusive lock [Restore] holds on the database at path, as
// while it runs, and returns its release.
func HoldForRestore(path string) (func() error, error) {
	l, err := lockFile(path+".lock", true)
	if err != nil {
		return nil, err
	}
	return l.unlock, nil
}

// TasksWithSpans returns how many tasks have their status spans in task_status_spans:
// those whose status changes more often than a status line holds.
func (s *Store) TasksWithSpans(ctx context.Context) (int, error) {
	var n int
	err := s.read.QueryRowContext(ctx, "SELECT count(DISTINCT task_id) FROM task_status_spans").Scan(&n)
	return n, err
}

// ExplainTaskList returns the plans of the two queries of [Store.FindTaskList] for f: the
// counts by status and the IDs of the page (EXPLAIN QUERY PLAN on SQLite, EXPLAIN on
// PostgreSQL), one step a line.
func (s *Store) ExplainTaskList(ctx context.Context, f congtac.TaskFilter) (count, page string, err error) {
	f = s.listFilter(f)
	err = s.inReadTx(ctx, func(tx *sql.Tx) error {
		cq, pq, err := s.taskListSQL(ctx, tx, f)
		if err != nil {
			return err
		}
		if count, err = s.explain(ctx, tx, cq); err != nil {
			return err
		}
		page, err = s.explain(ctx, tx, pq)
		return err
	})
	return count, page, err
}

// explain returns the plan of q, one step a line.
func (s *Store) explain(ctx context.Context, tx *sql.Tx, q query) (string, error) {
	prefix := "EXPLAIN "
	if s.engine == SQLite {
		prefix = "EXPLAIN QUERY PLAN "
	}
	rows, err := tx.QueryContext(ctx, prefix+q.sql, q.args...)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return "", err
		}
		fmt.Fprintln(&b, vals[len(vals)-1])
	}
	return b.String(), rows.Err()
}

// UnindexedReferences returns the foreign keys, as "table(columns) → parent", whose columns
// do not begin any index of their table: deleting a parent row (or changing its key) then
// reads the whole child table to find what refers to it.
func (s *Store) UnindexedReferences(ctx context.Context) ([]string, error) {
	q := unindexedReferencesPostgres
	if s.engine == SQLite {
		q = unindexedReferencesSQLite
	}
	rows, err := s.read.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var fk string
		if err := rows.Scan(&fk); err != nil {
			return nil, err
		}
		out = append(out, fk)
	}
	return out, rows.Err()
}

// unindexedReferencesSQLite lists the foreign keys of SQLite's schema whose columns, in
// their order, are not the first columns of any index (a primary key counts as one; a
// partial index counts when it holds every row whose first column is not null).
const unindexedReferencesSQLite = `
WITH fk AS (
    SELECT m.name AS tbl, f.id AS fid, f."table" AS parent, group_concat(f."from", ',') AS cols
    FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
    WHERE m.type = 'table'
    GROUP BY m.name, f.id, f."table"
), ix AS (
    SELECT m.name AS tbl, l.name AS idx,
           (SELECT group_concat(name, ',') FROM (SELECT c.name FROM pragma_index_info(l.name) c ORDER BY c.seqno)) AS cols
    FROM sqlite_schema m, pragma_index_list(m.name) l
    WHERE m.type = 'table' AND (l.partial = 0 OR (SELECT i.sql FROM sqlite_schema i WHERE i.name = l.name)
        LIKE '% WHERE ' || (SELECT c.name FROM pragma_index_info(l.name) c WHERE c.seqno = 0) || ' IS NOT NULL')
    UNION ALL
    SELECT m.name, 'rowid', p.name
    FROM sqlite_schema m, pragma_table_info(m.name) p
    WHERE m.type = 'table' AND p.pk = 1 AND lower(p.type) = 'integer'
)
SELECT fk.tbl || '(' || fk.cols || ') → ' || fk.parent FROM fk
WHERE NOT EXISTS (SELECT 1 FROM ix WHERE ix.tbl = fk.tbl AND (ix.cols = fk.cols OR ix.cols LIKE fk.cols || ',%'))
ORDER BY 1`

// unindexedReferencesPostgres is unindexedReferencesSQLite for PostgreSQL's catalog.
const unindexedReferencesPostgres = `
SELECT c.conrelid::regclass::text || '(' ||
       (SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, n)
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) || ') → ' || c.confrelid::regclass::text
FROM pg_constraint c
WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace
  AND NOT EXISTS (
    SELECT 1 FROM pg_index i
    WHERE i.indrelid = c.conrelid
      AND (i.indpred IS NULL OR pg_get_expr(i.indpred, i.indrelid) =
           '(' || (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = c.conrelid AND a.attnum = c.conkey[1]) || ' IS NOT NULL)')
      AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] = c.conkey::int2[])
ORDER BY 1`

// KeptUsed returns how many times a kept result was used instead of being made again.
func (s *Store) KeptUsed() int64 { return s.kept.used.Load() }

// SetSearchProbe sets how many matches a search reads from a trigram index before it
// lets the list's order find them ([searchProbe] unless set).
func (s *Store) SetSearchProbe(n int) { s.probe = n }

// SetSearchWalk sets how many of a table's newest rows PostgreSQL's search walks before
// it chooses how to read the window ([searchWalk] unless set).
func (s *Store) SetSearchWalk(n int64) { s.walk = n }

// SetSearchNarrow sets the share of the orgs (one in n; 0 for none) under which a search
// reads its reach's own rows ([searchNarrow] unless set).
func (s *Store) SetSearchNarrow(n int) { s.narrow = n }

// Setting returns the value of a PostgreSQL run-time setting on one of the store's
// connections.
func (s *Store) Setting(ctx context.Context, name string) (string, error) {
	var v string
	err := s.read.QueryRowContext(ctx, "SELECT current_setting($1)", name).Scan(&v)
	return v, err
}

// DropWordIndexes removes the search's word indexes (migration 0033) and what keeps them
// (SQLite's triggers, PostgreSQL's generated column), so that a benchmark can measure what
// they add to a write. The search cannot run afterwards.
func (s *Store) DropWordIndexes(ctx context.Context) error {
	for _, spec := range searchSpecs {
		stmts := []string{"ALTER TABLE " + spec.table + " DROP COLUMN IF EXISTS words"}
		if s.engine == SQLite {
			stmts = []string{"DROP TRIGGER IF EXISTS " + spec.table + "_words_insert", "DROP TRIGGER IF EXISTS " + spec.table + "_words_delete",
				"DROP TRIGGER IF EXISTS " + spec.table + "_words_update", "DROP TABLE IF EXISTS " + spec.table + "_words"}
		}
		for _, stmt := range stmts {
			if _, err := s.write.ExecContext(ctx, stmt); err != nil {
				return fmt.Errorf("%s: %w", stmt, err)
			}
		}
	}
	return nil
}
