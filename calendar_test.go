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
