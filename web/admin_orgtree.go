package web

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"congtac"
)

// orgTree is the whole org tree, read once per request by the administration pages: to
// show it indented, to name orgs, and to decide which orgs an actor's scope reaches without
// a query per org.
type orgTree struct {
	byID  map[int64]congtac.Org
	order []congtac.Org // depth first: each org followed by its children, by position
	depth map[int64]int // 0 for a root
	kids  map[int64][]int64
}

// maxOrgDepth bounds walks up the tree, so that damaged data (a parent loop) cannot hang a
// request.
const maxOrgDepth = 64

// loadOrgTree reads every org, ended ones included.
func (s *Server) loadOrgTree(ctx context.Context) (orgTree, error) {
	orgs, err := s.st.FindOrgs(ctx, congtac.OrgFilter{})
	if err != nil {
		return orgTree{}, fmt.Errorf("web: org tree: %w", err)
	}
	t := orgTree{byID: map[int64]congtac.Org{}, depth: map[int64]int{}, kids: map[int64][]int64{}}
	for _, o := range orgs {
		t.byID[o.ID] = o
	}
	var roots []int64
	for _, o := range orgs { // FindOrgs returns siblings in position order
		if _, ok := t.byID[o.ParentID]; o.ParentID == 0 || !ok {
			roots = append(roots, o.ID)
		} else {
			t.kids[o.ParentID] = append(t.kids[o.ParentID], o.ID)
		}
	}
	var walk func(id int64, depth int)
	walk = func(id int64, depth int) {
		if _, seen := t.depth[id]; seen || depth > maxOrgDepth {
			return
		}
		t.depth[id] = depth
		t.order = append(t.order, t.byID[id])
		for _, k := range t.kids[id] {
			walk(k, depth+1)
		}
	}
	for _, id := range roots {
		walk(id, 0)
	}
	return t, nil
}

// path returns the org's ID and its ancestors' up to the root, as [congtac.Actor.CanOn]
// wants it; nil for an unknown org.
func (t orgTree) path(id int64) []int64 {
	var p []int64
	for o, ok := t.byID[id]; ok && len(p) <= maxOrgDepth; o, ok = t.byID[o.ParentID] {
		p = append(p, o.ID)
		if o.ParentID == 0 {
			break
		}
	}
	return p
}

// reaches reports whether a may use capability c on a record of org id. A record without
// an org (id 0) is reached only by a scope over every org.
func (t orgTree) reaches(a congtac.Actor, c congtac.Capability, id int64) bool {
	if congtac.ScopeOf(a.Role, c) == congtac.ScopeAll {
		return true
	}
	return id != 0 && a.CanOn(c, t.path(id))
}

// requireReach adds a problem to the field org_id unless org exists (0 for none) and a
// may use capability c on it: a record is put only in an org its author manages.
func (t orgTree) requireReach(p *congtac.Problems, a congtac.Actor, c congtac.Capability, org int64) {
	if _, known := t.byID[org]; !t.reaches(a, c, org) || (org != 0 && !known) {
		p.Add("org_id", "Hãy chọn một đơn vị bạn quản lý.")
	}
}

// name returns the org's name, "" for none.
func (t orgTree) name(id int64) string { return t.byID[id].Name }

// choices returns the orgs a may use capability c on, in tree order and indented, as the
// options of a select with selected chosen. Ended orgs are left out: nothing new goes to
// them, unless one is the selected org (a record still in an ended org keeps it until
// someone moves it). With none, the list starts with an empty option labelled none.
func (t orgTree) choices(a congtac.Actor, c congtac.Capability, selected, none string) []option {
	var out []option
	if none != "" {
		out = append(out, option{Value: "", Label: none, Selected: selected == "" || selected == "0"})
	}
	for _, o := range t.order {
		v := strconv.FormatInt(o.ID, 10)
		if (!o.ValidTo.IsZero() && v != selected) || !t.reaches(a, c, o.ID) {
			continue
		}
		out = append(out, option{Value: v, Label: strings.Repeat("— ", t.depth[o.ID]) + o.Name,
			Selected: v == selected})
	}
	return out
}
