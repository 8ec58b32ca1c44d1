package store_test

import (
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// TestExplanations: a task on time may not be asked about; once overdue the office asks
// its lead org to explain by a day, the request is open, then overdue past its day; a
// reporter of another org may not answer, the lead org's may, once; lists by state and
// org follow.
func TestExplanations(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 5, 20))
		f := newFixture(t, s)
		april := issued(t, s, f)
		build := findTaskByText(t, april.Tasks, "Khởi công") // due in May 2023, led by department A
		ask := congtac.Explanation{TaskID: build.ID, OrgID: f.deptA.ID, Question: "Đề nghị giải trình lý do chậm khởi công.",
			Due: congtac.MustDate(2023, 6, 10)}
		if _, err := s.AskExplanation(ctx, f.drafter, ask); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("asking about a task on time: %v, want EINVALID", err)
		}
		fixedClock(s, congtac.MustDate(2023, 6, 5))
		if _, err := s.AskExplanation(ctx, f.reporterA, ask); congtac.ErrorCode(err) != congtac.EFORBIDDEN {
			t.Errorf("a reporter asks: %v, want EFORBIDDEN", err)
		}
		other := ask
		other.OrgID = f.commune.ID
		if _, err := s.AskExplanation(ctx, f.drafter, other); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("asking an org that has no part in the task: %v, want EINVALID", err)
		}
		e, err := s.AskExplanation(ctx, f.drafter, ask)
		if err != nil {
			t.Fatal(err)
		}
		if e.AskedOn != congtac.MustDate(2023, 6, 5) || e.AskedBy != f.drafter.UserID || e.State(e.AskedOn) != congtac.ExplanationOpen {
			t.Errorf("asked = %+v", e)
		}
		overdue := congtac.ExplanationOverdue
		list, n, err := s.FindExplanations(ctx, congtac.ExplanationFilter{State: &overdue, AsOf: congtac.MustDate(2023, 6, 11)})
		if err != nil || n != 1 || list[0].ID != e.ID {
			t.Errorf("overdue on 11/6: %d %+v %v", n, list, err)
		}
		if _, n, _ := s.FindExplanations(ctx, congtac.ExplanationFilter{State: &overdue, AsOf: congtac.MustDate(2023, 6, 10)}); n != 0 {
			t.Errorf("overdue on its day: %d", n)
		}
		if _, err := s.AnswerExplanation(ctx, f.drafter, e.ID, e.Version, ""); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("an empty answer: %v, want EINVALID", err)
		}
		if _, err := s.AnswerExplanation(ctx, f.reporterA, e.ID, e.Version+1, "Do thời tiết."); congtac.ErrorCode(err) != congtac.ECONFLICT {
			t.Errorf("a stale answer: %v, want ECONFLICT", err)
		}
		fixedClock(s, congtac.MustDate(2023, 6, 8))
		answered, err := s.AnswerExplanation(ctx, f.reporterA, e.ID, e.Version, "Do mưa kéo dài, nhà thầu chưa thi công được.")
		if err != nil {
			t.Fatal(err)
		}
		if answered.AnsweredOn != congtac.MustDate(2023, 6, 8) || answered.State(congtac.MustDate(2023, 7, 1)) != congtac.ExplanationAnswered {
			t.Errorf("answered = %+v", answered)
		}
		if _, err := s.AnswerExplanation(ctx, f.reporterA, e.ID, answered.Version, "Lần nữa."); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("a second answer: %v, want EINVALID", err)
		}
		done := congtac.ExplanationAnswered
		if list, n, err := s.FindExplanations(ctx, congtac.ExplanationFilter{State: &done, OrgID: &f.deptA.ID, TaskID: &build.ID}); err != nil || n != 1 || list[0].Answer == "" {
			t.Errorf("answered of department A: %d %+v %v", n, list, err)
		}
	})
}
