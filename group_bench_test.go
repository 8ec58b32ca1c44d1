package congtac

import (
	"testing"
	"time"
)

// groupLed makes every tenth of tasks a task led by a group (ID 1000) of 100 communes
// (IDs 2001–2100), with the shares of those done before the task's deadline recorded.
func groupLed(tasks []Task) []Task {
	for i := range tasks {
		t := &tasks[i]
		if i%10 != 0 || t.Recurrence != nil || t.Due.IsVague() {
			continue
		}
		t.Lead, t.DoneOn, t.Shares = 1000, Date{}, make([]Share, 100)
		for k := range t.Shares {
			t.Shares[k].OrgID = int64(2001 + k)
			if (k+i)%3 != 0 {
				t.Shares[k].DoneOn = t.Due.Date.AddDays((k+i)%20 - 15)
			}
		}
	}
	return tasks
}

// BenchmarkTallyGroupLed counts 20,000 generated tasks of a year as [BenchmarkTally] does,
// a tenth of them led by a group of 100 communes, as of the middle of the year.
func BenchmarkTallyGroupLed(b *testing.B) {
	tasks := groupLed(generateTasks(20000, 42))
	asOf := MustDate(2023, time.July, 1)
	b.ReportAllocs()
	for b.Loop() {
		if r := Tally(tasks, asOf); r.Total.Total() != len(tasks) {
			b.Fatal("lost tasks")
		}
	}
}

// BenchmarkGroupLedTaskStatus is the status of one task of 100 shares, all done, read after
// its deadline: every share is looked at.
func BenchmarkGroupLedTaskStatus(b *testing.B) {
	t := Task{Due: DueInMonth(2023, time.April), Shares: make([]Share, 100)}
	for k := range t.Shares {
		t.Shares[k] = Share{OrgID: int64(k + 1), DoneOn: MustDate(2023, time.April, 1+k%30)}
	}
	asOf := MustDate(2023, time.May, 15)
	b.ReportAllocs()
	for b.Loop() {
		if t.Status(asOf) != StatusDoneOnTime {
			b.Fatal("wrong status")
		}
	}
}
