package vn

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// tonePairs are words and phrases in the old style and the new.
var tonePairs = []struct{ old, new string }{
	// oa, with each tone
	{"hoà", "hòa"}, {"hoá", "hóa"}, {"hoả", "hỏa"}, {"hoã", "hõa"}, {"hoạ", "họa"},
	{"Hoà Bình", "Hòa Bình"}, {"Thanh Hoá", "Thanh Hóa"}, {"CỘNG HOÀ", "CỘNG HÒA"},
	{"hoá học", "hóa học"}, {"đa dạng hoá", "đa dạng hóa"}, {"thoả thuận", "thỏa thuận"},
	{"toả sáng", "tỏa sáng"}, {"goá", "góa"}, {"đoá hoa", "đóa hoa"}, {"Đoá", "Đóa"},
	{"khoá", "khóa"}, {"nhoà", "nhòa"}, {"hoạ sĩ", "họa sĩ"}, {"oà khóc", "òa khóc"},
	{"OÀ", "ÒA"}, {"Oà", "Òa"},
	// oe
	{"khoẻ", "khỏe"}, {"hoè", "hòe"}, {"xoè", "xòe"}, {"loé", "lóe"}, {"chích choè", "chích chòe"},
	{"KHOẺ MẠNH", "KHỎE MẠNH"}, {"oẹ", "ọe"},
	// uy
	{"thuỷ lợi", "thủy lợi"}, {"Uỷ ban", "Ủy ban"}, {"UỶ BAN", "ỦY BAN"}, {"uỷ quyền", "ủy quyền"},
	{"tuỳ", "tùy"}, {"luỹ", "lũy"}, {"nguỵ", "ngụy"}, {"Thuỵ Sĩ", "Thụy Sĩ"}, {"huỷ bỏ", "hủy bỏ"},
	{"suý", "súy"}, {"tàu thuỷ", "tàu thủy"}, {"Thuỷ", "Thủy"}, {"THUỶ", "THỦY"},
	{"Uỷ ban nhân dân huyện Lục Ngạn", "Ủy ban nhân dân huyện Lục Ngạn"},
	{"UBND tỉnh Hoà Bình uỷ quyền cho Sở Khoa học; hoá đơn.", "UBND tỉnh Hòa Bình ủy quyền cho Sở Khoa học; hóa đơn."},
	// case kept letter by letter
	{"HoÁ", "HóA"}, {"hOá", "hÓa"}, {"uỶ", "ủY"},
}

// toneSame are texts that both styles write alike.
var toneSame = []string{
	"hoàn thành", "hoạch", "hoạt động", "toàn", "khoáng", "soát", "đoạn", "loại", // final consonant
	"khuyến khích", "Nguyễn", "huỳnh", "huých", "quyết", "xoẹt", // final consonant or uyê
	"quý", "Quý II", "QUÝ", "quỳ", "quỹ", "quỷ", "quỵ", "quả", "qua", // u of qu is in the onset
	"già", "giỏi", "giữa", "gìn giữ", // i of gi is in the onset
	"ngoài", "ngoáy", "khuya", "khuỷu", "ngoẹo", // a third vowel
	"của", "mùa", "thuở", "thuế", "huệ", "xuân", "múa", "mía", // other rhymes
	"hoa", "Uy", "khoe", "thuy", // no tone
	"hóá", "ủỷ", // two tones
	"Zoé", "Chloé", "hoàx", "UỷBan", "fuý", "hoà\u0323", // not one Vietnamese syllable
	"", "plain ASCII", "7 giờ 30’", "5/2023",
}

func TestPlaceTones(t *testing.T) {
	for _, tt := range tonePairs {
		for _, in := range []string{tt.old, tt.new, norm.NFD.String(tt.old), norm.NFD.String(tt.new)} {
			if got := PlaceTones(in, ToneNew); got != tt.new {
				t.Errorf("PlaceTones(%q, ToneNew) = %q, want %q", in, got, tt.new)
			}
			if got := PlaceTones(in, ToneOld); got != tt.old {
				t.Errorf("PlaceTones(%q, ToneOld) = %q, want %q", in, got, tt.old)
			}
			if got := PlaceTones(in, ToneKeep); got != NFC(in) {
				t.Errorf("PlaceTones(%q, ToneKeep) = %q, want it unchanged", in, got)
			}
		}
	}
}

func TestPlaceTonesLeavesOtherSyllables(t *testing.T) {
	for _, s := range toneSame {
		for _, style := range []ToneStyle{ToneKeep, ToneNew, ToneOld, ToneStyle(-1), ToneStyle(9)} {
			if got := PlaceTones(s, style); got != NFC(s) {
				t.Errorf("PlaceTones(%q, %d) = %q, want it unchanged", s, style, got)
			}
		}
	}
}

func TestPlaceTonesKeepsEverythingElse(t *testing.T) {
	in := "  Uỷ ban—(hoá)\n\tkhoẻ,thuỷ «Hoà» 12hoà hoàx\r\n\u00a0tuỳ\xff"
	want := "  Ủy ban—(hóa)\n\tkhỏe,thủy «Hòa» 12hòa hoàx\r\n\u00a0tùy\uFFFD"
	if got := PlaceTones(in, ToneNew); got != want {
		t.Errorf("PlaceTones(%q, ToneNew) = %q, want %q", in, got, want)
	}
	if got := PlaceTones(want, ToneOld); got != NFC(strings.ToValidUTF8(in, "\uFFFD")) {
		t.Errorf("PlaceTones(%q, ToneOld) = %q", want, got)
	}
}

func TestPlaceTonesRoundTripsTheSeed(t *testing.T) {
	seed := readSeed(t) // new style: "hóa", "thủy", "ủy"
	old := PlaceTones(seed, ToneOld)
	if old == seed {
		t.Fatal("PlaceTones(seed, ToneOld) changed nothing")
	}
	for _, w := range []string{"đa dạng hoá", "thuỷ", "Uỷ ban", "uỷ"} {
		if !strings.Contains(strings.ToLower(old), strings.ToLower(w)) {
			t.Errorf("PlaceTones(seed, ToneOld) has no %q", w)
		}
	}
	if got := PlaceTones(seed, ToneNew); got != seed {
		t.Errorf("PlaceTones(seed, ToneNew) changed the seed:\n%s", firstDifference(got, seed))
	}
	if got := PlaceTones(old, ToneNew); got != seed {
		t.Errorf("PlaceTones(old, ToneNew) is not the seed:\n%s", firstDifference(got, seed))
	}
	if len(old) != len(seed) || Fold(old) != Fold(seed) {
		t.Error("moving tones changed the length or the folded text")
	}
}

func TestPlaceTonesDoesNotAllocateWhenNothingMoves(t *testing.T) {
	s := "Chương trình công tác của Ủy ban nhân dân huyện, hóa đơn"
	if n := testing.AllocsPerRun(100, func() { PlaceTones(s, ToneNew) }); n != 0 {
		t.Errorf("PlaceTones allocates %v times, want 0", n)
	}
}

func FuzzPlaceTones(f *testing.F) {
	addSeeds(f)
	for _, tt := range tonePairs {
		f.Add(tt.old)
		f.Add(tt.new)
	}
	for _, s := range toneSame {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		nfc := NFC(s)
		if got := PlaceTones(s, ToneKeep); got != nfc {
			t.Errorf("PlaceTones(%q, ToneKeep) = %q, want %q", s, got, nfc)
		}
		newStyle, oldStyle := PlaceTones(s, ToneNew), PlaceTones(s, ToneOld)
		for _, got := range []string{newStyle, oldStyle} {
			if !utf8.ValidString(got) || !norm.NFC.IsNormalString(got) {
				t.Fatalf("PlaceTones(%q) = %q, not valid NFC", s, got)
			}
			if utf8.RuneCountInString(got) != utf8.RuneCountInString(nfc) || Fold(got) != Fold(nfc) {
				t.Errorf("PlaceTones(%q) = %q changed more than tones", s, got)
			}
		}
		if again := PlaceTones(newStyle, ToneNew); again != newStyle {
			t.Errorf("ToneNew is not idempotent on %q: %q then %q", s, newStyle, again)
		}
		if back := PlaceTones(newStyle, ToneOld); back != oldStyle {
			t.Errorf("PlaceTones(PlaceTones(%q, ToneNew), ToneOld) = %q, want %q", s, back, oldStyle)
		}
		if back := PlaceTones(oldStyle, ToneNew); back != newStyle {
			t.Errorf("PlaceTones(PlaceTones(%q, ToneOld), ToneNew) = %q, want %q", s, back, newStyle)
		}
	})
}
