package web

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
	"congtac/vn"
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

// demoWeek returns the rows of the demo's calendar of the week of demoToday, published
// twice and public: the visits the office enters by hand on Tuesday, Wednesday and Friday
// and the Thursday briefing, and nothing on Monday.
func demoWeek() []string {
	mon := congtac.PeriodOf(congtac.PeriodWeek, demoToday).Start()
	day := func(name string, n int) string { return dayHead(name, mon.AddDays(n)) + " | " }
	monday := "Không có lịch."
	if off := (congtac.Settings{}).DayOff(mon); off != "" {
		monday = "Nghỉ: " + off + "."
	}
	return []string{
		day("Thứ Hai", 0) + monday,
		day("Thứ Ba", 1) + "Sáng | Lê Minh Đức Phó Chủ tịch Thường trực | Kiểm tra tiến độ dự án đường giao thông kết nối các xã phía Bắc | Xã Thượng Đường",
		day("Thứ Tư", 2) + "Chiều | Nguyễn Thị Thu Hương Phó Chủ tịch | Làm việc với Sở Giáo dục và Đào tạo về công tác chuẩn bị kỳ thi | Sở Giáo dục và Đào tạo",
		day("Thứ Năm", 3) + "14 giờ 00 | Trần Quốc Hưng Chủ tịch | Giao ban Chủ tịch và các Phó Chủ tịch UBND tỉnh Thành phần: Chủ tịch, các Phó Chủ tịch UBND tỉnh; Chánh Văn phòng UBND tỉnh | Phòng họp số 2, trụ sở UBND tỉnh",
		day("Thứ Sáu", 4) + "Sáng | Trần Quốc Hưng Chủ tịch | Tiếp công dân định kỳ | Trụ sở Tiếp công dân tỉnh",
	}
}

// dayHead is the heading of day d of the calendar as the table shows it: "Thứ Hai 07/12/2026
// 28/10 ÂL", and the holiday when it is one.
func dayHead(weekday string, d congtac.Date) string {
	return strings.Join(strings.Fields(weekday+" "+vn.PaddedDate(d)+" "+congtac.LunarLabel(d)+" "+(congtac.Settings{}).DayOff(d)), " ")
}

// sameWeek reports whether got are the rows of want, and besides them only the rows of
// the other meetings the demo holds in the week (a regular meeting on its third Friday, a
// thematic conference), if it holds any.
func sameWeek(t *testing.T, st *store.Store, got, want []string) bool {
	t.Helper()
	if slices.Equal(got, want) {
		return true
	}
	week := congtac.PeriodOf(congtac.PeriodWeek, demoToday)
	from, to := week.Start(), week.End()
	ms, err := st.FindMeetings(ctxb, congtac.MeetingFilter{From: &from, To: &to})
	if err != nil {
		t.Fatal(err)
	}
	others := 0
	for _, m := range ms {
		if m.Kind != congtac.MeetingBriefing {
			others++
		}
	}
	rest := got
	for _, w := range want {
		i := slices.Index(rest, w)
		if i < 0 {
			return false
		}
		rest = rest[i+1:]
	}
	return others > 0 && len(got) == len(want)+others
}

func TestCalendarShow(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			s, st, _ := demoServer(t, e)
			srv := startServer(t, s)
			committee := demoOrg(t, st, "Ủy ban nhân dân tỉnh Sơn Hà")
			week := congtac.PeriodOf(congtac.PeriodWeek, demoToday)
			for _, who := range []string{"phongbaocao", "xabaocao", "chutich"} {
				r := as(t, s, srv, who).get("/calendar")
				wantStatus(t, who, r, http.StatusOK)
				if got, want := calendarRows(t, r.body), demoWeek(); !sameWeek(t, st, got, want) {
					t.Errorf("%s: calendar\n%s\nwant\n%s", who, strings.Join(got, "\n"), strings.Join(want, "\n"))
				}
				doc := html(t, r.body)
				if got := texts(doc, ".calendar h2"); !slices.Equal(got, []string{
					"Ủy ban nhân dân tỉnh Sơn Hà " + vn.WeekHeading(week)}) {
					t.Errorf("%s: heading %q", who, got)
				}
				assertContains(t, r.body, "<strong>Điều chỉnh lần 1</strong> — Cập nhật lúc 8 giờ 30, ngày "+vn.ShortDate(demoToday)+".",
					"<li>Bổ sung lịch Chủ tịch UBND tỉnh tiếp công dân định kỳ.</li>",
					fmt.Sprintf(`href="/calendar?org=%d&amp;week=%s" rel="prev"`, committee.ID, week.Prev().Key()),
					fmt.Sprintf(`href="/calendar?org=%d&amp;week=%s" rel="next"`, committee.ID, week.Next().Key()))
				assertLacks(t, r.body, "chưa được công bố")
			}
			c := as(t, s, srv, "phongbaocao")
			r := c.get("/calendar?week=" + week.Next().Key())
			wantStatus(t, "next week", r, http.StatusOK)
			assertContains(t, r.body, vn.WeekHeading(week.Next()), "Lịch tuần này chưa được công bố",
				"Thứ Năm <span class=\"sub\">"+vn.PaddedDate(week.Next().Start().AddDays(3))+"</span>")
			assertLacks(t, r.body, "Điều chỉnh lần")
			r = c.get("/calendar?week=48")
			wantStatus(t, "bad week", r, http.StatusUnprocessableEntity)
			if got := texts(html(t, r.body), "#loi-c-week"); len(got) != 1 || !strings.Contains(got[0], `"48"`) {
				t.Errorf("week message %q", got)
			}
			for _, q := range []string{"?org=999999", "?org=abc", fmt.Sprintf("?org=%d", demoOrg(t, st, "Sở Y tế").ID)} {
				wantStatus(t, "calendar "+q, c.get("/calendar"+q), http.StatusNotFound)
			}
		})
	}
}
