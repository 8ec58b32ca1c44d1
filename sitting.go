package congtac

import (
	"cmp"
	"slices"
	"strings"
)

// Sitting is one sitting of a meeting: the meeting itself, or one occurrence of a series
// ("chiều thứ Năm hằng tuần"). A series keeps the occurrences changed on their own — one
// Thursday's briefing moved to the Friday, or cancelled — while the others follow the rule.
type Sitting struct {
	Of        Date // the day the rule gives it; the meeting's date for a one-off meeting
	Date      Date // the day it is held
	Start     ClockTime
	Part      DayPart
	Place     string // "" for the meeting's place
	Cancelled bool
	Note      string // the reason of a change, announced with it
}

// Moved reports whether the occurrence is held on another day or at another time than the
// rule gives it.
func (o Sitting) Moved(m Meeting) bool {
	return o.Date != o.Of || o.Start != m.Start || o.Part != m.Part
}

// Validate checks a change of one occurrence of m.
func (o Sitting) Validate(m Meeting) error {
	var p Problems
	p.Text("place", "Địa điểm", o.Place)
	p.Text("note", "Ghi chú", o.Note)
	switch {
	case m.Recurrence == nil:
		p.Add("occurrence", "Hội nghị không họp định kỳ: hãy sửa ngày họp của hội nghị.")
	case o.Of.IsZero() || !o.Of.valid() || len(m.Recurrence.Between(o.Of, o.Of)) == 0:
		p.Add("occurrence", "Ngày %s không phải một buổi họp của lịch định kỳ.", o.Of.String())
	}
	if o.Date.IsZero() {
		p.Add("date", "Chưa có ngày họp.")
	} else if !o.Date.valid() {
		p.Add("date", "Ngày họp không có trên lịch.")
	}
	if !o.Start.Valid() {
		p.Add("start", "Giờ họp không hợp lệ.")
	}
	if !o.Part.valid() {
		p.Add("part", "Buổi họp %q không hợp lệ.", string(o.Part))
	}
	if o.Cancelled && strings.TrimSpace(o.Note) == "" {
		p.Add("note", "Ghi lý do hủy buổi họp để thông báo cho thành phần mời.")
	}
	return p.Err()
}

// Sittings returns the sittings of m held, or cancelled, on a day in [from, to], by day and
// time: its own date, or each occurrence of its rule as changed on its own. A moved
// occurrence is returned on the day it moved to, whatever day the rule gave it.
func (m Meeting) Sittings(from, to Date) []Sitting {
	plain := func(d Date) Sitting { return Sitting{Of: d, Date: d, Start: m.Start, Part: m.Part} }
	if m.Recurrence == nil {
		if m.Date.Before(from) || m.Date.After(to) {
			return nil
		}
		return []Sitting{plain(m.Date)}
	}
	changed := make(map[Date]Sitting, len(m.Changed))
	var out []Sitting
	for _, o := range m.Changed {
		changed[o.Of] = o
		if !o.Date.Before(from) && !o.Date.After(to) {
			out = append(out, o)
		}
	}
	for _, d := range m.Recurrence.Between(from, to) {
		if _, ok := changed[d]; !ok {
			out = append(out, plain(d))
		}
	}
	slices.SortFunc(out, func(a, b Sitting) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Start.Order(a.Part), b.Start.Order(b.Part)))
	})
	return out
}

// Held returns the days in [from, to] on which m sits, cancelled occurrences left out.
func (m Meeting) Held(from, to Date) []Date {
	var out []Date
	for _, o := range m.Sittings(from, to) {
		if !o.Cancelled {
			out = append(out, o.Date)
		}
	}
	return out
}

// Order returns the minute of the day an entry sorts at: its time, or for a part of the
// day without one the usual start (7:30, 14:00, 18:00); a whole day first.
func (t ClockTime) Order(p DayPart) int {
	switch {
	case t != NoTime:
		return int(t)
	case p == Morning:
		return 7*60 + 30
	case p == Afternoon:
		return 14 * 60
	case p == Evening:
		return 18 * 60
	}
	return -1
}

// PartEnd returns when the part of the day a sitting starting at t takes ends, as offices
// plan them: 11:30 for the morning, 17:00 for the afternoon, 21:00 for the evening; a whole
// day ends at 17:00.
func (t ClockTime) PartEnd(p DayPart) ClockTime {
	part := p
	if t != NoTime {
		part = t.Part()
	}
	switch part {
	case Morning:
		return At(11, 30)
	case Evening:
		return At(21, 0)
	}
	return At(17, 0)
}

// AgendaOverrun returns the minutes m's agenda plans and the minutes its sitting has, from
// its start to the end of its part of the day ([ClockTime.PartEnd]; a whole day has 7 hours
// 30, lunch left out), and whether the agenda takes longer.
func (m Meeting) AgendaOverrun() (planned, available int, over bool) {
	for _, it := range m.Agenda {
		planned += it.Minutes
	}
	start := m.Start.Order(m.Part)
	switch {
	case start < 0:
		available = 450
	default:
		available = max(0, int(m.Start.PartEnd(m.Part))-start)
	}
	return planned, available, planned > available
}

// OffDayRule says what a series does with a sitting that falls on a day off of its
// committee (a weekend, a public holiday, a day off of its own).
type OffDayRule string

// The rules: keep the sitting and flag it for the office to move or cancel; do not sit; sit
// on the next working day.
const (
	OffDayKeep OffDayRule = ""
	OffDaySkip OffDayRule = "skip"
	OffDayNext OffDayRule = "next"
)

// OffDayRules lists the rules.
var OffDayRules = []OffDayRule{OffDayKeep, OffDaySkip, OffDayNext}

// Label returns the Vietnamese name of the rule.
func (r OffDayRule) Label() string {
	switch r {
	case OffDayKeep:
		return "Giữ nguyên và nhắc để dời hoặc hủy"
	case OffDaySkip:
		return "Không họp buổi đó"
	case OffDayNext:
		return "Dời sang ngày làm việc kế tiếp"
	}
	return ""
}

// WithDaysOff returns m with its rule for days off applied to the sittings of its series in
// [from, to] that fall on a day off of the committee whose settings st are and are not
// changed on their own: each becomes a sitting changed on its own, cancelled or moved to
// the next working day, its note saying why. [Meeting.Sittings], the calendar and the
// iCalendar events of the result then show it.
func (m Meeting) WithDaysOff(from, to Date, st Settings) Meeting {
	if m.Recurrence == nil || m.OffDays == OffDayKeep {
		return m
	}
	changed := make(map[Date]bool, len(m.Changed))
	for _, o := range m.Changed {
		changed[o.Of] = true
	}
	out := slices.Clone(m.Changed)
	for _, d := range m.Recurrence.Between(from.AddDays(-7), to) { // a week back: one moved into the range
		if changed[d] || st.WorkingDay(d) {
			continue
		}
		o := Sitting{Of: d, Date: d, Start: m.Start, Part: m.Part, Note: strings.TrimSuffix("Ngày nghỉ: "+st.DayOff(d), ": ")}
		if m.OffDays == OffDaySkip {
			o.Cancelled = true
		} else {
			o.Date = st.NextWorkingDay(d)
		}
		out = append(out, o)
	}
	m.Changed = out
	return m
}
