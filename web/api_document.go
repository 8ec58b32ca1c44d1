package web

import (
	"context"
	"fmt"
	"net/http"

	"congtac"
)

// apiDocument is an entry of the outgoing register: an issued, numbered document.
type apiDocument struct {
	ID         int64        `json:"id"`
	OrgID      int64        `json:"org_id"`
	RegisterID int64        `json:"register_id"`
	Type       string       `json:"type"`
	TypeName   string       `json:"type_name"`
	Number     int          `json:"number"`
	Symbol     string       `json:"symbol"`
	Code       string       `json:"code"`
	IssuedOn   *string      `json:"issued_on"`
	Place      string       `json:"place"`
	Summary    string       `json:"summary"`
	Signature  apiSignature `json:"signature"`
	Recipients []string     `json:"recipients"`
	Copies     int          `json:"copies"`
	Keeper     string       `json:"keeper"`
	ProgramID  *int64       `json:"program_id"`
	MeetingID  *int64       `json:"meeting_id"`
	IssuedBy   *int64       `json:"issued_by"`
	IssuedAt   *string      `json:"issued_at"`
	SentOn     *string      `json:"sent_on"`
	Note       string       `json:"note"`
}

func newAPIDocument(d congtac.Document) apiDocument {
	return apiDocument{ID: d.ID, OrgID: d.OrgID, RegisterID: d.RegisterID, Type: string(d.Type),
		TypeName: d.Type.Name(), Number: d.Number, Symbol: d.Symbol, Code: d.Code(), IssuedOn: apiDate(d.IssuedOn),
		Place: d.Place, Summary: d.Summary, Signature: newAPISignature(d.Signature),
		Recipients: append([]string{}, d.Recipients...), Copies: d.Copies, Keeper: d.Keeper,
		ProgramID: apiID(d.ProgramID), MeetingID: apiID(d.MeetingID), IssuedBy: apiID(d.IssuedBy),
		IssuedAt: apiTime(d.IssuedAt), SentOn: apiDate(d.SentOn), Note: d.Note}
}

// documentSchemas returns the schemas of the register DTOs above, for the OpenAPI document;
// TestSchemasMatchDTOs holds them to the types.
func documentSchemas() map[string]*oaSchema {
	return map[string]*oaSchema{
		"Document": schObject("Văn bản đi đã cấp số.", oaProps{
			"id": schInt("Mã."), "org_id": schInt("Cơ quan ban hành."), "register_id": schInt("Sổ đăng ký."),
			"type":      schEnum("Loại văn bản (ký hiệu); chuỗi rỗng là công văn.", append([]string{""}, documentTypes...)...),
			"type_name": schString("Tên loại văn bản."), "number": schInt("Số."), "symbol": schString("Ký hiệu: CTr-UBND."),
			"code": schString("Số, ký hiệu: 05/CTr-UBND."), "issued_on": schNullable(schDate("Ngày ban hành.")),
			"place": schString("Địa danh."), "summary": schString("Trích yếu."), "signature": schRef("Signature"),
			"recipients": schArray(schString("Nơi nhận.")), "copies": schInt("Số bản."), "keeper": schString("Nơi lưu."),
			"program_id": schNullable(schInt("Chương trình.")), "meeting_id": schNullable(schInt("Hội nghị.")),
			"issued_by": schNullable(schInt("Tài khoản cấp số.")), "issued_at": schNullable(schDateTime("Cấp số lúc")),
			"sent_on": schNullable(schDate("Ngày gửi.")), "note": schString("Ghi chú."),
		}),
	}
}

// handleAPIDocumentShow answers with a document of the outgoing register of an org within
// the actor's ViewPrograms reach; any other is 404.
func (s *Server) handleAPIDocumentShow(w http.ResponseWriter, r *http.Request) {
	d, ok := apiRecord(s, w, r, "văn bản", func(ctx context.Context, a congtac.Actor, id int64) (congtac.Document, error) {
		docs, _, err := s.st.FindDocuments(ctx, congtac.DocumentFilter{ID: &id, Reach: a.Reach(congtac.ViewPrograms), Limit: 1})
		if err == nil && len(docs) != 1 {
			err = notFoundFor("văn bản")
		}
		if err != nil {
			return congtac.Document{}, err
		}
		return docs[0], nil
	})
	if ok {
		writeJSON(w, http.StatusOK, newAPIDocument(d))
	}
}

// handleAPIDocumentList lists the outgoing register of orgs within the actor's ViewPrograms
// reach, newest first, filtered by year, type, org and q.
func (s *Server) handleAPIDocumentList(w http.ResponseWriter, r *http.Request) {
	q, ok := s.apiQueryOf(w, r)
	if !ok {
		return
	}
	f := congtac.DocumentFilter{Year: q.year("year"), OrgID: q.id("org"), Query: q.text("q"),
		Reach: actorOf(r).Reach(congtac.ViewPrograms)}
	if t := q.text("type"); t != "" {
		f.Type = ptr(congtac.DocType(t))
	}
	f.Limit, f.Offset = q.page()
	if q.fail(s, w, r) {
		return
	}
	docs, total, err := s.st.FindDocuments(r.Context(), f)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api documents: %w", err), 0)
		return
	}
	writeJSON(w, http.StatusOK, newAPIList(docs, total, f.Limit, f.Offset, newAPIDocument))
}
