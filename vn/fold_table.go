package vn

import (
	"unicode"
	"unicode/utf8"
)

// Ranges of the fast folding tables: Latin-1 Supplement to the combining diacritical
// marks, and Latin Extended Additional, where the precomposed Vietnamese vowels live.
const (
	latinEnd  = 0x0370
	vietStart = 0x1E00
	vietEnd   = 0x1F00
)

// The fast folding tables, computed once from foldSlow so that both agree by
// construction. They are never written after package initialisation.
var (
	asciiFold = buildASCIIFold()
	foldLatin = buildFoldTable(utf8.RuneSelf, latinEnd)
	foldViet  = buildFoldTable(vietStart, vietEnd)
)

// buildASCIIFold returns the folded form of each ASCII byte: lower-case, ' ' for white
// space, 0 for control characters.
func buildASCIIFold() [utf8.RuneSelf]byte {
	var t [utf8.RuneSelf]byte
	for c := range t {
		t[c] = byte(foldRune(rune(c)))
	}
	return t
}

// buildFoldTable returns the folded form of each rune in [lo, hi).
func buildFoldTable(lo, hi rune) []rune {
	t := make([]rune, hi-lo)
	for r := lo; r < hi; r++ {
		t[r-lo] = foldRune(r)
	}
	return t
}

// foldRune folds a single rune alone: ' ' for white space, 0 when it folds away, -1 when
// it folds to more than one rune (the fast path then falls back to foldSlow).
func foldRune(r rune) rune {
	if unicode.IsSpace(r) {
		return ' '
	}
	out := []rune(foldSlow(string(r)))
	switch len(out) {
	case 0:
		return 0
	case 1:
		return out[0]
	}
	return -1
}
