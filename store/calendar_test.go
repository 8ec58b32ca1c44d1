package store_test

import (
	"slices"
	"sync"
	"testing"
	"time"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// weeklyBriefing is the seed's "giao ban vào chiều thứ Năm hằng tuần", from Thursday 6/4/2023.
// Its rule has no start of its own: a recurring meeting's rule starts on its date.
func weeklyBriefing(t *testing.T, f fixture) congtac.Meeting {
	t.Helper()
	rule := congtac.Recurrence{Freq: congtac.Weekly, ByDay: []congtac.WeekdayNum{{Day: time.Thursday}}}
	return congtac.Meeting{OrgID: f.committee.ID, Kind: congtac.MeetingBriefing,
		Title: "Chủ tịch, các Phó Chủ tịch UBND huyện giao ban", Date: congtac.MustDate(2023, 4, 6),
		Start: congtac.NoTime, Part: congtac.Afternoon, Place: "Phòng họp số 1", ChairID: f.leader.ID, Recurrence: &rule}
}

func week(n int) congtac.Period {
	return congtac.Period{Kind: congtac.PeriodWeek, Year: 2023, Number: n}
}

func TestGenerateEngagementsFromMeetings(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 4, 10))
		f := newFixture(t, s)
		o := newSeedOrgs(t, s, f)
		brief, err := s.CreateMeeting(ctx, f.drafter, weeklyBriefing(t, f))
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := s.FindMeetingByID(ctx, brief.ID); got.Recurrence == nil ||
			got.Recurrence.String() != "FREQ=WEEKLY;BYDAY=TH" || got.Recurrence.Start != got.Date {
			t.Errorf("stored briefing rule = %+v, want FREQ=WEEKLY;BYDAY=TH from %s", got.Recurrence, got.Date)
		}
		reg, err := s.CreateMeeting(ctx, f.drafter, regularMeeting(f, o))
		if err != nil {
			t.Fatal(err)
		}
		// Created last and dated after the briefing's first day, but held before it on 20/4.
		work, err := s.CreateMeeting(ctx, f.drafter, congtac.Meeting{OrgID: f.committee.ID, Kind: congtac.MeetingWorking,
			Title: "Làm việc với Ban Quản lý dự án đầu tư xây dựng", Date: congtac.MustDate(2023, 4, 20),
			Start: congtac.At(8, 0), ChairID: f.leader.ID})
		if err != nil {
			t.Fatal(err)
		}
		generate := func(w congtac.Period) []congtac.Engagement {
			t.Helper()
			es, err := s.GenerateEngagements(ctx, f.drafter, f.committee.ID, w)
			if err != nil {
				t.Fatal(err)
			}
			return es
		}
		type entry struct {
			meeting int64
			date    congtac.Date
		}
		entries := func(es []congtac.Engagement) []entry {
			var out []entry
			for _, e := range es {
				out = append(out, entry{e.MeetingID, e.Date})
			}
			return out
		}

		got := generate(week(15))
		if len(got) != 1 {
			t.Fatalf("week 15 generated %d entries, want 1 (the briefing)", len(got))
		}
		want := congtac.Engagement{ID: got[0].ID, OrgID: f.committee.ID, PersonID: f.leader.ID,
			Date: congtac.MustDate(2023, 4, 13), Start: congtac.NoTime, Part: congtac.Afternoon,
			Title: brief.Title, Place: brief.Place, MeetingID: brief.ID, Version: 1}
		if got[0] != want {
			t.Errorf("briefing entry = %+v\nwant %+v", got[0], want)
		}
		if again := generate(week(15)); len(again) != 0 {
			t.Errorf("second run on week 15 generated %d, want 0", len(again))
		}
		got = generate(week(16))
		wantWeek16 := []entry{{work.ID, congtac.MustDate(2023, 4, 20)}, {brief.ID, congtac.MustDate(2023, 4, 20)},
			{reg.ID, congtac.MustDate(2023, 4, 21)}}
		if !slices.Equal(entries(got), wantWeek16) || got[2].Part != congtac.Morning || got[0].Part != congtac.Morning {
			t.Errorf("week 16 = %+v, want the working session at 8:00 and the briefing in the afternoon of 20/4, then the regular meeting on 21/4", got)
		}
		if again := generate(week(16)); len(again) != 0 {
			t.Errorf("second run on week 16 generated %d, want 0", len(again))
		}
		from, to := week(15).Start(), week(17).End()
		all, err := s.FindEngagements(ctx, congtac.EngagementFilter{OrgID: &f.committee.ID, From: &from, To: &to})
		if err != nil || len(all) != 4 {
			t.Fatalf("entries of weeks 15–17 = %d, %v; want 4", len(all), err)
		}

		// Moving the regular meeting calls off its old entry; the new week gets a new one.
		apr28 := congtac.MustDate(2023, 4, 28)
		if reg, err = s.UpdateMeeting(ctx, f.drafter, reg.ID, reg.Version, congtac.MeetingUpdate{Date: &apr28}); err != nil {
			t.Fatal(err)
		}
		all, _ = s.FindEngagements(ctx, congtac.EngagementFilter{OrgID: &f.committee.ID, From: &from, To: &to})
		for _, e := range all {
			if e.Cancelled != (e.MeetingID == reg.ID) {
				t.Errorf("after the move, entry %q on %s cancelled = %v", e.Title, e.Date, e.Cancelled)
			}
		}
		got = generate(week(17))
		if want := []entry{{brief.ID, congtac.MustDate(2023, 4, 27)}, {reg.ID, apr28}}; !slices.Equal(entries(got), want) {
			t.Errorf("week 17 after the move = %v, want %v", entries(got), want)
		}
		// Postponing it calls off that one too; the briefings and the working session stay.
		if _, err := s.UpdateMeeting(ctx, f.drafter, reg.ID, reg.Version, congtac.MeetingUpdate{
			Status: pointer(congtac.MeetingPostponed), Note: pointer("Tạm hoãn, có thông báo sau")}); err != nil {
			t.Fatal(err)
		}
		all, _ = s.FindEngagements(ctx, congtac.EngagementFilter{OrgID: &f.committee.ID, From: &from, To: &to})
		if len(all) != 6 {
			t.Errorf("entries of weeks 15–17 = %d, want 6", len(all))
		}
		for _, e := range all {
			if e.Cancelled != (e.MeetingID == reg.ID) {
				t.Errorf("entry %q on %s cancelled = %v", e.Title, e.Date, e.Cancelled)
			}
		}
		if again := generate(week(17)); len(again) != 0 {
			t.Errorf("after the postponement week 17 generated %d, want 0", len(again))
		}
		if _, err := s.GenerateEngagements(ctx, f.drafter, f.committee.ID, congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: 4}); congtac.FieldErrors(err)["period"] == "" {
			t.Errorf("generation for a month: %v, want EINVALID on period", err)
		}
		events, _, _ := s.FindAuditEvents(ctx, congtac.System, congtac.AuditFilter{Entity: "engagement"})
		counts := map[string]int{}
		for _, e := range events {
			counts[e.Action]++
		}
		if counts["generate"] != 6 || counts["cancel"] != 2 || len(counts) != 2 {
			t.Errorf("engagement audit = %v, want 6 generate and 2 cancel", counts)
		}
	})
}

func TestGenerateEngagementsConcurrentlyMakesEachEntryOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		daily := weeklyBriefing(t, f)
		daily.Recurrence.ByDay = []congtac.WeekdayNum{{Day: time.Monday}, {Day: time.Tuesday},
			{Day: time.Wednesday}, {Day: time.Thursday}, {Day: time.Friday}}
		if _, err := s.CreateMeeting(ctx, f.drafter, daily); err != nil {
			t.Fatal(err)
		}
		const n = 8
		made := make([]int, n)
		errs := make([]error, n)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				es, err := s.GenerateEngagements(ctx, f.drafter, f.committee.ID, week(17))
				made[i], errs[i] = len(es), err
			}()
		}
		close(start)
		wg.Wait()
		total := 0
		for i, err := range errs {
			if err != nil {
				t.Fatalf("generator %d: %v", i, err)
			}
			total += made[i]
		}
		es, err := s.FindEngagements(ctx, congtac.EngagementFilter{OrgID: &f.committee.ID})
		if err != nil || total != 5 || len(es) != 5 {
			t.Errorf("%d generators made %d entries, %d stored, %v; want 5, one a working day", n, total, len(es), err)
		}
	})
}

func TestEngagementsByHand(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		deputy, err := s.CreatePerson(ctx, congtac.System, congtac.Person{FullName: "Vương Mạnh Chung", OrgID: f.committee.ID})
		if err != nil {
			t.Fatal(err)
		}
		day := congtac.MustDate(2023, 4, 18)
		entry := func(title string, person int64, start congtac.ClockTime, part congtac.DayPart) congtac.Engagement {
			t.Helper()
			e, err := s.CreateEngagement(ctx, f.drafter, congtac.Engagement{OrgID: f.committee.ID, PersonID: person,
				Date: day, Start: start, Part: part, Title: title, Place: "UBND xã Tân Sơn", PreparerID: f.deptA.ID})
			if err != nil {
				t.Fatal(err)
			}
			return e
		}
		visit := entry("Làm việc với UBND xã Tân Sơn", f.leader.ID, congtac.At(15, 0), "")
		citizens := entry("Tiếp công dân định kỳ", f.leader.ID, congtac.NoTime, congtac.Afternoon)
		province := entry("Dự Hội nghị trực tuyến của UBND tỉnh", deputy.ID, congtac.At(8, 0), "")
		duty := entry("Trực lãnh đạo", deputy.ID, congtac.NoTime, congtac.AllDay)
		chairEarly := entry("Họp Ban Thường vụ Huyện ủy", f.leader.ID, congtac.At(8, 0), "")
		if visit.Part != congtac.Afternoon || visit.Version != 1 {
			t.Errorf("15:00 entry: part %s v%d, want afternoon v1", visit.Part, visit.Version)
		}
		es, err := s.FindEngagements(ctx, congtac.EngagementFilter{OrgID: &f.committee.ID, From: &day, To: &day})
		if err != nil {
			t.Fatal(err)
		}
		var order []int64
		for _, e := range es {
			order = append(order, e.ID)
		}
		// Whole day first; 8:00 for the leader before the deputy; "chiều" without time at 14:00.
		if want := []int64{duty.ID, chairEarly.ID, province.ID, citizens.ID, visit.ID}; !slices.Equal(order, want) {
			t.Errorf("entries in order %v, want %v", order, want)
		}
		if mine, _ := s.FindEngagements(ctx, congtac.EngagementFilter{PersonID: &deputy.ID}); len(mine) != 2 {
			t.Errorf("the deputy's entries = %d, want 2", len(mine))
		}

		if _, err := s.CreateEngagement(ctx, f.drafter, congtac.Engagement{OrgID: f.committee.ID, Date: day,
			Start: congtac.NoTime, Title: "  "}); congtac.FieldErrors(err)["title"] == "" {
			t.Errorf("empty title: %v, want EINVALID on title", err)
		}
		if _, err := s.CreateEngagement(ctx, f.drafter, congtac.Engagement{OrgID: f.committee.ID, Date: day,
			Start: congtac.ClockTime(25 * 60), Title: "Họp"}); congtac.FieldErrors(err)["start"] == "" {
			t.Errorf("25:00: %v, want EINVALID on start", err)
		}
		if _, err := s.CreateEngagement(ctx, f.drafter, congtac.Engagement{Date: day, Start: congtac.NoTime,
			Title: "Họp"}); congtac.FieldErrors(err)["org_id"] == "" {
			t.Errorf("no org: %v, want EINVALID on org_id", err)
		}
		if all, _ := s.FindEngagements(ctx, congtac.EngagementFilter{}); len(all) != 5 {
			t.Errorf("after refused entries %d stored, want 5", len(all))
		}

		moved, err := s.UpdateEngagement(ctx, f.drafter, visit.ID, visit.Version, congtac.EngagementUpdate{
			Start: pointer(congtac.At(9, 30)), Place: pointer("Thôn Đông, xã Tân Sơn")})
		if err != nil {
			t.Fatal(err)
		}
		if moved.Part != congtac.Morning || moved.Place != "Thôn Đông, xã Tân Sơn" || moved.Version != 2 {
			t.Errorf("moved entry = %s %q v%d", moved.Part, moved.Place, moved.Version)
		}
		if _, err := s.UpdateEngagement(ctx, f.drafter, visit.ID, visit.Version, congtac.EngagementUpdate{Title: pointer("x")}); congtac.ErrorCode(err) != congtac.ECONFLICT {
			t.Errorf("update on a stale version: %v, want ECONFLICT", err)
		}
		if _, err := s.CancelEngagement(ctx, f.drafter, visit.ID, visit.Version); congtac.ErrorCode(err) != congtac.ECONFLICT {
			t.Errorf("cancel on a stale version: %v, want ECONFLICT", err)
		}
		cancelled, err := s.CancelEngagement(ctx, f.drafter, visit.ID, moved.Version)
		if err != nil || !cancelled.Cancelled || cancelled.Version != 3 {
			t.Fatalf("cancel = %+v, %v", cancelled, err)
		}
		if _, err := s.CancelEngagement(ctx, f.drafter, visit.ID, cancelled.Version); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("cancelling twice: %v, want EINVALID", err)
		}
		es, _ = s.FindEngagements(ctx, congtac.EngagementFilter{OrgID: &f.committee.ID})
		if i := slices.IndexFunc(es, func(e congtac.Engagement) bool { return e.ID == visit.ID }); i < 0 || !es[i].Cancelled {
			t.Errorf("the cancelled entry is gone or not marked: %+v", es)
		}
		if got := auditActions(t, s, "engagement", visit.ID); !slices.Equal(got, []string{"create", "update", "cancel"}) {
			t.Errorf("engagement audit = %v", got)
		}
	})
}

func TestPublishCalendarRevisions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 4, 14))
		f := newFixture(t, s)
		if _, err := s.FindCalendar(ctx, f.committee.ID, week(16)); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Errorf("calendar never published: %v, want ENOTFOUND", err)
		}
		first, err := s.PublishCalendar(ctx, f.drafter, f.committee.ID, week(16), nil)
		if err != nil {
			t.Fatal(err)
		}
		published := congtac.MustDate(2023, 4, 14).In(congtac.Location(), 9, 0).Unix()
		if first.Revision != 0 || first.PublishedAt != published || first.Week != week(16) || len(first.Changes) != 0 {
			t.Errorf("first publication = %+v", first)
		}
		if _, err := s.PublishCalendar(ctx, f.drafter, f.committee.ID, week(16), []string{" "}); congtac.FieldErrors(err)["changes"] == "" {
			t.Errorf("republishing without changes: %v, want EINVALID on changes", err)
		}
		later := time.Date(2023, 4, 19, 16, 30, 0, 0, congtac.Location())
		s.SetClock(func() time.Time { return later })
		change := "Hoãn Hội nghị UBND huyện thường kỳ ngày 21/4/2023, có thông báo sau"
		second, err := s.PublishCalendar(ctx, f.drafter, f.committee.ID, week(16), []string{"  " + change + " ", ""})
		if err != nil {
			t.Fatal(err)
		}
		if second.Revision != 1 || second.ID != first.ID || second.PublishedAt != later.Unix() ||
			!slices.Equal(second.Changes, []string{change}) || second.Version != 2 {
			t.Errorf("second publication = %+v", second)
		}
		got, err := s.FindCalendar(ctx, f.committee.ID, week(16))
		if err != nil || got.Revision != 1 || !slices.Equal(got.Changes, []string{change}) || got.PublishedAt != later.Unix() ||
			got.Week != week(16) || got.OrgID != f.committee.ID || got.Public {
			t.Errorf("FindCalendar = %+v, %v", got, err)
		}
		if other, err := s.PublishCalendar(ctx, f.drafter, f.committee.ID, week(17), nil); err != nil || other.Revision != 0 {
			t.Errorf("another week: revision %d, %v; want 0", other.Revision, err)
		}
		if _, err := s.PublishCalendar(ctx, f.drafter, f.committee.ID, congtac.Period{Kind: congtac.PeriodWeek, Year: 2023, Number: 54}, nil); congtac.FieldErrors(err)["period"] == "" {
			t.Errorf("week 54: %v, want EINVALID on period", err)
		}
		if got := auditActions(t, s, "calendar", first.ID); !slices.Equal(got, []string{"publish", "publish"}) {
			t.Errorf("calendar audit = %v", got)
		}
	})
}

func TestSetCalendarPublic(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 4, 14))
		f := newFixture(t, s)
		office := f.drafter // scoped to the committee, as office staff are
		officeOnly := congtac.Actor{UserID: f.drafter.UserID, Role: congtac.RoleDrafter, OrgID: f.office.ID,
			Path: []int64{f.office.ID, f.committee.ID}}
		if err := s.SetCalendarPublic(ctx, office, f.committee.ID, week(16), true); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("calendar never published: %v, want EINVALID", err)
		}
		cal, err := s.PublishCalendar(ctx, office, f.committee.ID, week(16), nil)
		if err != nil {
			t.Fatal(err)
		}
		refused := []struct {
			name string
			a    congtac.Actor
		}{
			{"a reporter", f.reporterA},
			{"a drafter scoped to the office only", officeOnly},
			{"a leader", f.chair},
		}
		for _, tt := range refused {
			if err := s.SetCalendarPublic(ctx, tt.a, f.committee.ID, week(16), true); congtac.ErrorCode(err) != congtac.EFORBIDDEN {
				t.Errorf("%s: %v, want EFORBIDDEN", tt.name, err)
			}
		}
		if err := s.SetCalendarPublic(ctx, office, 999999, week(16), true); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Errorf("unknown org: %v, want ENOTFOUND", err)
		}
		bad := congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: 4}
		if err := s.SetCalendarPublic(ctx, office, f.committee.ID, bad, true); congtac.FieldErrors(err)["period"] == "" {
			t.Errorf("a month instead of a week: %v, want EINVALID on period", err)
		}
		check := func(wantPublic bool, wantVersion int) {
			t.Helper()
			got, err := s.FindCalendar(ctx, f.committee.ID, week(16))
			if err != nil || got.Public != wantPublic || got.Version != wantVersion || got.Revision != cal.Revision {
				t.Errorf("calendar = %+v, %v; want public %v at version %d", got, err, wantPublic, wantVersion)
			}
		}
		check(false, 1)
		for range 2 { // the second time changes nothing
			if err := s.SetCalendarPublic(ctx, office, f.committee.ID, week(16), true); err != nil {
				t.Fatal(err)
			}
			check(true, 2)
		}
		if err := s.SetCalendarPublic(ctx, office, f.committee.ID, week(16), false); err != nil {
			t.Fatal(err)
		}
		check(false, 3)
		if got := auditActions(t, s, "calendar", cal.ID); !slices.Equal(got, []string{"publish", "make_public", "make_private"}) {
			t.Errorf("calendar audit = %v", got)
		}
	})
}
