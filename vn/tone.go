package vn

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ToneStyle is where a text puts the tone mark in a syllable whose rhyme is oa, oe or uy
// with no final consonant, the only syllables on which the two spellings in use differ.
// The old style marks the second vowel ("hoá", "khoẻ", "thuỷ", "Uỷ ban"), the new style
// the first ("hóa", "khỏe", "thủy", "Ủy ban"). Either way "hoàn", "khuyến", "quý" and
// "ngoài" are spelled the same. An office chooses the style; see [PlaceTones].
type ToneStyle int

// The tone styles. The zero value keeps the text as it is.
const (
	ToneKeep ToneStyle = iota // tone marks stay where the text has them
	ToneNew                   // "hóa", "khỏe", "thủy", "Ủy ban"
	ToneOld                   // "hoá", "khoẻ", "thuỷ", "Uỷ ban"
)

// PlaceTones returns s in NFC with the tone mark of every syllable whose rhyme is oa, oe
// or uy without a final consonant put where style wants it: PlaceTones("Uỷ ban nhân dân
// tỉnh Hoà Bình", ToneNew) is "Ủy ban nhân dân tỉnh Hòa Bình". Only the two vowels of such
// a rhyme change, each keeping its case; every other byte of NFC(s) is kept. These are
// left alone:
//   - syllables with a final consonant or a third vowel ("hoàn", "hoạch", "khuyến",
//     "ngoài", "khuya"), whose tone has one place in both styles;
//   - "qu" and "gi" before a vowel, where u and i belong to the onset ("quý", "quỳ");
//   - words that are not one Vietnamese syllable ("Zoé", "hoàx"), and syllables with no
//     tone or with two.
//
// ToneKeep, and any value that is not a ToneStyle constant, returns NFC(s).
func PlaceTones(s string, style ToneStyle) string {
	s = NFC(s)
	if style != ToneNew && style != ToneOld {
		return s
	}
	var b strings.Builder
	copied := 0 // bytes of s already written to b
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isToneWordRune(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !isToneWordRune(r) {
				break
			}
			j += size
		}
		if word, ok := placeTone(s[i:j], style); ok {
			if copied == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[copied:i])
			b.WriteString(word)
			copied = j
		}
		i = j
	}
	if copied == 0 {
		return s
	}
	b.WriteString(s[copied:])
	return NFC(b.String())
}

// isToneWordRune reports whether r belongs to a word: a letter, or a combining mark, so
// that a letter followed by a mark NFC could not compose is never taken for a syllable.
func isToneWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsMark(r) }

// placeTone returns word with its tone moved as style wants, and whether it moved.
func placeTone(word string, style ToneStyle) (string, bool) {
	var buf [8]rune // the longest syllable, "nghiêng", has seven letters
	rs := buf[:0]
	for _, r := range word {
		if len(rs) == cap(rs) {
			return "", false
		}
		rs = append(rs, r)
	}
	first, ok := toneRhyme(rs)
	if !ok {
		return "", false
	}
	a, b := first, first+1
	baseA, toneA, _ := toneSplit(rs[a])
	baseB, toneB, _ := toneSplit(rs[b])
	switch {
	case (toneA == toneNone) == (toneB == toneNone): // no tone to move, or two
		return "", false
	case style == ToneNew && toneA == toneNone:
		rs[a], rs[b] = toneJoin(baseA, toneB), baseB
	case style == ToneOld && toneB == toneNone:
		rs[a], rs[b] = baseA, toneJoin(baseB, toneA)
	default: // already in place
		return "", false
	}
	return string(rs), true
}

// toneRhyme reports whether rs is one syllable made of a Vietnamese onset and the rhyme
// oa, oe or uy with no final consonant, and returns the index of the rhyme's first vowel.
func toneRhyme(rs []rune) (int, bool) {
	i := 0
	for i < len(rs) && !isToneVowel(rs[i]) {
		i++
	}
	var onsetBuf [3]byte
	onset := onsetBuf[:0]
	for _, r := range rs[:i] {
		c := unicode.ToLower(r)
		if c == 'đ' {
			c = 'd' // đ is an onset alone, as d is, and no cluster has either
		}
		if c >= utf8.RuneSelf || len(onset) == cap(onset) {
			return 0, false
		}
		onset = append(onset, byte(c))
	}
	vowels := rs[i:]
	for _, r := range vowels {
		if !isToneVowel(r) {
			return 0, false // a final consonant, or not one syllable
		}
	}
	switch {
	case string(onset) == "q" && len(vowels) > 0 && toneBaseLower(vowels[0]) == 'u':
		onset, vowels, i = append(onset, 'u'), vowels[1:], i+1
	case string(onset) == "g" && len(vowels) > 1 && toneBaseLower(vowels[0]) == 'i':
		onset, vowels, i = append(onset, 'i'), vowels[1:], i+1
	}
	if !toneOnset(string(onset)) || len(vowels) != 2 {
		return 0, false
	}
	v0, v1 := toneBaseLower(vowels[0]), toneBaseLower(vowels[1])
	return i, v0 == 'o' && (v1 == 'a' || v1 == 'e') || v0 == 'u' && v1 == 'y'
}

// toneOnset reports whether onset, in lower case with đ written d, is a Vietnamese onset:
// a consonant or cluster that can begin a syllable, "qu" and "gi" included, or nothing.
func toneOnset(onset string) bool {
	switch onset {
	case "", "b", "c", "ch", "d", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng",
		"ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x":
		return true
	}
	return false
}

// The tones, numbered as toneMark indexes them.
const (
	toneNone = iota
	toneGrave
	toneAcute
	toneHook
	toneTilde
	toneDot
)

// toneMark holds the combining mark of each tone: huyền (grave), sắc (acute), hỏi (hook
// above), ngã (tilde) and nặng (dot below).
var toneMark = [6]rune{0, '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'}

// toneVowels are the twelve Vietnamese vowel letters without a tone, in lower case.
const toneVowels = "aăâeêioôơuưy"

// tonedVowel is a Vietnamese vowel letter split into its letter without tone (case kept)
// and its tone.
type tonedVowel struct {
	base rune
	tone int
}

// The tables of the 144 Vietnamese vowel letters (12 vowels, 6 tones, 2 cases), built
// once at package initialisation and never written after.
var tonedVowels, tonedLetters = buildToneTables()

// buildToneTables returns the map of every vowel letter to its base and tone, and the
// inverse map.
func buildToneTables() (map[rune]tonedVowel, map[tonedVowel]rune) {
	split := make(map[rune]tonedVowel, 144)
	join := make(map[tonedVowel]rune, 144)
	for _, lower := range toneVowels {
		for _, base := range []rune{lower, unicode.ToUpper(lower)} {
			for tone, mark := range toneMark {
				letter := base
				if mark != 0 {
					composed := []rune(norm.NFC.String(string(base) + string(mark)))
					if len(composed) != 1 {
						panic("vn: no precomposed letter for " + string(base) + string(mark))
					}
					letter = composed[0]
				}
				split[letter] = tonedVowel{base, tone}
				join[tonedVowel{base, tone}] = letter
			}
		}
	}
	return split, join
}

// toneSplit returns the letter without tone (case kept) and the tone of a Vietnamese
// vowel letter, and false for any other rune.
func toneSplit(r rune) (base rune, tone int, ok bool) {
	if r < utf8.RuneSelf {
		return r, toneNone, isToneASCIIVowel(r)
	}
	v, ok := tonedVowels[r]
	return v.base, v.tone, ok
}

// isToneASCIIVowel reports whether r is a, e, i, o, u or y, small or capital.
func isToneASCIIVowel(r rune) bool {
	switch r | 0x20 {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// toneJoin returns the vowel letter base with tone, or 0 when base is not a Vietnamese
// vowel letter without tone.
func toneJoin(base rune, tone int) rune { return tonedLetters[tonedVowel{base, tone}] }

// isToneVowel reports whether r is a Vietnamese vowel letter, with or without a tone.
func isToneVowel(r rune) bool {
	_, _, ok := toneSplit(r)
	return ok
}

// toneBaseLower returns the vowel letter r without tone in lower case, or r itself in
// lower case when it is not a vowel.
func toneBaseLower(r rune) rune {
	if base, _, ok := toneSplit(r); ok {
		r = base
	}
	return unicode.ToLower(r)
}
