package congtac

import (
	"strings"
	"testing"
)

func TestCheckText(t *testing.T) {
	for _, tt := range []struct {
		name, s string
		ok      bool
	}{
		{"Vietnamese", "Báo cáo kết quả thực hiện", true},
		{"tab and newlines", "Dòng 1\tcột 2\r\nDòng 2\nDòng 3", true},
		{"empty", "", true},
		{"NUL", "Báo cáo\x00", false},
		{"bell", "a\x07b", false},
		{"escape", "\x1b[31m", false},
		{"DEL", "a\x7fb", false},
		{"C1 control", "a\u0085b", false},
		{"invalid UTF-8", "gi\xe1o", false},
		{"a lone continuation byte", "\x80", false},
		{"an encoded surrogate", "\xed\xa0\x80", false},
	} {
		err := CheckText("text", "Nội dung báo cáo", tt.s)
		if (err == nil) != tt.ok {
			t.Errorf("%s: CheckText(%q) = %v, want ok %v", tt.name, tt.s, err, tt.ok)
			continue
		}
		if err == nil {
			continue
		}
		if ErrorCode(err) != EINVALID || FieldErrors(err)["text"] == "" {
			t.Errorf("%s: %v, want EINVALID on text", tt.name, err)
		}
		if msg := ErrorMessage(err); !strings.HasPrefix(msg, "Nội dung báo cáo có ") || !isVietnamese(msg) {
			t.Errorf("%s: message %q does not name the field in Vietnamese", tt.name, msg)
		}
	}
}
