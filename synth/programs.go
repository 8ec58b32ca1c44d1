package synth

import (
	"fmt"
	"time"

	"congtac"
)

// today is the day the data set is "as of": the 26th of its last month.
func (g *generator) today() congtac.Date {
	return congtac.Date{Year: g.cfg.End.Year, Month: time.Month(g.cfg.End.Number), Day: 26}
}

// programs adds the monthly programs of every committee, spread over the months before
// cfg.End, with their tasks and reports, so that the totals match the scale exactly.
func (g *generator) programs() error {
	sc := g.cfg.Scale
	committees := g.stats.Committees
	perCommittee := (sc.Programs + len(committees) - 1) / len(committees)
	months := g.months(perCommittee)
	g.stats.Months = months
	g.taskLeft, g.reportLeft = sc.Tasks, sc.Reports
	numbers := map[[2]int64]int{} // (committee, year) → last number
	for i := range sc.Programs {
		committee := committees[i%len(committees)]
		month := months[len(months)-1-i/len(committees)]
		left := sc.Programs - i
		n := g.taskLeft / left
		if left > 1 {
			n += g.pick(n/2+1) - n/4
		}
		n = max(1, min(n, g.taskLeft-(left-1)))
		p := g.program(committee, month, n, numbers)
		if err := g.l.AddProgram(&p); err != nil {
			return fmt.Errorf("program %d: %w", i, err)
		}
		g.stats.Programs++
		g.stats.Tasks += len(p.Tasks)
		g.taskLeft -= len(p.Tasks)
		if err := g.reports(p.Tasks, g.taskLeft); err != nil {
			return err
		}
	}
	return nil
}

// program builds one committee's program for a month with n tasks, in the shape of a real
// one: part A with a clause per sector and numbered items carrying the tasks, part B with
// the month's meetings.
func (g *generator) program(committee int64, month congtac.Period, n int, numbers map[[2]int64]int) congtac.Program {
	p := congtac.Program{OrgID: committee, Period: month, Status: congtac.ProgramIssued, Symbol: "CTr-UBND",
		Title: fmt.Sprintf("Công tác của UBND tháng %d năm %d", month.Number, month.Year)}
	if committee == g.province.ID {
		p.DraftedBy = g.office.ID
	}
	issued := month.Start().AddDays(g.pick(4))
	if !issued.After(g.today()) && !(month == g.cfg.End && g.chance(0.2)) {
		key := [2]int64{committee, int64(issued.Year)}
		numbers[key]++
		p.Number, p.IssuedOn = numbers[key], issued
	} else {
		p.Status = congtac.ProgramDraft
	}
	p.Items = []congtac.Item{{ID: 1, Heading: fmt.Sprintf("NHIỆM VỤ TRỌNG TÂM THÁNG %d NĂM %d", month.Number, month.Year)}}
	sectors := []congtac.Sector{congtac.SectorEconomy, congtac.SectorCultureSociety, congtac.SectorInternalAffairs}
	for i, s := range sectors {
		p.Items = append(p.Items, congtac.Item{ID: int64(2 + i), ParentID: 1, Position: i, Heading: sectorHeadings[s], Sector: s})
	}
	leads := g.leadOrgs(committee)
	var item congtac.Item
	for t := range n {
		s := sectors[t%len(sectors)]
		if t%2 == 0 { // a new numbered item every two tasks of a sector
			item = congtac.Item{ID: int64(len(p.Items) + 1), ParentID: int64(2 + t%len(sectors)), Position: t,
				Text: g.taskText(s, month.Year) + " trên địa bàn.", Sector: s}
			p.Items = append(p.Items, item)
		}
		p.Tasks = append(p.Tasks, g.task(committee, month, s, item.ID, t, leads))
	}
	p.Items = append(p.Items, congtac.Item{ID: int64(len(p.Items) + 1), Position: 1,
		Heading: "CÁC HỘI NGHỊ CHÍNH TRONG THÁNG",
		Text:    fmt.Sprintf("Phiên họp UBND thường kỳ tháng %d; giao ban chiều thứ Năm hằng tuần.", month.Number)})
	return p
}

// task builds one task with a deadline of a realistic kind and, for the past, its outcome.
func (g *generator) task(committee int64, month congtac.Period, s congtac.Sector, item int64, pos int, leads []congtac.Org) congtac.Task {
	lead := leads[g.pick(len(leads))]
	t := congtac.Task{ItemID: item, Position: pos, Sector: s, Lead: lead.ID, Text: g.taskText(s, month.Year)}
	if ls := g.leaders[committee]; len(ls) > 0 {
		t.LeaderID = ls[g.pick(len(ls))]
	}
	for range g.pick(3) {
		if o := leads[g.pick(len(leads))]; o.ID != t.Lead && !hasSupport(t.Support, o.ID) {
			t.Support = append(t.Support, congtac.Support{OrgID: o.ID})
		}
	}
	t.Due = g.due(month)
	if g.chance(0.08) {
		rec := congtac.Recurrence{Start: month.Start(), Freq: congtac.Monthly, ByMonthDay: []int{25}}
		t.Recurrence = &rec
		t.Text = "Báo cáo hằng tháng kết quả " + g.object(s, month.Year)
		t.Due = congtac.DueInQuarter(month.Year, (month.Number-1)/3+1)
	}
	if g.chance(0.1) {
		t.Target = &congtac.Target{Metric: "tỷ lệ hoàn thành", Unit: "%", Comparator: congtac.Greater,
			Value: float64(50 + 5*g.pick(10)), Baseline: "kế hoạch năm"}
	}
	if g.chance(0.2) {
		t.Source = g.source(month.Year)
	}
	g.outcome(&t)
	return t
}

func hasSupport(ss []congtac.Support, id int64) bool {
	for _, s := range ss {
		if s.OrgID == id {
			return true
		}
	}
	return false
}

// due returns a deadline for a task of a monthly program: mostly the month or a day in it,
// sometimes the next month, the quarter, the half year, or a vague phrase.
func (g *generator) due(month congtac.Period) congtac.Due {
	y, m := month.Year, time.Month(month.Number)
	switch r := g.rng.Float64(); {
	case r < 0.45:
		d := congtac.DueInMonth(y, m)
		d.Text = fmt.Sprintf("trong tháng %d/%d", m, y)
		return d
	case r < 0.75:
		d := congtac.DueOn(congtac.Date{Year: y, Month: m, Day: 5 + g.pick(23)})
		d.Text = fmt.Sprintf("trước ngày %d/%d/%d", d.Date.Day, m, y)
		return d
	case r < 0.85:
		next := month.Next()
		d := congtac.DueInMonth(next.Year, time.Month(next.Number))
		d.Text = fmt.Sprintf("chậm nhất trong tháng %d/%d", next.Number, next.Year)
		return d
	case r < 0.92:
		return congtac.DueInQuarter(y, (month.Number-1)/3+1)
	case r < 0.96:
		return congtac.DueInHalf(y, (month.Number-1)/6+1)
	}
	return congtac.Due{Text: "trong dịp nghỉ hè"}
}

// outcome decides, for tasks whose deadline has come, whether they were done on time,
// late, deferred, cancelled or are still open.
func (g *generator) outcome(t *congtac.Task) {
	today := g.today()
	if t.Recurrence != nil {
		for _, d := range t.Recurrence.Between(t.Recurrence.Start, today) {
			if g.chance(0.85) {
				t.Occurrences = append(t.Occurrences, congtac.Occurrence{Due: d, DoneOn: clampDay(d.AddDays(g.pick(8)-5), today)})
			}
		}
		return
	}
	due := t.Due.Date
	if due.IsZero() {
		due = today.AddDays(-30)
	}
	past := due.Before(today)
	switch r := g.rng.Float64(); {
	case r < 0.04 && past:
		t.Cancellation = &congtac.Cancellation{On: clampDay(due.AddDays(-3), today), Reason: "Không còn phù hợp với tình hình thực tế"}
	case r < 0.09 && past:
		to := congtac.DueInMonth(due.AddMonths(2).Year, due.AddMonths(2).Month)
		t.Deferral = &congtac.Deferral{On: clampDay(due.AddDays(-2), today), To: to, Reason: "Chờ bố trí kinh phí"}
	case r < 0.80 && past, r < 0.3:
		late := g.chance(0.2)
		done := due.AddDays(-g.pick(20))
		if late {
			done = due.AddDays(1 + g.pick(20))
		}
		if done = clampDay(done, today); !done.After(today) {
			t.DoneOn = done
			for i := range t.Support {
				if g.chance(0.7) {
					t.Support[i].DoneOn = done
				}
			}
		}
	}
}

func clampDay(d, limit congtac.Date) congtac.Date {
	if d.After(limit) {
		return limit
	}
	return d
}
