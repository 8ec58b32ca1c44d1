package store_test

import (
	"fmt"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// authzCase is one write use case of the matrix test: the capability it needs, the org whose
// path decides (the record's org), and the call made as actor a; the call makes its own
// fresh record when the use case consumes it.
type authzCase struct {
	name string
	need congtac.Capability
	org  func(w authzWorld) int64
	run  func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error
}

// authzWorld is the tree of the matrix test: the fixture's committee A with its office and
// departments (D = deptA with a child unit, its sibling deptB), and another committee B;
// and the shared records the calls act on.
type authzWorld struct {
	f           fixture
	unit, other congtac.Org
	draft       congtac.Program // committee A's draft, with one item and one task
	issued      congtac.Program // committee A's issued program
	build, fees congtac.Task    // of issued: lead D; lead the commune
	submitted   congtac.Report  // D's submitted report on build
	relations   []string
	placedIn    map[string]int64 // relation → the org an actor in it is placed in
}

// TestEveryWriteForEveryRoleAndRelation walks every write use case × every role × every org
// relation (own, child, parent, sibling, other committee) and checks that the store allows
// exactly when the permission matrix gives the role the capability over the record's org:
// allowed → anything but EFORBIDDEN, refused → EFORBIDDEN.
func TestEveryWriteForEveryRoleAndRelation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 5, 10))
		w := newAuthzWorld(t, s)
		n, allowed := 0, 0
		for _, role := range congtac.Roles {
			for _, rel := range w.relations {
				a := w.actor(t, s, role, rel)
				for _, c := range authzCases() {
					n++
					path, err := s.OrgPath(ctx, c.org(w))
					if err != nil {
						t.Fatal(err)
					}
					want := a.CanOn(c.need, path)
					if want {
						allowed++
					}
					err = c.run(t, s, w, a, n)
					if got := congtac.ErrorCode(err) != congtac.EFORBIDDEN; got != want {
						t.Errorf("%s as %s in the %s org: allowed %v (%v), the matrix says %v",
							c.name, role, rel, got, err, want)
					}
				}
			}
		}
		if allowed == 0 || allowed == n {
			t.Errorf("%d of %d calls allowed: the matrix test checks nothing", allowed, n)
		}
	})
}

func newAuthzWorld(t *testing.T, s *store.Store) authzWorld {
	t.Helper()
	w := authzWorld{f: newFixture(t, s)}
	f := w.f
	var err error
	w.unit = createOrg(t, s, f.deptA.ID, congtac.OrgAgency, "Tổ Hạ tầng", "HT")
	w.other = createOrg(t, s, 0, congtac.OrgCommittee, "Ủy ban nhân dân xã Tân Lập", "UBNDTL")
	w.relations = []string{"own", "child", "parent", "sibling", "other committee"}
	w.placedIn = map[string]int64{"own": f.deptA.ID, "child": w.unit.ID, "parent": f.committee.ID,
		"sibling": f.deptB.ID, "other committee": w.other.ID}
	w.issued = issued(t, s, f)
	w.build = findTaskByText(t, w.issued.Tasks, "Khởi công")
	w.fees = findTaskByText(t, w.issued.Tasks, "Thu tiền")
	r := progress(w.build.ID, f.deptA.ID)
	r.Status = congtac.ReportSubmitted
	if w.submitted, err = s.CreateReport(ctx, congtac.System, r); err != nil {
		t.Fatal(err)
	}
	w.draft = w.newDraft(t, s, 0)
	return w
}

// newDraft creates a draft of committee A for a month of its own, n apart from others.
func (w authzWorld) newDraft(t *testing.T, s *store.Store, n int) congtac.Program {
	t.Helper()
	p := w.f.april()
	p.Period = congtac.Period{Kind: congtac.PeriodMonth, Year: 2030 + n/12, Number: 1 + n%12}
	p.Also = nil
	for i := range p.Tasks { // deadlines within the draft's own period
		p.Tasks[i].Due, p.Tasks[i].Recurrence = congtac.Due{}, nil
	}
	p.Title = fmt.Sprintf("Chương trình thử số %d", n)
	out, err := s.CreateProgram(ctx, congtac.System, p)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// actor creates an account of role placed in the org of relation rel.
func (w authzWorld) actor(t *testing.T, s *store.Store, role congtac.Role, rel string) congtac.Actor {
	t.Helper()
	return createActor(t, s, fmt.Sprintf("%s-%d", role, w.placedIn[rel]), role, w.placedIn[rel])
}

// authzCases lists the write use cases of the matrix test.
func authzCases() []authzCase {
	committee := func(w authzWorld) int64 { return w.f.committee.ID }
	dept := func(w authzWorld) int64 { return w.f.deptA.ID }
	program := func(t *testing.T, s *store.Store, id int64) congtac.Program {
		p, err := s.FindProgramByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	task := func(t *testing.T, s *store.Store, id int64) congtac.Task {
		tk, err := s.FindTaskByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return tk
	}
	return []authzCase{
		{"CreateProgram", congtac.DraftPrograms, committee, func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			p := w.f.april()
			p.Period, p.Also = congtac.Period{Kind: congtac.PeriodMonth, Year: 2100 + n/12, Number: 1 + n%12}, nil
			for i := range p.Tasks {
				p.Tasks[i].Due, p.Tasks[i].Recurrence = congtac.Due{}, nil
			}
			_, err := s.CreateProgram(ctx, a, p)
			return err
		}},
		{"DraftNext", congtac.DraftPrograms, committee, func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			period := congtac.Period{Kind: congtac.PeriodMonth, Year: 2300 + n/12, Number: 1 + n%12}
			_, err := s.DraftNext(ctx, a, w.f.committee.ID, period, period.Start())
			return err
		}},
		{"UpdateProgram", congtac.DraftPrograms, committee, func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			p := program(t, s, w.draft.ID)
			_, err := s.UpdateProgram(ctx, a, p.ID, p.Version, congtac.ProgramUpdate{Title: ptr(fmt.Sprintf("Tên mới %d", n))})
			return err
		}},
		{"CreateItem", congtac.DraftPrograms, committee, func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			_, err := s.CreateItem(ctx, a, congtac.Item{ProgramID: w.draft.ID, Heading: fmt.Sprintf("Mục thử %d", n)})
			return err
		}},
		{"CreateTask", congtac.DraftPrograms, committee, func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			tk := w.draft.Tasks[0]
			tk.ID, tk.Text = 0, fmt.Sprintf("Nhiệm vụ thử %d", n)
			_, err := s.CreateTask(ctx, a, tk)
			return err
		}},
		{"UpdateTask", congtac.DraftPrograms, committee, func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			tk := task(t, s, w.draft.Tasks[0].ID)
			_, err := s.UpdateTask(ctx, a, tk.ID, tk.Version, congtac.TaskUpdate{Text: ptr(fmt.Sprintf("Nhiệm vụ sửa %d", n))})
			return err
		}},
		{"DeleteProgram", congtac.DraftPrograms, committee, func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			p := w.newDraft(t, s, n)
			return s.DeleteProgram(ctx, a, p.ID, p.Version)
		}},
		{"TransitionProgram submit", congtac.DraftPrograms, committee, func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			p := w.newDraft(t, s, 1000+n)
			_, err := s.TransitionProgram(ctx, a, p.ID, p.Version, congtac.ActionSubmit, "")
			return err
		}},
		{"CreateReport", congtac.WriteReports, dept, func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			_, err := s.CreateReport(ctx, a, progress(w.build.ID, w.f.deptA.ID))
			return err
		}},
		{"ReviewReport", congtac.ReviewReports, dept, func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			r, err := s.FindReportByID(ctx, w.submitted.ID)
			if err != nil {
				t.Fatal(err)
			}
			_, err = s.ReviewReport(ctx, a, r.ID, r.Version, congtac.ReportReturned, "Bổ sung số liệu")
			return err
		}},
		{"DeferTask", congtac.ManageTasks, committee, func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			tk := task(t, s, w.fees.ID)
			_, err := s.DeferTask(ctx, a, tk.ID, tk.Version, congtac.Deferral{On: congtac.MustDate(2023, 5, 2),
				To: congtac.DueInQuarter(2023, 4), Reason: "Chờ kinh phí"})
			return err
		}},
		{"CreateOrg", congtac.ManageOrgs, dept, func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			_, err := s.CreateOrg(ctx, a, congtac.Org{ParentID: w.f.deptA.ID, Kind: congtac.OrgAgency,
				Name: fmt.Sprintf("Tổ thử %d", n), ShortName: fmt.Sprintf("T%d", n), ValidFrom: congtac.MustDate(2020, 1, 1)})
			return err
		}},
		{"UpdateOrg", congtac.ManageOrgs, dept, func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			o, err := s.FindOrgByID(ctx, w.f.deptA.ID)
			if err != nil {
				t.Fatal(err)
			}
			_, err = s.UpdateOrg(ctx, a, o.ID, o.Version, congtac.OrgUpdate{DisplayName: ptr(fmt.Sprintf("Phòng Kinh tế %d", n))})
			return err
		}},
		{"CreatePerson", congtac.ManagePeople, dept, func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			_, err := s.CreatePerson(ctx, a, congtac.Person{FullName: fmt.Sprintf("Trần Văn Thử %d", n), OrgID: w.f.deptA.ID})
			return err
		}},
		{"CreateUser", congtac.ManageUsers, dept, func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			login := fmt.Sprintf("thu%d", n)
			_, err := s.CreateUser(ctx, a, congtac.User{Login: login, Role: congtac.RoleReporter, OrgID: w.f.deptA.ID, DisplayName: login})
			return err
		}},
		{"SaveCommitteeSettings", congtac.ManageCommittee, committee, func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			_, err := s.SaveCommitteeSettings(ctx, a, w.f.committee.ID, 0, congtac.Settings{})
			return err
		}},
		{"CreateMeeting", congtac.ManageMeetings, dept, func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			_, err := s.CreateMeeting(ctx, a, congtac.Meeting{OrgID: w.f.deptA.ID, Kind: congtac.MeetingRegular,
				Title: fmt.Sprintf("Họp phòng số %d", n), Date: congtac.MustDate(2023, 6, 2), Start: congtac.NoTime,
				Part: congtac.Morning, Place: "Phòng họp"})
			return err
		}},
	}
}
