package store_test

import (
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// approved creates the April program and takes it to approved, ready to issue.
func approved(t *testing.T, s *store.Store, f fixture) congtac.Program {
	t.Helper()
	p, err := s.CreateProgram(ctx, f.drafter, f.april())
	if err != nil {
		t.Fatal(err)
	}
	p, _ = s.TransitionProgram(ctx, f.drafter, p.ID, p.Version, congtac.ActionSubmit, "")
	p, _ = s.TransitionProgram(ctx, f.chair, p.ID, p.Version, congtac.ActionApprove, "")
	return p
}

// issued creates the April program and takes it to issued.
func issued(t *testing.T, s *store.Store, f fixture) congtac.Program {
	t.Helper()
	p := approved(t, s, f)
	var err error
	if p, err = s.IssueProgram(ctx, f.drafter, p.ID, p.Version, congtac.Issuance{On: congtac.MustDate(2023, 4, 5)}, nil); err != nil {
		t.Fatal(err)
	}
	if p, err = s.FindProgramByID(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestTaskExecutionStatuses(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 7, 10))
		f := newFixture(t, s)
		p := issued(t, s, f)
		build := findTaskByText(t, p.Tasks, "Khởi công")
		fees := findTaskByText(t, p.Tasks, "Thu tiền")
		monthly := findTaskByText(t, p.Tasks, "Báo cáo kết quả")

		build, err := s.CompleteTask(ctx, f.drafter, build.ID, build.Version, congtac.Completion{DoneOn: congtac.MustDate(2023, 6, 2)})
		if err != nil {
			t.Fatal(err)
		}
		if got := build.Status(congtac.MustDate(2023, 7, 1)); got != congtac.StatusDoneLate {
			t.Errorf("built on 2/6 for a May deadline: %s, want done_late", got)
		}
		if got := build.Status(congtac.MustDate(2023, 5, 20)); got != congtac.StatusInProgress {
			t.Errorf("as of 20/5 (before completion): %s, want in_progress", got)
		}
		build, err = s.CompleteTask(ctx, f.drafter, build.ID, build.Version, congtac.Completion{OrgID: f.deptB.ID, DoneOn: congtac.MustDate(2023, 5, 15)})
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := build.SupportStatus(f.deptB.ID, congtac.MustDate(2023, 7, 1)); got != congtac.StatusDoneOnTime {
			t.Errorf("support share: %s, want done_on_time", got)
		}
		if _, err := s.CompleteTask(ctx, f.drafter, build.ID, build.Version, congtac.Completion{OrgID: f.commune.ID, DoneOn: congtac.MustDate(2023, 5, 15)}); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("completion by an unrelated org: %v, want EINVALID", err)
		}
		if _, err := s.CompleteTask(ctx, f.drafter, build.ID, build.Version, congtac.Completion{DoneOn: congtac.MustDate(2023, 8, 1)}); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("completion in the future: %v, want EINVALID", err)
		}

		fees, err = s.DeferTask(ctx, f.drafter, fees.ID, fees.Version, congtac.Deferral{On: congtac.MustDate(2023, 6, 20),
			To: congtac.DueInQuarter(2023, 3), Reason: "Chờ bổ sung kinh phí"})
		if err != nil {
			t.Fatal(err)
		}
		if got := fees.Status(congtac.MustDate(2023, 7, 10)); got != congtac.StatusDeferred {
			t.Errorf("deferred task: %s, want deferred", got)
		}
		if _, err := s.DeferTask(ctx, f.drafter, fees.ID, fees.Version-1, congtac.Deferral{On: congtac.MustDate(2023, 6, 21), Reason: "x"}); congtac.ErrorCode(err) != congtac.ECONFLICT {
			t.Errorf("defer on a stale version: %v, want ECONFLICT", err)
		}

		for _, occ := range []congtac.Date{congtac.MustDate(2023, 4, 30), congtac.MustDate(2023, 5, 31)} {
			if monthly, err = s.CompleteTask(ctx, f.drafter, monthly.ID, monthly.Version,
				congtac.Completion{Occurrence: occ, DoneOn: occ}); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.CompleteTask(ctx, f.drafter, monthly.ID, monthly.Version,
			congtac.Completion{Occurrence: congtac.MustDate(2023, 6, 15), DoneOn: congtac.MustDate(2023, 6, 15)}); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("completion of a day that is not an occurrence: %v, want EINVALID", err)
		}
		if got := monthly.Status(congtac.MustDate(2023, 6, 30)); got != congtac.StatusInProgress {
			t.Errorf("two of three monthly reports in, as of 30/6: %s, want in_progress", got)
		}
		if got := monthly.Status(congtac.MustDate(2023, 7, 1)); got != congtac.StatusOverdue {
			t.Errorf("June report missing, as of 1/7: %s, want overdue", got)
		}

		r, err := s.Rollup(ctx, congtac.RollupFilter{Period: p.Period}, congtac.MustDate(2023, 7, 10))
		if err != nil {
			t.Fatal(err)
		}
		if r.Total[congtac.StatusDoneLate] != 1 || r.Total[congtac.StatusDeferred] != 1 || r.Total[congtac.StatusOverdue] != 1 {
			t.Errorf("rollup totals = %v", r.Total)
		}
		if r.ByOrg[f.deptA.ID][congtac.StatusDoneLate] != 1 || r.BySector[congtac.SectorEconomy].Total() != 2 || r.ByLeader[f.leader.ID].Total() != 1 {
			t.Errorf("rollup by org/sector/leader = %v / %v / %v", r.ByOrg, r.BySector, r.ByLeader)
		}
	})
}

func TestCarryOverCopiesUnfinishedTasksOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 5, 1))
		f := newFixture(t, s)
		april := issued(t, s, f)
		fees := findTaskByText(t, april.Tasks, "Thu tiền")
		if _, err := s.CompleteTask(ctx, f.drafter, fees.ID, fees.Version, congtac.Completion{DoneOn: congtac.MustDate(2023, 4, 28)}); err != nil {
			t.Fatal(err)
		}
		may := f.april()
		may.Period = congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: 5}
		may.Also, may.Tasks = nil, nil
		m, err := s.CreateProgram(ctx, f.drafter, may)
		if err != nil {
			t.Fatal(err)
		}
		carried, err := s.CarryOver(ctx, f.drafter, april.ID, m.ID, congtac.MustDate(2023, 4, 30))
		if err != nil {
			t.Fatal(err)
		}
		if len(carried) != 2 {
			t.Fatalf("carried %d tasks, want 2 (the finished one stays)", len(carried))
		}
		for _, c := range carried {
			if c.CarriedFrom == 0 || c.ProgramID != m.ID || !c.DoneOn.IsZero() {
				t.Errorf("carried task %+v", c)
			}
		}
		again, err := s.CarryOver(ctx, f.drafter, april.ID, m.ID, congtac.MustDate(2023, 4, 30))
		if err != nil || len(again) != 0 {
			t.Errorf("second carry-over copied %d, %v; want 0", len(again), err)
		}
	})
}

func TestMergeOrgMovesOpenWorkToTheSuccessor(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2025, 7, 1))
		f := newFixture(t, s)
		p := issued(t, s, f)
		fees := findTaskByText(t, p.Tasks, "Thu tiền")
		build := findTaskByText(t, p.Tasks, "Khởi công")
		if _, err := s.CompleteTask(ctx, f.drafter, build.ID, build.Version, congtac.Completion{DoneOn: congtac.MustDate(2023, 5, 2)}); err != nil {
			t.Fatal(err)
		}
		moved, err := s.MergeOrg(ctx, congtac.System, f.deptA.ID, f.deptA.Version, f.commune.ID, congtac.MustDate(2025, 7, 1))
		if err != nil || moved != 0 {
			t.Fatalf("merge deptA: moved %d, %v; want 0 (its task is done)", moved, err)
		}
		if _, err := s.MergeOrg(ctx, congtac.System, f.commune.ID, f.commune.Version+1, f.deptB.ID,
			congtac.MustDate(2025, 7, 1)); congtac.ErrorCode(err) != congtac.ECONFLICT {
			t.Errorf("merge at a version not read: %v, want ECONFLICT", err)
		}
		moved, err = s.MergeOrg(ctx, congtac.System, f.commune.ID, f.commune.Version, f.deptB.ID, congtac.MustDate(2025, 7, 1))
		if err != nil || moved != 1 {
			t.Fatalf("merge commune: moved %d, %v; want 1", moved, err)
		}
		got, _ := s.FindTaskByID(ctx, fees.ID)
		if got.Lead != f.deptB.ID {
			t.Errorf("open task lead = %d, want successor %d", got.Lead, f.deptB.ID)
		}
		if got, _ := s.FindTaskByID(ctx, build.ID); got.Lead != f.deptA.ID {
			t.Errorf("closed task lead = %d, want the old org %d", got.Lead, f.deptA.ID)
		}
		old, _ := s.FindOrgByID(ctx, f.commune.ID)
		if old.Name != "Thôn Đông" || old.Successor != f.deptB.ID || old.ValidTo != congtac.MustDate(2025, 6, 30) {
			t.Errorf("merged org = %+v", old)
		}
		active := congtac.MustDate(2025, 7, 1)
		orgs, _ := s.FindOrgs(ctx, congtac.OrgFilter{ActiveOn: &active})
		for _, o := range orgs {
			if o.ID == f.commune.ID || o.ID == f.deptA.ID {
				t.Errorf("merged org %s still active", o.Name)
			}
		}
	})
}
