package web

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"congtac"
	"congtac/store/storetest"
)

// TestBrowserFollowUp is issue 13's scenario in a real browser, on both engines: the
// commune's reporter finds its own overdue task on its home, reports it done with an
// attachment in one go from there; the office returns the report with a remark; the
// reporter completes the text and sends it again; the office accepts it, and this month's
// board counts one task fewer overdue and one more done late, its chart redrawn; the
// chairman asks another unit to explain a late task, and sees the answer once it is given.
func TestBrowserFollowUp(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			ctx := browser(t)
			st := newDemo(t, e)
			s, _ := newTestServer(t, st)
			b := &browserSession{t: t, ctx: ctx, base: startServer(t, s).URL}
			css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }
			board := func() (counts, chart string) {
				b.do("open the board", chromedp.Navigate(b.base+"/boards"), chromedp.WaitVisible(css(`svg.chart`)))
				return b.text(`ul.board-counts`), b.text(`table.board`)
			}

			b.signInAs("cvp")
			countsBefore, tableBefore := board()

			commune := demoOrg(t, st, "Xã Tân Phước")
			b.signInAs("xabaocao")
			b.do("open the home", chromedp.Navigate(b.base+"/"), chromedp.WaitVisible(css(`section.panel`)))
			if got := b.text(`section.panel`); !strings.Contains(got, "Nhiệm vụ quá hạn") || !strings.Contains(got, commune.Name+" — quá hạn") {
				t.Fatalf("the commune's first panel lacks its own overdue task: %q", got)
			}
			// Of the overdue tasks, the commune's own (not one it supports): its report completes it.
			if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`(() => {
				for (const li of document.querySelectorAll('section.panel li')) {
					if (li.querySelector('.sub')?.textContent.startsWith(`+strconv.Quote(commune.Name+" — quá hạn")+`)) {
						li.querySelector('a.button').dataset.own = "1"; return true }
				}
				return false })()`)); err != nil {
				t.Fatal(err)
			}
			b.do("report from the home", chromedp.Click(css(`a.button[data-own]`)), chromedp.WaitVisible(css(`form.report-form`)))
			proof := filepath.Join(t.TempDir(), "Biên bản giải ngân.pdf")
			if err := os.WriteFile(proof, []byte(tinyPDF), 0o644); err != nil {
				t.Fatal(err)
			}
			done := demoToday.AddDays(-1)
			msg := b.act("send the report",
				chromedp.SendKeys(css(`#r-text`), "Đã giải ngân hết kế hoạch vốn được giao."),
				chromedp.SetValue(css(`#r-percent`), "100"),
				chromedp.SendKeys(css(`#r-done`), fmt.Sprintf("%d/%d/%d", done.Day, int(done.Month), done.Year)),
				chromedp.SetUploadFiles(css(`#r-file`), []string{proof}),
				chromedp.Click(css(`form.report-form button[value="submit"]`)))
			if !strings.Contains(msg, "Đã gửi báo cáo tới Văn phòng") {
				t.Fatalf("after sending: %q", msg)
			}
			if got := b.text(`main`); !strings.Contains(got, "Biên bản giải ngân.pdf") {
				t.Errorf("the report lacks its attachment: %q", got)
			}
			report, err := chromedp.Run(b.ctx, chromedp.Location())
			if err != nil {
				t.Fatal(err)
			}

			b.signInAs("cvp")
			b.do("open the report", chromedp.Navigate(report), chromedp.WaitVisible(css(`#v-return`)))
			if msg := b.act("return it", chromedp.Click(css(`#v-return`)), chromedp.SendKeys(css(`#v-note`), "Bổ sung số liệu giải ngân."),
				chromedp.Click(css(`form[action$="/review"] button`))); !strings.Contains(msg, "Đã trả lại") {
				t.Errorf("after returning: %q", msg)
			}

			b.signInAs("xabaocao")
			b.do("open the returned report", chromedp.Navigate(report), chromedp.WaitVisible(css(`#r-text`)))
			if msg := b.act("complete and send again", chromedp.SendKeys(css(`#r-text`), " Giải ngân 12,5 tỷ đồng, đạt 100%."),
				chromedp.Click(css(`form.report-form button[value="submit"]`))); !strings.Contains(msg, "Đã gửi báo cáo") {
				t.Errorf("after sending again: %q", msg)
			}

			b.signInAs("cvp")
			b.do("open the report again", chromedp.Navigate(report), chromedp.WaitVisible(css(`#v-accept`)))
			if msg := b.act("accept it", chromedp.Click(css(`#v-accept`)), chromedp.Click(css(`form[action$="/review"] button`))); !strings.Contains(msg, "Đã tiếp nhận") {
				t.Errorf("after accepting: %q", msg)
			}
			countsAfter, tableAfter := board()
			if countsAfter == countsBefore || tableAfter == tableBefore {
				t.Errorf("the board did not change:\n%s\n%s", countsBefore, countsAfter)
			}
			b.screenshot("browser-board.png", "")

			// The chairman asks another unit to explain a late task.
			overdue := congtac.StatusOverdue
			late, err2 := st.FindTaskList(ctxb, congtac.TaskFilter{Status: &overdue, AsOf: demoToday, Limit: 50})
			if err2 != nil {
				t.Fatal(err2)
			}
			var other congtac.Task
			for _, tk := range late.Tasks {
				if tk.Lead != commune.ID && other.ID == 0 {
					other = tk
				}
			}
			if other.ID == 0 {
				t.Fatal("no overdue task of another unit in the demo")
			}
			b.signInAs("chutich")
			b.do("open the late task", chromedp.Navigate(fmt.Sprintf("%s/tasks/%d", b.base, other.ID)),
				chromedp.WaitVisible(css(`#giai-trinh summary`)))
			if msg := b.act("ask for an explanation", chromedp.Click(css(`#giai-trinh summary`)),
				chromedp.SendKeys(css(`#x-question`), "Đề nghị giải trình lý do chậm tiến độ."),
				chromedp.Click(css(`form[action$="/explanations"] button`))); !strings.Contains(msg, "Đã gửi yêu cầu giải trình") {
				t.Fatalf("after asking: %q", msg)
			}
			asked, _, _ := st.FindExplanations(ctxb, congtac.ExplanationFilter{TaskID: &other.ID})
			unit := mustUser(t, st, "donvikhac", congtac.RoleReporter, other.Lead)
			ua, err := s.actorFor(ctxb, unit, "")
			if err != nil || len(asked) == 0 {
				t.Fatalf("the request %+v, %v", asked, err)
			}
			last := asked[len(asked)-1]
			if _, err := st.AnswerExplanation(ctxb, ua, last.ID, last.Version, "Do vướng giải phóng mặt bằng; hoàn thành trong tháng tới."); err != nil {
				t.Fatal(err)
			}
			b.do("read the answer", chromedp.Navigate(fmt.Sprintf("%s/tasks/%d", b.base, other.ID)), chromedp.WaitVisible(css(`#giai-trinh`)))
			if got := b.text(`#giai-trinh`); !strings.Contains(got, "Đã giải trình") || !strings.Contains(got, "Do vướng giải phóng mặt bằng") {
				t.Errorf("the chairman does not see the answer: %q", got)
			}
		})
	}
}
