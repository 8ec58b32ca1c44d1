package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"congtac"
	"congtac/vn"
)

const programColumns = `id, org_id, period_kind, period_year, period_number, also, title, status, drafted_by,
	document_id, number, symbol, issued_on, place, signature, recipients, amends_id, meeting_id, public,
	version, created_at, updated_at`

func scanProgram(sc interface{ Scan(...any) error }) (congtac.Program, error) {
	var p congtac.Program
	var also string
	var created, updated int64
	err := sc.Scan(&p.ID, &p.OrgID, &p.Period.Kind, &p.Period.Year, &p.Period.Number, &also, &p.Title,
		&p.Status, idCol{&p.DraftedBy}, idCol{&p.DocumentID}, &p.Number, &p.Symbol, dateCol{&p.IssuedOn},
		&p.Place, jsonCol{&p.Signature}, jsonCol{&p.Recipients}, idCol{&p.AmendsID}, idCol{&p.MeetingID}, &p.Public, &p.Version,
		&created, &updated)
	if err != nil {
		return p, err
	}
	p.CreatedAt, p.UpdatedAt = time.Unix(created, 0).UTC(), time.Unix(updated, 0).UTC()
	for key := range strings.SplitSeq(also, ",") {
		if key == "" {
			continue
		}
		per, err := congtac.ParsePeriodKey(key)
		if err != nil {
			return p, fmt.Errorf("store: program %d period %q: %w", p.ID, key, err)
		}
		p.Also = append(p.Also, per)
	}
	return p, nil
}

func alsoKeys(ps []congtac.Period) string {
	keys := make([]string, len(ps))
	for i, p := range ps {
		keys[i] = p.Key()
	}
	return strings.Join(keys, ",")
}

func programSearch(p congtac.Program) string {
	return vn.SearchKey(p.Title, p.Period.String(), congtac.FormatNumber(p.Number, p.Symbol))
}

func findProgramRow(ctx context.Context, q queryer, id int64) (congtac.Program, error) {
	return programRow(ctx, q, "SELECT "+programColumns+" FROM programs WHERE id = $1", id)
}

// lockProgram reads program id for a change of its content or its status and holds the
// row until tx ends. On PostgreSQL the read is SELECT … FOR UPDATE: every content write
// (items, tasks, carried deadlines, the program's fields) and every transition of one
// program runs after the one before has committed and sees the status it left, so that a
// task cannot land in a program while it is being submitted without being in the version
// the signer reviews. SQLite runs write transactions one at a time already (one write
// connection, BEGIN IMMEDIATE).
func (s *Store) lockProgram(ctx context.Context, tx *sql.Tx, id int64) (congtac.Program, error) {
	q := "SELECT " + programColumns + " FROM programs WHERE id = $1"
	if s.engine == Postgres {
		q += " FOR UPDATE"
	}
	return programRow(ctx, tx, q, id)
}

// programToChange locks program id ([Store.lockProgram]) for a change that needs capability
// c on its issuing org: EFORBIDDEN when a's c does not reach it.
func (s *Store) programToChange(ctx context.Context, tx *sql.Tx, a congtac.Actor, id int64, c congtac.Capability) (congtac.Program, error) {
	p, err := s.lockProgram(ctx, tx, id)
	if err != nil {
		return p, err
	}
	return p, checkCan(ctx, tx, a, c, p.OrgID)
}

// programRow runs query, which selects programColumns of the program with ID $1.
func programRow(ctx context.Context, q queryer, query string, id int64) (congtac.Program, error) {
	p, err := scanProgram(q.QueryRowContext(ctx, query, id))
	if err == sql.ErrNoRows {
		return p, notFound("chương trình")
	} else if err != nil {
		return p, fmt.Errorf("store: find program: %w", err)
	}
	return p, nil
}

// normalizeProgram puts the program's texts in NFC.
func normalizeProgram(p congtac.Program) congtac.Program {
	p.Title = cleanText(p.Title)
	p.Place = cleanText(p.Place)
	for i, r := range p.Recipients {
		p.Recipients[i] = cleanText(r)
	}
	return p
}

// CreateProgram adds a draft program with its items and tasks in one transaction. Within p,
// Items[i].ID, Items[i].ParentID and Tasks[i].ItemID are the caller's own keys (any distinct
// non-zero numbers) that tie tasks and child items to items; the store replaces them with
// real IDs. Every item and task is validated; nothing is written when one fails. The status
// is always draft. Like [Store.DraftNext] it refuses (ECONFLICT) a second live program of
// the org for the period, even when both are created at the same moment. The actor's
// DraftPrograms must reach the issuing org (EFORBIDDEN).
func (s *Store) CreateProgram(ctx context.Context, a congtac.Actor, p congtac.Program) (congtac.Program, error) {
	p, err := checkedNewProgram(p)
	if err != nil {
		return congtac.Program{}, err
	}
	if err := s.inTx(ctx, func(tx *sql.Tx) error { return s.createProgram(ctx, tx, a, &p) }); err != nil {
		return congtac.Program{}, err
	}
	return p, nil
}

// checkedNewProgram returns p normalised as a new draft, or the first problem of its fields.
func checkedNewProgram(p congtac.Program) (congtac.Program, error) {
	p = normalizeProgram(p)
	p.Status, p.Version = congtac.ProgramDraft, 1
	return p, p.Validate()
}

// createProgram writes a checked new draft ([checkedNewProgram]) with its content in tx,
// once the actor may, and sets its IDs.
func (s *Store) createProgram(ctx context.Context, tx *sql.Tx, a congtac.Actor, p *congtac.Program) error {
	if _, err := findOrg(ctx, tx, p.OrgID); err != nil {
		return err
	}
	if err := checkCan(ctx, tx, a, congtac.DraftPrograms, p.OrgID); err != nil {
		return err
	}
	if p.AmendsID == 0 {
		if err := noLiveProgram(ctx, tx, p.OrgID, p.Period); err != nil {
			return err
		}
	}
	if err := s.insertProgram(ctx, tx, p); err != nil {
		return err
	}
	if err := s.insertContent(ctx, tx, p); err != nil {
		return err
	}
	return s.audit(ctx, tx, a, "create", "program", p.ID, p.OrgID, nil, programAudit(*p))
}

// noLiveProgram refuses (ECONFLICT) when org already has a live program for period: one
// that is not superseded, an amendment included.
func noLiveProgram(ctx context.Context, tx *sql.Tx, orgID int64, period congtac.Period) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM programs WHERE org_id = $1 AND period_key = $2
		AND status <> 'superseded' AND meeting_id IS NULL`, orgID, period.Key()).Scan(&n); err != nil {
		return fmt.Errorf("store: live programs: %w", err)
	}
	if n > 0 {
		return programExists(period)
	}
	return nil
}

// programExists is the ECONFLICT of a second live program of an org for period.
func programExists(period congtac.Period) error {
	return congtac.Errorf(congtac.ECONFLICT, "Đã có chương trình %s; hãy mở chương trình đó để sửa.", period)
}

// insertProgram writes the program's row and sets its ID and times. A second live program
// of the org for the period, or a second amendment in the making of the same program, is
// ECONFLICT: the unique indexes programs_one_live and programs_one_amendment refuse the row
// that the checks in Go let through when two transactions ran at the same moment.
func (s *Store) insertProgram(ctx context.Context, tx *sql.Tx, p *congtac.Program) error {
	now := s.now()
	p.Version = 1
	if err := tx.QueryRowContext(ctx, `INSERT INTO programs (org_id, period_kind, period_year,
		period_number, period_key, also, title, status, drafted_by, place, signature, recipients,
		amends_id, meeting_id, public, search, version, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 1, $17, $17) RETURNING id`,
		p.OrgID, p.Period.Kind, p.Period.Year, p.Period.Number, p.Period.Key(), alsoKeys(p.Also), p.Title,
		p.Status, nullID(p.DraftedBy), p.Place, mustJSON(p.Signature), mustJSON(nonNil(p.Recipients)),
		nullID(p.AmendsID), nullID(p.MeetingID), p.Public, programSearch(*p), now.Unix()).Scan(&p.ID); err != nil {
		switch {
		case isUniqueViolation(err) && p.MeetingID != 0:
			return congtac.Errorf(congtac.ECONFLICT, "Nhiệm vụ khác theo kết luận của hội nghị vừa được giao cùng lúc; hãy thử lại.")
		case isUniqueViolation(err) && p.AmendsID == 0:
			return programExists(p.Period)
		case isUniqueViolation(err):
			return amendmentInProgress()
		}
		return fmt.Errorf("store: create program: %w", err)
	}
	p.CreatedAt, p.UpdatedAt = now.UTC().Truncate(time.Second), now.UTC().Truncate(time.Second)
	return nil
}

func nonNil(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}

// programAudit is what the audit log keeps of a program: its fields and counts, not every
// task (tasks are audited one by one when they change).
func programAudit(p congtac.Program) any {
	p.Items, p.Tasks = nil, nil
	return p
}

// insertContent writes p's items (parents before children) and tasks, mapping the caller's
// item keys to real IDs, and leaves the real IDs and labels in p.
func (s *Store) insertContent(ctx context.Context, tx *sql.Tx, p *congtac.Program) error {
	keys := map[int64]int64{0: 0}
	pending := make([]int, len(p.Items))
	for i := range pending {
		pending[i] = i
	}
	for len(pending) > 0 {
		var next []int
		for _, i := range pending {
			it := &p.Items[i]
			parent, ok := keys[it.ParentID]
			if !ok {
				next = append(next, i)
				continue
			}
			key := it.ID
			it.ProgramID, it.ParentID = p.ID, parent
			id, err := s.insertItem(ctx, tx, *it)
			if err != nil {
				return err
			}
			it.ID, it.Version = id, 1
			if key != 0 {
				keys[key] = id
			}
		}
		if len(next) == len(pending) {
			return congtac.FieldError("items", "Cấu trúc mục của chương trình bị vòng lặp hoặc thiếu mục cha.")
		}
		pending = next
	}
	congtac.Number(p.Items)
	for i := range p.Tasks {
		t := normalizeTask(p.Tasks[i])
		item, ok := keys[t.ItemID]
		if !ok {
			return congtac.FieldError("tasks", "Nhiệm vụ %q gắn với một mục không có trong chương trình.", short(t.Text))
		}
		t.ProgramID, t.ItemID = p.ID, item
		if err := s.resolveShares(ctx, tx, &t, s.today()); err != nil {
			return err
		}
		if err := t.Validate(); err != nil {
			return err
		}
		if err := t.CheckIn(*p); err != nil {
			return err
		}
		id, err := s.insertTask(ctx, tx, t)
		if err != nil {
			return err
		}
		t.ID, t.Version = id, 1
		p.Tasks[i] = t
	}
	return nil
}

// short returns the first words of a long text, for messages.
func short(s string) string {
	r := []rune(s)
	if len(r) <= 60 {
		return s
	}
	return string(r[:60]) + "…"
}

// FindProgramByID returns a program with its items (labelled) and tasks, or ENOTFOUND.
func (s *Store) FindProgramByID(ctx context.Context, id int64) (congtac.Program, error) {
	var p congtac.Program
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		if p, err = findProgramRow(ctx, tx, id); err != nil {
			return err
		}
		if p.Items, err = findItems(ctx, tx, id); err != nil {
			return err
		}
		p.Tasks, err = s.queryTasks(ctx, tx, "SELECT "+taskColumns+
			" FROM tasks t WHERE t.program_id = $1 ORDER BY t.item_id, t.position, t.id", id)
		return err
	})
	return p, err
}

// FindPrograms returns programs (without items and tasks) matching f, newest period first,
// and the number that match without Limit/Offset.
func (s *Store) FindPrograms(ctx context.Context, f congtac.ProgramFilter) ([]congtac.Program, int, error) {
	var w where
	switch {
	case f.ID != nil:
		w.add("id = ?", *f.ID)
	case f.IDs != nil:
		w.add(s.inIDs("id", f.IDs))
	default:
		w.add("meeting_id IS NULL")
	}
	if f.OrgID != nil {
		w.add("org_id = ?", *f.OrgID)
	}
	if f.Kind != nil {
		w.add("period_kind = ?", *f.Kind)
	}
	if f.Year != nil {
		w.add("period_year = ?", *f.Year)
	}
	if f.Period != nil {
		w.add("period_key = ?", f.Period.Key())
	}
	if f.Status != nil {
		w.add("status = ?", *f.Status)
	}
	if f.Public != nil {
		w.add("public = ?", *f.Public)
	}
	if err := s.addProgramReach(ctx, s.read, &w, f.Reach, f.DraftReach); err != nil {
		return nil, 0, fmt.Errorf("store: find programs: %w", err)
	}
	addSearch(&w, "search", f.Query)
	return findPage(ctx, s, "programs", programColumns, "programs", &w, "period_year DESC, period_key DESC, id DESC",
		f.Limit, f.Offset, 1000, programCounters, func(sc scanner) (congtac.Program, error) { return scanProgram(sc) })
}

// programCounters are the change counters of what program lists read: programs (which
// move the tasks counter) and the org tree of reaches.
var programCounters = []string{tasksChanged, orgsChanged}

// UpdateProgram changes the title, extra periods, signature, recipients, place or public
// flag of a program that is still editable. The actor's DraftPrograms must reach the
// issuing org (EFORBIDDEN). ECONFLICT when version moved.
func (s *Store) UpdateProgram(ctx context.Context, a congtac.Actor, id int64, version int, u congtac.ProgramUpdate) (congtac.Program, error) {
	var p congtac.Program
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := s.programToChange(ctx, tx, a, id, congtac.DraftPrograms)
		if err != nil {
			return err
		}
		if !before.Status.Editable() && !(u == congtac.ProgramUpdate{Public: u.Public}) {
			return congtac.StatusError("Chương trình", before.Status.Label(), "không sửa được")
		}
		p = normalizeProgram(u.Apply(before))
		if err := p.Validate(); err != nil {
			return err
		}
		if before.Version != version { // after validation: a malformed change is not a conflict
			return conflict("Chương trình")
		}
		if err := s.saveProgramRow(ctx, tx, p); err != nil {
			return err
		}
		p.Version++
		return s.audit(ctx, tx, a, "update", "program", id, p.OrgID, before, p)
	})
	return p, err
}

// saveProgramRow writes every column of p, bumping the version it was read at.
func (s *Store) saveProgramRow(ctx context.Context, tx *sql.Tx, p congtac.Program) error {
	res, err := tx.ExecContext(ctx, `UPDATE programs SET also = $1, title = $2, status = $3, document_id = $4,
		number = $5, symbol = $6, issued_on = $7, place = $8, signature = $9, recipients = $10, public = $11,
		search = $12, version = version + 1, updated_at = $13 WHERE id = $14 AND version = $15`,
		alsoKeys(p.Also), p.Title, p.Status, nullID(p.DocumentID), p.Number, p.Symbol, nullDate(p.IssuedOn),
		p.Place, mustJSON(p.Signature), mustJSON(nonNil(p.Recipients)), p.Public, programSearch(p),
		s.now().Unix(), p.ID, p.Version)
	if err != nil {
		return fmt.Errorf("store: save program: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return conflict("Chương trình")
	}
	return nil
}

// TransitionProgram moves a program through its lifecycle by submit, recall, return or
// approve, as [congtac.Transitions] allows the actor's role, whose capability for the step
// ([congtac.ProgramAction.Capability]) must reach the issuing org (EFORBIDDEN). comment (for a return, the
// signer's remarks) is kept in the audit log. Issuing goes through [Store.IssueProgram].
func (s *Store) TransitionProgram(ctx context.Context, a congtac.Actor, id int64, version int,
	action congtac.ProgramAction, comment string) (congtac.Program, error) {
	if action == congtac.ActionIssue || action == congtac.ActionAmend || action == congtac.ActionSupersede {
		return congtac.Program{}, congtac.Errorf(congtac.EINVALID, "Ban hành chương trình phải qua bước cấp số.")
	}
	if err := congtac.CheckText("comment", "Ý kiến", comment); err != nil {
		return congtac.Program{}, err
	}
	var p congtac.Program
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := s.programToChange(ctx, tx, a, id, action.Capability())
		if err != nil {
			return err
		}
		if before.Version != version {
			return conflict("Chương trình")
		}
		if err := workProgram(before); err != nil {
			return err
		}
		to, err := congtac.NextStatus(before.Status, action, a.Role)
		if err != nil {
			return err
		}
		if action == congtac.ActionReturn && strings.TrimSpace(comment) == "" {
			return congtac.FieldError("comment", "Khi trả lại cần ghi ý kiến để Văn phòng sửa.")
		}
		if action == congtac.ActionSubmit {
			if err := s.checkReady(ctx, tx, before); err != nil {
				return err
			}
		}
		p = before
		p.Status = to
		if err := s.saveProgramRow(ctx, tx, p); err != nil {
			return err
		}
		p.Version++
		if err := s.takeVersion(ctx, tx, a, id, action, comment); err != nil {
			return err
		}
		after := map[string]any{"status": to, "comment": vn.NFC(comment)}
		return s.audit(ctx, tx, a, string(action), "program", id, p.OrgID, map[string]any{"status": before.Status}, after)
	})
	return p, err
}

// DeleteProgram removes a draft program with its items and tasks. Only drafts that were
// never submitted (no version kept) can go; anything later, a recalled draft included, is
// history. The actor's DraftPrograms must reach the issuing org (EFORBIDDEN).
func (s *Store) DeleteProgram(ctx context.Context, a congtac.Actor, id int64, version int) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := s.programToChange(ctx, tx, a, id, congtac.DraftPrograms)
		if err != nil {
			return err
		}
		if before.Version != version {
			return conflict("Chương trình")
		}
		var versions int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM program_versions WHERE program_id = $1", id).Scan(&versions); err != nil {
			return fmt.Errorf("store: delete program: %w", err)
		}
		if before.Status != congtac.ProgramDraft || versions > 0 {
			return congtac.Errorf(congtac.EINVALID, "Chỉ xóa được dự thảo chưa từng trình; chương trình đã trình được giữ lại làm hồ sơ.")
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM programs WHERE id = $1", id); err != nil {
			return fmt.Errorf("store: delete program: %w", err)
		}
		return s.audit(ctx, tx, a, "delete", "program", id, before.OrgID, before, nil)
	})
}
