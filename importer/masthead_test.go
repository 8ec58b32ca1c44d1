package importer

import (
	"os"
	"strings"
	"testing"

	"congtac"
	"congtac/vn"
)

// mastheadOf reads the masthead of text, cleaned.
func mastheadOf(t *testing.T, text string) Masthead {
	t.Helper()
	src, _ := ReadText([]byte(text))
	src, _ = Clean(src, vn.ToneKeep)
	return ReadMasthead(src.Rows())
}

func TestReadMastheadOfTheSeed(t *testing.T) {
	data, err := os.ReadFile("../vn/testdata/seed-luc-ngan-2023-04.txt")
	if err != nil {
		t.Fatal(err)
	}
	m := mastheadOf(t, string(data))
	if m.Issuer.Text != "ỦY BAN NHÂN DÂN HUYỆN LỤC NGẠN" || m.Parent.Line != -1 || m.Number != 0 ||
		m.Symbol.Text != "CTr-UBND" || m.Place.Text != "Lục Ngạn" || !m.Date.IsZero() || m.Year != 2023 ||
		m.Type.Text != "CHƯƠNG TRÌNH" {
		t.Errorf("seed masthead: %+v", m)
	}
	// The summary lost letters in the PDF ("Côn  t c củ  UBND hu  n th n  4"): read, but
	// its period is a problem until those letters are restored.
	if !strings.HasPrefix(m.Summary.Text, "Côn t c củ UBND") || len(m.Problems) != 1 || m.Problems[0].Line != m.Summary.Line {
		t.Errorf("seed summary %q, problems %+v", m.Summary.Text, m.Problems)
	}
}

func TestReadMastheadInManyStyles(t *testing.T) {
	tests := []struct {
		name, text          string
		parent, issuer, sym string
		number              int
		place               string
		date                congtac.Date
		docType, summary    string
		period              congtac.Period
		problems            int
	}{
		{"an issued commune program", `UBND HUYỆN LỤC NGẠN
ỦY BAN NHÂN DÂN
XÃ QUÝ SƠN
Số: 05/CTr-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quý Sơn, ngày 28 tháng 3 năm 2023
CHƯƠNG TRÌNH
Công tác tháng 4 năm 2023 của UBND xã
I. NHIỆM VỤ TRỌNG TÂM
`, "UBND HUYỆN LỤC NGẠN", "ỦY BAN NHÂN DÂN XÃ QUÝ SƠN", "CTr-UBND", 5, "Quý Sơn", congtac.MustDate(2023, 3, 28),
			"CHƯƠNG TRÌNH", "Công tác tháng 4 năm 2023 của UBND xã", congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: 4}, 0},
		{"a province department, motto first (a PDF read across)", `DỰ THẢO
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
UBND TỈNH BẮC GIANG
SỞ TÀI CHÍNH
Độc lập - Tự do - Hạnh phúc
Số: 112/KH-STC
Bắc Giang, ngày 02 tháng 01 năm 2026
KẾ HOẠCH
Công tác Quý I năm 2026
1. Mục đích
`, "UBND TỈNH BẮC GIANG", "SỞ TÀI CHÍNH", "KH-STC", 112, "Bắc Giang", congtac.MustDate(2026, 1, 2),
			"KẾ HOẠCH", "Công tác Quý I năm 2026", congtac.Period{Kind: congtac.PeriodQuarter, Year: 2026, Number: 1}, 0},
		{"a date that does not exist", `ỦY BAN NHÂN DÂN
TỈNH BẮC NINH
Số: 7/CTr-UBND
Bắc Ninh, ngày 30 tháng 02 năm 2026
CHƯƠNG TRÌNH CÔNG TÁC NĂM 2026
`, "", "ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "CTr-UBND", 7, "Bắc Ninh", congtac.Date{},
			"CHƯƠNG TRÌNH", "CÔNG TÁC NĂM 2026", congtac.Period{Kind: congtac.PeriodYear, Year: 2026}, 1},
		{"no masthead at all", "Họp giao ban chiều thứ Năm hằng tuần\n", "", "", "", 0, "", congtac.Date{}, "", "", congtac.Period{}, 3},
	}
	for _, tt := range tests {
		m := mastheadOf(t, tt.text)
		if m.Parent.Text != tt.parent || m.Issuer.Text != tt.issuer || m.Symbol.Text != tt.sym || m.Number != tt.number ||
			m.Place.Text != tt.place || m.Date != tt.date || m.Type.Text != tt.docType || m.Summary.Text != tt.summary ||
			m.Period != tt.period || len(m.Problems) != tt.problems {
			t.Errorf("%s: %+v", tt.name, m)
		}
	}
}

// TestReadMastheadFromATable reads a masthead laid out as Word lays it: a table of two
// cells, the left one holding the bodies and the number, the right one the motto and date.
func TestReadMastheadFromATable(t *testing.T) {
	src := Source{Blocks: []Block{
		{Kind: KindTable, Part: PartBody, Table: &Table{Rows: [][]Cell{
			{{Text: "ỦY BAN NHÂN DÂN\nHUYỆN LỤC NGẠN", Span: 1}, {Text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", Span: 1}},
			{{Text: "Số: 45/CTr-UBND", Span: 1}, {Text: "Lục Ngạn, ngày 05 tháng 4 năm 2023", Span: 1}},
		}}},
		{Kind: KindParagraph, Part: PartBody, Center: true, Bold: true, Text: "CHƯƠNG TRÌNH"},
		{Kind: KindParagraph, Part: PartBody, Center: true, Bold: true, Text: "Công tác của UBND huyện tháng 4 năm 2023"},
	}}
	m := ReadMasthead(src.Rows())
	if m.Issuer.Text != "ỦY BAN NHÂN DÂN HUYỆN LỤC NGẠN" || m.Number != 45 || m.Date != congtac.MustDate(2023, 4, 5) ||
		m.Period != (congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: 4}) || len(m.Problems) != 0 {
		t.Errorf("masthead from a table: %+v", m)
	}
}

func FuzzReadMasthead(f *testing.F) {
	f.Add("ỦY BAN NHÂN DÂN\nHUYỆN LỤC NGẠN\nSố: 45/CTr-UBND\nLục Ngạn, ngày 05 tháng 4 năm 2023\nCHƯƠNG TRÌNH\nCông tác tháng 4 năm 2023\n")
	f.Add("Số: /\n, ngày  tháng  năm 0000\nKẾ HOẠCH\n1. x\n")
	f.Fuzz(func(t *testing.T, text string) {
		src, _ := ReadText([]byte(text))
		src, _ = Clean(src, vn.ToneKeep)
		rows := src.Rows()
		m := ReadMasthead(rows)
		for _, f := range []Field{m.Parent, m.Issuer, m.Symbol, m.Place, m.Type, m.Summary} {
			if f.Line < -1 || f.Line >= len(rows) || (f.Line == -1) != (f.Text == "") {
				t.Errorf("%q: field %+v outside the %d rows", text, f, len(rows))
			}
		}
		for _, p := range m.Problems {
			if p.Line < -1 || p.Line >= len(rows) || p.Message == "" {
				t.Errorf("%q: problem %+v", text, p)
			}
		}
	})
}
