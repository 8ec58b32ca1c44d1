package store_test

import (
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

func TestFindItemByID(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		p, err := s.CreateProgram(ctx, f.drafter, f.april())
		if err != nil {
			t.Fatal(err)
		}
		want := p.Items[3] // the second point under the sector clause
		got, err := s.FindItemByID(ctx, want.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.ProgramID != p.ID || got.Label != "1.2." || got.Text != want.Text || got.Version != 1 {
			t.Errorf("item = %+v, want %q labelled 1.2. in program %d", got, want.Text, p.ID)
		}
		if _, err := s.FindItemByID(ctx, want.ID+1000); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Errorf("a missing item: %v, want ENOTFOUND", err)
		}
	})
}
