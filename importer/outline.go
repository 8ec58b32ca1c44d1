package importer

import (
	"regexp"
	"strings"

	"congtac"
	"congtac/vn"
)

// Outline is the body of a program as numbered items (temporary IDs from 1, parents by
// ID, as [congtac.Program.Items] takes them for a new program), with the line each item
// starts at, and the row where the body ends (the recipients or the signature; len(rows)
// when neither is found).
type Outline struct {
	Items []congtac.Item
	Lines []int // Lines[i] is the row of Items[i]'s label
	End   int
}

// labelStart matches the label that starts a numbered item and its text: "A. ", "II. ",
// "1. ", "1.2. ", "a) ", "đ) ", "- ".
var labelStart = regexp.MustCompile(`^(?:([A-ZĐ])\.|([IVXL]+)\.|(\d{1,2})\.|(\d{1,2}(?:\.\d{1,2})+)\.?|([a-zđ])\)|([-–+]))\s+(.*)$`)

// bodyEnd matches the first line after the body: the recipients, or an authority line of
// the signature (DOMAIN.md §1).
var bodyEnd = regexp.MustCompile(`^(?:Nơi nhận\s*:|(?:TM|KT|TL|TUQ|Q)\.\s+[\p{Lu} ]+$)`)

// ReadOutline reads the body of a program from rows, from row from on (after the
// masthead): each line starting with a label starts an item, whose style the label gives
// ("A." parts, "I." Roman, "1.", "1.1.", "a)", "-"), nested under the items of the styles
// met before it (a style met again closes the items opened after it). A short line after
// its label without a full stop is the item's heading; otherwise the item's text. Lines
// without a label continue the text of the item before them: as a new paragraph after a
// line ending a sentence (".", ":", ";"), else as the same paragraph wrapped.
func ReadOutline(rows []Row, from int) Outline {
	var o Outline
	o.End = len(rows)
	var open []int // indexes into o.Items of the items open at each depth
	for i := from; i < len(rows); i++ {
		text := rows[i].Text
		if bodyEnd.MatchString(text) {
			o.End = i
			break
		}
		g := labelStart.FindStringSubmatch(text)
		if g == nil {
			if len(o.Items) > 0 {
				continueText(&o.Items[len(o.Items)-1], text)
			}
			continue
		}
		style, label := labelStyle(g, o.Items, open)
		depth := len(open)
		for d, at := range open {
			if o.Items[at].Style == style {
				depth = d
				break
			}
		}
		open = open[:depth]
		it := congtac.Item{ID: int64(len(o.Items) + 1), Style: style, Label: label}
		if depth > 0 {
			it.ParentID = o.Items[open[depth-1]].ID
		}
		for _, sib := range o.Items {
			if sib.ParentID == it.ParentID {
				it.Position++
			}
		}
		body := g[7]
		if isHeading(body) {
			it.Heading = strings.TrimRight(body, " :")
		} else {
			it.Text = body
		}
		it.Sector = SectorOf(it.Heading)
		if it.Sector == "" && depth > 0 {
			it.Sector = o.Items[open[depth-1]].Sector // an item is in its section's sector
		}
		open = append(open, len(o.Items))
		o.Items = append(o.Items, it)
		o.Lines = append(o.Lines, i)
	}
	return o
}

// sectorWords name each sector in a section's heading, folded ([vn.Fold]): "Về phát
// triển kinh tế", "Lĩnh vực văn hóa - xã hội", "Công tác nội chính".
var sectorWords = []struct {
	sector congtac.Sector
	words  []string
}{
	{congtac.SectorEconomy, []string{"kinh te", "nong nghiep", "tai chinh", "ngan sach", "xay dung", "tai nguyen"}},
	{congtac.SectorCultureSociety, []string{"van hoa", "xa hoi", "giao duc", "y te"}},
	{congtac.SectorInternalAffairs, []string{"noi chinh", "quoc phong", "an ninh", "noi vu", "cai cach hanh chinh", "thanh tra", "tu phap"}},
}

// SectorOf returns the sector a section's heading names, or "" when it names none. A
// heading naming two ("kinh tế - xã hội") names the first met in sectorWords' order:
// the economy.
func SectorOf(heading string) congtac.Sector {
	folded := " " + strings.Join(vn.SearchWords(heading), " ") + " "
	for _, s := range sectorWords {
		for _, w := range s.words {
			if strings.Contains(folded, " "+w+" ") {
				return s.sector
			}
		}
	}
	return ""
}

// labelStyle returns the numbering style of a label's groups g and the label as written.
// A lone capital I, V, X or L is Roman unless it follows the letters before it ("H.", "I.").
func labelStyle(g []string, items []congtac.Item, open []int) (congtac.NumberStyle, string) {
	switch {
	case g[1] != "" && (!strings.Contains("IVXL", g[1]) || followsLetter(g[1], items, open)):
		return congtac.StyleUpperLetter, g[1] + "."
	case g[1] != "":
		return congtac.StyleRoman, g[1] + "."
	case g[2] != "":
		return congtac.StyleRoman, g[2] + "."
	case g[3] != "":
		return congtac.StyleArabic, g[3] + "."
	case g[4] != "":
		return congtac.StyleNested, g[4] + "."
	case g[5] != "":
		return congtac.StyleLowerLetter, g[5] + ")"
	}
	return congtac.StyleDash, g[6]
}

// followsLetter reports whether an open item of letter style is the letter before l.
func followsLetter(l string, items []congtac.Item, open []int) bool {
	for _, at := range open {
		it := items[at]
		if it.Style == congtac.StyleUpperLetter && len(it.Label) == 2 && it.Label[0]+1 == l[0] {
			return true
		}
	}
	return false
}

// isHeading reports whether the text after a label is a heading: short, and not a
// sentence ending with a full stop.
func isHeading(text string) bool {
	text = strings.TrimSpace(text)
	return text != "" && len([]rune(text)) <= 120 && !strings.HasSuffix(text, ".") && !strings.HasSuffix(text, ";")
}

// continueText adds a line without a label to item it: wrapped onto the last paragraph,
// or as a new one after a sentence's end. An item taken for a heading that goes on over
// the line was a sentence, wrapped: it becomes the item's text, unless it is in capitals
// (a part's title, text under it).
func continueText(it *congtac.Item, line string) {
	if it.Heading != "" && it.Text == "" && !isCapitals(it.Heading) {
		it.Text, it.Heading = it.Heading, ""
	}
	switch {
	case it.Text == "":
		it.Text = line
	case endsSentence(it.Text):
		it.Text += "\n" + line
	default:
		it.Text += " " + line
	}
}

// endsSentence reports whether text ends a sentence or a clause: ".", ":" or ";".
func endsSentence(text string) bool {
	text = strings.TrimSpace(text)
	return strings.HasSuffix(text, ".") || strings.HasSuffix(text, ":") || strings.HasSuffix(text, ";")
}
