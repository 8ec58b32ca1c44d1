package store_test

import (
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
