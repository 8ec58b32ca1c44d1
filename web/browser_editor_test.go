package web

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"congtac"
	"congtac/store"
	"congtac/vn"
)

// browserSession drives one signed-in browser through the demo site.
type browserSession struct {
	t    *testing.T
	ctx  context.Context
	base string
}

func (b *browserSession) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

// text returns the visible text of the first element sel selects, waiting for one to
// appear. It reads it in the page by script rather than by node: a node the browser
// re-creates between a wait and a read ("No node with given id found") is no failure.
func (b *browserSession) text(sel string) string {
	b.t.Helper()
	quoted, _ := json.Marshal(sel)
	js := `(() => { const e = document.querySelector(` + string(quoted) + `); return e ? e.innerText : null })()`
	for range 50 {
		v, err := chromedp.Run(b.ctx, chromedp.Evaluate[*string](js))
		if err != nil {
			b.t.Fatalf("text of %s: %v", sel, err)
		}
		if v != nil {
			return *v
		}
		time.Sleep(100 * time.Millisecond)
	}
	b.t.Fatalf("text of %s: no such element after 5 s", sel)
	return ""
}

// signOut signs out whoever is signed in, and leaves the browser on the sign-in page.
func (b *browserSession) signOut() {
	b.t.Helper()
	b.do("open the site", chromedp.Navigate(b.base+"/"), chromedp.WaitVisible(chromedp.CSS(`header .user`)))
	if n, _ := chromedp.Run(b.ctx, chromedp.Nodes(chromedp.CSS(`header .user button`), chromedp.AtLeast(0))); len(n) > 0 {
		b.evaluate(`document.querySelector('header .user form').submit(); ''`)
		b.do("sign out", chromedp.WaitVisible(chromedp.CSS(`input[name="login"]`)))
	} else {
		b.do("open the sign-in page", chromedp.Navigate(b.base+"/login"), chromedp.WaitVisible(chromedp.CSS(`input[name="login"]`)))
	}
}

// signInAs signs out whoever is signed in and signs in as login.
func (b *browserSession) signInAs(login string) {
	b.t.Helper()
	b.signOut()
	b.do("sign in as "+login,
		chromedp.SendKeys(chromedp.CSS(`input[name="login"]`), login),
		chromedp.SendKeys(chromedp.CSS(`input[name="password"]`), "demo"),
		chromedp.Submit(chromedp.CSS(`input[name="password"]`)),
		chromedp.WaitVisible(chromedp.CSS(`nav.main a[href="/programs"]`)))
}

// screenshot keeps a screenshot of the whole page, or of the element sel selects, in the
// artifacts folder.
func (b *browserSession) screenshot(name, sel string) {
	b.t.Helper()
	take := chromedp.FullScreenshot(100)
	if sel != "" {
		take = chromedp.Screenshot(chromedp.CSS(sel))
	}
	shot, err := chromedp.Run(b.ctx, take)
	if err != nil {
		b.t.Fatalf("screenshot: %v", err)
	}
	path := filepath.Join(artifactDir(b.t), name)
	if err := os.WriteFile(path, shot, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.t.Logf("screenshot: %s (%d bytes)", path, len(shot))
}

// askToIssue sends the program page's issue form and returns the number the confirmation
// shows: "Số: 25/CTr-UBND" read as "Số 25/CTr-UBND".
func (b *browserSession) askToIssue() string {
	b.t.Helper()
	b.do("ask to issue", chromedp.Click(chromedp.CSS(`form[action$="/issue"] button`)), chromedp.WaitVisible(chromedp.CSS(`#xac-nhan-ban-hanh`)))
	return strings.Replace(b.text(`.wf-number`), "Số: ", "Số ", 1)
}

// act takes the steps, the last of which sends a form, and returns the message the next
// page shows. The message of the page before is removed first, so that the wait is for
// the next page's, and a confirmation the page may ask (data-confirm) is answered yes.
// Every step that sends a form must load a new page.
func (b *browserSession) act(what string, steps ...chromedp.Action[chromedp.Void]) string {
	b.t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`document.querySelectorAll('.flash').forEach(e => e.remove());
		document.documentElement.dataset.stale = "1"; window.confirm = () => true; true`)); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
	// The page before is marked stale, so that a message it shows late is never taken for the
	// next page's.
	b.do(what, append(steps, chromedp.WaitVisible(chromedp.CSS(`html:not([data-stale]) .flash`)))...)
	return b.text(`html:not([data-stale]) .flash`)
}

// TestBrowserDraftReviewIssue is issue 4's scenario in a real browser: the office's drafter
// drafts next month's program from this month's (the demo's hand-made draft deleted first),
// adds a task whose deadline is a phrase and sees the date understood, submits; the
// chairman returns it with remarks; the drafter fixes it and submits again; the chairman
// approves; the office head issues it and sees its number; the next program issued gets the
// next number.
func TestBrowserDraftReviewIssue(t *testing.T) {
	ctx := browser(t)
	st := newDemo(t, store.SQLite)
	s, _ := newTestServer(t, st)
	b := &browserSession{t: t, ctx: ctx, base: startServer(t, s).URL}
	css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }
	period := demoMonth(t, st).Next()
	after := period.Next()
	phrase := fmt.Sprintf("chậm nhất trong tháng %d/%d", after.Number, after.Year)
	understoodDate := vn.PaddedDate(after.End())

	b.signInAs("vanphong")
	old := findProgramOf(t, st, period)
	b.do("open the demo's draft", chromedp.Navigate(fmt.Sprintf("%s/programs/%d/edit", b.base, old.ID)),
		chromedp.WaitVisible(css(`form.ed-delete`)))
	b.act("delete it", chromedp.Click(css(`form.ed-delete input[name="confirm"]`)), chromedp.Click(css(`form.ed-delete button`)))
	b.do("draft anew", chromedp.Navigate(b.base+"/programs/new"), chromedp.WaitVisible(css(`select[name="number_month"]`)))
	if n, _ := chromedp.Run(ctx, chromedp.Value(css(`select[name="number_month"]`))); n != strconv.Itoa(period.Number) {
		t.Errorf("the new program form proposes month %s, want %d", n, period.Number)
	}
	if msg := b.act("create", chromedp.Click(css(`form[action="/programs"] button`))); !strings.Contains(msg, "nhiệm vụ chuyển tiếp") {
		t.Errorf("after creating: %q", msg)
	}
	p := findProgramOf(t, st, period)
	if !strings.Contains(strings.ToLower(b.text(`#items`)), "chuyển tiếp") {
		t.Error("the editor shows no carried-over task")
	}
	if !strings.Contains(b.text(`#carried`), "hạn cũ") {
		t.Error("the editor does not list the carried tasks whose deadline passed")
	}
	if msg := b.act("keep the carried deadlines", chromedp.Click(css(`#carried form button`))); !strings.Contains(msg, "Đã giữ thời hạn cũ") {
		t.Errorf("after keeping the deadlines: %q", msg)
	}

	item := programItem(t, p, "1.")
	form := fmt.Sprintf("#newtask-%d", item.ID)
	b.do("open the new task's form", chromedp.Click(css(fmt.Sprintf(`#item-%d .ed-adds a[href*="add=task"]`, item.ID))),
		chromedp.WaitVisible(css(form+` textarea[name="text"]`)))
	msg := b.act("add a task",
		chromedp.SendKeys(css(form+` textarea[name="text"]`), "Tổng kết công tác năm, xây dựng kế hoạch năm sau"),
		chromedp.SetValue(css(form+` select[name="lead"]`), "5"),
		chromedp.SendKeys(css(form+` input[name="due"]`), phrase),
		chromedp.Click(css(form+" button[type=submit]")))
	if !strings.Contains(msg, "→ "+understoodDate+" (tháng)") {
		t.Errorf("after adding the task the message says %q, want the date %s", msg, understoodDate)
	}
	if !strings.Contains(b.text(`#items`), "→ "+understoodDate+" (tháng)") {
		t.Errorf("the editor does not show %s by the task", understoodDate)
	}
	b.screenshot("browser-editor.png", "")
	b.screenshot("browser-editor-item.png", fmt.Sprintf("#item-%d", item.ID))
	b.act("submit", chromedp.Click(css(`form.ed-submit button`)))

	b.signInAs("chutich")
	view := fmt.Sprintf("%s/programs/%d", b.base, p.ID)
	b.do("open the program", chromedp.Navigate(view), chromedp.WaitVisible(css(`#wf-text`)))
	b.act("remark on item 1.", chromedp.SetValue(css(`#wf-item`), strconv.FormatInt(item.ID, 10)),
		chromedp.SendKeys(css(`#wf-text`), "Ghi rõ cơ quan phối hợp."),
		chromedp.Click(css(`form[action$="/comments"] button`)))
	b.act("return", chromedp.SendKeys(css(`#wf-comment`), "Đề nghị Văn phòng bổ sung cơ quan phối hợp."),
		chromedp.Click(css(`form[action$="/return"] button`)))
	if got := b.text(`dl.facts`); !strings.Contains(got, "Trả lại") {
		t.Errorf("after the return the program is %q", got)
	}

	b.signInAs("vanphong")
	added := programTaskByText(t, findProgramOf(t, st, period), "Tổng kết công tác năm")
	task := fmt.Sprintf("#task-%d", added.ID)
	b.do("open the editor", chromedp.Navigate(view+"/edit"), chromedp.WaitVisible(css(`.ed-comments`)))
	if got := b.text(fmt.Sprintf("#item-%d .ed-comments", item.ID)); !strings.Contains(got, "Ghi rõ cơ quan phối hợp.") {
		t.Errorf("the remark by item 1. reads %q", got)
	}
	b.act("fix the task", chromedp.Click(css(task+" > details > summary")),
		chromedp.Click(css(task+` input[type="checkbox"][name="support"][value="6"]`)),
		chromedp.Click(css(task+" form.ed-taskform button[type=submit]")))
	b.act("mark the remark dealt with", chromedp.Click(css(fmt.Sprintf("#item-%d .ed-comments button", item.ID))))
	b.act("submit again", chromedp.Click(css(`form.ed-submit button`)))

	b.signInAs("chutich")
	b.do("open the program", chromedp.Navigate(view), chromedp.WaitVisible(css(`form[action$="/approve"]`)))
	b.act("approve", chromedp.Click(css(`form[action$="/approve"] button`)))

	b.signInAs("cvp")
	b.do("open the program", chromedp.Navigate(view), chromedp.WaitVisible(css(`#wf-issued`)))
	b.do("fill the register's columns", chromedp.SendKeys(css(`#wf-copies`), "30"))
	shown := b.askToIssue()
	msg = b.act("issue", chromedp.Click(css(`#xac-nhan-ban-hanh button`)))
	first := issuedNumber(t, b.text(`.doc-number`))
	if !strings.Contains(msg, "Đã ban hành chương trình: "+shown) || !strings.HasPrefix(shown, "Số "+fmt.Sprintf("%02d", first)) {
		t.Errorf("asked to confirm %q, then: %q", shown, msg)
	}
	b.screenshot("browser-issued.png", "")

	b.do("open the new program form", chromedp.Navigate(b.base+"/programs/new"), chromedp.WaitVisible(css(`form[action="/programs"]`)))
	b.act("draft the month after", chromedp.Click(css(`form[action="/programs"] button`)))
	b.act("keep the carried deadlines", chromedp.Click(css(`#carried form button`)))
	b.act("submit it", chromedp.Click(css(`form.ed-submit button`)))
	b.act("approve it", chromedp.Click(css(`form[action$="/approve"] button`)))
	b.askToIssue()
	b.act("issue it", chromedp.Click(css(`#xac-nhan-ban-hanh button`)))
	if next := issuedNumber(t, b.text(`.doc-number`)); next != first+1 {
		t.Errorf("the next program issued has number %d, want %d", next, first+1)
	}
	if got := b.text(`dl.facts`); !strings.Contains(got, after.String()[len("tháng "):]) && !strings.Contains(got, "năm "+strconv.Itoa(after.Year)) {
		t.Errorf("the second program issued is of %q, want %s", got, after)
	}
}

// issuedNumber reads the number of "Số: 05/CTr-UBND".
func issuedNumber(t *testing.T, line string) int {
	t.Helper()
	m := regexp.MustCompile(`Số: (\d+)/`).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("no number in %q", line)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// programItem returns the item of p labelled label.
func programItem(t *testing.T, p congtac.Program, label string) congtac.Item {
	t.Helper()
	for _, it := range p.Items {
		if it.Label == label {
			return it
		}
	}
	t.Fatalf("no item %s", label)
	return congtac.Item{}
}

// programTaskByText returns the task of p whose text starts with prefix.
func programTaskByText(t *testing.T, p congtac.Program, prefix string) congtac.Task {
	t.Helper()
	for _, task := range p.Tasks {
		if strings.HasPrefix(task.Text, prefix) {
			return task
		}
	}
	t.Fatalf("no task %q", prefix)
	return congtac.Task{}
}
