package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"congtac"
	"congtac/store"
)

// minPasswordLen is the shortest password user add accepts, in characters.
const minPasswordLen = 8

// userAddCmd creates an account: "congtac user add -login L -role R -org ID -name N", the
// password on one line of standard input. On a database without any organisation, -org 0
// and -org-name create the root committee first, so that the first admin can be made.
type userAddCmd struct {
	login, role, name, orgName string
	org                        int64
}

func (u *userAddCmd) flags(fs *flag.FlagSet, cfg *Config) {
	cfg.define(fs, "db")
	fs.StringVar(&u.login, "login", "", "tên đăng nhập: 2–40 ký tự a-z 0-9 . _ - (login, required)")
	fs.StringVar(&u.role, "role", "", "vai trò: "+roleList()+" (role, required)")
	fs.Int64Var(&u.org, "org", 0, "mã số cơ quan, đơn vị của tài khoản (organisation ID)")
	fs.StringVar(&u.orgName, "org-name", "", "tên Ủy ban nhân dân gốc, tạo mới khi cơ sở dữ liệu chưa có cơ quan nào và -org là 0 (root committee name, fresh database only)")
	fs.StringVar(&u.name, "name", "", "họ tên hiển thị; mặc định là tên đăng nhập (display name)")
}

// roleList lists the roles a user can be given: "admin (Quản trị hệ thống), …".
func roleList() string {
	var parts []string
	for _, r := range congtac.Roles {
		parts = append(parts, string(r)+" ("+r.Label()+")")
	}
	return strings.Join(parts, ", ")
}

// run checks the arguments and the password before touching the database, so that a
// mistake leaves nothing half made.
func (u *userAddCmd) run(ctx context.Context, c *cli, cfg Config) error {
	user, err := u.user()
	if err != nil {
		return err
	}
	pw, err := readPassword(c)
	if err != nil {
		return err
	}
	if user.PasswordHash, err = congtac.HashPassword(pw); err != nil {
		return err
	}
	st, err := openMigrated(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	org, err := u.resolveOrg(ctx, st)
	if err != nil {
		return err
	}
	user.OrgID = org.ID
	if user, err = st.CreateUser(ctx, congtac.System, user); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Đã tạo tài khoản %s, vai trò %s, thuộc %s (mã số cơ quan %d); mã số tài khoản %d.\n",
		user.Login, user.Role.Label(), org.Name, org.ID, user.ID)
	return nil
}

// user returns the account the flags describe, validated but for its org.
func (u *userAddCmd) user() (congtac.User, error) {
	if u.login == "" || u.role == "" {
		return congtac.User{}, usagef("cần -login và -role (missing -login or -role)")
	}
	role := congtac.Role(u.role)
	if !role.Valid() {
		return congtac.User{}, usagef("vai trò -role %q không có; chọn một trong: %s (unknown role)", u.role, roleList())
	}
	if u.org < 0 {
		return congtac.User{}, usagef("-org phải là số dương (invalid organisation ID)")
	}
	name := strings.TrimSpace(u.name)
	if name == "" {
		name = u.login
	}
	user := congtac.User{Login: strings.ToLower(strings.TrimSpace(u.login)), Role: role, DisplayName: name}
	probe := user
	probe.OrgID = 1 // the org is checked against the database later
	if err := probe.Validate(); err != nil {
		return congtac.User{}, err
	}
	return user, nil
}

// readPassword reads the password from the first line of standard input. It echoes when
// typed at a terminal, so scripts should pipe it in; it is never taken from a flag, where
// it would show in the process list and the shell history.
func readPassword(c *cli) (string, error) {
	if f, ok := c.stdin.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			fmt.Fprint(c.stderr, "Mật khẩu (password, hiện trên màn hình / echoed): ")
		}
	}
	line, err := bufio.NewReader(c.stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("đọc mật khẩu (read password): %w", err)
	}
	pw := strings.TrimRight(line, "\r\n")
	switch {
	case pw == "":
		return "", usagef("mật khẩu trống: ghi mật khẩu trên một dòng vào đầu vào chuẩn (empty password on stdin)")
	case utf8.RuneCountInString(pw) < minPasswordLen:
		return "", usagef("mật khẩu cần ít nhất %d ký tự (password too short)", minPasswordLen)
	}
	return pw, nil
}

// resolveOrg returns the org of -org, or, on a database without orgs, the root committee
// it creates from -org-name.
func (u *userAddCmd) resolveOrg(ctx context.Context, st *store.Store) (congtac.Org, error) {
	full, err := hasData(ctx, st)
	if err != nil {
		return congtac.Org{}, err
	}
	switch {
	case u.org != 0 && u.orgName != "":
		return congtac.Org{}, usagef("dùng -org hoặc -org-name, không dùng cả hai (use one of -org, -org-name)")
	case u.org != 0:
		return st.FindOrgByID(ctx, u.org)
	case full && u.orgName != "":
		return congtac.Org{}, usagef("cơ sở dữ liệu đã có cơ quan; chọn cơ quan bằng -org (-org-name is for a fresh database only)%s", rootOrgs(ctx, st))
	case full:
		return congtac.Org{}, usagef("cần -org: mã số cơ quan, đơn vị của tài khoản (missing -org)%s", rootOrgs(ctx, st))
	case strings.TrimSpace(u.orgName) == "":
		return congtac.Org{}, usagef("cơ sở dữ liệu chưa có cơ quan nào: cần -org-name, ví dụ -org-name \"Ủy ban nhân dân tỉnh Bắc Ninh\" (fresh database: -org-name required)")
	}
	today := congtac.DateOf(time.Now(), congtac.Location())
	return st.CreateOrg(ctx, congtac.System, congtac.Org{Kind: congtac.OrgCommittee, Name: u.orgName,
		ShortName: "UBND", ValidFrom: today})
}

// rootOrgs lists the top-level orgs for a hint: "\nCơ quan gốc: 1 Ủy ban nhân dân tỉnh …".
func rootOrgs(ctx context.Context, st *store.Store) string {
	orgs, err := st.FindOrgs(ctx, congtac.OrgFilter{Limit: 10}) // roots come first
	if err != nil {
		return ""
	}
	var b strings.Builder
	for _, o := range orgs {
		if o.ParentID == 0 {
			fmt.Fprintf(&b, "\n  %d  %s", o.ID, o.Name)
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return "\nCơ quan gốc (root organisations):" + b.String()
}
