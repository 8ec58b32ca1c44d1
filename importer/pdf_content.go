package importer

import (
	"bytes"
	"fmt"
	"io"
	"math"

	"rsc.io/pdf"
)

// matrix is a PDF transformation matrix [a b c d e f]: a point (x, y) goes to
// (a·x + c·y + e, b·x + d·y + f).
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m followed by n.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// glyph is one glyph drawn on a page, in the page's seen space: the origin of its
// baseline, its advance width, the font size, its text and whether its font is bold.
type glyph struct {
	x, y, w, size float64
	text          string
	bold          bool
}

// pdfExtractor reads the glyphs of pages, with the fonts it has loaded and the budget of
// decoded bytes left.
type pdfExtractor struct {
	fonts  map[string]*pdfFont // by the font dictionary's text
	budget int
	glyphs int // the most glyphs a page had, to size the next page's
}

func newPDFExtractor() *pdfExtractor {
	return &pdfExtractor{fonts: map[string]*pdfFont{}, budget: maxPDFDecoded}
}

// page returns the glyphs drawn on p that fall within its visible area, in drawing order.
func (x *pdfExtractor) page(p pdfPage) ([]glyph, error) {
	in := &interp{x: x, res: inherited(p.v, "Resources"), fonts: map[string]*pdfFont{}, out: make([]glyph, 0, x.glyphs)}
	in.g.ctm = p.view()
	in.g.scale = 1
	var data []byte // the streams of an array are one content stream, split anywhere
	contents := p.v.Key("Contents")
	streams := []pdf.Value{contents}
	if contents.Kind() == pdf.Array {
		streams = streams[:0]
		for i := range contents.Len() {
			streams = append(streams, contents.Index(i))
		}
	}
	for _, s := range streams {
		d, err := x.read(s)
		if err != nil {
			return nil, err
		}
		data = append(append(data, d...), '\n')
	}
	if err := in.run(data); err != nil {
		return nil, err
	}
	w, h := p.box[2]-p.box[0], p.box[3]-p.box[1]
	if p.rotate%180 != 0 {
		w, h = h, w
	}
	x.glyphs = max(x.glyphs, len(in.out))
	kept := in.out[:0]
	for _, g := range in.out {
		if g.x+g.w >= -g.size && g.x <= w+g.size && g.y >= -g.size && g.y <= h+g.size {
			kept = append(kept, g)
		}
	}
	return kept, nil
}

// read returns the decoded data of the stream v, charging it to the budget. A stream whose
// compressed data ends early gives what could be decoded.
func (x *pdfExtractor) read(v pdf.Value) ([]byte, error) {
	if v.Kind() != pdf.Stream {
		return nil, nil
	}
	rc := v.Reader()
	defer rc.Close()
	data, _ := io.ReadAll(io.LimitReader(rc, int64(min(maxPDFStream, x.budget)+1)))
	if x.budget -= len(data); x.budget < 0 || len(data) > maxPDFStream {
		return nil, fmt.Errorf("%w: decoded streams", errPDFTooMuch)
	}
	return data, nil
}

// gstate is the part of the graphics state that places text.
type gstate struct {
	ctm                                              matrix
	font                                             *pdfFont
	size, charSpace, wordSpace, scale, leading, rise float64
}

// interp interprets a content stream, collecting the glyphs it draws.
type interp struct {
	x        *pdfExtractor
	res      pdf.Value           // the resources of the page or form
	fonts    map[string]*pdfFont // by resource name
	g        gstate
	saved    []gstate
	tm, tlm  matrix // text matrix and text line matrix
	operands []psObj
	out      []glyph
	depth    int // of form XObjects
}

// run interprets data.
func (in *interp) run(data []byte) error {
	lx := psLexer{data: data}
	for {
		tok := lx.next()
		switch tok.kind {
		case psEOF:
			return nil
		case psOp:
		default:
			if len(in.operands) == 32 { // no operator takes so many: garbage
				in.operands = in.operands[:0]
			}
			in.operands = append(in.operands, tok)
			continue
		}
		if tok.str == "ID" {
			lx.skipInlineImage()
		}
		err := in.do(tok.str, in.operands)
		in.operands = in.operands[:0]
		if err != nil {
			return err
		}
		if len(in.out) > maxPDFGlyphs {
			return fmt.Errorf("%w: more than %d glyphs on a page", errPDFTooMuch, maxPDFGlyphs)
		}
	}
}

// do carries out the operator op on its operands, the last of args. Operators that do
// not place text are ignored.
func (in *interp) do(op string, args []psObj) error {
	g := &in.g
	switch op {
	case "q":
		if len(in.saved) < 256 {
			in.saved = append(in.saved, in.g)
		}
	case "Q":
		if n := len(in.saved); n > 0 {
			in.g, in.saved = in.saved[n-1], in.saved[:n-1]
		}
	case "cm":
		if m, ok := matrixArgs(args); ok {
			g.ctm = m.mul(g.ctm)
		}
	case "BT":
		in.tm, in.tlm = identity, identity
	case "Tf":
		if a := last(args, 2); a != nil {
			f, err := in.font(a[0].str)
			if err != nil {
				return err
			}
			g.font, g.size = f, a[1].num
		}
	case "Tc", "Tw", "Tz", "TL", "Ts":
		if a := last(args, 1); a != nil {
			in.setText(op, a[0].num)
		}
	case "Td", "TD":
		if a := last(args, 2); a != nil {
			if op == "TD" {
				g.leading = -a[1].num
			}
			in.move(a[0].num, a[1].num)
		}
	case "T*":
		in.move(0, -g.leading)
	case "Tm":
		if m, ok := matrixArgs(args); ok {
			in.tm, in.tlm = m, m
		}
	case "Tj", "'":
		if a := last(args, 1); a != nil {
			if op == "'" {
				in.move(0, -g.leading)
			}
			in.show(a[0])
		}
	case "\"":
		if a := last(args, 3); a != nil {
			g.wordSpace, g.charSpace = a[0].num, a[1].num
			in.move(0, -g.leading)
			in.show(a[2])
		}
	case "TJ":
		if a := last(args, 1); a != nil {
			for _, e := range a[0].arr {
				if e.kind == psNumber {
					in.tm = matrix{1, 0, 0, 1, -e.num / 1000 * g.size * g.scale, 0}.mul(in.tm)
				} else {
					in.show(e)
				}
			}
		}
	case "Do":
		if a := last(args, 1); a != nil {
			return in.form(a[0].str)
		}
	}
	return nil
}

// last returns the last n of args, or nil when there are fewer.
func last(args []psObj, n int) []psObj {
	if len(args) < n {
		return nil
	}
	return args[len(args)-n:]
}

// matrixArgs returns the matrix of the last six operands.
func matrixArgs(args []psObj) (matrix, bool) {
	a := last(args, 6)
	if a == nil {
		return matrix{}, false
	}
	var m matrix
	for i := range m {
		m[i] = a[i].num
	}
	return m, true
}

// setText sets the text state parameter op (Tc, Tw, Tz, TL or Ts) sets.
func (in *interp) setText(op string, v float64) {
	switch op {
	case "Tc":
		in.g.charSpace = v
	case "Tw":
		in.g.wordSpace = v
	case "Tz":
		in.g.scale = v / 100
	case "TL":
		in.g.leading = v
	case "Ts":
		in.g.rise = v
	}
}

// move starts a new line, offset by (tx, ty) from the start of the current one.
func (in *interp) move(tx, ty float64) {
	in.tlm = matrix{1, 0, 0, 1, tx, ty}.mul(in.tlm)
	in.tm = in.tlm
}

// show draws the string s: each code's glyph, advancing the text matrix. Glyphs whose
// baseline is not horizontal and left to right on the page (rotated text) are not kept.
func (in *interp) show(s psObj) {
	g := &in.g
	f := g.font
	if f == nil {
		f = &fallbackFont
	}
	for str := s.str; len(str) > 0; {
		code, n := f.next(str)
		text, w := f.text(code), f.width(code)
		trm := matrix{g.size * g.scale, 0, 0, g.size, 0, g.rise}.mul(in.tm).mul(g.ctm)
		if size := math.Hypot(trm[2], trm[3]); text != "" && trm[0] > 0 && math.Abs(trm[1]) <= 0.05*trm[0] && size > 0 {
			in.out = append(in.out, glyph{x: trm[4], y: trm[5], w: w * trm[0], size: size, text: text, bold: f.bold})
		}
		tx := w*g.size + g.charSpace
		if n == 1 && str[0] == ' ' {
			tx += g.wordSpace
		}
		in.tm = matrix{1, 0, 0, 1, tx * g.scale, 0}.mul(in.tm)
		str = str[n:]
	}
}

// font returns the font of the resources named name, loading it the first time.
func (in *interp) font(name string) (*pdfFont, error) {
	if f, ok := in.fonts[name]; ok {
		return f, nil
	}
	f, err := in.x.font(in.res.Key("Font").Key(name))
	in.fonts[name] = f
	return f, err
}

// form draws the form XObject of the resources named name, if it is one; images and
// forms nested too deep are skipped.
func (in *interp) form(name string) error {
	xo := in.res.Key("XObject").Key(name)
	if xo.Kind() != pdf.Stream || xo.Key("Subtype").Name() != "Form" || in.depth >= maxFormDepth {
		return nil
	}
	data, err := in.x.read(xo)
	if err != nil {
		return err
	}
	sub := &interp{x: in.x, res: xo.Key("Resources"), fonts: map[string]*pdfFont{}, g: in.g, depth: in.depth + 1}
	if sub.res.IsNull() {
		sub.res, sub.fonts = in.res, in.fonts
	}
	if m := xo.Key("Matrix"); m.Len() == 6 {
		var fm matrix
		for i := range fm {
			fm[i] = m.Index(i).Float64()
		}
		sub.g.ctm = fm.mul(in.g.ctm)
	}
	err = sub.run(data)
	in.out = append(in.out, sub.out...)
	return err
}

// psKind is the kind of a token of a content stream or CMap.
type psKind uint8

// The kinds of [psObj].
const (
	psEOF    psKind = iota // the end of the data
	psNumber               // num
	psString               // str, its bytes
	psName                 // str, without the slash
	psOp                   // str, the operator; "" for one neither content streams nor CMaps use
	psArray                // arr
	psDict                 // arr, keys and values in turn
)

// psObj is a token of a content stream or CMap: an operand or an operator.
type psObj struct {
	kind psKind
	num  float64
	str  string
	arr  []psObj
}

// psOps are the operators the interpreters act on, so that reading one allocates nothing.
var psOps = func() map[string]string {
	m := map[string]string{}
	for _, op := range []string{"q", "Q", "cm", "BT", "ET", "Tf", "Tc", "Tw", "Tz", "TL", "Ts", "Td", "TD",
		"T*", "Tm", "Tj", "TJ", "'", "\"", "Do", "BI", "ID", "EI", "begincodespacerange", "endcodespacerange",
		"beginbfchar", "endbfchar", "beginbfrange", "endbfrange", "begincidchar", "endcidchar",
		"begincidrange", "endcidrange"} {
		m[op] = op
	}
	return m
}()

// psLexer splits a content stream or CMap into tokens. It never fails: what is not PDF
// syntax becomes operators that nothing acts on.
type psLexer struct {
	data  []byte
	pos   int
	names map[string]string
}

// maxPSNesting bounds arrays and dictionaries within one another; deeper brackets are
// read as operators.
const maxPSNesting = 32

// next returns the next token, psEOF at the end.
func (l *psLexer) next() psObj { return l.token(0) }

func (l *psLexer) token(depth int) psObj {
	l.skipSpace()
	if l.pos >= len(l.data) {
		return psObj{}
	}
	c := l.data[l.pos]
	switch {
	case c == '(':
		l.pos++
		return psObj{kind: psString, str: l.literal()}
	case c == '<' && l.at(1) == '<' && depth < maxPSNesting:
		l.pos += 2
		return l.collect(psDict, ">>", depth)
	case c == '<' && l.at(1) != '<':
		l.pos++
		return psObj{kind: psString, str: l.hex()}
	case c == '[' && depth < maxPSNesting:
		l.pos++
		return l.collect(psArray, "]", depth)
	case c == '/':
		l.pos++
		return psObj{kind: psName, str: l.name()}
	case c == '>' && l.at(1) == '>', c == '<':
		l.pos += 2
		return psObj{kind: psOp, str: string(l.data[l.pos-2 : l.pos])}
	case isPDFDelim(c):
		l.pos++
		return psObj{kind: psOp, str: string(c)}
	case c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.':
		return psObj{kind: psNumber, num: l.number()}
	}
	start := l.pos
	for l.pos < len(l.data) && !isPDFDelim(l.data[l.pos]) {
		l.pos++
	}
	return psObj{kind: psOp, str: psOps[string(l.data[start:l.pos])]}
}

// at returns the byte i after the current one, or 0 past the end.
func (l *psLexer) at(i int) byte {
	if l.pos+i < len(l.data) {
		return l.data[l.pos+i]
	}
	return 0
}

// skipSpace skips white space and comments.
func (l *psLexer) skipSpace() {
	for l.pos < len(l.data) {
		switch c := l.data[l.pos]; {
		case isPDFSpace(c):
			l.pos++
		case c == '%':
			for l.pos < len(l.data) && l.data[l.pos] != '\n' && l.data[l.pos] != '\r' {
				l.pos++
			}
		default:
			return
		}
	}
}

// maxPSElements bounds the elements kept of one array or dictionary.
const maxPSElements = 1 << 14

// collect reads the elements of an array or dictionary up to the operator end, keeping
// the first maxPSElements.
func (l *psLexer) collect(kind psKind, end string, depth int) psObj {
	obj := psObj{kind: kind}
	for {
		t := l.token(depth + 1)
		if t.kind == psEOF || t.kind == psOp && t.str == end {
			return obj
		}
		if len(obj.arr) < maxPSElements {
			obj.arr = append(obj.arr, t)
		}
	}
}

// literal reads a string in parentheses, after the opening one.
func (l *psLexer) literal() string {
	var b []byte
	for depth := 1; l.pos < len(l.data); {
		c := l.data[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return string(b)
			}
		case '\\':
			var ok bool
			if c, ok = l.escape(); !ok {
				continue
			}
		}
		b = append(b, c)
	}
	return string(b)
}

// escape reads what follows a backslash in a literal string: the byte it stands for, or
// false for a line continuation.
func (l *psLexer) escape() (byte, bool) {
	if l.pos >= len(l.data) {
		return 0, false
	}
	e := l.data[l.pos]
	l.pos++
	switch e {
	case 'n':
		return '\n', true
	case 'r':
		return '\r', true
	case 't':
		return '\t', true
	case 'b':
		return '\b', true
	case 'f':
		return '\f', true
	case '\r':
		if l.at(0) == '\n' {
			l.pos++
		}
		return 0, false
	case '\n':
		return 0, false
	}
	if e < '0' || e > '7' {
		return e, true
	}
	v := int(e - '0')
	for i := 0; i < 2 && l.pos < len(l.data) && l.data[l.pos] >= '0' && l.data[l.pos] <= '7'; i++ {
		v = v*8 + int(l.data[l.pos]-'0')
		l.pos++
	}
	return byte(v), true
}

// hex reads a hexadecimal string, after the "<"; an odd last digit is followed by 0.
func (l *psLexer) hex() string {
	var b []byte
	var hi byte
	half := false
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		l.pos++
		if c == '>' {
			break
		}
		v, ok := hexDigit(c)
		if !ok {
			continue
		}
		if half {
			b = append(b, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		b = append(b, hi<<4)
	}
	return string(b)
}

func hexDigit(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// name reads a name, after the slash, decoding #xx escapes.
func (l *psLexer) name() string {
	start := l.pos
	for l.pos < len(l.data) && !isPDFDelim(l.data[l.pos]) {
		l.pos++
	}
	raw := l.data[start:l.pos]
	if n, ok := l.names[string(raw)]; ok {
		return n
	}
	n := string(raw)
	if bytes.IndexByte(raw, '#') >= 0 {
		var b []byte
		for i := 0; i < len(raw); i++ {
			if hi, ok := hexDigit(at(raw, i+1)); raw[i] == '#' && ok {
				if lo, ok := hexDigit(at(raw, i+2)); ok {
					b = append(b, hi<<4|lo)
					i += 2
					continue
				}
			}
			b = append(b, raw[i])
		}
		n = string(b)
	}
	if l.names == nil {
		l.names = map[string]string{}
	}
	if len(l.names) < 1024 {
		l.names[string(raw)] = n
	}
	return n
}

// at returns b[i], or 0 past its end.
func at(b []byte, i int) byte {
	if i < len(b) {
		return b[i]
	}
	return 0
}

// number reads a number; what is not one (a sign alone, "1.2.3") reads as far as it goes.
func (l *psLexer) number() float64 {
	neg := false
	for l.pos < len(l.data) && (l.data[l.pos] == '+' || l.data[l.pos] == '-') {
		neg = neg != (l.data[l.pos] == '-')
		l.pos++
	}
	v, unit, frac := 0.0, 1.0, false
	for ; l.pos < len(l.data); l.pos++ {
		c := l.data[l.pos]
		switch {
		case c == '.' && !frac:
			frac = true
		case c >= '0' && c <= '9' && frac:
			unit /= 10
			v += float64(c-'0') * unit
		case c >= '0' && c <= '9':
			v = v*10 + float64(c-'0')
		default:
			for l.pos < len(l.data) && !isPDFDelim(l.data[l.pos]) {
				l.pos++
			}
			return sign(v, neg)
		}
	}
	return sign(v, neg)
}

func sign(v float64, neg bool) float64 {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return 0
	}
	if neg {
		return -v
	}
	return v
}

// skipInlineImage skips the data of an inline image, after its "ID" operator: up to an
// "EI" preceded by white space and followed by white space, a delimiter or the end.
func (l *psLexer) skipInlineImage() {
	for i := l.pos + 1; i < len(l.data); {
		j := bytes.Index(l.data[i:], []byte("EI"))
		if j < 0 {
			break
		}
		k := i + j
		if isPDFSpace(l.data[k-1]) && (k+2 == len(l.data) || isPDFDelim(l.data[k+2])) {
			l.pos = k + 2
			return
		}
		i = k + 2
	}
	l.pos = len(l.data)
}
