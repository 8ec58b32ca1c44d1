package web

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"congtac"
	"congtac/clocktest"
	"congtac/store/storetest"
)

// TestSignedInPageViewsWriteTheSessionOncePerMinute signs in and views pages on a store
// clock moved by hand: two page views within a minute write the session once (its last-seen
// time stays), a view a minute later writes it again, and a session left unused for the
// idle timeout after its last write has ended.
func TestSignedInPageViewsWriteTheSessionOncePerMinute(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := storetest.Open(t, e)
			now := clocktest.Now()
			st.SetClock(func() time.Time { return now })
			u := mustUser(t, st, "vanphong", congtac.RoleDrafter, mustCommittee(t, st).ID)
			s, _ := newTestServer(t, st)
			cookie := mintSession(t, s, "vanphong")
			view := func(want int) {
				t.Helper()
				req := httptest.NewRequest("GET", "/programs", nil)
				req.AddCookie(cookie)
				rec := httptest.NewRecorder()
				s.ServeHTTP(rec, req)
				if rec.Code != want {
					t.Fatalf("GET /programs at %s: status %d, want %d", now.Format(time.TimeOnly), rec.Code, want)
				}
			}
			lastSeen := func(when string, want time.Time) {
				t.Helper()
				sessions, err := st.FindSessions(ctxb, u.ID)
				if err != nil || len(sessions) != 1 {
					t.Fatalf("%s: sessions %+v, %v", when, sessions, err)
				}
				if got := sessions[0].LastSeenAt; !got.Equal(want.Truncate(time.Second)) {
					t.Errorf("%s: last seen %s, want %s", when, got.Format(time.TimeOnly), want.Format(time.TimeOnly))
				}
			}
			now = now.Add(time.Minute) // past the minute of the sign-in's write
			view(http.StatusOK)
			first := now
			lastSeen("a minute after sign-in", first)
			now = now.Add(20 * time.Second)
			view(http.StatusOK)
			now = now.Add(30 * time.Second)
			view(http.StatusOK)
			lastSeen("two views within the minute", first)
			now = now.Add(10 * time.Second)
			view(http.StatusOK)
			lastSeen("a minute after the last write", now)
			written := now
			now = now.Add(30 * time.Second) // not written: the idle timeout runs from written
			view(http.StatusOK)
			now = written.Add(DefaultSessionIdle)
			view(http.StatusSeeOther) // to sign in
		})
	}
}
