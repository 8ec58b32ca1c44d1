package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// result is what one run of the command printed and returned.
type result struct {
	code           int
	stdout, stderr string
}

// syncBuffer is a bytes.Buffer that serve's goroutines may write while a test waits.
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

// newCLI returns an invocation whose whole environment is env (the test process's own
// CONGTAC_* variables never leak in) and whose standard input is stdin.
func newCLI(env map[string]string, stdin string) (*cli, *syncBuffer, *syncBuffer) {
	var out, errb syncBuffer
	lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	return &cli{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, lookupEnv: lookup}, &out, &errb
}

// runCLI runs args in-process and returns what it printed and its exit status.
func runCLI(t *testing.T, env map[string]string, stdin string, args ...string) result {
	t.Helper()
	c, out, errb := newCLI(env, stdin)
	code := c.run(t.Context(), args)
	return result{code, out.String(), errb.String()}
}

// safeEnv points CONGTAC_DB at a file in a temporary directory, so that a test that goes
// wrong never writes ./congtac.db into the source tree.
func safeEnv(t *testing.T) map[string]string {
	return map[string]string{"CONGTAC_DB": filepath.Join(t.TempDir(), "congtac.db")}
}

// openStore opens a store on dsn for a test to prepare or inspect data.
func openStore(t *testing.T, dsn string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatalf("open %s: %v", maskDSN(dsn), err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return st
}

// mustCommittee creates a root committee.
func mustCommittee(t *testing.T, st *store.Store) congtac.Org {
	t.Helper()
	o, err := st.CreateOrg(context.Background(), congtac.System, congtac.Org{Kind: congtac.OrgCommittee,
		Name: "Ủy ban nhân dân tỉnh Bắc Ninh", ShortName: "UBND", ValidFrom: congtac.MustDate(2025, 7, 1)})
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func TestUsageErrorsExitTwo(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"no command", nil, nil, "Cách dùng"},
		{"unknown command", nil, []string{"frobnicate"}, `không có lệnh "frobnicate"`},
		{"unknown flag", nil, []string{"serve", "-bogus"}, "không có cờ -bogus"},
		{"flag without value", nil, []string{"serve", "-addr"}, "cờ thiếu giá trị"},
		{"bad addr", nil, []string{"serve", "-addr", "nowhere"}, `-addr="nowhere" không hợp lệ`},
		{"bad port", nil, []string{"serve", "-addr", "127.0.0.1:99999"}, "cổng phải là số từ 0 đến 65535"},
		{"bad addr from env", map[string]string{"CONGTAC_ADDR": "nowhere"}, []string{"serve"}, `CONGTAC_ADDR="nowhere" không hợp lệ`},
		{"bad bool from env", map[string]string{"CONGTAC_DEMO": "perhaps"}, []string{"serve"}, `biến môi trường CONGTAC_DEMO="perhaps"`},
		{"bad log level", nil, []string{"serve", "-log-level", "loud"}, "giá trị không hợp lệ"},
		{"bad log format", nil, []string{"serve", "-log-format", "xml"}, "chọn text hoặc json"},
		{"bad shutdown timeout", nil, []string{"serve", "-shutdown-timeout", "0s"}, "cần từ 1s đến 10m"},
		{"bad trusted proxy", nil, []string{"serve", "-trusted-proxy", "10.0.0.0/24,proxy.local"}, `"proxy.local" không phải địa chỉ IP`},
		{"bad trusted proxy from env", map[string]string{"CONGTAC_TRUSTED_PROXY": "10.0.0.300"}, []string{"serve"}, "CONGTAC_TRUSTED_PROXY không hợp lệ"},
		{"empty db", nil, []string{"migrate", "-db", ""}, "-db trống"},
		{"extra argument", nil, []string{"migrate", "now"}, `thừa đối số "now"`},
		{"user without add", nil, []string{"user"}, "congtac user add"},
		{"user add without role", nil, []string{"user", "add", "-login", "admin"}, "cần -login và -role"},
		{"unknown role", nil, []string{"user", "add", "-login", "admin", "-role", "boss"}, `vai trò -role "boss" không có`},
		{"bad login", nil, []string{"user", "add", "-login", "Không hợp lệ", "-role", "admin"}, "Tên đăng nhập gồm"},
		{"unknown scale", nil, []string{"gen", "-scale", "galaxy"}, `Quy mô "galaxy" không có`},
		{"backup without -o", nil, []string{"backup"}, "cần -o"},
		{"help on unknown command", nil, []string{"help", "nope"}, `không có lệnh "nope"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := safeEnv(t)
			for k, v := range tt.env {
				env[k] = v
			}
			r := runCLI(t, env, "", tt.args...)
			if r.code != exitUsage {
				t.Errorf("exit status = %d, want 2; stderr:\n%s", r.code, r.stderr)
			}
			if !strings.Contains(r.stderr, tt.want) {
				t.Errorf("stderr = %q, want it to contain %q", r.stderr, tt.want)
			}
			if r.stdout != "" {
				t.Errorf("stdout = %q, want nothing", r.stdout)
			}
			if _, err := os.Stat(env["CONGTAC_DB"]); err == nil {
				t.Errorf("a usage error created the database file")
			}
		})
	}
}

func TestHelp(t *testing.T) {
	r := runCLI(t, nil, "", "help")
	if r.code != exitOK {
		t.Fatalf("help: exit %d", r.code)
	}
	for _, ci := range commands() {
		if !strings.Contains(r.stdout, "  "+ci.name+" ") {
			t.Errorf("help does not list %q:\n%s", ci.name, r.stdout)
		}
	}
	for _, args := range [][]string{{"help", "serve"}, {"serve", "-h"}} {
		r := runCLI(t, nil, "", args...)
		if r.code != exitOK {
			t.Errorf("%v: exit %d", args, r.code)
		}
		for _, want := range []string{"-addr", "mặc định 127.0.0.1:8080", "CONGTAC_ADDR", "-db", "CONGTAC_DB", "-demo"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("%v lacks %q:\n%s", args, want, r.stdout)
			}
		}
	}
	r = runCLI(t, nil, "", "help", "user", "add")
	if !strings.Contains(r.stdout, "-org-name") || !strings.Contains(r.stdout, "office_head") {
		t.Errorf("help user add lacks -org-name or the roles:\n%s", r.stdout)
	}
}

// configLine returns the line config prints for a flag.
func configLine(out, name string) string {
	for line := range strings.SplitSeq(out, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "-"+name+" ") {
			return line
		}
	}
	return ""
}

func TestConfigShowsValuesAndSources(t *testing.T) {
	env := map[string]string{"CONGTAC_ADDR": "0.0.0.0:9000", "CONGTAC_LOG_LEVEL": "debug", "CONGTAC_DB": "/srv/congtac.db"}
	r := runCLI(t, env, "", "config", "-addr", "127.0.0.1:7000")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	tests := []struct{ name, value, source string }{
		{"addr", "127.0.0.1:7000", "cờ -addr (flag)"},
		{"db", "/srv/congtac.db", "biến môi trường CONGTAC_DB (environment)"},
		{"log-level", "debug", "biến môi trường CONGTAC_LOG_LEVEL (environment)"},
		{"demo", "false", "mặc định (default)"},
		{"log-format", "text", "mặc định (default)"},
		{"shutdown-timeout", "15s", "mặc định (default)"},
	}
	for _, tt := range tests {
		line := configLine(r.stdout, tt.name)
		if !strings.Contains(line, " "+tt.value+" ") || !strings.HasSuffix(line, tt.source) {
			t.Errorf("config line for -%s = %q, want value %q from %q", tt.name, line, tt.value, tt.source)
		}
	}
}

func TestConfigMasksPostgresPassword(t *testing.T) {
	for _, env := range []map[string]string{
		{"CONGTAC_DB": "postgres://congtac:s3cr3t@db.example:5432/congtac?sslmode=disable"},
		{"CONGTAC_DB": "postgresql://db.example/congtac?user=congtac&password=s3cr3t"},
	} {
		for _, r := range []result{runCLI(t, env, "", "config"), runCLI(t, nil, "", "config", "-db", env["CONGTAC_DB"])} {
			if r.code != exitOK {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			if strings.Contains(r.stdout, "s3cr3t") {
				t.Errorf("config shows the password:\n%s", r.stdout)
			}
			if line := configLine(r.stdout, "db"); !strings.Contains(line, "xxxxx") || !strings.Contains(line, "db.example") {
				t.Errorf("db line = %q, want the URL with the password masked", line)
			}
		}
	}
}

func TestMaskDSN(t *testing.T) {
	tests := []struct{ in, want string }{
		{"./congtac.db", "./congtac.db"},
		{"postgres://u:p@h/db", "postgres://u:xxxxx@h/db"},
		{"postgres://u@h/db", "postgres://u@h/db"},
		{"postgres://h/db?password=p&user=u", "postgres://h/db?password=xxxxx&user=u"},
	}
	for _, tt := range tests {
		if got := maskDSN(tt.in); got != tt.want {
			t.Errorf("maskDSN(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestVersion(t *testing.T) {
	var out, errb bytes.Buffer
	code := run(t.Context(), []string{"version"}, strings.NewReader(""), &out, &errb)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, want := range []string{"congtac ", runtime.Version(), runtime.GOOS + "/" + runtime.GOARCH} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("version output %q lacks %q", out.String(), want)
		}
	}
}
