package importer

import (
	"os"
	"strings"
	"testing"

	"congtac/vn"
)

func TestCleanConvertsLegacyTextAndRepairs(t *testing.T) {
	para := func(text string) Block { return Block{Kind: KindParagraph, Text: text, Part: PartBody} }
	tests := []struct {
		name   string
		src    Source
		tones  vn.ToneStyle
		want   []string
		legacy Legacy
	}{
		{"TCVN3 read as single bytes", Source{Blocks: []Block{para("Ch\u00ad\u00acng tr\u00d7nh c\u00abng t\u00b8c"),
			para("UBND huy\u00d6n L\u00f4c Ng\u00b9n")}},
			vn.ToneKeep, []string{"Chương trình công tác", "UBND huyện Lục Ngạn"}, LegacyTCVN3},
		{"VNI read as single bytes", Source{Blocks: []Block{para("Uûy ban nhaân daân huyeän"), para("Vieät Nam")}},
			vn.ToneKeep, []string{"Ủy ban nhân dân huyện", "Việt Nam"}, LegacyVNI},
		{"a VNI paragraph in a Unicode document", Source{Blocks: []Block{para("Chương trình công tác tháng 4"),
			para("Phoøng Taøi chính chuû trì")}},
			vn.ToneKeep, []string{"Chương trình công tác tháng 4", "Phòng Tài chính chủ trì"}, LegacyNone},
		{"damaged PDF text", Source{Blocks: []Block{para("CHƢƠNG TRÌNH"), para("Trung tâm Văn hóa\u00a0- Thể thao")}},
			vn.ToneKeep, []string{"CHƯƠNG TRÌNH", "Trung tâm Văn hóa - Thể thao"}, LegacyNone},
		{"tones placed the new way", Source{Blocks: []Block{para("Uỷ ban nhân dân; hoá đơn; thuỷ lợi")}},
			vn.ToneNew, []string{"Ủy ban nhân dân; hóa đơn; thủy lợi"}, LegacyNone},
		{"tones placed the old way", Source{Blocks: []Block{para("Ủy ban nhân dân; hóa đơn")}},
			vn.ToneOld, []string{"Uỷ ban nhân dân; hoá đơn"}, LegacyNone},
		{"a table's cells and a label", Source{Blocks: []Block{
			{Kind: KindParagraph, Number: "1.", Text: "Ph\u00dfng T\u00b5i ch\u00ddnh", Part: PartBody},
			{Kind: KindTable, Part: PartBody, Table: &Table{Rows: [][]Cell{{{Text: "Th\u00f8 Hai", Span: 1}, {Text: "H\u00e4p giao ban", Span: 1}}}}}}},
			vn.ToneKeep, []string{"1. Phòng Tài chính", "Thứ Hai | Họp giao ban"}, LegacyTCVN3},
	}
	for _, tt := range tests {
		got, legacy := Clean(tt.src, tt.tones)
		if lines := got.Lines(); strings.Join(lines, "\n") != strings.Join(tt.want, "\n") || legacy != tt.legacy {
			t.Errorf("%s: %q, %q; want %q, %q", tt.name, lines, legacy, tt.want, tt.legacy)
		}
	}
}

// TestCleanRepairsTheSeed reads the seed as its PDF's text extraction gave it: the "ƣ"
// of every "ư" is repaired, nothing is taken for a legacy encoding, and the text is NFC.
func TestCleanRepairsTheSeed(t *testing.T) {
	data, err := os.ReadFile("../vn/testdata/seed-luc-ngan-2023-04.txt")
	if err != nil {
		t.Fatal(err)
	}
	src, enc := ReadText(data)
	if enc != EncodingUTF8 || len(src.Blocks) < 250 {
		t.Fatalf("seed read as %s, %d lines", enc, len(src.Blocks))
	}
	got, legacy := Clean(src, vn.ToneKeep)
	text := strings.Join(got.Lines(), "\n")
	if legacy != LegacyNone || strings.ContainsAny(text, "ƣƢ") || text != vn.NFC(text) ||
		!strings.Contains(text, "CHƯƠNG TRÌNH") || !strings.Contains(text, "Phòng Tài chính - KH") {
		t.Errorf("seed cleaned as %q:\n%.600s", legacy, text)
	}
	if len(got.Lines()) != len(src.Lines()) {
		t.Errorf("%d lines cleaned, %d read: a line's number must stay its number in the file", len(got.Lines()), len(src.Lines()))
	}
}

func TestReadTextKeepsLineNumbers(t *testing.T) {
	src, _ := ReadText([]byte("A. NHIỆM VỤ\r\n\r\n1. Về phát triển kinh tế\r\n"))
	if got := src.Lines(); strings.Join(got, "|") != "A. NHIỆM VỤ||1. Về phát triển kinh tế" {
		t.Errorf("lines %q", got)
	}
	if src, _ := ReadText(nil); len(src.Blocks) != 0 {
		t.Errorf("empty text gave %d blocks", len(src.Blocks))
	}
}

func FuzzClean(f *testing.F) {
	f.Add([]byte("Ch\xad\xacng tr\xd7nh"), 1)
	f.Add([]byte("Uûy ban nhaân daân"), 2)
	f.Add([]byte("CHƢƠNG TRÌNH công tác tháng 4"), 0)
	f.Fuzz(func(t *testing.T, data []byte, style int) {
		src, _ := ReadText(data)
		got, _ := Clean(src, vn.ToneStyle(style%3))
		for _, line := range got.Lines() {
			if line != vn.NFC(line) {
				t.Errorf("%q: line %q is not NFC", data, line)
			}
		}
		if len(got.Blocks) != len(src.Blocks) {
			t.Errorf("%q: %d blocks cleaned from %d", data, len(got.Blocks), len(src.Blocks))
		}
	})
}

func TestFixNgh(t *testing.T) {
	for in, want := range map[string]string{
		"Phòng Nông ngiệp và PTNT": "Phòng Nông nghiệp và PTNT",
		"NGIỆP VỤ, Ngề nghiệp":     "NGHIỆP VỤ, Nghề nghiệp",
		"ngày, ngoài, người, nghe": "ngày, ngoài, người, nghe",
		"Đặng Ngọc, Hồng Ngiên":    "Đặng Ngọc, Hồng Nghiên",
	} {
		if got := fixNgh(in); got != want {
			t.Errorf("fixNgh(%q) = %q, want %q", in, got, want)
		}
	}
}
