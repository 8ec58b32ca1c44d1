package web

import (
	"net/http"

	"congtac"
)

// permissionsPage is the data of admin_permissions.html: the permission matrix
// (read through [congtac.ScopeOf]) with a column per role and a row per capability.
type permissionsPage struct {
	layout
	Roles []string // column headings
	Rows  []permissionRow
}

func (permissionsPage) template() string { return "admin_permissions" }

// permissionRow is one capability and how far it reaches for each role, in the order of
// the columns.
type permissionRow struct {
	Capability string
	Cells      []permissionCell
}

// permissionCell is one role's scope for a capability.
type permissionCell struct {
	Label string
	None  bool
}

// handlePermissionsShow shows the permission matrix as a table. It is read-only: the
// matrix is data in the domain package, changed with the code.
func (s *Server) handlePermissionsShow(w http.ResponseWriter, r *http.Request) {
	page := permissionsPage{layout: s.layout(r, "Bảng phân quyền")}
	roles := append(append([]congtac.Role{}, congtac.Roles...), congtac.RolePublic)
	for _, role := range roles {
		page.Roles = append(page.Roles, role.Label())
	}
	for _, c := range congtac.Capabilities {
		row := permissionRow{Capability: c.Label()}
		for _, role := range roles {
			scope := congtac.ScopeOf(role, c)
			row.Cells = append(row.Cells, permissionCell{Label: scope.Label(), None: scope == congtac.ScopeNone})
		}
		page.Rows = append(page.Rows, row)
	}
	s.render(w, r, http.StatusOK, page)
}
