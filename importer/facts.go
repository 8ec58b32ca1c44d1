package importer

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"congtac"
	"congtac/vn"
)

// This file finds, inside the prose of a program's items, the facts a task carries: the
// sentences ([Sentences]), and in a sentence its deadline ([DueIn]), its target
// ([TargetIn]) and the documents it rests on ([CitationsIn]). Every finder matches on
// the text folded by [foldText], so capitals, NFD and missing diacritics do not matter,
// and reports what it found as written, by byte offsets into its input.

// Sentence is one sentence of a text: Text is text[Start:End], without the spaces around
// it, its final punctuation kept.
type Sentence struct {
	Text       string
	Start, End int
}

// Sentences splits text into its sentences. A line break ends a sentence (it ends a
// paragraph), and so do ".", "!", "?", "…" and "...", with any closing quotes or brackets
// after them, when spaces and then a capital letter, a digit or an opening quote or
// bracket follow. So "; " never ends a sentence, nor a full stop inside a number
// ("1.000", "11/6/2020", "1.234,5") or before a word in lower case ("v.v. và", "giao
// thông… để"). The full stop of an abbreviation written before a name ("TP. Bắc Giang",
// "TX.", "ThS.") and that of a list label standing alone ("1.1.", "a.", "II.") end
// nothing; "v.v." before a capital does end its sentence, as programs write it. Empty
// sentences are left out; offsets are byte offsets into text.
func Sentences(text string) []Sentence {
	var out []Sentence
	start := 0
	cut := func(end, next int) {
		if s, e := trimmedSpan(text, start, end); s < e {
			out = append(out, Sentence{Text: text[s:e], Start: s, End: e})
		}
		start = next
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			cut(i, i+size)
		case strings.ContainsRune(sentenceStops, r):
			end := stopsEnd(text, i)
			if startsSentence(text, end) && !abbreviationAt(text, start, i, end) {
				cut(end, end)
			}
			i = end
			continue
		}
		i += size
	}
	cut(len(text), len(text))
	return out
}

// sentenceStops end a sentence; sentenceClosers may follow them inside it.
const (
	sentenceStops   = ".!?…"
	sentenceClosers = "\"”’')]»"
)

// stopsEnd returns the end of the run of stops starting at i ("./." included) and of the
// closing quotes and brackets after it.
func stopsEnd(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !strings.ContainsRune(sentenceStops+"/"+sentenceClosers, r) {
			break
		}
		i += size
	}
	return i
}

// startsSentence reports whether a new sentence starts after the spaces at end: a capital,
// a digit or an opening quote or bracket. A stop with no space after it ends nothing.
func startsSentence(text string, end int) bool {
	rest := strings.TrimLeft(text[end:], " \t\u00a0")
	if len(rest) == len(text[end:]) || rest == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“‘'(«[", r)
}

// nameAbbreviations are the abbreviations written with a full stop before a name.
var nameAbbreviations = map[string]bool{"TP": true, "Tp": true, "TX": true, "Tx": true, "TT": true,
	"Q": true, "P": true, "TS": true, "ThS": true, "Ths": true, "PGS": true, "GS": true,
	"BS": true, "KS": true, "PGS.TS": true, "Th.S": true}

// listLabel matches a list label standing alone.
var listLabel = regexp.MustCompile(`^(?:\d{1,3}(?:\.\d{1,3})*|[A-Za-zĐđ]|[IVXLC]+)\.$`)

// abbreviationAt reports whether the single full stop from stop to end closes an
// abbreviation before a name, or a list label that is all of the sentence so far.
func abbreviationAt(text string, start, stop, end int) bool {
	if text[stop:end] != "." {
		return false
	}
	if listLabel.MatchString(strings.TrimSpace(text[start:end])) {
		return true
	}
	w := stop
	for w > start {
		r, size := utf8.DecodeLastRuneInString(text[start:w])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		w -= size
	}
	return nameAbbreviations[text[w:stop]]
}

// trimmedSpan returns the span from start to end without the white space around it.
func trimmedSpan(text string, start, end int) (int, int) {
	for start < end {
		r, size := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	return start, end
}

// foldedText is a text folded for matching: lower case, without diacritics, đ as d,
// dashes as "-", white space but line breaks as " ", every character kept in place, so
// that a match in s maps back to the original text through at.
type foldedText struct {
	orig   string
	s      string
	at     []int    // at[i] is the offset in orig of the character that gave s[i]; at[len(s)] is len(orig)
	starts []wordAt // the words and numbers of s
}

// foldText folds text character by character as [vn.Fold] does, without squeezing or
// trimming spaces.
func foldText(text string) foldedText {
	b := make([]byte, 0, len(text))
	at := make([]int, 0, len(text)+1)
	table := foldTable()
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '\t' || c == '\r' || c == '\v' || c == '\f':
				c = ' '
			}
			b, at = append(b, c), append(at, i)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		var m string
		switch {
		case r == utf8.RuneError && size == 1:
			m = "\uFFFD"
		case int(r) < len(table):
			m = table[r]
		default:
			m = foldRune(r)
		}
		for k := 0; k < len(m); k++ {
			b, at = append(b, m[k]), append(at, i)
		}
		i += size
	}
	f := foldedText{orig: text, s: string(b), at: append(at, len(text))}
	f.starts = wordsOf(f.s)
	return f
}

// wordAt is where a word starts in folded text, and the word: its letters and digits, or
// "#" for a number.
type wordAt struct {
	at   int
	word string
}

// wordsOf returns where each word and number of folded text starts.
func wordsOf(s string) []wordAt {
	var out []wordAt
	for i := 0; i < len(s); {
		if !isWordByte(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isWordByte(s[j]) {
			j++
		}
		w := s[i:j]
		if '0' <= w[0] && w[0] <= '9' {
			w = "#"
		}
		out = append(out, wordAt{at: i, word: w})
		i = j
	}
	return out
}

// finder finds the matches of a pattern that starts with a word of firsts ("#" for a
// number): it tries the pattern, anchored, only where such a word starts, which is
// much faster than letting the regexp engine try every position.
type finder struct {
	re     *regexp.Regexp
	firsts map[string]bool
}

// newFinder returns the finder of pattern, whose matches start with one of firsts.
func newFinder(pattern string, firsts ...string) finder {
	fd := finder{re: regexp.MustCompile(`^(?:` + pattern + `)`), firsts: map[string]bool{}}
	for _, w := range firsts {
		fd.firsts[w] = true
	}
	return fd
}

// findAll returns the submatch indexes of the matches in folded text, as
// [regexp.Regexp.FindAllStringSubmatchIndex] does: leftmost first, without overlaps.
func (fd finder) findAll(f foldedText) [][]int {
	var out [][]int
	end := 0
	for _, w := range f.starts {
		if w.at < end || !fd.firsts[w.word] {
			continue
		}
		m := fd.re.FindStringSubmatchIndex(f.s[w.at:])
		if m == nil {
			continue
		}
		for i := range m {
			if m[i] >= 0 {
				m[i] += w.at
			}
		}
		out, end = append(out, m), m[1]
	}
	return out
}

// foldTable holds the folding of the characters below U+1F00, which covers Vietnamese.
var foldTable = sync.OnceValue(func() []string {
	t := make([]string, 0x1F00)
	for r := rune(utf8.RuneSelf); r < 0x1F00; r++ {
		t[r] = foldRune(r)
	}
	return t
})

// foldRune folds one character that is not ASCII: white space to " ", line separators to
// "\n", dashes to "-", others as [vn.Fold] does ("" for a combining mark).
func foldRune(r rune) string {
	switch {
	case r == '\u2028' || r == '\u2029':
		return "\n"
	case unicode.IsSpace(r):
		return " "
	case unicode.Is(unicode.Pd, r):
		return "-"
	}
	return vn.Fold(string(r))
}

// span returns the offsets in the original of the folded bytes from a to b.
func (f foldedText) span(a, b int) (int, int) { return f.at[a], f.at[b] }

// text returns the original of the folded bytes from a to b.
func (f foldedText) text(a, b int) string {
	s, e := f.span(a, b)
	return f.orig[s:e]
}

// Patterns of deadlines, on folded text. yearAfter is the year after a month or quarter
// ("/2023", "-2023", "năm 2023", "năm nay"); quarterNum a quarter's number, with V and VI
// so that ParseDue refuses them with its message.
const (
	yearAfter  = `(?:\s*[/-]\s*\d{4}\b|\s+nam\s+(?:\d{4}|nay)\b)`
	quarterNum = `(?:iii|ii|iv|i|vi|v|[1-4])\b`
	weekdayPat = `(?:thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s+nhat|cn|t[2-7])\b`
	frequency  = `(?:hang|tung|moi)\s+(?:ngay|tuan|thang|quy|nam)\b`
)

// anchorKind says how a deadline's date or period is written, which decides what it
// needs around it to be a deadline.
type anchorKind uint8

const (
	anchorPeriod    anchorKind = iota // a numbered month, quarter, half or year, or "30/4": a lead word or a verb of completion
	anchorRelative                    // "tháng", "quý", "năm" without a number: a lead word
	anchorDay                         // a day with "ngày" or its year: nothing
	anchorRecurring                   // "hằng tháng", "định kỳ 6 tháng": nothing
)

// dueAnchors find the dates and periods a deadline is written with.
var dueAnchors = []struct {
	finder
	kind anchorKind
}{
	{newFinder(`\b(?:hang|tung|moi)\s+(?:ngay|tuan|thang|quy|nam)\b|\bdinh\s+ky\b(?:\s+(?:\d{1,2}\s+thang\b|`+
		frequency+`))?|\b\d{1,2}\s+thang\s*(?:/\s*lan|(?:mot|1)\s+lan)\b`, "hang", "tung", "moi", "dinh", "#"), anchorRecurring},
	{newFinder(`\b(?:ngay\s+)?(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*(?:\d{4}|\d{2}))?|`+
		`\d{1,2}-\d{1,2}-(?:\d{4}|\d{2})|\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2}))\b|`+
		`\bngay\s+\d{1,2}\s+thang\s+\d{1,2}\b(?:\s*,?\s*nam\s+\d{4}\b)?|\bngay\s+\d{1,2}-\d{1,2}\b`, "ngay", "#"), anchorDay},
	{newFinder(`\b\d{1,2}\s*/\s*\d{4}\b`, "#"), anchorPeriod},
	{newFinder(`\b(?:6\s+thang|nua)\s+(?:dau|cuoi)\s+nam\b(?:\s+(?:\d{4}|nay)\b)?`, "#", "nua"), anchorPeriod},
	{newFinder(`\btuan\s+(?:dau(?:\s+tien)?|cuoi(?:\s+cung)?|(?:thu\s+)?\d)\s+(?:cua\s+)?thang\b(?:\s+\d{1,2}\b`+
		yearAfter+`?)?`, "tuan"), anchorPeriod},
	{newFinder(`\b(?:dau|giua|cuoi|het)\s+(?:thang\b(?:\s+\d{1,2}\b`+yearAfter+`?)?|quy\b(?:\s+`+quarterNum+
		yearAfter+`?)?|nam\b(?:\s+(?:\d{4}|nay)\b)?)`, "dau", "giua", "cuoi", "het"), anchorPeriod},
	{newFinder(`\bthang\s+\d{1,2}\b`+yearAfter+`?|\bquy\s+`+quarterNum+yearAfter+`?|\bnam\s+(?:\d{4}|nay)\b`,
		"thang", "quy", "nam"), anchorPeriod},
	{newFinder(`\b(?:thang|quy|nam)(?:\s+nay)?\b`, "thang", "quy", "nam"), anchorRelative},
}

var (
	// notDueDates are dates that are no deadline: alone in parentheses, they date a
	// holiday or an event ("Ngày giải phóng miền Nam (30/4)").
	notDueDates = regexp.MustCompile(`\(\s*(?:ngay\s+)?\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?\s*\)`)
	// yearSpan follows the first year of a span of years ("năm 2021-2025"), a term.
	yearSpan = regexp.MustCompile(`^\s*-\s*\d{2,4}\b`)
	// countedMonths comes before the "đầu năm" of "4 tháng đầu năm", a span, not a deadline.
	countedMonths = regexp.MustCompile(`\d+\s+thang\s+$`)
	// breakdown comes before "từng tháng" in "kế hoạch thu theo từng tháng": a plan
	// broken down by month, not a duty repeated each month.
	breakdown = regexp.MustCompile(`\btheo\s+$`)
	// spanTo joins the two ends of a span: "từ ngày 15/4 đến ngày 30/4/2023".
	spanTo = regexp.MustCompile(`^\s*(?:-|den|toi)\s*`)
	// weekdayAfter and lunarAfter follow a day: "(Thứ Sáu)", ", thứ Sáu", "ÂL".
	weekdayAfter = regexp.MustCompile(`^\s*\(\s*` + weekdayPat + `\s*\)|^\s*[,-]?\s*` + weekdayPat)
	lunarAfter   = regexp.MustCompile(`^\s*\(?\s*(?:al|am\s+lich)\b\s*\)?`)
	lunar        = regexp.MustCompile(`\b(?:al|am\s+lich)\b`)
	// whenAfter follows a frequency: "hằng tuần vào chiều thứ Năm", "hằng tháng, ngày 25".
	whenAfter = regexp.MustCompile(`^\s*,?\s*(?:vao\s+)?(?:(?:buoi\s+)?(?:sang|chieu|trua|toi)\s+)?(?:` + weekdayPat +
		`|ngay\s+\d{1,2}\b)`)
	// dateGoesOn follows the day of a date, not a day of each month: "ngày 25/4".
	dateGoesOn = regexp.MustCompile(`^\s*[/.-]\s*\d`)
	// dayBefore comes before a frequency: "ngày 25 hằng tháng".
	dayBefore = regexp.MustCompile(`\bngay\s+\d{1,2}\s+$`)
	// completes is a verb of completion, which makes the period after it in its clause a
	// deadline: "hoàn thành tốt kế hoạch … 6 tháng đầu năm".
	completes = regexp.MustCompile(`\b(?:hoan\s+thanh|hoan\s+tat|xong|ket\s+thuc)\b`)
)

// dueCandidate is a deadline phrase found in folded text: from lead to end, its date or
// period from start to end.
type dueCandidate struct {
	lead, start, end int
	kind             anchorKind
	rank             int // 3 led or repeating, 2 a day, 1 a period after a verb of completion
}

// DueIn finds the deadline phrase of a sentence and reads it with [vn.ParseDue] and ref.
// phrase is the words as written, from the words that lead to the date or period
// ("chậm nhất", "xong", "trước", "hoàn thành", "trong", "vào", "đến", "hết", "thời hạn",
// a weekday or a part of the day) to its end, with a weekday after a day ("ngày
// 21/4/2023 (Thứ Sáu)"): "chậm nhất trong tháng 5/2023", "xong trong tháng 4/2023",
// "trong Quý II/2023", "trước ngày 25 hằng tháng", "vào chiều thứ Năm hằng tuần".
//
// A repeating duty ("từng tháng", "hằng tuần", "định kỳ 6 tháng") and a period after a
// lead word are deadlines; so is a day with "ngày" or its year. A numbered period without
// a lead word ("năm 2023", "tháng 5/2023", "6 tháng đầu năm") qualifies a noun ("kế
// hoạch vốn năm 2023") unless a verb of completion comes before it in its clause ("hoàn
// thành tốt kế hoạch, chỉ tiêu thu ngân sách 6 tháng đầu năm"). Not deadlines: the dates
// of the documents the sentence cites ("Chỉ thị số 19-CT/TU ngày 11/6/2020", see
// [CitationsIn]), a date alone in parentheses ("Ngày giải phóng miền Nam (30/4)"), terms
// ("năm 2021-2025", "4 tháng đầu năm") and a breakdown ("thu ngân sách theo từng tháng").
// Of several deadlines the first of the highest rank is read: led or repeating, then a
// day, then a period after a verb of completion. Words without a date ("thường xuyên",
// "kịp thời", "trong dịp nghỉ hè") are left to the caller: ok is false.
//
// A phrase that ParseDue refuses (an impossible date, a wrong weekday, a repeating duty
// with a zero ref) gives ok true and its error, so that the caller can report it; a lunar
// date gives ok true and a vague deadline. phrase is always a substring of sentence.
func DueIn(sentence string, ref congtac.Date) (phrase string, d vn.Deadline, ok bool, err error) {
	f := foldText(sentence)
	for _, c := range dueCandidates(f) {
		phrases := []string{strings.TrimSpace(f.text(c.lead, c.end))}
		if c.lead < c.start {
			phrases = append(phrases, strings.TrimSpace(f.text(c.start, c.end)))
		}
		for _, p := range phrases {
			read, bad := vn.ParseDue(p, ref)
			switch {
			case bad != nil:
				return p, vn.Deadline{}, true, bad
			case read.Recurrence != nil || !read.Due.IsVague() || lunar.MatchString(f.s[c.start:c.end]):
				return p, read, true, nil
			}
		}
	}
	return "", vn.Deadline{}, false, nil
}

// dueCandidates returns the deadline phrases of folded text, best first.
func dueCandidates(f foldedText) []dueCandidate {
	masked := notDueDates.FindAllStringIndex(f.s, -1)
	for _, c := range citationsOf(f) {
		masked = append(masked, []int{c.start, c.end})
	}
	var found []dueCandidate
	for _, a := range dueAnchors {
		for _, m := range a.findAll(f) {
			if !overlapsAny(m[0], m[1], masked) && anchorFits(f, m[0], m[1], a.kind) {
				found = append(found, dueCandidate{start: m[0], end: m[1], kind: a.kind})
			}
		}
	}
	found = longestFirst(found)
	var out []dueCandidate
	for i := 0; i < len(found); i++ {
		c := found[i]
		span := false
		if i+1 < len(found) {
			if g := spanTo.FindStringIndex(f.s[c.end:]); g != nil && c.end+g[1] == found[i+1].start && c.kind != anchorRecurring {
				c.end, span = found[i+1].end, true
				i++
			}
		}
		c.end = extendRight(f.s, c)
		c.lead = c.start
		if c.kind == anchorRecurring {
			if m := dayBefore.FindStringIndex(f.s[:c.start]); m != nil {
				c.lead = m[0]
			}
		}
		c.lead = leadStart(f, c, span)
		if c.rank = rankOf(f.s, c); c.rank > 0 {
			out = append(out, c)
		}
	}
	slices.SortStableFunc(out, func(a, b dueCandidate) int { return b.rank - a.rank })
	return out
}

// anchorWords are the forms, in lower case, that the folded words of a deadline may be
// written in besides the folded form itself: a word with other diacritics is another
// word ("mới năm" is no "mỗi năm", "chiến thắng" no "tháng").
var anchorWords = map[string][]string{"thang": {"tháng"}, "nam": {"năm"}, "quy": {"quý", "qúy"},
	"ngay": {"ngày"}, "tuan": {"tuần"}, "hang": {"hằng", "hàng"}, "tung": {"từng"}, "moi": {"mỗi"},
	"dau": {"đầu"}, "cuoi": {"cuối"}, "giua": {"giữa"}, "het": {"hết"}, "nua": {"nửa"}, "dinh": {"định"},
	"ky": {"kỳ", "kì"}, "lan": {"lần"}}

// writtenRight reports whether the words of folded text from start to end that a deadline
// is written with are written as anchorWords says.
func writtenRight(f foldedText, start, end int) bool {
	for _, t := range tokensIn(f.s, start, end) {
		w := f.s[t[0]:t[1]]
		if forms, ok := anchorWords[w]; ok {
			if o := strings.ToLower(vn.Repair(f.text(t[0], t[1]))); o != w && !slices.Contains(forms, o) {
				return false
			}
		}
	}
	return true
}

// anchorFits reports whether a match of an anchor of kind is one where it stands.
func anchorFits(f foldedText, start, end int, kind anchorKind) bool {
	if !writtenRight(f, start, end) {
		return false
	}
	s := f.s
	switch kind {
	case anchorRecurring:
		return !breakdown.MatchString(s[:start])
	case anchorRelative:
		return endsClause(s[end:])
	case anchorPeriod:
		return !yearSpan.MatchString(s[end:]) && !countedMonths.MatchString(s[:start])
	}
	return true
}

// endsClause reports whether rest starts with the end of a clause: nothing, punctuation,
// or "và", "để".
func endsClause(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	if rest == "" || strings.ContainsAny(rest[:1], ",.;:()\n") {
		return true
	}
	w, _, _ := strings.Cut(rest, " ")
	return w == "va" || w == "de"
}

// overlapsAny reports whether the span from a to b overlaps one of spans.
func overlapsAny(a, b int, spans [][]int) bool {
	for _, s := range spans {
		if a < s[1] && s[0] < b {
			return true
		}
	}
	return false
}

// longestFirst returns the candidates in the order of the text, dropping those that
// overlap one found before or a longer one at the same place.
func longestFirst(cs []dueCandidate) []dueCandidate {
	slices.SortStableFunc(cs, func(a, b dueCandidate) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return b.end - a.end
	})
	var out []dueCandidate
	for _, c := range cs {
		if len(out) == 0 || c.start >= out[len(out)-1].end {
			out = append(out, c)
		}
	}
	return out
}

// extendRight returns the end of a candidate with what may follow its date: a weekday or
// "ÂL" after a day, the day or weekday of a repeating duty.
func extendRight(s string, c dueCandidate) int {
	end := c.end
	switch c.kind {
	case anchorDay:
		if m := weekdayAfter.FindStringIndex(s[end:]); m != nil {
			end += m[1]
		}
		if m := lunarAfter.FindStringIndex(s[end:]); m != nil {
			end += m[1]
		}
	case anchorRecurring:
		if m := whenAfter.FindStringIndex(s[end:]); m != nil && !dateGoesOn.MatchString(s[end+m[1]:]) {
			end += m[1]
		}
	}
	return end
}

// Words that lead to a deadline, as written: before any date or period; before a day,
// a repeating duty or "cuối tháng", the weekday and part of the day; "từ" before the
// start of a span.
var (
	leadPhrases = wordLists("chậm nhất", "muộn nhất", "hoàn thành", "hoàn tất", "kết thúc", "thời hạn", "hạn",
		"trước", "xong", "trong", "vào", "đến", "tới", "hết")
	dayPhrases = wordLists("thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "thứ bảy", "thứ 2", "thứ 3", "thứ 4",
		"thứ 5", "thứ 6", "thứ 7", "chủ nhật", "t2", "t3", "t4", "t5", "t6", "t7", "cn", "sáng", "chiều", "trưa",
		"tối", "đêm", "buổi")
	spanFrom = wordLists("từ")
	// ofMonth is a period a weekday may come before: "thứ Sáu cuối tháng".
	ofMonth = regexp.MustCompile(`^(?:dau|cuoi)\s+thang$`)
)

// leadStart reads back from the start of a candidate over the words that lead to it and
// returns where they begin. A comma or colon is taken only between such words.
func leadStart(f foldedText, c dueCandidate, span bool) int {
	day := c.kind == anchorDay || c.kind == anchorRecurring || ofMonth.MatchString(f.s[c.start:c.end])
	best := c.lead
	for pos := c.lead; ; {
		if w, at := prevToken(f.s, pos); w == "," || w == ":" {
			pos = at
			continue
		}
		at, ok := endsWith(f, pos, leadPhrases)
		if !ok && day {
			at, ok = endsWith(f, pos, dayPhrases)
		}
		if !ok && span {
			at, ok = endsWith(f, pos, spanFrom)
		}
		if !ok {
			return best
		}
		pos, best = at, at
	}
}

// endsWith returns where the phrase of ws that folded text ends with at end begins.
func endsWith(f foldedText, end int, ws []wordList) (int, bool) {
	for _, w := range ws {
		pos, ok := end, true
		for i := len(w.folded) - 1; i >= 0 && ok; i-- {
			t, at := prevToken(f.s, pos)
			ok = t == w.folded[i] && writtenAs(f.orig[f.at[at]:f.at[at+len(t)]], w.written[i])
			pos = at
		}
		if ok {
			return pos, true
		}
	}
	return end, false
}

// prevToken returns the word (letters and digits) or the punctuation character that ends
// before end, spaces skipped, and where it starts; "" at the start of s.
func prevToken(s string, end int) (string, int) {
	for end > 0 && s[end-1] == ' ' {
		end--
	}
	i := end
	for i > 0 && isWordByte(s[i-1]) {
		i--
	}
	if i == end && end > 0 {
		_, size := utf8.DecodeLastRuneInString(s[:end])
		i = end - size
	}
	return s[i:end], i
}

// isWordByte reports whether c is a letter or digit of folded text, or "_": a word
// character of a regexp's \b.
func isWordByte(c byte) bool { return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' }

// rankOf returns how surely a candidate is a deadline, 0 when it is none.
func rankOf(s string, c dueCandidate) int {
	switch {
	case c.kind == anchorRecurring || c.lead < c.start:
		return 3
	case c.kind == anchorRelative:
		return 0
	case c.kind == anchorDay && (strings.Contains(s[c.start:c.end], "ngay") || hasYear(s[c.start:c.end])):
		return 2
	}
	from := max(strings.LastIndexAny(s[:c.start], ";:\n"), strings.LastIndex(s[:c.start], ". ")) + 1
	if completes.MatchString(s[from:c.start]) {
		return 1
	}
	return 0
}

// hasYear reports whether a folded day is written with its year: "21/4/2023", "21.4.23".
func hasYear(day string) bool {
	for _, sep := range []string{"/", "-", "."} {
		if strings.Count(day, sep) == 2 {
			return true
		}
	}
	return false
}

// Target patterns, on folded text: a comparison, a number and a unit.
var (
	targetPattern = newFinder(`\b(?:(dat|bang)\s+)?(?:(`+comparatorPat+`)\s+)?(\d+(?:[.,]\d+)*)(?:\s*(%)|\s+(`+unitPat+`)\b)`,
		"dat", "bang", "khong", "it", "toi", "thap", "nho", "lon", "cao", "nhieu", "tren", "hon", "duoi", "tu")
	baselineStart = regexp.MustCompile(`^\s+(?:so\s+voi\s+)?(?:chi\s+tieu|ke\s+hoach|kh|du\s+toan|cung\s+ky|muc\s+tieu|tong|so)\b`)
	orMore        = regexp.MustCompile(`^\s+tro\s+(len|xuong)\b`)
)

// comparatorPat and unitPat are the alternatives of comparisons and units, longest first.
const (
	comparatorPat = `khong\s+vuot\s+qua|khong\s+vuot|khong\s+qua|khong\s+duoi|khong\s+it\s+hon|khong\s+thap\s+hon|` +
		`khong\s+nhieu\s+hon|khong\s+cao\s+hon|khong\s+lon\s+hon|it\s+nhat|it\s+hon|toi\s+thieu|toi\s+da|thap\s+hon|` +
		`nho\s+hon|lon\s+hon|cao\s+hon|nhieu\s+hon|tren|hon|duoi|tu`
	unitPat = `phan\s+tram|nghin\s+ty\s+dong|ty\s+dong|trieu\s+dong|nghin\s+dong|ngan\s+dong|trieu\s+usd|usd|ty|trieu|dong|` +
		`hecta|ha|km2|km|m2|m3|tan|luot\s+nguoi|luot\s+khach|luot|lao\s+dong|nguoi|ho\s+so|hop\s+tac\s+xa|htx|ho|` +
		`doanh\s+nghiep|xa|thon|truong|cong\s+trinh|du\s+an|san\s+pham|tieu\s+chi|diem|cay|chiec|hoc\s+sinh`
)

// comparators maps the folded comparisons, spaces squeezed; "từ" needs "trở lên" or
// "trở xuống" after the number.
var comparators = map[string]congtac.Comparator{
	"tren": congtac.Greater, "hon": congtac.Greater, "lon hon": congtac.Greater, "cao hon": congtac.Greater, "nhieu hon": congtac.Greater,
	"it nhat": congtac.AtLeast, "toi thieu": congtac.AtLeast, "khong duoi": congtac.AtLeast, "khong it hon": congtac.AtLeast,
	"khong thap hon": congtac.AtLeast,
	"khong qua":      congtac.AtMost, "khong vuot qua": congtac.AtMost, "khong vuot": congtac.AtMost, "toi da": congtac.AtMost,
	"khong nhieu hon": congtac.AtMost, "khong cao hon": congtac.AtMost, "khong lon hon": congtac.AtMost,
	"duoi": congtac.Less, "it hon": congtac.Less, "thap hon": congtac.Less, "nho hon": congtac.Less,
}

// TargetIn finds the first measurable target of a sentence: a number and its unit after
// a comparison ("trên", "hơn" Greater; "ít nhất", "tối thiểu", "không dưới", "từ … trở
// lên" AtLeast; "không quá", "không vượt quá", "tối đa", "từ … trở xuống" AtMost;
// "dưới", "ít hơn" Less) or after "đạt" or "bằng" alone (Equal); "trở lên" after the
// number makes any of them AtLeast. The number is read the Vietnamese way ("1.234,5"; a
// dot before other than groups of three digits is a decimal point). The unit is "%"
// (also for "phần trăm") or a unit word as written ("tỷ đồng", "ha", "hộ", "lao động",
// "xã", "tiêu chí" …): a number without one (a duration, an age) is no target, nor a
// number alone ("100% số xã", "01 tỷ cây xanh").
//
// Baseline is what a percentage is of: the words after it starting with "chỉ tiêu", "kế
// hoạch", "KH", "dự toán", "so với", "cùng kỳ", "mục tiêu", "tổng" or "số", up to the
// end of the clause, a word that starts another ("trở lên", "đảm bảo", "để", "trong",
// "và" …) or eight words. Metric is the words before the target in its clause, without
// the words that lead to the target ("đảm bảo", "phấn đấu", "để", "được" …) and the
// leading verbs of management and their adverbs ("Đôn đốc", "tập trung", "thường
// xuyên", "công tác" …), which are no part of what is measured: "Đôn đốc thường xuyên
// công tác thu tiền dịch vụ VSMT của các xã, thị trấn đảm bảo đạt trên 50% chỉ tiêu KH cả
// năm" gives "thu tiền dịch vụ VSMT của các xã, thị trấn". Before "xuống", "còn" or
// "lên" the target is a level and "giảm" or "tăng" goes too ("Giảm tỷ lệ hộ nghèo xuống
// dưới 3%": "tỷ lệ hộ nghèo"). Metric may be "" and is cut to its last 300 characters.
// Metric, Unit and Baseline are as written, in NFC, spaces squeezed; phrase is the
// target as written from its verb or comparison to its baseline, a substring of sentence.
func TargetIn(sentence string) (t congtac.Target, phrase string, ok bool) {
	f := foldText(sentence)
	for _, m := range targetPattern.findAll(f) {
		if t, a, b, ok := readTarget(f, m); ok {
			return t, strings.TrimSpace(f.text(a, b)), true
		}
	}
	return congtac.Target{}, "", false
}

// readTarget reads one match of targetPattern, and returns the folded span of its phrase.
func readTarget(f foldedText, m []int) (t congtac.Target, start, end int, ok bool) {
	start, end = m[0], m[1]
	verb := m[2] >= 0 && (writtenAs(f.text(m[2], m[3]), "đạt") || writtenAs(f.text(m[2], m[3]), "bằng"))
	if m[2] >= 0 && !verb {
		start = m[4] // "đất 100 ha": the land, not "đạt"
		if start < 0 {
			return t, 0, 0, false
		}
	}
	comp := ""
	if m[4] >= 0 {
		comp = strings.Join(strings.Fields(f.s[m[4]:m[5]]), " ")
	}
	if comp == "" && !verb {
		return t, 0, 0, false
	}
	v, numOK := parseDecimal(f.s[m[6]:m[7]])
	if !numOK {
		return t, 0, 0, false
	}
	t.Value, t.Comparator = v, congtac.Equal
	if c, known := comparators[comp]; known {
		t.Comparator = c
	}
	if m[8] >= 0 || strings.HasPrefix(f.s[m[10]:m[11]], "phan") {
		t.Unit = "%"
		if b, e := baselineOf(f.s, end); e > b && utf8.RuneCountInString(f.text(b, e)) <= 300 {
			t.Baseline, end = squeeze(vn.NFC(f.text(b, e))), e
		}
	} else {
		t.Unit = squeeze(vn.NFC(f.text(m[10], m[11])))
	}
	if g := orMore.FindStringSubmatchIndex(f.s[end:]); g != nil {
		t.Comparator = map[string]congtac.Comparator{"len": congtac.AtLeast, "xuong": congtac.AtMost}[f.s[end+g[2]:end+g[3]]]
		end += g[1]
	} else if comp == "tu" {
		return t, 0, 0, false // "từ 5 đến 10 tỷ đồng" is a range
	}
	t.Metric = metricBefore(f, start)
	return t, start, end, true
}

// writtenAs reports whether word is want as written with diacritics, or want without
// them: "đạt" and "dat", not "đất".
func writtenAs(word, want string) bool {
	w := strings.ToLower(vn.Repair(word))
	return w == want || w == vn.Fold(want)
}

// squeeze returns s with each run of white space as one space, trimmed.
func squeeze(s string) string { return strings.Join(strings.Fields(s), " ") }

// parseDecimal reads a number written the Vietnamese way: "1.234.567,5", "50", "2,5". A
// dot followed by other than groups of three digits is a decimal point ("1.5").
func parseDecimal(s string) (float64, bool) {
	switch {
	case strings.Contains(s, ",") && strings.Contains(s, "."):
		s = strings.ReplaceAll(s, ".", "")
	case strings.Contains(s, "."):
		groups := strings.Split(s, ".")
		thousands := len(groups[0]) <= 3
		for _, g := range groups[1:] {
			thousands = thousands && len(g) == 3
		}
		if thousands {
			s = strings.ReplaceAll(s, ".", "")
		}
	}
	v, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	return v, err == nil
}

// baselineStops end a baseline, folded.
var baselineStops = map[string]bool{"tro": true, "dam": true, "bao": true, "de": true, "nham": true, "trong": true,
	"vao": true, "truoc": true, "cham": true, "va": true, "theo": true, "tai": true, "den": true, "khi": true}

// baselineOf returns the folded span of the baseline after a percentage ending at end, or
// an empty span.
func baselineOf(s string, end int) (int, int) {
	m := baselineStart.FindStringIndex(s[end:])
	if m == nil {
		return end, end
	}
	to := end + m[1]
	from := to - len(strings.TrimLeft(s[end:to], " \n"))
	for n := 0; n < 8; n++ {
		w, _, wEnd := nextWord(s, to)
		if w == "" || baselineStops[w] {
			break
		}
		to = wEnd
	}
	return from, to
}

// nextWord returns the word after the spaces at from, where it starts and where it ends;
// "" at a punctuation mark or the end.
func nextWord(s string, from int) (w string, start, end int) {
	i := from
	for i < len(s) && s[i] == ' ' {
		i++
	}
	j := i
	for j < len(s) && s[j] != ' ' && !strings.ContainsRune(",;.:()\n!?\"", rune(s[j])) {
		j++
	}
	return s[i:j], i, j
}

// Words trimmed from a metric, as written with diacritics (a word without any matches
// too): metricHead before it (the verbs of management and their adverbs), metricTail
// after it (the words that lead to its target). Before levelWords the target is a level,
// and changeVerbs are trimmed too.
var (
	metricHead = wordLists("chỉ đạo", "đôn đốc", "tập trung", "tăng cường", "đẩy mạnh", "đẩy nhanh", "phấn đấu",
		"thực hiện", "triển khai", "tiếp tục", "chủ động", "quyết liệt", "thường xuyên", "nâng cao", "duy trì",
		"đảm bảo", "bảo đảm", "vận động", "hướng dẫn", "theo dõi", "kiểm tra", "giám sát", "làm tốt", "kịp thời",
		"rà soát", "tham mưu", "công tác", "việc", "có thêm", "có", ",")
	metricTail = wordLists("đảm bảo", "bảo đảm", "phấn đấu", "để", "nhằm", "phải", "cần", "với", "luôn", "đều",
		"được", "ở mức", "mức", "xuống", "lên", "còn", ",")
	levelWords  = []string{"xuong", "len", "con"}
	changeVerbs = wordLists("giảm", "tăng")
)

// wordList is a phrase as written and its folded words.
type wordList struct{ written, folded []string }

// wordLists splits phrases into their words.
func wordLists(phrases ...string) []wordList {
	out := make([]wordList, len(phrases))
	for i, p := range phrases {
		out[i] = wordList{written: strings.Fields(p), folded: strings.Fields(vn.Fold(p))}
		if p == "," {
			out[i].folded = []string{","}
		}
	}
	return out
}

// metricBefore returns what a target starting at the folded offset start measures: the
// words before it in its clause, trimmed of metricTail and metricHead, as written; ""
// when nothing is left.
func metricBefore(f foldedText, start int) string {
	from := max(strings.LastIndexAny(f.s[:start], ";:\n("), strings.LastIndex(f.s[:start], ". ")) + 1
	toks := tokensIn(f.s, from, start)
	level := false
	tail, head := metricTail, metricHead
	for trimmed := true; trimmed; {
		trimmed = false
		for _, w := range tail {
			if n := len(w.folded); len(toks) >= n && tokensAre(f, toks[len(toks)-n:], w) {
				if !level && slices.Contains(levelWords, w.folded[0]) {
					level = true
					tail, head = append(slices.Clip(tail), changeVerbs...), append(slices.Clip(head), changeVerbs...)
				}
				toks, trimmed = toks[:len(toks)-n], true
			}
		}
	}
	for trimmed := true; trimmed; {
		trimmed = false
		for _, w := range head {
			if n := len(w.folded); len(toks) >= n && tokensAre(f, toks[:n], w) {
				toks, trimmed = toks[n:], true
			}
		}
	}
	if len(toks) == 0 {
		return ""
	}
	metric := squeeze(vn.NFC(f.text(toks[0][0], toks[len(toks)-1][1])))
	if r := []rune(metric); len(r) > 300 {
		metric = strings.TrimSpace(string(r[len(r)-300:]))
	}
	return metric
}

// tokensIn returns the spans of the words and punctuation marks of s from from to to.
func tokensIn(s string, from, to int) [][2]int {
	var out [][2]int
	for i := from; i < to; {
		switch c := s[i]; {
		case c == ' ' || c == '\n':
			i++
		case isWordByte(c) || c >= utf8.RuneSelf:
			j := i
			for j < to && (isWordByte(s[j]) || s[j] >= utf8.RuneSelf) {
				j++
			}
			out = append(out, [2]int{i, j})
			i = j
		default:
			out = append(out, [2]int{i, i + 1})
			i++
		}
	}
	return out
}

// tokensAre reports whether the tokens of folded text are the words of w, as written.
func tokensAre(f foldedText, toks [][2]int, w wordList) bool {
	for i, t := range toks {
		if f.s[t[0]:t[1]] != w.folded[i] || !writtenAs(f.text(t[0], t[1]), w.written[i]) {
			return false
		}
	}
	return true
}

// Citation is a document a text cites (căn cứ): its kind, number and date, and who issued
// it. Documents joined by "và" or a comma that share one issuer ("Chỉ thị số 19-CT/TU
// ngày 11/6/2020 và Chỉ thị số 17-CT/TU ngày 27/02/2020 của Ban Thường vụ Tỉnh ủy") are
// one citation, as the text cites them: Text covers them all and the issuer; Kind,
// Number and Date are the first document's, and Also holds the others, each with its own
// Text (without the issuer), Kind, Number, Date and offsets, and the shared Issuer.
type Citation struct {
	Text   string       // as written: "Nghị quyết số 35-NQ/HU ngày 01/4/2021 của Ban Thường vụ Huyện ủy"
	Kind   string       // the kind's name, NFC, in full and in sentence case: "Chỉ thị", "Nghị quyết"
	Number string       // as written without spaces, NFC: "19-CT/TU", "01-ĐA/HU", "30/2020/NĐ-CP", "233"
	Date   congtac.Date // the date after "ngày"; zero when none is given or it does not exist
	Issuer string       // after "của", NFC: "Ban Thường vụ Tỉnh ủy"; "" when none is given
	Start  int          // byte offset of Text in the text
	End    int
	Also   []Citation // the other documents cited with this one
}

// Patterns of citations, on folded text.
var (
	citationPattern = newFinder(`\b(`+citationKinds+`)\s+(?:so\s*:?\s*(`+docNumber+`)|(`+docNumber+`))`,
		"nghi", "thong", "chi", "quyet", "ke", "chuong", "de", "ket", "cong", "van", "bao", "to", "quy", "phap", "luat")
	citationDate = regexp.MustCompile(`^\s*,?\s+ngay\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\b|` +
		`^\s*,?\s+ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})\b`)
	citationOf   = regexp.MustCompile(`^\s+cua\s+`)
	citationJoin = regexp.MustCompile(`^\s*(?:,\s*(?:va\s+)?|va\s+|cung\s+)$`)
	// measureAfter follows a number that counts something: "Chương trình 01 tỷ cây xanh".
	measureAfter = regexp.MustCompile(`^\s*(?:%|(?:ty|trieu|nghin|ngan|nam|thang|tuan|ngay|tuoi|ha|km|nguoi|ho|xa|lan)\b)`)
	// kindStart starts the name of a kind of document, which no issuer holds.
	kindStart = regexp.MustCompile(`^(?:` + citationKinds + `)\b`)
)

// citationKinds are the kinds of documents cited, folded, longest first; docNumber their
// numbers: digits, then pieces joined by "-" or "/" ("19-CT/TU", "30/2020/NĐ-CP"), a
// stray space beside the first dash allowed when more pieces follow ("01- ĐA/HU").
const (
	citationKinds = `nghi\s+quyet\s+lien\s+tich|thong\s+tu\s+lien\s+tich|nghi\s+quyet|nghi\s+dinh|chi\s+thi|quyet\s+dinh|` +
		`ke\s+hoach|chuong\s+trinh|de\s+an|thong\s+tu|ket\s+luan|cong\s+van|van\s+ban|thong\s+bao|huong\s+dan|bao\s+cao|` +
		`to\s+trinh|cong\s+dien|quy\s+dinh|quy\s+che|phap\s+lenh|luat`
	docNumber = `\d+(?:\s?-\s?[a-z0-9]+(?:[-/][a-z0-9]+)+|(?:[-/][a-z0-9]+)*)\b`
)

// kindNames names the kinds of documents, by their folded words.
var kindNames = map[string]string{"nghi quyet lien tich": "Nghị quyết liên tịch", "thong tu lien tich": "Thông tư liên tịch",
	"nghi quyet": "Nghị quyết", "nghi dinh": "Nghị định", "chi thi": "Chỉ thị", "quyet dinh": "Quyết định",
	"ke hoach": "Kế hoạch", "chuong trinh": "Chương trình", "de an": "Đề án", "thong tu": "Thông tư",
	"ket luan": "Kết luận", "cong van": "Công văn", "van ban": "Văn bản", "thong bao": "Thông báo",
	"huong dan": "Hướng dẫn", "bao cao": "Báo cáo", "to trinh": "Tờ trình", "cong dien": "Công điện",
	"quy dinh": "Quy định", "quy che": "Quy chế", "phap lenh": "Pháp lệnh", "luat": "Luật"}

// bareNumbered are the kinds cited by a number alone, without "số" or a symbol:
// "Nghị quyết 233". Others ("Chương trình 01 tỷ cây xanh") are not.
var bareNumbered = map[string]bool{"Nghị quyết": true, "Chỉ thị": true, "Quyết định": true, "Nghị định": true,
	"Thông tư": true, "Kết luận": true, "Luật": true}

// issuerWords are the folded words in lower case that an issuer's name holds ("Ban
// Thường vụ Tỉnh ủy", "UBND tỉnh", "Thủ tướng Chính phủ"); words with a capital are
// taken whatever they are. issuerStops are pairs of them that start something else.
var (
	issuerWords = map[string]bool{"tinh": true, "huyen": true, "xa": true, "thi": true, "tran": true, "thanh": true,
		"pho": true, "quan": true, "phuong": true, "vu": true, "hanh": true, "phu": true, "uy": true, "dang": true,
		"bo": true, "nhan": true, "dan": true, "trung": true, "uong": true, "chinh": true, "quoc": true, "hoi": true,
		"thuong": true, "truc": true, "ban": true, "chap": true, "tuong": true, "truong": true, "phong": true,
		"thu": true, "dong": true, "doan": true, "the": true, "mat": true, "to": true, "tich": true, "doc": true}
	issuerStops = map[string]bool{"ban hanh": true, "thi hanh": true, "to chuc": true, "chinh sach": true}
)

// citation is a citation found in folded text, its offsets folded: from start to end,
// its last document ending at docEnd, before the issuer.
type citation struct {
	Citation
	start, end, docEnd int
}

// CitationsIn finds the documents a text cites (căn cứ), in the order of the text. A
// citation is a kind ("Chỉ thị", "Nghị quyết", "Nghị định", "Quyết định", "Kế hoạch",
// "Đề án", "Thông tư", "Kết luận", "Công văn" …) with "số" and a number ("Quyết định số
// 1234/QĐ-UBND", "Quyết định số: 12/QĐ-TTg"), or with a number and its symbol ("Nghị
// định 30/2020/NĐ-CP"), or, for the kinds of legal documents (Nghị quyết, Chỉ thị, Quyết
// định, Nghị định, Thông tư, Kết luận, Luật), with a number alone that counts nothing
// ("Nghị quyết 233", not "Chương trình 01 tỷ cây xanh"); then its date ("ngày
// 11/6/2020", "ngày 11 tháng 6 năm 2020") and its issuer after "của". A document named
// without a number ("Nghị quyết Đại hội XXV") is left out.
//
// The issuer runs over the words with a capital and the lower-case words of the names of
// bodies ("tỉnh", "vụ", "ủy", "tịch" …), with a "và" between two names ("Văn phòng HĐND
// và UBND huyện"); it ends at any other word ("về", "đảm bảo", "ban hành", "và các" …),
// at the name of another document, at a punctuation mark or after twelve words.
// Documents without an issuer of their own, joined by "và" or a comma, share the issuer
// of the last: they come as one citation ([Citation]).
func CitationsIn(text string) []Citation {
	var out []Citation
	for _, c := range citationsOf(foldText(text)) {
		out = append(out, c.Citation)
	}
	return out
}

// citationsOf finds the citations of folded text, documents sharing an issuer joined.
func citationsOf(f foldedText) []citation {
	var out []citation
	for _, m := range citationPattern.findAll(f) {
		c, ok := readCitation(f, m)
		if !ok {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Issuer == "" && citationJoin.MatchString(f.s[out[n-1].end:c.start]) {
			out[n-1] = joinCitations(f, out[n-1], c)
			continue
		}
		out = append(out, c)
	}
	return out
}

// readCitation reads one match of citationPattern with the date and issuer after it.
func readCitation(f foldedText, m []int) (citation, bool) {
	kind := kindNames[strings.Join(strings.Fields(f.s[m[2]:m[3]]), " ")]
	numStart, numEnd := m[4], m[5]
	if numStart < 0 {
		numStart, numEnd = m[6], m[7]
		symbol := strings.ContainsAny(f.s[numStart:numEnd], "abcdefghijklmnopqrstuvwxyz")
		dated := citationDate.MatchString(f.s[numEnd:])
		if !symbol && (!bareNumbered[kind] || !dated && measureAfter.MatchString(f.s[numEnd:])) {
			return citation{}, false
		}
	}
	c := citation{start: m[0], end: numEnd}
	c.Kind = kind
	c.Number = vn.NFC(strings.Join(strings.Fields(f.text(numStart, numEnd)), ""))
	if g := citationDate.FindStringSubmatchIndex(f.s[c.end:]); g != nil {
		c.Date = citedDate(f.s[c.end:], g)
		c.end += g[1]
	}
	c.docEnd = c.end
	c.setText(f)
	if g := citationOf.FindStringIndex(f.s[c.end:]); g != nil {
		if issuerEnd := issuerEnd(f, c.end+g[1]); issuerEnd > c.end+g[1] {
			c.Issuer = squeeze(vn.NFC(f.text(c.end+g[1], issuerEnd)))
			c.end = issuerEnd
			c.setText(f)
		}
	}
	return c, true
}

// setText sets the citation's text and offsets from its folded span.
func (c *citation) setText(f foldedText) {
	c.Start, c.End = f.span(c.start, c.end)
	c.Text = f.orig[c.Start:c.End]
}

// citedDate returns the date of a match g of citationDate in s, zero when that day does
// not exist.
func citedDate(s string, g []int) congtac.Date {
	num := func(i int) int {
		if g[i] < 0 {
			i += 6
		}
		n, _ := strconv.Atoi(s[g[i]:g[i+1]])
		return n
	}
	d, err := congtac.NewDate(num(6), time.Month(num(4)), num(2))
	if err != nil {
		return congtac.Date{}
	}
	return d
}

// issuerEnd returns where the issuer's name starting at from ends in folded text.
func issuerEnd(f foldedText, from int) int {
	end := from
	for pos, n := from, 0; n < 12; n++ {
		w, wStart, wEnd := nextWord(f.s, pos)
		next, nextStart, nextEnd := nextWord(f.s, wEnd)
		switch {
		case w == "" || kindStart.MatchString(f.s[wStart:]):
			return end
		case w == "va":
			if next == "" || !startsWithCapital(f.text(nextStart, nextEnd)) || kindStart.MatchString(f.s[nextStart:]) {
				return end
			}
		case !startsWithCapital(f.text(wStart, wEnd)) && (!issuerWords[w] || issuerStops[w+" "+next]):
			return end
		default:
			end = wEnd
		}
		pos = wEnd
	}
	return end
}

// startsWithCapital reports whether s starts with a capital letter.
func startsWithCapital(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// joinCitations returns the citation a (one document or several) with the document b
// cited after it, all sharing b's issuer.
func joinCitations(f foldedText, a, b citation) citation {
	doc := b
	doc.end = b.docEnd
	doc.setText(f)
	j := a
	j.end, j.docEnd, j.Issuer = b.end, b.docEnd, b.Issuer
	j.Also = append(slices.Clip(a.Also), doc.Citation)
	for i := range j.Also {
		j.Also[i].Issuer = b.Issuer
	}
	j.setText(f)
	return j
}
