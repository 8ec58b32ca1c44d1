package store

import (
	"errors"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"congtac"
)

// The congtac.Error values the store answers, and database errors mapped to them.

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
