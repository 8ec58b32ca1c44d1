package vn

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns the search key of s: valid UTF-8 in NFC, lower-case, without diacritics,
// with đ and Đ as d, and with every run of white space as one space, trimmed.
// "Kế hoạch" folds to "ke hoach", "ĐƯỜNG" to "duong"; NFC and NFD input fold alike.
//
// Precisely, Fold lower-cases, decomposes (NFD), removes the combining diacritical marks
// (U+0300–U+036F, U+1AB0–U+1AFF, U+1DC0–U+1DFF, U+20D0–U+20FF, U+FE20–U+FE2F), format
// characters (soft hyphen, zero-width space, …) and control characters, maps đ and the
// look-alikes ð and ƣ (broken-font ư) to d, d and u, lower-cases again and recomposes
// (NFC). Other scripts pass through lower-cased, so "Ё" folds to "е" and "가" stays "가".
// Fold is idempotent. On Latin and Vietnamese text it works from tables, allocates at most
// once, and not at all when s is already folded; other text takes a slower path through
// Unicode normalisation.
func Fold(s string) string {
	i := foldedPrefix(s)
	if i == len(s) {
		return strings.TrimSuffix(s, " ") // the prefix holds no double space
	}
	var b strings.Builder
	b.Grow(len(s))
	pending := i > 0 && s[i-1] == ' '
	if pending {
		b.WriteString(s[:i-1])
	} else {
		b.WriteString(s[:i])
	}
	for i < len(s) {
		m, size := rune(0), 1
		if c := s[i]; c < utf8.RuneSelf {
			m = rune(asciiFold[c])
		} else if m, size = foldNext(s[i:]); m < 0 {
			return foldSlow(s)
		}
		i += size
		switch {
		case m == ' ':
			pending = b.Len() > 0
		case m == 0:
		case pending:
			b.WriteByte(' ')
			pending = false
			fallthrough
		default:
			if m < utf8.RuneSelf {
				b.WriteByte(byte(m))
			} else {
				b.WriteRune(m)
			}
		}
	}
	return b.String()
}

// foldedPrefix returns the length of the longest prefix of s that is ASCII and already
// folded, allowing single inner spaces.
func foldedPrefix(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c == 0 || asciiFold[c] != c || (c == ' ' && (i == 0 || s[i-1] == ' ')) {
			return i
		}
	}
	return len(s)
}

// foldNext folds the first rune of s, which is not ASCII. It returns the folded rune (0
// to drop it, ' ' for white space, -1 when the fast tables do not cover it) and its size
// in bytes.
func foldNext(s string) (rune, int) {
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case r == utf8.RuneError && size == 1:
		return -1, 1
	case r < latinEnd:
		return foldLatin[r-utf8.RuneSelf], size
	case r >= vietStart && r < vietEnd:
		return foldViet[r-vietStart], size
	}
	return -1, size
}

// Contains reports whether the folded haystack contains the folded query at the start of
// a word: the query must begin where a haystack word begins, and may end inside a word, so
// that a query typed so far matches. "ke hoa" matches "xay dung ke hoach", but "hoach"
// does not match "khoach" and "an" does not match "ban". Both arguments must come from
// [Fold]; the empty query matches everything. SQL engines express the same rule as
// (' ' || folded) LIKE ('% ' || query || '%'), with % and _ in the query escaped.
func Contains(haystack, query string) bool {
	for i := 0; ; {
		j := strings.Index(haystack[i:], query)
		if j < 0 {
			return false
		}
		j += i
		if j == 0 || haystack[j-1] == ' ' {
			return true
		}
		i = j + 1
	}
}

// foldSlow is the definition of Fold, used for text the fast tables do not cover and to
// build those tables.
func foldSlow(s string) string {
	s = strings.Map(unicode.ToLower, validUTF8(s))
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	for _, r := range norm.NFD.String(s) {
		switch m := foldBase(r); {
		case m == ' ':
			pending = b.Len() > 0
		case m != 0:
			if pending {
				b.WriteByte(' ')
				pending = false
			}
			b.WriteRune(m)
		}
	}
	return norm.NFC.String(b.String())
}

// foldBase folds one rune of decomposed, lower-cased text: 0 drops it, ' ' is white space.
func foldBase(r rune) rune {
	switch {
	case unicode.IsSpace(r):
		return ' '
	case isDiacritic(r), unicode.Is(unicode.Cf, r), unicode.Is(unicode.Cc, r):
		return 0
	case r == 'đ', r == 'ð':
		return 'd'
	case r == 'ƣ':
		return 'u'
	}
	return unicode.ToLower(r)
}

// isDiacritic reports whether r is in one of the blocks of combining diacritical marks.
func isDiacritic(r rune) bool {
	return (r >= 0x0300 && r <= 0x036F) || (r >= 0x1AB0 && r <= 0x1AFF) ||
		(r >= 0x1DC0 && r <= 0x1DFF) || (r >= 0x20D0 && r <= 0x20FF) ||
		(r >= 0xFE20 && r <= 0xFE2F)
}
