package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// calendarWorld is a committee with 20 leaders, and its week 2026-W50 holding 200 entries:
// 160 by hand (ten a day for each of the five working days, spread over the leaders) and 40
// generated from its meetings; and a year of meetings: the Thursday briefing, a regular
// meeting each month with six matters, two thematic conferences a month.
type calendarWorld struct {
	st     *store.Store
	s      *Server
	org    congtac.Org
	week   congtac.Period
	feed   string // the committee's feed
	cookie *http.Cookie
}

func newCalendarWorld(b *testing.B, e store.Engine) calendarWorld {
	b.Helper()
	st := storetest.Open(b, e)
	w := calendarWorld{st: st, org: mustCommittee(b, st), week: congtac.Period{Kind: congtac.PeriodWeek, Year: 2026, Number: 50}}
	dept, err := st.CreateOrg(ctxb, congtac.System, congtac.Org{ParentID: w.org.ID, Kind: congtac.OrgDepartment,
		Name: "Sở Tài chính", ValidFrom: congtac.MustDate(2025, 7, 1)})
	if err != nil {
		b.Fatal(err)
	}
	var leaders []congtac.Person
	for i := range 20 {
		p, err := st.CreatePerson(ctxb, congtac.System, congtac.Person{FullName: fmt.Sprintf("Lãnh đạo Số %02d", i), OrgID: w.org.ID})
		if err != nil {
			b.Fatal(err)
		}
		leaders = append(leaders, p)
	}
	mon := w.week.Start()
	for i := range 160 {
		e := congtac.Engagement{OrgID: w.org.ID, PersonID: leaders[i%20].ID, Date: mon.AddDays(i % 5),
			Start: congtac.At(7+i%10, 30), Title: fmt.Sprintf("Kiểm tra tiến độ dự án đường giao thông số %d", i),
			Place: "Xã Tân Phước", Participants: "Sở Xây dựng, Sở Tài chính", PreparerID: dept.ID,
			Accompany: "Lãnh đạo Văn phòng"}
		if _, err := st.CreateEngagement(ctxb, congtac.System, e); err != nil {
			b.Fatal(err)
		}
	}
	weekly := congtac.Recurrence{Freq: congtac.Weekly, ByDay: []congtac.WeekdayNum{{Day: time.Thursday}}}
	meetings := []congtac.Meeting{{OrgID: w.org.ID, Kind: congtac.MeetingBriefing, Title: "Giao ban Chủ tịch, các Phó Chủ tịch",
		Date: congtac.MustDate(2026, 1, 1), Start: congtac.At(14, 0), ChairID: leaders[0].ID, Recurrence: &weekly}}
	for month := 1; month <= 12; month++ {
		var agenda []congtac.AgendaItem
		for j := range 6 {
			agenda = append(agenda, congtac.AgendaItem{Title: fmt.Sprintf("Báo cáo số %d tháng %d", j+1, month), Lead: dept.ID, Minutes: 30})
		}
		meetings = append(meetings, congtac.Meeting{OrgID: w.org.ID, Kind: congtac.MeetingRegular, Title: fmt.Sprintf("Phiên họp thường kỳ tháng %d", month),
			Date: congtac.MustDate(2026, time.Month(month), 20), Start: congtac.At(8, 0), ChairID: leaders[0].ID, Agenda: agenda})
		for _, d := range []int{8, 24} {
			meetings = append(meetings, congtac.Meeting{OrgID: w.org.ID, Kind: congtac.MeetingThematic, Title: fmt.Sprintf("Hội nghị chuyên đề %d/%d", d, month),
				Date: congtac.MustDate(2026, time.Month(month), d), Part: congtac.Afternoon, Start: congtac.NoTime, ChairID: leaders[1+d%5].ID})
		}
	}
	for day := range 5 { // 40 entries generated from meetings in the week
		for j := range 8 {
			meetings = append(meetings, congtac.Meeting{OrgID: w.org.ID, Kind: congtac.MeetingWorking, Title: fmt.Sprintf("Làm việc %d-%d", day, j),
				Date: mon.AddDays(day), Start: congtac.At(8+j, 0), ChairID: leaders[j].ID})
		}
	}
	for _, m := range meetings {
		if _, err := st.CreateMeeting(ctxb, congtac.System, m); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := st.GenerateEngagements(ctxb, congtac.System, w.org.ID, w.week); err != nil {
		b.Fatal(err)
	}
	mustUser(b, st, "vanphong", congtac.RoleDrafter, w.org.ID)
	w.s, _ = newTestServer(b, st)
	w.s.cfg.Now = func() time.Time { return time.Date(2026, 6, 15, 9, 0, 0, 0, congtac.Location()) }
	u, _ := st.FindUserByLogin(ctxb, "vanphong")
	a, err := w.s.actorFor(ctxb, u, "")
	if err != nil {
		b.Fatal(err)
	}
	_, raw, err := st.CreateFeed(ctxb, a, congtac.Feed{Kind: congtac.FeedCommittee, SubjectID: w.org.ID, Name: "Lịch UBND"})
	if err != nil {
		b.Fatal(err)
	}
	w.feed, w.cookie = feedPath(raw), mintSession(b, w.s, "vanphong")
	return w
}

// BenchmarkCalendarWeek renders a committee's week of 200 entries, as the office sees it
// (with its forms), as the public reads it, and as the PDF document.
func BenchmarkCalendarWeek(b *testing.B) {
	for _, e := range storetest.Engines {
		b.Run(string(e), func(b *testing.B) {
			w := newCalendarWorld(b, e)
			page := fmt.Sprintf("/calendar?org=%d&week=%s", w.org.ID, w.week.Key())
			b.Run("page", func(b *testing.B) { benchPage(b, w.s, w.cookie, page) })
			b.Run("print", func(b *testing.B) { benchPage(b, w.s, w.cookie, page+"&print=1") })
			b.Run("pdf", func(b *testing.B) {
				benchPage(b, w.s, w.cookie, fmt.Sprintf("/calendar/files/lich-cong-tac.pdf?org=%d&week=%s", w.org.ID, w.week.Key()))
			})
		})
	}
}

// BenchmarkFeedYear answers a calendar application reading a committee's feed: from two
// months back to 400 days ahead, a year of meetings (the weekly series, 12 regular
// meetings with six matters, 24 conferences, 40 working sessions) and 160 entries by hand.
func BenchmarkFeedYear(b *testing.B) {
	for _, e := range storetest.Engines {
		b.Run(string(e), func(b *testing.B) {
			w := newCalendarWorld(b, e)
			b.ReportAllocs()
			for b.Loop() {
				rec := httptest.NewRecorder()
				w.s.ServeHTTP(rec, httptest.NewRequest("GET", w.feed, nil))
				if rec.Code != http.StatusOK {
					b.Fatalf("status %d", rec.Code)
				}
			}
		})
	}
}
