package vn

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// marked renders segments with the marked ones in brackets.
func marked(segs []Segment) string {
	var b strings.Builder
	for _, s := range segs {
		if s.Mark {
			b.WriteString("[" + s.Text + "]")
		} else {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

func TestHighlightMarksWordsInTheirOwnSpelling(t *testing.T) {
	tests := []struct{ q, text, want string }{
		{"duong giao", "Kiểm tra tiến độ dự án đường giao thông", "Kiểm tra tiến độ dự án [đường giao] thông"},
		{"ke hoa", "Kế hoạch số 12; KẾ HOẠCH khác", "[Kế hoạch] số 12; [KẾ HOẠCH] khác"},
		{`"giao thong" -cau`, "Đường giao thông nông thôn", "Đường [giao thông] nông thôn"},
		{"19-CT/TU", "theo Chỉ thị số 19-CT/TU ngày 11/6/2020", "theo Chỉ thị số [19-CT/TU] ngày 11/6/2020"},
		{"an", "Ban an toàn", "Ban [an] toàn"},
		{"xyz", "không có gì", "không có gì"},
	}
	for _, tt := range tests {
		if got := marked(ParseQuery(tt.q).Highlight(tt.text)); got != tt.want {
			t.Errorf("Highlight(%q, %q) = %q, want %q", tt.q, tt.text, got, tt.want)
		}
	}
}

func TestSnippetCutsAroundTheFirstMatch(t *testing.T) {
	text := strings.Repeat("Một hai ba bốn năm sáu bảy tám chín mười. ", 5) + "Đường giao thông liên xã. " +
		strings.Repeat("Một hai ba bốn năm. ", 5)
	got := marked(ParseQuery("giao thong").Snippet(text, 60))
	if !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") || !strings.Contains(got, "[giao thông]") {
		t.Errorf("snippet %q: want the match with … on both sides", got)
	}
	if n := len([]rune(got)); n > 64 {
		t.Errorf("snippet %q: %d characters, want about 60", got, n)
	}
	if got := marked(ParseQuery("giao").Snippet("Đường giao thông", 60)); got != "Đường [giao] thông" {
		t.Errorf("short text: %q", got)
	}
}

func TestRankPutsExactDiacriticsThenWholeWordsFirst(t *testing.T) {
	tests := []struct {
		q    string
		text string
		want int
	}{
		{"đường", "Làm đường giao thông", 0},
		{"đường", "Ông Dương Văn A", 2},          // matches folded only
		{"đường", "Đường làng", 0},               // case ignored
		{"duong", "Ông Dương Văn A", 0},          // typed without diacritics: all spellings alike
		{"duon", "Ông Dương Văn A", 1},           // a prefix
		{"kế hoạch", "Xây dựng kế hoạch năm", 0}, // two accented words, one term each
		{"kế hoạch", "Ke hoach nam", 4},
		{"kế hoạ", "kế hoạch", 1},
	}
	for _, tt := range tests {
		if got := ParseQuery(tt.q).Rank(tt.text); got != tt.want {
			t.Errorf("Rank(%q, %q) = %d, want %d", tt.q, tt.text, got, tt.want)
		}
	}
}

func TestRankerReadsTextsOnlyForAccentedTerms(t *testing.T) {
	tests := []struct {
		q, text string
		key     int // KeyRank of the text's search key
		accent  int // AccentRank of the text
	}{
		{"kế hoạch", "Xây dựng Kế hoạch năm", 0, 0},
		{"kế hoạch", "Xây dựng kế, hoạch năm", 0, 0},                 // words apart: read word by word
		{"kế hoạch", norm.NFD.String("Xây dựng kế hoạch năm"), 0, 0}, // decomposed
		{"kế hoạch", "Ke hoach nam", 0, 4},
		{"kế hoạ", "kế hoạch", 1, 0},
		{"hoạch", "kếhoạch", 1, 2}, // inside a word: neither whole nor as typed from a word's start
		{"ke hoach", "Kế hoạch", 0, 0},
		{`"số 45"`, "Văn bản số 45", 0, 0},
		{"đường 19-CT/TU", "đường Chỉ thị 19-CT/TU", 0, 0},
	}
	for _, tt := range tests {
		q := ParseQuery(tt.q)
		r := q.Ranker()
		key, accent := r.KeyRank(SearchKey(tt.text)), r.AccentRank(tt.text)
		if key != tt.key || accent != tt.accent || q.Rank(tt.text) != key+accent {
			t.Errorf("%q in %q: key %d accent %d rank %d, want %d %d", tt.q, tt.text, key, accent, q.Rank(tt.text), tt.key, tt.accent)
		}
		if r.Accented() != (tt.accent > 0 || strings.ContainsAny(tt.q, "ếạốườ")) {
			t.Errorf("%q: Accented() = %v", tt.q, r.Accented())
		}
	}
}
