package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Filtered, paged queries: conditions bound as arguments, never spliced in.

// where accumulates the conditions of a filtered query. Conditions are constant SQL
// fragments written in this package with "?" standing for the next argument; values only
// ever travel as arguments, numbered $1, $2 … for both engines.
type where struct {
	conds []string
	args  []any
}

// add appends a condition whose "?" marks are bound, in order, to args.
func (w *where) add(cond string, args ...any) {
	var b strings.Builder
	i := 0
	for _, r := range cond {
		if r == '?' && i < len(args) {
			w.args = append(w.args, args[i])
			b.WriteString("$" + strconv.Itoa(len(w.args)))
			i++
			continue
		}
		b.WriteRune(r)
	}
	w.conds = append(w.conds, b.String())
}

// clone returns a copy of w that adds conditions and arguments without touching w.
func (w where) clone() where {
	return where{conds: slices.Clone(w.conds), args: slices.Clone(w.args)}
}

// arg appends a value and returns its placeholder, for LIMIT and OFFSET.
func (w *where) arg(v any) string {
	w.args = append(w.args, v)
	return "$" + strconv.Itoa(len(w.args))
}

// String returns "WHERE a AND b", or "" without conditions.
func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return "WHERE " + strings.Join(w.conds, " AND ")
}

// page returns the LIMIT/OFFSET clause, with a limit of at most max (and max when none).
func (w *where) page(limit, offset, max int) string {
	if limit <= 0 || limit > max {
		limit = max
	}
	s := " LIMIT " + w.arg(limit)
	if offset > 0 {
		s += " OFFSET " + w.arg(offset)
	}
	return s
}

// scanner is a row a scan function reads: *sql.Row or *sql.Rows.
type scanner interface{ Scan(...any) error }

// findPage runs, in one read snapshot, the count of the rows of from (a table or join)
// matching w and the page of them in order, each read by scan: the shape of every Find
// method that returns a page and the total. When from reads only the tables of counters
// (none: always count), the count is kept as [keptOf] keeps one.
func findPage[T any](ctx context.Context, s *Store, what, columns, from string, w *where, order string,
	limit, offset, max int, counters []string, scan func(scanner) (T, error)) ([]T, int, error) {
	var out []T
	var total int
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		count := query{"SELECT count(*) FROM " + from + " " + w.String(), slices.Clone(w.args)}
		countRows := func() (n int, err error) { return n, tx.QueryRowContext(ctx, count.sql, count.args...).Scan(&n) }
		var err error
		if counters == nil {
			total, err = countRows()
		} else {
			total, err = keptOf(ctx, s, tx, counters, count, countRows)
		}
		if err != nil || total <= offset {
			return err // no row to read: a kept count of none spares the scan of a search
		}
		page := query{"SELECT " + columns + " FROM " + from + " " + w.String() + " ORDER BY " + order + w.page(limit, offset, max), w.args}
		out, err = readRows(ctx, tx, page, scan)
		return err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("store: find %s: %w", what, err)
	}
	return out, total, nil
}
