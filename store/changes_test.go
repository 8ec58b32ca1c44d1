package store_test

import (
	"maps"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// TestKeptCountsFollowAnotherInstancesWrites runs two stores on one database, as two
// instances of the server: the counts of task, report and program lists that one keeps are used
// again while nothing changes, and never once the other has completed a task, written a
// report, drafted a program or changed a task behind the store's back.
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
			used := one.KeptUsed()
			if again := taskCounts(t, one, all); !again.equal(before) || one.KeptUsed() == used {
				t.Fatalf("the same list twice: %v then %v, kept count used %d times; want the kept one used", before, again, one.KeptUsed()-used)
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

			programs := congtac.ProgramFilter{Query: "cong tac", Limit: 1}
			if _, n, err = one.FindPrograms(ctx, programs); err != nil {
				t.Fatal(err)
			}
			if _, err := other.DraftNext(ctx, f.drafter, f.committee.ID, congtac.Period{Kind: congtac.PeriodMonth, Year: 2023,
				Number: 5}, congtac.MustDate(2023, 4, 20)); err != nil {
				t.Fatal(err)
			}
			if _, m, err := one.FindPrograms(ctx, programs); err != nil || m != n+1 {
				t.Errorf("programs after another instance drafted one: %d, %v; want %d", m, err, n+1)
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

// TestKeptListsFollowAnotherInstancesWrites runs two stores on one database: the whole
// lists of orgs, people and posts that one keeps are used again while nothing changes,
// never once the other has renamed an org, added a person or given a post, and a caller
// that changes the list it got does not change the next caller's.
func TestKeptListsFollowAnotherInstancesWrites(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			dsn := storetest.DSN(t, e)
			one, other := openOn(t, dsn), openOn(t, dsn)
			f := newFixture(t, one)
			day := congtac.MustDate(2023, 7, 10)
			leaders := congtac.PostFilter{Kinds: []congtac.PostKind{congtac.PostChairman}, HeldOn: &day}

			orgs := keptTwice(t, one, func() ([]congtac.Org, error) { return one.FindOrgs(ctx, congtac.OrgFilter{}) })
			orgs[0].Name = "đã đổi trong bộ nhớ"
			if again := keptTwice(t, one, func() ([]congtac.Org, error) { return one.FindOrgs(ctx, congtac.OrgFilter{}) }); again[0].Name == orgs[0].Name {
				t.Error("a caller's change to the org list it got reached the next caller")
			}
			if _, err := other.UpdateOrg(ctx, congtac.System, f.deptA.ID, f.deptA.Version,
				congtac.OrgUpdate{Name: ptr("Phòng Kinh tế - Hạ tầng")}); err != nil {
				t.Fatal(err)
			}
			if got := orgNamed(t, one, f.deptA.ID); got != "Phòng Kinh tế - Hạ tầng" {
				t.Errorf("after another instance renamed an org: %q", got)
			}

			if _, err := one.CreatePost(ctx, congtac.System, congtac.Post{PersonID: f.leader.ID, OrgID: f.committee.ID,
				Kind: congtac.PostChairman, Title: "Chủ tịch", From: congtac.MustDate(2021, 6, 1)}); err != nil {
				t.Fatal(err)
			}
			people := keptTwice(t, one, func() ([]congtac.Person, error) { return one.FindPeople(ctx, congtac.PersonFilter{}) })
			posts := keptTwice(t, one, func() ([]congtac.Post, error) { return one.FindPosts(ctx, leaders) })
			added, err := other.CreatePerson(ctx, congtac.System, congtac.Person{FullName: "Trần Thị Ánh", OrgID: f.committee.ID})
			if err != nil {
				t.Fatal(err)
			}
			if got, err := one.FindPeople(ctx, congtac.PersonFilter{}); err != nil || len(got) != len(people)+1 {
				t.Errorf("people after another instance added one: %d, %v; want %d", len(got), err, len(people)+1)
			}
			if _, err := other.CreatePost(ctx, congtac.System, congtac.Post{PersonID: added.ID, OrgID: f.committee.ID,
				Kind: congtac.PostChairman, Title: "Chủ tịch", From: congtac.MustDate(2023, 1, 1)}); err != nil {
				t.Fatal(err)
			}
			if got, err := one.FindPosts(ctx, leaders); err != nil || len(got) != len(posts)+1 {
				t.Errorf("chairmen after another instance gave a post: %d, %v; want %d", len(got), err, len(posts)+1)
			}
		})
	}
}

// keptTwice reads a list twice through s and checks that the second read used the kept one
// and gave the same list.
func keptTwice[T any](t *testing.T, s *store.Store, read func() ([]T, error)) []T {
	t.Helper()
	first, err := read()
	if err != nil {
		t.Fatal(err)
	}
	used := s.KeptUsed()
	again, err := read()
	if err != nil {
		t.Fatal(err)
	}
	if s.KeptUsed() == used || len(again) != len(first) || len(first) == 0 {
		t.Fatalf("the same list twice: %d then %d rows, kept used %d times; want the kept one", len(first), len(again), s.KeptUsed()-used)
	}
	return again
}

// orgNamed returns the name of org id in the whole list of orgs.
func orgNamed(t *testing.T, s *store.Store, id int64) string {
	t.Helper()
	orgs, err := s.FindOrgs(ctx, congtac.OrgFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range orgs {
		if o.ID == id {
			return o.Name
		}
	}
	return ""
}
