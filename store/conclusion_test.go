package store_test

import (
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// TestConclusionsBecomeTasks: after the meeting, a conclusion becomes a task of the
// meeting's issued program, in force at once and listed by the meeting; before the meeting
// or without a conclusion it may not; a reporter may not assign.
func TestConclusionsBecomeTasks(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 4, 21))
		f := newFixture(t, s)
		p := issued(t, s, f)
		m, err := s.CreateMeeting(ctx, f.drafter, congtac.Meeting{OrgID: f.committee.ID, ProgramID: p.ID,
			Kind: congtac.MeetingRegular, Title: "Phiên họp thường kỳ tháng 4", Date: congtac.MustDate(2023, 4, 21),
			Start: congtac.At(8, 0), Agenda: []congtac.AgendaItem{{Title: "Báo cáo tiến độ dự án", Lead: f.deptA.ID}}})
		if err != nil {
			t.Fatal(err)
		}
		item := m.Agenda[0]
		task := congtac.Task{Lead: f.deptA.ID, Support: []congtac.Support{{OrgID: f.deptB.ID}},
			Due: congtac.Due{Date: congtac.MustDate(2023, 4, 30), Precision: congtac.PrecisionDay, Text: "trước ngày 30/4/2023"}}
		if _, err := s.AssignConclusion(ctx, f.drafter, item.ID, task); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("before the meeting is held: %v, want EINVALID", err)
		}
		held := congtac.MeetingHeld
		if m, err = s.UpdateMeeting(ctx, f.drafter, m.ID, m.Version, congtac.MeetingUpdate{Status: &held}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AssignConclusion(ctx, f.drafter, item.ID, task); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("without a conclusion: %v, want EINVALID", err)
		}
		conclusion := "Giao Phòng Kinh tế đôn đốc nhà thầu, bảo đảm tiến độ dự án."
		if _, err := s.UpdateAgendaItem(ctx, f.drafter, item.ID, item.Version, congtac.AgendaItemUpdate{Conclusion: &conclusion}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AssignConclusion(ctx, f.reporterA, item.ID, task); congtac.ErrorCode(err) != congtac.EFORBIDDEN {
			t.Errorf("a reporter assigns: %v, want EFORBIDDEN", err)
		}
		got, err := s.AssignConclusion(ctx, f.drafter, item.ID, task)
		if err != nil {
			t.Fatal(err)
		}
		if got.Text != conclusion || got.ProgramID != p.ID || got.Source != "Kết luận tại Phiên họp thường kỳ tháng 4 ngày 21/4/2023" {
			t.Errorf("assigned task = %+v", got)
		}
		_, n, err := s.FindTasks(ctx, congtac.TaskFilter{ProgramID: &p.ID, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		inForce, _, _ := s.FindTasks(ctx, congtac.TaskFilter{ID: &got.ID, Limit: 1})
		if len(inForce) != 1 {
			t.Errorf("the conclusion's task is not in force among the program's %d tasks", n)
		}
		byItem, err := s.FindConclusionTasks(ctx, m.ID)
		if err != nil || len(byItem[item.ID]) != 1 || byItem[item.ID][0].ID != got.ID || len(byItem[item.ID][0].Support) != 1 {
			t.Errorf("the meeting's conclusion tasks: %+v, %v", byItem, err)
		}
	})
}
