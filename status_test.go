package congtac

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"testing"
	"time"
)

func TestObligationStatus(t *testing.T) {
	const (
		due = "2023-04-30"
		no  = ""
	)
	d := func(s string) Date {
		if s == "" {
			return Date{}
		}
		return ymd(s)
	}
	tests := []struct {
		name                                   string
		due, done, deferredOn, deferredTo, can string
		asOf                                   string
		want                                   Status
	}{
		// not done
		{"not done, before the deadline", due, no, no, no, no, "2023-04-29", StatusInProgress},
		{"not done, on the deadline", due, no, no, no, no, "2023-04-30", StatusInProgress},
		{"not done, after the deadline", due, no, no, no, no, "2023-05-01", StatusOverdue},
		{"not done, long after", due, no, no, no, no, "2024-05-01", StatusOverdue},
		// done before, on and after the deadline
		{"done early, read before completion", due, "2023-04-20", no, no, no, "2023-04-19", StatusInProgress},
		{"done early, read on completion", due, "2023-04-20", no, no, no, "2023-04-20", StatusDoneOnTime},
		{"done early, read later", due, "2023-04-20", no, no, no, "2023-06-01", StatusDoneOnTime},
		{"done on the deadline", due, "2023-04-30", no, no, no, "2023-04-30", StatusDoneOnTime},
		{"done on the deadline, read later", due, "2023-04-30", no, no, no, "2023-12-31", StatusDoneOnTime},
		{"done late, read before the deadline", due, "2023-05-10", no, no, no, "2023-04-29", StatusInProgress},
		{"done late, read as of 5/5", due, "2023-05-10", no, no, no, "2023-05-05", StatusOverdue},
		{"done late, read on completion", due, "2023-05-10", no, no, no, "2023-05-10", StatusDoneLate},
		{"done late, read later", due, "2023-05-10", no, no, no, "2023-06-01", StatusDoneLate},
		{"done a day late", due, "2023-05-01", no, no, no, "2023-05-01", StatusDoneLate},
		// no deadline
		{"vague, not done", no, no, no, no, no, "2030-01-01", StatusInProgress},
		{"vague, done", no, "2023-05-10", no, no, no, "2023-05-10", StatusDoneOnTime},
		// deferred with a new date
		{"deferral not yet made", due, no, "2023-04-25", "2023-05-31", no, "2023-04-24", StatusInProgress},
		{"deferred, on the deferral day", due, no, "2023-04-25", "2023-05-31", no, "2023-04-25", StatusDeferred},
		{"deferred, past the old deadline", due, no, "2023-04-25", "2023-05-31", no, "2023-05-15", StatusDeferred},
		{"deferred, on the new deadline", due, no, "2023-04-25", "2023-05-31", no, "2023-05-31", StatusDeferred},
		{"deferred, past the new deadline", due, no, "2023-04-25", "2023-05-31", no, "2023-06-01", StatusOverdue},
		{"deferred, done before the new deadline", due, "2023-05-20", "2023-04-25", "2023-05-31", no, "2023-05-25", StatusDoneOnTime},
		{"deferred, done on the new deadline", due, "2023-05-31", "2023-04-25", "2023-05-31", no, "2023-06-30", StatusDoneOnTime},
		{"deferred, done after the new deadline", due, "2023-06-05", "2023-04-25", "2023-05-31", no, "2023-06-10", StatusDoneLate},
		{"deferred, read before completion", due, "2023-05-20", "2023-04-25", "2023-05-31", no, "2023-05-19", StatusDeferred},
		{"deferred after the deadline, read before the deferral", due, no, "2023-05-05", "2023-05-31", no, "2023-05-03", StatusOverdue},
		{"deferred after the deadline, read after", due, no, "2023-05-05", "2023-05-31", no, "2023-05-05", StatusDeferred},
		{"deferred to an earlier date", due, no, "2023-04-10", "2023-04-20", no, "2023-04-25", StatusOverdue},
		{"deferral recorded after completion does not change it", due, "2023-05-10", "2023-05-15", "2023-05-31", no, "2023-06-01", StatusDoneLate},
		// deferred without a new date (postponed until further notice)
		{"postponed, read before", due, no, "2023-04-25", no, no, "2023-04-20", StatusInProgress},
		{"postponed, on the day", due, no, "2023-04-25", no, no, "2023-04-25", StatusDeferred},
		{"postponed, a year later", due, no, "2023-04-25", no, no, "2024-04-25", StatusDeferred},
		{"postponed, then done", due, "2023-12-01", "2023-04-25", no, no, "2023-12-05", StatusDoneOnTime},
		// cancelled
		{"cancelled, read before", due, no, no, no, "2023-04-25", "2023-04-24", StatusInProgress},
		{"cancelled, on the day", due, no, no, no, "2023-04-25", "2023-04-25", StatusCancelled},
		{"cancelled, past the deadline", due, no, no, no, "2023-04-25", "2023-06-01", StatusCancelled},
		{"cancelled after the deadline, read before", due, no, no, no, "2023-05-05", "2023-05-03", StatusOverdue},
		{"cancelled after the deadline, read after", due, no, no, no, "2023-05-05", "2023-05-05", StatusCancelled},
		{"done then cancelled", due, "2023-04-20", no, no, "2023-04-25", "2023-05-01", StatusDoneOnTime},
		{"done late then cancelled", due, "2023-05-03", no, no, "2023-05-05", "2023-05-06", StatusDoneLate},
		{"cancelled then done", due, "2023-04-28", no, no, "2023-04-25", "2023-05-01", StatusCancelled},
		{"done and cancelled the same day", due, "2023-04-25", no, no, "2023-04-25", "2023-05-01", StatusDoneOnTime},
		{"deferred then cancelled", due, no, "2023-04-25", "2023-05-31", "2023-05-10", "2023-05-10", StatusCancelled},
		{"deferred then cancelled, read between", due, no, "2023-04-25", "2023-05-31", "2023-05-10", "2023-05-09", StatusDeferred},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := Obligation{Due: d(tt.due), DoneOn: d(tt.done), DeferredOn: d(tt.deferredOn),
				DeferredTo: d(tt.deferredTo), CancelledOn: d(tt.can)}
			if got := o.Status(ymd(tt.asOf)); got != tt.want {
				t.Errorf("Obligation%+v.Status(%s) = %s, want %s", o, tt.asOf, got, tt.want)
			}
			// The same row through a Task.
			task := Task{DoneOn: d(tt.done)}
			if tt.due != "" {
				task.Due = DueInMonth(2023, time.April)
			}
			if tt.deferredOn != "" {
				task.Deferral = &Deferral{On: d(tt.deferredOn), Reason: "chờ kinh phí"}
				if tt.deferredTo != "" {
					task.Deferral.To = DueOn(d(tt.deferredTo))
				}
			}
			if tt.can != "" {
				task.Cancellation = &Cancellation{On: d(tt.can), Reason: "không còn phù hợp"}
			}
			if got := task.Status(ymd(tt.asOf)); got != tt.want {
				t.Errorf("Task.Status(%s) = %s, want %s", tt.asOf, got, tt.want)
			}
		})
	}
}

func TestStatusLabels(t *testing.T) {
	if len(Statuses) != 6 {
		t.Fatalf("len(Statuses) = %d, want 6", len(Statuses))
	}
	seen := map[string]bool{}
	for _, s := range Statuses {
		l := s.Label()
		if !isVietnamese(l) || seen[l] {
			t.Errorf("%s.Label() = %q, want a distinct Vietnamese label", s, l)
		}
		seen[l] = true
		if got, want := s.Done(), s == StatusDoneOnTime || s == StatusDoneLate; got != want {
			t.Errorf("%s.Done() = %v, want %v", s, got, want)
		}
	}
	if got := Status("x").Label(); got != "" {
		t.Errorf("unknown status label = %q, want empty", got)
	}
}

// monthlyReport is "báo cáo UBND huyện từng tháng" from January to June 2023: due on the
// last day of each month.
func monthlyReport(done map[string]string) Task {
	r := Recurrence{Start: ymd("2023-01-01"), Freq: Monthly, ByMonthDay: []int{-1}}
	t := Task{ID: 1, Text: "Báo cáo kết quả thực hiện Chỉ thị số 19-CT/TU từng tháng", Lead: 10,
		Due: DueInMonth(2023, time.June), Recurrence: &r}
	for due, on := range done {
		t.Occurrences = append(t.Occurrences, Occurrence{Due: ymd(due), DoneOn: ymd(on)})
	}
	return t
}

func TestRecurringTaskStatus(t *testing.T) {
	someLate := map[string]string{
		"2023-01-31": "2023-01-30", // on time
		"2023-02-28": "2023-03-02", // late
		"2023-03-31": "2023-03-31", // on the day
		// April missing
		"2023-05-31": "2023-05-29",
		"2023-06-30": "2023-06-28",
	}
	allDone := maps.Clone(someLate)
	allDone["2023-04-30"] = "2023-04-28"
	onTime := maps.Clone(allDone)
	onTime["2023-02-28"] = "2023-02-27"

	tests := []struct {
		name string
		done map[string]string
		asOf string
		want Status
		occ  []Status
	}{
		{"April missing, read in July", someLate, "2023-07-15", StatusOverdue, []Status{StatusDoneOnTime,
			StatusDoneLate, StatusDoneOnTime, StatusOverdue, StatusDoneOnTime, StatusDoneOnTime}},
		{"read in mid-April", someLate, "2023-04-15", StatusInProgress, []Status{StatusDoneOnTime,
			StatusDoneLate, StatusDoneOnTime, StatusInProgress, StatusInProgress, StatusInProgress}},
		{"read on 1 March, February not yet in", someLate, "2023-03-01", StatusOverdue, []Status{StatusDoneOnTime,
			StatusOverdue, StatusInProgress, StatusInProgress, StatusInProgress, StatusInProgress}},
		{"read before the first is due", someLate, "2023-01-15", StatusInProgress, []Status{StatusInProgress,
			StatusInProgress, StatusInProgress, StatusInProgress, StatusInProgress, StatusInProgress}},
		{"all done, one late", allDone, "2023-07-01", StatusDoneLate, nil},
		{"all done on time", onTime, "2023-07-01", StatusDoneOnTime, nil},
		{"all done on time, read before the last", onTime, "2023-06-20", StatusInProgress, nil},
		{"nothing done", nil, "2023-07-01", StatusOverdue, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			task := monthlyReport(tt.done)
			if got := task.Status(ymd(tt.asOf)); got != tt.want {
				t.Errorf("Status(%s) = %s, want %s", tt.asOf, got, tt.want)
			}
			occ := task.OccurrenceStatuses(ymd(tt.asOf))
			if len(occ) != 6 {
				t.Fatalf("len(OccurrenceStatuses) = %d, want 6", len(occ))
			}
			wantDue := dates("2023-01-31 2023-02-28 2023-03-31 2023-04-30 2023-05-31 2023-06-30")
			for i, o := range occ {
				if o.Due != wantDue[i] {
					t.Errorf("occurrence %d due %v, want %v", i, o.Due, wantDue[i])
				}
				if tt.occ != nil && o.Status != tt.occ[i] {
					t.Errorf("occurrence %v status %s, want %s", o.Due, o.Status, tt.occ[i])
				}
				if on, ok := tt.done[o.Due.String()]; ok && o.DoneOn != ymd(on) {
					t.Errorf("occurrence %v DoneOn %v, want %s", o.Due, o.DoneOn, on)
				}
			}
		})
	}

	t.Run("cancelled", func(t *testing.T) {
		task := monthlyReport(someLate)
		task.Cancellation = &Cancellation{On: ymd("2023-04-10"), Reason: "gộp vào báo cáo quý"}
		if got := task.Status(ymd("2023-07-01")); got != StatusCancelled {
			t.Errorf("Status = %s, want %s", got, StatusCancelled)
		}
		if got := task.Status(ymd("2023-04-09")); got != StatusInProgress {
			t.Errorf("Status before the cancellation = %s, want %s", got, StatusInProgress)
		}
	})
	t.Run("deferred", func(t *testing.T) {
		task := monthlyReport(someLate)
		task.Deferral = &Deferral{On: ymd("2023-04-10"), To: DueInMonth(2023, time.September), Reason: "chờ hướng dẫn"}
		if got := task.Status(ymd("2023-05-01")); got != StatusDeferred {
			t.Errorf("Status = %s, want %s", got, StatusDeferred)
		}
	})
	t.Run("one-off task has no occurrences", func(t *testing.T) {
		if got := (Task{Due: DueInMonth(2023, time.May)}).OccurrenceStatuses(ymd("2023-06-01")); got != nil {
			t.Errorf("OccurrenceStatuses = %v, want nil", got)
		}
	})
	t.Run("weekly briefing notes with a vague deadline", func(t *testing.T) {
		r := mustRule(t, "FREQ=WEEKLY;BYDAY=TH;COUNT=4", "2023-04-06")
		task := Task{Recurrence: &r, Occurrences: []Occurrence{{Due: ymd("2023-04-06"), DoneOn: ymd("2023-04-06")}}}
		occ := task.OccurrenceStatuses(ymd("2023-04-14"))
		want := []Status{StatusDoneOnTime, StatusOverdue, StatusInProgress, StatusInProgress}
		if len(occ) != len(want) {
			t.Fatalf("got %d occurrences, want %d", len(occ), len(want))
		}
		for i := range want {
			if occ[i].Status != want[i] {
				t.Errorf("occurrence %v: %s, want %s", occ[i].Due, occ[i].Status, want[i])
			}
		}
		if got := task.Status(ymd("2023-04-14")); got != StatusOverdue {
			t.Errorf("Status = %s, want %s", got, StatusOverdue)
		}
	})
}

func TestSupportStatus(t *testing.T) {
	task := Task{Lead: 1, Due: DueInMonth(2023, time.April), DoneOn: ymd("2023-04-20"),
		Support: []Support{{OrgID: 2, DoneOn: ymd("2023-05-10")}, {OrgID: 3}, {OrgID: 4, DoneOn: ymd("2023-04-01")}}}
	tests := []struct {
		name  string
		task  Task
		org   int64
		asOf  string
		want  Status
		found bool
	}{
		{"late support", task, 2, "2023-05-15", StatusDoneLate, true},
		{"late support, read before it finished", task, 2, "2023-05-05", StatusOverdue, true},
		{"support not done", task, 3, "2023-05-15", StatusOverdue, true},
		{"support not done, within the deadline", task, 3, "2023-04-15", StatusInProgress, true},
		{"support done early", task, 4, "2023-05-15", StatusDoneOnTime, true},
		{"the lead is not a support", task, 1, "2023-05-15", "", false},
		{"unknown org", task, 9, "2023-05-15", "", false},
		{"deferral applies", func() Task {
			c := task
			c.Deferral = &Deferral{On: ymd("2023-04-25"), To: DueInMonth(2023, time.June)}
			return c
		}(), 3, "2023-05-15", StatusDeferred, true},
		{"cancellation applies", func() Task {
			c := task
			c.Cancellation = &Cancellation{On: ymd("2023-04-25")}
			return c
		}(), 3, "2023-05-15", StatusCancelled, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, found := tt.task.SupportStatus(tt.org, ymd(tt.asOf))
			if got != tt.want || found != tt.found {
				t.Errorf("SupportStatus(%d, %s) = %q, %v; want %q, %v", tt.org, tt.asOf, got, found, tt.want, tt.found)
			}
		})
	}
}

// counts builds a Counts from status/number pairs.
func counts(kv ...any) Counts {
	c := Counts{}
	for i := 0; i < len(kv); i += 2 {
		c[kv[i].(Status)] = kv[i+1].(int)
	}
	return c
}

func sameCounts(a, b Counts) bool {
	for _, s := range Statuses {
		if a[s] != b[s] {
			return false
		}
	}
	return a.Total() == b.Total()
}

func TestTally(t *testing.T) {
	asOf := ymd("2023-05-15")
	tasks := []Task{
		{ID: 1, Lead: 10, Sector: SectorEconomy, LeaderID: 100, Due: DueInMonth(2023, time.April), DoneOn: ymd("2023-04-20")},
		{ID: 2, Lead: 10, Sector: SectorEconomy, LeaderID: 100, Due: DueInMonth(2023, time.April), DoneOn: ymd("2023-05-05")},
		{ID: 3, Lead: 20, Sector: SectorCultureSociety, LeaderID: 200, Due: DueInMonth(2023, time.May)},
		{ID: 4, Lead: 20, Sector: SectorCultureSociety, Due: DueOn(ymd("2023-04-15"))},
		{ID: 5, Lead: 30, Sector: SectorInternalAffairs, LeaderID: 200, Due: DueInMonth(2023, time.April),
			Deferral: &Deferral{On: ymd("2023-04-28"), To: DueInMonth(2023, time.June)}},
		{ID: 6, Lead: 30, Due: Due{Text: "trong dịp nghỉ hè"}},
		{ID: 7, Lead: 10, Sector: SectorEconomy, LeaderID: 100, Due: DueInMonth(2023, time.May),
			Cancellation: &Cancellation{On: ymd("2023-05-01")}},
	}
	r := Tally(tasks, asOf)
	if r.AsOf != asOf {
		t.Errorf("AsOf = %v, want %v", r.AsOf, asOf)
	}
	wantTotal := counts(StatusDoneOnTime, 1, StatusDoneLate, 1, StatusInProgress, 2, StatusOverdue, 1,
		StatusDeferred, 1, StatusCancelled, 1)
	if !sameCounts(r.Total, wantTotal) || r.Total.Total() != 7 {
		t.Errorf("Total = %v, want %v", r.Total, wantTotal)
	}
	byOrg := map[int64]Counts{
		10: counts(StatusDoneOnTime, 1, StatusDoneLate, 1, StatusCancelled, 1),
		20: counts(StatusInProgress, 1, StatusOverdue, 1),
		30: counts(StatusDeferred, 1, StatusInProgress, 1),
	}
	bySector := map[Sector]Counts{
		SectorEconomy:         counts(StatusDoneOnTime, 1, StatusDoneLate, 1, StatusCancelled, 1),
		SectorCultureSociety:  counts(StatusInProgress, 1, StatusOverdue, 1),
		SectorInternalAffairs: counts(StatusDeferred, 1),
		"":                    counts(StatusInProgress, 1),
	}
	byLeader := map[int64]Counts{
		100: counts(StatusDoneOnTime, 1, StatusDoneLate, 1, StatusCancelled, 1),
		200: counts(StatusInProgress, 1, StatusDeferred, 1),
		0:   counts(StatusOverdue, 1, StatusInProgress, 1),
	}
	byPeriod := map[string]Counts{
		"2023-04": counts(StatusDoneOnTime, 1, StatusDoneLate, 1, StatusOverdue, 1, StatusDeferred, 1),
		"2023-05": counts(StatusInProgress, 1, StatusCancelled, 1),
		"":        counts(StatusInProgress, 1),
	}
	compare(t, "ByOrg", r.ByOrg, byOrg)
	compare(t, "BySector", r.BySector, bySector)
	compare(t, "ByLeader", r.ByLeader, byLeader)
	compare(t, "ByPeriod", r.ByPeriod, byPeriod)
	checkRollupSums(t, r)

	empty := Tally(nil, asOf)
	if empty.Total.Total() != 0 || len(empty.ByOrg) != 0 || empty.ByOrg == nil || empty.Total == nil {
		t.Errorf("Tally(nil) = %+v, want empty non-nil maps", empty)
	}
}

func compare[K comparable](t *testing.T, what string, got, want map[K]Counts) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s has %d keys, want %d: %v", what, len(got), len(want), got)
	}
	for k, w := range want {
		if !sameCounts(got[k], w) {
			t.Errorf("%s[%v] = %v, want %v", what, k, got[k], w)
		}
	}
}

// checkRollupSums checks that every dimension of a roll-up adds up to its total.
func checkRollupSums(t *testing.T, r Rollup) {
	t.Helper()
	sum := func(ms ...Counts) Counts {
		c := Counts{}
		for _, m := range ms {
			for s, n := range m {
				c[s] += n
			}
		}
		return c
	}
	dims := map[string]Counts{
		"ByOrg":    sum(slicesOf(r.ByOrg)...),
		"BySector": sum(slicesOf(r.BySector)...),
		"ByLeader": sum(slicesOf(r.ByLeader)...),
		"ByPeriod": sum(slicesOf(r.ByPeriod)...),
	}
	for name, c := range dims {
		if !sameCounts(c, r.Total) {
			t.Errorf("sum of %s = %v, want the total %v", name, c, r.Total)
		}
	}
}

func slicesOf[K comparable](m map[K]Counts) []Counts {
	out := make([]Counts, 0, len(m))
	for _, c := range m {
		out = append(out, c)
	}
	return out
}

// generateTasks makes n tasks of 2023: a mix of one-off tasks with every kind of deadline
// and monthly recurring reports, some done, late, deferred or cancelled.
func generateTasks(n int, seed uint64) []Task {
	rnd := rand.New(rand.NewPCG(seed, 7))
	sectors := append([]Sector{""}, Sectors...)
	out := make([]Task, n)
	for i := range out {
		m := time.Month(rnd.IntN(12) + 1)
		t := Task{ID: int64(i + 1), ProgramID: int64(m), Text: fmt.Sprintf("Nhiệm vụ %d", i+1),
			Lead: int64(rnd.IntN(40) + 1), LeaderID: int64(rnd.IntN(5)), Sector: sectors[rnd.IntN(len(sectors))]}
		switch rnd.IntN(6) {
		case 0:
			t.Due = DueOn(MustDate(2023, m, rnd.IntN(28)+1))
		case 1, 2:
			t.Due = DueInMonth(2023, m)
		case 3:
			t.Due = DueInQuarter(2023, (int(m)-1)/3+1)
		case 4:
			t.Due = Due{Text: "trong dịp nghỉ hè"}
		case 5:
			r := Recurrence{Start: MustDate(2023, time.January, 1), Freq: Monthly, ByMonthDay: []int{-1}}
			t.Recurrence = &r
			t.Due = DueInYear(2023)
			for _, d := range r.Between(r.Start, t.Due.Date) {
				if rnd.IntN(10) < 8 {
					t.Occurrences = append(t.Occurrences, Occurrence{Due: d, DoneOn: d.AddDays(rnd.IntN(7) - 3)})
				}
			}
		}
		if !t.Due.IsVague() && t.Recurrence == nil && rnd.IntN(3) > 0 {
			t.DoneOn = t.Due.Date.AddDays(rnd.IntN(40) - 30)
		}
		switch rnd.IntN(20) {
		case 0:
			t.Deferral = &Deferral{On: t.Due.Date.AddDays(-5), To: DueInYear(2023), Reason: "giãn tiến độ"}
			if t.Due.IsVague() {
				t.Deferral.On = MustDate(2023, m, 1)
			}
		case 1:
			t.Cancellation = &Cancellation{On: MustDate(2023, m, 10), Reason: "hủy"}
		}
		out[i] = t
	}
	return out
}

func TestTallySums(t *testing.T) {
	tasks := generateTasks(2000, 1)
	for _, asOf := range dates("2023-01-01 2023-04-15 2023-07-01 2023-12-31 2024-06-01") {
		r := Tally(tasks, asOf)
		if got := r.Total.Total(); got != len(tasks) {
			t.Errorf("as of %v: Total = %d, want %d", asOf, got, len(tasks))
		}
		checkRollupSums(t, r)
		// Every count comes from Task.Status.
		want := Counts{}
		for _, task := range tasks {
			want[task.Status(asOf)]++
		}
		if !sameCounts(r.Total, want) {
			t.Errorf("as of %v: Total = %v, want %v", asOf, r.Total, want)
		}
		for _, s := range Statuses {
			if r.Total[s] == 0 && asOf == ymd("2023-07-01") {
				t.Errorf("generated tasks never reach %s; the benchmark data is too uniform", s)
			}
		}
	}
}

func TestCountsTotal(t *testing.T) {
	if got := (Counts{}).Total(); got != 0 {
		t.Errorf("empty Total = %d", got)
	}
	if got := Counts(nil).Total(); got != 0 {
		t.Errorf("nil Total = %d", got)
	}
	if got := counts(StatusDoneLate, 2, StatusOverdue, 3).Total(); got != 5 {
		t.Errorf("Total = %d, want 5", got)
	}
}

// TestDaysOverdue: counted from the deadline in force, 0 when not overdue.
func TestDaysOverdue(t *testing.T) {
	due := Due{Date: MustDate(2023, 5, 10), Precision: PrecisionDay}
	task := Task{Due: due}
	for _, tt := range []struct {
		task Task
		on   Date
		want int
	}{
		{task, MustDate(2023, 5, 10), 0},
		{task, MustDate(2023, 5, 11), 1},
		{task, MustDate(2023, 5, 20), 10},
		{Task{Due: due, Deferral: &Deferral{On: MustDate(2023, 5, 12), To: Due{Date: MustDate(2023, 5, 15), Precision: PrecisionDay}}}, MustDate(2023, 5, 20), 5},
		{Task{Due: due, DoneOn: MustDate(2023, 5, 12)}, MustDate(2023, 5, 20), 0},
		{Task{Due: Due{Text: "khi có chỉ đạo"}}, MustDate(2023, 5, 20), 0},
	} {
		if got := tt.task.DaysOverdue(tt.on); got != tt.want {
			t.Errorf("%+v on %s: %d days overdue, want %d", tt.task.Deferral, tt.on, got, tt.want)
		}
	}
}

// TestStatusAtTheEdges: a duty "on the 31st of every month" falls on the last day of a
// shorter month, 29 February in a leap year; a deferral past the program's period keeps the
// task deferred until its new deadline and on time when done before it; a cancelled task's
// support share is cancelled with it, and a share done before the cancellation stays done.
func TestStatusAtTheEdges(t *testing.T) {
	monthly := func(start string) *Recurrence {
		r, err := ParseRecurrence("FREQ=MONTHLY", ymd(start))
		if err != nil {
			t.Fatal(err)
		}
		return &r
	}
	for _, tt := range []struct {
		name     string
		start    string
		wantFeb  string
		doneFeb  string
		asOf     string
		want     Status
		wantOccs int
	}{
		{"31 January, common year", "2026-01-31", "2026-02-28", "2026-02-28", "2026-03-05", StatusInProgress, 4},
		{"31 January, leap year", "2028-01-31", "2028-02-29", "2028-02-29", "2028-03-05", StatusInProgress, 4},
		{"February missed", "2028-01-31", "2028-02-29", "", "2028-03-01", StatusOverdue, 4},
		{"February done a day late", "2026-01-31", "2026-02-28", "2026-03-01", "2026-03-05", StatusDoneLate, 4},
	} {
		t.Run(tt.name, func(t *testing.T) {
			start := ymd(tt.start)
			task := Task{Due: Due{Date: start.AddMonths(3), Precision: PrecisionDay}, Recurrence: monthly(tt.start),
				Occurrences: []Occurrence{{Due: start, DoneOn: start}}}
			if tt.doneFeb != "" {
				task.Occurrences = append(task.Occurrences, Occurrence{Due: ymd(tt.wantFeb), DoneOn: ymd(tt.doneFeb)})
			}
			occs := task.OccurrenceStatuses(ymd(tt.asOf))
			if len(occs) != tt.wantOccs || occs[1].Due != ymd(tt.wantFeb) {
				t.Fatalf("occurrences %+v, want %d with February's on %s", occs, tt.wantOccs, tt.wantFeb)
			}
			got := task.Status(ymd(tt.asOf))
			if tt.want == StatusDoneLate {
				got = occs[1].Status
			}
			if got != tt.want {
				t.Errorf("status on %s = %s, want %s", tt.asOf, got, tt.want)
			}
		})
	}

	april := Task{Due: DueInMonth(2026, time.April)}
	deferred := april
	deferred.Deferral = &Deferral{On: ymd("2026-04-20"), To: DueInMonth(2026, time.July)}
	for _, tt := range []struct {
		task Task
		asOf string
		want Status
	}{
		{deferred, "2026-05-15", StatusDeferred},
		{deferred, "2026-07-31", StatusDeferred},
		{deferred, "2026-08-01", StatusOverdue},
		{func() Task { d := deferred; d.DoneOn = ymd("2026-07-20"); return d }(), "2026-08-01", StatusDoneOnTime},
		{func() Task { d := deferred; d.DoneOn = ymd("2026-08-03"); return d }(), "2026-08-10", StatusDoneLate},
	} {
		if got := tt.task.Status(ymd(tt.asOf)); got != tt.want {
			t.Errorf("deferred past its period, done %s, on %s: %s, want %s", tt.task.DoneOn, tt.asOf, got, tt.want)
		}
	}

	cancelled := Task{Lead: 1, Due: DueInMonth(2026, time.April), Cancellation: &Cancellation{On: ymd("2026-04-10"), Reason: "x"},
		Support: []Support{{OrgID: 2}, {OrgID: 3, DoneOn: ymd("2026-04-05")}}}
	for _, tt := range []struct {
		org  int64
		want Status
	}{{2, StatusCancelled}, {3, StatusDoneOnTime}} {
		if got, ok := cancelled.SupportStatus(tt.org, ymd("2026-05-15")); !ok || got != tt.want {
			t.Errorf("support %d of a cancelled task: %s, want %s", tt.org, got, tt.want)
		}
	}
}
