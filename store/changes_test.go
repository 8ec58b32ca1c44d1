package store_test

import (
	"maps"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// TestKeptCountsFollowAnotherInstancesWrites runs two stores on one database, as two
// instances of the server: the counts of task and report lists that one keeps are used
// again while nothing changes, and never once the other has completed a task, written a
// report or renamed an org the reach depends on.
func TestKeptCountsFollowAnotherInstancesWrites(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			dsn := storetest.DSN(t, e)
			one, other := openOn(t, dsn), openOn(t, dsn)
			fixedClock(one, congtac.MustDate(2023, 7, 10))
			fixedClock(other, congtac.MustDate(2023, 7, 10))
			f := newFixture(t, one)
			p := issued(t, one, f)
			build := findTaskByText(t, p.Tasks, "Khởi công")
			all := congtac.TaskFilter{Limit: 1, Reach: f.drafter.Reach(congtac.ViewTasks)}

			before := taskCounts(t, one, all)
			used := one.CountsKeptUsed()
			if again := taskCounts(t, one, all); !again.equal(before) || one.CountsKeptUsed() == used {
				t.Fatalf("the same list twice: %v then %v, kept count used %d times; want the kept one used", before, again, one.CountsKeptUsed()-used)
			}
			if _, err := other.CompleteTask(ctx, f.drafter, build.ID, build.Version,
				congtac.Completion{DoneOn: congtac.MustDate(2023, 5, 2)}); err != nil {
				t.Fatal(err)
			}
			after := taskCounts(t, one, all)
			if after.counts[congtac.StatusDoneOnTime] != before.counts[congtac.StatusDoneOnTime]+1 {
				t.Errorf("after another instance completed a task on time: %v; before %v", after, before)
			}

			_, n, err := one.FindReports(ctx, congtac.ReportFilter{Limit: 1})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := other.CreateReport(ctx, congtac.System, progress(build.ID, f.deptA.ID)); err != nil {
				t.Fatal(err)
			}
			if _, m, err := one.FindReports(ctx, congtac.ReportFilter{Limit: 1}); err != nil || m != n+1 {
				t.Errorf("reports after another instance wrote one: %d, %v; want %d", m, err, n+1)
			}

			if err := other.Exec(ctx, "UPDATE tasks SET in_force = "+falseSQL(e)+" WHERE id = $1", build.ID); err != nil {
				t.Fatal(err)
			}
			if got := taskCounts(t, one, all); got.total != after.total-1 {
				t.Errorf("after a raw change by another program: %d tasks, want %d", got.total, after.total-1)
			}
		})
	}
}

// openOn opens and migrates a store on dsn, closed when the test ends, on the wall clock
// until the test sets one.
func openOn(t *testing.T, dsn string) *store.Store {
	t.Helper()
	s, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}

// falseSQL is false as the engine writes it in a boolean column.
func falseSQL(e store.Engine) string {
	if e == store.Postgres {
		return "false"
	}
	return "0"
}

// listCounts is what a task list counts.
type listCounts struct {
	counts congtac.Counts
	total  int
}

func (c listCounts) equal(d listCounts) bool {
	return c.total == d.total && maps.Equal(c.counts, d.counts)
}

// taskCounts returns the counts of the task list of f.
func taskCounts(t *testing.T, s *store.Store, f congtac.TaskFilter) listCounts {
	t.Helper()
	list, err := s.FindTaskList(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	return listCounts{list.Counts, list.Total}
}
