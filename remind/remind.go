// Package remind decides what people are to be reminded of on a day (issue 14): the tasks
// coming due, due that day or overdue (then once a week), as notifications keyed by their
// occasion, so that recording them twice records them once ([congtac.Notification]). It
// reads nothing itself: the caller gives it the tasks and the users, and records and sends
// what it returns.
package remind

import (
	"fmt"
	"strconv"

	"congtac"
	"congtac/vn"
)

// Recipients are the users told of an org's work: its reporters and its head.
type Recipients map[int64][]congtac.User

// NewRecipients returns the users who report for each org, from every account: reporters
// and unit heads that are not disabled.
func NewRecipients(users []congtac.User) Recipients {
	out := Recipients{}
	for _, u := range users {
		if u.Disabled || (u.Role != congtac.RoleReporter && u.Role != congtac.RoleUnitHead) {
			continue
		}
		out[u.OrgID] = append(out[u.OrgID], u)
	}
	return out
}

// Tasks returns the notifications of the deadlines of tasks on day on: lead days before the
// deadline in force ("sắp đến hạn"), on it ("đến hạn hôm nay"), and once a week from the day
// after it while the task stays overdue; to the reporters of the lead org and of each
// supporting org whose share is not done. A task done, cancelled or postponed without a new
// deadline gets none; a recurring task is reminded of the occurrence not yet done.
func Tasks(tasks []congtac.Task, to Recipients, on congtac.Date, lead int) []congtac.Notification {
	var out []congtac.Notification
	for _, t := range tasks {
		due, ok := deadline(t, on)
		if !ok {
			continue
		}
		kind, key, title := occasion(t, due, on, lead)
		if kind == "" {
			continue
		}
		orgs := []int64{t.Lead}
		for _, sp := range t.Support {
			if sp.DoneOn.IsZero() {
				orgs = append(orgs, sp.OrgID)
			}
		}
		for _, org := range orgs {
			for _, u := range to[org] {
				out = append(out, congtac.Notification{UserID: u.ID, Kind: kind, Key: key, Title: title,
					Link: "/tasks/" + strconv.FormatInt(t.ID, 10)})
			}
		}
	}
	return out
}

// deadline returns the deadline in force of t as of on that is not yet met: its first
// occurrence not done for a recurring task, the deferral's new date once granted, the task's
// own otherwise; ok is false for a task done, cancelled or without a dated deadline.
func deadline(t congtac.Task, on congtac.Date) (congtac.Date, bool) {
	switch t.Status(on) {
	case congtac.StatusDoneOnTime, congtac.StatusDoneLate, congtac.StatusCancelled:
		return congtac.Date{}, false
	}
	if t.Recurrence != nil {
		for _, o := range t.OccurrenceStatuses(on) {
			if o.DoneOn.IsZero() {
				return o.Due, true
			}
		}
		return congtac.Date{}, false
	}
	due := t.Due.Date
	if d := t.Deferral; d != nil && !d.On.After(on) {
		due = d.To.Date
	}
	return due, !due.IsZero()
}

// occasion names the reminder of task t due on due, on day on: its kind, its key and its
// title; kind is "" when the day calls for none.
func occasion(t congtac.Task, due, on congtac.Date, lead int) (kind, key, title string) {
	text := congtac.Excerpt(t.Text, 120)
	left := on.DaysUntil(due)
	switch {
	case left == lead && lead > 0:
		return "task_soon", fmt.Sprintf("task-soon:%d:%s", t.ID, due), fmt.Sprintf("Còn %d ngày đến hạn (%s): %s", lead, vn.ShortDate(due), text)
	case left == 0:
		return "task_due", fmt.Sprintf("task-due:%d:%s", t.ID, due), fmt.Sprintf("Đến hạn hôm nay: %s", text)
	case left < 0 && (-left-1)%7 == 0:
		week := (-left-1)/7 + 1
		return "task_overdue", fmt.Sprintf("task-overdue:%d:%s:%d", t.ID, due, week),
			fmt.Sprintf("Quá hạn %d ngày (hạn %s): %s", -left, vn.ShortDate(due), text)
	}
	return "", "", ""
}
