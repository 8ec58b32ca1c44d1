package store_test

import (
	"context"
	"io/fs"
	"os"
	"slices"
	"testing"
	"time"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

var ctx = context.Background()

// fixture is a small committee: the committee, its office, two departments and a commune,
// a leader, and the drafter and leader actors.
type fixture struct {
	committee, office, deptA, deptB, commune congtac.Org
	leader                                   congtac.Person
	drafter, chair, reporterA                congtac.Actor
}

func newFixture(t *testing.T, s *store.Store) fixture {
	t.Helper()
	var f fixture
	org := func(parent int64, kind congtac.OrgKind, name, short string) congtac.Org {
		return createOrg(t, s, parent, kind, name, short)
	}
	f.committee = org(0, congtac.OrgCommittee, "Ủy ban nhân dân xã An Bình", "UBND")
	f.office = org(f.committee.ID, congtac.OrgOffice, "Văn phòng HĐND và UBND", "VP")
	f.deptA = org(f.committee.ID, congtac.OrgDepartment, "Phòng Kinh tế", "KT")
	f.deptB = org(f.committee.ID, congtac.OrgDepartment, "Phòng Văn hóa - Xã hội", "VHXH")
	f.commune = org(f.committee.ID, congtac.OrgCommune, "Thôn Đông", "TD")
	var err error
	if f.leader, err = s.CreatePerson(ctx, congtac.System, congtac.Person{FullName: "Nguyễn Văn Đức", OrgID: f.committee.ID}); err != nil {
		t.Fatal(err)
	}
	user := func(login string, role congtac.Role, org int64) congtac.Actor {
		return createActor(t, s, login, role, org)
	}
	// The office's staff act for the whole committee, as in the demo.
	f.drafter = user("vanphong", congtac.RoleDrafter, f.committee.ID)
	f.chair = user("chutich", congtac.RoleLeader, f.committee.ID)
	f.reporterA = user("kinhte", congtac.RoleReporter, f.deptA.ID)
	return f
}

// createActor creates an account and returns its actor, with the path of its org.
func createActor(t *testing.T, s *store.Store, login string, role congtac.Role, org int64) congtac.Actor {
	t.Helper()
	u, err := s.CreateUser(ctx, congtac.System, congtac.User{Login: login, Role: role, OrgID: org, DisplayName: login})
	if err != nil {
		t.Fatalf("create user %s: %v", login, err)
	}
	path, err := s.OrgPath(ctx, u.OrgID)
	if err != nil {
		t.Fatal(err)
	}
	return congtac.Actor{UserID: u.ID, Role: u.Role, OrgID: u.OrgID, Path: path}
}

// createOrg creates an org valid from 2020 as [congtac.System].
func createOrg(t *testing.T, s *store.Store, parent int64, kind congtac.OrgKind, name, short string) congtac.Org {
	t.Helper()
	o, err := s.CreateOrg(ctx, congtac.System, congtac.Org{ParentID: parent, Kind: kind, Name: name,
		ShortName: short, ValidFrom: congtac.MustDate(2020, 1, 1)})
	if err != nil {
		t.Fatalf("create org %s: %v", name, err)
	}
	return o
}

// april builds the April 2023 program of the seed's shape: a part, a sector clause, two
// numbered items, and tasks with a month deadline, a half-year deadline and a monthly report.
func (f fixture) april() congtac.Program {
	start := congtac.MustDate(2023, 4, 1)
	monthly, _ := congtac.ParseRecurrence("FREQ=MONTHLY;BYMONTHDAY=-1", start)
	return congtac.Program{
		OrgID: f.committee.ID, DraftedBy: f.office.ID,
		Period: congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: 4},
		Also:   []congtac.Period{{Kind: congtac.PeriodQuarter, Year: 2023, Number: 2}},
		Title:  "Công tác của UBND xã tháng 4 năm 2023",
		Items: []congtac.Item{
			{ID: 1, Heading: "NHIỆM VỤ TRỌNG TÂM THÁNG 4 VÀ QUÝ II NĂM 2023"},
			{ID: 2, ParentID: 1, Heading: "Về phát triển kinh tế", Sector: congtac.SectorEconomy},
			{ID: 3, ParentID: 2, Position: 1, Text: "Hoàn thành công tác chuẩn bị đầu tư xây dựng đường giao thông."},
			{ID: 4, ParentID: 2, Position: 2, Text: "Thu ngân sách 6 tháng đầu năm."},
		},
		Tasks: []congtac.Task{
			{ItemID: 3, Text: "Khởi công toàn bộ các công trình đường giao thông", Lead: f.deptA.ID,
				Support: []congtac.Support{{OrgID: f.deptB.ID}}, LeaderID: f.leader.ID,
				Sector: congtac.SectorEconomy,
				Due:    congtac.Due{Date: congtac.MustDate(2023, 5, 31), Precision: congtac.PrecisionMonth, Text: "chậm nhất trong tháng 5/2023"}},
			{ItemID: 4, Text: "Thu tiền dịch vụ vệ sinh môi trường", Lead: f.commune.ID, Sector: congtac.SectorEconomy,
				Due:    congtac.DueInHalf(2023, 1),
				Target: &congtac.Target{Comparator: congtac.Greater, Value: 50, Unit: "%", Baseline: "chỉ tiêu kế hoạch cả năm"},
				Source: "Chỉ thị số 19-CT/TU ngày 11/6/2020"},
			{ItemID: 4, Text: "Báo cáo kết quả thực hiện Chỉ thị số 17-CT/TU từng tháng", Lead: f.deptB.ID,
				Sector: congtac.SectorCultureSociety, Due: congtac.DueInQuarter(2023, 2), Recurrence: &monthly},
		},
	}
}

func TestMigrationsHaveTheSameNamesOnBothEngines(t *testing.T) {
	names := func(dir string) []string {
		entries, err := fs.ReadDir(os.DirFS("migrations"), dir)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range entries {
			out = append(out, e.Name())
		}
		return out
	}
	sqlite, postgres := names("sqlite"), names("postgres")
	if len(sqlite) == 0 || !slices.Equal(sqlite, postgres) {
		t.Errorf("migrations differ:\nsqlite   %v\npostgres %v", sqlite, postgres)
	}
}

func TestMigrateIsIdempotent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		if err := s.Migrate(ctx); err != nil {
			t.Fatalf("second migrate: %v", err)
		}
		v, err := s.SchemaVersion(ctx)
		if err != nil || v < 1 {
			t.Errorf("SchemaVersion = %d, %v; want >= 1", v, err)
		}
	})
}

func fixedClock(s *store.Store, d congtac.Date) {
	s.SetClock(func() time.Time { return d.In(congtac.Location(), 9, 0) })
}
