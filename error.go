package congtac

import (
	"errors"
	"fmt"
)

// Error codes. They are few on purpose: each maps to one HTTP status and one way for a user to
// react.
const (
	EINVALID   = "invalid"   // the input breaks a rule; Message says which, in Vietnamese
	ENOTFOUND  = "not_found" // the record does not exist or the user may not know it exists
	ECONFLICT  = "conflict"  // the record changed since it was read (version) or a unique key clashed
	EFORBIDDEN = "forbidden" // the user's role or organisation does not allow the action
	EINTERNAL  = "internal"  // anything else; its message is never shown
)

// Error is an application error whose Message is safe to show to users, in Vietnamese.
// Field, when set, names the input field the message belongs to, so that forms can place it.
type Error struct {
	Code    string
	Message string
	Field   string
}

// Error implements the error interface.
func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("congtac: %s: %s: %s", e.Code, e.Field, e.Message)
	}
	return fmt.Sprintf("congtac: %s: %s", e.Code, e.Message)
}

// Errorf returns an [Error] with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// StatusError returns the EINVALID [Error] refusing an action on a record because of its
// status: "Chương trình đang ở trạng thái “Đã ban hành”, không sửa được." The status is
// quoted by its label, whatever it is ("Dự thảo", "Hủy", "Trả lại"), since no sentence
// reads right with every label fitted into it ("đã đã ban hành", "Hội nghị hủy").
func StatusError(record, label, refused string) *Error {
	return Errorf(EINVALID, "%s đang ở trạng thái “%s”, %s.", record, label, refused)
}

// FieldError returns an EINVALID [Error] attached to a form field.
func FieldError(field, format string, args ...any) *Error {
	return &Error{Code: EINVALID, Field: field, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first [Error] in err's chain, EINTERNAL for any other
// non-nil error and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	var v *ValidationError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	case errors.As(err, &v):
		return EINVALID
	}
	return EINTERNAL
}

// InternalMessage is what users read instead of the text of an internal error: never the
// cause.
const InternalMessage = "Đã có lỗi trong hệ thống. Vui lòng thử lại sau hoặc báo cho quản trị viên."

// ErrorMessage returns the message of the first [Error] in err's chain, or a generic
// Vietnamese message for an EINTERNAL [Error] or any other error, never its internals.
func ErrorMessage(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e) && e.Code != EINTERNAL:
		return e.Message
	}
	return InternalMessage
}

// safeMessage is e's message, or the generic one when e is internal.
func (e *Error) safeMessage() string {
	if e.Code == EINTERNAL {
		return InternalMessage
	}
	return e.Message
}

// Problems collects several field errors from one validation so that a form can show every
// message at once. Its zero value is ready to use.
type Problems []*Error

// Add appends a field error.
func (p *Problems) Add(field, format string, args ...any) {
	*p = append(*p, FieldError(field, format, args...))
}

// addErr appends the problems of a validation error: one [Error], every problem of a
// [ValidationError], or an EINTERNAL error for anything else. A nil err adds nothing.
func (p *Problems) addErr(err error) {
	var v *ValidationError
	var e *Error
	switch {
	case err == nil:
	case errors.As(err, &v):
		*p = append(*p, v.Problems...)
	case errors.As(err, &e):
		*p = append(*p, e)
	default:
		*p = append(*p, &Error{Code: EINTERNAL, Message: err.Error()})
	}
}

// Err returns nil when there are no problems, the single [Error] when there is one, and
// otherwise a [ValidationError] holding all of them.
func (p Problems) Err() error {
	switch len(p) {
	case 0:
		return nil
	case 1:
		return p[0]
	}
	return &ValidationError{Problems: p}
}

// ValidationError carries several field errors. It unwraps to its first problem, so
// [ErrorCode] reports EINVALID and [ErrorMessage] the first message.
type ValidationError struct {
	Problems Problems
}

func (v *ValidationError) Error() string {
	if len(v.Problems) == 0 {
		return "congtac: no problems"
	}
	return fmt.Sprintf("congtac: %d problems, first: %v", len(v.Problems), v.Problems[0])
}

// Unwrap returns every problem so that errors.As finds the first.
func (v *ValidationError) Unwrap() []error {
	errs := make([]error, len(v.Problems))
	for i, p := range v.Problems {
		errs[i] = p
	}
	return errs
}

// FieldErrors maps each field named in err (an [Error] or [ValidationError]) to its first
// message. Errors without a field are gathered under ""; an EINTERNAL error shows the generic
// message, as in [ErrorMessage].
func FieldErrors(err error) map[string]string {
	out := map[string]string{}
	var v *ValidationError
	var e *Error
	switch {
	case errors.As(err, &v):
		for _, p := range v.Problems {
			if _, ok := out[p.Field]; !ok {
				out[p.Field] = p.safeMessage()
			}
		}
	case errors.As(err, &e):
		out[e.Field] = e.safeMessage()
	}
	return out
}
