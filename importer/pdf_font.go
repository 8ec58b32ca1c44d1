package importer

import (
	"strconv"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
	"rsc.io/pdf"

	"congtac/vn"
)

// Limits on what one font may declare. Ranges are looked up by a scan for each glyph:
// those of fewer than 256 codes are spread into maps, and few are kept as ranges.
const (
	maxCMapEntries = 1 << 17 // codes of a CMap, widths of a CID font
	maxCMapRanges  = 256     // ranges of a CMap or of a CID font's widths kept as ranges
	maxCodeSpaces  = 64      // code space ranges of a CMap
)

// pdfFont is a font as text extraction needs it: how its strings split into codes, the
// text and the width of each code, and whether it is bold.
type pdfFont struct {
	bold    bool
	cid     bool         // a Type0 font: codes of one to four bytes, two unless space says
	space   []codeRange  // a Type0 font's code space, from an embedded CMap
	cids    *cmap        // a Type0 font's code to CID, from an embedded CMap; nil: CID = code
	uni     *cmap        // the ToUnicode map
	enc     *[256]string // a simple font's text per code, from its encoding
	first   uint32       // a simple font's first code in widths
	widths  []float64    // a simple font's widths from first on
	cidW    map[uint32]float64
	cidWR   []widthRange
	missing float64 // the width of a glyph not listed
	unit    float64 // text space units per glyph unit: 0.001, or a Type3 font's FontMatrix
}

// fallbackFont reads the strings drawn with a font the resources do not have.
var fallbackFont = pdfFont{enc: &winAnsiText, missing: 500, unit: 0.001}

// font returns the font of the dictionary v, loading it the first time.
func (x *pdfExtractor) font(v pdf.Value) (*pdfFont, error) {
	if v.Kind() != pdf.Dict {
		return &fallbackFont, nil
	}
	key := v.String()
	if f, ok := x.fonts[key]; ok {
		return f, nil
	}
	f := &pdfFont{bold: isBoldFont(v), unit: 0.001}
	x.fonts[key] = f
	if v.Key("Subtype").Name() == "Type0" {
		if err := x.loadType0(v, f); err != nil {
			return f, err
		}
	} else {
		loadSimple(v, f)
	}
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		data, err := x.read(tu)
		if err != nil {
			return f, err
		}
		f.uni = parseCMap(data)
	}
	return f, nil
}

// isBoldFont reports whether the font's name says bold, or its weight is 600 or more.
func isBoldFont(v pdf.Value) bool {
	if strings.Contains(strings.ToLower(v.Key("BaseFont").Name()), "bold") {
		return true
	}
	return v.Key("FontDescriptor").Key("FontWeight").Float64() >= 600
}

// loadType0 reads a composite font: its code space and CIDs from an embedded CMap (the
// named ones, Identity-H included, take two-byte codes as CIDs) and its CID font's widths.
func (x *pdfExtractor) loadType0(v pdf.Value, f *pdfFont) error {
	f.cid, f.missing = true, 1000
	if enc := v.Key("Encoding"); enc.Kind() == pdf.Stream {
		data, err := x.read(enc)
		if err != nil {
			return err
		}
		m := parseCMap(data)
		f.space = m.space
		if len(m.cid) > 0 || len(m.cidR) > 0 {
			f.cids = m
		}
	}
	desc := v.Key("DescendantFonts").Index(0)
	f.bold = f.bold || isBoldFont(desc)
	if dw := desc.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
		f.missing = dw.Float64()
	}
	f.cidW = map[uint32]float64{}
	w := desc.Key("W")
	for i, n := 0, min(w.Len(), maxCMapEntries); i+1 < n && len(f.cidW) < maxCMapEntries; {
		first, second := w.Index(i), w.Index(i+1)
		if second.Kind() == pdf.Array {
			c := uint32(first.Int64())
			for j := range min(second.Len(), maxCMapEntries-len(f.cidW)) {
				f.cidW[c+uint32(j)] = second.Index(j).Float64()
			}
			i += 2
			continue
		}
		if i+2 < n {
			f.addWidths(uint32(first.Int64()), uint32(second.Int64()), w.Index(i+2).Float64())
		}
		i += 3
	}
	return nil
}

// addWidths gives the CIDs lo to hi the width w.
func (f *pdfFont) addWidths(lo, hi uint32, w float64) {
	switch {
	case hi < lo:
	case hi-lo < 256:
		for c := lo; c <= hi && len(f.cidW) < maxCMapEntries; c++ {
			f.cidW[c] = w
		}
	case len(f.cidWR) < maxCMapRanges:
		f.cidWR = append(f.cidWR, widthRange{lo, hi, w})
	}
}

// loadSimple reads a simple font (TrueType, Type1, Type3): its widths and encoding.
func loadSimple(v pdf.Value, f *pdfFont) {
	f.enc = simpleEncoding(v.Key("Encoding"))
	f.first = uint32(max(0, v.Key("FirstChar").Int64()))
	ws := v.Key("Widths")
	for i := range min(ws.Len(), 256) {
		f.widths = append(f.widths, ws.Index(i).Float64())
	}
	f.missing = v.Key("FontDescriptor").Key("MissingWidth").Float64()
	if f.missing == 0 {
		f.missing = 500 // the standard 14 fonts come without widths: half an em
	}
	if m := v.Key("FontMatrix"); v.Key("Subtype").Name() == "Type3" && m.Len() == 6 && m.Index(0).Float64() > 0 {
		f.unit = m.Index(0).Float64()
	}
}

// next splits the first code off s, returning it and its length in bytes.
func (f *pdfFont) next(s string) (code uint32, n int) {
	if !f.cid {
		return uint32(s[0]), 1
	}
	for n := 1; n <= 4 && n <= len(s) && len(f.space) > 0; n++ {
		c := codeOf(s[:n])
		for _, r := range f.space {
			if r.n == n && r.lo <= c && c <= r.hi {
				return c, n
			}
		}
	}
	if len(s) < 2 || len(f.space) > 0 {
		return uint32(s[0]), 1
	}
	return uint32(s[0])<<8 | uint32(s[1]), 2
}

// text returns the text of code: from the ToUnicode map, else for a simple font from its
// encoding; U+FFFD when neither says.
func (f *pdfFont) text(code uint32) string {
	if f.uni != nil {
		if t, ok := f.uni.text(code); ok {
			return t
		}
	}
	if f.cid || code > 0xFF {
		return "\uFFFD"
	}
	return f.enc[code]
}

// width returns the advance of code's glyph in text space units for a font size of 1.
func (f *pdfFont) width(code uint32) float64 {
	if !f.cid {
		if i := code - f.first; code >= f.first && int(i) < len(f.widths) && f.widths[i] > 0 {
			return f.widths[i] * f.unit
		}
		return f.missing * f.unit
	}
	cid := code
	if f.cids != nil {
		cid, _ = f.cids.cidOf(code)
	}
	if w, ok := f.cidW[cid]; ok {
		return w * f.unit
	}
	for _, r := range f.cidWR {
		if r.lo <= cid && cid <= r.hi {
			return r.w * f.unit
		}
	}
	return f.missing * f.unit
}

// codeRange is a range of codes of n bytes.
type codeRange struct {
	lo, hi uint32
	n      int
}

// uniRange maps codes lo to hi to the UTF-16 text dst, its last unit increased by the
// code's distance from lo.
type uniRange struct {
	lo, hi uint32
	dst    []uint16
}

// widthRange gives the CIDs lo to hi the width w.
type widthRange struct {
	lo, hi uint32
	w      float64
}

// cidRange maps codes lo to hi to CIDs from cid on.
type cidRange struct{ lo, hi, cid uint32 }

// cmap is a CMap: a ToUnicode map (uni, uniR) or an encoding (space, cid, cidR).
type cmap struct {
	space []codeRange
	uni   map[uint32]string
	uniR  []uniRange
	cid   map[uint32]uint32
	cidR  []cidRange
}

// parseCMap reads the code space, bf and cid mappings of a CMap; what it cannot read it
// leaves out.
func parseCMap(data []byte) *cmap {
	m := &cmap{uni: map[uint32]string{}, cid: map[uint32]uint32{}}
	lx := psLexer{data: data}
	var args []psObj
	for {
		t := lx.next()
		if t.kind == psEOF {
			return m
		}
		if t.kind != psOp {
			if len(args) < 3*maxCMapEntries { // a block may hold every mapping of a font
				args = append(args, t)
			}
			continue
		}
		switch t.str {
		case "endcodespacerange":
			for i := 0; i+1 < len(args); i += 2 {
				lo, hi := args[i].str, args[i+1].str
				if n := len(lo); n >= 1 && n <= 4 && len(hi) == n && len(m.space) < maxCodeSpaces {
					m.space = append(m.space, codeRange{codeOf(lo), codeOf(hi), n})
				}
			}
		case "endbfchar":
			for i := 0; i+1 < len(args) && len(m.uni) < maxCMapEntries; i += 2 {
				m.uni[codeOf(args[i].str)] = bfText(args[i+1])
			}
		case "endbfrange":
			for i := 0; i+2 < len(args); i += 3 {
				m.addBFRange(codeOf(args[i].str), codeOf(args[i+1].str), args[i+2])
			}
		case "endcidchar":
			for i := 0; i+1 < len(args) && len(m.cid) < maxCMapEntries; i += 2 {
				m.cid[codeOf(args[i].str)] = uint32(args[i+1].num)
			}
		case "endcidrange":
			for i := 0; i+2 < len(args); i += 3 {
				m.addCIDRange(codeOf(args[i].str), codeOf(args[i+1].str), uint32(args[i+2].num))
			}
		}
		args = args[:0]
	}
}

// addBFRange maps the codes lo to hi to dst: consecutive texts from a string, or an array
// of texts. Short ranges are spread into the map.
func (m *cmap) addBFRange(lo, hi uint32, dst psObj) {
	if hi < lo || len(m.uni) >= maxCMapEntries {
		return
	}
	if dst.kind == psArray {
		for i, d := range dst.arr {
			if uint64(lo)+uint64(i) <= uint64(hi) && len(m.uni) < maxCMapEntries {
				m.uni[lo+uint32(i)] = bfText(d)
			}
		}
		return
	}
	units := utf16Units(dst.str)
	if len(units) == 0 {
		return
	}
	r := uniRange{lo, hi, units}
	if hi-lo >= 256 {
		if len(m.uniR) < maxCMapRanges {
			m.uniR = append(m.uniR, r)
		}
		return
	}
	for c := lo; c <= hi && len(m.uni) < maxCMapEntries; c++ {
		m.uni[c] = r.at(c)
	}
}

// addCIDRange maps the codes lo to hi to the CIDs from cid on. Short ranges are spread
// into the map.
func (m *cmap) addCIDRange(lo, hi, cid uint32) {
	switch {
	case hi < lo:
	case hi-lo < 256:
		for c := lo; c <= hi && len(m.cid) < maxCMapEntries; c++ {
			m.cid[c] = cid + c - lo
		}
	case len(m.cidR) < maxCMapRanges:
		m.cidR = append(m.cidR, cidRange{lo, hi, cid})
	}
}

// at returns the text of code c of the range.
func (r uniRange) at(c uint32) string {
	units := append([]uint16(nil), r.dst...)
	units[len(units)-1] += uint16(c - r.lo)
	return string(utf16.Decode(units))
}

// text returns the text the map gives code.
func (m *cmap) text(code uint32) (string, bool) {
	if t, ok := m.uni[code]; ok {
		return t, true
	}
	for _, r := range m.uniR {
		if r.lo <= code && code <= r.hi {
			return r.at(code), true
		}
	}
	return "", false
}

// cidOf returns the CID the map gives code.
func (m *cmap) cidOf(code uint32) (uint32, bool) {
	if c, ok := m.cid[code]; ok {
		return c, true
	}
	for _, r := range m.cidR {
		if r.lo <= code && code <= r.hi {
			return r.cid + code - r.lo, true
		}
	}
	return 0, false
}

// codeOf returns the big-endian value of the code s, of its last four bytes at most.
func codeOf(s string) uint32 {
	var c uint32
	for i := max(0, len(s)-4); i < len(s); i++ {
		c = c<<8 | uint32(s[i])
	}
	return c
}

// bfText returns the text of a bf mapping's destination: UTF-16BE, or a glyph name.
func bfText(d psObj) string {
	if d.kind == psName {
		return glyphText(d.str)
	}
	return string(utf16.Decode(utf16Units(d.str)))
}

// utf16Units returns the UTF-16BE units of s; a lone byte is a unit of its own.
func utf16Units(s string) []uint16 {
	if len(s) == 1 {
		return []uint16{uint16(s[0])}
	}
	units := make([]uint16, len(s)/2)
	for i := range units {
		units[i] = uint16(s[2*i])<<8 | uint16(s[2*i+1])
	}
	return units
}

// The texts of the codes of the base encodings, control codes as U+FFFD.
var (
	winAnsiText  = byteTexts(charmap.Windows1252)
	macRomanText = byteTexts(charmap.Macintosh)
)

func byteTexts(cm *charmap.Charmap) [256]string {
	var t [256]string
	for i := range t {
		r := cm.DecodeByte(byte(i))
		switch {
		case i == '\t' || i == '\n' || i == '\r':
			r = ' '
		case i < 0x20 || i == 0x7F:
			r = '\uFFFD'
		}
		t[i] = string(r)
	}
	return t
}

// simpleEncoding returns the text of each code of a simple font with the encoding enc: a
// base encoding (WinAnsi, the default, or MacRoman) changed by its Differences. Standard
// encoding is read as WinAnsi, from which it differs in quotes and signs only.
func simpleEncoding(enc pdf.Value) *[256]string {
	base, diffs := enc.Name(), pdf.Value{}
	if enc.Kind() == pdf.Dict {
		base, diffs = enc.Key("BaseEncoding").Name(), enc.Key("Differences")
	}
	table := &winAnsiText
	if base == "MacRomanEncoding" {
		table = &macRomanText
	}
	if diffs.Len() == 0 {
		return table
	}
	t := *table
	code := 0
	for i := range min(diffs.Len(), 1024) {
		switch d := diffs.Index(i); d.Kind() {
		case pdf.Integer:
			code = int(d.Int64())
		case pdf.Name:
			if s := glyphText(d.Name()); s != "" && code >= 0 && code < 256 {
				t[code] = s
			}
			code++
		}
	}
	return &t
}

// glyphNames are the texts of glyph names that are not a letter with accents.
var glyphNames = map[string]string{
	"space": " ", "exclam": "!", "quotedbl": "\"", "numbersign": "#", "dollar": "$", "percent": "%",
	"ampersand": "&", "quotesingle": "'", "quoteright": "’", "quoteleft": "‘", "parenleft": "(",
	"parenright": ")", "asterisk": "*", "plus": "+", "comma": ",", "hyphen": "-", "period": ".",
	"slash": "/", "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
	"six": "6", "seven": "7", "eight": "8", "nine": "9", "colon": ":", "semicolon": ";", "less": "<",
	"equal": "=", "greater": ">", "question": "?", "at": "@", "bracketleft": "[", "backslash": "\\",
	"bracketright": "]", "asciicircum": "^", "underscore": "_", "grave": "`", "braceleft": "{",
	"bar": "|", "braceright": "}", "asciitilde": "~", "endash": "–", "emdash": "—", "bullet": "•",
	"ellipsis": "…", "quotedblleft": "“", "quotedblright": "”", "quotesinglbase": "‚",
	"quotedblbase": "„", "guillemotleft": "«", "guillemotright": "»", "degree": "°", "section": "§",
	"paragraph": "¶", "periodcentered": "·", "nbspace": "\u00A0", "dotlessi": "ı", "dcroat": "đ",
	"Dcroat": "Đ", "Dslash": "Đ", "dmacron": "đ", "fi": "fi", "fl": "fl", "ff": "ff", "ffi": "ffi",
	"ffl": "ffl", "minus": "−", "multiply": "×", "divide": "÷", "copyright": "©", "registered": "®",
}

// accentNames are the combining marks of glyph names such as "ohornacute".
var accentNames = []struct{ name, mark string }{
	{"acute", "\u0301"}, {"grave", "\u0300"}, {"circumflex", "\u0302"}, {"tilde", "\u0303"},
	{"dieresis", "\u0308"}, {"ring", "\u030A"}, {"cedilla", "\u0327"}, {"caron", "\u030C"},
	{"breve", "\u0306"}, {"macron", "\u0304"}, {"hookabove", "\u0309"}, {"dotbelow", "\u0323"},
	{"horn", "\u031B"}, {"ogonek", "\u0328"}, {"dotaccent", "\u0307"},
}

// glyphText returns the text of a glyph name, "" when it is not known: the names above,
// one-letter names, uniXXXX[YYYY…] and uXXXX[XX], and letters with accents.
func glyphText(name string) string {
	if t, ok := glyphNames[name]; ok {
		return t
	}
	if len(name) == 1 {
		return name
	}
	if hex, ok := strings.CutPrefix(name, "uni"); ok && len(hex)%4 == 0 {
		var units []uint16
		for i := 0; i < len(hex); i += 4 {
			u, err := strconv.ParseUint(hex[i:i+4], 16, 16)
			if err != nil {
				return ""
			}
			units = append(units, uint16(u))
		}
		return string(utf16.Decode(units))
	}
	if hex, ok := strings.CutPrefix(name, "u"); ok && len(hex) >= 4 && len(hex) <= 6 {
		if r, err := strconv.ParseUint(hex, 16, 32); err == nil && r <= 0x10FFFF {
			return string(rune(r))
		}
	}
	return accented(name)
}

// accented returns the text of a letter-with-accents glyph name ("Aacute",
// "ecircumflexhookabove"), composed, or "".
func accented(name string) string {
	if c := name[0]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
		return ""
	}
	text, rest := name[:1], name[1:]
	for rest != "" {
		found := false
		for _, a := range accentNames {
			if r, ok := strings.CutPrefix(rest, a.name); ok {
				text, rest, found = text+a.mark, r, true
				break
			}
		}
		if !found {
			return ""
		}
	}
	return vn.NFC(text)
}
