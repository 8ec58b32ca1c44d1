package web

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"congtac"
	"congtac/store/storetest"
	"congtac/vn"
)

// demoMeetingDays returns the days, as the meeting list writes them, of the demo's meetings
// in a month whose meetings have all been planned, and the titles of those besides the
// briefings: the briefing every Thursday, the regular meeting on the third Friday and, in
// the middle month of a quarter, the thematic conference on the second Tuesday.
func demoMeetingDays(month congtac.Period) (days, titles []string) {
	var fridays, tuesdays []congtac.Date
	for d := month.Start(); month.Contains(d); d = d.AddDays(1) {
		switch d.Weekday() {
		case time.Thursday:
			days = append(days, "Thứ Năm, "+vn.ShortDate(d))
		case time.Friday:
			fridays = append(fridays, d)
		case time.Tuesday:
			tuesdays = append(tuesdays, d)
		}
	}
	days = append(days, "Thứ Sáu, "+vn.ShortDate(fridays[2]))
	titles = append(titles, "Phiên họp UBND tỉnh thường kỳ "+month.String())
	if month.Number%3 == 2 {
		days = append(days, "Thứ Ba, "+vn.ShortDate(tuesdays[1]))
		titles = append(titles, "Hội nghị chuyên đề về chuyển đổi số")
	}
	return days, titles
}

func TestMeetingListByMonth(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			s, _, _ := demoServer(t, e)
			c := as(t, s, startServer(t, s), "phongbaocao")
			for _, month := range []congtac.Period{lastMonth(), lastMonth().Prev()} {
				query := "?month=" + month.Key()
				r := c.get("/meetings" + query)
				wantStatus(t, "meetings"+query, r, http.StatusOK)
				doc := html(t, r.body)
				days := texts(doc, "table.meetings tbody td:first-child")
				wantDays, titles := demoMeetingDays(month)
				if got, want := slices.Sorted(slices.Values(days)), slices.Sorted(slices.Values(wantDays)); !slices.Equal(got, want) {
					t.Errorf("%s: days %q, want %q", query, days, wantDays)
				}
				assertContains(t, strings.Join(texts(doc, "table.meetings tbody td"), " | "), titles...)
			}
			r := c.get("/meetings")
			doc := html(t, r.body)
			this := congtac.PeriodOf(congtac.PeriodMonth, demoToday)
			if got := texts(doc, "nav.pager span"); !slices.Equal(got, []string{fmt.Sprintf("Tháng %d năm %d", this.Number, this.Year)}) {
				t.Errorf("month shown %q, want %s", got, this)
			}
			if href, _ := doc.Find(`nav.pager a[rel="prev"]`).Attr("href"); href != "/meetings?month="+lastMonth().Key() {
				t.Errorf("previous month link %q", href)
			}
			days := texts(doc, "table.meetings tbody td:first-child")
			for d := this.Start(); this.Contains(d); d = d.AddDays(1) {
				if briefing := "Thứ Năm, " + vn.ShortDate(d); d.Weekday() == time.Thursday && !slices.Contains(days, briefing) {
					t.Errorf("this month's meetings %q lack the briefing of %s", days, briefing)
				}
			}
			r = c.get("/meetings?month=11-2026")
			wantStatus(t, "bad month", r, http.StatusUnprocessableEntity)
			if got := texts(html(t, r.body), "#loi-f-month"); len(got) != 1 || !strings.Contains(got[0], "11-2026") {
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
			month := lastMonth()
			ms, err := st.FindMeetings(ctxb, congtac.MeetingFilter{Kind: &regular, From: new(month.Start()), To: new(month.End())})
			if err != nil || len(ms) != 1 {
				t.Fatalf("the regular meeting of %s: %d, %v", month, len(ms), err)
			}
			day := ms[0].Date // its third Friday, checked by TestMeetingListByMonth
			r := c.get(fmt.Sprintf("/meetings/%d", ms[0].ID))
			wantStatus(t, "meeting", r, http.StatusOK)
			doc := html(t, r.body)
			rows := doc.Find("table.agenda tbody tr")
			if rows.Length() != len(ms[0].Agenda) || rows.Length() != 4 {
				t.Fatalf("%d agenda rows, want 4", rows.Length())
			}
			first := strings.Join(texts(doc, "table.agenda tbody tr:first-child td"), " | ")
			committee, err := st.FindCommittee(ctxb, ms[0].OrgID)
			if err != nil {
				t.Fatal(err)
			}
			// Materials are due five working days before the meeting, never on a weekend.
			due := committee.Settings.AddWorkingDays(day, -congtac.DefaultMaterialsLeadDays)
			want := fmt.Sprintf("1 | Báo cáo tình hình kinh tế - xã hội tháng %d; nhiệm vụ trọng tâm %s | Sở Tài chính | ", month.Number, month.Next()) +
				"Bùi Đức Thắng | 45 phút | " + vn.Weekday(due.Weekday()) + ", " + vn.ShortDate(due)
			if first != want {
				t.Errorf("first agenda item\n got %s\nwant %s", first, want)
			}
			second := strings.Join(texts(doc, "table.agenda tbody tr:nth-child(2) td"), " | ")
			assertContains(t, second, "Sở Xây dựng Phối hợp: Sở Tài chính, Ban Quản lý dự án đầu tư xây dựng tỉnh")
			facts := strings.Join(texts(doc, ".facts dd"), " | ")
			assertContains(t, facts, "Phiên họp thường kỳ", "Đã họp", "8 giờ 00, Thứ Sáu, "+vn.ShortDate(day),
				"Phòng họp tầng 3, trụ sở UBND tỉnh", "Trần Quốc Hưng", demoTitle(month))
			wantStatus(t, "no such meeting", c.get("/meetings/999999"), http.StatusNotFound)
		})
	}
}
