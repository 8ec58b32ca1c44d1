package export

import (
	"bytes"
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"congtac"
)

// testDocs are the documents every format test writes: the seed program issued and as a
// draft, the invitation and conclusions of its regular meeting, the report on it, and the
// register of its documents.
func testDocs() []struct {
	name string
	doc  Doc
} {
	return []struct {
		name string
		doc  Doc
	}{
		{"program", seedProgram(false)}, {"program-draft", seedProgram(true)}, {"invitation", seedInvitation(false)},
		{"conclusion", seedConclusion()}, {"report", seedReport()}, {"register", seedRegister()},
		{"calendar", seedCalendar()},
	}
}

// seedCalendar is the week of the seed's regular meeting: the briefing on Thursday
// afternoon, the meeting on Friday at 8:00 with its agenda's preparers, visits made by hand,
// one cancelled, and a revision.
func seedCalendar() CalendarDoc {
	day := func(wd, date, lunar string, es ...CalendarEntry) CalendarDay {
		return CalendarDay{Weekday: wd, Date: date, Lunar: lunar, Entries: es}
	}
	return CalendarDoc{Settings: seedSettings(), Heading: "Tuần thứ 16 (từ ngày 17/04/2023 đến ngày 23/04/2023)",
		Revision: "Điều chỉnh lần 1", Changes: []string{"Chuyển buổi tiếp công dân sang chiều Thứ Ba."},
		Days: []CalendarDay{
			day("Thứ Hai", "17/04/2023", "27/2 nhuận ÂL", CalendarEntry{Part: congtac.Morning, Time: "7 giờ 30",
				Leader: "Nguyễn Văn Giang", Title: "Kiểm tra tiến độ dự án đường giao thông kết nối các xã phía Bắc",
				Place: "Xã Tân Sơn", Preparer: "Phòng Kinh tế và Hạ tầng", Accompany: "Đ/c Lê Văn Bình, Phó Chánh Văn phòng"}),
			day("Thứ Ba", "18/04/2023", "28/2 nhuận ÂL", CalendarEntry{Part: congtac.Afternoon, Leader: "Vương Mạnh Chung",
				Title: "Tiếp công dân định kỳ", Place: "Trụ sở Tiếp công dân huyện"},
				CalendarEntry{Part: congtac.Morning, Time: "8 giờ 00", Leader: "Vương Mạnh Chung", Title: "Làm việc với xã Quý Sơn",
					Cancelled: true}),
			day("Thứ Tư", "19/04/2023", "29/2 nhuận ÂL"),
			day("Thứ Năm", "20/04/2023", "1/3 ÂL", CalendarEntry{Part: congtac.Afternoon, Time: "14 giờ 00",
				Leader: "Nguyễn Văn Giang", Title: "Giao ban Chủ tịch, các Phó Chủ tịch UBND huyện",
				Participants: "Chủ tịch, các Phó Chủ tịch UBND huyện; Chánh Văn phòng", Place: "Phòng họp số 1"}),
			day("Thứ Sáu", "21/04/2023", "2/3 ÂL", CalendarEntry{Part: congtac.Morning, Time: "8 giờ 00",
				Leader: "Nguyễn Văn Giang", Title: "Hội nghị UBND huyện thường kỳ tháng 4",
				Participants: "Thành viên UBND huyện", Place: "Hội trường UBND huyện",
				Preparer: "Phòng Tài chính - KH, Phòng Kinh tế và Hạ tầng"}),
		}}
}

func seedRegister() RegisterDoc {
	docs := []congtac.Document{
		seedDocument(congtac.DocReport, 21, congtac.MustDate(2023, time.May, 5)),
		seedDocument(congtac.DocProgram, 5, congtac.MustDate(2023, time.April, 5)),
		seedDocument(congtac.DocInvitation, 12, congtac.MustDate(2023, time.April, 14)),
		seedDocument(congtac.DocNotice, 15, congtac.MustDate(2023, time.April, 24)),
	}
	docs[1].Summary, docs[1].Recipients = "Công tác của UBND huyện tháng 4 năm 2023", seedProgram(false).Program.Recipients
	docs[2].Summary, docs[2].SentOn = "Mời dự Hội nghị UBND huyện thường kỳ tháng 4 năm 2023", congtac.MustDate(2023, time.April, 14)
	docs[3].Summary = "Kết luận của đồng chí Nguyễn Văn Giang tại Hội nghị UBND huyện thường kỳ tháng 4 năm 2023"
	docs[0].Summary, docs[0].Note = "Kết quả thực hiện Chương trình công tác tháng 4 năm 2023", "Gửi kèm biểu số liệu"
	return RegisterDoc{Settings: seedSettings(), Year: 2023, Documents: docs}
}

// TestDOCXGolden compares the XML parts of every document with its golden file,
// re-indented so that a change reads as a diff. Run with -update to accept a change.
func TestDOCXGolden(t *testing.T) {
	for _, tt := range testDocs() {
		t.Run(tt.name, func(t *testing.T) {
			parts := unzip(t, render(t, tt.doc, "docx"))
			names := []string{"word/document.xml", "word/header2.xml"}
			if tt.name == "program" {
				names = append(names, "word/styles.xml", "word/settings.xml", "word/header1.xml")
			}
			for _, part := range names {
				got, err := indentXML(parts[part])
				if err != nil {
					t.Fatalf("%s: %v", part, err)
				}
				golden(t, tt.name+"."+strings.TrimPrefix(part, "word/"), got)
			}
		})
	}
}

// docPara is a paragraph of document.xml with the properties the decree prescribes.
type docPara struct {
	text          string
	size          int // half-points, from the first run (or the paragraph mark)
	bold, italic  bool
	jc            string
	first, after  int
	line          int
	left, right   int
	border        bool // a bottom border: a rule
	inTable, cell int  // table and cell index from 1, 0 outside tables
}

// docParas returns every paragraph of a document in order.
func docParas(t *testing.T, docx []byte) ([]docPara, *node) {
	t.Helper()
	root, err := parseXML(unzip(t, docx)["word/document.xml"])
	if err != nil {
		t.Fatal(err)
	}
	var out []docPara
	body := root.first("w:body")
	tables := 0
	for _, k := range body.kids {
		switch k.name {
		case "w:p":
			out = append(out, paraOf(k, 0, 0))
		case "w:tbl":
			tables++
			for c, tc := range k.all("w:tc") {
				for _, p := range tc.all("w:p") {
					out = append(out, paraOf(p, tables, c+1))
				}
			}
		}
	}
	return out, root
}

func paraOf(p *node, table, cell int) docPara {
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	d := docPara{text: p.textOf(), inTable: table, cell: cell}
	rpr := p.first("w:pPr").first("w:rPr")
	if r := p.first("w:r"); r.name != "" {
		rpr = r.first("w:rPr")
	}
	d.size = atoi(rpr.first("w:sz").attrs["w:val"])
	d.bold, d.italic = rpr.has("w:b"), rpr.has("w:i")
	ppr := p.first("w:pPr")
	d.jc = ppr.first("w:jc").attrs["w:val"]
	sp, ind := ppr.first("w:spacing"), ppr.first("w:ind")
	d.after, d.line = atoi(sp.attrs["w:after"]), atoi(sp.attrs["w:line"])
	d.first, d.left, d.right = atoi(ind.attrs["w:firstLine"]), atoi(ind.attrs["w:left"]), atoi(ind.attrs["w:right"])
	d.border = ppr.first("w:pBdr").has("w:bottom")
	return d
}

// find returns the first paragraph whose text is s.
func find(t *testing.T, ps []docPara, s string) (docPara, int) {
	t.Helper()
	for i, p := range ps {
		if p.text == s {
			return p, i
		}
	}
	t.Fatalf("no paragraph %q", s)
	return docPara{}, -1
}

// TestDOCXLayout reads the seed program's DOCX back and checks the layout of Decree
// 30/2020: page, margins, masthead, title, body, closing, recipients and signature block.
func TestDOCXLayout(t *testing.T) {
	ps, root := docParas(t, render(t, seedProgram(false), "docx"))
	sect := root.first("w:sectPr")
	for attr, want := range map[string]string{"w:w": "11906", "w:h": "16838"} {
		if got := sect.first("w:pgSz").attrs[attr]; got != want {
			t.Errorf("page size %s = %s, want %s", attr, got, want)
		}
	}
	for attr, want := range map[string]string{"w:top": "1134", "w:bottom": "1134", "w:left": "1701", "w:right": "850", "w:header": "567"} {
		if got := sect.first("w:pgMar").attrs[attr]; got != want {
			t.Errorf("margin %s = %s, want %s", attr, got, want)
		}
	}
	if !sect.has("w:titlePg") {
		t.Error("no different first page: page 1 would show a number")
	}
	checks := []struct {
		text         string
		size         int
		bold, italic bool
		jc           string
	}{
		{"ỦY BAN NHÂN DÂN", pt13, true, false, "center"},
		{"HUYỆN LỤC NGẠN", pt13, true, false, "center"},
		{"Số: 05/CTr-UBND", pt13, false, false, "center"},
		{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", pt12, true, false, "center"},
		{"Độc lập - Tự do - Hạnh phúc", pt13, true, false, "center"},
		{"Lục Ngạn, ngày 05 tháng 4 năm 2023", pt13, false, true, "center"},
		{"CHƯƠNG TRÌNH", pt14, true, false, "center"},
		{"Công tác của UBND huyện tháng 4 năm 2023", pt14, true, false, "center"},
		{"A. NHIỆM VỤ TRỌNG TÂM THÁNG 4 VÀ QUÝ II NĂM 2023", pt14, true, false, "both"},
		{"1. Về phát triển kinh tế", pt14, true, false, "both"},
		{"Nơi nhận:", pt12, true, true, "left"},
		{"- TT Huyện ủy, TT HĐND huyện;", pt11, false, false, "left"},
		{"- Lưu: VT.", pt11, false, false, "left"},
		{"TL. CHỦ TỊCH", pt14, true, false, "center"},
		{"CHÁNH VĂN PHÒNG", pt14, true, false, "center"},
		{"Vương Mạnh Chung", pt14, true, false, "center"},
	}
	for _, c := range checks {
		p, _ := find(t, ps, c.text)
		if p.size != c.size || p.bold != c.bold || p.italic != c.italic || p.jc != c.jc {
			t.Errorf("%q: size %d bold %v italic %v jc %s; want %d %v %v %s", c.text, p.size, p.bold, p.italic, p.jc,
				c.size, c.bold, c.italic, c.jc)
		}
	}
	checkRules(t, ps)
	checkBody(t, ps)
	checkRecipients(t, ps)
}

// checkRules checks the rules under the issuing body (1/3 to 1/2 of its name), under the
// motto (as long as it) and under the summary (1/3 to 1/2).
func checkRules(t *testing.T, ps []docPara) {
	t.Helper()
	var m metrics
	rules := []struct {
		after      string
		col        int
		text       string
		size       int
		minR, maxR float64
	}{
		{"HUYỆN LỤC NGẠN", mastLeft, "HUYỆN LỤC NGẠN", pt13, 1.0 / 3, 0.5},
		{"Độc lập - Tự do - Hạnh phúc", portrait(Margins{}).textWidth() - mastLeft, "Độc lập - Tự do - Hạnh phúc", pt13, 0.99, 1.01},
		{"Công tác của UBND huyện tháng 4 năm 2023", portrait(Margins{}).textWidth(), "Công tác của UBND huyện tháng 4 năm 2023", pt14, 1.0 / 3, 0.5},
	}
	for _, r := range rules {
		_, i := find(t, ps, r.after)
		rule := ps[i+1]
		if !rule.border || rule.text != "" {
			t.Errorf("no rule paragraph after %q: %+v", r.after, rule)
			continue
		}
		textWidth, _ := m.textWidth(r.text, bold, r.size)
		ratio := float64(r.col-rule.left-rule.right) / textWidth
		if ratio < r.minR || ratio > r.maxR {
			t.Errorf("rule under %q is %.2f of the text, want %.2f–%.2f", r.after, ratio, r.minR, r.maxR)
		}
	}
}

// checkBody checks every body paragraph: 14 pt, justified, first line indented 1.27 cm,
// at least 6 pt after, lines between single and 1.5 spacing; and the closing "./.".
func checkBody(t *testing.T, ps []docPara) {
	t.Helper()
	n, last := 0, ""
	for _, p := range ps {
		if p.jc != "both" || p.inTable != 0 {
			continue
		}
		n++
		last = p.text
		// Single spacing of Times New Roman is 1.15 times the size; 1.5 lines 1.73 times.
		ratio := float64(p.line) / float64(p.size*10)
		if p.size != pt14 || p.first != 720 || p.after < 120 || ratio < 1.15 || ratio > 1.73 {
			t.Errorf("body paragraph %.40q: size %d, first line %d, after %d, line %d (%.2f of the size)",
				p.text, p.size, p.first, p.after, p.line, ratio)
		}
	}
	if n < 30 {
		t.Errorf("%d body paragraphs, want the seed's 30 or more", n)
	}
	if !strings.HasSuffix(last, "đơn vị./.") {
		t.Errorf("the text ends %q, want it closed with ./.", last)
	}
}

// checkRecipients checks the lines of "Nơi nhận": "- " or "+ " first, ";" or ":" last,
// the last line "- Lưu: …." with a full stop.
func checkRecipients(t *testing.T, ps []docPara) {
	t.Helper()
	_, i := find(t, ps, "Nơi nhận:")
	var lines []string
	for _, p := range ps[i+1:] {
		if p.cell != ps[i].cell || p.inTable != ps[i].inTable {
			break
		}
		lines = append(lines, p.text)
	}
	if len(lines) != 12 {
		t.Fatalf("%d recipient lines, want 12: %q", len(lines), lines)
	}
	for k, l := range lines {
		ok := (strings.HasPrefix(l, "- ") || strings.HasPrefix(l, "+ ")) &&
			(strings.HasSuffix(l, ";") || strings.HasSuffix(l, ":"))
		if k == len(lines)-1 {
			ok = strings.HasPrefix(l, "- Lưu: ") && strings.HasSuffix(l, ".")
		}
		if !ok {
			t.Errorf("recipient line %q", l)
		}
	}
}

// TestDOCXDraft checks what a draft shows: a blank number and date, the "DỰ THẢO" mark
// boxed at the top of page 1.
func TestDOCXDraft(t *testing.T) {
	docx := render(t, seedProgram(true), "docx")
	ps, _ := docParas(t, docx)
	find(t, ps, "Số:       /CTr-UBND")
	find(t, ps, "Lục Ngạn, ngày      tháng      năm 2023")
	head, err := parseXML(unzip(t, docx)["word/header2.xml"])
	if err != nil {
		t.Fatal(err)
	}
	p := head.first("w:p")
	if got := strings.TrimSpace(p.textOf()); got != "DỰ THẢO" || !p.has("w:bdr") || p.first("w:jc").attrs["w:val"] != "right" {
		t.Errorf("first page header = %q, border %v; want DỰ THẢO boxed at the right", got, p.has("w:bdr"))
	}
}

// TestDOCXFontsAndPageNumbers checks Times New Roman everywhere and the page number field,
// centred in the header of every page but the first.
func TestDOCXFontsAndPageNumbers(t *testing.T) {
	parts := unzip(t, render(t, seedProgram(false), "docx"))
	styles, err := parseXML(parts["word/styles.xml"])
	if err != nil {
		t.Fatal(err)
	}
	fonts := styles.first("w:rPrDefault").first("w:rFonts")
	for _, a := range []string{"w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"} {
		if fonts.attrs[a] != "Times New Roman" {
			t.Errorf("default font %s = %q, want Times New Roman", a, fonts.attrs[a])
		}
	}
	if bytes.Contains(parts["word/document.xml"], []byte("w:rFonts")) {
		t.Error("document.xml names a font of its own: everything must be Times New Roman")
	}
	head, err := parseXML(parts["word/header1.xml"])
	if err != nil {
		t.Fatal(err)
	}
	instr := head.first("w:instrText")
	if strings.TrimSpace(instr.text) != "PAGE" || head.first("w:jc").attrs["w:val"] != "center" ||
		head.first("w:sz").attrs["w:val"] != "26" {
		t.Errorf("page number header: field %q, jc %q, size %q", instr.text, head.first("w:jc").attrs["w:val"],
			head.first("w:sz").attrs["w:val"])
	}
}

func TestMargins(t *testing.T) {
	tests := []struct {
		in                       Margins
		top, bottom, left, right int
		ok                       bool
	}{
		{Margins{}, 1134, 1134, 1701, 850, true},
		{Margins{Top: 25, Bottom: 25, Left: 35, Right: 20}, 1417, 1417, 1984, 1134, true},
		{Margins{Top: 22, Bottom: 20, Left: 32.5, Right: 17}, 1247, 1134, 1843, 964, true},
		{Margins{Top: 19, Bottom: 20, Left: 30, Right: 15}, 0, 0, 0, 0, false},
		{Margins{Top: 20, Bottom: 20, Left: 30, Right: 21}, 0, 0, 0, 0, false},
		{Margins{Top: 20, Bottom: 20, Left: 36, Right: 15}, 0, 0, 0, 0, false},
		{Margins{Top: math.NaN(), Bottom: 20, Left: 30, Right: 15}, 0, 0, 0, 0, false},
	}
	for _, tt := range tests {
		doc := seedProgram(false)
		doc.Options.Margins = tt.in
		var b bytes.Buffer
		err := DOCX(&b, doc)
		if !tt.ok {
			if congtac.ErrorCode(err) != congtac.EINVALID || b.Len() != 0 {
				t.Errorf("%+v: err %v, %d bytes written; want EINVALID and nothing", tt.in, err, b.Len())
			}
			if err := PDF(&b, doc); congtac.ErrorCode(err) != congtac.EINVALID {
				t.Errorf("%+v: PDF err %v, want EINVALID", tt.in, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%+v: %v", tt.in, err)
		}
		_, root := docParas(t, b.Bytes())
		m := root.first("w:pgMar").attrs
		got := []string{m["w:top"], m["w:bottom"], m["w:left"], m["w:right"]}
		want := []string{strconv.Itoa(tt.top), strconv.Itoa(tt.bottom), strconv.Itoa(tt.left), strconv.Itoa(tt.right)}
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%+v: margins %v, want %v", tt.in, got, want)
		}
	}
	var ce *congtac.Error
	if err := (Margins{Top: 30}).Validate(); !errors.As(err, &ce) || !strings.Contains(ce.Message, "Lề trên") {
		t.Errorf("Validate = %v, want a Vietnamese message naming the top margin", err)
	}
}
