package remind

import (
	"fmt"
	"slices"

	"congtac"
	"congtac/vn"
)

// AgendaDue is an agenda item whose materials may be due, with its meeting and whether any
// file is attached to it yet.
type AgendaDue struct {
	Item         congtac.AgendaItem
	Meeting      congtac.Meeting // the meeting the item goes to; its Agenda is not read
	HasMaterials bool            // at least one file is attached to the item
}

// Materials returns the notifications of the materials of agenda items on day on, to the
// recipients of the item's lead org and of each supporting org: lead days before the item's
// MaterialsDue (none when lead is 0), on that day, and once the day after while still
// nothing is attached ("materials_due" for the first two, "materials_overdue" for the
// last). An item with a file attached, without a due day, or whose meeting is not planned
// (postponed, cancelled, held) or is already past gets none.
func Materials(items []AgendaDue, to Recipients, on congtac.Date, lead int) []congtac.Notification {
	var out []congtac.Notification
	for _, d := range items {
		kind, key, title := materialsOccasion(d, on, lead)
		if kind == "" {
			continue
		}
		link := fmt.Sprintf("/meetings/%d", d.Meeting.ID)
		for _, org := range preparers(d.Item) {
			out = append(out, notify(to[org], kind, key, title, link)...)
		}
	}
	return out
}

// materialsOccasion names the reminder of d's materials on day on: its kind, key and
// title; kind is "" when the day calls for none.
func materialsOccasion(d AgendaDue, on congtac.Date, lead int) (kind, key, title string) {
	it, m, due := d.Item, d.Meeting, d.Item.MaterialsDue
	if d.HasMaterials || due.IsZero() || m.Status != congtac.MeetingPlanned || m.Date.Before(on) {
		return "", "", ""
	}
	text := congtac.Excerpt(it.Title, 120)
	switch left := on.DaysUntil(due); {
	case left == lead && lead > 0:
		return "materials_due", fmt.Sprintf("materials-soon:%d:%s", it.ID, due),
			fmt.Sprintf("Còn %d ngày đến hạn gửi tài liệu họp (%s): %s", lead, vn.ShortDate(due), text)
	case left == 0:
		return "materials_due", fmt.Sprintf("materials-due:%d:%s", it.ID, due),
			fmt.Sprintf("Hạn gửi tài liệu họp hôm nay: %s", text)
	case left == -1:
		return "materials_overdue", fmt.Sprintf("materials-overdue:%d:%s", it.ID, due),
			fmt.Sprintf("Chưa gửi tài liệu họp ngày %s (hạn %s): %s", vn.ShortDate(m.Date), vn.ShortDate(due), text)
	}
	return "", "", ""
}

// preparers returns the orgs preparing an item: its lead, then its supporting orgs, each
// once.
func preparers(it congtac.AgendaItem) []int64 {
	var orgs []int64
	for _, org := range append([]int64{it.Lead}, it.Support...) {
		if org != 0 && !slices.Contains(orgs, org) {
			orgs = append(orgs, org)
		}
	}
	return orgs
}
