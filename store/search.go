package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode"

	"congtac"
	"congtac/vn"
)

// Search matches whole words from their start, diacritics and case ignored: "duong" finds
// "đường", "ke hoa" finds "kế hoạch", and "an" does not find "ban". To give both engines the
// same rule with their trigram indexes, every searchable table keeps a search column made
// by searchKey: the folded words separated by single spaces, with a space in front, so that
// "a word starting with w" is simply LIKE '% w%'.

// searchKey returns the search column of the given texts: " " followed by their folded
// words, every character that is neither letter nor digit counting as a space.
func searchKey(texts ...string) string {
	return " " + strings.Join(searchWords(strings.Join(texts, " ")), " ")
}

// searchWords folds a text into its words. LIKE's wildcards and escape are not letters, so
// a query is always taken literally.
func searchWords(text string) []string {
	return strings.FieldsFunc(vn.Fold(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// addSearch adds one condition per query word: the column has a word starting with it.
func addSearch(w *where, column, query string) {
	for _, word := range searchWords(query) {
		w.add(column+" LIKE ?", "% "+word+"%")
	}
}

// addTaskSearch is [addSearch] on the tasks ("tasks t"), whose search column has a trigram
// index, and gives the same rows. PostgreSQL answers from the pg_trgm index on the column.
// SQLite asks the FTS5 trigram table tasks_fts, through q, for at most [searchProbe]
// matches; for those few, w gets their IDs. When there are more, the words are common, and
// w gets addSearch's conditions instead: the list's index in list order meets the matches
// of its first page within a few rows, where the trigram table would check every match
// against its row (22,000 rows, 150 ms, for "kiểm tra" in a province) before the first
// could be listed. The probe is kept while the tasks do not change.
func (s *Store) addTaskSearch(ctx context.Context, q queryer, w *where, text string) error {
	words := searchWords(text)
	if len(words) == 0 {
		return nil
	}
	if s.engine == Postgres {
		addSearch(w, "t.search", text)
		return nil
	}
	likes := make([]string, len(words))
	args := make([]any, len(words), len(words)+1)
	for i, word := range words {
		likes[i], args[i] = "search LIKE ?", "% "+word+"%"
	}
	probe := query{"SELECT rowid FROM tasks_fts WHERE " + strings.Join(likes, " AND ") + " LIMIT ?",
		append(args, s.probe+1)}
	ids, err := keptOf(ctx, s, q, []string{tasksChanged}, probe, func() ([]int64, error) {
		return readRows(ctx, q, probe, func(sc scanner) (id int64, err error) { return id, sc.Scan(&id) })
	})
	if err != nil {
		return fmt.Errorf("store: search: %w", err)
	}
	if len(ids) > s.probe {
		addSearch(w, "t.search", text)
		return nil
	}
	w.add(s.inIDs("t.id", ids))
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
