package store_test

import (
	"slices"
	"testing"
	"time"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// seedOrgs are the departments that prepare the seed's regular meeting.
type seedOrgs struct{ finance, infra, home, agri congtac.Org }

func newSeedOrgs(t *testing.T, s *store.Store, f fixture) seedOrgs {
	t.Helper()
	org := func(name, short string) congtac.Org {
		o, err := s.CreateOrg(ctx, congtac.System, congtac.Org{ParentID: f.committee.ID, Kind: congtac.OrgDepartment,
			Name: name, ShortName: short})
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	return seedOrgs{org("Phòng Tài chính - Kế hoạch", "TCKH"), org("Phòng Kinh tế và Hạ tầng", "KTHT"),
		org("Phòng Nội vụ", "NV"), org("Phòng Nông nghiệp và PTNT", "NN")}
}

// regularMeeting is the seed program's "Hội nghị UBND huyện thường kỳ: Ngày 21/4/2023 (Thứ
// Sáu)" with its six items; the fifth has its own materials day, the others the default.
func regularMeeting(f fixture, o seedOrgs) congtac.Meeting {
	return congtac.Meeting{
		OrgID: f.committee.ID, Kind: congtac.MeetingRegular,
		Title: "Hội nghị UBND huyện thường kỳ tháng 4 năm 2023", Date: congtac.MustDate(2023, 4, 21),
		Start: congtac.NoTime, Part: congtac.Morning, Place: "Hội trường UBND huyện", ChairID: f.leader.ID,
		Agenda: []congtac.AgendaItem{
			{Title: "Báo cáo tình hình kinh tế - xã hội tháng 4 và 4 tháng đầu năm; nhiệm vụ trọng tâm tháng 5 năm 2023", Lead: o.finance.ID},
			{Title: "Báo cáo tiến độ các dự án trọng điểm thuộc diện Ban Thường vụ Huyện ủy theo dõi, chỉ đạo", Lead: o.infra.ID},
			{Title: "Báo cáo sơ kết Đề án số 01-ĐA/HU ngày 29/6/2021 về phát triển kết cấu hạ tầng giao thông", Lead: o.infra.ID},
			{Title: "Báo cáo sơ kết 02 năm thực hiện Nghị quyết số 35-NQ/HU ngày 01/4/2021 về cải cách thủ tục hành chính",
				Lead: f.office.ID, Support: []int64{o.home.ID}},
			{Title: "Báo cáo sơ kết Đề án số 02-ĐA/HU ngày 29/6/2021 về vùng cây ăn quả trọng điểm", Lead: o.agri.ID,
				MaterialsDue: congtac.MustDate(2023, 4, 13)},
			{Title: "Các nội dung khác trình theo quy định"},
		},
	}
}

func TestRegularMeetingWithItsAgenda(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 4, 5))
		f := newFixture(t, s)
		o := newSeedOrgs(t, s, f)
		in := regularMeeting(f, o)
		in.Title = "Hội nghị UBND huyện thu\u031bo\u031b\u0300ng kỳ tháng 4 năm 2023" // NFD, as pasted from a PDF
		m, err := s.CreateMeeting(ctx, f.drafter, in)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.FindMeetingByID(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Title != "Hội nghị UBND huyện thường kỳ tháng 4 năm 2023" || got.Status != congtac.MeetingPlanned ||
			got.Date.Weekday() != time.Friday || got.ChairID != f.leader.ID || got.Start != congtac.NoTime || got.Version != 1 {
			t.Errorf("meeting = %q %s %s (%s) chair %d start %d v%d", got.Title, got.Status, got.Date,
				got.Date.Weekday(), got.ChairID, got.Start, got.Version)
		}
		if len(got.Agenda) != 6 {
			t.Fatalf("agenda has %d items, want 6", len(got.Agenda))
		}
		for query, want := range map[string]int{"hoi nghi thuong ky": 1, "THƯỜNG KỲ": 1, "chuyen de": 0} {
			if ms, err := s.FindMeetings(ctx, congtac.MeetingFilter{Query: query}); err != nil || len(ms) != want {
				t.Errorf("FindMeetings(%q) = %d, %v; want %d", query, len(ms), err, want)
			}
		}
		var leads []int64
		var due []congtac.Date
		for i, it := range got.Agenda {
			if it.Position != i+1 || it.MeetingID != m.ID || it.Title != in.Agenda[i].Title {
				t.Errorf("item %d = position %d meeting %d %q", i+1, it.Position, it.MeetingID, it.Title)
			}
			leads, due = append(leads, it.Lead), append(due, it.MaterialsDue)
		}
		if want := []int64{o.finance.ID, o.infra.ID, o.infra.ID, f.office.ID, o.agri.ID, 0}; !slices.Equal(leads, want) {
			t.Errorf("leads = %v, want %v", leads, want)
		}
		d14, d13 := congtac.MustDate(2023, 4, 14), congtac.MustDate(2023, 4, 13)
		if want := []congtac.Date{d14, d14, d14, d14, d13, d14}; !slices.Equal(due, want) {
			t.Errorf("materials due = %v, want 5 working days before (14/4) unless given", due)
		}
		if sup := got.Agenda[3].Support; !slices.Equal(sup, []int64{o.home.ID}) {
			t.Errorf("item 4 support = %v, want Phòng Nội vụ", sup)
		}
		if got := auditActions(t, s, "meeting", m.ID); !slices.Equal(got, []string{"create"}) {
			t.Errorf("meeting audit = %v", got)
		}

		// The office chases each org for what it must prepare.
		titles := func(orgID *int64, from, to congtac.Date) []int {
			t.Helper()
			due, err := s.FindAgendaDue(ctx, orgID, from, to)
			if err != nil {
				t.Fatal(err)
			}
			var pos []int
			for _, d := range due {
				if d.Meeting.ID != m.ID || d.Meeting.Title != got.Title {
					t.Errorf("due item %q comes with meeting %d %q", d.Item.Title, d.Meeting.ID, d.Meeting.Title)
				}
				pos = append(pos, d.Item.Position)
			}
			return pos
		}
		apr10, apr20 := congtac.MustDate(2023, 4, 10), congtac.MustDate(2023, 4, 20)
		tests := []struct {
			name     string
			org      *int64
			from, to congtac.Date
			want     []int
		}{
			{"Kinh tế và Hạ tầng", &o.infra.ID, apr10, apr20, []int{2, 3}},
			{"Nội vụ, supporting", &o.home.ID, apr10, apr20, []int{4}},
			{"every org due on 14/4", nil, d14, d14, []int{1, 2, 3, 4, 6}},
			{"every org, by due day", nil, apr10, apr20, []int{5, 1, 2, 3, 4, 6}},
			{"nothing due yet", &o.finance.ID, apr10, congtac.MustDate(2023, 4, 13), nil},
		}
		for _, tt := range tests {
			if got := titles(tt.org, tt.from, tt.to); !slices.Equal(got, tt.want) {
				t.Errorf("FindAgendaDue(%s) = items %v, want %v", tt.name, got, tt.want)
			}
		}
	})
}

func TestMaterialsDayFollowsTheSetting(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		o := newSeedOrgs(t, s, f)
		m, err := s.CreateMeeting(ctx, f.drafter, regularMeeting(f, o))
		if err != nil {
			t.Fatal(err)
		}
		c, err := s.FindCommittee(ctx, m.OrgID)
		if err != nil {
			t.Fatal(err)
		}
		c.Settings.MaterialsLeadDays = 7
		if _, err := s.SaveCommitteeSettings(ctx, congtac.System, c.Org.ID, c.Version, c.Settings); err != nil {
			t.Fatal(err)
		}
		it, err := s.AddAgendaItem(ctx, f.drafter, congtac.AgendaItem{MeetingID: m.ID,
			Title: "Tờ trình phê duyệt kế hoạch sử dụng đất năm 2024", Lead: o.infra.ID})
		if err != nil {
			t.Fatal(err)
		}
		if it.Position != 7 || it.MaterialsDue != congtac.MustDate(2023, 4, 12) || it.Version != 1 {
			t.Errorf("added item: position %d, materials due %s v%d; want 7, 12/4 (7 working days before), v1",
				it.Position, it.MaterialsDue, it.Version)
		}
	})
}

func TestUpdateMeetingMovesAndPostpones(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 4, 5))
		f := newFixture(t, s)
		o := newSeedOrgs(t, s, f)
		m, err := s.CreateMeeting(ctx, f.drafter, regularMeeting(f, o))
		if err != nil {
			t.Fatal(err)
		}
		apr28 := congtac.MustDate(2023, 4, 28)
		moved, err := s.UpdateMeeting(ctx, f.drafter, m.ID, m.Version, congtac.MeetingUpdate{Date: &apr28,
			Start: pointer(congtac.At(14, 0))})
		if err != nil {
			t.Fatal(err)
		}
		if moved.Date != apr28 || moved.Part != congtac.Afternoon || moved.Version != 2 {
			t.Errorf("moved meeting: %s part %s v%d; want 28/4 afternoon v2", moved.Date, moved.Part, moved.Version)
		}
		if d := moved.Agenda[0].MaterialsDue; d != congtac.MustDate(2023, 4, 21) {
			t.Errorf("default materials day after the move = %s, want 21/4", d)
		}
		if d := moved.Agenda[4].MaterialsDue; d != congtac.MustDate(2023, 4, 13) {
			t.Errorf("a materials day set by hand moved to %s, want it kept at 13/4", d)
		}
		if _, err := s.UpdateMeeting(ctx, f.drafter, m.ID, m.Version, congtac.MeetingUpdate{Place: pointer("Phòng họp số 2")}); congtac.ErrorCode(err) != congtac.ECONFLICT {
			t.Errorf("update on a stale version: %v, want ECONFLICT", err)
		}
		if _, err := s.UpdateMeeting(ctx, f.drafter, m.ID, moved.Version, congtac.MeetingUpdate{Title: pointer(" ")}); congtac.FieldErrors(err)["title"] == "" {
			t.Errorf("empty title: %v, want EINVALID on title", err)
		}
		postponed, err := s.UpdateMeeting(ctx, f.drafter, m.ID, moved.Version, congtac.MeetingUpdate{
			Status: pointer(congtac.MeetingPostponed), Note: pointer("Tạm hoãn, có thông báo sau")})
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.FindMeetingByID(ctx, m.ID)
		if err != nil || got.Status != congtac.MeetingPostponed || got.Note != "Tạm hoãn, có thông báo sau" || len(got.Agenda) != 6 {
			t.Errorf("postponed meeting = %s %q with %d items, %v", got.Status, got.Note, len(got.Agenda), err)
		}
		if due, _ := s.FindAgendaDue(ctx, nil, congtac.MustDate(2023, 4, 1), congtac.MustDate(2023, 4, 30)); len(due) != 0 {
			t.Errorf("a postponed meeting still has %d items to chase", len(due))
		}
		if got := auditActions(t, s, "meeting", m.ID); !slices.Equal(got, []string{"create", "update", "postpone"}) {
			t.Errorf("meeting audit = %v", got)
		}
		if postponed.Version != 3 {
			t.Errorf("postponed version = %d, want 3", postponed.Version)
		}
	})
}

func TestAgendaItemsAddUpdateDelete(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		o := newSeedOrgs(t, s, f)
		m, err := s.CreateMeeting(ctx, f.drafter, regularMeeting(f, o))
		if err != nil {
			t.Fatal(err)
		}
		it, err := s.AddAgendaItem(ctx, f.drafter, congtac.AgendaItem{MeetingID: m.ID,
			Title: "Báo cáo công tác phòng, chống thiên tai", Lead: o.agri.ID, Minutes: 20})
		if err != nil {
			t.Fatal(err)
		}
		upd := congtac.AgendaItemUpdate{Support: &[]int64{o.infra.ID, o.home.ID},
			Conclusion: pointer("  Giao Phòng Nông nghiệp và PTNT hoàn thiện kế hoạch  ")}
		it2, err := s.UpdateAgendaItem(ctx, f.drafter, it.ID, it.Version, upd)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.UpdateAgendaItem(ctx, f.drafter, it.ID, it.Version, congtac.AgendaItemUpdate{Minutes: pointer(30)}); congtac.ErrorCode(err) != congtac.ECONFLICT {
			t.Errorf("update on a stale version: %v, want ECONFLICT", err)
		}
		if _, err := s.UpdateAgendaItem(ctx, f.drafter, it.ID, it2.Version, congtac.AgendaItemUpdate{Support: &[]int64{o.agri.ID}}); congtac.FieldErrors(err)["support"] == "" {
			t.Errorf("lead also supporting: %v, want EINVALID on support", err)
		}
		got, _ := s.FindMeetingByID(ctx, m.ID)
		last := got.Agenda[len(got.Agenda)-1]
		if last.ID != it.ID || !slices.Equal(last.Support, []int64{o.infra.ID, o.home.ID}) ||
			last.Conclusion != "Giao Phòng Nông nghiệp và PTNT hoàn thiện kế hoạch" || last.Minutes != 20 || last.Version != 2 {
			t.Errorf("stored item = %+v", last)
		}
		if err := s.DeleteAgendaItem(ctx, f.drafter, it.ID, it.Version); congtac.ErrorCode(err) != congtac.ECONFLICT {
			t.Errorf("delete on a stale version: %v, want ECONFLICT", err)
		}
		if err := s.DeleteAgendaItem(ctx, f.drafter, it.ID, it2.Version); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.FindMeetingByID(ctx, m.ID); len(got.Agenda) != 6 {
			t.Errorf("after delete the agenda has %d items, want 6", len(got.Agenda))
		}
		if _, err := s.AddAgendaItem(ctx, f.drafter, congtac.AgendaItem{MeetingID: 999999, Title: "x"}); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Errorf("item of a missing meeting: %v, want ENOTFOUND", err)
		}
		if got := auditActions(t, s, "agenda_item", it.ID); !slices.Equal(got, []string{"create", "update", "delete"}) {
			t.Errorf("agenda item audit = %v", got)
		}
	})
}

func TestCreateMeetingRejectsBadInputAndWritesNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		o := newSeedOrgs(t, s, f)
		tests := []struct {
			name  string
			edit  func(*congtac.Meeting)
			code  string
			field string
		}{
			{"empty title", func(m *congtac.Meeting) { m.Title = "" }, congtac.EINVALID, "title"},
			{"no date", func(m *congtac.Meeting) { m.Date = congtac.Date{} }, congtac.EINVALID, "date"},
			{"bad kind", func(m *congtac.Meeting) { m.Kind = "party" }, congtac.EINVALID, "kind"},
			{"bad part", func(m *congtac.Meeting) { m.Part = "noon" }, congtac.EINVALID, "part"},
			{"empty agenda title", func(m *congtac.Meeting) { m.Agenda[2].Title = " " }, congtac.EINVALID, "title"},
			{"support twice", func(m *congtac.Meeting) { m.Agenda[3].Support = []int64{o.home.ID, o.home.ID} }, congtac.EINVALID, "support"},
			// The meeting row is written before the items: the whole transaction must roll back.
			{"missing preparing org", func(m *congtac.Meeting) { m.Agenda[5].Lead = 999999 }, congtac.ENOTFOUND, ""},
			{"missing chair", func(m *congtac.Meeting) { m.ChairID = 999999 }, congtac.ENOTFOUND, ""},
		}
		for _, tt := range tests {
			m := regularMeeting(f, o)
			tt.edit(&m)
			_, err := s.CreateMeeting(ctx, f.drafter, m)
			if congtac.ErrorCode(err) != tt.code {
				t.Errorf("%s: err = %v, want %s", tt.name, err, tt.code)
				continue
			}
			if _, ok := congtac.FieldErrors(err)[tt.field]; tt.field != "" && !ok {
				t.Errorf("%s: field errors %v, want one on %q", tt.name, congtac.FieldErrors(err), tt.field)
			}
		}
		if ms, err := s.FindMeetings(ctx, congtac.MeetingFilter{}); err != nil || len(ms) != 0 {
			t.Errorf("after failures %d meetings stored, %v; want 0", len(ms), err)
		}
		if due, _ := s.FindAgendaDue(ctx, nil, congtac.MustDate(2023, 1, 1), congtac.MustDate(2023, 12, 31)); len(due) != 0 {
			t.Errorf("after failures %d agenda items stored, want 0", len(due))
		}
		if events, _, _ := s.FindAuditEvents(ctx, congtac.System, congtac.AuditFilter{Entity: "meeting"}); len(events) != 0 {
			t.Errorf("after failures %d audit events, want 0", len(events))
		}
	})
}

func TestFindMeetingsExpandsRecurringMeetings(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		o := newSeedOrgs(t, s, f)
		reg, err := s.CreateMeeting(ctx, f.drafter, regularMeeting(f, o))
		if err != nil {
			t.Fatal(err)
		}
		brief, err := s.CreateMeeting(ctx, f.drafter, weeklyBriefing(t, f))
		if err != nil {
			t.Fatal(err)
		}
		thematic := regularMeeting(f, o)
		thematic.Kind, thematic.Title, thematic.Date, thematic.Agenda = congtac.MeetingThematic,
			"Hội nghị chuyên đề về chuyển đổi số", congtac.MustDate(2023, 5, 9), nil
		them, err := s.CreateMeeting(ctx, f.drafter, thematic)
		if err != nil {
			t.Fatal(err)
		}
		work, err := s.CreateMeeting(ctx, f.drafter, congtac.Meeting{OrgID: f.committee.ID, Kind: congtac.MeetingWorking,
			Title: "Làm việc với Ban Quản lý dự án", Date: congtac.MustDate(2023, 4, 20), Start: congtac.At(8, 0)})
		if err != nil {
			t.Fatal(err)
		}
		ids := func(f congtac.MeetingFilter) []int64 {
			t.Helper()
			ms, err := s.FindMeetings(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			var out []int64
			for _, m := range ms {
				out = append(out, m.ID)
			}
			return out
		}
		span := func(n int) (*congtac.Date, *congtac.Date) {
			p := congtac.Period{Kind: congtac.PeriodWeek, Year: 2023, Number: n}
			return pointer(p.Start()), pointer(p.End())
		}
		w14from, w14to := span(14)
		w15from, w15to := span(15)
		w16from, w16to := span(16)
		w19from, w19to := span(19)
		regular := congtac.MeetingRegular
		tests := []struct {
			name string
			f    congtac.MeetingFilter
			want []int64
		}{
			{"week 14: the first briefing, 6/4", congtac.MeetingFilter{From: w14from, To: w14to}, []int64{brief.ID}},
			{"week 15: the briefing only", congtac.MeetingFilter{From: w15from, To: w15to}, []int64{brief.ID}},
			{"week 16: Thursday 8:00, the briefing that afternoon, the regular meeting Friday",
				congtac.MeetingFilter{From: w16from, To: w16to}, []int64{work.ID, brief.ID, reg.ID}},
			{"week 19: the conference on Tuesday 9/5, then the briefing", congtac.MeetingFilter{From: w19from, To: w19to},
				[]int64{them.ID, brief.ID}},
			{"regular only", congtac.MeetingFilter{Kind: &regular}, []int64{reg.ID}},
			{"from 1/5 on, limit 1", congtac.MeetingFilter{From: pointer(congtac.MustDate(2023, 5, 1)), Limit: 1}, []int64{brief.ID}},
			{"up to 5/4: nothing", congtac.MeetingFilter{To: pointer(congtac.MustDate(2023, 4, 5))}, nil},
		}
		for _, tt := range tests {
			if got := ids(tt.f); !slices.Equal(got, tt.want) {
				t.Errorf("%s: FindMeetings = %v, want %v", tt.name, got, tt.want)
			}
		}
		ms, _ := s.FindMeetings(ctx, congtac.MeetingFilter{ID: &reg.ID})
		if len(ms) != 1 || len(ms[0].Agenda) != 6 {
			t.Errorf("FindMeetings does not carry the agenda: %+v", ms)
		}

		// Moving a series' first meeting moves its rule: the briefings now start on 13/4.
		apr13 := congtac.MustDate(2023, 4, 13)
		moved, err := s.UpdateMeeting(ctx, f.drafter, brief.ID, brief.Version, congtac.MeetingUpdate{Date: &apr13})
		if err != nil {
			t.Fatal(err)
		}
		if moved.Recurrence == nil || moved.Recurrence.Start != apr13 {
			t.Errorf("moved briefing rule = %+v, want it to start on 13/4", moved.Recurrence)
		}
		if got := ids(congtac.MeetingFilter{From: w14from, To: w14to}); len(got) != 0 {
			t.Errorf("week 14 after the move = %v, want no meeting", got)
		}
	})
}
