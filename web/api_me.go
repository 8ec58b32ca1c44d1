package web

import (
	"fmt"
	"net/http"

	"congtac"
)

// apiMe is the body of GET /api/v1/me.
type apiMe struct {
	UserID       int64           `json:"user_id"`
	Login        string          `json:"login"`
	Name         string          `json:"name"`
	Role         string          `json:"role"`
	RoleLabel    string          `json:"role_label"`
	Org          apiOrg          `json:"org"`
	Capabilities []apiCapability `json:"capabilities"`
}

// apiCapability is a capability of the actor's role and how far it reaches.
type apiCapability struct {
	Capability string `json:"capability"`
	Scope      string `json:"scope"`
	ScopeLabel string `json:"scope_label"`
}

// scopeCodes are the API's codes of [congtac.Scope], indexed by scope.
var scopeCodes = [...]string{congtac.ScopeNone: "none", congtac.ScopeOwn: "own",
	congtac.ScopeSubtree: "subtree", congtac.ScopeChain: "chain", congtac.ScopeAll: "all"}

// meSchemas returns the schemas of the account DTOs above, for the OpenAPI document;
// TestSchemasMatchDTOs holds them to the types.
func meSchemas() map[string]*oaSchema {
	return map[string]*oaSchema{
		"Me": schObject("Tài khoản đang dùng và các quyền của vai trò.", oaProps{
			"user_id": schInt("Mã tài khoản."), "login": schString("Tên đăng nhập."),
			"name": schString("Tên hiển thị."), "role": schEnum("Vai trò.", codesOf(congtac.Roles)...),
			"role_label": schString("Tên vai trò."), "org": schRef("Org"),
			"capabilities": schArray(schRef("Capability")),
		}),
		"Capability": schObject("Một quyền và phạm vi của nó.", oaProps{
			"capability":  schEnum("Quyền.", codesOf(congtac.Capabilities)...),
			"scope":       schEnum("Phạm vi: đơn vị mình, cả cấp dưới, cả cấp trên, toàn hệ thống.", scopeCodes[1:]...),
			"scope_label": schString("Tên phạm vi."),
		}),
	}
}

// handleAPIMe answers who the caller is: its account, org, role and every capability the
// role has, with its scope.
func (s *Server) handleAPIMe(w http.ResponseWriter, r *http.Request) {
	a := actorOf(r)
	u, err := s.st.FindUserByID(r.Context(), a.UserID)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api me: %w", err), 0)
		return
	}
	org, err := s.st.FindOrgByID(r.Context(), a.OrgID)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api me: %w", err), 0)
		return
	}
	me := apiMe{UserID: u.ID, Login: u.Login, Name: a.Name, Role: string(a.Role), RoleLabel: a.Role.Label(),
		Org: newAPIOrg(org, s.today()), Capabilities: []apiCapability{}}
	for _, c := range congtac.Capabilities {
		if sc := congtac.ScopeOf(a.Role, c); sc != congtac.ScopeNone {
			me.Capabilities = append(me.Capabilities, apiCapability{Capability: string(c),
				Scope: scopeCodes[sc], ScopeLabel: sc.Label()})
		}
	}
	writeJSON(w, http.StatusOK, me)
}
