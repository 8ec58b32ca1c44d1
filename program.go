package congtac

import (
	"slices"
	"strings"
	"time"
)

// ProgramStatus is where a program is in its life.
type ProgramStatus string

// Program statuses. An issued program is immutable; an amendment ("điều chỉnh, bổ sung") is a
// new program version whose issue marks the old one amended, and a replacement marks it
// superseded.
const (
	ProgramDraft      ProgramStatus = "draft"
	ProgramSubmitted  ProgramStatus = "submitted"
	ProgramReturned   ProgramStatus = "returned"
	ProgramApproved   ProgramStatus = "approved"
	ProgramIssued     ProgramStatus = "issued"
	ProgramAmended    ProgramStatus = "amended"
	ProgramSuperseded ProgramStatus = "superseded"
)

// Label returns the Vietnamese name of the status.
func (s ProgramStatus) Label() string {
	switch s {
	case ProgramDraft:
		return "Dự thảo"
	case ProgramSubmitted:
		return "Đã trình"
	case ProgramReturned:
		return "Trả lại"
	case ProgramApproved:
		return "Đã duyệt"
	case ProgramIssued:
		return "Đã ban hành"
	case ProgramAmended:
		return "Đã điều chỉnh"
	case ProgramSuperseded:
		return "Đã thay thế"
	}
	return ""
}

// Published reports whether the program has been issued (and may since have been amended
// or superseded): what readers without the right to see drafts may read.
func (s ProgramStatus) Published() bool {
	return s == ProgramIssued || s == ProgramAmended || s == ProgramSuperseded
}

// ViewCapability is the capability that lets one read a program in this status: ViewPrograms
// once it is published, ViewDrafts before.
func (s ProgramStatus) ViewCapability() Capability {
	if s.Published() {
		return ViewPrograms
	}
	return ViewDrafts
}

// Editable reports whether the program's content may still change.
func (s ProgramStatus) Editable() bool { return s == ProgramDraft || s == ProgramReturned }

// Authority is the line above the signer's title: on whose behalf the signer signs.
type Authority string

// Authorities per Decree 30/2020. They stack: "TL. CHỦ TỊCH" above "KT. CHÁNH VĂN PHÒNG".
const (
	AuthorityCollective Authority = "TM."  // thay mặt: for the collective
	AuthorityDeputy     Authority = "KT."  // ký thay: a deputy in the head's place
	AuthorityByOrder    Authority = "TL."  // thừa lệnh: by order
	AuthorityAuthorized Authority = "TUQ." // thừa ủy quyền: by written authorisation
	AuthorityActing     Authority = "Q."   // quyền: acting head
)

// Authorities lists the authorities in the order forms offer them.
var Authorities = []Authority{AuthorityCollective, AuthorityDeputy, AuthorityByOrder, AuthorityAuthorized, AuthorityActing}

// Valid reports whether a is one of [Authorities].
func (a Authority) Valid() bool { return slices.Contains(Authorities, a) }

// SignLine is one authority line of a signature block: "TL. CHỦ TỊCH".
type SignLine struct {
	Authority Authority
	Of        string // the post or body, as printed in capitals: "CHỦ TỊCH", "ỦY BAN NHÂN DÂN"
}

// String returns the line as printed, in capitals.
func (l SignLine) String() string {
	return string(l.Authority) + " " + strings.ToUpper(l.Of)
}

// Signature is who signs a document and on whose behalf.
type Signature struct {
	Lines    []SignLine // stacked authority lines, outermost first; none when the head signs
	Title    string     // the signer's title: "Chánh Văn phòng"
	Name     string     // the signer's full name, without academic titles
	PersonID int64
}

// Program is the work program of an issuing org for a period. Period is the main period;
// Also lists further periods it covers ("tháng 4 và Quý II").
type Program struct {
	ID        int64
	OrgID     int64 // issuing org: a committee
	Period    Period
	Also      []Period
	Title     string // the summary line: "Công tác của UBND huyện tháng 4 năm 2023"
	Status    ProgramStatus
	DraftedBy int64 // drafting org (the office)

	// Set at issue.
	DocumentID int64
	Number     int
	Symbol     string // "CTr-UBND"
	IssuedOn   Date
	Place      string

	Signature  Signature
	Recipients []string // lines of "Nơi nhận", the last one "Lưu: VT, …"

	AmendsID int64 // the issued program this version amends or replaces
	// MeetingID, when set, makes this no work program but the task list of that meeting's
	// notice of conclusions (TB): the tasks its conclusions give outside any program. It
	// is drafted as they are assigned and issued with the notice, never on its own.
	MeetingID int64
	Public    bool // published to the anonymous public once issued
	Items     []Item
	Tasks     []Task
	CreatedAt time.Time
	UpdatedAt time.Time
	Version   int
}

// Validate checks the fields a drafter types.
func (p Program) Validate() error {
	var pr Problems
	pr.Text("title", "Trích yếu chương trình", p.Title)
	pr.Text("place", "Địa danh", p.Place)
	for _, r := range p.Recipients {
		pr.Text("recipients", "Nơi nhận", r)
	}
	pr.signatureTexts(p.Signature)
	pr.addErr(p.Period.Validate())
	if strings.TrimSpace(p.Title) == "" {
		pr.Add("title", "Trích yếu chương trình không được để trống.")
	} else if len([]rune(p.Title)) > MaxTitle {
		pr.Add("title", "Trích yếu dài quá 500 ký tự.")
	}
	if p.OrgID == 0 {
		pr.Add("org_id", "Chưa chọn cơ quan ban hành.")
	}
	if p.Status != "" && p.Status.Label() == "" {
		pr.Add("status", "Trạng thái chương trình %q không hợp lệ.", string(p.Status))
	}
	for _, a := range p.Also {
		pr.addErr(a.Validate())
	}
	return pr.Err()
}

// Covers reports whether day d falls in the program's period or one of its extra periods.
func (p Program) Covers(d Date) bool {
	if p.Period.Contains(d) {
		return true
	}
	for _, a := range p.Also {
		if a.Contains(d) {
			return true
		}
	}
	return false
}

// Horizon returns the last day covered by the program's periods.
func (p Program) Horizon() Date {
	end := p.Period.End()
	for _, a := range p.Also {
		if a.End().After(end) {
			end = a.End()
		}
	}
	return end
}

// ProgramFilter selects programs. Zero fields do not filter.
//
// The task lists of meetings' conclusion notices ([Program.MeetingID]) are no work
// programs: only a filter by ID finds them.
type ProgramFilter struct {
	ID     *int64
	IDs    []int64 // any of these, the task lists of meetings' conclusions included
	OrgID  *int64
	Kind   *PeriodKind
	Year   *int
	Period *Period
	Status *ProgramStatus
	Public *bool
	Query  string
	Offset int
	Limit  int
	Reach  *Reach // issuing org within reach
	// DraftReach, when set, further limits programs not yet issued (draft, submitted,
	// returned, approved) to issuing orgs within it; &Reach{} hides them all.
	DraftReach *Reach
}

// ProgramUpdate holds the fields to change; nil fields stay as they are.
type ProgramUpdate struct {
	Title      *string
	Also       *[]Period
	Signature  *Signature
	Recipients *[]string
	Place      *string
	Public     *bool
}

// Apply returns p with the update's fields applied. Changing the extra periods without a new title
// renames them in the title ([Retitle]): adding Quý II to April gives "… tháng 4 và Quý II năm
// 2023".
func (u ProgramUpdate) Apply(p Program) Program {
	before := p
	setIf(&p.Title, u.Title)
	setIf(&p.Also, u.Also)
	if u.Also != nil && u.Title == nil {
		p.Title, _ = Retitle(p.Title, before, p) // the title names the periods it covers
	}
	setIf(&p.Signature, u.Signature)
	setIf(&p.Recipients, u.Recipients)
	setIf(&p.Place, u.Place)
	setIf(&p.Public, u.Public)
	return p
}

// FileKeeper returns who keeps the file copy as the recipients' last line names it ("Lưu:
// VT, TH." gives "VT, TH"); "" when no line starts with "Lưu".
func (p Program) FileKeeper() string {
	for i := len(p.Recipients) - 1; i >= 0; i-- {
		line := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(p.Recipients[i]), "-+ "))
		if rest, ok := strings.CutPrefix(line, "Lưu"); ok {
			return strings.TrimRight(strings.TrimSpace(strings.TrimLeft(rest, ": ")), ".;")
		}
	}
	return ""
}
