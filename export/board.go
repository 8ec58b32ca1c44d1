package export

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"congtac"
	"congtac/vn"
)

// BoardDoc is a status board (bảng theo dõi) as a document and a spreadsheet: under the
// committee's masthead, its title and heading, the counts in total, by the board's
// grouping and month by month, each with the on-time rate.
type BoardDoc struct {
	Settings congtac.Settings
	Heading  string // "Tháng 12 năm 2026, tính đến ngày 07/12/2026"
	Board    congtac.Board
	Options  Options // margins; images are not used
}

// boardStatuses are a board's columns, the four counts first.
var boardStatuses = []congtac.Status{congtac.StatusDoneOnTime, congtac.StatusDoneLate, congtac.StatusInProgress,
	congtac.StatusOverdue, congtac.StatusDeferred, congtac.StatusCancelled}

// boardHeader returns the header of a board's table whose first column is first.
func boardHeader(first string) []string {
	out := []string{"STT", first, "Tổng số"}
	for _, s := range boardStatuses {
		out = append(out, s.Label())
	}
	return append(out, "Tỷ lệ đúng hạn (%)")
}

// boardRate writes the on-time rate of c with one decimal and a comma, "" when nothing
// fell due.
func boardRate(c congtac.Counts) string {
	rate, ok := c.OnTimeRate()
	if !ok {
		return ""
	}
	return vn.OneDecimal(rate)
}

// boardLine returns the cells of a line: its number, its label, its counts and its rate.
func boardLine(n, label string, c congtac.Counts) []string {
	out := []string{n, label, strconv.Itoa(c.Total())}
	for _, s := range boardStatuses {
		out = append(out, strconv.Itoa(c[s]))
	}
	return append(out, boardRate(c))
}

// groupLines returns the lines of the board's groups and its total.
func (d BoardDoc) groupLines() [][]string {
	var rows [][]string
	for i, r := range d.Board.Rows {
		rows = append(rows, boardLine(strconv.Itoa(i+1), oneLine(r.Label), r.Counts))
	}
	return append(rows, boardLine("", "Tổng số", d.Board.Total))
}

// monthLines returns the lines of the board's months.
func (d BoardDoc) monthLines() [][]string {
	var rows [][]string
	for i, m := range d.Board.Trend {
		rows = append(rows, boardLine(strconv.Itoa(i+1), vn.Capitalize(m.Period.String()), m.Counts))
	}
	return rows
}

// layout implements [Doc]: landscape A4, the masthead, the title, the two tables.
func (d BoardDoc) layout(m *metrics) (*sheet, error) {
	if err := d.Options.Margins.Validate(); err != nil {
		return nil, err
	}
	page := landscape(d.Options.Margins)
	s := &sheet{title: "Bảng theo dõi thực hiện nhiệm vụ", page: page}
	width := page.textWidth()
	head, err := mastheadNames(m, d.Settings, width)
	if err != nil {
		return nil, err
	}
	title := text("BẢNG THEO DÕI TÌNH HÌNH THỰC HIỆN NHIỆM VỤ", bold, pt14, alignCenter)
	title.before = 240
	heading := text(oneLine(d.Heading), italic, pt13, alignCenter)
	heading.after = 240
	cols := spread(width, 5, 27, 7, 9, 9, 9, 9, 8, 8, 9)
	aligns := []align{alignCenter, alignLeft, alignCenter, alignCenter, alignCenter, alignCenter, alignCenter,
		alignCenter, alignCenter, alignCenter}
	s.blocks = append(s.blocks, head, title, heading,
		partHeading("I. Theo "+strings.ToLower(d.Board.By.Label())),
		grid(cols, pt11, boardHeader(d.Board.By.Label()), d.groupLines(), aligns), spacer(),
		partHeading("II. Theo tháng"),
		grid(cols, pt11, boardHeader("Tháng"), d.monthLines(), aligns))
	return s, nil
}

// BoardXLSX writes the board as a spreadsheet: a sheet by its grouping, with the total
// last, and a sheet by month. Errors are wrapped "export: board xlsx: …".
func BoardXLSX(w io.Writer, d BoardDoc) error {
	number := func(lines [][]string) [][]any {
		out := make([][]any, len(lines))
		for i, l := range lines {
			row := make([]any, len(l))
			for j, v := range l {
				row[j] = v
				if n, err := strconv.Atoi(v); err == nil && j != 1 {
					row[j] = n
				}
			}
			out[i] = row
		}
		return out
	}
	widths := []float64{6, 40, 10, 14, 14, 14, 14, 14, 12, 14}
	title := "Bảng theo dõi tình hình thực hiện nhiệm vụ — " + oneLine(d.Heading)
	groups := workbook{sheet: "Theo " + strings.ToLower(d.Board.By.Label()), title: title,
		header: boardHeader(d.Board.By.Label()), widths: widths, rows: number(d.groupLines())}
	months := workbook{sheet: "Theo tháng", title: title, header: boardHeader("Tháng"), widths: widths,
		rows: number(d.monthLines())}
	if err := writeSheets(w, groups, months); err != nil {
		return fmt.Errorf("export: board xlsx: %w", err)
	}
	return nil
}
