package main

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"congtac"
)

func TestBackupSQLite(t *testing.T) {
	dir := t.TempDir()
	db, out := filepath.Join(dir, "congtac.db"), filepath.Join(dir, "sao lưu.db")
	st := openStore(t, db)
	ctx := context.Background()
	org := mustCommittee(t, st)
	if _, err := st.CreateProgram(ctx, congtac.System, congtac.Program{OrgID: org.ID,
		Period: congtac.Period{Kind: congtac.PeriodMonth, Year: 2026, Number: 5},
		Title:  "Công tác tháng 5 năm 2026 về đường giao thông"}); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, nil, "", "backup", "-db", db, "-o", out)
	if r.code != exitOK || !strings.Contains(r.stdout, "Đã sao lưu") {
		t.Fatalf("backup = %d, %q, %q", r.code, r.stdout, r.stderr)
	}
	copied := openStore(t, out)
	wantOrgs, _ := st.FindOrgs(ctx, congtac.OrgFilter{})
	gotOrgs, err := copied.FindOrgs(ctx, congtac.OrgFilter{})
	if err != nil || !slices.Equal(gotOrgs, wantOrgs) {
		t.Errorf("orgs in the copy = %v, %v; want %v", gotOrgs, err, wantOrgs)
	}
	want, _, _ := st.FindPrograms(ctx, congtac.ProgramFilter{})
	got, _, err := copied.FindPrograms(ctx, congtac.ProgramFilter{})
	if err != nil || len(got) != 1 || got[0].Title != want[0].Title || got[0].ID != want[0].ID {
		t.Errorf("programs in the copy = %v, %v; want %v", got, err, want)
	}

	r = runCLI(t, nil, "", "backup", "-db", db, "-o", out)
	if r.code != exitUsage || !strings.Contains(r.stderr, "đã có") {
		t.Errorf("backup onto an existing file = %d, %q; want 2", r.code, r.stderr)
	}
	missing := filepath.Join(dir, "khong-co.db")
	r = runCLI(t, nil, "", "backup", "-db", missing, "-o", filepath.Join(dir, "x.db"))
	if r.code != exitUsage || !strings.Contains(r.stderr, "không có tệp cơ sở dữ liệu") {
		t.Errorf("backup of a missing file = %d, %q; want 2", r.code, r.stderr)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Errorf("backup created the missing database")
	}
}

func TestBackupPostgresPrintsPgDump(t *testing.T) {
	dsn := "postgres://congtac:s3cr3t@db.example:5432/congtac?sslmode=disable"
	r := runCLI(t, nil, "", "backup", "-db", dsn, "-o", "/var/backups/congtac's.dump")
	if r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	want := `pg_dump --format=custom --no-owner --file='/var/backups/congtac'\''s.dump' ` +
		`'postgres://congtac@db.example:5432/congtac?sslmode=disable'`
	if !strings.Contains(r.stdout, want) {
		t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
	}
	if strings.Contains(r.stdout, "s3cr3t") {
		t.Errorf("the password was printed:\n%s", r.stdout)
	}
}
