package web

import (
	"congtac"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"congtac/store"
	"congtac/store/storetest"
)

// BenchmarkSignedInRequest measures one signed-in page request through the whole middleware
// chain — headers, body limit, cross-origin check, session load and save, user and org path
// lookup, guard — and the home page's query and render, on the demo data.
func BenchmarkSignedInRequest(b *testing.B) {
	for _, e := range []store.Engine{store.SQLite, store.Postgres} {
		b.Run(string(e), func(b *testing.B) {
			s, _ := newTestServer(b, sharedDemo(b, e))
			cookie := mintSession(b, s, "vanphong")
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest("GET", "/", nil)
				req.AddCookie(cookie)
				rec := httptest.NewRecorder()
				s.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("status %d", rec.Code)
				}
			}
		})
	}
}

// BenchmarkAnonymousRequest measures the chain without a session: the sign-in page.
func BenchmarkAnonymousRequest(b *testing.B) {
	s, _ := newTestServer(b, sharedDemo(b, store.SQLite))
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", "/login", nil))
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d", rec.Code)
		}
	}
}

// mintSession returns the cookie of a session signed in as login.
func mintSession(tb testing.TB, s *Server, login string) *http.Cookie {
	tb.Helper()
	srv := httptest.NewServer(s)
	defer srv.Close()
	c := as(tb, s, srv, login)
	return &http.Cookie{Name: "congtac_session", Value: c.token}
}

// BenchmarkHomePage renders the signed-in home page listing 50 programs.
func BenchmarkHomePage(b *testing.B) {
	for _, e := range storetest.Engines {
		b.Run(string(e), func(b *testing.B) {
			st := storetest.Open(b, e)
			org := mustCommittee(b, st)
			for i := range 50 {
				mustProgram(b, st, org.ID, 2020+i/12, i%12+1, "Chương trình công tác về đường giao thông nông thôn")
			}
			mustUser(b, st, "vanphong", congtac.RoleDrafter, org.ID)
			s, _ := newTestServer(b, st)
			benchPage(b, s, mintSession(b, s, "vanphong"), "/")
		})
	}
}

// BenchmarkProgramPage renders a demo program as the Decree 30 document: the typical page.
func BenchmarkProgramPage(b *testing.B) {
	for _, e := range storetest.Engines {
		b.Run(string(e), func(b *testing.B) {
			st := sharedDemo(b, e)
			ps, _, err := st.FindPrograms(ctxb, congtac.ProgramFilter{Limit: 2})
			if err != nil || len(ps) < 2 {
				b.Fatal(err)
			}
			s, _ := newTestServer(b, st)
			benchPage(b, s, mintSession(b, s, "cvp"), fmt.Sprintf("/programs/%d", ps[1].ID))
		})
	}
}

// benchPage requests path with the session cookie in a loop and reports the size of the
// page.
func benchPage(b *testing.B, s *Server, cookie *http.Cookie, path string) {
	b.ReportAllocs()
	size := 0
	for b.Loop() {
		req := httptest.NewRequest("GET", path, nil)
		req.AddCookie(cookie)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("GET %s: status %d", path, rec.Code)
		}
		size = rec.Body.Len()
	}
	b.ReportMetric(float64(size), "bytes/page")
}
