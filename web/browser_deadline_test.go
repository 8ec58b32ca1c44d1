package web

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/chromedp/chromedp"

	"congtac"
	"congtac/store"
)

// datedTask returns a task of p whose deadline has a reading to show, and that reading.
func datedTask(t *testing.T, p congtac.Program) (congtac.Task, string) {
	t.Helper()
	for _, task := range p.Tasks {
		if u := understood(task); u != "" && task.Recurrence == nil {
			return task, u
		}
	}
	t.Fatal("no task with a deadline to read")
	return congtac.Task{}, ""
}

// TestEditorTaskFormReadsTheDeadlineOnce: the task form writes the reading of the saved
// deadline once, in the output under the deadline field, where app.js writes it again as
// one types; no second paragraph.
func TestEditorTaskFormReadsTheDeadlineOnce(t *testing.T) {
	st := sharedDemo(t, store.SQLite)
	s, _ := newTestServer(t, st)
	p := findProgramOf(t, st, demoMonth(t, st).Next())
	task, reading := datedTask(t, p)
	r := as(t, s, startServer(t, s), "vanphong").get(fmt.Sprintf("/programs/%d/edit", p.ID))
	mustStatus(t, "editor", r, http.StatusOK)
	form := html(t, r.body).Find(fmt.Sprintf(`#task-%d form.ed-taskform`, task.ID))
	var got []string
	form.Find(".ed-understood, output.deadline-shown").Each(func(_ int, e *goquery.Selection) {
		got = append(got, strings.TrimSpace(e.Text()))
	})
	if len(got) != 1 || got[0] != reading {
		t.Errorf("the form reads the deadline as %q, want once %q", got, reading)
	}
	if got := form.Find(fmt.Sprintf(`output.deadline-shown[for="task-%d-due"]`, task.ID)).Length(); got != 1 {
		t.Errorf("%d outputs for the deadline field, want 1", got)
	}
}

// TestBrowserTaskFormReadsTheDeadlineOnce: with app.js, the task form still shows one
// reading of the deadline, the one app.js asked the server for.
func TestBrowserTaskFormReadsTheDeadlineOnce(t *testing.T) {
	ctx := browser(t)
	_, st, base := demoServer(t, store.SQLite)
	b := &browserSession{t: t, ctx: ctx, base: base}
	p := findProgramOf(t, st, demoMonth(t, st).Next())
	task, _ := datedTask(t, p)
	b.signInAs("vanphong")
	sel := fmt.Sprintf(`#task-%d`, task.ID)
	b.do("open the task's form", chromedp.Navigate(fmt.Sprintf("%s/programs/%d/edit#task-%d", base, p.ID, task.ID)),
		chromedp.WaitReady(chromedp.CSS(sel)),
		chromedp.Click(chromedp.CSS(sel+` details.ed-form > summary`)),
		chromedp.WaitVisible(chromedp.CSS(sel+` input[name="due"]`)))
	// Wait for app.js's answer: its reading names the period ("(tháng 12/2026)"), the
	// server's only the precision ("(tháng)").
	js := `(() => {
		const f = document.querySelector(` + "`" + sel + ` form.ed-taskform` + "`" + `);
		const shown = Array.from(f.querySelectorAll('.ed-understood, output.deadline-shown'))
			.map(e => e.textContent.trim()).filter(Boolean);
		return shown.some(s => /\/\d{4}\)$/.test(s) || !/\(/.test(s)) ? shown.join('|') : '';
	})()`
	got, err := chromedp.Run(ctx, chromedp.Poll[string](js, chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		t.Fatalf("app.js read no deadline: %v", err)
	}
	if n := len(strings.Split(got, "|")); n != 1 {
		t.Errorf("the task form reads the deadline %d times: %q", n, got)
	}
}
