package export

import (
	"strings"
	"unicode"

	"congtac/vn"
)

// sheet is an official document laid out independently of the file format: page geometry
// and a flow of paragraphs and tables with their fonts, sizes, indents and spacing. Each
// document kind builds one ([Doc]); the DOCX and PDF writers turn it into a file, so both
// files have the same layout.
type sheet struct {
	title  string    // the document's summary, for the file's metadata
	page   pageSetup //
	mark   string    // a boxed word at the top right of page 1 ("DỰ THẢO"), or ""
	blocks []block
	images Images // drawn over the paragraph marked stamp
}

// block is a paragraph or a table of the flow.
type block interface{ isBlock() }

// align is a paragraph's horizontal alignment.
type align uint8

const (
	alignLeft align = iota
	alignCenter
	alignRight
	alignJustify
)

// run is text in one style within a paragraph. Its text holds no line breaks.
type run struct {
	text  string
	style style
}

// para is a paragraph. Lengths are twips, size is half-points (28 is 14 pt). Lines are
// exactly line twips apart, so that Word, LibreOffice and the PDF writer break pages alike.
type para struct {
	runs          []run
	align         align
	size          int
	first         int // first-line indent
	left, right   int // indents
	before, after int // space before and after
	line          int // exact line height
	rule          int // width of a solid rule centred under the paragraph; 0 for none
	keepNext      bool
	stamp         bool // the blank space where the signature and seal images go
}

func (para) isBlock() {}

// table is a table of paragraphs. A table without grid has no borders (the masthead and
// the signature block of Decree 30/2020); cells then have no side padding.
type table struct {
	cols   []int // column widths
	rows   [][]cell
	grid   bool
	repeat int  // the first repeat rows are repeated at the top of each page
	keep   bool // each row stays on one page when it fits on one
}

func (*table) isBlock() {}

// cell is one cell of a table row.
type cell struct {
	paras []para
	fill  bool // shaded light grey: a header row
}

// cellPadding returns the left and right padding of a table's cells.
func (t *table) cellPadding() int {
	if t.grid {
		return 85 // 1.5 mm
	}
	return 0
}

// width returns the table's width.
func (t *table) width() int {
	w := 0
	for _, c := range t.cols {
		w += c
	}
	return w
}

// Font sizes in half-points.
const (
	pt10 = 20
	pt11 = 22
	pt12 = 24
	pt13 = 26
	pt14 = 28
)

// lineFor returns the exact line height a text size takes: about 1.2 times the size, a
// little above Word's single spacing for Times New Roman, below the decree's 1.5 lines.
func lineFor(size int) int {
	switch size {
	case pt11:
		return 260
	case pt12:
		return 280
	case pt13:
		return 300
	case pt14:
		return 340
	}
	return size * 12
}

// clean returns s ready for layout: valid UTF-8 in NFC ([vn.NFC]), every control character
// but the newline replaced by a space, and characters XML cannot carry (U+FFFE, U+FFFF)
// replaced by U+FFFD.
func clean(s string) string {
	s = vn.NFC(s)
	bad := func(r rune) bool {
		return (unicode.IsControl(r) && r != '\n') || r == 0xFFFE || r == 0xFFFF || unicode.Is(unicode.Cs, r)
	}
	if strings.IndexFunc(s, bad) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == 0xFFFE || r == 0xFFFF:
			return '\uFFFD'
		case bad(r):
			return ' '
		}
		return r
	}, s)
}

// oneLine returns s cleaned, with line breaks and runs of spaces made single spaces and
// the ends trimmed: for names, titles and table cells.
func oneLine(s string) string {
	return strings.Join(strings.Fields(clean(s)), " ")
}

// paragraphs splits cleaned text at line breaks into trimmed, non-empty paragraphs.
func paragraphs(s string) []string {
	var out []string
	for _, l := range strings.Split(clean(s), "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// upper returns s in capitals, as headings and the masthead print it.
func upper(s string) string { return strings.ToUpper(s) }

// text returns a paragraph of one run in the given size and style, with the exact line
// height of the size and no spacing.
func text(s string, st style, size int, al align) para {
	return para{runs: []run{{s, st}}, size: size, line: lineFor(size), align: al}
}

// bodyPara returns a paragraph of body text (13–14 pt, justified, first-line indent
// 1.27 cm, 6 pt after) made of runs.
func bodyPara(runs ...run) para {
	return para{runs: runs, size: pt14, line: lineFor(pt14), align: alignJustify, first: bodyIndent, after: 120}
}

// bodyIndent is the first-line indent of body paragraphs: 1.27 cm.
const bodyIndent = 720

// plain and strong make runs.
func plain(s string) run  { return run{s, regular} }
func strong(s string) run { return run{s, bold} }
func em(s string) run     { return run{s, italic} }
