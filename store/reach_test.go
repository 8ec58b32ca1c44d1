package store_test

import (
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// TestListsStayWithinReach checks that each list returns only the records of the orgs an
// actor's scope reaches: department A's reporter sees its own tasks and reports, never
// department B's; the office sees the whole committee.
func TestListsStayWithinReach(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 4, 20))
		f := newFixture(t, s)
		p := issued(t, s, f)
		build := findTaskByText(t, p.Tasks, "Khởi công") // lead A, support B
		fees := findTaskByText(t, p.Tasks, "Thu tiền")   // lead commune
		if _, err := s.CreateReport(ctx, f.reporterA, congtac.Report{TaskID: build.ID, OrgID: f.deptA.ID,
			Text: "Đang triển khai", Percent: 30, Status: congtac.ReportSubmitted}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateReport(ctx, f.drafter, congtac.Report{TaskID: fees.ID, OrgID: f.commune.ID,
			Text: "Đã thu được 40%", Percent: 40, Status: congtac.ReportSubmitted}); err != nil {
			t.Fatal(err)
		}
		path := func(org int64) []int64 {
			p, err := s.OrgPath(ctx, org)
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
		reporterA := congtac.Actor{Role: congtac.RoleReporter, OrgID: f.deptA.ID, Path: path(f.deptA.ID)}
		reporterB := congtac.Actor{Role: congtac.RoleReporter, OrgID: f.deptB.ID, Path: path(f.deptB.ID)}
		office := congtac.Actor{Role: congtac.RoleDrafter, OrgID: f.committee.ID, Path: path(f.committee.ID)}
		tests := []struct {
			name                     string
			a                        congtac.Actor
			tasks, reports, programs int
		}{
			{"reporter A", reporterA, 1, 1, 1}, // leads one task; sees the committee's program
			{"reporter B", reporterB, 2, 0, 1}, // supports one task and leads the monthly report
			{"office", office, 3, 2, 2},        // the whole committee, drafts included
			{"nobody", congtac.Actor{Role: congtac.RolePublic}, 0, 0, 0},
		}
		draft := f.april()
		draft.Period.Number, draft.Also, draft.Tasks = 5, nil, nil
		if _, err := s.CreateProgram(ctx, f.drafter, draft); err != nil {
			t.Fatal(err)
		}
		if _, n, err := s.FindReports(ctx, congtac.ReportFilter{ProgramID: &p.ID}); err != nil || n != 2 {
			t.Errorf("reports on the program's tasks: %d, %v; want 2", n, err)
		}
		other := p.ID + 1000
		if _, n, _ := s.FindReports(ctx, congtac.ReportFilter{ProgramID: &other}); n != 0 {
			t.Errorf("reports of a program that does not exist: %d", n)
		}
		for _, tt := range tests {
			_, tasks, err := s.FindTasks(ctx, congtac.TaskFilter{Reach: tt.a.Reach(congtac.ViewTasks)})
			if err != nil || tasks != tt.tasks {
				t.Errorf("%s: %d tasks, %v; want %d", tt.name, tasks, err, tt.tasks)
			}
			_, reports, err := s.FindReports(ctx, congtac.ReportFilter{Reach: tt.a.Reach(congtac.ViewReports)})
			if err != nil || reports != tt.reports {
				t.Errorf("%s: %d reports, %v; want %d", tt.name, reports, err, tt.reports)
			}
			_, programs, err := s.FindPrograms(ctx, congtac.ProgramFilter{Reach: tt.a.Reach(congtac.ViewPrograms),
				DraftReach: tt.a.Reach(congtac.ViewDrafts)})
			if err != nil || programs != tt.programs {
				t.Errorf("%s: %d programs, %v; want %d", tt.name, programs, err, tt.programs)
			}
		}
	})
}

// TestReachOfAMissingOrgHoldsNothing checks that a reach whose org does not exist (an
// account left on an org removed by hand) lets nothing through: the lists bind the orgs of
// a reach as a list, and an empty list must not read as "every org".
func TestReachOfAMissingOrgHoldsNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		p := issued(t, s, f)
		if _, err := s.CreateReport(ctx, f.drafter, progress(findTaskByText(t, p.Tasks, "Khởi công").ID, f.deptA.ID)); err != nil {
			t.Fatal(err)
		}
		missing := &congtac.Reach{Org: 999999}
		if _, n, err := s.FindPrograms(ctx, congtac.ProgramFilter{Reach: missing, DraftReach: missing}); err != nil || n != 0 {
			t.Errorf("programs within a missing org: %d, %v", n, err)
		}
		if _, n, err := s.FindReports(ctx, congtac.ReportFilter{Reach: missing}); err != nil || n != 0 {
			t.Errorf("reports within a missing org: %d, %v", n, err)
		}
		if _, n, err := s.FindTasks(ctx, congtac.TaskFilter{Reach: missing}); err != nil || n != 0 {
			t.Errorf("tasks within a missing org: %d, %v", n, err)
		}
	})
}
