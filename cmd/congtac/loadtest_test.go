package main

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"congtac"
	"congtac/clocktest"
	"congtac/loadtest"
	"congtac/synth"
)

func TestLoadtestRefusesBadFlagsAndRealData(t *testing.T) {
	env := safeEnv(t)
	st := openStore(t, env["CONGTAC_DB"])
	mustCommittee(t, st) // data not made by congtac gen
	st.Close()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"loadtest"}, "give -url or -serve"},
		{[]string{"loadtest", "-url", "http://127.0.0.1:1", "-serve"}, "give -url or -serve"},
		{[]string{"loadtest", "-url", "http://127.0.0.1:1", "-users", "0"}, "-users"},
		{[]string{"loadtest", "-url", "http://127.0.0.1:1", "-only", "nhảy múa"}, "Không có thao tác"},
		{[]string{"loadtest", "-url", "http://127.0.0.1:1"}, "không phải dữ liệu tổng hợp"},
		{[]string{"crashtest", "-rounds", "0"}, "-rounds"},
		{[]string{"crashtest", "-db", env["CONGTAC_DB"]}, "đã có dữ liệu"},
	} {
		r := runCLI(t, env, "", c.args...)
		if r.code != exitUsage || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, r.code, r.stderr, c.want)
		}
	}
}

// TestLoadtestPrintsEveryRoute runs "congtac loadtest" for a second against a server on a
// generated data set: it prints the figures of the routes it used and the server's RSS.
func TestLoadtestPrintsEveryRoute(t *testing.T) {
	env := safeEnv(t)
	st := openStore(t, env["CONGTAC_DB"])
	today := clocktest.Today()
	if _, err := synth.Generate(t.Context(), st, synth.Config{Seed: 2, Scale: synth.Small,
		End: congtac.Period{Kind: congtac.PeriodMonth, Year: today.Year, Number: int(today.Month)}}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	addr, err := loadtest.FreeAddr()
	if err != nil {
		t.Fatal(err)
	}
	var out syncBuffer
	srv, err := loadtest.StartServer(t.Context(), serveProcess, addr, &out, "-db", env["CONGTAC_DB"], "-log-level", "warn")
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	defer srv.Stop(30 * time.Second)
	r := runCLI(t, env, "", "loadtest", "-url", srv.URL, "-pid", strconv.Itoa(srv.PID()), "-users", "2", "-duration", "1s",
		"-only", "tasks", "-seed", "9")
	if r.code != exitOK {
		t.Fatalf("exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{"sqlite, 30 cơ quan", "POST /login", "GET /tasks", "p99 ms", "hạt giống (seed) 9",
		"Bộ nhớ máy chủ (server RSS, pid"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
}
