package web

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

func TestAccountPageShowsTheUser(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := sharedDemo(t, e)
			s, _ := newTestServer(t, st)
			srv := startServer(t, s)
			c, other := as(t, s, srv, "phongbaocao"), as(t, s, srv, "phongbaocao")
			r := c.get("/account")
			mustStatus(t, "GET /account", r, http.StatusOK)
			assertContains(t, r.body, "phongbaocao", "Ngô Thị Mai", "Cán bộ báo cáo", "Sở Tài chính",
				`name="current_password"`, `name="new_password"`, `name="confirm_password"`, `href="/account/totp"`,
				`action="/account/sessions/`+sessionHandleOf(other)+`/end"`, "Phiên này", `action="/account/tokens"`)
			assertLacks(t, r.body, `action="/account/sessions/`+sessionHandleOf(c)+`/end"`)
		})
	}
}

func TestPasswordChangeEndsOtherSessions(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := newDemo(t, e)
			s, _ := newTestServer(t, st)
			srv := startServer(t, s)
			c, other := as(t, s, srv, "vanphong"), as(t, s, srv, "vanphong")

			r := c.post("/account/password", vals("current_password", "sai", "new_password", "ngắn",
				"confirm_password", "khác"))
			mustStatus(t, "refused change", r, http.StatusUnprocessableEntity)
			assertContains(t, r.body, "Mật khẩu hiện tại không đúng.", "Mật khẩu cần ít nhất 8 ký tự.",
				"Mật khẩu nhập lại không khớp")
			assertLacks(t, r.body, `value="ngắn"`, `value="sai"`)

			const next = "Mật khẩu mới 2026"
			r = c.post("/account/password", vals("current_password", "demo", "new_password", next, "confirm_password", next))
			mustRedirect(t, "password change", r, "/account")
			assertContains(t, c.get("/account").body, "Đã đổi mật khẩu")
			if !isSignedOut(other) {
				t.Error("the other session still works after the password change")
			}
			if isSignedOut(c) {
				t.Error("the session that changed the password was ended")
			}
			r = c.post("/account/password", vals("current_password", next, "new_password", next, "confirm_password", next))
			mustStatus(t, "same password again", r, http.StatusUnprocessableEntity)
			assertContains(t, r.body, "phải khác mật khẩu hiện tại")

			fresh := newClient(t, srv)
			if r := signInForm(fresh, "vanphong", "demo"); r.status != http.StatusUnauthorized {
				t.Errorf("sign-in with the old password = %d, want 401", r.status)
			}
			if r := signInForm(fresh, "vanphong", next); r.status != http.StatusSeeOther {
				t.Errorf("sign-in with the new password = %d, want 303", r.status)
			}
		})
	}
}

// TestPasswordChangeRevokesAPITokens: a password changed by its owner or reset by an
// administrator ends the account's API tokens with its other sessions, and the page says so.
func TestPasswordChangeRevokesAPITokens(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := newDemo(t, e)
			s, _ := newTestServer(t, st)
			srv := startServer(t, s)
			own, reset := bearerClient(t, st, srv, "vanphong"), bearerClient(t, st, srv, "xem")
			for _, c := range []*apiClient{own, reset} {
				mustStatus(t, "the token before", c.call("GET", "/api/v1/me", ""), http.StatusOK)
			}

			c := as(t, s, srv, "vanphong")
			const next = "Mật khẩu mới 2026"
			mustRedirect(t, "password change", c.post("/account/password",
				vals("current_password", "demo", "new_password", next, "confirm_password", next)), "/account")
			assertContains(t, c.get("/account").body, "Đã đổi mật khẩu.", "1 mã truy cập API đã bị thu hồi")
			apiErrorOf(t, own.call("GET", "/api/v1/me", ""), http.StatusUnauthorized, congtac.EFORBIDDEN)

			admin := as(t, s, srv, "admin")
			path := "/admin/users/" + idText(userByLogin(t, st, "xem").ID)
			r := admin.post(path+"/password", vals("new_password", "mật khẩu cấp lại"))
			if r.status != http.StatusSeeOther {
				t.Fatalf("password reset = %d", r.status)
			}
			assertContains(t, admin.get(r.location).body, "Đã đặt lại mật khẩu cho xem;", "1 mã truy cập API đã bị thu hồi")
			apiErrorOf(t, reset.call("GET", "/api/v1/me", ""), http.StatusUnauthorized, congtac.EFORBIDDEN)
		})
	}
}

func TestPasswordChangeIsRateLimited(t *testing.T) {
	st := newDemo(t, store.SQLite) // failures stay in the database: not in the shared demo
	s, _ := newTestServer(t, st)
	c := as(t, s, startServer(t, s), "xem")
	var last response
	for range congtac.MaxSignInFailuresPerAccount + 1 {
		last = c.post("/account/password", vals("current_password", "sai", "new_password", "12345678",
			"confirm_password", "12345678"))
	}
	mustStatus(t, "too many password tries", last, http.StatusTooManyRequests)
	assertContains(t, last.body, "quá nhiều lần")
}

func TestSessionsAreEndedByTheirOwnerOrAnAdmin(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := sharedDemo(t, e)
			s, _ := newTestServer(t, st)
			srv := startServer(t, s)
			c, second := as(t, s, srv, "truongphong"), as(t, s, srv, "truongphong")
			stranger := as(t, s, srv, "phongbaocao")

			r := c.post("/account/sessions/"+sessionHandleOf(stranger)+"/end", nil)
			mustStatus(t, "ending another user's session", r, http.StatusNotFound)
			if isSignedOut(stranger) {
				t.Error("another user's session was ended")
			}
			mustStatus(t, "a malformed handle", c.post("/account/sessions/xyz/end", nil), http.StatusNotFound)

			r = c.post("/account/sessions/"+sessionHandleOf(second)+"/end", nil)
			mustRedirect(t, "ending one's other session", r, "/account")
			if !isSignedOut(second) {
				t.Error("the ended session still works")
			}

			unitHead := c.post("/admin/users/"+idText(userByLogin(t, st, "phongbaocao").ID)+"/sessions/end", nil)
			mustStatus(t, "a unit head ending sessions in the admin pages", unitHead, http.StatusForbidden)

			admin := as(t, s, srv, "admin")
			r = admin.post("/admin/users/"+idText(userByLogin(t, st, "phongbaocao").ID)+"/sessions/end", nil)
			if r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/admin/users?edit=") {
				t.Fatalf("admin ending sessions = %d to %q", r.status, r.location)
			}
			if !isSignedOut(stranger) {
				t.Error("the admin did not end the other user's session")
			}
			if isSignedOut(admin) {
				t.Error("ending another user's sessions ended the admin's own")
			}

			mustRedirect(t, "ending one's current session", c.post("/account/sessions/"+sessionHandleOf(c)+"/end", nil),
				"/login?out=1")
			if !isSignedOut(c) {
				t.Error("ending the current session did not sign out")
			}
		})
	}
}

var rawTokenPattern = regexp.MustCompile(`ct_[A-Za-z0-9_-]{43}`)

func TestAPITokenIsShownOnceAndWorks(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := sharedDemo(t, e)
			s, _ := newTestServer(t, st)
			srv := startServer(t, s)
			c := as(t, s, srv, "xabaocao")

			r := c.post("/account/tokens", vals("name", "  "))
			mustStatus(t, "a token without a name", r, http.StatusUnprocessableEntity)
			assertContains(t, r.body, "Chưa đặt tên cho mã truy cập.")

			r = c.post("/account/tokens", vals("name", "Bảng tính tổng hợp"))
			mustStatus(t, "token creation", r, http.StatusOK)
			raw := rawTokenPattern.FindString(r.body)
			if raw == "" {
				t.Fatalf("the new token is not shown:\n%s", mainExcerpt(r.body))
			}
			again := c.get("/account")
			assertContains(t, again.body, "Bảng tính tổng hợp")
			assertLacks(t, again.body, raw)

			u, tok, err := st.AuthenticateAPIToken(ctxb, raw)
			if err != nil || u.Login != "xabaocao" {
				t.Fatalf("the token authenticates %q, %v; want xabaocao", u.Login, err)
			}
			api := newClient(t, srv).do("GET", "/api/v1/me", nil, http.Header{"Authorization": {"Bearer " + raw}})
			if api.status == http.StatusUnauthorized {
				t.Errorf("GET /api/v1/me with the token = 401")
			}
			if api.status == http.StatusOK && !strings.Contains(api.body, "xabaocao") {
				t.Errorf("GET /api/v1/me with the token names someone else: %s", api.body)
			}

			other, _, err := st.CreateAPIToken(ctxb, congtac.System, userByLogin(t, st, "phongbaocao").ID, "Của người khác")
			if err != nil {
				t.Fatal(err)
			}
			mustStatus(t, "revoking another user's token", c.post("/account/tokens/"+idText(other.ID)+"/revoke", nil),
				http.StatusNotFound)
			mustRedirect(t, "revoking one's token", c.post("/account/tokens/"+idText(tok.ID)+"/revoke", nil), "/account")
			if _, _, err := st.AuthenticateAPIToken(ctxb, raw); err == nil {
				t.Error("the revoked token still authenticates")
			}
		})
	}
}
