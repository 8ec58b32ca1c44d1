package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"congtac"
	"congtac/vn"
)

// conclusionList returns, locked, the task list of meeting m's notice of conclusions
// ([congtac.Program.MeetingID]), drafting it on the first task: of the meeting's committee
// and month, titled after the meeting. Once the notice is issued the list is frozen with
// it (EINVALID), and a meeting whose notice was issued without one gets none: later
// conclusions go into a running program.
func (s *Store) conclusionList(ctx context.Context, tx *sql.Tx, m congtac.Meeting) (congtac.Program, error) {
	var id int64
	err := tx.QueryRowContext(ctx, "SELECT id FROM programs WHERE meeting_id = $1", m.ID).Scan(&id)
	switch {
	case err == sql.ErrNoRows:
		var notices int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM documents WHERE meeting_id = $1 AND doc_type = $2",
			m.ID, congtac.DocNotice).Scan(&notices); err != nil {
			return congtac.Program{}, fmt.Errorf("store: conclusion list: %w", err)
		}
		if notices > 0 {
			return congtac.Program{}, noticeIssued()
		}
		p := congtac.Program{OrgID: m.OrgID, Period: congtac.PeriodOf(congtac.PeriodMonth, m.Date),
			Title:  "Nhiệm vụ theo kết luận tại " + strings.TrimRight(m.Title, ". ") + " ngày " + vn.ShortDate(m.Date),
			Status: congtac.ProgramDraft, MeetingID: m.ID}
		return p, s.insertProgram(ctx, tx, &p)
	case err != nil:
		return congtac.Program{}, fmt.Errorf("store: conclusion list: %w", err)
	}
	p, err := s.lockProgram(ctx, tx, id)
	if err == nil && p.Status != congtac.ProgramDraft {
		err = noticeIssued()
	}
	return p, err
}

// noticeIssued is the EINVALID of a standalone task given after the notice of conclusions.
func noticeIssued() error {
	return congtac.FieldError("program_id", "Thông báo kết luận của hội nghị đã ban hành: giao nhiệm vụ mới vào chương trình đang thực hiện.")
}

// issueConclusionList issues, with the notice of conclusions d, the task list of d's
// meeting when it has one: the notice's number and date, its tasks in force from then
// on and, for those led by a group, the shares of the members active that day.
func (s *Store) issueConclusionList(ctx context.Context, tx *sql.Tx, a congtac.Actor, d congtac.Document) error {
	var id int64
	err := tx.QueryRowContext(ctx, "SELECT id FROM programs WHERE meeting_id = $1", d.MeetingID).Scan(&id)
	if err == sql.ErrNoRows {
		return nil
	} else if err != nil {
		return fmt.Errorf("store: issue conclusion list: %w", err)
	}
	p, err := s.lockProgram(ctx, tx, id)
	if err != nil {
		return err
	}
	before := p
	p.Status, p.DocumentID, p.Number, p.Symbol, p.IssuedOn = congtac.ProgramIssued, d.ID, d.Number, d.Symbol, d.IssuedOn
	p.Place, p.Signature, p.Recipients = d.Place, d.Signature, d.Recipients
	if err := s.saveProgramRow(ctx, tx, p); err != nil {
		return err
	}
	p.Version++
	if err := s.fixShares(ctx, tx, id, d.IssuedOn); err != nil {
		return err
	}
	return s.audit(ctx, tx, a, "issue", "program", id, p.OrgID, programAudit(before), programAudit(p))
}

// workProgram refuses (EINVALID) to take the task list of a notice of conclusions through
// a work program's lifecycle: it is drafted as conclusions are assigned and issued with the
// notice.
func workProgram(p congtac.Program) error {
	if p.MeetingID == 0 {
		return nil
	}
	return congtac.Errorf(congtac.EINVALID, "Đây là các nhiệm vụ theo kết luận của hội nghị: ban hành cùng thông báo kết luận, không trình hay ban hành riêng.")
}
