package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"congtac"
	"congtac/vn"
)

// Search matches whole words from their start, diacritics and case ignored: "duong" finds
// "đường", "ke hoa" finds "kế hoạch", and "an" does not find "ban". A query also takes
// "quoted phrases", -exclusions and symbols matched whole ("19-CT/TU"), as [vn.ParseQuery]
// reads them. To give both engines the
// same rule with their trigram indexes, every searchable table keeps a search column made
// by [vn.SearchKey]: the folded words separated by single spaces, with a space in front, so that
// "a word starting with w" is simply LIKE '% w%'.

// addSearch adds the conditions of the search text ([vn.ParseQuery]) on column: each term
// matches and no excluded term does.
func addSearch(w *where, column, text string) { addQuery(w, column, vn.ParseQuery(text)) }

// addQuery adds the conditions of q on column: each term matches one of its patterns
// ([vn.Term.Patterns]) and no excluded term does. An empty query adds none.
func addQuery(w *where, column string, q vn.Query) {
	for _, t := range q.Terms {
		cond, args := likeAny(column, t)
		w.add(cond, args...)
	}
	for _, t := range q.Excluded {
		cond, args := likeAny(column, t)
		w.add("NOT "+cond, args...)
	}
}

// likeAny returns the condition "column matches one of t's patterns" and its arguments.
func likeAny(column string, t vn.Term) (string, []any) {
	var conds []string
	var args []any
	for _, p := range t.Patterns() {
		conds, args = append(conds, column+" LIKE ?"), append(args, p)
	}
	return "(" + strings.Join(conds, " OR ") + ")", args
}

// addTaskSearch is [addSearch] on the tasks ("tasks t"), whose search column has a trigram
// index, and gives the same rows. PostgreSQL answers from the pg_trgm index on the column.
// SQLite asks the FTS5 trigram table tasks_fts, through q, for at most [searchProbe]
// matches of the terms as prefixes; for those few, w gets their IDs besides the query's
// own conditions (phrases, symbols, exclusions). When there are more, the words are
// common, and w gets the query's conditions alone: the list's index in list order meets the matches
// of its first page within a few rows, where the trigram table would check every match
// against its row (22,000 rows, 150 ms, for "kiểm tra" in a province) before the first
// could be listed. The probe is kept while the tasks do not change.
func (s *Store) addTaskSearch(ctx context.Context, q queryer, w *where, text string) error {
	sq := vn.ParseQuery(text)
	if sq.Empty() {
		return nil
	}
	if s.engine == Postgres {
		addQuery(w, "t.search", sq)
		return nil
	}
	// The probe asks for every term as a prefix, which holds whatever else the query says;
	// the query's own conditions then keep the matches it means.
	likes := make([]string, len(sq.Terms))
	args := make([]any, len(sq.Terms), len(sq.Terms)+1)
	for i, t := range sq.Terms {
		likes[i], args[i] = "search LIKE ?", "% "+strings.Join(t.Words, " ")+"%"
	}
	probe := query{"SELECT rowid FROM tasks_fts WHERE " + strings.Join(likes, " AND ") + " LIMIT ?",
		append(args, s.probe+1)}
	ids, err := keptOf(ctx, s, q, []string{tasksChanged}, probe, func() ([]int64, error) {
		return readRows(ctx, q, probe, func(sc scanner) (id int64, err error) { return id, sc.Scan(&id) })
	})
	if err != nil {
		return fmt.Errorf("store: search: %w", err)
	}
	if len(ids) <= s.probe {
		w.add(s.inIDs("t.id", ids))
	}
	addQuery(w, "t.search", sq)
	return nil
}

// searchProbe is how many matches of a search [Store.addTaskSearch] reads from the
// trigram index before it lets the list's own order find them instead.
const searchProbe = 200

// SearchMeetings returns the meetings a search lists: the first f.Limit (at most 1000) of
// those matching f's words, org, program, kind and reach, by day and time, with their
// agendas, and how many match. f's dates are not read. It costs what its first page costs.
func (s *Store) SearchMeetings(ctx context.Context, f congtac.MeetingFilter) ([]congtac.Meeting, int, error) {
	var w where
	if f.OrgID != nil {
		w.add("org_id = ?", *f.OrgID)
	}
	if f.ProgramID != nil {
		w.add("program_id = ?", *f.ProgramID)
	}
	if f.Kind != nil {
		w.add("kind = ?", *f.Kind)
	}
	s.addReach(&w, "org_id", f.Reach)
	addSearch(&w, "search", f.Query)
	var out []congtac.Meeting
	var total int
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM meetings "+w.String(), w.args...).Scan(&total); err != nil {
			return err
		}
		var err error
		out, err = queryMeetings(ctx, tx, "SELECT "+meetingColumns+" FROM meetings "+w.String()+
			" ORDER BY date, "+startOrder+", id"+w.page(f.Limit, 0, 1000), w.args...)
		if err != nil {
			return err
		}
		return s.attachMeetingParts(ctx, tx, out)
	})
	if err != nil {
		return nil, 0, fmt.Errorf("store: search meetings: %w", err)
	}
	return out, total, nil
}
