package congtac

import (
	"fmt"
	"slices"
	"strings"
)

// NextDraft returns the draft of the program for period that follows prev, so that the
// office edits instead of typing from scratch:
//   - the same issuing org, signature, recipients and place, and prev's title and headings
//     with the periods' words changed ("tháng 4 và Quý II năm 2023" becomes "tháng 5 năm
//     2023": the new draft covers its own period only until the drafter adds another);
//   - the standard parts: prev's parts and sector clauses (items of the first two levels that
//     carry no task), in the same order;
//   - every task of prev not done or cancelled as of asOf, carried over ([Task.CarryOver]:
//     "chuyển tiếp", linked to its history), under a copy of the item that carried it;
//   - every recurring duty of prev that ran for prev's period only, renewed for period;
//   - the meetings part, when prev had one (a top-level item whose heading names
//     "HỘI NGHỊ"), with meetingsText as its text.
//
// Items keep prev's IDs as keys (see [congtac/store.Store.CreateProgram]'s key contract); the result has
// no ID and is a draft.
func NextDraft(prev Program, period Period, asOf Date, meetingsText string) Program {
	p := Program{OrgID: prev.OrgID, DraftedBy: prev.DraftedBy, Period: period, Status: ProgramDraft,
		Place: prev.Place, Signature: prev.Signature, Recipients: slices.Clone(prev.Recipients)}
	p.Title = retitle(prev.Title, prev, p)
	if p.Title == prev.Title {
		p.Title = "Công tác " + period.String()
	}
	byID := map[int64]Item{}
	hosts := map[int64]bool{} // items carrying a task
	for _, it := range prev.Items {
		byID[it.ID] = it
	}
	for _, t := range prev.Tasks {
		hosts[t.ItemID] = true
		if c, ok := nextTask(t, prev, period, asOf); ok {
			p.Tasks = append(p.Tasks, c)
		}
	}
	// Copy the items that carry a new task, the standard parts and the meetings part, and
	// every ancestor of what is copied.
	keep := map[int64]bool{}
	for _, t := range p.Tasks {
		keep[t.ItemID] = true
	}
	meetings := map[int64]bool{}
	for _, it := range prev.Items {
		depth := 0
		for id := it.ParentID; id != 0 && depth < 3; id = byID[id].ParentID {
			depth++
		}
		meetings[it.ID] = depth == 0 && strings.Contains(strings.ToUpper(it.Heading), "HỘI NGHỊ")
		if meetings[it.ID] || (depth <= 1 && !hosts[it.ID]) {
			keep[it.ID] = true
		}
	}
	for id := range keep {
		for up := byID[id].ParentID; up != 0 && !keep[up]; up = byID[up].ParentID {
			keep[up] = true
		}
	}
	for _, it := range prev.Items {
		if !keep[it.ID] {
			continue
		}
		c := Item{ID: it.ID, ParentID: it.ParentID, Position: it.Position, Style: it.Style, Sector: it.Sector,
			Heading: retitle(it.Heading, prev, p), Text: it.Text}
		if meetings[it.ID] {
			c.Text = meetingsText
		}
		p.Items = append(p.Items, c)
	}
	return p
}

// nextTask returns what becomes of task t of prev in the program of period: carried over
// when unfinished, renewed when it is a recurring duty of prev's period, nothing otherwise.
func nextTask(t Task, prev Program, period Period, asOf Date) (Task, bool) {
	switch t.Status(asOf) {
	case StatusCancelled:
		return Task{}, false
	case StatusDoneOnTime, StatusDoneLate:
		if t.Recurrence == nil || t.Due.Date != prev.Period.End() {
			return Task{}, false
		}
		c := t.CarryOver(0)
		c.CarriedFrom = 0 // a new duty of the period, not a continuation
		rec := *t.Recurrence
		rec.Start, rec.Count, rec.Until = period.Start(), 0, Date{}
		c.Recurrence = &rec
		c.Due = Due{Date: period.End(), Precision: periodPrecision(period.Kind), Text: t.Due.Text}
		c.ItemID = t.ItemID
		return c, true
	}
	c := t.CarryOver(0)
	c.ItemID = t.ItemID
	return c, true
}

// periodPrecision returns the deadline precision that ends with a period of kind k.
func periodPrecision(k PeriodKind) Precision {
	return map[PeriodKind]Precision{PeriodYear: PrecisionYear, PeriodHalf: PrecisionHalf,
		PeriodQuarter: PrecisionQuarter, PeriodMonth: PrecisionMonth, PeriodWeek: PrecisionDay}[k]
}

// retitle renames the periods of prev in s to those of p ([Retitle]), or else the main
// period alone ([renamePeriod]).
func retitle(s string, prev, p Program) string {
	if out, ok := Retitle(s, prev, p); ok {
		return out
	}
	return renamePeriod(s, prev.Period, p.Period)
}

// renamePeriod replaces the words naming period from in s by those naming to, in lower or
// upper case: "tháng 4 năm 2023", and for months also "tháng 4" alone.
func renamePeriod(s string, from, to Period) string {
	pairs := [][2]string{{from.String(), to.String()}}
	if from.Kind == PeriodMonth && to.Kind == PeriodMonth {
		pairs = append(pairs, [2]string{fmt.Sprintf("tháng %d ", from.Number), fmt.Sprintf("tháng %d ", to.Number)},
			[2]string{fmt.Sprintf("năm %d", from.Year), fmt.Sprintf("năm %d", to.Year)})
	}
	for _, p := range pairs {
		s = strings.ReplaceAll(s, p[0], p[1])
		s = strings.ReplaceAll(s, strings.ToUpper(p[0]), strings.ToUpper(p[1]))
	}
	return s
}

// FirstDraft returns the draft of an org's first program for period, with the standard
// parts: the key tasks with a clause per sector, and the meetings part with meetingsText.
func FirstDraft(orgID int64, period Period, meetingsText string) Program {
	unit := map[PeriodKind]string{PeriodYear: "NĂM", PeriodHalf: "KỲ", PeriodQuarter: "QUÝ",
		PeriodMonth: "THÁNG", PeriodWeek: "TUẦN"}[period.Kind]
	p := Program{OrgID: orgID, Period: period, Status: ProgramDraft, Title: "Công tác " + period.String(),
		Recipients: []string{"Lưu: VT."},
		Items:      []Item{{ID: 1, Heading: "NHIỆM VỤ TRỌNG TÂM " + strings.ToUpper(period.String())}}}
	clauses := []struct {
		sector  Sector
		heading string
	}{{SectorEconomy, "Về phát triển kinh tế"}, {SectorCultureSociety, "Về văn hóa - xã hội"},
		{SectorInternalAffairs, "Công tác nội chính"}}
	for i, c := range clauses {
		p.Items = append(p.Items, Item{ID: int64(2 + i), ParentID: 1, Position: i, Heading: c.heading, Sector: c.sector})
	}
	p.Items = append(p.Items, Item{ID: 5, Position: 1, Heading: "CÁC HỘI NGHỊ CHÍNH TRONG " + unit, Text: meetingsText})
	return p
}
