package web

import (
	"encoding/json"
	"net/http"

	"congtac"
)

// apiError is the body of every API error: the code of [congtac.Error] and its Vietnamese
// message, and the fields a form would mark.
type apiError struct {
	Code    string            `json:"code"`
	Message string            `json:"message"`
	Fields  map[string]string `json:"fields,omitempty"`
}

// apiFail answers an API request that failed with err, as JSON, with status, or the status
// of err's code when status is 0. Internal errors are logged and never described.
func (s *Server) apiFail(w http.ResponseWriter, r *http.Request, err error, status int) {
	if status == 0 {
		status = statusOf(err)
	}
	if status == http.StatusInternalServerError {
		s.log.ErrorContext(r.Context(), "api request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	body := apiError{Code: congtac.ErrorCode(err), Message: congtac.ErrorMessage(err)}
	if fields := congtac.FieldErrors(err); len(fields) > 0 && fields[""] == "" {
		body.Fields = fields
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="congtac"`)
	}
	writeJSON(w, status, body)
}

// writeJSON writes v as the JSON body with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}
