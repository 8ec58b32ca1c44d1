package congtac

import (
	"slices"
	"unicode"
)

// ProgramAction is a step in a program's life.
type ProgramAction string

// Program actions.
const (
	ActionSubmit    ProgramAction = "submit"    // trình: the office sends the draft to the signer
	ActionRecall    ProgramAction = "recall"    // rút lại: the office takes a submitted draft back
	ActionReturn    ProgramAction = "return"    // trả lại: the signer sends it back with comments
	ActionApprove   ProgramAction = "approve"   // duyệt: the signer approves
	ActionIssue     ProgramAction = "issue"     // ban hành: a number is taken from the register
	ActionAmend     ProgramAction = "amend"     // an issued amendment marks its original amended
	ActionSupersede ProgramAction = "supersede" // an issued replacement marks its original superseded
)

// Label returns the Vietnamese verb shown on buttons and in the history.
func (a ProgramAction) Label() string {
	switch a {
	case ActionSubmit:
		return "Trình duyệt"
	case ActionRecall:
		return "Rút lại"
	case ActionReturn:
		return "Trả lại"
	case ActionApprove:
		return "Phê duyệt"
	case ActionIssue:
		return "Ban hành"
	case ActionAmend:
		return "Điều chỉnh, bổ sung"
	case ActionSupersede:
		return "Thay thế"
	}
	return ""
}

// Capability returns the capability a lifecycle step needs on the program's issuing org:
// DraftPrograms to submit or recall, ReviewPrograms to return or approve, IssueDocuments to
// issue, amend or supersede.
func (a ProgramAction) Capability() Capability {
	switch a {
	case ActionReturn, ActionApprove:
		return ReviewPrograms
	case ActionIssue, ActionAmend, ActionSupersede:
		return IssueDocuments
	}
	return DraftPrograms
}

// Transition is one row of the lifecycle table: who may take an action from which statuses,
// and where it leads.
type Transition struct {
	Action ProgramAction
	From   []ProgramStatus
	To     ProgramStatus
	Roles  []Role
}

// Transitions is the program lifecycle as data. It is the only place that decides who may
// move a program; tests read it row by row.
var Transitions = []Transition{
	{ActionSubmit, []ProgramStatus{ProgramDraft, ProgramReturned}, ProgramSubmitted,
		[]Role{RoleDrafter, RoleOfficeHead, RoleAdmin}},
	{ActionRecall, []ProgramStatus{ProgramSubmitted}, ProgramDraft,
		[]Role{RoleDrafter, RoleOfficeHead, RoleAdmin}},
	{ActionReturn, []ProgramStatus{ProgramSubmitted, ProgramApproved}, ProgramReturned,
		[]Role{RoleLeader, RoleOfficeHead}},
	{ActionApprove, []ProgramStatus{ProgramSubmitted}, ProgramApproved,
		[]Role{RoleLeader, RoleOfficeHead}},
	{ActionIssue, []ProgramStatus{ProgramApproved}, ProgramIssued,
		[]Role{RoleDrafter, RoleOfficeHead, RoleAdmin}},
	{ActionAmend, []ProgramStatus{ProgramIssued}, ProgramAmended,
		[]Role{RoleDrafter, RoleOfficeHead, RoleAdmin}},
	{ActionSupersede, []ProgramStatus{ProgramIssued, ProgramAmended}, ProgramSuperseded,
		[]Role{RoleDrafter, RoleOfficeHead, RoleAdmin}},
}

// NextStatus returns the status a program in status from reaches when role takes action.
// It returns EFORBIDDEN when the role may not take the action and EINVALID when the action
// does not apply to the status.
func NextStatus(from ProgramStatus, action ProgramAction, role Role) (ProgramStatus, error) {
	for _, t := range Transitions {
		if t.Action != action {
			continue
		}
		if !slices.Contains(t.Roles, role) {
			return "", Errorf(EFORBIDDEN, "Vai trò %s không được %s chương trình.", role.Label(), lower(action.Label()))
		}
		if !slices.Contains(t.From, from) {
			return "", Errorf(EINVALID, "Không thể %s chương trình đang ở trạng thái %s.", lower(action.Label()), lower(from.Label()))
		}
		return t.To, nil
	}
	return "", Errorf(EINVALID, "Thao tác %q không tồn tại.", string(action))
}

// ActionsFor returns the actions role may take on a program in status s, in table order.
func ActionsFor(s ProgramStatus, role Role) []ProgramAction {
	var out []ProgramAction
	for _, t := range Transitions {
		if slices.Contains(t.Roles, role) && slices.Contains(t.From, s) {
			out = append(out, t.Action)
		}
	}
	return out
}

// lower lower-cases the first letter of a Vietnamese label for use inside a sentence.
func lower(s string) string {
	for i, r := range s {
		return string(unicode.ToLower(r)) + s[i+len(string(r)):]
	}
	return s
}
