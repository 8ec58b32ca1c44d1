package export

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"congtac"

	"github.com/xuri/excelize/v2"
)

// openXLSX writes a workbook with write and opens it again.
func openXLSX(t *testing.T, write func(*bytes.Buffer) error) (*excelize.File, []byte) {
	t.Helper()
	var b bytes.Buffer
	if err := write(&b); err != nil {
		t.Fatal(err)
	}
	data := b.Bytes()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("excelize cannot read it back: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f, data
}

// checkSheetFrame checks what the register and the task list have: the title in row 1
// across every column, the header row 2 frozen with it and filtered, and the page set to
// print on A4 landscape, one page wide.
func checkSheetFrame(t *testing.T, f *excelize.File, data []byte, sheet, title, lastCell string) {
	t.Helper()
	if got, _ := f.GetCellValue(sheet, "A1"); got != title {
		t.Errorf("title row A1 = %q, want %q", got, title)
	}
	merged, err := f.GetMergeCells(sheet)
	lastCol := regexp.MustCompile(`^[A-Z]+`).FindString(lastCell)
	if err != nil || len(merged) != 1 || merged[0].GetStartAxis() != "A1" || merged[0].GetEndAxis() != lastCol+"1" {
		t.Errorf("merged cells %v, %v; want the title over A1:%s1", merged, err, lastCol)
	}
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != 2 || panes.TopLeftCell != "A3" {
		t.Errorf("panes = %+v, %v; want the title and header rows frozen", panes, err)
	}
	sheetXML := string(unzip(t, data)["xl/worksheets/sheet1.xml"])
	abs := "$" + regexp.MustCompile(`^([A-Z]+)`).ReplaceAllString(lastCell, "$1$$") // J5 → $J$5, as excelize writes it
	if !strings.Contains(sheetXML, `<autoFilter ref="A2:`+lastCell+`"`) && !strings.Contains(sheetXML, `<autoFilter ref="$A$2:`+abs+`"`) {
		t.Errorf("no autofilter over A2:%s in %.300s", lastCell, sheetXML)
	}
	layout, err := f.GetPageLayout(sheet)
	if err != nil || layout.Orientation == nil || *layout.Orientation != "landscape" || layout.Size == nil || *layout.Size != 9 ||
		layout.FitToWidth == nil || *layout.FitToWidth != 1 || layout.FitToHeight == nil || *layout.FitToHeight != 0 {
		t.Errorf("page layout %s, %v; want A4 landscape, fit to 1 page wide, any number tall", show(layout), err)
	}
	props, err := f.GetSheetProps(sheet)
	if err != nil || props.FitToPage == nil || !*props.FitToPage {
		t.Errorf("sheet props %+v, %v; want fit to page on", props, err)
	}
}

// show prints the set fields of a page layout.
func show(l excelize.PageLayoutOptions) string {
	var b strings.Builder
	if l.Orientation != nil {
		fmt.Fprintf(&b, "orientation %s ", *l.Orientation)
	}
	if l.FitToWidth != nil {
		fmt.Fprintf(&b, "width %d ", *l.FitToWidth)
	}
	if l.FitToHeight != nil {
		fmt.Fprintf(&b, "height %d", *l.FitToHeight)
	}
	return b.String()
}

// dateCell checks that a cell holds a real date shown dd/mm/yyyy.
func dateCell(t *testing.T, f *excelize.File, sheet, cell, want string) {
	t.Helper()
	shown, err := f.GetCellValue(sheet, cell)
	if err != nil || shown != want {
		t.Errorf("%s shows %q, %v; want %q", cell, shown, err, want)
	}
	raw, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if !regexp.MustCompile(`^\d{5}$`).MatchString(raw) {
		t.Errorf("%s holds %q, want an Excel date serial", cell, raw)
	}
	id, _ := f.GetCellStyle(sheet, cell)
	style, err := f.GetStyle(id)
	if err != nil || style.CustomNumFmt == nil || *style.CustomNumFmt != "dd/mm/yyyy" {
		t.Errorf("%s style %+v, %v; want the number format dd/mm/yyyy", cell, style, err)
	}
}

func TestRegisterXLSX(t *testing.T) {
	f, data := openXLSX(t, func(b *bytes.Buffer) error { return RegisterXLSX(b, seedRegister()) })
	sheet := "Văn bản đi 2023"
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[1], "|"); got != strings.Join(registerHeader[:], "|") {
		t.Errorf("header = %s", got)
	}
	var codes []string
	for _, r := range rows[2:] {
		codes = append(codes, r[0])
	}
	if got, want := strings.Join(codes, " "), "05/CTr-UBND 12/GM-UBND 15/TB-UBND 21/BC-UBND"; got != want {
		t.Errorf("register order %s, want %s", got, want)
	}
	checkSheetFrame(t, f, data, sheet, "Sổ đăng ký văn bản đi năm 2023", "J6")
	dateCell(t, f, sheet, "B3", "05/04/2023")
	dateCell(t, f, sheet, "H4", "14/04/2023")
	if got := rows[3][2]; got != "Giấy mời dự Hội nghị UBND huyện thường kỳ tháng 4 năm 2023" {
		t.Errorf("type and summary %q", got)
	}
	if got := rows[2][4]; !strings.HasPrefix(got, "Văn phòng UBND tỉnh: Phòng Tổng hợp, Phòng KG-VX; TT Huyện ủy") {
		t.Errorf("recipients cell %q", got)
	}
	if got, _ := f.GetCellValue(sheet, "G3"); got != "30" {
		t.Errorf("copies %q, want 30", got)
	}
	// The recipients, the longest text of a row, have the widest column, as in print.
	if c, _ := f.GetColWidth(sheet, "C"); c != 38 {
		t.Errorf("summary column width %v, want 38", c)
	}
	if e, _ := f.GetColWidth(sheet, "E"); e != 52 {
		t.Errorf("recipients column width %v, want 52", e)
	}
	if props, err := f.GetDocProps(); err != nil || props.Title != "Sổ đăng ký văn bản đi năm 2023" {
		t.Errorf("title %q, %v", props.Title, err)
	}
}

func TestTasksXLSX(t *testing.T) {
	p := seedProgram(false).Program
	p.Tasks[2].DoneOn = congtac.MustDate(2023, time.April, 28)
	table := TaskTable{Title: "Nhiệm vụ tháng 4 năm 2023", Tasks: p.Tasks, Items: p.Items, Orgs: seedOrgs,
		People: seedPeople, AsOf: congtac.MustDate(2023, time.May, 2)}
	f, data := openXLSX(t, func(b *bytes.Buffer) error { return TasksXLSX(b, table) })
	rows, err := f.GetRows("Nhiệm vụ")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(p.Tasks)+2 || strings.Join(rows[1], "|") != strings.Join(taskHeader[:], "|") {
		t.Fatalf("%d rows, header %q", len(rows), rows[1])
	}
	checkSheetFrame(t, f, data, "Nhiệm vụ", "Nhiệm vụ tháng 4 năm 2023", "N9")
	want := map[string]string{"A3": "1", "B3": "A.1.1", "B4": "A.1.3", "B7": "A.2.2", "B8": "A.3.2", "E3": "Phòng Nông nghiệp và PTNT",
		"F3": "UBND các xã, thị trấn", "G3": "Nguyễn Văn Giang", "I3": "trong Quý II/2023", "J3": "Đang thực hiện trong hạn",
		"J5": "Hoàn thành đúng hạn", "J8": "Quá hạn chưa hoàn thành", "H7": "", "I7": "trong dịp nghỉ hè", "K3": "", "K5": "",
		"M6": "thu tiền dịch vụ VSMT: trên 50% chỉ tiêu kế hoạch cả năm"}
	for cell, w := range want {
		if got, _ := f.GetCellValue("Nhiệm vụ", cell); got != w {
			t.Errorf("%s = %q, want %q", cell, got, w)
		}
	}
	dateCell(t, f, "Nhiệm vụ", "H3", "30/06/2023")
	dateCell(t, f, "Nhiệm vụ", "L5", "28/04/2023")
	if got, _ := f.GetCellValue("Nhiệm vụ", "K8"); got != fmt.Sprint(p.Tasks[5].DaysOverdue(table.AsOf)) || got == "0" {
		t.Errorf("K7 (days overdue) = %q", got)
	}
}
