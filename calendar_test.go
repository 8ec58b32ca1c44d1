package congtac

import (
	"slices"
	"testing"
)

func TestClashes(t *testing.T) {
	day := MustDate(2026, 12, 10)
	entry := func(id, person int64, start ClockTime, part DayPart) Engagement {
		return Engagement{ID: id, PersonID: person, Date: day, Start: start, Part: part}
	}
	cancelled := entry(9, 1, At(8, 0), "")
	cancelled.Cancelled = true
	otherDay := entry(10, 1, At(8, 0), "")
	otherDay.Date = day.AddDays(1)
	entries := []Engagement{
		entry(1, 1, At(8, 0), ""),    // clashes with 2 (an hour apart) and 3 (the morning)
		entry(2, 1, At(9, 0), ""),    // and 3
		entry(3, 1, NoTime, Morning), //
		entry(4, 1, At(14, 0), ""),   // alone in the afternoon: 15:30 is 90 minutes later
		entry(5, 1, At(15, 30), ""),  //
		entry(6, 2, At(8, 0), ""),    // another leader
		entry(7, 0, At(8, 0), ""),    // no leader
		cancelled, otherDay,
		entry(11, 3, NoTime, ""), // a whole day clashes with 12
		entry(12, 3, At(19, 0), ""),
	}
	got := Clashes(entries)
	want := map[int64][]int64{1: {2, 3}, 2: {1, 3}, 3: {1, 2}, 11: {12}, 12: {11}}
	if len(got) != len(want) {
		t.Errorf("Clashes = %v, want %v", got, want)
	}
	for id, ids := range want {
		if !slices.Equal(got[id], ids) {
			t.Errorf("clashes of %d = %v, want %v", id, got[id], ids)
		}
	}
}

func TestAgendaOverrun(t *testing.T) {
	agenda := func(minutes ...int) []AgendaItem {
		var out []AgendaItem
		for _, n := range minutes {
			out = append(out, AgendaItem{Minutes: n})
		}
		return out
	}
	for _, tc := range []struct {
		start          ClockTime
		part           DayPart
		minutes        []int
		planned, avail int
		over           bool
	}{
		{At(8, 0), "", []int{60, 60, 60}, 180, 210, false},
		{At(8, 0), "", []int{60, 60, 60, 45}, 225, 210, true},
		{NoTime, Afternoon, []int{90, 90}, 180, 180, false},
		{NoTime, Afternoon, []int{90, 91}, 181, 180, true},
		{NoTime, AllDay, []int{400}, 400, 450, false},
		{At(16, 0), "", []int{30}, 30, 60, false},
	} {
		m := Meeting{Start: tc.start, Part: tc.part, Agenda: agenda(tc.minutes...)}
		planned, avail, over := m.AgendaOverrun()
		if planned != tc.planned || avail != tc.avail || over != tc.over {
			t.Errorf("%v %s %v: %d, %d, %v; want %d, %d, %v", tc.start, tc.part, tc.minutes, planned, avail, over,
				tc.planned, tc.avail, tc.over)
		}
	}
}

// TestWithDaysOff: the Thursday briefing over Tết Dương lịch 2026 (Thursday 1/1): kept and
// flagged by default, not held with skip, held on Friday 2/1 with next; a sitting changed
// on its own is left alone.
func TestWithDaysOff(t *testing.T) {
	weekly := Recurrence{Start: MustDate(2025, 12, 4), Freq: Weekly, ByDay: []WeekdayNum{{Day: 4}}}
	m := Meeting{Date: weekly.Start, Start: At(14, 0), Part: Afternoon, Recurrence: &weekly}
	from, to := MustDate(2025, 12, 29), MustDate(2026, 1, 4)
	sittingOn := func(m Meeting) []Sitting { return m.Sittings(from, to) }
	if got := sittingOn(m.WithDaysOff(from, to, Settings{})); len(got) != 1 || got[0].Date != MustDate(2026, 1, 1) || got[0].Cancelled {
		t.Errorf("kept: %+v", got)
	}
	m.OffDays = OffDaySkip
	if got := sittingOn(m.WithDaysOff(from, to, Settings{})); len(got) != 1 || !got[0].Cancelled || got[0].Note != "Ngày nghỉ: Tết Dương lịch" {
		t.Errorf("skipped: %+v", got)
	}
	m.OffDays = OffDayNext
	if got := sittingOn(m.WithDaysOff(from, to, Settings{})); len(got) != 1 || got[0].Date != MustDate(2026, 1, 2) ||
		got[0].Of != MustDate(2026, 1, 1) || got[0].Cancelled {
		t.Errorf("moved: %+v", got)
	}
	m.Changed = []Sitting{{Of: MustDate(2026, 1, 1), Date: MustDate(2025, 12, 31), Start: At(8, 0), Part: Morning}}
	if got := sittingOn(m.WithDaysOff(from, to, Settings{})); len(got) != 1 || got[0].Date != MustDate(2025, 12, 31) {
		t.Errorf("changed on its own: %+v", got)
	}
	if (Meeting{OffDays: "sometimes", Title: "x", Kind: MeetingRegular, Date: from, Start: NoTime, Status: MeetingPlanned, OrgID: 1}).Validate() == nil {
		t.Error("an unknown rule is accepted")
	}
}
