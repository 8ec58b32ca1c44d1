package web

import (
	"context"

	"congtac"
)

// visiblePrograms limits a program filter to what a may read: issued programs within its
// ViewPrograms reach, programs not yet issued within its ViewDrafts reach.
func visiblePrograms(a congtac.Actor, f congtac.ProgramFilter) congtac.ProgramFilter {
	f.Reach, f.DraftReach = a.Reach(congtac.ViewPrograms), a.Reach(congtac.ViewDrafts)
	return f
}

// canOn reports whether a may use capability c on a record of org.
func (s *Server) canOn(ctx context.Context, a congtac.Actor, c congtac.Capability, org int64) (bool, error) {
	if congtac.ScopeOf(a.Role, c) == congtac.ScopeAll {
		return true, nil
	}
	if org == 0 {
		return false, nil
	}
	path, err := s.st.OrgPath(ctx, org)
	if err != nil {
		return false, err
	}
	return a.CanOn(c, path), nil
}

// canSeeProgram reports whether a may read program p.
func (s *Server) canSeeProgram(ctx context.Context, a congtac.Actor, p congtac.Program) (bool, error) {
	if p.Status.Published() {
		return s.canOn(ctx, a, congtac.ViewPrograms, p.OrgID)
	}
	return s.canOn(ctx, a, congtac.ViewDrafts, p.OrgID)
}

// canOnTask reports whether a may use capability c on task t: through its lead org or one of
// its support orgs.
func (s *Server) canOnTask(ctx context.Context, a congtac.Actor, c congtac.Capability, t congtac.Task) (bool, error) {
	orgs := []int64{t.Lead}
	for _, sp := range t.Support {
		orgs = append(orgs, sp.OrgID)
	}
	for _, org := range orgs {
		if ok, err := s.canOn(ctx, a, c, org); ok || err != nil {
			return ok, err
		}
	}
	return false, nil
}
