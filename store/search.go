package store

import (
	"strings"

	"congtac/vn"
)

// searchWords folds a user's query into the words every match must contain. LIKE's
// wildcards and escape are dropped so that a query is always taken literally.
func searchWords(query string) []string {
	folded := strings.Map(func(r rune) rune {
		if r == '%' || r == '_' || r == '\\' {
			return ' '
		}
		return r
	}, vn.Fold(query))
	return strings.Fields(folded)
}

// addSearch adds one "column LIKE %word%" condition per query word: a match contains every
// word of the query, diacritics and case ignored, on both engines alike.
func addSearch(w *where, column, query string) {
	for _, word := range searchWords(query) {
		w.add(column+" LIKE ?", "%"+word+"%")
	}
}

// addIndexedSearch is [addSearch] for the large tables (tasks, items) whose folded text has a
// trigram index: SQLite answers from the FTS5 trigram table named fts, PostgreSQL from the
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
		likes[i], args[i] = "search LIKE ?", "%"+word+"%"
	}
	w.add(idColumn+" IN (SELECT rowid FROM "+fts+" WHERE "+strings.Join(likes, " AND ")+")", args...)
}
