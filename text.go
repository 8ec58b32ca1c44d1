package congtac

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// CheckText returns nil when s may be kept as text a user gave, else an EINVALID error on
// field whose Vietnamese message names the field by its label ("Nội dung báo cáo"). The
// rule, one for every text of every form, JSON body and query parameter: s is valid UTF-8
// (never silently repaired: what was sent is not what would be kept) and holds no control
// character but tab, line feed and carriage return (browsers end a textarea's lines with
// CR LF). PostgreSQL refuses NUL and invalid UTF-8 outright; the other control characters
// are invisible, and break documents and exports.
func CheckText(field, label, s string) error {
	if msg := textProblem(label, s); msg != "" {
		return FieldError(field, "%s", msg)
	}
	return nil
}

// Text adds the problem of [CheckText] with s on field, if there is one. Validate methods
// call it first for each text field, so that its message is the one the field shows.
func (p *Problems) Text(field, label, s string) {
	if msg := textProblem(label, s); msg != "" {
		p.Add(field, "%s", msg)
	}
}

// textProblem returns why [CheckText] refuses s, or "".
func textProblem(label, s string) string {
	if !utf8.ValidString(s) {
		return label + " có byte không phải văn bản UTF-8 hợp lệ; hãy gõ hoặc dán lại nội dung."
	}
	for _, r := range s {
		if unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' {
			return fmt.Sprintf("%s có ký tự điều khiển không được phép (mã %U); chỉ được dùng dấu tab và xuống dòng.", label, r)
		}
	}
	return ""
}

// NFC returns s in Unicode normalisation form C. Invalid UTF-8 is first replaced by
// U+FFFD (each run of invalid bytes by one U+FFFD), so the result is always valid UTF-8.
// A string that is already valid NFC is returned as is, without allocating. Package vn
// offers it as vn.NFC beside the rest of the Vietnamese text handling.
func NFC(s string) string {
	return norm.NFC.String(ValidUTF8(s))
}

// ValidUTF8 returns s with each run of invalid bytes replaced by U+FFFD, and s itself
// when it is valid. Normalising invalid UTF-8 made x/text below v0.39 loop forever;
// replacing first keeps every later step simple.
func ValidUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}
