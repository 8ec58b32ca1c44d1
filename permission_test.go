package congtac

import (
	"slices"
	"testing"
)

func TestCanOnFollowsTheScope(t *testing.T) {
	// Tree: 1 committee > 2 office, 3 department > 4 its unit; 5 another committee.
	paths := map[int64][]int64{1: {1}, 2: {2, 1}, 3: {3, 1}, 4: {4, 3, 1}, 5: {5}}
	tests := []struct {
		role Role
		org  int64
		cap  Capability
		want map[int64]bool
	}{
		{RoleReporter, 3, WriteReports, map[int64]bool{1: false, 2: false, 3: true, 4: false, 5: false}},
		{RoleUnitHead, 3, WriteReports, map[int64]bool{1: false, 2: false, 3: true, 4: true, 5: false}},
		{RoleReporter, 3, ViewPrograms, map[int64]bool{1: true, 2: false, 3: true, 4: true, 5: false}},
		{RoleUnitHead, 3, ViewPrograms, map[int64]bool{1: true, 2: false, 3: true, 4: true, 5: false}},
		{RoleDrafter, 1, DraftPrograms, map[int64]bool{1: true, 2: true, 3: true, 4: true, 5: false}},
		{RoleAdmin, 2, ManageOrgs, map[int64]bool{1: true, 2: true, 3: true, 4: true, 5: true}},
		{RoleViewer, 1, WriteReports, map[int64]bool{1: false, 2: false, 3: false, 4: false, 5: false}},
		{RolePublic, 0, ViewTasks, map[int64]bool{1: false, 3: false}},
		{RolePublic, 0, ViewPublic, map[int64]bool{1: true, 5: true}},
	}
	for _, tt := range tests {
		a := Actor{Role: tt.role, OrgID: tt.org, Path: paths[tt.org]}
		for org, want := range tt.want {
			if got := a.CanOn(tt.cap, paths[org]); got != want {
				t.Errorf("%s of org %d, %s on org %d = %v, want %v", tt.role, tt.org, tt.cap, org, got, want)
			}
		}
	}
}

func TestCanOnWithoutAnOrgNeedsScopeAll(t *testing.T) {
	if (Actor{Role: RoleDrafter, OrgID: 1, Path: []int64{1}}).CanOn(DraftPrograms, nil) {
		t.Error("a subtree scope reached a record without an org")
	}
	if !(Actor{Role: RoleAdmin}).CanOn(ManageSettings, nil) {
		t.Error("admin cannot manage settings, which belong to no org")
	}
}

func TestPermissionMatrixIsComplete(t *testing.T) {
	for _, r := range append(Roles, RolePublic) {
		row, ok := permissions[r]
		if !ok {
			t.Fatalf("role %s has no row", r)
		}
		for c := range row {
			if !slices.Contains(Capabilities, c) {
				t.Errorf("role %s names unknown capability %q", r, c)
			}
		}
		if r != RolePublic && row[UseAccount] != ScopeOwn {
			t.Errorf("role %s cannot use its own account", r)
		}
		if row[ViewPublic] != ScopeAll {
			t.Errorf("role %s cannot read what is published", r)
		}
	}
	for c, s := range permissions[RolePublic] {
		if c != ViewPublic && s != ScopeNone {
			t.Errorf("the public has %s", c)
		}
	}
}

// TestTransitionsAgreeWithPermissions checks that every role the lifecycle table lets take
// a step also holds the capability the step needs, so the two tables cannot drift apart.
func TestTransitionsAgreeWithPermissions(t *testing.T) {
	needs := map[ProgramAction]Capability{ActionSubmit: DraftPrograms, ActionRecall: DraftPrograms,
		ActionReturn: ReviewPrograms, ActionApprove: ReviewPrograms, ActionIssue: IssueDocuments,
		ActionAmend: IssueDocuments, ActionSupersede: IssueDocuments}
	for _, tr := range Transitions {
		c, ok := needs[tr.Action]
		if !ok {
			t.Fatalf("action %s has no capability", tr.Action)
		}
		for _, r := range tr.Roles {
			if ScopeOf(r, c) == ScopeNone {
				t.Errorf("%s may %s but lacks %s", r, tr.Action, c)
			}
		}
	}
}

func TestPermissionsOfIsACopy(t *testing.T) {
	row := PermissionsOf(RoleReporter)
	row[ManageSettings] = ScopeAll
	if got := ScopeOf(RoleReporter, ManageSettings); got != ScopeNone {
		t.Errorf("changing the copy gave reporters %s: %d", ManageSettings, got)
	}
	if got, want := PermissionsOf(RoleReporter)[WriteReports], ScopeOwn; got != want {
		t.Errorf("reporter's %s = %d, want %d", WriteReports, got, want)
	}
}

func TestCanGrantNoStrongerRoleThanOnesOwn(t *testing.T) {
	as := func(r Role) Actor { return Actor{UserID: 1, Role: r, OrgID: 2, Path: []int64{2, 1}} }
	for _, r := range Roles {
		if err := CanGrant(as(RoleAdmin), r); err != nil {
			t.Errorf("the administrator may grant %s: %v", r, err)
		}
	}
	cases := []struct {
		by, grant Role
		ok        bool
	}{
		{RoleOfficeHead, RoleDrafter, true},
		{RoleOfficeHead, RoleLeader, true}, // every capability of a leader, no wider
		{RoleOfficeHead, RoleReporter, true},
		{RoleOfficeHead, RoleAdmin, false},
		{RoleDrafter, RoleOfficeHead, false}, // reviewing programs, which a drafter lacks
		{RoleUnitHead, RoleReporter, true},
		{RoleReporter, RoleUnitHead, false}, // a subtree where the reporter has its org
		{RoleViewer, RoleViewer, true},
	}
	for _, c := range cases {
		err := CanGrant(as(c.by), c.grant)
		if (err == nil) != c.ok {
			t.Errorf("%s granting %s: %v, want allowed %v", c.by, c.grant, err, c.ok)
		} else if err != nil && ErrorCode(err) != EFORBIDDEN {
			t.Errorf("%s granting %s: %v, want EFORBIDDEN", c.by, c.grant, err)
		}
	}
}
