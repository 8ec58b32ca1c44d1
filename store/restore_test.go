package store_test

import (
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// programCount opens the SQLite database at path and returns how many programs it holds.
func programCount(t *testing.T, path string) int {
	t.Helper()
	s, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, n, err := s.FindPrograms(ctx, congtac.ProgramFilter{})
	if err != nil {
		t.Fatalf("programs of %s: %v", filepath.Base(path), err)
	}
	return n
}

// backedUp returns the path of a database with one program, closed, and of its backup,
// made before a second program was added to the database.
func backedUp(t *testing.T) (db, backup string) {
	t.Helper()
	dir := t.TempDir()
	db, backup = filepath.Join(dir, "congtac.db"), filepath.Join(dir, "sao-luu.db")
	s, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	f := newFixture(t, s)
	if _, err := s.CreateProgram(ctx, f.drafter, f.april()); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	may := f.april()
	may.Period.Number = 5
	if _, err := s.CreateProgram(ctx, f.drafter, may); err != nil {
		t.Fatal(err)
	}
	return db, backup
}

// TestRestoreReplacesTheDatabaseAndItsWAL is issue 10's restore: copying a backup over the
// database while an old -wal file remained gave "database disk image is malformed".
// Restore leaves no file of the old database beside the new one and keeps the old one aside.
func TestRestoreReplacesTheDatabaseAndItsWAL(t *testing.T) {
	db, backup := backedUp(t)
	// A -wal left by a server that died: a copy of the live one, put back after the close.
	s, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	progs, _, err := s.FindPrograms(ctx, congtac.ProgramFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateProgram(ctx, congtac.System, congtac.Program{OrgID: progs[0].OrgID, Title: "Công tác tháng 6",
		Period: congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: 6}}); err != nil {
		t.Fatal(err)
	}
	wal, err := os.ReadFile(db + "-wal")
	if err != nil || len(wal) == 0 {
		t.Fatalf("no -wal while the store is open: %d bytes, %v", len(wal), err)
	}
	s.Close()
	if err := os.WriteFile(db+"-wal", wal, 0o600); err != nil {
		t.Fatal(err)
	}

	kept, err := store.Restore(ctx, db, backup)
	if err != nil {
		t.Fatalf("Restore: %v", err)
	}
	if kept != db+".before-restore-1" {
		t.Errorf("kept the old database as %q, want %q", kept, db+".before-restore-1")
	}
	for _, leftover := range []string{db + "-wal", db + "-shm", db + ".restoring"} {
		if _, err := os.Stat(leftover); err == nil {
			t.Errorf("%s is left after the restore", filepath.Base(leftover))
		}
	}
	if got := programCount(t, db); got != 1 {
		t.Errorf("restored database holds %d programs, want the backup's 1", got)
	}
	if got := programCount(t, kept); got != 3 {
		t.Errorf("kept database holds %d programs, want 3, the last from its -wal", got)
	}
	if kept, err := store.Restore(ctx, db, backup); err != nil || kept != db+".before-restore-2" {
		t.Errorf("second restore kept %q, %v; want %q", kept, err, db+".before-restore-2")
	}
}

// TestRestoreRefusesWhileTheDatabaseIsOpen: a server (a congtac store) or any other SQLite
// connection holding the database stops a restore, which then changes nothing.
func TestRestoreRefusesWhileTheDatabaseIsOpen(t *testing.T) {
	db, backup := backedUp(t)
	s, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Restore(ctx, db, backup); congtac.ErrorCode(err) != congtac.ECONFLICT {
		t.Errorf("restore while a store has the database: %v, want ECONFLICT", err)
	}
	s.Close()

	other, err := sql.Open("sqlite", "file:"+db+"?_pragma=journal_mode(WAL)")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	var n int
	if err := other.QueryRow("SELECT count(*) FROM programs").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Restore(ctx, db, backup); congtac.ErrorCode(err) != congtac.ECONFLICT {
		t.Errorf("restore while another SQLite connection has the database: %v, want ECONFLICT", err)
	}
	other.Close()
	if got := programCount(t, db); got != 2 {
		t.Errorf("after refused restores the database holds %d programs, want its 2", got)
	}
	if _, err := os.Stat(db + ".before-restore-1"); err == nil {
		t.Error("a refused restore moved the database aside")
	}
}

// TestOpenRefusesDuringRestore: a server started while a restore runs does not open the
// database being replaced.
func TestOpenRefusesDuringRestore(t *testing.T) {
	db := storetest.DSN(t, store.SQLite)
	release, err := store.HoldForRestore(db)
	if err != nil {
		t.Fatal(err)
	}
	if s, err := store.Open(ctx, db); congtac.ErrorCode(err) != congtac.ECONFLICT {
		t.Errorf("Open during a restore: %v, want ECONFLICT", err)
		if err == nil {
			s.Close()
		}
	}
	if err := release(); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(ctx, db)
	if err != nil {
		t.Fatalf("Open after the restore: %v", err)
	}
	s.Close()
}

// TestRestoreRefusesABadBackup: a damaged file or another SQLite database is no backup.
func TestRestoreRefusesABadBackup(t *testing.T) {
	db, backup := backedUp(t)
	dir := filepath.Dir(db)
	damaged := filepath.Join(dir, "hong.db")
	good, err := os.ReadFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(damaged, good[:len(good)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	garbage := filepath.Join(dir, "rac.db")
	if err := os.WriteFile(garbage, []byte("không phải cơ sở dữ liệu"), 0o600); err != nil {
		t.Fatal(err)
	}
	foreign := filepath.Join(dir, "khac.db")
	fdb, err := sql.Open("sqlite", "file:"+foreign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fdb.Exec("CREATE TABLE t (x INTEGER)"); err != nil {
		t.Fatal(err)
	}
	fdb.Close()
	for name, from := range map[string]string{"damaged": damaged, "garbage": garbage, "another database": foreign,
		"missing": filepath.Join(dir, "khong-co.db")} {
		if _, err := store.Restore(ctx, db, from); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("%s: %v, want EINVALID", name, err)
		}
	}
	if got := programCount(t, db); got != 2 {
		t.Errorf("after refused restores the database holds %d programs, want its 2", got)
	}
	if _, err := os.Stat(db + ".restoring"); err == nil {
		t.Error("a refused restore left its copy")
	}
}
