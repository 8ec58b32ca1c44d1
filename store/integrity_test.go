package store_test

import (
	"fmt"
	"strings"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// TestCheckIntegrityFindsAGapInARegister issues three documents, finds nothing wrong,
// then moves the last number one further (a gap, as a lost issue would leave): the
// register is reported. Duplicates the schema refuses by itself (UNIQUE).
func TestCheckIntegrityFindsAGapInARegister(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		for i := range 3 {
			if _, err := s.IssueDocument(ctx, f.drafter, congtac.Document{OrgID: f.committee.ID,
				Type: congtac.DocInvitation, Symbol: "GM-UBND", IssuedOn: congtac.MustDate(2023, 4, 20),
				Summary: fmt.Sprintf("Mời dự hội nghị số %d", i)}, nil); err != nil {
				t.Fatal(err)
			}
		}
		if problems, err := s.CheckIntegrity(ctx); err != nil || len(problems) > 0 {
			t.Fatalf("CheckIntegrity = %q, %v; want nothing wrong", problems, err)
		}
		if err := s.Exec(ctx, "UPDATE documents SET number = 4 WHERE number = 3"); err != nil {
			t.Fatal(err)
		}
		problems, err := s.CheckIntegrity(ctx)
		if err != nil || len(problems) != 1 || !strings.Contains(problems[0], "last number 3, but 3 documents with 3 distinct numbers from 1 to 4") {
			t.Errorf("CheckIntegrity after a gap = %q, %v; want the register named", problems, err)
		}
	})
}
