package web

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"congtac/store"
)

// tabTo presses Tab until the focused element matches sel, at most max times, failing the
// test when it never does; the element reached must show that it has the focus (an
// outline). It returns how many presses it took.
func (b *browserSession) tabTo(sel string, max int) int {
	b.t.Helper()
	quoted, _ := json.Marshal(sel)
	at := `(() => { const e = document.activeElement; return !!e && e.matches(` + string(quoted) + `) })()`
	for n := 1; n <= max; n++ {
		b.do("press Tab", chromedp.KeyEvent(kb.Tab))
		if v, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](at)); err == nil && v {
			if o := b.evaluate(`getComputedStyle(document.activeElement).outlineStyle`); o == "none" {
				b.t.Errorf("%s has the focus but shows no outline", sel)
			}
			return n
		}
	}
	b.t.Fatalf("%d presses of Tab never reached %s (the focus is on %s)", max, sel,
		b.evaluate(`(() => { const e = document.activeElement; return e ? e.outerHTML.slice(0, 120) : 'nothing' })()`))
	return 0
}

// press sends keys to whatever has the focus: text, or a key of package kb.
func (b *browserSession) press(what, keys string) {
	b.t.Helper()
	b.do(what, chromedp.KeyEvent(keys))
}

// TestBrowserEditorByKeyboard drafts with the keyboard alone: from the editor of the demo's
// draft the drafter tabs to an item's "add a task" link and follows it, writes the task,
// picks its lead by typing in the select, filters the supports and ticks one with the
// space bar, types a deadline and sends the form with Enter; then opens the task's edit
// form with Enter. Every stop shows its focus.
func TestBrowserEditorByKeyboard(t *testing.T) {
	ctx := browser(t)
	st := newDemo(t, store.SQLite)
	s, _ := newTestServer(t, st)
	b := &browserSession{t: t, ctx: ctx, base: startServer(t, s).URL}
	next := demoMonth(t, st).Next()
	draft := demoProgram(t, st, next.Year, next.Number)
	finance := demoOrg(t, st, "Sở Tài chính")
	construction := demoOrg(t, st, "Sở Xây dựng")
	b.signInAs("vanphong")

	b.do("open the editor", chromedp.Navigate(fmt.Sprintf("%s/programs/%d/edit", b.base, draft.ID)),
		chromedp.WaitVisible(chromedp.CSS(`#items`)))
	add := b.evaluate(`document.querySelector('.ed-adds a[href*="add=task"]').getAttribute('href')`)
	n := b.tabTo(`a[href="`+add+`"]`, 400)
	t.Logf("%d presses of Tab to the first item's link", n)
	b.press("follow the link", kb.Enter)
	form := "#" + add[strings.Index(add, "#")+1:]
	b.do("wait for the form", chromedp.WaitVisible(chromedp.CSS(form+` textarea[name="text"]`)))

	const text = "Rà soát hồ sơ các dự án chậm tiến độ bằng bàn phím"
	b.tabTo(form+` textarea[name="text"]`, 10)
	b.press("write the task", text)
	b.tabTo(form+` select[name="lead"]`, 5)
	b.press("pick the lead by typing", "Sở Xây")
	if got := b.evaluate(`(() => { const s = document.querySelector('` + form + ` select[name="lead"]'); return s.options[s.selectedIndex].text })()`); got != "Sở Xây dựng" {
		t.Errorf("typing “Sở Xây” in the lead's select chose %q", got)
	}
	b.tabTo(form+` input.org-filter`, 5)
	b.press("filter the supports", "tai chinh")
	b.tabTo(form+` .check-list input[type="checkbox"]`, 5)
	if got := b.evaluate(`document.activeElement.closest('label').textContent.trim()`); got != "Sở Tài chính" {
		t.Errorf("the first support left by the filter is %q", got)
	}
	b.press("tick it", " ")
	b.tabTo(form+` input[name="due"]`, 20)
	b.press("type the deadline", fmt.Sprintf("trong tháng %d/%d", next.Number, next.Year))
	b.tabTo(form+` button[type="submit"]`, 40)
	msg := b.act("send the form", chromedp.KeyEvent(kb.Enter))
	if !strings.HasPrefix(msg, "Đã thêm nhiệm vụ.") {
		t.Fatalf("after sending the form with Enter the page says %q", msg)
	}
	task := programTaskByText(t, findProgramOf(t, st, next), text[:30])
	if task.Lead != construction.ID || len(task.Support) != 1 || task.Support[0].OrgID != finance.ID {
		t.Errorf("the task saved has lead %d and supports %v, want %d and [%d]", task.Lead, task.Support, construction.ID, finance.ID)
	}

	summary := fmt.Sprintf("#task-%d > details > summary", task.ID)
	b.do("open the editor again", chromedp.Navigate(fmt.Sprintf("%s/programs/%d/edit", b.base, draft.ID)),
		chromedp.WaitVisible(chromedp.CSS(`#items`)))
	b.tabTo(summary, 600)
	b.press("open the task's form", kb.Enter)
	if open := b.evaluate(fmt.Sprintf(`String(document.querySelector('#task-%d > details').open)`, task.ID)); open != "true" {
		t.Error("Enter on “Sửa nhiệm vụ” did not open the task's form")
	}
	b.screenshot("editor-keyboard.png", fmt.Sprintf("#task-%d", task.ID))
}
