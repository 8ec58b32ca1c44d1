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
