package export

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"congtac"
)

func TestRegisterTitleNamesTheTypeOnce(t *testing.T) {
	tests := []struct {
		kind              congtac.DocType
		summary           string
		wantKind, wantSum string
	}{
		{congtac.DocInvitation, "Mời dự Phiên họp UBND tỉnh thường kỳ tháng 11 năm 2026", "Giấy mời", "dự Phiên họp UBND tỉnh thường kỳ tháng 11 năm 2026"},
		{congtac.DocInvitation, "Dự Phiên họp UBND tỉnh", "Giấy mời", "dự Phiên họp UBND tỉnh"},
		{congtac.DocInvitation, "Giấy mời dự hội nghị", "Giấy mời", "dự hội nghị"},
		{congtac.DocProgram, "Công tác của UBND tỉnh tháng 12 năm 2026", "Chương trình", "công tác của UBND tỉnh tháng 12 năm 2026"},
		{congtac.DocReport, "Báo cáo kết quả thực hiện", "Báo cáo", "kết quả thực hiện"},
		{congtac.DocNotice, "UBND tỉnh tạm hoãn phiên họp", "Thông báo", "UBND tỉnh tạm hoãn phiên họp"},
		{congtac.DocNotice, "Thông báo", "Thông báo", "thông báo"},
		{congtac.DocLetter, "V/v báo cáo tiến độ", "Công văn", "V/v báo cáo tiến độ"},
	}
	for _, tt := range tests {
		kind, sum := RegisterTitle(congtac.Document{Type: tt.kind, Summary: tt.summary})
		if kind != tt.wantKind || sum != tt.wantSum {
			t.Errorf("RegisterTitle(%s, %q) = %q, %q; want %q, %q", tt.kind, tt.summary, kind, sum, tt.wantKind, tt.wantSum)
		}
	}
}

// TestRegisterRows checks the cells of the register as the XLSX and the PDF print them:
// the type once in the summary, a group heading of the recipients followed by its members
// (never ":;"), the file copy in the keeper column rather than among the recipients.
func TestRegisterRows(t *testing.T) {
	d := seedRegister()
	d.Documents[1].Keeper = "" // the program: its "Lưu: VT." line names the keeper
	rows := d.rows()
	byCode := map[string][]string{}
	for _, r := range rows {
		byCode[r[0]] = r
	}
	want := map[string]map[int]string{
		"12/GM-UBND":  {2: "Giấy mời dự Hội nghị UBND huyện thường kỳ tháng 4 năm 2023", 4: "Như thành phần mời", 5: "Văn phòng (TH)"},
		"05/CTr-UBND": {2: "Chương trình công tác của UBND huyện tháng 4 năm 2023", 5: "VT"},
		"15/TB-UBND":  {2: "Thông báo kết luận của đồng chí Nguyễn Văn Giang tại Hội nghị UBND huyện thường kỳ tháng 4 năm 2023"},
	}
	for code, cells := range want {
		for col, w := range cells {
			if got := byCode[code][col]; got != w {
				t.Errorf("%s column %d = %q, want %q", code, col+1, got, w)
			}
		}
	}
	recipients := byCode["05/CTr-UBND"][4]
	if !strings.HasPrefix(recipients, "Văn phòng UBND tỉnh: Phòng Tổng hợp, Phòng KG-VX; TT Huyện ủy, TT HĐND huyện; ") ||
		strings.Contains(recipients, ":;") || strings.Contains(recipients, "Lưu") {
		t.Errorf("recipients cell %q", recipients)
	}
}

// TestRecipientHeadingKeepsItsColon prints a program whose group heading was typed with a
// trailing ";": the DOCX and the PDF print "- Văn phòng UBND tỉnh:", never ":;".
func TestRecipientHeadingKeepsItsColon(t *testing.T) {
	d := seedProgram(false)
	d.Program.Recipients = []string{"- Văn phòng UBND tỉnh:;", "+ Phòng Tổng hợp;", "UBND các xã, thị trấn", "Lưu: VT, TH"}
	want := []string{"- Văn phòng UBND tỉnh:", "+ Phòng Tổng hợp;", "- UBND các xã, thị trấn;", "- Lưu: VT, TH."}
	if got := recipientLines(d.Program.Recipients); !slices.Equal(got, want) {
		t.Errorf("recipient lines %q, want %q", got, want)
	}
	ps, _ := docParas(t, render(t, d, "docx"))
	var docx []string
	for _, p := range ps {
		docx = append(docx, p.text)
	}
	for _, w := range want {
		if !slices.Contains(docx, w) {
			t.Errorf("the DOCX lacks the paragraph %q", w)
		}
	}
	text := pdfTool(t, "pdftotext", "-raw", "-enc", "UTF-8", writeTemp(t, "p.pdf", render(t, d, "pdf")), "-")
	if !strings.Contains(text, "- Văn phòng UBND tỉnh:\n") || strings.Contains(text, ":;") {
		t.Errorf("the PDF prints the heading as %q", text[strings.Index(text, "Nơi nhận"):])
	}
}

// TestInvitationSummaryDraftAndIssued checks that an invitation registered as "Mời dự …"
// prints the summary its draft prints: "Dự <meeting title>".
func TestInvitationSummaryDraftAndIssued(t *testing.T) {
	draft := seedInvitation(true)
	draft.Document.Summary = ""
	issued := seedInvitation(false)
	issued.Document.Summary = "Mời dự Hội nghị UBND huyện thường kỳ tháng 4 năm 2023"
	want := "Dự Hội nghị UBND huyện thường kỳ tháng 4 năm 2023"
	for name, d := range map[string]InvitationDoc{"draft": draft, "issued": issued} {
		if got := d.Summary(); got != want {
			t.Errorf("%s summary %q, want %q", name, got, want)
		}
		ps, _ := docParas(t, render(t, d, "docx"))
		i := slices.IndexFunc(ps, func(p docPara) bool { return p.text == "GIẤY MỜI" })
		if i < 0 || i+1 >= len(ps) || ps[i+1].text != want {
			t.Errorf("%s: no %q under GIẤY MỜI", name, want)
		}
	}
}

// TestInvitationNamesTheChairWithThePost checks the "Chủ trì:" line: the post before the
// name when the invitation has it, else "đồng chí" and the name.
func TestInvitationNamesTheChairWithThePost(t *testing.T) {
	withPost := seedInvitation(false)
	withPost.Chair = "Chủ tịch UBND huyện Lục Ngạn Nguyễn Văn Giang"
	for d, want := range map[*InvitationDoc]string{&withPost: "Chủ trì: Chủ tịch UBND huyện Lục Ngạn Nguyễn Văn Giang.",
		new(seedInvitation(false)): "Chủ trì: đồng chí Nguyễn Văn Giang."} {
		ps, _ := docParas(t, render(t, *d, "docx"))
		if !slices.ContainsFunc(ps, func(p docPara) bool { return p.text == want }) {
			t.Errorf("no paragraph %q", want)
		}
	}
}

// TestRegisterRowsFitTheirText lays out a year of a province's register (a program with
// its long list of recipients and an invitation each month): the widest column goes to the
// recipients, in 10 pt, so that a program's row is at most 6 lines of text and an
// invitation's 3, and the 24 documents take at most 4 pages: six rows a page (it was 6
// pages with the recipients at 15 % of the width, in 11 pt, with their "Lưu: VT, TH").
func TestRegisterRowsFitTheirText(t *testing.T) {
	d := yearOfRegister()
	var m metrics
	s, err := d.layout(&m)
	if err != nil {
		t.Fatal(err)
	}
	tbl, ok := s.blocks[len(s.blocks)-1].(*table)
	if !ok {
		t.Fatalf("the register ends with a %T, not its table", s.blocks[len(s.blocks)-1])
	}
	if widest := slices.Max(tbl.cols); tbl.cols[4] != widest {
		t.Errorf("columns %v: the recipients' is not the widest", tbl.cols)
	}
	for i, row := range tbl.rows[1:] {
		tallest := 0
		for j, c := range row {
			lines, err := breakLines(&m, c.paras[0], tbl.cols[j]-2*tbl.cellPadding())
			if err != nil {
				t.Fatal(err)
			}
			tallest = max(tallest, len(lines))
		}
		if limit := map[bool]int{true: 6, false: 3}[i%2 == 0]; tallest > limit {
			t.Errorf("row %d (%s) is %d lines, want at most %d", i+1, row[0].paras[0].runs[0].text, tallest, limit)
		}
	}
	info := pdfTool(t, "pdfinfo", writeTemp(t, "so.pdf", render(t, d, "pdf")))
	var pages int
	for _, l := range strings.Split(info, "\n") {
		if rest, ok := strings.CutPrefix(l, "Pages:"); ok {
			pages, _ = strconv.Atoi(strings.TrimSpace(rest))
		}
	}
	if pages < 1 || pages > 4 {
		t.Errorf("24 documents take %d pages, want at most 4", pages)
	}
}

// yearOfRegister returns the register of a province for a year: each month a program
// sent to the province's bodies and an invitation to the regular meeting.
func yearOfRegister() RegisterDoc {
	var docs []congtac.Document
	for m := 1; m <= 12; m++ {
		p := seedDocument(congtac.DocProgram, 2*m-1, congtac.MustDate(2026, time.Month(m), 2))
		p.Summary, p.Keeper = fmt.Sprintf("Công tác của UBND tỉnh tháng %d năm 2026", m), ""
		p.Recipients = []string{"Thường trực Tỉnh ủy, Thường trực HĐND tỉnh;", "Chủ tịch, các Phó Chủ tịch UBND tỉnh;",
			"Các sở, ban, ngành thuộc UBND tỉnh;", "UB MTTQ Việt Nam tỉnh và các đoàn thể;", "LĐVP, các phòng chuyên môn;",
			"UBND các xã, phường, đặc khu;", "Lưu: VT, TH."}
		gm := seedDocument(congtac.DocInvitation, 2*m, congtac.MustDate(2026, time.Month(m), 12))
		gm.Summary = fmt.Sprintf("Mời dự Phiên họp UBND tỉnh thường kỳ tháng %d năm 2026", m)
		docs = append(docs, p, gm)
	}
	return RegisterDoc{Settings: seedSettings(), Year: 2026, Documents: docs}
}
