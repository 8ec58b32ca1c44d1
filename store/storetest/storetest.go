// Package storetest opens throwaway stores for tests on both engines: an SQLite file in a
// temporary directory, and a fresh PostgreSQL database in a cluster the package starts from
// the system's initdb and pg_ctl (Debian package postgresql), or on the server named by
// CONGTAC_TEST_POSTGRES. A test binary that uses PostgreSQL must stop the cluster at the end
// through [Main].
//
// Without PostgreSQL, tests that need it skip, naming the package to install; with
// CONGTAC_REQUIRE_ALL=1 (CI) a skip is a failure.
package storetest

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"congtac/clocktest"
	"congtac/store"
)

// Main runs the tests and stops the PostgreSQL cluster if one was started. Use it as
//
//	func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }
func Main(m *testing.M) int {
	code := m.Run()
	shared.stop()
	for _, dir := range longDirs {
		os.RemoveAll(dir)
	}
	return code
}

// longDirs are the directories of LongDSN's SQLite files, removed by [Main].
var (
	longMu   sync.Mutex
	longDirs []string
)

// LongDSN returns a new, empty database on engine e that lives until [Main] returns, for a
// store shared by several tests (DSN's database ends with its test). It returns an error
// instead of skipping; callers decide.
func LongDSN(e store.Engine) (string, error) {
	if e == store.Postgres {
		return shared.newDatabase()
	}
	dir, err := os.MkdirTemp("", "congtac-test-")
	if err != nil {
		return "", err
	}
	longMu.Lock()
	longDirs = append(longDirs, dir)
	longMu.Unlock()
	return filepath.Join(dir, "congtac.db"), nil
}

// Engines lists the engines every storage test runs on.
var Engines = []store.Engine{store.SQLite, store.Postgres}

// Each runs fn as a subtest on a new, migrated store of each engine.
func Each(t *testing.T, fn func(t *testing.T, s *store.Store)) {
	t.Helper()
	for _, e := range Engines {
		t.Run(string(e), func(t *testing.T) {
			fn(t, Open(t, e))
		})
	}
}

// Open returns a new, migrated, empty store on engine e, closed when the test ends.
func Open(tb testing.TB, e store.Engine) *store.Store {
	tb.Helper()
	dsn := DSN(tb, e)
	s, err := store.Open(context.Background(), dsn)
	if err != nil {
		tb.Fatalf("open %s store: %v", e, err)
	}
	tb.Cleanup(func() { s.Close() })
	if err := s.Migrate(context.Background()); err != nil {
		tb.Fatalf("migrate %s store: %v", e, err)
	}
	s.SetClock(clocktest.Now)
	return s
}

// DSN returns the data source name of a new, empty database on engine e: a file path for
// SQLite, a postgres:// URL for PostgreSQL (skipping the test when no server can be had).
func DSN(tb testing.TB, e store.Engine) string {
	tb.Helper()
	if e == store.SQLite {
		return filepath.Join(tb.TempDir(), "congtac.db")
	}
	url, err := shared.newDatabase()
	if err != nil {
		Skip(tb, "PostgreSQL: %v (install the Debian package postgresql, or set CONGTAC_TEST_POSTGRES)", err)
	}
	return url
}

// Skip skips the test with a message, or fails it when CONGTAC_REQUIRE_ALL=1, because CI
// must run everything.
func Skip(tb testing.TB, format string, args ...any) {
	tb.Helper()
	if os.Getenv("CONGTAC_REQUIRE_ALL") == "1" {
		tb.Fatalf("required but unavailable (CONGTAC_REQUIRE_ALL=1): "+format, args...)
	}
	tb.Skipf(format, args...)
}
