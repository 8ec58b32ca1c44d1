package loadtest_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"congtac"
	"congtac/clocktest"
	"congtac/loadtest"
	"congtac/store"
	"congtac/store/storetest"
	"congtac/synth"
	"congtac/web"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// smallSet fills st with the small synthetic data set, ending with the test clock's month.
func smallSet(t *testing.T, st *store.Store) {
	t.Helper()
	today := clocktest.Today()
	end := congtac.Period{Kind: congtac.PeriodMonth, Year: today.Year, Number: int(today.Month)}
	if _, err := synth.Generate(context.Background(), st, synth.Config{Seed: 3, Scale: synth.Small, End: end}); err != nil {
		t.Fatal(err)
	}
}

// serve runs the web application on st in this process and returns its address; the
// errors it logs fail the test when it ends.
func serve(t *testing.T, st *store.Store) string {
	t.Helper()
	var logged syncBuffer
	h, err := web.New(web.Config{Now: clocktest.Now}, st,
		slog.New(slog.NewTextHandler(&logged, &slog.HandlerOptions{Level: slog.LevelError})))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(func() {
		srv.Close()
		if s := logged.String(); s != "" {
			t.Errorf("the server logged errors:\n%s", s)
		}
	})
	return srv.URL
}

// syncBuffer is a buffer the server's goroutines write while the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestEveryRoleWorksWithoutErrors runs the whole mix of every role (nine users: the first
// of the mix cover every role) for 30 actions each, however long that takes, against the small data set on both engines: every action of every role must succeed,
// which holds the harness to the application as it is (a changed route or form shows
// here) and the application to the harness's users.
func TestEveryRoleWorksWithoutErrors(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		smallSet(t, st)
		roles, _ := loadtest.Roles(9, "")
		cast, err := loadtest.PrepareCast(t.Context(), st, roles)
		if err != nil {
			t.Fatal(err)
		}
		cfg := loadtest.Config{URL: serve(t, st), Actions: 30, Seed: 1, ServerPID: os.Getpid()}
		res, err := loadtest.Run(t.Context(), cfg, cast)
		var out bytes.Buffer
		loadtest.WriteReport(&out, cfg, res)
		t.Log("\n" + out.String())
		if err != nil {
			t.Fatal(err)
		}
		count, errors := loadtest.Totals(res.Stats)
		if errors > 0 || count == 0 {
			t.Errorf("%d requests, %d errors; want some and none failed", count, errors)
		}
		seen := map[string]bool{}
		for _, s := range res.Stats {
			seen[s.Route] = true
		}
		for _, route := range []string{"GET /", "GET /tasks", "POST /api/v1/reports", "POST /api/v1/reports/{id}/review",
			"POST /api/v1/items/{id}/tasks", "POST /api/v1/programs/{id}/issue", "GET /search", "POST /tasks/{id}/reports"} {
			if !seen[route] {
				t.Errorf("no request to %s in %d requests", route, count)
			}
		}
		if res.RSSMax == 0 {
			t.Error("no resident size read for this process")
		}
		if !strings.Contains(out.String(), "p99") {
			t.Errorf("report without percentiles:\n%s", out.String())
		}
	})
}
