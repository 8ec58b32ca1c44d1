package store_test

import (
	"slices"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// groupFixture is the fixture with three communes and the group "UBND các xã, thị trấn"
// made of them.
type groupFixture struct {
	fixture
	group      congtac.Org
	communes   []congtac.Org // Xã Tân Phước, Xã Đức Hòa, Thị trấn Chũ
	reporters  []congtac.Actor
	groupTasks string // the text the group-led task starts with
}

func newGroupFixture(t *testing.T, s *store.Store) groupFixture {
	t.Helper()
	g := groupFixture{fixture: newFixture(t, s), groupTasks: "Rà soát, cập nhật danh sách hộ nghèo"}
	for i, name := range []string{"Xã Tân Phước", "Xã Đức Hòa", "Thị trấn Chũ"} {
		o, err := s.CreateOrg(ctx, congtac.System, congtac.Org{ParentID: g.committee.ID, Kind: congtac.OrgCommune,
			Name: name, ShortName: "UBND", ValidFrom: congtac.MustDate(2020, 1, 1), Position: 10 + i})
		if err != nil {
			t.Fatal(err)
		}
		g.communes = append(g.communes, o)
		g.reporters = append(g.reporters, newActor(t, s, "xa"+string(rune('a'+i)), congtac.RoleReporter, o.ID))
	}
	var err error
	g.group, err = s.CreateOrg(ctx, congtac.System, congtac.Org{ParentID: g.committee.ID, Kind: congtac.OrgGroup,
		Name: "UBND các xã, thị trấn", ValidFrom: congtac.MustDate(2020, 1, 1)})
	if err != nil {
		t.Fatal(err)
	}
	g.group, err = s.SetGroupMembers(ctx, congtac.System, g.group.ID, g.group.Version, g.ids(0, 1, 2))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// ids returns the IDs of the communes of the given indexes.
func (g groupFixture) ids(i ...int) []int64 {
	out := make([]int64, len(i))
	for k, n := range i {
		out[k] = g.communes[n].ID
	}
	return out
}

// april is the fixture's April program with a task led by the group, due in April.
func (g groupFixture) april() congtac.Program {
	p := g.fixture.april()
	p.Tasks = append(p.Tasks, congtac.Task{ItemID: 4, Text: g.groupTasks + " năm 2023", Lead: g.group.ID,
		Support: []congtac.Support{{OrgID: g.deptB.ID}}, Sector: congtac.SectorCultureSociety,
		Due: congtac.DueInMonth(2023, 4)})
	return p
}

// issue takes program p through submission and approval to issued on day on.
func (g groupFixture) issue(t *testing.T, s *store.Store, p congtac.Program, on congtac.Date) congtac.Program {
	t.Helper()
	p, err := s.TransitionProgram(ctx, g.drafter, p.ID, p.Version, congtac.ActionSubmit, "")
	if err == nil {
		p, err = s.TransitionProgram(ctx, g.chair, p.ID, p.Version, congtac.ActionApprove, "")
	}
	if err == nil {
		p, err = s.IssueProgram(ctx, g.drafter, p.ID, p.Version, congtac.Issuance{On: on}, nil)
	}
	if err == nil {
		p, err = s.FindProgramByID(ctx, p.ID)
	}
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// issuedTask creates the April program, issues it on 5/4/2023 and returns it with its task
// led by the group.
func (g groupFixture) issuedTask(t *testing.T, s *store.Store) (congtac.Program, congtac.Task) {
	t.Helper()
	p, err := s.CreateProgram(ctx, g.drafter, g.april())
	if err != nil {
		t.Fatal(err)
	}
	p = g.issue(t, s, p, congtac.MustDate(2023, 4, 5))
	return p, findTaskByText(t, p.Tasks, g.groupTasks)
}

// completeShare records through the office that commune i finished its share of task on
// day on, and returns the task as it now is.
func (g groupFixture) completeShare(t *testing.T, s *store.Store, task congtac.Task, i int, on congtac.Date) congtac.Task {
	t.Helper()
	task, err := s.CompleteTask(ctx, g.drafter, task.ID, task.Version, congtac.Completion{OrgID: g.communes[i].ID, DoneOn: on})
	if err != nil {
		t.Fatal(err)
	}
	return task
}

func shareOrgs(t congtac.Task) []int64 {
	out := []int64{}
	for _, s := range t.Shares {
		out = append(out, s.OrgID)
	}
	return out
}

func TestGroupMembersAreSetByWhoManagesOrgs(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 4, 1))
		g := newGroupFixture(t, s)
		members, err := s.FindGroupMembers(ctx, g.group.ID)
		if err != nil || len(members) != 3 || members[2].Name != "Thị trấn Chũ" {
			t.Fatalf("members = %v, %v; want the three communes in order", members, err)
		}
		tests := []struct {
			name    string
			actor   congtac.Actor
			version int
			members []int64
			code    string
		}{
			{"a drafter", g.drafter, g.group.Version, g.ids(0), congtac.EFORBIDDEN},
			{"a stale version", congtac.System, g.group.Version - 1, g.ids(0), congtac.ECONFLICT},
			{"no member", congtac.System, g.group.Version, nil, congtac.EINVALID},
			{"a group as member", congtac.System, g.group.Version, []int64{g.group.ID}, congtac.EINVALID},
			{"an unknown org", congtac.System, g.group.Version, []int64{9999}, congtac.EINVALID},
		}
		for _, tt := range tests {
			if _, err := s.SetGroupMembers(ctx, tt.actor, g.group.ID, tt.version, tt.members); congtac.ErrorCode(err) != tt.code {
				t.Errorf("%s: %v, want %s", tt.name, err, tt.code)
			}
		}
		if _, err := s.SetGroupMembers(ctx, congtac.System, g.commune.ID, 1, g.ids(0)); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("members of a commune: %v, want EINVALID", err)
		}
		if got := auditActions(t, s, "org", g.group.ID); !slices.Equal(got, []string{"create", "members"}) {
			t.Errorf("audit = %v, want create, members", got)
		}
	})
}

func TestAGroupIsNotALevelOfTheTree(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 4, 1))
		g := newGroupFixture(t, s)
		kind := congtac.OrgCommune
		tests := []struct {
			name string
			err  error
		}{
			{"a group at the root", func() error {
				_, err := s.CreateOrg(ctx, congtac.System, congtac.Org{Kind: congtac.OrgGroup, Name: "Các xã"})
				return err
			}()},
			{"an org under a group", func() error {
				_, err := s.CreateOrg(ctx, congtac.System, congtac.Org{ParentID: g.group.ID, Kind: congtac.OrgCommune, Name: "Xã Mới"})
				return err
			}()},
			{"a group made a commune", func() error {
				_, err := s.UpdateOrg(ctx, congtac.System, g.group.ID, g.group.Version, congtac.OrgUpdate{Kind: &kind})
				return err
			}()},
			{"a group merged", func() error {
				_, err := s.MergeOrg(ctx, congtac.System, g.group.ID, g.group.Version, g.deptA.ID, congtac.MustDate(2023, 5, 1))
				return err
			}()},
		}
		for _, tt := range tests {
			if congtac.ErrorCode(tt.err) != congtac.EINVALID {
				t.Errorf("%s: %v, want EINVALID", tt.name, tt.err)
			}
		}
	})
}

func TestAGroupLedTaskTakesTheMembersOfTheDayOfIssue(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 4, 1))
		g := newGroupFixture(t, s)
		p, err := s.CreateProgram(ctx, g.drafter, g.april())
		if err != nil {
			t.Fatal(err)
		}
		task := findTaskByText(t, p.Tasks, g.groupTasks)
		if got := shareOrgs(task); !slices.Equal(got, g.ids(0, 1, 2)) {
			t.Errorf("draft shares = %v, want the three communes", got)
		}
		// Before the issue the office takes Thị trấn Chũ out; Xã Đức Hòa ends on 3/4.
		if _, err := s.SetGroupMembers(ctx, congtac.System, g.group.ID, g.group.Version, g.ids(1, 0)); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.FindTaskByID(ctx, task.ID); !slices.Equal(shareOrgs(got), g.ids(1, 0)) {
			t.Errorf("draft shares after the change = %v, want %v", shareOrgs(got), g.ids(1, 0))
		}
		if _, err := s.MergeOrg(ctx, congtac.System, g.communes[1].ID, g.communes[1].Version, g.communes[2].ID, congtac.MustDate(2023, 4, 4)); err != nil {
			t.Fatal(err)
		}
		p = g.issue(t, s, p, congtac.MustDate(2023, 4, 5))
		task = findTaskByText(t, p.Tasks, g.groupTasks)
		if got, want := shareOrgs(task), g.ids(2, 0); !slices.Equal(got, want) {
			t.Errorf("issued shares = %v, want %v (the successor of the merged commune, then Tân Phước)", got, want)
		}
		// Membership changes after the issue do not rewrite issued work.
		grp, _ := s.FindOrgByID(ctx, g.group.ID)
		if _, err := s.SetGroupMembers(ctx, congtac.System, g.group.ID, grp.Version, g.ids(0)); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.FindTaskByID(ctx, task.ID); !slices.Equal(shareOrgs(got), g.ids(2, 0)) {
			t.Errorf("issued shares after a later change = %v, want them unchanged", shareOrgs(got))
		}
	})
}

func TestMembersReportOnTheirSharesAndTheTaskIsDoneWhenAllAre(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 5, 3))
		g := newGroupFixture(t, s)
		_, task := g.issuedTask(t, s)
		done := func(org int64, on congtac.Date) congtac.Report {
			r := progress(task.ID, org)
			r.Percent, r.DoneOn, r.Status = 100, on, congtac.ReportSubmitted
			return r
		}
		refused := []struct {
			name  string
			actor congtac.Actor
			org   int64
			code  string
		}{
			{"for the group", g.drafter, g.group.ID, congtac.EFORBIDDEN},
			{"for another member", g.reporters[0], g.communes[1].ID, congtac.EFORBIDDEN},
			{"by an org without a share", g.reporterA, g.deptA.ID, congtac.EFORBIDDEN},
		}
		for _, tt := range refused {
			if _, err := s.CreateReport(ctx, tt.actor, done(tt.org, congtac.MustDate(2023, 4, 20))); congtac.ErrorCode(err) != tt.code {
				t.Errorf("report %s: %v, want %s", tt.name, err, tt.code)
			}
		}
		if _, err := s.CompleteTask(ctx, g.drafter, task.ID, task.Version, congtac.Completion{DoneOn: congtac.MustDate(2023, 4, 20)}); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("completing the group-led task as a whole: %v, want EINVALID", err)
		}
		days := []congtac.Date{congtac.MustDate(2023, 4, 20), congtac.MustDate(2023, 4, 28), congtac.MustDate(2023, 5, 2)}
		for i, rep := range g.reporters {
			r, err := s.CreateReport(ctx, rep, done(g.communes[i].ID, days[i]))
			if err != nil {
				t.Fatalf("report of %s: %v", g.communes[i].Name, err)
			}
			if _, err := s.ReviewReport(ctx, g.drafter, r.ID, r.Version, congtac.ReportAccepted, ""); err != nil {
				t.Fatal(err)
			}
			got, _ := s.FindTaskByID(ctx, task.ID)
			if st, _ := got.ShareStatus(g.communes[i].ID, congtac.MustDate(2023, 5, 3)); !st.Done() {
				t.Errorf("share of %s after its report: %s, want done", g.communes[i].Name, st)
			}
			if last := i == len(g.reporters)-1; got.DoneOn.IsZero() == last {
				t.Errorf("after %d of 3 shares: task done on %s", i+1, got.DoneOn)
			}
		}
		got, _ := s.FindTaskByID(ctx, task.ID)
		if got.DoneOn != days[2] || got.Status(congtac.MustDate(2023, 5, 3)) != congtac.StatusDoneLate {
			t.Errorf("task done on %s, %s; want 02/05/2023, done late (one member after 30/4)", got.DoneOn, got.Status(congtac.MustDate(2023, 5, 3)))
		}
		if st, _ := got.SupportStatus(g.deptB.ID, congtac.MustDate(2023, 5, 3)); st != congtac.StatusOverdue {
			t.Errorf("the support org's own part: %s, want overdue", st)
		}
	})
}

func TestMemberUnitsFindTheGroupLedTasksInTheirLists(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 4, 10))
		g := newGroupFixture(t, s)
		p, task := g.issuedTask(t, s)
		member := g.communes[1].ID
		tasks, n, err := s.FindTasks(ctx, congtac.TaskFilter{Reach: &congtac.Reach{Org: member, Exact: true}})
		if err != nil || n != 1 || tasks[0].ID != task.ID {
			t.Errorf("a member's reach: %d tasks, %v; want the group-led task", n, err)
		}
		if _, n, _ := s.FindTasks(ctx, congtac.TaskFilter{OrgID: &member, Open: true}); n != 1 {
			t.Errorf("a member's open tasks: %d, want 1", n)
		}
		if _, n, _ := s.FindTasks(ctx, congtac.TaskFilter{Reach: &congtac.Reach{Org: g.deptA.ID, Exact: true}}); n != 1 {
			t.Errorf("deptA sees %d tasks, want its own one only", n)
		}
		r, err := s.Rollup(ctx, congtac.RollupFilter{Period: p.Period}, congtac.MustDate(2023, 4, 10))
		if err != nil || r.Total.Total() != 4 || r.ByOrg[g.group.ID].Total() != 1 {
			t.Errorf("rollup total %v, by group %v, %v; want 4 tasks, the group-led one once under the group", r.Total, r.ByOrg[g.group.ID], err)
		}
	})
}

func TestCarryOverKeepsTheSharesAndTheirCompletions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 4, 25))
		g := newGroupFixture(t, s)
		p, task := g.issuedTask(t, s)
		g.completeShare(t, s, task, 0, congtac.MustDate(2023, 4, 20))
		may := g.fixture.april()
		may.Period, may.Also, may.Tasks = congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: 5}, nil, nil
		m, err := s.CreateProgram(ctx, g.drafter, may)
		if err != nil {
			t.Fatal(err)
		}
		carried, err := s.CarryOver(ctx, g.drafter, p.ID, m.ID, congtac.MustDate(2023, 4, 30))
		if err != nil {
			t.Fatal(err)
		}
		c := findTaskByText(t, carried, g.groupTasks)
		want := []congtac.Share{{OrgID: g.communes[0].ID, DoneOn: congtac.MustDate(2023, 4, 20)},
			{OrgID: g.communes[1].ID}, {OrgID: g.communes[2].ID}}
		if !slices.Equal(c.Shares, want) {
			t.Errorf("carried shares = %v, want %v", c.Shares, want)
		}
		// The group loses a member before the next issue; the carried task keeps its shares.
		grp, _ := s.FindOrgByID(ctx, g.group.ID)
		if _, err := s.SetGroupMembers(ctx, congtac.System, g.group.ID, grp.Version, g.ids(0, 1)); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SettleCarriedDeadlines(ctx, g.drafter, m.ID, false, congtac.DueInMonth(2023, 5)); err != nil {
			t.Fatal(err)
		}
		m, _ = s.FindProgramByID(ctx, m.ID)
		m = g.issue(t, s, m, congtac.MustDate(2023, 5, 4))
		if got := findTaskByText(t, m.Tasks, g.groupTasks); !slices.Equal(got.Shares, want) {
			t.Errorf("issued copy's shares = %v, want %v", got.Shares, want)
		}
	})
}

func TestMergingAMemberHandsItsOpenShareToTheSuccessor(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 4, 25))
		g := newGroupFixture(t, s)
		_, task := g.issuedTask(t, s)
		for _, i := range []int{0, 2} {
			task = g.completeShare(t, s, task, i, congtac.MustDate(2023, 4, 20))
		}
		// Xã Đức Hòa, still owing its share, merges into Thị trấn Chũ, which had finished its own.
		if _, err := s.MergeOrg(ctx, congtac.System, g.communes[1].ID, g.communes[1].Version, g.communes[2].ID, congtac.MustDate(2023, 4, 26)); err != nil {
			t.Fatal(err)
		}
		got, _ := s.FindTaskByID(ctx, task.ID)
		want := []congtac.Share{{OrgID: g.communes[0].ID, DoneOn: congtac.MustDate(2023, 4, 20)}, {OrgID: g.communes[2].ID}}
		if !slices.Equal(got.Shares, want) || !got.DoneOn.IsZero() {
			t.Errorf("shares after the merge = %v, done %s; want %v, open", got.Shares, got.DoneOn, want)
		}
		members, _ := s.FindGroupMembers(ctx, g.group.ID)
		if len(members) != 2 || members[1].ID != g.communes[2].ID {
			t.Errorf("members after the merge = %v, want Tân Phước and Thị trấn Chũ", members)
		}
	})
}

func TestAGroupLedTaskDoesNotRecur(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 4, 1))
		g := newGroupFixture(t, s)
		p := g.april()
		monthly, _ := congtac.ParseRecurrence("FREQ=MONTHLY;BYMONTHDAY=-1", congtac.MustDate(2023, 4, 1))
		p.Tasks[len(p.Tasks)-1].Recurrence = &monthly
		if _, err := s.CreateProgram(ctx, g.drafter, p); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("a recurring group-led task: %v, want EINVALID", err)
		}
		empty, err := s.CreateOrg(ctx, congtac.System, congtac.Org{ParentID: g.committee.ID, Kind: congtac.OrgGroup, Name: "Các xã vùng cao"})
		if err != nil {
			t.Fatal(err)
		}
		p = g.april()
		p.Tasks[len(p.Tasks)-1].Lead = empty.ID
		if _, err := s.CreateProgram(ctx, g.drafter, p); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("a task led by a group without members: %v, want EINVALID", err)
		}
	})
}
