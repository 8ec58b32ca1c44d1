package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"congtac"
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

// BenchmarkTaskList requests the task list through the whole server, as the pages and the
// API do (statuses counted as of today, status filter, one page), on a synthetic province of
// CONGTAC_BENCH_TASKS tasks (default 100,000), generated once per engine:
//
//	go test -run '^$' -bench TaskList ./web
//	CONGTAC_BENCH_TASKS=200000 go test -run '^$' -bench TaskList -benchtime 20x ./web
func BenchmarkTaskList(b *testing.B) {
	n := benchTasks(b)
	for _, e := range storetest.Engines {
		b.Run(string(e), func(b *testing.B) {
			st := storetest.Open(b, e)
			start := time.Now()
			stats, err := synth.Generate(context.Background(), st, synth.Config{Seed: 1, Scale: synth.Scale{Name: "bench",
				Communes: 100, Orgs: 300, Programs: n / 40, Tasks: n, Reports: n}})
			if err != nil {
				b.Fatal(err)
			}
			b.Logf("%s: %d tasks generated in %s", e, stats.Tasks, time.Since(start).Round(time.Second))
			chair := mustUser(b, st, "chutich", congtac.RoleLeader, stats.Committees[0])
			_, token, err := st.CreateAPIToken(context.Background(), congtac.System, chair.ID, "đo")
			if err != nil {
				b.Fatal(err)
			}
			depts, err := st.FindOrgs(context.Background(), congtac.OrgFilter{Kind: ptr(congtac.OrgDepartment), Limit: 1})
			if err != nil || len(depts) == 0 {
				b.Fatal("no department", err)
			}
			s, _ := newTestServer(b, st)
			cookie := mintSession(b, s, chair.Login)
			org := fmt.Sprint(depts[0].ID)
			for _, c := range []struct{ name, path string }{
				{"All", "/tasks"},
				{"AllOverdue", "/tasks?status=overdue"},
				{"AllOverduePage20", "/tasks?status=overdue&page=20"},
				{"Org", "/tasks?org=" + org},
				{"OrgOverdue", "/tasks?status=overdue&org=" + org},
				{"APIOverdue", "/api/v1/tasks?status=overdue&limit=50"},
				{"APIOffset5000", "/api/v1/tasks?limit=50&offset=5000"},
			} {
				b.Run(c.name, func(b *testing.B) {
					req := httptest.NewRequest("GET", c.path, nil)
					if strings.HasPrefix(c.path, "/api/") {
						req.Header.Set("Authorization", "Bearer "+token)
					} else {
						req.AddCookie(cookie)
					}
					benchTimedRequest(b, s, req)
				})
			}
		})
	}
}

// benchTimedRequest sends copies of req to s in a loop, reporting the median and 99th
// percentile of the requests besides the mean.
func benchTimedRequest(b *testing.B, s *Server, req *http.Request) {
	b.ReportAllocs()
	var took []time.Duration
	for b.Loop() {
		start := time.Now()
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req.Clone(req.Context()))
		if rec.Code != http.StatusOK {
			b.Fatalf("GET %s: status %d", req.URL, rec.Code)
		}
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(took[len(took)*99/100].Microseconds())/1000, "p99-ms")
}
