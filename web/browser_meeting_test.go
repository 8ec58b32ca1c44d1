package web

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"congtac"
	"congtac/store/storetest"
)

// TestBrowserMeetingToCalendar is issue 12's scenario in a real browser, on both engines:
// the office creates a regular meeting chaired by the chairman with two matters prepared
// by named departments and issues its invitation; the Finance department attaches its
// report; the office fills the week from the meetings and publishes it, the chairman's
// entry on it; the weekly briefing's Thursday of that week is cancelled with its reason,
// and the published week gets its next revision; the conclusion of a meeting held today is
// given as a task of this month's program and the notice of conclusions is issued.
// Screenshots are kept.
func TestBrowserMeetingToCalendar(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			ctx := browser(t)
			st := newDemo(t, e)
			s, _ := newTestServer(t, st)
			b := &browserSession{t: t, ctx: ctx, base: startServer(t, s).URL}
			css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }
			province := demoOrg(t, st, "Ủy ban nhân dân tỉnh Sơn Hà")
			finance := demoOrg(t, st, "Sở Tài chính")
			construction := demoOrg(t, st, "Sở Xây dựng")
			chairs, _ := st.FindPeople(ctxb, congtac.PersonFilter{Query: "Trần Quốc Hưng"})
			if len(chairs) != 1 {
				t.Fatalf("the demo's chairman: %+v", chairs)
			}
			week := congtac.PeriodOf(congtac.PeriodWeek, demoToday).Next().Next()
			friday := week.Start().AddDays(4)
			title := "Hội nghị UBND tỉnh thường kỳ chuyên đề đầu tư công"

			b.signInAs("vanphong")
			b.do("open the meetings", chromedp.Navigate(b.base+"/meetings"), chromedp.WaitVisible(css(`a[href="/meetings/new"]`)))
			b.do("open the form", chromedp.Click(css(`a[href="/meetings/new"]`)), chromedp.WaitVisible(css(`#m-title`)))
			msg := b.act("create the meeting",
				chromedp.SetValue(css(`#m-org`), fmt.Sprint(province.ID)),
				chromedp.SetValue(css(`#m-kind`), "regular"),
				chromedp.SendKeys(css(`#m-title`), title),
				chromedp.SetValue(css(`#m-date`), friday.String()),
				chromedp.SendKeys(css(`#m-time`), "8 giờ 00"),
				chromedp.SendKeys(css(`#m-place`), "Hội trường UBND tỉnh"),
				chromedp.SetValue(css(`#m-chair`), fmt.Sprint(chairs[0].ID)),
				chromedp.Click(css(`form[action="/meetings"] button[type=submit]`)))
			if !strings.Contains(msg, "Đã tạo hội nghị") {
				t.Fatalf("after creating: %q", msg)
			}
			for _, it := range []struct {
				title string
				lead  int64
			}{
				{"Báo cáo tình hình giải ngân vốn đầu tư công 11 tháng", finance.ID},
				{"Báo cáo tiến độ các dự án trọng điểm", construction.ID},
			} {
				msg := b.act("add "+it.title,
					chromedp.SendKeys(css(`#a0-title`), it.title),
					chromedp.SetValue(css(`#a0-lead`), fmt.Sprint(it.lead)),
					chromedp.SendKeys(css(`#a0-minutes`), "30"),
					chromedp.Click(css(`form[action$="/agenda"] button[type=submit]`)))
				if !strings.Contains(msg, "Đã thêm nội dung trình") {
					t.Fatalf("after adding %q: %q", it.title, msg)
				}
			}
			ms, _ := st.FindMeetings(ctxb, congtac.MeetingFilter{Query: title})
			if len(ms) != 1 || len(ms[0].Agenda) != 2 || ms[0].Start != congtac.At(8, 0) || ms[0].ChairID != chairs[0].ID {
				t.Fatalf("the meeting stored: %+v", ms)
			}
			m := ms[0]
			page := fmt.Sprintf("%s/meetings/%d", b.base, m.ID)
			b.do("open the meeting", chromedp.Navigate(page), chromedp.WaitVisible(css(`form[action$="/issue"]`)))
			if msg := b.act("issue the invitation", chromedp.Click(css(`form[action$="/issue"] button`))); !strings.Contains(msg, "/GM-") {
				t.Errorf("after issuing: %q", msg)
			}

			b.signInAs("phongbaocao")
			report := filepath.Join(t.TempDir(), "Báo cáo giải ngân.pdf")
			if err := os.WriteFile(report, []byte("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			b.do("open the meeting", chromedp.Navigate(page), chromedp.WaitVisible(css(`form.upload`)))
			if msg := b.act("attach the report", chromedp.SetUploadFiles(css(`form.upload input[type=file]`), []string{report}),
				chromedp.Click(css(`form.upload button`))); !strings.Contains(msg, "Đã gửi tài liệu") {
				t.Errorf("after attaching: %q", msg)
			}
			if got := b.text(`table.agenda`); !strings.Contains(got, "Báo cáo giải ngân.pdf") {
				t.Errorf("the agenda lacks the report: %q", got)
			}
			b.screenshot("browser-meeting.png", "")

			b.signInAs("vanphong")
			calendar := fmt.Sprintf("%s/calendar?org=%d&week=%s", b.base, province.ID, week.Key())
			b.do("open the week", chromedp.Navigate(calendar), chromedp.WaitVisible(css(`form[action="/calendar/generate"]`)))
			b.act("fill the week from the meetings", chromedp.Click(css(`form[action="/calendar/generate"] button`)))
			if got := b.text(`table.week`); !strings.Contains(got, title) || !strings.Contains(got, "Trần Quốc Hưng") {
				t.Errorf("the week lacks the chairman's meeting: %q", got)
			}
			b.act("publish the week", chromedp.Click(css(`form[action="/calendar/publish"] button`)))

			briefing, _ := st.FindMeetings(ctxb, congtac.MeetingFilter{Kind: ptr(congtac.MeetingBriefing), OrgID: &province.ID, Limit: 1})
			if len(briefing) != 1 || briefing[0].Recurrence == nil {
				t.Fatalf("the demo's briefing: %+v", briefing)
			}
			thursday := week.Start().AddDays(3)
			b.do("open the briefing's forms", chromedp.Navigate(fmt.Sprintf("%s/meetings/%d/edit", b.base, briefing[0].ID)),
				chromedp.WaitVisible(css(`#o-of`)))
			msg = b.act("cancel one Thursday", chromedp.SetValue(css(`#o-of`), thursday.String()),
				chromedp.Click(css(`input[name="cancel"]`)), chromedp.SendKeys(css(`#o-note`), "Lãnh đạo dự hội nghị của Chính phủ."),
				chromedp.Click(css(`form[action$="/sittings"] button[type=submit]`)))
			if !strings.Contains(msg, "Đã đổi buổi họp") {
				t.Errorf("after cancelling the sitting: %q", msg)
			}
			got, _ := st.FindMeetingByID(ctxb, briefing[0].ID)
			if held := got.Held(thursday, thursday); len(held) != 0 {
				t.Errorf("the cancelled Thursday is still held: %v", held)
			}
			b.do("open the week again", chromedp.Navigate(calendar), chromedp.WaitVisible(css(`table.week`)))
			if got := b.text(`section.calendar`); !strings.Contains(got, "Điều chỉnh lần 1") ||
				!strings.Contains(got, "Lãnh đạo dự hội nghị của Chính phủ") {
				t.Errorf("the published week has no revision for the cancelled Thursday: %q", got)
			}
			b.screenshot("browser-calendar.png", "")

			// A meeting held today: its conclusion becomes a task of this month's program, then
			// the notice of conclusions is issued.
			program := findProgramOf(t, st, demoMonth(t, st))
			held := congtac.MeetingHeld
			office, err := st.FindUserByLogin(ctxb, "vanphong")
			if err != nil {
				t.Fatal(err)
			}
			officeActor, err := s.actorFor(ctxb, office, "")
			if err != nil {
				t.Fatal(err)
			}
			today, err := st.CreateMeeting(ctxb, officeActor, congtac.Meeting{OrgID: province.ID, ProgramID: program.ID,
				Kind: congtac.MeetingWorking, Title: "Làm việc về giải ngân vốn đầu tư công", Date: demoToday,
				Start: congtac.At(8, 0), ChairID: chairs[0].ID, Status: held,
				Agenda: []congtac.AgendaItem{{Title: "Báo cáo giải ngân", Lead: finance.ID,
					Conclusion: "Giao Sở Tài chính đôn đốc các chủ đầu tư giải ngân hết kế hoạch vốn."}}})
			if err != nil {
				t.Fatal(err)
			}
			b.do("open its forms", chromedp.Navigate(fmt.Sprintf("%s/meetings/%d/edit", b.base, today.ID)),
				chromedp.WaitVisible(css(`form.assign`)))
			msg = b.act("give the conclusion as a task",
				chromedp.Click(css(`details.agenda-item > summary`)),
				chromedp.SetValue(css(`form.assign select[name="lead"]`), fmt.Sprint(finance.ID)),
				chromedp.SendKeys(css(`form.assign input[name="due"]`), "chậm nhất ngày 31/12/2026"),
				chromedp.Click(css(`form.assign button`)))
			if !strings.Contains(msg, "Đã giao nhiệm vụ từ kết luận") {
				t.Errorf("after giving the task: %q", msg)
			}
			if got := b.text(`table.agenda`); !strings.Contains(got, "Nhiệm vụ: Giao Sở Tài chính đôn đốc") {
				t.Errorf("the meeting does not list the task: %q", got)
			}
			if msg := b.act("issue the notice", chromedp.Click(css(`form[action$="/issue"] input[value="TB"] ~ button`))); !strings.Contains(msg, "/TB-") {
				t.Errorf("after issuing the notice: %q", msg)
			}
		})
	}
}
