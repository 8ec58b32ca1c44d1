package web

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"congtac"
	"congtac/store/storetest"
)

// TestBrowserImport is the clerk's import in a real browser, on both engines: from the
// menu to the import page, the seed's damaged text pasted, the review read side by side
// (and stacked, with nothing wider than a phone's screen), the lead of task 1.3 ("chậm
// nhất trong tháng 5/2023") chosen, the draft saved, and the program page showing it.
func TestBrowserImport(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			ctx := browser(t)
			w := enterSeedOrgs(t, e)
			mustUser(t, w.st, "vanthu", congtac.RoleDrafter, w.committee)
			b := &browserSession{t: t, ctx: ctx, base: w.c.base}
			css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }

			b.signInAs("vanthu")
			b.do("open the import page from the menu", chromedp.Click(css(`nav.main a[href="/imports"]`)),
				chromedp.WaitVisible(css(`#i-text`)))
			if h1 := b.text(`main h1`); h1 != "Nhập chương trình, lịch công tác có sẵn" {
				t.Errorf("heading %q", h1)
			}
			b.screenshot("browser-import-form.png", "")
			b.do("paste the seed and read it", chromedp.SetValue(css(`#i-text`), seedPDFText(t)),
				chromedp.Click(css(`form.import-form button[type="submit"]`)), chromedp.WaitVisible(css(`.import-reading`)))
			if got := b.text(`.import-masthead`); !strings.Contains(got, "Công tác của UBND huyện tháng 4 năm 2023") {
				t.Fatalf("the review's masthead: %q", got)
			}
			b.checkImportLayout()
			b.checkAxe(axeSource(t), "the import's review")
			b.screenshot("browser-import-review.png", "")

			lead := b.evaluate(`(() => {
				for (const task of document.querySelectorAll('.import-task')) {
					if (task.textContent.includes('chậm nhất trong tháng 5/2023')) return task.querySelector('select').id;
				}
				return '' })()`)
			if lead == "" {
				t.Fatal("no task with the deadline “chậm nhất trong tháng 5/2023” on the review")
			}
			msg := b.act("choose its lead and save", chromedp.SetValue(css("#"+lead), strconv.FormatInt(w.infra, 10)),
				chromedp.Click(css(`form.import-review button[type="submit"]`)))
			if !strings.Contains(msg, "Đã nhập văn bản dán vào thành dự thảo chương trình tháng 4 năm 2023") ||
				!strings.Contains(msg, "1 nhiệm vụ, 2 hội nghị. 7 nhiệm vụ chưa có cơ quan chủ trì") {
				t.Errorf("after saving: %q", msg)
			}
			where, err := chromedp.Run(ctx, chromedp.Location())
			if err != nil {
				t.Fatal(err)
			}
			m := regexp.MustCompile(`/programs/(\d+)$`).FindStringSubmatch(where)
			if m == nil {
				t.Fatalf("after saving the browser is at %s, want the program", where)
			}
			if got := b.text(`main`); !strings.Contains(got, "Công tác của UBND huyện tháng 4 năm 2023") || !strings.Contains(got, "Dự thảo") {
				t.Errorf("the program page does not show the draft: %.300q", got)
			}
			b.screenshot("browser-import-program.png", "")
			id, _ := strconv.ParseInt(m[1], 10, 64)
			p, err := w.st.FindProgramByID(ctxb, id)
			if err != nil || len(p.Tasks) != 1 || p.Tasks[0].Lead != w.infra || p.Tasks[0].Due.Text != "chậm nhất trong tháng 5/2023" {
				t.Errorf("saved: %+v, %v", p.Tasks, err)
			}
		})
	}
}

// evaluate returns the string a script gives.
func (b *browserSession) evaluate(js string) string {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](js))
	if err != nil {
		b.t.Fatalf("evaluate: %v", err)
	}
	return v
}

// checkImportLayout checks the review's two columns: side by side on a wide screen,
// stacked on a phone's (390×844) with no element wider than the screen.
func (b *browserSession) checkImportLayout() {
	b.t.Helper()
	const columns = `(() => {
		const [a, b] = ['.import-source', '.import-reading'].map((s) => document.querySelector(s).getBoundingClientRect());
		return a.top === b.top && a.right <= b.left ? 'side by side' : a.bottom <= b.top ? 'stacked' : 'overlapping' })()`
	if got := b.evaluate(columns); got != "side by side" {
		b.t.Errorf("on a wide screen the review's columns are %s", got)
	}
	b.do("narrow the screen", chromedp.EmulateViewport(390, 844))
	defer b.do("widen the screen", chromedp.EmulateViewport(1280, 900))
	if got := b.evaluate(columns); got != "stacked" {
		b.t.Errorf("on a phone the review's columns are %s", got)
	}
	wide := b.evaluate(`(() => {
		const w = innerWidth;
		if (document.documentElement.scrollWidth <= w) return '';
		return 'page ' + document.documentElement.scrollWidth + ' > ' + w + ': ' + Array.from(document.querySelectorAll('body *'))
			.filter((e) => e.getBoundingClientRect().right > w + 0.5).slice(0, 8)
			.map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ') })()`)
	if wide != "" {
		b.t.Errorf("on a phone the review is wider than the screen: %s", wide)
	}
	b.screenshot("browser-import-review-phone.png", "")
}
