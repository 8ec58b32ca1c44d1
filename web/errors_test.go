package web

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

func TestStatusOf(t *testing.T) {
	tests := []struct {
		err  error
		want int
	}{
		{congtac.Errorf(congtac.EINVALID, "x"), http.StatusUnprocessableEntity},
		{congtac.Errorf(congtac.ENOTFOUND, "x"), http.StatusNotFound},
		{congtac.Errorf(congtac.ECONFLICT, "x"), http.StatusConflict},
		{congtac.Errorf(congtac.EFORBIDDEN, "x"), http.StatusForbidden},
		{congtac.Errorf(congtac.EINTERNAL, "x"), http.StatusInternalServerError},
		{fmt.Errorf("wrapped: %w", congtac.Errorf(congtac.ENOTFOUND, "x")), http.StatusNotFound},
		{errors.New("sql: database is closed"), http.StatusInternalServerError},
	}
	for _, tt := range tests {
		if got := statusOf(tt.err); got != tt.want {
			t.Errorf("statusOf(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
}

func TestNotFoundPageIsVietnamese(t *testing.T) {
	s, _ := newTestServer(t, storetest.Open(t, store.SQLite))
	for _, tt := range []struct{ method, path string }{
		{"GET", "/khong-co"},
		{"GET", "/chuong-trinh/5"},
		{"GET", "/static/app.css"},
		{"GET", "/static/app.000000000000.css"},
		{"POST", "/khong-co"},
	} {
		rec := do(s, tt.method, tt.path, nil)
		if rec.Code != http.StatusNotFound {
			t.Errorf("%s %s: status = %d, want 404", tt.method, tt.path, rec.Code)
			continue
		}
		body := rec.Body.String()
		assertContains(t, body, `<html lang="vi">`, "<title>Không tìm thấy trang – ",
			"Trang bạn tìm không có", "Về trang chủ")
		assertLacks(t, body, "404 page not found")
	}
}

func TestInternalErrorShowsNoInternals(t *testing.T) {
	st := storetest.Open(t, store.SQLite)
	s, logs := newTestServer(t, st)
	st.Close()
	rec := do(s, http.MethodGet, "/", http.Header{"Cookie": {"congtac_session=abc"}})
	if rec.Code != http.StatusInternalServerError {
		t.Fatalf("status = %d, want 500", rec.Code)
	}
	body := rec.Body.String()
	assertContains(t, body, "Lỗi hệ thống", "Đã có lỗi trong hệ thống")
	assertLacks(t, body, "store:", "sql", "closed")
	if !strings.Contains(logs.String(), "database is closed") {
		t.Errorf("the cause was not logged; logs:\n%s", logs)
	}
}

func TestPanicGivesErrorPage(t *testing.T) {
	s, logs := newTestServer(t, storetest.Open(t, store.SQLite))
	h := s.recoverPanics(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("secret detail") }))
	rec := get(h, "/")
	if rec.Code != http.StatusInternalServerError {
		t.Fatalf("status = %d, want 500", rec.Code)
	}
	assertLacks(t, rec.Body.String(), "secret detail")
	assertContains(t, logs.String(), "secret detail")
}

func TestHealthz(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		s, _ := newTestServer(t, st)
		rec := get(s, "/healthz")
		if rec.Code != http.StatusOK || rec.Body.String() != "ok" {
			t.Errorf("healthz = %d %q, want 200 \"ok\"", rec.Code, rec.Body)
		}
		st.Close()
		rec = get(s, "/healthz")
		if rec.Code != http.StatusServiceUnavailable {
			t.Errorf("healthz on a closed store = %d, want 503", rec.Code)
		}
		assertLacks(t, rec.Body.String(), "closed", "sql")
	})
}

func TestSecurityHeaders(t *testing.T) {
	s, _ := newTestServer(t, storetest.Open(t, store.SQLite))
	css, _ := s.assets.path("app.css")
	want := map[string]string{
		"Content-Security-Policy": "default-src 'self'",
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "same-origin",
	}
	for _, path := range []string{"/", "/khong-co", "/healthz", css} {
		rec := get(s, path)
		for name, value := range want {
			if got := rec.Header().Get(name); !strings.Contains(got, value) {
				t.Errorf("%s: %s = %q, want it to contain %q", path, name, got, value)
			}
		}
		if got := rec.Header().Get("Content-Security-Policy"); !strings.Contains(got, "frame-ancestors 'none'") {
			t.Errorf("%s: CSP %q lacks frame-ancestors 'none'", path, got)
		}
	}
}

func TestStylesheetIsHashedAndCached(t *testing.T) {
	s, _ := newTestServer(t, storetest.Open(t, store.SQLite))
	home := get(s, "/login").Body.String()
	m := regexp.MustCompile(`<link rel="stylesheet" href="(/static/app\.([0-9a-f]{12})\.css)">`).FindStringSubmatch(home)
	if m == nil {
		t.Fatalf("home page links no hashed stylesheet:\n%s", home)
	}
	file, err := staticFiles.ReadFile("static/app.css")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(file)
	if got, want := m[2], hex.EncodeToString(sum[:6]); got != want {
		t.Errorf("hash in path = %s, want %s (sha256 of the file)", got, want)
	}
	rec := get(s, m[1])
	if rec.Code != http.StatusOK {
		t.Fatalf("GET %s = %d, want 200", m[1], rec.Code)
	}
	if got := rec.Header().Get("Content-Type"); !strings.HasPrefix(got, "text/css") {
		t.Errorf("Content-Type = %q, want text/css", got)
	}
	if got := rec.Header().Get("Cache-Control"); !strings.Contains(got, "max-age=31536000") || !strings.Contains(got, "immutable") {
		t.Errorf("Cache-Control = %q, want a year and immutable", got)
	}
	if rec.Body.String() != string(file) {
		t.Errorf("served stylesheet differs from the embedded file")
	}
	again := do(s, "GET", m[1], http.Header{"If-None-Match": {rec.Header().Get("ETag")}})
	if again.Code != http.StatusNotModified {
		t.Errorf("revalidation = %d, want 304", again.Code)
	}
}

func TestAPIErrorsAreJSON(t *testing.T) {
	s, _ := newTestServer(t, storetest.Open(t, store.SQLite))
	for _, tc := range []struct {
		method, path string
		header       http.Header
		status       int
	}{
		{"GET", "/api/v1/khong-co", nil, http.StatusNotFound},
		{"POST", "/api/v1/reports", http.Header{"Sec-Fetch-Site": {"cross-site"}}, http.StatusForbidden},
	} {
		rec := do(s, tc.method, tc.path, tc.header)
		if rec.Code != tc.status || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") ||
			!strings.Contains(rec.Body.String(), `"message"`) {
			t.Errorf("%s %s = %d %s:\n%s", tc.method, tc.path, rec.Code, rec.Header().Get("Content-Type"), rec.Body)
		}
	}
}

// TestUnknownMethodIs405: a path the route table lists for other methods answers 405 with
// those methods in Allow, as JSON under /api/ and as the Vietnamese error page elsewhere;
// the catch-all 404 no longer hides it.
func TestUnknownMethodIs405(t *testing.T) {
	s, _ := newTestServer(t, storetest.Open(t, store.SQLite))
	for _, tc := range []struct {
		method, path, allow string
		json                bool
	}{
		{"PUT", "/api/v1/reports/7", "GET, HEAD, PATCH", true},
		{"PUT", "/api/v1/tasks/7", "DELETE, GET, HEAD, PATCH", true},
		{"DELETE", "/api/v1/reports", "GET, HEAD, POST", true},
		{"POST", "/api/v1/me", "GET, HEAD", true},
		{"POST", "/", "GET, HEAD", false},
		{"DELETE", "/tasks/3", "GET, HEAD, POST", false},
	} {
		rec := do(s, tc.method, tc.path, nil)
		if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != tc.allow {
			t.Errorf("%s %s = %d Allow %q, want 405 Allow %q", tc.method, tc.path, rec.Code, rec.Header().Get("Allow"), tc.allow)
			continue
		}
		body := rec.Body.String()
		if gotJSON := strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json"); gotJSON != tc.json {
			t.Errorf("%s %s: Content-Type %q", tc.method, tc.path, rec.Header().Get("Content-Type"))
		}
		assertContains(t, body, "không nhận thao tác "+tc.method)
	}
}

// TestPageFormOverTheLimitIs413: a form posted to a page over the body limit is refused with
// 413 and a Vietnamese page, not read as an empty form.
func TestPageFormOverTheLimitIs413(t *testing.T) {
	st := sharedDemo(t, store.SQLite)
	s, _ := newTestServer(t, st)
	c := as(t, s, startServer(t, s), "phongbaocao")
	big := url.Values{"text": {strings.Repeat("a", defaultMaxBody+1)}, "percent": {"10"}}
	for _, path := range []string{"/tasks/1/reports", "/login", "/account/password"} {
		r := c.post(path, big)
		if r.status != http.StatusRequestEntityTooLarge {
			t.Errorf("POST %s over the limit = %d, want 413", path, r.status)
			continue
		}
		assertContains(t, r.body, `<html lang="vi">`, "Nội dung gửi lên quá lớn", "vượt quá 1048576 byte")
	}
}
