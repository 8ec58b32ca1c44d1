package store_test

import (
	"strings"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// importOf is an import into fixture f's committee: a new department (temporary ID -1)
// that leads the program's task and prepares the meeting's matter, an existing one that
// supports both, and a Thursday briefing besides.
func importOf(f fixture) congtac.Import {
	april := congtac.MustDate(2023, 4, 21)
	return congtac.Import{
		Name: "CTr thang 4.docx",
		Orgs: []congtac.Org{{ID: -1, ParentID: f.committee.ID, Kind: congtac.OrgDepartment,
			Name: "Phòng Tài chính - Kế hoạch", ShortName: "TCKH", ValidFrom: congtac.MustDate(2020, 1, 1)}},
		Program: &congtac.Program{OrgID: f.committee.ID, Period: congtac.PeriodOf(congtac.PeriodMonth, congtac.MustDate(2023, 4, 1)), DraftedBy: f.office.ID,
			Title: "Công tác của UBND xã tháng 4 năm 2023",
			Items: []congtac.Item{{ID: 1, Heading: "Nhiệm vụ trọng tâm"}, {ID: 2, ParentID: 1, Text: "Quyết toán ngân sách."}},
			Tasks: []congtac.Task{{ItemID: 2, Text: "Quyết toán ngân sách", Lead: -1,
				Support: []congtac.Support{{OrgID: f.deptA.ID}}, Due: congtac.Due{Date: congtac.MustDate(2023, 4, 30),
					Precision: congtac.PrecisionMonth, Text: "trong tháng 4/2023"}}}},
		Meetings: []congtac.Meeting{{OrgID: f.committee.ID, Kind: congtac.MeetingRegular,
			Title: "Hội nghị UBND xã thường kỳ", Date: april, Start: congtac.NoTime,
			Agenda: []congtac.AgendaItem{{Title: "Báo cáo tình hình kinh tế - xã hội tháng 4", Lead: -1,
				Support: []int64{f.deptA.ID}}}}},
	}
}

func TestImportSavesAllOrNone(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		admin := createActor(t, s, "quantri", congtac.RoleAdmin, f.committee.ID)

		// The office may not create orgs: nothing of the import is written.
		if _, err := s.Import(ctx, f.drafter, importOf(f)); congtac.ErrorCode(err) != congtac.EFORBIDDEN {
			t.Fatalf("drafter creating an org: %v, want EFORBIDDEN", err)
		}
		if orgs, _ := s.FindOrgs(ctx, congtac.OrgFilter{Query: "Tài chính"}); len(orgs) != 0 {
			t.Fatalf("a refused import left orgs: %v", orgs)
		}

		got, err := s.Import(ctx, admin, importOf(f))
		if err != nil {
			t.Fatal(err)
		}
		dept := got.Orgs[0].ID
		if dept <= 0 || got.Program.ID == 0 || got.Meetings[0].ProgramID != got.Program.ID {
			t.Fatalf("import: org %d, program %d, meeting's program %d", dept, got.Program.ID, got.Meetings[0].ProgramID)
		}
		p, err := s.FindProgramByID(ctx, got.Program.ID)
		if err != nil {
			t.Fatal(err)
		}
		if p.Status != congtac.ProgramDraft || len(p.Items) != 2 || len(p.Tasks) != 1 || p.Tasks[0].Lead != dept ||
			p.Tasks[0].Support[0].OrgID != f.deptA.ID || p.Tasks[0].ItemID != p.Items[1].ID {
			t.Fatalf("program as stored: %+v", p)
		}
		m, err := s.FindMeetingByID(ctx, got.Meetings[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if m.Agenda[0].Lead != dept || m.Agenda[0].Support[0] != f.deptA.ID || m.ProgramID != p.ID {
			t.Fatalf("meeting as stored: %+v", m)
		}
		id := p.ID
		events, _, err := s.FindAuditEvents(ctx, congtac.System, congtac.AuditFilter{Entity: "program", EntityID: &id})
		if err != nil {
			t.Fatal(err)
		}
		var imported bool
		for _, e := range events {
			imported = imported || e.Action == "import"
		}
		if !imported {
			t.Errorf("no import event among %d events of the program", len(events))
		}

		// A second import of the same period is refused whole: the org it would add is not,
		// and the import is left as it was given, its temporary IDs in place.
		again := importOf(f)
		again.Orgs[0].Name, again.Orgs[0].ShortName = "Phòng Tư pháp", "TP"
		if _, err := s.Import(ctx, admin, again); congtac.ErrorCode(err) != congtac.ECONFLICT {
			t.Fatalf("second program for April: %v, want ECONFLICT", err)
		}
		if orgs, _ := s.FindOrgs(ctx, congtac.OrgFilter{Query: "Tư pháp"}); len(orgs) != 0 {
			t.Fatalf("a refused import left orgs: %v", orgs)
		}
		if again.Orgs[0].ID != -1 || again.Program.Tasks[0].Lead != -1 || again.Meetings[0].Agenda[0].Lead != -1 {
			t.Errorf("the refused import was changed: org %d, lead %d, matter's lead %d", again.Orgs[0].ID,
				again.Program.Tasks[0].Lead, again.Meetings[0].Agenda[0].Lead)
		}
		if _, err := s.Import(ctx, admin, congtac.Import{Name: "x"}); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Fatalf("empty import: %v, want EINVALID", err)
		}
	})
}

func TestImportSchedule(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		entry := func(day int, title string, preparer int64) congtac.Engagement {
			return congtac.Engagement{OrgID: f.committee.ID, PersonID: f.leader.ID, Date: congtac.MustDate(2026, 12, day),
				Start: congtac.At(8, 0), Title: title, PreparerID: preparer}
		}
		got, err := s.Import(ctx, f.drafter, congtac.Import{Name: "lich-tuan-50.pdf", Engagements: []congtac.Engagement{
			entry(7, "Họp giao ban đầu tuần", f.office.ID), entry(8, "Tiếp công dân định kỳ", 0)}})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range got.Engagements {
			stored, err := s.FindEngagementByID(ctx, e.ID)
			if err != nil || stored.Title != e.Title || stored.PersonID != f.leader.ID {
				t.Fatalf("entry %d as stored: %+v, %v", e.ID, stored, err)
			}
		}
		bad := entry(9, "", 0)
		if _, err := s.Import(ctx, f.drafter, congtac.Import{Engagements: []congtac.Engagement{entry(10, "Dự hội nghị", 0), bad}}); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Fatalf("an entry without a title: %v, want EINVALID", err)
		}
	})
}

func TestEachTextGivesTheStoredWords(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		admin := createActor(t, s, "quantri", congtac.RoleAdmin, f.committee.ID)
		if _, err := s.Import(ctx, admin, importOf(f)); err != nil {
			t.Fatal(err)
		}
		var texts []string
		if err := s.EachText(ctx, 10, func(text string) { texts = append(texts, text) }); err != nil {
			t.Fatal(err)
		}
		joined := strings.Join(texts, "|")
		for _, want := range []string{"Công tác của UBND xã tháng 4 năm 2023", "Quyết toán ngân sách.",
			"Hội nghị UBND xã thường kỳ", "Báo cáo tình hình kinh tế - xã hội tháng 4", "Nguyễn Văn Đức"} {
			if !strings.Contains(joined, want) {
				t.Errorf("texts lack %q: %s", want, joined)
			}
		}
		texts = nil
		if err := s.EachText(ctx, 1, func(text string) { texts = append(texts, text) }); err != nil || len(texts) != 6 {
			t.Errorf("one of each kind: %d texts, %v", len(texts), err)
		}
	})
}
