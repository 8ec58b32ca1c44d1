package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

func TestPublicShowsOnlyWhatIsPublic(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			s, st, _ := demoServer(t, e)
			srv := startServer(t, s)
			anon := newClient(t, srv)
			r := anon.get("/public")
			wantStatus(t, "public index", r, http.StatusOK)
			doc := html(t, r.body)
			month := demoMonth(t, st) // the newest three months' programs are public
			want := []string{demoTitle(month), demoTitle(month.Prev()), demoTitle(month.Prev().Prev())}
			if got := texts(doc, "table.programs tbody td:nth-child(3)"); !slices.Equal(got, want) {
				t.Errorf("public programs %q, want %q", got, want)
			}
			committee := demoOrg(t, st, "Ủy ban nhân dân tỉnh Sơn Hà")
			week := congtac.PeriodOf(congtac.PeriodWeek, demoToday)
			calendar := fmt.Sprintf("/public/calendar?org=%d&week=%s", committee.ID, week.Key())
			if got, _ := doc.Find("#h-cal + ul a").Attr("href"); got != calendar {
				t.Errorf("public calendar link %q, want %q", got, calendar)
			}

			prev3, next := month.Prev().Prev().Prev(), month.Next()
			newest, older, draft := demoProgram(t, st, month.Year, month.Number), demoProgram(t, st, prev3.Year, prev3.Number),
				demoProgram(t, st, next.Year, next.Number)
			r = anon.get(fmt.Sprintf("/public/programs/%d", newest.ID))
			wantStatus(t, "a public program", r, http.StatusOK)
			assertContains(t, r.body, "CHƯƠNG TRÌNH", "Số: "+fmt.Sprintf("%02d/CTr-UBND", newest.Number), "Chủ trì: Sở Tài chính", "Nơi nhận:")
			assertLacks(t, r.body, "Đang thực hiện trong hạn", "Hoàn thành đúng hạn", `href="/tasks/`, "Hội nghị, cuộc họp trong kỳ")
			for _, p := range []string{fmt.Sprintf("/public/programs/%d", older.ID), fmt.Sprintf("/public/programs/%d", draft.ID),
				"/public/programs/999999"} {
				wantStatus(t, "anonymous "+p, anon.get(p), http.StatusNotFound)
				wantStatus(t, "the office on "+p, as(t, s, srv, "vanphong").get(p), http.StatusNotFound)
			}

			for _, path := range []string{"/public/calendar", calendar} {
				r = anon.get(path)
				wantStatus(t, path, r, http.StatusOK)
				if got := calendarRows(t, r.body); !sameWeek(t, st, got, publicWeek()) {
					t.Errorf("%s:\n%s", path, strings.Join(got, "\n"))
				}
				assertContains(t, r.body, "Điều chỉnh lần 1")
				assertLacks(t, r.body, `rel="prev"`, `rel="next"`, `name="week"`)
			}
			stc := demoOrg(t, st, "Sở Tài chính")
			for _, q := range []string{"?week=" + week.Next().Key(), "?week=" + week.Prev().Key(), "?week=W48", fmt.Sprintf("?org=%d", stc.ID), "?org=x"} {
				wantStatus(t, "public calendar "+q, anon.get("/public/calendar"+q), http.StatusNotFound)
			}
			for _, private := range []string{"/programs", "/calendar", "/tasks", "/reports", "/search", "/catalog", "/meetings"} {
				if r := anon.get(private); r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/login") {
					t.Errorf("anonymous %s: %d to %q, want sign-in", private, r.status, r.location)
				}
			}
		})
	}
}

// publicWeek returns the rows of [demoWeek] as the public calendar shows them: each leader
// with the post styled before the name.
func publicWeek() []string {
	r := strings.NewReplacer("Lê Minh Đức Phó Chủ tịch Thường trực", "Phó Chủ tịch Thường trực UBND tỉnh Sơn Hà Lê Minh Đức",
		"Nguyễn Thị Thu Hương Phó Chủ tịch", "Phó Chủ tịch UBND tỉnh Sơn Hà Nguyễn Thị Thu Hương",
		"Trần Quốc Hưng Chủ tịch", "Chủ tịch UBND tỉnh Sơn Hà Trần Quốc Hưng")
	rows := demoWeek()
	for i, row := range rows {
		rows[i] = r.Replace(row)
	}
	return rows
}

func TestPublicProgramOffersItsPDF(t *testing.T) {
	eachEngine(t, func(t *testing.T, st *store.Store, s *Server, srv *httptest.Server) {
		anon := newClient(t, srv)
		month := demoMonth(t, st)
		prev3, next := month.Prev().Prev().Prev(), month.Next()
		public, private, draft := demoProgram(t, st, month.Year, month.Number), demoProgram(t, st, prev3.Year, prev3.Number),
			demoProgram(t, st, next.Year, next.Number)
		r := anon.get(fmt.Sprintf("/public/programs/%d", public.ID))
		wantStatus(t, "a public program", r, http.StatusOK)
		pdf := fmt.Sprintf("/public/programs/%d/files/chuong-trinh.pdf", public.ID)
		if got, _ := html(t, r.body).Find(".downloads a").Attr("href"); got != pdf {
			t.Errorf("PDF link %q, want %q", got, pdf)
		}
		r = anon.get(pdf)
		wantStatus(t, "anonymous "+pdf, r, http.StatusOK)
		if got := r.header.Get("Content-Type"); got != ctypePDF || !strings.HasPrefix(r.body, "%PDF-") {
			t.Errorf("%s: Content-Type %q, body %.8q, want a PDF", pdf, got, r.body)
		}
		for _, p := range []string{fmt.Sprintf("/public/programs/%d/files/chuong-trinh.pdf", private.ID),
			fmt.Sprintf("/public/programs/%d/files/chuong-trinh.pdf", draft.ID), "/public/programs/999999/files/chuong-trinh.pdf",
			fmt.Sprintf("/public/programs/%d/files/bao-cao-ket-qua.pdf", public.ID),
			fmt.Sprintf("/public/programs/%d/files/nhiem-vu.xlsx", public.ID)} {
			wantStatus(t, "anonymous "+p, anon.get(p), http.StatusNotFound)
		}
	})
}

func TestPublicProgramNamesLeadersByPost(t *testing.T) {
	eachEngine(t, func(t *testing.T, st *store.Store, s *Server, srv *httptest.Server) {
		month := demoMonth(t, st)
		p := demoProgram(t, st, month.Year, month.Number)
		r := newClient(t, srv).get(fmt.Sprintf("/public/programs/%d", p.ID))
		wantStatus(t, "a public program", r, http.StatusOK)
		var leaders []string
		html(t, r.body).Find(".doc-meta span").Each(func(_ int, sp *goquerySelection) {
			if l, ok := strings.CutPrefix(strings.TrimSpace(sp.Text()), "Lãnh đạo phụ trách: "); ok {
				leaders = append(leaders, l)
			}
		})
		if len(leaders) == 0 {
			t.Fatal("no task names its leader in charge")
		}
		for _, l := range leaders {
			post, name, ok := strings.Cut(l, " UBND tỉnh Sơn Hà ")
			if !ok || !strings.Contains(post, "Chủ tịch") || name == "" {
				t.Errorf("leader in charge %q, want the post before the name", l)
			}
		}
	})
}
