package store_test

import (
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// TestSearchMeetingsCountsAllAndReadsAPage: the meetings group of a search reads its first
// page with the agendas and counts every match, within the reach it is given.
func TestSearchMeetingsCountsAllAndReadsAPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 4, 5))
		f := newFixture(t, s)
		o := newSeedOrgs(t, s, f)
		for day := 3; day <= 24; day += 7 {
			m := regularMeeting(f, o)
			m.Date = congtac.MustDate(2023, 5, day)
			if _, err := s.CreateMeeting(ctx, f.drafter, m); err != nil {
				t.Fatal(err)
			}
		}
		page, total, err := s.SearchMeetings(ctx, congtac.MeetingFilter{Query: "thuong ky", Limit: 2})
		if err != nil || total != 4 || len(page) != 2 || page[0].Date != congtac.MustDate(2023, 5, 3) || len(page[1].Agenda) != 6 {
			t.Fatalf("SearchMeetings = %d of %d, %v", len(page), total, err)
		}
		other := &congtac.Reach{Org: f.deptB.ID, Exact: true}
		if page, total, err := s.SearchMeetings(ctx, congtac.MeetingFilter{Query: "thuong ky", Reach: other}); err != nil || total != 0 || len(page) != 0 {
			t.Errorf("out of reach: %d of %d, %v", len(page), total, err)
		}
	})
}
