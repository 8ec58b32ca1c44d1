package web

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"congtac"
	"congtac/store/storetest"
	"congtac/vn"
)

// TestOfficeEntersTheWeekByHand: the office adds a visit of the standing vice chairman on
// the Tuesday morning he already has one: both are flagged; a refused form keeps what was
// typed with its message; the entry is changed (a stale version gets the conflict page)
// and cancelled; the week prints without the controls and downloads as DOCX and PDF.
func TestOfficeEntersTheWeekByHand(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := newDemo(t, e)
			s, _ := newTestServer(t, st)
			srv := startServer(t, s)
			org := demoOrg(t, st, "Ủy ban nhân dân tỉnh Sơn Hà").ID
			week := congtac.PeriodOf(congtac.PeriodWeek, demoToday)
			tuesday := week.Start().AddDays(1)
			people, err := st.FindPeople(ctxb, congtac.PersonFilter{Query: "Lê Minh Đức"})
			if err != nil || len(people) != 1 {
				t.Fatalf("the standing vice chairman: %v, %v", people, err)
			}
			cvp := as(t, s, srv, "cvp")
			calendar := fmt.Sprintf("/calendar?org=%d&week=%s", org, week.Key())
			if r := cvp.get(calendar); !strings.Contains(r.body, `action="/calendar/entries"`) ||
				!strings.Contains(r.body, "Lê Minh Đức</label>") {
				t.Fatalf("the office's week has no form to add an entry with the leaders: %d", r.status)
			}
			form := url.Values{"org": {fmt.Sprint(org)}, "person": {fmt.Sprint(people[0].ID)}, "date": {tuesday.String()},
				"time": {"9 giờ 30"}, "title": {"Làm việc với Sở Xây dựng về quy hoạch"}, "place": {"Sở Xây dựng"},
				"accompany": {"Đ/c Phạm Văn Hùng, Phó Chánh Văn phòng"}}
			bad := url.Values{}
			for k, v := range form {
				bad[k] = v
			}
			bad.Set("time", "25 giờ")
			r := cvp.post("/calendar/entries", bad)
			wantStatus(t, "an impossible time", r, http.StatusUnprocessableEntity)
			assertContains(t, r.body, "Làm việc với Sở Xây dựng về quy hoạch", `id="e-time"`, `aria-invalid="true"`)
			r = cvp.post("/calendar/entries", form)
			if r.status != http.StatusSeeOther || r.location != calendar {
				t.Fatalf("add an entry: %d → %q, want %s", r.status, r.location, calendar)
			}
			page := cvp.get(calendar).body
			if n := strings.Count(page, "Trùng lịch"); n != 2 {
				t.Errorf("%d entries flagged on the week, want the visit and the new entry", n)
			}
			assertContains(t, page, "Cán bộ Văn phòng đi cùng: Đ/c Phạm Văn Hùng", vn.PaddedDate(tuesday), congtac.LunarLabel(tuesday))
			es, _ := st.FindEngagements(ctxb, congtac.EngagementFilter{OrgID: &org, From: &tuesday, To: &tuesday})
			var added congtac.Engagement
			for _, x := range es {
				if x.Title == form.Get("title") {
					added = x
				}
			}
			if added.ID == 0 || added.Start != congtac.At(9, 30) {
				t.Fatalf("the entry stored: %+v", added)
			}
			path := fmt.Sprintf("/calendar/entries/%d", added.ID)
			assertContains(t, cvp.get(path).body, "Lãnh đạo đã có lịch khác cùng lúc")
			if r := as(t, s, srv, "xem").get(path); r.status != http.StatusForbidden {
				t.Errorf("a viewer opens the entry's form: %d, want 403", r.status)
			}
			form.Set("version", "1")
			form.Set("time", "chiều")
			if r := cvp.post(path, form); r.status != http.StatusSeeOther {
				t.Fatalf("move to the afternoon: %d %s", r.status, r.body)
			}
			if n := strings.Count(cvp.get(calendar).body, "Trùng lịch"); n != 0 {
				t.Errorf("%d entries flagged after the move, want none", n)
			}
			form.Set("title", "Bản cũ")
			r = cvp.post(path, form)
			wantStatus(t, "a stale version", r, http.StatusConflict)
			assertContains(t, r.body, "Bản cũ", "Làm việc với Sở Xây dựng về quy hoạch")
			if r := cvp.post(path+"/cancel", url.Values{"version": {"2"}}); r.status != http.StatusSeeOther {
				t.Fatalf("cancel: %d", r.status)
			}
			if x, _ := st.FindEngagementByID(ctxb, added.ID); !x.Cancelled {
				t.Errorf("the entry is not cancelled: %+v", x)
			}

			// One entry for two leaders: a line on each one's calendar.
			chairs, _ := st.FindPeople(ctxb, congtac.PersonFilter{Query: "Trần Quốc Hưng"})
			wednesday := week.Start().AddDays(2)
			both := url.Values{"org": {fmt.Sprint(org)}, "person": {fmt.Sprint(people[0].ID), fmt.Sprint(chairs[0].ID)},
				"date": {wednesday.String()}, "time": {"sáng"}, "title": {"Dự Hội nghị tổng kết ngành giáo dục"}}
			if r := cvp.post("/calendar/entries", both); r.status != http.StatusSeeOther {
				t.Fatalf("an entry for two leaders: %d %s", r.status, mainExcerpt(r.body))
			}
			assertContains(t, cvp.get(calendar).body, "Đã thêm vào lịch của 2 lãnh đạo: Dự Hội nghị tổng kết ngành giáo dục.")
			es, _ = st.FindEngagements(ctxb, congtac.EngagementFilter{OrgID: &org, From: &wednesday, To: &wednesday})
			var leaders []int64
			for _, x := range es {
				if x.Title == both.Get("title") {
					leaders = append(leaders, x.PersonID)
				}
			}
			if len(leaders) != 2 || !slices.Contains(leaders, chairs[0].ID) || !slices.Contains(leaders, people[0].ID) {
				t.Errorf("the entry for two leaders is on the calendars of %v", leaders)
			}

			print := cvp.get(calendar + "&print=1").body
			assertContains(t, print, `<table class="cards week">`, "Làm việc với Sở Xây dựng về quy hoạch")
			assertLacks(t, print, `<header class="site">`, "<form", `rel="next"`, "Sửa</a>")

			docx := cvp.get(fmt.Sprintf("/calendar/files/lich-cong-tac.docx?org=%d&week=%s", org, week.Key()))
			if docx.status != http.StatusOK || docx.header.Get("Content-Type") != ctypeDOCX {
				t.Fatalf("DOCX: %d %s", docx.status, docx.header.Get("Content-Type"))
			}
			text := docxText(t, []byte(docx.body))
			assertContains(t, text, "LỊCH CÔNG TÁC TUẦN", vn.WeekHeading(week), "(Đã hủy)", "Làm việc với Sở Xây dựng về quy hoạch")
			pdf := cvp.get(fmt.Sprintf("/calendar/files/lich-cong-tac.pdf?org=%d&week=%s", org, week.Key()))
			if pdf.status != http.StatusOK || pdf.header.Get("Content-Type") != ctypePDF {
				t.Fatalf("PDF: %d %s", pdf.status, pdf.header.Get("Content-Type"))
			}
			squashed := strings.Join(strings.Fields(pdfText(t, []byte(pdf.body))), " ")
			assertContains(t, squashed, "LỊCH CÔNG TÁC TUẦN", "Tuần thứ", "Lê Minh Đức")
			if r := cvp.get("/calendar/files/lich-cong-tac.xlsx"); r.status != http.StatusNotFound {
				t.Errorf("an unknown file: %d", r.status)
			}
			if r := as(t, s, srv, "xem").get("/calendar/files/lich-cong-tac.pdf?org=999999"); r.status != http.StatusNotFound {
				t.Errorf("the file of an unknown org: %d", r.status)
			}
		})
	}
}

// TestTheWeekShownOnAWeekendIsTheComingOne: on Saturday and Sunday /calendar opens on the
// coming week, on weekdays on this one.
func TestTheWeekShownOnAWeekendIsTheComingOne(t *testing.T) {
	for _, tc := range []struct{ today, want string }{
		{"2026-12-05", "2026-W50"}, {"2026-12-06", "2026-W50"}, {"2026-12-07", "2026-W50"}, {"2026-12-04", "2026-W49"},
		{"2026-12-31", "2026-W53"}, {"2027-01-02", "2027-W01"},
	} {
		today, _ := congtac.ParseDate(tc.today)
		week, err := parseWeek(url.Values{}, today)
		if err != nil || week.Key() != tc.want {
			t.Errorf("on %s the week is %s (%v), want %s", tc.today, week.Key(), err, tc.want)
		}
	}
	if !regexp.MustCompile(`^Tuần thứ 50 \(từ ngày 07/12/2026 đến ngày 13/12/2026\)$`).MatchString(
		vn.WeekHeading(congtac.Period{Kind: congtac.PeriodWeek, Year: 2026, Number: 50})) {
		t.Error("the week is not named as offices name it")
	}
}
