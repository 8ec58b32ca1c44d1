package synth

import (
	"fmt"
	"math/rand/v2"
	"time"

	"congtac"
)

// Variety says what tasks [Varied] makes: deadlines and events fall within about three
// months of Around; a tenth of the tasks are led by Group, with a share for each of Members
// (none when Members is empty), the others by Lead.
type Variety struct {
	Seed    uint64
	Around  congtac.Date
	Lead    int64
	Group   int64
	Members []int64
}

// Varied returns n tasks of every kind a task's status depends on, for tests that hold
// another computation of statuses to [congtac.Task.Status]: one-off tasks due on a day, in
// a month or quarter, or vaguely; monthly and weekly recurring tasks with occurrences done
// early, on the day, late or not at all; group-led tasks with shares done on different
// days; tasks done early, on time or late, deferred before or after their deadline (to a
// day, a month or until further notice, done after or not, the deferral recorded after the
// work sometimes), cancelled before or after being done. Month ends and 29 February come up
// often. The tasks have no program, item or ID; the same Variety gives the same tasks.
func Varied(v Variety, n int) []congtac.Task {
	g := &variety{v: v, rng: rand.New(rand.NewPCG(v.Seed, v.Seed^0x5851f42d4c957f2d))}
	out := make([]congtac.Task, n)
	for i := range out {
		out[i] = g.task(i)
	}
	return out
}

// variety holds the state of one [Varied].
type variety struct {
	v   Variety
	rng *rand.Rand
}

func (g *variety) pick(n int) int { return g.rng.IntN(n) }

func (g *variety) chance(p float64) bool { return g.rng.Float64() < p }

// day returns a day within about three months of Around: often a month end or 29
// February of the nearest leap year.
func (g *variety) day() congtac.Date {
	d := g.v.Around.AddDays(g.pick(181) - 90)
	switch g.pick(6) {
	case 0:
		return congtac.Date{Year: d.Year, Month: d.Month, Day: congtac.DaysIn(d.Year, d.Month)}
	case 1:
		y := g.v.Around.Year
		for congtac.DaysIn(y, time.February) != 29 {
			y++
		}
		return congtac.Date{Year: y, Month: time.February, Day: 29}
	}
	return d
}

// near returns a day within a few weeks of d, before or after it.
func (g *variety) near(d congtac.Date) congtac.Date {
	switch g.pick(5) {
	case 0:
		return d
	case 1:
		return d.AddDays(1)
	case 2:
		return d.AddDays(-1)
	}
	return d.AddDays(g.pick(61) - 30)
}

func (g *variety) task(i int) congtac.Task {
	t := congtac.Task{Text: fmt.Sprintf("Nhiệm vụ thử trạng thái số %d", i+1), Lead: g.v.Lead,
		Sector: congtac.SectorEconomy}
	switch r := g.pick(20); {
	case r < 2 && len(g.v.Members) > 0:
		g.groupLed(&t)
	case r < 5:
		g.recurring(&t, congtac.Monthly)
	case r < 7:
		g.recurring(&t, congtac.Weekly)
	default:
		g.oneOff(&t)
	}
	g.deferOrCancel(&t)
	return t
}

// due returns a deadline on a day, in a month or quarter, or vague.
func (g *variety) due() congtac.Due {
	d := g.day()
	switch g.pick(10) {
	case 0:
		return congtac.Due{Text: "trong dịp nghỉ hè"}
	case 1, 2:
		return congtac.DueInMonth(d.Year, d.Month)
	case 3:
		return congtac.DueInQuarter(d.Year, (int(d.Month)-1)/3+1)
	}
	return congtac.DueOn(d)
}

// doneOn returns a completion near the deadline (or near Around for a vague one), or the
// zero Date for work not done.
func (g *variety) doneOn(due congtac.Date) congtac.Date {
	if g.chance(0.3) {
		return congtac.Date{}
	}
	if due.IsZero() {
		due = g.v.Around
	}
	return g.near(due)
}

func (g *variety) oneOff(t *congtac.Task) {
	t.Due = g.due()
	t.DoneOn = g.doneOn(t.Due.Date)
	for _, org := range g.v.Members[:min(len(g.v.Members), g.pick(3))] {
		t.Support = append(t.Support, congtac.Support{OrgID: org, DoneOn: g.doneOn(t.Due.Date)})
	}
}

func (g *variety) groupLed(t *congtac.Task) {
	t.Lead, t.Due = g.v.Group, g.due()
	for _, org := range g.v.Members {
		t.Shares = append(t.Shares, congtac.Share{OrgID: org, DoneOn: g.doneOn(t.Due.Date)})
	}
	if last, ok := t.SharesDone(); ok {
		t.DoneOn = last // as the store records it
	}
}

func (g *variety) recurring(t *congtac.Task, f congtac.Frequency) {
	start := g.day().AddDays(-60)
	r := congtac.Recurrence{Start: start, Freq: f}
	switch {
	case f == congtac.Weekly:
		r.ByDay = []congtac.WeekdayNum{{Day: time.Weekday(1 + g.pick(5))}}
	case g.chance(0.3):
		r.ByMonthDay = []int{-1}
	case g.chance(0.3):
		r.ByMonthDay = []int{29 + g.pick(3)}
	}
	t.Recurrence = &r
	t.Due = congtac.DueOn(start.AddDays(30 + g.pick(120)))
	if g.chance(0.1) {
		t.Due = congtac.Due{Text: "hằng tháng"}
	}
	for _, d := range r.Between(start, start.AddDays(150)) {
		if g.chance(0.8) {
			t.Occurrences = append(t.Occurrences, congtac.Occurrence{Due: d, DoneOn: g.near(d)})
		}
	}
	if g.chance(0.1) {
		t.DoneOn = g.doneOn(t.Due.Date)
	}
}

// deferOrCancel sometimes defers the task (to a day, a month, or until further notice)
// or cancels it, before or after its deadline and its completion.
func (g *variety) deferOrCancel(t *congtac.Task) {
	ref := t.Due.Date
	if ref.IsZero() {
		ref = g.v.Around
	}
	if g.chance(0.25) {
		d := &congtac.Deferral{On: g.near(ref), Reason: "Chờ bố trí kinh phí"}
		switch to := g.near(ref.AddDays(45)); g.pick(3) {
		case 0:
			d.To = congtac.DueOn(to)
		case 1:
			d.To = congtac.DueInMonth(to.Year, to.Month)
		}
		t.Deferral = d
	}
	if g.chance(0.12) {
		t.Cancellation = &congtac.Cancellation{On: g.near(ref), Reason: "Không còn phù hợp"}
	}
}
