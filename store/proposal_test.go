package store_test

import (
	"strings"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

func TestProposalsFromUnitsIntoTheDraft(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 4, 20)) // May's proposals close on 24 April
		f := newFixture(t, s)
		may := congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: 5}
		task := congtac.Proposal{OrgID: f.deptA.ID, CommitteeID: f.committee.ID, Period: may, Kind: congtac.ProposeTask,
			Text: "Nghiệm thu đường giao thông thôn Đông", Lead: f.deptA.ID, Support: []int64{f.commune.ID},
			DueText: "chậm nhất trong tháng 6/2023", Sector: congtac.SectorEconomy}
		p, err := s.CreateProposal(ctx, f.reporterA, task)
		if err != nil {
			t.Fatalf("reporter A proposes for A: %v", err)
		}
		forB := task
		forB.OrgID = f.deptB.ID
		if _, err := s.CreateProposal(ctx, f.reporterA, forB); congtac.ErrorCode(err) != congtac.EFORBIDDEN {
			t.Errorf("reporter A proposes for B: %v, want EFORBIDDEN", err)
		}
		vague := task
		vague.Text, vague.DueText = "Tổng kết công tác thủy lợi", "trong dịp nghỉ hè"
		pv, err := s.CreateProposal(ctx, f.reporterA, vague)
		if err != nil {
			t.Fatal(err)
		}
		fixedClock(s, congtac.MustDate(2023, 4, 25))
		if _, err := s.CreateProposal(ctx, f.reporterA, task); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("proposal after the deadline: %v, want EINVALID", err)
		}
		if _, err := s.CreateProposal(ctx, f.drafter, task); err != nil {
			t.Errorf("the office adds one after the deadline: %v", err)
		}
		draft := f.april()
		draft.Period, draft.Also, draft.Tasks = may, nil, nil
		prog, err := s.CreateProgram(ctx, f.drafter, draft)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.RejectProposal(ctx, f.reporterA, p.ID, p.Version, "Không"); congtac.ErrorCode(err) != congtac.EFORBIDDEN {
			t.Errorf("the unit decides on its own proposal: %v, want EFORBIDDEN", err)
		}
		accepted, err := s.AcceptProposal(ctx, f.drafter, p.ID, p.Version, congtac.ProposalTarget{ProgramID: prog.ID,
			ParentItemID: prog.Items[1].ID})
		if err != nil || accepted.Status != congtac.ProposalAccepted || accepted.ProgramID != prog.ID {
			t.Fatalf("accept: %+v, %v", accepted, err)
		}
		if _, err := s.AcceptProposal(ctx, f.drafter, p.ID, accepted.Version, congtac.ProposalTarget{ProgramID: prog.ID}); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("accepting twice: %v, want EINVALID", err)
		}
		if _, err := s.AcceptProposal(ctx, f.drafter, pv.ID, pv.Version, congtac.ProposalTarget{ProgramID: prog.ID}); err != nil {
			t.Fatal(err)
		}
		full, _ := s.FindProgramByID(ctx, prog.ID)
		got := findTaskByText(t, full.Tasks, "Nghiệm thu")
		if got.Due.Date != congtac.MustDate(2023, 6, 30) || got.Due.Precision != congtac.PrecisionMonth ||
			got.Lead != f.deptA.ID || len(got.Support) != 1 {
			t.Errorf("accepted task = %+v", got)
		}
		if v := findTaskByText(t, full.Tasks, "Tổng kết"); !v.Due.IsVague() || v.Due.Text != "trong dịp nghỉ hè" {
			t.Errorf("vague deadline = %+v, want the text kept", v.Due)
		}
		rest, _ := s.FindProposals(ctx, congtac.ProposalFilter{Status: ptr(congtac.ProposalOpen)})
		if len(rest) != 1 {
			t.Fatalf("open proposals = %d, want 1", len(rest))
		}
		if err := s.RejectProposal(ctx, f.drafter, rest[0].ID, rest[0].Version, " "); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("reject without a reason: %v, want EINVALID", err)
		}
		if err := s.RejectProposal(ctx, f.drafter, rest[0].ID, rest[0].Version, "Trùng với nội dung đã có"); err != nil {
			t.Fatal(err)
		}
		seen, _ := s.FindProposals(ctx, congtac.ProposalFilter{Reach: f.reporterA.Reach(congtac.WriteReports)})
		if len(seen) != 3 {
			t.Errorf("reporter A sees %d proposals, want its 3", len(seen))
		}
	})
}

func TestAgendaProposalGoesOntoTheMeeting(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 4, 1))
		f := newFixture(t, s)
		m, err := s.CreateMeeting(ctx, f.drafter, congtac.Meeting{OrgID: f.committee.ID, Kind: congtac.MeetingRegular,
			Title: "Phiên họp thường kỳ tháng 5", Date: congtac.MustDate(2023, 5, 19), Start: congtac.NoTime})
		if err != nil {
			t.Fatal(err)
		}
		p, err := s.CreateProposal(ctx, f.reporterA, congtac.Proposal{OrgID: f.deptA.ID, CommitteeID: f.committee.ID,
			Period: congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: 5}, Kind: congtac.ProposeAgenda,
			Text: "Báo cáo tiến độ giải ngân vốn đầu tư công", Lead: f.deptA.ID})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.AcceptProposal(ctx, f.drafter, p.ID, p.Version, congtac.ProposalTarget{MeetingID: m.ID}); err != nil {
			t.Fatal(err)
		}
		got, _ := s.FindMeetingByID(ctx, m.ID)
		if len(got.Agenda) != 1 || got.Agenda[0].Lead != f.deptA.ID || got.Agenda[0].MaterialsDue != congtac.MustDate(2023, 5, 12) {
			t.Errorf("agenda = %+v", got.Agenda)
		}
	})
}

// TestProposalsCloseOnceTheProgramIsIssued: once the committee issued its program of a
// period, its units can no longer propose for that period, even before the deadline, and
// are told the program's number; the office still may, and other periods stay open.
func TestProposalsCloseOnceTheProgramIsIssued(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 4, 20)) // May's proposals close on 24 April
		f := newFixture(t, s)
		may := congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: 5}
		task := congtac.Proposal{OrgID: f.deptA.ID, CommitteeID: f.committee.ID, Period: may, Kind: congtac.ProposeTask,
			Text: "Nghiệm thu đường giao thông thôn Đông", Lead: f.deptA.ID}
		if _, err := s.CreateProposal(ctx, f.reporterA, task); err != nil {
			t.Fatalf("a proposal for May before its program: %v", err)
		}
		draft := f.april()
		draft.Period, draft.Also, draft.Title = may, nil, "Công tác của UBND xã tháng 5 năm 2023"
		p, err := s.CreateProgram(ctx, f.drafter, draft)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateProposal(ctx, f.reporterA, task); err != nil {
			t.Fatalf("a proposal for May while its program is a draft: %v", err)
		}
		p, _ = s.TransitionProgram(ctx, f.drafter, p.ID, p.Version, congtac.ActionSubmit, "")
		p, _ = s.TransitionProgram(ctx, f.chair, p.ID, p.Version, congtac.ActionApprove, "")
		if p, err = s.IssueProgram(ctx, f.drafter, p.ID, p.Version, congtac.Issuance{On: congtac.MustDate(2023, 4, 20)}, nil); err != nil {
			t.Fatal(err)
		}
		_, err = s.CreateProposal(ctx, f.reporterA, task)
		number := congtac.FormatNumber(p.Number, p.Symbol)
		if congtac.ErrorCode(err) != congtac.EINVALID || !strings.Contains(congtac.ErrorMessage(err), "đã ban hành (số "+number+")") {
			t.Errorf("a unit's proposal for May once its program is issued: %v, want EINVALID naming %s", err, number)
		}
		if _, err := s.CreateProposal(ctx, f.drafter, task); err != nil {
			t.Errorf("the office adds one for the issued period: %v", err)
		}
		june := task
		june.Period = may.Next()
		if _, err := s.CreateProposal(ctx, f.reporterA, june); err != nil {
			t.Errorf("a proposal for June: %v", err)
		}
	})
}
