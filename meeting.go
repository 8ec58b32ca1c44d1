package congtac

import (
	"strings"
	"time"
)

// MeetingKind is the kind of a meeting.
type MeetingKind string

// Meeting kinds: the committee's regular meeting (phiên họp thường kỳ), a thematic conference
// (hội nghị chuyên đề), the leaders' weekly briefing (giao ban) and a working session.
const (
	MeetingRegular  MeetingKind = "regular"
	MeetingThematic MeetingKind = "thematic"
	MeetingBriefing MeetingKind = "briefing"
	MeetingWorking  MeetingKind = "working"
)

// Label returns the Vietnamese name of the kind.
func (k MeetingKind) Label() string {
	switch k {
	case MeetingRegular:
		return "Phiên họp thường kỳ"
	case MeetingThematic:
		return "Hội nghị chuyên đề"
	case MeetingBriefing:
		return "Giao ban"
	case MeetingWorking:
		return "Làm việc"
	}
	return ""
}

// MeetingStatus is where a meeting stands.
type MeetingStatus string

// Meeting statuses.
const (
	MeetingPlanned   MeetingStatus = "planned"
	MeetingPostponed MeetingStatus = "postponed"
	MeetingCancelled MeetingStatus = "cancelled"
	MeetingHeld      MeetingStatus = "held"
)

// Label returns the Vietnamese name of the status.
func (s MeetingStatus) Label() string {
	switch s {
	case MeetingPlanned:
		return "Dự kiến"
	case MeetingPostponed:
		return "Tạm hoãn"
	case MeetingCancelled:
		return "Hủy"
	case MeetingHeld:
		return "Đã họp"
	}
	return ""
}

// DayPart is the part of the day an entry takes when no exact time is given.
type DayPart string

// Day parts as schedules write them: sáng, chiều, tối, cả ngày.
const (
	Morning   DayPart = "morning"
	Afternoon DayPart = "afternoon"
	Evening   DayPart = "evening"
	AllDay    DayPart = "all_day"
)

// Label returns the Vietnamese word: "Sáng", "Chiều", "Tối", "Cả ngày".
func (p DayPart) Label() string {
	switch p {
	case Morning:
		return "Sáng"
	case Afternoon:
		return "Chiều"
	case Evening:
		return "Tối"
	case AllDay:
		return "Cả ngày"
	}
	return ""
}

// valid reports whether p is empty (not given) or a known part of the day.
func (p DayPart) valid() bool { return p == "" || p.Label() != "" }

// ClockTime is a time of day in minutes after midnight; -1 means "not given".
type ClockTime int

// NoTime is the ClockTime of an entry that gives only a day or a part of it.
const NoTime ClockTime = -1

// At returns the clock time h:m.
func At(h, m int) ClockTime { return ClockTime(h*60 + m) }

// Valid reports whether t is NoTime or a time within the day.
func (t ClockTime) Valid() bool { return t == NoTime || (t >= 0 && t < 24*60) }

// Part returns the part of the day the time falls in.
func (t ClockTime) Part() DayPart {
	switch {
	case t == NoTime:
		return AllDay
	case t < 12*60:
		return Morning
	case t < 18*60:
		return Afternoon
	}
	return Evening
}

// Meeting is a meeting of the committee in a period. Date may stand alone (the time is not
// fixed yet); a recurring meeting (the weekly briefing) carries a Recurrence.
type Meeting struct {
	ID        int64
	OrgID     int64 // the committee holding it
	ProgramID int64 // the program that announces it; 0 if none
	Kind      MeetingKind
	Title     string
	Date      Date
	Start     ClockTime
	Part      DayPart // used when Start is NoTime
	Place     string
	ChairID   int64  // Person
	Attendees string // the invited as the invitation writes them, besides those named below
	// InvitedPeople and InvitedOrgs are who is invited by name: people, whose calendars and
	// feeds show the meeting, and orgs, asked to send someone.
	InvitedPeople []int64
	InvitedOrgs   []int64
	Recurrence    *Recurrence
	OffDays       OffDayRule // what a series does with a sitting on a day off
	Status        MeetingStatus
	Note          string // "tạm hoãn, có thông báo sau"
	Agenda        []AgendaItem
	// Changed are the sittings of a series changed on their own, by the day the rule
	// gives them ([Meeting.Sittings] applies them).
	Changed []Sitting
	// Sequence counts the changes that calendar applications must see (RFC 5545
	// SEQUENCE): to the meeting, its agenda or one of its occurrences.
	Sequence int
	Version  int
}

// Validate checks the meeting's fields.
func (m Meeting) Validate() error {
	var p Problems
	p.Text("title", "Tên hội nghị", m.Title)
	p.Text("place", "Địa điểm", m.Place)
	p.Text("attendees", "Thành phần", m.Attendees)
	p.Text("note", "Ghi chú", m.Note)
	if m.Kind.Label() == "" {
		p.Add("kind", "Loại hội nghị %q không hợp lệ.", string(m.Kind))
	}
	if strings.TrimSpace(m.Title) == "" {
		p.Add("title", "Tên hội nghị không được để trống.")
	} else if len([]rune(m.Title)) > MaxTitle {
		p.Add("title", "Tên hội nghị dài quá 500 ký tự.")
	}
	if m.Date.IsZero() {
		p.Add("date", "Chưa có ngày họp.")
	} else if !m.Date.valid() {
		p.Add("date", "Ngày họp không có trên lịch.")
	}
	if !m.Start.Valid() {
		p.Add("start", "Giờ họp không hợp lệ.")
	}
	if !m.Part.valid() {
		p.Add("part", "Buổi họp %q không hợp lệ.", string(m.Part))
	}
	if m.Status.Label() == "" {
		p.Add("status", "Trạng thái hội nghị %q không hợp lệ.", string(m.Status))
	}
	if m.OffDays.Label() == "" {
		p.Add("off_days", "Cách xử lý buổi họp vào ngày nghỉ %q không hợp lệ.", string(m.OffDays))
	}
	if m.OrgID == 0 {
		p.Add("org_id", "Chưa chọn cơ quan tổ chức.")
	}
	if m.Recurrence != nil {
		if err := m.Recurrence.Validate(); err != nil {
			p.Add("recurrence", "%s", ErrorMessage(err))
		}
	}
	for field, ids := range map[string][]int64{"invited_people": m.InvitedPeople, "invited_orgs": m.InvitedOrgs} {
		seen := map[int64]bool{}
		for _, id := range ids {
			if id <= 0 || seen[id] {
				p.Add(field, "Danh sách mời có mục không hợp lệ hoặc trùng nhau.")
				break
			}
			seen[id] = true
		}
	}
	return p.Err()
}

// Instant returns when the meeting starts in loc; a meeting without a time starts at 7:30
// in the morning (or all day), 14:00 in the afternoon or 18:00 in the evening, the usual
// hours.
func (m Meeting) Instant(loc *time.Location) time.Time {
	t := m.Start
	if t == NoTime {
		switch m.Part {
		case Afternoon:
			t = At(14, 0)
		case Evening:
			t = At(18, 0)
		default:
			t = At(7, 30)
		}
	}
	return m.Date.In(loc, int(t)/60, int(t)%60)
}

// AgendaItem is a matter put to a meeting, prepared by a lead org with support orgs.
type AgendaItem struct {
	ID           int64
	MeetingID    int64
	Position     int
	Title        string
	Lead         int64 // preparing org
	Support      []int64
	PresenterID  int64 // Person; 0 if not named
	Minutes      int   // planned duration
	MaterialsDue Date  // by default MaterialsLeadDays working days before the meeting
	Materials    string
	Conclusion   string
	Version      int
}

// DefaultMaterialsLeadDays is how many working days before a meeting its materials are due
// unless a setting says otherwise (working rules: 5 days).
const DefaultMaterialsLeadDays = 5

// Validate checks the agenda item's fields.
func (a AgendaItem) Validate() error {
	var p Problems
	p.Text("title", "Nội dung trình", a.Title)
	p.Text("materials", "Tài liệu", a.Materials)
	p.Text("conclusion", "Kết luận", a.Conclusion)
	if strings.TrimSpace(a.Title) == "" {
		p.Add("title", "Nội dung trình không được để trống.")
	} else if len([]rune(a.Title)) > MaxAgendaTitle {
		p.Add("title", "Nội dung trình dài quá 2.000 ký tự.")
	}
	if a.Minutes < 0 || a.Minutes > 24*60 {
		p.Add("minutes", "Thời lượng không hợp lệ.")
	}
	seen := map[int64]bool{}
	for _, s := range a.Support {
		switch {
		case s == 0:
			p.Add("support", "Chưa chọn cơ quan phối hợp chuẩn bị.")
		case s == a.Lead:
			p.Add("support", "Cơ quan phối hợp đã là cơ quan chủ trì chuẩn bị.")
		case seen[s]:
			p.Add("support", "Một cơ quan phối hợp được chọn hai lần.")
		default:
			seen[s] = true
			continue
		}
		break
	}
	return p.Err()
}

// MeetingFilter selects meetings. Zero fields do not filter.
type MeetingFilter struct {
	ID        *int64
	OrgID     *int64
	ChairID   *int64
	Person    *int64 // chaired by this person or inviting them
	Involves  *int64 // held by this org, inviting it, or one of its matters prepared by it
	ProgramID *int64
	Kind      *MeetingKind
	From      *Date
	To        *Date
	Query     string // diacritic-insensitive match on title or place
	Limit     int
	Reach     *Reach // holding org within reach
}

// MeetingUpdate holds the fields of a meeting to change; nil fields stay as they are.
type MeetingUpdate struct {
	ProgramID  *int64
	Kind       *MeetingKind
	Title      *string
	Date       *Date
	Start      *ClockTime
	Part       *DayPart
	Place      *string
	ChairID    *int64
	Attendees  *string
	Recurrence **Recurrence
	OffDays    *OffDayRule
	Status     *MeetingStatus
	Note       *string
	// InvitedPeople and InvitedOrgs replace the lists when not nil.
	InvitedPeople *[]int64
	InvitedOrgs   *[]int64
}

// Apply returns m with the update's fields applied.
func (u MeetingUpdate) Apply(m Meeting) Meeting {
	setIf(&m.ProgramID, u.ProgramID)
	setIf(&m.Kind, u.Kind)
	setIf(&m.Title, u.Title)
	setIf(&m.Date, u.Date)
	setIf(&m.Start, u.Start)
	setIf(&m.Part, u.Part)
	setIf(&m.Place, u.Place)
	setIf(&m.ChairID, u.ChairID)
	setIf(&m.Attendees, u.Attendees)
	setIf(&m.Recurrence, u.Recurrence)
	setIf(&m.OffDays, u.OffDays)
	setIf(&m.Status, u.Status)
	setIf(&m.Note, u.Note)
	setIf(&m.InvitedPeople, u.InvitedPeople)
	setIf(&m.InvitedOrgs, u.InvitedOrgs)
	return m
}

// AgendaItemUpdate holds the fields of an agenda item to change; nil fields stay as they are.
type AgendaItemUpdate struct {
	Position     *int
	Title        *string
	Lead         *int64
	Support      *[]int64
	PresenterID  *int64
	Minutes      *int
	MaterialsDue *Date // the zero Date restores the default
	Materials    *string
	Conclusion   *string
}

// Apply returns it with the update's fields applied.
func (u AgendaItemUpdate) Apply(it AgendaItem) AgendaItem {
	setIf(&it.Position, u.Position)
	setIf(&it.Title, u.Title)
	setIf(&it.Lead, u.Lead)
	setIf(&it.Support, u.Support)
	setIf(&it.PresenterID, u.PresenterID)
	setIf(&it.Minutes, u.Minutes)
	setIf(&it.MaterialsDue, u.MaterialsDue)
	setIf(&it.Materials, u.Materials)
	setIf(&it.Conclusion, u.Conclusion)
	return it
}

// CheckStatusChange refuses a change of a meeting from before to m that the working rules
// do not allow, as of today: postponing or cancelling needs its reason in Note, which the
// invitations and the calendar announce; a meeting is marked held only once its day has
// come, and never a series as a whole (each occurrence is a calendar entry); a held meeting
// stays held, with its conclusions.
func (m Meeting) CheckStatusChange(before Meeting, today Date) error {
	if m.Status == before.Status {
		return nil
	}
	var p Problems
	switch m.Status {
	case MeetingPostponed, MeetingCancelled:
		if strings.TrimSpace(m.Note) == "" || m.Note == before.Note {
			p.Add("note", "Ghi lý do %s hội nghị để thông báo cho thành phần mời.",
				map[MeetingStatus]string{MeetingPostponed: "hoãn", MeetingCancelled: "hủy"}[m.Status])
		}
	case MeetingHeld:
		switch {
		case m.Recurrence != nil:
			p.Add("status", "Hội nghị định kỳ không đánh dấu đã họp cho cả chuỗi.")
		case m.Date.After(today):
			p.Add("status", "Chưa đến ngày họp %02d/%02d/%d, chưa đánh dấu đã họp được.", m.Date.Day, int(m.Date.Month), m.Date.Year)
		}
	}
	if before.Status == MeetingHeld {
		p.Add("status", "Hội nghị đã họp, không đổi trạng thái được.")
	}
	return p.Err()
}
