package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"congtac"
	"congtac/vn"
)

// The proposals pages (đăng ký nội dung). A unit sees its own proposals with their outcome
// and proposes content for a coming program of its committee until the period's deadline.
// The office sees every proposal of its units for a period and takes each into a draft of
// the period (or onto a meeting), or rejects it with a reason. A proposal the actor does
// not see is 404; the store decides who may propose for which org and who decides.

// proposalsPage is the data of proposals.html.
type proposalsPage struct {
	layout
	Period   string      // the key of the period the page is about
	Label    string      // its name inside a sentence: "tháng 12 năm 2026"
	Deadline string      // the last day units may propose for it
	Periods  []option    // the coming periods to switch to
	Proposes bool        // the actor may propose (WriteReports)
	Closed   bool        // the deadline has passed or the program is issued, and the actor is no office: no form
	Issued   *issuedNote // the committee's program of the period, once issued: proposals are closed
	Office   bool        // the actor drafts programs: it decides on the units' proposals
	Form     *proposalForm
	Mine     []proposalRow // a unit's proposals, every period, newest first
	Open     []proposalRow // the office: the period's proposals awaiting a decision
	Decided  []proposalRow // the office: the period's proposals decided
	Problems []string      // why a post was refused, when its form is not shown any more
}

func (proposalsPage) template() string { return "proposals" }

// issuedNote names the program a committee issued for the period of the proposals page.
type issuedNote struct {
	Number, On string // "05/CTr-UBND", "01/12/2026"
	Href       string // the program, when the actor may read it
}

// issuedNoteOf returns the note of the program committee issued for period, nil when none
// is issued yet. Its number and day are those of a published document: anyone may read
// them; the link only the actor who may read the program.
func (s *Server) issuedNoteOf(ctx context.Context, a congtac.Actor, committee int64, period congtac.Period) (*issuedNote, error) {
	ps, _, err := s.st.FindPrograms(ctx, congtac.ProgramFilter{OrgID: &committee, Period: &period})
	if err != nil {
		return nil, fmt.Errorf("web: proposals: %w", err)
	}
	for _, p := range ps {
		if p.Status.Published() {
			_, href, err := s.programLink(ctx, a, p.ID)
			return &issuedNote{Number: congtac.FormatNumber(p.Number, p.Symbol), On: vn.PaddedDate(p.IssuedOn), Href: href}, err
		}
	}
	return nil, nil
}

// proposalRow is one proposal as the pages list it.
type proposalRow struct {
	ID                   int64
	Period, Unit, Kind   string
	Text, Sector, Lead   string
	Support              []string
	DueText, Source      string
	Created              string
	Status               statusView
	Reason               string
	Program, ProgramHref string // the draft it went into, when the actor may read it
	Version              int
	Withdraw             bool          // the unit may still take it back
	Decide               *decisionForm // the office's forms, while it is open
}

// proposalState is what a refused post leaves on the page: the form as it was sent, or the
// decision forms of one proposal, with their messages, or messages of no form.
type proposalState struct {
	form     *proposalForm
	decideID int64
	decide   *decisionForm
	chosen   string // the target the refused acceptance chose
	problems []string
}

// handleProposalList shows the proposals page for the period of the query: a key
// ("2027-01") or as offices write it; next month when it is absent or cannot be read. A
// unit proposes until the period's deadline, and not once the committee's program of the
// period is issued: the page then says why, without the form.
func (s *Server) handleProposalList(w http.ResponseWriter, r *http.Request) {
	var pr congtac.Problems
	period := queryPeriod(r.URL.Query(), "period", &pr)
	if period == nil {
		period = ptr(congtac.PeriodOf(congtac.PeriodMonth, s.today()).Next())
	}
	s.renderProposals(w, r, *period, http.StatusOK, proposalState{})
}

// renderProposals renders the page of period with status and what st leaves.
func (s *Server) renderProposals(w http.ResponseWriter, r *http.Request, period congtac.Period, status int, st proposalState) {
	ctx, a, today := r.Context(), actorOf(r), s.today()
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// the deadlines are those of the committee the actor proposes to
	settings, err := s.settingsOf(ctx, a.OrgID)
	if err != nil {
		s.fail(w, r, fmt.Errorf("web: proposals: %w", err))
		return
	}
	deadline := congtac.ProposalDeadline(settings, period)
	page := proposalsPage{layout: s.layout(r, "Đăng ký nội dung chương trình công tác"), Period: period.Key(),
		Label: period.String(), Deadline: vn.PaddedDate(deadline),
		Periods: proposalPeriods(today, period, settings), Office: a.Can(congtac.DraftPrograms), Problems: st.problems}
	page.Proposes = a.Can(congtac.WriteReports)
	if page.Issued, err = s.issuedNoteOf(ctx, a, orgs.CommitteeOf(a.OrgID), period); err != nil {
		s.fail(w, r, err)
		return
	}
	page.Closed = page.Proposes && !page.Office && (today.After(deadline) || page.Issued != nil)
	if page.Proposes && !page.Closed {
		page.Form = st.form
		if page.Form == nil {
			page.Form = newProposalForm(period)
		}
		page.Form.fillChoices(a, orgs, period, today)
	} else if st.form != nil {
		page.Problems = append(page.Problems, messages(st.form.Errors, st.form.General)...)
	}
	if page.Office {
		err = s.officeProposals(ctx, a, orgs, period, &page, st)
	} else {
		err = s.unitProposals(ctx, a, orgs, &page)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, status, page)
}

// unitProposals lists a unit's proposals of every period, with their outcome.
func (s *Server) unitProposals(ctx context.Context, a congtac.Actor, orgs orgIndex, page *proposalsPage) error {
	ps, err := s.st.FindProposals(ctx, congtac.ProposalFilter{Reach: proposalReach(a), Limit: 200})
	if err != nil {
		return fmt.Errorf("web: proposals: %w", err)
	}
	for _, p := range ps {
		row, err := s.newProposalRow(ctx, a, p, orgs)
		if err != nil {
			return err
		}
		row.Withdraw = p.Status == congtac.ProposalOpen && orgs.Can(a, congtac.WriteReports, p.OrgID)
		page.Mine = append(page.Mine, row)
	}
	return nil
}

// officeProposals lists the proposals of period that the office sees: the open ones with
// the forms to decide on them, then the decided ones.
func (s *Server) officeProposals(ctx context.Context, a congtac.Actor, orgs orgIndex, period congtac.Period, page *proposalsPage, st proposalState) error {
	ps, err := s.st.FindProposals(ctx, congtac.ProposalFilter{Period: &period, Reach: proposalReach(a)})
	if err != nil {
		return fmt.Errorf("web: proposals: %w", err)
	}
	slices.Reverse(ps) // oldest first: the order they came in
	targets := map[int64]proposalTargets{}
	for _, p := range ps {
		row, err := s.newProposalRow(ctx, a, p, orgs)
		if err != nil {
			return err
		}
		if p.Status != congtac.ProposalOpen {
			if p.ID == st.decideID { // decided by someone else meanwhile: say why the post failed
				page.Problems = append(page.Problems, messages(st.decide.Errors, st.decide.General)...)
			}
			page.Decided = append(page.Decided, row)
			continue
		}
		t, ok := targets[p.CommitteeID]
		if !ok {
			if t, err = s.findProposalTargets(ctx, a, p.CommitteeID, period); err != nil {
				return err
			}
			targets[p.CommitteeID] = t
		}
		row.Decide = newDecisionForm(p, t, "")
		if p.ID == st.decideID {
			row.Decide = newDecisionForm(p, t, st.chosen)
			row.Decide.Reason, row.Decide.Errors, row.Decide.General = st.decide.Reason, st.decide.Errors, st.decide.General
		}
		page.Open = append(page.Open, row)
	}
	return nil
}

// findProposalTargets returns the editable drafts of committee for period that a reads,
// with their items, and the committee's meetings in the period that a sees.
func (s *Server) findProposalTargets(ctx context.Context, a congtac.Actor, committee int64, period congtac.Period) (proposalTargets, error) {
	var t proposalTargets
	found, _, err := s.st.FindPrograms(ctx, visiblePrograms(a, congtac.ProgramFilter{OrgID: &committee, Period: &period}))
	if err != nil {
		return t, fmt.Errorf("web: proposal targets: %w", err)
	}
	for _, p := range found {
		if !p.Status.Editable() {
			continue
		}
		if p, err = s.st.FindProgramByID(ctx, p.ID); err != nil {
			return t, fmt.Errorf("web: proposal targets: %w", err)
		}
		t.drafts = append(t.drafts, p)
	}
	from, to := period.Start(), period.End()
	ms, err := s.st.FindMeetings(ctx, congtac.MeetingFilter{OrgID: &committee, From: &from, To: &to,
		Reach: a.Reach(congtac.ViewMeetings)})
	if err != nil {
		return t, fmt.Errorf("web: proposal targets: %w", err)
	}
	for _, m := range ms {
		if m.Status != congtac.MeetingCancelled && m.Recurrence == nil {
			t.meetings = append(t.meetings, m)
		}
	}
	return t, nil
}

// newProposalRow returns the row of proposal p.
func (s *Server) newProposalRow(ctx context.Context, a congtac.Actor, p congtac.Proposal, orgs orgIndex) (proposalRow, error) {
	row := proposalRow{ID: p.ID, Period: vn.Capitalize(p.Period.String()), Unit: orgs.Name(p.OrgID), Kind: p.Kind.Label(),
		Text: p.Text, Sector: p.Sector.Label(), Lead: orgs.Name(p.Lead), Support: orgs.Names(p.Support),
		DueText: p.DueText, Source: p.Source, Created: instantText(p.CreatedAt, s.loc),
		Status: statusView{string(p.Status), p.Status.Label()}, Reason: p.Reason, Version: p.Version}
	var err error
	if row.Program, row.ProgramHref, err = s.programLink(ctx, a, p.ProgramID); err != nil {
		return row, fmt.Errorf("web: proposal program: %w", err)
	}
	return row, nil
}

// handleProposalCreate records the form of the page as a proposal and redirects to the
// page of its period. A form that cannot be read, or that the store refuses as invalid
// (past the deadline, for a unit), comes back with 422 as typed; an org the actor may not
// propose for is 403.
func (s *Server) handleProposalCreate(w http.ResponseWriter, r *http.Request) {
	ctx, a := r.Context(), actorOf(r)
	f := readProposalForm(r)
	period, perr := congtac.ParsePeriodKey(f.Period)
	if perr != nil {
		period = congtac.PeriodOf(congtac.PeriodMonth, s.today()).Next()
	}
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p, err := f.proposal(period)
	if err == nil && perr != nil {
		err = congtac.Errorf(congtac.EINVALID, "Chưa chọn kỳ của chương trình.")
	}
	if err == nil {
		if p, err = completeProposal(a, orgs, p); err == nil {
			p, err = s.st.CreateProposal(ctx, a, p)
		}
	}
	if err == nil {
		s.flash(r, "Đã đăng ký nội dung cho chương trình "+p.Period.String()+".")
		http.Redirect(w, r, proposalsURL(p.Period), http.StatusSeeOther)
		return
	}
	if congtac.ErrorCode(err) != congtac.EINVALID {
		s.fail(w, r, err)
		return
	}
	f.setErrors(err)
	s.renderProposals(w, r, period, http.StatusUnprocessableEntity, proposalState{form: f})
}

// proposalsURL is the page of period.
func proposalsURL(p congtac.Period) string { return "/proposals?period=" + url.QueryEscape(p.Key()) }

// postedProposal returns the proposal of the path that the actor sees and the version the
// form read, or answers 404 itself and returns false.
func (s *Server) postedProposal(w http.ResponseWriter, r *http.Request) (congtac.Proposal, int, bool) {
	id, ok := pathID(r, "id")
	if !ok {
		s.fail(w, r, notFoundFor("nội dung đăng ký"))
		return congtac.Proposal{}, 0, false
	}
	p, err := s.findVisibleProposal(r.Context(), actorOf(r), id)
	if err != nil {
		s.fail(w, r, err)
		return p, 0, false
	}
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	return p, version, true
}

// handleProposalWithdraw lets the unit take back an open proposal (field version; 409 when
// it moved) and redirects to the page; one already decided comes back with 422.
func (s *Server) handleProposalWithdraw(w http.ResponseWriter, r *http.Request) {
	s.decideFromForm(w, r, "withdraw", "Đã rút lại nội dung đăng ký.")
}

// handleProposalAccept takes an open proposal into the draft and under the item of field
// target (an agenda matter: onto the meeting), given field version, and redirects to the
// page of its period; a refused acceptance comes back with 422 and the choice kept.
func (s *Server) handleProposalAccept(w http.ResponseWriter, r *http.Request) {
	s.decideFromForm(w, r, "accept", "Đã đưa nội dung vào dự thảo.")
}

// handleProposalReject refuses an open proposal with the reason of field reason (required),
// given field version, and redirects to the page of its period; without a reason it comes
// back with 422.
func (s *Server) handleProposalReject(w http.ResponseWriter, r *http.Request) {
	s.decideFromForm(w, r, "reject", "Đã ghi lý do không đưa nội dung vào chương trình.")
}

// decideFromForm takes decision action on the proposal of the path with the posted form,
// and redirects with done as the flash; see the handlers for the answers.
func (s *Server) decideFromForm(w http.ResponseWriter, r *http.Request, action, done string) {
	p, version, ok := s.postedProposal(w, r)
	if !ok {
		return
	}
	d := proposalDecision{Action: action, Version: version, Reason: r.PostFormValue("reason"),
		Target: parseTarget(r.PostFormValue("target"))}
	err := checkVersion(version)
	if err == nil {
		if _, err = s.decideProposal(r.Context(), actorOf(r), p, d); err == nil {
			s.flash(r, done)
			http.Redirect(w, r, proposalsURL(p.Period), http.StatusSeeOther)
			return
		}
	}
	if congtac.ErrorCode(err) != congtac.EINVALID {
		s.fail(w, r, err)
		return
	}
	f := &decisionForm{Reason: d.Reason, Errors: map[string]string{}}
	f.setErrors(err)
	st := proposalState{decideID: p.ID, decide: f, chosen: r.PostFormValue("target")}
	if action == "withdraw" || !actorOf(r).Can(congtac.DraftPrograms) {
		st = proposalState{problems: messages(f.Errors, f.General)} // the unit's page has no decision forms
	}
	s.renderProposals(w, r, p.Period, http.StatusUnprocessableEntity, st)
}
