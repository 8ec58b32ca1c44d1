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

// Mail is the daily reminder mail (thư nhắc việc) of one user for one day: a digest of the
// notifications not mailed before, composed once and delivered by whichever runner claims
// it, retried with backoff while the failure is temporary.
type Mail struct {
	ID        int64
	UserID    int64
	Day       Date // the day it is the digest of
	Address   string
	Subject   string
	Text      string
	HTML      string
	Status    MailStatus
	Attempts  int
	NextAt    time.Time // when it may be tried next (pending), or its claim ends (sending)
	LastError string    // why the last attempt failed; "" if none did
	CreatedAt time.Time
	SentAt    time.Time // zero until sent
	Upto      int64     // the ID of the last notification it carries: the next mail starts after it
}

// MailStatus is where a mail stands.
type MailStatus string

// The states of a mail: waiting to be sent (first or again), claimed by a runner that is
// sending it, sent, given up after too many or a permanent failure.
const (
	MailPending MailStatus = "pending"
	MailSending MailStatus = "sending"
	MailSent    MailStatus = "sent"
	MailFailed  MailStatus = "failed"
)

// Label returns the Vietnamese name of the status.
func (s MailStatus) Label() string {
	switch s {
	case MailPending:
		return "Chờ gửi"
	case MailSending:
		return "Đang gửi"
	case MailSent:
		return "Đã gửi"
	case MailFailed:
		return "Gửi không được"
	}
	return string(s)
}

// MailAttempts is how many times a mail is tried before it is given up.
const MailAttempts = 6

// MailBackoff returns how long to wait before trying a mail again after its attempts-th
// failed attempt: 1, 5, 15, 60 then 180 minutes.
func MailBackoff(attempts int) time.Duration {
	steps := []time.Duration{time.Minute, 5 * time.Minute, 15 * time.Minute, time.Hour, 3 * time.Hour}
	if attempts < 1 {
		attempts = 1
	}
	return steps[min(attempts, len(steps))-1]
}
