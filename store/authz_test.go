package store_test

import (
	"fmt"
	"slices"
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
	// or, when set, is a second way to be allowed: its capability over its org.
	or *authzNeed
}

// authzNeed is a capability over the org whose path decides.
type authzNeed struct {
	need congtac.Capability
	org  func(w authzWorld) int64
}

// allows reports whether the matrix lets a do c: the capability over the record's org, or
// the alternative one.
func (c authzCase) allows(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor) bool {
	t.Helper()
	for _, n := range []*authzNeed{{c.need, c.org}, c.or} {
		if n == nil {
			continue
		}
		path, err := s.OrgPath(ctx, n.org(w))
		if err != nil {
			t.Fatal(err)
		}
		if a.CanOn(n.need, path) {
			return true
		}
	}
	return false
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
	meeting     congtac.Meeting // D's meeting
	person      congtac.Person  // of D, with an account
	account     congtac.User    // a reporter of D
	group       congtac.Org     // a group of committee A
	relations   []string
	placedIn    map[string]int64 // relation → the org an actor in it is placed in
	periods     *int             // periods handed out by [authzWorld.period]
}

// period returns a month no program of the test has used yet.
func (w authzWorld) period() congtac.Period {
	*w.periods++
	k := *w.periods
	return congtac.Period{Kind: congtac.PeriodMonth, Year: 2030 + k/12, Number: 1 + k%12}
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
				for _, c := range slices.Concat(authzCases(), authzRecordCases(), authzAdminCases()) {
					n++
					want := c.allows(t, s, w, a)
					if want {
						allowed++
					}
					err := c.run(t, s, w, a, n)
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
	w := authzWorld{f: newFixture(t, s), periods: new(int)}
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
	w.addRecords(t, s)
	return w
}

// newDraft creates a draft of committee A for a month of its own, titled after n.
func (w authzWorld) newDraft(t *testing.T, s *store.Store, n int) congtac.Program {
	t.Helper()
	p := w.f.april()
	p.Period = w.period()
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
		{name: "CreateProgram", need: congtac.DraftPrograms, org: committee, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			p := w.f.april()
			p.Period, p.Also = w.period(), nil
			for i := range p.Tasks {
				p.Tasks[i].Due, p.Tasks[i].Recurrence = congtac.Due{}, nil
			}
			_, err := s.CreateProgram(ctx, a, p)
			return err
		}},
		{name: "DraftNext", need: congtac.DraftPrograms, org: committee, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			period := w.period()
			_, err := s.DraftNext(ctx, a, w.f.committee.ID, period, period.Start())
			return err
		}},
		{name: "UpdateProgram", need: congtac.DraftPrograms, org: committee, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			p := program(t, s, w.draft.ID)
			_, err := s.UpdateProgram(ctx, a, p.ID, p.Version, congtac.ProgramUpdate{Title: ptr(fmt.Sprintf("Tên mới %d", n))})
			return err
		}},
		{name: "CreateItem", need: congtac.DraftPrograms, org: committee, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			_, err := s.CreateItem(ctx, a, congtac.Item{ProgramID: w.draft.ID, Heading: fmt.Sprintf("Mục thử %d", n)})
			return err
		}},
		{name: "CreateTask", need: congtac.DraftPrograms, org: committee, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			tk := w.draft.Tasks[0]
			tk.ID, tk.Text = 0, fmt.Sprintf("Nhiệm vụ thử %d", n)
			_, err := s.CreateTask(ctx, a, tk)
			return err
		}},
		{name: "UpdateTask", need: congtac.DraftPrograms, org: committee, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			tk := task(t, s, w.draft.Tasks[0].ID)
			_, err := s.UpdateTask(ctx, a, tk.ID, tk.Version, congtac.TaskUpdate{Text: ptr(fmt.Sprintf("Nhiệm vụ sửa %d", n))})
			return err
		}},
		{name: "DeleteProgram", need: congtac.DraftPrograms, org: committee, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			p := w.newDraft(t, s, n)
			return s.DeleteProgram(ctx, a, p.ID, p.Version)
		}},
		{name: "TransitionProgram submit", need: congtac.DraftPrograms, org: committee, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			p := w.newDraft(t, s, n)
			_, err := s.TransitionProgram(ctx, a, p.ID, p.Version, congtac.ActionSubmit, "")
			return err
		}},
		{name: "CreateReport", need: congtac.WriteReports, org: dept, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			_, err := s.CreateReport(ctx, a, progress(w.build.ID, w.f.deptA.ID))
			return err
		}},
		{name: "ReviewReport", need: congtac.ReviewReports, org: dept, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			r, err := s.FindReportByID(ctx, w.submitted.ID)
			if err != nil {
				t.Fatal(err)
			}
			_, err = s.ReviewReport(ctx, a, r.ID, r.Version, congtac.ReportReturned, "Bổ sung số liệu")
			return err
		}},
		{name: "DeferTask", need: congtac.ManageTasks, org: committee, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			tk := task(t, s, w.fees.ID)
			_, err := s.DeferTask(ctx, a, tk.ID, tk.Version, congtac.Deferral{On: congtac.MustDate(2023, 5, 2),
				To: congtac.DueInQuarter(2023, 4), Reason: "Chờ kinh phí"})
			return err
		}},
		{name: "CreateOrg", need: congtac.ManageOrgs, org: dept, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			_, err := s.CreateOrg(ctx, a, congtac.Org{ParentID: w.f.deptA.ID, Kind: congtac.OrgAgency,
				Name: fmt.Sprintf("Tổ thử %d", n), ShortName: fmt.Sprintf("T%d", n), ValidFrom: congtac.MustDate(2020, 1, 1)})
			return err
		}},
		{name: "UpdateOrg", need: congtac.ManageOrgs, org: dept, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			o, err := s.FindOrgByID(ctx, w.f.deptA.ID)
			if err != nil {
				t.Fatal(err)
			}
			_, err = s.UpdateOrg(ctx, a, o.ID, o.Version, congtac.OrgUpdate{DisplayName: ptr(fmt.Sprintf("Phòng Kinh tế %d", n))})
			return err
		}},
		{name: "CreatePerson", need: congtac.ManagePeople, org: dept, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			_, err := s.CreatePerson(ctx, a, congtac.Person{FullName: fmt.Sprintf("Trần Văn Thử %d", n), OrgID: w.f.deptA.ID})
			return err
		}},
		{name: "CreateUser", need: congtac.ManageUsers, org: dept, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			login := fmt.Sprintf("thu%d", n)
			_, err := s.CreateUser(ctx, a, congtac.User{Login: login, Role: congtac.RoleReporter, OrgID: w.f.deptA.ID, DisplayName: login})
			return err
		}},
		{name: "SaveCommitteeSettings", need: congtac.ManageCommittee, org: committee, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			_, err := s.SaveCommitteeSettings(ctx, a, w.f.committee.ID, 0, congtac.Settings{})
			return err
		}},
		{name: "CreateMeeting", need: congtac.ManageMeetings, org: dept, run: func(t *testing.T, s *store.Store, w authzWorld, a congtac.Actor, n int) error {
			_, err := s.CreateMeeting(ctx, a, congtac.Meeting{OrgID: w.f.deptA.ID, Kind: congtac.MeetingRegular,
				Title: fmt.Sprintf("Họp phòng số %d", n), Date: congtac.MustDate(2023, 6, 2), Start: congtac.NoTime,
				Part: congtac.Morning, Place: "Phòng họp"})
			return err
		}},
	}
}
