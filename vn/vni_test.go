package vn

import (
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// vniPhrases are phrases of the seed program and other official text, converted by hand
// into VNI-Windows as a Latin-1 reading shows it.
var vniPhrases = []struct{ vni, want string }{
	{"UÛY BAN NHAÂN DAÂN", "ỦY BAN NHÂN DÂN"},
	{"Uûy ban nhaân daân", "Ủy ban nhân dân"}, // a capital base, small marks
	{"HUYEÄN LUÏC NGAÏN", "HUYỆN LỤC NGẠN"},
	{"COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
	{"Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"},
	{"Luïc Ngaïn, ngaøy 05 thaùng 4 naêm 2023", "Lục Ngạn, ngày 05 tháng 4 năm 2023"},
	{"CHÖÔNG TRÌNH", "CHƯƠNG TRÌNH"},
	{"Coâng taùc cuûa UBND huyeän thaùng 4 naêm 2023", "Công tác của UBND huyện tháng 4 năm 2023"},
	{"A. NHIEÄM VUÏ TROÏNG TAÂM THAÙNG 4 VAØ QUYÙ II NAÊM 2023",
		"A. NHIỆM VỤ TRỌNG TÂM THÁNG 4 VÀ QUÝ II NĂM 2023"},
	{"1. Veà phaùt trieån kinh teá", "1. Về phát triển kinh tế"},
	{"Chæ ñaïo taäp trung cao nhaát höôùng daãn Nhaân daân chaêm soùc vaûi thieàu, caây coù muùi " +
		"vaø caùc loaïi caây aên quaû trong thôøi kyø ra hoa, phaùt trieån quaû.",
		"Chỉ đạo tập trung cao nhất hướng dẫn Nhân dân chăm sóc vải thiều, cây có múi " +
			"và các loại cây ăn quả trong thời kỳ ra hoa, phát triển quả."},
	{"taêng cöôøng kieåm tra, quyeát lieät xöû lyù vi phaïm veà quaûn lyù, baûo veä röøng",
		"tăng cường kiểm tra, quyết liệt xử lý vi phạm về quản lý, bảo vệ rừng"},
	{"Tieáp tuïc ñaåy maïnh khuyeán khích thaønh laäp caùc doanh nghieäp, hôïp taùc xaõ",
		"Tiếp tục đẩy mạnh khuyến khích thành lập các doanh nghiệp, hợp tác xã"},
	{"saün saøng theâm caùc phöông aùn, kòch baûn", "sẵn sàng thêm các phương án, kịch bản"},
	{"Naém baét, döï baùo saùt tình hình", "Nắm bắt, dự báo sát tình hình"},
	{"ñaëc bieät, hoaëc chaët cheõ, baèng, khaéc phuïc, gaëp, haún", "đặc biệt, hoặc chặt chẽ, bằng, khắc phục, gặp, hẳn"},
	{"ÑAËC BIEÄT, BAÈNG, KHAÉC, SAÜN, HAÚN, ÑAÊNG", "ĐẶC BIỆT, BẰNG, KHẮC, SẴN, HẲN, ĐĂNG"},
	{"chöông trình 01 tyû caây xanh; quyõ; kyø; yù kieán; Myõ; Thuî Só", "chương trình 01 tỷ cây xanh; quỹ; kỳ; ý kiến; Mỹ; Thuỵ Sĩ"},
	{"MYÕ, THUÎ SÓ, YÙ KIEÁN, KYØ HOÏP, TYÛ LEÄ", "MỸ, THUỴ SĨ, Ý KIẾN, KỲ HỌP, TỶ LỆ"},
	{"CÔ QUAN, Sôû, Ôn, ÔÛ, ÖU TIEÂN, Öùng", "CƠ QUAN, Sở, Ơn, Ở, ƯU TIÊN, Ứng"},
	{"TRÖÔØNG, THÖÔØNG XUYEÂN, ÑÖÔÏC, NGÖÔØI", "TRƯỜNG, THƯỜNG XUYÊN, ĐƯỢC, NGƯỜI"},
	{"Thöôøng tröïc HÑND, ÑBKK, BCÑ; Ñ/c Vöông Maïnh Chung", "Thường trực HĐND, ĐBKK, BCĐ; Đ/c Vương Mạnh Chung"},
	// Tones stay where the text put them: old style in, old style out.
	{"Uyû ban nhaân daân tænh Hoaø Bình; thuyû lôïi; hoaù hoïc; khoeû", "Uỷ ban nhân dân tỉnh Hoà Bình; thuỷ lợi; hoá học; khoẻ"},
	{"Vieät Nam", "Việt Nam"},
}

// vniOddities are VNI texts that are short, odd or damaged.
var vniOddities = []struct{ vni, want string }{
	{"Soá:           /CTr-UBND", "Số:           /CTr-UBND"},
	{"chæ thò, CHÆ THÒ, nghóa, NGHÓA, Ì, Í", "chỉ thị, CHỈ THỊ, nghĩa, NGHĨA, Ì, Í"},
	{"VIEäT", "VIỆT"}, // a small mark on a capital, a capital mark on a small letter
	{"vieÄt", "việt"},
	// What Latin-1 makes of Windows-1252 quotes and dashes.
	{"\u0093Coâng vaên\u0094 \u0096 \u0085", "“Công văn” – …"},
	{"\u0081", "\u0081"}, // a byte Windows-1252 leaves undefined
	// Latin-1 decomposed by some tool: ä as a + U+0308.
	{"Viea\u0308t Nam", "Việt Nam"},
	// Marks with no vowel to take them stay as they are.
	{"5 ø", "5 ø"},
	{"aøø", "àø"},
	{"ñø", "đø"},
	{"eê", "eê"},  // a breve goes on a only
	{"uâ", "uâ"},  // a circumflex on a, e, o only
	{"ìù", "ìù"},  // ì already has its tone
	{"aùâ", "ấ"},  // a tone, then the circumflex
	{"aâê", "âê"}, // one quality a letter
	{"plain ASCII, 12/4", "plain ASCII, 12/4"},
	{"Tiếng Việt", "Tiếng Việt"}, // beyond Latin-1: passes through
	{"bad \xff", "bad \uFFFD"},
	{"", ""},
}

func TestDecodeVNI(t *testing.T) {
	for _, tt := range append(vniPhrases[:len(vniPhrases):len(vniPhrases)], vniOddities...) {
		if got := DecodeVNI(tt.vni); got != tt.want {
			t.Errorf("DecodeVNI(%q) = %q, want %q", tt.vni, got, tt.want)
		}
	}
}

// vniChart is the VNI-Windows spelling of every Vietnamese letter with a diacritic, in
// small letters: each row is a vowel with no tone, huyền, sắc, hỏi, ngã and nặng.
var vniChart = []struct{ letters, codes string }{
	{"aàáảãạ", "a aø aù aû aõ aï"},
	{"ăằắẳẵặ", "aê aè aé aú aü aë"},
	{"âầấẩẫậ", "aâ aà aá aå aã aä"},
	{"eèéẻẽẹ", "e eø eù eû eõ eï"},
	{"êềếểễệ", "eâ eà eá eå eã eä"},
	{"iìíỉĩị", "i ì í æ ó ò"},
	{"oòóỏõọ", "o oø où oû oõ oï"},
	{"ôồốổỗộ", "oâ oà oá oå oã oä"},
	{"ơờớởỡợ", "ô ôø ôù ôû ôõ ôï"},
	{"uùúủũụ", "u uø uù uû uõ uï"},
	{"ưừứửữự", "ö öø öù öû öõ öï"},
	{"yỳýỷỹỵ", "y yø yù yû yõ î"},
	{"đ", "ñ"},
}

// vniEncoding returns the VNI spelling of each Vietnamese letter, small and capital,
// from vniChart.
func vniEncoding(t testing.TB) map[rune]string {
	t.Helper()
	enc := make(map[rune]string)
	for _, row := range vniChart {
		codes := strings.Fields(row.codes)
		letters := []rune(row.letters)
		if len(codes) != len(letters) {
			t.Fatalf("vniChart row %q: %d codes", row.letters, len(codes))
		}
		for i, r := range letters {
			enc[r] = codes[i]
			enc[unicode.ToUpper(r)] = strings.ToUpper(codes[i])
		}
	}
	return enc
}

// encodeVNI spells s in VNI, and reports whether it could: s may hold ASCII and
// Vietnamese letters only.
func encodeVNI(enc map[rune]string, s string) (string, bool) {
	var b strings.Builder
	for _, r := range s {
		switch code, ok := enc[r]; {
		case ok:
			b.WriteString(code)
		case r < utf8.RuneSelf:
			b.WriteRune(r)
		default:
			return "", false
		}
	}
	return b.String(), true
}

func TestDecodeVNIEveryLetter(t *testing.T) {
	enc := vniEncoding(t)
	if len(enc) != 146 { // 134 letters with diacritics, and a e i o u y
		t.Errorf("the chart has %d letters, want 146", len(enc))
	}
	for r, code := range enc {
		want := string(r)
		if got := DecodeVNI(code); got != want {
			t.Errorf("DecodeVNI(%q) = %q, want %q", code, got, want)
		}
		// Capital base, small marks, as typed with Shift on the first key only.
		if r != unicode.ToUpper(r) {
			continue
		}
		small := enc[unicode.ToLower(r)]
		first, size := utf8.DecodeRuneInString(small)
		mixed := string(unicode.ToUpper(first)) + small[size:]
		if got := DecodeVNI(mixed); got != want {
			t.Errorf("DecodeVNI(%q) = %q, want %q", mixed, got, want)
		}
		// In a word, before and after other letters.
		word := "Ng" + code + "n"
		if got := DecodeVNI(word); got != "Ng"+want+"n" {
			t.Errorf("DecodeVNI(%q) = %q, want %q", word, got, "Ng"+want+"n")
		}
	}
}

func TestDecodeVNIAgreesWithTheChart(t *testing.T) {
	enc := vniEncoding(t)
	for _, tt := range vniPhrases {
		if got, ok := encodeVNI(enc, tt.want); ok && !strings.EqualFold(got, tt.vni) {
			t.Errorf("the chart spells %q as %q, the phrase table as %q", tt.want, got, tt.vni)
		}
	}
}

func TestDecodeVNIRoundTripsTheSeed(t *testing.T) {
	seed := readSeed(t)
	enc := vniEncoding(t)
	var b strings.Builder
	for _, r := range seed {
		if code, ok := enc[r]; ok {
			b.WriteString(code)
		} else {
			b.WriteRune(r)
		}
	}
	vni := b.String()
	if !IsVNI(vni) {
		t.Error("IsVNI(seed in VNI) = false")
	}
	if got := DecodeVNI(vni); got != seed {
		t.Errorf("DecodeVNI(seed in VNI) differs from the seed:\n%s", firstDifference(got, seed))
	}
}

// readSeed returns the seed program, repaired, with only its ASCII, Vietnamese letters
// and non-letters: the characters a VNI file could hold.
func readSeed(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile("testdata/seed-luc-ngan-2023-04.txt") // ../shared/seeds/, as extracted from its PDF
	if err != nil {
		t.Fatal(err)
	}
	return Repair(string(data))
}

func firstDifference(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	lo := max(0, i-40)
	return "got  …" + got[lo:min(len(got), i+40)] + "…\nwant …" + want[lo:min(len(want), i+40)] + "…"
}

func TestIsVNI(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Vieät Nam", true},
		{"Viea\u0308t Nam", true}, // decomposed by some tool
		{"Uûy ban nhaân daân", true},
		{"CHÖÔNG TRÌNH", true},
		{"Ñoäc laäp - Töï do - Haïnh phuùc", true},
		{"Thöôøng tröïc HÑND huyeän", true},
		{"Soá 05/CTr-UBND ngaøy 05 thaùng 4 naêm 2023", true},
		{"Ba\u0096 Coâng taùc\u0085 \u201cquaûn lyù\u201d", true}, // with Windows-1252 punctuation
		{"Veà vieäc Œ hoïp", true},                                // a Windows-1252 letter is one word against

		// Unicode Vietnamese, also when all its letters happen to be Latin-1.
		{"Chương trình công tác", false},
		{"Việt Nam", false},
		{"Tô Hà", false},
		{"Tôi có cô", false},
		{"Hoà Bình có cô", false},
		{"Hoàng Anh", false},
		{"Công tác của UBND", false},
		{"lí", false},

		// English, French, German, Spanish, Portuguese, Italian.
		{"The café served a naïve résumé to Zoë and Chloë.", false},
		{"Où est la bibliothèque ? C'est à côté de l'hôtel, près du marché.", false},
		{"Où vas-tu ?", false},
		{"Le goût du maïs en août, dit Loïc.", false},
		{"L'aéroport de Noël, où l'égoïste coûte cher.", false},
		{"Schöne Grüße aus Köln, Österreich und Übersee; Mädchen für Bär.", false},
		{"El año pasado en España, señor, el pingüino.", false},
		{"Não há informações sobre a ação.", false},
		{"Perché è così? Più città, già però.", false},

		{"plain ASCII", false},
		{"12 ø 5", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := IsVNI(tt.in); got != tt.want {
			t.Errorf("IsVNI(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestIsVNIPhrases(t *testing.T) {
	for _, tt := range vniPhrases {
		if !IsVNI(tt.vni) {
			t.Errorf("IsVNI(%q) = false, want true", tt.vni)
		}
		if IsVNI(tt.want) {
			t.Errorf("IsVNI(%q) = true, want false", tt.want)
		}
	}
}

func TestIsVNINotUnicodeSeed(t *testing.T) {
	seed := readSeed(t)
	if IsVNI(seed) {
		t.Error("IsVNI(seed) = true")
	}
	// Line by line, and each line as NFD.
	for _, line := range strings.Split(seed, "\n") {
		if IsVNI(line) || IsVNI(norm.NFD.String(line)) {
			t.Errorf("IsVNI(%q) = true", line)
		}
	}
	if IsVNI(seed) || IsTCVN3(seed) {
		t.Error("the seed is taken for a legacy encoding")
	}
}

func TestIsVNIAndIsTCVN3Disagree(t *testing.T) {
	for _, s := range []string{
		"Ch\u00ad\u00acng tr\u00d7nh c\u00abng t\u00b8c", // TCVN3
		"Uû ban nh\u00a9n d\u00a9n huyÖn",
		"Th\u00b8ng 4 n\u00a8m 2023",
	} {
		if IsVNI(s) {
			t.Errorf("IsVNI(%q) = true for TCVN3 text", s)
		}
	}
}

func FuzzDecodeVNI(f *testing.F) {
	addSeeds(f)
	for _, tt := range append(vniPhrases[:len(vniPhrases):len(vniPhrases)], vniOddities...) {
		f.Add(tt.vni)
		f.Add(tt.want)
	}
	enc := vniEncoding(f)
	f.Fuzz(func(t *testing.T, s string) {
		got := DecodeVNI(s)
		if !utf8.ValidString(got) {
			t.Fatalf("DecodeVNI(%q) = %q, not valid UTF-8", s, got)
		}
		if !norm.NFC.IsNormalString(got) {
			t.Errorf("DecodeVNI(%q) = %q, not NFC", s, got)
		}
		IsVNI(s)
		if isASCII(s) && got != s {
			t.Errorf("DecodeVNI(%q) = %q, want ASCII unchanged", s, got)
		}
		// Any Vietnamese text, spelled in VNI, decodes to itself.
		viet := strings.Map(func(r rune) rune {
			if _, ok := enc[r]; ok || r < utf8.RuneSelf {
				return r
			}
			return -1
		}, NFC(s))
		if vni, ok := encodeVNI(enc, viet); ok {
			if back := DecodeVNI(vni); back != viet {
				t.Errorf("DecodeVNI(%q) = %q, want %q", vni, back, viet)
			}
		}
	})
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
