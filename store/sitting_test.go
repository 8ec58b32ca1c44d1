package store_test

import (
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// TestSittingsOfASeriesChangeOnTheirOwn: one Thursday briefing of the seed's series moves
// to the Friday morning, another is cancelled with its reason; the other Thursdays stay,
// the calendar follows, each change raises the sequence, and restoring undoes it.
func TestSittingsOfASeriesChangeOnTheirOwn(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 4, 10))
		f := newFixture(t, s)
		brief, err := s.CreateMeeting(ctx, f.drafter, weeklyBriefing(t, f))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.GenerateEngagements(ctx, f.drafter, f.committee.ID, week(16)); err != nil {
			t.Fatal(err)
		}
		if _, err := s.PublishCalendar(ctx, f.drafter, f.committee.ID, week(16), nil); err != nil {
			t.Fatal(err)
		}
		moved, err := s.ChangeSitting(ctx, f.drafter, brief.ID, brief.Version, congtac.Sitting{
			Of: congtac.MustDate(2023, 4, 20), Date: congtac.MustDate(2023, 4, 21), Start: congtac.At(8, 0),
			Note: "Chủ tịch dự hội nghị của Tỉnh ủy chiều thứ Năm."})
		if err != nil {
			t.Fatal(err)
		}
		if moved.Version != brief.Version+1 || moved.Sequence != brief.Sequence+1 || len(moved.Changed) != 1 ||
			moved.Changed[0].Part != congtac.Morning {
			t.Fatalf("after the move: version %d, sequence %d, changed %+v", moved.Version, moved.Sequence, moved.Changed)
		}
		// The published week gets its next revision, saying what became of Thursday 20/4.
		cal, err := s.FindCalendar(ctx, f.committee.ID, week(16))
		if err != nil || cal.Revision != 1 || len(cal.Changes) != 1 ||
			cal.Changes[0] != "Hủy: Chủ tịch, các Phó Chủ tịch UBND huyện giao ban, Thứ Năm ngày 20/4/2023 "+
				"(dời sang Thứ Sáu ngày 21/4/2023. Chủ tịch dự hội nghị của Tỉnh ủy chiều thứ Năm)." {
			t.Errorf("the week after the move: %+v, %v", cal, err)
		}
		cancelled, err := s.ChangeSitting(ctx, f.drafter, brief.ID, moved.Version, congtac.Sitting{
			Of: congtac.MustDate(2023, 4, 27), Date: congtac.MustDate(2023, 4, 27), Start: congtac.NoTime,
			Part: congtac.Afternoon, Cancelled: true, Note: "Nghỉ lễ 30/4 - 1/5."})
		if err != nil {
			t.Fatal(err)
		}
		got := map[congtac.Date]congtac.Sitting{}
		for _, o := range cancelled.Sittings(congtac.MustDate(2023, 4, 10), congtac.MustDate(2023, 5, 7)) {
			got[o.Date] = o
		}
		for _, tc := range []struct {
			day             congtac.Date
			held, cancelled bool
		}{
			{congtac.MustDate(2023, 4, 13), true, false},
			{congtac.MustDate(2023, 4, 20), false, false},
			{congtac.MustDate(2023, 4, 21), true, false},
			{congtac.MustDate(2023, 4, 27), true, true},
			{congtac.MustDate(2023, 5, 4), true, false},
		} {
			o, ok := got[tc.day]
			if ok != tc.held || o.Cancelled != tc.cancelled {
				t.Errorf("sitting on %s = %+v (listed %v), want listed %v, cancelled %v", tc.day, o, ok, tc.held, tc.cancelled)
			}
		}
		if held := cancelled.Held(congtac.MustDate(2023, 4, 24), congtac.MustDate(2023, 4, 30)); len(held) != 0 {
			t.Errorf("held in the week of the cancelled sitting: %v", held)
		}
		// The entry generated for Thursday 20/4 is cancelled; the week made again puts the
		// briefing on Friday 21/4 at 8:00.
		made, err := s.GenerateEngagements(ctx, f.drafter, f.committee.ID, week(16))
		if err != nil {
			t.Fatal(err)
		}
		if len(made) != 1 || made[0].Date != congtac.MustDate(2023, 4, 21) || made[0].Start != congtac.At(8, 0) {
			t.Errorf("generated again: %+v, want Friday 21/4 at 8:00", made)
		}
		es, err := s.FindEngagements(ctx, congtac.EngagementFilter{OrgID: &f.committee.ID,
			From: ptr(congtac.MustDate(2023, 4, 20)), To: ptr(congtac.MustDate(2023, 4, 20))})
		if err != nil || len(es) != 1 || !es[0].Cancelled {
			t.Errorf("Thursday 20/4's entry = %+v, %v; want cancelled", es, err)
		}

		for _, tc := range []struct {
			name string
			o    congtac.Sitting
			want string
		}{
			{"not a Thursday", congtac.Sitting{Of: congtac.MustDate(2023, 4, 19), Date: congtac.MustDate(2023, 4, 19)}, "occurrence"},
			{"cancelled without reason", congtac.Sitting{Of: congtac.MustDate(2023, 5, 4), Date: congtac.MustDate(2023, 5, 4), Cancelled: true}, "note"},
			{"no day", congtac.Sitting{Of: congtac.MustDate(2023, 5, 4)}, "date"},
		} {
			_, err := s.ChangeSitting(ctx, f.drafter, brief.ID, cancelled.Version, tc.o)
			if congtac.ErrorCode(err) != congtac.EINVALID || congtac.FieldErrors(err)[tc.want] == "" {
				t.Errorf("%s: %v, want EINVALID on %s", tc.name, err, tc.want)
			}
		}
		if _, err := s.ChangeSitting(ctx, f.drafter, brief.ID, brief.Version, congtac.Sitting{Of: congtac.MustDate(2023, 5, 4),
			Date: congtac.MustDate(2023, 5, 5), Start: congtac.NoTime}); congtac.ErrorCode(err) != congtac.ECONFLICT {
			t.Errorf("a stale version: %v, want ECONFLICT", err)
		}
		restored, err := s.RestoreSitting(ctx, f.drafter, brief.ID, cancelled.Version, congtac.MustDate(2023, 4, 27))
		if err != nil {
			t.Fatal(err)
		}
		if len(restored.Changed) != 1 || len(restored.Held(congtac.MustDate(2023, 4, 27), congtac.MustDate(2023, 4, 27))) != 1 {
			t.Errorf("restored: %+v", restored.Changed)
		}
		if _, err := s.RestoreSitting(ctx, f.drafter, brief.ID, restored.Version, congtac.MustDate(2023, 4, 27)); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Errorf("restoring twice: %v, want ENOTFOUND", err)
		}
	})
}
