package demo_test

import (
	"slices"
	"testing"

	"congtac"
	"congtac/store"
)

// checkPublic checks what the demo shows the anonymous public: the programs of the last
// three months and this week's calendar.
func checkPublic(t *testing.T, s *store.Store, today congtac.Date) {
	t.Helper()
	public := true
	ps, _, err := s.FindPrograms(ctx, congtac.ProgramFilter{Public: &public})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range ps {
		if p.Status != congtac.ProgramIssued {
			t.Errorf("public program %s is %s, want issued", p.Period.Key(), p.Status)
		}
		got = append(got, p.Period.Key())
	}
	month := newestMonth(t, s, today)
	want := []string{month.Key(), month.Prev().Key(), month.Prev().Prev().Key()}
	if !slices.Equal(got, want) {
		t.Fatalf("public programs %v, want %v", got, want)
	}
	this := congtac.PeriodOf(congtac.PeriodWeek, today)
	if c, err := s.FindCalendar(ctx, ps[0].OrgID, this); err != nil || !c.Public || c.Revision != 1 {
		t.Errorf("this week's calendar = %+v, %v; want revision 1, public", c, err)
	}
	if c, err := s.FindCalendar(ctx, ps[0].OrgID, this.Next()); congtac.ErrorCode(err) != congtac.ENOTFOUND || c.Public {
		t.Errorf("next week's calendar = %+v, %v; want none published yet", c, err)
	}
}
