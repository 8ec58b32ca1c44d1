package congtac

import "time"

// AuditEvent records who did what to which record, when, with the record before and after
// (JSON). It is written in the same transaction as the change and never edited.
type AuditEvent struct {
	ID       int64
	At       time.Time
	UserID   int64  // 0 for the system or an anonymous visitor
	Action   string // "create", "update", "delete", "submit", "issue", "sign_in", "deny" …
	Entity   string // "program", "task", "user" …
	EntityID int64
	OrgID    int64 // the org the record belongs to, for filtering; 0 if none
	Before   string
	After    string
	Address  string // client address for sign-ins and refusals
}

// AuditFilter selects audit events. Zero fields do not filter.
type AuditFilter struct {
	UserID   *int64
	OrgID    *int64
	Entity   string
	EntityID *int64
	From     *time.Time
	To       *time.Time
	Offset   int
	Limit    int
}

// Actor is who performs a store use case: the signed-in user, or the system (zero ID) for
// seeding, migrations and background jobs.
type Actor struct {
	UserID  int64
	Role    Role
	OrgID   int64   // the org the role is scoped to
	Path    []int64 // OrgID and its ancestors up to the root, for [Actor.CanOn]
	Name    string  // shown in the interface
	Address string
}

// System is the actor of work done by the program itself.
var System = Actor{Role: RoleAdmin}
