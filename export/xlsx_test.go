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

// checkSheetFrame checks what every workbook has: the header row frozen and filtered.
func checkSheetFrame(t *testing.T, f *excelize.File, data []byte, sheet, lastCell string) {
	t.Helper()
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("panes = %+v, %v; want the first row frozen", panes, err)
	}
	sheetXML := string(unzip(t, data)["xl/worksheets/sheet1.xml"])
	abs := "$" + regexp.MustCompile(`^([A-Z]+)`).ReplaceAllString(lastCell, "$1$$") // J5 → $J$5, as excelize writes it
	if !strings.Contains(sheetXML, `<autoFilter ref="A1:`+lastCell+`"`) && !strings.Contains(sheetXML, `<autoFilter ref="$A$1:`+abs+`"`) {
		t.Errorf("no autofilter over A1:%s in %.300s", lastCell, sheetXML)
	}
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
	if got := strings.Join(rows[0], "|"); got != strings.Join(registerHeader[:], "|") {
		t.Errorf("header = %s", got)
	}
	var codes []string
	for _, r := range rows[1:] {
		codes = append(codes, r[0])
	}
	if got, want := strings.Join(codes, " "), "05/CTr-UBND 12/GM-UBND 15/TB-UBND 21/BC-UBND"; got != want {
		t.Errorf("register order %s, want %s", got, want)
	}
	checkSheetFrame(t, f, data, sheet, "J5")
	dateCell(t, f, sheet, "B2", "05/04/2023")
	dateCell(t, f, sheet, "H3", "14/04/2023")
	if got := rows[1][4]; !strings.HasPrefix(got, "Văn phòng UBND tỉnh: Phòng Tổng hợp, Phòng KG-VX; TT Huyện ủy") {
		t.Errorf("recipients cell %q", got)
	}
	if got, _ := f.GetCellValue(sheet, "G2"); got != "30" {
		t.Errorf("copies %q, want 30", got)
	}
	if w, _ := f.GetColWidth(sheet, "C"); w != 48 {
		t.Errorf("summary column width %v, want 48", w)
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
	if len(rows) != len(p.Tasks)+1 || strings.Join(rows[0], "|") != strings.Join(taskHeader[:], "|") {
		t.Fatalf("%d rows, header %q", len(rows), rows[0])
	}
	checkSheetFrame(t, f, data, "Nhiệm vụ", "N8")
	want := map[string]string{"A2": "1", "B2": "1.1.", "E2": "Phòng Nông nghiệp và PTNT", "F2": "UBND các xã, thị trấn",
		"G2": "Nguyễn Văn Giang", "I2": "trong Quý II/2023", "J2": "Đang thực hiện trong hạn",
		"J4": "Hoàn thành đúng hạn", "J7": "Quá hạn chưa hoàn thành", "H6": "", "I6": "trong dịp nghỉ hè", "K2": "", "K4": "",
		"M5": "thu tiền dịch vụ VSMT: trên 50% chỉ tiêu kế hoạch cả năm"}
	for cell, w := range want {
		if got, _ := f.GetCellValue("Nhiệm vụ", cell); got != w {
			t.Errorf("%s = %q, want %q", cell, got, w)
		}
	}
	dateCell(t, f, "Nhiệm vụ", "H2", "30/06/2023")
	dateCell(t, f, "Nhiệm vụ", "L4", "28/04/2023")
	if got, _ := f.GetCellValue("Nhiệm vụ", "K7"); got != fmt.Sprint(p.Tasks[5].DaysOverdue(table.AsOf)) || got == "0" {
		t.Errorf("K7 (days overdue) = %q", got)
	}
}
