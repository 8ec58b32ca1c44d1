package web

import (
	"net/http"
	"strings"

	"congtac"
)

// statusOf maps an error to its HTTP status through its [congtac.ErrorCode]. It is the only
// place that does: every handler reports errors through [Server.fail].
func statusOf(err error) int {
	switch congtac.ErrorCode(err) {
	case congtac.EINVALID:
		return http.StatusUnprocessableEntity
	case congtac.ENOTFOUND:
		return http.StatusNotFound
	case congtac.ECONFLICT:
		return http.StatusConflict
	case congtac.EFORBIDDEN:
		return http.StatusForbidden
	}
	return http.StatusInternalServerError
}

// errorHeading returns the heading of the error page for a status.
func errorHeading(status int) string {
	switch status {
	case http.StatusUnprocessableEntity:
		return "Dữ liệu chưa hợp lệ"
	case http.StatusNotFound:
		return "Không tìm thấy trang"
	case http.StatusConflict:
		return "Dữ liệu đã thay đổi"
	case http.StatusForbidden:
		return "Không có quyền truy cập"
	case http.StatusMethodNotAllowed:
		return "Thao tác không được hỗ trợ"
	case http.StatusRequestEntityTooLarge:
		return "Nội dung gửi lên quá lớn"
	case http.StatusBadRequest:
		return "Yêu cầu không hợp lệ"
	}
	return "Lỗi hệ thống"
}

// errorPage is the data of error.html.
type errorPage struct {
	layout
	Status  int
	Message string
}

func (errorPage) template() string { return "error" }

// fail answers a request that failed with err: under /api/, the JSON error of [Server.apiFail];
// otherwise the error page with the status of err's
// code and, for a [congtac.Error], its message. Internal errors are logged with the
// request and shown only as a generic message.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) { s.failWith(w, r, err, 0) }

// failWith answers as [Server.fail] does, with status instead of the status of err's code
// when status is not 0 (405, 413: failures of the request itself rather than of its data).
//
// A request whose client went away ([clientGone]) is not answered: err, most often the
// context's own "context canceled" from the store, is logged at debug level, and the
// request is logged with status 499.
func (s *Server) failWith(w http.ResponseWriter, r *http.Request, err error, status int) {
	if s.leftBeforeAnswer(r, err) {
		return // no one is there to read an answer
	}
	if strings.HasPrefix(r.URL.Path, "/api/") {
		s.apiFail(w, r, err, status) // API clients read JSON, whatever failed: an unknown path, a panic, CSRF
		return
	}
	if status == 0 {
		status = statusOf(err)
	}
	if status == http.StatusInternalServerError {
		s.log.ErrorContext(r.Context(), "request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	page := errorPage{layout: s.layout(r, errorHeading(status)), Status: status,
		Message: congtac.ErrorMessage(err)}
	s.render(w, r, status, page)
}

// handleNotFound answers every URL that [Server.routes] does not list for any method.
func (s *Server) handleNotFound(w http.ResponseWriter, r *http.Request) {
	s.fail(w, r, congtac.Errorf(congtac.ENOTFOUND,
		"Trang bạn tìm không có hoặc đã được chuyển đi. Hãy kiểm tra lại địa chỉ hoặc về trang chủ."))
}

// methodNotAllowed answers a request whose path the route table lists for other methods
// only: 405, with those methods in the Allow header.
func (s *Server) methodNotAllowed(w http.ResponseWriter, r *http.Request, allow []string) {
	w.Header().Set("Allow", strings.Join(allow, ", "))
	s.failWith(w, r, congtac.Errorf(congtac.EINVALID, "Địa chỉ này không nhận thao tác %s; chỉ nhận %s.",
		r.Method, strings.Join(allow, ", ")), http.StatusMethodNotAllowed)
}
