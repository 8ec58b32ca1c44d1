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

// addIndexedSearch is [addSearch] for the large tables (tasks, items) whose search column has
// a trigram index: SQLite answers from the FTS5 trigram table named fts, PostgreSQL from the
// pg_trgm index on the column. Both give the same rows as addSearch.
func (s *Store) addIndexedSearch(w *where, idColumn, column, fts, query string) {
	words := searchWords(query)
	if len(words) == 0 {
		return
	}
	if s.engine == Postgres {
		addSearch(w, column, query)
		return
	}
	likes := make([]string, len(words))
	args := make([]any, len(words))
	for i, word := range words {
		likes[i], args[i] = "search LIKE ?", "% "+word+"%"
	}
	w.add(idColumn+" IN (SELECT rowid FROM "+fts+" WHERE "+strings.Join(likes, " AND ")+")", args...)
}

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
		return s.attachAgenda(ctx, tx, out)
	})
	if err != nil {
		return nil, 0, fmt.Errorf("store: search meetings: %w", err)
	}
	return out, total, nil
}
