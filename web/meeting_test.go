package web

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"congtac"
	"congtac/store/storetest"
)

func TestMeetingListByMonth(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			s, _, _ := demoServer(t, e)
			c := as(t, s, startServer(t, s), "phongbaocao")
			tests := []struct {
				query string
				days  []string
				want  []string
			}{
				{"", []string{"Thứ Năm, 5/11/2026", "Thứ Ba, 10/11/2026", "Thứ Năm, 12/11/2026", "Thứ Năm, 19/11/2026",
					"Thứ Sáu, 20/11/2026", "Thứ Năm, 26/11/2026"},
					[]string{"Hội nghị chuyên đề về chuyển đổi số", "Phiên họp UBND tỉnh thường kỳ tháng 11 năm 2026"}},
				{"?month=2026-10", []string{"Thứ Năm, 1/10/2026", "Thứ Năm, 8/10/2026", "Thứ Sáu, 16/10/2026",
					"Thứ Năm, 15/10/2026", "Thứ Năm, 22/10/2026", "Thứ Năm, 29/10/2026"},
					[]string{"Phiên họp UBND tỉnh thường kỳ tháng 10 năm 2026"}},
			}
			for _, tt := range tests {
				r := c.get("/meetings" + tt.query)
				wantStatus(t, "meetings"+tt.query, r, http.StatusOK)
				doc := html(t, r.body)
				days := texts(doc, "table.meetings tbody td:first-child")
				if got, want := slices.Sorted(slices.Values(days)), slices.Sorted(slices.Values(tt.days)); !slices.Equal(got, want) {
					t.Errorf("%s: days %q, want %q", tt.query, days, tt.days)
				}
				assertContains(t, strings.Join(texts(doc, "table.meetings tbody td"), " | "), tt.want...)
			}
			r := c.get("/meetings")
			doc := html(t, r.body)
			if got := texts(doc, "nav.pager span"); !slices.Equal(got, []string{"Tháng 11 năm 2026"}) {
				t.Errorf("month shown %q", got)
			}
			if href, _ := doc.Find(`nav.pager a[rel="prev"]`).Attr("href"); href != "/meetings?month=2026-10" {
				t.Errorf("previous month link %q", href)
			}
			r = c.get("/meetings?month=11-2026")
			wantStatus(t, "bad month", r, http.StatusUnprocessableEntity)
			if got := texts(html(t, r.body), "#e-month"); len(got) != 1 || !strings.Contains(got[0], "11-2026") {
				t.Errorf("month message %q", got)
			}
		})
	}
}

func TestMeetingShowAgenda(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			s, st, _ := demoServer(t, e)
			c := as(t, s, startServer(t, s), "xem")
			regular := congtac.MeetingRegular
			ms, err := st.FindMeetings(ctxb, congtac.MeetingFilter{Kind: &regular, From: new(congtac.MustDate(2026, 11, 1)),
				To: new(congtac.MustDate(2026, 11, 30))})
			if err != nil || len(ms) != 1 {
				t.Fatalf("November's regular meeting: %d, %v", len(ms), err)
			}
			r := c.get(fmt.Sprintf("/meetings/%d", ms[0].ID))
			wantStatus(t, "meeting", r, http.StatusOK)
			doc := html(t, r.body)
			rows := doc.Find("table.agenda tbody tr")
			if rows.Length() != len(ms[0].Agenda) || rows.Length() != 4 {
				t.Fatalf("%d agenda rows, want 4", rows.Length())
			}
			first := strings.Join(texts(doc, "table.agenda tbody tr:first-child td"), " | ")
			want := "1 | Báo cáo tình hình kinh tế - xã hội tháng 11; nhiệm vụ trọng tâm tháng 12 năm 2026 | Sở Tài chính | " +
				"Bùi Đức Thắng | 45 phút | Chủ nhật, 15/11/2026"
			if first != want {
				t.Errorf("first agenda item\n got %s\nwant %s", first, want)
			}
			second := strings.Join(texts(doc, "table.agenda tbody tr:nth-child(2) td"), " | ")
			assertContains(t, second, "Sở Xây dựng Phối hợp: Sở Tài chính, Ban Quản lý dự án đầu tư xây dựng tỉnh")
			facts := strings.Join(texts(doc, ".facts dd"), " | ")
			assertContains(t, facts, "Phiên họp thường kỳ", "Đã họp", "8 giờ 00, Thứ Sáu, 20/11/2026",
				"Phòng họp tầng 3, trụ sở UBND tỉnh", "Trần Quốc Hưng", "Công tác của UBND tỉnh tháng 11 năm 2026")
			wantStatus(t, "no such meeting", c.get("/meetings/999999"), http.StatusNotFound)
		})
	}
}
