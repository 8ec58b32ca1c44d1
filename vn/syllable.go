package vn

// IsSyllable reports whether word (NFC, any case) is one Vietnamese syllable: an onset, a
// vowel nucleus and a final consonant that go together, one tone at most, and sắc or nặng
// before a final c, ch, k, p or t. "Côn", "huyện", "Đắk" are; "t", "th", "hu n" and
// "Côngg" are not. It tells the words that lost letters in a PDF's extraction ("Côn  t c
// củ  UBND") from whole ones; abbreviations ("UBND") and numbers are not syllables either.
func IsSyllable(word string) bool { return vniSyllableShape(word) != vniNoSyllable }
