package congtac

import "time"

// Notification is something a user is told in the application (thông báo): a reminder of
// a deadline, a report returned, a request for an explanation … with a link to the record.
// Key identifies the occasion ("task-due:123:2026-12-05"): a user is told of one occasion
// once, however many times the reminders run.
type Notification struct {
	ID        int64
	UserID    int64
	Kind      string // what it is about, for grouping: "task_due", "task_overdue", "report_returned" …
	Key       string
	Title     string
	Link      string // the record's page: "/tasks/123"
	CreatedAt time.Time
	ReadAt    time.Time // zero while unread
}

// Unread reports whether the user has not opened or dismissed it.
func (n Notification) Unread() bool { return n.ReadAt.IsZero() }
