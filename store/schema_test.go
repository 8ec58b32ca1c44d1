package store_test

import (
	"strings"
	"testing"

	"congtac/store"
	"congtac/store/storetest"
)

// TestEveryReferenceIsIndexed checks that each foreign key's columns begin an index of its
// table on both engines. Without one, deleting a row it refers to scans the whole child
// table: deleting a task of a province's draft took a second when tasks.superseded_by had
// no index (issue 11).
func TestEveryReferenceIsIndexed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fks, err := s.UnindexedReferences(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, fk := range fks {
			t.Errorf("foreign key without an index: %s", fk)
		}
	})
}

// TestPostgresRunsWithoutJIT checks that the store turns PostgreSQL's JIT compiler off,
// which costs its short queries more than it saves, unless the URL sets jit itself.
func TestPostgresRunsWithoutJIT(t *testing.T) {
	for _, e := range storetest.Engines {
		if e != store.Postgres {
			continue
		}
		dsn := storetest.DSN(t, e)
		if got, err := openOn(t, dsn).Setting(ctx, "jit"); err != nil || got != "off" {
			t.Errorf("jit = %q, %v; want off", got, err)
		}
		sep := "?"
		if strings.Contains(dsn, "?") {
			sep = "&"
		}
		if got, err := openOn(t, dsn+sep+"jit=on").Setting(ctx, "jit"); err != nil || got != "on" {
			t.Errorf("jit with jit=on in the URL = %q, %v; want on", got, err)
		}
	}
}
