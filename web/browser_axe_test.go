package web

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"congtac/store/storetest"
)

// axeSource returns axe-core's script, installed from npm into web/testdata/axe by
// `npm ci --prefix web/testdata/axe` (.ci/run does it); without it the test skips.
func axeSource(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "axe", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		storetest.Skip(t, "accessibility test needs the npm package axe-core: npm ci --prefix web/testdata/axe (%v)", err)
	}
	return string(src)
}

// axeRunJS runs axe-core on the page against WCAG 2.1 A and AA and lists the serious and
// critical violations, each with the elements it found them on. It is evaluated through
// the browser's debugging protocol, which the pages' Content-Security-Policy does not
// govern: nothing is loaded from anywhere.
const axeRunJS = `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
	.then((r) => JSON.stringify(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => v.impact + ' ' + v.id + ' (' + v.help + '): ' + v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(', ')
			+ (v.nodes.length > 4 ? ' and ' + (v.nodes.length - 4) + ' more' : ''))))`

// checkAxe runs axe-core, whose source is src, on the page open in b and reports each
// serious or critical violation as an error.
func (b *browserSession) checkAxe(src, where string) {
	b.t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](src+";true")); err != nil {
		b.t.Fatalf("load axe-core: %v", err)
	}
	out, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](axeRunJS, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("run axe-core on %s: %v", where, err)
	}
	var violations []string
	if err := json.Unmarshal([]byte(out), &violations); err != nil {
		b.t.Fatal(err)
	}
	for _, v := range violations {
		b.t.Errorf("%s: %s", where, strings.TrimSpace(v))
	}
}
