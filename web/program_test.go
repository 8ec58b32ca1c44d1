package web

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"congtac"
	"congtac/store/storetest"
	"congtac/vn"
)

func TestProgramListScopedAndFiltered(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			s, _, _ := demoServer(t, e)
			srv := startServer(t, s)
			office, viewer := as(t, s, srv, "vanphong"), as(t, s, srv, "xem")
			tests := []struct {
				name  string
				c     *client
				query string
				want  []string // titles' months, in order
			}{
				// the province sees the program the commune committee below it issued
				{"the office sees the draft", office, "", withCommune(months(2026, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1), 1)},
				{"a viewer sees issued programs only", viewer, "", withCommune(months(2026, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1), 0)},
				{"by year and kind", office, "?kind=month&year=2025", []string{"tháng 12 năm 2025"}},
				{"by status", office, "?status=draft", []string{"tháng 12 năm 2026"}},
				{"a viewer asking for drafts", viewer, "?status=draft", nil},
				{"by words without diacritics", office, "?q=thang+10+quy+iv", []string{"tháng 10 và Quý IV năm 2026"}},
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
			if got := texts(doc, "#e-year"); !slices.Equal(got, []string{`Năm "hai nghin" không hợp lệ.`}) {
				t.Errorf("year message %q", got)
			}
			if got := texts(doc, "#e-kind"); len(got) != 1 || !strings.Contains(got[0], "decade") {
				t.Errorf("kind message %q", got)
			}
			if v, _ := doc.Find("#f-year").Attr("value"); v != "hai nghin" {
				t.Errorf("year field keeps %q, want what was typed", v)
			}
		})
	}
}

// withCommune returns titles with the demo commune's program of November 2026 inserted at i.
func withCommune(titles []string, i int) []string {
	return slices.Insert(titles, i, "Công tác của UBND xã tháng 11 năm 2026")
}

// months returns the titles' periods "tháng M năm Y" of the given months of year y; a
// month the demo's programs also cover a quarter in is named as their titles name it.
func months(y int, ms ...int) []string {
	var out []string
	for _, m := range ms {
		switch {
		case m%3 == 1:
			out = append(out, fmt.Sprintf("tháng %d và Quý %s năm %d", m, congtac.Roman((m-1)/3+1), y))
		default:
			out = append(out, fmt.Sprintf("tháng %d năm %d", m, y))
		}
	}
	return append(out, "tháng 12 năm 2025")
}

func TestProgramShowAsTheOfficialDocument(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			s, st, _ := demoServer(t, e)
			srv := startServer(t, s)
			p := demoProgram(t, st, 2026, 11)
			r := as(t, s, srv, "xem").get(fmt.Sprintf("/programs/%d", p.ID))
			wantStatus(t, "issued program", r, http.StatusOK)
			doc := html(t, r.body)
			head := strings.Join(texts(doc, ".doc-head p"), " | ")
			wantHead := "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ | Số: " + congtac.FormatNumber(p.Number, "CTr-UBND") +
				" | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM | Độc lập - Tự do - Hạnh phúc | " + vn.DateLine("Sơn Hà", p.IssuedOn)
			if head != wantHead {
				t.Errorf("header\n got %s\nwant %s", head, wantHead)
			}
			if got := texts(doc, ".doc-type, .doc-summary"); !slices.Equal(got, []string{"CHƯƠNG TRÌNH", "Công tác của UBND tỉnh tháng 11 năm 2026"}) {
				t.Errorf("title %q", got)
			}
			if got := texts(doc, ".doc-item h3, .doc-item h4"); !slices.Equal(got, []string{
				"A. NHIỆM VỤ TRỌNG TÂM THÁNG 11 NĂM 2026", "1. Về phát triển kinh tế", "2. Về văn hóa - xã hội",
				"3. Công tác nội chính", "B. CÁC HỘI NGHỊ CHÍNH TRONG THÁNG"}) {
				t.Errorf("parts and clauses %q", got)
			}
			first := doc.Find(".doc-item.depth-2").First()
			if got := strings.Join(strings.Fields(first.Text()), " "); !strings.HasPrefix(got, "1.1. Đẩy nhanh tiến độ giải ngân") ||
				!strings.Contains(got, "Chủ trì: Sở Tài chính") || !strings.Contains(got, "Phối hợp: Sở Xây dựng, Ban Quản lý dự án") ||
				!strings.Contains(got, "Thời hạn: tháng 11/2026 (trong tháng 11/2026)") || !strings.Contains(got, "Lãnh đạo phụ trách: Lê Minh Đức") ||
				!strings.Contains(got, "Chỉ tiêu: tỷ lệ giải ngân: ít nhất 60% kế hoạch vốn năm") ||
				!strings.Contains(got, "Căn cứ: Nghị quyết số 12/NQ-HĐND") {
				t.Errorf("first item: %s", got)
			}
			today := congtac.MustDate(2026, 11, 27)
			var wantStatuses []string
			for _, task := range p.Tasks {
				wantStatuses = append(wantStatuses, task.Status(today).Label())
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
			assertContains(t, meetings, "Phiên họp UBND tỉnh thường kỳ tháng 11 năm 2026", "Thứ Sáu, 20/11/2026",
				"Thứ Năm, 26/11/2026", "Giao ban Chủ tịch và các Phó Chủ tịch UBND tỉnh")
			assertLacks(t, r.body, "DỰ THẢO", "Chuyển tiếp")
		})
	}
}

func TestProgramShowDraft(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			s, st, _ := demoServer(t, e)
			srv := startServer(t, s)
			p := demoProgram(t, st, 2026, 12)
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
			if got := doc.Find(".doc-dateline").Text(); got != vn.DateLine("Sơn Hà", congtac.Date{Year: 2026}) {
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
