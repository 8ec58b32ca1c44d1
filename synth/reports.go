package synth

import (
	"time"

	"congtac"
)

// reports adds progress reports for a program's tasks, taking the share of the remaining
// report budget that keeps the scale's total exact: each task gets about
// reportLeft/(tasks still to come) reports.
func (g *generator) reports(tasks []congtac.Task, tasksAfter int) error {
	for i := range tasks {
		t := &tasks[i]
		left := len(tasks) - i + tasksAfter
		n := g.reportLeft / left
		if left > 1 {
			n += g.pick(3) - 1
		}
		n = max(0, min(n, g.reportLeft))
		if left == 1 {
			n = g.reportLeft
		}
		for k := range n {
			r := g.report(t, k, n)
			if err := g.l.AddReport(&r); err != nil {
				return err
			}
		}
		g.reportLeft -= n
		g.stats.Reports += n
	}
	return nil
}

// report builds the k-th of n reports on a task: progress rises report by report, and the
// last one of a finished task reports the completion.
func (g *generator) report(t *congtac.Task, k, n int) congtac.Report {
	today := g.today()
	org := t.Lead
	if len(t.Support) > 0 && g.chance(0.2) {
		org = t.Support[g.pick(len(t.Support))].OrgID
	}
	r := congtac.Report{TaskID: t.ID, OrgID: org, Status: congtac.ReportAccepted,
		Percent: min(95, (k+1)*100/(n+1)), Text: reportTexts[g.pick(len(reportTexts)-1)]}
	if t.Recurrence != nil && len(t.Occurrences) > 0 {
		r.Occurrence = t.Occurrences[k%len(t.Occurrences)].Due
	}
	base := t.Due.Date
	if base.IsZero() || base.After(today) {
		base = today
	}
	submitted := base.AddDays(-(n - k) * 3)
	r.SubmittedAt = at(submitted)
	r.ReviewedAt = at(submitted.AddDays(1))
	switch {
	case k == n-1 && org == t.Lead && !t.DoneOn.IsZero():
		r.Percent, r.DoneOn, r.Text = 100, t.DoneOn, reportTexts[len(reportTexts)-1]
	case k == n-1 && g.chance(0.3):
		switch g.pick(3) {
		case 0:
			r.Status, r.SubmittedAt, r.ReviewedAt = congtac.ReportDraft, time.Time{}, time.Time{}
		case 1:
			r.Status, r.ReviewedAt = congtac.ReportSubmitted, time.Time{}
		default:
			r.Status, r.ReviewNote = congtac.ReportReturned, "Đề nghị bổ sung số liệu cụ thể."
		}
	}
	if t.Target != nil {
		v := t.Target.Value * float64(r.Percent) / 100
		r.Value = &v
	}
	return r
}
