package export

import (
	"strings"
	"unicode/utf8"
)

// piece is a word part or a space of one style, measured.
type piece struct {
	text  string
	style style
	width float64 // twips
	space bool
}

// line is one line of a broken paragraph: its pieces without the spaces at the break.
type line struct {
	pieces []piece
	width  float64 // natural width, twips
	spaces int     // spaces that justification stretches
	indent int     // the first-line indent, on the first line
	last   bool    // the paragraph's last line, never justified
}

// breakLines breaks p into lines that fit width twips (the width of the container; the
// paragraph's own indents are taken off here). Words break at spaces; a word longer than a
// line breaks between characters. An empty paragraph gives one empty line.
func breakLines(m *metrics, p para, width int) ([]line, error) {
	words, err := measureWords(m, p)
	if err != nil {
		return nil, err
	}
	avail := float64(width - p.left - p.right)
	var lines []line
	cur := line{indent: p.first}
	room := func() float64 { return avail - float64(cur.indent) }
	for _, w := range words {
		gap, wordWidth := w.gapWidth(), w.wordWidth()
		switch {
		case len(cur.pieces) == 0 || cur.width+gap+wordWidth <= room():
			cur.add(w.pieces)
		default:
			lines = append(lines, cur.trimmed())
			cur = line{}
			cur.add(w.word())
		}
		for cur.width > room() && cur.breakable() {
			var rest []piece
			cur, rest = cur.split(room())
			if len(rest) == 0 {
				break
			}
			lines = append(lines, cur.trimmed())
			cur = line{}
			cur.add(rest)
		}
	}
	cur = cur.trimmed()
	cur.last = true
	return append(lines, cur), nil
}

// word is a word with the spaces before it.
type word struct{ pieces []piece }

func (w word) gapWidth() float64 {
	g := 0.0
	for _, p := range w.pieces {
		if !p.space {
			break
		}
		g += p.width
	}
	return g
}

func (w word) wordWidth() float64 { return sum(w.pieces) - w.gapWidth() }

// word returns the word without its leading spaces, for the start of a line.
func (w word) word() []piece {
	for i, p := range w.pieces {
		if !p.space {
			return w.pieces[i:]
		}
	}
	return nil
}

func sum(ps []piece) float64 {
	s := 0.0
	for _, p := range ps {
		s += p.width
	}
	return s
}

// add appends pieces to the line.
func (l *line) add(ps []piece) {
	for _, p := range ps {
		l.pieces = append(l.pieces, p)
		l.width += p.width
	}
}

// breakable reports whether the line holds more than one character, so that splitting it
// leaves something on both sides.
func (l line) breakable() bool {
	return len(l.pieces) > 1 || (len(l.pieces) == 1 && utf8.RuneCountInString(l.pieces[0].text) > 1)
}

// trimmed returns the line without trailing spaces, with its stretchable spaces counted.
func (l line) trimmed() line {
	for len(l.pieces) > 0 && l.pieces[len(l.pieces)-1].space {
		l.width -= l.pieces[len(l.pieces)-1].width
		l.pieces = l.pieces[:len(l.pieces)-1]
	}
	l.spaces = 0
	for _, p := range l.pieces {
		if p.space {
			l.spaces++
		}
	}
	return l
}

// split cuts an overlong line at room twips, between characters, and returns the part
// that fits (at least one character) and the rest.
func (l line) split(room float64) (line, []piece) {
	head := line{indent: l.indent}
	for i, p := range l.pieces {
		if head.width+p.width <= room {
			head.add([]piece{p})
			continue
		}
		n := fitRunes(p, room-head.width)
		if n == 0 && len(head.pieces) == 0 {
			n = runeLen(p.text) // at least one character a line, or nothing would advance
		}
		var rest []piece
		if n > 0 {
			a, b := p, p
			a.text, b.text = p.text[:n], p.text[n:]
			a.width = p.width * float64(utf8.RuneCountInString(a.text)) / float64(max(1, utf8.RuneCountInString(p.text)))
			b.width = p.width - a.width
			head.add([]piece{a})
			if b.text != "" {
				rest = append(rest, b)
			}
		} else {
			rest = append(rest, p)
		}
		return head, append(rest, l.pieces[i+1:]...)
	}
	return head, nil
}

// fitRunes returns how many bytes of p's text fit in room, in whole runes, estimating each
// rune's width as the piece's average.
func fitRunes(p piece, room float64) int {
	n := utf8.RuneCountInString(p.text)
	if n == 0 || room <= 0 {
		return 0
	}
	k := int(room / (p.width / float64(n)))
	i := 0
	for j := 0; j < k && i < len(p.text); j++ {
		_, size := utf8.DecodeRuneInString(p.text[i:])
		i += size
	}
	return i
}

// runeLen returns the length in bytes of the first rune of s.
func runeLen(s string) int {
	_, n := utf8.DecodeRuneInString(s)
	return n
}

// measureWords splits a paragraph's runs into words, each with the spaces before it.
func measureWords(m *metrics, p para) ([]word, error) {
	var words []word
	var cur []piece
	inWord := false
	for _, r := range p.runs {
		f, err := m.face(r.style)
		if err != nil {
			return nil, err
		}
		for _, tok := range tokens(r.text) {
			isSpace := tok == " "
			if isSpace && inWord {
				words = append(words, word{cur})
				cur, inWord = nil, false
			}
			cur = append(cur, piece{text: tok, style: r.style, width: f.width(tok, p.size), space: isSpace})
			inWord = inWord || !isSpace
		}
	}
	if len(cur) > 0 {
		words = append(words, word{cur})
	}
	return words, nil
}

// tokens splits s into single spaces and runs of other characters.
func tokens(s string) []string {
	var out []string
	for s != "" {
		if s[0] == ' ' {
			out = append(out, " ")
			s = s[1:]
			continue
		}
		i := strings.IndexByte(s, ' ')
		if i < 0 {
			i = len(s)
		}
		out = append(out, s[:i])
		s = s[i:]
	}
	return out
}
