package web

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"strconv"

	"congtac"
)

// People and their posts through the API: what the people page does, for the people and
// orgs within the actor's ManagePeople reach. A person or post outside it is 404; an org
// outside it named in a body is 422 on org_id.

// apiPersonCreate is the body of POST /api/v1/people.
type apiPersonCreate struct {
	FullName string `json:"full_name"`
	OrgID    int64  `json:"org_id"`
	Email    string `json:"email"`
	Phone    string `json:"phone"`
}

// apiPersonUpdate is the body of PATCH /api/v1/people/{id}: the version read and the fields
// to change; a field left out or null stays as it is.
type apiPersonUpdate struct {
	Version  *int    `json:"version"`
	FullName *string `json:"full_name"`
	OrgID    *int64  `json:"org_id"`
	Email    *string `json:"email"`
	Phone    *string `json:"phone"`
}

// apiPostCreate is the body of POST /api/v1/people/{id}/posts.
type apiPostCreate struct {
	Kind    string   `json:"kind"`
	Title   string   `json:"title"`
	OrgID   int64    `json:"org_id"`
	Sectors []string `json:"sectors"`
	From    string   `json:"from"`
}

// apiPostEnd is the body of POST /api/v1/posts/{id}/end.
type apiPostEnd struct {
	On string `json:"on"`
}

// personSchemas returns the schemas of the request bodies above, for the OpenAPI document.
func personSchemas() map[string]*oaSchema {
	person := oaProps{
		"full_name": schMax(schString("Họ và tên, không kèm học hàm, học vị."), congtac.MaxPersonName),
		"org_id":    schInt("Cơ quan, đơn vị công tác, trong phạm vi quản lý; 0: chưa thuộc đơn vị nào (chỉ khi quản lý toàn hệ thống)."),
		"email":     schPattern(schString("Thư điện tử."), emailPattern),
		"phone":     schPattern(schMax(schString("Điện thoại: chữ số, dấu cách và các dấu + - . ( )."), congtac.MaxPhone), phonePattern),
	}
	update := oaProps{"version": schInt("Phiên bản đã đọc; khác phiên bản hiện tại thì trả về 409.")}
	maps.Copy(update, person)
	return map[string]*oaSchema{
		"PersonCreate": schInput("Cán bộ mới.", []string{"full_name"}, person),
		"PersonUpdate": schPatch("Các trường cần sửa; trường không gửi hoặc null giữ nguyên.", []string{"version"}, update),
		"PostCreate": schInput("Chức vụ mới của một cán bộ.", []string{"kind", "org_id", "from"}, oaProps{
			"kind":    schEnum("Loại chức vụ.", postKinds...),
			"title":   schString("Chức danh như in trên văn bản khi khác tên loại (Trưởng Công an xã); bỏ trống: tên loại."),
			"org_id":  schInt("Cơ quan, đơn vị của chức vụ, trong phạm vi quản lý."),
			"sectors": schArray(schEnum("Lĩnh vực phụ trách (chỉ Phó Chủ tịch).", codesOf(congtac.Sectors)...)),
			"from":    schDate("Giữ chức vụ từ ngày."),
		}),
		"PostEnd": schInput("Thôi giữ chức vụ; chức vụ vẫn còn trong lịch sử (khối chữ ký của văn bản đã ký).",
			[]string{"on"}, oaProps{"on": schDate("Ngày cuối cùng giữ chức vụ.")}),
	}
}

// handleAPIPersonCreate adds a person in an org within the actor's ManagePeople reach and
// answers 201 with it.
func (s *Server) handleAPIPersonCreate(w http.ResponseWriter, r *http.Request) {
	var body apiPersonCreate
	if !s.readJSON(w, r, &body) {
		return
	}
	ctx, a := r.Context(), actorOf(r)
	tree, err := s.loadOrgTree(ctx)
	if err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	var pr congtac.Problems
	tree.requireReach(&pr, a, congtac.ManagePeople, body.OrgID)
	p := congtac.Person{FullName: body.FullName, OrgID: body.OrgID, Email: body.Email, Phone: body.Phone}
	err = pr.Err()
	if err == nil {
		p, err = s.st.CreatePerson(ctx, a, p)
	}
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api create person: %w", err), 0)
		return
	}
	s.writePerson(w, r, p, http.StatusCreated)
}

// handleAPIPersonUpdate changes the fields sent of a person within the actor's ManagePeople
// reach, given the version read; a new org must be within reach too.
func (s *Server) handleAPIPersonUpdate(w http.ResponseWriter, r *http.Request) {
	before, tree, ok := s.apiManagedPerson(w, r)
	if !ok {
		return
	}
	ctx, a := r.Context(), actorOf(r)
	var body apiPersonUpdate
	if !s.readJSON(w, r, &body) {
		return
	}
	var pr congtac.Problems
	version := bodyVersion(&pr, body.Version)
	if body.OrgID != nil {
		tree.requireReach(&pr, a, congtac.ManagePeople, *body.OrgID)
	}
	var p congtac.Person
	err := pr.Err()
	if err == nil {
		p, err = s.st.UpdatePerson(ctx, a, before.ID, version, congtac.PersonUpdate{FullName: body.FullName,
			OrgID: body.OrgID, Email: body.Email, Phone: body.Phone})
	}
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api update person: %w", err), 0)
		return
	}
	s.writePerson(w, r, p, http.StatusOK)
}

// apiManagedPerson returns person {id} of the request's path when it is within the
// actor's ManagePeople reach, with the org tree, or answers 404 and returns false.
func (s *Server) apiManagedPerson(w http.ResponseWriter, r *http.Request) (congtac.Person, orgTree, bool) {
	tree, err := s.loadOrgTree(r.Context())
	if err != nil {
		s.apiFail(w, r, err, 0)
		return congtac.Person{}, tree, false
	}
	p, ok := apiRecord(s, w, r, "cán bộ", func(ctx context.Context, a congtac.Actor, id int64) (congtac.Person, error) {
		return s.managedPerson(ctx, a, tree, id)
	})
	return p, tree, ok
}

// writePerson answers with person p as GET /api/v1/people lists it, with status.
func (s *Server) writePerson(w http.ResponseWriter, r *http.Request, p congtac.Person, status int) {
	w.Header().Set("Location", "/api/v1/people/"+strconv.FormatInt(p.ID, 10))
	today := s.today()
	posts, err := s.st.FindPosts(r.Context(), congtac.PostFilter{PersonID: &p.ID, HeldOn: &today})
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api person: %w", err), 0)
		return
	}
	held := make([]apiPost, 0, len(posts))
	for _, post := range posts {
		held = append(held, newAPIPost(post))
	}
	writeJSON(w, status, newAPIPerson(p, held))
}

// handleAPIPersonShow answers with a person whose org is within the actor's ViewCatalog
// reach, with the posts held today, as the list gives them; any other is 404.
func (s *Server) handleAPIPersonShow(w http.ResponseWriter, r *http.Request) {
	p, ok := apiRecord(s, w, r, "cán bộ", func(ctx context.Context, a congtac.Actor, id int64) (congtac.Person, error) {
		p, err := only(s.st.FindPeople(ctx, congtac.PersonFilter{ID: &id}))
		return reachable(ctx, s, a, congtac.ViewCatalog, p, err, func(p congtac.Person) int64 { return p.OrgID }, "cán bộ")
	})
	if ok {
		s.writePerson(w, r, p, http.StatusOK)
	}
}

// handleAPIPostCreate gives a person within the actor's ManagePeople reach a post in an org
// within reach, from the day from, and answers 201 with it. Sectors are for vice chairmen
// only (422).
func (s *Server) handleAPIPostCreate(w http.ResponseWriter, r *http.Request) {
	holder, tree, ok := s.apiManagedPerson(w, r)
	if !ok {
		return
	}
	ctx, a := r.Context(), actorOf(r)
	var body apiPostCreate
	if !s.readJSON(w, r, &body) {
		return
	}
	var pr congtac.Problems
	post := congtac.Post{PersonID: holder.ID, Kind: congtac.PostKind(body.Kind), Title: body.Title, OrgID: body.OrgID,
		From: bodyRequiredDate(&pr, "from", body.From)}
	for _, sec := range body.Sectors {
		post.Sectors = append(post.Sectors, congtac.Sector(sec))
	}
	checkPost(&pr, a, tree, post)
	err := pr.Err()
	if err == nil {
		post, err = s.st.CreatePost(ctx, a, post)
	}
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api create post: %w", err), 0)
		return
	}
	w.Header().Set("Location", "/api/v1/posts/"+strconv.FormatInt(post.ID, 10))
	writeJSON(w, http.StatusCreated, newAPIPost(post))
}

// handleAPIPostShow answers with a post of an org within the actor's ViewCatalog reach;
// any other is 404.
func (s *Server) handleAPIPostShow(w http.ResponseWriter, r *http.Request) {
	post, ok := apiRecord(s, w, r, "chức vụ", func(ctx context.Context, a congtac.Actor, id int64) (congtac.Post, error) {
		post, err := only(s.st.FindPosts(ctx, congtac.PostFilter{ID: &id}))
		return reachable(ctx, s, a, congtac.ViewCatalog, post, err, func(p congtac.Post) int64 { return p.OrgID }, "chức vụ")
	})
	if ok {
		writeJSON(w, http.StatusOK, newAPIPost(post))
	}
}

// handleAPIPostEnd records that the holder left a post of an org within the actor's
// ManagePeople reach (404 outside it) on the day on, the last day held, and answers with
// the post. A post already ended, or a day before it began, is 422.
func (s *Server) handleAPIPostEnd(w http.ResponseWriter, r *http.Request) {
	tree, err := s.loadOrgTree(r.Context())
	if err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	post, ok := apiRecord(s, w, r, "chức vụ", func(ctx context.Context, a congtac.Actor, id int64) (congtac.Post, error) {
		return s.findManagedPost(ctx, a, tree, congtac.PostFilter{ID: &id})
	})
	if !ok {
		return
	}
	var body apiPostEnd
	if !s.readJSON(w, r, &body) {
		return
	}
	var pr congtac.Problems
	on := bodyRequiredDate(&pr, "on", body.On)
	err = pr.Err()
	if err == nil {
		err = s.st.EndPost(r.Context(), actorOf(r), post.ID, on)
	}
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api end post: %w", renameField(err, "to", "on")), 0)
		return
	}
	post.To = on
	writeJSON(w, http.StatusOK, newAPIPost(post))
}
