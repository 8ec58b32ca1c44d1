package export

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"congtac"

	"github.com/xuri/excelize/v2"
)

// workbook is a one-sheet spreadsheet: optionally a title row, a bold header row, frozen
// (with the title) and filtered, then rows of text, whole numbers and dates. Dates are real
// Excel dates shown dd/mm/yyyy.
type workbook struct {
	sheet  string // the sheet's name, at most 31 characters
	title  string // the file's title
	titled bool   // print the title in a row of its own above the header row
	header []string
	widths []float64 // column widths in characters
	rows   [][]any   // string, int or congtac.Date (zero: empty)
}

// write writes the workbook as an XLSX file, printed on A4 landscape one page wide, with
// the header row on every page.
func (wb workbook) write(w io.Writer) error { return writeSheets(w, wb) }

// writeSheets writes the workbooks as the sheets of one XLSX file, in order, each as
// [workbook.write] writes its one.
func writeSheets(w io.Writer, sheets ...workbook) error {
	f := excelize.NewFile()
	defer f.Close()
	styles, err := newXLSXStyles(f)
	if err != nil {
		return err
	}
	for i, wb := range sheets {
		if i == 0 {
			err = f.SetSheetName("Sheet1", wb.sheet)
		} else {
			_, err = f.NewSheet(wb.sheet)
		}
		if err != nil {
			return err
		}
		if err := wb.columns(f); err != nil {
			return err
		}
		if err := wb.fill(f, styles); err != nil {
			return err
		}
		if err := wb.frame(f); err != nil {
			return err
		}
	}
	_, err = f.WriteTo(w)
	return err
}

// xlsxStyles are the cell styles of a workbook.
type xlsxStyles struct{ title, header, text, number, date int }

// newXLSXStyles adds the title style (Times New Roman 14, bold, centred) and the header,
// text, number and date styles: Times New Roman 12, thin borders, wrapped text at the top
// of the cell.
func newXLSXStyles(f *excelize.File) (xlsxStyles, error) {
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	font := &excelize.Font{Family: "Times New Roman", Size: 12}
	dateFmt := "dd/mm/yyyy"
	specs := []*excelize.Style{
		{Font: &excelize.Font{Family: "Times New Roman", Size: 14, Bold: true},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}},
		{Font: &excelize.Font{Family: "Times New Roman", Size: 12, Bold: true}, Border: border,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E6E6"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}},
		{Font: font, Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}},
		{Font: font, Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}},
		{Font: font, Border: border, CustomNumFmt: &dateFmt, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}},
	}
	ids := make([]int, len(specs))
	for i, s := range specs {
		id, err := f.NewStyle(s)
		if err != nil {
			return xlsxStyles{}, err
		}
		ids[i] = id
	}
	return xlsxStyles{title: ids[0], header: ids[1], text: ids[2], number: ids[3], date: ids[4]}, nil
}

// columns sets the column widths.
func (wb workbook) columns(f *excelize.File) error {
	for i, w := range wb.widths {
		col, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		if err := f.SetColWidth(wb.sheet, col, col, w); err != nil {
			return err
		}
	}
	return nil
}

// headerRow returns the number of the header row: 2 under a title row, else 1.
func (wb workbook) headerRow() int {
	if wb.titled {
		return 2
	}
	return 1
}

// fill writes the title row, the header row and the rows with their styles.
func (wb workbook) fill(f *excelize.File, st xlsxStyles) error {
	if err := wb.titleRow(f, st); err != nil {
		return err
	}
	head := wb.headerRow()
	for j, h := range wb.header {
		if err := wb.set(f, head, j, oneLine(h), st.header); err != nil {
			return err
		}
	}
	for i, row := range wb.rows {
		r := head + 1 + i
		for j, v := range row {
			var err error
			switch v := v.(type) {
			case congtac.Date:
				if v.IsZero() {
					err = wb.set(f, r, j, "", st.date)
				} else {
					err = wb.set(f, r, j, time.Date(v.Year, v.Month, v.Day, 0, 0, 0, 0, time.UTC), st.date)
				}
			case int:
				err = wb.set(f, r, j, v, st.number)
			case string:
				err = wb.set(f, r, j, cellText(v), st.text)
			default:
				err = fmt.Errorf("cell %d,%d: unsupported %T", r, j+1, v)
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// titleRow writes the title across the columns of row 1 of a titled workbook.
func (wb workbook) titleRow(f *excelize.File, st xlsxStyles) error {
	if !wb.titled {
		return nil
	}
	last, err := excelize.CoordinatesToCellName(max(len(wb.header), 1), 1)
	if err != nil {
		return err
	}
	if err := wb.set(f, 1, 0, cellText(wb.title), st.title); err != nil {
		return err
	}
	if err := f.MergeCell(wb.sheet, "A1", last); err != nil {
		return err
	}
	return f.SetRowHeight(wb.sheet, 1, 36)
}

// maxCell is the most characters an Excel cell holds.
const maxCell = 32767

// cellText returns s cleaned for a cell, cut to what a cell holds.
func cellText(s string) string {
	s = oneLine(s)
	if r := []rune(s); len(r) > maxCell {
		s = string(r[:maxCell])
	}
	return s
}

// set writes one value with a style; row is from 1, col from 0.
func (wb workbook) set(f *excelize.File, row, col int, v any, style int) error {
	ref, err := excelize.CoordinatesToCellName(col+1, row)
	if err != nil {
		return err
	}
	if err := f.SetCellValue(wb.sheet, ref, v); err != nil {
		return err
	}
	return f.SetCellStyle(wb.sheet, ref, ref, style)
}

// frame freezes and filters the header row (and the title row above it), sets printing
// and the file's title.
func (wb workbook) frame(f *excelize.File) error {
	head := wb.headerRow()
	first := "A" + strconv.Itoa(head+1)
	if err := f.SetPanes(wb.sheet, &excelize.Panes{Freeze: true, YSplit: head, TopLeftCell: first, ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	last, err := excelize.CoordinatesToCellName(len(wb.header), len(wb.rows)+head)
	if err != nil {
		return err
	}
	if err := f.AutoFilter(wb.sheet, "A"+strconv.Itoa(head)+":"+last, nil); err != nil {
		return err
	}
	if err := printSetup(f, wb.sheet); err != nil {
		return err
	}
	rows := "$" + strconv.Itoa(head) + ":$" + strconv.Itoa(head)
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + wb.sheet + "'!" + rows,
		Scope: wb.sheet}); err != nil {
		return err
	}
	return f.SetDocProps(&excelize.DocProperties{Title: cellText(wb.title), Creator: "congtac", Language: "vi-VN"})
}

// printSetup prints a sheet on A4 landscape, scaled to the width of one page and as many
// pages down as the rows need.
func printSetup(f *excelize.File, sheet string) error {
	a4, orient, wide, tall, fit := 9, "landscape", 1, 0, true
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &orient,
		FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return err
	}
	return f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit})
}

// RegisterXLSX writes the outgoing register as a spreadsheet: a title row ("Sổ đăng ký
// văn bản đi năm 2026"), the ten columns with Vietnamese headers, dates as Excel dates
// (dd/mm/yyyy), the title and header rows frozen, the header filtered, printed on A4
// landscape one page wide. Errors are wrapped "export: register xlsx: …".
func RegisterXLSX(w io.Writer, d RegisterDoc) error {
	docs := d.sorted()
	text := d.rows()
	rows := make([][]any, len(docs))
	for i, doc := range docs {
		r := make([]any, len(text[i]))
		for j, v := range text[i] {
			r[j] = v
		}
		r[1], r[7] = doc.IssuedOn, doc.SentOn
		if doc.Copies > 0 {
			r[6] = doc.Copies
		}
		rows[i] = r
	}
	wb := workbook{sheet: fmt.Sprintf("Văn bản đi %d", d.Year), title: fmt.Sprintf("Sổ đăng ký văn bản đi năm %d", d.Year),
		titled: true, header: registerHeader[:], widths: []float64{14, 12, 38, 16, 52, 14, 8, 12, 8, 12}, rows: rows}
	if err := wb.write(w); err != nil {
		return fmt.Errorf("export: register xlsx: %w", err)
	}
	return nil
}
