package vn

import (
	"unicode"
	"unicode/utf8"
)

// Capitalize returns s with its first letter in capitals, for a phrase standing alone as
// a title or in a cell: "tháng 4/2023" → "Tháng 4/2023".
func Capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// LowerFirst returns s with its first letter in lower case, for a phrase put inside a
// sentence, unless the first word is an abbreviation in capitals ("UBND"): "Hằng tuần" →
// "hằng tuần".
func LowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if next, _ := utf8.DecodeRuneInString(s[n:]); n == 0 || unicode.IsUpper(next) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
