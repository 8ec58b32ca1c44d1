package congtac

import (
	"strings"
	"time"
)

// ProposalKind is what a unit proposes for a coming program.
type ProposalKind string

// Proposal kinds: an item of text, a task, or a matter for the regular meeting.
const (
	ProposeItem   ProposalKind = "item"
	ProposeTask   ProposalKind = "task"
	ProposeAgenda ProposalKind = "agenda"
)

// Label returns the Vietnamese name of the kind.
func (k ProposalKind) Label() string {
	switch k {
	case ProposeItem:
		return "Nội dung chương trình"
	case ProposeTask:
		return "Nhiệm vụ"
	case ProposeAgenda:
		return "Nội dung trình hội nghị"
	}
	return ""
}

// ProposalStatus is where a proposal stands.
type ProposalStatus string

// Proposal statuses: sent by the unit, taken into the draft, refused with a reason, or
// taken back by the unit.
const (
	ProposalOpen      ProposalStatus = "proposed"
	ProposalAccepted  ProposalStatus = "accepted"
	ProposalRejected  ProposalStatus = "rejected"
	ProposalWithdrawn ProposalStatus = "withdrawn"
)

// Label returns the Vietnamese name of the status.
func (s ProposalStatus) Label() string {
	switch s {
	case ProposalOpen:
		return "Đã đăng ký"
	case ProposalAccepted:
		return "Đã đưa vào dự thảo"
	case ProposalRejected:
		return "Không đưa vào"
	case ProposalWithdrawn:
		return "Đơn vị rút lại"
	}
	return ""
}

// Proposal is a unit's registration of content (đăng ký nội dung) for the program of a
// committee for a coming period: the office accepts it into the draft, or rejects it with a
// reason the unit sees.
type Proposal struct {
	ID          int64
	OrgID       int64 // the proposing unit
	CommitteeID int64 // the committee whose program it is for
	Period      Period
	Kind        ProposalKind
	Text        string
	Sector      Sector
	Lead        int64   // for a task or agenda item: the org that would lead it
	Support     []int64 // and those that would support
	DueText     string  // the deadline as the unit wrote it
	Source      string
	Status      ProposalStatus
	Reason      string // why it was rejected
	ProgramID   int64  // the draft it was accepted into
	AuthorID    int64
	CreatedAt   time.Time
	Version     int
}

// Validate checks the fields a unit types.
func (p Proposal) Validate() error {
	var pr Problems
	pr.Text("text", "Nội dung đăng ký", p.Text)
	pr.Text("due_text", "Thời hạn", p.DueText)
	pr.Text("source", "Căn cứ", p.Source)
	pr.Text("reason", "Lý do", p.Reason)
	if p.Kind.Label() == "" {
		pr.Add("kind", "Loại nội dung đăng ký %q không hợp lệ.", string(p.Kind))
	}
	switch n := len([]rune(strings.TrimSpace(p.Text))); {
	case n == 0:
		pr.Add("text", "Nội dung đăng ký không được để trống.")
	case n > MaxTaskText:
		pr.Add("text", "Nội dung đăng ký dài quá %d ký tự.", MaxTaskText)
	}
	if p.Sector != "" && !p.Sector.Valid() {
		pr.Add("sector", "Lĩnh vực %q không hợp lệ.", string(p.Sector))
	}
	if p.Kind != ProposeItem && p.Lead == 0 {
		pr.Add("lead", "Chưa chọn cơ quan chủ trì.")
	}
	if len([]rune(p.DueText)) > MaxPhrase || len([]rune(p.Source)) > MaxSourceText {
		pr.Add("due_text", "Thời hạn hoặc căn cứ dài quá quy định.")
	}
	if err := p.Period.Validate(); err != nil {
		pr = append(pr, err.(*Error))
	}
	return pr.Err()
}

// ProposalDeadline returns the last day units may propose content for a program of period p:
// the day that is the settings' lead days for its kind before the period starts (7 days
// for a month: proposals for May close on 24 April).
func ProposalDeadline(s Settings, p Period) Date {
	return p.Start().AddDays(-s.ProposalLeadDays[p.Kind])
}

// ProposalFilter selects proposals. Zero fields do not filter.
type ProposalFilter struct {
	ID          *int64
	OrgID       *int64
	CommitteeID *int64
	Period      *Period
	Status      *ProposalStatus
	Reach       *Reach // proposing org within reach
	Limit       int
}

// ProposalTarget says where an accepted proposal goes: the draft program and the item to
// put it under, or the meeting whose agenda takes it.
type ProposalTarget struct {
	ProgramID    int64
	ParentItemID int64
	MeetingID    int64
}
