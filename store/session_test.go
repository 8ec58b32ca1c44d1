package store_test

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"

	"github.com/alexedwards/scs/v2"
)

// eachRaw is storetest.Each with a second, plain connection to the same database, for tests
// that look at what is stored.
func eachRaw(t *testing.T, fn func(t *testing.T, s *store.Store, db *sql.DB)) {
	t.Helper()
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			dsn := storetest.DSN(t, e)
			s := openOn(t, dsn)
			driver := "sqlite"
			if e == store.Postgres {
				driver = "pgx"
			}
			db, err := sql.Open(driver, dsn)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			fn(t, s, db)
		})
	}
}

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// clock is a settable store clock.
type clock struct{ t time.Time }

// newClock sets s's clock to a fixed instant that tests move by hand.
func newClock(s *store.Store) *clock {
	c := &clock{t: time.Date(2025, 3, 10, 2, 0, 0, 0, time.UTC)}
	s.SetClock(func() time.Time { return c.t })
	return c
}

func (c *clock) add(d time.Duration)          { c.t = c.t.Add(d) }
func (c *clock) in(d time.Duration) time.Time { return c.t.Add(d) }

func TestSessionStoreRoundTrip(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		c := newClock(s)
		ss := s.Sessions()
		find := func(token string) ([]byte, bool) {
			t.Helper()
			b, found, err := ss.FindCtx(ctx, token)
			if err != nil {
				t.Fatalf("find %s: %v", token, err)
			}
			return b, found
		}
		if b, found := find("unknown"); found || b != nil {
			t.Errorf("unknown token: %q, %v; want not found", b, found)
		}
		if err := ss.Commit("tok1", []byte("first"), c.in(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if b, found, err := ss.Find("tok1"); err != nil || !found || string(b) != "first" {
			t.Errorf("after commit: %q, %v, %v; want first", b, found, err)
		}
		if err := ss.CommitCtx(ctx, "tok1", []byte("second"), c.in(2*time.Hour)); err != nil {
			t.Fatal(err)
		}
		if b, found := find("tok1"); !found || string(b) != "second" {
			t.Errorf("after second commit: %q, %v; want second", b, found)
		}
		if err := ss.Commit("stale", []byte("x"), c.in(-time.Second)); err != nil {
			t.Fatal(err)
		}
		if _, found := find("stale"); found {
			t.Error("a session committed already expired was found")
		}
		c.add(2*time.Hour + time.Second)
		if _, found := find("tok1"); found {
			t.Error("tok1 found after its expiry")
		}
		c.add(-2 * time.Hour)
		if _, found := find("tok1"); !found {
			t.Fatal("tok1 not found before its expiry")
		}
		if err := ss.Delete("tok1"); err != nil {
			t.Fatal(err)
		}
		if _, found := find("tok1"); found {
			t.Error("tok1 found after Delete")
		}
		if err := ss.DeleteCtx(ctx, "never-was"); err != nil {
			t.Errorf("delete of an unknown token: %v, want nil", err)
		}
	})
}

// TestSessionsThroughSCS runs scs's own middleware on the store: a sign-in renews the token
// and binds the session before scs commits it, the next request reads the data back, and
// sign-out destroys it.
func TestSessionsThroughSCS(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		s.SetClock(time.Now) // scs reckons expiries on the wall clock
		sm := scs.New()
		sm.Store = s.Sessions()
		mux := http.NewServeMux()
		mux.HandleFunc("POST /login", func(w http.ResponseWriter, r *http.Request) {
			if err := sm.RenewToken(r.Context()); err != nil {
				t.Error(err)
			}
			sm.Put(r.Context(), "user_id", f.drafter.UserID)
			if err := s.SignIn(r.Context(), sm.Token(r.Context()), f.drafter.UserID, "203.0.113.7", "Firefox"); err != nil {
				t.Errorf("bind: %v", err)
			}
		})
		mux.HandleFunc("GET /me", func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, sm.GetInt64(r.Context(), "user_id"))
		})
		mux.HandleFunc("POST /logout", func(w http.ResponseWriter, r *http.Request) {
			if err := sm.Destroy(r.Context()); err != nil {
				t.Error(err)
			}
		})
		h := sm.LoadAndSave(mux)
		do := func(method, path string, cookie *http.Cookie) *httptest.ResponseRecorder {
			r := httptest.NewRequest(method, path, nil)
			if cookie != nil {
				r.AddCookie(cookie)
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			return w
		}
		res := do("POST", "/login", nil).Result()
		if len(res.Cookies()) != 1 {
			t.Fatalf("sign-in set %d cookies, want 1", len(res.Cookies()))
		}
		cookie := res.Cookies()[0]
		if got, want := do("GET", "/me", cookie).Body.String(), fmt.Sprint(f.drafter.UserID); got != want {
			t.Errorf("user in session = %q, want %q", got, want)
		}
		sessions, err := s.FindSessions(ctx, f.drafter.UserID)
		if err != nil {
			t.Fatal(err)
		}
		if len(sessions) != 1 || sessions[0].ID != store.SessionID(cookie.Value) ||
			sessions[0].Address != "203.0.113.7" || sessions[0].Agent != "Firefox" {
			t.Errorf("sessions after sign-in = %+v, want the one of the cookie", sessions)
		}
		do("POST", "/logout", cookie)
		if got := do("GET", "/me", cookie).Body.String(); got != "0" {
			t.Errorf("user after sign-out = %q, want 0", got)
		}
		if sessions, _ := s.FindSessions(ctx, f.drafter.UserID); len(sessions) != 0 {
			t.Errorf("sessions after sign-out = %+v, want none", sessions)
		}
	})
}

func TestSessionTokensAreNotStored(t *testing.T) {
	eachRaw(t, func(t *testing.T, s *store.Store, db *sql.DB) {
		f := newFixture(t, s)
		token := "Jx3q_secret-session-token-0123456789abcdefgh"
		if err := s.Sessions().Commit(token, []byte("data"), s.Clock()().Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if err := s.SignIn(ctx, token, f.drafter.UserID, "198.51.100.1", "Chrome"); err != nil {
			t.Fatal(err)
		}
		rows, err := db.QueryContext(ctx, "SELECT token_hash, data, address, agent FROM sessions")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		n := 0
		for rows.Next() {
			var hash, address, agent string
			var data []byte
			if err := rows.Scan(&hash, &data, &address, &agent); err != nil {
				t.Fatal(err)
			}
			n++
			if hash != sha256Hex(token) {
				t.Errorf("token_hash = %q, want the SHA-256 of the token", hash)
			}
			for _, v := range []string{hash, string(data), address, agent} {
				if strings.Contains(v, token) {
					t.Errorf("a session column holds the raw token: %q", v)
				}
			}
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("%d session rows, want 1", n)
		}
	})
}

func TestBindFindAndEndSessions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		c := newClock(s)
		f := newFixture(t, s)
		ss := s.Sessions()
		alice, bob := f.drafter.UserID, f.chair.UserID
		open := func(token string, user int64, agent string) {
			t.Helper()
			if err := ss.Commit(token, []byte("d-"+token), c.in(24*time.Hour)); err != nil {
				t.Fatal(err)
			}
			if err := s.SignIn(ctx, token, user, " 192.0.2.1 ", agent); err != nil {
				t.Fatal(err)
			}
			c.add(time.Minute)
		}
		open("a1", alice, "Firefox")
		open("a2", alice, strings.Repeat("x", 400))
		open("b1", bob, "Safari")

		// Bound before scs commits: not live until the commit, then live and still bound.
		if err := s.SignIn(ctx, "a3", alice, "192.0.2.9", "Edge"); err != nil {
			t.Fatal(err)
		}
		if _, found, _ := ss.Find("a3"); found {
			t.Error("a session bound but not committed was found")
		}
		if got, _ := s.FindSessions(ctx, alice); len(got) != 2 {
			t.Errorf("before commit: %d sessions listed, want 2", len(got))
		}
		if err := ss.Commit("a3", []byte("d-a3"), c.in(24*time.Hour)); err != nil {
			t.Fatal(err)
		}
		got, err := s.FindSessions(ctx, alice)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, se := range got {
			ids = append(ids, se.ID)
			if se.UserID != alice {
				t.Errorf("session %s of user %d, want %d", se.ID, se.UserID, alice)
			}
		}
		want := []string{store.SessionID("a3"), store.SessionID("a2"), store.SessionID("a1")}
		if fmt.Sprint(ids) != fmt.Sprint(want) {
			t.Fatalf("alice's sessions = %v, want newest first %v", ids, want)
		}
		if got[0].Address != "192.0.2.9" || got[0].Agent != "Edge" || got[2].Address != "192.0.2.1" {
			t.Errorf("address/agent = %q %q, %q; want kept through commit and trimmed", got[0].Address, got[0].Agent, got[2].Address)
		}
		if n := len([]rune(got[1].Agent)); n != 300 {
			t.Errorf("a 400-character agent kept %d characters, want 300", n)
		}
		if !got[2].Expiry.Equal(got[2].CreatedAt.Add(24*time.Hour)) || got[2].LastSeenAt.Before(got[2].CreatedAt) {
			t.Errorf("times of a1: %+v", got[2])
		}
		if err := s.SignIn(ctx, "b1", alice, "", ""); err == nil {
			t.Error("binding bob's session to alice succeeded; want an error")
		}
		if err := s.SignIn(ctx, "zz", 99999, "", ""); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Errorf("bind to an unknown user: %v, want ENOTFOUND", err)
		}

		for _, id := range []string{store.SessionID("b1"), "zz", strings.ToUpper(store.SessionID("a1")), store.SessionID("nope")} {
			if err := s.EndSession(ctx, f.drafter, alice, id); congtac.ErrorCode(err) != congtac.ENOTFOUND {
				t.Errorf("alice ends %q: %v, want ENOTFOUND", id, err)
			}
		}
		if _, found, _ := ss.Find("b1"); !found {
			t.Error("bob's session ended by alice's request")
		}
		if err := s.EndSession(ctx, f.drafter, alice, store.SessionID("a1")); err != nil {
			t.Fatal(err)
		}
		if _, found, _ := ss.Find("a1"); found {
			t.Error("a1 found after EndSession")
		}
		if err := s.EndSession(ctx, f.drafter, alice, store.SessionID("a1")); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Errorf("ending a1 twice: %v, want ENOTFOUND", err)
		}
		assertAudit(t, s, alice, "end_session", `"session":"`+store.SessionID("a1")+`"`)

		// An expired session of alice's is removed but not counted as ended.
		if err := ss.Commit("old", nil, c.in(-time.Minute)); err != nil {
			t.Fatal(err)
		}
		if err := s.SignIn(ctx, "old", alice, "", ""); err != nil {
			t.Fatal(err)
		}
		n, err := s.EndSessions(ctx, f.drafter, alice, "a2")
		if err != nil || n != 1 {
			t.Errorf("EndSessions = %d, %v; want 1 (a3)", n, err)
		}
		for token, live := range map[string]bool{"a2": true, "a3": false, "b1": true} {
			if _, found, _ := ss.Find(token); found != live {
				t.Errorf("after EndSessions, %s found = %v, want %v", token, found, live)
			}
		}
		assertAudit(t, s, alice, "end_sessions", `"ended":1`)
		if n, err := s.EndSessions(ctx, f.chair, bob, ""); err != nil || n != 1 {
			t.Errorf("EndSessions of bob without a current session = %d, %v; want 1", n, err)
		}
		if _, err := s.EndSessions(ctx, f.chair, 99999, ""); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Errorf("EndSessions of an unknown user: %v, want ENOTFOUND", err)
		}
	})
}

// assertAudit checks that the newest audit event of the user's record has the action and
// that its after-image contains want.
func assertAudit(t *testing.T, s *store.Store, userID int64, action, want string) {
	t.Helper()
	events, _, err := s.FindAuditEvents(ctx, congtac.System, congtac.AuditFilter{Entity: "user", EntityID: &userID})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range events {
		if e.Action == action {
			if !strings.Contains(e.After, want) {
				t.Errorf("%s event after = %s, want it to contain %s", action, e.After, want)
			}
			return
		}
	}
	t.Errorf("no %s event on user %d", action, userID)
}

func TestDeleteExpiredSessions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		c := newClock(s)
		ss := s.Sessions()
		for i, ttl := range []time.Duration{-time.Hour, -time.Second, 0, time.Hour} {
			if err := ss.Commit(fmt.Sprint("t", i), []byte{1}, c.in(ttl)); err != nil {
				t.Fatal(err)
			}
		}
		n, err := s.DeleteExpiredSessions(ctx)
		if err != nil || n != 3 {
			t.Errorf("DeleteExpiredSessions = %d, %v; want 3", n, err)
		}
		if b, found, _ := ss.Find("t3"); !found || !bytes.Equal(b, []byte{1}) {
			t.Error("the live session was deleted")
		}
		if n, _ := s.DeleteExpiredSessions(ctx); n != 0 {
			t.Errorf("second run deleted %d, want 0", n)
		}
	})
}

// TestSessionUserIsTheBinding checks that only a session bound at sign-in names a user: a
// session row written back after it was ended, with the user still in its data, is nobody's.
func TestSessionUserIsTheBinding(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		ss := s.Sessions()
		expiry := s.Clock()().Add(time.Hour)
		if err := ss.Commit("token-a", []byte("user 1"), expiry); err != nil {
			t.Fatal(err)
		}
		if _, err := s.FindSessionUser(ctx, "token-a"); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Errorf("unbound session: %v, want ENOTFOUND", err)
		}
		if err := s.SignIn(ctx, "token-a", f.drafter.UserID, "127.0.0.1", "test"); err != nil {
			t.Fatal(err)
		}
		u, err := s.FindSessionUser(ctx, "token-a")
		if err != nil || u.ID != f.drafter.UserID {
			t.Fatalf("bound session: %+v, %v", u, err)
		}
		if _, err := s.EndSessions(ctx, congtac.System, f.drafter.UserID, ""); err != nil {
			t.Fatal(err)
		}
		// A request of the ended session that was in flight writes its data back.
		if err := ss.Commit("token-a", []byte("user 1"), expiry); err != nil {
			t.Fatal(err)
		}
		if _, err := s.FindSessionUser(ctx, "token-a"); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Errorf("session written back after it ended: %v, want ENOTFOUND", err)
		}
		if err := ss.Commit("token-b", nil, expiry); err != nil {
			t.Fatal(err)
		}
		if err := s.SignIn(ctx, "token-b", f.chair.UserID, "", ""); err != nil {
			t.Fatal(err)
		}
		disabled := true
		chair, _ := s.FindUserByID(ctx, f.chair.UserID)
		if _, err := s.UpdateUser(ctx, congtac.System, chair.ID, chair.Version, congtac.UserUpdate{Disabled: &disabled}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.FindSessionUser(ctx, "token-b"); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Errorf("a disabled user's session: %v, want ENOTFOUND", err)
		}
	})
}

// TestSignInIsOneUseCase: binding the session and recording the sign-in happen together or
// not at all (issue 10: they were two transactions composed in web, so that a session could
// be bound to a user without the sign-in in the audit log).
func TestSignInIsOneUseCase(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		alice, bob := f.drafter.UserID, f.chair.UserID
		signIns := func(id int64) int {
			t.Helper()
			events, _, err := s.FindAuditEvents(ctx, congtac.System, congtac.AuditFilter{Entity: "user", EntityID: &id})
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, e := range events {
				if e.Action == "sign_in" {
					n++
				}
			}
			return n
		}
		openSessions(t, s, bob, "của-bob")
		if err := s.SignIn(ctx, "của-bob", alice, "", ""); err == nil {
			t.Error("signing alice in on bob's session succeeded")
		}
		if u, _ := s.FindUserByID(ctx, alice); signIns(alice) != 0 || !u.LastSignInAt.IsZero() {
			t.Errorf("a refused sign-in left %d sign_in events, last sign-in %v", signIns(alice), u.LastSignInAt)
		}
		carol, err := s.CreateUser(ctx, congtac.System, congtac.User{Login: "carol", Role: congtac.RoleViewer,
			OrgID: f.deptA.ID, DisplayName: "Carol", Disabled: true})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SignIn(ctx, "của-carol", carol.ID, "", ""); congtac.ErrorCode(err) != congtac.EFORBIDDEN {
			t.Errorf("signing in a disabled account: %v, want EFORBIDDEN", err)
		}
		if _, found, _ := s.Sessions().Find("của-carol"); found || signIns(carol.ID) != 0 {
			t.Errorf("a disabled account's sign-in left a session (%v) or %d events", found, signIns(carol.ID))
		}
		if signIns(bob) != 1 {
			t.Errorf("bob's sign-ins = %d, want 1", signIns(bob))
		}
	})
}

// TestSetPasswordEndsSessionsAndTokens: a new password ends every session of the account
// but the one kept and every active API token, in one audited use case; another account's
// sessions and tokens stay.
func TestSetPasswordEndsSessionsAndTokens(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		c := newClock(s)
		f := newFixture(t, s)
		ss := s.Sessions()
		alice, bob := f.drafter.UserID, f.chair.UserID
		for _, se := range []struct {
			token string
			user  int64
		}{{"a1", alice}, {"a2", alice}, {"a3", alice}, {"b1", bob}} {
			if err := ss.Commit(se.token, []byte("d"), c.in(time.Hour)); err != nil {
				t.Fatal(err)
			}
			if err := s.SignIn(ctx, se.token, se.user, "", ""); err != nil {
				t.Fatal(err)
			}
		}
		_, aliceRaw, _ := s.CreateAPIToken(ctx, f.drafter, alice, "bảng tính")
		old, _, _ := s.CreateAPIToken(ctx, f.drafter, alice, "cũ")
		if err := s.RevokeAPIToken(ctx, f.drafter, alice, old.ID); err != nil {
			t.Fatal(err)
		}
		_, bobRaw, _ := s.CreateAPIToken(ctx, f.chair, bob, "bob")

		sessions, tokens, err := s.SetPassword(ctx, f.drafter, alice, "$argon2id$new", "a2")
		if err != nil || sessions != 2 || tokens != 1 {
			t.Fatalf("SetPassword = %d sessions, %d tokens, %v; want 2 and 1", sessions, tokens, err)
		}
		for token, want := range map[string]bool{"a1": false, "a2": true, "a3": false, "b1": true} {
			if _, found, _ := ss.Find(token); found != want {
				t.Errorf("session %s live: %v, want %v", token, found, want)
			}
		}
		if _, _, err := s.AuthenticateAPIToken(ctx, aliceRaw); err == nil {
			t.Error("alice's token still authenticates after her password changed")
		}
		if _, _, err := s.AuthenticateAPIToken(ctx, bobRaw); err != nil {
			t.Errorf("bob's token: %v", err)
		}
		events, _, _ := s.FindAuditEvents(ctx, congtac.System, congtac.AuditFilter{Entity: "user", EntityID: &alice})
		if len(events) == 0 || events[0].Action != "set_password" || !strings.Contains(events[0].After, `"tokens_revoked":1`) ||
			!strings.Contains(events[0].After, `"sessions_ended":2`) || strings.Contains(events[0].After, "argon2") {
			t.Errorf("audit of the change: %+v", events)
		}
	})
}
