package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"congtac"
	"congtac/vn"
)

// personListPage is the data of admin_people.html: the people within the actor's
// ManagePeople reach, filtered by org and name, the form to add one and, for the person
// chosen with ?edit=ID, the forms to change it and its posts.
type personListPage struct {
	layout
	Query, OrgID string   // the filters as typed
	Orgs         []option // the org filter's options
	Rows         []personRow
	Capped       bool   // more people match than the page shows
	Back         string // the list with the same filters, for links
	Create       personForm
	Edit         *personEdit
}

func (personListPage) template() string { return "admin_people" }

// maxPeopleShown is how many people the list shows; filters find the others.
const maxPeopleShown = 300

// personRow is one person of the list.
type personRow struct {
	ID                      int64
	Name, Org, Email, Phone string
	Posts                   []string // titles of the posts held today
}

// personForm is a person's form as typed.
type personForm struct {
	FullName, OrgID, Email, Phone string
	Version                       int
	Orgs                          []option
	Errors                        map[string]string
}

// personEdit holds the forms of one person.
type personEdit struct {
	ID      int64
	Name    string
	Form    personForm
	Posts   []postRow
	NewPost postForm
}

// CreateFields returns the fields of the form adding a person, as typed, with their messages.
func (p personListPage) CreateFields() []field { return p.Create.fields("new_") }

// FormFields returns the fields of the person's form, as typed, with their messages.
func (p personEdit) FormFields() []field { return p.Form.fields("edit_") }

// fields returns the form's fields, their ids starting with prefix.
func (f personForm) fields(prefix string) []field {
	e := f.Errors
	return []field{
		newField(e, field{ID: prefix + "full_name", Name: "full_name", Label: "Họ và tên", Value: f.FullName, MaxLength: 50,
			Required: true}),
		newField(e, field{Kind: fieldSelect, ID: prefix + "org", Name: "org_id", Label: "Đơn vị công tác", Options: f.Orgs}),
		newField(e, field{ID: prefix + "email", Name: "email", Label: "Thư điện tử", Type: "email", Value: f.Email}),
		newField(e, field{ID: prefix + "phone", Name: "phone", Label: "Điện thoại", Type: "tel", Value: f.Phone}),
	}
}

// fillChoices sets the orgs a person may be put in.
func (f *personForm) fillChoices(a congtac.Actor, tree orgTree) {
	none := ""
	if congtac.ScopeOf(a.Role, congtac.ManagePeople) == congtac.ScopeAll {
		none = "(Chưa thuộc đơn vị nào)"
	}
	f.Orgs = tree.choices(a, congtac.ManagePeople, f.OrgID, none)
}

// personListPageFor returns the people page for the request's filters (org_id, q) with
// empty forms; edit, when not 0, opens the forms of that person, who must be within reach
// (else ENOTFOUND).
func (s *Server) personListPageFor(r *http.Request, edit int64) (personListPage, orgTree, error) {
	ctx, a, q := r.Context(), actorOf(r), r.URL.Query()
	tree, err := s.loadOrgTree(ctx)
	if err != nil {
		return personListPage{}, tree, err
	}
	page := personListPage{layout: s.layout(r, "Cán bộ và chức vụ"), Query: q.Get("q"), OrgID: q.Get("org_id")}
	page.Orgs = tree.choices(a, congtac.ManagePeople, page.OrgID, "(Mọi đơn vị)")
	page.Back = "/admin/people?" + url.Values{"q": {page.Query}, "org_id": {page.OrgID}}.Encode()
	page.Create.fillChoices(a, tree)
	f := congtac.PersonFilter{Query: page.Query}
	if id, err := strconv.ParseInt(page.OrgID, 10, 64); err == nil && id > 0 {
		f.OrgID = &id
	}
	people, err := s.st.FindPeople(ctx, f)
	if err != nil {
		return personListPage{}, tree, fmt.Errorf("web: people: %w", err)
	}
	today := congtac.DateOf(s.cfg.Now(), s.loc)
	posts, err := s.st.FindPosts(ctx, congtac.PostFilter{HeldOn: &today})
	if err != nil {
		return personListPage{}, tree, fmt.Errorf("web: people: %w", err)
	}
	held := map[int64][]string{}
	for _, p := range posts {
		held[p.PersonID] = append(held[p.PersonID], postTitle(p, tree))
	}
	for _, p := range people {
		if !tree.reaches(a, congtac.ManagePeople, p.OrgID) {
			continue
		}
		if len(page.Rows) == maxPeopleShown {
			page.Capped = true
			break
		}
		page.Rows = append(page.Rows, personRow{ID: p.ID, Name: p.FullName, Org: tree.name(p.OrgID),
			Email: p.Email, Phone: p.Phone, Posts: held[p.ID]})
	}
	if edit != 0 {
		if page.Edit, err = s.personEditFor(r, tree, edit); err != nil {
			return personListPage{}, tree, err
		}
	}
	return page, tree, nil
}

// postTitle names a post with its org: "Phó Chủ tịch Thường trực, Ủy ban nhân dân tỉnh".
func postTitle(p congtac.Post, tree orgTree) string {
	if name := tree.name(p.OrgID); name != "" {
		return p.DisplayTitle() + ", " + name
	}
	return p.DisplayTitle()
}

// personEditFor returns the forms of person id, who must be within the actor's reach.
func (s *Server) personEditFor(r *http.Request, tree orgTree, id int64) (*personEdit, error) {
	a := actorOf(r)
	p, err := s.managedPerson(r.Context(), a, tree, id)
	if err != nil {
		return nil, err
	}
	e := &personEdit{ID: p.ID, Name: p.FullName, Form: personForm{FullName: p.FullName,
		OrgID: formIDValue(p.OrgID), Email: p.Email, Phone: p.Phone, Version: p.Version}}
	e.Form.fillChoices(a, tree)
	posts, err := s.st.FindPosts(r.Context(), congtac.PostFilter{PersonID: &p.ID})
	if err != nil {
		return nil, fmt.Errorf("web: person posts: %w", err)
	}
	for _, post := range posts {
		e.Posts = append(e.Posts, newPostRow(post, tree, a))
	}
	e.NewPost = postForm{Kind: string(congtac.PostStaff), OrgID: e.Form.OrgID,
		From: vn.PaddedDate(congtac.DateOf(s.cfg.Now(), s.loc))}
	e.NewPost.fillChoices(a, tree)
	return e, nil
}

// managedPerson returns person id when it is within the actor's ManagePeople reach, else
// ENOTFOUND. The people pages and the API find the people they change through it.
func (s *Server) managedPerson(ctx context.Context, a congtac.Actor, tree orgTree, id int64) (congtac.Person, error) {
	people, err := s.st.FindPeople(ctx, congtac.PersonFilter{ID: &id})
	if err != nil {
		return congtac.Person{}, fmt.Errorf("web: person: %w", err)
	}
	if len(people) == 0 || !tree.reaches(a, congtac.ManagePeople, people[0].OrgID) {
		return congtac.Person{}, congtac.Errorf(congtac.ENOTFOUND, "Không tìm thấy người này.")
	}
	return people[0], nil
}

// formIDValue writes an ID as a form value: "" for none.
func formIDValue(id int64) string {
	if id == 0 {
		return ""
	}
	return strconv.FormatInt(id, 10)
}

// handlePersonList lists people sorted by given name, filtered by the query's org_id and
// q (a name, diacritics optional), with the form to add one; ?edit=ID opens the forms of
// one person.
func (s *Server) handlePersonList(w http.ResponseWriter, r *http.Request) {
	edit, _ := strconv.ParseInt(r.URL.Query().Get("edit"), 10, 64)
	page, _, err := s.personListPageFor(r, edit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, page)
}

// personFromForm reads the fields full_name, org_id, email and phone; the org must be
// within the actor's reach.
func (s *Server) personFromForm(r *http.Request, tree orgTree) (personForm, congtac.Person, congtac.Problems) {
	f := personForm{FullName: r.PostFormValue("full_name"), OrgID: r.PostFormValue("org_id"),
		Email: strings.TrimSpace(r.PostFormValue("email")), Phone: strings.TrimSpace(r.PostFormValue("phone"))}
	var p congtac.Problems
	person := congtac.Person{FullName: f.FullName, OrgID: parseFormID(&p, "org_id", f.OrgID), Email: f.Email, Phone: f.Phone}
	tree.requireReach(&p, actorOf(r), congtac.ManagePeople, person.OrgID)
	return f, person, p
}

// handlePersonCreate adds a person from the fields full_name, org_id, email and phone.
func (s *Server) handlePersonCreate(w http.ResponseWriter, r *http.Request) {
	a := actorOf(r)
	tree, err := s.loadOrgTree(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f, person, p := s.personFromForm(r, tree)
	err = p.Err()
	if err == nil {
		person, err = s.st.CreatePerson(r.Context(), a, person)
	}
	if err != nil {
		s.refusePersonForm(w, r, err, 0, func(page *personListPage, tree orgTree) {
			f.Errors = congtac.FieldErrors(err)
			f.fillChoices(a, tree)
			page.Create = f
		})
		return
	}
	s.flash(r, fmt.Sprintf("Đã thêm %s.", person.FullName))
	http.Redirect(w, r, fmt.Sprintf("/admin/people?edit=%d#sua", person.ID), http.StatusSeeOther)
}

// refusePersonForm answers a refused people form: the people page with the status of err
// and the form filled by fill, or the error page when err is not a form's refusal.
func (s *Server) refusePersonForm(w http.ResponseWriter, r *http.Request, err error, edit int64,
	fill func(*personListPage, orgTree)) {
	if _, ok := formProblems(err); !ok {
		s.fail(w, r, err)
		return
	}
	page, tree, perr := s.personListPageFor(r, edit)
	if perr != nil {
		s.fail(w, r, perr)
		return
	}
	fill(&page, tree)
	s.render(w, r, statusOf(err), page)
}

// handlePersonUpdate changes a person within reach from the fields full_name, org_id,
// email and phone, with the version the form was filled from (409 when it moved).
func (s *Server) handlePersonUpdate(w http.ResponseWriter, r *http.Request) {
	a := actorOf(r)
	tree, err := s.loadOrgTree(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	id, err := pathRecordID(r)
	if err == nil {
		_, err = s.managedPerson(r.Context(), a, tree, id)
	}
	var version int
	if err == nil {
		version, err = formVersion(r)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f, person, p := s.personFromForm(r, tree)
	err = p.Err()
	if err == nil {
		person, err = s.st.UpdatePerson(r.Context(), a, id, version, congtac.PersonUpdate{FullName: &person.FullName,
			OrgID: &person.OrgID, Email: &person.Email, Phone: &person.Phone})
	}
	if err != nil {
		s.refusePersonForm(w, r, err, id, func(page *personListPage, tree orgTree) {
			f.Version, f.Errors = version, congtac.FieldErrors(err)
			f.fillChoices(a, tree)
			page.Edit.Form = f
		})
		return
	}
	s.flash(r, fmt.Sprintf("Đã lưu thông tin của %s.", person.FullName))
	http.Redirect(w, r, fmt.Sprintf("/admin/people?edit=%d#sua", id), http.StatusSeeOther)
}
