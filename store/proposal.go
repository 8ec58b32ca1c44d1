package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"congtac"
	"congtac/vn"
)

const proposalColumns = `id, org_id, committee_id, period_kind, period_year, period_number, kind, text, sector,
	lead_id, support, due_text, source, status, reason, program_id, author_id, created_at, version`

func scanProposal(sc interface{ Scan(...any) error }) (congtac.Proposal, error) {
	var p congtac.Proposal
	var support string
	var created int64
	err := sc.Scan(&p.ID, &p.OrgID, &p.CommitteeID, &p.Period.Kind, &p.Period.Year, &p.Period.Number, &p.Kind,
		&p.Text, &p.Sector, idCol{&p.Lead}, &support, &p.DueText, &p.Source, &p.Status, &p.Reason,
		idCol{&p.ProgramID}, idCol{&p.AuthorID}, &created, &p.Version)
	p.CreatedAt = time.Unix(created, 0).UTC()
	for f := range strings.SplitSeq(support, ",") {
		if id, err := strconv.ParseInt(f, 10, 64); err == nil {
			p.Support = append(p.Support, id)
		}
	}
	return p, err
}

func joinIDs(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(parts, ",")
}

// CreateProposal records a unit's proposal for a committee's program of a coming period.
// Units propose for the orgs they may report for (WriteReports reach), the office of the
// committee (DraftPrograms reaching it) for any; others are refused (EFORBIDDEN). After
// [congtac.ProposalDeadline], or once the committee has issued its program of the period
// (EINVALID naming its number), only the committee's office may still add one.
func (s *Store) CreateProposal(ctx context.Context, a congtac.Actor, p congtac.Proposal) (congtac.Proposal, error) {
	p.Text, p.DueText, p.Source = cleanText(p.Text), cleanText(p.DueText), cleanText(p.Source)
	p.Status, p.Version, p.AuthorID = congtac.ProposalOpen, 1, a.UserID
	if err := p.Validate(); err != nil {
		return p, err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.mayPropose(ctx, tx, a, p); err != nil {
			return err
		}
		now := s.now()
		p.CreatedAt = now.UTC().Truncate(time.Second)
		if err := tx.QueryRowContext(ctx, `INSERT INTO proposals (org_id, committee_id, period_kind, period_year,
			period_number, period_key, kind, text, sector, lead_id, support, due_text, source, status, reason,
			author_id, search, version, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, '', $15, $16, 1, $17, $17) RETURNING id`,
			p.OrgID, p.CommitteeID, p.Period.Kind, p.Period.Year, p.Period.Number, p.Period.Key(), p.Kind, p.Text,
			p.Sector, nullID(p.Lead), joinIDs(p.Support), p.DueText, p.Source, p.Status, nullID(a.UserID),
			vn.SearchKey(p.Text, p.Source), now.Unix()).Scan(&p.ID); err != nil {
			return fmt.Errorf("store: create proposal: %w", err)
		}
		return s.audit(ctx, tx, a, "create", "proposal", p.ID, p.OrgID, nil, p)
	})
	return p, err
}

// mayPropose checks who proposes for which org, and the deadline.
func (s *Store) mayPropose(ctx context.Context, tx *sql.Tx, a congtac.Actor, p congtac.Proposal) error {
	for _, org := range []int64{p.OrgID, p.CommitteeID} {
		if _, err := findOrg(ctx, tx, org); err != nil {
			return err
		}
	}
	path, err := orgPath(ctx, tx, p.OrgID)
	if err != nil {
		return err
	}
	committeePath, err := orgPath(ctx, tx, p.CommitteeID)
	if err != nil {
		return err
	}
	office := a.CanOn(congtac.DraftPrograms, committeePath)
	if !a.CanOn(congtac.WriteReports, path) && !office {
		return congtac.Errorf(congtac.EFORBIDDEN, "Bạn không đăng ký nội dung thay cho đơn vị này được.")
	}
	st, err := settingsOf(ctx, tx, p.CommitteeID)
	if err != nil {
		return err
	}
	deadline := congtac.ProposalDeadline(st, p.Period)
	if office {
		return nil
	}
	if congtac.DateOf(s.now(), congtac.Location()).After(deadline) {
		return congtac.Errorf(congtac.EINVALID, "Đã hết hạn đăng ký nội dung cho %s (hạn chót ngày %s).",
			p.Period, vn.PaddedDate(deadline))
	}
	issued, ok, err := issuedProgramOf(ctx, tx, p.CommitteeID, p.Period)
	if err != nil || !ok {
		return err
	}
	return congtac.Errorf(congtac.EINVALID, "Chương trình %s đã ban hành (số %s): không đăng ký thêm nội dung được.",
		p.Period, congtac.FormatNumber(issued.Number, issued.Symbol))
}

// issuedProgramOf returns the program committee issued for period (issued, or since
// amended or superseded), the meetings' notices of conclusions aside; ok is false when
// there is none.
func issuedProgramOf(ctx context.Context, q queryer, committee int64, period congtac.Period) (p congtac.Program, ok bool, err error) {
	p, err = scanProgram(q.QueryRowContext(ctx, "SELECT "+programColumns+` FROM programs
		WHERE org_id = $1 AND period_key = $2 AND meeting_id IS NULL AND status IN ($3, $4, $5) ORDER BY id LIMIT 1`,
		committee, period.Key(), congtac.ProgramIssued, congtac.ProgramAmended, congtac.ProgramSuperseded))
	switch {
	case err == sql.ErrNoRows:
		return p, false, nil
	case err != nil:
		return p, false, fmt.Errorf("store: issued program: %w", err)
	}
	return p, true, nil
}

func findProposal(ctx context.Context, q queryer, id int64) (congtac.Proposal, error) {
	p, err := scanProposal(q.QueryRowContext(ctx, "SELECT "+proposalColumns+" FROM proposals WHERE id = $1", id))
	if err == sql.ErrNoRows {
		return p, notFound("nội dung đăng ký")
	} else if err != nil {
		return p, fmt.Errorf("store: find proposal: %w", err)
	}
	return p, nil
}

// FindProposals returns proposals matching f, newest first.
func (s *Store) FindProposals(ctx context.Context, f congtac.ProposalFilter) ([]congtac.Proposal, error) {
	var w where
	if f.ID != nil {
		w.add("id = ?", *f.ID)
	}
	if f.OrgID != nil {
		w.add("org_id = ?", *f.OrgID)
	}
	if f.CommitteeID != nil {
		w.add("committee_id = ?", *f.CommitteeID)
	}
	if f.Period != nil {
		w.add("period_key = ?", f.Period.Key())
	}
	if f.Status != nil {
		w.add("status = ?", *f.Status)
	}
	s.addReach(&w, "org_id", f.Reach)
	rows, err := s.read.QueryContext(ctx, "SELECT "+proposalColumns+" FROM proposals "+w.String()+
		" ORDER BY id DESC"+w.page(f.Limit, 0, 1000), w.args...)
	if err != nil {
		return nil, fmt.Errorf("store: find proposals: %w", err)
	}
	defer rows.Close()
	var out []congtac.Proposal
	for rows.Next() {
		p, err := scanProposal(rows)
		if err != nil {
			return nil, fmt.Errorf("store: find proposals: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// decideProposal moves an open proposal to status with a reason, guarded by version.
func (s *Store) decideProposal(ctx context.Context, tx *sql.Tx, a congtac.Actor, p congtac.Proposal, version int,
	status congtac.ProposalStatus, reason string, programID int64) error {
	if p.Version != version {
		return conflict("Nội dung đăng ký")
	}
	if p.Status != congtac.ProposalOpen {
		return congtac.Errorf(congtac.EINVALID, "Nội dung này đã được xử lý (%s).", strings.ToLower(p.Status.Label()))
	}
	res, err := tx.ExecContext(ctx, `UPDATE proposals SET status = $1, reason = $2, program_id = $3,
		version = version + 1, updated_at = $4 WHERE id = $5 AND version = $6`,
		status, reason, nullID(programID), s.now().Unix(), p.ID, version)
	if err != nil {
		return fmt.Errorf("store: decide proposal: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return conflict("Nội dung đăng ký")
	}
	return s.audit(ctx, tx, a, string(status), "proposal", p.ID, p.OrgID, map[string]any{"status": p.Status},
		map[string]any{"status": status, "reason": reason, "program_id": programID})
}

// WithdrawProposal lets the proposing unit take back an open proposal.
func (s *Store) WithdrawProposal(ctx context.Context, a congtac.Actor, id int64, version int) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		p, err := findProposal(ctx, tx, id)
		if err != nil {
			return err
		}
		path, err := orgPath(ctx, tx, p.OrgID)
		if err != nil {
			return err
		}
		if !a.CanOn(congtac.WriteReports, path) {
			return notFound("nội dung đăng ký")
		}
		return s.decideProposal(ctx, tx, a, p, version, congtac.ProposalWithdrawn, "", 0)
	})
}

// RejectProposal refuses an open proposal with a reason the unit will see. Only the office
// of the committee decides.
func (s *Store) RejectProposal(ctx context.Context, a congtac.Actor, id int64, version int, reason string) error {
	if reason = cleanText(reason); reason == "" {
		return congtac.FieldError("reason", "Cần ghi lý do không đưa nội dung vào chương trình.")
	} else if err := congtac.CheckText("reason", "Lý do", reason); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		p, err := s.proposalForOffice(ctx, tx, a, id)
		if err != nil {
			return err
		}
		return s.decideProposal(ctx, tx, a, p, version, congtac.ProposalRejected, reason, 0)
	})
}

// proposalForOffice loads a proposal for a decision of the committee's office.
func (s *Store) proposalForOffice(ctx context.Context, tx *sql.Tx, a congtac.Actor, id int64) (congtac.Proposal, error) {
	p, err := findProposal(ctx, tx, id)
	if err != nil {
		return p, err
	}
	return p, checkCan(ctx, tx, a, congtac.DraftPrograms, p.CommitteeID)
}

// AcceptProposal takes an open proposal into the committee's work: an item or a task goes
// into the draft program to.ProgramID (of the same committee) under item to.ParentItemID (0:
// the top level), a task with its deadline read by vn.ParseDue — kept as text, for the office
// to settle in the editor, when it cannot be read or falls outside the program; an agenda
// item goes onto meeting to.MeetingID. It returns the proposal with its new status.
func (s *Store) AcceptProposal(ctx context.Context, a congtac.Actor, id int64, version int, to congtac.ProposalTarget) (congtac.Proposal, error) {
	var p congtac.Proposal
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		if p, err = s.proposalForOffice(ctx, tx, a, id); err != nil {
			return err
		}
		if p.Kind == congtac.ProposeAgenda {
			_, err = s.addAgendaItem(ctx, tx, a, congtac.AgendaItem{MeetingID: to.MeetingID, Title: p.Text,
				Lead: p.Lead, Support: p.Support})
		} else {
			err = s.proposalIntoProgram(ctx, tx, a, p, to)
		}
		if err != nil {
			return err
		}
		if err := s.decideProposal(ctx, tx, a, p, version, congtac.ProposalAccepted, "", to.ProgramID); err != nil {
			return err
		}
		p, err = findProposal(ctx, tx, id)
		return err
	})
	return p, err
}

// proposalIntoProgram writes an item, and for a task proposal its task, into the draft.
func (s *Store) proposalIntoProgram(ctx context.Context, tx *sql.Tx, a congtac.Actor, p congtac.Proposal, to congtac.ProposalTarget) error {
	prog, err := s.editableProgram(ctx, tx, a, to.ProgramID)
	if err != nil {
		return err
	}
	if prog.OrgID != p.CommitteeID {
		return congtac.FieldError("program_id", "Chương trình không phải của Ủy ban mà đơn vị đăng ký.")
	}
	it := congtac.Item{ProgramID: prog.ID, ParentID: to.ParentItemID, Text: p.Text, Sector: p.Sector}
	if err := checkItemParent(ctx, tx, it); err != nil {
		return err
	}
	if it.Position, err = nextItemPosition(ctx, tx, prog.ID, it.ParentID); err != nil {
		return err
	}
	if it.ID, err = s.insertItem(ctx, tx, it); err != nil {
		return err
	}
	if err := s.audit(ctx, tx, a, "create", "item", it.ID, prog.OrgID, nil, it); err != nil {
		return err
	}
	if p.Kind != congtac.ProposeTask {
		return nil
	}
	t := congtac.Task{ProgramID: prog.ID, ItemID: it.ID, Text: p.Text, Sector: p.Sector, Lead: p.Lead,
		Source: p.Source, Due: congtac.Due{Text: p.DueText}, Print: congtac.DefaultTaskPrint()}
	for _, org := range p.Support {
		t.Support = append(t.Support, congtac.Support{OrgID: org})
	}
	if d, err := vn.ParseDue(p.DueText, prog.Period.Start()); err == nil && p.DueText != "" {
		t.Due, t.Recurrence = d.Due, d.Recurrence
		t.Due.Text = p.DueText
		if t.CheckIn(prog) != nil || t.Validate() != nil {
			t.Due, t.Recurrence = congtac.Due{Text: p.DueText}, nil
		}
	}
	if err := s.resolveShares(ctx, tx, &t, s.today()); err != nil {
		return err
	}
	if err := t.Validate(); err != nil {
		return err
	}
	if t.ID, err = s.insertTask(ctx, tx, t); err != nil {
		return err
	}
	return s.audit(ctx, tx, a, "create", "task", t.ID, prog.OrgID, nil, t)
}
