package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"congtac"
)

// Helpers shared by the account and administration forms. Each form keeps what the user
// typed as strings, so that a refused form comes back exactly as it was sent (passwords
// excepted), with the messages of [congtac.FieldErrors] next to its fields.

// pathRecordID returns the {id} of the request's path. An id that is not a positive number
// names no record: ENOTFOUND, like a record that does not exist.
func pathRecordID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, congtac.Errorf(congtac.ENOTFOUND, "Không tìm thấy bản ghi này.")
	}
	return id, nil
}

// formVersion returns the hidden field version, the version of the record the form was
// filled from; a missing or malformed one is EINVALID, since the form did not come from a
// page of ours.
func formVersion(r *http.Request) (int, error) {
	v, err := strconv.Atoi(r.PostFormValue("version"))
	if err != nil || v <= 0 {
		return 0, congtac.Errorf(congtac.EINVALID, "Biểu mẫu thiếu phiên bản của bản ghi. Hãy tải lại trang rồi thử lại.")
	}
	return v, nil
}

// parseFormID reads an ID chosen in a select: "" and "0" give 0 (none chosen); anything
// else that is not a positive number adds a problem to field.
func parseFormID(p *congtac.Problems, field, value string) int64 {
	value = strings.TrimSpace(value)
	if value == "" || value == "0" {
		return 0
	}
	id, err := strconv.ParseInt(value, 10, 64)
	if err != nil || id <= 0 {
		p.Add(field, "Lựa chọn không hợp lệ.")
		return 0
	}
	return id
}

// parseFormInt reads a whole number typed in field; an empty or malformed one adds a
// problem with the field's name in it.
func parseFormInt(p *congtac.Problems, field, label, value string) int {
	n, err := strconv.Atoi(strings.TrimSpace(value))
	if err != nil {
		p.Add(field, "%s phải là một số nguyên.", label)
	}
	return n
}

// parseDayMonthYear reads a date as Vietnamese forms write it, day/month/year: "27/11/2026",
// "5/4/2023"; "-" and "." may stand for "/". The empty string gives the zero Date. A date
// that does not exist ("31/4/2026") or text of another shape is EINVALID.
func parseDayMonthYear(s string) (congtac.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return congtac.Date{}, nil
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '-' || r == '.' })
	bad := congtac.Errorf(congtac.EINVALID, "Ngày “%s” không đúng dạng ngày/tháng/năm, ví dụ 27/11/2026.", s)
	if len(parts) != 3 || len(parts[2]) != 4 {
		return congtac.Date{}, bad
	}
	var n [3]int
	for i, part := range parts {
		v, err := strconv.Atoi(part)
		if err != nil || v < 0 || len(part) > 4 {
			return congtac.Date{}, bad
		}
		n[i] = v
	}
	return congtac.NewDate(n[2], time.Month(n[1]), n[0])
}

// parseFormDate reads a day/month/year date typed in field; a malformed or missing one (when
// required) adds a problem.
func parseFormDate(p *congtac.Problems, field, value string, required bool) congtac.Date {
	d, err := parseDayMonthYear(value)
	switch {
	case err != nil:
		p.Add(field, "%s", congtac.ErrorMessage(err))
	case required && d.IsZero():
		p.Add(field, "Hãy nhập ngày, dạng ngày/tháng/năm.")
	}
	return d
}

// Limits on passwords typed in forms. Longer passwords cost nothing more to hash (argon2id
// reads them once) but nobody types 256 characters; the cap keeps hostile bodies short.
const (
	minPasswordLen = 8
	maxPasswordLen = 256
)

// checkNewPassword adds a problem to field when pw cannot become a password: fewer than
// [minPasswordLen] characters (counted in NFC, as they are hashed) or more than
// [maxPasswordLen].
func checkNewPassword(p *congtac.Problems, field, pw string) {
	switch n := len([]rune(norm.NFC.String(pw))); {
	case n == 0:
		p.Add(field, "Hãy nhập mật khẩu mới.")
	case n < minPasswordLen:
		p.Add(field, "Mật khẩu cần ít nhất %d ký tự.", minPasswordLen)
	case n > maxPasswordLen:
		p.Add(field, "Mật khẩu dài quá %d ký tự.", maxPasswordLen)
	}
}

// formProblems returns the messages of err by field when err is a refusal a form can show
// next to its fields: EINVALID, or ECONFLICT or EFORBIDDEN naming a field (a login already
// taken, a parent org out of reach). Other errors (a record gone, a version conflict, a
// failure) are false: the caller fails the request with them.
func formProblems(err error) (map[string]string, bool) {
	switch congtac.ErrorCode(err) {
	case congtac.EINVALID:
		return congtac.FieldErrors(err), true
	case congtac.ECONFLICT, congtac.EFORBIDDEN: // a conflicting value, a choice out of reach
		if fields := congtac.FieldErrors(err); fields[""] == "" {
			return fields, true
		}
	}
	return nil, false
}

// localStamp returns an instant as the pages show it, in Asia/Ho_Chi_Minh: "27/11/2026
// 09:05"; "" for the zero instant.
func (s *Server) localStamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(s.loc).Format("02/01/2006 15:04")
}
