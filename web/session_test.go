package web

import (
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"congtac"
	"congtac/clocktest"
	"congtac/demo"
	"congtac/store"
	"congtac/store/storetest"
)

// sharedDSN returns a database for a shared store: one that outlives the test that first
// asks for it, so it cannot come from t.TempDir or storetest.DSN(t).
func sharedDSN(e store.Engine) (string, error) {
	return storetest.LongDSN(e)
}

// demoStores holds one demo data set per engine, seeded once per test binary because
// seeding takes seconds. Tests that only read, or whose writes do not matter to others,
// share it through [sharedDemo]; tests that need a clean slate seed their own with
// [newDemo].
var demoStores = map[store.Engine]*struct {
	once sync.Once
	st   *store.Store
	err  error
}{store.SQLite: {}, store.Postgres: {}}

// sharedDemo returns the engine's shared demo store, skipping like storetest.Open when the
// engine is unavailable.
func sharedDemo(t testing.TB, e store.Engine) *store.Store {
	t.Helper()
	d := demoStores[e]
	d.once.Do(func() {
		dsn, err := sharedDSN(e)
		if err != nil {
			d.err = err
			return
		}
		if d.st, d.err = store.Open(context.Background(), dsn); d.err == nil {
			d.st.SetClock(clocktest.Now)
			if d.err = d.st.Migrate(context.Background()); d.err == nil {
				_, d.err = demo.Seed(context.Background(), d.st, demoToday)
			}
		}
	})
	if d.err != nil {
		storetest.Skip(t, "shared demo store on %s: %v", e, d.err)
	}
	return d.st
}

// demoToday is the day the demo data is seeded as of; test servers' clock says the same.
var demoToday = clocktest.Today()

// lastMonth is the month before demoToday's. Its program is issued and its regular meeting
// held whatever day demoToday is.
func lastMonth() congtac.Period { return congtac.PeriodOf(congtac.PeriodMonth, demoToday).Prev() }

// demoMonth returns the month of the demo's newest issued program: demoToday's from the
// first working day of the month under st's settings, when the demo issues its program,
// and [lastMonth] on the days before.
func demoMonth(t testing.TB, st *store.Store) congtac.Period {
	t.Helper()
	province, err := st.FindCommittee(ctxb, demoOrg(t, st, "Ủy ban nhân dân tỉnh Sơn Hà").ID)
	if err != nil {
		t.Fatal(err)
	}
	conf := province.Settings
	month := congtac.PeriodOf(congtac.PeriodMonth, demoToday)
	issue := month.Start()
	for !conf.WorkingDay(issue) {
		issue = issue.AddDays(1)
	}
	if demoToday.Before(issue) {
		return month.Prev()
	}
	return month
}

// newDemo returns a fresh demo store of its own for a test that changes things.
func newDemo(t testing.TB, e store.Engine) *store.Store {
	t.Helper()
	st := storetest.Open(t, e)
	if _, err := demo.Seed(context.Background(), st, demoToday); err != nil {
		t.Fatalf("seed demo: %v", err)
	}
	return st
}

// client is a browser stand-in: a cookie jar against a running test server. It sends no
// Origin header, as a same-site form post from an old browser would not either.
type client struct {
	t     testing.TB
	base  string
	http  *http.Client
	token string // the session cookie's value
}

// newClient returns a client of srv without a session.
func newClient(t testing.TB, srv *httptest.Server) *client {
	return &client{t: t, base: srv.URL, http: &http.Client{
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

// as returns a client of srv already signed in as the user with that login: the session is
// minted on the server, skipping the password hash, which costs a third of a second.
func as(t testing.TB, s *Server, srv *httptest.Server, login string) *client {
	t.Helper()
	u, err := s.st.FindUserByLogin(context.Background(), login)
	if err != nil {
		t.Fatalf("user %s: %v", login, err)
	}
	ctx, err := s.sessions.Load(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	s.sessions.Put(ctx, sessionUser, u.ID)
	token, _, err := s.sessions.Commit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.st.SignIn(context.Background(), token, u.ID, "127.0.0.1", "test"); err != nil {
		t.Fatal(err)
	}
	c := newClient(t, srv)
	c.token = token
	return c
}

// response is what a request returned.
type response struct {
	status   int
	location string
	body     string
	header   http.Header
}

// do sends a request with an optional form body and returns the response, not following
// redirects.
func (c *client) do(method, path string, form url.Values, header http.Header) response {
	c.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, c.base+path, body)
	if err != nil {
		c.t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range header {
		req.Header[k] = v
	}
	if c.token != "" {
		req.AddCookie(&http.Cookie{Name: "congtac_session", Value: c.token})
	}
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	for _, ck := range resp.Cookies() {
		if ck.Name == "congtac_session" {
			c.token = ck.Value
		}
	}
	return response{status: resp.StatusCode, location: resp.Header.Get("Location"), body: string(b), header: resp.Header}
}

// get sends a GET request.
func (c *client) get(path string) response { c.t.Helper(); return c.do("GET", path, nil, nil) }

// post sends a form.
func (c *client) post(path string, form url.Values) response {
	c.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	return c.do("POST", path, form, nil)
}

// upload sends fields and a file named name in field as a multipart form.
func (c *client) upload(path string, fields url.Values, field, name string, data []byte) response {
	c.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, vs := range fields {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	fw, _ := mw.CreateFormFile(field, name)
	fw.Write(data)
	mw.Close()
	req, err := http.NewRequest("POST", c.base+path, &body)
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	if c.token != "" {
		req.AddCookie(&http.Cookie{Name: "congtac_session", Value: c.token})
	}
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatalf("POST %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return response{status: resp.StatusCode, location: resp.Header.Get("Location"), body: string(b), header: resp.Header}
}

// startServer runs s on a test HTTP server closed at the end of the test.
func startServer(t testing.TB, s *Server) *httptest.Server {
	srv := httptest.NewServer(contractCheck(t, s, s))
	t.Cleanup(srv.Close)
	return srv
}
