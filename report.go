package congtac

import (
	"strings"
	"time"
)

// ReportStatus is where an org's progress report stands.
type ReportStatus string

// Report statuses: written, sent to the office, accepted, or returned for more.
const (
	ReportDraft     ReportStatus = "draft"
	ReportSubmitted ReportStatus = "submitted"
	ReportAccepted  ReportStatus = "accepted"
	ReportReturned  ReportStatus = "returned"
)

// ReportStatuses lists every report status.
var ReportStatuses = []ReportStatus{ReportDraft, ReportSubmitted, ReportAccepted, ReportReturned}

// Label returns the Vietnamese name of the status.
func (s ReportStatus) Label() string {
	switch s {
	case ReportDraft:
		return "Đang soạn"
	case ReportSubmitted:
		return "Đã gửi"
	case ReportAccepted:
		return "Đã tiếp nhận"
	case ReportReturned:
		return "Trả lại"
	}
	return ""
}

// Report is an org's progress report on a task, or on one occurrence of a recurring task.
// When an accepted report says the work is complete (Percent 100), the org's share of the
// task is done on DoneOn.
type Report struct {
	ID          int64
	TaskID      int64
	OrgID       int64
	Occurrence  Date // the occurrence's due date for a recurring task; zero otherwise
	Text        string
	Percent     int
	Value       *float64 // the value reached against the task's target, if any
	DoneOn      Date     // the day the work was completed, when Percent is 100
	Status      ReportStatus
	ReviewNote  string
	AuthorID    int64
	SubmittedAt time.Time
	ReviewedAt  time.Time
	Version     int
}

// Validate checks the report's fields.
func (r Report) Validate() error {
	var p Problems
	p.Text("text", "Nội dung báo cáo", r.Text)
	p.Text("review_note", "Ý kiến khi duyệt", r.ReviewNote)
	if strings.TrimSpace(r.Text) == "" {
		p.Add("text", "Nội dung báo cáo không được để trống.")
	} else if len([]rune(r.Text)) > MaxLongText {
		p.Add("text", "Nội dung báo cáo dài quá 20.000 ký tự.")
	}
	if r.Percent < 0 || r.Percent > 100 {
		p.Add("percent", "Tỷ lệ hoàn thành phải từ 0 đến 100.")
	}
	if r.Percent == 100 && r.DoneOn.IsZero() {
		p.Add("done_on", "Báo cáo hoàn thành cần ghi ngày hoàn thành.")
	}
	if r.Percent < 100 && !r.DoneOn.IsZero() {
		p.Add("done_on", "Chỉ ghi ngày hoàn thành khi đã hoàn thành 100%%.")
	}
	if r.Status.Label() == "" {
		p.Add("status", "Trạng thái báo cáo %q không hợp lệ.", string(r.Status))
	}
	return p.Err()
}

// Completes reports whether the report, once accepted, marks the org's work done.
func (r Report) Completes() bool { return r.Status == ReportAccepted && r.Percent == 100 }

// ReportFilter selects reports. Zero fields do not filter.
type ReportFilter struct {
	ID        *int64
	TaskID    *int64
	ProgramID *int64 // reports on the tasks of a program
	OrgID     *int64
	Status    *ReportStatus
	Offset    int
	Limit     int
	Reach     *Reach // reporting org within reach
}

// ReportUpdate holds the fields of a report its org may still change; nil fields stay as
// they are.
type ReportUpdate struct {
	Occurrence *Date
	Text       *string
	Percent    *int
	Value      **float64
	DoneOn     *Date
}

// Apply returns r with the update's fields applied.
func (u ReportUpdate) Apply(r Report) Report {
	setIf(&r.Occurrence, u.Occurrence)
	setIf(&r.Text, u.Text)
	setIf(&r.Percent, u.Percent)
	setIf(&r.Value, u.Value)
	setIf(&r.DoneOn, u.DoneOn)
	return r
}
