package store

import (
	"context"
	"database/sql"
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
