package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"congtac"
	"congtac/demo"
	"congtac/store"
	"congtac/store/storetest"
	"congtac/vn"
)

func TestHomeListsPrograms(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		org := mustCommittee(t, st)
		mustProgram(t, st, org.ID, 2023, 4, "Công tác của UBND tỉnh tháng 4 năm 2023 về đường giao thông")
		issued := mustProgram(t, st, org.ID, 2023, 5, "Công tác của UBND tỉnh tháng 5 năm 2023")
		mustIssue(t, st, issued, congtac.MustDate(2023, 5, 4))
		mustProgram(t, st, org.ID, 2023, 3, "Kế hoạch <b>thử</b> & kiểm tra")
		mustUser(t, st, "vanphong", congtac.RoleDrafter, org.ID)
		s, _ := newTestServer(t, st)

		rec := as(t, s, startServer(t, s), "vanphong").get("/")
		if rec.status != http.StatusOK {
			t.Fatalf("status = %d, want 200; body:\n%s", rec.status, rec.body)
		}
		if got, want := rec.header.Get("Content-Type"), "text/html; charset=utf-8"; got != want {
			t.Errorf("Content-Type = %q, want %q", got, want)
		}
		body := rec.body
		assertContains(t, body, `<html lang="vi">`, `<meta charset="utf-8">`,
			"<title>Việc cần làm – Quản lý chương trình công tác</title>", "Dự thảo đang soạn",
			"Công tác của UBND tỉnh tháng 4 năm 2023 về đường giao thông",
			"Công tác của UBND tỉnh tháng 5 năm 2023", "01/CTr-UBND", "ngày 4/5/2023",
			"Tháng 5 năm 2023", "Đã ban hành", "Dự thảo", "Chưa cấp số", "Có 3 chương trình.",
			"Kế hoạch &lt;b&gt;thử&lt;/b&gt; &amp; kiểm tra", vn.Weekday(demoToday.Weekday())+", "+vn.PaddedDate(demoToday))
		assertLacks(t, body, "<b>thử</b>", "Chưa có chương trình nào.", "<script>") // app.js only, by src
		table := body[strings.Index(body, "<h2>Chương trình công tác</h2>"):]       // after the office's panels
		may, april, march := strings.Index(table, "Tháng 5 năm 2023"), strings.Index(table, "Tháng 4 năm 2023"),
			strings.Index(table, "Tháng 3 năm 2023")
		if !(may < april && april < march) {
			t.Errorf("programs not newest first: May at %d, April at %d, March at %d", may, april, march)
		}
	})
}

func TestHomeNeedsSignIn(t *testing.T) {
	s, _ := newTestServer(t, storetest.Open(t, store.SQLite))
	rec := get(s, "/")
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/login?next=%2F" {
		t.Errorf("anonymous GET / = %d to %q, want 303 to /login?next=%%2F", rec.Code, rec.Header().Get("Location"))
	}
}

func TestHomeEmpty(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		org := mustCommittee(t, st)
		mustUser(t, st, "xem", congtac.RoleViewer, org.ID)
		s, _ := newTestServer(t, st)
		rec := as(t, s, startServer(t, s), "xem").get("/")
		if rec.status != http.StatusOK {
			t.Fatalf("status = %d, want 200", rec.status)
		}
		assertContains(t, rec.body, "Chưa có chương trình nào.")
		assertLacks(t, rec.body, "<table")
	})
}

func TestPeriodText(t *testing.T) {
	month := congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: 4}
	quarter := congtac.Period{Kind: congtac.PeriodQuarter, Year: 2023, Number: 2}
	tests := []struct {
		p    congtac.Program
		want string
	}{
		{congtac.Program{Period: month}, "Tháng 4 năm 2023"},
		{congtac.Program{Period: month, Also: []congtac.Period{quarter}}, "Tháng 4 năm 2023 và quý II năm 2023"},
		{congtac.Program{Period: congtac.Period{Kind: congtac.PeriodYear, Year: 2024}}, "Năm 2024"},
	}
	for _, tt := range tests {
		if got := periodText(tt.p); got != tt.want {
			t.Errorf("periodText(%v) = %q, want %q", tt.p.Period, got, tt.want)
		}
	}
}

func TestHomeOffersNewProgramToDrafters(t *testing.T) {
	eachEngine(t, func(t *testing.T, st *store.Store, s *Server, srv *httptest.Server) {
		for _, login := range demo.Logins {
			u, err := st.FindUserByLogin(ctxb, login)
			if err != nil {
				t.Fatal(err)
			}
			r := as(t, s, srv, login).get("/")
			wantStatus(t, login+" home", r, http.StatusOK)
			link := html(t, r.body).Find(`main a[href="/programs/new"]`).FilterFunction(func(_ int, a *goquery.Selection) bool {
				return strings.TrimSpace(a.Text()) == "Soạn chương trình mới"
			})
			want := congtac.Actor{Role: u.Role}.Can(congtac.DraftPrograms)
			if got := link.Length() == 1; got != want {
				t.Errorf("%s (%s): button %q shown = %v, want %v", login, u.Role, "Soạn chương trình mới", got, want)
			}
		}
	})
}
