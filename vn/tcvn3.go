package vn

import (
	"strings"
	"unicode"
)

// tcvn3 maps the bytes 0xA0–0xFF of TCVN 5712:1993 (VN1, of which the TCVN3 "ABC" font
// encoding is the subset without capitals with tones) to Unicode, as glibc's TCVN5712-1
// converter does. 0xB0–0xB4 are combining tone marks.
var tcvn3 = [96]rune{
	0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110, // 0xA0
	0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0, // 0xA8
	0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3, // 0xB0
	0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4, // 0xB8
	0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7, // 0xC0
	0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD, // 0xC8
	0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC, // 0xD0
	0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2, // 0xD8
	0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7, // 0xE0
	0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9, // 0xE8
	0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF, // 0xF0
	0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0, // 0xF8
}

// IsTCVN3 reports whether s looks like text in the legacy TCVN3 (ABC) encoding read as
// Latin-1, as PDF and Word files made with .VnTime fonts give it: "Ch­¬ng tr×nh". It
// requires a letter written with one of the symbols TCVN3 uses for Vietnamese letters
// (¨ © ª « ¬ ® µ ¶ · ¸ ¹ × …) beside an ASCII letter, and no letter beyond Latin-1 (which
// Unicode Vietnamese text nearly always has). It is a heuristic for importers.
func IsTCVN3(s string) bool {
	signal := false
	prev := rune(0)
	for _, r := range s {
		switch {
		case r > 0xFF && unicode.IsLetter(r):
			return false
		case isTCVN3Signal(r) && isASCIILetter(prev), isTCVN3Signal(prev) && isASCIILetter(r):
			signal = true
		}
		prev = r
	}
	return signal
}

// isTCVN3Signal reports whether r is a Latin-1 symbol that TCVN3 uses for a letter.
func isTCVN3Signal(r rune) bool {
	return (r >= 0xA1 && r <= 0xBF) || r == 0xD7 || r == 0xF7
}

func isASCIILetter(r rune) bool { return (r|0x20) >= 'a' && (r|0x20) <= 'z' }

// DecodeTCVN3 converts text in the TCVN3 (ABC) encoding read as Latin-1 ([IsTCVN3]) to
// Unicode NFC: "Ch­¬ng tr×nh c«ng t¸c" becomes "Chương trình công tác". ASCII passes
// through. TCVN3 has no capitals with tones: headings set in the capital fonts
// (.VnTimeH) use the small letters' codes, so a line whose ASCII letters are all capitals
// (at least two) is put in capitals: "CH¦¥NG TR×NH" becomes "CHƯƠNG TRÌNH".
//
// Call it on the raw text, before [Repair], which removes soft hyphens (TCVN3's ư), and
// only on text that is TCVN3: it garbles the Latin-1 letters of Unicode text (à, é, ô …).
func DecodeTCVN3(s string) string {
	lines := strings.SplitAfter(NFC(s), "\n") // NFC first: U+0387 is U+00B7, TCVN3's ã
	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	for _, line := range lines {
		decoded := strings.Map(func(r rune) rune {
			if r >= 0xA0 && r <= 0xFF {
				return tcvn3[r-0xA0]
			}
			return r
		}, line)
		if isCapitalLine(line) {
			decoded = strings.ToUpper(decoded)
		}
		b.WriteString(decoded)
	}
	return NFC(b.String())
}

// isCapitalLine reports whether the ASCII letters of line are capitals, two at least.
func isCapitalLine(line string) bool {
	n := 0
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c >= 'a' && c <= 'z':
			return false
		case c >= 'A' && c <= 'Z':
			n++
		}
	}
	return n >= 2
}
