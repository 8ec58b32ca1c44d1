package vn

import (
	"strings"
	"unicode"
)

// Query is what a search box asks, parsed (issue 15): several words mean all of them,
// "quoted phrases" their words adjacent and in order, -word or -"phrase" excludes, and a
// number or symbol ("19-CT/TU", "45/CTr-UBND", "2023") matches as a whole, never as the
// start of a longer word. Everything else matches from the start of a word, diacritics and
// case ignored, as [Fold] folds.
type Query struct {
	Terms    []Term // all must match
	Excluded []Term // none may match
}

// Term is one word, phrase or symbol of a query.
type Term struct {
	Text   string   // as typed, NFC, without quotes or minus: "kế hoạch", "19-CT/TU"
	Words  []string // folded words ([SearchWords]): ["ke", "hoach"], ["19", "ct", "tu"]
	Phrase bool     // quoted
	Exact  bool     // a number or symbol: its last word is whole, not a prefix
}

// ParseQuery parses a search box's text. Quotes that are not closed run to the end; a
// minus alone, empty quotes and terms without letters or digits are ignored, and so is an
// exclusion when nothing is left to include (a search for nothing but exclusions would
// list everything).
func ParseQuery(text string) Query {
	var q Query
	for _, tok := range queryTokens(NFC(text)) {
		t := Term{Text: tok.text, Words: SearchWords(tok.text), Phrase: tok.quoted}
		if len(t.Words) == 0 {
			continue
		}
		t.Exact = !tok.quoted && isSymbol(tok.text)
		if tok.minus {
			q.Excluded = append(q.Excluded, t)
		} else {
			q.Terms = append(q.Terms, t)
		}
	}
	if len(q.Terms) == 0 {
		q.Excluded = nil
	}
	return q
}

// Empty reports whether the query asks for nothing: every record matches it.
func (q Query) Empty() bool { return len(q.Terms) == 0 }

// Patterns returns the LIKE patterns of the term over a search key (" " followed by the
// folded words separated by single spaces): it matches when the key matches any of them.
// A word or phrase matches from the start of a word, its last word as a prefix; an exact
// term needs its last word whole, followed by a space or the end of the key.
func (t Term) Patterns() []string {
	words := "% " + strings.Join(t.Words, " ")
	if !t.Exact {
		return []string{words + "%"}
	}
	return []string{words + " %", words}
}

// Accented reports whether the term was typed with diacritics ("kế hoạch", not "ke
// hoach"): its records that have them as typed rank first.
func (t Term) Accented() bool {
	return Fold(t.Text) != strings.ToLower(strings.Join(strings.Fields(t.Text), " "))
}

// SearchWords folds a text into its words: letters and digits, every other character
// counting as a space. LIKE's wildcards and escape are not letters, so a query is always
// taken literally.
func SearchWords(text string) []string {
	return strings.FieldsFunc(Fold(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// queryToken is one term of a query as typed.
type queryToken struct {
	text          string
	minus, quoted bool
}

// queryTokens splits a query into its terms: runs of non-space, or quoted runs, each with
// a leading minus taken off.
func queryTokens(text string) []queryToken {
	var out []queryToken
	rs := []rune(text)
	for i := 0; i < len(rs); {
		if unicode.IsSpace(rs[i]) {
			i++
			continue
		}
		tok := queryToken{}
		if rs[i] == '-' && i+1 < len(rs) && !unicode.IsSpace(rs[i+1]) {
			tok.minus = true
			i++
		}
		if isQuote(rs[i]) {
			tok.quoted = true
			j := i + 1
			for j < len(rs) && !isQuote(rs[j]) {
				j++
			}
			tok.text = strings.TrimSpace(string(rs[i+1 : j]))
			i = j + 1
		} else {
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) {
				j++
			}
			tok.text = string(rs[i:j])
			i = j
		}
		out = append(out, tok)
	}
	return out
}

// isQuote reports whether r opens or closes a phrase: the straight quote and the curly
// ones word processors type.
func isQuote(r rune) bool { return r == '"' || r == '“' || r == '”' }

// isSymbol reports whether a typed term is a number or a symbol: it has a digit, or more
// than one word joined by marks ("CTr-UBND", "TU/BCS").
func isSymbol(text string) bool {
	if strings.ContainsFunc(text, unicode.IsDigit) {
		return true
	}
	return len(SearchWords(text)) > 1
}
