package web

import (
	"context"
	"fmt"

	"congtac"
)

// roleLabel returns how the interface names the role of user u on day: a leader by the
// post held that day, styled ("Chủ tịch UBND tỉnh Sơn Hà"), of the posts held the one
// [congtac.ChairPost] picks for the org the role is scoped to; anyone else, and a leader
// holding no post, by the name of the role ("Lãnh đạo UBND").
func (s *Server) roleLabel(ctx context.Context, u congtac.User, day congtac.Date) (string, error) {
	if u.Role != congtac.RoleLeader || u.PersonID == 0 {
		return u.Role.Label(), nil
	}
	posts, err := s.st.FindPosts(ctx, congtac.PostFilter{PersonID: &u.PersonID, HeldOn: &day})
	if err != nil {
		return "", fmt.Errorf("web: role label: %w", err)
	}
	p, ok := congtac.ChairPost(posts, u.OrgID)
	if !ok {
		return u.Role.Label(), nil
	}
	o, err := s.st.FindOrgByID(ctx, p.OrgID)
	if err != nil {
		return "", fmt.Errorf("web: role label: %w", err)
	}
	return p.Styled(o), nil
}

// actorRoleLabel returns [Server.roleLabel] of the actor today, or the name of its role
// when the user or its posts cannot be read (the page shows rather than fails).
func (s *Server) actorRoleLabel(ctx context.Context, a congtac.Actor) string {
	if a.Role != congtac.RoleLeader {
		return a.Role.Label()
	}
	u, err := s.st.FindUserByID(ctx, a.UserID)
	label := ""
	if err == nil {
		label, err = s.roleLabel(ctx, u, s.today())
	}
	if err != nil {
		s.log.Warn("không đọc được chức vụ (role label)", "err", err)
		return a.Role.Label()
	}
	return label
}
