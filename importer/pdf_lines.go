package importer

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// How glyphs make lines, in units of the font size.
const (
	baselineTolerance = 0.4  // glyphs whose baselines are this close are on one line
	wordGap           = 0.15 // a wider gap between glyphs is a space
	duplicateOffset   = 0.1  // the same glyph drawn again this close is drawn once (fake bold)
	columnGap         = 1.5  // a wider gap splits a masthead line into its two columns
	mastheadLeading   = 3.5  // lines of a masthead are at most this far apart
	maxMastheadStart  = 12   // the masthead starts within the first lines of the first page…
	maxMastheadLines  = 16   // … and has at most so many
	centredLine       = 0.1  // of the text's width: a line centred this close is not in a column
)

// pdfLine is the glyphs on one baseline, left to right.
type pdfLine struct {
	glyphs []glyph
	y      float64 // the baseline of its topmost glyph
	size   float64 // its largest font size
}

// pageLines groups the glyphs of a page into lines, top to bottom: a glyph joins the line
// above when its baseline is within 0.4 of the font size of it, so that superscripts and
// a masthead's columns in two sizes stay on their line.
func pageLines(glyphs []glyph) []pdfLine {
	slices.SortStableFunc(glyphs, func(a, b glyph) int { return cmp.Compare(b.y, a.y) })
	var lines []pdfLine
	start := 0 // of the current line's glyphs, a run of the sorted ones
	for i, g := range glyphs {
		if n := len(lines); n > 0 && lines[n-1].y-g.y <= baselineTolerance*max(lines[n-1].size, g.size) {
			lines[n-1].glyphs = glyphs[start : i+1 : i+1]
			lines[n-1].size = max(lines[n-1].size, g.size)
			continue
		}
		start = i
		lines = append(lines, pdfLine{glyphs: glyphs[i : i+1 : i+1], y: g.y, size: g.size})
	}
	out := lines[:0]
	for _, l := range lines {
		if l.glyphs = leftToRight(l.glyphs); l.hasText() {
			out = append(out, l)
		}
	}
	return out
}

// leftToRight sorts glyphs by x, keeping the drawing order of glyphs at one x, and drops
// a glyph drawn again over itself.
func leftToRight(glyphs []glyph) []glyph {
	slices.SortStableFunc(glyphs, func(a, b glyph) int { return cmp.Compare(a.x, b.x) })
	out := glyphs[:0]
next:
	for _, g := range glyphs {
		for i := len(out) - 1; i >= max(0, len(out)-3); i-- {
			k := out[i]
			if k.text == g.text && math.Abs(k.x-g.x) < duplicateOffset*g.size && math.Abs(k.y-g.y) < duplicateOffset*g.size {
				continue next
			}
		}
		out = append(out, g)
	}
	return out
}

// isBlank reports whether a glyph's text is white space only.
func isBlank(text string) bool { return strings.TrimSpace(text) == "" }

// hasText reports whether the line has a glyph that is not white space.
func (l pdfLine) hasText() bool {
	for _, g := range l.glyphs {
		if !isBlank(g.text) {
			return true
		}
	}
	return false
}

// text returns the line's text: its glyphs' texts with a space where the file draws one
// or where the gap between two glyphs is wider than 0.15 of the font size.
func (l pdfLine) text() string {
	var b strings.Builder
	end, started, space := 0.0, false, false
	for _, g := range l.glyphs {
		if isBlank(g.text) {
			space = started
			continue
		}
		if started && (space || g.x-end > wordGap*g.size) {
			b.WriteByte(' ')
		}
		b.WriteString(g.text)
		end, started, space = g.x+g.w, true, false
	}
	return b.String()
}

// bold reports whether every glyph of the line that is not white space is bold.
func (l pdfLine) bold() bool {
	for _, g := range l.glyphs {
		if !g.bold && !isBlank(g.text) {
			return false
		}
	}
	return true
}

// extent returns where the line's text starts and ends.
func (l pdfLine) extent() (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, g := range l.glyphs {
		if !isBlank(g.text) {
			lo, hi = min(lo, g.x), max(hi, g.x+g.w)
		}
	}
	return lo, hi
}

// gaps calls f with the end of each glyph that is not white space and the start of the
// next such glyph.
func (l pdfLine) gaps(f func(end, start float64)) {
	prev := math.Inf(-1)
	for _, g := range l.glyphs {
		if isBlank(g.text) {
			continue
		}
		if !math.IsInf(prev, -1) {
			f(prev, g.x)
		}
		prev = g.x + g.w
	}
}

// columns returns the widest gap of the line wider than 1.5 of its font size that has
// text centred left of mid on its left and text centred right of mid on its right: the
// two columns of a masthead on one baseline.
func (l pdfLine) columns(mid float64) (leftEnd, rightStart float64, ok bool) {
	lo, hi := l.extent()
	l.gaps(func(end, start float64) {
		if w := start - end; w > columnGap*l.size && w > rightStart-leftEnd && (lo+end)/2 < mid && (start+hi)/2 > mid {
			leftEnd, rightStart, ok = end, start, true
		}
	})
	return leftEnd, rightStart, ok
}

// cut returns the parts of the line left and right of split, each without text when it
// has none.
func (l pdfLine) cut(split float64) (left, right pdfLine) {
	left, right = pdfLine{y: l.y, size: l.size}, pdfLine{y: l.y, size: l.size}
	for _, g := range l.glyphs {
		if g.x+g.w/2 < split {
			left.glyphs = append(left.glyphs, g)
		} else {
			right.glyphs = append(right.glyphs, g)
		}
	}
	return left, right
}

// repairMasthead puts the two columns of a masthead at the top of the first page in
// reading order: the lines of the left column, then those of the right one, whether or
// not the two columns' baselines line up. The masthead is the first run of lines in the
// top half of the page, among its first lines, that has text in two columns with a gap of
// at least a font size between them ([mastheadAt]); a line above the columns (a right
// column starting higher than the left one, a "DỰ THẢO" mark) goes to the column of its
// side.
func repairMasthead(lines []pdfLine, pageWidth, pageHeight float64) []pdfLine {
	lo, hi := textArea(lines)
	for start := 0; start < min(len(lines), maxMastheadStart) && lines[start].y >= pageHeight/2; start++ {
		if lines[start].centred(lo, hi, pageWidth) {
			break // the title: a masthead is above it, and a table below it is not one
		}
		end, split, ok := mastheadAt(lines, start, lo, hi, pageWidth, pageHeight)
		if !ok {
			continue
		}
		return splitColumns(lines, start, end, split)
	}
	return lines
}

// repairClosing puts the two columns of a document's closing in reading order: on the
// left the recipients ("Nơi nhận:" and the lines under it), on the right the signature
// (authority lines, title, name), whose baselines may line up with theirs. The closing
// starts at the line that starts with "Nơi nhận" (or at the signature's lines just above
// it, right of the middle) and goes on while the two columns keep a gap of at least a
// font size between them ([columnsFrom]).
func repairClosing(lines []pdfLine) []pdfLine {
	start := slices.IndexFunc(lines, func(l pdfLine) bool {
		return l.hasText() && strings.HasPrefix(strings.TrimSpace(l.text()), "Nơi nhận")
	})
	if start < 0 {
		return lines
	}
	lo, hi := textArea(lines)
	mid := (lo + hi) / 2
	for start > 0 {
		a, b := lines[start-1].extent()
		if (a+b)/2 < mid || lines[start-1].y-lines[start].y > mastheadLeading*lines[start].size {
			break
		}
		start--
	}
	end, split, ok := columnsFrom(lines, start, len(lines), mid, nil)
	if !ok {
		return lines
	}
	return splitColumns(lines, start, end, split)
}

// splitColumns returns lines with those from start to end cut at split: the left parts
// of them all, then the right ones.
func splitColumns(lines []pdfLine, start, end int, split float64) []pdfLine {
	var left, right []pdfLine
	for _, l := range lines[start:end] {
		a, b := l.cut(split)
		if a.hasText() {
			left = append(left, a)
		}
		if b.hasText() {
			right = append(right, b)
		}
	}
	return slices.Concat(lines[:start], left, right, lines[end:])
}

// columnsFrom returns where two columns split by mid, from line start, end (at most at
// limit) and the x they split at. Each line is in both columns (the two sides of its
// [pdfLine.columns] gap) or in the one its middle is on, so that the gap between the
// columns' text narrows line by line; they end before a line that would narrow it below a
// font size, or before a line stop reports (nil: none). There are none without text on
// both sides.
func columnsFrom(lines []pdfLine, start, limit int, mid float64, stop func(i int) bool) (end int, split float64, ok bool) {
	leftEnd, rightStart := math.Inf(-1), math.Inf(1)
	for end = start; end < limit; end++ {
		if stop != nil && stop(end) {
			break
		}
		l := lines[end]
		le, rs := leftEnd, rightStart
		a, b := l.extent()
		switch e, s, two := l.columns(mid); {
		case two:
			le, rs = max(le, e), min(rs, s)
		case (a+b)/2 < mid:
			le = max(le, b)
		default:
			rs = min(rs, a)
		}
		if rs-le < l.size {
			break
		}
		leftEnd, rightStart = le, rs
	}
	return end, (leftEnd + rightStart) / 2, !math.IsInf(leftEnd, 0) && !math.IsInf(rightStart, 0)
}

// mastheadAt returns the end of a masthead starting at line start, of text from lo to hi,
// and the x its columns split at. Each line is in both columns (the two sides of its
// [pdfLine.columns] gap) or in the one its middle is on, so that the gap between the
// columns' text narrows line by line. The masthead ends before a line that would narrow
// it below a font size, a line centred on the text or the page (the title), a line more
// than 3.5 font sizes below the one before, or the bottom half of the page. There is none
// without text on both sides.
func mastheadAt(lines []pdfLine, start int, lo, hi, pageWidth, pageHeight float64) (end int, split float64, ok bool) {
	limit := start
	for limit < len(lines) && limit < start+maxMastheadLines && lines[limit].y >= pageHeight/2 {
		limit++
	}
	return columnsFrom(lines, start, limit, (lo+hi)/2, func(i int) bool {
		return i > start && lines[i-1].y-lines[i].y > mastheadLeading*max(lines[i-1].size, lines[i].size) ||
			lines[i].centred(lo, hi, pageWidth)
	})
}

// centred reports whether the line is one run of text centred, as a title is, on the text
// from lo to hi or on the page, rather than in a column.
func (l pdfLine) centred(lo, hi, pageWidth float64) bool {
	a, b := l.extent()
	if _, _, two := l.columns((lo + hi) / 2); two {
		return false
	}
	mid := (a + b) / 2
	return math.Abs(mid-(lo+hi)/2) < centredLine*(hi-lo) || math.Abs(mid-pageWidth/2) < centredLine*(hi-lo)
}

// textArea returns where the text of the lines starts and ends, leftmost and rightmost.
func textArea(lines []pdfLine) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, l := range lines {
		a, b := l.extent()
		lo, hi = min(lo, a), max(hi, b)
	}
	return lo, hi
}

// lineBlocks returns a paragraph block per line of a page pageWidth wide. A line is
// centred when its middle is within 0.6 of its font size (or 2% of the text's width) of
// the middle of the page's text, it does not fill nine tenths of that width, and it does
// not start at the text's left edge nor where another line of the page starts (an indent).
func lineBlocks(lines []pdfLine, pageWidth float64) []Block {
	lo, hi := textArea(lines)
	if hi-lo < pageWidth/2 {
		lo, hi = 0, pageWidth
	}
	starts := make([]float64, len(lines))
	for i, l := range lines {
		starts[i], _ = l.extent()
	}
	indent := func(i int) bool {
		for j, s := range starts {
			if j != i && math.Abs(s-starts[i]) <= 1 {
				return true
			}
		}
		return false
	}
	blocks := make([]Block, 0, len(lines))
	for i, l := range lines {
		a, b := l.extent()
		center := math.Abs((a+b)/2-(lo+hi)/2) <= max(0.6*l.size, 0.02*(hi-lo)) && b-a < 0.9*(hi-lo) &&
			a-lo > l.size && !indent(i)
		blocks = append(blocks, Block{Kind: KindParagraph, Text: l.text(), Bold: l.bold(), Center: center, Part: PartBody})
	}
	return blocks
}
