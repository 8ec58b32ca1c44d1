package web

import (
	"bytes"
	"context"
	"flag"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"congtac"
	"congtac/assemble"
	"congtac/clocktest"
	"congtac/store"
	"congtac/store/storetest"
)

func TestMain(m *testing.M) {
	flag.Parse()
	roomForTheSuite()
	os.Exit(storetest.Main(m))
}

// roomForTheSuite raises go test's default limit of 10 minutes for this package's binary
// to 30: on 2 cores its tests, pages and API on both engines and a browser, take 7 to 8
// minutes, so a slower CI machine would fail on the limit and not on a test. A -timeout
// given on the command line other than the default is kept.
func roomForTheSuite() {
	if f := flag.Lookup("test.timeout"); f != nil && f.Value.String() == (10*time.Minute).String() {
		f.Value.Set((30 * time.Minute).String())
	}
}

// testNow is the fixed clock of test servers: Friday 27 November 2026, 09:00 in Hà Nội.
func testNow() time.Time { return clocktest.Now() }

// tinyPDF is the smallest file the server takes as a PDF: a file's type is read from its
// bytes.
const tinyPDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n"

// newTestServer returns a server on st that logs into the returned buffer. The test fails
// at its end if any request it served wrote a second response header ([doubleWrite]):
// every test that serves requests checks that each handler answers once.
func newTestServer(tb testing.TB, st *store.Store) (*Server, *bytes.Buffer) {
	tb.Helper()
	var logs bytes.Buffer
	s, err := New(Config{Now: testNow}, st, slog.New(slog.NewTextHandler(&logs, nil)))
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	tb.Cleanup(func() { checkAnsweredOnce(tb, logs.String()) })
	return s, &logs
}

// checkAnsweredOnce fails tb for every request in logs that wrote a second header.
func checkAnsweredOnce(tb testing.TB, logs string) {
	tb.Helper()
	for line := range strings.Lines(logs) {
		if strings.Contains(line, doubleWrite) {
			tb.Errorf("a handler answered twice: %s", strings.TrimSpace(line))
		}
	}
}

// get sends a GET request for target to h and returns the recorded response.
func get(h http.Handler, target string) *httptest.ResponseRecorder {
	return do(h, http.MethodGet, target, nil)
}

func do(h http.Handler, method, target string, header http.Header) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		req.Header[k] = v
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// mustCommittee creates the root committee of a test store.
func mustCommittee(tb testing.TB, st *store.Store) congtac.Org {
	tb.Helper()
	return mustCommitteeFrom(tb, st, congtac.MustDate(2025, 7, 1))
}

// mustCommitteeFrom creates the committee of [mustCommittee] active from day from.
func mustCommitteeFrom(tb testing.TB, st *store.Store, from congtac.Date) congtac.Org {
	tb.Helper()
	o, err := st.CreateOrg(context.Background(), congtac.System, congtac.Org{Kind: congtac.OrgCommittee,
		Name: "Ủy ban nhân dân tỉnh Bắc Ninh", ShortName: "UBND", ValidFrom: from})
	if err != nil {
		tb.Fatalf("create committee: %v", err)
	}
	return o
}

// mustProgram creates a draft monthly program of org.
func mustProgram(tb testing.TB, st *store.Store, org int64, year, month int, title string) congtac.Program {
	tb.Helper()
	p, err := st.CreateProgram(context.Background(), congtac.System, congtac.Program{OrgID: org,
		Period: congtac.Period{Kind: congtac.PeriodMonth, Year: year, Number: month}, Title: title})
	if err != nil {
		tb.Fatalf("create program %q: %v", title, err)
	}
	return p
}

// mustIssue takes a draft program through submission and approval and issues it on day on.
func mustIssue(tb testing.TB, st *store.Store, p congtac.Program, on congtac.Date) congtac.Program {
	tb.Helper()
	ctx := context.Background()
	p, err := st.TransitionProgram(ctx, congtac.System, p.ID, p.Version, congtac.ActionSubmit, "")
	if err != nil {
		tb.Fatalf("submit: %v", err)
	}
	leader := congtac.Actor{Role: congtac.RoleLeader, OrgID: p.OrgID}
	if p, err = st.TransitionProgram(ctx, leader, p.ID, p.Version, congtac.ActionApprove, ""); err != nil {
		tb.Fatalf("approve: %v", err)
	}
	if p, err = assemble.IssueProgram(ctx, st, congtac.System, p.ID, p.Version, congtac.Issuance{On: on}); err != nil {
		tb.Fatalf("issue: %v", err)
	}
	return p
}

// assertContains fails for each want missing from body.
func assertContains(t *testing.T, body string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %q", want)
		}
	}
}

// assertLacks fails for each unwanted string found in body.
func assertLacks(t *testing.T, body string, unwanted ...string) {
	t.Helper()
	for _, s := range unwanted {
		if strings.Contains(body, s) {
			t.Errorf("body contains %q", s)
		}
	}
}

// mustUser creates an account with the demo password.
func mustUser(tb testing.TB, st *store.Store, login string, role congtac.Role, org int64) congtac.User {
	tb.Helper()
	u, err := st.CreateUser(context.Background(), congtac.System, congtac.User{Login: login, Role: role,
		OrgID: org, DisplayName: login, PasswordHash: testHash()})
	if err != nil {
		tb.Fatalf("create user %s: %v", login, err)
	}
	return u
}

// testHash returns a hash of the password "demo", made once per test binary.
var testHash = sync.OnceValue(func() string {
	h, err := congtac.HashPassword("demo")
	if err != nil {
		panic(err)
	}
	return h
})

// ctxb is the background context of tests.
var ctxb = context.Background()
