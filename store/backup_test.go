package store_test

import (
	"path/filepath"
	"slices"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

func TestBackupCopiesTheDatabase(t *testing.T) {
	s := storetest.Open(t, store.SQLite)
	f := newFixture(t, s)
	if _, err := s.CreateProgram(t.Context(), f.drafter, congtac.Program{OrgID: f.committee.ID,
		Period: congtac.Period{Kind: congtac.PeriodMonth, Year: 2026, Number: 4},
		Title:  "Công tác tháng 4 năm 2026 về đường giao thông"}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sao-luu.db")
	if err := s.Backup(t.Context(), path); err != nil {
		t.Fatalf("Backup: %v", err)
	}
	copied, err := store.Open(t.Context(), path)
	if err != nil {
		t.Fatalf("open the copy: %v", err)
	}
	defer copied.Close()
	v, err := copied.SchemaVersion(t.Context())
	if want, _ := s.SchemaVersion(t.Context()); err != nil || v != want {
		t.Errorf("copy schema version = %d, %v; want %d", v, err, want)
	}
	wantOrgs, _ := s.FindOrgs(t.Context(), congtac.OrgFilter{})
	gotOrgs, err := copied.FindOrgs(t.Context(), congtac.OrgFilter{})
	if err != nil || !slices.Equal(gotOrgs, wantOrgs) {
		t.Errorf("copy orgs = %v, %v; want %v", gotOrgs, err, wantOrgs)
	}
	progs, total, err := copied.FindPrograms(t.Context(), congtac.ProgramFilter{})
	if err != nil || total != 1 || progs[0].Title != "Công tác tháng 4 năm 2026 về đường giao thông" {
		t.Errorf("copy programs = %v (%d), %v; want the one program", progs, total, err)
	}
	if err := s.Backup(t.Context(), path); congtac.ErrorCode(err) != congtac.EINVALID {
		t.Errorf("Backup onto an existing file = %v, want EINVALID", err)
	}
}

func TestBackupRefusesPostgres(t *testing.T) {
	s := storetest.Open(t, store.Postgres)
	err := s.Backup(t.Context(), filepath.Join(t.TempDir(), "x.db"))
	if congtac.ErrorCode(err) != congtac.EINVALID {
		t.Errorf("Backup on PostgreSQL = %v, want EINVALID", err)
	}
}
