package congtac

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
	return map[Status]string{
		StatusDoneOnTime: "Hoàn thành đúng hạn",
		StatusDoneLate:   "Hoàn thành quá hạn",
		StatusInProgress: "Đang thực hiện trong hạn",
		StatusOverdue:    "Quá hạn chưa hoàn thành",
		StatusDeferred:   "Giãn tiến độ, tạm hoãn",
		StatusCancelled:  "Hủy bỏ",
	}[s]
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
// deferral is in force its new deadline is the one that counts; work done on the deadline
// day is on time.
func (o Obligation) Status(asOf Date) Status {
	happened := func(d Date) bool { return !d.IsZero() && !d.After(asOf) }
	due := o.Due
	deferred := happened(o.DeferredOn)
	if deferred {
		due = o.DeferredTo
	}
	switch {
	case happened(o.DoneOn) && !(happened(o.CancelledOn) && o.CancelledOn.Before(o.DoneOn)):
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

// Status returns the task's status as of day asOf. A recurring task is overdue while any
// occurrence is overdue, done once every occurrence up to its deadline is done (late if any
// was late), and in progress otherwise; a deferral or cancellation of the whole task counts
// first.
func (t Task) Status(asOf Date) Status {
	o := t.obligation()
	if t.Recurrence == nil {
		return o.Status(asOf)
	}
	switch s := o.Status(asOf); s {
	case StatusCancelled, StatusDeferred:
		return s
	}
	occ := t.OccurrenceStatuses(asOf)
	late, done := false, 0
	for _, s := range occ {
		switch s.Status {
		case StatusOverdue:
			return StatusOverdue
		case StatusDoneLate:
			late = true
			done++
		case StatusDoneOnTime:
			done++
		}
	}
	switch {
	case done < len(occ) || len(occ) == 0:
		return StatusInProgress
	case late:
		return StatusDoneLate
	}
	return StatusDoneOnTime
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
	end := t.Due.Date
	if end.IsZero() {
		end = t.Recurrence.Start.AddMonths(12 * 5)
	}
	done := make(map[Date]Date, len(t.Occurrences))
	for _, o := range t.Occurrences {
		done[o.Due] = o.DoneOn
	}
	cancelled := Date{}
	if t.Cancellation != nil {
		cancelled = t.Cancellation.On
	}
	dates := t.Recurrence.Between(t.Recurrence.Start, end)
	out := make([]OccurrenceStatus, len(dates))
	for i, d := range dates {
		o := Obligation{Due: d, DoneOn: done[d], CancelledOn: cancelled}
		out[i] = OccurrenceStatus{Due: d, DoneOn: done[d], Status: o.Status(asOf)}
	}
	return out
}

// SupportStatus returns the status of one support org's share of the task as of asOf. The
// share follows the task's deadline, deferral and cancellation.
func (t Task) SupportStatus(orgID int64, asOf Date) (Status, bool) {
	for _, s := range t.Support {
		if s.OrgID == orgID {
			o := t.obligation()
			o.DoneOn = s.DoneOn
			return o.Status(asOf), true
		}
	}
	return "", false
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
	r := Rollup{AsOf: asOf, Total: Counts{}, ByOrg: map[int64]Counts{},
		BySector: map[Sector]Counts{}, ByLeader: map[int64]Counts{}, ByPeriod: map[string]Counts{}}
	for _, t := range tasks {
		s := t.Status(asOf)
		r.Total[s]++
		add(r.ByOrg, t.Lead, s)
		add(r.BySector, t.Sector, s)
		add(r.ByLeader, t.LeaderID, s)
		key := ""
		if !t.Due.IsVague() {
			key = PeriodOf(PeriodMonth, t.Due.Date).Key()
		}
		add(r.ByPeriod, key, s)
	}
	return r
}

func add[K comparable](m map[K]Counts, k K, s Status) {
	c, ok := m[k]
	if !ok {
		c = Counts{}
		m[k] = c
	}
	c[s]++
}
