package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// signInForm posts the sign-in form.
func signInForm(c *client, login, password string) response {
	c.t.Helper()
	return c.post("/login", url.Values{"login": {login}, "password": {password}, "next": {"/tasks"}})
}

func TestSignInAndOut(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := sharedDemo(t, e)
			s, _ := newTestServer(t, st)
			c := newClient(t, startServer(t, s))
			if r := c.get("/tasks"); r.status != http.StatusSeeOther || r.location != "/login?next=%2Ftasks" {
				t.Fatalf("anonymous /tasks = %d to %q, want 303 to the sign-in page", r.status, r.location)
			}
			r := c.get("/login?next=%2Ftasks")
			assertContains(t, r.body, `name="login"`, `name="password"`, `action="/login"`, "Đăng nhập")
			if r := signInForm(c, "vanphong", "sai mật khẩu"); r.status != http.StatusUnauthorized ||
				!strings.Contains(r.body, "Tên đăng nhập hoặc mật khẩu không đúng.") || !strings.Contains(r.body, `value="vanphong"`) {
				t.Errorf("wrong password = %d; want 401 with the message and the login kept", r.status)
			}
			if r := signInForm(c, "vanphong", ""); r.status != http.StatusUnprocessableEntity ||
				!strings.Contains(r.body, "Hãy nhập tên đăng nhập và mật khẩu.") {
				t.Errorf("empty password = %d; want 422 with the message", r.status)
			}
			if r := signInForm(c, "khongco", "demo"); r.status != http.StatusUnauthorized ||
				!strings.Contains(r.body, "Tên đăng nhập hoặc mật khẩu không đúng.") {
				t.Errorf("unknown login = %d; want 401 with the same message", r.status)
			}
			if r := signInForm(c, "VanPhong", "demo"); r.status != http.StatusSeeOther || r.location != "/tasks" {
				t.Fatalf("sign-in = %d to %q, want 303 to /tasks", r.status, r.location)
			}
			if r := c.get("/"); r.status != http.StatusOK || !strings.Contains(r.body, "Hoàng Văn Lợi") {
				t.Errorf("signed-in home = %d, lacks the user's name", r.status)
			}
			if r := c.post("/logout", nil); r.status != http.StatusSeeOther || r.location != "/login?out=1" {
				t.Errorf("sign-out = %d to %q", r.status, r.location)
			}
			if r := c.get("/"); r.status != http.StatusSeeOther {
				t.Errorf("after sign-out / = %d, want 303", r.status)
			}
			events, _, err := st.FindAuditEvents(ctxb, congtac.System, congtac.AuditFilter{Entity: "user"})
			if err != nil {
				t.Fatal(err)
			}
			seen := map[string]bool{}
			for _, ev := range events {
				seen[ev.Action] = true
			}
			for _, want := range []string{"sign_in", "sign_in_failed", "sign_out"} {
				if !seen[want] {
					t.Errorf("no %q event in the audit log", want)
				}
			}
		})
	}
}

// TestSessionFixation plants a session token before sign-in: signing in must issue a new
// token, and the planted one must not be signed in.
func TestSessionFixation(t *testing.T) {
	st := sharedDemo(t, store.SQLite)
	s, _ := newTestServer(t, st)
	srv := startServer(t, s)
	c := newClient(t, srv)
	c.get("/login") // no session yet: the login page does not need one
	ctx, _ := s.sessions.Load(ctxb, "")
	s.sessions.Put(ctx, "planted", true)
	planted, _, err := s.sessions.Commit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c.token = planted
	if r := signInForm(c, "cvp", "demo"); r.status != http.StatusSeeOther {
		t.Fatalf("sign-in = %d", r.status)
	}
	if c.token == planted {
		t.Fatal("the session token did not change at sign-in")
	}
	attacker := newClient(t, srv)
	attacker.token = planted
	if r := attacker.get("/tasks"); r.status != http.StatusSeeOther {
		t.Errorf("the planted token reaches /tasks with %d, want a redirect to sign in", r.status)
	}
}

func TestSignInIsRateLimited(t *testing.T) {
	st := newDemo(t, store.SQLite) // failures stay in the database: not in the shared demo
	s, _ := newTestServer(t, st)
	c := newClient(t, startServer(t, s))
	var last response
	for range congtac.MaxSignInFailuresPerAccount + 1 {
		last = signInForm(c, "xem", "sai")
	}
	if last.status != http.StatusTooManyRequests || !strings.Contains(last.body, "quá nhiều lần") {
		t.Fatalf("attempt %d = %d, want 429 in Vietnamese", congtac.MaxSignInFailuresPerAccount+1, last.status)
	}
	if r := signInForm(c, "xem", "demo"); r.status != http.StatusTooManyRequests {
		t.Errorf("the right password during the lockout = %d, want 429", r.status)
	}
	// Another account from another address is not affected by this one's lockout.
	other := newClient(t, startServer(t, s))
	if r := signInForm(other, "chutich", "demo"); r.status != http.StatusSeeOther {
		t.Errorf("another account = %d, want 303", r.status)
	}
}

func TestCrossOriginPostIsRefused(t *testing.T) {
	st := sharedDemo(t, store.SQLite)
	s, _ := newTestServer(t, st)
	srv := startServer(t, s)
	c := as(t, s, srv, "vanphong")
	form := url.Values{"login": {"x"}}
	for _, h := range []http.Header{
		{"Sec-Fetch-Site": {"cross-site"}},
		{"Origin": {"https://attacker.example"}},
	} {
		r := c.do("POST", "/logout", form, h)
		if r.status != http.StatusForbidden || !strings.Contains(r.body, "trang web khác") {
			t.Errorf("cross-origin POST with %v = %d, want 403 in Vietnamese", h, r.status)
		}
	}
	if r := c.get("/"); r.status != http.StatusOK {
		t.Errorf("after the refused cross-origin logout, / = %d; the session must survive", r.status)
	}
	if r := c.do("POST", "/logout", form, http.Header{"Sec-Fetch-Site": {"same-origin"}}); r.status != http.StatusSeeOther {
		t.Errorf("same-origin POST = %d, want 303", r.status)
	}
}

// TestSignedInUserStaysOnSite: the probe's /login?next=%2F%09%2Fevil.example sent a
// signed-in user off-site, since browsers drop the tab from "/\t/evil.example".
func TestSignedInUserStaysOnSite(t *testing.T) {
	st := sharedDemo(t, store.SQLite)
	s, _ := newTestServer(t, st)
	c := as(t, s, startServer(t, s), "xem")
	for _, next := range []string{"%2F%09%2Fevil.example", "%2F%0A%2Fevil.example", "%2F%5C%2Fevil.example"} {
		if r := c.get("/login?next=" + next); r.status != http.StatusSeeOther || r.location != "/" {
			t.Errorf("/login?next=%s: %d to %q, want 303 to /", next, r.status, r.location)
		}
	}
}

func TestLocalPath(t *testing.T) {
	for in, want := range map[string]string{"/tasks?x=1": "/tasks?x=1", "": "/", "https://evil.example": "/",
		"//evil.example": "/", `/\evil.example`: "/", "tasks": "/", "/\t/evil.example": "/", "/\n/evil.example": "/",
		"/\r/evil.example": "/", "/ /evil.example": "/", "/\x00/x": "/", "/\x7f/x": "/", "/tasks\\..\\/evil": "/",
		"/\u00a0/evil.example": "/", "/reports?status=submitted&org=3#x": "/reports?status=submitted&org=3#x",
		"/tasks?q=gi%C3%A1o": "/tasks?q=gi%C3%A1o"} {
		if got := localPath(in); got != want {
			t.Errorf("localPath(%q) = %q, want %q", in, got, want)
		}
	}
}
