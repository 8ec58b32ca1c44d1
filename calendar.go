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
	PreparerID   int64  // org that prepares; 0 if none
	Accompany    string // the office staff who go with the leader
	Note         string
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
	p.Text("accompany", "Cán bộ Văn phòng đi cùng", e.Accompany)
	p.Text("note", "Ghi chú", e.Note)
	if strings.TrimSpace(e.Title) == "" {
		p.Add("title", "Nội dung công tác không được để trống.")
	} else if len([]rune(e.Title)) > MaxEngagementTitle {
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
	Accompany    *string
	Note         *string
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
	setIf(&e.Accompany, u.Accompany)
	setIf(&e.Note, u.Note)
	setIf(&e.Cancelled, u.Cancelled)
	return e
}

// ClashMinutes is how close two timed entries of one leader may start before they clash.
const ClashMinutes = 90

// Clashes returns, for each entry booked at the same time as another entry of the same
// leader, the IDs of those others. Two entries on the same day clash when both give a
// time and start less than [ClashMinutes] apart, or when one gives only a part of the day
// and the other falls in that part; a whole day clashes with everything on that day.
// Cancelled entries and entries without a leader never clash.
func Clashes(entries []Engagement) map[int64][]int64 {
	out := map[int64][]int64{}
	for i, a := range entries {
		for _, b := range entries[i+1:] {
			if a.clashes(b) {
				out[a.ID] = append(out[a.ID], b.ID)
				out[b.ID] = append(out[b.ID], a.ID)
			}
		}
	}
	return out
}

// clashes reports whether e and f book the same leader at the same time.
func (e Engagement) clashes(f Engagement) bool {
	switch {
	case e.Cancelled || f.Cancelled || e.PersonID == 0 || e.PersonID != f.PersonID || e.Date != f.Date:
		return false
	case e.Start != NoTime && f.Start != NoTime:
		return abs(int(e.Start)-int(f.Start)) < ClashMinutes
	}
	ep, fp := e.dayPart(), f.dayPart()
	return ep == AllDay || fp == AllDay || ep == fp
}

// dayPart returns the part of the day the entry takes: that of its time, or the one given.
func (e Engagement) dayPart() DayPart {
	if e.Start != NoTime {
		return e.Start.Part()
	}
	if e.Part == "" {
		return AllDay
	}
	return e.Part
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
