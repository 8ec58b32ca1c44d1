package store_test

import (
	"sync"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// race runs the n calls of fn at the same moment, each in its own goroutine, and returns
// their errors by call.
func race(n int, fn func(i int) error) []error {
	errs := make([]error, n)
	var ready, done sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		ready.Add(1)
		done.Add(1)
		go func() {
			defer done.Done()
			ready.Done()
			<-start
			errs[i] = fn(i)
		}()
	}
	ready.Wait()
	close(start)
	done.Wait()
	return errs
}

// livePrograms returns how many programs of org for period are not superseded.
func livePrograms(t *testing.T, s *store.Store, org int64, period congtac.Period) int {
	t.Helper()
	ps, _, err := s.FindPrograms(ctx, congtac.ProgramFilter{OrgID: &org, Period: &period})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range ps {
		if p.Status != congtac.ProgramSuperseded {
			n++
		}
	}
	return n
}

// TestSimultaneousDraftsMakeOneProgram is issue 10's first finding: eight drafts of one org
// and period created at the same moment (the API's POST /api/v1/programs, or a
// CreateProgram) made several live programs on PostgreSQL. Exactly one may land; the others
// are ECONFLICT with the message of the check in Go.
func TestSimultaneousDraftsMakeOneProgram(t *testing.T) {
	const trials, racers = 6, 8
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		if err := s.WarmUp(ctx, racers); err != nil {
			t.Fatal(err)
		}
		asOf := congtac.MustDate(2024, 1, 1)
		for trial := range trials {
			period := congtac.Period{Kind: congtac.PeriodMonth, Year: 2024, Number: trial + 1}
			errs := race(racers, func(i int) error {
				if i%2 == 0 {
					_, err := s.DraftNext(ctx, f.drafter, f.committee.ID, period, asOf)
					return err
				}
				_, err := s.CreateProgram(ctx, f.drafter, congtac.Program{OrgID: f.committee.ID, Period: period,
					Title: "Công tác của UBND xã " + period.String()})
				return err
			})
			made := 0
			for _, err := range errs {
				switch {
				case err == nil:
					made++
				case congtac.ErrorCode(err) != congtac.ECONFLICT:
					t.Errorf("%s: %v, want ECONFLICT", period, err)
				case congtac.ErrorMessage(err) != "Đã có chương trình "+period.String()+"; hãy mở chương trình đó để sửa.":
					t.Errorf("%s: message %q", period, congtac.ErrorMessage(err))
				}
			}
			if live := livePrograms(t, s, f.committee.ID, period); made != 1 || live != 1 {
				t.Errorf("%s: %d of %d drafts made, %d live programs; want 1 and 1", period, made, racers, live)
			}
		}
	})
}
