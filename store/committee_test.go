package store_test

import (
	"strings"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
	"congtac/synth"
)

// secondCommittee creates, beside the fixture's committee, the committee of the reported
// bug: UBND huyện Lục Ngạn, with its office, and an office head scoped to it.
func secondCommittee(t *testing.T, s *store.Store) (committee, office congtac.Org, head congtac.Actor) {
	t.Helper()
	var err error
	if committee, err = s.CreateOrg(ctx, congtac.System, congtac.Org{Kind: congtac.OrgCommittee,
		Name: "Ủy ban nhân dân huyện Lục Ngạn", ShortName: "UBND", ValidFrom: congtac.MustDate(2020, 1, 1)}); err != nil {
		t.Fatal(err)
	}
	if office, err = s.CreateOrg(ctx, congtac.System, congtac.Org{ParentID: committee.ID, Kind: congtac.OrgOffice,
		Name: "Văn phòng HĐND và UBND huyện", ShortName: "VP", ValidFrom: congtac.MustDate(2020, 1, 1)}); err != nil {
		t.Fatal(err)
	}
	return committee, office, actorFor(t, s, "cvp-lucngan", congtac.RoleOfficeHead, office.ID)
}

// actorFor creates an account and returns it as an actor, with its path.
func actorFor(t *testing.T, s *store.Store, login string, role congtac.Role, org int64) congtac.Actor {
	t.Helper()
	u, err := s.CreateUser(ctx, congtac.System, congtac.User{Login: login, Role: role, OrgID: org, DisplayName: login})
	if err != nil {
		t.Fatal(err)
	}
	path, err := s.OrgPath(ctx, u.OrgID)
	if err != nil {
		t.Fatal(err)
	}
	return congtac.Actor{UserID: u.ID, Role: u.Role, OrgID: u.OrgID, Path: path}
}

func mustCommittee(t *testing.T, s *store.Store, org int64) congtac.Committee {
	t.Helper()
	c, err := s.FindCommittee(ctx, org)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestEveryCommitteeHasItsOwnSettings(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		lucNgan, office, _ := secondCommittee(t, s)

		// a committee nobody configured has the defaults of its own name
		got := mustCommittee(t, s, lucNgan.ID)
		if got.Org.ID != lucNgan.ID || got.Version != 0 || got.Settings.BodyName != "ỦY BAN NHÂN DÂN HUYỆN LỤC NGẠN" ||
			got.Settings.Place != "Lục Ngạn" {
			t.Errorf("defaults of Lục Ngạn = %+v v%d, want its own name and place", got.Settings, got.Version)
		}
		// the committee of an org is its nearest committee, the org itself included
		for org, want := range map[int64]int64{f.deptA.ID: f.committee.ID, f.office.ID: f.committee.ID,
			f.committee.ID: f.committee.ID, office.ID: lucNgan.ID} {
			if c := mustCommittee(t, s, org); c.Org.ID != want {
				t.Errorf("committee of org %d = %d, want %d", org, c.Org.ID, want)
			}
		}

		anBinh := mustCommittee(t, s, f.committee.ID)
		st := anBinh.Settings
		st.BodyName, st.ParentBody, st.Place = "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ", "", "Sơn Hà"
		saved, err := s.SaveCommitteeSettings(ctx, congtac.System, f.committee.ID, anBinh.Version, st)
		if err != nil {
			t.Fatal(err)
		}
		if saved.Version != 1 || mustCommittee(t, s, f.deptB.ID).Settings.Place != "Sơn Hà" {
			t.Errorf("saved settings v%d, place of a department %q; want v1, Sơn Hà", saved.Version,
				mustCommittee(t, s, f.deptB.ID).Settings.Place)
		}
		if after := mustCommittee(t, s, lucNgan.ID); after.Settings.BodyName != "ỦY BAN NHÂN DÂN HUYỆN LỤC NGẠN" ||
			after.Settings.Place != "Lục Ngạn" {
			t.Errorf("saving one committee changed the other: %+v", after.Settings)
		}
		if _, err := s.SaveCommitteeSettings(ctx, congtac.System, f.committee.ID, anBinh.Version, st); congtac.ErrorCode(err) != congtac.ECONFLICT {
			t.Errorf("save from a stale version: %v, want ECONFLICT", err)
		}
		if _, err := s.SaveCommitteeSettings(ctx, congtac.System, f.deptA.ID, 0, st); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("settings of a department: %v, want EINVALID", err)
		}
	})
}

func TestCommitteeSettingsFollowTheScope(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		lucNgan, _, head := secondCommittee(t, s)
		if head.OrgID != lucNgan.ID {
			t.Fatalf("an office head created in the office is scoped to org %d, want the committee %d", head.OrgID, lucNgan.ID)
		}
		own := mustCommittee(t, s, lucNgan.ID)
		own.Settings.BriefingDay = 1
		if _, err := s.SaveCommitteeSettings(ctx, head, lucNgan.ID, 0, own.Settings); err != nil {
			t.Fatalf("the office head saves its own committee's settings: %v", err)
		}
		other := mustCommittee(t, s, f.committee.ID)
		other.Settings.BodyName = "ỦY BAN NHÂN DÂN HUYỆN LỤC NGẠN"
		for who, a := range map[string]congtac.Actor{"the other committee's office head": head, "a drafter": f.drafter,
			"a reporter": f.reporterA} {
			if _, err := s.SaveCommitteeSettings(ctx, a, f.committee.ID, 0, other.Settings); congtac.ErrorCode(err) != congtac.EFORBIDDEN {
				t.Errorf("%s saves An Bình's settings: %v, want EFORBIDDEN", who, err)
			}
		}
		if got := mustCommittee(t, s, f.committee.ID); got.Version != 0 || got.Settings.BodyName != "ỦY BAN NHÂN DÂN XÃ AN BÌNH" {
			t.Errorf("refused saves changed An Bình's settings: %+v v%d", got.Settings, got.Version)
		}
		cs, err := s.FindCommittees(ctx, head)
		if err != nil || len(cs) != 1 || cs[0].Org.ID != lucNgan.ID {
			t.Errorf("committees the office head configures = %+v, %v; want Lục Ngạn alone", cs, err)
		}
		if all, _ := s.FindCommittees(ctx, congtac.System); len(all) != 2 {
			t.Errorf("committees an admin configures: %d, want 2", len(all))
		}
	})
}

func TestCommitteeSettingsAreAudited(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		c := mustCommittee(t, s, f.committee.ID)
		st := c.Settings
		st.Place = "Bình An"
		if _, err := s.SaveCommitteeSettings(ctx, congtac.System, c.Org.ID, 0, st); err != nil {
			t.Fatal(err)
		}
		events, _, err := s.FindAuditEvents(ctx, congtac.System, congtac.AuditFilter{Entity: "committee_settings"})
		if err != nil || len(events) != 1 {
			t.Fatalf("committee settings events = %d, %v; want 1", len(events), err)
		}
		e := events[0]
		if e.EntityID != f.committee.ID || !strings.Contains(e.Before, `"Place":"An Bình"`) || !strings.Contains(e.After, `"Place":"Bình An"`) {
			t.Errorf("audit of the settings: entity %d, before %s, after %s", e.EntityID, e.Before, e.After)
		}
	})
}

func TestGlobalSettingsAuditHidesTheSMTPPassword(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		g := congtac.DefaultGlobalSettings()
		g.SMTP = congtac.SMTP{Host: "mail.example.vn", Port: 587, Username: "vanthu", Password: "bí-mật-thư-điện-tử"}
		if err := s.SaveGlobalSettings(ctx, congtac.System, g); err != nil {
			t.Fatal(err)
		}
		got, err := s.GlobalSettings(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got.SMTP.Password != g.SMTP.Password {
			t.Errorf("stored SMTP password = %q, want it kept", got.SMTP.Password)
		}
		events, _, err := s.FindAuditEvents(ctx, congtac.System, congtac.AuditFilter{Entity: "settings"})
		if err != nil || len(events) != 1 {
			t.Fatalf("settings events = %d, %v; want 1", len(events), err)
		}
		if strings.Contains(events[0].After, "bí-mật") || !strings.Contains(events[0].After, "(đã ẩn)") {
			t.Errorf("audit of the settings shows the password or hides that one is set: %s", events[0].After)
		}
		if !strings.Contains(events[0].After, "mail.example.vn") {
			t.Errorf("audit of the settings lost the SMTP host: %s", events[0].After)
		}
		head := congtac.Actor{Role: congtac.RoleOfficeHead, OrgID: 1, Path: []int64{1}}
		if err := s.SaveGlobalSettings(ctx, head, g); congtac.ErrorCode(err) != congtac.EFORBIDDEN {
			t.Errorf("an office head saves the global settings: %v, want EFORBIDDEN", err)
		}
	})
}

func TestOfficeAccountsAreScopedToTheirCommittee(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		for _, tt := range []struct {
			login string
			role  congtac.Role
			org   int64
			want  int64
		}{
			{"soanthao", congtac.RoleDrafter, f.office.ID, f.committee.ID},
			{"chanhvp", congtac.RoleOfficeHead, f.office.ID, f.committee.ID},
			{"xemvp", congtac.RoleViewer, f.office.ID, f.office.ID},
			{"soanthao-kt", congtac.RoleDrafter, f.deptA.ID, f.deptA.ID},
		} {
			u, err := s.CreateUser(ctx, congtac.System, congtac.User{Login: tt.login, Role: tt.role, OrgID: tt.org})
			if err != nil {
				t.Fatal(err)
			}
			if u.OrgID != tt.want {
				t.Errorf("%s (%s) created in org %d is scoped to %d, want %d", tt.login, tt.role, tt.org, u.OrgID, tt.want)
			}
		}
		viewer, err := s.FindUserByLogin(ctx, "xemvp")
		if err != nil {
			t.Fatal(err)
		}
		role := congtac.RoleDrafter
		u, err := s.UpdateUser(ctx, congtac.System, viewer.ID, viewer.Version, congtac.UserUpdate{Role: &role})
		if err != nil || u.OrgID != f.committee.ID {
			t.Errorf("a viewer of the office made a drafter: org %d, %v; want the committee %d", u.OrgID, err, f.committee.ID)
		}
		if stored, _ := s.FindUserByID(ctx, viewer.ID); stored.OrgID != f.committee.ID {
			t.Errorf("stored org %d, want %d", stored.OrgID, f.committee.ID)
		}
	})
}

// draftAndIssue drafts the first monthly program of org for May 2023 through DraftNext and
// issues it on 5 May as head.
func draftAndIssue(t *testing.T, s *store.Store, head congtac.Actor, org int64) congtac.Program {
	t.Helper()
	p, err := s.DraftNext(ctx, head, org, congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: 5}, congtac.MustDate(2023, 4, 20))
	if err != nil {
		t.Fatal(err)
	}
	for _, action := range []congtac.ProgramAction{congtac.ActionSubmit, congtac.ActionApprove} {
		if p, err = s.TransitionProgram(ctx, head, p.ID, p.Version, action, ""); err != nil {
			t.Fatal(err)
		}
	}
	if p, err = s.IssueProgram(ctx, head, p.ID, p.Version, congtac.Issuance{On: congtac.MustDate(2023, 5, 5)}, nil); err != nil {
		t.Fatal(err)
	}
	if p, err = s.FindProgramByID(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCommitteesIssueFromTheirOwnRegistersAndSettings(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		lucNgan, _, lucNganHead := secondCommittee(t, s)
		anBinhHead := actorFor(t, s, "cvp-anbinh", congtac.RoleOfficeHead, f.office.ID)

		c := mustCommittee(t, s, lucNgan.ID)
		c.Settings.Series, c.Settings.BriefingDay, c.Settings.BriefingTime = congtac.SeriesPerType, 1, congtac.At(7, 30)
		c.Settings.Signature = congtac.Signature{Lines: []congtac.SignLine{{Authority: congtac.AuthorityDeputy, Of: "CHỦ TỊCH"}},
			Title: "Phó Chủ tịch", Name: "Lê Văn Nam"}
		if _, err := s.SaveCommitteeSettings(ctx, lucNganHead, lucNgan.ID, 0, c.Settings); err != nil {
			t.Fatal(err)
		}
		// An Bình issues a report first: its shared series counts it, Lục Ngạn's does not
		if _, err := s.IssueDocument(ctx, f.drafter, congtac.Document{OrgID: f.committee.ID, Type: congtac.DocReport,
			Symbol: "BC-UBND", IssuedOn: congtac.MustDate(2023, 5, 2), Summary: "Báo cáo"}, nil); err != nil {
			t.Fatal(err)
		}
		if _, err := s.IssueDocument(ctx, lucNganHead, congtac.Document{OrgID: lucNgan.ID, Type: congtac.DocReport,
			Symbol: "BC-UBND", IssuedOn: congtac.MustDate(2023, 5, 2), Summary: "Báo cáo"}, nil); err != nil {
			t.Fatal(err)
		}
		anBinh, other := draftAndIssue(t, s, anBinhHead, f.committee.ID), draftAndIssue(t, s, lucNganHead, lucNgan.ID)
		if anBinh.Number != 2 || other.Number != 1 {
			t.Errorf("numbers: An Bình %d (shared series, after a report), Lục Ngạn %d (per type); want 2 and 1",
				anBinh.Number, other.Number)
		}
		if anBinh.Place != "An Bình" || other.Place != "Lục Ngạn" {
			t.Errorf("places: %q and %q, want each committee's own", anBinh.Place, other.Place)
		}
		if len(other.Signature.Lines) != 1 || other.Signature.Lines[0].String() != "KT. CHỦ TỊCH" || other.Signature.Name != "Lê Văn Nam" {
			t.Errorf("Lục Ngạn's first program is signed %+v, want its usual signer", other.Signature)
		}
		if anBinh.Signature.Name == "Lê Văn Nam" {
			t.Errorf("An Bình's program took Lục Ngạn's signer")
		}
		if text := programText(other); !strings.Contains(text, "sáng thứ Hai") {
			t.Errorf("Lục Ngạn's briefing line does not follow its settings: %q", text)
		}
		if text := programText(anBinh); !strings.Contains(text, "chiều thứ Năm") {
			t.Errorf("An Bình's briefing line does not follow its settings: %q", text)
		}
	})
}

// programText joins the text of a program's items.
func programText(p congtac.Program) string {
	var b strings.Builder
	for _, it := range p.Items {
		b.WriteString(it.Text + "\n")
	}
	return b.String()
}

// BenchmarkFindCommittee resolves the committee and settings of a unit of a commune, three
// levels below the province, on the small synthetic data set: what every issue, draft,
// meeting and document download does once.
//
//	go test -run '^$' -bench FindCommittee ./store
func BenchmarkFindCommittee(b *testing.B) {
	for _, e := range storetest.Engines {
		b.Run(string(e), func(b *testing.B) {
			s := storetest.Open(b, e)
			st, err := synth.Generate(ctx, s, synth.Config{Seed: 1, Scale: synth.Small})
			if err != nil {
				b.Fatal(err)
			}
			kind := congtac.OrgDepartment
			units, err := s.FindOrgs(ctx, congtac.OrgFilter{Kind: &kind, ParentID: &st.Committees[1]})
			if err != nil || len(units) == 0 {
				b.Fatalf("no unit under a commune: %v", err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.FindCommittee(ctx, units[0].ID); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestMigrationGivesTheOldSettingsToTheRootCommittee: an installation with one settings row
// keeps its masthead on its root committee, without the global fields; a committee below it
// starts from its own name, and the global settings keep mail and second factor.
func TestMigrationGivesTheOldSettingsToTheRootCommittee(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			s, err := store.Open(ctx, storetest.DSN(t, e))
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if err := s.MigrateTo(ctx, 5); err != nil {
				t.Fatal(err)
			}
			old := `{"BodyName":"ỦY BAN NHÂN DÂN TỈNH SƠN HÀ","Place":"Sơn Hà","Series":"per_type",` +
				`"MaterialsLeadDays":4,"BriefingDay":1,"BriefingTime":480,"RequireTOTP":["admin","leader"],` +
				`"SMTP":{"Host":"mail.example.vn","Port":465,"Password":"bí-mật"}}`
			for _, q := range []string{
				`INSERT INTO orgs (id, kind, name, created_at, updated_at) VALUES (1, 'committee', 'Ủy ban nhân dân tỉnh Sơn Hà', 0, 0)`,
				`INSERT INTO orgs (id, parent_id, kind, name, created_at, updated_at) VALUES (2, 1, 'committee', 'Ủy ban nhân dân xã Đông Sơn', 0, 0)`,
			} {
				if err := s.Exec(ctx, q); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.Exec(ctx, `INSERT INTO settings (key, value, version, updated_at) VALUES ('settings', $1, 3, 0)`, old); err != nil {
				t.Fatal(err)
			}
			if err := s.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			root, commune := mustCommittee(t, s, 1), mustCommittee(t, s, 2)
			if root.Version != 1 || root.Settings.BodyName != "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ" || root.Settings.Series != congtac.SeriesPerType ||
				root.Settings.MaterialsLeadDays != 4 || root.Settings.BriefingTime != congtac.At(8, 0) {
				t.Errorf("root committee after the migration: %+v v%d", root.Settings, root.Version)
			}
			if commune.Version != 0 || commune.Settings.BodyName != "ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN" {
				t.Errorf("commune committee after the migration: %+v v%d", commune.Settings, commune.Version)
			}
			g, err := s.GlobalSettings(ctx)
			if err != nil || g.SMTP.Host != "mail.example.vn" || g.SMTP.Password != "bí-mật" || len(g.RequireTOTP) != 2 {
				t.Errorf("global settings after the migration: %+v, %v", g, err)
			}
			events, _, _ := s.FindAuditEvents(ctx, congtac.System, congtac.AuditFilter{})
			if len(events) != 0 {
				t.Errorf("the migration wrote %d audit events", len(events))
			}
		})
	}
}
