package web

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"congtac"
	"congtac/store/storetest"
)

// TestBrowserMeetingToCalendar is issue 12's scenario in a real browser, on both engines:
// the office creates the seed's regular meeting of Friday 21/4/2023 with its six matters
// and preparing departments and issues its invitation (GM with a number); the April
// program's part B shows it in the seed's words; the Thursday-afternoon briefing is made a
// series; the chairman's week has both and his feed the meeting; the economy department
// attaches its report; one Thursday briefing is cancelled with its reason, and the feed
// gets the EXDATE and the published week its next revision; after the meeting the office
// marks it held, writes two conclusions, gives them as tasks of the April program and
// issues the notice of conclusions (TB). Screenshots are kept.
func TestBrowserMeetingToCalendar(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			ctx := browser(t)
			now := time.Date(2023, 4, 12, 9, 0, 0, 0, congtac.Location())
			w, orgs, chair, vice := newSeedMeetingWorld(t, e, func() time.Time { return now })
			b := &browserSession{t: t, ctx: ctx, base: w.srv.URL}
			css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }
			openAll := func() { // the agenda's matters are folded in <details>
				if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](
					`document.querySelectorAll('details.agenda-item').forEach(d => d.open = true); true`)); err != nil {
					t.Fatal(err)
				}
			}
			title := "Hội nghị UBND huyện thường kỳ tháng 4"

			b.signInAs("vanphong")
			b.do("open the meetings", chromedp.Navigate(b.base+"/meetings"), chromedp.WaitVisible(css(`a[href="/meetings/new"]`)))
			b.do("open the form", chromedp.Click(css(`a[href="/meetings/new"]`)), chromedp.WaitVisible(css(`#m-title`)))
			msg := b.act("create the meeting",
				chromedp.SetValue(css(`#m-org`), fmt.Sprint(w.committee.ID)),
				chromedp.SetValue(css(`#m-kind`), "regular"),
				chromedp.SetValue(css(`#m-program`), fmt.Sprint(w.april.ID)),
				chromedp.SendKeys(css(`#m-title`), title),
				chromedp.SetValue(css(`#m-date`), "2023-04-21"),
				chromedp.SendKeys(css(`#m-time`), "8 giờ 00"),
				chromedp.SendKeys(css(`#m-place`), "Hội trường UBND huyện"),
				chromedp.SetValue(css(`#m-chair`), fmt.Sprint(chair.ID)),
				chromedp.Click(css(fmt.Sprintf(`#m-people input[value="%d"]`, vice.ID))),
				chromedp.SendKeys(css(`#m-attendees`), "Thành viên UBND huyện"),
				chromedp.Click(css(`form[action="/meetings"] button[type=submit]`)))
			if !strings.Contains(msg, "Đã tạo hội nghị") {
				t.Fatalf("after creating: %q", msg)
			}
			for _, it := range seedAgenda {
				msg := b.act("add "+it.title,
					chromedp.SendKeys(css(`#a0-title`), it.title),
					chromedp.SetValue(css(`#a0-lead`), fmt.Sprint(orgs[it.lead])),
					chromedp.SendKeys(css(`#a0-minutes`), "20"),
					chromedp.Click(css(`form[action$="/agenda"] button[type=submit]`)))
				if !strings.Contains(msg, "Đã thêm nội dung trình") {
					t.Fatalf("after adding %q: %q", it.title, msg)
				}
			}
			ms, _ := w.st.FindMeetings(ctxb, congtac.MeetingFilter{Query: title})
			if len(ms) != 1 || len(ms[0].Agenda) != 6 || ms[0].Start != congtac.At(8, 0) || ms[0].ChairID != chair.ID ||
				ms[0].ProgramID != w.april.ID || ms[0].Agenda[4].Lead != orgs["agriculture"] {
				t.Fatalf("the meeting stored: %+v", ms)
			}
			m := ms[0]
			page := fmt.Sprintf("%s/meetings/%d", b.base, m.ID)
			b.do("open the meeting", chromedp.Navigate(page), chromedp.WaitVisible(css(`form[action$="/issue"]`)))
			if msg := b.act("issue the invitation", chromedp.Click(css(`form[action$="/issue"] button`))); !strings.Contains(msg, "/GM-UBND") {
				t.Errorf("after issuing: %q", msg)
			}
			b.do("open the April program", chromedp.Navigate(fmt.Sprintf("%s/programs/%d", b.base, w.april.ID)),
				chromedp.WaitVisible(css(`article.doc`)))
			partB := strings.Join(strings.Fields(b.text(`article.doc`)), " ")
			assertContains(t, partB, "B. CÁC HỘI NGHỊ CHÍNH TRONG THÁNG I. Hội nghị UBND huyện thường kỳ tháng 4: 8 giờ 00, Thứ Sáu, ngày 21/4/2023",
				"dự kiến nội dung gồm: 1. Báo cáo tình hình kinh tế - xã hội tháng 4 và 4 tháng đầu năm; nhiệm vụ trọng tâm tháng 5 năm 2023 (Phòng Tài chính - KH chuẩn bị).",
				"(Phòng Nông nghiệp và PTNT chuẩn bị). 6. Các nội dung khác trình theo quy định")

			// The Thursday-afternoon briefing, a series.
			b.do("open the form", chromedp.Navigate(b.base+"/meetings/new"), chromedp.WaitVisible(css(`#m-title`)))
			msg = b.act("create the briefing",
				chromedp.SetValue(css(`#m-org`), fmt.Sprint(w.committee.ID)),
				chromedp.SetValue(css(`#m-kind`), "briefing"),
				chromedp.SendKeys(css(`#m-title`), "Chủ tịch và các Phó Chủ tịch UBND huyện giao ban"),
				chromedp.SetValue(css(`#m-date`), "2023-04-06"),
				chromedp.SendKeys(css(`#m-recurrence`), "chiều thứ Năm hằng tuần"),
				chromedp.SendKeys(css(`#m-place`), "Phòng họp số 1"),
				chromedp.SetValue(css(`#m-chair`), fmt.Sprint(chair.ID)),
				chromedp.Click(css(`form[action="/meetings"] button[type=submit]`)))
			if !strings.Contains(msg, "Đã tạo hội nghị") {
				t.Fatalf("after creating the briefing: %q", msg)
			}
			briefing, _ := w.st.FindMeetings(ctxb, congtac.MeetingFilter{Kind: ptr(congtac.MeetingBriefing), Limit: 1})
			if len(briefing) != 1 || briefing[0].Recurrence == nil {
				t.Fatalf("the briefing: %+v", briefing)
			}

			// The chairman's week, published, and his feed.
			week := congtac.PeriodOf(congtac.PeriodWeek, congtac.MustDate(2023, 4, 21))
			calendar := fmt.Sprintf("%s/calendar?org=%d&week=%s", b.base, w.committee.ID, week.Key())
			b.do("open the week", chromedp.Navigate(calendar), chromedp.WaitVisible(css(`form[action="/calendar/generate"]`)))
			b.act("fill the week from the meetings", chromedp.Click(css(`form[action="/calendar/generate"] button`)))
			if got := b.text(`table.week`); !strings.Contains(got, title) || !strings.Contains(got, "Nguyễn Văn Giang") ||
				!strings.Contains(got, "giao ban") || !strings.Contains(got, "Vương Mạnh Chung") {
				t.Errorf("the week lacks the chairman's meeting and briefing: %q", got)
			}
			b.act("publish the week", chromedp.Click(css(`form[action="/calendar/publish"] button`)))
			feed := valid[apiNewFeed](t, w.s, w.chair.call("POST", "/api/v1/feeds", fmt.Sprintf(
				`{"kind": "person", "subject_id": %d, "name": "Lịch của Chủ tịch"}`, chair.ID)), http.StatusCreated, "NewFeed")
			subscribe := func() string {
				res, err := w.srv.Client().Get(w.srv.URL + feed.URL)
				if err != nil {
					t.Fatal(err)
				}
				return readAll(t, res)
			}
			assertContains(t, subscribe(), "SUMMARY:"+title, "DTSTART;TZID=Asia/Ho_Chi_Minh:20230421T080000",
				"RRULE:FREQ=WEEKLY;BYDAY=TH")

			// The economy department attaches its report to the matter it prepares.
			b.signInAs("kinhte")
			report := filepath.Join(t.TempDir(), "Báo cáo tiến độ dự án.pdf")
			if err := os.WriteFile(report, []byte(tinyPDF), 0o644); err != nil {
				t.Fatal(err)
			}
			upload := fmt.Sprintf(`form.upload[action="/agenda/%d/materials"]`, m.Agenda[1].ID)
			b.do("open the meeting", chromedp.Navigate(page), chromedp.WaitVisible(css(upload)))
			if msg := b.act("attach the report", chromedp.SetUploadFiles(css(upload+` input[type=file]`), []string{report}),
				chromedp.Click(css(upload+` button`))); !strings.Contains(msg, "Đã gửi tài liệu") {
				t.Errorf("after attaching: %q", msg)
			}
			if got := b.text(`table.agenda`); !strings.Contains(got, "Báo cáo tiến độ dự án.pdf") {
				t.Errorf("the agenda lacks the report: %q", got)
			}
			b.screenshot("browser-meeting.png", "")

			// Thursday 20/4's briefing is cancelled: the feed and the published week follow.
			b.signInAs("vanphong")
			b.do("open the briefing's forms", chromedp.Navigate(fmt.Sprintf("%s/meetings/%d/edit", b.base, briefing[0].ID)),
				chromedp.WaitVisible(css(`#o-of`)))
			msg = b.act("cancel one Thursday", chromedp.SetValue(css(`#o-of`), "2023-04-20"),
				chromedp.Click(css(`input[name="cancel"]`)), chromedp.SendKeys(css(`#o-note`), "Lãnh đạo dự hội nghị của Tỉnh ủy."),
				chromedp.Click(css(`form[action$="/sittings"] button[type=submit]`)))
			if !strings.Contains(msg, "Đã đổi buổi họp") {
				t.Errorf("after cancelling the sitting: %q", msg)
			}
			assertContains(t, subscribe(), "EXDATE;TZID=Asia/Ho_Chi_Minh:20230420T140000")
			b.do("open the week again", chromedp.Navigate(calendar), chromedp.WaitVisible(css(`table.week`)))
			if got := b.text(`section.calendar`); !strings.Contains(got, "Điều chỉnh lần 1") ||
				!strings.Contains(got, "Lãnh đạo dự hội nghị của Tỉnh ủy") {
				t.Errorf("the published week has no revision for the cancelled Thursday: %q", got)
			}
			b.screenshot("browser-calendar.png", "")

			// After the meeting: held, two conclusions given as tasks of April, the notice.
			now = time.Date(2023, 4, 21, 16, 0, 0, 0, congtac.Location())
			b.signInAs("vanphong") // nine days later: a new session
			edit := fmt.Sprintf("%s/meetings/%d/edit", b.base, m.ID)
			b.do("open the meeting's forms", chromedp.Navigate(edit), chromedp.WaitVisible(css(`form[action$="/status"]`)))
			if msg := b.act("mark it held", chromedp.Click(css(`input[name="status"][value="held"]`)),
				chromedp.Click(css(`form[action$="/status"] button`))); !strings.Contains(msg, "Hội nghị: Đã họp") {
				t.Errorf("after marking held: %q", msg)
			}
			conclusions := []string{"Giao Phòng Tài chính - KH hoàn thiện báo cáo, gửi Thường trực Huyện ủy trước ngày 25/4/2023.",
				"Giao Phòng Kinh tế đôn đốc các nhà thầu, bảo đảm tiến độ các dự án trọng điểm."}
			for i, c := range conclusions {
				it := m.Agenda[i]
				b.do("open the forms", chromedp.Navigate(edit), chromedp.WaitVisible(css(`#agenda`)))
				openAll()
				if msg := b.act(fmt.Sprintf("write conclusion %d", i+1), chromedp.SendKeys(css(fmt.Sprintf(`#a%d-conclusion`, it.ID)), c),
					chromedp.Click(css(fmt.Sprintf(`form[action="/agenda/%d"] button[type=submit]`, it.ID)))); !strings.Contains(msg, "Đã lưu") {
					t.Errorf("after conclusion %d: %q", i+1, msg)
				}
			}
			for i, due := range []string{"trước ngày 25/4/2023", "trong tháng 5/2023"} {
				assign := fmt.Sprintf(`form[action="/agenda/%d/tasks"]`, m.Agenda[i].ID)
				b.do("open the forms", chromedp.Navigate(edit), chromedp.WaitVisible(css(`#agenda`)))
				openAll()
				if msg := b.act(fmt.Sprintf("give conclusion %d as a task", i+1),
					chromedp.SetValue(css(assign+` select[name="lead"]`), fmt.Sprint(m.Agenda[i].Lead)),
					chromedp.SendKeys(css(assign+` input[name="due"]`), due),
					chromedp.Click(css(assign+` button`))); !strings.Contains(msg, "Đã giao nhiệm vụ từ kết luận") {
					t.Errorf("after giving task %d: %q", i+1, msg)
				}
			}
			given, err := w.st.FindConclusionTasks(ctxb, m.ID)
			if err != nil || len(given) != 2 || given[m.Agenda[0].ID][0].ProgramID != w.april.ID ||
				given[m.Agenda[1].ID][0].Due.Date != congtac.MustDate(2023, 5, 31) {
				t.Errorf("tasks from conclusions: %+v, %v", given, err)
			}
			if got := b.text(`table.agenda`); !strings.Contains(got, "Nhiệm vụ: Giao Phòng Kinh tế đôn đốc") {
				t.Errorf("the meeting does not list the tasks: %q", got)
			}
			if msg := b.act("issue the notice", chromedp.Click(css(`form[action$="/issue"] input[value="TB"] ~ button`))); !strings.Contains(msg, "/TB-UBND") {
				t.Errorf("after issuing the notice: %q", msg)
			}
		})
	}
}
