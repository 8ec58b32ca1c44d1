package vn

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"congtac"
)

// fuzzSeeds are phrases of every kind the parsers meet, plus awkward text.
var fuzzSeeds = []string{
	"chậm nhất trong tháng 5/2023", "xong trong tháng 4/2023", "trong Quý II", "Quý II/2023",
	"6 tháng đầu năm", "trước ngày 15/11", "từng tháng", "hằng tuần", "trong dịp nghỉ hè",
	"chiều thứ Năm hằng tuần", "thứ Sáu cuối tháng", "ngày 25 hằng tháng", "21/4/2023",
	"2023-04-21", "31/4/2023", "Ngày 21/4/2023 (Thứ Sáu)", "tuần đầu tháng 5", "12/12 ÂL",
	"NHIỆM VỤ TRỌNG TÂM THÁNG 4 VÀ QUÝ II NĂM 2023", "Tuần thứ 07 (từ ngày 09/02/2026 đến ngày 13/02/2026)",
	"7 giờ 30’", "07h30", "2 giờ chiều", "cả ngày", "8 giờ kém 15", "CHƢƠNG TRÌNH",
	"Nguye\u0302\u0303n", "\xff\xfe", "a\u0301\u0323", "ǅ K Ω İ ẞ", "가 ᄀ\u1161", "\u00a0\u200b\u00ad",
	"999999999/99/9999", "tuần thứ 0 tháng 0", "quý 0", "ngày 0 hằng tháng", "0 giờ kém 0",
}

func addSeeds(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
}

func FuzzFold(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Fold(%q) = %q, not valid UTF-8", s, got)
		}
		checkFolded(t, s, got)
		if again := Fold(got); again != got {
			t.Errorf("Fold(Fold(%q)) = %q, want %q", s, again, got)
		}
		if slow := foldSlow(s); slow != got {
			t.Errorf("Fold(%q) = %q, definition gives %q", s, got, slow)
		}
		valid := validUTF8(s)
		if nfd := Fold(norm.NFD.String(valid)); nfd != got {
			t.Errorf("Fold(NFD(%q)) = %q, want %q", s, nfd, got)
		}
		if nfc := Fold(norm.NFC.String(valid)); nfc != got {
			t.Errorf("Fold(NFC(%q)) = %q, want %q", s, nfc, got)
		}
		if !Contains(got, Fold(firstWord(s))) {
			t.Errorf("Contains(%q, Fold(first word of %q)) = false", got, s)
		}
	})
}

// firstWord returns the text up to the first white space.
func firstWord(s string) string {
	if f := strings.Fields(validUTF8(s)); len(f) > 0 {
		return f[0]
	}
	return ""
}

func FuzzNFC(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		got := NFC(s)
		if !utf8.ValidString(got) || !norm.NFC.IsNormalString(got) {
			t.Fatalf("NFC(%q) = %q, not valid NFC", s, got)
		}
		if again := NFC(got); again != got {
			t.Errorf("NFC(NFC(%q)) = %q, want %q", s, again, got)
		}
		if utf8.ValidString(s) && got != norm.NFC.String(s) {
			t.Errorf("NFC(%q) = %q, want %q", s, got, norm.NFC.String(s))
		}
	})
}

func FuzzRepair(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		got := Repair(s)
		if !utf8.ValidString(got) || !norm.NFC.IsNormalString(got) {
			t.Fatalf("Repair(%q) = %q, not valid NFC", s, got)
		}
		if strings.ContainsAny(got, "ƣƢ\u00a0\u00ad\u200b\ufeff’") {
			t.Errorf("Repair(%q) = %q, still damaged", s, got)
		}
		if again := Repair(got); again != got {
			t.Errorf("Repair(Repair(%q)) = %q, want %q", s, again, got)
		}
	})
}

// checkError fails unless err is nil or an EINVALID *congtac.Error with a message.
func checkError(t *testing.T, what string, err error) {
	t.Helper()
	var e *congtac.Error
	if err != nil && (!errors.As(err, &e) || e.Code != congtac.EINVALID || e.Message == "") {
		t.Errorf("%s error = %#v, want an EINVALID *congtac.Error", what, err)
	}
}

func FuzzParseDue(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range []congtac.Date{ref, {}, congtac.MustDate(9999, 12, 31)} {
			got, err := ParseDue(s, r)
			checkError(t, "ParseDue", err)
			if err != nil {
				if got != (Deadline{}) {
					t.Errorf("ParseDue(%q) = %+v with an error", s, got)
				}
				continue
			}
			if err := got.Due.Validate(); err != nil {
				t.Errorf("ParseDue(%q).Due = %+v: %v", s, got.Due, err)
			}
			if got.Recurrence != nil && got.Recurrence.Validate() != nil {
				t.Errorf("ParseDue(%q).Recurrence = %+v: %v", s, got.Recurrence, got.Recurrence.Validate())
			}
			if text := got.Due.Text; !utf8.ValidString(text) || !norm.NFC.IsNormalString(text) {
				t.Errorf("ParseDue(%q).Due.Text = %q, not valid NFC", s, text)
			}
		}
	})
}

func FuzzParsePeriod(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		got, also, err := ParsePeriod(s)
		checkError(t, "ParsePeriod", err)
		if err != nil {
			return
		}
		for _, p := range append([]congtac.Period{got}, also...) {
			if err := p.Validate(); err != nil {
				t.Errorf("ParsePeriod(%q) gives %+v: %v", s, p, err)
			}
		}
	})
}

func FuzzParseClock(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		got, part, err := ParseClock(s)
		checkError(t, "ParseClock", err)
		switch {
		case err != nil && got != congtac.NoTime:
			t.Errorf("ParseClock(%q) = %d with an error", s, got)
		case !got.Valid():
			t.Errorf("ParseClock(%q) = %d, not a valid time", s, got)
		case got != congtac.NoTime && part != got.Part():
			t.Errorf("ParseClock(%q) = %d %q, want part %q", s, got, part, got.Part())
		}
	})
}

func FuzzDecodeTCVN3(f *testing.F) {
	addSeeds(f)
	f.Add("Ch\u00ad\u00acng tr\u00d7nh c\u00abng t\u00b8c")
	f.Add("CH\u00a6\u00a5NG TR\u00d7NH\na\u00b3\u00b4")
	f.Fuzz(func(t *testing.T, s string) {
		IsTCVN3(s)
		got := DecodeTCVN3(s)
		if !utf8.ValidString(got) || !norm.NFC.IsNormalString(got) {
			t.Fatalf("DecodeTCVN3(%q) = %q, not valid NFC", s, got)
		}
		if strings.ContainsFunc(got, func(r rune) bool { return r >= 0xA1 && r <= 0xBF || r == 0xD7 }) {
			t.Errorf("DecodeTCVN3(%q) = %q, keeps a TCVN3 code", s, got)
		}
	})
}
