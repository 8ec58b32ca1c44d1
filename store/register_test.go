package store_test

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// TestConcurrentIssuersGetEveryNumberOnce has 50 issuers take numbers at once: the numbers
// must be exactly 1..50, with neither duplicates nor gaps.
func TestConcurrentIssuersGetEveryNumberOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		const n = 50
		numbers := make([]int, n)
		errs := make([]error, n)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				d, err := s.IssueDocument(ctx, f.drafter, congtac.Document{OrgID: f.committee.ID,
					Type: congtac.DocInvitation, Symbol: "GM-UBND", IssuedOn: congtac.MustDate(2023, 4, 20),
					Summary: fmt.Sprintf("Mời dự hội nghị số %d", i)}, nil)
				numbers[i], errs[i] = d.Number, err
			}()
		}
		close(start)
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("issuer %d: %v", i, err)
			}
		}
		slices.Sort(numbers)
		for i, got := range numbers {
			if got != i+1 {
				t.Fatalf("numbers = %v, want 1..%d once each", numbers, n)
			}
		}
		_, total, err := s.FindDocuments(ctx, congtac.DocumentFilter{OrgID: &f.committee.ID})
		if err != nil || total != n {
			t.Errorf("register holds %d documents, %v; want %d", total, err, n)
		}
	})
}

func TestNumbersRestartEachYearAndFollowTheSeriesSetting(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		issue := func(typ congtac.DocType, on congtac.Date) string {
			t.Helper()
			d, err := s.IssueDocument(ctx, f.drafter, congtac.Document{OrgID: f.committee.ID, Type: typ,
				Symbol: congtac.Symbol(typ, "UBND", "VP"), IssuedOn: on, Summary: "Văn bản thử"}, nil)
			if err != nil {
				t.Fatal(err)
			}
			return d.Code()
		}
		dec31, jan2 := congtac.MustDate(2023, 12, 31), congtac.MustDate(2024, 1, 2)
		got := []string{issue(congtac.DocReport, dec31), issue(congtac.DocNotice, dec31), issue(congtac.DocReport, jan2)}
		if want := []string{"01/BC-UBND", "02/TB-UBND", "01/BC-UBND"}; !slices.Equal(got, want) {
			t.Errorf("shared series: %v, want %v", got, want)
		}
		c, err := s.FindCommittee(ctx, f.committee.ID)
		if err != nil {
			t.Fatal(err)
		}
		c.Settings.Series = congtac.SeriesPerType
		if _, err := s.SaveCommitteeSettings(ctx, congtac.System, c.Org.ID, c.Version, c.Settings); err != nil {
			t.Fatal(err)
		}
		got = []string{issue(congtac.DocNotice, jan2), issue(congtac.DocNotice, jan2), issue(congtac.DocReport, jan2)}
		if want := []string{"01/TB-UBND", "02/TB-UBND", "01/BC-UBND"}; !slices.Equal(got, want) {
			t.Errorf("per-type series: %v, want %v", got, want)
		}
	})
}
