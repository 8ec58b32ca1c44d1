package store_test

import (
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

func TestCountProgramVersions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		p, err := s.CreateProgram(ctx, f.drafter, f.april())
		if err != nil {
			t.Fatal(err)
		}
		count := func(want int) {
			t.Helper()
			if n, err := s.CountProgramVersions(ctx, p.ID); err != nil || n != want {
				t.Errorf("CountProgramVersions = %d, %v; want %d", n, err, want)
			}
		}
		count(0)
		p, _ = s.TransitionProgram(ctx, f.drafter, p.ID, p.Version, congtac.ActionSubmit, "")
		p, _ = s.TransitionProgram(ctx, f.drafter, p.ID, p.Version, congtac.ActionRecall, "")
		count(2)
	})
}
