package store_test

import (
	"database/sql"
	"fmt"
	"strings"
	"testing"
	"time"

	"congtac"
	"congtac/clocktest"
	"congtac/store"
	"congtac/store/storetest"
)

func TestUpdateUser(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		id := f.reporterA.UserID
		if _, _, err := s.SetPassword(ctx, congtac.System, id, "$argon2id$v=19$m=65536,t=3,p=2$c2FsdA$a2V5", ""); err != nil {
			t.Fatal(err)
		}
		u, err := s.FindUserByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.UpdateUser(ctx, congtac.System, id, u.Version, congtac.UserUpdate{
			DisplayName: ptr(" Tra\u0302\u0300n Thi\u0323 Ba "), Role: ptr(congtac.RoleUnitHead), OrgID: ptr(f.deptB.ID),
			PersonID: ptr(f.leader.ID)})
		if err != nil {
			t.Fatal(err)
		}
		if got.DisplayName != "Trần Thị Ba" || got.Role != congtac.RoleUnitHead || got.OrgID != f.deptB.ID ||
			got.PersonID != f.leader.ID || got.Version != u.Version+1 || got.Login != u.Login {
			t.Errorf("updated user = %+v", got)
		}
		if again, _ := s.FindUserByID(ctx, id); again != got {
			t.Errorf("stored user = %+v, want %+v", again, got)
		}
		events, _, _ := s.FindAuditEvents(ctx, congtac.System, congtac.AuditFilter{Entity: "user", EntityID: &id})
		if len(events) == 0 || events[0].Action != "update" || events[0].OrgID != f.deptB.ID ||
			strings.Contains(events[0].Before+events[0].After, "argon2") || !strings.Contains(events[0].After, "Trần Thị Ba") {
			t.Errorf("audit of the update = %+v", events[0])
		}

		for name, tc := range map[string]struct {
			version int
			up      congtac.UserUpdate
			code    string
		}{
			"stale version":  {u.Version, congtac.UserUpdate{DisplayName: ptr("x")}, congtac.ECONFLICT},
			"bad role":       {got.Version, congtac.UserUpdate{Role: ptr(congtac.Role("boss"))}, congtac.EINVALID},
			"public role":    {got.Version, congtac.UserUpdate{Role: ptr(congtac.RolePublic)}, congtac.EINVALID},
			"no org":         {got.Version, congtac.UserUpdate{OrgID: ptr(int64(0))}, congtac.EINVALID},
			"unknown org":    {got.Version, congtac.UserUpdate{OrgID: ptr(int64(99999))}, congtac.ENOTFOUND},
			"unknown person": {got.Version, congtac.UserUpdate{PersonID: ptr(int64(99999))}, congtac.ENOTFOUND},
		} {
			if _, err := s.UpdateUser(ctx, congtac.System, id, tc.version, tc.up); congtac.ErrorCode(err) != tc.code {
				t.Errorf("%s: %v, want %s", name, err, tc.code)
			}
		}
		if _, err := s.UpdateUser(ctx, congtac.System, 99999, 1, congtac.UserUpdate{}); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Errorf("unknown user: %v, want ENOTFOUND", err)
		}
		if again, _ := s.FindUserByID(ctx, id); again != got {
			t.Errorf("failed updates changed the user: %+v", again)
		}
		if unlinked, err := s.UpdateUser(ctx, congtac.System, id, got.Version, congtac.UserUpdate{PersonID: ptr(int64(0))}); err != nil || unlinked.PersonID != 0 {
			t.Errorf("unlink person = %+v, %v", unlinked, err)
		}
	})
}

func TestDisablingAUserEndsItsSessions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		for _, tok := range []string{"r1", "r2"} {
			if err := s.Sessions().Commit(tok, []byte("d"), s.Clock()().Add(time.Hour)); err != nil {
				t.Fatal(err)
			}
			user := f.reporterA.UserID
			if tok == "r2" {
				user = f.drafter.UserID
			}
			if err := s.SignIn(ctx, tok, user, "", ""); err != nil {
				t.Fatal(err)
			}
		}
		u, _ := s.FindUserByID(ctx, f.reporterA.UserID)
		if _, err := s.UpdateUser(ctx, congtac.System, u.ID, u.Version, congtac.UserUpdate{Disabled: ptr(true)}); err != nil {
			t.Fatal(err)
		}
		if _, found, _ := s.Sessions().Find("r1"); found {
			t.Error("the disabled user's session is still found")
		}
		if _, found, _ := s.Sessions().Find("r2"); !found {
			t.Error("another user's session ended too")
		}
	})
}

func TestTheLastAdminStays(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		admin, err := s.CreateUser(ctx, congtac.System, congtac.User{Login: "quantri", Role: congtac.RoleAdmin, OrgID: f.office.ID})
		if err != nil {
			t.Fatal(err)
		}
		for name, up := range map[string]congtac.UserUpdate{
			"disable": {Disabled: ptr(true)},
			"demote":  {Role: ptr(congtac.RoleViewer)},
		} {
			if _, err := s.UpdateUser(ctx, congtac.System, admin.ID, admin.Version, up); congtac.ErrorCode(err) != congtac.EINVALID {
				t.Errorf("%s the only admin: %v, want EINVALID", name, err)
			}
		}
		if _, err := s.UpdateUser(ctx, congtac.System, admin.ID, admin.Version, congtac.UserUpdate{DisplayName: ptr("Quản trị")}); err != nil {
			t.Errorf("renaming the only admin: %v", err)
		}
		if _, err := s.CreateUser(ctx, congtac.System, congtac.User{Login: "quantri2", Role: congtac.RoleAdmin, OrgID: f.office.ID}); err != nil {
			t.Fatal(err)
		}
		admin, _ = s.FindUserByID(ctx, admin.ID)
		if _, err := s.UpdateUser(ctx, congtac.System, admin.ID, admin.Version, congtac.UserUpdate{Disabled: ptr(true)}); err != nil {
			t.Errorf("disabling one of two admins: %v", err)
		}
	})
}

// openSessions opens a live session of user userID for each token, as a sign-in does.
func openSessions(t *testing.T, s *store.Store, userID int64, tokens ...string) {
	t.Helper()
	for _, token := range tokens {
		if err := s.Sessions().Commit(token, []byte("d"), clocktest.Now().Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if err := s.SignIn(ctx, token, userID, "", ""); err != nil {
			t.Fatal(err)
		}
	}
}

// liveSessions returns how many live sessions user userID has.
func liveSessions(t *testing.T, s *store.Store, userID int64) int {
	t.Helper()
	got, err := s.FindSessions(ctx, userID)
	if err != nil {
		t.Fatal(err)
	}
	return len(got)
}

// TestSetTOTPSecret: a change of the second factor ends the account's other sessions in
// the same use case (issue 10: it was two transactions composed in web).
func TestSetTOTPSecret(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		id := f.chair.UserID
		const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
		before, _ := s.FindUserByID(ctx, id)
		openSessions(t, s, id, "này", "khác-1", "khác-2")
		if n, err := s.SetTOTPSecret(ctx, f.chair, id, " "+strings.ToLower(secret)+" ", "này"); err != nil || n != 2 {
			t.Fatalf("turning on = %d sessions ended, %v; want the 2 others", n, err)
		}
		if got := liveSessions(t, s, id); got != 1 {
			t.Errorf("after turning on: %d live sessions, want the one kept", got)
		}
		u, _ := s.FindUserByID(ctx, id)
		if u.TOTPSecret != secret || u.Version != before.Version+1 {
			t.Errorf("after turning on: secret %q, version %d; want %q, %d", u.TOTPSecret, u.Version, secret, before.Version+1)
		}
		for name, bad := range map[string]string{"not base32": "JBSWY3DP!HPK3PXP", "too short": "JBSWY3DPEHPK3PXP"} {
			if _, err := s.SetTOTPSecret(ctx, f.chair, id, bad, ""); congtac.ErrorCode(err) != congtac.EINVALID {
				t.Errorf("%s: %v, want EINVALID", name, err)
			}
		}
		if _, err := s.SetTOTPSecret(ctx, congtac.System, 99999, secret, ""); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Errorf("unknown user: %v, want ENOTFOUND", err)
		}
		if _, err := s.SetTOTPSecret(ctx, f.drafter, id, "", ""); congtac.ErrorCode(err) != congtac.EFORBIDDEN {
			t.Errorf("a drafter turning off the chair's factor: %v, want EFORBIDDEN", err)
		}
		if u, _ := s.FindUserByID(ctx, id); u.TOTPSecret != secret || liveSessions(t, s, id) != 1 {
			t.Errorf("a refused change changed the account: secret %q, %d live sessions", u.TOTPSecret, liveSessions(t, s, id))
		}
		if n, err := s.SetTOTPSecret(ctx, congtac.System, id, "", ""); err != nil || n != 1 {
			t.Fatalf("an administrator's reset = %d sessions ended, %v; want 1", n, err)
		}
		if u, _ := s.FindUserByID(ctx, id); u.TOTPSecret != "" {
			t.Errorf("after turning off: secret %q, want empty", u.TOTPSecret)
		}
		events, _, _ := s.FindAuditEvents(ctx, congtac.System, congtac.AuditFilter{Entity: "user", EntityID: &id})
		var afters []string
		for _, e := range events {
			if e.Action == "set_totp" {
				afters = append(afters, e.After)
			}
			if strings.Contains(e.Before+e.After, secret) || strings.Contains(e.Before+e.After, strings.ToLower(secret)) {
				t.Errorf("audit event %s holds the secret: %s", e.Action, e.After)
			}
		}
		if strings.Join(afters, " ") != `{"enabled":false} {"enabled":true}` {
			t.Errorf("set_totp events = %v, want off then on, newest first", afters)
		}
	})
}

func TestSignInAndPasswordTimes(t *testing.T) {
	eachRaw(t, func(t *testing.T, s *store.Store, db *sql.DB) {
		c := newClock(s)
		f := newFixture(t, s)
		id := f.drafter.UserID
		times := func() (signIn, password sql.NullInt64) {
			t.Helper()
			if err := db.QueryRowContext(ctx, "SELECT last_sign_in_at, password_changed_at FROM users WHERE id = $1",
				id).Scan(&signIn, &password); err != nil {
				t.Fatal(err)
			}
			return signIn, password
		}
		if si, pw := times(); si.Valid || pw.Valid {
			t.Errorf("new account: sign-in %v, password %v; want NULL", si, pw)
		}
		before, _ := s.FindUserByID(ctx, id)
		if err := s.SignIn(ctx, "phiên-1", id, " 203.0.113.5 ", ""); err != nil {
			t.Fatal(err)
		}
		if si, _ := times(); si.Int64 != c.t.Unix() {
			t.Errorf("last_sign_in_at = %v, want %d", si, c.t.Unix())
		}
		if u, _ := s.FindUserByID(ctx, id); u.Version != before.Version || u.LastSignInAt.Unix() != c.t.Unix() {
			t.Errorf("after sign-in: version %d (was %d), last sign-in %v; want the same version and %v",
				u.Version, before.Version, u.LastSignInAt, c.t)
		}
		events, _, _ := s.FindAuditEvents(ctx, congtac.System, congtac.AuditFilter{Entity: "user", EntityID: &id})
		if len(events) == 0 || events[0].Action != "sign_in" || events[0].UserID != id ||
			events[0].Address != "203.0.113.5" || events[0].OrgID != f.committee.ID {
			t.Errorf("sign-in event = %+v", events)
		}
		if err := s.SignIn(ctx, "phiên-2", 99999, "", ""); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Errorf("sign-in of an unknown user: %v, want ENOTFOUND", err)
		}

		c.add(time.Hour)
		if _, _, err := s.SetPassword(ctx, f.drafter, id, "$argon2id$new", ""); err != nil {
			t.Fatal(err)
		}
		if si, pw := times(); pw.Int64 != c.t.Unix() || si.Int64 != c.t.Add(-time.Hour).Unix() {
			t.Errorf("after SetPassword: password_changed_at %v, sign-in %v; want %d and unchanged", pw, si, c.t.Unix())
		}
		if _, _, err := s.SetPassword(ctx, f.drafter, 99999, "x", ""); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Errorf("password of an unknown user: %v, want ENOTFOUND", err)
		}
	})
}

func TestUpdatePerson(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		p := f.leader
		got, err := s.UpdatePerson(ctx, congtac.System, p.ID, p.Version, congtac.PersonUpdate{
			FullName: ptr("  Lê   Văn  Tám "), Email: ptr(" tam@anbinh.gov.vn "), Phone: ptr("0912 345 678"), OrgID: ptr(f.office.ID)})
		if err != nil {
			t.Fatal(err)
		}
		want := congtac.Person{ID: p.ID, FullName: "Lê Văn Tám", OrgID: f.office.ID, Email: "tam@anbinh.gov.vn",
			Phone: "0912 345 678", Version: p.Version + 1}
		if got != want {
			t.Errorf("updated person = %+v, want %+v", got, want)
		}
		found, err := s.FindPeople(ctx, congtac.PersonFilter{Query: "tam"})
		if err != nil || len(found) != 1 || found[0] != want {
			t.Errorf("search for the new name = %+v, %v", found, err)
		}
		if old, _ := s.FindPeople(ctx, congtac.PersonFilter{Query: "duc"}); len(old) != 0 {
			t.Errorf("search for the old name still finds %+v", old)
		}
		for name, tc := range map[string]struct {
			version int
			up      congtac.PersonUpdate
			code    string
		}{
			"stale version": {p.Version, congtac.PersonUpdate{Phone: ptr("1")}, congtac.ECONFLICT},
			"empty name":    {got.Version, congtac.PersonUpdate{FullName: ptr("  ")}, congtac.EINVALID},
			"bad e-mail":    {got.Version, congtac.PersonUpdate{Email: ptr("tam at anbinh")}, congtac.EINVALID},
			"unknown org":   {got.Version, congtac.PersonUpdate{OrgID: ptr(int64(99999))}, congtac.ENOTFOUND},
		} {
			if _, err := s.UpdatePerson(ctx, congtac.System, p.ID, tc.version, tc.up); congtac.ErrorCode(err) != tc.code {
				t.Errorf("%s: %v, want %s", name, err, tc.code)
			}
		}
		if _, err := s.UpdatePerson(ctx, congtac.System, 99999, 1, congtac.PersonUpdate{}); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Errorf("unknown person: %v, want ENOTFOUND", err)
		}
		id := p.ID
		events, _, _ := s.FindAuditEvents(ctx, congtac.System, congtac.AuditFilter{Entity: "person", EntityID: &id})
		if len(events) != 2 || events[0].Action != "update" || !strings.Contains(events[0].Before, "Nguyễn Văn Đức") ||
			!strings.Contains(events[0].After, "Lê Văn Tám") {
			t.Errorf("person audit = %+v", events)
		}
	})
}

func TestEndPost(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		post, err := s.CreatePost(ctx, congtac.System, congtac.Post{PersonID: f.leader.ID, OrgID: f.committee.ID,
			Kind: congtac.PostChairman, From: congtac.MustDate(2021, 6, 1)})
		if err != nil {
			t.Fatal(err)
		}
		held := func(d congtac.Date) int {
			posts, err := s.FindPosts(ctx, congtac.PostFilter{PersonID: &f.leader.ID, HeldOn: &d})
			if err != nil {
				t.Fatal(err)
			}
			return len(posts)
		}
		if err := s.EndPost(ctx, congtac.System, post.ID, congtac.MustDate(2021, 5, 31)); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("end before the start: %v, want EINVALID", err)
		}
		if err := s.EndPost(ctx, congtac.System, post.ID, congtac.Date{}); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("end without a date: %v, want EINVALID", err)
		}
		if err := s.EndPost(ctx, congtac.System, 99999, congtac.MustDate(2025, 7, 1)); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Errorf("unknown post: %v, want ENOTFOUND", err)
		}
		if held(congtac.MustDate(2025, 7, 2)) != 1 {
			t.Fatal("post not held before it ended")
		}
		if err := s.EndPost(ctx, congtac.System, post.ID, congtac.MustDate(2025, 6, 30)); err != nil {
			t.Fatal(err)
		}
		if got := [2]int{held(congtac.MustDate(2025, 6, 30)), held(congtac.MustDate(2025, 7, 1))}; got != [2]int{1, 0} {
			t.Errorf("held on the last day and the day after = %v, want [1 0]", got)
		}
		if err := s.EndPost(ctx, congtac.System, post.ID, congtac.MustDate(2025, 8, 1)); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("ending an ended post: %v, want EINVALID", err)
		}
		id := post.ID
		events, _, _ := s.FindAuditEvents(ctx, congtac.System, congtac.AuditFilter{Entity: "post", EntityID: &id})
		if len(events) != 2 || events[0].Action != "end" || !strings.Contains(events[0].After, "2025-06-30") {
			t.Errorf("post audit = %+v", events)
		}
	})
}

// TestConcurrentDemotionsKeepAnAdmin demotes every admin at once: one demotion must fail,
// so that one admin is left, on both engines.
func TestConcurrentDemotionsKeepAnAdmin(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		var admins []congtac.User
		for _, login := range []string{"qt1", "qt2", "qt3", "qt4", "qt5"} {
			u, err := s.CreateUser(ctx, congtac.System, congtac.User{Login: login, Role: congtac.RoleAdmin, OrgID: f.office.ID})
			if err != nil {
				t.Fatal(err)
			}
			admins = append(admins, u)
		}
		errs := make(chan error, len(admins))
		for _, u := range admins {
			go func() {
				_, err := s.UpdateUser(ctx, congtac.System, u.ID, u.Version, congtac.UserUpdate{Role: ptr(congtac.RoleViewer)})
				errs <- err
			}()
		}
		refused := 0
		for range admins {
			switch err := <-errs; congtac.ErrorCode(err) {
			case congtac.EINVALID:
				refused++
			case "":
			default:
				t.Errorf("demotion: %v", err)
			}
		}
		left := 0
		users, _ := s.FindUsers(ctx)
		for _, u := range users {
			if u.Role == congtac.RoleAdmin && !u.Disabled {
				left++
			}
		}
		if refused != 1 || left != 1 {
			t.Errorf("%d demotions refused, %d admins left; want 1 and 1", refused, left)
		}
	})
}

// TestCreateUserRaceIsConflict: administrators creating the same login at the same time get
// one account and ECONFLICT naming the login, never an internal error, on both engines
// (PostgreSQL's unique index settles the race the count check cannot see).
func TestCreateUserRaceIsConflict(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		const rounds, tries = 10, 6
		for round := range rounds {
			login := fmt.Sprintf("dongthoi%d", round)
			start, errs := make(chan struct{}), make(chan error, tries)
			for range tries {
				go func() {
					<-start
					_, err := s.CreateUser(ctx, congtac.System, congtac.User{Login: login, Role: congtac.RoleViewer,
						OrgID: f.deptA.ID, DisplayName: "Đồng thời"})
					errs <- err
				}()
			}
			close(start)
			made := 0
			for range tries {
				switch err := <-errs; congtac.ErrorCode(err) {
				case "":
					made++
				case congtac.ECONFLICT:
					if congtac.FieldErrors(err)["login"] == "" {
						t.Errorf("conflict without the login named: %v", err)
					}
				default:
					t.Errorf("create %s: %v", login, err)
				}
			}
			if made != 1 {
				t.Errorf("%d accounts %s made, want 1", made, login)
			}
		}
	})
}

// TestFindPeopleByIDs reads several people in one call: the named ones that exist, none
// for an empty list, everyone for a nil one.
func TestFindPeopleByIDs(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		other, err := s.CreatePerson(ctx, congtac.System, congtac.Person{FullName: "Trần Thị Ánh", OrgID: f.office.ID})
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.FindPeople(ctx, congtac.PersonFilter{IDs: []int64{other.ID, 99999, f.leader.ID}})
		if err != nil || len(got) != 2 || got[0].ID != other.ID || got[1].ID != f.leader.ID {
			t.Errorf("FindPeople(IDs) = %+v, %v; want Ánh and the leader, in Vietnamese order", got, err)
		}
		if got, err := s.FindPeople(ctx, congtac.PersonFilter{IDs: []int64{}}); err != nil || len(got) != 0 {
			t.Errorf("FindPeople(no IDs) = %+v, %v; want nobody", got, err)
		}
		if all, err := s.FindPeople(ctx, congtac.PersonFilter{}); err != nil || len(all) < 2 {
			t.Errorf("FindPeople() = %d people, %v; want everyone", len(all), err)
		}
	})
}
