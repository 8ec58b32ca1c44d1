package web

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"congtac/store"
	"congtac/store/storetest"
)

// browser starts a headless Chromium (Debian package chromium) for the test and returns
// its context. The flags keep it from reaching the network, which the machines running
// the tests do not have.
func browser(t *testing.T) context.Context {
	t.Helper()
	bin, err := exec.LookPath("chromium")
	if err != nil {
		storetest.Skip(t, "browser test needs Chromium: install the Debian package chromium")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		storetest.Skip(t, "Chromium does not start (Debian package chromium): %v", err)
	}
	return ctx
}

// artifactDir is where browser tests leave screenshots: $CONGTAC_ARTIFACTS, or a folder in
// the system's temporary directory.
func artifactDir(t *testing.T) string {
	dir := os.Getenv("CONGTAC_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "congtac-artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestBrowserSignInNavigateSignOut drives a real browser: sign in through the form, open
// every area of the navigation, keep a screenshot, sign out.
func TestBrowserSignInNavigateSignOut(t *testing.T) {
	ctx := browser(t)
	st := sharedDemo(t, store.SQLite)
	s, _ := newTestServer(t, st)
	srv := startServer(t, s)

	css := func(sel string) chromedp.CSS { return chromedp.CSS(sel) }
	text := (&browserSession{t: t, ctx: ctx, base: srv.URL}).text
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}

	do("open the site", chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(css(`input[name="login"]`)))
	if url, _ := chromedp.Run(ctx, chromedp.Location()); !strings.Contains(url, "/login?next=") {
		t.Errorf("an anonymous visit to / landed on %s, want the sign-in page", url)
	}
	do("sign in",
		chromedp.SendKeys(css(`input[name="login"]`), "cvp"),
		chromedp.SendKeys(css(`input[name="password"]`), "demo"),
		chromedp.Submit(css(`input[name="password"]`)),
		chromedp.WaitVisible(css(`nav.main a[href="/programs"]`)))
	nav := text(`nav.main`)
	for _, label := range []string{"Chương trình", "Nhiệm vụ", "Hội nghị", "Lịch công tác", "Báo cáo", "Tìm kiếm", "Danh mục", "Quản trị"} {
		if !strings.Contains(nav, label) {
			t.Errorf("navigation %q lacks %q", nav, label)
		}
	}
	for _, area := range []struct{ label, path string }{
		{"Chương trình", "/programs"}, {"Nhiệm vụ", "/tasks"}, {"Hội nghị", "/meetings"},
		{"Lịch công tác", "/calendar"}, {"Báo cáo", "/reports"}, {"Tìm kiếm", "/search"},
		{"Danh mục", "/catalog"}, {"Quản trị", "/admin"},
	} {
		do("open "+area.label, chromedp.Click(css(`nav.main a[href="`+area.path+`"]`)),
			chromedp.WaitVisible(css(`nav.main a[aria-current="page"][href="`+area.path+`"]`)))
		current, _ := chromedp.Run(ctx, chromedp.Location())
		if h1 := text(`main h1`); !strings.HasSuffix(strings.SplitN(current, "?", 2)[0], area.path) || strings.TrimSpace(h1) == "" {
			t.Errorf("clicking %q went to %s with heading %q", area.label, current, h1)
		}
	}
	do("go home", chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(css(`main h1`)))
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	path := filepath.Join(artifactDir(t), "browser-home.png")
	if err := os.WriteFile(path, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (%d bytes)", path, len(shot))
	if title, _ := chromedp.Run(ctx, chromedp.Title()); !strings.Contains(title, "Quản lý chương trình công tác") {
		t.Errorf("title %q is not Vietnamese", title)
	}
	do("sign out", chromedp.Click(css(`header .user button`)), chromedp.WaitVisible(css(`input[name="login"]`)))
	if after := text(`main`); !strings.Contains(after, "Bạn đã đăng xuất.") {
		t.Errorf("after sign-out the page says %q", after)
	}
}
