package vn

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"ke hoach", "ke hoach"},
		{"Kế hoạch", "ke hoach"},
		{"ĐƯỜNG", "duong"},
		{"  Công   tác\tcủa\nUBND  ", "cong tac cua ubnd"},
		{"Chƣơng trình", "chuong trinh"},
		{"Ðà Nẵng", "da nang"},
		{"Quý II/2023", "quy ii/2023"},
		{"Nguyễn Văn An", "nguyen van an"},
		{"Thủy lợi\u00a0hóa", "thuy loi hoa"},
		{"soft\u00adhyphen\u200bzero", "softhyphenzero"},
		{"ПРИВЕТ Ёж", "привет еж"},
		{"Ελληνικά", "ελληνικα"},
		{"한국어 가", "한국어 가"},
		{"Crème Brûlée ÆØÅ", "creme brulee æøa"},
		{"a\x00b\x7fc", "abc"},
		{"bad \xff utf8", "bad \ufffd utf8"},
		{"trailing ", "trailing"},
		{" leading", "leading"},
		{"A", "a"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Fold(norm.NFD.String(tt.in)); got != tt.want {
			t.Errorf("Fold(NFD(%q)) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// vietnameseLetters returns every Vietnamese letter with a diacritic, precomposed, in lower
// and upper case, mapped to the ASCII letter it folds to.
func vietnameseLetters() map[string]string {
	bases := map[string]string{
		"a": "a", "ă": "a", "â": "a", "e": "e", "ê": "e", "i": "i", "o": "o", "ô": "o",
		"ơ": "o", "u": "u", "ư": "u", "y": "y",
	}
	tones := []string{"", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"}
	out := map[string]string{"đ": "d", "Đ": "d"}
	for base, bare := range bases {
		for _, tone := range tones {
			lower := norm.NFC.String(base + tone)
			out[lower] = bare
			out[strings.ToUpper(lower)] = bare
		}
	}
	return out
}

func TestFoldVietnameseLetters(t *testing.T) {
	letters := vietnameseLetters()
	if got, want := len(letters), 12*6*2+2; got != want {
		t.Fatalf("len(letters) = %d, want %d", got, want)
	}
	for letter, want := range letters {
		if n := len([]rune(letter)); n != 1 {
			t.Errorf("%q has %d runes, want 1 (precomposed)", letter, n)
		}
		if got := Fold(letter); got != want {
			t.Errorf("Fold(%q) = %q, want %q", letter, got, want)
		}
		if got := Fold(norm.NFD.String(letter)); got != want {
			t.Errorf("Fold(NFD(%q)) = %q, want %q", letter, got, want)
		}
	}
}

// TestFoldTables checks that the fast path agrees with the definition on every rune the
// tables cover, alone and between letters.
func TestFoldTables(t *testing.T) {
	check := func(lo, hi rune) {
		for r := lo; r < hi; r++ {
			for _, s := range []string{string(r), "A" + string(r) + "b", string(r) + " x"} {
				if got, want := Fold(s), foldSlow(s); got != want {
					t.Errorf("Fold(%q) = %q, want %q", s, got, want)
				}
			}
		}
	}
	check(0, latinEnd)
	check(vietStart, vietEnd)
}

func TestFoldNoAllocWhenFolded(t *testing.T) {
	for _, s := range []string{"ke hoach thang 4", "chuong trinh cong tac ", ""} {
		if n := testing.AllocsPerRun(100, func() { Fold(s) }); n != 0 {
			t.Errorf("Fold(%q) allocates %v times, want 0", s, n)
		}
	}
}

func TestContains(t *testing.T) {
	tests := []struct {
		haystack, query string
		want            bool
	}{
		{"xay dung ke hoach", "ke hoa", true},
		{"xay dung ke hoach", "ke hoach", true},
		{"xay dung ke hoach", "xay", true},
		{"xay dung ke hoach", "hoach", true},
		{"khoach", "hoach", false},
		{"ban an", "an", true},
		{"ban", "an", false},
		{"ban anh", "an", true},
		{"anything", "", true},
		{"", "a", false},
		{"dung ke", "dung ke hoach", false},
	}
	for _, tt := range tests {
		if got := Contains(tt.haystack, tt.query); got != tt.want {
			t.Errorf("Contains(%q, %q) = %v, want %v", tt.haystack, tt.query, got, tt.want)
		}
	}
	if !Contains(Fold("Kế hoạch phát triển"), Fold("KE HOACH PHAT")) {
		t.Errorf("Contains(Fold(...), Fold(...)) = false, want true")
	}
}

// checkFolded fails unless s has the properties every Fold result has.
func checkFolded(t *testing.T, in, s string) {
	t.Helper()
	if !norm.NFC.IsNormalString(s) {
		t.Errorf("Fold(%q) = %q, not NFC", in, s)
	}
	if s != strings.TrimSpace(s) || strings.Contains(s, "  ") {
		t.Errorf("Fold(%q) = %q, has outer or double spaces", in, s)
	}
	for _, r := range s {
		if r != unicode.ToLower(r) || isDiacritic(r) {
			t.Errorf("Fold(%q) = %q, has %U", in, s, r)
		}
		if unicode.IsSpace(r) && r != ' ' {
			t.Errorf("Fold(%q) = %q, has space %U", in, s, r)
		}
	}
}

func TestFoldProperties(t *testing.T) {
	for _, s := range []string{"Ǆ ǅ ǆ", "K Å Ω", "İstanbul", "ᾼ ῼ", "ẞ", "\u0301a", "Ⱥ Ⱦ"} {
		got := Fold(s)
		checkFolded(t, s, got)
		if again := Fold(got); again != got {
			t.Errorf("Fold(Fold(%q)) = %q, want %q", s, again, got)
		}
	}
}
