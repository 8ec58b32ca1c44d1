package web

import (
	"context"
	"fmt"
	"net/http"

	"congtac"
)

// apiOrg is an organisation of the tree.
type apiOrg struct {
	ID          int64   `json:"id"`
	ParentID    *int64  `json:"parent_id"`
	Kind        string  `json:"kind"`
	KindLabel   string  `json:"kind_label"`
	Name        string  `json:"name"`
	ShortName   string  `json:"short_name"`
	DisplayName string  `json:"display_name"`
	ValidFrom   *string `json:"valid_from"`
	ValidTo     *string `json:"valid_to"`
	SuccessorID *int64  `json:"successor_id"`
	Active      bool    `json:"active"`
	Version     int     `json:"version"`
}

func newAPIOrg(o congtac.Org, today congtac.Date) apiOrg {
	return apiOrg{ID: o.ID, ParentID: apiID(o.ParentID), Kind: string(o.Kind), KindLabel: o.Kind.Label(),
		Name: o.Name, ShortName: o.ShortName, DisplayName: o.DisplayName, ValidFrom: apiDate(o.ValidFrom),
		ValidTo: apiDate(o.ValidTo), SuccessorID: apiID(o.Successor), Active: o.Active(today), Version: o.Version}
}

// apiPerson is a person of the catalog with the posts held today, and the version a
// change must name.
type apiPerson struct {
	ID       int64     `json:"id"`
	FullName string    `json:"full_name"`
	OrgID    *int64    `json:"org_id"`
	Email    string    `json:"email"`
	Phone    string    `json:"phone"`
	Posts    []apiPost `json:"posts"`
	Version  int       `json:"version"`
}

func newAPIPerson(p congtac.Person, posts []apiPost) apiPerson {
	return apiPerson{ID: p.ID, FullName: p.FullName, OrgID: apiID(p.OrgID), Email: p.Email, Phone: p.Phone,
		Posts: append([]apiPost{}, posts...), Version: p.Version}
}

// apiPost is a post held by a person.
type apiPost struct {
	ID      int64    `json:"id"`
	OrgID   int64    `json:"org_id"`
	Kind    string   `json:"kind"`
	Title   string   `json:"title"`
	Sectors []string `json:"sectors"`
	From    *string  `json:"from"`
	To      *string  `json:"to"`
}

func newAPIPost(p congtac.Post) apiPost {
	return apiPost{ID: p.ID, OrgID: p.OrgID, Kind: string(p.Kind), Title: p.DisplayTitle(),
		Sectors: codesOf(p.Sectors), From: apiDate(p.From), To: apiDate(p.To)}
}

// catalogSchemas returns the schemas of the catalog (orgs, people, posts) DTOs above, for the OpenAPI document;
// TestSchemasMatchDTOs holds them to the types.
func catalogSchemas() map[string]*oaSchema {
	return map[string]*oaSchema{
		"Org": schObject("Cơ quan, đơn vị.", oaProps{
			"id": schInt("Mã."), "parent_id": schNullable(schInt("Cơ quan cấp trên.")),
			"kind": schEnum("Loại.", codesOf(congtac.OrgKinds)...), "kind_label": schString("Tên loại."),
			"name": schString("Tên."), "short_name": schString("Tên viết tắt (dùng trong ký hiệu văn bản)."),
			"display_name": schString("Tên ghi trong văn bản (Phòng Tài chính - KH); rỗng: văn bản ghi tên đầy đủ."),
			"version":      schInt("Phiên bản."),
			"valid_from":   schNullable(schDate("Bắt đầu hoạt động.")), "valid_to": schNullable(schDate("Kết thúc (sáp nhập, giải thể).")),
			"successor_id": schNullable(schInt("Đơn vị kế thừa.")), "active": schBool("Đang hoạt động hôm nay."),
		}),
		"Person": schObject("Cán bộ với các chức vụ đang giữ.", oaProps{
			"id": schInt("Mã."), "full_name": schString("Họ và tên."),
			"org_id": schNullable(schInt("Cơ quan, đơn vị công tác.")),
			"email":  schString("Thư điện tử."), "phone": schString("Điện thoại."), "posts": schArray(schRef("Post")),
			"version": schInt("Phiên bản."),
		}),
		"Post": schObject("Chức vụ.", oaProps{
			"id": schInt("Mã."), "org_id": schInt("Cơ quan, đơn vị."),
			"kind": schEnum("Loại chức vụ.", postKinds...), "title": schString("Chức danh như in trên văn bản."),
			"sectors": schArray(schEnum("Lĩnh vực phụ trách.", codesOf(congtac.Sectors)...)),
			"from":    schNullable(schDate("Từ ngày.")), "to": schNullable(schDate("Đến ngày.")),
		}),
	}
}

// postKinds are the codes of [congtac.PostKind].
var postKinds = []string{string(congtac.PostChairman), string(congtac.PostViceChairman),
	string(congtac.PostMember), string(congtac.PostOfficeHead), string(congtac.PostDeputyOfficeHead),
	string(congtac.PostUnitHead), string(congtac.PostDeputyUnitHead), string(congtac.PostStaff)}

// handleAPIOrgList lists the orgs within the actor's ViewCatalog reach, ended ones
// included, filtered by q (name), kind and parent.
func (s *Server) handleAPIOrgList(w http.ResponseWriter, r *http.Request) {
	q, ok := s.apiQueryOf(w, r)
	if !ok {
		return
	}
	f := congtac.OrgFilter{Query: q.text("q"), ParentID: q.id("parent")}
	if k := q.text("kind"); k != "" {
		f.Kind = ptr(congtac.OrgKind(k))
	}
	limit, offset := q.page()
	if q.fail(s, w, r) {
		return
	}
	orgs, err := s.apiOrgsWithin(r.Context(), actorOf(r), f)
	if err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	writeJSON(w, http.StatusOK, pageOf(orgs, limit, offset, func(o apiOrg) apiOrg { return o }))
}

// handleAPIOrgShow answers with an org within the actor's ViewCatalog reach, as the list
// gives it: what POST /api/v1/orgs names in its Location.
func (s *Server) handleAPIOrgShow(w http.ResponseWriter, r *http.Request) {
	o, ok := apiRecord(s, w, r, "cơ quan, đơn vị", s.findCatalogOrg)
	if ok {
		writeJSON(w, http.StatusOK, newAPIOrg(o, s.today()))
	}
}

// findCatalogOrg returns org id when a's ViewCatalog reaches it, and not found otherwise.
func (s *Server) findCatalogOrg(ctx context.Context, a congtac.Actor, id int64) (congtac.Org, error) {
	o, err := s.st.FindOrgByID(ctx, id)
	return reachable(ctx, s, a, congtac.ViewCatalog, o, err, func(o congtac.Org) int64 { return o.ID }, "cơ quan, đơn vị")
}

// handleAPIPersonList lists the people whose org is within the actor's ViewCatalog reach,
// sorted by given name, filtered by q (name) and org, each with the posts held today.
func (s *Server) handleAPIPersonList(w http.ResponseWriter, r *http.Request) {
	q, ok := s.apiQueryOf(w, r)
	if !ok {
		return
	}
	f := congtac.PersonFilter{Query: q.text("q"), OrgID: q.id("org")}
	limit, offset := q.page()
	if q.fail(s, w, r) {
		return
	}
	people, err := s.apiPeopleWithin(r.Context(), actorOf(r), f)
	if err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	writeJSON(w, http.StatusOK, pageOf(people, limit, offset, func(p apiPerson) apiPerson { return p }))
}

// apiOrgsWithin returns the orgs matching f within a's ViewCatalog reach, in tree order.
func (s *Server) apiOrgsWithin(ctx context.Context, a congtac.Actor, f congtac.OrgFilter) ([]apiOrg, error) {
	orgs, err := s.st.FindOrgs(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("web: api orgs: %w", err)
	}
	x, err := s.loadOrgs(ctx)
	if err != nil {
		return nil, fmt.Errorf("web: api orgs: %w", err)
	}
	out, today := []apiOrg{}, s.today()
	for _, o := range orgs {
		if x.Can(a, congtac.ViewCatalog, o.ID) {
			out = append(out, newAPIOrg(o, today))
		}
	}
	return out, nil
}

// apiPeopleWithin returns the people matching f whose org is within a's ViewCatalog reach,
// sorted by given name, each with the posts held today.
func (s *Server) apiPeopleWithin(ctx context.Context, a congtac.Actor, f congtac.PersonFilter) ([]apiPerson, error) {
	people, err := s.st.FindPeople(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("web: api people: %w", err)
	}
	x, err := s.loadOrgs(ctx)
	if err != nil {
		return nil, fmt.Errorf("web: api people: %w", err)
	}
	today := s.today()
	posts, err := s.st.FindPosts(ctx, congtac.PostFilter{HeldOn: &today})
	if err != nil {
		return nil, fmt.Errorf("web: api people: %w", err)
	}
	held := map[int64][]apiPost{}
	for _, p := range posts {
		held[p.PersonID] = append(held[p.PersonID], newAPIPost(p))
	}
	out := []apiPerson{}
	for _, p := range people {
		if x.Can(a, congtac.ViewCatalog, p.OrgID) {
			out = append(out, newAPIPerson(p, held[p.ID]))
		}
	}
	return out, nil
}
