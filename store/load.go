package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"congtac"
	"congtac/vn"
)

// Loader writes large volumes of generated or imported records (a province's data set)
// much faster than the use-case methods: IDs are given out in Go, rows are buffered and
// written in multi-row INSERTs, and the whole load is audited as one event instead of one
// per record. Records are validated as they are added. Use it through [Store.Load] only.
type Loader struct {
	s      *Store
	ctx    context.Context
	next   map[string]int64   // next free ID per table
	rows   map[string][][]any // buffered rows per table
	counts map[string]int     // rows written per table, for the audit event
	held   int                // buffered rows in all tables
}

// loadOrder lists the tables a Loader writes, parents before children, with their columns.
var loadOrder = []struct {
	table string
	cols  []string
}{
	{"orgs", []string{"id", "parent_id", "kind", "name", "short_name", "display_name", "valid_from", "valid_to", "successor_id", "position", "search", "version", "created_at", "updated_at"}},
	{"people", []string{"id", "full_name", "org_id", "email", "phone", "search", "version", "created_at", "updated_at"}},
	{"posts", []string{"id", "person_id", "org_id", "kind", "title", "sectors", "from_date", "to_date"}},
	{"users", []string{"id", "login", "person_id", "display_name", "role", "org_id", "password_hash", "totp_secret", "disabled", "email_reminders", "version", "created_at", "updated_at"}},
	{"programs", []string{"id", "org_id", "period_kind", "period_year", "period_number", "period_key", "also", "title", "status", "drafted_by", "number", "symbol", "issued_on", "place", "signature", "recipients", "public", "search", "version", "created_at", "updated_at"}},
	{"items", []string{"id", "program_id", "parent_id", "position", "style", "heading", "text", "sector", "search", "version"}},
	{"tasks", []string{"id", "program_id", "item_id", "position", "text", "sector", "lead_id", "leader_id", "due_date", "due_precision", "due_text", "rrule", "rrule_start", "target", "source", "search", "print_mode", "print_lead", "print_due", "print_source", "keeps_old_due", "carried_from", "replaces", "superseded_by", "done_on", "deferred_on", "deferred_to", "deferred_precision", "deferred_text", "defer_reason", "cancelled_on", "cancel_reason", "version", "created_at", "updated_at"}},
	{"task_deferrals", []string{"id", "task_id", "decided_on", "due_date", "due_precision", "due_text", "reason", "created_at"}},
	{"task_supports", []string{"task_id", "org_id", "position", "done_on", "share"}},
	{"task_occurrences", []string{"task_id", "due_date", "done_on"}},
	{"reports", []string{"id", "task_id", "org_id", "occurrence", "text", "percent", "value", "done_on", "status", "review_note", "submitted_at", "reviewed_at", "search", "version", "created_at", "updated_at"}},
}

// flushAt is how many buffered rows trigger a write.
const flushAt = 20000

// Load runs fn with a Loader and writes what it added, in batches of transactions; the
// batches already written stay when fn or a later batch fails. One audit event records the
// counts. Load is meant for an empty database or one that only grows during the load.
func (s *Store) Load(ctx context.Context, a congtac.Actor, fn func(l *Loader) error) error {
	l := &Loader{s: s, ctx: ctx, next: map[string]int64{}, rows: map[string][][]any{}, counts: map[string]int{}}
	for _, t := range loadOrder {
		if t.table == "task_supports" || t.table == "task_occurrences" {
			continue
		}
		var max sql.NullInt64
		if err := s.read.QueryRowContext(ctx, "SELECT max(id) FROM "+t.table).Scan(&max); err != nil {
			return fmt.Errorf("store: load: %w", err)
		}
		l.next[t.table] = max.Int64 + 1
	}
	if err := fn(l); err != nil {
		return err
	}
	if err := l.flush(); err != nil {
		return err
	}
	if err := s.resetSequences(ctx); err != nil {
		return err
	}
	// Fresh statistics, or the planners guess at tables that just grew a millionfold; on
	// PostgreSQL a vacuum too, so that the first searches and lists do not each set the
	// new rows' hint bits and can skip their heap where every row is visible.
	analyze := "ANALYZE"
	if s.engine == Postgres {
		analyze = "VACUUM (ANALYZE)"
	}
	if _, err := s.write.ExecContext(ctx, analyze); err != nil {
		return fmt.Errorf("store: load: analyze: %w", err)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		return s.audit(ctx, tx, a, "bulk_load", "database", 0, 0, nil, l.counts)
	})
}

// resetSequences moves PostgreSQL's identity sequences past the IDs the Loader gave out.
func (s *Store) resetSequences(ctx context.Context) error {
	if s.engine != Postgres {
		return nil
	}
	for _, t := range loadOrder {
		if t.cols[0] != "id" {
			continue
		}
		if _, err := s.write.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence($1, 'id'),
			(SELECT coalesce(max(id), 0) + 1 FROM `+t.table+`), false)`, t.table); err != nil {
			return fmt.Errorf("store: load: sequence %s: %w", t.table, err)
		}
	}
	return nil
}

func (l *Loader) id(table string) int64 {
	id := l.next[table]
	l.next[table]++
	return id
}

func (l *Loader) add(table string, row ...any) error {
	l.rows[table] = append(l.rows[table], row)
	l.held++
	if l.held >= flushAt {
		return l.flush()
	}
	return nil
}

// flush writes every buffered row in one transaction, parents first.
func (l *Loader) flush() error {
	if l.held == 0 {
		return nil
	}
	err := l.s.inTx(l.ctx, func(tx *sql.Tx) error {
		for _, t := range loadOrder {
			if err := l.s.batchInsert(l.ctx, tx, t.table, t.cols, l.rows[t.table]); err != nil {
				return err
			}
			l.counts[t.table] += len(l.rows[t.table])
		}
		return nil
	})
	clear(l.rows)
	l.held = 0
	return err
}

// batchInsert writes rows with multi-row INSERT statements of at most about 30,000
// arguments each, under both engines' limits.
func (s *Store) batchInsert(ctx context.Context, tx *sql.Tx, table string, cols []string, rows [][]any) error {
	for chunk := range slices.Chunk(rows, max(1, maxInsertArgs/len(cols))) {
		sql, args := s.insertSQL(table, cols, chunk)
		if _, err := tx.ExecContext(ctx, sql, args...); err != nil {
			return fmt.Errorf("store: load %s: %w", table, err)
		}
	}
	return nil
}

// maxInsertArgs is the most arguments a multi-row INSERT takes, under both engines' limits.
const maxInsertArgs = 30000

// insertSQL returns the multi-row INSERT of rows into the columns cols of table, and its
// arguments. Only the table and column names (constants of this package) and placeholders
// go into the SQL text. SQLite gets anonymous "?" marks: it resolves "$N" names by a
// linear search, which makes a statement with thousands of them quadratic.
func (s *Store) insertSQL(table string, cols []string, rows [][]any) (string, []any) {
	var b strings.Builder
	b.WriteString("INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ")
	args := make([]any, 0, len(rows)*len(cols))
	for i, row := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for j := range row {
			if j > 0 {
				b.WriteString(", ")
			}
			if s.engine == SQLite {
				b.WriteByte('?')
			} else {
				b.WriteString("$" + strconv.Itoa(len(args)+j+1))
			}
		}
		b.WriteByte(')')
		args = append(args, row...)
	}
	return b.String(), args
}

// AddOrg validates an org, gives it an ID (set in o) and queues it. Its parent must have
// been added before.
func (l *Loader) AddOrg(o *congtac.Org) error {
	*o = normalizeOrg(*o)
	if err := o.Validate(); err != nil {
		return err
	}
	o.ID, o.Version = l.id("orgs"), 1
	now := l.s.now().Unix()
	return l.add("orgs", o.ID, nullID(o.ParentID), o.Kind, o.Name, o.ShortName, o.DisplayName, nullDate(o.ValidFrom),
		nullDate(o.ValidTo), nullID(o.Successor), o.Position, orgSearch(*o), 1, now, now)
}

// AddPerson validates a person, gives it an ID and queues it.
func (l *Loader) AddPerson(p *congtac.Person) error {
	if err := p.Validate(); err != nil {
		return err
	}
	p.ID, p.Version = l.id("people"), 1
	now := l.s.now().Unix()
	return l.add("people", p.ID, p.FullName, nullID(p.OrgID), p.Email, p.Phone, vn.SearchKey(p.FullName), 1, now, now)
}

// AddPost validates a post, gives it an ID and queues it.
func (l *Loader) AddPost(p *congtac.Post) error {
	if err := p.Validate(); err != nil {
		return err
	}
	p.ID = l.id("posts")
	return l.add("posts", p.ID, p.PersonID, p.OrgID, p.Kind, p.Title, joinSectors(p.Sectors),
		nullDate(p.From), nullDate(p.To))
}

// AddUser validates an account, gives it an ID and queues it. Its login must be new (the
// write fails otherwise) and its org and person added before; unlike [Store.CreateUser] it
// does not move an office's staff to their committee.
func (l *Loader) AddUser(u *congtac.User) error {
	u.Login = strings.ToLower(strings.TrimSpace(u.Login))
	if err := u.Validate(); err != nil {
		return err
	}
	u.ID, u.Version = l.id("users"), 1
	now := l.s.now().Unix()
	return l.add("users", u.ID, u.Login, nullID(u.PersonID), u.DisplayName, u.Role, u.OrgID, u.PasswordHash,
		u.TOTPSecret, u.Disabled, u.EmailReminders, 1, now, now)
}

// AddProgram validates a program with its items and tasks, gives them IDs and queues them.
// As in [Store.CreateProgram], item IDs and ParentIDs and task ItemIDs are the caller's keys;
// items must come parents first. Unlike CreateProgram it keeps the given status, number and
// issue date, and the tasks' completions, deferrals and cancellations, so that a history can
// be loaded.
func (l *Loader) AddProgram(p *congtac.Program) error {
	if err := p.Validate(); err != nil {
		return err
	}
	p.ID, p.Version = l.id("programs"), 1
	now := l.s.now().Unix()
	if err := l.add("programs", p.ID, p.OrgID, p.Period.Kind, p.Period.Year, p.Period.Number, p.Period.Key(),
		alsoKeys(p.Also), p.Title, p.Status, nullID(p.DraftedBy), p.Number, p.Symbol, nullDate(p.IssuedOn),
		p.Place, mustJSON(p.Signature), mustJSON(nonNil(p.Recipients)), p.Public, programSearch(*p), 1, now, now); err != nil {
		return err
	}
	keys := map[int64]int64{0: 0}
	for i := range p.Items {
		it := &p.Items[i]
		parent, ok := keys[it.ParentID]
		if !ok {
			return congtac.FieldError("items", "Mục cha phải đứng trước mục con.")
		}
		if err := it.Validate(); err != nil {
			return err
		}
		key := it.ID
		it.ID, it.ProgramID, it.ParentID, it.Version = l.id("items"), p.ID, parent, 1
		keys[key] = it.ID
		if err := l.add("items", it.ID, p.ID, nullID(parent), it.Position, it.Style, it.Heading, it.Text,
			it.Sector, vn.SearchKey(it.Heading, it.Text), 1); err != nil {
			return err
		}
	}
	for i := range p.Tasks {
		t := &p.Tasks[i]
		item, ok := keys[t.ItemID]
		if !ok {
			return congtac.FieldError("tasks", "Nhiệm vụ gắn với một mục không có trong chương trình.")
		}
		t.ProgramID, t.ItemID = p.ID, item
		if err := l.addTask(t); err != nil {
			return err
		}
	}
	return nil
}

func (l *Loader) addTask(t *congtac.Task) error {
	if err := t.Validate(); err != nil {
		return err
	}
	t.ID, t.Version = l.id("tasks"), 1
	var def congtac.Deferral
	if t.Deferral != nil {
		def = *t.Deferral
	}
	var canc congtac.Cancellation
	if t.Cancellation != nil {
		canc = *t.Cancellation
	}
	now := l.s.now().Unix()
	row := append([]any{t.ID, t.ProgramID}, taskArgs(*t)...)
	row = append(row, nullID(t.CarriedFrom), nullID(t.Replaces), nullID(t.SupersededBy), nullDate(t.DoneOn), nullDate(def.On), nullDate(def.To.Date),
		def.To.Precision, def.To.Text, def.Reason, nullDate(canc.On), canc.Reason, 1, now, now)
	if err := l.add("tasks", row...); err != nil {
		return err
	}
	if t.Deferral != nil {
		if err := l.add("task_deferrals", l.id("task_deferrals"), t.ID, def.On.String(), nullDate(def.To.Date),
			def.To.Precision, def.To.Text, def.Reason, now); err != nil {
			return err
		}
	}
	for i, sp := range t.Shares {
		if err := l.add("task_supports", t.ID, sp.OrgID, i, nullDate(sp.DoneOn), true); err != nil {
			return err
		}
	}
	for i, sp := range t.Support {
		if err := l.add("task_supports", t.ID, sp.OrgID, i, nullDate(sp.DoneOn), false); err != nil {
			return err
		}
	}
	for _, o := range t.Occurrences {
		if err := l.add("task_occurrences", t.ID, o.Due.String(), o.DoneOn.String()); err != nil {
			return err
		}
	}
	return nil
}

// AddReport validates a report, gives it an ID and queues it. Its task must have been added.
func (l *Loader) AddReport(r *congtac.Report) error {
	if err := r.Validate(); err != nil {
		return err
	}
	r.ID, r.Version = l.id("reports"), 1
	now := l.s.now().Unix()
	return l.add("reports", r.ID, r.TaskID, r.OrgID, nullDate(r.Occurrence), r.Text, r.Percent, r.Value,
		nullDate(r.DoneOn), r.Status, r.ReviewNote, nullUnix(r.SubmittedAt), nullUnix(r.ReviewedAt), reportSearch(*r), 1, now, now)
}
