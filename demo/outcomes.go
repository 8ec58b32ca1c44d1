package demo

import (
	"fmt"

	"congtac"
)

// outcome is what became of a task.
type outcome int

const (
	onTime outcome = iota
	late
	overdue
	deferred
	cancelled
)

// outcomeOf decides, without randomness, what became of the k-th task of month i: most are
// done on time, some late, some still overdue, a few deferred or cancelled.
func outcomeOf(i, k int) outcome {
	switch (k*7 + i*3) % 10 {
	case 6:
		return late
	case 7:
		return overdue
	case 8:
		return deferred
	case 9:
		if i%3 == 0 {
			return cancelled
		}
	}
	return onTime
}

// planTask puts the k-th task of a month's program through its outcome: progress reports,
// a completion report accepted by the office, a deferral or a cancellation.
func (w *world) planTask(q *queue, i, k int, draft congtac.Task, task func() (congtac.Task, error), issued congtac.Date) {
	if draft.Recurrence != nil {
		w.planOccurrences(q, i, k, draft, task, issued)
		return
	}
	due := draft.Due.Date
	if due.IsZero() {
		due = issued.AddDays(24)
	}
	done := due.AddDays(-1 - k%4)
	if done.Before(issued.AddDays(3)) {
		done = issued.AddDays(3)
	}
	out := outcomeOf(i, k)
	silent := false // no report at all until it is done: what the office chases first
	if i == 10 && draft.Lead == w.communes[4].ID {
		// Last month's own work of the commune with a demo account is late, and the commune
		// has not reported on it: its reporter has it to do, the office chases it, whatever
		// the day of the month.
		out, silent = overdue, true
	}
	if !silent && (out != onTime || issued.DaysUntil(done) > 10) {
		q.add(issued.AddDays(7), func() error { return w.report(task, 40+10*(k%3), congtac.Date{}, congtac.Date{}, true) })
	}
	complete := func(done congtac.Date) {
		q.add(done, func() error { return w.report(task, 100, done, congtac.Date{}, false) })
		q.add(w.workingDay(done.AddDays(1)), func() error { return w.acceptLatest(task) })
	}
	switch out {
	case onTime:
		complete(done)
	case late:
		complete(due.AddDays(2 + k%5))
	case overdue: // carried over month after month until it is done, two months late
		w.explain(q, task, due, k%2 == 0)
		complete(due.AddMonths(2))
	case deferred:
		// Half the deferrals move the deadline a quarter on, and the work is done before
		// the new one; the others postpone the task until further notice, and it is taken up
		// again and done three months later. Meanwhile it is carried over deferred.
		to := congtac.DueInQuarter(due.AddMonths(3).Year, (int(due.AddMonths(3).Month)-1)/3+1)
		done := to.Date.AddDays(-10)
		if k%2 == 0 {
			to, done = congtac.Due{Text: "tạm hoãn, chờ ý kiến chỉ đạo của Thường trực Tỉnh ủy"}, due.AddMonths(3)
		}
		q.add(due.AddDays(-2), func() error {
			t, err := task()
			if err != nil {
				return err
			}
			_, err = w.st.DeferTask(w.ctx, w.actors["cvp"], t.ID, t.Version, congtac.Deferral{On: due.AddDays(-2), To: to,
				Reason: "Chờ bố trí kinh phí từ nguồn dự phòng ngân sách tỉnh"})
			return err
		})
		complete(done)
	case cancelled:
		q.add(due.AddDays(-5), func() error {
			t, err := task()
			if err != nil {
				return err
			}
			_, err = w.st.CancelTask(w.ctx, w.actors["cvp"], t.ID, t.Version, congtac.Cancellation{On: due.AddDays(-5),
				Reason: "Nội dung đã được lồng ghép vào nhiệm vụ của tháng sau"})
			return err
		})
	}
}

// explain has the office ask the lead org of a task overdue since due to explain it within
// five days, a week after the deadline; the org answers on the fourth day when answer.
func (w *world) explain(q *queue, task func() (congtac.Task, error), due congtac.Date, answer bool) {
	asked := w.workingDay(due.AddDays(7))
	var e congtac.Explanation
	q.add(asked, func() error {
		t, err := task()
		if err != nil || t.Status(asked) != congtac.StatusOverdue { // a vague deadline is never overdue
			return err
		}
		e, err = w.st.AskExplanation(w.ctx, w.actors["cvp"], congtac.Explanation{TaskID: t.ID, OrgID: t.Lead,
			Question: "Đề nghị giải trình lý do chậm tiến độ và đề xuất thời hạn hoàn thành.", Due: asked.AddDays(5)})
		return err
	})
	if !answer {
		return
	}
	q.add(asked.AddDays(4), func() error {
		t, err := task()
		if err != nil || e.ID == 0 {
			return err
		}
		_, err = w.st.AnswerExplanation(w.ctx, w.reporter(t.Lead), e.ID, e.Version,
			"Do vướng mắc trong giải phóng mặt bằng và thủ tục thanh toán; đơn vị cam kết hoàn thành trong tháng tới.")
		return err
	})
}

// planOccurrences reports each occurrence of a recurring task on its day, or on the day
// its program is issued when that is later (a task takes reports once it is in force),
// except the last one of every other such task, which is missing for six weeks: the task
// is carried over overdue meanwhile.
func (w *world) planOccurrences(q *queue, i, k int, draft congtac.Task, task func() (congtac.Task, error), issued congtac.Date) {
	days := draft.Recurrence.Between(draft.Recurrence.Start, draft.Due.Date)
	for n, d := range days {
		done := d.AddDays(-(n % 2))
		if n == len(days)-1 && (i+k)%2 == 0 {
			done = d.AddDays(42)
		}
		if done.Before(issued) {
			done = issued
		}
		q.add(done, func() error { return w.report(task, 100, done, d, false) })
		q.add(w.workingDay(done.AddDays(1)), func() error { return w.acceptLatest(task) })
	}
}

// report has the task's lead org report progress (percent) and submit it; a complete report
// names the day it was done and, for a recurring task, the occurrence. accept has the office
// accept it at once.
func (w *world) report(task func() (congtac.Task, error), percent int, done, occurrence congtac.Date, accept bool) error {
	t, err := task()
	if err != nil {
		return err
	}
	text := reportText(t, percent)
	r, err := w.st.CreateReport(w.ctx, w.reporter(t.Lead), congtac.Report{TaskID: t.ID, OrgID: t.Lead,
		Occurrence: occurrence, Text: text, Percent: percent, DoneOn: done, Status: congtac.ReportSubmitted,
		Value: targetValue(t, percent)})
	if err != nil {
		return err
	}
	w.sum.Reports++
	if accept {
		_, err = w.st.ReviewReport(w.ctx, w.actors["cvp"], r.ID, r.Version, congtac.ReportAccepted, "")
	}
	return err
}

// acceptLatest has the office accept the newest submitted report on the task.
func (w *world) acceptLatest(task func() (congtac.Task, error)) error {
	t, err := task()
	if err != nil {
		return err
	}
	lineage, err := w.st.FindTaskLineage(w.ctx, t.ID)
	if err != nil {
		return err
	}
	submitted := congtac.ReportSubmitted
	for i := len(lineage) - 1; i >= 0; i-- { // the report may be on a copy carried on since
		id := lineage[i].Task.ID
		rs, _, err := w.st.FindReports(w.ctx, congtac.ReportFilter{TaskID: &id, Status: &submitted, Limit: 1})
		if err != nil || len(rs) > 0 {
			if err == nil {
				_, err = w.st.ReviewReport(w.ctx, w.actors["cvp"], rs[0].ID, rs[0].Version, congtac.ReportAccepted, "")
			}
			return err
		}
	}
	return nil
}

// reportText writes what a unit reports at a stage of the work.
func reportText(t congtac.Task, percent int) string {
	switch {
	case percent == 100 && t.Recurrence != nil:
		return "Đã tổng hợp và gửi báo cáo kỳ này đúng thời hạn."
	case percent == 100:
		return "Đã hoàn thành nhiệm vụ; kết quả cụ thể kèm theo báo cáo."
	case percent >= 60:
		return fmt.Sprintf("Đã thực hiện được khoảng %d%% khối lượng; đang đôn đốc các đơn vị phối hợp hoàn thiện.", percent)
	}
	return fmt.Sprintf("Đã xây dựng kế hoạch, phân công thực hiện; ước đạt %d%% khối lượng công việc.", percent)
}

// targetValue returns the value reached against the task's target at a stage, if it has one.
func targetValue(t congtac.Task, percent int) *float64 {
	if t.Target == nil {
		return nil
	}
	v := t.Target.Value * float64(percent) / 100
	if percent == 100 {
		v = t.Target.Value + 2
	}
	return &v
}
