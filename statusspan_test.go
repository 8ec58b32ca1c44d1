package congtac_test

import (
	"testing"

	"congtac"
	"congtac/synth"
)

// TestStatusSpansAgreeWithStatusEveryDay reads the status of a wide variety of tasks on
// every day of two years and checks that the span holding the day has it, and that the
// spans follow each other without a gap, each with another status than the one before.
func TestStatusSpansAgreeWithStatusEveryDay(t *testing.T) {
	for _, around := range []congtac.Date{congtac.MustDate(2026, 11, 27), congtac.MustDate(2028, 2, 29),
		congtac.MustDate(2027, 12, 31)} {
		tasks := synth.Varied(synth.Variety{Seed: uint64(around.Year), Around: around, Lead: 1, Group: 2,
			Members: []int64{3, 4, 5}}, 600)
		kinds := map[string]int{}
		for _, task := range tasks {
			spans := task.StatusSpans()
			checkSpans(t, task, spans)
			kinds[kindOf(task)]++
			for d := around.AddDays(-365); !d.After(around.AddDays(365)); d = d.AddDays(1) {
				if got, want := statusIn(spans, d), task.Status(d); got != want {
					t.Fatalf("%s as of %s: spans say %s, Status says %s\n%+v\n%+v", task.Text, d, got, want, task, spans)
				}
			}
		}
		for _, k := range []string{"one-off", "recurring", "group-led", "deferred", "cancelled"} {
			if kinds[k] == 0 {
				t.Errorf("around %s: no %s task among %v", around, k, kinds)
			}
		}
	}
}

func TestStatusSpansOfAPlainTask(t *testing.T) {
	task := congtac.Task{Due: congtac.DueOn(congtac.MustDate(2026, 11, 30)), DoneOn: congtac.MustDate(2026, 12, 4)}
	want := []congtac.StatusSpan{
		{To: congtac.MustDate(2026, 11, 30), Status: congtac.StatusInProgress},
		{From: congtac.MustDate(2026, 12, 1), To: congtac.MustDate(2026, 12, 3), Status: congtac.StatusOverdue},
		{From: congtac.MustDate(2026, 12, 4), Status: congtac.StatusDoneLate},
	}
	if got := task.StatusSpans(); !equalSpans(got, want) {
		t.Errorf("spans = %+v, want %+v", got, want)
	}
	last := congtac.Task{Due: congtac.DueOn(congtac.MustDate(9999, 12, 31))}
	if got := last.StatusSpans(); len(got) != 1 || got[0].Status != congtac.StatusInProgress {
		t.Errorf("due on the calendar's last day: spans = %+v", got)
	}
}

func equalSpans(a, b []congtac.StatusSpan) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// checkSpans fails unless spans cover the calendar one after the other, the first from its
// beginning and the last to its end, each with another status than the one before.
func checkSpans(t *testing.T, task congtac.Task, spans []congtac.StatusSpan) {
	t.Helper()
	if len(spans) == 0 || !spans[0].From.IsZero() || !spans[len(spans)-1].To.IsZero() {
		t.Fatalf("%s: spans do not cover the calendar: %+v", task.Text, spans)
	}
	for i := 1; i < len(spans); i++ {
		prev, s := spans[i-1], spans[i]
		if prev.To.AddDays(1) != s.From || s.Status == prev.Status || s.From.IsZero() {
			t.Fatalf("%s: spans %d and %d do not follow: %+v", task.Text, i-1, i, spans)
		}
	}
}

// statusIn returns the status of the span holding day d.
func statusIn(spans []congtac.StatusSpan, d congtac.Date) congtac.Status {
	for _, s := range spans {
		if (s.From.IsZero() || !d.Before(s.From)) && (s.To.IsZero() || !d.After(s.To)) {
			return s.Status
		}
	}
	return ""
}

func kindOf(t congtac.Task) string {
	switch {
	case t.Deferral != nil:
		return "deferred"
	case t.Cancellation != nil:
		return "cancelled"
	case t.GroupLed():
		return "group-led"
	case t.Recurrence != nil:
		return "recurring"
	}
	return "one-off"
}
