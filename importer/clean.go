package importer

import (
	"regexp"
	"strings"

	"congtac/vn"
)

// Legacy names a legacy Vietnamese font encoding a document was typed in.
type Legacy string

// The legacy encodings [Clean] converts.
const (
	LegacyNone  Legacy = ""
	LegacyTCVN3 Legacy = "tcvn3" // TCVN3 (ABC), the .VnTime fonts
	LegacyVNI   Legacy = "vni"   // VNI-Windows, the VNI-Times fonts
)

// Clean returns src with every text repaired, and the legacy encoding it was typed in:
//   - text typed in a legacy font encoding and read as single bytes is converted: the
//     whole document is weighed at once ([vn.IsTCVN3], [vn.IsVNI]), since one short line
//     may look like either, and the encoding found is returned; a document that looks like
//     both is taken as TCVN3, the encoding of most government documents of that time. A
//     document that is not, as a whole, may still hold paragraphs typed in one (a template
//     retyped in Unicode around old text): each text is then weighed on its own;
//   - then the damage of PDF extraction and of Word is undone ([vn.Repair]: "ƣ" for "ư",
//     decomposed letters, odd spaces and hyphens), which leaves NFC;
//   - the tones of oa, oe and uy syllables are placed as the office chooses ([vn.PlaceTones];
//     [vn.ToneKeep] keeps the document's).
//
// Letters dropped from bold headings are not restored here.
func Clean(src Source, tones vn.ToneStyle) (Source, Legacy) {
	legacy := legacyOf(src.texts())
	out := src.mapTexts(func(s string) string {
		enc := legacy
		if enc == LegacyNone { // a document partly retyped in Unicode: each text on its own
			enc = legacyOf(s)
		}
		switch enc {
		case LegacyTCVN3:
			s = vn.DecodeTCVN3(s)
		case LegacyVNI:
			s = vn.DecodeVNI(s)
		}
		return vn.PlaceTones(fixNgh(vn.Repair(s)), tones)
	})
	return out, legacy
}

// ngBeforeFront matches "ng" before i, e or ê at the start of a word, where the spelling
// is always "ngh" ("Phòng Nông ngiệp" for "nghiệp"): a slip of typing, never a word.
var ngBeforeFront = regexp.MustCompile(`(^|[^\p{L}])([Nn][Gg])([iIíÍìÌỉỈĩĨịỊeEéÉèÈẻẺẽẼẹẸêÊếẾềỀểỂễỄệỆ])`)

// fixNgh writes "ngh" where a word spells "ng" before i, e or ê; the h takes the case of
// the g before it.
func fixNgh(s string) string {
	if !strings.Contains(strings.ToLower(s), "ng") {
		return s
	}
	return ngBeforeFront.ReplaceAllStringFunc(s, func(m string) string {
		g := ngBeforeFront.FindStringSubmatch(m)
		h := "h"
		if g[2][1] == 'G' {
			h = "H"
		}
		return g[1] + g[2] + h + g[3]
	})
}

// legacyOf returns the legacy encoding text looks typed in, or none.
func legacyOf(text string) Legacy {
	switch {
	case vn.IsTCVN3(text):
		return LegacyTCVN3
	case vn.IsVNI(text):
		return LegacyVNI
	}
	return LegacyNone
}

// texts returns every text of s, one per line: paragraphs, their labels and table cells.
func (s Source) texts() string {
	var b strings.Builder
	for _, blk := range s.Blocks {
		b.WriteString(blk.Number + "\n" + blk.Text + "\n")
		if blk.Table != nil {
			for _, row := range blk.Table.Rows {
				for _, c := range row {
					b.WriteString(c.Text + "\n")
				}
			}
		}
	}
	return b.String()
}

// mapTexts returns a copy of s with f applied to every text: paragraphs, their labels and
// table cells. s is left as it is.
func (s Source) mapTexts(f func(string) string) Source {
	out := Source{Blocks: make([]Block, len(s.Blocks))}
	for i, b := range s.Blocks {
		b.Text, b.Number = f(b.Text), f(b.Number)
		if b.Table != nil {
			t := &Table{Rows: make([][]Cell, len(b.Table.Rows))}
			for r, row := range b.Table.Rows {
				t.Rows[r] = make([]Cell, len(row))
				for c, cell := range row {
					cell.Text = f(cell.Text)
					t.Rows[r][c] = cell
				}
			}
			b.Table = t
		}
		out.Blocks[i] = b
	}
	return out
}
