package congtac

import (
	"slices"
	"testing"
)

var allProgramStatuses = []ProgramStatus{ProgramDraft, ProgramSubmitted, ProgramReturned, ProgramApproved,
	ProgramIssued, ProgramAmended, ProgramSuperseded}

var allActions = []ProgramAction{ActionSubmit, ActionRecall, ActionReturn, ActionApprove, ActionIssue,
	ActionAmend, ActionSupersede}

var allRoles = append(slices.Clone(Roles), RolePublic)

// lifecycle is the expected table, written out independently of Transitions: who may take
// each action, from which statuses, to which status.
var lifecycle = map[ProgramAction]struct {
	from  []ProgramStatus
	to    ProgramStatus
	roles []Role
}{
	ActionSubmit:    {[]ProgramStatus{ProgramDraft, ProgramReturned}, ProgramSubmitted, []Role{RoleDrafter, RoleOfficeHead, RoleAdmin}},
	ActionRecall:    {[]ProgramStatus{ProgramSubmitted}, ProgramDraft, []Role{RoleDrafter, RoleOfficeHead, RoleAdmin}},
	ActionReturn:    {[]ProgramStatus{ProgramSubmitted, ProgramApproved}, ProgramReturned, []Role{RoleLeader, RoleOfficeHead}},
	ActionApprove:   {[]ProgramStatus{ProgramSubmitted}, ProgramApproved, []Role{RoleLeader, RoleOfficeHead}},
	ActionIssue:     {[]ProgramStatus{ProgramApproved}, ProgramIssued, []Role{RoleDrafter, RoleOfficeHead, RoleAdmin}},
	ActionAmend:     {[]ProgramStatus{ProgramIssued}, ProgramAmended, []Role{RoleDrafter, RoleOfficeHead, RoleAdmin}},
	ActionSupersede: {[]ProgramStatus{ProgramIssued, ProgramAmended}, ProgramSuperseded, []Role{RoleDrafter, RoleOfficeHead, RoleAdmin}},
}

func TestNextStatus(t *testing.T) {
	n := 0
	for _, action := range allActions {
		row, ok := lifecycle[action]
		if !ok {
			t.Fatalf("no expectation for %s", action)
		}
		for _, from := range allProgramStatuses {
			for _, role := range allRoles {
				n++
				got, err := NextStatus(from, action, role)
				switch {
				case !slices.Contains(row.roles, role):
					if ErrorCode(err) != EFORBIDDEN || got != "" {
						t.Errorf("NextStatus(%s, %s, %s) = %q, %v; want EFORBIDDEN", from, action, role, got, err)
					}
				case !slices.Contains(row.from, from):
					if ErrorCode(err) != EINVALID || got != "" {
						t.Errorf("NextStatus(%s, %s, %s) = %q, %v; want EINVALID", from, action, role, got, err)
					}
				default:
					if err != nil || got != row.to {
						t.Errorf("NextStatus(%s, %s, %s) = %q, %v; want %q", from, action, role, got, err, row.to)
					}
				}
				checkVietnamese(t, err)
			}
		}
	}
	if n != 7*7*8 {
		t.Errorf("checked %d combinations, want %d", n, 7*7*8)
	}
	for _, role := range allRoles {
		if _, err := NextStatus(ProgramDraft, "publish", role); ErrorCode(err) != EINVALID {
			t.Errorf("unknown action by %s: %v, want EINVALID", role, err)
		}
	}
	if _, err := NextStatus("archived", ActionSubmit, RoleDrafter); ErrorCode(err) != EINVALID {
		t.Errorf("unknown status: %v, want EINVALID", err)
	}
}

func TestTransitionsTable(t *testing.T) {
	if len(Transitions) != len(lifecycle) {
		t.Errorf("len(Transitions) = %d, want %d", len(Transitions), len(lifecycle))
	}
	seen := map[ProgramAction]bool{}
	for _, tr := range Transitions {
		if seen[tr.Action] {
			t.Errorf("action %s appears twice", tr.Action)
		}
		seen[tr.Action] = true
		if !isVietnamese(tr.Action.Label()) {
			t.Errorf("%s.Label() = %q", tr.Action, tr.Action.Label())
		}
		if tr.To.Label() == "" {
			t.Errorf("%s leads to unknown status %q", tr.Action, tr.To)
		}
		for _, f := range tr.From {
			if f.Label() == "" {
				t.Errorf("%s starts from unknown status %q", tr.Action, f)
			}
			if f == tr.To {
				t.Errorf("%s loops on %s", tr.Action, f)
			}
		}
		for _, r := range tr.Roles {
			if !r.Valid() {
				t.Errorf("%s allows role %q, which cannot be given", tr.Action, r)
			}
		}
		if len(tr.From) == 0 || len(tr.Roles) == 0 {
			t.Errorf("%s has no source status or no role", tr.Action)
		}
	}
}

func TestActionsFor(t *testing.T) {
	for _, s := range allProgramStatuses {
		for _, role := range allRoles {
			var want []ProgramAction
			for _, a := range allActions {
				if row := lifecycle[a]; slices.Contains(row.from, s) && slices.Contains(row.roles, role) {
					want = append(want, a)
				}
			}
			got := ActionsFor(s, role)
			if !slices.Equal(got, want) {
				t.Errorf("ActionsFor(%s, %s) = %v, want %v", s, role, got, want)
			}
			for _, a := range got {
				if _, err := NextStatus(s, a, role); err != nil {
					t.Errorf("ActionsFor(%s, %s) offers %s but NextStatus refuses: %v", s, role, a, err)
				}
			}
		}
	}
	spot := []struct {
		s    ProgramStatus
		role Role
		want []ProgramAction
	}{
		{ProgramDraft, RoleDrafter, []ProgramAction{ActionSubmit}},
		{ProgramSubmitted, RoleLeader, []ProgramAction{ActionReturn, ActionApprove}},
		{ProgramSubmitted, RoleOfficeHead, []ProgramAction{ActionRecall, ActionReturn, ActionApprove}},
		{ProgramApproved, RoleDrafter, []ProgramAction{ActionIssue}},
		{ProgramIssued, RoleLeader, nil},
		{ProgramSuperseded, RoleAdmin, nil},
		{ProgramDraft, RoleViewer, nil},
	}
	for _, tt := range spot {
		if got := ActionsFor(tt.s, tt.role); !slices.Equal(got, tt.want) {
			t.Errorf("ActionsFor(%s, %s) = %v, want %v", tt.s, tt.role, got, tt.want)
		}
	}
}

func TestEveryStatusHasAWayForward(t *testing.T) {
	// Every status other than superseded can be left by someone, and every status can be
	// reached from a draft.
	for _, s := range allProgramStatuses {
		var out []ProgramAction
		for _, role := range Roles {
			out = append(out, ActionsFor(s, role)...)
		}
		if s == ProgramSuperseded {
			if len(out) != 0 {
				t.Errorf("superseded can still %v", out)
			}
			continue
		}
		if len(out) == 0 {
			t.Errorf("status %s is a dead end", s)
		}
	}
	reached := map[ProgramStatus]bool{ProgramDraft: true}
	for changed := true; changed; {
		changed = false
		for _, tr := range Transitions {
			for _, f := range tr.From {
				if reached[f] && !reached[tr.To] {
					reached[tr.To], changed = true, true
				}
			}
		}
	}
	for _, s := range allProgramStatuses {
		if !reached[s] {
			t.Errorf("status %s cannot be reached from a draft", s)
		}
	}
}

func TestProgramStatusLabels(t *testing.T) {
	for _, s := range allProgramStatuses {
		if !isVietnamese(s.Label()) {
			t.Errorf("%s.Label() = %q", s, s.Label())
		}
		if got, want := s.Editable(), s == ProgramDraft || s == ProgramReturned; got != want {
			t.Errorf("%s.Editable() = %v, want %v", s, got, want)
		}
	}
	for _, r := range allRoles {
		if !isVietnamese(r.Label()) {
			t.Errorf("%s.Label() = %q", r, r.Label())
		}
	}
}

func TestLower(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Trình duyệt", "trình duyệt"}, {"Đã ban hành", "đã ban hành"}, {"", ""}, {"Ủy ban", "ủy ban"},
	}
	for _, tt := range tests {
		if got := lower(tt.in); got != tt.want {
			t.Errorf("lower(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
