package vn

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind is the kind of a token of a folded phrase.
type tokKind uint8

const (
	tWord  tokKind = iota // a run of letters: "thang", "ii"
	tNum                  // a run of ASCII digits: "05", "2023"
	tPunct                // one other character: "/", "-", "(", "'"
)

// token is one token of a folded phrase. num is the value of a number of up to six
// digits, and -1 for a longer one, which no date or time has.
type token struct {
	kind tokKind
	text string
	num  int
}

// tokenize splits folded text into words, numbers and single punctuation marks, dropping
// spaces. Letters and digits written together are split: "7h30" gives 7, h, 30. Dashes of
// every kind become "-".
func tokenize(s string) []token {
	var toks []token
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		j := i + size
		switch {
		case r == ' ':
		case r >= '0' && r <= '9':
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			toks = append(toks, token{kind: tNum, text: s[i:j], num: atoi6(s[i:j])})
		case unicode.IsLetter(r):
			if k := strings.IndexFunc(s[j:], isNotLetter); k >= 0 {
				j += k
			} else {
				j = len(s)
			}
			toks = append(toks, token{kind: tWord, text: s[i:j]})
		case unicode.Is(unicode.Pd, r):
			toks = append(toks, token{kind: tPunct, text: "-"})
		default:
			toks = append(toks, token{kind: tPunct, text: s[i:j]})
		}
		i = j
	}
	return toks
}

func isNotLetter(r rune) bool { return !unicode.IsLetter(r) }

// atoi6 returns the value of a string of ASCII digits, or -1 when it has more than six.
func atoi6(s string) int {
	if len(s) > 6 {
		return -1
	}
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// scanner walks the tokens of a phrase. Its matching methods consume tokens only when
// they match, so a failed alternative leaves the position where it was; alternatives that
// span several methods save and restore pos themselves.
type scanner struct {
	toks []token
	pos  int
}

func newScanner(s string) *scanner { return &scanner{toks: tokenize(Fold(s))} }

// done reports whether every token has been consumed.
func (p *scanner) done() bool { return p.pos >= len(p.toks) }

// peek returns the next token, or the zero token at the end.
func (p *scanner) peek() token {
	if p.done() {
		return token{kind: tPunct}
	}
	return p.toks[p.pos]
}

// words consumes the given words in sequence, or nothing.
func (p *scanner) words(ws ...string) bool {
	if p.pos+len(ws) > len(p.toks) {
		return false
	}
	for i, w := range ws {
		if t := p.toks[p.pos+i]; t.kind != tWord || t.text != w {
			return false
		}
	}
	p.pos += len(ws)
	return true
}

// oneOf consumes one word from ws and returns it, or returns "".
func (p *scanner) oneOf(ws ...string) string {
	t := p.peek()
	for _, w := range ws {
		if t.kind == tWord && t.text == w {
			p.pos++
			return w
		}
	}
	return ""
}

// punct consumes one punctuation token that is one of the characters in set.
func (p *scanner) punct(set string) (string, bool) {
	t := p.peek()
	if t.kind == tPunct && t.text != "" && strings.Contains(set, t.text) {
		p.pos++
		return t.text, true
	}
	return "", false
}

// num consumes a number and returns its token.
func (p *scanner) num() (token, bool) {
	t := p.peek()
	if t.kind != tNum || p.done() {
		return token{}, false
	}
	p.pos++
	return t, true
}

// skipPunct consumes any punctuation in set.
func (p *scanner) skipPunct(set string) {
	for {
		if _, ok := p.punct(set); !ok {
			return
		}
	}
}

// weekdayWords numbers the folded names of the weekdays after "thứ", Sunday being 0.
var weekdayWords = map[string]int{"hai": 1, "ba": 2, "tu": 3, "nam": 4, "sau": 5, "bay": 6}

// weekday consumes a weekday: "thu hai" … "thu bay", "thu 2" … "thu 7", "t2" … "t7",
// "chu nhat", "cn".
func (p *scanner) weekday() (int, bool) {
	save := p.pos
	switch {
	case p.words("chu", "nhat"), p.words("cn"):
		return 0, true
	case p.oneOf("thu", "t") != "":
		if w := p.oneOf("hai", "ba", "tu", "nam", "sau", "bay"); w != "" {
			return weekdayWords[w], true
		}
		if t, ok := p.num(); ok && t.num >= 2 && t.num <= 7 && len(t.text) == 1 {
			return t.num - 1, true
		}
	}
	p.pos = save
	return 0, false
}

// dayPart consumes a part of the day, "buoi" optional: sang, trua, chieu, toi, dem.
func (p *scanner) dayPart() (string, bool) {
	save := p.pos
	p.oneOf("buoi")
	if w := p.oneOf("sang", "trua", "chieu", "toi", "dem"); w != "" {
		return w, true
	}
	p.pos = save
	return "", false
}
