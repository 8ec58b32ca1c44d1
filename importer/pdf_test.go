package importer_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"rsc.io/pdf"

	"congtac"
	"congtac/export"
	"congtac/importer"
	"congtac/store/storetest"
	"congtac/vn"
)

// The fixtures made with the project's own PDF writer (gopdf, Liberation Serif embedded
// as Type0 Identity-H fonts with ToUnicode maps).

func pdfSettings() congtac.Settings {
	s := congtac.DefaultSettings()
	s.BodyName = "Ủy ban nhân dân huyện Lục Ngạn"
	s.Place = "Lục Ngạn"
	return s
}

const pdfParagraph = "Chỉ đạo tập trung cao nhất hướng dẫn Nhân dân chăm sóc vải thiều, cây có múi và các " +
	"loại cây ăn quả trong thời kỳ ra hoa, phát triển quả. Đẩy nhanh kế hoạch trồng rừng và chương trình 01 tỷ " +
	"cây xanh năm 2023 trong vụ Xuân; tăng cường kiểm tra, quyết liệt xử lý vi phạm về quản lý, bảo vệ rừng."

// pdfProgram returns program 45/CTr-UBND of Lục Ngạn with sections of three items, each
// [pdfParagraph] twice (158 sections make 100 pages).
func pdfProgram(sections int) export.ProgramDoc {
	item := func(id, parent int64, pos int, heading, text string) congtac.Item {
		return congtac.Item{ID: id, ProgramID: 1, ParentID: parent, Position: pos, Heading: heading, Text: text}
	}
	items := []congtac.Item{item(1, 0, 1, "Nhiệm vụ trọng tâm tháng 4 và Quý II năm 2023", "")}
	id := int64(2)
	for s := 1; s <= sections; s++ {
		heading := "Về phát triển kinh tế"
		if s > 1 {
			heading = fmt.Sprintf("Về lĩnh vực thứ %d", s)
		}
		sec := id
		items = append(items, item(sec, 1, s, heading, ""))
		for k := 1; k <= 3; k++ {
			items = append(items, item(sec+int64(k), sec, k, "", pdfParagraph+" "+pdfParagraph))
		}
		id += 4
	}
	p := congtac.Program{ID: 1, OrgID: 1, DraftedBy: 2,
		Period: congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: 4},
		Title:  "Công tác của UBND huyện tháng 4 năm 2023", Status: congtac.ProgramIssued,
		Number: 45, Symbol: "CTr-UBND", IssuedOn: congtac.MustDate(2023, time.April, 5), Place: "Lục Ngạn",
		Signature: congtac.Signature{Lines: []congtac.SignLine{{Authority: congtac.AuthorityByOrder, Of: "Chủ tịch"}},
			Title: "Chánh Văn phòng", Name: "Vương Mạnh Chung", PersonID: 1},
		Recipients: []string{"Văn phòng UBND tỉnh;", "Lưu: VT."}, Items: items}
	return export.ProgramDoc{Settings: pdfSettings(), Program: p, Orgs: map[int64]string{1: "UBND huyện", 2: "Văn phòng"},
		People: map[int64]string{1: "Vương Mạnh Chung"}}
}

// pdfCalendar returns a weekly calendar: landscape, a table with a day per row.
func pdfCalendar() export.CalendarDoc {
	day := func(wd, date, lunar string, e export.CalendarEntry) export.CalendarDay {
		return export.CalendarDay{Weekday: wd, Date: date, Lunar: lunar, Entries: []export.CalendarEntry{e}}
	}
	return export.CalendarDoc{Settings: pdfSettings(), Heading: "Tuần thứ 16 (từ ngày 17/04/2023 đến ngày 23/04/2023)",
		Days: []export.CalendarDay{
			day("Thứ Hai", "17/04/2023", "27/2 nhuận ÂL", export.CalendarEntry{Part: congtac.Morning, Time: "7 giờ 30",
				Leader: "Nguyễn Văn Giang", Title: "Kiểm tra tiến độ dự án đường giao thông kết nối các xã phía Bắc",
				Place: "Xã Tân Sơn", Preparer: "Phòng Kinh tế và Hạ tầng"}),
			day("Thứ Năm", "20/04/2023", "1/3 ÂL", export.CalendarEntry{Part: congtac.Afternoon, Time: "14 giờ 00",
				Leader: "Nguyễn Văn Giang", Title: "Giao ban Chủ tịch, các Phó Chủ tịch UBND huyện", Place: "Phòng họp số 1"}),
		}}
}

// renderPDF writes d as PDF with the export package.
func renderPDF(tb testing.TB, d export.Doc) []byte {
	tb.Helper()
	var b bytes.Buffer
	if err := export.PDF(&b, d); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// readPDF reads data, failing the test on error.
func readPDF(t *testing.T, data []byte) importer.Source {
	t.Helper()
	src, err := importer.ReadPDF(data)
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// texts returns the texts of the blocks.
func texts(src importer.Source) []string {
	out := make([]string, len(src.Blocks))
	for i, b := range src.Blocks {
		out[i] = b.Text
	}
	return out
}

// bodyText returns the lines of src joined with spaces, without the page numbers that cut
// paragraphs at page breaks.
func bodyText(src importer.Source) string {
	var body []string
	for _, l := range texts(src) {
		if strings.Trim(l, "0123456789") != "" {
			body = append(body, l)
		}
	}
	return strings.Join(body, " ")
}

// blockOf returns the block whose text is text.
func blockOf(t *testing.T, src importer.Source, text string) importer.Block {
	t.Helper()
	for _, b := range src.Blocks {
		if b.Text == text {
			return b
		}
	}
	t.Fatalf("no line %q in %q", text, texts(src))
	return importer.Block{}
}

// wantPrefix checks that the texts of src start with want.
func wantPrefix(t *testing.T, src importer.Source, want []string) {
	t.Helper()
	got := texts(src)
	if len(got) < len(want) || !slices.Equal(got[:len(want)], want) {
		t.Errorf("lines:\n got %q\nwant %q", got[:min(len(got), len(want)+2)], want)
	}
}

// The masthead of the test documents: the left column, then the right one.
var mastheadLines = []string{"ỦY BAN NHÂN DÂN", "HUYỆN LỤC NGẠN", "Số: 45/CTr-UBND",
	"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Lục Ngạn, ngày 05 tháng 4 năm 2023"}

// TestReadPDFProgram reads a program as the project prints it: the masthead column by
// column, the title, the headings and the paragraphs' words in order.
func TestReadPDFProgram(t *testing.T) {
	data := renderPDF(t, pdfProgram(2))
	src := readPDF(t, data)
	wantPrefix(t, src, append(slices.Clone(mastheadLines), "CHƯƠNG TRÌNH", "Công tác của UBND huyện tháng 4 năm 2023",
		"A. NHIỆM VỤ TRỌNG TÂM THÁNG 4 VÀ QUÝ II NĂM 2023", "1. Về phát triển kinh tế"))
	for _, tt := range []struct {
		text         string
		bold, center bool
	}{
		{"ỦY BAN NHÂN DÂN", true, false}, {"Số: 45/CTr-UBND", false, false}, {"CHƯƠNG TRÌNH", true, true},
		{"Công tác của UBND huyện tháng 4 năm 2023", true, true}, {"1. Về phát triển kinh tế", true, false},
		{"CHÁNH VĂN PHÒNG", true, false},
	} {
		if b := blockOf(t, src, tt.text); b.Bold != tt.bold || b.Center != tt.center || b.Part != importer.PartBody ||
			b.Kind != importer.KindParagraph {
			t.Errorf("%q: bold %v, center %v, part %q; want %v, %v, body", tt.text, b.Bold, b.Center, b.Part, tt.bold, tt.center)
		}
	}
	all := bodyText(src)
	if n := strings.Count(all, "1.1. "+pdfParagraph); n != 1 {
		t.Errorf("paragraph 1.1 found %d times in the lines joined, want once:\n%s", n, all)
	}
	if n := strings.Count(all, pdfParagraph); n != 12 {
		t.Errorf("paragraph found %d times, want 12", n)
	}
	comparePdftotext(t, data, src)
}

// TestReadPDFCalendar reads a weekly calendar: a landscape page with a table.
func TestReadPDFCalendar(t *testing.T) {
	data := renderPDF(t, pdfCalendar())
	src := readPDF(t, data)
	wantPrefix(t, src, []string{"ỦY BAN NHÂN DÂN", "HUYỆN LỤC NGẠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"Độc lập - Tự do - Hạnh phúc", "LỊCH CÔNG TÁC TUẦN", "Tuần thứ 16 (từ ngày 17/04/2023 đến ngày 23/04/2023)"})
	if b := blockOf(t, src, "LỊCH CÔNG TÁC TUẦN"); !b.Bold || !b.Center {
		t.Errorf("title: bold %v, center %v; want both", b.Bold, b.Center)
	}
	all := strings.Join(texts(src), "\n")
	for _, want := range []string{"Thứ, ngày Buổi sáng Buổi chiều", "Thứ Hai - 7 giờ 30: Đồng chí Nguyễn Văn Giang",
		"27/2 nhuận ÂL", "Phòng họp số"} {
		if !strings.Contains(all, want) {
			t.Errorf("no %q in\n%s", want, all)
		}
	}
	comparePdftotext(t, data, src)
}

// TestReadPDFFromLibreOffice reads the PDFs LibreOffice makes of the project's DOCX files,
// as an office that saves its Word files as PDF has them: subset TrueType fonts with
// their own encodings, the masthead a borderless table.
func TestReadPDFFromLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		storetest.Skip(t, "soffice is missing: apt-get install libreoffice-writer-nogui")
	}
	dir := t.TempDir()
	docs := []struct {
		name  string
		doc   export.Doc
		order []string // beginnings of lines, in this order
	}{
		{"program", pdfProgram(2), append(slices.Clone(mastheadLines), "CHƯƠNG TRÌNH", "A. NHIỆM VỤ", "1. Về phát triển kinh tế")},
		{"calendar", pdfCalendar(), []string{"ỦY BAN NHÂN DÂN", "HUYỆN LỤC NGẠN", "CỘNG HÒA", "Độc lập", "LỊCH CÔNG TÁC TUẦN",
			"Thứ, ngày"}},
	}
	args := []string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--convert-to", "pdf",
		"--outdir", dir}
	for _, d := range docs {
		var b bytes.Buffer
		if err := export.DOCX(&b, d.doc); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, d.name+".docx")
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, path)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if out, err := exec.CommandContext(ctx, soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	for _, d := range docs {
		t.Run(d.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, d.name+".pdf"))
			if err != nil {
				t.Fatal(err)
			}
			src := readPDF(t, data)
			lines, at := texts(src), 0
			for _, want := range d.order {
				i := slices.IndexFunc(lines[at:], func(l string) bool { return strings.HasPrefix(l, want) })
				if i < 0 {
					t.Fatalf("no line starting %q after line %d in %q", want, at, lines[:min(len(lines), 15)])
				}
				at += i + 1
			}
			comparePdftotext(t, data, src)
		})
	}
}

// comparePdftotext checks that src has the words poppler's pdftotext finds in data, as
// many times each.
func comparePdftotext(t *testing.T, data []byte, src importer.Source) {
	t.Helper()
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		storetest.Skip(t, "pdftotext is missing: apt-get install poppler-utils")
	}
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	want, got := strings.Fields(string(out)), strings.Fields(strings.Join(texts(src), "\n"))
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("words differ from pdftotext's: %d words, want %d; only ours: %q; only pdftotext's: %q",
			len(got), len(want), missing(want, got), missing(got, want))
	}
}

// missing returns the words of sorted have that sorted from lacks, counting repeats.
func missing(from, have []string) []string {
	var out []string
	i := 0
	for _, w := range have {
		for i < len(from) && from[i] < w {
			i++
		}
		if i < len(from) && from[i] == w {
			i++
			continue
		}
		out = append(out, w)
	}
	return out[:min(len(out), 20)]
}

// mastheadRuns lays out a document's first page as Word does: a masthead table whose
// right column's baselines are not those of the left one (raised by lift, in points),
// under a "DỰ THẢO" mark when draft, then a centred title and body lines, the first of
// them drawn word by word.
func mastheadRuns(lift float64, draft bool) []textRun {
	col := func(font string, size, center, y float64, text string) textRun {
		r := textRun{font: font, size: size, y: y, text: text}
		r.x = center - r.width()/2
		return r
	}
	runs := []textRun{
		col("F1", 13, 160, 790, "ỦY BAN NHÂN DÂN"), col("F2", 12, 400, 789.3+lift, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
		col("F2", 13, 160, 775, "HUYỆN LỤC NGẠN"), col("F2", 13, 400, 768+lift, "Độc lập - Tự do - Hạnh phúc"),
		col("F1", 13, 160, 745, "Số: 45/CTr-UBND"), col("F1", 13, 400, 741+lift, "Lục Ngạn, ngày 05 tháng 4 năm 2023"),
		{font: "F2", size: 14, x: 121, y: 650, text: "A. NHIỆM VỤ TRỌNG TÂM THÁNG 4 VÀ QUÝ II NĂM 2023"},
		{font: "F2", size: 14, x: 121, y: 633, text: "1. Về phát triển kinh tế"},
		{font: "F1", size: 14, x: 121, y: 616, text: "1.1. Chỉ đạo tập trung cao nhất hướng dẫn Nhân dân", words: true},
		{font: "F1", size: 14, x: 85, y: 599, text: "chăm sóc vải thiều, cây có múi và các loại cây ăn quả."},
	}
	if draft {
		runs = append(runs, col("F2", 13, 480, 818, "DỰ THẢO"))
	}
	lo, hi := 1e9, 0.0
	for _, r := range runs {
		lo, hi = min(lo, r.x), max(hi, r.x+r.width())
	}
	return append(runs, col("F2", 14, (lo+hi)/2, 700, "CHƯƠNG TRÌNH"),
		col("F2", 14, (lo+hi)/2, 683, "Công tác của UBND huyện tháng 4 năm 2023"))
}

var mastheadDoc = append(slices.Clone(mastheadLines), "CHƯƠNG TRÌNH", "Công tác của UBND huyện tháng 4 năm 2023",
	"A. NHIỆM VỤ TRỌNG TÂM THÁNG 4 VÀ QUÝ II NĂM 2023", "1. Về phát triển kinh tế",
	"1.1. Chỉ đạo tập trung cao nhất hướng dẫn Nhân dân", "chăm sóc vải thiều, cây có múi và các loại cây ăn quả.")

// mastheadPDF returns the page of [mastheadRuns] in a file of the layout.
func mastheadPDF(layout pdfLayout) []byte {
	return mastheadVariant(layout, 0, false)
}

func mastheadVariant(layout pdfLayout, lift float64, draft bool) []byte {
	b := newPDFBuilder()
	var f testFont
	c := content(&f, mastheadRuns(lift, draft))
	if layout == hybridXref { // tagged, as Word writes: marked content, a structure tree
		c = "/P <</MCID 0>> BDC\n" + c + "EMC\n"
		root := b.add("<< /Type /StructTreeRoot /K [] >>")
		b.hidden = map[int]bool{root: true}
		b.catalog = fmt.Sprintf("/StructTreeRoot %d 0 R /MarkInfo << /Marked true >>", root)
	}
	f1, f2 := f.add(b, "TimesNewRomanPSMT", false, true), f.add(b, "TimesNewRomanPS-BoldMT", true, true)
	b.page(fmt.Sprintf("<< /Font << /F1 %d 0 R /F2 %d 0 R >> >>", f1, f2), "", c)
	return b.bytes(layout, "")
}

// TestReadPDFMasthead reads a masthead whose columns' baselines differ, in the ways a file
// can be stored: left column first, then the right one, then the body.
func TestReadPDFMasthead(t *testing.T) {
	classic := mastheadPDF(classicXref)
	for _, tt := range []struct {
		name string
		data []byte
	}{
		{"xref table", classic},
		{"object streams, xref stream", mastheadPDF(objectStreams)},
		{"hybrid reference, tagged (Word)", mastheadPDF(hybridXref)},
		{"PDF 2.0, junk around", append([]byte("junk\n"), append(bytes.Replace(classic, []byte("%PDF-1.4"),
			[]byte("%PDF-2.0"), 1), "\n\x00\x00junk"...)...)},
		{"right column starting higher", mastheadVariant(classicXref, 7, false)},
		{"right column lower all along", mastheadVariant(classicXref, -7, false)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := readPDF(t, tt.data)
			if got := texts(src); !slices.Equal(got, mastheadDoc) {
				t.Errorf("lines:\n got %q\nwant %q", got, mastheadDoc)
			}
			for _, tt := range []struct {
				text         string
				bold, center bool
			}{{"ỦY BAN NHÂN DÂN", false, false}, {"HUYỆN LỤC NGẠN", true, false}, {"CHƯƠNG TRÌNH", true, true},
				{"1. Về phát triển kinh tế", true, false}, {"chăm sóc vải thiều, cây có múi và các loại cây ăn quả.", false, false}} {
				if b := blockOf(t, src, tt.text); b.Bold != tt.bold || b.Center != tt.center {
					t.Errorf("%q: bold %v, center %v; want %v, %v", tt.text, b.Bold, b.Center, tt.bold, tt.center)
				}
			}
			comparePdftotext(t, tt.data, src)
		})
	}
}

// TestReadPDFEncryptedWithoutPassword reads a file encrypted only to restrict what its
// readers may do: it opens without a password.
func TestReadPDFEncryptedWithoutPassword(t *testing.T) {
	b := newPDFBuilder()
	var f testFont
	c := content(&f, mastheadRuns(0, false))
	f1, f2 := f.add(b, "TimesNewRomanPSMT", false, true), f.add(b, "TimesNewRomanPS-BoldMT", true, true)
	b.page(fmt.Sprintf("<< /Font << /F1 %d 0 R /F2 %d 0 R >> >>", f1, f2), "", c)
	data := rc4Encrypted(b)
	if got := texts(readPDF(t, data)); !slices.Equal(got, mastheadDoc) {
		t.Errorf("lines:\n got %q\nwant %q", got, mastheadDoc)
	}
}

// TestReadPDFDraftMark reads a draft's masthead, a "DỰ THẢO" mark above its right column:
// the mark goes to the head of that column, after "Số:", where it cannot be taken for the
// parent body.
func TestReadPDFDraftMark(t *testing.T) {
	want := slices.Insert(slices.Clone(mastheadDoc), 3, "DỰ THẢO")
	if got := texts(readPDF(t, mastheadVariant(classicXref, 0, true))); !slices.Equal(got, want) {
		t.Errorf("lines:\n got %q\nwant %q", got, want)
	}
	src := readPDF(t, renderPDF(t, func() export.ProgramDoc { d := pdfProgram(1); d.Draft = true; return d }()))
	wantPrefix(t, src, []string{"ỦY BAN NHÂN DÂN", "HUYỆN LỤC NGẠN", "Số: /CTr-UBND", "DỰ THẢO",
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Lục Ngạn, ngày tháng năm 2023", "CHƯƠNG TRÌNH"})
}

// TestReadPDFTableUnderTitle reads a weekly calendar without a masthead: the rows of its
// table, in two columns below the title, stay rows.
func TestReadPDFTableUnderTitle(t *testing.T) {
	b := newPDFBuilder()
	var f testFont
	title := textRun{font: "F2", size: 14, y: 780, text: "LỊCH CÔNG TÁC TUẦN"}
	title.x = 297 - title.width()/2
	c := content(&f, []textRun{title,
		{font: "F2", size: 12, x: 60, y: 750, text: "Thứ, ngày"}, {font: "F2", size: 12, x: 300, y: 750, text: "Nội dung"},
		{font: "F1", size: 12, x: 60, y: 730, text: "Thứ Hai"}, {font: "F1", size: 12, x: 200, y: 730, text: "8 giờ: Họp giao ban"},
		{font: "F1", size: 12, x: 60, y: 716, text: "17/04/2023"},
		{font: "F1", size: 12, x: 200, y: 716, text: "Địa điểm: Phòng họp số 1, UBND huyện Lục Ngạn"}})
	b.page(fmt.Sprintf("<< /Font << /F1 %d 0 R /F2 %d 0 R >> >>", f.add(b, "Arial", false, true),
		f.add(b, "Arial-Bold", false, true)), "", c)
	want := []string{"LỊCH CÔNG TÁC TUẦN", "Thứ, ngày Nội dung", "Thứ Hai 8 giờ: Họp giao ban",
		"17/04/2023 Địa điểm: Phòng họp số 1, UBND huyện Lục Ngạn"}
	if got := texts(readPDF(t, b.bytes(classicXref, ""))); !slices.Equal(got, want) {
		t.Errorf("lines:\n got %q\nwant %q", got, want)
	}
}

// TestReadPDFManyGlyphs reads a font of 1,200 characters whose ToUnicode map has them all
// in one block.
func TestReadPDFManyGlyphs(t *testing.T) {
	var runs []textRun
	var want []string
	for i := range 24 {
		var line []rune
		for j := range 50 {
			line = append(line, rune(0x4E00+50*i+j))
		}
		runs = append(runs, textRun{font: "F1", size: 10, x: 40, y: float64(800 - 14*i), text: string(line)})
		want = append(want, string(line))
	}
	b := newPDFBuilder()
	var f testFont
	c := content(&f, runs)
	b.page(fmt.Sprintf("<< /Font << /F1 %d 0 R >> >>", f.add(b, "SimSun", false, true)), "", c)
	if got := texts(readPDF(t, b.bytes(classicXref, ""))); !slices.Equal(got, want) {
		t.Errorf("got %q…, want %q…", got[:min(len(got), 2)], want[:2])
	}
}

// TestReadPDFIncrementalUpdate reads a file saved again with an update appended: the
// objects the update replaces are read from it.
func TestReadPDFIncrementalUpdate(t *testing.T) {
	b := newPDFBuilder()
	var f testFont
	old := content(&f, []textRun{{font: "F1", size: 12, x: 72, y: 700, text: "Bản cũ"}})
	updated := content(&f, []textRun{{font: "F1", size: 12, x: 72, y: 700, text: "Bản đã sửa"}})
	font := f.add(b, "Arial", false, true)
	b.page(fmt.Sprintf("<< /Font << /F1 %d 0 R >> >>", font), "", old)
	data := b.bytes(classicXref, "")
	prev := bytes.LastIndex(data, []byte("startxref"))
	var start int
	fmt.Sscanf(string(data[prev:]), "startxref\n%d", &start)
	contentObj := len(b.objs) // the page's content stream comes just before the page
	contentObj--
	var buf bytes.Buffer
	buf.Write(data)
	off := buf.Len()
	fmt.Fprintf(&buf, "%d 0 obj\n%s\nendobj\n", contentObj, stream("", []byte(updated)))
	xref := buf.Len()
	fmt.Fprintf(&buf, "xref\n0 1\n0000000000 65535 f \n%d 1\n%010d 00000 n \ntrailer\n<< /Size %d /Root 1 0 R /Prev %d >>\n"+
		"startxref\n%d\n%%%%EOF\n", contentObj, off, len(b.objs)+1, start, xref)
	if got := texts(readPDF(t, buf.Bytes())); !slices.Equal(got, []string{"Bản đã sửa"}) {
		t.Errorf("got %q, want the updated text", got)
	}
}

// simpleFont returns a TrueType font dictionary with the encoding enc, every glyph 500
// units wide.
func simpleFont(base, enc string) string {
	return fmt.Sprintf("<< /Type /Font /Subtype /TrueType /BaseFont /%s /FirstChar 32 /LastChar 255 /Widths [%s] "+
		"/Encoding %s >>", base, strings.TrimSpace(strings.Repeat("500 ", 224)), enc)
}

// onePage returns a file of one page drawing content with the fonts (name → dictionary).
func onePage(layout pdfLayout, content string, fonts ...string) []byte {
	b := newPDFBuilder()
	var res strings.Builder
	for i := 0; i+1 < len(fonts); i += 2 {
		fmt.Fprintf(&res, "/%s %d 0 R ", fonts[i], b.add(fonts[i+1]))
	}
	b.page("<< /Font << "+res.String()+">> >>", "", content)
	return b.bytes(layout, "")
}

// TestReadPDFSimpleFonts reads simple fonts: WinAnsi text with octal escapes, text typed
// in the legacy TCVN3 font encoding (returned as read, for [importer.Clean] to convert),
// and an encoding whose Differences name Vietnamese letters.
func TestReadPDFSimpleFonts(t *testing.T) {
	winAnsi := simpleFont("TimesNewRomanPS-BoldMT", "/WinAnsiEncoding")
	diffs := simpleFont("Times-Roman", "<< /Type /Encoding /BaseEncoding /WinAnsiEncoding "+
		"/Differences [128 /ohornacute /uni1EA1 /dcroat /Uhorn /uni0110] >>")
	for _, tt := range []struct {
		name, content, font string
		want                string
		bold                bool
	}{
		{"WinAnsi", `BT /F1 12 Tf 72 700 Td (C\364ng t\341c \(th\341ng 4\)) Tj ET`, winAnsi, "Công tác (tháng 4)", true},
		{"TCVN3", `BT /F1 12 Tf 72 700 Td (Ch\255\254ng tr\327nh c\253ng t\270c) Tj ET`, simpleFont(".VnTime", "/WinAnsiEncoding"),
			"Ch\u00ad\u00acng tr\u00d7nh c\u00abng t\u00b8c", false},
		{"Differences", `BT /F1 12 Tf 72 700 Td (\200\201\202\203\204) Tj ET`, diffs, "ớạđƯĐ", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src := readPDF(t, onePage(classicXref, tt.content, "F1", tt.font))
			if len(src.Blocks) != 1 || src.Blocks[0].Text != tt.want || src.Blocks[0].Bold != tt.bold {
				t.Fatalf("got %+v, want one line %q, bold %v", src.Blocks, tt.want, tt.bold)
			}
		})
	}
	src := readPDF(t, onePage(classicXref, `BT /F1 12 Tf 72 700 Td (Ch\255\254ng tr\327nh c\253ng t\270c) Tj ET`,
		"F1", simpleFont(".VnTime", "/WinAnsiEncoding")))
	if clean, legacy := importer.Clean(src, vn.ToneKeep); clean.Blocks[0].Text != "Chương trình công tác" || legacy != importer.LegacyTCVN3 {
		t.Errorf("cleaned: %q (%s), want \"Chương trình công tác\" (TCVN3)", clean.Blocks[0].Text, legacy)
	}
}

// TestReadPDFPositioning reads text placed in the ways producers place it.
func TestReadPDFPositioning(t *testing.T) {
	var f testFont
	h := f.hex
	for _, tt := range []struct {
		name    string
		content []string
		extra   string // of the page dictionary
		want    []string
	}{
		{"flipped CTM (browsers)", []string{"1 0 0 -1 0 842 cm BT /F1 12 Tf 1 0 0 -1 72 120 Tm " + h("Dòng hai") +
			" Tj 1 0 0 -1 72 100 Tm " + h("Dòng một") + " Tj ET"}, "", []string{"Dòng một", "Dòng hai"}},
		{"TJ kerning", []string{"BT /F1 12 Tf 72 700 Td [" + h("Công") + " -300 " + h("tác") + " -280 " + h("củ") + " 30 " +
			h("a") + "] TJ ET"}, "", []string{"Công tác của"}},
		{"leading and quotes", []string{"BT /F1 12 Tf 14 TL 72 700 Td " + h("Một") + " Tj " + h("Hai") + " ' 0 0 " +
			h("Ba") + ` " T* ET`}, "", []string{"Một", "Hai", "Ba"}},
		{"superscript", []string{"BT /F1 12 Tf 72 700 Td " + h("Diện tích 100 m") + " Tj /F1 8 Tf 4 Ts " + h("2") +
			" Tj ET"}, "", []string{"Diện tích 100 m2"}},
		{"fake bold drawn twice", []string{"BT /F1 12 Tf 72 700 Td " + h("Đậm") + " Tj ET BT /F1 12 Tf 72.3 700 Td " +
			h("Đậm") + " Tj ET"}, "", []string{"Đậm"}},
		{"form XObject", []string{"BT /F1 12 Tf 72 700 Td " + h("Trang") + " Tj ET q 1 0 0 1 0 -20 cm /X1 Do Q"}, "",
			[]string{"Trang", "Trong khung"}},
		{"inline image", []string{"BI /W 2 /H 2 /CS /G /BPC 8 ID \x00(\xffEI)\x00 EI BT /F1 12 Tf 72 700 Td " + h("Sau ảnh") +
			" Tj ET"}, "", []string{"Sau ảnh"}},
		{"two content streams split in a token", []string{"BT /F1 12 Tf 72 700 Td " + h("Nối")[:5], h("Nối")[5:] + " Tj ET"},
			"", []string{"Nối"}},
		{"page rotated 90°", []string{"BT /F1 12 Tf 0 1 -1 0 120 60 Tm " + h("Dòng hai") + " Tj 0 1 -1 0 100 60 Tm " +
			h("Dòng một") + " Tj ET"}, "/Rotate 90", []string{"Dòng một", "Dòng hai"}},
		{"rotated text left out", []string{"BT /F1 12 Tf 72 700 Td " + h("Ngang") + " Tj 0 1 -1 0 300 300 Tm " +
			h("Dọc") + " Tj ET"}, "", []string{"Ngang"}},
		{"outside the page left out", []string{"BT /F1 12 Tf 72 700 Td " + h("Trong") + " Tj 72 2000 Td " + h("Ngoài") +
			" Tj ET"}, "", []string{"Trong"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := newPDFBuilder()
			form := b.add(stream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Matrix [1 0 0 1 0 -20]",
				[]byte("BT /F1 12 Tf 72 700 Td "+h("Trong khung")+" Tj ET")))
			font := f.add(b, "Arial", false, true)
			b.page(fmt.Sprintf("<< /Font << /F1 %d 0 R >> /XObject << /X1 %d 0 R >> >>", font, form), tt.extra, tt.content...)
			if got := texts(readPDF(t, b.bytes(classicXref, ""))); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestReadPDFErrors checks that what cannot be read gives an EINVALID error with its
// message in Vietnamese.
func TestReadPDFErrors(t *testing.T) {
	const (
		notPDF    = "Tệp không phải là PDF hợp lệ."
		damaged   = "Tệp PDF bị hỏng, không đọc được nội dung."
		encrypted = "Tệp PDF được bảo vệ bằng mật khẩu, không đọc được."
		scan      = "Tệp PDF không có lớp chữ (bản quét); cần nhận dạng ký tự trước khi nhập."
		noUnicode = "Phông chữ của tệp PDF không cho biết mã Unicode của các chữ, không lấy được nội dung."
		tooLarge  = "Tệp PDF quá lớn: vượt quá 50 MB."
		tooMuch   = "Tệp PDF có nội dung nén quá lớn hoặc quá phức tạp, không đọc được."
		tooLong   = "Tệp PDF quá dài: có hơn 500 trang."
	)
	classic := mastheadPDF(classicXref)
	for _, tt := range []struct {
		name string
		data []byte
		msg  string
	}{
		{"empty", nil, notPDF},
		{"text", []byte("CHƯƠNG TRÌNH công tác"), notPDF},
		{"docx", []byte("PK\x03\x04 word/document.xml"), notPDF},
		{"truncated", classic[:len(classic)/2], damaged},
		{"bad startxref", bytes.Replace(classic, []byte("startxref\n"), []byte("startxref\n1"), 1), damaged},
		{"no page tree", pdfNoPageTree(), damaged},
		{"encrypted RC4", pdfEncrypted("/V 2 /R 3 /Length 128"), encrypted},
		{"encrypted AES-256", pdfEncrypted("/V 5 /R 6 /Length 256"), encrypted},
		{"scan", pdfScan(), scan},
		{"no ToUnicode", pdfNoUnicode(), noUnicode},
		{"over 50 MB", append([]byte("%PDF-1.4\n"), make([]byte, 50<<20)...), tooLarge},
		{"501 pages", pdfPages(501), tooLong},
		{"huge /Size", bytes.Replace(classic, []byte("/Size "), []byte("/Size 999999999999"), 1), tooMuch},
		{"huge xref subsection", bytes.Replace(classic, []byte("xref\n0 "), []byte("xref\n999999999999 "), 1), tooMuch},
		{"deep nesting", onePage(classicXref, "", "F1", strings.Repeat("[", 5000)+strings.Repeat("]", 5000)), tooMuch},
		{"object stream bomb", pdfObjStmBomb(), tooMuch},
		{"page tree cycle", pdfPageTreeCycle(), tooMuch},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src, err := importer.ReadPDF(tt.data)
			if err == nil {
				t.Fatalf("no error; got %q", texts(src))
			}
			if congtac.ErrorCode(err) != congtac.EINVALID || congtac.ErrorMessage(err) != tt.msg {
				t.Errorf("error %v: code %q, message %q; want EINVALID, %q", err, congtac.ErrorCode(err),
					congtac.ErrorMessage(err), tt.msg)
			}
		})
	}
}

// pdfNoPageTree returns a file whose catalog has no page tree.
func pdfNoPageTree() []byte {
	const obj = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
	return fmt.Appendf(nil, "%sxref\n0 2\n0000000000 65535 f \n%010d 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\n"+
		"startxref\n%d\n%%%%EOF\n", obj, len("%PDF-1.4\n"), len(obj))
}

// pdfPageTreeCycle returns a file whose page tree lists itself among its kids.
func pdfPageTreeCycle() []byte {
	b := newPDFBuilder()
	b.page("<< >>", "", "BT ET")
	b.pages = append(b.pages, 2)
	return b.bytes(classicXref, "")
}

// pdfEncrypted returns a one-page file encrypted with the parameters of the standard
// security handler, with a user password that is not empty.
func pdfEncrypted(params string) []byte {
	b := newPDFBuilder()
	b.page("<< >>", "", "BT ET")
	key := strings.Repeat(`\001`, 32)
	enc := b.add(fmt.Sprintf("<< /Filter /Standard %s /O (%s) /U (%s) /P -4 >>", params, key, key))
	return b.bytes(classicXref, fmt.Sprintf("/Encrypt %d 0 R /ID [<0102030405060708> <0102030405060708>]", enc))
}

// pdfScan returns a page that only draws an image, as a scanner makes.
func pdfScan() []byte {
	b := newPDFBuilder()
	img := b.add(stream("/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8",
		[]byte{0, 255, 255, 0}))
	b.page(fmt.Sprintf("<< /XObject << /Im1 %d 0 R >> >>", img), "", "q 595 0 0 842 0 0 cm /Im1 Do Q")
	return b.bytes(classicXref, "")
}

// pdfNoUnicode returns a page in a Type0 font without a ToUnicode map.
func pdfNoUnicode() []byte {
	b := newPDFBuilder()
	var f testFont
	c := content(&f, []textRun{{font: "F1", size: 12, x: 72, y: 700, text: "Không có bảng mã"}})
	b.page(fmt.Sprintf("<< /Font << /F1 %d 0 R >> >>", f.add(b, "Arial", false, false)), "", c)
	return b.bytes(classicXref, "")
}

// pdfPages returns a file of n pages, each saying its number.
func pdfPages(n int) []byte {
	b := newPDFBuilder()
	var f testFont
	var contents []string
	for i := range n {
		contents = append(contents, content(&f, []textRun{{font: "F1", size: 12, x: 72, y: 700, text: fmt.Sprint("Trang ", i+1)}}))
	}
	font := f.add(b, "Arial", false, true)
	for _, c := range contents {
		b.page(fmt.Sprintf("<< /Font << /F1 %d 0 R >> >>", font), "", c)
	}
	return b.bytes(classicXref, "")
}

// pdfObjStmBomb returns a file with an object stream that decompresses to 40 MB.
func pdfObjStmBomb() []byte {
	b := newPDFBuilder()
	b.page("<< >>", "", "BT ET")
	b.add(stream("/Type /ObjStm /N 1 /First 4", append([]byte("9 0 "), make([]byte, 40<<20)...)))
	return b.bytes(classicXref, "")
}

// TestReadPDFHundredPages reads a program of 100 pages, which should take well under a
// second (BenchmarkReadPDF measures it).
func TestReadPDFHundredPages(t *testing.T) {
	data := hundredPages(t)
	src := readPDF(t, data)
	if n := strings.Count(bodyText(src), pdfParagraph); n != 6*158 {
		t.Errorf("paragraph found %d times, want %d", n, 6*158)
	}
}

// hundredPages returns the program of 158 sections, checking it has 100 pages.
func hundredPages(tb testing.TB) []byte {
	tb.Helper()
	data := renderPDF(tb, pdfProgram(158))
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	if n := r.NumPage(); n != 100 {
		tb.Fatalf("%d pages, want 100", n)
	}
	return data
}

func BenchmarkReadPDF(b *testing.B) {
	data := hundredPages(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := importer.ReadPDF(data); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzReadPDF(f *testing.F) {
	f.Add(mastheadPDF(classicXref))
	f.Add(mastheadPDF(objectStreams))
	f.Add(pdfNoUnicode())
	f.Add(pdfScan())
	f.Add(pdfEncrypted("/V 2 /R 3 /Length 128"))
	f.Add(onePage(classicXref, `BT /F1 12 Tf 72 700 Td (C\364ng t\341c) Tj [(a) -300 (b)] TJ ET`, "F1",
		simpleFont("Times-Bold", "<< /Differences [128 /ohornacute] >>")))
	f.Add([]byte("%PDF-1.4\n%%EOF"))
	f.Fuzz(func(t *testing.T, data []byte) {
		src, err := importer.ReadPDF(data)
		if err != nil {
			if congtac.ErrorCode(err) != congtac.EINVALID || congtac.ErrorMessage(err) == "" {
				t.Fatalf("error %v: code %q, message %q", err, congtac.ErrorCode(err), congtac.ErrorMessage(err))
			}
			return
		}
		if len(src.Blocks) == 0 {
			t.Fatal("no blocks and no error")
		}
		for i, b := range src.Blocks {
			if b.Kind != importer.KindParagraph || b.Part != importer.PartBody || !utf8.ValidString(b.Text) || b.Table != nil {
				t.Fatalf("block %d: %+v", i, b)
			}
		}
	})
}
