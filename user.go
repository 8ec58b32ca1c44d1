package congtac

import (
	"regexp"
	"slices"
	"time"
)

// Role is what a [User] may do; its reach is the subtree of the user's Org.
type Role string

// Roles. The anonymous public is RolePublic: it reads published calendars and programs only.
const (
	RoleAdmin      Role = "admin"       // Quản trị hệ thống
	RoleDrafter    Role = "drafter"     // Chuyên viên Văn phòng: drafts, chases, issues numbers
	RoleOfficeHead Role = "office_head" // Chánh Văn phòng: reviews, may sign by order (TL.)
	RoleLeader     Role = "leader"      // Chủ tịch, Phó Chủ tịch: approve, sign, watch
	RoleUnitHead   Role = "unit_head"   // Trưởng đơn vị: answers for the unit's tasks and reports
	RoleReporter   Role = "reporter"    // Cán bộ báo cáo: reports for its own org only
	RoleViewer     Role = "viewer"      // Xem: reads within its scope
	RolePublic     Role = "public"      // anonymous visitor
)

// Roles lists the roles a user can be given, most powerful first.
var Roles = []Role{RoleAdmin, RoleOfficeHead, RoleDrafter, RoleLeader, RoleUnitHead, RoleReporter, RoleViewer}

// Label returns the Vietnamese name of the role.
func (r Role) Label() string {
	switch r {
	case RoleAdmin:
		return "Quản trị hệ thống"
	case RoleDrafter:
		return "Chuyên viên Văn phòng"
	case RoleOfficeHead:
		return "Chánh Văn phòng"
	case RoleLeader:
		return "Lãnh đạo UBND"
	case RoleUnitHead:
		return "Thủ trưởng đơn vị"
	case RoleReporter:
		return "Cán bộ báo cáo"
	case RoleViewer:
		return "Người xem"
	case RolePublic:
		return "Công chúng"
	}
	return ""
}

// Valid reports whether r can be given to a user.
func (r Role) Valid() bool { return slices.Contains(Roles, r) }

// User is a person who signs in. Its Role applies to OrgID and every org below it.
type User struct {
	ID           int64
	Login        string
	PersonID     int64 // 0 for accounts that are not a person (a service account)
	DisplayName  string
	Role         Role
	OrgID        int64
	PasswordHash string // argon2id in PHC form; never shown
	TOTPSecret   string // empty while the second factor is off
	Disabled     bool
	Version      int
	// EmailReminders is the user's choice to receive the daily reminder mail at the email
	// of their person; off until they choose it.
	EmailReminders bool

	LastSignInAt      time.Time // zero before the first sign-in
	PasswordChangedAt time.Time // zero until the password is first changed
}

// AccountScope returns the org an account of role r placed in org is scoped to. The
// office's staff (drafters and office heads) work in a committee's office but act for the
// committee, so such an account placed in an office is scoped to committee, the office's
// committee ([CommitteeOf]); every other account keeps org.
func AccountScope(r Role, org, committee Org) int64 {
	if org.Kind == OrgOffice && (r == RoleDrafter || r == RoleOfficeHead) && committee.ID != 0 {
		return committee.ID
	}
	return org.ID
}

// LoginPattern is the form of a login.
var LoginPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{1,39}$`)

// Validate checks the login, role and organisation.
func (u User) Validate() error {
	var p Problems
	p.Text("display_name", "Tên hiển thị", u.DisplayName)
	if !LoginPattern.MatchString(u.Login) {
		p.Add("login", "Tên đăng nhập gồm 2–40 ký tự a-z, 0-9, dấu chấm, gạch ngang hoặc gạch dưới.")
	}
	if !u.Role.Valid() {
		p.Add("role", "Vai trò %q không hợp lệ.", string(u.Role))
	}
	if u.OrgID == 0 {
		p.Add("org_id", "Chưa chọn cơ quan, đơn vị của tài khoản.")
	}
	return p.Err()
}

// Covers reports whether the user's scope reaches an org, given that org's ancestry path
// (the org itself and every ancestor up to the root, in any order).
func (u User) Covers(orgPath []int64) bool {
	return u.Role == RoleAdmin || slices.Contains(orgPath, u.OrgID)
}
