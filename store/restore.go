package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"congtac"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// holdSQLite takes the shared lock every process holds on the SQLite database at path while
// it has it open; ECONFLICT while [Restore] replaces it.
func holdSQLite(path string) (*fileLock, error) {
	l, err := lockFile(path+".lock", false)
	if errors.Is(err, errLocked) {
		return nil, congtac.Errorf(congtac.ECONFLICT,
			"Cơ sở dữ liệu %s đang được khôi phục; hãy chờ lệnh khôi phục xong rồi mở lại.", path)
	}
	return l, err
}

// Restore replaces the SQLite database at path with a copy of the backup from (a file made
// by [Store.Backup]), for a database lost or damaged. It refuses (ECONFLICT) while any
// process has the database open: a congtac server or command holds its lock file ([Open]),
// and any other SQLite connection (the sqlite3 shell, an older congtac) keeps SQLite from
// leaving WAL mode. The backup is checked first (EINVALID when it is not a whole congtac
// database of a schema this program knows, or when a -wal file beside it may hold more of
// it); nothing changes then. The database it replaces, with its -wal or -journal file, is
// kept as path.before-restore-N (the first N free), whose name it returns ("" when there was
// no database); its -shm file, an index rebuilt from the -wal, is removed, so that no file
// of the old database is ever read with the new one (an old -wal beside a copied backup
// makes "database disk image is malformed"). The copy is written beside path and renamed
// over it, so that path holds either database whole, never a part. The next [Open] and
// [Store.Migrate] bring the schema up to date. A PostgreSQL URL is EINVALID: pg_restore
// restores PostgreSQL.
func Restore(ctx context.Context, path, from string) (kept string, err error) {
	if IsPostgres(path) {
		return "", congtac.Errorf(congtac.EINVALID, "Cơ sở dữ liệu PostgreSQL được khôi phục bằng pg_restore.")
	}
	if path == "" || from == "" {
		return "", congtac.Errorf(congtac.EINVALID, "Chưa có đường dẫn cơ sở dữ liệu hoặc tệp sao lưu.")
	}
	if _, err := os.Stat(from); err != nil {
		return "", congtac.Errorf(congtac.EINVALID, "Không có tệp sao lưu %s.", from)
	}
	lock, err := lockFile(path+".lock", true)
	if errors.Is(err, errLocked) {
		return "", inUse(path)
	} else if err != nil {
		return "", err
	}
	defer lock.unlock()
	if err := checkUnused(ctx, path); err != nil {
		return "", err
	}
	tmp := path + ".restoring"
	if err := stageBackup(ctx, from, tmp); err != nil {
		os.Remove(tmp)
		return "", err
	}
	if kept, err = keepOld(path); err != nil {
		os.Remove(tmp)
		return "", err
	}
	if err := os.Rename(tmp, path); err != nil {
		return kept, fmt.Errorf("store: restore: %w", err)
	}
	syncDir(filepath.Dir(path))
	return kept, nil
}

// inUse is the ECONFLICT of a restore onto a database that is open.
func inUse(path string) error {
	return congtac.Errorf(congtac.ECONFLICT, "Cơ sở dữ liệu %s đang được sử dụng (máy chủ congtac serve hoặc "+
		"một chương trình khác đang mở nó); hãy dừng máy chủ rồi chạy lại lệnh khôi phục.", path)
}

// checkUnused refuses (ECONFLICT) when another SQLite connection has the database at path
// open, whoever holds it: leaving WAL mode needs every other connection closed. When none
// has, the database's -wal is checkpointed into it and removed, so that the database kept
// aside is one whole file. A database SQLite cannot read, being damaged, passes: congtac's
// lock file ([Restore]) is all that guards it then.
func checkUnused(ctx context.Context, path string) error {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(0)")
	if err != nil {
		return fmt.Errorf("store: restore: %w", err)
	}
	defer db.Close()
	var mode string
	err = db.QueryRowContext(ctx, "PRAGMA journal_mode=DELETE").Scan(&mode)
	var se *sqlite.Error
	switch {
	case errors.As(err, &se) && (se.Code()&0xff == sqlite3.SQLITE_BUSY || se.Code()&0xff == sqlite3.SQLITE_LOCKED):
		return inUse(path)
	case err == nil && mode != "delete":
		return inUse(path)
	}
	return nil
}

// stageBackup copies the backup from to tmp and checks the copy: a whole SQLite database
// (integrity_check), with congtac's schema no newer than this program's, left in rollback
// journal mode so that it is one file. EINVALID names what is wrong.
func stageBackup(ctx context.Context, from, tmp string) error {
	if info, err := os.Stat(from + "-wal"); err == nil && info.Size() > 0 {
		return congtac.Errorf(congtac.EINVALID, "Bên cạnh tệp sao lưu %s còn tệp %s-wal: tệp đang được mở hoặc chưa đóng hẳn. "+
			"Hãy đóng chương trình đang mở nó rồi thử lại.", from, filepath.Base(from))
	}
	if err := copyFile(from, tmp); err != nil {
		return err
	}
	db, err := sql.Open("sqlite", "file:"+tmp+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return fmt.Errorf("store: restore: %w", err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	var verdict string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&verdict); err != nil || verdict != "ok" {
		return congtac.Errorf(congtac.EINVALID, "Tệp %s không phải cơ sở dữ liệu SQLite nguyên vẹn (%s).", from,
			strings.TrimSpace(cmp.Or(verdict, errorText(err))))
	}
	var version sql.NullInt64
	if err := db.QueryRowContext(ctx, "SELECT max(version_id) FROM goose_db_version WHERE is_applied").Scan(&version); err != nil || !version.Valid {
		return congtac.Errorf(congtac.EINVALID, "Tệp %s không phải bản sao lưu của congtac.", from)
	}
	if newest := newestMigration(); version.Int64 > newest {
		return congtac.Errorf(congtac.EINVALID, "Bản sao lưu %s có lược đồ phiên bản %d, mới hơn chương trình này (%d); "+
			"hãy khôi phục bằng congtac mới hơn.", from, version.Int64, newest)
	}
	if _, err := db.ExecContext(ctx, "PRAGMA journal_mode=DELETE"); err != nil {
		return fmt.Errorf("store: restore: %w", err)
	}
	return nil
}

// errorText returns err's text, "" for nil.
func errorText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// newestMigration returns the number of the newest migration this program holds.
func newestMigration() int64 {
	entries, _ := fs.ReadDir(migrations, "migrations/sqlite")
	var newest int64
	for _, e := range entries {
		n, _ := strconv.ParseInt(strings.SplitN(e.Name(), "_", 2)[0], 10, 64)
		newest = max(newest, n)
	}
	return newest
}

// copyFile copies from to a new file to, replacing it, and syncs it to disk.
func copyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return fmt.Errorf("store: restore: %w", err)
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("store: restore: %w", err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return fmt.Errorf("store: restore: %w", err)
	}
	if err := errors.Join(dst.Sync(), dst.Close()); err != nil {
		return fmt.Errorf("store: restore: %w", err)
	}
	return nil
}

// keepOld moves the database at path, with its -wal and -journal files, to the first free
// path.before-restore-N and removes its -shm file. It returns the new name, "" when there
// is no database at path.
func keepOld(path string) (string, error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return "", removeIfExists(path+"-wal", path+"-shm", path+"-journal")
	}
	kept := ""
	for n := 1; kept == ""; n++ {
		name := path + ".before-restore-" + strconv.Itoa(n)
		if !exists(name) && !exists(name+"-wal") && !exists(name+"-journal") {
			kept = name
		}
	}
	for _, suffix := range []string{"-wal", "-journal", ""} {
		if !exists(path + suffix) {
			continue
		}
		if err := os.Rename(path+suffix, kept+suffix); err != nil {
			return "", fmt.Errorf("store: restore: keep the old database: %w", err)
		}
	}
	return kept, removeIfExists(path + "-shm")
}

// exists reports whether a file is at path.
func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// removeIfExists removes the files at paths that exist.
func removeIfExists(paths ...string) error {
	for _, p := range paths {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("store: restore: %w", err)
		}
	}
	return nil
}

// syncDir flushes a directory's entries (the renames) to disk. Where a directory cannot be
// synced (Windows, whose file system journals renames itself) it does nothing.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
