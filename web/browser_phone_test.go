package web

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"congtac"
	"congtac/store"
)

// layoutProblemsJS measures the page as laid out and lists what a reader would meet as a
// fault: an element that reaches past the screen's edge, and text cut off by its box (an
// element that clips its overflow holding more than it shows, as a chip cut to "Dự kiế").
// Elements hidden on purpose (the skip link off screen, a closed menu's content, what is
// clipped to nothing as .visually-hidden is) are not counted.
const layoutProblemsJS = `(() => {
	const w = document.documentElement.clientWidth, out = [];
	const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
		Array.from(e.classList).map((c) => '.' + c).join('') + ' "' + (e.innerText || e.value || e.outerHTML).trim().slice(0, 80) + '"';
	if (document.documentElement.scrollWidth > w) out.push('page ' + document.documentElement.scrollWidth + 'px wide');
	const seen = new Set(); // elements reported or hidden on purpose: their content is not looked at
	const report = (e, what) => { seen.add(e); if (what) out.push(what + ': ' + name(e)); };
	for (const e of document.querySelectorAll('body *')) {
		if (e.closest('.skip, script, style, option') || Array.from(seen).some((o) => o.contains(e))) continue;
		// Not shown (a closed menu's content), or clipped to nothing as .visually-hidden is.
		const s = getComputedStyle(e);
		if (!e.checkVisibility({visibilityProperty: true}) || s.clipPath !== 'none') { report(e, ''); continue; }
		const r = e.getBoundingClientRect();
		if (r.width === 0 || r.height === 0) continue;
		if (r.right > w + 0.5 || r.left < -0.5) { report(e, 'past the edge (' + Math.round(r.left) + '–' + Math.round(r.right) + 'px)'); continue; }
		if (s.overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1 && !['SELECT', 'TEXTAREA', 'INPUT'].includes(e.tagName))
			report(e, 'clipped (shows ' + e.clientWidth + ' of ' + e.scrollWidth + 'px)');
	}
	return JSON.stringify(out.slice(0, 12));
})()`

// checkLayout measures the page open in b and reports its layout faults as errors.
func (b *browserSession) checkLayout(where string) {
	b.t.Helper()
	var problems []string
	if err := json.Unmarshal([]byte(b.evaluate(layoutProblemsJS)), &problems); err != nil {
		b.t.Fatal(err)
	}
	for _, p := range problems {
		b.t.Errorf("%s: %s", where, p)
	}
}

// firstScreen keeps a screenshot of what the screen shows before any scrolling.
func (b *browserSession) firstScreen(name string) {
	b.t.Helper()
	shot, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		b.t.Fatalf("screenshot: %v", err)
	}
	if err := os.WriteFile(filepath.Join(artifactDir(b.t), name), shot, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

// firstLink opens path and returns the first link in the page's main part whose address
// matches re, failing the test when there is none.
func (b *browserSession) firstLink(path, re string) string {
	b.t.Helper()
	b.do("open "+path, chromedp.Navigate(b.base+path), chromedp.WaitVisible(chromedp.CSS(`main h1`)))
	var hrefs []string
	if err := json.Unmarshal([]byte(b.evaluate(`JSON.stringify(Array.from(document.querySelectorAll('main a[href]')).map((a) => a.getAttribute('href')))`)), &hrefs); err != nil {
		b.t.Fatal(err)
	}
	for _, h := range hrefs {
		if regexp.MustCompile(re).MatchString(h) {
			return h
		}
	}
	b.t.Fatalf("%s has no link matching %s among %d", path, re, len(hrefs))
	return ""
}

// screens are the sizes every page is checked at: a phone and an office's laptop.
var screens = []struct {
	name string
	w, h int64
}{{"phone", 390, 844}, {"desktop", 1366, 900}}

// TestBrowserPages opens every kind of page, as the office head, a department's reporter,
// the administrator and the public, on a 390×844 phone and a 1366×900 screen. On each it
// checks in the page that nothing reaches past the screen's edge and no text is cut off,
// and runs axe-core: no serious or critical violation of WCAG 2.1 AA. A screenshot of each
// is kept.
func TestBrowserPages(t *testing.T) {
	ctx := browser(t)
	axe := axeSource(t)
	_, st, base := demoServer(t, store.SQLite)
	b := &browserSession{t: t, ctx: ctx, base: base}
	month := demoMonth(t, st)
	issued := demoProgram(t, st, month.Year, month.Number)
	draft := demoProgram(t, st, month.Next().Year, month.Next().Number)

	pages := map[string][]string{
		"cvp": {"/", "/programs", fmt.Sprintf("/programs/%d", issued.ID), fmt.Sprintf("/programs/%d", draft.ID),
			fmt.Sprintf("/programs/%d/edit", draft.ID), fmt.Sprintf("/programs/%d/versions", issued.ID), "/programs/new",
			"/tasks", "link:/tasks:^/tasks/[0-9]+$", "/reports", "link:/reports:^/reports/[0-9]+$", "/meetings",
			"link:/meetings:^/meetings/[0-9]+$", "link:/meetings:^/meetings/[0-9]+$:/edit", "/meetings/new", "/calendar",
			"link:/calendar:^/calendar/entries/[0-9]+$", "/boards", "/search?q=ke+hoach", "/catalog",
			"/documents", "/proposals", "/explanations", "/notifications", "/account", "/account/totp", "/imports", "/khong-co-trang-nay"},
		"phongbaocao": {"/", "/tasks", "/reports", "/proposals"},
		"admin": {"/admin", "/admin/orgs", "/admin/people", "/admin/users", "/admin/permissions", "/admin/settings",
			"/admin/stamps", "/admin/mail", "/admin/audit"},
		"": {"/login", "/login/totp", "/public", fmt.Sprintf("/public/programs/%d", issued.ID), "/public/calendar"},
	}
	for _, login := range []string{"cvp", "phongbaocao", "admin", ""} {
		if login == "" {
			b.signOut()
		} else {
			b.signInAs(login)
		}
		for _, path := range pages[login] {
			if link, ok := strings.CutPrefix(path, "link:"); ok { // link:page:pattern[:suffix]
				parts := strings.SplitN(link, ":", 3)
				path = b.firstLink(parts[0], parts[1]) + strings.Join(parts[2:], "")
			}
			for _, sc := range screens {
				b.do("resize", chromedp.EmulateViewport(sc.w, sc.h))
				b.do("open "+path, chromedp.Navigate(base+path), chromedp.WaitVisible(chromedp.CSS(`main h1`)))
				where := fmt.Sprintf("%s %s as %q", sc.name, path, login)
				b.checkLayout(where)
				b.checkAxe(axe, where)
				shot := fmt.Sprintf("fit-%s%s-%s.png", sc.name, strings.NewReplacer("/", "-", "?", "-", "=", "-").Replace(path), login)
				b.screenshot(shot, "")
				if sc.name == "phone" {
					b.firstScreen("first-screen-" + shot)
				}
			}
		}
	}
}

// TestBrowserPhoneMenu: on a phone the header is one short band and the areas hide behind
// one "Menu" button, which opens them with JavaScript switched off; on a wide screen the
// areas show with no button.
func TestBrowserPhoneMenu(t *testing.T) {
	ctx := browser(t)
	_, _, base := demoServer(t, store.SQLite)
	b := &browserSession{t: t, ctx: ctx, base: base}
	b.signInAs("cvp")
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	const shown = `JSON.stringify(['details.menu > summary', 'nav.main', 'header.site .bell'].map((s) => document.querySelector(s).checkVisibility()))`
	b.do("narrow the screen", chromedp.EmulateViewport(390, 844))
	b.do("open the tasks", chromedp.Navigate(base+"/tasks"), chromedp.WaitVisible(chromedp.CSS(`main h1`)))
	if got := b.evaluate(shown); got != "[true,false,true]" {
		t.Errorf("on a phone the menu button, the areas and the notifications show as %s, want [true,false,true]", got)
	}
	h, _ := strconv.Atoi(b.evaluate(`String(Math.round(document.querySelector('header.site').getBoundingClientRect().height))`))
	if h == 0 || h > 844/8 {
		t.Errorf("on a phone the header is %d px high, want at most an eighth of the screen (%d px)", h, 844/8)
	}
	t.Logf("on a phone the header is %d px high", h)
	b.firstScreen("phone-menu-closed.png")
	b.do("open the menu", chromedp.Click(chromedp.CSS(`details.menu > summary`)), chromedp.WaitVisible(chromedp.CSS(`nav.main a[href="/reports"]`)))
	b.firstScreen("phone-menu-open.png")
	b.checkLayout("phone, menu open")
	b.do("go to the reports", chromedp.Click(chromedp.CSS(`nav.main a[href="/reports"]`)),
		chromedp.WaitVisible(chromedp.CSS(`main h1`)))
	if url, _ := chromedp.Run(ctx, chromedp.Location()); !strings.HasSuffix(url, "/reports") {
		t.Errorf("the menu's link went to %s", url)
	}
	b.do("widen the screen", chromedp.EmulateViewport(1366, 900))
	if got := b.evaluate(shown); got != "[false,true,true]" {
		t.Errorf("on a wide screen the menu button, the areas and the notifications show as %s, want [false,true,true]", got)
	}
}

// TestBrowserConflictPage: a save refused because someone saved the same record in
// between shows the conflict page, which lays out and passes axe-core like every other
// page on a phone and a wide screen; applying one's own version from it saves it.
func TestBrowserConflictPage(t *testing.T) {
	ctx := browser(t)
	axe := axeSource(t)
	st := newDemo(t, store.SQLite)
	s, _ := newTestServer(t, st)
	base := startServer(t, s).URL
	b := &browserSession{t: t, ctx: ctx, base: base}
	month := demoMonth(t, st).Next() // the demo drafts the month after the last issued one
	draft := demoProgram(t, st, month.Year, month.Number)
	edit := fmt.Sprintf("/programs/%d/edit", draft.ID)

	b.signInAs("vanphong")
	b.do("open the editor", chromedp.Navigate(base+edit), chromedp.WaitVisible(chromedp.CSS(`form.ed-program`)))
	mine := "Công tác của UBND tỉnh " + month.String() + " (bản sửa của Văn phòng)"
	b.do("type a title", chromedp.SetValue(chromedp.CSS(`form.ed-program [name=title]`), mine))
	// Someone else saves the program's place in between.
	u, err := st.FindUserByLogin(ctxb, "cvp")
	if err != nil {
		t.Fatal(err)
	}
	place := "Thành phố Sơn Hà"
	if _, err := st.UpdateProgram(ctxb, congtac.Actor{UserID: u.ID, Role: u.Role, OrgID: u.OrgID}, draft.ID, draft.Version,
		congtac.ProgramUpdate{Place: &place}); err != nil {
		t.Fatal(err)
	}
	b.do("save", chromedp.Click(chromedp.CSS(`form.ed-program button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`table.conflict`)))
	if h1 := b.text("main h1"); !strings.Contains(h1, "Có người vừa lưu") {
		t.Fatalf("after a stale save the page is %q", h1)
	}
	for _, sc := range screens {
		b.do("resize", chromedp.EmulateViewport(sc.w, sc.h))
		where := sc.name + " conflict page"
		b.checkLayout(where)
		b.checkAxe(axe, where)
		b.screenshot("fit-"+sc.name+"-conflict.png", "")
	}
	b.do("apply mine", chromedp.Click(chromedp.CSS(`main form button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`form.ed-program`)))
	got, err := st.FindProgramByID(ctxb, draft.ID)
	if err != nil {
		t.Fatal(err)
	}
	// The page says so: every field takes the value the user's form held.
	if got.Title != mine || got.Place != draft.Place {
		t.Errorf("after applying: title %q, place %q; want %q and %q as the form held it", got.Title, got.Place, mine, draft.Place)
	}
}
