// Package store keeps congtac's data in SQLite (the default, an embedded file) or PostgreSQL
// (for many instances serving a province). It is the only package with SQL.
//
// Every exported method is one use case in one transaction: ctx first, the acting
// [congtac.Actor] explicit, every write audited in the same transaction, updates guarded by
// the record's version (ECONFLICT when it moved). Errors a user can act on are
// [*congtac.Error]; everything else is wrapped with a "store: " prefix.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"strings"
	"time"

	"congtac"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/database"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations
var migrations embed.FS

// Engine names a database engine.
type Engine string

// Supported engines.
const (
	SQLite   Engine = "sqlite"
	Postgres Engine = "postgres"
)

// Store is a handle on the database. It is safe for concurrent use.
type Store struct {
	engine Engine
	read   *sql.DB   // queries
	write  *sql.DB   // write transactions; for SQLite a single connection, so writers queue in Go
	lock   *fileLock // SQLite: the shared lock on the database's lock file ([Restore])
	now    congtac.Clock
	kept   keptResults // counts and lists kept while the tables they read do not change (changes.go)
	probe  int         // matches a search reads from a trigram index before it plans (search.go)
	walk   int64       // rows PostgreSQL's search walks before it plans (searchall.go)
	narrow int         // a reach of one org in narrow is searched from its rows (searchall.go)
}

// Open connects to the database named by dsn: a postgres:// (or postgresql://) URL, or
// else a path to an SQLite file, created if missing. An SQLite database is held (a shared
// lock on its lock file, see [Restore]) until [Store.Close]; while a restore replaces it,
// Open is ECONFLICT. It does not migrate; call [Store.Migrate].
func Open(ctx context.Context, dsn string) (*Store, error) {
	s := &Store{now: time.Now, probe: searchProbe, walk: searchWalk, narrow: searchNarrow}
	var err error
	if IsPostgres(dsn) {
		s.engine = Postgres
		if s.read, err = sql.Open("pgx", withoutJIT(dsn)); err != nil {
			return nil, fmt.Errorf("store: open postgres: %w", err)
		}
		s.read.SetMaxOpenConns(20)
		s.read.SetMaxIdleConns(10)
		s.write = s.read
	} else {
		s.engine = SQLite
		if s.lock, err = holdSQLite(dsn); err != nil {
			return nil, err
		}
		if s.read, err = openSQLite(dsn, 4, "deferred"); err != nil {
			s.lock.unlock()
			return nil, err
		}
		if s.write, err = openSQLite(dsn, 1, "immediate"); err != nil {
			s.read.Close()
			s.lock.unlock()
			return nil, err
		}
	}
	if err := s.Ping(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// IsPostgres reports whether dsn names a PostgreSQL database rather than an SQLite file.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// withoutJIT returns the PostgreSQL URL dsn with jit=off, unless it sets jit itself.
// PostgreSQL compiles a query whose estimated cost passes jit_above_cost, which the counts
// over a province's tasks and reports do: 15–20 ms of compiling for queries of a few
// milliseconds, which cost every role's mix of 16 users a fifth of its throughput (69
// against 85–88 requests per second). A URL that cannot be read is left to the driver.
func withoutJIT(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return dsn
	}
	q := u.Query()
	if q.Has("jit") {
		return dsn
	}
	q.Set("jit", "off")
	u.RawQuery = q.Encode()
	return u.String()
}

// openSQLite opens a pool on an SQLite file. busy_timeout comes first so that the pragmas
// after it wait instead of failing; writes use FULL synchronous for durability of
// acknowledged commits. The write pool begins every transaction IMMEDIATE so that a
// read-then-write transaction cannot fail under contention; the read pool begins DEFERRED so
// that readers never take the write lock.
func openSQLite(path string, conns int, txlock string) (*sql.DB, error) {
	if path == "" {
		return nil, errors.New("store: empty database path")
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(FULL)")
	q.Set("_txlock", txlock)
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("store: open sqlite: %w", err)
	}
	db.SetMaxOpenConns(conns)
	db.SetMaxIdleConns(conns)
	db.SetConnMaxLifetime(0)
	return db, nil
}

// Engine returns the engine the store runs on.
func (s *Store) Engine() Engine { return s.engine }

// SetClock replaces the clock used for created/updated instants and audit times (tests).
func (s *Store) SetClock(c congtac.Clock) { s.now = c }

// Clock returns the store's clock, so that a caller who sets another one for a while can
// put it back.
func (s *Store) Clock() congtac.Clock { return s.now }

// Close closes the connection pools and lets go of an SQLite database.
func (s *Store) Close() error {
	err := s.read.Close()
	if s.write != s.read {
		err = errors.Join(err, s.write.Close())
	}
	return errors.Join(err, s.lock.unlock())
}

// Ping reports whether the database answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.read.PingContext(ctx); err != nil {
		return fmt.Errorf("store: ping: %w", err)
	}
	return nil
}

// Migrate brings the schema to the newest version. It is idempotent.
func (s *Store) Migrate(ctx context.Context) error {
	p, err := s.migrator()
	if err != nil {
		return err
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("store: migrate: %w", err)
	}
	if err := s.reindexIfStale(ctx); err != nil {
		return err
	}
	return s.settleAllStatuses(ctx)
}

// SchemaVersion returns the newest applied migration.
func (s *Store) SchemaVersion(ctx context.Context) (int64, error) {
	p, err := s.migrator()
	if err != nil {
		return 0, err
	}
	v, err := p.GetDBVersion(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: schema version: %w", err)
	}
	return v, nil
}

func (s *Store) migrator() (*goose.Provider, error) {
	dialect := database.DialectSQLite3
	if s.engine == Postgres {
		dialect = database.DialectPostgres
	}
	dir, err := fs.Sub(migrations, "migrations/"+string(s.engine))
	if err != nil {
		return nil, fmt.Errorf("store: migrations: %w", err)
	}
	p, err := goose.NewProvider(dialect, s.write, dir)
	if err != nil {
		return nil, fmt.Errorf("store: migrations: %w", err)
	}
	return p, nil
}

// inTx runs fn in a write transaction and commits it when fn returns nil, after the
// statuses of the tasks fn changed are recomputed ([Store.settleStatuses]) and the
// changes of the search indexes it queued are settled ([Store.settleIndexes]).
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return uniqueAsConflict(err)
	}
	if err := s.settleStatuses(ctx, tx); err != nil {
		return err
	}
	if err := s.settleIndexes(ctx, tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return uniqueAsConflict(fmt.Errorf("store: commit: %w", err))
	}
	return nil
}

// inReadTx runs fn in a read-only snapshot so that a use case reading several tables sees
// one state.
func (s *Store) inReadTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	opts := &sql.TxOptions{ReadOnly: s.engine == Postgres}
	tx, err := s.read.BeginTx(ctx, opts)
	if err != nil {
		return fmt.Errorf("store: begin read: %w", err)
	}
	defer tx.Rollback()
	return fn(tx)
}
