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

	"golang.org/x/sync/errgroup"
)

// Search finds the records of every kind f asks for (issue 15), each kind within the
// actor's reach for it (f.Reaches) and f's filters. Of each kind it reads the newest
// [congtac.SearchWindow] matches (by creation, through the word index in descending ID
// order), ranks them ([vn.Query.Rank], then the newest day, then the newest ID) and
// returns the count and the page f asks: f.Limit hits from f.Offset. The groups come in
// the order of [congtac.SearchKinds]; a kind without a reach is left out, and so is every
// kind when the query has no word to look for. The kinds are read side by side
// ([searchKindsAtOnce]), each in its own read transaction.
//
// The window is read as IDs, days and search keys, which rank it as far as folded words
// can; only the hits of the page have their texts read, and those around it when a term
// typed with diacritics may change their order ([Store.topHits]).
func (s *Store) Search(ctx context.Context, f congtac.SearchFilter) ([]congtac.SearchGroup, error) {
	q := vn.ParseQuery(f.Query)
	if q.Empty() {
		return nil, nil
	}
	sq := searchQuery{q: q, rank: q.Ranker(), match: s.wordMatch(q)}
	found := make([]*congtac.SearchGroup, len(searchSpecs))
	var kinds errgroup.Group
	kinds.SetLimit(searchKindsAtOnce)
	for i, spec := range searchSpecs {
		r, ok := f.Reaches[spec.kind]
		if !ok || (f.Kind != "" && f.Kind != spec.kind) {
			continue
		}
		kinds.Go(func() error {
			return s.inReadTx(ctx, func(tx *sql.Tx) error {
				if s.engine == Postgres { // how common the words are decides the plans: none made once for all
					if _, err := tx.ExecContext(ctx, "SET LOCAL plan_cache_mode = force_custom_plan"); err != nil {
						return fmt.Errorf("store: search: %w", err)
					}
				}
				g, err := s.searchKind(ctx, tx, spec, f, r, sq)
				if err != nil {
					return fmt.Errorf("store: search %s: %w", spec.kind, err)
				}
				found[i] = &g
				return nil
			})
		})
	}
	if err := kinds.Wait(); err != nil {
		return nil, err
	}
	var out []congtac.SearchGroup
	for _, g := range found {
		if g != nil {
			out = append(out, *g)
		}
	}
	return out, nil
}

// searchKindsAtOnce is how many kinds a search reads at once, each in its own read
// transaction: the kinds do not depend on each other, and their words are looked up in
// separate indexes.
const searchKindsAtOnce = 3

// searchQuery is a search's query with what reads it: its ranker, and its words as the
// word index's query language ([Store.wordMatch]).
type searchQuery struct {
	q     vn.Query
	rank  vn.Ranker
	match string
}

// candidate is a match of a search's window, ranked by its search key until its hit is
// read.
type candidate struct {
	id   int64
	key  string
	day  congtac.Date
	rank int
}

// searchKind reads, ranks and pages the hits of one kind.
func (s *Store) searchKind(ctx context.Context, tx *sql.Tx, spec searchSpec, f congtac.SearchFilter,
	r congtac.SearchReach, sq searchQuery) (congtac.SearchGroup, error) {
	g := congtac.SearchGroup{Kind: spec.kind}
	var w where
	if err := spec.filter(ctx, s, tx, &w, f, r); err != nil {
		return g, err
	}
	narrow, err := s.narrowReach(ctx, tx, r.Reach)
	if err != nil {
		return g, err
	}
	var cands []candidate
	if narrow {
		cands, err = s.searchReach(ctx, tx, spec, w, sq)
	} else {
		cands, err = s.searchWindow(ctx, tx, spec, w, sq)
	}
	if err != nil {
		return g, err
	}
	if len(cands) > congtac.SearchWindow {
		cands, g.More = cands[:congtac.SearchWindow], true
	}
	g.Count = len(cands)
	for i := range cands {
		cands[i].rank = sq.rank.KeyRank(cands[i].key)
	}
	slices.SortStableFunc(cands, func(a, b candidate) int {
		return cmp.Or(cmp.Compare(a.rank, b.rank), b.day.Compare(a.day), cmp.Compare(b.id, a.id))
	})
	from := min(f.Offset, len(cands))
	if f.Kind == "" {
		from = 0
	}
	hits, err := s.topHits(ctx, tx, spec, sq.rank, cands, from+max(f.Limit, 1))
	if err != nil {
		return g, err
	}
	g.Hits = hits[min(from, len(hits)):]
	return g, nil
}

// searchWindow returns the newest matches of match (as [Store.wordMatch] writes it) that
// w keeps, [congtac.SearchWindow] and one more at most, newest first.
func (s *Store) searchWindow(ctx context.Context, tx *sql.Tx, spec searchSpec, w where, sq searchQuery) ([]candidate, error) {
	cols := spec.alias + ".id, " + spec.alias + ".search, " + spec.day
	if s.engine == Postgres {
		return s.walkOrLookUp(ctx, tx, spec, cols, w, sq)
	}
	// CROSS JOIN keeps the word index outside: it lists the matches newest first.
	words := spec.table + "_words"
	w.add(words+" MATCH ?", sq.match)
	w.add(spec.alias + ".id = " + words + ".rowid")
	return readRows(ctx, tx, query{"SELECT " + cols + " FROM " + words + " CROSS JOIN " + spec.from + " " + w.String() +
		" ORDER BY " + words + ".rowid DESC LIMIT " + w.arg(congtac.SearchWindow+1), w.args}, scanCandidate)
}

// narrowReach reports whether r holds at most one org in s.narrow (one in [searchNarrow]
// unless set), or none: a search within it reads the reach's own rows
// ([Store.searchReach]) instead of every match of the word index.
func (s *Store) narrowReach(ctx context.Context, q queryer, r *congtac.Reach) (bool, error) {
	switch {
	case r == nil || s.narrow == 0:
		return false, nil
	case r.Org == 0:
		return true, nil
	}
	ids, all, err := s.reachOrgs(ctx, q, r)
	return len(ids)*s.narrow <= all, err
}

// searchNarrow: a reach of at most one org in searchNarrow is searched from its own rows.
const searchNarrow = 10

// searchReach returns the newest matches of sq that w keeps, as [Store.searchWindow] does,
// for a narrow reach: w's conditions on the reach pick its rows through their org indexes,
// and the terms are matched on each row's search key with the LIKE patterns of the lists
// ([vn.Term.Patterns]), which say what the word indexes say. Through the word index, a
// department's search of common words read every match of the province (175,000 reports
// for "kiểm tra") to keep the few within its reach. The key is matched joined to an empty
// string, an expression PostgreSQL's planner cannot answer from the lists' trigram index:
// looking the patterns up there reads every match of the province too.
func (s *Store) searchReach(ctx context.Context, tx *sql.Tx, spec searchSpec, w where, sq searchQuery) ([]candidate, error) {
	addQuery(&w, "("+spec.alias+".search || '')", sq.q)
	return readRows(ctx, tx, query{"SELECT " + spec.alias + ".id, " + spec.alias + ".search, " + spec.day + " FROM " + spec.from +
		" " + w.String() + " ORDER BY " + spec.alias + ".id DESC LIMIT " + w.arg(congtac.SearchWindow+1), w.args}, scanCandidate)
}

// searchWalk is how many of a table's newest rows PostgreSQL walks first to learn how
// common a query's words are ([Store.walkOrLookUp]).
const searchWalk = 4000

// walkOrLookUp reads PostgreSQL's window. Its planner cannot tell how many rows a prefix
// matches (it guesses a few hundred), and the cost of each plan grows with what it guesses
// wrong: looking up the word index reads every match before the newest can be kept, a
// walk down the table by ID reads every row until the window is full. So the newest rows
// (s.walk, [searchWalk]) are walked first; when they do not fill the window, the matches
// they held tell how common the words are, and the cheaper of walking on (about window ÷
// share rows) and looking up (share × rows matches, each about three times dearer) is
// taken. A look-up leaves out the terms of one letter ([Store.lookupMatch]) and checks
// them on what it found.
func (s *Store) walkOrLookUp(ctx context.Context, tx *sql.Tx, spec searchSpec, cols string, w where, sq searchQuery) ([]candidate, error) {
	// read reads the window from rows, a subquery of the table (nil: the table).
	read := func(rows func(w *where) string) ([]candidate, error) {
		w := w.clone()
		from := spec.from
		if rows != nil {
			from = "(" + rows(&w) + ") " + strings.TrimPrefix(spec.from, spec.table+" ")
		}
		w.add(spec.alias+".words @@ CAST(? AS tsquery)", sq.match)
		return readRows(ctx, tx, query{"SELECT " + cols + " FROM " + from + " " + w.String() +
			" ORDER BY " + spec.alias + ".id DESC LIMIT " + w.arg(congtac.SearchWindow+1), w.args}, scanCandidate)
	}
	walk := func(n int64) func(w *where) string {
		return func(w *where) string { return "SELECT * FROM " + spec.table + " ORDER BY id DESC LIMIT " + w.arg(n) }
	}
	first, err := read(walk(s.walk))
	if err != nil || len(first) > congtac.SearchWindow {
		return first, err
	}
	var rows sql.NullInt64 // IDs only grow: the largest bounds the rows
	if err := tx.QueryRowContext(ctx, "SELECT max(id) FROM "+spec.table).Scan(&rows); err != nil {
		return nil, err
	}
	share := float64(len(first)) / float64(s.walk)
	lookup := s.lookupMatch(sq.q)
	switch {
	case rows.Int64 <= s.walk:
		return first, nil // walked them all
	case lookup == "" || (share > 0 && congtac.SearchWindow/share < 3*share*float64(rows.Int64)):
		return read(walk(rows.Int64))
	case lookup == sq.match:
		return read(nil)
	default: // OFFSET 0 keeps the whole query out of the look-up
		return read(func(w *where) string {
			return "SELECT * FROM " + spec.table + " WHERE words @@ CAST(" + w.arg(lookup) + " AS tsquery) OFFSET 0"
		})
	}
}

// lookupMatch returns what of q PostgreSQL's word index looks up well, as [Store.wordMatch]
// writes it: q without its terms of one letter, each the prefix of too many words to be
// worth looking up, nor then its exclusions; "" when nothing is left.
func (s *Store) lookupMatch(q vn.Query) string {
	var kept vn.Query
	for _, t := range q.Terms {
		if t.Exact || len(t.Words) > 1 || len(t.Words[0]) > 1 {
			kept.Terms = append(kept.Terms, t)
		}
	}
	switch {
	case len(kept.Terms) == 0:
		return ""
	case len(kept.Terms) == len(q.Terms):
		kept.Excluded = q.Excluded
	}
	return s.wordMatch(kept)
}

func scanCandidate(sc scanner) (candidate, error) {
	var c candidate
	var day sql.NullString
	if err := sc.Scan(&c.id, &c.key, &day); err != nil {
		return c, err
	}
	if day.Valid && day.String != "" {
		d, err := congtac.ParseDate(day.String)
		if err != nil {
			return c, err
		}
		c.day = d
	}
	return c, nil
}

// topHits returns the hits of the first n of cands, which come ranked by their search
// keys, in the order of their whole rank, day and ID. Without a term typed with
// diacritics the key's rank is the whole rank. With one, a hit's texts may add 2 for each
// such term they do not hold as typed, so the hits are read in the keys' order, a growing
// batch at a time, until n of those read rank before any still unread can: a rank no
// larger than the next one's key rank (the key ranks are 0 or 1 and the texts add even
// numbers, so an unread hit of the same rank has the same key rank and comes later).
func (s *Store) topHits(ctx context.Context, tx *sql.Tx, spec searchSpec, rk vn.Ranker, cands []candidate, n int) ([]congtac.SearchHit, error) {
	var out []congtac.SearchHit
	for next, batch := 0, n; next < len(cands); batch *= 2 {
		part := cands[next:min(next+batch, len(cands))]
		hits, err := s.readHits(ctx, tx, spec, part)
		if err != nil {
			return nil, err
		}
		for i := range hits {
			hits[i].Rank = part[i].rank + rk.AccentRank(hits[i].Title+"\n"+hits[i].Text)
		}
		out, next = append(out, hits...), next+len(part)
		slices.SortStableFunc(out, func(a, b congtac.SearchHit) int {
			return cmp.Or(cmp.Compare(a.Rank, b.Rank), b.Day.Compare(a.Day), cmp.Compare(b.ID, a.ID))
		})
		if !rk.Accented() || (len(out) >= n && next < len(cands) && out[n-1].Rank <= cands[next].rank) {
			break
		}
	}
	return out[:min(n, len(out))], nil
}

// readHits reads the hits of cands, in their order.
func (s *Store) readHits(ctx context.Context, tx *sql.Tx, spec searchSpec, cands []candidate) ([]congtac.SearchHit, error) {
	ids := make([]int64, len(cands))
	for i, c := range cands {
		ids[i] = c.id
	}
	var w where
	cond, args := orgIn(spec.alias+".id", ids)
	w.add(cond, args...)
	hits, err := readRows(ctx, tx, query{"SELECT " + spec.columns + " FROM " + spec.shown + " " + w.String(), w.args}, spec.scan)
	if err != nil {
		return nil, err
	}
	at := make(map[int64]int, len(ids))
	for i, id := range ids {
		at[id] = i
	}
	out := make([]congtac.SearchHit, len(ids))
	for _, h := range hits {
		h.Kind = spec.kind
		out[at[h.ID]] = h
	}
	return out, nil
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
// the column words of alias), what its window is read from (the table first, joined to
// what its filter and day need) and its day; what its hits are read from, their columns
// and their scan; and the conditions of a filter and a reach.
type searchSpec struct {
	kind               congtac.SearchKind
	table, alias, from string
	day                string
	shown, columns     string
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
	{congtac.SearchTask, "tasks", "t", "tasks t", "t.due_date", "tasks t",
		hitColumns("t.id", "t.text", "t.source", "t.lead_id", "t.program_id", "NULL", "NULL", "t.due_date", "NULL"), scanHit,
		func(ctx context.Context, s *Store, q queryer, w *where, f congtac.SearchFilter, r congtac.SearchReach) error {
			w.add(inForceSQL)
			if f.OrgID != nil {
				w.add("t.id IN (SELECT id FROM tasks WHERE lead_id = ? UNION SELECT task_id FROM task_supports WHERE org_id = ?)",
					*f.OrgID, *f.OrgID)
			}
			if f.Period != nil {
				w.add("t.program_id IN (SELECT id FROM programs WHERE period_key = ?)", f.Period.Key())
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
	{congtac.SearchProgram, "programs", "p", "programs p", "p.issued_on", "programs p",
		hitColumns("p.id", "p.title", "''", "p.org_id", "p.id", "NULL", "NULL", "p.issued_on", "p.status"), scanHit,
		programFilter},
	{congtac.SearchItem, "items", "i", "items i JOIN programs p ON p.id = i.program_id", "p.issued_on",
		"items i JOIN programs p ON p.id = i.program_id",
		hitColumns("i.id", "i.heading", "i.text", "p.org_id", "p.id", "NULL", "NULL", "p.issued_on", "p.status"), scanHit,
		programFilter},
	{congtac.SearchReport, "reports", "r", "reports r", "COALESCE(r.occurrence, r.done_on)", "reports r JOIN tasks t ON t.id = r.task_id",
		hitColumns("r.id", "t.text", "r.text", "r.org_id", "t.program_id", "NULL", "r.task_id", "COALESCE(r.occurrence, r.done_on)", "r.status"), scanHit,
		func(ctx context.Context, s *Store, q queryer, w *where, f congtac.SearchFilter, r congtac.SearchReach) error {
			if f.OrgID != nil {
				w.add("r.org_id = ?", *f.OrgID)
			}
			if f.Period != nil {
				w.add("r.task_id IN (SELECT t.id FROM tasks t JOIN programs p ON p.id = t.program_id WHERE p.period_key = ?)",
					f.Period.Key())
			}
			if f.Status != "" && f.Kind == congtac.SearchReport {
				w.add("r.status = ?", f.Status)
			}
			return s.addOrgReach(ctx, q, w, "r.org_id", r.Reach)
		}},
	{congtac.SearchMeeting, "meetings", "m", "meetings m", "m.date", "meetings m",
		hitColumns("m.id", "m.title", "m.place", "m.org_id", "m.program_id", "m.id", "NULL", "m.date", "m.status"), scanHit,
		columnFilter(congtac.SearchMeeting, "m.org_id", "m.date", "m.status")},
	{congtac.SearchAgenda, "agenda_items", "a", "agenda_items a JOIN meetings m ON m.id = a.meeting_id", "m.date",
		"agenda_items a JOIN meetings m ON m.id = a.meeting_id",
		hitColumns("a.id", "a.title", "a.conclusion", "COALESCE(a.lead_id, m.org_id)", "m.program_id", "m.id", "NULL", "m.date", "m.status"), scanHit,
		func(ctx context.Context, s *Store, q queryer, w *where, f congtac.SearchFilter, r congtac.SearchReach) error {
			if f.OrgID != nil {
				w.add("(a.lead_id = ? OR m.org_id = ?)", *f.OrgID, *f.OrgID)
			}
			addPeriodDays(w, "m.date", f.Period)
			return s.addOrgReach(ctx, q, w, "m.org_id", r.Reach)
		}},
	{congtac.SearchCalendar, "engagements", "e", "engagements e", "e.date", "engagements e",
		hitColumns("e.id", "e.title", "e.place || ' ' || e.participants", "e.org_id", "NULL", "e.meeting_id", "NULL", "e.date",
			"CASE WHEN e.cancelled THEN 'cancelled' ELSE '' END"), scanHit,
		columnFilter(congtac.SearchCalendar, "e.org_id", "e.date", "")},
	{congtac.SearchDocument, "documents", "d", "documents d", "d.issued_on", "documents d",
		hitColumns("d.id", "d.summary", "''", "d.org_id", "d.program_id", "d.meeting_id", "NULL", "d.issued_on", "d.doc_type", "d.number", "d.symbol"), scanDocumentHit,
		columnFilter(congtac.SearchDocument, "d.org_id", "d.issued_on", "")},
	{congtac.SearchOrg, "orgs", "o", "orgs o", "NULL", "orgs o",
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
	{congtac.SearchPerson, "people", "pe", "people pe", "NULL", "people pe",
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
