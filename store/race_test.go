package store_test

import (
	"fmt"
	"slices"
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

// taskIDs returns the IDs of tasks, sorted.
func taskIDs(tasks []congtac.Task) []int64 {
	ids := make([]int64, len(tasks))
	for i, t := range tasks {
		ids[i] = t.ID
	}
	slices.Sort(ids)
	return ids
}

// TestTasksCreatedDuringSubmitAreInTheReviewedVersion is issue 10's second finding: one
// submission and seven task creations at the same moment left tasks in the program that
// the version the signer reviews lacks (PostgreSQL). After the race the program holds
// exactly the tasks of its last version: a creation either came first and is in it, or
// came after and was refused because the program is no longer editable.
func TestTasksCreatedDuringSubmitAreInTheReviewedVersion(t *testing.T) {
	const trials, creators = 10, 7
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		if err := s.WarmUp(ctx, creators+1); err != nil {
			t.Fatal(err)
		}
		for trial := range trials {
			draft := f.april()
			draft.Period.Year = 2030 + trial
			p, err := s.CreateProgram(ctx, f.drafter, draft)
			if err != nil {
				t.Fatal(err)
			}
			item := p.Items[len(p.Items)-1].ID
			errs := race(creators+1, func(i int) error {
				if i == 0 {
					_, err := s.TransitionProgram(ctx, f.drafter, p.ID, p.Version, congtac.ActionSubmit, "")
					return err
				}
				_, err := s.CreateTask(ctx, f.drafter, congtac.Task{ProgramID: p.ID, ItemID: item,
					Text: fmt.Sprintf("Kiểm tra công trình số %d", i), Lead: f.deptA.ID, Sector: congtac.SectorEconomy,
					Due: congtac.DueInMonth(draft.Period.Year, 4)})
				return err
			})
			if errs[0] != nil {
				t.Fatalf("trial %d: submit: %v", trial, errs[0])
			}
			for i, err := range errs[1:] {
				if err != nil && congtac.ErrorCode(err) != congtac.EINVALID {
					t.Errorf("trial %d: task %d: %v, want nil or EINVALID (no longer editable)", trial, i+1, err)
				}
			}
			now, err := s.FindProgramByID(ctx, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			versions, err := s.FindProgramVersions(ctx, p.ID)
			if err != nil || len(versions) != 1 {
				t.Fatalf("trial %d: versions %d, %v; want 1", trial, len(versions), err)
			}
			if got, want := taskIDs(versions[0].Content.Tasks), taskIDs(now.Tasks); !slices.Equal(got, want) {
				t.Errorf("trial %d: the submitted version has tasks %v, the program %v", trial, got, want)
			}
		}
	})
}

// TestSimultaneousAmendmentsMakeOne: amending one issued program at the same moment makes
// one amendment; the others are ECONFLICT, as when they come one after the other.
func TestSimultaneousAmendmentsMakeOne(t *testing.T) {
	const racers = 6
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		p, err := s.CreateProgram(ctx, f.drafter, f.april())
		if err != nil {
			t.Fatal(err)
		}
		p = takeToIssued(t, s, f, p, congtac.MustDate(2023, 4, 3))
		if err := s.WarmUp(ctx, racers); err != nil {
			t.Fatal(err)
		}
		errs := race(racers, func(int) error {
			_, err := s.AmendProgram(ctx, f.drafter, p.ID)
			return err
		})
		made := 0
		for _, err := range errs {
			if err == nil {
				made++
			} else if congtac.ErrorCode(err) != congtac.ECONFLICT {
				t.Errorf("AmendProgram: %v, want ECONFLICT", err)
			}
		}
		if made != 1 || livePrograms(t, s, f.committee.ID, p.Period) != 2 {
			t.Errorf("%d amendments made, %d live programs; want 1 and 2", made, livePrograms(t, s, f.committee.ID, p.Period))
		}
	})
}

// TestCompletionDuringIssueOfTheNextProgram: a task completed while the program that
// carries it on is being issued is either refused (it has been carried on) or done in the
// copy in force; the completion is never left on a copy no longer in force.
func TestCompletionDuringIssueOfTheNextProgram(t *testing.T) {
	const trials = 6
	eachTrial(t, trials, func(t *testing.T, s *store.Store, trial int) {
		fixedClock(s, congtac.MustDate(2023, 4, 28))
		f := newFixture(t, s)
		draft, err := s.CreateProgram(ctx, f.drafter, f.april())
		if err != nil {
			t.Fatal(err)
		}
		apr := takeToIssued(t, s, f, draft, congtac.MustDate(2023, 4, 5))
		build := findTaskByText(t, apr.Tasks, "Khởi công")
		may, err := s.DraftNext(ctx, f.drafter, f.committee.ID, congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: 5},
			congtac.MustDate(2023, 4, 28))
		if err != nil {
			t.Fatal(err)
		}
		if may, err = s.TransitionProgram(ctx, f.drafter, may.ID, may.Version, congtac.ActionSubmit, ""); err != nil {
			t.Fatal(err)
		}
		if may, err = s.TransitionProgram(ctx, f.chair, may.ID, may.Version, congtac.ActionApprove, ""); err != nil {
			t.Fatal(err)
		}
		if err := s.WarmUp(ctx, 2); err != nil {
			t.Fatal(err)
		}
		errs := race(2, func(i int) error {
			if i == 0 {
				_, err := s.IssueProgram(ctx, f.drafter, may.ID, may.Version, congtac.Issuance{On: congtac.MustDate(2023, 4, 28)}, nil)
				return err
			}
			_, err := s.CompleteTask(ctx, f.drafter, build.ID, build.Version, congtac.Completion{DoneOn: congtac.MustDate(2023, 4, 27)})
			return err
		})
		if errs[0] != nil {
			t.Fatalf("trial %d: issue: %v", trial, errs[0])
		}
		copy := inForce(t, s)[build.Text]
		switch {
		case errs[1] == nil && copy.DoneOn.IsZero():
			t.Errorf("trial %d: the completion succeeded but the copy in force (task %d) is not done", trial, copy.ID)
		case errs[1] != nil && congtac.ErrorCode(errs[1]) != congtac.EINVALID:
			t.Errorf("trial %d: completion: %v, want nil or EINVALID (carried on)", trial, errs[1])
		}
	})
}

// eachTrial runs fn n times on each engine, each time on a new store.
func eachTrial(t *testing.T, n int, fn func(t *testing.T, s *store.Store, trial int)) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			for trial := range n {
				t.Run(fmt.Sprint(trial), func(t *testing.T) { fn(t, storetest.Open(t, e), trial) })
			}
		})
	}
}
