package remind

import (
	"testing"
	"time"

	"congtac"
)

// TestTasks: with three days' notice, a task due on 10/12 is reminded on 7/12, on 10/12, on
// 11/12 and 18/12 while overdue, never on the days between; its supporting org's reporter
// too until its share is done; a deferral moves every reminder to its new date; a done task
// gets none; a recurring duty is reminded of its first occurrence not done; keys differ by
// occasion and agree across runs.
func TestTasks(t *testing.T) {
	d := func(m, day int) congtac.Date { return congtac.MustDate(2026, time.Month(m), day) }
	to := NewRecipients([]congtac.User{
		{ID: 1, OrgID: 10, Role: congtac.RoleReporter}, {ID: 2, OrgID: 10, Role: congtac.RoleUnitHead},
		{ID: 3, OrgID: 20, Role: congtac.RoleReporter}, {ID: 4, OrgID: 10, Role: congtac.RoleReporter, Disabled: true},
		{ID: 5, OrgID: 10, Role: congtac.RoleViewer},
	})
	task := congtac.Task{ID: 7, Text: "Khởi công đường giao thông", Lead: 10, Support: []congtac.Support{{OrgID: 20}},
		Due: congtac.Due{Date: d(12, 10), Precision: congtac.PrecisionDay}}
	count := func(tk congtac.Task, on congtac.Date) (int, []congtac.Notification) {
		ns := Tasks([]congtac.Task{tk}, to, on, 3)
		return len(ns), ns
	}
	for _, tt := range []struct {
		on   congtac.Date
		want int
		kind string
	}{
		{d(12, 6), 0, ""}, {d(12, 7), 3, "task_soon"}, {d(12, 8), 0, ""}, {d(12, 10), 3, "task_due"},
		{d(12, 11), 3, "task_overdue"}, {d(12, 12), 0, ""}, {d(12, 18), 3, "task_overdue"},
	} {
		n, ns := count(task, tt.on)
		if n != tt.want || (n > 0 && ns[0].Kind != tt.kind) {
			t.Errorf("on %s: %d notifications %+v, want %d of %s", tt.on, n, ns, tt.want, tt.kind)
		}
	}
	_, first := count(task, d(12, 11))
	_, again := count(task, d(12, 11))
	_, week2 := count(task, d(12, 18))
	if first[0].Key != again[0].Key || first[0].Key == week2[0].Key || first[0].Link != "/tasks/7" {
		t.Errorf("keys %q, %q, %q", first[0].Key, again[0].Key, week2[0].Key)
	}

	shared := task
	shared.Support = []congtac.Support{{OrgID: 20, DoneOn: d(12, 5)}}
	if n, _ := count(shared, d(12, 10)); n != 2 {
		t.Errorf("with the support's share done: %d, want the lead's two", n)
	}
	moved := task
	moved.Deferral = &congtac.Deferral{On: d(12, 1), To: congtac.Due{Date: d(12, 31), Precision: congtac.PrecisionDay}}
	if n, _ := count(moved, d(12, 10)); n != 0 {
		t.Errorf("deferred: reminded on the old date (%d)", n)
	}
	if n, ns := count(moved, d(12, 28)); n != 3 || ns[0].Kind != "task_soon" {
		t.Errorf("deferred: %d before the new date", n)
	}
	done := task
	done.DoneOn = d(12, 9)
	if n, _ := count(done, d(12, 10)); n != 0 {
		t.Errorf("done: %d", n)
	}
	monthly, _ := congtac.ParseRecurrence("FREQ=MONTHLY;BYMONTHDAY=-1", d(10, 1))
	duty := congtac.Task{ID: 8, Text: "Báo cáo tháng", Lead: 10, Due: congtac.Due{Date: d(12, 31), Precision: congtac.PrecisionDay},
		Recurrence: &monthly, Occurrences: []congtac.Occurrence{{Due: d(10, 31), DoneOn: d(10, 30)}}}
	if n, ns := count(duty, d(11, 30)); n != 2 || ns[0].Kind != "task_due" {
		t.Errorf("a monthly duty on its November day: %d %+v", n, ns)
	}
}
