package web

import (
	"fmt"
	"net/http"
	"testing"

	"congtac"
	"congtac/store/storetest"
	"congtac/vn"
)

func TestUserListShowsAccounts(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := newDemo(t, e)
			st.SetClock(testNow)
			if err := st.SignIn(ctxb, "phiên-xem", userByLogin(t, st, "xem").ID, "10.0.0.9", ""); err != nil {
				t.Fatal(err)
			}
			s, _ := newTestServer(t, st)
			srv := startServer(t, s)
			r := as(t, s, srv, "admin").get("/admin/users")
			mustStatus(t, "user list", r, http.StatusOK)
			assertContains(t, r.body, "phongbaocao", "Ngô Thị Mai", "Cán bộ báo cáo", "Sở Tài chính",
				"Chưa đăng nhập", vn.PaddedDate(demoToday)+" 09:00")
			mustStatus(t, "office head on the user list", as(t, s, srv, "cvp").get("/admin/users"), http.StatusForbidden)
		})
	}
}

func TestUserCreateNeedsAPassword(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := newDemo(t, e)
			s, _ := newTestServer(t, st)
			srv := startServer(t, s)
			admin := as(t, s, srv, "admin")
			finance := orgByShort(t, st, "STC")
			fields := vals("login", "thuky", "display_name", "Thư ký Sở", "role", "viewer", "org_id", idText(finance.ID))

			r := admin.post("/admin/users", fields)
			mustStatus(t, "an account without a password", r, http.StatusUnprocessableEntity)
			assertContains(t, r.body, "Hãy đặt mật khẩu ban đầu", `value="thuky"`, `value="Thư ký Sở"`)
			if _, err := st.FindUserByLogin(ctxb, "thuky"); congtac.ErrorCode(err) != congtac.ENOTFOUND {
				t.Errorf("the refused account exists: %v", err)
			}
			taken := vals("login", "xem", "role", "viewer", "org_id", idText(finance.ID), "password", "mật khẩu tạm 1")
			r = admin.post("/admin/users", taken)
			mustStatus(t, "a login already taken", r, http.StatusConflict)
			assertContains(t, r.body, "đã có người dùng")
			assertLacks(t, r.body, "mật khẩu tạm 1")

			fields.Set("password", "mật khẩu tạm 1")
			mustRedirect(t, "account creation", admin.post("/admin/users", fields), "/admin/users")
			u := userByLogin(t, st, "thuky")
			if u.Role != congtac.RoleViewer || u.OrgID != finance.ID || u.DisplayName != "Thư ký Sở" {
				t.Errorf("created account = %+v", u)
			}
			if r := signInForm(newClient(t, srv), "thuky", "mật khẩu tạm 1"); r.status != http.StatusSeeOther {
				t.Errorf("the new account signs in with %d, want 303", r.status)
			}
		})
	}
}

func TestUserUpdateResetAndDisable(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := newDemo(t, e)
			s, _ := newTestServer(t, st)
			srv := startServer(t, s)
			admin := as(t, s, srv, "admin")
			viewer := userByLogin(t, st, "xem")
			path := fmt.Sprintf("/admin/users/%d", viewer.ID)
			session := as(t, s, srv, "xem")

			r := admin.post(path+"/password", vals("new_password", "ngắn"))
			mustStatus(t, "a short reset password", r, http.StatusUnprocessableEntity)
			assertContains(t, r.body, "Mật khẩu cần ít nhất 8 ký tự.")
			mustRedirect(t, "password reset", admin.post(path+"/password", vals("new_password", "mật khẩu cấp lại")),
				fmt.Sprintf("/admin/users?edit=%d#sua", viewer.ID))
			if !isSignedOut(session) {
				t.Error("the reset did not end the account's session")
			}
			if r := signInForm(newClient(t, srv), "xem", "mật khẩu cấp lại"); r.status != http.StatusSeeOther {
				t.Errorf("sign-in with the reset password = %d", r.status)
			}

			session = as(t, s, srv, "xem")
			version := versionField(t, admin.get(fmt.Sprintf("/admin/users?edit=%d", viewer.ID)).body)
			update := vals("display_name", "Dương Thị Oanh", "role", "unit_head", "org_id", idText(orgByShort(t, st, "STC").ID),
				"person_id", idText(viewer.PersonID), "disabled", "1", "version", version)
			if r := admin.post(path, update); r.status != http.StatusSeeOther {
				t.Fatalf("account update = %d:\n%s", r.status, mainExcerpt(r.body))
			}
			if u := userByLogin(t, st, "xem"); u.Role != congtac.RoleUnitHead || !u.Disabled {
				t.Errorf("updated account = %+v", u)
			}
			if !isSignedOut(session) {
				t.Error("disabling the account did not end its session")
			}
			mustStatus(t, "update with a stale version", admin.post(path, update), http.StatusConflict)

			self := userByLogin(t, st, "admin")
			selfVersion := versionField(t, admin.get(fmt.Sprintf("/admin/users?edit=%d", self.ID)).body)
			r = admin.post(fmt.Sprintf("/admin/users/%d", self.ID), vals("display_name", "Quản trị", "role", "viewer",
				"org_id", idText(self.OrgID), "version", selfVersion))
			mustStatus(t, "demoting the last admin", r, http.StatusUnprocessableEntity)
			assertContains(t, r.body, "quản trị viên duy nhất")
		})
	}
}

func TestPermissionsTable(t *testing.T) {
	st := sharedDemo(t, storetest.Engines[0])
	s, _ := newTestServer(t, st)
	srv := startServer(t, s)
	r := as(t, s, srv, "admin").get("/admin/permissions")
	mustStatus(t, "permissions", r, http.StatusOK)
	for _, c := range congtac.Capabilities {
		assertContains(t, r.body, c.Label())
	}
	for _, role := range congtac.Roles {
		assertContains(t, r.body, role.Label())
	}
	assertContains(t, r.body, "Toàn hệ thống", "Đơn vị mình và cấp dưới", "Cả cấp trên", "Đơn vị mình")
	mustStatus(t, "office head on the permissions", as(t, s, srv, "cvp").get("/admin/permissions"), http.StatusForbidden)
}
