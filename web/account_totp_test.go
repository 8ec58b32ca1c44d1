package web

import (
	"bytes"
	"image/png"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pquerna/otp/totp"

	"congtac"
	"congtac/store/storetest"
)

var secretPattern = regexp.MustCompile(`<code class="secret" id="khoa-bi-mat">([A-Z2-7 ]+)</code>`)

// shownSecret returns the secret the setup page shows, without its spaces.
func shownSecret(t *testing.T, body string) string {
	t.Helper()
	m := secretPattern.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no secret on the setup page:\n%s", mainExcerpt(body))
	}
	return strings.ReplaceAll(m[1], " ", "")
}

// wrongCode returns a code that is not code.
func wrongCode(code string) string {
	return string('0'+(code[0]-'0'+1)%10) + code[1:]
}

func TestTOTPSetupThenSignInAsksForTheCode(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := newDemo(t, e)
			s, _ := newTestServer(t, st)
			srv := startServer(t, s)
			c, other := as(t, s, srv, "xem"), as(t, s, srv, "xem")

			mustStatus(t, "QR image before setup", c.get("/account/totp/qr.png"), http.StatusNotFound)
			r := c.get("/account/totp")
			mustStatus(t, "setup page", r, http.StatusOK)
			secret := shownSecret(t, r.body)
			if again := shownSecret(t, c.get("/account/totp").body); again != secret {
				t.Errorf("reloading the setup page changed the secret")
			}
			img := c.get("/account/totp/qr.png")
			mustStatus(t, "QR image", img, http.StatusOK)
			if img.header.Get("Content-Type") != "image/png" || img.header.Get("Cache-Control") != "no-store" {
				t.Errorf("QR image headers = %v", img.header)
			}
			if _, err := png.Decode(bytes.NewReader([]byte(img.body))); err != nil {
				t.Errorf("QR image is not a PNG: %v", err)
			}

			code, err := totp.GenerateCode(secret, testNow())
			if err != nil {
				t.Fatal(err)
			}
			r = c.post("/account/totp", vals("code", wrongCode(code)))
			mustStatus(t, "a wrong first code", r, http.StatusUnprocessableEntity)
			assertContains(t, r.body, "Mã xác thực không đúng")
			mustRedirect(t, "the right first code", c.post("/account/totp", vals("code", code)), "/account")
			if u := userByLogin(t, st, "xem"); u.TOTPSecret != secret {
				t.Errorf("stored secret = %q, want the one shown", u.TOTPSecret)
			}
			if !isSignedOut(other) {
				t.Error("turning the second factor on did not end the other session")
			}
			assertContains(t, c.get("/account").body, "Đã bật xác thực hai lớp", "Đang bật")

			fresh := newClient(t, srv)
			r = fresh.post("/login", vals("login", "xem", "password", "demo", "next", "/tasks"))
			mustRedirect(t, "password step", r, "/login/totp?next="+url.QueryEscape("/tasks"))
			r = fresh.post("/login/totp", vals("code", wrongCode(code), "next", "/tasks"))
			mustStatus(t, "a wrong code at sign-in", r, http.StatusUnauthorized)
			mustRedirect(t, "the right code at sign-in", fresh.post("/login/totp", vals("code", code, "next", "/tasks")), "/tasks")

			r = c.post("/account/totp/disable", vals("current_password", "sai"))
			mustStatus(t, "turning off with a wrong password", r, http.StatusUnprocessableEntity)
			assertContains(t, r.body, "Mật khẩu hiện tại không đúng.")
			mustRedirect(t, "turning off", c.post("/account/totp/disable", vals("current_password", "demo")), "/account")
			if u := userByLogin(t, st, "xem"); u.TOTPSecret != "" {
				t.Error("the second factor is still on")
			}
		})
	}
}

func TestRequiredTOTPHoldsTheUserToSetUp(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := newDemo(t, e)
			settings, err := st.GlobalSettings(ctxb)
			if err != nil {
				t.Fatal(err)
			}
			settings.RequireTOTP = []congtac.Role{congtac.RoleLeader}
			if err := st.SaveGlobalSettings(ctxb, congtac.System, settings); err != nil {
				t.Fatal(err)
			}
			s, _ := newTestServer(t, st)
			srv := startServer(t, s)
			leader := as(t, s, srv, "chutich")

			for _, path := range []string{"/", "/tasks", "/account"} {
				mustRedirect(t, "GET "+path+" owing the second factor", leader.get(path), "/account/totp")
			}
			mustRedirect(t, "a POST owing the second factor", leader.post("/account/tokens", vals("name", "x")), "/account/totp")
			r := leader.get("/account/totp")
			mustStatus(t, "the setup page", r, http.StatusOK)
			assertContains(t, r.body, "bắt buộc dùng xác thực hai lớp")
			mustStatus(t, "the QR image", leader.get("/account/totp/qr.png"), http.StatusOK)
			if r := leader.get("/api/v1/me"); r.status != http.StatusForbidden {
				t.Errorf("API call with the session = %d, want 403", r.status)
			}

			_, raw, err := st.CreateAPIToken(ctxb, congtac.System, userByLogin(t, st, "chutich").ID, "Bảng tính")
			if err != nil {
				t.Fatal(err)
			}
			api := newClient(t, srv).do("GET", "/api/v1/me", nil, http.Header{"Authorization": {"Bearer " + raw}})
			if api.status == http.StatusSeeOther || api.status == http.StatusForbidden || api.status == http.StatusUnauthorized {
				t.Errorf("a bearer-token call was held to the second factor: %d", api.status)
			}
			if r := as(t, s, srv, "xem").get("/account"); r.status != http.StatusOK {
				t.Errorf("a role that need not use the second factor = %d, want 200", r.status)
			}

			secret := shownSecret(t, leader.get("/account/totp").body)
			code, _ := totp.GenerateCode(secret, testNow())
			mustRedirect(t, "setting up", leader.post("/account/totp", vals("code", code)), "/account")
			mustStatus(t, "GET /account once set up", leader.get("/account"), http.StatusOK)
			r = leader.post("/account/totp/disable", vals("current_password", "demo"))
			mustStatus(t, "turning a required second factor off", r, http.StatusUnprocessableEntity)
			assertContains(t, r.body, "bắt buộc dùng xác thực hai lớp nên không thể tắt")
			if u := userByLogin(t, st, "chutich"); u.TOTPSecret == "" {
				t.Error("the required second factor was turned off")
			}
		})
	}
}

// TestAdminResetsALostSecondFactor: the user's factor is off afterwards, its sessions end,
// and the password alone signs in again.
func TestAdminResetsALostSecondFactor(t *testing.T) {
	st := newDemo(t, "sqlite")
	s, _ := newTestServer(t, st)
	srv := startServer(t, s)
	u, _ := st.FindUserByLogin(ctxb, "xem")
	key, err := totp.Generate(totp.GenerateOpts{Issuer: "congtac", AccountName: "xem"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SetTOTPSecret(ctxb, congtac.System, u.ID, key.Secret(), ""); err != nil {
		t.Fatal(err)
	}
	victim := as(t, s, srv, "xem")
	admin := as(t, s, srv, "admin")
	edit := admin.get("/admin/users?edit=" + itoa64(u.ID))
	if !strings.Contains(edit.body, "/totp/reset") {
		t.Fatalf("the account's page offers no reset of the second factor")
	}
	if r := as(t, s, srv, "vanphong").post("/admin/users/"+itoa64(u.ID)+"/totp/reset", nil); r.status != http.StatusForbidden {
		t.Errorf("a drafter resets a second factor: %d, want 403", r.status)
	}
	if r := admin.post("/admin/users/"+itoa64(u.ID)+"/totp/reset", nil); r.status != http.StatusSeeOther {
		t.Fatalf("reset: %d", r.status)
	}
	if got, _ := st.FindUserByID(ctxb, u.ID); got.TOTPSecret != "" {
		t.Error("the second factor is still on")
	}
	if r := victim.get("/tasks"); r.status != http.StatusSeeOther {
		t.Errorf("the user's old session: %d, want a redirect to sign in", r.status)
	}
	c := newClient(t, srv)
	if r := c.post("/login", url.Values{"login": {"xem"}, "password": {"demo"}}); r.status != http.StatusSeeOther || r.location != "/" {
		t.Errorf("sign-in with the password alone: %d to %q", r.status, r.location)
	}
}

func itoa64(id int64) string { return strconv.FormatInt(id, 10) }
