package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"

	"congtac"
)

// apiToken is a personal API token as its owner sees it: never the token itself.
type apiToken struct {
	ID         int64   `json:"id"`
	Name       string  `json:"name"`
	CreatedAt  *string `json:"created_at"`
	LastUsedAt *string `json:"last_used_at"`
	RevokedAt  *string `json:"revoked_at"`
	Active     bool    `json:"active"`
}

func newAPIToken(t congtac.APIToken) apiToken {
	return apiToken{ID: t.ID, Name: t.Name, CreatedAt: apiTime(t.CreatedAt), LastUsedAt: apiTime(t.LastUsedAt),
		RevokedAt: apiTime(t.RevokedAt), Active: t.Active()}
}

// apiNewToken is a token just created, with the raw token shown this once.
type apiNewToken struct {
	apiToken
	Token string `json:"token"`
}

// apiTokenCreate is the body of POST /api/v1/tokens.
type apiTokenCreate struct {
	Name string `json:"name"`
}

// tokenSchemas returns the schemas of the token DTOs above, for the OpenAPI document;
// TestSchemasMatchDTOs holds them to the types.
func tokenSchemas() map[string]*oaSchema {
	token := schObject("Mã truy cập cá nhân (không bao giờ kèm mã).", oaProps{
		"id": schInt("Mã."), "name": schString("Tên do người dùng đặt."), "created_at": schNullable(schDateTime("Tạo lúc")),
		"last_used_at": schNullable(schDateTime("Dùng lần cuối lúc (chính xác đến phút)")),
		"revoked_at":   schNullable(schDateTime("Thu hồi lúc")), "active": schBool("Còn dùng được."),
	})
	return map[string]*oaSchema{
		"Token": token,
		"NewToken": schExtend(token, "Mã truy cập vừa tạo, kèm mã chỉ hiển thị một lần này.", oaProps{
			"token": schString("Mã truy cập, gửi trong Authorization: Bearer. Không xem lại được."),
		}),
		"TokenCreate": schInput("Mã truy cập mới.", []string{"name"}, oaProps{
			"name": schPattern(schLength(schString(fmt.Sprintf("Tên gợi nhớ, 1 đến %d ký tự, không chỉ có khoảng trắng.",
				congtac.MaxAPITokenName)), 1, congtac.MaxAPITokenName), `\S`),
		}),
	}
}

// handleAPITokenList lists the caller's own tokens, newest first, revoked ones included.
func (s *Server) handleAPITokenList(w http.ResponseWriter, r *http.Request) {
	q, ok := s.apiQueryOf(w, r)
	if !ok {
		return
	}
	limit, offset := q.page()
	if q.fail(s, w, r) {
		return
	}
	tokens, err := s.st.FindAPITokens(r.Context(), actorOf(r).UserID)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api tokens: %w", err), 0)
		return
	}
	writeJSON(w, http.StatusOK, pageOf(tokens, limit, offset, newAPIToken))
}

// handleAPITokenCreate gives the caller a new token named name and answers 201 with the
// raw token, which is never shown again; 422 for a missing or long name, or when the
// caller already holds the most active tokens allowed.
func (s *Server) handleAPITokenCreate(w http.ResponseWriter, r *http.Request) {
	var body apiTokenCreate
	if !s.readJSON(w, r, &body) {
		return
	}
	a := actorOf(r)
	t, raw, err := s.st.CreateAPIToken(r.Context(), a, a.UserID, body.Name)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api create token: %w", err), 0)
		return
	}
	w.Header().Set("Location", "/api/v1/tokens/"+strconv.FormatInt(t.ID, 10))
	writeJSON(w, http.StatusCreated, apiNewToken{apiToken: newAPIToken(t), Token: raw})
}

// handleAPITokenShow answers with one of the caller's tokens (never the token itself); a
// token of another user is 404.
func (s *Server) handleAPITokenShow(w http.ResponseWriter, r *http.Request) {
	t, ok := apiRecord(s, w, r, "mã truy cập", func(ctx context.Context, a congtac.Actor, id int64) (congtac.APIToken, error) {
		tokens, err := s.st.FindAPITokens(ctx, a.UserID)
		if err != nil {
			return congtac.APIToken{}, err
		}
		for _, t := range tokens {
			if t.ID == id {
				return t, nil
			}
		}
		return congtac.APIToken{}, notFoundFor("mã truy cập")
	})
	if ok {
		writeJSON(w, http.StatusOK, newAPIToken(t))
	}
}

// handleAPITokenRevoke revokes one of the caller's tokens for good and answers 204; a
// token of another user is 404. Revoking a revoked token is no error.
func (s *Server) handleAPITokenRevoke(w http.ResponseWriter, r *http.Request) {
	id, ok := s.apiPathID(w, r, "mã truy cập")
	if !ok {
		return
	}
	a := actorOf(r)
	if err := s.st.RevokeAPIToken(r.Context(), a, a.UserID, id); err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api revoke token: %w", err), 0)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusNoContent)
}
