package web

import (
	"fmt"

	"congtac"
	"congtac/vn"
)

// shareRow is a member's share of a task led by a group, as its page shows it.
type shareRow struct {
	Org     string
	Own     bool   // the share of the actor's own org
	Percent string // the progress last reported on the share ("60%"); "" when none the actor may see
	DoneOn  string
	Status  statusView
}

// shareRows returns the rows of the shares of group-led task t as of today, with the
// progress last reported by each member among reports (those the actor may view).
func shareRows(a congtac.Actor, t congtac.Task, reports []congtac.Report, orgs orgIndex, today congtac.Date) []shareRow {
	percents := congtac.LastPercents(reports)
	var out []shareRow
	for _, sh := range t.Shares {
		st, _ := t.ShareStatus(sh.OrgID, today)
		row := shareRow{Org: orgs.Name(sh.OrgID), Own: sh.OrgID == a.OrgID, DoneOn: vn.ShortDate(sh.DoneOn),
			Status: taskStatusView(st)}
		if p, ok := percents[sh.OrgID]; ok {
			row.Percent = fmt.Sprintf("%d%%", p)
		}
		out = append(out, row)
	}
	return out
}

// sharesSummary says how many members of a group-led task have done their share as of
// today: "2/3 đơn vị thành viên đã hoàn thành"; "" for a task without shares.
func sharesSummary(t congtac.Task, today congtac.Date) string {
	if !t.GroupLed() {
		return ""
	}
	done := 0
	for _, sh := range t.Shares {
		if st, _ := t.ShareStatus(sh.OrgID, today); st.Done() {
			done++
		}
	}
	return fmt.Sprintf("%d/%d đơn vị thành viên đã hoàn thành", done, len(t.Shares))
}
