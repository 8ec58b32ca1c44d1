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
