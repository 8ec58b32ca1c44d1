package store_test

import (
	"database/sql"
	"testing"
	"time"

	"congtac/store"
)

// TestSessionWrittenBackAtMostOnceAMinute commits a session as scs does at the end of every
// request with an idle timeout (same data, the expiry pushed on), on a clock moved by hand:
// within a minute of the last write nothing is written, a minute after it the session is
// written again, changed data is written at once, and the idle timeout still ends the
// session, measured from the last write.
func TestSessionWrittenBackAtMostOnceAMinute(t *testing.T) {
	eachRaw(t, func(t *testing.T, s *store.Store, db *sql.DB) {
		c := newClock(s)
		ss := s.Sessions()
		const idle = 2 * time.Hour
		commit := func(data string) {
			t.Helper()
			if err := ss.CommitCtx(ctx, "tok", []byte(data), c.in(idle)); err != nil {
				t.Fatal(err)
			}
		}
		// written checks that the row was last written at at: data, expiry and last seen.
		written := func(when string, at time.Time, data string) {
			t.Helper()
			var got []byte
			var expiry, seen int64
			if err := db.QueryRow("SELECT data, expiry, last_seen_at FROM sessions WHERE token_hash = $1",
				sha256Hex("tok")).Scan(&got, &expiry, &seen); err != nil {
				t.Fatal(err)
			}
			if string(got) != data || seen != at.Unix() || expiry != at.Add(idle).Unix() {
				t.Errorf("%s: data %q, last seen %+ds, expiry %+ds after the write expected at %s; want %q, 0s, %s",
					when, got, seen-at.Unix(), expiry-at.Unix(), at.Format(time.TimeOnly), data, idle)
			}
		}
		commit("a")
		first := c.t
		written("first commit", first, "a")
		c.add(30 * time.Second)
		commit("a")
		c.add(29 * time.Second)
		commit("a")
		written("two requests within the minute", first, "a")
		c.add(time.Second)
		commit("a")
		second := c.t
		written("a minute after the last write", second, "a")
		c.add(10 * time.Second)
		commit("b")
		third := c.t
		written("changed data", third, "b")

		c.add(50 * time.Second) // a request that is not written: the timeout runs from third
		commit("b")
		written("the last request", third, "b")
		c.t = third.Add(idle - time.Second)
		if _, found, _ := ss.FindCtx(ctx, "tok"); !found {
			t.Error("the session ended before its idle timeout from the last write")
		}
		c.t = third.Add(idle)
		if _, found, _ := ss.FindCtx(ctx, "tok"); found {
			t.Error("the session outlived its idle timeout")
		}
	})
}

// TestSessionWrittenWhenItsExpiryWouldMoveBack: an expiry earlier than the stored one (a
// shorter idle timeout after a restart) or a session with less than a minute left is
// written whatever the last write.
func TestSessionWrittenWhenItsExpiryWouldMoveBack(t *testing.T) {
	eachRaw(t, func(t *testing.T, s *store.Store, db *sql.DB) {
		c := newClock(s)
		ss := s.Sessions()
		expiry := func() time.Duration {
			t.Helper()
			var at int64
			if err := db.QueryRow("SELECT expiry FROM sessions WHERE token_hash = $1", sha256Hex("tok")).Scan(&at); err != nil {
				t.Fatal(err)
			}
			return time.Duration(at-c.t.Unix()) * time.Second
		}
		for _, step := range []struct {
			after, ttl, want time.Duration
		}{
			{0, 2 * time.Hour, 2 * time.Hour},
			{10 * time.Second, 30 * time.Minute, 30 * time.Minute},                               // earlier: written
			{10 * time.Second, 30*time.Minute + 10*time.Second, 30*time.Minute - 10*time.Second}, // later by 20s: not written
			{0, 50 * time.Second, 50 * time.Second},
			{10 * time.Second, 50 * time.Second, 50 * time.Second}, // under a minute left: written
		} {
			c.add(step.after)
			if err := ss.CommitCtx(ctx, "tok", []byte("a"), c.in(step.ttl)); err != nil {
				t.Fatal(err)
			}
			if got := expiry(); got != step.want {
				t.Errorf("after %s, committed for %s: expires in %s, want %s", step.after, step.ttl, got, step.want)
			}
		}
	})
}
