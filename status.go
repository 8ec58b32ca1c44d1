package congtac

import (
	"slices"
	"time"
)

// Status is the computed state of a task, a support org's share of it, or one occurrence of
// a recurring task, as of a given day. It is never stored.
type Status string

// Statuses, matching the government's counting: hoàn thành đúng hạn, hoàn thành quá hạn,
// đang thực hiện trong hạn, quá hạn chưa hoàn thành, giãn/hoãn, hủy bỏ.
const (
	StatusDoneOnTime Status = "done_on_time"
	StatusDoneLate   Status = "done_late"
	StatusInProgress Status = "in_progress"
	StatusOverdue    Status = "overdue"
	StatusDeferred   Status = "deferred"
	StatusCancelled  Status = "cancelled"
)

// Statuses lists every status in report order.
var Statuses = []Status{StatusDoneOnTime, StatusDoneLate, StatusInProgress, StatusOverdue,
	StatusDeferred, StatusCancelled}

// Label returns the Vietnamese name of the status.
func (s Status) Label() string {
	switch s {
	case StatusDoneOnTime:
		return "Hoàn thành đúng hạn"
	case StatusDoneLate:
		return "Hoàn thành quá hạn"
	case StatusInProgress:
		return "Đang thực hiện trong hạn"
	case StatusOverdue:
		return "Quá hạn chưa hoàn thành"
	case StatusDeferred:
		return "Giãn tiến độ, tạm hoãn"
	case StatusCancelled:
		return "Hủy bỏ"
	}
	return ""
}

// Done reports whether the status is one of the two completions.
func (s Status) Done() bool { return s == StatusDoneOnTime || s == StatusDoneLate }

// Obligation is the state of one thing owed by a deadline: a task, a support org's share, or
// one occurrence. Zero dates mean "has not happened". Every status of the system comes from
// [Obligation.Status].
type Obligation struct {
	Due         Date // zero: no deadline (vague)
	DoneOn      Date
	DeferredOn  Date
	DeferredTo  Date // zero with DeferredOn set: postponed until further notice
	CancelledOn Date
}

// Status returns the obligation's status as of day asOf. Events after asOf have not happened
// yet, so the same obligation read for an earlier day gives that day's status. Once a
// deferral is in force its new deadline is the one that counts (for work done after it was
// granted); work done on the deadline day is on time.
func (o Obligation) Status(asOf Date) Status {
	happened := func(d Date) bool { return !d.IsZero() && !d.After(asOf) }
	due := o.Due
	deferred := happened(o.DeferredOn)
	if deferred {
		due = o.DeferredTo
	}
	switch {
	case happened(o.DoneOn) && !(happened(o.CancelledOn) && o.CancelledOn.Before(o.DoneOn)):
		if deferred && o.DeferredOn.After(o.DoneOn) {
			due = o.Due // a deferral recorded after the work was done did not move its deadline
		}
		if due.IsZero() || !o.DoneOn.After(due) {
			return StatusDoneOnTime
		}
		return StatusDoneLate
	case happened(o.CancelledOn):
		return StatusCancelled
	case deferred && (due.IsZero() || !asOf.After(due)):
		return StatusDeferred
	case due.IsZero() || !asOf.After(due):
		return StatusInProgress
	}
	return StatusOverdue
}

// obligation returns the task's own obligation: its lead org's completion.
func (t Task) obligation() Obligation {
	o := Obligation{Due: t.Due.Date, DoneOn: t.DoneOn}
	if t.Deferral != nil {
		o.DeferredOn, o.DeferredTo = t.Deferral.On, t.Deferral.To.Date
	}
	if t.Cancellation != nil {
		o.CancelledOn = t.Cancellation.On
	}
	return o
}

// Status returns the task's status as of day asOf. A task led by a group rolls up its
// members' shares ([RollUp]). A recurring task rolls up its occurrences up to its deadline
// the same way, but a deferral or cancellation of the whole task counts first.
func (t Task) Status(asOf Date) Status {
	if len(t.Shares) > 0 {
		return t.sharesStatus(asOf)
	}
	o := t.obligation()
	if t.Recurrence == nil {
		return o.Status(asOf)
	}
	switch s := o.Status(asOf); s {
	case StatusCancelled, StatusDeferred:
		return s
	}
	var r rollup
	t.eachOccurrence(func(o Obligation) bool { return r.add(o.Status(asOf)) })
	return r.status()
}

// StatusSpan is a stretch of consecutive days over which a task's status stays the same:
// from From to To, both included. A zero From means from the beginning of the calendar, a
// zero To until its end.
type StatusSpan struct {
	From, To Date
	Status   Status
}

// StatusSpans returns the task's status over the whole calendar as consecutive spans, each
// with another status than the one before: for every day d, [Task.Status](d) is the Status
// of the span holding d. It is Status read on every day at once, so that the store can keep
// it and let the database filter and count tasks by status as of any day.
func (t Task) StatusSpans() []StatusSpan {
	out := []StatusSpan{{Status: t.Status(Date{})}} // Date{} is before every day of the calendar
	for _, d := range t.statusChanges() {
		s := t.Status(d)
		if s == out[len(out)-1].Status {
			continue
		}
		out[len(out)-1].To = d.AddDays(-1)
		out = append(out, StatusSpan{From: d, Status: s})
	}
	return out
}

// statusChanges returns, in order, the days on which the task's status may differ from the
// day before: [Obligation.Status] compares the day it is read on with an event's day (that
// day on, the event has happened) and with a deadline (the day after it, it has passed).
// The events are the task's completion, deferral and cancellation, its shares' completions
// and its occurrences' completions; the deadlines the task's, its deferral's and its
// occurrences'.
func (t Task) statusChanges() []Date {
	days := []Date{t.DoneOn, dayAfter(t.Due.Date)}
	if d := t.Deferral; d != nil {
		days = append(days, d.On, dayAfter(d.To.Date))
	}
	if c := t.Cancellation; c != nil {
		days = append(days, c.On)
	}
	for _, s := range t.Shares {
		days = append(days, s.DoneOn)
	}
	for _, o := range t.Occurrences {
		days = append(days, o.DoneOn)
	}
	if t.Recurrence != nil {
		t.eachOccurrence(func(o Obligation) bool {
			days = append(days, dayAfter(o.Due))
			return true
		})
	}
	days = slices.DeleteFunc(days, Date.IsZero)
	slices.SortFunc(days, Date.Compare)
	return slices.Compact(days)
}

// dayAfter returns the day after d, and the zero Date for the zero Date or the last day of
// the calendar, after which no day can be read.
func dayAfter(d Date) Date {
	if d.IsZero() || d.Year >= 9999 && d.Month == time.December && d.Day >= 31 {
		return Date{}
	}
	return d.AddDays(1)
}

// OccurrenceStatus is the status of one occurrence of a recurring task.
type OccurrenceStatus struct {
	Due    Date
	DoneOn Date
	Status Status
}

// OccurrenceStatuses returns every occurrence of a recurring task from its rule's start up
// to the task's deadline (or the rule's own end when the task has none), with its status as
// of asOf. It returns nil for a one-off task.
func (t Task) OccurrenceStatuses(asOf Date) []OccurrenceStatus {
	if t.Recurrence == nil {
		return nil
	}
	out := []OccurrenceStatus{}
	t.eachOccurrence(func(o Obligation) bool {
		out = append(out, OccurrenceStatus{Due: o.Due, DoneOn: o.DoneOn, Status: o.Status(asOf)})
		return true
	})
	return out
}

// eachOccurrence calls yield with the obligation of every occurrence of a recurring task, in
// order, up to the task's deadline (or five years after the rule's start when it has none),
// until yield returns false. The task's cancellation ends every occurrence.
func (t Task) eachOccurrence(yield func(Obligation) bool) {
	end := t.Due.Date
	if end.IsZero() {
		end = t.Recurrence.Start.AddMonths(12 * 5)
	}
	var done map[Date]Date
	if len(t.Occurrences) > 16 { // a few completions are faster to scan than to hash
		done = make(map[Date]Date, len(t.Occurrences))
		for _, o := range t.Occurrences {
			done[o.Due] = o.DoneOn
		}
	}
	doneOn := func(d Date) Date {
		if done != nil {
			return done[d]
		}
		for i := len(t.Occurrences) - 1; i >= 0; i-- { // the last record wins, as in the map
			if t.Occurrences[i].Due == d {
				return t.Occurrences[i].DoneOn
			}
		}
		return Date{}
	}
	var cancelled Date
	if t.Cancellation != nil {
		cancelled = t.Cancellation.On
	}
	t.Recurrence.each(t.Recurrence.Start, end, func(d Date) bool {
		return yield(Obligation{Due: d, DoneOn: doneOn(d), CancelledOn: cancelled})
	})
}

// SupportStatus returns the status of one support org's share of the task as of asOf. The
// share follows the task's deadline, deferral and cancellation.
func (t Task) SupportStatus(orgID int64, asOf Date) (Status, bool) {
	return t.partStatus(t.Support, orgID, asOf)
}

// Counts is a tally of statuses.
type Counts map[Status]int

// Total returns the number of items counted.
func (c Counts) Total() int {
	n := 0
	for _, v := range c {
		n += v
	}
	return n
}

// Rollup is a four-way tally of task statuses: by lead org, sector, leader in charge and
// month of deadline (Period key; "" for vague deadlines), and in total.
type Rollup struct {
	AsOf     Date
	Total    Counts
	ByOrg    map[int64]Counts
	BySector map[Sector]Counts
	ByLeader map[int64]Counts
	ByPeriod map[string]Counts
}

// Tally counts the statuses of tasks as of asOf. Every count of the system comes from here,
// so a screen, a report and an export always agree.
func Tally(tasks []Task, asOf Date) Rollup {
	// Count into arrays and key months by number, then build the maps once: hashing a
	// Status string five times per task and formatting a period key per task cost more than
	// the statuses themselves.
	var total tally
	byOrg, bySector := map[int64]*tally{}, map[Sector]*tally{}
	byLeader, byMonth := map[int64]*tally{}, map[int]*tally{}
	for _, t := range tasks {
		i := statusIndex(t.Status(asOf))
		total[i]++
		row(byOrg, t.Lead)[i]++
		row(bySector, t.Sector)[i]++
		row(byLeader, t.LeaderID)[i]++
		month := -1 // vague deadline
		if !t.Due.IsVague() {
			month = t.Due.Date.Year*12 + int(t.Due.Date.Month) - 1
		}
		row(byMonth, month)[i]++
	}
	r := Rollup{AsOf: asOf, Total: total.counts(), ByOrg: countsOf(byOrg), BySector: countsOf(bySector),
		ByLeader: countsOf(byLeader), ByPeriod: make(map[string]Counts, len(byMonth))}
	for m, c := range byMonth {
		key := ""
		if m >= 0 {
			key = Period{PeriodMonth, m / 12, m%12 + 1}.Key()
		}
		r.ByPeriod[key] = c.counts()
	}
	return r
}

// NewRollup returns an empty roll-up as of asOf, to fill with [Rollup.Add].
func NewRollup(asOf Date) Rollup {
	return Rollup{AsOf: asOf, Total: Counts{}, ByOrg: map[int64]Counts{}, BySector: map[Sector]Counts{},
		ByLeader: map[int64]Counts{}, ByPeriod: map[string]Counts{}}
}

// Add counts n tasks of status s led by lead, of sector, in the charge of leader (0 for
// none), due in the month of key period ("" for a vague deadline): the roll-up of counts a
// database grouped, which comes out as [Tally] of the same tasks would.
func (r *Rollup) Add(lead int64, sector Sector, leader int64, period string, s Status, n int) {
	add := func(c Counts) Counts {
		if c == nil {
			c = Counts{}
		}
		c[s] += n
		return c
	}
	r.Total = add(r.Total)
	r.ByOrg[lead] = add(r.ByOrg[lead])
	r.BySector[sector] = add(r.BySector[sector])
	r.ByLeader[leader] = add(r.ByLeader[leader])
	r.ByPeriod[period] = add(r.ByPeriod[period])
}

// tallyOrder fixes the slots of a tally; [Statuses] is a variable callers could reorder.
var tallyOrder = [...]Status{StatusDoneOnTime, StatusDoneLate, StatusInProgress, StatusOverdue,
	StatusDeferred, StatusCancelled}

// tally counts statuses by their index in tallyOrder; the last slot takes any other value.
type tally [len(tallyOrder) + 1]int

func statusIndex(s Status) int {
	for i, o := range tallyOrder {
		if o == s {
			return i
		}
	}
	return len(tallyOrder)
}

// counts returns the tally as [Counts], with the statuses that occur only.
func (t *tally) counts() Counts {
	c := Counts{}
	for i, s := range tallyOrder {
		if t[i] > 0 {
			c[s] = t[i]
		}
	}
	return c
}

func row[K comparable](m map[K]*tally, k K) *tally {
	t, ok := m[k]
	if !ok {
		t = new(tally)
		m[k] = t
	}
	return t
}

func countsOf[K comparable](m map[K]*tally) map[K]Counts {
	out := make(map[K]Counts, len(m))
	for k, t := range m {
		out[k] = t.counts()
	}
	return out
}

// RollupFilter selects the tasks a roll-up counts.
type RollupFilter struct {
	Period Period // tasks of programs whose main period is this one
	OrgID  int64  // issuing org of the programs; 0 for all
	Lead   *Reach // lead orgs within reach; nil for all
}

// DaysOverdue returns how many days task t is past the deadline in force as of asOf: 10
// on 20/5 for a task due 10/5 (counted from a deferral's new deadline once it is granted,
// from the first missed occurrence of a recurring duty); 0 unless t is overdue that day.
func (t Task) DaysOverdue(asOf Date) int {
	if t.Status(asOf) != StatusOverdue {
		return 0
	}
	from := asOf
	for _, sp := range t.StatusSpans() {
		if !sp.From.After(asOf) && (sp.To.IsZero() || !sp.To.Before(asOf)) {
			from = sp.From
		}
	}
	return from.DaysUntil(asOf) + 1
}
