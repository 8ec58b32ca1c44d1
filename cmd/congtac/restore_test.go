package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"congtac"
)

func TestRestoreSQLite(t *testing.T) {
	dir := t.TempDir()
	db, backup := filepath.Join(dir, "congtac.db"), filepath.Join(dir, "sao lưu.db")
	st := openStore(t, db)
	ctx := context.Background()
	org := mustCommittee(t, st)
	program := func(month int) {
		t.Helper()
		if _, err := st.CreateProgram(ctx, congtac.System, congtac.Program{OrgID: org.ID,
			Period: congtac.Period{Kind: congtac.PeriodMonth, Year: 2026, Number: month},
			Title:  "Công tác tháng năm 2026"}); err != nil {
			t.Fatal(err)
		}
	}
	program(5)
	if r := runCLI(t, nil, "", "backup", "-db", db, "-o", backup); r.code != exitOK {
		t.Fatalf("backup = %d, %q", r.code, r.stderr)
	}
	program(6)

	r := runCLI(t, nil, "", "restore", "-db", db, "-from", backup)
	if r.code != exitFailure || !strings.Contains(r.stderr, "đang được sử dụng") {
		t.Errorf("restore while the database is open = %d, %q; want 1 and the reason", r.code, r.stderr)
	}
	st.Close()
	r = runCLI(t, nil, "", "restore", "-db", db, "-from", backup)
	if r.code != exitOK || !strings.Contains(r.stdout, "Đã khôi phục") || !strings.Contains(r.stdout, db+".before-restore-1") {
		t.Fatalf("restore = %d, %q, %q", r.code, r.stdout, r.stderr)
	}
	_, n, err := openStore(t, db).FindPrograms(ctx, congtac.ProgramFilter{})
	if err != nil || n != 1 {
		t.Errorf("restored database holds %d programs, %v; want the backup's 1", n, err)
	}
	r = runCLI(t, nil, "", "restore", "-db", db, "-from", filepath.Join(dir, "khong-co.db"))
	if r.code != exitUsage || !strings.Contains(r.stderr, "Không có tệp sao lưu") {
		t.Errorf("restore from a missing file = %d, %q; want 2", r.code, r.stderr)
	}
	if r := runCLI(t, safeEnv(t), "", "restore"); r.code != exitUsage || !strings.Contains(r.stderr, "cần -from") {
		t.Errorf("restore without -from = %d, %q; want 2", r.code, r.stderr)
	}
}

func TestRestorePostgresPrintsPgRestore(t *testing.T) {
	dsn := "postgres://congtac:s3cr3t@db.example:5432/congtac?sslmode=disable"
	r := runCLI(t, nil, "", "restore", "-db", dsn, "-from", "/var/backups/congtac's.dump")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	want := `pg_restore --clean --if-exists --no-owner --single-transaction ` +
		`--dbname='postgres://congtac@db.example:5432/congtac?sslmode=disable' '/var/backups/congtac'\''s.dump'`
	if !strings.Contains(r.stdout, want) {
		t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
	}
	if strings.Contains(r.stdout, "s3cr3t") {
		t.Errorf("the password was printed:\n%s", r.stdout)
	}
}
