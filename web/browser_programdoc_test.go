package web

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"congtac/store"
)

// docHeadLayoutJS measures the document view's masthead in the page: whether the draft
// mark's box meets the masthead's (the motto included), and on how many lines the place
// of the issuing body's name ("TỈNH SƠN HÀ") is laid out.
const docHeadLayoutJS = `(() => {
	const box = s => document.querySelector(s).getBoundingClientRect();
	const meets = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
	const mark = box('.doc-draft');
	const body = document.querySelector('.doc-body');
	const walk = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
	const nodes = [];
	let text = '';
	for (let n = walk.nextNode(); n; n = walk.nextNode()) { nodes.push([n, text.length]); text += n.data; }
	const from = text.indexOf('NHÂN DÂN ') + 'NHÂN DÂN '.length;
	const at = i => { const [n, start] = nodes.filter(([, s]) => s <= i).pop(); return [n, i - start]; };
	const range = document.createRange();
	range.setStart(...at(from));
	range.setEnd(...at(text.length - 1));
	const tops = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0).map(r => Math.round(r.top)));
	return JSON.stringify({motto: meets(mark, box('.doc-motto')), head: meets(mark, box('.doc-head')), placeLines: tops.size, place: text.slice(from)});
})()`

// TestBrowserDraftMarkCoversNothing: in the document view of a draft, on a desktop and on
// a phone, the "DỰ THẢO" mark covers neither the motto nor the rest of the masthead, and
// the body's place name ("TỈNH SƠN HÀ") stays on one line.
func TestBrowserDraftMarkCoversNothing(t *testing.T) {
	ctx := browser(t)
	_, st, base := demoServer(t, store.SQLite)
	b := &browserSession{t: t, ctx: ctx, base: base}
	next := demoMonth(t, st).Next() // the demo's draft
	p := demoProgram(t, st, next.Year, next.Number)
	b.signInAs("cvp")
	for _, size := range [][2]int64{{1366, 900}, {1280, 900}, {390, 844}} {
		b.do("resize", chromedp.EmulateViewport(size[0], size[1]))
		b.do("open the draft", chromedp.Navigate(fmt.Sprintf("%s/programs/%d", base, p.ID)),
			chromedp.WaitVisible(chromedp.CSS(`.doc-draft`)))
		var got struct {
			Motto, Head bool
			PlaceLines  int
			Place       string
		}
		if err := json.Unmarshal([]byte(b.evaluate(docHeadLayoutJS)), &got); err != nil {
			t.Fatal(err)
		}
		if got.Motto || got.Head {
			t.Errorf("%dx%d: the draft mark meets the motto (%v) or the masthead (%v)", size[0], size[1], got.Motto, got.Head)
		}
		if got.PlaceLines != 1 {
			t.Errorf("%dx%d: the place %q is laid out on %d lines, want 1", size[0], size[1], got.Place, got.PlaceLines)
		}
		b.screenshot(fmt.Sprintf("browser-draft-head-%d.png", size[0]), "article.doc")
	}
	b.do("widen the screen", chromedp.EmulateViewport(1280, 900))
}
