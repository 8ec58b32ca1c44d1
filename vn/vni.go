package vn

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// The two vowel qualities VNI writes as marks: the circumflex of â ê ô and the breve of
// ă. The horn of ơ and ư is not a mark in VNI: ơ and ư have codes of their own.
const (
	vniCircumflex = 1 + iota
	vniBreve
)

// vniCode is what a Latin-1 letter stands for in VNI-Windows text: a Vietnamese letter of
// its own (ñ is đ), or a mark for the vowel before it, which adds a circumflex or breve,
// a tone, or both.
type vniCode struct {
	letter  rune // the letter a code of its own stands for, 0 for a mark
	quality int  // vniCircumflex or vniBreve that a mark adds, or 0
	tone    int  // the tone a mark adds (toneGrave … toneDot), or toneNone
}

func (c vniCode) isMark() bool { return c.letter == 0 }

// vniSmall holds the codes of VNI-Windows (the VNI-Times fonts) for small letters; the
// code of each capital is the small letter's code minus 0x20, as in Latin-1: "aù" is á
// and "AÙ" Á, "ñ" is đ and "Ñ" Đ. The bytes 0xC0–0xFF are the only ones VNI gives
// letters; ç ð ý þ ÿ and their capitals are not used.
var vniSmall = map[rune]vniCode{
	// Tones on the vowel before: "aø" à, "eù" é, "oû" ỏ, "uõ" ũ, "yï" ỵ, "ôø" ờ, "öù" ứ.
	'ø': {tone: toneGrave},
	'ù': {tone: toneAcute},
	'û': {tone: toneHook},
	'õ': {tone: toneTilde},
	'ï': {tone: toneDot},
	// Circumflex on a, e or o, alone or with a tone: "aâ" â, "eà" ề, "oá" ố, "aå" ẩ.
	'â': {quality: vniCircumflex},
	'à': {quality: vniCircumflex, tone: toneGrave},
	'á': {quality: vniCircumflex, tone: toneAcute},
	'å': {quality: vniCircumflex, tone: toneHook},
	'ã': {quality: vniCircumflex, tone: toneTilde},
	'ä': {quality: vniCircumflex, tone: toneDot},
	// Breve on a, alone or with a tone: "aê" ă, "aè" ằ, "aé" ắ, "aú" ẳ, "aü" ẵ, "aë" ặ.
	'ê': {quality: vniBreve},
	'è': {quality: vniBreve, tone: toneGrave},
	'é': {quality: vniBreve, tone: toneAcute},
	'ú': {quality: vniBreve, tone: toneHook},
	'ü': {quality: vniBreve, tone: toneTilde},
	'ë': {quality: vniBreve, tone: toneDot},
	// Letters of their own: đ, ơ and ư (which then take tones as a, e, o do), and i and
	// y with some tones.
	'ñ': {letter: 'đ'},
	'ô': {letter: 'ơ'},
	'ö': {letter: 'ư'},
	'ì': {letter: 'ì'},
	'í': {letter: 'í'},
	'æ': {letter: 'ỉ'},
	'ó': {letter: 'ĩ'},
	'ò': {letter: 'ị'},
	'î': {letter: 'ỵ'},
}

// vniCodes holds the VNI code of each rune from 0xC0 to 0xFF, small and capital; the
// zero vniCode where there is none. It is built once and never written after.
var vniCodes = buildVNICodes()

func buildVNICodes() [64]vniCode {
	var t [64]vniCode
	for small, c := range vniSmall {
		t[small-0xC0] = c
		if !c.isMark() {
			c.letter = unicode.ToUpper(c.letter)
		}
		t[small-0x20-0xC0] = c
	}
	return t
}

// vniCodeOf returns the VNI code r stands for, and false when it stands for none.
func vniCodeOf(r rune) (vniCode, bool) {
	if r < 0xC0 || r > 0xFF {
		return vniCode{}, false
	}
	c := vniCodes[r-0xC0]
	return c, c != vniCode{}
}

// IsVNI reports whether s looks like text in the legacy VNI-Windows encoding (the
// VNI-Times fonts) read as Latin-1 or Windows-1252, as Word and PDF files made with those
// fonts give it: "Vieät Nam", "Uûy ban nhaân daân". It is a heuristic for importers.
//
// It weighs the words that hold VNI codes. A word counts for VNI when its codes decode to
// one Vietnamese syllable (or to an abbreviation with Đ, "HÑND"), strongly when it holds a
// code that Unicode text seldom shows beside a vowel (ñ, ö, a tone after a vowel …),
// weakly when it holds only codes that Unicode Vietnamese also writes (ô ó ò, and "o"
// with à á ã: "Công", "có", "hoà"). A word counts against VNI when a mark follows no vowel
// that can take it ("été", "Hà") or its decoding is no syllable ("Köln", "naïve",
// "España"), and when it has a letter VNI does not use (ç, ý, ß, Œ …). s is VNI when
// one word at least counts strongly for it and the words for it are more than twice those
// against it. Any letter beyond Latin-1, but for those of Windows-1252, means Unicode
// text: the answer is false.
//
// So Unicode Vietnamese and English, French, German, Spanish, Portuguese and Italian text
// are not taken for VNI, bar rare short phrases ("Più", "Loïc"). Unicode Vietnamese whose
// letters all happen to be Latin-1 ("Hoàng Anh", "Tôi có cô") gives only weak words, so
// it is not taken for VNI either; VNI text made only of such words ("Soá 05") is missed.
func IsVNI(s string) bool {
	s = NFC(s)
	strong, weak, against := 0, 0, 0
	d := vniDecoder{out: make([]byte, 0, 64)} // reused for every word
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			i += size
			continue
		}
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r) {
				break
			}
			if r > 0xFF && !isWindows1252(r) {
				return false
			}
			j += size
		}
		switch vniWordEvidence(&d, s[i:j]) {
		case vniStrong:
			strong++
		case vniWeak:
			weak++
		case vniAgainst:
			against++
		}
		i = j
	}
	return strong > 0 && strong+weak > 2*against
}

// isWindows1252 reports whether r is one of the characters Windows-1252 has beyond
// Latin-1 (€ Š Œ Ž š œ ž Ÿ ƒ, quotes, dashes …).
func isWindows1252(r rune) bool {
	_, ok := charmap.Windows1252.EncodeRune(r)
	return ok
}

// vniEvidence is what one word says about whether a text is VNI.
type vniEvidence int

const (
	vniNone    vniEvidence = iota // nothing: ASCII, or only codes that read the same (ì í)
	vniWeak                       // VNI, or Unicode Vietnamese that happens to be Latin-1
	vniStrong                     // VNI
	vniAgainst                    // not VNI
)

// vniWordEvidence returns what word, a run of letters, says about whether its text is VNI.
// It decodes word with d, whose buffer it reuses.
func vniWordEvidence(d *vniDecoder, word string) vniEvidence {
	strong, weak := false, false
	prev := rune(0)
	for _, r := range word {
		c, ok := vniCodeOf(r)
		switch {
		case !ok && r >= utf8.RuneSelf:
			return vniAgainst // a letter VNI does not use
		case !ok, c.letter == r: // ASCII, or ì and í, which read the same
		case c.letter == 'đ', c.letter == 'Đ', c.letter == 'ư', c.letter == 'Ư':
			strong = true
		case !c.isMark():
			weak = true // ơ ĩ ị ỉ ỵ, written ô ó ò æ î: Unicode has ô ó ò after consonants
		case c.quality == vniCircumflex && unicode.ToLower(prev) == 'o' &&
			(c.tone == toneGrave || c.tone == toneAcute || c.tone == toneTilde):
			weak = true // "oà" ồ, "oá" ố, "oã" ỗ: Unicode has them in "hoà", "toán"
		default:
			strong = true
		}
		prev = r
	}
	if !strong && !weak {
		return vniNone
	}
	*d = vniDecoder{out: d.out[:0]}
	for _, r := range word {
		d.add(r)
	}
	d.flush()
	if d.stray > 0 {
		return vniAgainst
	}
	decoded := string(d.out) // precomposed: the decoder writes whole letters
	if isVNIAbbreviation(decoded) {
		return vniStrong
	}
	switch vniSyllableShape(decoded) {
	case vniNoSyllable:
		return vniAgainst
	case vniLoneVowel:
		return vniWeak // "ó" is French "où", "ở" is VNI "ôû"
	}
	if strong {
		return vniStrong
	}
	return vniWeak
}

// isVNIAbbreviation reports whether word is an abbreviation in capitals with Đ and at most
// one vowel, such as VNI text has: "HĐND", "ĐBKK", "BCĐ".
func isVNIAbbreviation(word string) bool {
	vowels, d := 0, false
	for _, r := range word {
		switch {
		case r == 'Đ':
			d = true
		case r < 'A' || r > 'Z':
			return false
		case strings.ContainsRune("AEIOUY", r):
			vowels++
		}
	}
	return d && vowels <= 1
}

// The shapes of a word that vniSyllableShape tells apart.
const (
	vniNoSyllable = iota
	vniLoneVowel  // one vowel letter alone: "ó", "ở"
	vniSyllable   // any other Vietnamese syllable
)

// vniSyllableShape reports whether word, in NFC, is one Vietnamese syllable in any case:
// an onset, a vowel nucleus and a final consonant that can go together, with one tone at
// most, and sắc or nặng when the final consonant is c, ch, k, p or t.
func vniSyllableShape(word string) int {
	var buf [16]byte
	plain := buf[:0] // word in lower case without tone, ASCII but for ă â ê ô ơ ư đ
	tone, tones := toneNone, 0
	for _, r := range word {
		if base, t, ok := toneSplit(r); ok {
			r = base
			if t != toneNone {
				tone, tones = t, tones+1
			}
		}
		plain = utf8.AppendRune(plain, unicode.ToLower(r))
		if len(plain) > 12 {
			return vniNoSyllable
		}
	}
	if tones > 1 {
		return vniNoSyllable
	}
	onset, nucleus, coda := vniSplitSyllable(string(plain))
	onsetKey := onset
	if onset == "đ" {
		onsetKey = "d"
	}
	if nucleus == "" || !toneOnset(onsetKey) || !vniRhyme(nucleus, coda) {
		return vniNoSyllable
	}
	switch coda {
	case "c", "ch", "k", "p", "t":
		if tone != toneAcute && tone != toneDot {
			return vniNoSyllable
		}
	}
	if onset == "" && coda == "" && utf8.RuneCountInString(nucleus) == 1 {
		return vniLoneVowel
	}
	return vniSyllable
}

// vniSplitSyllable splits a lower-case word without tones into onset, vowels and what
// follows them, taking the u of "qu" and the i of "gi" before a vowel into the onset.
func vniSplitSyllable(w string) (onset, nucleus, coda string) {
	i := strings.IndexFunc(w, isVNIPlainVowel)
	if i < 0 {
		return w, "", ""
	}
	j := i + strings.IndexFunc(w[i:], func(r rune) bool { return !isVNIPlainVowel(r) })
	if j < i {
		j = len(w)
	}
	onset, nucleus, coda = w[:i], w[i:j], w[j:]
	switch {
	case onset == "q" && strings.HasPrefix(nucleus, "u") && len(nucleus) > 1,
		onset == "g" && strings.HasPrefix(nucleus, "i") && len(nucleus) > 1:
		onset, nucleus = w[:i+1], nucleus[1:]
	}
	return onset, nucleus, coda
}

// isVNIPlainVowel reports whether r is a Vietnamese vowel letter without tone, in lower case.
func isVNIPlainVowel(r rune) bool { return strings.ContainsRune(toneVowels, r) }

// vniRhyme reports whether the vowels nucleus and the final consonant coda (lower case,
// without tone) make a Vietnamese rhyme: coda must be a final consonant, nothing when
// nucleus ends in a glide ("ai", "ao", "iêu"), something when it is one of "iê", "ươ" ….
// It is a sieve against foreign words, not a full table of rhymes.
func vniRhyme(nucleus, coda string) bool {
	switch coda {
	case "", "c", "ch", "k", "m", "n", "ng", "nh", "p", "t": // k: Đắk Lắk, Krông Pắk
	default:
		return false
	}
	switch nucleus {
	case "a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uê", "uy":
		return true
	case "ă", "â", "iê", "yê", "uô", "ươ", "uâ", "oă", "oo", "uyê":
		return coda != ""
	case "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua",
		"ui", "ưa", "ưi", "ưu", "uơ", "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi",
		"ươi", "ươu", "uya", "uyu":
		return coda == ""
	}
	return false
}

// DecodeVNI converts text in the VNI-Windows encoding read as Latin-1 or Windows-1252
// ([IsVNI]) to Unicode NFC: "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam" becomes "Cộng
// hòa xã hội chủ nghĩa Việt Nam", "UÛY BAN NHAÂN DAÂN" becomes "ỦY BAN NHÂN DÂN". The
// case of a letter is its base letter's: "Uûy" is "Ủy". The tone stays on the vowel that
// carries it ("Uyû" is "Uỷ"; see [PlaceTones]). A mark that follows no vowel able to take
// it is kept as the Latin-1 letter it is. C1 control characters (U+0080–U+009F, what
// Latin-1 makes of bytes that Windows-1252 gives quotes and dashes) become the
// Windows-1252 characters. Other text passes through.
//
// Call it only on text that is VNI: it garbles the Latin-1 letters of Unicode text (à, ô,
// é …).
func DecodeVNI(s string) string {
	s = NFC(s) // Latin-1 letters decomposed by some tool ("a\u0308" for ä) are composed again
	d := vniDecoder{out: make([]byte, 0, len(s)+len(s)/4)}
	for _, r := range s {
		if r >= 0x80 && r < 0xA0 {
			if w := charmap.Windows1252.DecodeByte(byte(r)); w != utf8.RuneError {
				r = w
			}
		}
		d.add(r)
	}
	d.flush()
	return NFC(string(d.out)) // a combining mark after a decoded letter may compose with it
}

// vniDecoder converts VNI text rune by rune into Unicode: it holds back each vowel until
// the marks that follow it are read, and writes the precomposed letter they make.
type vniDecoder struct {
	out     []byte // the text decoded so far, UTF-8
	vowel   rune   // the vowel held back (a, e, i, o, u, y, ơ or ư, either case), or 0
	quality int    // vniCircumflex or vniBreve given to vowel, or 0
	tone    int    // the tone given to vowel
	stray   int    // marks that followed no vowel able to take them
}

// add reads the next rune of the text.
func (d *vniDecoder) add(r rune) {
	c, ok := vniCodeOf(r)
	if ok && c.isMark() {
		if d.attach(c) {
			return
		}
		d.stray++
		d.flush()
		d.out = utf8.AppendRune(d.out, r)
		return
	}
	d.flush()
	if ok {
		r = c.letter
	}
	switch r {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'A', 'E', 'I', 'O', 'U', 'Y', 'ơ', 'ư', 'Ơ', 'Ư':
		d.vowel = r
		return
	}
	d.out = utf8.AppendRune(d.out, r)
}

// attach gives the held vowel the quality and tone of the mark c, and reports whether
// the vowel can take them: a circumflex goes on a, e, o; a breve on a; a tone on any
// vowel with none yet.
func (d *vniDecoder) attach(c vniCode) bool {
	if d.vowel == 0 || c.tone != toneNone && d.tone != toneNone {
		return false
	}
	if c.quality != 0 {
		switch unicode.ToLower(d.vowel) {
		case 'a':
		case 'e', 'o':
			if c.quality != vniCircumflex {
				return false
			}
		default:
			return false
		}
		if d.quality != 0 {
			return false
		}
		d.quality = c.quality
	}
	if c.tone != toneNone {
		d.tone = c.tone
	}
	return true
}

// flush writes the held vowel, if any, with its quality and tone.
func (d *vniDecoder) flush() {
	if d.vowel == 0 {
		return
	}
	// attach gave the vowel only a quality and a tone it can take: the letter exists.
	letter := toneJoin(vniWithQuality(d.vowel, d.quality), d.tone)
	d.out = utf8.AppendRune(d.out, letter)
	d.vowel, d.quality, d.tone = 0, 0, toneNone
}

// vniCircumflexed maps a, e, o and their capitals to â, ê, ô and theirs.
var vniCircumflexed = map[rune]rune{'a': 'â', 'e': 'ê', 'o': 'ô', 'A': 'Â', 'E': 'Ê', 'O': 'Ô'}

// vniWithQuality returns the vowel v with the circumflex or breve q: â ê ô ă and their
// capitals; v itself when q is 0.
func vniWithQuality(v rune, q int) rune {
	switch {
	case q == vniCircumflex:
		return vniCircumflexed[v]
	case q == vniBreve && v == 'a':
		return 'ă'
	case q == vniBreve && v == 'A':
		return 'Ă'
	}
	return v
}
