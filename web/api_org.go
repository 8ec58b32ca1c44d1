package web

import (
	"bytes"
	"encoding/json"
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
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode((*fields)(u))
}

// orgSchemas returns the schemas of the request bodies above, for the OpenAPI document.
func orgSchemas() map[string]*oaSchema {
	display := schString("Tên ghi trong văn bản như văn phòng viết tắt (Phòng Tài chính - KH); " +
		"bỏ trống: văn bản ghi tên đầy đủ.")
	return map[string]*oaSchema{
		"OrgCreate": schInput("Cơ quan, đơn vị mới dưới một cơ quan cấp trên (0: cấp cao nhất).",
			[]string{"kind", "name"}, oaProps{
				"parent_id": schInt("Cơ quan cấp trên; 0 hoặc bỏ trống: cấp cao nhất."),
				"kind":      schEnum("Loại.", codesOf(congtac.OrgKinds)...), "name": schString("Tên đầy đủ."),
				"short_name":   schString("Tên viết tắt dùng trong ký hiệu văn bản (VP, TCKH)."),
				"display_name": display,
				"valid_from":   schDate("Bắt đầu hoạt động; mặc định hôm nay."),
				"position":     schInt("Thứ tự giữa các đơn vị cùng cấp."),
			}),
		"OrgUpdate": schInput("Các tên cần sửa; trường không gửi hoặc null giữ nguyên. Tên cũ vẫn còn trong nhật ký.",
			[]string{"version"}, oaProps{
				"version": schInt("Phiên bản đã đọc; khác phiên bản hiện tại thì trả về 409."),
				"name":    schString("Tên đầy đủ."), "short_name": schString("Tên viết tắt."), "display_name": display,
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
	if ok, err := s.canOn(ctx, a, congtac.ManageOrgs, o.ParentID); err != nil || !ok {
		s.apiFail(w, r, cmpErr(err, congtac.Errorf(congtac.EFORBIDDEN, "Bạn không quản lý đơn vị cấp trên này.")), 0)
		return
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
	id, ok := s.apiPathID(w, r, "cơ quan, đơn vị")
	if !ok {
		return
	}
	ctx, a := r.Context(), actorOf(r)
	o, err := s.st.FindOrgByID(ctx, id)
	if err == nil {
		var reach bool
		if reach, err = s.canOn(ctx, a, congtac.ManageOrgs, id); err == nil && !reach {
			err = congtac.Errorf(congtac.ENOTFOUND, "Không tìm thấy cơ quan, đơn vị này.")
		}
	}
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api update org: %w", err), 0)
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
	o, err = s.st.UpdateOrg(ctx, a, o.ID, version,
		congtac.OrgUpdate{Name: body.Name, ShortName: body.ShortName, DisplayName: body.DisplayName})
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api update org: %w", err), 0)
		return
	}
	s.writeOrg(w, r, o, http.StatusOK)
}

// writeOrg answers with o as GET /api/v1/orgs lists it, with status and its Location.
func (s *Server) writeOrg(w http.ResponseWriter, r *http.Request, o congtac.Org, status int) {
	w.Header().Set("Location", "/api/v1/orgs/"+strconv.FormatInt(o.ID, 10))
	writeJSON(w, status, newAPIOrg(o, s.today()))
}

// cmpErr returns err when there is one, else refusal.
func cmpErr(err, refusal error) error {
	if err != nil {
		return err
	}
	return refusal
}
