package web

import (
	"fmt"
	"net/http"

	"congtac"
)

// The members of a group through the API: who may see the catalog reads them, who manages
// orgs sets them, as the org page does.

// apiGroupMembers is the answer of GET and PUT /api/v1/orgs/{id}/members.
type apiGroupMembers struct {
	GroupID int64    `json:"group_id"`
	Version int      `json:"version"`
	Members []apiOrg `json:"members"`
}

// apiMembersUpdate is the body of PUT /api/v1/orgs/{id}/members: the group's version read,
// and either the members in order or the kind to fill them from.
type apiMembersUpdate struct {
	Version  *int    `json:"version"`
	Members  []int64 `json:"members"`
	FillKind string  `json:"fill_kind"`
}

// UnmarshalJSON decodes the fields strictly.
func (u *apiMembersUpdate) UnmarshalJSON(b []byte) error {
	type fields apiMembersUpdate
	return strictJSON(b, (*fields)(u))
}

// groupSchemas returns the schemas of the DTOs above, for the OpenAPI document.
func groupSchemas() map[string]*oaSchema {
	return map[string]*oaSchema{
		"GroupMembers": schObject("Đơn vị thành viên của một nhóm đơn vị (kind group), theo thứ tự; "+
			"nhiệm vụ do nhóm chủ trì có một phần việc cho mỗi thành viên đang hoạt động khi chương trình ban hành.", oaProps{
			"group_id": schInt("Nhóm đơn vị."), "version": schInt("Phiên bản của nhóm."),
			"members": schArray(schRef("Org")),
		}),
		"GroupMembersUpdate": schInput("Danh sách thành viên mới: members theo thứ tự, hoặc fill_kind để lấy mọi đơn vị "+
			"đang hoạt động thuộc loại đó cùng cấp trên với nhóm.", []string{"version"}, oaProps{
			"version":   schInt("Phiên bản đã đọc; khác phiên bản hiện tại thì trả về 409."),
			"members":   schArray(schInt("Đơn vị thành viên.")),
			"fill_kind": schEnum("Lấy mọi đơn vị của loại này; bỏ trống: dùng members.", codesOf(fillKinds)...),
		}),
	}
}

// apiGroup returns the group {id} of the request's path when capability c reaches it;
// otherwise it answers 404, as for an org that does not exist, and returns false.
func (s *Server) apiGroup(w http.ResponseWriter, r *http.Request, c congtac.Capability) (congtac.Org, bool) {
	id, ok := s.apiPathID(w, r, "nhóm đơn vị")
	if !ok {
		return congtac.Org{}, false
	}
	g, err := s.st.FindOrgByID(r.Context(), id)
	if err == nil {
		var ok bool
		if ok, err = s.st.Reaches(r.Context(), actorOf(r), c, id); err == nil && (!ok || !g.IsGroup()) {
			err = congtac.Errorf(congtac.ENOTFOUND, "Không tìm thấy nhóm đơn vị này.")
		}
	}
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api group: %w", err), 0)
		return g, false
	}
	return g, true
}

// handleAPIGroupMembers answers the members of group {id} within the actor's ViewCatalog
// reach (404 otherwise, and for an org that is not a group).
func (s *Server) handleAPIGroupMembers(w http.ResponseWriter, r *http.Request) {
	if g, ok := s.apiGroup(w, r, congtac.ViewCatalog); ok {
		s.writeGroupMembers(w, r, g)
	}
}

// handleAPIGroupMembersSet replaces the members of group {id} within the actor's ManageOrgs
// reach (404 outside it) with members, or with every active org of fill_kind under the
// group's parent, given the version read, and answers with the new list.
func (s *Server) handleAPIGroupMembersSet(w http.ResponseWriter, r *http.Request) {
	g, ok := s.apiGroup(w, r, congtac.ManageOrgs)
	if !ok {
		return
	}
	var body apiMembersUpdate
	if !s.readJSON(w, r, &body) {
		return
	}
	var pr congtac.Problems
	version := bodyVersion(&pr, body.Version)
	members := body.Members
	err := pr.Err()
	if err == nil && body.FillKind != "" {
		members, err = s.membersOfKind(r.Context(), g, congtac.OrgKind(body.FillKind))
	}
	if err == nil {
		g, err = s.st.SetGroupMembers(r.Context(), actorOf(r), g.ID, version, members)
	}
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api set group members: %w", err), 0)
		return
	}
	s.writeGroupMembers(w, r, g)
}

// writeGroupMembers answers with the members of group g.
func (s *Server) writeGroupMembers(w http.ResponseWriter, r *http.Request, g congtac.Org) {
	members, err := s.st.FindGroupMembers(r.Context(), g.ID)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api group members: %w", err), 0)
		return
	}
	out := apiGroupMembers{GroupID: g.ID, Version: g.Version, Members: []apiOrg{}}
	today := s.today()
	for _, m := range members {
		out.Members = append(out.Members, newAPIOrg(m, today))
	}
	writeJSON(w, http.StatusOK, out)
}
