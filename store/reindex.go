package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"congtac"
	"congtac/vn"
)

// The search index is the search column of each searchable table (the folded words of its
// texts, written by the same statement that writes the row) and the word index over it:
// an FTS5 table kept by triggers under SQLite, a generated tsvector under a GIN index
// under PostgreSQL (migration 0033). Reindex makes the columns again from the rows.

// searchVersion is the version of the rules the search columns are made by: when a
// database's differs, [Store.Migrate] reindexes. Raise it when vn.SearchKey or a source
// changes.
const searchVersion = "1"

// reportSearch is the search column of a report.
func reportSearch(r congtac.Report) string { return vn.SearchKey(r.Text) }

// engagementSearch is the search column of a calendar entry.
func engagementSearch(e congtac.Engagement) string {
	return vn.SearchKey(e.Title, e.Place, e.Participants)
}

// agendaSearch is the search column of an agenda item: its title and its conclusion.
func agendaSearch(it congtac.AgendaItem) string { return vn.SearchKey(it.Title, it.Conclusion) }

// searchSource is how one table's search column is made: the columns read after id and
// search, and the key made from them.
type searchSource struct {
	table, columns string
	key            func(sc scanner) (id int64, old, key string, err error)
}

// textsKey returns the key function of a source whose key is the vn.SearchKey of its n text
// columns, in order.
func textsKey(n int) func(sc scanner) (int64, string, string, error) {
	return func(sc scanner) (int64, string, string, error) {
		var id int64
		var old string
		texts := make([]string, n)
		dest := []any{&id, &old}
		for i := range texts {
			dest = append(dest, &texts[i])
		}
		err := sc.Scan(dest...)
		return id, old, vn.SearchKey(texts...), err
	}
}

// searchSources lists every table with a search column.
var searchSources = []searchSource{
	{"programs", "title, period_kind, period_year, period_number, number, symbol", func(sc scanner) (int64, string, string, error) {
		var p congtac.Program
		var old string
		var number sql.NullInt64
		var symbol sql.NullString
		err := sc.Scan(&p.ID, &old, &p.Title, &p.Period.Kind, &p.Period.Year, &p.Period.Number, &number, &symbol)
		p.Number, p.Symbol = int(number.Int64), symbol.String
		return p.ID, old, programSearch(p), err
	}},
	{"items", "heading, text", textsKey(2)},
	{"tasks", "text, source, due_text", textsKey(3)},
	{"reports", "text", textsKey(1)},
	{"meetings", "title, place", textsKey(2)},
	{"agenda_items", "title, conclusion", textsKey(2)},
	{"engagements", "title, place, participants", textsKey(3)},
	{"documents", "number, symbol, summary", func(sc scanner) (int64, string, string, error) {
		var d congtac.Document
		var old string
		err := sc.Scan(&d.ID, &old, &d.Number, &d.Symbol, &d.Summary)
		return d.ID, old, vn.SearchKey(d.Code(), d.Summary), err
	}},
	{"orgs", "name, short_name, display_name", textsKey(3)},
	{"people", "full_name", textsKey(1)},
	{"proposals", "text, source", textsKey(2)},
}

// reindexBatch is how many rows Reindex reads and writes in one transaction.
const reindexBatch = 5000

// Reindex makes every search column again from its row, writing those that differ, and
// rebuilds SQLite's word indexes when full is set; it records the rules' version. It
// returns how many rows it changed, by table. Writes may go on meanwhile: each batch is
// its own transaction, and a row written after its batch was read already has the key
// the current rules make.
func (s *Store) Reindex(ctx context.Context, full bool) (map[string]int, error) {
	changed := map[string]int{}
	for _, src := range searchSources {
		n, err := s.reindexTable(ctx, src)
		if err != nil {
			return changed, err
		}
		changed[src.table] = n
		if full && s.engine == SQLite && src.table != "proposals" {
			words := src.table + "_words"
			if _, err := s.write.ExecContext(ctx, "INSERT INTO "+words+" ("+words+") VALUES ('rebuild')"); err != nil {
				return changed, fmt.Errorf("store: reindex %s: %w", src.table, err)
			}
		}
	}
	_, err := s.write.ExecContext(ctx, `INSERT INTO settings (key, value, version, updated_at) VALUES ('search_version', $1, 1, $2)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value, version = settings.version + 1, updated_at = excluded.updated_at`,
		searchVersion, s.now().Unix())
	if err != nil {
		return changed, fmt.Errorf("store: reindex: %w", err)
	}
	return changed, nil
}

// reindexTable makes src's search column again, a batch at a time, and returns how many
// rows changed.
func (s *Store) reindexTable(ctx context.Context, src searchSource) (int, error) {
	type change struct {
		id  int64
		key string
	}
	changed := 0
	for after := int64(0); ; {
		var batch []change
		n := 0
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			rows, err := tx.QueryContext(ctx, "SELECT id, search, "+src.columns+" FROM "+src.table+
				" WHERE id > $1 ORDER BY id LIMIT $2", after, reindexBatch)
			if err != nil {
				return err
			}
			for rows.Next() {
				id, old, key, err := src.key(rows)
				if err != nil {
					rows.Close()
					return err
				}
				n, after = n+1, id
				if key != old {
					batch = append(batch, change{id, key})
				}
			}
			if err := errors.Join(rows.Err(), rows.Close()); err != nil {
				return err
			}
			for _, c := range batch {
				if _, err := tx.ExecContext(ctx, "UPDATE "+src.table+" SET search = $1 WHERE id = $2", c.key, c.id); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return changed, fmt.Errorf("store: reindex %s: %w", src.table, err)
		}
		changed += len(batch)
		if n < reindexBatch {
			return changed, nil
		}
	}
}

// reindexIfStale reindexes when the search columns were made by other rules than
// [searchVersion]'s, or never (a database migrated to 0033).
func (s *Store) reindexIfStale(ctx context.Context) error {
	var v string
	err := s.read.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = 'search_version'").Scan(&v)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("store: search version: %w", err)
	}
	if v == searchVersion {
		return nil
	}
	_, err = s.Reindex(ctx, false)
	return err
}
