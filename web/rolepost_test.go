package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"congtac/store"
)

func TestLeadersAreNamedByTheirPost(t *testing.T) {
	eachEngine(t, func(t *testing.T, st *store.Store, s *Server, srv *httptest.Server) {
		for _, tc := range []struct{ login, role string }{
			{"chutich", "Chủ tịch UBND tỉnh Sơn Hà"},
			{"phochutich", "Phó Chủ tịch Thường trực UBND tỉnh Sơn Hà"},
			{"vanphong", "Chuyên viên Văn phòng"},
		} {
			c := as(t, s, srv, tc.login)
			for _, path := range []string{"/", "/account"} {
				r := c.get(path)
				wantStatus(t, tc.login+" "+path, r, http.StatusOK)
				doc := html(t, r.body)
				if got, want := strings.TrimSpace(doc.Find("header .role").Text()), "("+tc.role+")"; got != want {
					t.Errorf("%s %s: header role %q, want %q", tc.login, path, got, want)
				}
				if strings.Contains(r.body, "Lãnh đạo UBND") {
					t.Errorf("%s %s: the page names the role %q", tc.login, path, "Lãnh đạo UBND")
				}
			}
			r := c.get("/account")
			if got := strings.TrimSpace(html(t, r.body).Find("dt:contains('Vai trò') + dd").Text()); got != tc.role {
				t.Errorf("%s /account: role %q, want %q", tc.login, got, tc.role)
			}
		}
	})
}
