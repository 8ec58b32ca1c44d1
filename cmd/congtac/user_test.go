package main

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"congtac"
	"congtac/store/storetest"
)

func TestMigrateThenUserAdd(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			env := map[string]string{"CONGTAC_DB": storetest.DSN(t, e)}
			r := runCLI(t, env, "", "migrate")
			if r.code != exitOK || !strings.Contains(r.stdout, "phiên bản") {
				t.Fatalf("migrate = %d, %q, %q", r.code, r.stdout, r.stderr)
			}
			r = runCLI(t, env, "mật khẩu an toàn\n", "user", "add", "-login", "Admin", "-role", "admin",
				"-org-name", "Ủy ban nhân dân tỉnh Bắc Ninh", "-name", "Quản trị viên")
			if r.code != exitOK {
				t.Fatalf("user add admin = %d, %q", r.code, r.stderr)
			}
			st := openStore(t, env["CONGTAC_DB"])
			ctx := context.Background()
			admin, err := st.FindUserByLogin(ctx, "admin")
			if err != nil {
				t.Fatalf("find admin: %v", err)
			}
			org, err := st.FindOrgByID(ctx, admin.OrgID)
			if err != nil || org.Name != "Ủy ban nhân dân tỉnh Bắc Ninh" || org.Kind != congtac.OrgCommittee {
				t.Errorf("admin's org = %+v, %v; want the new root committee", org, err)
			}
			if admin.Role != congtac.RoleAdmin || admin.DisplayName != "Quản trị viên" {
				t.Errorf("admin = %+v", admin)
			}
			if ok, err := congtac.CheckPassword(admin.PasswordHash, "mật khẩu an toàn"); !ok || err != nil {
				t.Errorf("stored hash does not check: %v, %v (hash %q)", ok, err, admin.PasswordHash)
			}
			orgID := strconv.FormatInt(org.ID, 10)
			userAddFollowUps(t, env, orgID)
			orgs, _ := st.FindOrgs(ctx, congtac.OrgFilter{})
			users, _ := st.FindUsers(ctx)
			if len(orgs) != 1 || len(users) != 2 {
				t.Errorf("after the failures: %d orgs and %d users, want 1 and 2", len(orgs), len(users))
			}
		})
	}
}

// userAddFollowUps adds a second account to a database with one org and checks that every
// mistake is refused with the right status and leaves nothing behind.
func userAddFollowUps(t *testing.T, env map[string]string, orgID string) {
	t.Helper()
	pw := "mật khẩu khác 2\n"
	tests := []struct {
		name  string
		stdin string
		args  []string
		code  int
		want  string
	}{
		{"no -org once orgs exist", pw, []string{"-login", "xem", "-role", "viewer"}, exitUsage, "cần -org"},
		{"-org-name once orgs exist", pw, []string{"-login", "xem", "-role", "viewer", "-org-name", "Khác"}, exitUsage, "fresh database only"},
		{"both -org and -org-name", pw, []string{"-login", "xem", "-role", "viewer", "-org", orgID, "-org-name", "Khác"}, exitUsage, "không dùng cả hai"},
		{"empty password", "\n", []string{"-login", "xem", "-role", "viewer", "-org", orgID}, exitUsage, "mật khẩu trống"},
		{"no password at all", "", []string{"-login", "xem", "-role", "viewer", "-org", orgID}, exitUsage, "mật khẩu trống"},
		{"short password", "ngắn\n", []string{"-login", "xem", "-role", "viewer", "-org", orgID}, exitUsage, "ít nhất 8 ký tự"},
		{"unknown org", pw, []string{"-login", "xem", "-role", "viewer", "-org", "999"}, exitFailure, "Không tìm thấy"},
		{"login taken", pw, []string{"-login", "admin", "-role", "viewer", "-org", orgID}, exitFailure, "đã có người dùng"},
		{"viewer", pw, []string{"-login", "xem", "-role", "viewer", "-org", orgID}, exitOK, ""},
	}
	for _, tt := range tests {
		r := runCLI(t, env, tt.stdin, append([]string{"user", "add"}, tt.args...)...)
		if r.code != tt.code || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("%s: exit %d, stderr %q; want %d and %q", tt.name, r.code, r.stderr, tt.code, tt.want)
		}
	}
}

func TestUserAddOnFreshDatabaseNeedsOrgName(t *testing.T) {
	env := safeEnv(t)
	r := runCLI(t, env, "mật khẩu an toàn\n", "user", "add", "-login", "admin", "-role", "admin")
	if r.code != exitUsage || !strings.Contains(r.stderr, "cần -org-name") {
		t.Errorf("exit %d, stderr %q; want 2 asking for -org-name", r.code, r.stderr)
	}
}
