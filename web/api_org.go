package web

import (
	"fmt"
	"net/http"
	"strconv"

	"congtac"
)

// Orgs through the API: an administrator who manages orgs adds them under an org within
// reach and changes their names, as the org page does.

// apiOrgCreate is the body of POST /api/v1/orgs.
type apiOrgCreate struct {
	ParentID    int64  `json:"parent_id"`
	Kind        string `json:"kind"`
	Name        string `json:"name"`
	ShortName   string `json:"short_name"`
	DisplayName string `json:"display_name"`
	ValidFrom   string `json:"valid_from"`
	Position    int    `json:"position"`
}

// apiOrgUpdate is the body of PATCH /api/v1/orgs/{id}: the version read and the names to
// change; a field left out or null stays as it is.
type apiOrgUpdate struct {
	Version     *int    `json:"version"`
	Name        *string `json:"name"`
	ShortName   *string `json:"short_name"`
	DisplayName *string `json:"display_name"`
}

// UnmarshalJSON decodes the fields strictly.
func (u *apiOrgUpdate) UnmarshalJSON(b []byte) error {
	type fields apiOrgUpdate
	return strictJSON(b, (*fields)(u))
}

// apiOrgMerge is the body of POST /api/v1/orgs/{id}/merge.
type apiOrgMerge struct {
	Version     *int   `json:"version"`
	SuccessorID int64  `json:"successor_id"`
	On          string `json:"on"`
}

// apiOrgMerged is the answer of a merge: the ended org and how many open tasks moved.
type apiOrgMerged struct {
	Org        apiOrg `json:"org"`
	TasksMoved int    `json:"tasks_moved"`
}

// orgSchemas returns the schemas of the request bodies above, for the OpenAPI document.
func orgSchemas() map[string]*oaSchema {
	display := schMax(schString("Tên ghi trong văn bản như văn phòng viết tắt (Phòng Tài chính - KH); "+
		"bỏ trống: văn bản ghi tên đầy đủ."), congtac.MaxOrgName)
	return map[string]*oaSchema{
		"OrgCreate": schInput("Cơ quan, đơn vị mới dưới một cơ quan cấp trên (0: cấp cao nhất).",
			[]string{"kind", "name"}, oaProps{
				"parent_id": schInt("Cơ quan cấp trên; 0 hoặc bỏ trống: cấp cao nhất."),
				"kind":      schEnum("Loại.", codesOf(congtac.OrgKinds)...), "name": schMax(schString("Tên đầy đủ."), congtac.MaxOrgName),
				"short_name":   schPattern(schMax(schString("Tên viết tắt dùng trong ký hiệu văn bản (VP, TCKH), không có dấu cách hay dấu /."), congtac.MaxShortName), shortNamePattern),
				"display_name": display,
				"valid_from":   schDate("Bắt đầu hoạt động; mặc định hôm nay."),
				"position":     schInt("Thứ tự giữa các đơn vị cùng cấp."),
			}),
		"OrgUpdate": schPatch("Các tên cần sửa; trường không gửi hoặc null giữ nguyên. Tên cũ vẫn còn trong nhật ký.",
			[]string{"version"}, oaProps{
				"version": schInt("Phiên bản đã đọc; khác phiên bản hiện tại thì trả về 409."),
				"name":    schMax(schString("Tên đầy đủ."), congtac.MaxOrgName), "short_name": schPattern(schMax(schString("Tên viết tắt."), congtac.MaxShortName), shortNamePattern), "display_name": display,
			}),
		"OrgMerge": schInput("Sáp nhập: đơn vị kết thúc hoạt động từ ngày trước ngày on; nhiệm vụ đang thực hiện, "+
			"phần phối hợp chưa xong và nội dung trình hội nghị từ ngày on chuyển sang đơn vị kế thừa.",
			[]string{"version", "successor_id", "on"}, oaProps{
				"version":      schInt("Phiên bản của đơn vị đã đọc; khác phiên bản hiện tại thì trả về 409."),
				"successor_id": schInt("Đơn vị kế thừa, đang hoạt động và trong phạm vi quản lý."),
				"on":           schDate("Ngày đơn vị kế thừa nhận công việc."),
			}),
		"OrgMerged": schObject("Kết quả sáp nhập.", oaProps{
			"org":         schRef("Org"),
			"tasks_moved": schInt("Số nhiệm vụ đang thực hiện đã chuyển sang đơn vị kế thừa."),
		}),
	}
}

// handleAPIOrgCreate adds an org under parent_id and answers 201 with it. ManageOrgs must
// reach the parent (403 otherwise); an unknown parent is 404.
func (s *Server) handleAPIOrgCreate(w http.ResponseWriter, r *http.Request) {
	var body apiOrgCreate
	if !s.readJSON(w, r, &body) {
		return
	}
	var pr congtac.Problems
	o := congtac.Org{ParentID: body.ParentID, Kind: congtac.OrgKind(body.Kind), Name: body.Name,
		ShortName: body.ShortName, DisplayName: body.DisplayName, Position: body.Position, ValidFrom: s.today()}
	if body.ValidFrom != "" {
		o.ValidFrom = bodyDate(&pr, "valid_from", body.ValidFrom)
	}
	if err := pr.Err(); err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	ctx, a := r.Context(), actorOf(r)
	if o.ParentID != 0 {
		if _, err := s.st.FindOrgByID(ctx, o.ParentID); err != nil {
			s.apiFail(w, r, fmt.Errorf("web: api create org: %w", onField(err, "parent_id")), 0)
			return
		}
	}
	o, err := s.st.CreateOrg(ctx, a, o)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api create org: %w", err), 0)
		return
	}
	s.writeOrg(w, r, o, http.StatusCreated)
}

// handleAPIOrgUpdate changes the names sent of an org within the actor's ManageOrgs reach
// (404 outside it), given the version read, and answers with the org.
func (s *Server) handleAPIOrgUpdate(w http.ResponseWriter, r *http.Request) {
	o, ok := apiRecord(s, w, r, "cơ quan, đơn vị", s.managedOrg)
	if !ok {
		return
	}
	var body apiOrgUpdate
	if !s.readJSON(w, r, &body) {
		return
	}
	var pr congtac.Problems
	version := bodyVersion(&pr, body.Version)
	if err := pr.Err(); err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	o, err := s.st.UpdateOrg(r.Context(), actorOf(r), o.ID, version,
		congtac.OrgUpdate{Name: body.Name, ShortName: body.ShortName, DisplayName: body.DisplayName})
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api update org: %w", err), 0)
		return
	}
	s.writeOrg(w, r, o, http.StatusOK)
}

// handleAPIOrgMerge ends an org within the actor's ManageOrgs reach (404 outside it) on the
// day before on and hands its open work to successor_id, which must be within reach too
// (422), given the version read (409), and answers with the ended org and the number of
// open tasks that moved. An org or successor already ended is 422.
func (s *Server) handleAPIOrgMerge(w http.ResponseWriter, r *http.Request) {
	o, ok := apiRecord(s, w, r, "cơ quan, đơn vị", s.managedOrg)
	if !ok {
		return
	}
	var body apiOrgMerge
	if !s.readJSON(w, r, &body) {
		return
	}
	var pr congtac.Problems
	version, on := bodyVersion(&pr, body.Version), bodyRequiredDate(&pr, "on", body.On)
	ctx, a := r.Context(), actorOf(r)
	err := s.checkSuccessor(ctx, a, &pr, body.SuccessorID)
	moved := 0
	if err == nil {
		err = pr.Err()
	}
	if err == nil {
		moved, err = s.st.MergeOrg(ctx, a, o.ID, version, body.SuccessorID, on)
	}
	if err == nil {
		o, err = s.st.FindOrgByID(ctx, o.ID)
	}
	if err != nil {
		err = onField(renameField(err, "successor", "successor_id"), "successor_id")
		s.apiFail(w, r, fmt.Errorf("web: api merge org: %w", err), 0)
		return
	}
	writeJSON(w, http.StatusOK, apiOrgMerged{Org: newAPIOrg(o, s.today()), TasksMoved: moved})
}

// writeOrg answers with o as GET /api/v1/orgs lists it, with status and its Location.
func (s *Server) writeOrg(w http.ResponseWriter, r *http.Request, o congtac.Org, status int) {
	w.Header().Set("Location", "/api/v1/orgs/"+strconv.FormatInt(o.ID, 10))
	writeJSON(w, status, newAPIOrg(o, s.today()))
}
