package importer

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"congtac/vn"
)

// Vocabulary counts the words of documents, lower-cased, so that [Restore] can put back
// the letters a PDF's text extraction dropped: the more documents it has seen, the better
// it guesses. The zero value is empty and ready.
type Vocabulary struct {
	counts map[string]int
	pairs  map[[2]string]int // consecutive words; numbers as "#"
	byLen  map[int][]string  // the words of each length in runes
	total  int
}

// Add counts the words of text that are Vietnamese syllables ([vn.IsSyllable]), and the
// pairs of them that follow each other (a number counting as "#": "tháng 4").
func (v *Vocabulary) Add(text string) {
	if v.counts == nil {
		v.counts, v.pairs, v.byLen = map[string]int{}, map[[2]string]int{}, map[int][]string{}
	}
	prev := ""
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		key := tokenKey(w)
		if key != "" && prev != "" {
			v.pairs[[2]string{prev, key}]++
		}
		prev = key
		if key == "" || key == "#" {
			continue
		}
		if v.counts[w] == 0 {
			n := utf8.RuneCountInString(w)
			v.byLen[n] = append(v.byLen[n], w)
		}
		v.counts[w]++
		v.total++
	}
}

// tokenKey returns what a lower-case word counts as: "#" for a number, the word for a
// syllable, "" for anything else (which breaks a pair).
func tokenKey(w string) string {
	switch {
	case strings.ContainsFunc(w, unicode.IsDigit):
		return "#"
	case vn.IsSyllable(w):
		return w
	}
	return ""
}

// Restoration is one line [Restore] changed: where, before and after, and how sure it is,
// from 0 to 1: the least likelihood share any word it put back had among the known words
// that fit the same place after the same word (0.5 at most when the line keeps a word
// never seen). The review page shows those under about 0.9 to the user.
type Restoration struct {
	Block      int
	Before     string
	After      string
	Confidence float64
}

// Restore puts back the letters that a PDF's text extraction dropped from src's
// paragraphs, as it drops them from bold headings: each letter the font could not map
// became a space ("Côn  t c củ  UBND hu  n th n  4" for "Công tác của UBND huyện tháng
// 4"). A paragraph holding words that are not syllables is read again as words separated
// by single spaces, each other space standing for one lost letter, and the reading whose
// words are the likeliest in vocab and in src's own undamaged paragraphs wins. It returns
// the restored source and what it changed.
func Restore(src Source, vocab *Vocabulary) (Source, []Restoration) {
	var own Vocabulary
	if vocab != nil {
		own = vocab.clone()
	}
	for _, b := range src.Blocks {
		if b.Kind == KindParagraph && !mayHaveLost(b.Text) {
			own.Add(b.Text)
		}
	}
	out := Source{Blocks: append([]Block(nil), src.Blocks...)}
	var done []Restoration
	for i, b := range out.Blocks {
		if b.Kind != KindParagraph || !mayHaveLost(b.Text) {
			continue
		}
		after, sure, ok := own.restoreLine(b.Text)
		if !ok || after == strings.Join(strings.Fields(b.Text), " ") {
			continue
		}
		out.Blocks[i].Text = after
		done = append(done, Restoration{Block: i, Before: b.Text, After: after, Confidence: sure})
	}
	return out, done
}

// maxRestored is the longest line Restore reads again, in runes: letters are lost from
// the lines of a PDF (headings above all), never from a Word paragraph, and reading a long
// paragraph again costs time for nothing.
const maxRestored = 300

// mayHaveLost reports whether text may have lost letters (a line of at most maxRestored
// runes): it holds a word that is not a
// syllable ([lostLetters]: "t c"), or two spaces after a letter inside it ("văn hó  -
// xã hội": "hó" is a syllable too).
func mayHaveLost(text string) bool {
	if utf8.RuneCountInString(text) > maxRestored {
		return false
	}
	if len(lostLetters(text)) > 0 {
		return true
	}
	rs := []rune(strings.TrimSpace(text))
	for i := 1; i+1 < len(rs); i++ {
		if rs[i] == ' ' && rs[i+1] == ' ' && unicode.IsLetter(rs[i-1]) {
			return true
		}
	}
	return false
}

// Copy returns a copy of v that counts on its own: adding to one leaves the other as it was.
func (v *Vocabulary) Copy() *Vocabulary {
	c := v.clone()
	return &c
}

// clone returns a copy of v that counts on its own.
func (v *Vocabulary) clone() Vocabulary {
	c := Vocabulary{counts: maps.Clone(v.counts), pairs: maps.Clone(v.pairs), byLen: map[int][]string{}, total: v.total}
	for n, ws := range v.byLen {
		c.byLen[n] = append([]string(nil), ws...)
	}
	return c
}

// maxWord is the longest syllable in letters ("nghiêng", "khuyếch" …), with a margin for
// the punctuation that may stick to it.
const maxWord = 10

// unrestored is the cost of leaving a space that may stand for a lost letter as it is:
// about that of a word seen once in a few thousand, so that any known word that fits is
// preferred.
const unrestored = 12.0

// beamWidth is how many readings of each prefix of a line restoreLine keeps.
const beamWidth = 8

// reading is one way of reading a line up to a position: its cost (the negative log of
// its likelihood), the word it ended with (as a key for the pairs), and the reading it
// continued.
type reading struct {
	cost float64
	c    candidate // the word it ended with
	part []rune    // the stretch of the line that word reads
	prev *reading
}

// restoreLine reads line again, each space either between two words or a lost letter,
// and returns the likeliest reading, its confidence, and whether one was found. It keeps
// the [beamWidth] best readings of each prefix, so that a word is weighed after the word
// before it ("tháng" before a number, "giao ban").
func (v *Vocabulary) restoreLine(line string) (string, float64, bool) {
	rs := []rune(lineToRestore(line))
	n := len(rs)
	beams := make([][]*reading, n+1)
	beams[0] = []*reading{{}}
	for i := 0; i < n; i++ {
		if rs[i] == ' ' { // a space no known word takes: kept as a space, dearly
			for _, r := range beams[i] {
				beams[i+1] = keep(beams[i+1], &reading{cost: r.cost + unrestored, c: candidate{key: r.c.key}, part: rs[i : i+1], prev: r})
			}
		}
		for j := i + 1; j <= n && j-i <= maxWord && len(beams[i]) > 0; j++ {
			if j < n && rs[j] != ' ' { // a word ends before a space, or at the end
				continue
			}
			at := min(j+1, n)
			part := rs[i:j]
			for _, c := range v.candidates(part) {
				for _, r := range beams[i] {
					beams[at] = keep(beams[at], &reading{cost: r.cost + v.wordCost(r.c.key, c), c: c, part: part, prev: r})
				}
			}
		}
	}
	if len(beams[n]) == 0 {
		return line, 0, false
	}
	var path []*reading
	for r := beams[n][0]; r.prev != nil; r = r.prev {
		path = append(path, r)
	}
	slices.Reverse(path)
	var words []string
	for _, r := range path {
		if r.c.word != "" {
			words = append(words, r.c.word)
		}
	}
	return strings.Join(words, " "), v.sureOf(path), true
}

// lineToRestore returns line without the spaces around it, but for one when it ends with
// two spaces after a letter: the last word lost its last letter ("Vươn  Mạnh Chun  " for
// "Vương Mạnh Chung"), as a word inside the line does.
func lineToRestore(line string) string {
	body := strings.TrimLeftFunc(line, unicode.IsSpace)
	trimmed := strings.TrimRightFunc(body, unicode.IsSpace)
	if r, _ := utf8.DecodeLastRuneInString(trimmed); unicode.IsLetter(r) && strings.HasPrefix(body[len(trimmed):], "  ") {
		return trimmed + " "
	}
	return trimmed
}

// sureOf returns how sure a reading is: for each word it put back, its share of the
// likelihood among the known words that fit the same letters, weighed with the word
// before it and the word after it ("th n " before "4" is "tháng" rather than "thành"); the
// least of them, and 0.5 at most when it keeps a word never seen.
func (v *Vocabulary) sureOf(path []*reading) float64 {
	sure := 1.0
	for i, r := range path {
		prev, next := "", candidate{}
		if i > 0 {
			prev = path[i-1].c.key
		}
		if i+1 < len(path) {
			next = path[i+1].c
		}
		switch {
		case r.c.word == "": // a lost letter left unrestored
			sure = min(sure, 0.5)
		case r.c.holes > 0:
			total, mine := 0.0, 0.0
			for _, c := range v.candidates(r.part) {
				p := math.Exp(-v.wordCost(prev, c))
				if next.key != "" {
					p *= math.Exp(-v.wordCost(c.key, next))
				}
				total += p
				if c.word == r.c.word {
					mine = p
				}
			}
			sure = min(sure, mine/total)
		case r.c.count < 0 && r.c.key != "#" && strings.ContainsFunc(r.c.word, unicode.IsLower):
			sure = min(sure, 0.5)
		}
	}
	return sure
}

// keep adds r to beam, sorted by cost, at most [beamWidth] long, one reading per last
// word (the cheaper), and returns the beam.
func keep(beam []*reading, r *reading) []*reading {
	for i, o := range beam {
		if o.c.key == r.c.key && o.c.word == r.c.word {
			if r.cost < o.cost {
				beam = slices.Delete(beam, i, i+1)
				break
			}
			return beam
		}
	}
	i, _ := slices.BinarySearchFunc(beam, r.cost, func(o *reading, c float64) int { return cmp.Compare(o.cost, c) })
	if i >= beamWidth {
		return beam
	}
	beam = slices.Insert(beam, i, r)
	return beam[:min(len(beam), beamWidth)]
}

// candidate is one reading of a stretch of a line as a word: the word as written, with
// any punctuation around it; its key (lower case, "#" for a number, "" for neither a
// syllable nor a number); its count, -1 when it is not a known word; and the letters it
// puts back.
type candidate struct {
	word, key string
	count     int
	holes     int
}

// candidates returns the readings of part (runes of a line, spaces standing for lost
// letters, punctuation kept at either end): as it is when its letters hold no space, and
// as each known word of their length that agrees with them, case as part writes it.
func (v *Vocabulary) candidates(part []rune) []candidate {
	lead, tail := 0, len(part)
	for lead < tail && isStuck(part[lead]) {
		lead++
	}
	for tail > lead && isStuck(part[tail-1]) {
		tail--
	}
	core := part[lead:tail]
	before, after := string(part[:lead]), string(part[tail:])
	holes := 0
	for _, r := range core {
		if r == ' ' {
			holes++
		}
	}
	if len(core) == 0 || holes == len(core) {
		switch {
		case len(core) == 0 && len(part) > 0 && !slices.Contains(part, ' '): // punctuation alone: "-", "./."
			return []candidate{{word: string(part), count: -1}}
		}
		return nil
	}
	if holes == 0 {
		word := string(core)
		lower := strings.ToLower(word)
		return []candidate{{word: before + word + after, key: tokenKey(lower), count: v.countOf(lower)}}
	}
	var out []candidate
	for _, known := range v.byLen[len(core)] {
		if fits([]rune(known), core) {
			out = append(out, candidate{word: before + withCase(known, core) + after, key: known, count: v.counts[known], holes: holes})
		}
	}
	return out
}

// countOf returns how often the vocabulary saw the lower-case word, or -1 when never.
func (v *Vocabulary) countOf(lower string) int {
	if n, ok := v.counts[lower]; ok {
		return n
	}
	return -1
}

// isStuck reports whether r is punctuation that sticks to a word: "riêng.", "(UBND".
func isStuck(r rune) bool { return r != ' ' && (unicode.IsPunct(r) || unicode.IsSymbol(r)) }

// wordCost returns the cost of reading c after a word whose key is prev: the negative log
// of its likelihood, the pair's weighed with the word's own when the pair is known, plus
// a price for each letter put back and for words that are neither known nor syllables.
func (v *Vocabulary) wordCost(prev string, c candidate) float64 {
	unigram := float64(max(c.count, 0)+1) / float64(v.total+len(v.counts)+1)
	p := unigram
	if pair := v.pairs[[2]string{prev, c.key}]; pair > 0 && prev != "" {
		p = 0.3*unigram + 0.7*float64(pair)/float64(max(v.counts[prev], pair))
	}
	cost := -math.Log(p) + 1.5*float64(c.holes)
	switch {
	case c.count >= 0, c.key == "#":
	case c.key != "", !strings.ContainsFunc(c.word, unicode.IsLower): // a syllable, an abbreviation, punctuation
		cost += 2
	default: // a word that lost letters and has no space for them
		cost += 8
	}
	return cost
}

// fits reports whether the lower-case word agrees with part, whose spaces stand for any
// letter, case ignored.
func fits(word, part []rune) bool {
	for i, r := range part {
		if r != ' ' && unicode.ToLower(r) != word[i] {
			return false
		}
	}
	return true
}

// withCase writes word (lower case) as part writes its letters: capitals where part has
// them, and a restored letter in capitals when part is all capitals.
func withCase(word string, part []rune) string {
	caps := !strings.ContainsFunc(string(part), unicode.IsLower) && len(part)-strings.Count(string(part), " ") > 1
	out := []rune(word)
	for i, r := range part {
		if (r != ' ' && unicode.IsUpper(r)) || (r == ' ' && caps) {
			out[i] = unicode.ToUpper(out[i])
		}
	}
	return string(out)
}
