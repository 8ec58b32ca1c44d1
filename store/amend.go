package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode"

	"congtac"
)

// amendPrefix starts the title of an amendment: "Điều chỉnh, bổ sung Chương trình công
// tác …".
const amendPrefix = "Điều chỉnh, bổ sung Chương trình "

// amendTitle returns the title of an amendment of a program titled title. A title that
// already starts "Chương trình" does not get the word twice.
func amendTitle(title string) string {
	const word = "chương trình "
	if len(title) >= len(word) && strings.EqualFold(title[:len(word)], word) {
		title = title[len(word):]
	}
	return amendPrefix + lowerInitial(title)
}

// AmendProgram starts an amendment ("điều chỉnh, bổ sung") of the issued program id: a new
// draft of the same org and periods with a copy of its items and tasks, its signature,
// recipients and place, AmendsID set to id and the title prefixed "Điều chỉnh, bổ sung
// Chương trình …". The original stays issued until the amendment is issued, when
// [Store.IssueProgram] marks it amended. Only an issued program can be amended (EINVALID),
// and only one amendment of it can be in the making at a time (ECONFLICT). Who may amend is
// the lifecycle's business: a role that may not take [congtac.ActionAmend] gets
// EFORBIDDEN. One transaction, audited as the draft's creation.
func (s *Store) AmendProgram(ctx context.Context, a congtac.Actor, id int64) (congtac.Program, error) {
	var p congtac.Program
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		orig, err := s.programToChange(ctx, tx, a, id, congtac.IssueDocuments)
		if err != nil {
			return err
		}
		if err := workProgram(orig); err != nil {
			return err
		}
		if _, err := congtac.NextStatus(orig.Status, congtac.ActionAmend, a.Role); err != nil {
			return err
		}
		if err := noAmendmentInProgress(ctx, tx, id); err != nil {
			return err
		}
		if orig.Items, err = findItems(ctx, tx, id); err != nil {
			return err
		}
		if orig.Tasks, err = s.queryTasks(ctx, tx, "SELECT "+taskColumns+
			" FROM tasks t WHERE t.program_id = $1 ORDER BY t.item_id, t.position, t.id", id); err != nil {
			return err
		}
		p = normalizeProgram(amendment(orig))
		if err := p.Validate(); err != nil {
			return err
		}
		if err := s.insertProgram(ctx, tx, &p); err != nil {
			return err
		}
		if err := s.insertContent(ctx, tx, &p); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "create", "program", p.ID, p.OrgID, nil,
			map[string]any{"program": programAudit(p), "amends": id, "tasks": len(p.Tasks)})
	})
	if err != nil {
		return congtac.Program{}, err
	}
	return p, nil
}

// noAmendmentInProgress refuses (ECONFLICT) when program id already has an amendment that
// is not issued yet.
func noAmendmentInProgress(ctx context.Context, tx *sql.Tx, id int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM programs WHERE amends_id = $1
		AND status IN ('draft', 'submitted', 'returned', 'approved')`, id).Scan(&n); err != nil {
		return fmt.Errorf("store: amend program: %w", err)
	}
	if n > 0 {
		return amendmentInProgress()
	}
	return nil
}

// amendmentInProgress is the ECONFLICT of a second amendment of a program in the making.
func amendmentInProgress() error {
	return congtac.Errorf(congtac.ECONFLICT, "Chương trình này đã có một bản điều chỉnh, bổ sung đang soạn; hãy mở bản đó để sửa.")
}

// amendment returns the draft that amends orig: its content with the item IDs as keys (see
// [Store.CreateProgram]), tasks without their history of execution, except the deferral a
// carried task came with, which decides its deadline and prints with it as in orig
// ([congtac.Task.CarryOver]). At issue the copies take over the execution state anew.
func amendment(orig congtac.Program) congtac.Program {
	p := congtac.Program{OrgID: orig.OrgID, Period: orig.Period, Also: orig.Also, Status: congtac.ProgramDraft,
		DraftedBy: orig.DraftedBy, Title: amendTitle(orig.Title), Place: orig.Place,
		Signature: orig.Signature, Recipients: append([]string(nil), orig.Recipients...), AmendsID: orig.ID}
	p.Items = append([]congtac.Item(nil), orig.Items...)
	for _, t := range orig.Tasks {
		c := t
		c.ID, c.ProgramID, c.Version, c.Replaces, c.SupersededBy = 0, 0, 0, t.ID, 0
		c.DoneOn, c.DoneBy, c.DoneReportID, c.Deferral, c.Cancellation, c.Occurrences = congtac.Date{}, 0, 0, nil, nil, nil
		if d := t.Deferral; d != nil && t.CarriedFrom != 0 {
			copied := *d
			c.Deferral = &copied
		}
		c.Support, c.Shares = restart(t.Support), restart(t.Shares)
		p.Tasks = append(p.Tasks, c)
	}
	return p
}

// restart returns the orgs of parts (shares or supports) without their completions, which
// the amendment's copy takes over when it is issued ([takeOver]); nil for none.
func restart(parts []congtac.Support) []congtac.Support {
	if parts == nil {
		return nil
	}
	out := make([]congtac.Support, len(parts))
	for i, sp := range parts {
		out[i] = congtac.Support{OrgID: sp.OrgID}
	}
	return out
}

// lowerInitial lower-cases the first letter of a title put after the amendment's prefix:
// "Công tác của UBND …" becomes "công tác của UBND …"; a title starting with an
// abbreviation in capitals ("UBND …") stays as it is.
func lowerInitial(s string) string {
	r := []rune(s)
	if len(r) > 1 && unicode.IsUpper(r[0]) && !unicode.IsUpper(r[1]) {
		r[0] = unicode.ToLower(r[0])
	}
	return string(r)
}
