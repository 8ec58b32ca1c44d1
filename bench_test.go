package congtac

import (
	"testing"
	"time"
)

// BenchmarkTally counts 20,000 generated tasks of a year (a sixth of them monthly recurring
// reports with up to twelve occurrences) as of the middle of the year.
func BenchmarkTally(b *testing.B) {
	tasks := generateTasks(20000, 42)
	asOf := MustDate(2023, time.July, 1)
	b.ReportAllocs()
	for b.Loop() {
		r := Tally(tasks, asOf)
		if r.Total.Total() != len(tasks) {
			b.Fatal("lost tasks")
		}
	}
}

// BenchmarkRecurrenceBetween lists a year of Thursday briefings.
func BenchmarkRecurrenceBetween(b *testing.B) {
	r := Recurrence{Start: MustDate(2023, time.January, 5), Freq: Weekly, ByDay: []WeekdayNum{{Day: time.Thursday}}}
	from, to := MustDate(2023, time.January, 1), MustDate(2023, time.December, 31)
	b.ReportAllocs()
	for b.Loop() {
		if got := r.Between(from, to); len(got) != 52 {
			b.Fatalf("got %d occurrences, want 52", len(got))
		}
	}
}

// BenchmarkRecurringTaskStatus is the status of one monthly reporting task over a year.
func BenchmarkRecurringTaskStatus(b *testing.B) {
	r := Recurrence{Start: MustDate(2023, time.January, 1), Freq: Monthly, ByMonthDay: []int{-1}}
	t := Task{Recurrence: &r, Due: DueInYear(2023)}
	for _, d := range r.Between(r.Start, t.Due.Date) {
		t.Occurrences = append(t.Occurrences, Occurrence{Due: d, DoneOn: d})
	}
	asOf := MustDate(2024, time.January, 15)
	b.ReportAllocs()
	for b.Loop() {
		if t.Status(asOf) != StatusDoneOnTime {
			b.Fatal("wrong status")
		}
	}
}
