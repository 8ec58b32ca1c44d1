package export

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"congtac"
	"congtac/vn"
)

// The report sheet lets a unit work offline: its open tasks exported as a spreadsheet, the
// progress filled in (percent, completion day, value reached, text) and the sheet read
// back as reports. One list of columns serves both ways.

// reportSheetName is the sheet's name.
const reportSheetName = "Báo cáo tiến độ"

// reportSheetHeader names the sheet's columns; the first six are the task's, read back only
// for the ID and the occurrence, the last four the unit's.
var reportSheetHeader = []string{"Mã nhiệm vụ", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời hạn",
	"Kỳ báo cáo (nhiệm vụ định kỳ)", "Trạng thái", "Tỷ lệ hoàn thành (%)", "Ngày hoàn thành", "Giá trị đạt được",
	"Nội dung báo cáo"}

// Columns read back, by index.
const (
	colTask = iota
	_
	_
	_
	colOccurrence
	_
	colPercent
	colDoneOn
	colValue
	colText
)

// ReportSheet is a unit's task sheet: its open tasks, one row each (a recurring task's row
// names the first occurrence not yet done).
type ReportSheet struct {
	Title string // "Báo cáo tiến độ của Sở Tài chính, ngày 07/12/2026"
	Tasks []congtac.Task
	Orgs  map[int64]string
	AsOf  congtac.Date
}

// ReportSheetXLSX writes the sheet with the unit's columns empty. Errors are wrapped
// "export: report sheet: …".
func ReportSheetXLSX(w io.Writer, s ReportSheet) error {
	rows := make([][]any, len(s.Tasks))
	for i, t := range s.Tasks {
		var occurrence congtac.Date
		for _, o := range t.OccurrenceStatuses(s.AsOf) {
			if o.DoneOn.IsZero() {
				occurrence = o.Due
				break
			}
		}
		rows[i] = []any{int(t.ID), oneLine(t.Text), s.Orgs[t.Lead], oneLine(t.Due.Label()), occurrence,
			t.Status(s.AsOf).Label(), "", congtac.Date{}, "", ""}
	}
	wb := workbook{sheet: reportSheetName, title: s.Title, header: reportSheetHeader,
		widths: []float64{10, 50, 26, 14, 16, 20, 12, 14, 14, 50}, rows: rows}
	if err := wb.write(w); err != nil {
		return fmt.Errorf("export: report sheet: %w", err)
	}
	return nil
}

// SheetReport is one row of a filled report sheet, as read: the task, the occurrence of a
// recurring one, and the progress.
type SheetReport struct {
	Row    int // the sheet's row, 2 for the first after the header
	Report congtac.Report
}

// ReadReportSheet reads a filled report sheet: every row with a percent or a text becomes
// a report (on the task of its ID, for its occurrence), rows left empty are skipped. Each
// cell that cannot be read is a problem naming it ("Ô G5: …"), field "G5"; the sheet is
// read whole either way, so that every problem is told at once. A file that is not the
// sheet is EINVALID on field "file".
func ReadReportSheet(r io.Reader) ([]SheetReport, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, congtac.FieldError("file", "Tệp không phải bảng tính Excel (XLSX) hoặc đã hỏng.")
	}
	defer f.Close()
	rows, err := f.GetRows(reportSheetName, excelize.Options{RawCellValue: true})
	if err != nil || len(rows) == 0 || !sameHeader(rows[0]) {
		return nil, congtac.FieldError("file", "Không thấy trang “%s” với các cột của mẫu báo cáo: hãy dùng tệp tải từ hệ thống.", reportSheetName)
	}
	var out []SheetReport
	var pr congtac.Problems
	for i, row := range rows[1:] {
		n := i + 2
		cell := func(col int) string {
			if col < len(row) {
				return strings.TrimSpace(row[col])
			}
			return ""
		}
		if cell(colPercent) == "" && cell(colText) == "" {
			continue
		}
		bad := func(col int, format string, args ...any) {
			name, _ := excelize.CoordinatesToCellName(col+1, n)
			pr.Add(name, "Ô %s: %s", name, fmt.Sprintf(format, args...))
		}
		rep := congtac.Report{Text: vn.NFC(cell(colText)), Status: congtac.ReportSubmitted}
		id, err := strconv.ParseInt(cell(colTask), 10, 64)
		if err != nil || id <= 0 {
			bad(colTask, "mã nhiệm vụ %q không đúng; đừng sửa cột này.", cell(colTask))
		}
		rep.TaskID = id
		if v := cell(colPercent); v == "" {
			bad(colPercent, "chưa ghi tỷ lệ hoàn thành.")
		} else if p, err := strconv.Atoi(strings.TrimSuffix(v, "%")); err != nil || p < 0 || p > 100 {
			bad(colPercent, "tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100, không phải %q.", v)
		} else {
			rep.Percent = p
		}
		if rep.Text == "" {
			bad(colText, "chưa ghi nội dung báo cáo.")
		}
		for _, c := range []struct {
			col int
			to  *congtac.Date
		}{{colDoneOn, &rep.DoneOn}, {colOccurrence, &rep.Occurrence}} {
			if v := cell(c.col); v != "" {
				d, err := sheetDate(v)
				if err != nil {
					bad(c.col, "ngày %q không đúng; hãy ghi ngày/tháng/năm, như 15/12/2026.", v)
				}
				*c.to = d
			}
		}
		if v := cell(colValue); v != "" {
			x, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", "."), 64)
			if err != nil {
				bad(colValue, "giá trị %q không phải là số.", v)
			}
			rep.Value = &x
		}
		out = append(out, SheetReport{Row: n, Report: rep})
	}
	if err := pr.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, congtac.FieldError("file", "Bảng tính chưa có dòng nào ghi tỷ lệ hoàn thành và nội dung báo cáo.")
	}
	return out, nil
}

// sameHeader reports whether row is the sheet's header.
func sameHeader(row []string) bool {
	if len(row) < len(reportSheetHeader) {
		return false
	}
	for i, h := range reportSheetHeader {
		if strings.TrimSpace(row[i]) != h {
			return false
		}
	}
	return true
}

// sheetDate reads a date as a cell holds it: an Excel serial number (a date cell read raw),
// or text written dd/mm/yyyy or yyyy-mm-dd.
func sheetDate(v string) (congtac.Date, error) {
	if serial, err := strconv.ParseFloat(v, 64); err == nil {
		t, err := excelize.ExcelDateToTime(serial, false)
		if err != nil {
			return congtac.Date{}, err
		}
		return congtac.DateOf(t, time.UTC), nil
	}
	if d, err := congtac.ParseDate(v); err == nil {
		return d, nil
	}
	var day, month, year int
	if _, err := fmt.Sscanf(v, "%d/%d/%d", &day, &month, &year); err != nil {
		return congtac.Date{}, err
	}
	return congtac.NewDate(year, time.Month(month), day)
}
