package importer

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"
	"testing"

	"congtac"
)

// wNS declares the namespaces the fixtures use.
const wNS = ` xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"` +
	` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"` +
	` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"` +
	` xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"` +
	` xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"` +
	` xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"` +
	` xmlns:v="urn:schemas-microsoft-com:vml"`

const wXMLHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// wDocument returns word/document.xml with body.
func wDocument(body string) string {
	return wXMLHead + `<w:document` + wNS + `><w:body>` + body + `</w:body></w:document>`
}

// wPart returns a part whose root element is w:name, holding content.
func wPart(name, content string) string {
	return wXMLHead + `<w:` + name + wNS + `>` + content + `</w:` + name + `>`
}

// wPara returns a paragraph with properties ppr (the content of w:pPr) and content.
func wPara(ppr string, content ...string) string {
	if ppr != "" {
		ppr = `<w:pPr>` + ppr + `</w:pPr>`
	}
	return `<w:p>` + ppr + strings.Join(content, "") + `</w:p>`
}

// wRun returns a run of plain text.
func wRun(text string) string { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }

// wBold returns a run of bold text.
func wBold(text string) string {
	return `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">` + text + `</w:t></w:r>`
}

// wNum returns numbering properties.
func wNum(id, lvl int) string {
	return fmt.Sprintf(`<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>`, lvl, id)
}

// wCell returns a table cell with properties pr (the content of w:tcPr) and paragraphs.
func wCell(pr string, paras ...string) string {
	if pr != "" {
		pr = `<w:tcPr>` + pr + `</w:tcPr>`
	}
	if len(paras) == 0 {
		paras = []string{`<w:p/>`}
	}
	return `<w:tc>` + pr + strings.Join(paras, "") + `</w:tc>`
}

// wCellText returns a table cell with one paragraph per line.
func wCellText(pr string, lines ...string) string {
	paras := make([]string, len(lines))
	for i, l := range lines {
		paras[i] = wPara("", wRun(l))
	}
	return wCell(pr, paras...)
}

// wRow returns a table row.
func wRow(cells ...string) string { return `<w:tr>` + strings.Join(cells, "") + `</w:tr>` }

// wTable returns a table.
func wTable(rows ...string) string {
	return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid>` +
		strings.Join(rows, "") + `</w:tbl>`
}

// buildDOCX returns a zip package holding parts, compressed with method.
func buildDOCX(tb testing.TB, parts map[string]string, method uint16) []byte {
	tb.Helper()
	names := make([]string, 0, len(parts))
	for name := range parts {
		names = append(names, name)
	}
	sort.Strings(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method})
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := io.WriteString(w, parts[name]); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// readFixture builds a package from parts and reads it, failing the test on error.
func readFixture(t *testing.T, parts map[string]string) Source {
	t.Helper()
	src, err := ReadDOCX(buildDOCX(t, parts, zip.Deflate))
	if err != nil {
		t.Fatalf("ReadDOCX: %v", err)
	}
	return src
}

// docxPara is what a test checks of a paragraph.
type docxPara struct {
	Text         string
	Bold, Center bool
	Number       string
	Level        int
}

// docxParagraphs returns the paragraphs of src.
func docxParagraphs(src Source) []docxPara {
	var out []docxPara
	for _, b := range src.Blocks {
		if b.Kind == KindParagraph {
			out = append(out, docxPara{b.Text, b.Bold, b.Center, b.Number, b.Level})
		}
	}
	return out
}

// docxTables returns the tables of src.
func docxTables(src Source) []*Table {
	var out []*Table
	for _, b := range src.Blocks {
		if b.Kind == KindTable {
			out = append(out, b.Table)
		}
	}
	return out
}

// checkEach fails the test with every difference between got and want.
func checkEach[T comparable](t *testing.T, what string, got, want []T) {
	t.Helper()
	for i := range max(len(got), len(want)) {
		switch {
		case i >= len(got):
			t.Errorf("%s[%d]: missing, want %+v", what, i, want[i])
		case i >= len(want):
			t.Errorf("%s[%d]: got extra %+v", what, i, got[i])
		case got[i] != want[i]:
			t.Errorf("%s[%d]:\n got %+v\nwant %+v", what, i, got[i], want[i])
		}
	}
}

const fixtureStyles = `<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="28"/></w:rPr></w:rPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="TenVanBan"><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="TrichYeu"><w:basedOn w:val="TenVanBan"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Normal"/><w:pPr>` + `<w:numPr><w:numId w:val="2"/></w:numPr>` + `</w:pPr><w:rPr><w:b/></w:rPr></w:style>` +
	`<w:style w:type="character" w:styleId="Dam"><w:rPr><w:b/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Loop"><w:basedOn w:val="Loop"/></w:style>`

var paragraphsFixture = map[string]string{
	"word/styles.xml": wPart("styles", fixtureStyles),
	"word/document.xml": wDocument(
		wPara(`<w:jc w:val="center"/>`, wBold("CHƯƠNG TRÌNH")) +
			wPara(`<w:pStyle w:val="TrichYeu"/>`, wRun("Công tác của UBND huyện "), wRun("tháng 4 năm 2023")) +
			wPara("", wBold("Phòng Tài chính - KH "), wRun("chủ trì")) +
			wPara("", wBold("A. NHIỆM VỤ TRỌNG TÂM"), wRun("  ")) +
			wPara("", `<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>Lục Ngạn</w:t></w:r>`) +
			wPara(`<w:pStyle w:val="TenVanBan"/>`, `<w:r><w:rPr><w:b w:val="false"/></w:rPr><w:t>Kính gửi</w:t></w:r>`) +
			wPara("", `<w:r><w:rPr><w:rStyle w:val="Dam"/></w:rPr><w:t>Nơi nhận:</w:t></w:r>`) +
			wPara("", `<w:r><w:t>Số:</w:t><w:tab/><w:t>/CTr-UBND</w:t><w:br/><w:t xml:space="preserve"> Lục Ngạn</w:t></w:r>`) +
			wPara("", `<w:r><w:t>  Đã cắt khoảng trắng  </w:t></w:r>`) +
			wPara(`<w:pStyle w:val="Loop"/>`, wRun("Kiểu vòng lặp")) +
			`<w:p/>` +
			`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>`),
}

func TestReadDOCXParagraphs(t *testing.T) {
	src := readFixture(t, paragraphsFixture)
	want := []docxPara{
		{Text: "CHƯƠNG TRÌNH", Bold: true, Center: true},
		{Text: "Công tác của UBND huyện tháng 4 năm 2023", Bold: true, Center: true},
		{Text: "Phòng Tài chính - KH chủ trì"},
		{Text: "A. NHIỆM VỤ TRỌNG TÂM  ", Bold: true},
		{Text: "Lục Ngạn"},
		{Text: "Kính gửi", Center: true},
		{Text: "Nơi nhận:", Bold: true},
		{Text: "Số:\t/CTr-UBND\n Lục Ngạn"},
		{Text: "Đã cắt khoảng trắng"},
		{Text: "Kiểu vòng lặp"},
		{Text: ""},
	}
	checkEach(t, "paragraphs", docxParagraphs(src), want)
	for i, b := range src.Blocks {
		if b.Part != PartBody {
			t.Errorf("block %d: part %q, want %q", i, b.Part, PartBody)
		}
	}
}

const fixtureNumbering = `` +
	// The program's outline: I. / 1. / a)
	`<w:abstractNum w:abstractNumId="10">` +
	`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>` +
	`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>` +
	`<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>` +
	`</w:abstractNum>` +
	// Decimal outline: 1. / 1.1.
	`<w:abstractNum w:abstractNumId="11">` +
	`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>` +
	`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>` +
	`</w:abstractNum>` +
	// Bullets: a dash, then a Symbol-font dot.
	`<w:abstractNum w:abstractNumId="12">` +
	`<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>` +
	"<w:lvl w:ilvl=\"1\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\uf0b7\"/></w:lvl>" +
	`</w:abstractNum>` +
	// Legal numbering of a Roman outline, and zero-padded numbers.
	`<w:abstractNum w:abstractNumId="13">` +
	`<w:lvl w:ilvl="0"><w:start w:val="2"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="Phần %1"/></w:lvl>` +
	`<w:lvl w:ilvl="1"><w:start w:val="9"/><w:numFmt w:val="decimalZero"/><w:lvlText w:val="%1.%2"/><w:isLgl/></w:lvl>` +
	`</w:abstractNum>` +
	`<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>` +
	`<w:num w:numId="2"><w:abstractNumId w:val="11"/></w:num>` +
	`<w:num w:numId="3"><w:abstractNumId w:val="11"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>` +
	`<w:num w:numId="4"><w:abstractNumId w:val="12"/></w:num>` +
	`<w:num w:numId="5"><w:abstractNumId w:val="13"/></w:num>` +
	`<w:num w:numId="6"><w:abstractNumId w:val="99"/></w:num>`

var numberingFixture = map[string]string{
	"word/styles.xml":    wPart("styles", fixtureStyles),
	"word/numbering.xml": wPart("numbering", fixtureNumbering),
	"word/document.xml": wDocument(
		wPara(wNum(1, 0), wRun("NHIỆM VỤ TRỌNG TÂM")) +
			wPara(wNum(1, 1), wRun("Về phát triển kinh tế")) +
			wPara(wNum(1, 2), wRun("Nông nghiệp")) +
			wPara(wNum(1, 2), wRun("Công nghiệp")) +
			wPara(wNum(1, 1), wRun("Về văn hóa - xã hội")) +
			wPara(wNum(1, 2), wRun("Giáo dục")) +
			wPara("", wRun("Đoạn văn không đánh số")) +
			wPara(wNum(1, 0), wRun("CÁC CUỘC HỌP")) +
			wPara(wNum(1, 1), wRun("Họp UBND huyện thường kỳ")) +
			wPara(wNum(2, 0), wRun("Phòng Tài chính - KH chủ trì")) +
			wPara(wNum(2, 1), wRun("Dự toán")) +
			wPara(wNum(2, 1), wRun("Quyết toán")) +
			wPara(wNum(2, 0), wRun("Phòng Nội vụ")) +
			wPara(wNum(2, 1), wRun("Tổ chức bộ máy")) +
			wPara(`<w:pStyle w:val="Heading1"/>`, wRun("Văn phòng HĐND và UBND")) +
			wPara(wNum(3, 0), wRun("Danh sách mới")) +
			wPara(wNum(3, 0), wRun("Danh sách mới, mục hai")) +
			wPara(wNum(4, 0), wRun("Họp giao ban")) +
			wPara(wNum(4, 1), wRun("Chuẩn bị tài liệu")) +
			wPara(wNum(5, 0), wRun("Phần thứ hai")) +
			wPara(wNum(5, 1), wRun("Mục chín")) +
			wPara(`<w:pStyle w:val="Heading1"/>`+`<w:numPr><w:numId w:val="0"/></w:numPr>`, wRun("Tắt đánh số")) +
			wPara(wNum(6, 0), wRun("Danh sách không có định nghĩa")) +
			wPara(wNum(99, 0), wRun("Danh sách không tồn tại"))),
}

func TestReadDOCXNumbering(t *testing.T) {
	src := readFixture(t, numberingFixture)
	var got []docxPara
	for _, p := range docxParagraphs(src) {
		got = append(got, docxPara{Text: p.Text, Number: p.Number, Level: p.Level})
	}
	want := []docxPara{
		{Text: "NHIỆM VỤ TRỌNG TÂM", Number: "I."},
		{Text: "Về phát triển kinh tế", Number: "1.", Level: 1},
		{Text: "Nông nghiệp", Number: "a)", Level: 2},
		{Text: "Công nghiệp", Number: "b)", Level: 2},
		{Text: "Về văn hóa - xã hội", Number: "2.", Level: 1},
		{Text: "Giáo dục", Number: "a)", Level: 2},
		{Text: "Đoạn văn không đánh số"},
		{Text: "CÁC CUỘC HỌP", Number: "II."},
		{Text: "Họp UBND huyện thường kỳ", Number: "1.", Level: 1},
		{Text: "Phòng Tài chính - KH chủ trì", Number: "1."},
		{Text: "Dự toán", Number: "1.1.", Level: 1},
		{Text: "Quyết toán", Number: "1.2.", Level: 1},
		{Text: "Phòng Nội vụ", Number: "2."},
		{Text: "Tổ chức bộ máy", Number: "2.1.", Level: 1},
		{Text: "Văn phòng HĐND và UBND", Number: "3."}, // numbered by its style, in list 2
		{Text: "Danh sách mới", Number: "1."},
		{Text: "Danh sách mới, mục hai", Number: "2."},
		{Text: "Họp giao ban", Number: "-"},
		{Text: "Chuẩn bị tài liệu", Number: "•", Level: 1},
		{Text: "Phần thứ hai", Number: "Phần II"},
		{Text: "Mục chín", Number: "2.09", Level: 1},
		{Text: "Tắt đánh số"},
		{Text: "Danh sách không có định nghĩa"},
		{Text: "Danh sách không tồn tại"},
	}
	checkEach(t, "paragraphs", got, want)
}

func TestListNumber(t *testing.T) {
	tests := []struct {
		n      int
		format string
		want   string
	}{
		{4, "upperRoman", "IV"},
		{1994, "upperRoman", "MCMXCIV"},
		{14, "lowerRoman", "xiv"},
		{4000, "upperRoman", "4000"},
		{0, "upperRoman", "0"},
		{1, "lowerLetter", "a"},
		{26, "upperLetter", "Z"},
		{28, "lowerLetter", "bb"},
		{781, "lowerLetter", "781"},
		{7, "decimalZero", "07"},
		{12, "decimalZero", "12"},
		{3, "ordinal", "3"},
		{3, "none", ""},
		{3, "bullet", ""},
	}
	for _, tt := range tests {
		if got := listNumber(tt.n, tt.format); got != tt.want {
			t.Errorf("listNumber(%d, %q) = %q, want %q", tt.n, tt.format, got, tt.want)
		}
	}
}

// scheduleFixture is a weekly schedule: the day cell of Monday merged over two rows, the
// entry of Tuesday spanning three columns, a row starting after one grid column.
var scheduleFixture = map[string]string{
	"word/numbering.xml": wPart("numbering", fixtureNumbering),
	"word/document.xml": wDocument(
		wPara(`<w:jc w:val="center"/>`, wBold("LỊCH CÔNG TÁC TUẦN")) +
			wTable(
				wRow(wCellText("", "Thứ, ngày"), wCellText("", "Buổi"), wCellText("", "Nội dung"), wCellText("", "Chủ trì")),
				wRow(wCellText(`<w:vMerge w:val="restart"/>`, "Thứ Hai", "03/4"), wCellText("", "Sáng"),
					wCellText("", "Họp giao ban UBND huyện"), wCellText("", "Chủ tịch UBND huyện")),
				wRow(wCell(`<w:vMerge/>`), wCellText("", "Chiều"),
					wCellText("", "Làm việc với Phòng Tài chính - KH"), wCellText("", "PCT UBND huyện")),
				wRow(wCellText("", "Thứ Ba", "04/4"),
					wCellText(`<w:gridSpan w:val="3"/>`, "Lãnh đạo UBND huyện làm việc tại cơ quan")),
				wRow(wCellText(`<w:vMerge w:val="restart"/>`, "Thứ Tư"), wCellText("", "Sáng"),
					wCellText(`<w:vMerge w:val="restart"/>`, "Tiếp công dân định kỳ"), wCellText("", "Chủ tịch UBND huyện")),
				`<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>`+wCellText("", "Chiều")+
					wCell(`<w:vMerge w:val="continue"/>`)+wCellText("", "PCT UBND huyện")+`</w:tr>`,
			) +
			wTable(wRow(
				wCell("", wPara("", wRun("Ghi chú:")), `<w:p/>`, wPara(wNum(4, 0), wRun("Thay đổi lịch sẽ thông báo sau")),
					wTable(wRow(wCellText("", "Văn phòng"), wCellText(`<w:vMerge w:val="restart"/>`, "Trụ sở")),
						wRow(wCellText("", "HĐND", "và UBND"), wCell(`<w:vMerge/>`)))),
				wCell(`<w:vMerge/>`, wPara("", wRun("Không có ô phía trên"))),
			))),
}

func TestReadDOCXTable(t *testing.T) {
	src := readFixture(t, scheduleFixture)
	ts := docxTables(src)
	if len(ts) != 2 {
		t.Fatalf("got %d tables, want 2", len(ts))
	}
	want := [][]Cell{
		{{"Thứ, ngày", 1, false}, {"Buổi", 1, false}, {"Nội dung", 1, false}, {"Chủ trì", 1, false}},
		{{"Thứ Hai\n03/4", 1, false}, {"Sáng", 1, false}, {"Họp giao ban UBND huyện", 1, false}, {"Chủ tịch UBND huyện", 1, false}},
		{{"Thứ Hai\n03/4", 1, true}, {"Chiều", 1, false}, {"Làm việc với Phòng Tài chính - KH", 1, false}, {"PCT UBND huyện", 1, false}},
		{{"Thứ Ba\n04/4", 1, false}, {"Lãnh đạo UBND huyện làm việc tại cơ quan", 3, false}},
		{{"Thứ Tư", 1, false}, {"Sáng", 1, false}, {"Tiếp công dân định kỳ", 1, false}, {"Chủ tịch UBND huyện", 1, false}},
		{{"Chiều", 1, false}, {"Tiếp công dân định kỳ", 1, true}, {"PCT UBND huyện", 1, false}},
	}
	if !reflect.DeepEqual(ts[0].Rows, want) {
		t.Errorf("schedule rows:\n got %+v\nwant %+v", ts[0].Rows, want)
	}
	wantNote := [][]Cell{{
		{"Ghi chú:\n- Thay đổi lịch sẽ thông báo sau\nVăn phòng\nTrụ sở\nHĐND\nvà UBND", 1, false},
		{"Không có ô phía trên", 1, true},
	}}
	if !reflect.DeepEqual(ts[1].Rows, wantNote) {
		t.Errorf("note rows:\n got %+v\nwant %+v", ts[1].Rows, wantNote)
	}
	wantLines := []string{
		"LỊCH CÔNG TÁC TUẦN",
		"Thứ, ngày | Buổi | Nội dung | Chủ trì",
		"Thứ Hai 03/4 | Sáng | Họp giao ban UBND huyện | Chủ tịch UBND huyện",
		"Thứ Hai 03/4 | Chiều | Làm việc với Phòng Tài chính - KH | PCT UBND huyện",
		"Thứ Ba 04/4 | Lãnh đạo UBND huyện làm việc tại cơ quan",
		"Thứ Tư | Sáng | Tiếp công dân định kỳ | Chủ tịch UBND huyện",
		"Chiều | Tiếp công dân định kỳ | PCT UBND huyện",
		"Ghi chú: - Thay đổi lịch sẽ thông báo sau Văn phòng Trụ sở HĐND và UBND | Không có ô phía trên",
	}
	checkEach(t, "lines", src.Lines(), wantLines)
}

const fixtureRels = wXMLHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="/word/header2.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>` +
	`<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.vn/" TargetMode="External"/>` +
	`<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header9.xml"/>` +
	`</Relationships>`

// mastheadFixture has two sections: the masthead as a table in the first-page header,
// page numbers in the default header and the footer. A header part no section references,
// a reference to a part the package lacks and one to no relationship are left out.
var mastheadFixture = map[string]string{
	"word/_rels/document.xml.rels": fixtureRels,
	"word/document.xml": wDocument(
		wPara(`<w:sectPr><w:headerReference w:type="default" r:id="rId1"/><w:headerReference w:type="first" r:id="rId2"/>`+
			`<w:titlePg/><w:type w:val="nextPage"/></w:sectPr>`, wBold("CHƯƠNG TRÌNH")) +
			wPara("", wRun("Công tác tháng 4 năm 2023")) +
			`<w:sectPr><w:headerReference w:type="default" r:id="rId1"/><w:footerReference w:type="default" r:id="rId3"/>` +
			`<w:headerReference w:type="even" r:id="rId5"/><w:headerReference w:type="first" r:id="rId404"/></w:sectPr>`),
	"word/header1.xml": wPart("hdr", wPara(`<w:jc w:val="center"/>`,
		`<w:fldSimple w:instr=" PAGE "><w:r><w:t>2</w:t></w:r></w:fldSimple>`)),
	"word/header2.xml": wPart("hdr", wTable(
		wRow(wCell("", wPara(`<w:jc w:val="center"/>`, wRun("ỦY BAN NHÂN DÂN")), wPara(`<w:jc w:val="center"/>`, wBold("HUYỆN LỤC NGẠN"))),
			wCell("", wPara(`<w:jc w:val="center"/>`, wBold("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")), wPara(`<w:jc w:val="center"/>`, wBold("Độc lập - Tự do - Hạnh phúc")))),
		wRow(wCellText("", "Số:      /CTr-UBND"), wCellText("", "Lục Ngạn, ngày      tháng      năm 2023")),
	)+wPara("", "")),
	"word/header3.xml": wPart("hdr", wPara("", wRun("Không được tham chiếu"))),
	"word/footer1.xml": wPart("ftr", wPara("", wRun("Trang "),
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>`+
			`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`)),
}

func TestReadDOCXHeaderFooter(t *testing.T) {
	src := readFixture(t, mastheadFixture)
	var got []string
	for _, b := range src.Blocks {
		text := b.Text
		if b.Kind == KindTable {
			text = strings.Join(b.Table.lines(), " / ")
		}
		got = append(got, b.Part+" "+b.Kind.String()+": "+text)
	}
	want := []string{
		"header table: ỦY BAN NHÂN DÂN HUYỆN LỤC NGẠN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc" +
			" / Số:      /CTr-UBND | Lục Ngạn, ngày      tháng      năm 2023",
		"header paragraph: ",
		"header paragraph: 2",
		"body paragraph: CHƯƠNG TRÌNH",
		"body paragraph: Công tác tháng 4 năm 2023",
		"footer paragraph: Trang 1",
	}
	checkEach(t, "blocks", got, want)
	masthead := src.Blocks[0].Table.Rows[0][0]
	if want := "ỦY BAN NHÂN DÂN\nHUYỆN LỤC NGẠN"; masthead.Text != want {
		t.Errorf("masthead cell = %q, want %q", masthead.Text, want)
	}
}

// wrappersFixture holds text inside the elements that wrap runs and paragraphs, tracked
// changes, fields, hidden text and a text box given twice by alternate content.
var wrappersFixture = map[string]string{
	"word/document.xml": wDocument(
		wPara("", `<w:hyperlink r:id="rId4">`+wRun("Chỉ thị số 19-CT/TU ")+`</w:hyperlink>`,
			`<w:ins w:id="1" w:author="Văn phòng">`+wRun("ngày 11/6/2020")+`</w:ins>`,
			`<w:del w:id="2" w:author="Văn phòng"><w:r><w:delText> (đã bỏ)</w:delText></w:r></w:del>`) +
			wPara("", `<w:smartTag w:uri="urn:vn" w:element="place"><w:smartTagPr><w:attr w:name="x" w:val="y"/></w:smartTagPr>`+wRun("Lục Ngạn")+`</w:smartTag>`,
				wRun(", "), `<w:fldSimple w:instr=" DATE "><w:r><w:t>ngày 28 tháng 3 năm 2023</w:t></w:r></w:fldSimple>`) +
			`<w:sdt><w:sdtPr><w:alias w:val="Trích yếu"/><w:placeholder><w:docPart w:val="Mau"/></w:placeholder>` +
			`<w:rPr><w:b/></w:rPr></w:sdtPr><w:sdtContent>` + wPara("", wRun("Về việc chuẩn bị họp")) + `</w:sdtContent></w:sdt>` +
			wPara("", wRun("Văn bản "), `<w:moveFrom w:id="3">`+wRun("cũ ")+`</w:moveFrom>`, `<w:moveTo w:id="4">`+wRun("mới")+`</w:moveTo>`,
				`<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r>`, `<w:proofErr w:type="spellStart"/>`,
				`<w:customXml w:element="x">`+wRun(" chính thức")+`</w:customXml>`) +
			wPara("", wRun("Dự thảo lần 1"), `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>`+
				`<a:p><a:r><a:t>chữ của hình vẽ</a:t></a:r></a:p>`+
				`<wps:wsp><wps:txbx><w:txbxContent>`+wPara(`<w:jc w:val="center"/>`, wBold("DỰ THẢO"))+`</w:txbxContent></wps:txbx></wps:wsp>`+
				`</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>`+
				`<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>`+wPara(`<w:jc w:val="center"/>`, wBold("DỰ THẢO"))+
				`</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`)),
}

func TestReadDOCXWrappers(t *testing.T) {
	src := readFixture(t, wrappersFixture)
	want := []docxPara{
		{Text: "Chỉ thị số 19-CT/TU ngày 11/6/2020"},
		{Text: "Lục Ngạn, ngày 28 tháng 3 năm 2023"},
		{Text: "Về việc chuẩn bị họp"},
		{Text: "Văn bản mới chính thức"},
		{Text: "Dự thảo lần 1"},
		{Text: "DỰ THẢO", Bold: true, Center: true},
	}
	checkEach(t, "paragraphs", docxParagraphs(src), want)
}

func TestReadDOCXStrictNamespace(t *testing.T) {
	doc := strings.ReplaceAll(wDocument(wPara("", wBold("Chương trình"))),
		"http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main")
	src := readFixture(t, map[string]string{"word/document.xml": doc})
	checkEach(t, "paragraphs", docxParagraphs(src), []docxPara{{Text: "Chương trình", Bold: true}})
}

// hugeDOCX returns a package whose document.xml holds more than size bytes.
func hugeDOCX(t *testing.T, size int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	chunk := []byte(strings.Repeat(wPara("", wRun("Phòng Tài chính - KH chủ trì")), 1000))
	io.WriteString(w, wXMLHead+`<w:document`+wNS+`><w:body>`)
	for n := 0; n <= size; n += len(chunk) {
		if _, err := w.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	io.WriteString(w, `</w:body></w:document>`)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// lyingDOCX returns a package whose document.xml is larger than its zip headers say.
func lyingDOCX(t *testing.T) []byte {
	t.Helper()
	var compressed bytes.Buffer
	fw, _ := flate.NewWriter(&compressed, flate.BestSpeed)
	io.WriteString(fw, wDocument(strings.Repeat(wPara("", wRun("Phòng Tài chính - KH chủ trì")), 100)))
	fw.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
		CompressedSize64: uint64(compressed.Len()), UncompressedSize64: 100})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(compressed.Bytes())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadDOCXErrors(t *testing.T) {
	nested := strings.Repeat(`<w:tbl><w:tr><w:tc>`, maxNesting+1) + `<w:p/>` +
		strings.Repeat(`</w:tc></w:tr></w:tbl>`, maxNesting+1)
	tests := []struct {
		name  string
		data  []byte
		msg   string
		cause error
	}{
		{"text", []byte("CHƯƠNG TRÌNH Công tác của UBND huyện tháng 4"), msgNotDOCX, zip.ErrFormat},
		{"empty", nil, msgNotDOCX, zip.ErrFormat},
		{"legacy doc", append(append([]byte{}, oleSignature...), make([]byte, 512)...), msgLegacyDOC, errOLE},
		{"no document", buildDOCX(t, map[string]string{"word/styles.xml": wPart("styles", fixtureStyles)}, zip.Deflate), msgNotDOCX, errNoDocument},
		{"unclosed", buildDOCX(t, map[string]string{"word/document.xml": wXMLHead + `<w:document` + wNS + `><w:body><w:p>`}, zip.Deflate), msgDamaged, nil},
		{"empty document", buildDOCX(t, map[string]string{"word/document.xml": ""}, zip.Deflate), msgDamaged, io.EOF},
		{"bad styles", buildDOCX(t, map[string]string{"word/document.xml": wDocument(""), "word/styles.xml": "<w:styles>"}, zip.Store), msgDamaged, nil},
		{"lying size", lyingDOCX(t), msgDamaged, zip.ErrFormat},
		{"nested tables", buildDOCX(t, map[string]string{"word/document.xml": wDocument(nested)}, zip.Deflate), msgTooDeep, errTooDeep},
		{"many paragraphs", buildDOCX(t, map[string]string{"word/document.xml": wDocument(strings.Repeat("<w:p/>", maxElements+1))}, zip.Deflate), msgTooMany, errTooMany},
		{"huge", hugeDOCX(t, maxPartSize), msgTooLarge, errTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := ReadDOCX(tt.data)
			if err == nil {
				t.Fatalf("got %d blocks and no error, want %q", len(src.Blocks), tt.msg)
			}
			if got := congtac.ErrorCode(err); got != congtac.EINVALID {
				t.Errorf("code %q, want %q (%v)", got, congtac.EINVALID, err)
			}
			if got := congtac.ErrorMessage(err); got != tt.msg {
				t.Errorf("message %q, want %q (%v)", got, tt.msg, err)
			}
			if tt.cause != nil && !errors.Is(err, tt.cause) {
				t.Errorf("error %v does not wrap %v", err, tt.cause)
			}
			if len(src.Blocks) != 0 {
				t.Errorf("got %d blocks with the error, want none", len(src.Blocks))
			}
		})
	}
}

func TestLimitReader(t *testing.T) {
	tests := []struct {
		data string
		err  error
	}{
		{"Lục Ngạn", nil},
		{"Lục Ngạn!", errTooLarge},
	}
	for _, tt := range tests {
		got, err := io.ReadAll(&limitReader{r: strings.NewReader(tt.data), n: int64(len("Lục Ngạn"))})
		if !errors.Is(err, tt.err) {
			t.Errorf("%q: error %v, want %v", tt.data, err, tt.err)
		}
		if string(got) != "Lục Ngạn" {
			t.Errorf("%q: read %q, want %q", tt.data, got, "Lục Ngạn")
		}
	}
}

func TestLines(t *testing.T) {
	src := Source{Blocks: []Block{
		{Kind: KindParagraph, Text: "CHƯƠNG TRÌNH", Bold: true, Center: true},
		{Kind: KindParagraph, Text: "Về phát triển kinh tế", Number: "1."},
		{Kind: KindParagraph, Text: "Số: 15/CTr-UBND\nLục Ngạn, ngày 28 tháng 3 năm 2023"},
		{Kind: KindParagraph},
		{Kind: KindTable, Table: &Table{Rows: [][]Cell{
			{{Text: "Thứ Hai\n03/4", Span: 1}, {Text: "Họp giao ban", Span: 2}},
			{{Text: "Thứ Hai\n03/4", Span: 1, Continued: true}, {Text: "", Span: 1}, {Text: "PCT", Span: 1}},
		}}},
		{Kind: KindTable},
	}}
	want := []string{
		"CHƯƠNG TRÌNH",
		"1. Về phát triển kinh tế",
		"Số: 15/CTr-UBND",
		"Lục Ngạn, ngày 28 tháng 3 năm 2023",
		"",
		"Thứ Hai 03/4 | Họp giao ban",
		"Thứ Hai 03/4 |  | PCT",
	}
	checkEach(t, "lines", src.Lines(), want)
	if got := KindTable.String(); got != "table" {
		t.Errorf("KindTable.String() = %q, want %q", got, "table")
	}
}

// docxFixtures are the packages of the tests above, the seed corpus of [FuzzReadDOCX].
var docxFixtures = []map[string]string{paragraphsFixture, numberingFixture, scheduleFixture, mastheadFixture, wrappersFixture}

// FuzzReadDOCX reads arbitrary bytes both as a package and as the document.xml of an
// otherwise valid package, so that mutations reach the XML reader past the zip checksum.
func FuzzReadDOCX(f *testing.F) {
	for _, parts := range docxFixtures {
		f.Add(buildDOCX(f, parts, zip.Store))
		f.Add([]byte(parts["word/document.xml"]))
	}
	f.Add([]byte("CHƯƠNG TRÌNH"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkReadDOCX(t, data)
		parts := map[string]string{"word/document.xml": string(data)}
		for _, fx := range docxFixtures[:4] {
			for name, content := range fx {
				if name != "word/document.xml" {
					parts[name] = content
				}
			}
		}
		checkReadDOCX(t, buildDOCX(t, parts, zip.Store))
	})
}

// checkReadDOCX reads data and checks what holds for any input: an error is EINVALID with a
// Vietnamese message, a Source is well formed.
func checkReadDOCX(t *testing.T, data []byte) {
	src, err := ReadDOCX(data)
	if err != nil {
		if congtac.ErrorCode(err) != congtac.EINVALID || congtac.ErrorMessage(err) == "" {
			t.Fatalf("error %v: code %q, message %q", err, congtac.ErrorCode(err), congtac.ErrorMessage(err))
		}
		return
	}
	for i, b := range src.Blocks {
		switch {
		case b.Part != PartHeader && b.Part != PartBody && b.Part != PartFooter:
			t.Fatalf("block %d: part %q", i, b.Part)
		case b.Kind == KindTable && b.Table == nil:
			t.Fatalf("block %d: table without rows", i)
		case b.Level < 0 || b.Level > 8:
			t.Fatalf("block %d: level %d", i, b.Level)
		}
		if b.Table != nil {
			for _, row := range b.Table.Rows {
				for _, c := range row {
					if c.Span < 1 {
						t.Fatalf("block %d: span %d", i, c.Span)
					}
				}
			}
		}
	}
	src.Lines()
}
