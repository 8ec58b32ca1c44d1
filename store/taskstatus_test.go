package store_test

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
	"congtac/synth"
)

// TestStatusesInSQLAreThoseOfGo holds the statuses the database filters and counts on
// (status lines, store/taskstatus.go) to [congtac.Task.Status], on a wide variety of tasks
// (synth.Varied: one-off, monthly and weekly recurring, group-led with shares, done early,
// on time and late, deferred, cancelled) loaded in bulk, and on tasks that went through the
// use cases: completions of tasks, shares, occurrences and from an accepted report,
// deferrals, cancellations, carried copies taking over at issue, an amendment. For days
// before, on and after deadlines, month ends and 29 February, the counts of each status and
// the tasks listed with each status filter are those Go computes for every task in force.
func TestStatusesInSQLAreThoseOfGo(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		g := newGroupFixture(t, s)
		throughUseCases(t, s, g)
		around := congtac.MustDate(2026, 11, 27)
		loadVaried(t, s, g, around, 2400)
		fixedClock(s, congtac.MustDate(2027, 6, 30))
		changeLoaded(t, s, g, around)
		if n, err := s.TasksWithSpans(ctx); err != nil || n == 0 {
			t.Errorf("%d tasks change status more often than a status line holds, %v; want some", n, err)
		}
		days := []congtac.Date{}
		for _, d := range []string{"2023-04-01", "2023-04-20", "2023-04-30", "2023-05-01", "2023-05-10",
			"2023-05-31", "2023-06-30", "2023-07-01", "2026-06-15", "2026-08-31", "2026-09-30", "2026-10-31",
			"2026-11-26", "2026-11-27", "2026-11-30", "2026-12-01", "2026-12-31", "2027-01-31", "2027-02-28",
			"2027-03-15", "2028-02-28", "2028-02-29", "2028-03-01", "2030-01-01"} {
			day, _ := congtac.ParseDate(d)
			days = append(days, day)
		}
		all := allInForce(t, s)
		if len(all) < 2400 {
			t.Fatalf("%d tasks in force, want at least 2400", len(all))
		}
		if got, want := taskIDs(all), inForceByProgram(t, s); !slices.Equal(got, want) {
			t.Errorf("%d tasks listed in force, %d by their programs; first differences: %v", len(got), len(want),
				firstDifferences(got, want))
		}
		for _, day := range days {
			checkStatusesAsOf(t, s, all, congtac.TaskFilter{}, day)
		}
		checkRollups(t, s, days)
		// The counts and filters combine with the others: one commune's tasks (its shares
		// and the tasks it supports).
		commune := g.communes[1].ID
		var theirs []congtac.Task
		for _, task := range all {
			if slices.Contains(task.OrgIDs(), commune) {
				theirs = append(theirs, task)
			}
		}
		for _, day := range days[10:14] {
			checkStatusesAsOf(t, s, theirs, congtac.TaskFilter{OrgID: &commune}, day)
		}
	})
}

// checkStatusesAsOf checks that the task list of f as of day counts, for each status, the
// tasks of want whose Status is that as of day, and that filtering by that status lists
// them, in list order, page after page.
func checkStatusesAsOf(t *testing.T, s *store.Store, want []congtac.Task, f congtac.TaskFilter, day congtac.Date) {
	t.Helper()
	byStatus := map[congtac.Status][]int64{}
	counts := congtac.Counts{}
	for _, task := range want {
		st := task.Status(day)
		byStatus[st] = append(byStatus[st], task.ID)
		counts[st]++
	}
	f.AsOf, f.Limit = day, 1
	list, err := s.FindTaskList(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(list.Counts, counts) || list.Total != len(want) {
		t.Errorf("as of %s: counts %v of %d, want %v of %d", day, list.Counts, list.Total, counts, len(want))
	}
	for _, st := range congtac.Statuses {
		f.Status = &st
		got := listAll(t, s, f, 331)
		if !slices.Equal(got, byStatus[st]) {
			t.Errorf("as of %s, %s: %d tasks listed, want %d; first differences: %v", day, st, len(got),
				len(byStatus[st]), firstDifferences(got, byStatus[st]))
		}
	}
}

// checkRollups checks that the roll-up of each period's issued programs as of each day
// counts as congtac.Tally of their tasks does.
func checkRollups(t *testing.T, s *store.Store, days []congtac.Date) {
	t.Helper()
	programs, _, err := s.FindPrograms(ctx, congtac.ProgramFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	byPeriod := map[congtac.Period][]congtac.Task{}
	for _, p := range programs {
		if p.Status != congtac.ProgramIssued {
			continue
		}
		full, err := s.FindProgramByID(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		byPeriod[p.Period] = append(byPeriod[p.Period], full.Tasks...)
	}
	if len(byPeriod) < 10 {
		t.Fatalf("%d periods with issued programs", len(byPeriod))
	}
	for period, tasks := range byPeriod {
		for i := 0; i < len(days); i += 5 {
			day := days[i]
			got, err := s.Rollup(ctx, congtac.RollupFilter{Period: period}, day)
			if want := congtac.Tally(tasks, day); err != nil || !reflect.DeepEqual(got, want) {
				t.Errorf("roll-up of %s as of %s: %+v, %v; want %+v", period.Key(), day, got, err, want)
			}
		}
	}
}

// listAll returns the IDs of every task f lists, a page of size at a time.
func listAll(t *testing.T, s *store.Store, f congtac.TaskFilter, size int) []int64 {
	t.Helper()
	f.Limit, f.After = size, nil
	var ids []int64
	for {
		list, err := s.FindTaskList(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		for _, task := range list.Tasks {
			ids = append(ids, task.ID)
		}
		if list.Next == nil {
			if len(ids) != list.Matched {
				t.Errorf("%d tasks listed page after page, %d matched", len(ids), list.Matched)
			}
			return ids
		}
		f.After = list.Next
	}
}

// allInForce returns every task in force, in list order.
func allInForce(t *testing.T, s *store.Store) []congtac.Task {
	t.Helper()
	var out []congtac.Task
	f := congtac.TaskFilter{Limit: 1000}
	for {
		tasks, _, err := s.FindTasks(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, tasks...)
		if len(tasks) < f.Limit {
			return out
		}
		k := congtac.KeyOf(tasks[len(tasks)-1])
		f.After = &k
	}
}

// inForceByProgram returns the sorted IDs of the tasks in force as Go tells from each
// program and its tasks ([congtac.Task.InForce]).
func inForceByProgram(t *testing.T, s *store.Store) []int64 {
	t.Helper()
	programs, _, err := s.FindPrograms(ctx, congtac.ProgramFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, p := range programs {
		full, err := s.FindProgramByID(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, task := range full.Tasks {
			if task.InForce(full.Status) {
				ids = append(ids, task.ID)
			}
		}
	}
	slices.Sort(ids)
	return ids
}

func firstDifferences(got, want []int64) string {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return fmt.Sprintf("at %d got task %d, want %d", i, got[i], want[i])
		}
	}
	return fmt.Sprintf("one list is the start of the other (%d, %d)", len(got), len(want))
}

// throughUseCases takes the April 2023 program, with its group-led task and its monthly
// report, through completions, a carry-over into May with a completion after the draft,
// a deferral, a cancellation, an accepted report and an amendment.
func throughUseCases(t *testing.T, s *store.Store, g groupFixture) {
	t.Helper()
	fixedClock(s, congtac.MustDate(2023, 4, 28))
	apr, group := g.issuedTask(t, s)
	group = g.completeShare(t, s, group, 0, congtac.MustDate(2023, 4, 10))
	g.completeShare(t, s, group, 1, congtac.MustDate(2023, 4, 27))
	report := findTaskByText(t, apr.Tasks, "Báo cáo kết quả")
	if _, err := s.CompleteTask(ctx, g.drafter, report.ID, report.Version, congtac.Completion{
		Occurrence: congtac.MustDate(2023, 4, 30), DoneOn: congtac.MustDate(2023, 4, 28)}); err != nil {
		t.Fatal(err)
	}
	may := congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: 5}
	draft, err := s.DraftNext(ctx, g.drafter, g.committee.ID, may, congtac.MustDate(2023, 4, 28))
	if err != nil {
		t.Fatal(err)
	}
	fixedClock(s, congtac.MustDate(2023, 5, 2))
	group, _ = s.FindTaskByID(ctx, group.ID)
	g.completeShare(t, s, group, 2, congtac.MustDate(2023, 5, 1)) // after the draft: May's copy takes it over
	draft, _ = s.FindProgramByID(ctx, draft.ID)
	if _, err := s.SettleCarriedDeadlines(ctx, g.drafter, draft.ID, true, congtac.Due{}); err != nil {
		t.Fatal(err)
	}
	draft, _ = s.FindProgramByID(ctx, draft.ID)
	mayIssued := g.issue(t, s, draft, congtac.MustDate(2023, 5, 2))
	fixedClock(s, congtac.MustDate(2023, 6, 15))
	road := findTaskByText(t, mayIssued.Tasks, "Khởi công")
	if _, err := s.DeferTask(ctx, g.drafter, road.ID, road.Version, congtac.Deferral{On: congtac.MustDate(2023, 6, 2),
		To: congtac.DueInMonth(2023, 7), Reason: "Chờ vốn"}); err != nil {
		t.Fatal(err)
	}
	fees := findTaskByText(t, mayIssued.Tasks, "Thu tiền")
	r, err := s.CreateReport(ctx, g.drafter, congtac.Report{TaskID: fees.ID, OrgID: fees.Lead, Text: "Đã thu đủ",
		Percent: 100, DoneOn: congtac.MustDate(2023, 6, 10)})
	if err == nil {
		r, err = s.SubmitReport(ctx, g.drafter, r.ID, r.Version, congtac.ReportUpdate{})
	}
	if err == nil {
		_, err = s.ReviewReport(ctx, g.chair, r.ID, r.Version, congtac.ReportAccepted, "")
	}
	if err != nil {
		t.Fatal(err)
	}
	amend, err := s.AmendProgram(ctx, g.drafter, mayIssued.ID)
	if err != nil {
		t.Fatal(err)
	}
	amend, _ = s.FindProgramByID(ctx, amend.ID)
	amended := g.issue(t, s, amend, congtac.MustDate(2023, 6, 15))
	monthly := findTaskByText(t, amended.Tasks, "Báo cáo kết quả")
	if _, err := s.CancelTask(ctx, g.drafter, monthly.ID, monthly.Version, congtac.Cancellation{
		On: congtac.MustDate(2023, 6, 5), Reason: "Gộp vào báo cáo quý"}); err != nil {
		t.Fatal(err)
	}
}

// loadVaried loads n tasks of synth.Varied around day, in issued monthly programs of the
// fixture's committee, one per month from a year before day, lead by its first department
// or its group.
func loadVaried(t *testing.T, s *store.Store, g groupFixture, day congtac.Date, n int) {
	t.Helper()
	tasks := synth.Varied(synth.Variety{Seed: 11, Around: day, Lead: g.deptA.ID, Group: g.group.ID,
		Members: g.ids(0, 1, 2)}, n)
	month := congtac.PeriodOf(congtac.PeriodMonth, day).Prev()
	err := s.Load(ctx, congtac.System, func(l *store.Loader) error {
		for i := 0; len(tasks) > 0; i++ {
			k := min(len(tasks), 200)
			p := congtac.Program{OrgID: g.committee.ID, Period: month, Status: congtac.ProgramIssued,
				Number: i + 1, Symbol: "CTr-UBND", IssuedOn: month.Start(), Title: "Chương trình thử trạng thái",
				Tasks: tasks[:k]}
			if err := l.AddProgram(&p); err != nil {
				return err
			}
			tasks, month = tasks[k:], month.Prev()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// changeLoaded completes, defers and cancels a few of the loaded tasks through the use
// cases: the occurrence of a recurring one, a share, one-off tasks.
func changeLoaded(t *testing.T, s *store.Store, g groupFixture, day congtac.Date) {
	t.Helper()
	tasks, _, err := s.FindTasks(ctx, congtac.TaskFilter{Open: true, Limit: 400})
	if err != nil {
		t.Fatal(err)
	}
	var done, shared, recurring, deferred, cancelled bool
	for _, task := range tasks {
		var err error
		switch {
		case task.GroupLed() && !shared && task.Shares[0].DoneOn.IsZero():
			_, err = s.CompleteTask(ctx, g.drafter, task.ID, task.Version, congtac.Completion{OrgID: task.Shares[0].OrgID, DoneOn: day.AddDays(3)})
			shared = true
		case task.Recurrence != nil && !recurring && task.Deferral == nil && task.Cancellation == nil:
			occ := task.OccurrenceStatuses(day)
			_, err = s.CompleteTask(ctx, g.drafter, task.ID, task.Version, congtac.Completion{Occurrence: occ[len(occ)-1].Due, DoneOn: day})
			recurring = true
		case task.Recurrence != nil || task.GroupLed():
		case !done:
			_, err = s.CompleteTask(ctx, g.drafter, task.ID, task.Version, congtac.Completion{DoneOn: day.AddDays(-40)})
			done = true
		case !deferred:
			_, err = s.DeferTask(ctx, g.drafter, task.ID, task.Version, congtac.Deferral{On: day, To: congtac.DueInMonth(2027, 3), Reason: "Chờ vốn"})
			deferred = true
		case !cancelled:
			_, err = s.CancelTask(ctx, g.drafter, task.ID, task.Version, congtac.Cancellation{On: day.AddDays(10), Reason: "Không cần nữa"})
			cancelled = true
		}
		if err != nil {
			t.Fatalf("%s: %v", task.Text, err)
		}
	}
	if !(done && shared && recurring && deferred && cancelled) {
		t.Fatalf("not every change made: done %v, share %v, occurrence %v, deferral %v, cancellation %v",
			done, shared, recurring, deferred, cancelled)
	}
}
