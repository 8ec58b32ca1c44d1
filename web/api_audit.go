package web

import (
	"encoding/json"
	"fmt"
	"net/http"

	"congtac"
)

// apiAuditEvent is an entry of the audit log. Before and after are the record as JSON, as
// the log keeps it.
type apiAuditEvent struct {
	ID       int64           `json:"id"`
	At       *string         `json:"at"`
	UserID   *int64          `json:"user_id"`
	Action   string          `json:"action"`
	Entity   string          `json:"entity"`
	EntityID *int64          `json:"entity_id"`
	OrgID    *int64          `json:"org_id"`
	Before   json.RawMessage `json:"before"`
	After    json.RawMessage `json:"after"`
	Address  string          `json:"address"`
}

func newAPIAuditEvent(e congtac.AuditEvent) apiAuditEvent {
	return apiAuditEvent{ID: e.ID, At: apiTime(e.At), UserID: apiID(e.UserID), Action: e.Action, Entity: e.Entity,
		EntityID: apiID(e.EntityID), OrgID: apiID(e.OrgID), Before: rawJSON(e.Before), After: rawJSON(e.After),
		Address: e.Address}
}

// rawJSON returns a stored JSON text as it is, null when empty, and as a JSON string when
// it is not JSON.
func rawJSON(s string) json.RawMessage {
	switch {
	case s == "":
		return json.RawMessage("null")
	case json.Valid([]byte(s)):
		return json.RawMessage(s)
	}
	b, _ := json.Marshal(s)
	return b
}

// auditSchemas returns the schemas of the audit log DTOs above, for the OpenAPI document;
// TestSchemasMatchDTOs holds them to the types.
func auditSchemas() map[string]*oaSchema {
	record := &oaSchema{Description: "Bản ghi dạng JSON như nhật ký lưu; null khi không có.", Nullable: true}
	return map[string]*oaSchema{
		"AuditEvent": schObject("Một thao tác trong nhật ký.", oaProps{
			"id": schInt("Mã."), "at": schNullable(schDateTime("Lúc")), "user_id": schNullable(schInt("Tài khoản; null: hệ thống hoặc khách.")),
			"action":    schString("Thao tác: create, update, submit, accept, sign_in, deny …"),
			"entity":    schString("Loại bản ghi: program, task, report, user …"),
			"entity_id": schNullable(schInt("Mã bản ghi.")), "org_id": schNullable(schInt("Đơn vị của bản ghi.")),
			"before": record, "after": record, "address": schString("Địa chỉ máy khách (đăng nhập, từ chối)."),
		}),
	}
}

// handleAPIAuditList lists the audit log, newest first, filtered by user, org,
// entity, entity_id and the days from and to (inclusive, in the committee's time zone).
// Which events the actor sees is the store's rule, as on the audit page.
func (s *Server) handleAPIAuditList(w http.ResponseWriter, r *http.Request) {
	q, ok := s.apiQueryOf(w, r)
	if !ok {
		return
	}
	f := congtac.AuditFilter{UserID: q.id("user"), OrgID: q.id("org"), Entity: q.text("entity"),
		EntityID: q.id("entity_id")}
	if d := q.date("from"); d != nil {
		f.From = ptr(d.In(s.loc, 0, 0))
	}
	if d := q.date("to"); d != nil {
		f.To = ptr(d.AddDays(1).In(s.loc, 0, 0))
	}
	f.Limit, f.Offset = q.page()
	if q.fail(s, w, r) {
		return
	}
	events, total, err := s.st.FindAuditEvents(r.Context(), actorOf(r), f)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api audit: %w", err), 0)
		return
	}
	writeJSON(w, http.StatusOK, newAPIList(events, total, f.Limit, f.Offset, newAPIAuditEvent))
}
