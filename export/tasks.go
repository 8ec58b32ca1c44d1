package export

import (
	"fmt"
	"io"
	"strings"

	"congtac"
)

// TaskTable is a list of tasks as a spreadsheet, one row each: the item that carries it,
// its text, sector, lead and support orgs, leader in charge, deadline (a real date, and
// the phrase of the program), status as of AsOf and the days it is overdue, completion
// day, target and source.
type TaskTable struct {
	Title  string         // the file's title: "Nhiệm vụ Chương trình công tác tháng 4 năm 2026"
	Tasks  []congtac.Task // in the order to list them
	Items  []congtac.Item // the program's items, for the label of each task's item; may be nil
	Orgs   map[int64]string
	People map[int64]string
	AsOf   congtac.Date
	// Period is the period of the program whose tasks these are, naming the file
	// "nhiem-vu-chuong-trinh-thang-12-2026.xlsx" ([FileName]); zero: named by Title.
	Period congtac.Period
}

// taskHeader names the columns of a task table.
var taskHeader = [...]string{"STT", "Mục", "Nội dung nhiệm vụ", "Lĩnh vực", "Cơ quan chủ trì", "Cơ quan phối hợp",
	"Lãnh đạo phụ trách", "Thời hạn", "Thời hạn ghi trong chương trình", "Trạng thái", "Số ngày quá hạn", "Ngày hoàn thành",
	"Chỉ tiêu", "Căn cứ"}

// TasksXLSX writes a task table as a spreadsheet: its title in the first row, Vietnamese
// headers, the title and header rows frozen, the header filtered, each task's item by its
// full number ("A.1.1"), deadlines and completion days as Excel dates, printed on A4
// landscape one page wide. Errors are wrapped "export: tasks xlsx: …".
func TasksXLSX(w io.Writer, t TaskTable) error {
	items := itemsByID(t.Items)
	rows := make([][]any, len(t.Tasks))
	for i, task := range t.Tasks {
		target := ""
		if task.Target != nil {
			target = task.Target.String()
		}
		rows[i] = []any{i + 1, items[task.ItemID], task.Text, task.Sector.Label(), t.Orgs[task.Lead],
			supportNames(task, t.Orgs), t.People[task.LeaderID], task.Due.Date, oneLine(task.Due.Written()),
			task.Status(t.AsOf).Label(), daysOverdue(task, t.AsOf), task.DoneOn, target, task.Source}
	}
	title := strings.TrimSpace(t.Title)
	if title == "" {
		title = "Danh sách nhiệm vụ"
	}
	wb := workbook{sheet: "Nhiệm vụ", title: title, titled: true, header: taskHeader[:],
		widths: []float64{6, 8, 60, 14, 28, 36, 22, 12, 24, 22, 10, 14, 30, 30}, rows: rows}
	if err := wb.write(w); err != nil {
		return fmt.Errorf("export: tasks xlsx: %w", err)
	}
	return nil
}

// itemsByID returns the full number of each item by ID ([congtac.FullNumber]), numbered as
// the program numbers them.
func itemsByID(items []congtac.Item) map[int64]string {
	numbered := append([]congtac.Item(nil), items...)
	congtac.Number(numbered)
	byID := make(map[int64]congtac.Item, len(numbered))
	for _, it := range numbered {
		byID[it.ID] = it
	}
	out := make(map[int64]string, len(numbered))
	for _, it := range numbered {
		out[it.ID] = congtac.FullNumber(byID, it.ID)
	}
	return out
}

// daysOverdue is the cell of the days task is overdue as of asOf: empty when it is not.
func daysOverdue(task congtac.Task, asOf congtac.Date) any {
	if n := task.DaysOverdue(asOf); n > 0 {
		return n
	}
	return ""
}
