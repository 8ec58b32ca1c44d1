package web

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"testing"
	"time"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

func TestParseTrustedProxies(t *testing.T) {
	got, err := ParseTrustedProxies("10.0.0.5, 10.1.2.3/16 ::1,::ffff:192.0.2.1")
	want := []netip.Prefix{netip.MustParsePrefix("10.0.0.5/32"), netip.MustParsePrefix("10.1.0.0/16"),
		netip.MustParsePrefix("::1/128"), netip.MustParsePrefix("192.0.2.1/32")}
	if err != nil || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("ParseTrustedProxies = %v, %v; want %v", got, err, want)
	}
	if got, err := ParseTrustedProxies(" "); err != nil || len(got) != 0 {
		t.Errorf("empty: %v, %v; want none", got, err)
	}
	for _, bad := range []string{"proxy.local", "10.0.0.300", "10.0.0.0/33"} {
		if _, err := ParseTrustedProxies(bad); err == nil {
			t.Errorf("ParseTrustedProxies(%q) took it", bad)
		}
	}
}

func TestForwardedClient(t *testing.T) {
	proxies, _ := ParseTrustedProxies("10.0.0.0/8,192.0.2.1")
	s := &Server{cfg: Config{TrustedProxies: proxies}}
	for _, tt := range []struct {
		peer, xff, want string
	}{
		{"10.0.0.2:5000", "203.0.113.5", "203.0.113.5"},
		{"10.0.0.2:5000", "1.2.3.4, 203.0.113.5", "203.0.113.5"},   // the client's own claim is ignored
		{"10.0.0.2:5000", "203.0.113.5, 192.0.2.1", "203.0.113.5"}, // through two proxies
		{"10.0.0.2:5000", "10.0.0.7", "10.0.0.7"},                  // every hop trusted: the farthest
		{"10.0.0.2:5000", "203.0.113.5, nonsense", "10.0.0.2"},     // a bad entry: the hop that passed it on
		{"[::ffff:10.0.0.2]:5000", "2001:db8::7", "2001:db8::7"},   // mapped IPv4 peers are IPv4
		{"198.51.100.9:5000", "203.0.113.5", "198.51.100.9"},       // not a proxy: the header is ignored
		{"10.0.0.2:5000", "", "10.0.0.2"},                          // no header
	} {
		var got string
		h := s.fromTrustedProxy(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) { got = clientAddress(r) }))
		r, _ := http.NewRequest("GET", "/", nil)
		r.RemoteAddr = tt.peer
		if tt.xff != "" {
			r.Header.Set("X-Forwarded-For", tt.xff)
		}
		h.ServeHTTP(nil, r)
		if got != tt.want {
			t.Errorf("peer %s, X-Forwarded-For %q: client %s, want %s", tt.peer, tt.xff, got, tt.want)
		}
	}
}

// TestSuccessfulSignInsNeverLockOut: the probe signed in 20 times through one proxy and
// locked the whole site out. Successful sign-ins count for nothing, however many share an
// account or an address.
func TestSuccessfulSignInsNeverLockOut(t *testing.T) {
	st := newDemo(t, store.SQLite)
	s, _ := newTestServer(t, st)
	srv := startServer(t, s)
	for i := range congtac.MaxSignInFailuresPerAddress + 5 {
		if r := signInForm(newClient(t, srv), "xem", "demo"); r.status != http.StatusSeeOther {
			t.Fatalf("sign-in %d = %d, want 303", i+1, r.status)
		}
	}
}

// TestSignInFailuresBehindAProxy: behind a trusted proxy, failures count against the client
// X-Forwarded-For names, so one client's guessing holds off that client only; the counts
// are shared by every instance on the database, and last the window on the store's clock.
func TestSignInFailuresBehindAProxy(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := newDemo(t, e)
			proxies, _ := ParseTrustedProxies("127.0.0.0/8, ::1")
			instance := func() *Server {
				s, err := New(Config{Now: testNow, TrustedProxies: proxies}, st, slog.New(slog.DiscardHandler))
				if err != nil {
					t.Fatal(err)
				}
				return s
			}
			one, two := startServer(t, instance()), startServer(t, instance())
			signIn := func(srv *httptest.Server, client, login, password string) int {
				t.Helper()
				return newClient(t, srv).do("POST", "/login", url.Values{"login": {login}, "password": {password}},
					http.Header{"X-Forwarded-For": {client}}).status
			}
			const guesser, colleague = "203.0.113.5", "198.51.100.7"
			for i := range congtac.MaxSignInFailuresPerAddress { // one guess on each of many logins
				if got := signIn(one, guesser, fmt.Sprintf("doan%d", i), "sai"); got != http.StatusUnauthorized {
					t.Fatalf("guess %d = %d, want 401", i+1, got)
				}
			}
			for name, srv := range map[string]*httptest.Server{"the same instance": one, "another instance": two} {
				if got := signIn(srv, guesser, "xem", "demo"); got != http.StatusTooManyRequests {
					t.Errorf("the guesser through %s = %d, want 429", name, got)
				}
				if got := signIn(srv, colleague, "xem", "demo"); got != http.StatusSeeOther {
					t.Errorf("a colleague behind the same proxy through %s = %d, want 303", name, got)
				}
			}

			now := st.Clock()
			st.SetClock(func() time.Time { return now().Add(congtac.SignInWindow) })
			t.Cleanup(func() { st.SetClock(now) })
			if got := signIn(one, guesser, "xem", "demo"); got != http.StatusSeeOther {
				t.Errorf("the guesser once the window has passed = %d, want 303", got)
			}
		})
	}
}
