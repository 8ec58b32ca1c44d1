package web

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"congtac/store/storetest"
)

// calendarRows returns the rows of a weekly calendar: day, time, leader, content, place.
func calendarRows(t *testing.T, body string) []string {
	t.Helper()
	var rows []string
	day := ""
	html(t, body).Find("table.week tbody tr").Each(func(_ int, tr *goquerySelection) {
		if th := tr.Find("th"); th.Length() > 0 {
			day = strings.Join(strings.Fields(th.Text()), " ")
		}
		var cells []string
		tr.Find("td").Each(func(_ int, td *goquerySelection) { cells = append(cells, strings.Join(strings.Fields(td.Text()), " ")) })
		rows = append(rows, day+" | "+strings.Join(cells, " | "))
	})
	return rows
}

// thisWeek is the demo's calendar of week 48 of 2026, published twice and public.
var thisWeek = []string{
	"Thứ Hai 23/11/2026 | Không có lịch.",
	"Thứ Ba 24/11/2026 | Sáng | Lê Minh Đức | Kiểm tra tiến độ dự án đường giao thông kết nối các xã phía Bắc | Xã Thượng Đường",
	"Thứ Tư 25/11/2026 | Chiều | Nguyễn Thị Thu Hương | Làm việc với Sở Giáo dục và Đào tạo về công tác chuẩn bị kỳ thi | Sở Giáo dục và Đào tạo",
	"Thứ Năm 26/11/2026 | 14 giờ 00 | Trần Quốc Hưng | Giao ban Chủ tịch và các Phó Chủ tịch UBND tỉnh Thành phần: Chủ tịch, các Phó Chủ tịch UBND tỉnh; Chánh Văn phòng UBND tỉnh | Phòng họp số 2, trụ sở UBND tỉnh",
	"Thứ Sáu 27/11/2026 | Sáng | Trần Quốc Hưng | Tiếp công dân định kỳ | Trụ sở Tiếp công dân tỉnh",
}

func TestCalendarShow(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			s, st, _ := demoServer(t, e)
			srv := startServer(t, s)
			committee := demoOrg(t, st, "Ủy ban nhân dân tỉnh Sơn Hà")
			for _, who := range []string{"phongbaocao", "xabaocao", "chutich"} {
				r := as(t, s, srv, who).get("/calendar")
				wantStatus(t, who, r, http.StatusOK)
				if got := calendarRows(t, r.body); !slices.Equal(got, thisWeek) {
					t.Errorf("%s: calendar\n%s\nwant\n%s", who, strings.Join(got, "\n"), strings.Join(thisWeek, "\n"))
				}
				doc := html(t, r.body)
				if got := texts(doc, ".calendar h2"); !slices.Equal(got, []string{
					"Ủy ban nhân dân tỉnh Sơn Hà Tuần thứ 48 (từ ngày 23/11/2026 đến ngày 27/11/2026)"}) {
					t.Errorf("%s: heading %q", who, got)
				}
				assertContains(t, r.body, "<strong>Điều chỉnh lần 1</strong> — Cập nhật lúc 8 giờ 30, ngày 27/11/2026.",
					"<li>Bổ sung lịch Chủ tịch UBND tỉnh tiếp công dân định kỳ.</li>",
					fmt.Sprintf(`href="/calendar?org=%d&amp;week=2026-W47" rel="prev"`, committee.ID),
					fmt.Sprintf(`href="/calendar?org=%d&amp;week=2026-W49" rel="next"`, committee.ID))
				assertLacks(t, r.body, "chưa được công bố")
			}
			c := as(t, s, srv, "phongbaocao")
			r := c.get("/calendar?week=2026-W49")
			wantStatus(t, "next week", r, http.StatusOK)
			assertContains(t, r.body, "Tuần thứ 49 (từ ngày 30/11/2026 đến ngày 04/12/2026)", "Lịch tuần này chưa được công bố",
				"Thứ Năm <span class=\"sub\">3/12/2026</span>")
			assertLacks(t, r.body, "Điều chỉnh lần")
			r = c.get("/calendar?week=48")
			wantStatus(t, "bad week", r, http.StatusUnprocessableEntity)
			if got := texts(html(t, r.body), "#e-week"); len(got) != 1 || !strings.Contains(got[0], `"48"`) {
				t.Errorf("week message %q", got)
			}
			for _, q := range []string{"?org=999999", "?org=abc", fmt.Sprintf("?org=%d", demoOrg(t, st, "Sở Y tế").ID)} {
				wantStatus(t, "calendar "+q, c.get("/calendar"+q), http.StatusNotFound)
			}
		})
	}
}
