package importer

import (
	"cmp"
	"strconv"
	"strings"
)

// listLevel is one level of a list: its first number, number format, label template
// ("%1.%2.") and whether it shows every level in decimal (legal numbering).
type listLevel struct {
	start  int
	format string
	text   string
	legal  bool
}

// numList is a numbering instance (w:num): the levels of its abstract definition with the
// instance's overrides applied.
type numList struct {
	levels [9]listLevel
}

// listCounters holds the current number of each level of a list in one part.
type listCounters struct {
	value [9]int
	set   [9]bool
}

// lvlXML is a level of numbering.xml.
type lvlXML struct {
	Ilvl    string  `xml:"ilvl,attr"`
	Start   *valXML `xml:"start"`
	NumFmt  *valXML `xml:"numFmt"`
	LvlText *valXML `xml:"lvlText"`
	IsLgl   *valXML `xml:"isLgl"`
}

// numberingXML is numbering.xml.
type numberingXML struct {
	Abstract []struct {
		ID     string   `xml:"abstractNumId,attr"`
		Levels []lvlXML `xml:"lvl"`
	} `xml:"abstractNum"`
	Nums []struct {
		ID        string `xml:"numId,attr"`
		Abstract  valXML `xml:"abstractNumId"`
		Overrides []struct {
			Ilvl  string  `xml:"ilvl,attr"`
			Start *valXML `xml:"startOverride"`
			Lvl   *lvlXML `xml:"lvl"`
		} `xml:"lvlOverride"`
	} `xml:"num"`
}

// readNumbering reads word/numbering.xml when the package has it.
func (p *docxPackage) readNumbering() error {
	var x numberingXML
	if err := p.decodePart("word/numbering.xml", &x); err != nil {
		return err
	}
	abstract := make(map[string][9]listLevel, len(x.Abstract))
	for _, a := range x.Abstract {
		var levels [9]listLevel
		for _, l := range a.Levels {
			if i, ok := levelIndex(l.Ilvl); ok {
				levels[i] = l.def()
			}
		}
		abstract[a.ID] = levels
	}
	p.lists = make(map[string]*numList, len(x.Nums))
	for _, n := range x.Nums {
		levels, ok := abstract[n.Abstract.str()]
		if !ok {
			continue
		}
		for _, o := range n.Overrides {
			i, ok := levelIndex(o.Ilvl)
			if !ok {
				continue
			}
			if o.Lvl != nil {
				levels[i] = o.Lvl.def()
			}
			if o.Start != nil {
				levels[i].start = parseClamped(o.Start.str(), levels[i].start, 0, maxCounter)
			}
		}
		p.lists[n.ID] = &numList{levels: levels}
	}
	return nil
}

// levelIndex parses a level number, 0 to 8.
func levelIndex(s string) (int, bool) {
	i, err := strconv.Atoi(s)
	return i, err == nil && i >= 0 && i < 9
}

// def returns the level l defines. A level without a start starts at 1 and one without
// a format is decimal.
func (l lvlXML) def() listLevel {
	return listLevel{
		start:  parseClamped(l.Start.str(), 1, 0, maxCounter),
		format: cmp.Or(l.NumFmt.str(), "decimal"),
		text:   l.LvlText.str(),
		legal:  l.IsLgl.isOn(),
	}
}

// number advances the counters of a numbered paragraph and returns its label and level;
// "" and 0 for a paragraph that is not numbered. Starting a level restarts the levels
// below it.
func (r *partReader) number(ppr pPrXML) (string, int) {
	id, lvl := r.pkg.styles.numPr(ppr)
	l := r.pkg.lists[id]
	if l == nil {
		return "", 0
	}
	i := parseClamped(lvl, 0, 0, 8)
	c := r.counters[id]
	if c == nil {
		c = &listCounters{}
		r.counters[id] = c
	}
	if c.set[i] {
		c.value[i] = min(c.value[i]+1, maxCounter)
	} else {
		c.value[i], c.set[i] = l.levels[i].start, true
	}
	for j := i + 1; j < len(c.set); j++ {
		c.set[j] = false
	}
	return l.label(i, c), i
}

// label renders the label template of level i with the current counters: "%n" is the
// number of level n (1-based) in that level's format.
func (l *numList) label(i int, c *listCounters) string {
	lv := l.levels[i]
	if lv.format == "bullet" {
		return bulletLabel(lv.text)
	}
	var b strings.Builder
	for k := 0; k < len(lv.text); k++ {
		ch := lv.text[k]
		if ch != '%' || k+1 == len(lv.text) || lv.text[k+1] < '1' || lv.text[k+1] > '9' {
			b.WriteByte(ch)
			continue
		}
		k++
		j := int(lv.text[k] - '1')
		n := l.levels[j].start
		if c.set[j] {
			n = c.value[j]
		}
		format := l.levels[j].format
		if lv.legal && format != "decimalZero" {
			format = "decimal"
		}
		b.WriteString(listNumber(n, format))
	}
	return b.String()
}

// bulletLabel returns a bullet's text, with the private-use characters of symbol fonts
// (Symbol, Wingdings), which mean nothing outside them, shown as "•".
func bulletLabel(text string) string {
	return strings.Map(func(r rune) rune {
		if r >= 0xF000 && r <= 0xF0FF {
			return '•'
		}
		return r
	}, text)
}

// listNumber writes n in a numbering format. Formats it does not know, and numbers a
// format cannot write, are written in decimal.
func listNumber(n int, format string) string {
	switch format {
	case "none", "bullet":
		return ""
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "upperRoman", "lowerRoman":
		if n > 0 && n < 4000 {
			if format == "lowerRoman" {
				return strings.ToLower(romanNumeral(n))
			}
			return romanNumeral(n)
		}
	case "upperLetter", "lowerLetter":
		if n > 0 && n <= 780 {
			a := byte('a')
			if format == "upperLetter" {
				a = 'A'
			}
			// Word's letters go a…z, aa…zz, aaa…: the letter repeated.
			return strings.Repeat(string(a+byte((n-1)%26)), (n-1)/26+1)
		}
	}
	return strconv.Itoa(n)
}

// romanNumeral writes n, from 1 to 3999, in Roman numerals.
func romanNumeral(n int) string {
	values := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	symbols := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range values {
		for n >= v {
			b.WriteString(symbols[i])
			n -= v
		}
	}
	return b.String()
}
