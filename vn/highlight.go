package vn

import (
	"strings"
	"unicode/utf8"
)

// Segment is a piece of a text as a search shows it: Mark when the query matched it.
type Segment struct {
	Text string
	Mark bool
}

// word is one word of a text: its byte span, and its spelling lower-cased as typed and
// folded.
type word struct {
	start, end    int
	lower, folded string
}

// words splits text into its words as [SearchWords] does, keeping where each one is.
func words(text string) []word {
	var out []word
	start := -1
	for i, r := range text + " " {
		inWord := inWord(r)
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			w := text[start:i]
			out = append(out, word{start: start, end: i, lower: strings.ToLower(NFC(w)), folded: Fold(w)})
			start = -1
		}
	}
	return out
}

// matchAt reports whether t matches ws from word i, on their folded spellings (or, with
// accented, on their spellings as typed), and whether its last word matched whole.
func matchAt(t Term, ws []word, i int, accented []string) (ok, whole bool) {
	want := t.Words
	if accented != nil {
		want = accented
	}
	if len(want) == 0 || i+len(want) > len(ws) {
		return false, false
	}
	last := len(want) - 1
	for j, w := range want {
		got := ws[i+j].folded
		if accented != nil {
			got = ws[i+j].lower
		}
		switch {
		case got == w:
		case j == last && !t.Exact && strings.HasPrefix(got, w):
			return true, false
		default:
			return false, false
		}
	}
	return true, true
}

// Highlight returns text cut into segments, the words that q's terms matched marked.
func (q Query) Highlight(text string) []Segment {
	return segments(text, q.spans(words(text)), 0, len(text))
}

// Snippet returns about width characters of text around the first word q matched, cut at
// word boundaries with "…" where text goes on, as [Query.Highlight] marks them; the start
// of text when nothing matched.
func (q Query) Snippet(text string, width int) []Segment {
	ws := words(text)
	spans := q.spans(ws)
	if utf8.RuneCountInString(text) <= width {
		return segments(text, spans, 0, len(text))
	}
	center := 0
	if len(spans) > 0 {
		center = spans[0][0]
	}
	from, to := window(text, ws, center, width)
	out := segments(text, spans, from, to)
	if from > 0 {
		out = append([]Segment{{Text: "…"}}, out...)
	}
	if to < len(text) {
		out = append(out, Segment{Text: "…"})
	}
	return out
}

// window returns the byte range of about width characters of text, at word boundaries,
// starting a few words before byte center.
func window(text string, ws []word, center, width int) (from, to int) {
	first := 0
	for i, w := range ws {
		if w.start >= center {
			first = max(i-4, 0)
			break
		}
	}
	from = ws[first].start
	to = from
	for _, w := range ws[first:] {
		if utf8.RuneCountInString(text[from:w.end]) > width {
			break
		}
		to = w.end
	}
	if to == from {
		to = ws[first].end
	}
	return from, to
}

// spans returns the byte spans of the runs of words q's terms matched, in order, merged
// where they touch.
func (q Query) spans(ws []word) [][2]int {
	marked := make([]bool, len(ws))
	for _, t := range q.Terms {
		for i := range ws {
			if ok, _ := matchAt(t, ws, i, nil); ok {
				for j := range t.Words {
					marked[i+j] = true
				}
			}
		}
	}
	var out [][2]int
	for i, m := range marked {
		switch {
		case !m:
		case len(out) > 0 && i > 0 && marked[i-1]:
			out[len(out)-1][1] = ws[i].end
		default:
			out = append(out, [2]int{ws[i].start, ws[i].end})
		}
	}
	return out
}

// segments cuts text[from:to] at spans.
func segments(text string, spans [][2]int, from, to int) []Segment {
	var out []Segment
	at := from
	for _, s := range spans {
		if s[1] <= from || s[0] >= to {
			continue
		}
		s[0], s[1] = max(s[0], from), min(s[1], to)
		if s[0] > at {
			out = append(out, Segment{Text: text[at:s[0]]})
		}
		out = append(out, Segment{Text: text[s[0]:s[1]], Mark: true})
		at = s[1]
	}
	if at < to {
		out = append(out, Segment{Text: text[at:to]})
	}
	return out
}
