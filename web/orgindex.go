package web

import (
	"context"
	"fmt"
	"slices"

	"congtac"
)

// orgIndex holds every org of the store, current and ended, loaded once per request: names
// for pages and the API, and ancestry paths for scope checks without a query per record.
type orgIndex struct {
	byID     map[int64]congtac.Org
	children map[int64][]congtac.Org // by parent ID (0 for roots), in FindOrgs order
}

// loadOrgs returns the index of every org.
func (s *Server) loadOrgs(ctx context.Context) (orgIndex, error) {
	orgs, err := s.st.FindOrgs(ctx, congtac.OrgFilter{})
	if err != nil {
		return orgIndex{}, fmt.Errorf("web: load orgs: %w", err)
	}
	x := orgIndex{byID: make(map[int64]congtac.Org, len(orgs)), children: map[int64][]congtac.Org{}}
	for _, o := range orgs {
		x.byID[o.ID] = o
	}
	for _, o := range orgs {
		parent := o.ParentID
		if _, ok := x.byID[parent]; !ok {
			parent = 0 // an org whose parent is missing is shown as a root
		}
		x.children[parent] = append(x.children[parent], o)
	}
	return x, nil
}

// Org returns the org of id and whether it exists.
func (x orgIndex) Org(id int64) (congtac.Org, bool) {
	o, ok := x.byID[id]
	return o, ok
}

// Name returns the org's name, or "" for 0 or an unknown ID.
func (x orgIndex) Name(id int64) string { return x.byID[id].Name }

// Names returns the names of the orgs, in the order given, leaving out unknown IDs.
func (x orgIndex) Names(ids []int64) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if o, ok := x.byID[id]; ok {
			out = append(out, o.Name)
		}
	}
	return out
}

// Path returns the org's ID followed by its ancestors' up to the root, as
// [congtac.Actor.CanOn] takes it; nil for an unknown ID. A parent cycle ends the path.
func (x orgIndex) Path(id int64) []int64 {
	var path []int64
	for o, ok := x.byID[id]; ok && len(path) <= len(x.byID); o, ok = x.byID[o.ParentID] {
		path = append(path, o.ID)
		if o.ParentID == 0 {
			break
		}
	}
	return path
}

// Can reports whether a may use capability c on a record of org id, as the store's
// Reaches does, without a query.
func (x orgIndex) Can(a congtac.Actor, c congtac.Capability, id int64) bool {
	if congtac.ScopeOf(a.Role, c) == congtac.ScopeAll {
		return true
	}
	path := x.Path(id)
	return path != nil && a.CanOn(c, path)
}

// CanOnTask reports whether a may use capability c on task t through one of its orgs
// ([congtac.Task.OrgIDs]), as the store's Reaches does, without a query.
func (x orgIndex) CanOnTask(a congtac.Actor, c congtac.Capability, t congtac.Task) bool {
	return slices.ContainsFunc(t.OrgIDs(), func(id int64) bool { return x.Can(a, c, id) })
}

// orgNode is an org in tree order with its depth (0 for a root).
type orgNode struct {
	congtac.Org
	Depth int
}

// Tree returns the orgs active on day on (every org for the zero Date) depth first, siblings
// in their order, keeping only those for which keep returns true (nil keeps all). The
// children of an org left out keep the depth they would have had.
func (x orgIndex) Tree(on congtac.Date, keep func(congtac.Org) bool) []orgNode {
	var out []orgNode
	seen := map[int64]bool{}
	var walk func(parent int64, depth int)
	walk = func(parent int64, depth int) {
		for _, o := range x.children[parent] {
			if seen[o.ID] || (!on.IsZero() && !o.Active(on)) {
				continue
			}
			seen[o.ID] = true
			if keep == nil || keep(o) {
				out = append(out, orgNode{Org: o, Depth: depth})
			}
			walk(o.ID, depth+1)
		}
	}
	walk(0, 0)
	return out
}

// Within returns the orgs active on day on that a may use capability c on, in tree order:
// the choices of an org filter or field.
func (x orgIndex) Within(a congtac.Actor, c congtac.Capability, on congtac.Date) []orgNode {
	return x.Tree(on, func(o congtac.Org) bool { return x.Can(a, c, o.ID) })
}

// CommitteeOf returns the nearest committee at or above org id: whose calendar and programs
// a unit follows. It returns the root of the org's tree when no committee is on the way,
// and 0 for an unknown ID.
func (x orgIndex) CommitteeOf(id int64) int64 {
	path := x.Path(id)
	for _, p := range path {
		if x.byID[p].Kind == congtac.OrgCommittee {
			return p
		}
	}
	if len(path) == 0 {
		return 0
	}
	return path[len(path)-1]
}
