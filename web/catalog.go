package web

import (
	"net/http"
	"strings"

	"congtac"
	"congtac/vn"
)

// catalogPage is the data of catalog.html.
type catalogPage struct {
	layout
	Orgs   []catalogOrg
	People []catalogPerson
}

func (catalogPage) template() string { return "catalog" }

// catalogOrg is an org of the tree with the orgs below it.
type catalogOrg struct {
	ID          int64
	Name, Short string
	Kind        string
	Children    []catalogOrg
}

// catalogPerson is a person with the posts held today.
type catalogPerson struct {
	ID           int64
	Name, Org    string
	Posts        []string // "Phó Chủ tịch Thường trực, Ủy ban nhân dân tỉnh Sơn Hà"
	Email, Phone string
}

// handleCatalogShow shows the tree of orgs active today and the people with the posts they
// hold, sorted by given name the Vietnamese way, each within the actor's ViewCatalog reach.
func (s *Server) handleCatalogShow(w http.ResponseWriter, r *http.Request) {
	ctx, a, today := r.Context(), actorOf(r), s.today()
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	people, err := s.st.FindPeople(ctx, congtac.PersonFilter{})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	posts, err := s.st.FindPosts(ctx, congtac.PostFilter{HeldOn: &today})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	byPerson := map[int64][]string{}
	for _, p := range posts {
		byPerson[p.PersonID] = append(byPerson[p.PersonID], postText(p, orgs.Name(p.OrgID)))
	}
	page := catalogPage{layout: s.layout(r, "Danh mục cơ quan, đơn vị và cán bộ"),
		Orgs: catalogTree(orgs, 0, func(o congtac.Org) bool { // a group is a name for units, not one
			return o.Active(today) && !o.IsGroup() && orgs.Can(a, congtac.ViewCatalog, o.ID)
		})}
	for _, p := range people {
		if orgs.Can(a, congtac.ViewCatalog, p.OrgID) {
			page.People = append(page.People, catalogPerson{ID: p.ID, Name: p.FullName, Org: orgs.Name(p.OrgID),
				Posts: byPerson[p.ID], Email: p.Email, Phone: p.Phone})
		}
	}
	vn.SortPeopleFunc(page.People, func(p catalogPerson) string { return p.Name })
	s.render(w, r, http.StatusOK, page)
}

// catalogTree returns the orgs under parent that keep accepts, each with its own subtree.
// The kept orgs below one left out take its place, so that a unit whose committee is out
// of reach still shows.
func catalogTree(orgs orgIndex, parent int64, keep func(congtac.Org) bool) []catalogOrg {
	var out []catalogOrg
	for _, o := range orgs.children[parent] {
		kids := catalogTree(orgs, o.ID, keep)
		if !keep(o) {
			out = append(out, kids...)
			continue
		}
		out = append(out, catalogOrg{ID: o.ID, Name: o.Name, Short: strings.TrimSpace(o.ShortName),
			Kind: o.Kind.Label(), Children: kids})
	}
	return out
}

// postText returns a post as the catalog shows it: its title and org, "Phó Chủ tịch, Ủy ban
// nhân dân tỉnh Sơn Hà", or the title alone when it names the org already.
func postText(p congtac.Post, org string) string {
	if org == "" || strings.Contains(vn.Fold(p.DisplayTitle()), vn.Fold(org)) {
		return p.DisplayTitle()
	}
	return p.DisplayTitle() + ", " + org
}
