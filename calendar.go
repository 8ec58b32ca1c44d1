package congtac

import "strings"

// Engagement is an entry in a leader's weekly calendar (lịch công tác tuần): generated from a
// meeting or entered by hand.
type Engagement struct {
	ID           int64
	OrgID        int64 // the committee whose calendar it is in
	PersonID     int64 // the leader
	Date         Date
	Start        ClockTime
	Part         DayPart
	Title        string
	Place        string
	Participants string
	PreparerID   int64 // org that prepares; 0 if none
	MeetingID    int64 // 0 if entered by hand
	Cancelled    bool
	Version      int
}

// Validate checks the entry's fields.
func (e Engagement) Validate() error {
	var p Problems
	p.Text("title", "Nội dung công tác", e.Title)
	p.Text("place", "Địa điểm", e.Place)
	p.Text("participants", "Thành phần", e.Participants)
	if strings.TrimSpace(e.Title) == "" {
		p.Add("title", "Nội dung công tác không được để trống.")
	} else if len([]rune(e.Title)) > 1000 {
		p.Add("title", "Nội dung công tác dài quá 1.000 ký tự.")
	}
	if e.Date.IsZero() {
		p.Add("date", "Chưa có ngày.")
	} else if !e.Date.valid() {
		p.Add("date", "Ngày không có trên lịch.")
	}
	if !e.Start.Valid() {
		p.Add("start", "Giờ không hợp lệ.")
	}
	if !e.Part.valid() {
		p.Add("part", "Buổi %q không hợp lệ.", string(e.Part))
	}
	return p.Err()
}

// Calendar is the published weekly calendar of a committee. Each publication after the first
// is a revision ("Điều chỉnh lần N") with the list of what changed.
type Calendar struct {
	ID          int64
	OrgID       int64
	Week        Period // kind week
	Revision    int    // 0 for the first publication
	Changes     []string
	PublishedAt int64 // Unix seconds; 0 while not published
	Public      bool
	Version     int
}

// EngagementFilter selects calendar entries. Zero fields do not filter.
type EngagementFilter struct {
	OrgID      *int64
	PersonID   *int64
	PreparerID *int64
	ByHand     bool   // only entries not generated from a meeting
	Reach      *Reach // on the calendars of orgs within reach
	From       *Date
	To         *Date
	Limit      int
}

// EngagementUpdate holds the fields of a calendar entry to change; nil fields stay as they
// are. Cancelled false restores a cancelled entry.
type EngagementUpdate struct {
	PersonID     *int64
	Date         *Date
	Start        *ClockTime
	Part         *DayPart
	Title        *string
	Place        *string
	Participants *string
	PreparerID   *int64
	Cancelled    *bool
}

// Apply returns e with the update's fields applied.
func (u EngagementUpdate) Apply(e Engagement) Engagement {
	setIf(&e.PersonID, u.PersonID)
	setIf(&e.Date, u.Date)
	setIf(&e.Start, u.Start)
	setIf(&e.Part, u.Part)
	setIf(&e.Title, u.Title)
	setIf(&e.Place, u.Place)
	setIf(&e.Participants, u.Participants)
	setIf(&e.PreparerID, u.PreparerID)
	setIf(&e.Cancelled, u.Cancelled)
	return e
}
