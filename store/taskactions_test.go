package store_test

import (
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// TestTaskActions: the office records a completion with the report it comes from and who
// recorded it, reopens it with a reason, defers the task twice with the leader who approved
// (the task keeps both deadlines, its status follows the last), cancels it, and may not
// defer or cancel it again; May's program, carrying the task, gets its deferrals whole.
func TestTaskActions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 4, 20))
		f := newFixture(t, s)
		april := issued(t, s, f)
		build := findTaskByText(t, april.Tasks, "Khởi công")
		rep, err := s.CreateReport(ctx, f.reporterA, congtac.Report{TaskID: build.ID, OrgID: build.Lead, Text: "Đã khởi công.",
			Percent: 100, DoneOn: congtac.MustDate(2023, 4, 18), Status: congtac.ReportSubmitted})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.CompleteTask(ctx, f.drafter, build.ID, build.Version, congtac.Completion{DoneOn: congtac.MustDate(2023, 4, 18),
			ReportID: rep.ID + 1000}); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("a completion from a report that is not there: %v, want EINVALID", err)
		}
		done, err := s.CompleteTask(ctx, f.drafter, build.ID, build.Version, congtac.Completion{DoneOn: congtac.MustDate(2023, 4, 18), ReportID: rep.ID})
		if err != nil {
			t.Fatal(err)
		}
		if done.DoneBy != f.drafter.UserID || done.DoneReportID != rep.ID || done.Status(congtac.MustDate(2023, 4, 20)) != congtac.StatusDoneOnTime {
			t.Errorf("completion recorded by %d from report %d, status %s", done.DoneBy, done.DoneReportID, done.Status(congtac.MustDate(2023, 4, 20)))
		}
		if _, err := s.ReopenTask(ctx, f.drafter, build.ID, done.Version, congtac.Reopening{On: congtac.MustDate(2023, 4, 20)}); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("reopening without a reason: %v, want EINVALID", err)
		}
		if _, err := s.ReopenTask(ctx, f.reporterA, build.ID, done.Version, congtac.Reopening{On: congtac.MustDate(2023, 4, 20), Reason: "x"}); congtac.ErrorCode(err) != congtac.EFORBIDDEN {
			t.Errorf("a reporter reopens: %v, want EFORBIDDEN", err)
		}
		open, err := s.ReopenTask(ctx, f.drafter, build.ID, done.Version, congtac.Reopening{On: congtac.MustDate(2023, 4, 20), Reason: "Chưa khởi công gói thầu số 2."})
		if err != nil {
			t.Fatal(err)
		}
		if !open.DoneOn.IsZero() || open.DoneBy != 0 || open.DoneReportID != 0 {
			t.Errorf("reopened task = done %s by %d from %d", open.DoneOn, open.DoneBy, open.DoneReportID)
		}
		if _, err := s.ReopenTask(ctx, f.drafter, build.ID, open.Version, congtac.Reopening{On: congtac.MustDate(2023, 4, 20), Reason: "x"}); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("reopening a task in progress: %v, want EINVALID", err)
		}
		may := congtac.Due{Date: congtac.MustDate(2023, 5, 31), Precision: congtac.PrecisionMonth, Text: "trong tháng 5/2023"}
		june := congtac.Due{Date: congtac.MustDate(2023, 6, 15), Precision: congtac.PrecisionDay, Text: "trước ngày 15/6/2023"}
		if _, err := s.DeferTask(ctx, f.drafter, build.ID, open.Version, congtac.Deferral{On: congtac.MustDate(2023, 4, 20), To: may,
			Reason: "Chờ vốn", ApprovedBy: 999999}); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("a deferral approved by nobody known: %v, want EINVALID", err)
		}
		once, err := s.DeferTask(ctx, f.drafter, build.ID, open.Version, congtac.Deferral{On: congtac.MustDate(2023, 4, 20), To: may,
			Reason: "Chờ bố trí vốn.", ApprovedBy: f.leader.ID})
		if err != nil {
			t.Fatal(err)
		}
		twice, err := s.DeferTask(ctx, f.drafter, build.ID, once.Version, congtac.Deferral{On: congtac.MustDate(2023, 4, 20), To: june,
			Reason: "Điều chỉnh thiết kế.", ApprovedBy: f.leader.ID})
		if err != nil {
			t.Fatal(err)
		}
		history, err := s.FindDeferrals(ctx, build.ID)
		if err != nil || len(history) != 2 || history[0].To != may || history[1].To != june || history[1].ApprovedBy != f.leader.ID ||
			history[1].RecordedBy != f.drafter.UserID || twice.Deferral.To != june {
			t.Errorf("deferrals = %+v, %v; the task's %+v", history, err, twice.Deferral)
		}

		// May carries the task on: its copy keeps both deadlines once May is issued.
		mayProgram, err := s.DraftNext(ctx, f.drafter, f.committee.ID, congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: 5}, congtac.MustDate(2023, 4, 30))
		if err != nil {
			t.Fatal(err)
		}
		mayProgram, _ = s.TransitionProgram(ctx, f.drafter, mayProgram.ID, mayProgram.Version, congtac.ActionSubmit, "")
		mayProgram, _ = s.TransitionProgram(ctx, f.chair, mayProgram.ID, mayProgram.Version, congtac.ActionApprove, "")
		if _, err := s.IssueProgram(ctx, f.drafter, mayProgram.ID, mayProgram.Version, congtac.Issuance{On: congtac.MustDate(2023, 5, 2)}, nil); err != nil {
			t.Fatal(err)
		}
		now, _ := s.FindTaskByID(ctx, build.ID)
		copied, err := s.FindDeferrals(ctx, now.SupersededBy)
		if now.SupersededBy == 0 || err != nil || len(copied) != 2 || copied[1].Reason != "Điều chỉnh thiết kế." {
			t.Errorf("the carried copy's deferrals: %+v, %v", copied, err)
		}
		copy, _ := s.FindTaskByID(ctx, now.SupersededBy)
		cancelled, err := s.CancelTask(ctx, f.drafter, copy.ID, copy.Version, congtac.Cancellation{On: congtac.MustDate(2023, 5, 3), Reason: "Dự án dừng."})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.CancelTask(ctx, f.drafter, copy.ID, cancelled.Version, congtac.Cancellation{On: congtac.MustDate(2023, 5, 3), Reason: "x"}); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("cancelling twice: %v, want EINVALID", err)
		}
		if _, err := s.DeferTask(ctx, f.drafter, copy.ID, cancelled.Version, congtac.Deferral{On: congtac.MustDate(2023, 5, 3), To: june, Reason: "x"}); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("deferring a cancelled task: %v, want EINVALID", err)
		}
	})
}
