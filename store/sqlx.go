package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"congtac"
	"congtac/vn"
)

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

// nullID maps the zero ID to NULL, for optional foreign keys.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// nullDate maps the zero Date to NULL.
func nullDate(d congtac.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

// nullUnix maps an instant to Unix seconds, and the zero instant to NULL.
func nullUnix(t interface {
	IsZero() bool
	Unix() int64
}) any {
	if t.IsZero() {
		return nil
	}
	return t.Unix()
}

// dateCol scans a nullable date column.
type dateCol struct{ d *congtac.Date }

// Scan implements sql.Scanner.
func (c dateCol) Scan(v any) error {
	switch v := v.(type) {
	case nil:
		*c.d = congtac.Date{}
		return nil
	case string:
		d, err := congtac.ParseDate(v)
		*c.d = d
		return err
	case []byte:
		d, err := congtac.ParseDate(string(v))
		*c.d = d
		return err
	}
	return fmt.Errorf("store: date column holds %T", v)
}

// idCol scans a nullable ID column into an int64 that is 0 for NULL.
type idCol struct{ id *int64 }

// Scan implements sql.Scanner.
func (c idCol) Scan(v any) error {
	var n sql.NullInt64
	if err := n.Scan(v); err != nil {
		return err
	}
	*c.id = n.Int64
	return nil
}

// jsonCol scans a JSON text column into any value.
type jsonCol struct{ v any }

// Scan implements sql.Scanner.
func (c jsonCol) Scan(v any) error {
	var s string
	switch v := v.(type) {
	case nil:
		return nil
	case string:
		s = v
	case []byte:
		s = string(v)
	default:
		return fmt.Errorf("store: json column holds %T", v)
	}
	if s == "" {
		return nil
	}
	return json.Unmarshal([]byte(s), c.v)
}

// mustJSON encodes v; the values given are plain structs that always encode.
func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("store: encode %T: %v", v, err))
	}
	return string(b)
}

// notFound returns the ENOTFOUND error for a record kind in Vietnamese.
func notFound(what string) error {
	return congtac.Errorf(congtac.ENOTFOUND, "Không tìm thấy %s.", what)
}

// conflict returns the ECONFLICT error of a stale version.
func conflict(what string) error {
	return congtac.Errorf(congtac.ECONFLICT,
		"%s đã được người khác sửa sau khi bạn mở. Hãy tải lại để xem bản mới nhất rồi sửa lại.", what)
}

// isUniqueViolation reports whether err is a write refused by a unique index or primary key:
// PostgreSQL's SQLSTATE 23505, or SQLite's extended codes for the same.
func isUniqueViolation(err error) bool {
	var pg *pgconn.PgError
	var lite *sqlite.Error
	switch {
	case errors.As(err, &pg):
		return pg.Code == "23505" // unique_violation
	case errors.As(err, &lite):
		return lite.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || lite.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
	}
	return false
}

// uniqueAsConflict returns ECONFLICT for a unique violation that a use case's own checks
// did not foresee (two writers racing for the same key, which PostgreSQL lets both check
// and only one insert), and err unchanged otherwise.
func uniqueAsConflict(err error) error {
	if isUniqueViolation(err) && congtac.ErrorCode(err) == congtac.EINTERNAL {
		return congtac.Errorf(congtac.ECONFLICT,
			"Dữ liệu trùng với một bản ghi vừa được người khác tạo. Hãy tải lại trang để xem rồi làm lại.")
	}
	return err
}

// cleanText puts a user's text in NFC without surrounding spaces. Invalid UTF-8 is left as
// it is, for the domain's Validate to refuse ([congtac.CheckText]): repaired, what was kept
// would not be what was sent.
func cleanText(s string) string {
	s = strings.TrimSpace(s)
	if !utf8.ValidString(s) {
		return s
	}
	return vn.NFC(s)
}

// checkPerson returns ENOTFOUND naming what when a person ID other than 0 does not exist.
func checkPerson(ctx context.Context, q queryer, id int64, what string) error {
	if id == 0 {
		return nil
	}
	var n int
	if err := q.QueryRowContext(ctx, "SELECT count(*) FROM people WHERE id = $1", id).Scan(&n); err != nil {
		return fmt.Errorf("store: find person: %w", err)
	}
	if n == 0 {
		return notFound(what)
	}
	return nil
}

// unixCol scans a nullable Unix-seconds column into a UTC instant, the zero instant for NULL.
type unixCol struct{ t *time.Time }

// Scan implements sql.Scanner.
func (c unixCol) Scan(v any) error {
	var n sql.NullInt64
	if err := n.Scan(v); err != nil {
		return err
	}
	*c.t = time.Time{}
	if n.Valid {
		*c.t = time.Unix(n.Int64, 0).UTC()
	}
	return nil
}

// nullFloat maps a missing value to NULL.
func nullFloat(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

// scanner is a row a scan function reads: *sql.Row or *sql.Rows.
type scanner interface{ Scan(...any) error }

// findPage runs, in one read snapshot, the count of the rows of from (a table or join)
// matching w and the page of them in order, each read by scan: the shape of every Find
// method that returns a page and the total.
func findPage[T any](ctx context.Context, s *Store, what, columns, from string, w *where, order string,
	limit, offset, max int, scan func(scanner) (T, error)) ([]T, int, error) {
	var out []T
	var total int
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM "+from+" "+w.String(), w.args...).Scan(&total); err != nil {
			return err
		}
		q := "SELECT " + columns + " FROM " + from + " " + w.String() + " ORDER BY " + order + w.page(limit, offset, max)
		rows, err := tx.QueryContext(ctx, q, w.args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			v, err := scan(rows)
			if err != nil {
				return err
			}
			out = append(out, v)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, 0, fmt.Errorf("store: find %s: %w", what, err)
	}
	return out, total, nil
}
