package web

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"congtac"
)

// memberForm is the form of a group's members on the org page: every active org within the
// actor's reach that may be a member, ticked when it is one, and the kinds to fill the list
// from ("all communes of the committee").
type memberForm struct {
	Version int
	Orgs    []option
	Kinds   []option
	Count   int // members ticked
	Errors  map[string]string
}

// MembersError returns the message on the members ticked, for their fieldset.
func (f memberForm) MembersError() field {
	return newField(f.Errors, field{ID: "members", Name: "members"})
}

// FillKindField returns the field of the kind to fill the members from.
func (f memberForm) FillKindField() field {
	return newField(f.Errors, field{Kind: fieldSelect, ID: "fill_kind", Name: "fill_kind",
		Label: "Lấy tất cả đơn vị đang hoạt động cùng cấp trên với nhóm, thuộc loại", Options: f.Kinds})
}

// fillKinds are the kinds a group's members may be filled from.
var fillKinds = []congtac.OrgKind{congtac.OrgCommune, congtac.OrgDepartment, congtac.OrgAgency, congtac.OrgMassOrg}

// newMemberForm returns the member form of group g, ticking the orgs of members.
func newMemberForm(a congtac.Actor, tree orgTree, g congtac.Org, members []int64) *memberForm {
	f := &memberForm{Version: g.Version, Count: len(members), Errors: map[string]string{}}
	for _, o := range tree.order {
		member := slices.Contains(members, o.ID)
		if o.IsGroup() || !member && (!o.ValidTo.IsZero() || !tree.reaches(a, congtac.ManageOrgs, o.ID)) {
			continue
		}
		f.Orgs = append(f.Orgs, option{Value: strconv.FormatInt(o.ID, 10),
			Label: strings.Repeat("— ", tree.depth[o.ID]) + o.Name, Selected: member})
	}
	for _, k := range fillKinds {
		f.Kinds = append(f.Kinds, option{Value: string(k), Label: k.Label()})
	}
	return f
}

// memberIDs returns the IDs of the members of group g.
func (s *Server) memberIDs(ctx context.Context, g congtac.Org) ([]int64, error) {
	members, err := s.st.FindGroupMembers(ctx, g.ID)
	if err != nil {
		return nil, fmt.Errorf("web: group members: %w", err)
	}
	ids := make([]int64, len(members))
	for i, m := range members {
		ids[i] = m.ID
	}
	return ids, nil
}

// membersOfKind returns the orgs under group g's parent of the given kind active today
// ([congtac.MembersByKind]); an unknown kind is EINVALID.
func (s *Server) membersOfKind(ctx context.Context, g congtac.Org, kind congtac.OrgKind) ([]int64, error) {
	if !slices.Contains(fillKinds, kind) {
		return nil, congtac.FieldError("fill_kind", "Loại đơn vị %q không dùng để lập nhóm được.", string(kind))
	}
	orgs, err := s.st.FindOrgs(ctx, congtac.OrgFilter{ParentID: &g.ParentID})
	if err != nil {
		return nil, fmt.Errorf("web: group members: %w", err)
	}
	return congtac.MembersByKind(orgs, g.ParentID, kind, s.today()), nil
}

// handleGroupMembers sets the members of the group {id} from the ticked fields member, or,
// when fill_kind names a kind, to every active org of that kind under the group's parent.
// version is the group's version the form was filled from (409 when it moved); refusals
// show the org page again with the form as sent.
func (s *Server) handleGroupMembers(w http.ResponseWriter, r *http.Request) {
	g, version, err := s.editableOrg(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ctx := r.Context()
	var members []int64
	if kind := r.PostFormValue("fill_kind"); kind != "" {
		members, err = s.membersOfKind(ctx, g, congtac.OrgKind(kind))
	} else {
		var p congtac.Problems
		for _, v := range r.PostForm["member"] {
			members = append(members, parseFormID(&p, "members", v))
		}
		err = p.Err()
	}
	if err == nil {
		g, err = s.st.SetGroupMembers(ctx, actorOf(r), g.ID, version, members)
	}
	if err != nil {
		s.refuseOrgForm(w, r, err, g.ID, func(page *orgListPage, tree orgTree) {
			if page.Edit.Members != nil {
				page.Edit.Members = newMemberForm(actorOf(r), tree, g, members)
				page.Edit.Members.Errors = congtac.FieldErrors(err)
			}
		})
		return
	}
	s.flash(r, fmt.Sprintf("Đã cập nhật %s: %d đơn vị thành viên.", g.Name, len(members)))
	http.Redirect(w, r, fmt.Sprintf("/admin/orgs?edit=%d#thanh-vien", g.ID), http.StatusSeeOther)
}
