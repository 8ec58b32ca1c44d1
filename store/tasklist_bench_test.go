package store_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
	"congtac/synth"
)

// benchTasks is how many tasks BenchmarkTaskList generates ([synth.BenchTasks]).
func benchTasks(tb testing.TB) int {
	n, err := synth.BenchTasks()
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

// BenchmarkTaskList reads the first page of task lists with their counts by status
// ([store.Store.FindTaskList]) on a synthetic province of CONGTAC_BENCH_TASKS tasks
// (default 100,000), generated once per engine: every task in force, the overdue ones,
// those of one department, those within a commune's reach. It logs the plans of each
// list's two queries (run with -v to read them) and fails when a plan does not name the
// indexes the list needs: tasks_listed for the page of every task in force, with or without
// a status (counting them all may read the table), tasks_lead and task_supports_org for
// the page and the counts of one org's tasks.
//
//	go test -run '^$' -bench TaskList -v ./store
//	CONGTAC_BENCH_TASKS=200000 go test -run '^$' -bench TaskList -benchtime 20x ./store
func BenchmarkTaskList(b *testing.B) {
	n := benchTasks(b)
	for _, e := range storetest.Engines {
		b.Run(string(e), func(b *testing.B) {
			s := storetest.Open(b, e)
			start := time.Now()
			st, err := synth.Generate(ctx, s, synth.Config{Seed: 1, Scale: synth.Scale{Name: "bench",
				Communes: 100, Orgs: 300, Programs: n / 40, Tasks: n, Reports: n}})
			if err != nil {
				b.Fatal(err)
			}
			b.Logf("%s: %d tasks generated in %s", e, st.Tasks, time.Since(start).Round(time.Second))
			depts, err := s.FindOrgs(ctx, congtac.OrgFilter{Kind: ptr(congtac.OrgDepartment), Limit: 1})
			if err != nil || len(depts) == 0 {
				b.Fatal("no department", err)
			}
			asOf := st.Months[len(st.Months)-1].Start().AddDays(26)
			overdue := congtac.StatusOverdue
			commune := &congtac.Reach{Org: st.Committees[1]}
			for _, c := range []struct {
				name  string
				f     congtac.TaskFilter
				index []string // the indexes the plan of the page names; those of one org's tasks, both plans
				both  bool
			}{
				{"All", congtac.TaskFilter{}, []string{"tasks_listed"}, false},
				{"Overdue", congtac.TaskFilter{Status: &overdue}, []string{"tasks_listed"}, false},
				{"Org", congtac.TaskFilter{OrgID: &depts[0].ID}, []string{"tasks_lead", "task_supports_org"}, true},
				{"OrgOverdue", congtac.TaskFilter{OrgID: &depts[0].ID, Status: &overdue}, []string{"tasks_lead", "task_supports_org"}, true},
				{"CommuneReach", congtac.TaskFilter{Reach: commune}, []string{"tasks_lead", "task_supports_org"}, true},
			} {
				c.f.AsOf, c.f.Limit = asOf, 50
				count, page, err := s.ExplainTaskList(ctx, c.f)
				if err != nil {
					b.Fatal(err)
				}
				b.Logf("%s %s, plan of the counts:\n%s%s %s, plan of the page:\n%s", e, c.name, count, e, c.name, page)
				plans := []string{page}
				if c.both {
					plans = append(plans, count)
				}
				for _, plan := range plans {
					for _, index := range c.index {
						if !strings.Contains(plan, index) {
							b.Errorf("%s %s: a plan does not use %s:\n%s", e, c.name, index, plan)
						}
					}
				}
				b.Run(c.name, func(b *testing.B) { benchTaskList(b, s, c.f) })
			}
		})
	}
}

// benchTaskList reads the task list of f in a loop, reporting the median and 99th
// percentile besides the mean.
func benchTaskList(b *testing.B, s *store.Store, f congtac.TaskFilter) {
	b.ReportAllocs()
	var took []time.Duration
	for b.Loop() {
		start := time.Now()
		list, err := s.FindTaskList(ctx, f)
		if err != nil || list.Total == 0 {
			b.Fatal(list.Total, err)
		}
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(took[len(took)*99/100].Microseconds())/1000, "p99-ms")
}
