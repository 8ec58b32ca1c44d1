package store

import (
	"context"
	"fmt"
)

// EachText calls fn with the texts of the newest programs and meetings, up to limit of
// each kind: item headings and texts, program titles, task texts, meeting titles and
// agenda matters, and people's full names (signers are among them). It is what an import learns the office's words from (importer's
// Vocabulary), so the texts are read as stored, with no regard to who may read them:
// callers pass them to nothing but such a model.
func (s *Store) EachText(ctx context.Context, limit int, fn func(text string)) error {
	for _, q := range []string{
		`SELECT title FROM programs ORDER BY id DESC LIMIT $1`,
		`SELECT heading || ' ' || text FROM items ORDER BY id DESC LIMIT $1`,
		`SELECT text FROM tasks ORDER BY id DESC LIMIT $1`,
		`SELECT title FROM meetings ORDER BY id DESC LIMIT $1`,
		`SELECT title FROM agenda_items ORDER BY id DESC LIMIT $1`,
		`SELECT full_name FROM people ORDER BY id DESC LIMIT $1`,
	} {
		if err := s.eachString(ctx, q, limit, fn); err != nil {
			return err
		}
	}
	return nil
}

// eachString calls fn with the one column of each row of query.
func (s *Store) eachString(ctx context.Context, query string, limit int, fn func(string)) error {
	rows, err := s.read.QueryContext(ctx, query, limit)
	if err != nil {
		return fmt.Errorf("store: texts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var text string
		if err := rows.Scan(&text); err != nil {
			return fmt.Errorf("store: texts: %w", err)
		}
		fn(text)
	}
	return rows.Err()
}
