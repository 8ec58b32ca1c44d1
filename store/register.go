package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"congtac"
	"congtac/vn"
)

// nextNumber takes the next number of a register inside tx, creating the register on its
// first use in a year. The row update serialises concurrent issuers on both engines, and a
// rolled-back issue gives its number back, so numbers have neither duplicates nor gaps.
// The register is created only when the update finds none, so that PostgreSQL does not
// spend a value of the registers' sequence on every issue and the registers' IDs are the
// same on both engines.
func nextNumber(ctx context.Context, tx *sql.Tx, orgID int64, year int, t congtac.DocType, secret bool) (int64, int, error) {
	var id int64
	var n int
	take := func() error {
		return tx.QueryRowContext(ctx, `UPDATE registers SET last = last + 1
			WHERE org_id = $1 AND year = $2 AND doc_type = $3 AND secret = $4 RETURNING id, last`,
			orgID, year, t, secret).Scan(&id, &n)
	}
	err := take()
	if errors.Is(err, sql.ErrNoRows) {
		// A concurrent first issue may create it in between: then the insert does nothing
		// and the update takes the next number of that register.
		if _, err := tx.ExecContext(ctx, `INSERT INTO registers (org_id, year, doc_type, secret, last)
			VALUES ($1, $2, $3, $4, 0) ON CONFLICT (org_id, year, doc_type, secret) DO NOTHING`,
			orgID, year, t, secret); err != nil {
			return 0, 0, fmt.Errorf("store: register: %w", err)
		}
		err = take()
	}
	if err != nil {
		return 0, 0, fmt.Errorf("store: next number: %w", err)
	}
	return id, n, nil
}

// NextProgramNumber returns the number and symbol that issuing program id on day on would
// take now ("25", "CTr-UBND"): the next of its committee's register for on's year under the
// series setting. It reserves nothing; an issue in between takes the number first.
func (s *Store) NextProgramNumber(ctx context.Context, id int64, on congtac.Date) (number int, symbol string, err error) {
	err = s.inReadTx(ctx, func(tx *sql.Tx) error {
		p, err := findProgramRow(ctx, tx, id)
		if err != nil {
			return err
		}
		sym, st, err := programIssuer(ctx, tx, p.OrgID)
		if err != nil {
			return err
		}
		var last int
		err = tx.QueryRowContext(ctx, `SELECT last FROM registers WHERE org_id = $1 AND year = $2 AND doc_type = $3
			AND secret = $4`, p.OrgID, on.Year, congtac.SeriesType(st.Series, congtac.DocProgram), false).Scan(&last)
		if err != nil && err != sql.ErrNoRows {
			return fmt.Errorf("store: next program number: %w", err)
		}
		number, symbol = last+1, sym
		return nil
	})
	return number, symbol, err
}

// programIssuer returns the symbol the programs of org take ("CTr-UBND") and the settings
// of its committee.
func programIssuer(ctx context.Context, tx *sql.Tx, orgID int64) (string, congtac.Settings, error) {
	org, err := findOrg(ctx, tx, orgID)
	if err != nil {
		return "", congtac.Settings{}, err
	}
	st, err := settingsOf(ctx, tx, orgID)
	return congtac.Symbol(congtac.DocProgram, symbolBody(org), ""), st, err
}

// issue numbers d from its org's register for the year of its issue date, under the
// series setting, and records it. d.Number, d.RegisterID and d.ID are set.
func (s *Store) issue(ctx context.Context, tx *sql.Tx, a congtac.Actor, d *congtac.Document) error {
	d.Summary = cleanText(d.Summary)
	d.Place = cleanText(d.Place)
	if err := d.Validate(); err != nil {
		return err
	}
	st, err := settingsOf(ctx, tx, d.OrgID)
	if err != nil {
		return err
	}
	if d.RegisterID, d.Number, err = nextNumber(ctx, tx, d.OrgID, d.IssuedOn.Year,
		congtac.SeriesType(st.Series, d.Type), false); err != nil {
		return err
	}
	now := s.now()
	d.IssuedBy, d.IssuedAt = a.UserID, now.UTC().Truncate(time.Second)
	if err := tx.QueryRowContext(ctx, `INSERT INTO documents (org_id, register_id, doc_type, number, symbol,
		issued_on, place, summary, signature, recipients, copies, keeper, program_id, meeting_id, issued_by,
		issued_at, sent_on, note, search)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) RETURNING id`,
		d.OrgID, d.RegisterID, d.Type, d.Number, d.Symbol, d.IssuedOn.String(), d.Place, d.Summary,
		mustJSON(d.Signature), mustJSON(nonNil(d.Recipients)), d.Copies, d.Keeper, nullID(d.ProgramID),
		nullID(d.MeetingID), nullID(d.IssuedBy), now.Unix(), nullDate(d.SentOn), d.Note,
		vn.SearchKey(d.Code(), d.Summary)).Scan(&d.ID); err != nil {
		return fmt.Errorf("store: issue document: %w", err)
	}
	return s.audit(ctx, tx, a, "issue", "document", d.ID, d.OrgID, nil, d)
}

// IssueDocument gives a document the next number of its org's register and records it in
// the outgoing register, with the snapshot freeze makes of it (none when freeze is nil: a
// document congtac does not render), in one transaction. Concurrent issuers never get the
// same number or leave a gap. The actor's IssueDocuments must reach the org (EFORBIDDEN).
// A meeting's invitation or notice of conclusions is refused (EINVALID) when the meeting
// has one already, an invitation when the meeting is cancelled or held, a notice before
// the meeting is held or while none of its matters has a conclusion.
func (s *Store) IssueDocument(ctx context.Context, a congtac.Actor, d congtac.Document, freeze Freeze) (congtac.Document, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := findOrg(ctx, tx, d.OrgID); err != nil {
			return err
		}
		if err := checkCan(ctx, tx, a, congtac.IssueDocuments, d.OrgID); err != nil {
			return err
		}
		if err := s.checkMeetingDocument(ctx, tx, d); err != nil {
			return err
		}
		if err := s.issue(ctx, tx, a, &d); err != nil {
			return err
		}
		if d.Type == congtac.DocNotice && d.MeetingID != 0 {
			if err := s.issueConclusionList(ctx, tx, a, d); err != nil {
				return err
			}
		}
		return s.freezeTx(ctx, tx, d, freeze)
	})
	if err != nil {
		return congtac.Document{}, err
	}
	return d, nil
}

// checkMeetingDocument applies the rules of [Store.IssueDocument] to the invitation or the
// notice of conclusions of a meeting.
func (s *Store) checkMeetingDocument(ctx context.Context, tx *sql.Tx, d congtac.Document) error {
	if d.MeetingID == 0 || (d.Type != congtac.DocInvitation && d.Type != congtac.DocNotice) {
		return nil
	}
	m, err := s.findMeeting(ctx, tx, d.MeetingID)
	if err != nil {
		return err
	}
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM documents WHERE meeting_id = $1 AND doc_type = $2",
		m.ID, d.Type).Scan(&n); err != nil {
		return fmt.Errorf("store: meeting document: %w", err)
	}
	name := map[congtac.DocType]string{congtac.DocInvitation: "giấy mời", congtac.DocNotice: "thông báo kết luận"}[d.Type]
	switch {
	case n > 0:
		return congtac.Errorf(congtac.EINVALID, "Hội nghị đã có %s; văn bản đã ban hành không ban hành lại.", name)
	case d.Type == congtac.DocInvitation && (m.Status == congtac.MeetingCancelled || m.Status == congtac.MeetingHeld):
		return congtac.StatusError("Hội nghị", m.Status.Label(), "không ban hành giấy mời")
	case d.Type == congtac.DocNotice && m.Status != congtac.MeetingHeld:
		return congtac.Errorf(congtac.EINVALID, "Chỉ ban hành thông báo kết luận sau khi hội nghị đã họp.")
	case d.Type == congtac.DocNotice && !slices.ContainsFunc(m.Agenda, func(it congtac.AgendaItem) bool { return it.Conclusion != "" }):
		return congtac.Errorf(congtac.EINVALID, "Chưa có kết luận nào của hội nghị: hãy ghi kết luận vào các nội dung trình trước.")
	}
	return nil
}

// IssueProgram issues an approved program as iss states (day of issue, copies and keeper of
// the file copy, recorded in the register): a number from the register ("05/CTr-UBND"),
// the date and place, and the status issued; from then on it is immutable.
// In the same transaction it stores the snapshot freeze makes of the issued document (see
// [Freeze]; nil stores none), which every later rendering of the program shows. When the
// program amends an earlier issued one, that one becomes amended and keeps its own snapshot.
// A program that is not ready ([congtac.Program.CheckReady]) is refused with EINVALID
// listing its tasks; once issued, its tasks are in force in place of those they carry on or
// replace ([takeOver]), and its tasks led by a group have the shares of the members active
// on the day of issue ([Store.fixShares]).
func (s *Store) IssueProgram(ctx context.Context, a congtac.Actor, id int64, version int, iss congtac.Issuance, freeze Freeze) (congtac.Program, error) {
	on := iss.On
	var p congtac.Program
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		if p, err = s.programToChange(ctx, tx, a, id, congtac.IssueDocuments); err != nil {
			return err
		}
		if p.Version != version {
			return conflict("Chương trình")
		}
		if err := workProgram(p); err != nil {
			return err
		}
		before := p
		to, err := congtac.NextStatus(p.Status, congtac.ActionIssue, a.Role)
		if err != nil {
			return err
		}
		if on.IsZero() {
			return congtac.FieldError("issued_on", "Chưa có ngày ban hành.")
		}
		if err := s.checkReady(ctx, tx, p); err != nil {
			return err
		}
		sym, st, err := programIssuer(ctx, tx, p.OrgID)
		if err != nil {
			return err
		}
		if p.Place == "" {
			p.Place = st.Place
		}
		d := congtac.Document{OrgID: p.OrgID, Type: congtac.DocProgram, IssuedOn: on, Place: p.Place,
			Symbol: sym, Summary: p.Title,
			Signature: p.Signature, Recipients: p.Recipients, ProgramID: p.ID,
			Copies: iss.Copies, Keeper: cleanText(iss.Keeper)}
		if err := s.issue(ctx, tx, a, &d); err != nil {
			return err
		}
		if err := s.freezeTx(ctx, tx, d, freeze); err != nil {
			return err
		}
		p.Status, p.DocumentID, p.Number, p.Symbol, p.IssuedOn = to, d.ID, d.Number, d.Symbol, on
		if err := s.saveProgramRow(ctx, tx, p); err != nil {
			return err
		}
		p.Version++
		if err := s.amendOriginal(ctx, tx, a, p); err != nil {
			return err
		}
		if err := s.lockSources(ctx, tx, id); err != nil {
			return err
		}
		if err := s.fixShares(ctx, tx, id, on); err != nil {
			return err
		}
		superseded, err := takeOver(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := s.takeVersion(ctx, tx, a, id, congtac.ActionIssue, ""); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "issue", "program", id, p.OrgID, programAudit(before),
			map[string]any{"program": programAudit(p), "tasks_taken_over": superseded})
	})
	return p, err
}

// symbolBody returns the part of a symbol that names the issuing body: its short name, or
// "UBND" for a committee without one.
func symbolBody(o congtac.Org) string {
	if o.ShortName != "" {
		return o.ShortName
	}
	return "UBND"
}

// amendOriginal marks the program that p amends as amended.
func (s *Store) amendOriginal(ctx context.Context, tx *sql.Tx, a congtac.Actor, p congtac.Program) error {
	if p.AmendsID == 0 {
		return nil
	}
	orig, err := s.lockProgram(ctx, tx, p.AmendsID)
	if err != nil {
		return err
	}
	to, err := congtac.NextStatus(orig.Status, congtac.ActionAmend, a.Role)
	if err != nil {
		return err
	}
	before := orig.Status
	orig.Status = to
	if err := s.saveProgramRow(ctx, tx, orig); err != nil {
		return err
	}
	return s.audit(ctx, tx, a, "amend", "program", orig.ID, orig.OrgID,
		map[string]any{"status": before}, map[string]any{"status": to, "by": p.ID})
}

// FindDocuments returns issued documents matching f, newest first, and the total.
func (s *Store) FindDocuments(ctx context.Context, f congtac.DocumentFilter) ([]congtac.Document, int, error) {
	var w where
	if f.ID != nil {
		w.add("id = ?", *f.ID)
	}
	if f.OrgID != nil {
		w.add("org_id = ?", *f.OrgID)
	}
	if f.ProgramID != nil {
		w.add("program_id = ?", *f.ProgramID)
	}
	if f.MeetingID != nil {
		w.add("meeting_id = ?", *f.MeetingID)
	}
	if f.Year != nil {
		w.add("issued_on >= ? AND issued_on <= ?", fmt.Sprintf("%04d-01-01", *f.Year), fmt.Sprintf("%04d-12-31", *f.Year))
	}
	if f.Type != nil {
		w.add("doc_type = ?", *f.Type)
	}
	s.addReach(&w, "org_id", f.Reach)
	addSearch(&w, "search", f.Query)
	return findPage(ctx, s, "documents", documentColumns, "documents", &w, "issued_on DESC, number DESC",
		f.Limit, f.Offset, 1000, nil, scanDocument)
}

const documentColumns = `id, org_id, register_id, doc_type, number, symbol, issued_on, place, summary, signature,
	recipients, copies, keeper, program_id, meeting_id, issued_by, issued_at, sent_on, note`

func scanDocument(sc scanner) (congtac.Document, error) {
	var d congtac.Document
	var at int64
	err := sc.Scan(&d.ID, &d.OrgID, &d.RegisterID, &d.Type, &d.Number, &d.Symbol, dateCol{&d.IssuedOn}, &d.Place,
		&d.Summary, jsonCol{&d.Signature}, jsonCol{&d.Recipients}, &d.Copies, &d.Keeper, idCol{&d.ProgramID},
		idCol{&d.MeetingID}, idCol{&d.IssuedBy}, &at, dateCol{&d.SentOn}, &d.Note)
	d.IssuedAt = time.Unix(at, 0).UTC()
	return d, err
}
