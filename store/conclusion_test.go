package store_test

import (
	"slices"
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
		if _, err := s.AssignConclusion(ctx, f.drafter, item.ID, task, false); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("before the meeting is held: %v, want EINVALID", err)
		}
		held := congtac.MeetingHeld
		if m, err = s.UpdateMeeting(ctx, f.drafter, m.ID, m.Version, congtac.MeetingUpdate{Status: &held}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AssignConclusion(ctx, f.drafter, item.ID, task, false); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("without a conclusion: %v, want EINVALID", err)
		}
		conclusion := "Giao Phòng Kinh tế đôn đốc nhà thầu, bảo đảm tiến độ dự án."
		if _, err := s.UpdateAgendaItem(ctx, f.drafter, item.ID, item.Version, congtac.AgendaItemUpdate{Conclusion: &conclusion}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AssignConclusion(ctx, f.reporterA, item.ID, task, false); congtac.ErrorCode(err) != congtac.EFORBIDDEN {
			t.Errorf("a reporter assigns: %v, want EFORBIDDEN", err)
		}
		got, err := s.AssignConclusion(ctx, f.drafter, item.ID, task, false)
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

// TestStandaloneConclusionsIssueWithTheNotice: a meeting outside any program gives tasks
// kept with its notice of conclusions: not in force, not one of the org's programs and no
// obstacle to the month's program while drafted; not submitted or issued on their own;
// issued with the notice (its number and date), in force from then on and frozen with it.
func TestStandaloneConclusionsIssueWithTheNotice(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		day := congtac.MustDate(2023, 4, 21)
		fixedClock(s, day)
		f := newFixture(t, s)
		conclusion := "Giao Phòng Tài nguyên và Môi trường rà soát hồ sơ đất đai các dự án chậm triển khai."
		m, err := s.CreateMeeting(ctx, f.drafter, congtac.Meeting{OrgID: f.committee.ID,
			Kind: congtac.MeetingThematic, Title: "Hội nghị chuyên đề về đất đai", Date: day, Start: congtac.At(14, 0),
			Agenda: []congtac.AgendaItem{{Title: "Tình hình giải phóng mặt bằng", Lead: f.deptA.ID}}})
		if err != nil {
			t.Fatal(err)
		}
		held := congtac.MeetingHeld
		if m, err = s.UpdateMeeting(ctx, f.drafter, m.ID, m.Version, congtac.MeetingUpdate{Status: &held}); err != nil {
			t.Fatal(err)
		}
		item := m.Agenda[0]
		if _, err := s.UpdateAgendaItem(ctx, f.drafter, item.ID, item.Version, congtac.AgendaItemUpdate{Conclusion: &conclusion}); err != nil {
			t.Fatal(err)
		}
		task := congtac.Task{Lead: f.deptA.ID, Due: congtac.Due{Date: congtac.MustDate(2023, 5, 31), Precision: congtac.PrecisionMonth, Text: "trong tháng 5/2023"}}
		if _, err := s.AssignConclusion(ctx, f.drafter, item.ID, task, false); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("into the program of a meeting without one: %v, want EINVALID", err)
		}
		got, err := s.AssignConclusion(ctx, f.drafter, item.ID, task, true)
		if err != nil {
			t.Fatal(err)
		}
		second, err := s.AssignConclusion(ctx, f.drafter, item.ID, congtac.Task{Text: "Báo cáo kết quả rà soát.", Lead: f.deptB.ID}, true)
		if err != nil {
			t.Fatal(err)
		}
		list, err := s.FindProgramByID(ctx, got.ProgramID)
		if err != nil {
			t.Fatal(err)
		}
		if list.MeetingID != m.ID || list.Status != congtac.ProgramDraft || second.ProgramID != list.ID || len(list.Tasks) != 2 ||
			list.Title != "Nhiệm vụ theo kết luận tại Hội nghị chuyên đề về đất đai ngày 21/4/2023" {
			t.Errorf("the notice's task list = %+v", list)
		}
		if found, _, _ := s.FindTasks(ctx, congtac.TaskFilter{ID: &got.ID, Limit: 1}); len(found) != 0 {
			t.Error("a standalone task is in force before its notice is issued")
		}
		if ps, _, _ := s.FindPrograms(ctx, congtac.ProgramFilter{OrgID: &f.committee.ID, Limit: 100}); slices.ContainsFunc(ps,
			func(p congtac.Program) bool { return p.ID == list.ID }) {
			t.Error("the notice's task list is listed among the programs")
		}
		if _, err := s.CreateProgram(ctx, f.drafter, congtac.Program{OrgID: f.committee.ID, Title: "Công tác tháng 4",
			Period: congtac.PeriodOf(congtac.PeriodMonth, day)}); err != nil {
			t.Errorf("the month's program beside the notice's task list: %v", err)
		}
		autumn := congtac.Due{Date: congtac.MustDate(2023, 9, 30), Precision: congtac.PrecisionQuarter, Text: "trong quý III/2023"}
		if second, err = s.UpdateTask(ctx, f.drafter, second.ID, second.Version, congtac.TaskUpdate{Due: &autumn}); err != nil {
			t.Errorf("a conclusion's task due after the month of the meeting: %v", err)
		}
		if _, err := s.TransitionProgram(ctx, f.drafter, list.ID, list.Version, congtac.ActionSubmit, ""); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("submitting the notice's task list: %v, want EINVALID", err)
		}
		if _, err := s.IssueProgram(ctx, f.drafter, list.ID, list.Version, congtac.Issuance{On: day}, nil); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("issuing the notice's task list on its own: %v, want EINVALID", err)
		}

		tb, err := s.IssueDocument(ctx, f.drafter, congtac.Document{OrgID: f.committee.ID, Type: congtac.DocNotice, MeetingID: m.ID,
			Symbol: congtac.Symbol(congtac.DocNotice, "UBND", ""), IssuedOn: congtac.MustDate(2023, 4, 24),
			Summary: "Kết luận của Chủ tịch UBND tại Hội nghị chuyên đề về đất đai"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if list, err = s.FindProgramByID(ctx, list.ID); err != nil {
			t.Fatal(err)
		}
		if list.Status != congtac.ProgramIssued || list.DocumentID != tb.ID || list.Number != tb.Number || list.IssuedOn != tb.IssuedOn {
			t.Errorf("after the notice: %s %d %d %s, want issued with %s", list.Status, list.DocumentID, list.Number, list.IssuedOn, tb.Code())
		}
		if found, _, _ := s.FindTasks(ctx, congtac.TaskFilter{ID: &got.ID, Limit: 1}); len(found) != 1 {
			t.Error("a standalone task is not in force once its notice is issued")
		}
		if _, err := s.AssignConclusion(ctx, f.drafter, item.ID, task, true); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("a standalone task after the notice: %v, want EINVALID", err)
		}
		text := "Nội dung khác"
		if _, err := s.UpdateTask(ctx, f.drafter, got.ID, got.Version, congtac.TaskUpdate{Text: &text}); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("changing an issued standalone task: %v, want EINVALID", err)
		}

		// A meeting whose notice was issued without standalone tasks takes none after it.
		other, err := s.CreateMeeting(ctx, f.drafter, congtac.Meeting{OrgID: f.committee.ID, Kind: congtac.MeetingWorking,
			Title: "Làm việc với Phòng Kinh tế", Date: day, Start: congtac.At(8, 0), Status: congtac.MeetingHeld,
			Agenda: []congtac.AgendaItem{{Title: "Tiến độ dự án", Lead: f.deptA.ID, Conclusion: "Đẩy nhanh tiến độ."}}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.IssueDocument(ctx, f.drafter, congtac.Document{OrgID: f.committee.ID, Type: congtac.DocNotice, MeetingID: other.ID,
			Symbol: congtac.Symbol(congtac.DocNotice, "UBND", ""), IssuedOn: congtac.MustDate(2023, 4, 24), Summary: "Kết luận"}, nil); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AssignConclusion(ctx, f.drafter, other.Agenda[0].ID, congtac.Task{Lead: f.deptA.ID}, true); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("a standalone task after a notice issued without any: %v, want EINVALID", err)
		}
	})
}
