package store_test

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"testing"

	"congtac"
	"congtac/store"
)

// addRecords adds the records the record and admin cases act on: D's meeting, a person of D
// with a reporter account, and a group of committee A.
func (w *authzWorld) addRecords(t *testing.T, s *store.Store) {
	t.Helper()
	var err error
	if w.meeting, err = s.CreateMeeting(ctx, congtac.System, congtac.Meeting{OrgID: w.f.deptA.ID,
		Kind: congtac.MeetingRegular, Title: "Họp giao ban Phòng Kinh tế", Date: congtac.MustDate(2023, 6, 2),
		Start: congtac.NoTime, Part: congtac.Morning, Place: "Phòng họp"}); err != nil {
		t.Fatal(err)
	}
	if w.person, err = s.CreatePerson(ctx, congtac.System, congtac.Person{FullName: "Lê Thị Hoa", OrgID: w.f.deptA.ID}); err != nil {
		t.Fatal(err)
	}
	if w.account, err = s.CreateUser(ctx, congtac.System, congtac.User{Login: "hoa.kt", Role: congtac.RoleReporter,
		OrgID: w.f.deptA.ID, PersonID: w.person.ID, DisplayName: "Lê Thị Hoa"}); err != nil {
		t.Fatal(err)
	}
	if w.group, err = s.CreateOrg(ctx, congtac.System, congtac.Org{ParentID: w.f.committee.ID, Kind: congtac.OrgGroup,
		Name: "Các phòng chuyên môn", ValidFrom: congtac.MustDate(2020, 1, 1)}); err != nil {
		t.Fatal(err)
	}
}

// submittedDraft creates a draft of committee A and submits it as the system.
func (w authzWorld) submittedDraft(t *testing.T, s *store.Store, n int) congtac.Program {
	t.Helper()
	p := w.newDraft(t, s, n)
	p, err := s.TransitionProgram(ctx, congtac.System, p.ID, p.Version, congtac.ActionSubmit, "")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// draftReport creates a draft progress report of D on the issued task build, as the system.
func (w authzWorld) draftReport(t *testing.T, s *store.Store) congtac.Report {
	t.Helper()
	r, err := s.CreateReport(ctx, congtac.System, progress(w.build.ID, w.f.deptA.ID))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// newItem creates a heading in committee A's draft, as the system.
func (w authzWorld) newItem(t *testing.T, s *store.Store, n int) congtac.Item {
	t.Helper()
	it, err := s.CreateItem(ctx, congtac.System, congtac.Item{ProgramID: w.draft.ID, Heading: fmt.Sprintf("Mục có sẵn %d", n)})
	if err != nil {
		t.Fatal(err)
	}
	return it
}

// fresh reloads what a case changes, so that each call carries the current version.
func fresh[T any](t *testing.T, find func() (T, error)) T {
	t.Helper()
	v, err := find()
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// authzRecordCases lists the write use cases on records of the program's life after its
// draft: review and issue, task events, reports, proposals, meetings and the calendar; and a
// department's own program.
func authzRecordCases() []authzCase {
	committee := func(w authzWorld) int64 { return w.f.committee.ID }
	dept := func(w authzWorld) int64 { return w.f.deptA.ID }
	type run = func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error
	transition := func(act congtac.ProgramAction, remark string) run {
		return func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			p := w.submittedDraft(t, s, n)
			_, err := s.TransitionProgram(ctx, a, p.ID, p.Version, act, remark)
			return err
		}
	}
	return []authzCase{
		{name: "CreateProgram of a department", need: congtac.DraftPrograms, org: dept, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			p := congtac.Program{OrgID: w.f.deptA.ID, DraftedBy: w.f.deptA.ID, Period: w.period(),
				Title: fmt.Sprintf("Chương trình công tác của Phòng Kinh tế số %d", n),
				Items: []congtac.Item{{ID: 1, Heading: "Nhiệm vụ trọng tâm"}}}
			_, err := s.CreateProgram(ctx, a, p)
			return err
		}},
		{name: "TransitionProgram approve", need: congtac.ReviewPrograms, org: committee, run: transition(congtac.ActionApprove, "")},
		{name: "TransitionProgram return", need: congtac.ReviewPrograms, org: committee, run: transition(congtac.ActionReturn, "Bổ sung nhiệm vụ về chuyển đổi số.")},
		{name: "AddReviewComment", need: congtac.ReviewPrograms, org: committee, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			p := w.submittedDraft(t, s, n)
			_, err := s.AddReviewComment(ctx, a, congtac.ReviewComment{ProgramID: p.ID, Version: p.Version, Text: "Cần ghi rõ thời hạn."})
			return err
		}},
		{name: "IssueProgram", need: congtac.IssueDocuments, org: committee, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			p := w.submittedDraft(t, s, n)
			p, err := s.TransitionProgram(ctx, w.f.chair, p.ID, p.Version, congtac.ActionApprove, "")
			if err != nil {
				t.Fatal(err)
			}
			_, err = s.IssueProgram(ctx, a, p.ID, p.Version, congtac.Issuance{On: congtac.MustDate(2023, 5, 10)}, nil)
			return err
		}},
		{name: "AmendProgram", need: congtac.IssueDocuments, org: committee, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			_, err := s.AmendProgram(ctx, a, w.issued.ID)
			return err
		}},
		{name: "UpdateItem", need: congtac.DraftPrograms, org: committee, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			it := w.newItem(t, s, n)
			it.Heading = fmt.Sprintf("Mục đã sửa %d", n)
			_, err := s.UpdateItem(ctx, a, it, it.Version)
			return err
		}},
		{name: "DeleteItem", need: congtac.DraftPrograms, org: committee, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			it := w.newItem(t, s, n)
			return s.DeleteItem(ctx, a, it.ID, it.Version)
		}},
		{name: "MoveItem", need: congtac.DraftPrograms, org: committee, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			it := w.newItem(t, s, n)
			_, err := s.MoveItem(ctx, a, it.ID, it.Version, 0, 0)
			return err
		}},
		{name: "CreateItemAfter", need: congtac.DraftPrograms, org: committee, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			it := w.newItem(t, s, n)
			_, err := s.CreateItemAfter(ctx, a, congtac.Item{ProgramID: w.draft.ID, Heading: fmt.Sprintf("Mục sau %d", n)}, it.ID)
			return err
		}},
		{name: "DeleteTask", need: congtac.DraftPrograms, org: committee, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			tk := w.draft.Tasks[0]
			tk.ID, tk.Text = 0, fmt.Sprintf("Nhiệm vụ sẽ xóa %d", n)
			tk, err := s.CreateTask(ctx, congtac.System, tk)
			if err != nil {
				t.Fatal(err)
			}
			return s.DeleteTask(ctx, a, tk.ID, tk.Version)
		}},
		{name: "CompleteTask", need: congtac.ManageTasks, org: committee, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			tk := fresh(t, func() (congtac.Task, error) { return s.FindTaskByID(ctx, w.build.ID) })
			_, err := s.CompleteTask(ctx, a, tk.ID, tk.Version, congtac.Completion{DoneOn: congtac.MustDate(2023, 5, 9)})
			return err
		}},
		{name: "CancelTask", need: congtac.ManageTasks, org: committee, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			tk := fresh(t, func() (congtac.Task, error) { return s.FindTaskByID(ctx, w.fees.ID) })
			_, err := s.CancelTask(ctx, a, tk.ID, tk.Version, congtac.Cancellation{On: congtac.MustDate(2023, 5, 9), Reason: "Không còn phù hợp"})
			return err
		}},
		{name: "ReopenTask", need: congtac.ManageTasks, org: committee, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			tk := fresh(t, func() (congtac.Task, error) { return s.FindTaskByID(ctx, w.build.ID) })
			if tk.DoneOn.IsZero() {
				var err error
				if tk, err = s.CompleteTask(ctx, congtac.System, tk.ID, tk.Version, congtac.Completion{DoneOn: congtac.MustDate(2023, 5, 9)}); err != nil {
					t.Fatal(err)
				}
			}
			_, err := s.ReopenTask(ctx, a, tk.ID, tk.Version, congtac.Reopening{On: congtac.MustDate(2023, 5, 10), Reason: "Báo cáo chưa đúng"})
			return err
		}},
		{name: "AskExplanation", need: congtac.ManageTasks, org: committee, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			_, err := s.AskExplanation(ctx, a, congtac.Explanation{TaskID: w.build.ID, OrgID: w.f.deptA.ID,
				Question: "Đề nghị giải trình việc chậm khởi công.", Due: congtac.MustDate(2023, 5, 20)})
			return err
		}},
		{name: "AnswerExplanation", need: congtac.WriteReports, org: dept, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			if tk := fresh(t, func() (congtac.Task, error) { return s.FindTaskByID(ctx, w.build.ID) }); !tk.DoneOn.IsZero() {
				if _, err := s.ReopenTask(ctx, congtac.System, tk.ID, tk.Version, congtac.Reopening{On: congtac.MustDate(2023, 5, 10), Reason: "Mở lại"}); err != nil {
					t.Fatal(err)
				}
			}
			fixedClock(s, congtac.MustDate(2023, 6, 5)) // the task is overdue: a leader asks
			e, err := s.AskExplanation(ctx, congtac.System, congtac.Explanation{TaskID: w.build.ID, OrgID: w.f.deptA.ID,
				Question: fmt.Sprintf("Yêu cầu số %d", n), Due: congtac.MustDate(2023, 6, 10)})
			fixedClock(s, congtac.MustDate(2023, 5, 10))
			if err != nil {
				t.Fatal(err)
			}
			_, err = s.AnswerExplanation(ctx, a, e.ID, e.Version, "Do chưa được bố trí vốn.")
			return err
		}},
		{name: "UpdateReport", need: congtac.WriteReports, org: dept, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			r := w.draftReport(t, s)
			_, err := s.UpdateReport(ctx, a, r.ID, r.Version, congtac.ReportUpdate{Percent: ptr(70)})
			return err
		}},
		{name: "AddReportFile", need: congtac.WriteReports, org: dept, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			r := w.draftReport(t, s)
			_, err := s.AddReportFile(ctx, a, r.ID, "bien-ban.pdf", []byte("%PDF-1.7\n%%EOF\n"))
			return err
		}},
		{name: "SubmitReport", need: congtac.WriteReports, org: dept, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			r := w.draftReport(t, s)
			_, err := s.SubmitReport(ctx, a, r.ID, r.Version, congtac.ReportUpdate{Percent: ptr(80)})
			return err
		}},
		{name: "CreateProposal", need: congtac.WriteReports, org: dept, or: &authzNeed{congtac.DraftPrograms, committee}, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			_, err := s.CreateProposal(ctx, a, congtac.Proposal{OrgID: w.f.deptA.ID, CommitteeID: w.f.committee.ID,
				Period: congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: 7}, Kind: congtac.ProposeTask,
				Text: fmt.Sprintf("Nghiệm thu công trình số %d", n), Lead: w.f.deptA.ID, Sector: congtac.SectorEconomy})
			return err
		}},
		{name: "UpdateMeeting", need: congtac.ManageMeetings, org: dept, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			m := fresh(t, func() (congtac.Meeting, error) { return s.FindMeetingByID(ctx, w.meeting.ID) })
			_, err := s.UpdateMeeting(ctx, a, m.ID, m.Version, congtac.MeetingUpdate{Place: ptr(fmt.Sprintf("Phòng họp số %d", n))})
			return err
		}},
		{name: "AddAgendaItem", need: congtac.ManageMeetings, org: dept, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			_, err := s.AddAgendaItem(ctx, a, congtac.AgendaItem{MeetingID: w.meeting.ID, Title: fmt.Sprintf("Nội dung số %d", n),
				Lead: w.f.deptA.ID, Minutes: 30})
			return err
		}},
		{name: "CreateEngagement", need: congtac.ManageCalendar, org: committee, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			_, err := s.CreateEngagement(ctx, a, congtac.Engagement{OrgID: w.f.committee.ID, PersonID: w.f.leader.ID,
				Date: congtac.MustDate(2023, 6, 5), Start: congtac.NoTime, Part: congtac.Morning,
				Title: fmt.Sprintf("Kiểm tra tiến độ công trình số %d", n), Place: "Thôn Đông"})
			return err
		}},
	}
}

// authzAdminCases lists the write use cases of administration beyond creating records:
// people and posts, accounts, orgs and groups, installation settings and stamps.
func authzAdminCases() []authzCase {
	committee := func(w authzWorld) int64 { return w.f.committee.ID }
	dept := func(w authzWorld) int64 { return w.f.deptA.ID }
	return []authzCase{
		{name: "UpdatePerson", need: congtac.ManagePeople, org: dept, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			p := fresh(t, func() (congtac.Person, error) {
				people, err := s.FindPeople(ctx, congtac.PersonFilter{ID: &w.person.ID})
				if err == nil && len(people) != 1 {
					err = fmt.Errorf("person %d: %d found", w.person.ID, len(people))
				}
				return people[0], err
			})
			_, err := s.UpdatePerson(ctx, a, p.ID, p.Version, congtac.PersonUpdate{Phone: ptr(fmt.Sprintf("0912 000 %03d", n%1000))})
			return err
		}},
		{name: "CreatePost", need: congtac.ManagePeople, org: dept, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			_, err := s.CreatePost(ctx, a, congtac.Post{PersonID: w.person.ID, OrgID: w.f.deptA.ID, Kind: congtac.PostStaff,
				From: congtac.MustDate(2020, 1, 1).AddDays(n)})
			return err
		}},
		{name: "UpdateUser", need: congtac.ManageUsers, org: dept, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			u := fresh(t, func() (congtac.User, error) { return s.FindUserByID(ctx, w.account.ID) })
			_, err := s.UpdateUser(ctx, a, u.ID, u.Version, congtac.UserUpdate{DisplayName: ptr(fmt.Sprintf("Lê Thị Hoa %d", n))})
			return err
		}},
		{name: "SetPassword of another account", need: congtac.ManageUsers, org: dept, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			_, _, err := s.SetPassword(ctx, a, w.account.ID, "$argon2id$v=19$m=65536,t=1,p=2$c2FsdA$aGFzaA", "")
			return err
		}},
		{name: "SetTOTPSecret of another account", need: congtac.ManageUsers, org: dept, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			_, err := s.SetTOTPSecret(ctx, a, w.account.ID, "", "")
			return err
		}},
		{name: "EndSessions of another account", need: congtac.ManageUsers, org: dept, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			_, err := s.EndSessions(ctx, a, w.account.ID, "")
			return err
		}},
		{name: "MergeOrg", need: congtac.ManageOrgs, org: dept, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			old := createOrg(t, s, w.f.deptA.ID, congtac.OrgAgency, fmt.Sprintf("Tổ cũ %d", n), fmt.Sprintf("TC%d", n))
			successor := createOrg(t, s, w.f.deptA.ID, congtac.OrgAgency, fmt.Sprintf("Tổ mới %d", n), fmt.Sprintf("TM%d", n))
			_, err := s.MergeOrg(ctx, a, old.ID, old.Version, successor.ID, congtac.MustDate(2023, 5, 1))
			return err
		}},
		{name: "SetGroupMembers", need: congtac.ManageOrgs, org: func(w authzWorld) int64 { return w.group.ID }, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			g := fresh(t, func() (congtac.Org, error) { return s.FindOrgByID(ctx, w.group.ID) })
			members := []int64{w.f.deptA.ID, w.f.deptB.ID}[:1+n%2]
			_, err := s.SetGroupMembers(ctx, a, g.ID, g.Version, members)
			return err
		}},
		{name: "SaveGlobalSettings", need: congtac.ManageSettings, org: committee, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			return s.SaveGlobalSettings(ctx, a, congtac.GlobalSettings{})
		}},
		{name: "SaveStamp", need: congtac.ManageSettings, org: committee, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			var b bytes.Buffer
			if err := png.Encode(&b, image.NewNRGBA(image.Rect(0, 0, 200, 80))); err != nil {
				t.Fatal(err)
			}
			return s.SaveStamp(ctx, a, congtac.Stamp{Kind: congtac.StampSeal, OwnerID: w.f.committee.ID, PNG: b.Bytes()})
		}},
	}
}
