package web

import (
	"fmt"
	"net/http"

	"congtac"
)

// apiVersions is the history of a program: the versions kept at each lifecycle step and,
// when two were asked for, what changed from the first to the second.
type apiVersions struct {
	ProgramID int64        `json:"program_id"`
	Versions  []apiVersion `json:"versions"`
	A         *int         `json:"a"`
	B         *int         `json:"b"`
	Changes   []apiChange  `json:"changes"`
}

// apiVersion is one kept version, without its content.
type apiVersion struct {
	Number      int     `json:"number"`
	Action      string  `json:"action"`
	ActionLabel string  `json:"action_label"`
	At          *string `json:"at"`
	By          *int64  `json:"by"`
	ByName      string  `json:"by_name"`
	Comment     string  `json:"comment"`
}

// apiChange is one difference between two versions (see [congtac.Diff]).
type apiChange struct {
	Op     string `json:"op"`
	Entity string `json:"entity"`
	ID     *int64 `json:"id"`
	Where  string `json:"where"`
	Field  string `json:"field"`
	Before string `json:"before"`
	After  string `json:"after"`
}

// apiCommentCreate is the body of POST /api/v1/programs/{id}/comments.
type apiCommentCreate struct {
	ItemID int64  `json:"item_id"`
	TaskID int64  `json:"task_id"`
	Text   string `json:"text"`
}

// apiReviewComment is a remark of the signer on a submitted program.
type apiReviewComment struct {
	ID        int64   `json:"id"`
	ProgramID int64   `json:"program_id"`
	Version   int     `json:"version"`
	ItemID    *int64  `json:"item_id"`
	TaskID    *int64  `json:"task_id"`
	Text      string  `json:"text"`
	AuthorID  *int64  `json:"author_id"`
	At        *string `json:"at"`
	Resolved  bool    `json:"resolved"`
}

// versionSchemas returns the schemas of the DTOs above, for the OpenAPI document.
func versionSchemas() map[string]*oaSchema {
	return map[string]*oaSchema{
		"ProgramVersions": schObject("Các phiên bản của chương trình; với a và b, những thay đổi từ a đến b.", oaProps{
			"program_id": schInt("Chương trình."), "versions": schArray(schRef("ProgramVersion")),
			"a": schNullable(schInt("Phiên bản gốc so sánh.")), "b": schNullable(schInt("Phiên bản so với a.")),
			"changes": schNullable(schArray(schRef("Change"))),
		}),
		"ProgramVersion": schObject("Một phiên bản được lưu ở một bước của quy trình.", oaProps{
			"number": schInt("Số phiên bản: 1, 2, …"), "action": schEnum("Bước tạo ra phiên bản.", programActions...),
			"action_label": schString("Tên bước."), "at": schNullable(schDateTime("Lúc")),
			"by": schNullable(schInt("Tài khoản thực hiện.")), "by_name": schString("Tên người thực hiện."),
			"comment": schString("Ý kiến khi trả lại."),
		}),
		"Change": schObject("Một thay đổi giữa hai phiên bản.", oaProps{
			"op":     schEnum("add: thêm; remove: bỏ; change: sửa; move: nhiệm vụ chuyển sang mục khác (before, after: mục cũ, mục mới).", "add", "remove", "change", "move"),
			"entity": schEnum("Phần thay đổi.", "program", "item", "task"), "id": schNullable(schInt("Mã mục hoặc nhiệm vụ.")),
			"where": schString("Vị trí: số mục hoặc đầu nội dung nhiệm vụ."), "field": schString("Trường đã sửa."),
			"before": schString("Trước."), "after": schString("Sau."),
		}),
		"CommentCreate": schInput("Ý kiến khi duyệt, về cả chương trình hoặc một mục hay nhiệm vụ.", []string{"text"}, oaProps{
			"item_id": schInt("Mục được góp ý; 0 hoặc bỏ trống: cả chương trình."), "task_id": schInt("Nhiệm vụ được góp ý."),
			"text": schMax(schString("Ý kiến."), congtac.MaxCommentText),
		}),
		"ReviewComment": schObject("Ý kiến của người duyệt.", oaProps{
			"id": schInt("Mã."), "program_id": schInt("Chương trình."), "version": schInt("Phiên bản được góp ý."),
			"item_id": schNullable(schInt("Mục.")), "task_id": schNullable(schInt("Nhiệm vụ.")), "text": schString("Ý kiến."),
			"author_id": schNullable(schInt("Người góp ý.")), "at": schNullable(schDateTime("Lúc")),
			"resolved": schBool("Văn phòng đã xử lý."),
		}),
	}
}

// handleAPIProgramVersions lists the kept versions of a program whose org is within the
// actor's ViewDrafts reach (else 404), oldest first; with a and b (version numbers, both
// or neither), also the changes from a to b, orgs and leaders by name.
func (s *Server) handleAPIProgramVersions(w http.ResponseWriter, r *http.Request) {
	q, ok := s.apiQueryOf(w, r)
	if !ok {
		return
	}
	na, nb := q.integer("a"), q.integer("b")
	if (na == nil) != (nb == nil) {
		q.problems.Add("b", "Cần cả hai phiên bản a và b để so sánh.")
	}
	if q.fail(s, w, r) {
		return
	}
	p, ok := s.apiProgramToChange(w, r, congtac.ViewDrafts)
	if !ok {
		return
	}
	ctx := r.Context()
	versions, err := s.st.FindProgramVersions(ctx, p.ID)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api versions: %w", err), 0)
		return
	}
	out := apiVersions{ProgramID: p.ID, Versions: []apiVersion{}}
	users := map[int64]string{}
	for _, v := range versions {
		if _, ok := users[v.By]; !ok && v.By != 0 {
			u, err := s.st.FindUserByID(ctx, v.By)
			if err != nil && congtac.ErrorCode(err) != congtac.ENOTFOUND {
				s.apiFail(w, r, fmt.Errorf("web: api versions: %w", err), 0)
				return
			}
			users[v.By] = u.DisplayName
		}
		out.Versions = append(out.Versions, apiVersion{Number: v.Number, Action: string(v.Action),
			ActionLabel: v.Action.Label(), At: apiTime(v.At), By: apiID(v.By), ByName: users[v.By], Comment: v.Comment})
	}
	if na == nil {
		writeJSON(w, http.StatusOK, out)
		return
	}
	a, b := versionNumbered(versions, *na), versionNumbered(versions, *nb)
	if a == nil {
		q.problems.Add("a", "Chương trình không có phiên bản %d.", *na)
	}
	if b == nil {
		q.problems.Add("b", "Chương trình không có phiên bản %d.", *nb)
	}
	if q.fail(s, w, r) {
		return
	}
	changes, err := s.diffVersions(r, a.Content, b.Content)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api versions: %w", err), 0)
		return
	}
	out.A, out.B, out.Changes = &a.Number, &b.Number, changes
	writeJSON(w, http.StatusOK, out)
}

// versionNumbered returns the version of number n, or nil.
func versionNumbered(vs []congtac.ProgramVersion, n int64) *congtac.ProgramVersion {
	for i := range vs {
		if int64(vs[i].Number) == n {
			return &vs[i]
		}
	}
	return nil
}

// diffVersions returns the changes from program a to b, naming orgs and leaders.
func (s *Server) diffVersions(r *http.Request, a, b congtac.Program) ([]apiChange, error) {
	ctx := r.Context()
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		return nil, err
	}
	var leaders []int64
	for _, t := range append(append([]congtac.Task{}, a.Tasks...), b.Tasks...) {
		leaders = append(leaders, t.LeaderID)
	}
	names, err := s.personNames(ctx, leaders...)
	if err != nil {
		return nil, err
	}
	out := []apiChange{}
	for _, c := range congtac.Diff(a, b, orgs.Name, func(id int64) string { return names[id] }) {
		out = append(out, apiChange{Op: c.Op, Entity: c.Entity, ID: apiID(c.ID), Where: c.Where, Field: c.Field,
			Before: c.Before, After: c.After})
	}
	return out, nil
}

// handleAPICommentCreate records a remark of the signer on a submitted program, one of its
// items (item_id) or tasks (task_id), and answers 201 with it. ReviewPrograms must reach
// the program's org; a program not submitted is 422.
func (s *Server) handleAPICommentCreate(w http.ResponseWriter, r *http.Request) {
	p, ok := s.apiProgramToChange(w, r, congtac.ReviewPrograms)
	if !ok {
		return
	}
	var body apiCommentCreate
	if !s.readJSON(w, r, &body) {
		return
	}
	c, err := s.st.AddReviewComment(r.Context(), actorOf(r), congtac.ReviewComment{ProgramID: p.ID,
		ItemID: body.ItemID, TaskID: body.TaskID, Text: body.Text})
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api comment: %w", err), 0)
		return
	}
	w.Header().Set("Location", fmt.Sprintf("/api/v1/programs/%d/comments/%d", p.ID, c.ID))
	writeJSON(w, http.StatusCreated, newAPIReviewComment(c))
}

// newAPIReviewComment returns the DTO of a remark on a program.
func newAPIReviewComment(c congtac.ReviewComment) apiReviewComment {
	return apiReviewComment{ID: c.ID, ProgramID: c.ProgramID, Version: c.Version, ItemID: apiID(c.ItemID),
		TaskID: apiID(c.TaskID), Text: c.Text, AuthorID: apiID(c.AuthorID), At: apiTime(c.At), Resolved: c.Resolved}
}

// handleAPICommentShow answers with a remark on a program whose drafts the actor may read;
// any other is 404.
func (s *Server) handleAPICommentShow(w http.ResponseWriter, r *http.Request) {
	p, ok := apiRecord(s, w, r, "chương trình", s.findVisibleProgram)
	if !ok {
		return
	}
	cid, _ := pathID(r, "comment")
	cs, err := s.st.FindReviewComments(r.Context(), p.ID)
	c, err := withID(cs, err, cid, func(c congtac.ReviewComment) int64 { return c.ID }, "ý kiến")
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api comment: %w", err), 0)
		return
	}
	writeJSON(w, http.StatusOK, newAPIReviewComment(c))
}
