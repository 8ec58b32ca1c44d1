package web

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"congtac"
)

// What the proposal pages and the API share: who sees which proposals, the defaults of a
// new one, and the decisions on it. The store has the last word on who may propose for
// which org, the deadline, and who decides.

// proposalReach returns the orgs whose proposals a sees: the office those of every unit
// its DraftPrograms reaches, a unit those it may report for (WriteReports); others none.
func proposalReach(a congtac.Actor) *congtac.Reach {
	if a.Can(congtac.DraftPrograms) {
		return a.Reach(congtac.DraftPrograms)
	}
	return a.Reach(congtac.WriteReports)
}

// findVisibleProposal returns proposal id when a sees it (see [proposalReach]), and
// ENOTFOUND otherwise.
func (s *Server) findVisibleProposal(ctx context.Context, a congtac.Actor, id int64) (congtac.Proposal, error) {
	ps, err := s.st.FindProposals(ctx, congtac.ProposalFilter{ID: &id, Reach: proposalReach(a)})
	if err != nil {
		return congtac.Proposal{}, fmt.Errorf("web: proposal: %w", err)
	}
	if len(ps) == 0 {
		return congtac.Proposal{}, notFoundFor("nội dung đăng ký")
	}
	return ps[0], nil
}

// completeProposal fills what a proposal left out — the proposing org (a's own), the
// committee (the nearest one above the org) and, for a task or agenda matter, the lead (the
// proposing org) — and checks that the orgs it names exist and that the committee is the
// org's or one above it. Problems are EINVALID by field.
func completeProposal(a congtac.Actor, orgs orgIndex, p congtac.Proposal) (congtac.Proposal, error) {
	var pr congtac.Problems
	if p.OrgID == 0 {
		p.OrgID = a.OrgID
	}
	if _, ok := orgs.Org(p.OrgID); !ok {
		pr.Add("org_id", "Không có đơn vị mã %d.", p.OrgID)
	}
	if p.CommitteeID == 0 {
		p.CommitteeID = orgs.CommitteeOf(p.OrgID)
	} else if !slices.Contains(orgs.Path(p.OrgID), p.CommitteeID) {
		pr.Add("committee_id", "Chỉ đăng ký nội dung cho Ủy ban nhân dân mà đơn vị trực thuộc.")
	}
	if p.Lead == 0 && p.Kind != congtac.ProposeItem {
		p.Lead = p.OrgID
	}
	if _, ok := orgs.Org(p.Lead); p.Lead != 0 && !ok {
		pr.Add("lead", "Không có cơ quan chủ trì mã %d.", p.Lead)
	}
	for _, id := range p.Support {
		if _, ok := orgs.Org(id); !ok || id == p.Lead {
			pr.Add("support", "Cơ quan phối hợp mã %d không có hoặc trùng cơ quan chủ trì.", id)
			break
		}
	}
	return p, pr.Err()
}

// proposalDecision is what the office or the unit decides on an open proposal.
type proposalDecision struct {
	Action  string // accept, reject or withdraw
	Version int    // the proposal's version as read
	Reason  string // why it is rejected
	Target  congtac.ProposalTarget
}

// decideProposal takes decision d on proposal p and returns the proposal as it now is:
// withdraw (the unit), reject with a reason or accept into a draft or a meeting (the
// office). The draft must be one a reads and the meeting one of the proposal's committee;
// ECONFLICT when the proposal moved since it was read.
func (s *Server) decideProposal(ctx context.Context, a congtac.Actor, p congtac.Proposal, d proposalDecision) (congtac.Proposal, error) {
	var err error
	if d.Action == "accept" || d.Action == "reject" {
		// Only the committee's office decides; said before the target is looked at.
		if ok, cerr := s.st.Reaches(ctx, a, congtac.DraftPrograms, p.CommitteeID); cerr != nil || !ok {
			return p, cmp.Or(cerr, error(congtac.Forbidden()))
		}
	}
	switch d.Action {
	case "withdraw":
		err = s.st.WithdrawProposal(ctx, a, p.ID, d.Version)
	case "reject":
		err = s.st.RejectProposal(ctx, a, p.ID, d.Version, d.Reason)
	case "accept":
		if err = s.checkProposalTarget(ctx, a, p, d.Target); err == nil {
			_, err = s.st.AcceptProposal(ctx, a, p.ID, d.Version, d.Target)
		}
	default:
		err = congtac.FieldError("action", "Chọn nhận (accept), không nhận (reject) hoặc rút lại (withdraw).")
	}
	if err != nil {
		return p, err
	}
	return s.findVisibleProposal(ctx, a, p.ID)
}

// checkProposalTarget checks where an accepted proposal goes: an agenda matter onto a
// meeting of its committee that a sees, anything else into a draft program that a reads
// (the store checks that it is the committee's and still editable).
func (s *Server) checkProposalTarget(ctx context.Context, a congtac.Actor, p congtac.Proposal, to congtac.ProposalTarget) error {
	if p.Kind == congtac.ProposeAgenda {
		m, err := s.findVisibleMeeting(ctx, a, to.MeetingID)
		switch {
		case to.MeetingID == 0 || congtac.ErrorCode(err) == congtac.ENOTFOUND:
			return congtac.FieldError("meeting_id", "Chọn hội nghị sẽ đưa nội dung này vào.")
		case err != nil:
			return err
		case m.OrgID != p.CommitteeID:
			return congtac.FieldError("meeting_id", "Hội nghị đã chọn không phải của Ủy ban mà đơn vị đăng ký.")
		}
		return nil
	}
	_, err := s.findVisibleProgram(ctx, a, to.ProgramID)
	if to.ProgramID == 0 || congtac.ErrorCode(err) == congtac.ENOTFOUND {
		return congtac.FieldError("program_id", "Chọn dự thảo chương trình sẽ đưa nội dung này vào.")
	}
	return err
}
