package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"

	"congtac"
)

// apiItemCreate is the body of POST /api/v1/programs/{id}/items.
type apiItemCreate struct {
	ParentID int64  `json:"parent_id"`
	Position *int   `json:"position"`
	Style    string `json:"style"`
	Heading  string `json:"heading"`
	Text     string `json:"text"`
	Sector   string `json:"sector"`
}

// apiItemUpdate is the body of PATCH /api/v1/items/{id}: the version read and the fields
// to change. sent tells a field given as null (parent_id: to the top level; style: by
// depth; sector: none) from one left out.
type apiItemUpdate struct {
	Version  *int    `json:"version"`
	ParentID *int64  `json:"parent_id"`
	Position *int    `json:"position"`
	Style    *string `json:"style"`
	Heading  *string `json:"heading"`
	Text     *string `json:"text"`
	Sector   *string `json:"sector"`
	sent     map[string]json.RawMessage
}

// UnmarshalJSON decodes the fields strictly and remembers which were sent.
func (u *apiItemUpdate) UnmarshalJSON(b []byte) error {
	type fields apiItemUpdate
	if err := strictJSON(b, (*fields)(u)); err != nil {
		return err
	}
	return json.Unmarshal(b, &u.sent)
}

// itemSchemas returns the schemas of the request bodies above, for the OpenAPI document.
func itemSchemas() map[string]*oaSchema {
	style := schEnum("Kiểu đánh số; bỏ trống: theo cấp (A., 1., 1.1., a)).", append([]string{""}, itemStyles...)...)
	sector := schEnum("Lĩnh vực; bỏ trống: không ghi.", append([]string{""}, codesOf(congtac.Sectors)...)...)
	return map[string]*oaSchema{
		"ItemCreate": schInput("Mục mới của dự thảo: tiêu đề hoặc nội dung, dưới mục cha ở vị trí cho trước.", nil, oaProps{
			"parent_id": schInt("Mục cha; 0 hoặc bỏ trống: cấp cao nhất."),
			"position":  schInt("Thứ tự giữa các mục cùng cấp; bỏ trống: sau mục cuối."),
			"style":     style, "heading": schMax(schString("Tiêu đề."), congtac.MaxTitle), "text": schMax(schString("Nội dung."), congtac.MaxLongText), "sector": sector,
		}),
		"ItemUpdate": schInput("Các trường cần sửa của một mục; parent_id null chuyển lên cấp cao nhất.",
			[]string{"version"}, oaProps{
				"version":   schInt("Phiên bản của mục đã đọc; khác phiên bản hiện tại thì trả về 409."),
				"parent_id": schNullable(schInt("Mục cha.")), "position": schInt("Thứ tự giữa các mục cùng cấp."),
				"style": schNullable(style), "heading": schMax(schString("Tiêu đề."), congtac.MaxTitle), "text": schMax(schString("Nội dung."), congtac.MaxLongText),
				"sector": schNullable(sector),
			}),
	}
}

// handleAPIItemCreate adds an item to a draft or returned program under parent_id (0: the
// top level) at position (default: after its last sibling), and answers 201 with it,
// numbered. DraftPrograms must reach the program's org.
func (s *Server) handleAPIItemCreate(w http.ResponseWriter, r *http.Request) {
	p, ok := s.apiProgramToChange(w, r, congtac.DraftPrograms)
	if !ok {
		return
	}
	var body apiItemCreate
	if !s.readJSON(w, r, &body) {
		return
	}
	it := congtac.Item{ProgramID: p.ID, ParentID: body.ParentID, Style: congtac.NumberStyle(body.Style),
		Heading: body.Heading, Text: body.Text, Sector: congtac.Sector(body.Sector)}
	if body.Position != nil {
		it.Position = *body.Position
	} else {
		it.Position = lastPosition(p.Items, body.ParentID) + 1
	}
	ctx, a := r.Context(), actorOf(r)
	it, err := s.st.CreateItem(ctx, a, it)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api create item: %w", err), 0)
		return
	}
	s.writeItem(w, r, it.ID, http.StatusCreated)
}

// lastPosition returns the highest position among the items under parent, 0 for none.
func lastPosition(items []congtac.Item, parent int64) int {
	n := 0
	for _, it := range items {
		if it.ParentID == parent {
			n = max(n, it.Position)
		}
	}
	return n
}

// writeItem answers with item id, numbered among its siblings, with status.
func (s *Server) writeItem(w http.ResponseWriter, r *http.Request, id int64, status int) {
	it, err := s.st.FindItemByID(r.Context(), id)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api item: %w", err), 0)
		return
	}
	w.Header().Set("Location", "/api/v1/items/"+strconv.FormatInt(id, 10))
	writeJSON(w, status, newAPIItem(it))
}

// apiItemToChange returns the item of the request's path and its program for a change of
// the program's content, or answers 404 or 403 and returns false.
func (s *Server) apiItemToChange(w http.ResponseWriter, r *http.Request) (congtac.Item, bool) {
	id, ok := s.apiPathID(w, r, "mục")
	if !ok {
		return congtac.Item{}, false
	}
	it, _, err := s.findItemToChange(r.Context(), actorOf(r), id)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api item: %w", err), 0)
		return it, false
	}
	return it, true
}

// handleAPIItemShow answers with an item of a program the actor may read, numbered: what
// POST /api/v1/programs/{id}/items names in its Location.
func (s *Server) handleAPIItemShow(w http.ResponseWriter, r *http.Request) {
	if it, ok := apiRecord(s, w, r, "mục", s.findVisibleItem); ok {
		writeJSON(w, http.StatusOK, newAPIItem(it))
	}
}

// handleAPIItemUpdate changes the fields sent of an item (moving it with parent_id and
// position), given the version read, and answers with it, numbered anew.
func (s *Server) handleAPIItemUpdate(w http.ResponseWriter, r *http.Request) {
	it, ok := s.apiItemToChange(w, r)
	if !ok {
		return
	}
	var body apiItemUpdate
	if !s.readJSON(w, r, &body) {
		return
	}
	var pr congtac.Problems
	version := bodyVersion(&pr, body.Version)
	if err := pr.Err(); err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	if _, ok := body.sent["parent_id"]; ok {
		it.ParentID = deref(body.ParentID)
	}
	if _, ok := body.sent["style"]; ok {
		it.Style = congtac.NumberStyle(deref(body.Style))
	}
	if _, ok := body.sent["sector"]; ok {
		it.Sector = congtac.Sector(deref(body.Sector))
	}
	it.Position = patched(body.Position, it.Position)
	it.Heading, it.Text = patched(body.Heading, it.Heading), patched(body.Text, it.Text)
	if _, err := s.st.UpdateItem(r.Context(), actorOf(r), it, version); err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api update item: %w", err), 0)
		return
	}
	s.writeItem(w, r, it.ID, http.StatusOK)
}

// patched returns *p, or v when p is nil: a field a PATCH left out keeps its value v.
func patched[T any](p *T, v T) T {
	if p == nil {
		return v
	}
	return *p
}

// handleAPIItemDelete removes an item with its sub-items and their tasks from a draft or
// returned program, given the version read in the query, and answers 204.
func (s *Server) handleAPIItemDelete(w http.ResponseWriter, r *http.Request) {
	q, ok := s.apiQueryOf(w, r)
	if !ok {
		return
	}
	version := q.integer("version")
	if q.fail(s, w, r) {
		return
	}
	it, ok := s.apiItemToChange(w, r)
	if !ok {
		return
	}
	if err := s.st.DeleteItem(r.Context(), actorOf(r), it.ID, int(*version)); err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api delete item: %w", err), 0)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
