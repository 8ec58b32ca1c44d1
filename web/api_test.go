package web

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"congtac"
	"congtac/clocktest"
	"congtac/store"
	"congtac/store/storetest"
)

// apiClient calls the API as a program does: a bearer token, no cookie.
type apiClient struct {
	t      testing.TB
	base   string
	header http.Header
	user   int64 // the token's user and ID, for bearerClient's clients
	token  int64
}

// bearerClient returns a client of srv with a new API token of the user with that login;
// the token is revoked when the test ends, so that shared stores do not fill up with them.
func bearerClient(t testing.TB, st *store.Store, srv *httptest.Server, login string) *apiClient {
	t.Helper()
	u, err := st.FindUserByLogin(ctxb, login)
	if err != nil {
		t.Fatalf("user %s: %v", login, err)
	}
	tok, raw, err := st.CreateAPIToken(ctxb, congtac.System, u.ID, "kiểm thử")
	if err != nil {
		t.Fatalf("token for %s: %v", login, err)
	}
	t.Cleanup(func() { st.RevokeAPIToken(ctxb, congtac.System, u.ID, tok.ID) })
	return &apiClient{t: t, base: srv.URL, header: http.Header{"Authorization": {"Bearer " + raw}},
		user: u.ID, token: tok.ID}
}

// anonymousClient returns a client of srv without credentials.
func anonymousClient(t testing.TB, srv *httptest.Server) *apiClient {
	return &apiClient{t: t, base: srv.URL, header: http.Header{}}
}

// call sends body (a JSON text; "" for none) with Content-Type application/json.
func (c *apiClient) call(method, path, body string) response {
	c.t.Helper()
	h := http.Header{}
	if body != "" {
		h.Set("Content-Type", "application/json")
	}
	return c.callWith(method, path, body, h)
}

// callWith sends body with the extra headers h.
func (c *apiClient) callWith(method, path, body string, h http.Header) response {
	c.t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, c.base+path, rd)
	if err != nil {
		c.t.Fatal(err)
	}
	for k, v := range c.header {
		req.Header[k] = v
	}
	for k, v := range h {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return response{status: resp.StatusCode, location: resp.Header.Get("Location"), body: string(b), header: resp.Header}
}

// get sends a GET request and decodes the JSON answer into a value of type T, failing the
// test unless the status is want and the body JSON.
func getAs[T any](c *apiClient, path string, want int) T {
	c.t.Helper()
	return decodeAs[T](c.t, c.call("GET", path, ""), want)
}

// decodeAs checks r's status and JSON content type and decodes its body.
func decodeAs[T any](t testing.TB, r response, want int) T {
	t.Helper()
	var v T
	if r.status != want {
		t.Fatalf("status = %d, want %d; body: %s", r.status, want, r.body)
	}
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("Content-Type = %q, want JSON; body: %.200s", ct, r.body)
	}
	if err := json.Unmarshal([]byte(r.body), &v); err != nil {
		t.Fatalf("decode %T: %v; body: %s", v, err, r.body)
	}
	return v
}

// apiErrorOf checks that r is a JSON error with status and code, and returns it.
func apiErrorOf(t testing.TB, r response, status int, code string) apiError {
	t.Helper()
	e := decodeAs[apiError](t, r, status)
	if e.Code != code || e.Message == "" {
		t.Errorf("error = %+v, want code %q and a message", e, code)
	}
	return e
}

// eachEngine runs fn on each engine's shared demo store with a test server on it.
func eachEngine(t *testing.T, fn func(t *testing.T, st *store.Store, s *Server, srv *httptest.Server)) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := sharedDemo(t, e)
			s, _ := newTestServer(t, st)
			fn(t, st, s, startServer(t, s))
		})
	}
}

// eachFreshDemo runs fn on a demo of its own on each engine, for a test whose expectations
// the other tests' changes to the shared demo would upset.
func eachFreshDemo(t *testing.T, fn func(t *testing.T, st *store.Store, s *Server, srv *httptest.Server)) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := newDemo(t, e)
			st.SetClock(clocktest.Now)
			s, _ := newTestServer(t, st)
			fn(t, st, s, startServer(t, s))
		})
	}
}

func TestAPIAuthentication(t *testing.T) {
	eachEngine(t, func(t *testing.T, st *store.Store, s *Server, srv *httptest.Server) {
		c := bearerClient(t, st, srv, "phongbaocao")
		me := getAs[apiMe](c, "/api/v1/me", http.StatusOK)
		if me.Login != "phongbaocao" || me.Role != "reporter" || me.RoleLabel != "Cán bộ báo cáo" || me.Org.Name != "Sở Tài chính" {
			t.Errorf("me = %+v, want phongbaocao, reporter of Sở Tài chính", me)
		}
		scopes := map[string]string{}
		for _, c := range me.Capabilities {
			scopes[c.Capability] = c.Scope
		}
		if scopes["write_reports"] != "own" || scopes["view_programs"] != "chain" || scopes["review_reports"] != "" {
			t.Errorf("capabilities = %v, want write_reports own, view_programs chain, no review_reports", scopes)
		}

		anon := anonymousClient(t, srv)
		r := anon.call("GET", "/api/v1/tasks", "")
		apiErrorOf(t, r, http.StatusUnauthorized, congtac.EFORBIDDEN)
		if r.header.Get("WWW-Authenticate") == "" {
			t.Error("401 without WWW-Authenticate")
		}
		if r := anon.call("GET", "/api/v1/openapi.json", ""); r.status != http.StatusOK {
			t.Errorf("anonymous openapi.json = %d, want 200", r.status)
		}

		bad := &apiClient{t: t, base: srv.URL, header: http.Header{"Authorization": {"Bearer ct_nothing"}}}
		apiErrorOf(t, bad.call("GET", "/api/v1/me", ""), http.StatusUnauthorized, congtac.EFORBIDDEN)

		if err := st.RevokeAPIToken(ctxb, congtac.System, c.user, c.token); err != nil {
			t.Fatal(err)
		}
		r = c.call("GET", "/api/v1/me", "")
		apiErrorOf(t, r, http.StatusUnauthorized, congtac.EFORBIDDEN)
		if r.header.Get("WWW-Authenticate") == "" {
			t.Error("401 for a revoked token without WWW-Authenticate")
		}
	})
}

func TestAPIGuardAnswersJSON(t *testing.T) {
	eachEngine(t, func(t *testing.T, st *store.Store, s *Server, srv *httptest.Server) {
		xem := bearerClient(t, st, srv, "xem")
		body := `{"task_id": 1, "org_id": 1, "text": "x"}`
		apiErrorOf(t, xem.call("POST", "/api/v1/reports", body), http.StatusForbidden, congtac.EFORBIDDEN)
		apiErrorOf(t, xem.call("GET", "/api/v1/audit", ""), http.StatusForbidden, congtac.EFORBIDDEN)
		reporter := bearerClient(t, st, srv, "phongbaocao")
		apiErrorOf(t, reporter.call("POST", "/api/v1/reports/1/review", `{"version": 1, "action": "accept"}`),
			http.StatusForbidden, congtac.EFORBIDDEN)
		for _, path := range []string{"/api/v1/tasks/0", "/api/v1/tasks/abc", "/api/v1/tasks/999999999",
			"/api/v1/reports/999999999", "/api/v1/programs/999999999", "/api/v1/meetings/999999999"} {
			apiErrorOf(t, reporter.call("GET", path, ""), http.StatusNotFound, congtac.ENOTFOUND)
		}
	})
}

// TestAPICrossOriginRefused: a browser's cross-site POST riding on the session cookie is
// refused by the middleware before the handler (which would answer 422 to an empty object);
// the same POST from the same site reaches the handler.
func TestAPICrossOriginRefused(t *testing.T) {
	eachEngine(t, func(t *testing.T, st *store.Store, s *Server, srv *httptest.Server) {
		c := as(t, s, srv, "phongbaocao")
		same := http.Header{"Content-Type": {"application/json"}, "Sec-Fetch-Site": {"same-origin"}}
		cross := http.Header{"Content-Type": {"application/json"}, "Sec-Fetch-Site": {"cross-site"}}
		if r := doBody(t, c, "POST", "/api/v1/reports", `{}`, cross); r.status != http.StatusForbidden {
			t.Errorf("cross-site POST = %d, want 403", r.status)
		}
		if r := doBody(t, c, "POST", "/api/v1/reports", `{}`, same); r.status != http.StatusUnprocessableEntity {
			t.Errorf("same-site POST with the session = %d, want 422 from the handler", r.status)
		}
	})
}

// doBody sends a raw body through a cookie client.
func doBody(t *testing.T, c *client, method, path, body string, h http.Header) response {
	t.Helper()
	req, err := http.NewRequest(method, c.base+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header = h.Clone()
	req.AddCookie(&http.Cookie{Name: "congtac_session", Value: c.token})
	resp, err := c.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return response{status: resp.StatusCode, body: string(b), header: resp.Header}
}

func TestAPIQueryParameters(t *testing.T) {
	eachEngine(t, func(t *testing.T, st *store.Store, s *Server, srv *httptest.Server) {
		c := bearerClient(t, st, srv, "admin")
		for _, tt := range []struct{ path, field string }{
			{"/api/v1/tasks?khong_co=1", "khong_co"},
			{"/api/v1/tasks?program_id=1", "program_id"},
			{"/api/v1/tasks?program=-3", "program"},
			{"/api/v1/tasks?status=xong", "status"},
			{"/api/v1/tasks?period=2026-4", "period"},
			{"/api/v1/tasks?limit=0", "limit"},
			{"/api/v1/tasks?status=overdue&status=done_late", "status"},
			{"/api/v1/meetings?from=2026-02-30", "from"},
			{"/api/v1/programs?year=12", "year"},
			{"/api/v1/documents?year=0", "year"},
			{"/api/v1/tasks?limit=201", "limit"},
			{"/api/v1/audit?limit=500", "limit"},
			{"/api/v1/calendar?week=2026-04", "week"},
			{"/api/v1/search", "q"},
			{"/api/v1/search?q=!!!", "q"},
		} {
			e := apiErrorOf(t, c.call("GET", tt.path, ""), http.StatusBadRequest, congtac.EINVALID)
			if e.Fields[tt.field] == "" {
				t.Errorf("GET %s: fields = %v, want %q named", tt.path, e.Fields, tt.field)
			}
		}
		list := getAs[apiList[apiTask]](c, "/api/v1/tasks?limit=200&offset=3", http.StatusOK)
		if list.Limit != apiMaxLimit || list.Offset != 3 || len(list.Items) > apiMaxLimit || list.Total < len(list.Items)+3 {
			t.Errorf("limit 200 offset 3: limit %d offset %d, %d items of %d", list.Limit, list.Offset, len(list.Items), list.Total)
		}
	})
}

// TestAPIEveryParameterIsRead sends a bad value for each query parameter the document
// declares that has a form to check: each must be refused by name, which proves that the
// handler reads it under the name the document gives.
func TestAPIEveryParameterIsRead(t *testing.T) {
	st := sharedDemo(t, store.SQLite)
	s, _ := newTestServer(t, st)
	c := bearerClient(t, st, startServer(t, s), "admin")
	checked := 0
	for key, op := range apiOps {
		method, pattern, _ := strings.Cut(key, " ")
		if method != "GET" || strings.Contains(pattern, "{") {
			continue
		}
		params := op.params
		if op.list {
			params = append(slices.Clip(params), pagingParams...)
		}
		for _, p := range params {
			sc := p.schema
			if sc.Type != "integer" && sc.Enum == nil && sc.Format != "date" && p.name != "period" && p.name != "week" {
				continue // free text
			}
			path := pattern + "?" + p.name + "=zz9"
			if p.name != "q" && pattern == "/api/v1/search" {
				path += "&q=thu"
			}
			e := apiErrorOf(t, c.call("GET", path, ""), http.StatusBadRequest, congtac.EINVALID)
			if e.Fields[p.name] == "" {
				t.Errorf("GET %s: fields %v, want %q named", path, e.Fields, p.name)
			}
			checked++
		}
	}
	if checked < 30 {
		t.Errorf("checked %d parameters", checked)
	}
}

func TestAPITaskStatusFilter(t *testing.T) {
	eachEngine(t, func(t *testing.T, st *store.Store, s *Server, srv *httptest.Server) {
		c := bearerClient(t, st, srv, "cvp")
		sum := 0
		for _, status := range congtac.Statuses {
			list := getAs[apiList[apiTask]](c, "/api/v1/tasks?limit=5&status="+string(status), http.StatusOK)
			for _, it := range list.Items {
				if it.Status != string(status) || it.StatusLabel != status.Label() || it.AsOf != demoToday.String() {
					t.Errorf("status=%s gave task %d %s (%s) as of %s", status, it.ID, it.Status, it.StatusLabel, it.AsOf)
				}
			}
			if len(list.Items) != min(5, list.Total) {
				t.Errorf("status=%s: %d items of %d with limit 5", status, len(list.Items), list.Total)
			}
			sum += list.Total
		}
		all := getAs[apiList[apiTask]](c, "/api/v1/tasks?limit=1", http.StatusOK)
		if sum != all.Total || all.Total == 0 {
			t.Errorf("statuses count %d tasks, the list %d", sum, all.Total)
		}
		page2 := getAs[apiList[apiTask]](c, "/api/v1/tasks?status=done_on_time&limit=2&offset=2", http.StatusOK)
		page1 := getAs[apiList[apiTask]](c, "/api/v1/tasks?status=done_on_time&limit=4", http.StatusOK)
		if len(page2.Items) != 2 || page2.Items[0].ID != page1.Items[2].ID || page2.Items[1].ID != page1.Items[3].ID {
			t.Errorf("offset 2 of done_on_time does not continue the first page")
		}
	})
}

// TestAPIListsAreScoped: a reporter of Sở Tài chính lists only what its scope reaches.
func TestAPIListsAreScoped(t *testing.T) {
	eachEngine(t, func(t *testing.T, st *store.Store, s *Server, srv *httptest.Server) {
		stc := demoOrg(t, st, "Sở Tài chính").ID
		c := bearerClient(t, st, srv, "phongbaocao")
		admin := bearerClient(t, st, srv, "admin")
		tasks := allPages[apiTask](t, c, "/api/v1/tasks?")
		if len(tasks) == 0 {
			t.Fatal("the reporter sees no task")
		}
		for _, it := range tasks {
			if !apiTaskInvolves(it, stc) {
				t.Errorf("task %d (lead %d, supports %v) does not involve Sở Tài chính", it.ID, it.LeadID, it.Supports)
			}
		}
		if all := getAs[apiList[apiTask]](admin, "/api/v1/tasks?limit=1", http.StatusOK); all.Total <= len(tasks) {
			t.Errorf("admin sees %d tasks, the reporter %d: the reporter's list is not narrower", all.Total, len(tasks))
		}
		for _, rep := range allPages[apiReport](t, c, "/api/v1/reports?") {
			if rep.OrgID != stc {
				t.Errorf("report %d of org %d in the reporter's list", rep.ID, rep.OrgID)
			}
		}
		for _, o := range allPages[apiOrg](t, c, "/api/v1/orgs?") {
			if o.ID != stc && o.Kind != "committee" {
				t.Errorf("org %s in the reporter's catalog, beyond its chain", o.Name)
			}
		}
		programs := getAs[apiList[apiProgram]](c, "/api/v1/programs?limit=200", http.StatusOK)
		for _, p := range programs.Items {
			if p.Status == "draft" || p.Status == "submitted" {
				t.Errorf("the reporter lists program %d in status %s", p.ID, p.Status)
			}
		}
		drafts := getAs[apiList[apiProgram]](admin, "/api/v1/programs?status=draft", http.StatusOK)
		if drafts.Total == 0 {
			t.Fatal("the demo has no draft program")
		}
		apiErrorOf(t, c.call("GET", fmt.Sprint("/api/v1/programs/", drafts.Items[0].ID), ""), http.StatusNotFound, congtac.ENOTFOUND)
	})
}

// apiTaskInvolves reports whether org leads or supports the task.
func apiTaskInvolves(t apiTask, org int64) bool {
	if t.LeadID == org {
		return true
	}
	for _, sp := range t.Supports {
		if sp.OrgID == org {
			return true
		}
	}
	return false
}

// allPages reads every page of a list; path ends with "?" or "&".
func allPages[T any](t *testing.T, c *apiClient, path string) []T {
	t.Helper()
	var out []T
	for offset := 0; ; offset += apiMaxLimit {
		page := getAs[apiList[T]](c, fmt.Sprintf("%slimit=%d&offset=%d", path, apiMaxLimit, offset), http.StatusOK)
		out = append(out, page.Items...)
		if len(page.Items) < apiMaxLimit {
			if len(out) != page.Total {
				t.Errorf("%s: read %d items, total says %d", path, len(out), page.Total)
			}
			return out
		}
	}
}
