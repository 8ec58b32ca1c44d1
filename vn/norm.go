package vn

import (
	"strings"

	"congtac"
)

// NFC returns s in Unicode normalisation form C, as [congtac.NFC] does: invalid UTF-8 is
// first replaced by U+FFFD, and valid NFC is returned as is. It lives in the root package
// so that password hashing, which cannot import vn, normalises the same way.
func NFC(s string) string { return congtac.NFC(s) }

// validUTF8 is [congtac.ValidUTF8].
func validUTF8(s string) string { return congtac.ValidUTF8(s) }

// Repair undoes the damage typical of text extracted from published PDF files and Word
// documents, and returns valid NFC:
//   - ƣ and Ƣ (U+01A3, U+01A2), which broken fonts emit for ư and Ư, become ư and Ư;
//   - Ð and ð (U+00D0, U+00F0, the Icelandic eth, which looks like Đ), become Đ and đ;
//   - decomposed (NFD) letters are composed;
//   - no-break and typographic spaces (U+00A0, U+2000–U+200A, U+202F, U+205F, U+3000)
//     become a plain space, line and paragraph separators a newline;
//   - soft hyphens, zero-width spaces and joiners and byte-order marks are removed;
//   - curly and modifier apostrophes and the prime (‘ ’ ‛ ʼ ′ ＇) become ASCII '.
//
// Letters dropped from bold headings ("Côn  t c") and legacy TCVN3/VNI text are not
// repaired: they need a dictionary or the source encoding.
func Repair(s string) string {
	s = validUTF8(s)
	if strings.IndexFunc(s, func(r rune) bool { return repairRune(r) != r }) < 0 {
		return NFC(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if m := repairRune(r); m >= 0 {
			b.WriteRune(m)
		}
	}
	return NFC(b.String())
}

// repairRune returns the replacement of r, or -1 to remove it.
func repairRune(r rune) rune {
	switch r {
	case 'ƣ':
		return 'ư'
	case 'Ƣ':
		return 'Ư'
	case 'Ð':
		return 'Đ'
	case 'ð':
		return 'đ'
	case '\u00A0', '\u202F', '\u205F', '\u3000':
		return ' '
	case '\u2028', '\u2029':
		return '\n'
	case '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF':
		return -1
	case '‘', '’', '‛', 'ʼ', '′', '＇':
		return '\''
	}
	if r >= '\u2000' && r <= '\u200A' {
		return ' '
	}
	return r
}
