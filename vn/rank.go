package vn

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SearchKey is the search key of a record's texts: a space, then their folded words
// ([SearchWords]) separated by single spaces. The word indexes are built over it, and
// [Ranker.KeyRank] reads it.
func SearchKey(texts ...string) string {
	return " " + strings.Join(SearchWords(strings.Join(texts, " ")), " ")
}

// Ranker ranks the records that match a query ([Query.Rank] in two halves, so that a
// search reads a record's texts only when the query needs them). Make it once per search
// with [Query.Ranker].
type Ranker struct {
	terms    []rankTerm
	accented bool
}

// rankTerm is a term with what ranking looks for: its folded words as they appear in a
// search key, and, when typed with diacritics, its words lower-cased as typed.
type rankTerm struct {
	Term
	key   string   // " ke hoach"
	typed string   // "kế hoạch", "" when typed without diacritics
	words []string // the words of typed
}

// Ranker returns q's ranker.
func (q Query) Ranker() Ranker {
	var r Ranker
	for _, t := range q.Terms {
		rt := rankTerm{Term: t, key: " " + strings.Join(t.Words, " ")}
		if t.Accented() {
			for _, w := range words(t.Text) {
				rt.words = append(rt.words, w.lower)
			}
			rt.typed = strings.Join(rt.words, " ")
			r.accented = true
		}
		r.terms = append(r.terms, rt)
	}
	return r
}

// Rank returns how well text (a record's texts, as written) answers q: 0 is best. Each
// term typed with diacritics ([Term.Accented]) that text does not hold with the same
// diacritics adds 2; a term found only as the start of a longer word adds 1, once. It
// ranks the texts that match q.
func (q Query) Rank(text string) int {
	r := q.Ranker()
	return r.KeyRank(SearchKey(text)) + r.AccentRank(text)
}

// Accented reports whether a term was typed with diacritics: only then does
// [Ranker.AccentRank] read the record's texts.
func (r Ranker) Accented() bool { return r.accented }

// KeyRank is the part of the rank that a record's search key ([SearchKey]) decides: 1
// when a term is in it only as the start of a longer word (or not at all), else 0.
func (r Ranker) KeyRank(key string) int {
	for _, t := range r.terms {
		if !holdsWhole(key, t.key) {
			return 1
		}
	}
	return 0
}

// holdsWhole reports whether key holds phrase (" w1 w2") followed by a space or its end.
func holdsWhole(key, phrase string) bool {
	for at := 0; ; {
		i := strings.Index(key[at:], phrase)
		if i < 0 {
			return false
		}
		end := at + i + len(phrase)
		if end == len(key) || key[end] == ' ' {
			return true
		}
		at += i + 1
	}
}

// AccentRank is the rest of the rank: 2 for each term typed with diacritics that text (a
// record's texts, as written) does not hold with the same diacritics, case ignored.
func (r Ranker) AccentRank(text string) int {
	if !r.accented {
		return 0
	}
	rank := 0
	lower := strings.ToLower(text)
	var ws []word
	for _, t := range r.terms {
		if t.typed == "" || holdsTyped(lower, t) {
			continue
		}
		if ws == nil { // text written otherwise (decomposed, other spaces): word by word
			ws = words(text)
		}
		if !holdsTypedWords(ws, t) {
			rank += 2
		}
	}
	return rank
}

// holdsTyped reports whether lower holds t as typed from the start of a word, its last
// word whole when t is exact: the quick test, for text written as typed.
func holdsTyped(lower string, t rankTerm) bool {
	for at := 0; ; {
		i := strings.Index(lower[at:], t.typed)
		if i < 0 {
			return false
		}
		start, end := at+i, at+i+len(t.typed)
		before, _ := utf8.DecodeLastRuneInString(lower[:start])
		after, _ := utf8.DecodeRuneInString(lower[end:])
		if (start == 0 || !inWord(before)) && (!t.Exact || end == len(lower) || !inWord(after)) {
			return true
		}
		at = start + 1
	}
}

// holdsTypedWords is holdsTyped over text's words.
func holdsTypedWords(ws []word, t rankTerm) bool {
	for i := range ws {
		if ok, _ := matchAt(t.Term, ws, i, t.words); ok {
			return true
		}
	}
	return false
}

// inWord reports whether r belongs to a word ([SearchWords]).
func inWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}
