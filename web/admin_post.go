package web

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"congtac"
	"congtac/vn"
)

// postRow is one post of a person, held or ended, with the form to end it.
type postRow struct {
	ID                       int64
	Title, Sectors, From, To string
	Active                   bool
	CanEnd                   bool   // held, and in an org the actor manages
	EndOn                    string // the end form's date as typed
	EndErrors                map[string]string
}

// postForm is the form giving a person a post, as typed.
type postForm struct {
	Kind, Title, OrgID, From string
	Kinds, Orgs, Sectors     []option
	Errors                   map[string]string
}

// EndField returns the date field of the form ending the post, as typed.
func (p postRow) EndField() field {
	return newField(p.EndErrors, field{ID: fmt.Sprintf("end_on_%d", p.ID), Name: "on", Label: "Ngày thôi giữ",
		Value: p.EndOn, Placeholder: "30/06/2026", InputMode: "numeric", Size: 10, Required: true})
}

// postFields are the fields of the form giving a person a post.
type postFields struct {
	Kind, Title, Org field
	Sectors          field // the message on the sectors ticked, for their fieldset
	From             field
}

// Fields returns the form's fields, as typed, with their messages.
func (f postForm) Fields() postFields {
	e := f.Errors
	return postFields{
		Kind: newField(e, field{Kind: fieldSelect, ID: "post_kind", Name: "kind", Label: "Chức vụ", Options: f.Kinds}),
		Title: newField(e, field{ID: "post_title", Name: "title", Label: "Tên chức vụ khi in (để trống: theo chức vụ)",
			Value: f.Title, Placeholder: "Phó Chủ tịch Thường trực"}),
		Org:     newField(e, field{Kind: fieldSelect, ID: "post_org", Name: "org_id", Label: "Tại đơn vị", Options: f.Orgs}),
		Sectors: newField(e, field{ID: "post_sectors", Name: "sectors"}),
		From: newField(e, field{ID: "post_from", Name: "from", Label: "Từ ngày (ngày/tháng/năm)", Value: f.From,
			InputMode: "numeric", Required: true}),
	}
}

// newPostRow returns the row of post p.
func newPostRow(p congtac.Post, tree orgTree, a congtac.Actor) postRow {
	var sectors []string
	for _, sec := range p.Sectors {
		sectors = append(sectors, sec.Label())
	}
	return postRow{ID: p.ID, Title: postTitle(p, tree), Sectors: strings.Join(sectors, ", "),
		From: vn.PaddedDate(p.From), To: vn.PaddedDate(p.To), Active: p.To.IsZero(),
		CanEnd: p.To.IsZero() && tree.reaches(a, congtac.ManagePeople, p.OrgID)}
}

// fillChoices sets the kinds, orgs and sectors the post form offers; sectors keep the
// boxes ticked in checked.
func (f *postForm) fillChoices(a congtac.Actor, tree orgTree, checked ...string) {
	f.Kinds = nil
	for _, k := range []congtac.PostKind{congtac.PostChairman, congtac.PostViceChairman, congtac.PostMember,
		congtac.PostOfficeHead, congtac.PostDeputyOfficeHead, congtac.PostUnitHead, congtac.PostDeputyUnitHead,
		congtac.PostStaff} {
		f.Kinds = append(f.Kinds, option{Value: string(k), Label: k.Title(), Selected: string(k) == f.Kind})
	}
	f.Orgs = tree.choices(a, congtac.ManagePeople, f.OrgID, "")
	f.Sectors = nil
	for _, sec := range congtac.Sectors {
		f.Sectors = append(f.Sectors, option{Value: string(sec), Label: sec.Label(),
			Selected: slices.Contains(checked, string(sec))})
	}
}

// handlePostCreate gives a person within reach a post from the fields kind, title
// (optional, as printed), org_id (within reach), sectors (vice chairmen only) and from
// (day/month/year).
func (s *Server) handlePostCreate(w http.ResponseWriter, r *http.Request) {
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
	if err != nil {
		s.fail(w, r, err)
		return
	}
	r.ParseForm()
	f := postForm{Kind: r.PostFormValue("kind"), Title: strings.TrimSpace(r.PostFormValue("title")),
		OrgID: r.PostFormValue("org_id"), From: r.PostFormValue("from")}
	sectors := r.PostForm["sectors"]
	var p congtac.Problems
	post := congtac.Post{PersonID: id, Kind: congtac.PostKind(f.Kind), Title: f.Title,
		OrgID: parseFormID(&p, "org_id", f.OrgID), From: parseFormDate(&p, "from", f.From, true)}
	for _, sec := range sectors {
		post.Sectors = append(post.Sectors, congtac.Sector(sec))
	}
	checkPost(&p, a, tree, post)
	err = p.Err()
	if err == nil {
		post, err = s.st.CreatePost(r.Context(), a, post)
	}
	if err != nil {
		s.refusePersonForm(w, r, err, id, func(page *personListPage, tree orgTree) {
			f.Errors = congtac.FieldErrors(err)
			f.fillChoices(a, tree, sectors...)
			page.Edit.NewPost = f
		})
		return
	}
	s.flash(r, fmt.Sprintf("Đã thêm chức vụ %s.", post.DisplayTitle()))
	http.Redirect(w, r, fmt.Sprintf("/admin/people?edit=%d#sua", id), http.StatusSeeOther)
}

// checkPost adds the problems of a new post that the page and the API check before the
// store: sectors belong to vice chairmen only, and the org must be one a manages.
func checkPost(p *congtac.Problems, a congtac.Actor, tree orgTree, post congtac.Post) {
	if len(post.Sectors) > 0 && post.Kind != congtac.PostViceChairman {
		p.Add("sectors", "Chỉ Phó Chủ tịch có lĩnh vực phụ trách.")
	}
	if post.OrgID != 0 {
		tree.requireReach(p, a, congtac.ManagePeople, post.OrgID)
	}
}

// handlePostEnd records that the holder left post {id} on the field on (the last day
// held, day/month/year). The hidden field person_id names the holder; the post must be
// that person's and in an org within the actor's reach, else 404. The post stays in
// history.
func (s *Server) handlePostEnd(w http.ResponseWriter, r *http.Request) {
	a := actorOf(r)
	tree, err := s.loadOrgTree(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	post, err := s.managedPost(r, tree)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	onField := r.PostFormValue("on")
	var p congtac.Problems
	on := parseFormDate(&p, "on", onField, true)
	err = p.Err()
	if err == nil {
		err = s.st.EndPost(r.Context(), a, post.ID, on)
	}
	if err != nil {
		s.refusePersonForm(w, r, err, post.PersonID, func(page *personListPage, _ orgTree) {
			for i := range page.Edit.Posts {
				if page.Edit.Posts[i].ID == post.ID {
					page.Edit.Posts[i].EndOn = onField
					page.Edit.Posts[i].EndErrors = relabelField(congtac.FieldErrors(err), "to", "on")
				}
			}
		})
		return
	}
	s.flash(r, fmt.Sprintf("Đã ghi nhận thôi giữ chức vụ %s từ sau ngày %s.", post.DisplayTitle(), vn.PaddedDate(on)))
	http.Redirect(w, r, fmt.Sprintf("/admin/people?edit=%d#sua", post.PersonID), http.StatusSeeOther)
}

// managedPost returns post {id} of the request's path, held by the person of the field
// person_id, when its org is within the actor's ManagePeople reach; else ENOTFOUND.
func (s *Server) managedPost(r *http.Request, tree orgTree) (congtac.Post, error) {
	id, err := pathRecordID(r)
	if err != nil {
		return congtac.Post{}, err
	}
	person, err := strconv.ParseInt(r.PostFormValue("person_id"), 10, 64)
	if err != nil {
		return congtac.Post{}, congtac.Errorf(congtac.ENOTFOUND, "Không tìm thấy chức vụ này.")
	}
	return s.findManagedPost(r.Context(), actorOf(r), tree, congtac.PostFilter{ID: &id, PersonID: &person})
}

// findManagedPost returns the post f selects when its org is within a's ManagePeople
// reach; else ENOTFOUND.
func (s *Server) findManagedPost(ctx context.Context, a congtac.Actor, tree orgTree, f congtac.PostFilter) (congtac.Post, error) {
	posts, err := s.st.FindPosts(ctx, f)
	if err != nil {
		return congtac.Post{}, fmt.Errorf("web: post: %w", err)
	}
	if len(posts) != 1 || !tree.reaches(a, congtac.ManagePeople, posts[0].OrgID) {
		return congtac.Post{}, congtac.Errorf(congtac.ENOTFOUND, "Không tìm thấy chức vụ này.")
	}
	return posts[0], nil
}
