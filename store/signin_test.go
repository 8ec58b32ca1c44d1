package store_test

import (
	"testing"
	"time"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// TestSignInFailuresAreCountedPerAccountAndAddress: failures count against the account,
// whatever the case of its login, and against the client address, within the window on
// the store's clock, and are audited.
func TestSignInFailuresAreCountedPerAccountAndAddress(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		c := newClock(s)
		fail := func(login, address string) {
			t.Helper()
			if err := s.RecordSignInFailure(ctx, congtac.Actor{Role: congtac.RolePublic, Address: address},
				congtac.SignInFailure{Login: login, Address: address, Action: "sign_in_failed", Detail: "login=" + login}); err != nil {
				t.Fatal(err)
			}
		}
		count := func(login, address string) congtac.SignInFailures {
			t.Helper()
			f, err := s.FindSignInFailures(ctx, login, address)
			if err != nil {
				t.Fatal(err)
			}
			return f
		}
		for range 3 {
			fail("xem", "203.0.113.5")
		}
		fail("XEM", "198.51.100.7")
		c.add(time.Minute)
		fail("chutich", "203.0.113.5")
		if got, want := count("Xem", "203.0.113.5"), (congtac.SignInFailures{Account: 4, Address: 4}); got != want {
			t.Errorf("xem from 203.0.113.5: %+v, want %+v", got, want)
		}
		if got, want := count("admin", "192.0.2.1"), (congtac.SignInFailures{}); got != want {
			t.Errorf("a fresh account and address: %+v, want %+v", got, want)
		}
		var unknown int64 // none of the logins names an account of this empty store
		events, _, _ := s.FindAuditEvents(ctx, congtac.System, congtac.AuditFilter{Entity: "user", EntityID: &unknown})
		if len(events) != 5 || events[0].Address != "203.0.113.5" {
			t.Errorf("%d failures audited (newest %+v), want 5", len(events), events)
		}

		c.add(congtac.SignInWindow - time.Minute) // the first four leave the window
		if got, want := count("xem", "203.0.113.5"), (congtac.SignInFailures{Account: 0, Address: 1}); got != want {
			t.Errorf("after the window: %+v, want %+v", got, want)
		}
	})
}
