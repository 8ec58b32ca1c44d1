package export

import (
	"embed"
	"fmt"

	"github.com/signintech/gopdf/fontmaker/core"
)

// fontFiles holds Liberation Serif 2.1.5 (SIL Open Font License 1.1, fonts/OFL.txt): the
// metrics of Times New Roman with the whole Vietnamese alphabet. DOCX files name Times New
// Roman and use these files only to measure text (the two have the same advance widths); PDF
// files embed them, so the binary needs no font at run time.
//
//go:embed fonts/LiberationSerif-*.ttf
var fontFiles embed.FS

// style is a combination of bold and italic.
type style uint8

const (
	regular    style = 0
	bold       style = 1
	italic     style = 2
	boldItalic style = bold | italic
)

// fontFile returns the embedded file of a style.
func (s style) fontFile() string {
	return "fonts/LiberationSerif-" + [...]string{"Regular", "Bold", "Italic", "BoldItalic"}[s&3] + ".ttf"
}

// postScriptName returns the font's PostScript name, which PDF files name it by.
func (s style) postScriptName() string {
	return "LiberationSerif" + [...]string{"", "-Bold", "-Italic", "-BoldItalic"}[s&3]
}

// denseRunes is how many code points a face keeps in an array: Latin, Latin Extended,
// combining marks and Vietnamese (U+1EA0–U+1EF9) all fall below it.
const denseRunes = 0x2100

// face holds the advance widths of one embedded font.
type face struct {
	upem  float64
	dense [denseRunes]uint16 // advance+1 by rune; 0 when the font has no glyph
	other map[rune]uint16    // advance by rune
}

// metrics measures text in the embedded fonts. Faces are parsed on first use, so a DOCX
// that measures bold text only parses the bold font. A metrics is used by one goroutine.
type metrics struct {
	faces [4]*face
}

// face returns the face of style s, parsing it on first use.
func (m *metrics) face(s style) (*face, error) {
	if f := m.faces[s&3]; f != nil {
		return f, nil
	}
	data, err := fontFiles.ReadFile(s.fontFile())
	if err != nil {
		return nil, fmt.Errorf("export: font %s: %w", s.fontFile(), err)
	}
	var p core.TTFParser
	if err := p.ParseFontData(data); err != nil {
		return nil, fmt.Errorf("export: font %s: %w", s.fontFile(), err)
	}
	f := &face{upem: float64(p.UnitsPerEm()), other: map[rune]uint16{}}
	widths := p.Widths()
	for r, glyph := range p.Chars() {
		if glyph == 0 || int(glyph) >= len(widths) {
			continue
		}
		w := uint16(min(widths[glyph], 0xFFFE))
		if r >= 0 && r < denseRunes {
			f.dense[r] = w + 1
		} else {
			f.other[rune(r)] = w
		}
	}
	m.faces[s&3] = f
	return f, nil
}

// advance returns the advance width of r in font units, and whether the font has it.
func (f *face) advance(r rune) (uint16, bool) {
	if r >= 0 && r < denseRunes {
		w := f.dense[r]
		return w - 1, w != 0
	}
	w, ok := f.other[r]
	return w, ok
}

// width returns the width of s in twips at size half-points. Runes the font lacks count as
// the replacement the PDF writer draws for them ([face.printable]).
func (f *face) width(s string, size int) float64 {
	var units int
	for _, r := range s {
		w, ok := f.advance(r)
		if !ok {
			w, _ = f.advance(missingGlyph)
		}
		units += int(w)
	}
	return float64(units) * float64(size) * 10 / f.upem
}

// missingGlyph stands in PDF files for a character the embedded font cannot draw.
const missingGlyph = '?'

// printable returns s with every rune the font cannot draw replaced by [missingGlyph].
func (f *face) printable(s string) string {
	ok := true
	for _, r := range s {
		if _, has := f.advance(r); !has {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	b := make([]rune, 0, len(s))
	for _, r := range s {
		if _, has := f.advance(r); !has {
			r = missingGlyph
		}
		b = append(b, r)
	}
	return string(b)
}

// textWidth returns the width of s in twips in style st at size half-points.
func (m *metrics) textWidth(s string, st style, size int) (float64, error) {
	f, err := m.face(st)
	if err != nil {
		return 0, err
	}
	return f.width(s, size), nil
}
