package congtac

import "slices"

// Capability is something a role may do. Which orgs it reaches is the role's [Scope] for it.
type Capability string

// Capabilities. View* read, the others change. Program lifecycle steps are further limited
// by [Transitions].
const (
	ViewPrograms   Capability = "view_programs"   // issued programs
	ViewDrafts     Capability = "view_drafts"     // programs before they are issued
	ViewTasks      Capability = "view_tasks"      // tasks and their status
	ViewReports    Capability = "view_reports"    // progress reports
	ViewMeetings   Capability = "view_meetings"   // meetings and agendas
	ViewCalendar   Capability = "view_calendar"   // leaders' weekly calendar
	ViewCatalog    Capability = "view_catalog"    // the org tree and people
	Search         Capability = "search"          // full-text search
	ViewAudit      Capability = "view_audit"      // the audit log
	DraftPrograms  Capability = "draft_programs"  // draft, edit, submit, carry over
	ReviewPrograms Capability = "review_programs" // approve or return a submitted program
	IssueDocuments Capability = "issue_documents" // take numbers from the register, issue
	ManageTasks    Capability = "manage_tasks"    // record completion, defer, cancel
	WriteReports   Capability = "write_reports"   // write and submit progress reports
	ReviewReports  Capability = "review_reports"  // accept or return reports
	ManageMeetings Capability = "manage_meetings" // plan meetings and agendas
	ManageCalendar Capability = "manage_calendar" // edit and publish the weekly calendar
	ManageOrgs     Capability = "manage_orgs"     // create, rename, merge orgs
	ManagePeople   Capability = "manage_people"   // people and their posts
	ManageUsers    Capability = "manage_users"    // accounts, roles, password resets, sessions
	ManageSettings Capability = "manage_settings" // installation-wide settings (mail, security), stamps
	// ManageCommittee reaches the committees whose own settings (masthead, numbering, signer,
	// briefing, days off) the role may change: the org scope is the committee's.
	ManageCommittee Capability = "manage_committee"
	UseAccount      Capability = "use_account" // one's own password, second factor, sessions, tokens
	ViewPublic      Capability = "view_public" // published programs and calendars
)

// Capabilities lists every capability in the order of the permission table.
var Capabilities = []Capability{ViewPrograms, ViewDrafts, ViewTasks, ViewReports, ViewMeetings,
	ViewCalendar, ViewCatalog, Search, ViewAudit, DraftPrograms, ReviewPrograms, IssueDocuments,
	ManageTasks, WriteReports, ReviewReports, ManageMeetings, ManageCalendar, ManageOrgs,
	ManagePeople, ManageUsers, ManageSettings, ManageCommittee, UseAccount, ViewPublic}

// Scope is how far a capability reaches from the org a user is scoped to (User.OrgID).
type Scope int

// Scopes, from none to every org.
const (
	ScopeNone    Scope = iota
	ScopeOwn           // the user's org only
	ScopeSubtree       // the user's org and every org below it
	ScopeChain         // the subtree, and the orgs above the user's (the committee it answers to)
	ScopeAll           // every org
)

// Label returns the Vietnamese name of the scope, for the permission table.
func (s Scope) Label() string {
	switch s {
	case ScopeNone:
		return "—"
	case ScopeOwn:
		return "Đơn vị mình"
	case ScopeSubtree:
		return "Đơn vị mình và cấp dưới"
	case ScopeChain:
		return "Cả cấp trên"
	case ScopeAll:
		return "Toàn hệ thống"
	}
	return ""
}

// permissions is the permission matrix as data: for each role, how far each capability
// reaches. A capability a role lacks is ScopeNone. It is unexported so that nothing outside
// the package can change it at run time: others read it through [ScopeOf] and
// [PermissionsOf]; every authorisation decision comes from it.
var permissions = map[Role]map[Capability]Scope{
	RoleAdmin: {
		ViewPrograms: ScopeAll, ViewDrafts: ScopeAll, ViewTasks: ScopeAll, ViewReports: ScopeAll,
		ViewMeetings: ScopeAll, ViewCalendar: ScopeAll, ViewCatalog: ScopeAll, Search: ScopeAll,
		ViewAudit: ScopeAll, DraftPrograms: ScopeAll, IssueDocuments: ScopeAll, ManageTasks: ScopeAll,
		WriteReports: ScopeAll, ReviewReports: ScopeAll, ManageMeetings: ScopeAll, ManageCalendar: ScopeAll,
		ManageOrgs: ScopeAll, ManagePeople: ScopeAll, ManageUsers: ScopeAll, ManageSettings: ScopeAll,
		ManageCommittee: ScopeAll, UseAccount: ScopeOwn, ViewPublic: ScopeAll,
	},
	RoleOfficeHead: {
		ViewPrograms: ScopeChain, ViewDrafts: ScopeSubtree, ViewTasks: ScopeSubtree, ViewReports: ScopeSubtree,
		ViewMeetings: ScopeChain, ViewCalendar: ScopeChain, ViewCatalog: ScopeChain, Search: ScopeSubtree,
		ViewAudit: ScopeSubtree, DraftPrograms: ScopeSubtree, ReviewPrograms: ScopeSubtree,
		IssueDocuments: ScopeSubtree, ManageTasks: ScopeSubtree, WriteReports: ScopeSubtree,
		ReviewReports: ScopeSubtree, ManageMeetings: ScopeSubtree, ManageCalendar: ScopeSubtree,
		ManagePeople: ScopeSubtree, ManageCommittee: ScopeOwn, UseAccount: ScopeOwn, ViewPublic: ScopeAll,
	},
	RoleDrafter: {
		ViewPrograms: ScopeChain, ViewDrafts: ScopeSubtree, ViewTasks: ScopeSubtree, ViewReports: ScopeSubtree,
		ViewMeetings: ScopeChain, ViewCalendar: ScopeChain, ViewCatalog: ScopeChain, Search: ScopeSubtree,
		DraftPrograms: ScopeSubtree, IssueDocuments: ScopeSubtree, ManageTasks: ScopeSubtree,
		WriteReports: ScopeSubtree, ReviewReports: ScopeSubtree, ManageMeetings: ScopeSubtree,
		ManageCalendar: ScopeSubtree, UseAccount: ScopeOwn, ViewPublic: ScopeAll,
	},
	RoleLeader: {
		ViewPrograms: ScopeChain, ViewDrafts: ScopeSubtree, ViewTasks: ScopeSubtree, ViewReports: ScopeSubtree,
		ViewMeetings: ScopeChain, ViewCalendar: ScopeChain, ViewCatalog: ScopeChain, Search: ScopeSubtree,
		ReviewPrograms: ScopeSubtree, ManageTasks: ScopeSubtree, ReviewReports: ScopeSubtree,
		UseAccount: ScopeOwn, ViewPublic: ScopeAll,
	},
	RoleUnitHead: {
		ViewPrograms: ScopeChain, ViewTasks: ScopeSubtree, ViewReports: ScopeSubtree, ViewMeetings: ScopeChain,
		ViewCalendar: ScopeChain, ViewCatalog: ScopeChain, Search: ScopeSubtree, WriteReports: ScopeSubtree,
		UseAccount: ScopeOwn, ViewPublic: ScopeAll,
	},
	RoleReporter: {
		ViewPrograms: ScopeChain, ViewTasks: ScopeOwn, ViewReports: ScopeOwn, ViewMeetings: ScopeChain,
		ViewCalendar: ScopeChain, ViewCatalog: ScopeChain, Search: ScopeOwn, WriteReports: ScopeOwn,
		UseAccount: ScopeOwn, ViewPublic: ScopeAll,
	},
	RoleViewer: {
		ViewPrograms: ScopeChain, ViewTasks: ScopeSubtree, ViewReports: ScopeSubtree, ViewMeetings: ScopeChain,
		ViewCalendar: ScopeChain, ViewCatalog: ScopeChain, Search: ScopeSubtree, UseAccount: ScopeOwn,
		ViewPublic: ScopeAll,
	},
	RolePublic: {ViewPublic: ScopeAll},
}

// ScopeOf returns how far capability c reaches for role r: ScopeNone for a capability or a
// role the matrix does not name.
func ScopeOf(r Role, c Capability) Scope { return permissions[r][c] }

// PermissionsOf returns a copy of role r's row of the matrix: the capabilities r holds and
// how far each reaches (those it lacks are left out). Changing the copy changes nothing.
func PermissionsOf(r Role) map[Capability]Scope {
	row := map[Capability]Scope{}
	for c, s := range permissions[r] {
		if s != ScopeNone {
			row[c] = s
		}
	}
	return row
}

// Can reports whether the actor's role has capability c at all, whatever the org.
func (a Actor) Can(c Capability) bool { return ScopeOf(a.Role, c) != ScopeNone }

// CanOn reports whether the actor may use capability c on a record of the org whose path is
// orgPath: the org itself first, then its ancestors up to the root. The actor's own path is
// a.Path (its org first).
func (a Actor) CanOn(c Capability, orgPath []int64) bool {
	if len(orgPath) == 0 {
		return ScopeOf(a.Role, c) == ScopeAll
	}
	switch ScopeOf(a.Role, c) {
	case ScopeAll:
		return true
	case ScopeChain:
		return slices.Contains(orgPath, a.OrgID) || slices.Contains(a.Path, orgPath[0])
	case ScopeSubtree:
		return slices.Contains(orgPath, a.OrgID)
	case ScopeOwn:
		return orgPath[0] == a.OrgID
	}
	return false
}

// CanWriteReport decides whether a may write org's progress report on task t, orgPath being
// org's path up to the root: org must report on the task ([Task.Reporters]) and a's
// WriteReports must reach it, as the matrix says (a unit head reaches the units below its
// own, a reporter its own org only). It returns nil or an EFORBIDDEN error that says why.
func CanWriteReport(a Actor, t Task, orgPath []int64) error {
	if ScopeOf(a.Role, WriteReports) == ScopeNone {
		return Errorf(EFORBIDDEN, "Vai trò %s không được viết báo cáo tiến độ.", a.Role.Label())
	}
	if len(orgPath) == 0 || !slices.Contains(t.Reporters(), orgPath[0]) {
		return Errorf(EFORBIDDEN, "Đơn vị không chủ trì hay phối hợp thực hiện nhiệm vụ này.")
	}
	if !a.CanOn(WriteReports, orgPath) {
		return Errorf(EFORBIDDEN, "Bạn không được báo cáo cho đơn vị này.")
	}
	return nil
}

// CanGrant decides whether a may give an account role r. An actor whose ManageUsers reaches
// every org (the administrator) grants every role, the signers' included, though it does not
// sign itself; any other may not hand out more than it holds: every capability of r must
// reach no further than a's own scope for it. It returns nil or an EFORBIDDEN error that
// says why.
func CanGrant(a Actor, r Role) error {
	if ScopeOf(a.Role, ManageUsers) == ScopeAll {
		return nil
	}
	for c, scope := range permissions[r] {
		if scope > ScopeOf(a.Role, c) {
			return Errorf(EFORBIDDEN, "Bạn không cấp được vai trò %s: vai trò này có quyền rộng hơn quyền của bạn.",
				r.Label())
		}
	}
	return nil
}

// Forbidden returns the EFORBIDDEN error shown when an actor lacks a capability.
func Forbidden() *Error {
	return Errorf(EFORBIDDEN, "Bạn không có quyền thực hiện thao tác này hoặc xem nội dung này.")
}

// Reach is the set of orgs a query may return records of, from an actor's scope for a
// capability: the subtree of Org (or Org alone when Exact), plus the orgs in Above. A nil
// *Reach means every org. Filters carry it so that lists only show what the actor may see.
type Reach struct {
	Org   int64
	Exact bool
	Above []int64
}

// Reach returns how far the actor's capability c reaches, for filtering lists: nil for every
// org, and a Reach that matches nothing (Org 0) when the actor lacks c.
func (a Actor) Reach(c Capability) *Reach {
	switch ScopeOf(a.Role, c) {
	case ScopeAll:
		return nil
	case ScopeChain:
		above := []int64{}
		if len(a.Path) > 1 {
			above = a.Path[1:]
		}
		return &Reach{Org: a.OrgID, Above: above}
	case ScopeSubtree:
		return &Reach{Org: a.OrgID}
	case ScopeOwn:
		return &Reach{Org: a.OrgID, Exact: true}
	}
	return &Reach{}
}
