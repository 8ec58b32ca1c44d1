package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"congtac"
	"congtac/vn"
)

// Search finds the records of every kind f asks for (issue 15), each kind within the
// actor's reach for it (f.Reaches) and f's filters. Of each kind it reads the newest
// [congtac.SearchWindow] matches (by creation, through the word index in descending ID
// order), ranks them ([vn.Query.Rank], then the newest day, then the newest ID) and
// returns the count and the page f asks: f.Limit hits from f.Offset. The groups come in
// the order of [congtac.SearchKinds]; a kind without a reach is left out, and so is every
// kind when the query has no word to look for.
func (s *Store) Search(ctx context.Context, f congtac.SearchFilter) ([]congtac.SearchGroup, error) {
	q := vn.ParseQuery(f.Query)
	if q.Empty() {
		return nil, nil
	}
	match := s.wordMatch(q)
	var out []congtac.SearchGroup
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		for _, spec := range searchSpecs {
			r, ok := f.Reaches[spec.kind]
			if !ok || (f.Kind != "" && f.Kind != spec.kind) {
				continue
			}
			g, err := s.searchKind(ctx, tx, spec, f, r, q, match)
			if err != nil {
				return fmt.Errorf("store: search %s: %w", spec.kind, err)
			}
			out = append(out, g)
		}
		return nil
	})
	return out, err
}

// searchKind reads, ranks and pages the hits of one kind.
func (s *Store) searchKind(ctx context.Context, tx *sql.Tx, spec searchSpec, f congtac.SearchFilter,
	r congtac.SearchReach, q vn.Query, match string) (congtac.SearchGroup, error) {
	g := congtac.SearchGroup{Kind: spec.kind}
	var w where
	if err := spec.filter(ctx, s, tx, &w, f, r); err != nil {
		return g, err
	}
	var sqlText string
	if s.engine == SQLite {
		// CROSS JOIN keeps the word index outside: it lists the matches newest first.
		words := spec.table + "_words"
		w.add(words+" MATCH ?", match)
		w.add(spec.alias + ".id = " + words + ".rowid")
		sqlText = "SELECT " + spec.columns + " FROM " + words + " CROSS JOIN " + spec.from + " " + w.String() +
			" ORDER BY " + words + ".rowid DESC"
	} else {
		w.add(spec.alias+".words @@ to_tsquery('simple', ?)", match)
		sqlText = "SELECT " + spec.columns + " FROM " + spec.from + " " + w.String() + " ORDER BY " + spec.alias + ".id DESC"
	}
	sqlText += " LIMIT " + w.arg(congtac.SearchWindow+1)
	hits, err := readRows(ctx, tx, query{sqlText, w.args}, spec.scan)
	if err != nil {
		return g, err
	}
	if len(hits) > congtac.SearchWindow {
		hits, g.More = hits[:congtac.SearchWindow], true
	}
	g.Count = len(hits)
	for i := range hits {
		hits[i].Kind = spec.kind
		hits[i].Rank = q.Rank(hits[i].Title + "\n" + hits[i].Text)
	}
	slices.SortStableFunc(hits, func(a, b congtac.SearchHit) int {
		return cmp.Or(cmp.Compare(a.Rank, b.Rank), b.Day.Compare(a.Day), cmp.Compare(b.ID, a.ID))
	})
	from := min(f.Offset, len(hits))
	if f.Kind == "" {
		from = 0
	}
	g.Hits = hits[from:min(from+max(f.Limit, 1), len(hits))]
	return g, nil
}

// wordMatch returns q as the word index's query language: an FTS5 expression under
// SQLite, a tsquery under PostgreSQL. Each term is its words in a row, the last one a
// prefix unless the term is exact ([vn.Term]); every term must match and no excluded one.
// The words are letters and digits only ([vn.SearchWords]), which neither language reads
// as an operator.
func (s *Store) wordMatch(q vn.Query) string {
	term := func(t vn.Term) string {
		if s.engine == SQLite {
			phrase := `"` + strings.Join(t.Words, " ") + `"`
			if !t.Exact {
				phrase += "*"
			}
			return phrase
		}
		words := slices.Clone(t.Words)
		if !t.Exact {
			words[len(words)-1] += ":*"
		}
		return "(" + strings.Join(words, " <-> ") + ")"
	}
	and, not := " AND ", " NOT "
	if s.engine == Postgres {
		and, not = " & ", " & !"
	}
	parts := make([]string, len(q.Terms))
	for i, t := range q.Terms {
		parts[i] = term(t)
	}
	out := strings.Join(parts, and)
	if s.engine == SQLite && len(q.Excluded) > 0 {
		out = "(" + out + ")"
	}
	for _, t := range q.Excluded {
		out += not + term(t)
	}
	return out
}

// searchSpec is how one kind is searched: its table (whose word index is table_words, or
// the column words of alias), what the query reads from, the columns of a hit and their
// scan, and the conditions of a filter and a reach.
type searchSpec struct {
	kind               congtac.SearchKind
	table, alias, from string
	columns            string
	scan               func(sc scanner) (congtac.SearchHit, error)
	filter             searchFilterFunc
}

// hitColumns are the columns every kind's query selects, in the order scanHit reads them:
// ID, title, text, org, program, meeting, task, day and status.
func hitColumns(cols ...string) string { return strings.Join(cols, ", ") }

// scanHit reads the columns [hitColumns] lists.
func scanHit(sc scanner) (congtac.SearchHit, error) { return scanHitWith(sc) }

// scanHitWith reads the columns [hitColumns] lists and then those of extra.
func scanHitWith(sc scanner, extra ...any) (congtac.SearchHit, error) {
	var h congtac.SearchHit
	var org, program, meeting, task sql.NullInt64
	var day, status sql.NullString
	dest := append([]any{&h.ID, &h.Title, &h.Text, &org, &program, &meeting, &task, &day, &status}, extra...)
	if err := sc.Scan(dest...); err != nil {
		return h, err
	}
	h.OrgID, h.ProgramID, h.MeetingID, h.TaskID = org.Int64, program.Int64, meeting.Int64, task.Int64
	h.Status = status.String
	if day.Valid && day.String != "" {
		d, err := congtac.ParseDate(day.String)
		if err != nil {
			return h, err
		}
		h.Day = d
	}
	return h, nil
}

// searchSpecs lists how each kind is searched, in the order of [congtac.SearchKinds].
var searchSpecs = []searchSpec{
	{congtac.SearchTask, "tasks", "t", "tasks t JOIN programs p ON p.id = t.program_id",
		hitColumns("t.id", "t.text", "t.source", "t.lead_id", "t.program_id", "NULL", "NULL", "t.due_date", "NULL"), scanHit,
		func(ctx context.Context, s *Store, q queryer, w *where, f congtac.SearchFilter, r congtac.SearchReach) error {
			w.add(inForceSQL)
			if f.OrgID != nil {
				w.add("t.id IN (SELECT id FROM tasks WHERE lead_id = ? UNION SELECT task_id FROM task_supports WHERE org_id = ?)",
					*f.OrgID, *f.OrgID)
			}
			if f.Period != nil {
				w.add("p.period_key = ?", f.Period.Key())
			}
			if f.Status != "" && f.Kind == congtac.SearchTask {
				asOf := f.AsOf
				if asOf.IsZero() {
					asOf = s.today()
				}
				w.add(statusIsSQL(w.arg(asOf.String()), w.arg(string(statusCode(congtac.Status(f.Status))))))
			}
			return s.addTaskReach(ctx, q, w, r.Reach)
		}},
	{congtac.SearchProgram, "programs", "p", "programs p",
		hitColumns("p.id", "p.title", "''", "p.org_id", "p.id", "NULL", "NULL", "p.issued_on", "p.status"), scanHit,
		programFilter},
	{congtac.SearchItem, "items", "i", "items i JOIN programs p ON p.id = i.program_id",
		hitColumns("i.id", "i.heading", "i.text", "p.org_id", "p.id", "NULL", "NULL", "p.issued_on", "p.status"), scanHit,
		programFilter},
	{congtac.SearchReport, "reports", "r", "reports r JOIN tasks t ON t.id = r.task_id JOIN programs p ON p.id = t.program_id",
		hitColumns("r.id", "t.text", "r.text", "r.org_id", "t.program_id", "NULL", "r.task_id", "COALESCE(r.occurrence, r.done_on)", "r.status"), scanHit,
		func(ctx context.Context, s *Store, q queryer, w *where, f congtac.SearchFilter, r congtac.SearchReach) error {
			if f.OrgID != nil {
				w.add("r.org_id = ?", *f.OrgID)
			}
			if f.Period != nil {
				w.add("p.period_key = ?", f.Period.Key())
			}
			if f.Status != "" && f.Kind == congtac.SearchReport {
				w.add("r.status = ?", f.Status)
			}
			return s.addOrgReach(ctx, q, w, "r.org_id", r.Reach)
		}},
	{congtac.SearchMeeting, "meetings", "m", "meetings m",
		hitColumns("m.id", "m.title", "m.place", "m.org_id", "m.program_id", "m.id", "NULL", "m.date", "m.status"), scanHit,
		columnFilter(congtac.SearchMeeting, "m.org_id", "m.date", "m.status")},
	{congtac.SearchAgenda, "agenda_items", "a", "agenda_items a JOIN meetings m ON m.id = a.meeting_id",
		hitColumns("a.id", "a.title", "a.conclusion", "COALESCE(a.lead_id, m.org_id)", "m.program_id", "m.id", "NULL", "m.date", "m.status"), scanHit,
		func(ctx context.Context, s *Store, q queryer, w *where, f congtac.SearchFilter, r congtac.SearchReach) error {
			if f.OrgID != nil {
				w.add("(a.lead_id = ? OR m.org_id = ?)", *f.OrgID, *f.OrgID)
			}
			addPeriodDays(w, "m.date", f.Period)
			return s.addOrgReach(ctx, q, w, "m.org_id", r.Reach)
		}},
	{congtac.SearchCalendar, "engagements", "e", "engagements e",
		hitColumns("e.id", "e.title", "e.place || ' ' || e.participants", "e.org_id", "NULL", "e.meeting_id", "NULL", "e.date",
			"CASE WHEN e.cancelled THEN 'cancelled' ELSE '' END"), scanHit,
		columnFilter(congtac.SearchCalendar, "e.org_id", "e.date", "")},
	{congtac.SearchDocument, "documents", "d", "documents d",
		hitColumns("d.id", "d.summary", "''", "d.org_id", "d.program_id", "d.meeting_id", "NULL", "d.issued_on", "d.doc_type", "d.number", "d.symbol"), scanDocumentHit,
		columnFilter(congtac.SearchDocument, "d.org_id", "d.issued_on", "")},
	{congtac.SearchOrg, "orgs", "o", "orgs o",
		hitColumns("o.id", "o.name", "o.short_name", "o.id", "NULL", "NULL", "NULL", "NULL", "o.kind"), scanHit,
		func(ctx context.Context, s *Store, q queryer, w *where, f congtac.SearchFilter, r congtac.SearchReach) error {
			if f.OrgID != nil {
				w.add("(o.id = ? OR o.parent_id = ?)", *f.OrgID, *f.OrgID)
			}
			if f.Period != nil {
				w.add("1 = 0")
			}
			return s.addOrgReach(ctx, q, w, "o.id", r.Reach)
		}},
	{congtac.SearchPerson, "people", "pe", "people pe",
		hitColumns("pe.id", "pe.full_name", "''", "pe.org_id", "NULL", "NULL", "NULL", "NULL", "NULL"), scanHit,
		columnFilter(congtac.SearchPerson, "pe.org_id", "", "")},
}

// scanDocumentHit reads a document's hit, its number and symbol ([congtac.FormatNumber])
// put before its summary: "45/CTr-UBND Chương trình công tác tháng 4".
func scanDocumentHit(sc scanner) (congtac.SearchHit, error) {
	var number int
	var symbol string
	h, err := scanHitWith(sc, &number, &symbol)
	h.Title = congtac.FormatNumber(number, symbol) + " " + h.Title
	return h, err
}

// programFilter is the filter of programs and of their items ("programs p"): the
// programs of the period's lists, not the task lists of meetings' conclusions; issued
// ones within r.Reach, drafts within r.Drafts.
func programFilter(ctx context.Context, s *Store, q queryer, w *where, f congtac.SearchFilter, r congtac.SearchReach) error {
	w.add("p.meeting_id IS NULL")
	if f.OrgID != nil {
		w.add("p.org_id = ?", *f.OrgID)
	}
	if f.Period != nil {
		w.add("p.period_key = ?", f.Period.Key())
	}
	if f.Status != "" && f.Kind == congtac.SearchProgram {
		w.add("p.status = ?", f.Status)
	}
	return s.addProgramReach(ctx, q, w, r.Reach, r.Drafts)
}

// searchFilterFunc adds the conditions of a search's filter and reach on one kind to w.
type searchFilterFunc func(ctx context.Context, s *Store, q queryer, w *where, f congtac.SearchFilter, r congtac.SearchReach) error

// columnFilter returns the filter of a kind whose org, day and status are columns (day
// and status "" when it has none): the org's records, those dated within the period (none
// without a day), the status when the search is of this kind, and the org within reach.
func columnFilter(kind congtac.SearchKind, org, day, status string) searchFilterFunc {
	return func(ctx context.Context, s *Store, q queryer, w *where, f congtac.SearchFilter, r congtac.SearchReach) error {
		if f.OrgID != nil {
			w.add(org+" = ?", *f.OrgID)
		}
		if f.Period != nil && day == "" {
			w.add("1 = 0")
		} else {
			addPeriodDays(w, day, f.Period)
		}
		if f.Status != "" && f.Kind == kind && status != "" {
			w.add(status+" = ?", f.Status)
		}
		return s.addOrgReach(ctx, q, w, org, r.Reach)
	}
}

// addPeriodDays keeps the rows whose day column falls within p, when p is set.
func addPeriodDays(w *where, column string, p *congtac.Period) {
	if p != nil {
		w.add(column+" BETWEEN ? AND ?", p.Start().String(), p.End().String())
	}
}

// addOrgReach keeps the rows whose org column is within r: every row for a nil r, none
// for one without an org. The orgs are read first and bound as a list.
func (s *Store) addOrgReach(ctx context.Context, q queryer, w *where, column string, r *congtac.Reach) error {
	if r == nil {
		return nil
	}
	ids, every, err := s.reachIDs(ctx, q, r)
	if err != nil || every {
		return err
	}
	cond, args := orgIn(column, ids)
	w.add(cond, args...)
	return nil
}
