package web

import (
	"context"
	"fmt"

	"congtac"
	"congtac/vn"
)

// appearanceRow is one program a task appeared in, on the task's page.
type appearanceRow struct {
	Program, Href string // the program's title, and its page when the actor may read it
	Number        string // "Số 12/CTr-UBND, ngày 02/12/2026", or the status of a program not issued
	Due           string // the deadline the program gave
	Outcome       string // what happened to the task there: carried on, done, deferred …
	Here          bool   // the copy this page shows
	TaskHref      string // the copy's page
}

// taskHistory returns the rows of lineage, oldest first, for a task page showing task id.
// Programs the actor may not read are named without a link.
func (s *Server) taskHistory(ctx context.Context, a congtac.Actor, lineage []congtac.Appearance, id int64) ([]appearanceRow, error) {
	rows := make([]appearanceRow, 0, len(lineage))
	for i, ap := range lineage {
		see, err := s.st.Reaches(ctx, a, ap.Program.Status.ViewCapability(), ap.Program.OrgID)
		if err != nil {
			return nil, err
		}
		row := appearanceRow{Program: vn.Capitalize(ap.Program.Title), Due: ap.Task.Due.Label(),
			Outcome: appearanceOutcome(lineage, i), Here: ap.Task.ID == id, TaskHref: fmt.Sprintf("/tasks/%d", ap.Task.ID)}
		if see {
			row.Href = fmt.Sprintf("/programs/%d", ap.Program.ID)
		}
		row.Number = ap.Program.Status.Label()
		if ap.Program.Status.Published() {
			row.Number = fmt.Sprintf("Số %s, ngày %s", congtac.FormatNumber(ap.Program.Number, ap.Program.Symbol),
				vn.PaddedDate(ap.Program.IssuedOn))
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// appearanceOutcome says what became of the task's copy lineage[i] in its program.
func appearanceOutcome(lineage []congtac.Appearance, i int) string {
	t := lineage[i].Task
	switch {
	case t.SupersededBy != 0 && i+1 < len(lineage) && lineage[i+1].Task.Replaces == t.ID:
		return "Thay bằng bản điều chỉnh, bổ sung"
	case t.SupersededBy != 0:
		return "Chuyển tiếp sang kỳ sau"
	case !t.DoneOn.IsZero():
		return "Hoàn thành ngày " + vn.ShortDate(t.DoneOn)
	case t.Cancellation != nil:
		return "Hủy bỏ ngày " + vn.ShortDate(t.Cancellation.On)
	case t.Deferral != nil:
		return "Giãn tiến độ đến " + t.Deferral.To.Label()
	}
	return "Đang theo dõi"
}
