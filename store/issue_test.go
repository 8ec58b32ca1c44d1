package store_test

import (
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// TestIssueRecordsCopiesAndKeeper: the number a program will take is told before it is
// issued, without reserving it; the issue records the register's "Số lượng bản" and
// "Đơn vị, người nhận bản lưu"; figures the register cannot hold are refused.
func TestIssueRecordsCopiesAndKeeper(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		p := approved(t, s, f)
		on := congtac.MustDate(2023, 4, 5)
		for range 2 { // asking twice reserves nothing
			if n, symbol, err := s.NextProgramNumber(ctx, p.ID, on); err != nil || n != 1 || symbol != "CTr-UBND" {
				t.Fatalf("next number = %d %q, %v; want 1 CTr-UBND", n, symbol, err)
			}
		}
		_, err := s.IssueProgram(ctx, f.drafter, p.ID, p.Version, congtac.Issuance{On: on, Copies: -1}, nil)
		if congtac.ErrorCode(err) != congtac.EINVALID {
			t.Fatalf("negative copies: %v, want EINVALID", err)
		}
		if p, err = s.IssueProgram(ctx, f.drafter, p.ID, p.Version, congtac.Issuance{On: on, Copies: 30, Keeper: " VT, VP "}, nil); err != nil {
			t.Fatal(err)
		}
		docs, _, err := s.FindDocuments(ctx, congtac.DocumentFilter{ID: &p.DocumentID})
		if err != nil || len(docs) != 1 || docs[0].Number != 1 || docs[0].Copies != 30 || docs[0].Keeper != "VT, VP" {
			t.Fatalf("register entry %+v, %v; want number 1, 30 copies kept by VT, VP", docs, err)
		}
		if n, _, err := s.NextProgramNumber(ctx, p.ID, on); err != nil || n != 2 {
			t.Errorf("next number after the issue = %d, %v; want 2", n, err)
		}
		if n, _, err := s.NextProgramNumber(ctx, p.ID, congtac.MustDate(2024, 1, 2)); err != nil || n != 1 {
			t.Errorf("next number in a new year = %d, %v; want 1", n, err)
		}
	})
}
