package web

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"congtac/store"
	"congtac/store/storetest"
	"congtac/vn"
)

// TestScriptIsHashedAndCached: every page loads app.js, deferred, under a path with the hash
// of its content; it is served as JavaScript, cacheable for a year, and stays the small,
// self-contained file the Content-Security-Policy allows.
func TestScriptIsHashedAndCached(t *testing.T) {
	s, _ := newTestServer(t, storetest.Open(t, store.SQLite))
	page := get(s, "/login").Body.String()
	m := regexp.MustCompile(`<script src="(/static/app\.([0-9a-f]{12})\.js)" defer></script>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("the page loads no hashed app.js:\n%s", page)
	}
	file, err := staticFiles.ReadFile("static/app.js")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(file)
	if got, want := m[2], hex.EncodeToString(sum[:6]); got != want {
		t.Errorf("hash in path = %s, want %s", got, want)
	}
	rec := get(s, m[1])
	if rec.Code != http.StatusOK || rec.Body.String() != string(file) {
		t.Fatalf("GET %s = %d, or not the embedded file", m[1], rec.Code)
	}
	if got := rec.Header().Get("Content-Type"); !strings.HasPrefix(got, "text/javascript") {
		t.Errorf("Content-Type = %q, want text/javascript", got)
	}
	if got := rec.Header().Get("Cache-Control"); !strings.Contains(got, "max-age=31536000") || !strings.Contains(got, "immutable") {
		t.Errorf("Cache-Control = %q, want a year and immutable", got)
	}
	if rec := get(s, "/static/app.js"); rec.Code != http.StatusNotFound {
		t.Errorf("the unhashed path answers %d, want 404", rec.Code)
	}
	src := string(file)
	// A comfort layer stays small: three helpers (pickers over selects and checkbox lists,
	// deadlines, confirmations) in well under 200 lines.
	if n := strings.Count(src, "\n"); n >= 175 {
		t.Errorf("app.js has %d lines, want fewer than 175", n)
	}
	for _, banned := range []string{"eval(", "new Function", "innerHTML", "http://", "https://", "import "} {
		if strings.Contains(src, banned) {
			t.Errorf("app.js contains %q", banned)
		}
	}
}

// TestBrowserOrgPickerAndDeadline drives the proposals form in Chromium: typing without
// diacritics in the box app.js puts above the support orgs keeps only the matching ones,
// and a deadline phrase shows the date the server understands, or why it cannot be.
func TestBrowserOrgPickerAndDeadline(t *testing.T) {
	ctx := browser(t)
	st := sharedDemo(t, store.SQLite)
	s, _ := newTestServer(t, st)
	srv := startServer(t, s)
	css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	poll := func(what, expr string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Poll[string](expr, chromedp.WithPollingTimeout(10*time.Second)))
		if err != nil {
			got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('output.deadline-shown').textContent`))
			t.Fatalf("%s: %v (shown: %q)", what, err, got)
		}
		return v
	}
	do("sign in", chromedp.Navigate(srv.URL+"/login"),
		chromedp.SendKeys(css(`input[name="login"]`), "phongbaocao"),
		chromedp.SendKeys(css(`input[name="password"]`), "demo"),
		chromedp.Submit(css(`input[name="password"]`)),
		chromedp.WaitVisible(css(`nav.main a[href="/programs"]`)))
	_, open := proposalMonths()
	after := open.Next()
	do("open the form", chromedp.Navigate(srv.URL+"/proposals?period="+open.Key()),
		chromedp.WaitVisible(css(`#n-support`)), chromedp.WaitVisible(css(`input.org-filter[aria-controls="n-support"]`)))

	do("filter the supports", chromedp.SendKeys(css(`input.org-filter[aria-controls="n-support"]`), "tai chinh"))
	shown := poll("the filtered supports", `(() => {
		const v = Array.from(document.querySelectorAll('#n-support label')).filter(o => !o.hidden).map(o => o.textContent.trim());
		return v.length > 0 && v.length < 5 ? v.join('|') : '';
	})()`)
	if !strings.Contains(shown, "Sở Tài chính") || strings.Contains(shown, "Sở Y tế") {
		t.Errorf("typing “tai chinh” leaves %q", shown)
	}
	// A short name is in no option's text: only the search finds it.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('input.org-filter[aria-controls="n-support"]').value = ''`)); err != nil {
		t.Fatal(err)
	}
	do("filter by a short name", chromedp.SendKeys(css(`input.org-filter[aria-controls="n-support"]`), "STC"))
	shown = poll("the supports the search found", `(() => {
		const v = Array.from(document.querySelectorAll('#n-support label')).filter(o => !o.hidden).map(o => o.textContent.trim());
		return v.length > 0 && v.length < 5 ? v.join('|') : '';
	})()`)
	if !strings.Contains(shown, "Sở Tài chính") {
		t.Errorf("typing “STC” leaves %q", shown)
	}
	// A ticked org stays in view, first in the list, whatever is typed next.
	do("tick the finance department", chromedp.Click(css(`#n-support label:not([hidden]) input`)))
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('input.org-filter[aria-controls="n-support"]').value = ''`)); err != nil {
		t.Fatal(err)
	}
	do("filter for another", chromedp.SendKeys(css(`input.org-filter[aria-controls="n-support"]`), "y te"))
	shown = poll("the chosen and the filtered", `(() => {
		const v = Array.from(document.querySelectorAll('#n-support label')).filter(l => !l.hidden)
			.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
			.map(l => (l.querySelector('input').checked ? '[x] ' : '') + l.textContent.trim());
		return v.length > 1 && v.length < 5 ? v.join('|') : '';
	})()`)
	if !strings.HasPrefix(shown, "[x] Sở Tài chính|") || !strings.Contains(shown, "Sở Y tế") {
		t.Errorf("after ticking the finance department and typing “y te” the list shows, top first: %q", shown)
	}
	shot, err := chromedp.Run(ctx, chromedp.Screenshot(css(`#n-support`)))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(artifactDir(t), "org-picker-checks.png"), shot, 0o644); err != nil {
		t.Fatal(err)
	}

	do("type a deadline", chromedp.SendKeys(css(`#n-due`), fmt.Sprintf("chậm nhất trong tháng %d/%d", after.Number, after.Year)))
	want := fmt.Sprintf("→ %s (tháng %d/%d)", vn.PaddedDate(after.End()), after.Number, after.Year)
	if got := poll("the understood deadline", `(document.querySelector('output.deadline-shown') || {}).textContent || ''`); got != want {
		t.Errorf("shown under the deadline: %q, want %q", got, want)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('#n-due').value = ''`)); err != nil {
		t.Fatalf("clear the deadline: %v", err)
	}
	do("type an impossible day", chromedp.SendKeys(css(`#n-due`), "31/4/2027"))
	got := poll("the refusal", `(() => {
		const o = document.querySelector('output.deadline-shown');
		return o && o.classList.contains('field-error') ? o.textContent : '';
	})()`)
	if !strings.Contains(got, "31") {
		t.Errorf("an impossible day shows %q", got)
	}
}
