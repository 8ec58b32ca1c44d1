package web

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"congtac"
	"congtac/store/storetest"
	"congtac/synth"
)

// BenchmarkFollowUp requests the follow-up pages of issue 13 through the whole server on a
// synthetic province of CONGTAC_BENCH_TASKS tasks (default 100,000) and
// CONGTAC_BENCH_REPORTS reports (default as many; the issue names 1,000,000), generated once
// per engine: the province's board of its last month (a roll-up of the month
// and of the eleven before it), a unit's home (six panels), and the first page of every
// overdue task:
//
//	CONGTAC_BENCH_TASKS=200000 CONGTAC_BENCH_REPORTS=1000000 go test -run '^$' -bench FollowUp -benchtime 20x ./web
func BenchmarkFollowUp(b *testing.B) {
	n := benchTasks(b)
	reports, err := synth.BenchReports(n)
	if err != nil {
		b.Fatal(err)
	}
	for _, e := range storetest.Engines {
		b.Run(string(e), func(b *testing.B) {
			st := storetest.Open(b, e)
			start := time.Now()
			stats, err := synth.Generate(context.Background(), st, synth.Config{Seed: 1, Scale: synth.Scale{Name: "bench",
				Communes: 100, Orgs: 300, Programs: n / 40, Tasks: n, Reports: reports}})
			if err != nil {
				b.Fatal(err)
			}
			b.Logf("%s: %d tasks, %d reports generated in %s", e, stats.Tasks, stats.Reports, time.Since(start).Round(time.Second))
			depts, err := st.FindOrgs(context.Background(), congtac.OrgFilter{Kind: ptr(congtac.OrgDepartment), Limit: 1})
			if err != nil || len(depts) == 0 {
				b.Fatal("no department", err)
			}
			chair := mustUser(b, st, "chutich", congtac.RoleLeader, stats.Committees[0])
			unit := mustUser(b, st, "donvi", congtac.RoleReporter, depts[0].ID)
			s, _ := newTestServer(b, st)
			last := stats.Months[len(stats.Months)-1]
			asOf := last.Start().AddDays(26)
			s.cfg.Now = func() time.Time { return asOf.In(congtac.Location(), 9, 0) }
			st.SetClock(s.cfg.Now)
			for _, c := range []struct{ name, login, path string }{
				{"ProvinceMonthBoard", chair.Login, "/boards?period=" + last.Key()},
				{"UnitHome", unit.Login, "/"},
				{"AllOverdueFirstPage", chair.Login, "/tasks?status=overdue"},
			} {
				b.Run(c.name, func(b *testing.B) {
					req := httptest.NewRequest("GET", c.path, nil)
					req.AddCookie(mintSession(b, s, c.login))
					benchTimedRequest(b, s, req)
				})
			}
		})
	}
}
