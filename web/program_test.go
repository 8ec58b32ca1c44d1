package web

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"congtac"
	"congtac/store/storetest"
	"congtac/vn"
)

func TestProgramListScopedAndFiltered(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			s, st, _ := demoServer(t, e)
			srv := startServer(t, s)
			office, viewer := as(t, s, srv, "vanphong"), as(t, s, srv, "xem")
			newest := demoMonth(t, st)
			issued := demoTitles(newest)
			oldest := congtac.PeriodOf(congtac.PeriodMonth, newest.Start().AddMonths(-11))
			var ofOldestYear []string
			for _, title := range issued {
				if strings.HasSuffix(title, fmt.Sprint(oldest.Year)) {
					ofOldestYear = append(ofOldestYear, title)
				}
			}
			if demoToday.Year == oldest.Year { // in December the commune's program is of that year too
				ofOldestYear = withCommune(ofOldestYear, congtac.Period{})
			}
			quarterly := quarterlyMonth(newest)
			if quarterly.Number == 1 { // "thang 1 quy i" would find October's and November's too
				quarterly = quarterlyMonth(quarterly.Prev())
			}
			draft := strings.TrimPrefix(demoTitle(newest.Next()), "Công tác của UBND tỉnh ")
			tests := []struct {
				name  string
				c     *client
				query string
				want  []string // titles' months, in order
			}{
				// the province sees the program the commune committee below it issued
				{"the office sees the draft", office, "", withCommune(append([]string{draft}, issued...), newest.Next())},
				{"a viewer sees issued programs only", viewer, "", withCommune(issued, congtac.Period{})},
				{"by year and kind", office, fmt.Sprintf("?kind=month&year=%d", oldest.Year), ofOldestYear},
				{"by status", office, "?status=draft", []string{draft}},
				{"a viewer asking for drafts", viewer, "?status=draft", nil},
				{"by words without diacritics", office, fmt.Sprintf("?q=thang+%d+quy+%s", quarterly.Number, strings.ToLower(congtac.Roman(quarterly.Number/3+1))),
					[]string{strings.TrimPrefix(demoTitle(quarterly), "Công tác của UBND tỉnh ")}},
			}
			for _, tt := range tests {
				r := tt.c.get("/programs" + tt.query)
				wantStatus(t, tt.name, r, http.StatusOK)
				var got []string
				for _, title := range texts(html(t, r.body), "table.programs tbody td:nth-child(3)") {
					got = append(got, strings.TrimPrefix(title, "Công tác của UBND tỉnh "))
				}
				if !slices.Equal(got, tt.want) {
					t.Errorf("%s: programs %q, want %q", tt.name, got, tt.want)
				}
			}
			r := office.get("/programs?year=hai+nghin&kind=decade")
			wantStatus(t, "bad filters", r, http.StatusUnprocessableEntity)
			doc := html(t, r.body)
			if got := texts(doc, "#loi-f-year"); !slices.Equal(got, []string{`Năm "hai nghin" không hợp lệ.`}) {
				t.Errorf("year message %q", got)
			}
			if got := texts(doc, "#loi-f-kind"); len(got) != 1 || !strings.Contains(got[0], "decade") {
				t.Errorf("kind message %q", got)
			}
			if v, _ := doc.Find("#f-year").Attr("value"); v != "hai nghin" {
				t.Errorf("year field keeps %q, want what was typed", v)
			}
		})
	}
}

// withCommune returns the titles of the province's programs, newest first, with the demo
// commune's program of today's month inserted where the list puts it: first among the
// programs of its month (it was made last), so after a draft of next month.
func withCommune(titles []string, draft congtac.Period) []string {
	month := congtac.PeriodOf(congtac.PeriodMonth, demoToday)
	at := 0
	if draft.Key() > month.Key() {
		at = 1
	}
	return slices.Insert(slices.Clone(titles), at, "Công tác của UBND xã "+month.String())
}

// quarterlyMonth returns the newest month up to m that begins a quarter: the demo's program
// of it covers the quarter too, and has the quarter's recurring reports and the tasks due
// next month.
func quarterlyMonth(m congtac.Period) congtac.Period {
	for m.Number%3 != 1 {
		m = m.Prev()
	}
	return m
}

// demoTitles returns the periods the titles of the demo's twelve issued programs name,
// from newest back, as the program list shows them: "tháng 10 và Quý IV năm 2026".
func demoTitles(newest congtac.Period) []string {
	var out []string
	for m := newest; len(out) < 12; m = m.Prev() {
		out = append(out, strings.TrimPrefix(demoTitle(m), "Công tác của UBND tỉnh "))
	}
	return out
}

func TestProgramShowAsTheOfficialDocument(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			s, st, _ := demoServer(t, e)
			srv := startServer(t, s)
			month := lastMonth() // its meetings are all planned
			p := demoProgram(t, st, month.Year, month.Number)
			r := as(t, s, srv, "xem").get(fmt.Sprintf("/programs/%d", p.ID))
			wantStatus(t, "issued program", r, http.StatusOK)
			doc := html(t, r.body)
			head := strings.Join(texts(doc, ".doc-head p"), " | ")
			wantHead := "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ | Số: " + congtac.FormatNumber(p.Number, "CTr-UBND") +
				" | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM | Độc lập - Tự do - Hạnh phúc | " + vn.DateLine("Sơn Hà", p.IssuedOn)
			if head != wantHead {
				t.Errorf("header\n got %s\nwant %s", head, wantHead)
			}
			if got := texts(doc, ".doc-type, .doc-summary"); !slices.Equal(got, []string{"CHƯƠNG TRÌNH", demoTitle(month)}) {
				t.Errorf("title %q", got)
			}
			parts := []string{"A. NHIỆM VỤ TRỌNG TÂM " + strings.ToUpper(strings.TrimPrefix(demoTitle(month), "Công tác của UBND tỉnh ")),
				"1. Về phát triển kinh tế", "2. Về văn hóa - xã hội", "3. Công tác nội chính", "B. CÁC HỘI NGHỊ CHÍNH TRONG THÁNG"}
			if got := texts(doc, ".doc-item h3, .doc-item h4"); !slices.Equal(got, parts) {
				t.Errorf("parts and clauses %q", got)
			}
			// The table of contents leads to each part and clause, and counts the tasks of
			// part A, its clauses' included.
			if got := texts(doc, "nav.doc-toc li a"); !slices.Equal(got, parts) {
				t.Errorf("contents %q, want %q", got, parts)
			}
			doc.Find("nav.doc-toc li a").Each(func(_ int, a *goquery.Selection) {
				if href, _ := a.Attr("href"); doc.Find(href+" h3, "+href+" h4").First().Text() != a.Text() {
					t.Errorf("the contents' %q leads to %q", a.Text(), href)
				}
			})
			if got := texts(doc, "nav.doc-toc .toc-count"); len(got) == 0 || got[0] != fmt.Sprintf("(%d nhiệm vụ)", len(p.Tasks)) {
				t.Errorf("contents' counts %q, want part A with all %d tasks", got, len(p.Tasks))
			}
			first := doc.Find(".doc-item.depth-2").First()
			if got := strings.Join(strings.Fields(first.Text()), " "); !strings.HasPrefix(got, "1.1. Đẩy nhanh tiến độ giải ngân") ||
				!strings.Contains(got, "Chủ trì: Sở Tài chính") || !strings.Contains(got, "Phối hợp: Sở Xây dựng, Ban Quản lý dự án") ||
				!strings.Contains(got, fmt.Sprintf("Thời hạn: tháng %d/%d (trong tháng %[1]d/%[2]d)", month.Number, month.Year)) || !strings.Contains(got, "Lãnh đạo phụ trách: Lê Minh Đức") ||
				!strings.Contains(got, "Chỉ tiêu: tỷ lệ giải ngân: ít nhất 60% kế hoạch vốn năm") ||
				!strings.Contains(got, "Căn cứ: Nghị quyết số 12/NQ-HĐND") {
				t.Errorf("first item: %s", got)
			}
			var wantStatuses []string
			for _, task := range p.Tasks {
				wantStatuses = append(wantStatuses, task.Status(demoToday).Label())
			}
			gotStatuses := texts(doc, ".doc-live .status")
			slices.Sort(wantStatuses)
			slices.Sort(gotStatuses)
			if !slices.Equal(gotStatuses, wantStatuses) {
				t.Errorf("task statuses %q, want %q", gotStatuses, wantStatuses)
			}
			if got := texts(doc, ".doc-sign p"); !slices.Equal(got, []string{"TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "", "Đỗ Thanh Sơn"}) {
				t.Errorf("signature %q", got)
			}
			if got := texts(doc, ".doc-recipients p"); len(got) < 3 || got[0] != "Nơi nhận:" || got[len(got)-1] != "- Lưu: VT, TH." {
				t.Errorf("recipients %q", got)
			}
			meetings := strings.Join(texts(doc, "table.meetings td"), " | ")
			friday, thursday := month.Start(), month.End() // the third Friday, the last Thursday
			for friday.Weekday() != time.Friday {
				friday = friday.AddDays(1)
			}
			for thursday.Weekday() != time.Thursday {
				thursday = thursday.AddDays(-1)
			}
			assertContains(t, meetings, fmt.Sprintf("Phiên họp UBND tỉnh thường kỳ %s", month), "Thứ Sáu, "+vn.ShortDate(friday.AddDays(14)),
				"Thứ Năm, "+vn.ShortDate(thursday), "Giao ban Chủ tịch và các Phó Chủ tịch UBND tỉnh")
			assertLacks(t, r.body, "DỰ THẢO")
			carried := 0 // the tasks its draft carried over from the month before
			for _, task := range p.Tasks {
				if task.CarriedFrom != 0 {
					carried++
				}
			}
			if got := doc.Find(".doc-meta .mark").Length(); got != carried || carried == 0 {
				t.Errorf("%d tasks marked carried over, want %d (> 0)", got, carried)
			}
		})
	}
}

func TestProgramShowDraft(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			s, st, _ := demoServer(t, e)
			srv := startServer(t, s)
			next := demoMonth(t, st).Next() // the demo's draft
			p := demoProgram(t, st, next.Year, next.Number)
			path := fmt.Sprintf("/programs/%d", p.ID)
			r := as(t, s, srv, "cvp").get(path)
			wantStatus(t, "draft", r, http.StatusOK)
			doc := html(t, r.body)
			if got := texts(doc, ".doc-draft"); !slices.Equal(got, []string{"DỰ THẢO"}) {
				t.Errorf("draft mark %q", got)
			}
			if got := doc.Find(".doc-number").Text(); got != "Số:"+strings.Repeat("\u00a0", 8)+"/CTr-UBND" {
				t.Errorf("number %q, want it blank", got)
			}
			if got := doc.Find(".doc-dateline").Text(); got != vn.DateLine("Sơn Hà", congtac.Date{Year: next.Year}) {
				t.Errorf("date line %q, want day and month blank", got)
			}
			carried := 0
			for _, task := range p.Tasks {
				if task.CarriedFrom != 0 {
					carried++
				}
			}
			if got := doc.Find(".doc-meta .mark").Length(); got != carried || carried == 0 {
				t.Errorf("%d tasks marked carried over, want %d (> 0)", got, carried)
			}
			for _, who := range []string{"xem", "phongbaocao", "truongphong"} {
				wantStatus(t, who+" on a draft", as(t, s, srv, who).get(path), http.StatusNotFound)
			}
			for _, bad := range []string{"/programs/999999", "/programs/abc", "/programs/0"} {
				wantStatus(t, bad, as(t, s, srv, "cvp").get(bad), http.StatusNotFound)
			}
		})
	}
}
