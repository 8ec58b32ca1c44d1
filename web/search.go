package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"congtac"
	"congtac/vn"
)

// searchShown is how many results of each kind the search page lists.
const searchShown = 20

// searchPage is the data of search.html.
type searchPage struct {
	layout
	Q      string
	Words  bool // the query has words to search for
	Total  int
	Groups []searchGroup
}

func (searchPage) template() string { return "search" }

// searchGroup is the results of one kind: how many match, the first of them, and the list
// that shows them all when there is one.
type searchGroup struct {
	Title string
	Count int
	Items []searchItem
	More  string
}

// searchItem is one result.
type searchItem struct {
	Href, Title, Detail string
}

// handleSearchShow searches the words of q, without regard to diacritics or case and from
// the start of words (see [vn.Contains]), in tasks, programs, meetings, documents, orgs and
// people, each within the reach the actor has on its list: ViewTasks, the programs it may
// read, ViewMeetings, ViewPrograms for issued documents, ViewCatalog for orgs and people.
// Results come grouped with their counts.
func (s *Server) handleSearchShow(w http.ResponseWriter, r *http.Request) {
	ctx, a := r.Context(), actorOf(r)
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	page := searchPage{layout: s.layout(r, "Tìm kiếm"), Q: q, Words: vn.Fold(q) != ""}
	if !page.Words {
		s.render(w, r, http.StatusOK, page)
		return
	}
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, find := range []func(context.Context, congtac.Actor, string, orgIndex) (searchGroup, error){
		s.searchTasks, s.searchPrograms, s.searchMeetings, s.searchDocuments, s.searchOrgs, s.searchPeople,
	} {
		g, err := find(ctx, a, q, orgs)
		if err != nil {
			s.fail(w, r, fmt.Errorf("web: search: %w", err))
			return
		}
		page.Groups = append(page.Groups, g)
		page.Total += g.Count
	}
	s.render(w, r, http.StatusOK, page)
}

// searchTasks finds tasks within a's ViewTasks reach.
func (s *Server) searchTasks(ctx context.Context, a congtac.Actor, q string, orgs orgIndex) (searchGroup, error) {
	tasks, total, err := s.st.FindTasks(ctx, congtac.TaskFilter{Query: q, Reach: a.Reach(congtac.ViewTasks), Limit: searchShown})
	g := searchGroup{Title: "Nhiệm vụ", Count: total, More: "/tasks?q=" + url.QueryEscape(q)}
	for _, t := range tasks {
		g.Items = append(g.Items, searchItem{Href: fmt.Sprintf("/tasks/%d", t.ID), Title: t.Text,
			Detail: "Chủ trì: " + orgs.Name(t.Lead) + "; thời hạn: " + t.Due.Label()})
	}
	return g, err
}

// searchPrograms finds the programs a may read.
func (s *Server) searchPrograms(ctx context.Context, a congtac.Actor, q string, _ orgIndex) (searchGroup, error) {
	ps, total, err := s.st.FindPrograms(ctx, visiblePrograms(a, congtac.ProgramFilter{Query: q, Limit: searchShown}))
	g := searchGroup{Title: "Chương trình công tác", Count: total, More: "/programs?q=" + url.QueryEscape(q)}
	for _, p := range ps {
		row := newProgramRow(p)
		g.Items = append(g.Items, searchItem{Href: fmt.Sprintf("/programs/%d", p.ID), Title: p.Title,
			Detail: row.Period + " — " + row.Status})
	}
	return g, err
}

// searchMeetings finds meetings within a's ViewMeetings reach, by title or place.
func (s *Server) searchMeetings(ctx context.Context, a congtac.Actor, q string, _ orgIndex) (searchGroup, error) {
	ms, total, err := s.st.SearchMeetings(ctx, congtac.MeetingFilter{Query: q, Reach: a.Reach(congtac.ViewMeetings), Limit: searchShown})
	g := searchGroup{Title: "Hội nghị, cuộc họp", Count: total}
	for _, m := range ms {
		g.Items = append(g.Items, searchItem{Href: fmt.Sprintf("/meetings/%d", m.ID), Title: m.Title,
			Detail: dayText(m.Date) + " — " + m.Place})
	}
	return g, err
}

// searchDocuments finds issued documents of orgs within a's ViewPrograms reach.
func (s *Server) searchDocuments(ctx context.Context, a congtac.Actor, q string, _ orgIndex) (searchGroup, error) {
	docs, total, err := s.st.FindDocuments(ctx, congtac.DocumentFilter{Query: q, Reach: a.Reach(congtac.ViewPrograms), Limit: searchShown})
	g := searchGroup{Title: "Văn bản đã ban hành", Count: total}
	for _, d := range docs {
		it := searchItem{Title: d.Code() + " — " + d.Summary, Detail: "Ngày " + vn.ShortDate(d.IssuedOn)}
		switch {
		case d.ProgramID != 0:
			it.Href = fmt.Sprintf("/programs/%d", d.ProgramID)
		case d.MeetingID != 0:
			it.Href = fmt.Sprintf("/meetings/%d", d.MeetingID)
		}
		g.Items = append(g.Items, it)
	}
	return g, err
}

// searchOrgs finds orgs within a's ViewCatalog reach, by name or short name.
func (s *Server) searchOrgs(ctx context.Context, a congtac.Actor, q string, orgs orgIndex) (searchGroup, error) {
	found, err := s.st.FindOrgs(ctx, congtac.OrgFilter{Query: q})
	g := searchGroup{Title: "Cơ quan, đơn vị", More: "/catalog"}
	for _, o := range found {
		if !orgs.Can(a, congtac.ViewCatalog, o.ID) {
			continue
		}
		if g.Count++; g.Count <= searchShown {
			g.Items = append(g.Items, searchItem{Href: "/catalog#org-" + fmt.Sprint(o.ID), Title: o.Name, Detail: o.Kind.Label()})
		}
	}
	return g, err
}

// searchPeople finds people whose org is within a's ViewCatalog reach, by name.
func (s *Server) searchPeople(ctx context.Context, a congtac.Actor, q string, orgs orgIndex) (searchGroup, error) {
	found, err := s.st.FindPeople(ctx, congtac.PersonFilter{Query: q})
	g := searchGroup{Title: "Cán bộ", More: "/catalog#can-bo"}
	for _, p := range found {
		if !orgs.Can(a, congtac.ViewCatalog, p.OrgID) {
			continue
		}
		if g.Count++; g.Count <= searchShown {
			g.Items = append(g.Items, searchItem{Href: "/catalog#person-" + fmt.Sprint(p.ID), Title: p.FullName,
				Detail: orgs.Name(p.OrgID)})
		}
	}
	return g, err
}
