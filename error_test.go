package congtac

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"strings"
	"testing"
)

func TestErrorCodeAndMessage(t *testing.T) {
	notFound := Errorf(ENOTFOUND, "Không tìm thấy chương trình %d.", 7)
	conflict := Errorf(ECONFLICT, "Dữ liệu đã bị người khác thay đổi.")
	invalid := FieldError("title", "Trích yếu không được để trống.")
	multi := Problems{FieldError("a", "Lỗi một."), FieldError("b", "Lỗi hai.")}.Err()
	internal := errors.New("sql: database is locked (SQLITE_BUSY) at /var/lib/congtac.db")
	internalCoded := Errorf(EINTERNAL, "pq: password authentication failed for user %q", "congtac")
	generic := ErrorMessage(internal)
	tests := []struct {
		name     string
		err      error
		code     string
		message  string
		internal bool
	}{
		{"nil", nil, "", "", false},
		{"not found", notFound, ENOTFOUND, "Không tìm thấy chương trình 7.", false},
		{"wrapped", fmt.Errorf("store: find program: %w", notFound), ENOTFOUND, "Không tìm thấy chương trình 7.", false},
		{"wrapped twice", fmt.Errorf("web: %w", fmt.Errorf("store: %w", conflict)), ECONFLICT, "Dữ liệu đã bị người khác thay đổi.", false},
		{"field error", invalid, EINVALID, "Trích yếu không được để trống.", false},
		{"validation error", multi, EINVALID, "Lỗi một.", false},
		{"wrapped validation error", fmt.Errorf("store: create: %w", multi), EINVALID, "Lỗi một.", false},
		{"joined", errors.Join(io.EOF, notFound), ENOTFOUND, "Không tìm thấy chương trình 7.", false},
		{"plain error", internal, EINTERNAL, generic, true},
		{"wrapped plain error", fmt.Errorf("store: %w", io.ErrUnexpectedEOF), EINTERNAL, generic, true},
		{"internal code", internalCoded, EINTERNAL, generic, true},
		{"wrapped internal code", fmt.Errorf("store: open: %w", internalCoded), EINTERNAL, generic, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ErrorCode(tt.err); got != tt.code {
				t.Errorf("ErrorCode = %q, want %q", got, tt.code)
			}
			got := ErrorMessage(tt.err)
			if got != tt.message {
				t.Errorf("ErrorMessage = %q, want %q", got, tt.message)
			}
			if tt.internal {
				for _, leak := range []string{"sql", "SQLITE", "pq:", "password", "EOF", "/var"} {
					if strings.Contains(got, leak) {
						t.Errorf("ErrorMessage = %q leaks %q", got, leak)
					}
				}
				if !isVietnamese(got) {
					t.Errorf("ErrorMessage = %q, want Vietnamese", got)
				}
				for f, m := range FieldErrors(tt.err) {
					if m != generic {
						t.Errorf("FieldErrors[%q] = %q leaks an internal error", f, m)
					}
				}
			}
		})
	}
}

func TestErrorString(t *testing.T) {
	if got, want := Errorf(ENOTFOUND, "Không có.").Error(), "congtac: not_found: Không có."; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got, want := FieldError("title", "Trống.").Error(), "congtac: invalid: title: Trống."; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	multi := Problems{FieldError("a", "Một."), FieldError("b", "Hai.")}.Err()
	if got := multi.Error(); !strings.Contains(got, "2 problems") || !strings.Contains(got, "Một.") {
		t.Errorf("Error() = %q", got)
	}
	if got := (&ValidationError{}).Error(); got == "" {
		t.Error("empty ValidationError has no text")
	}
	if got := ErrorCode(&ValidationError{}); got != EINVALID {
		t.Errorf("ErrorCode(empty ValidationError) = %q, want %q", got, EINVALID)
	}
}

func TestProblemsErr(t *testing.T) {
	var none Problems
	if err := none.Err(); err != nil {
		t.Errorf("Err() with no problems = %v, want nil", err)
	}
	var one Problems
	one.Add("title", "Trích yếu dài quá %d ký tự.", 500)
	err := one.Err()
	var e *Error
	if !errors.As(err, &e) || e.Field != "title" || e.Message != "Trích yếu dài quá 500 ký tự." || e.Code != EINVALID {
		t.Errorf("Err() with one problem = %#v", err)
	}
	var v *ValidationError
	if errors.As(err, &v) {
		t.Error("one problem came back as a ValidationError")
	}
	var three Problems
	three.Add("a", "Một.")
	three.Add("b", "Hai %s.", "x")
	three.Add("a", "Ba.")
	err = three.Err()
	if !errors.As(err, &v) || len(v.Problems) != 3 {
		t.Fatalf("Err() with three problems = %#v", err)
	}
	if !errors.Is(err, three[1]) {
		t.Error("errors.Is does not find the second problem")
	}
}

func TestFieldErrors(t *testing.T) {
	multi := Problems{FieldError("title", "Trống."), FieldError("org_id", "Chưa chọn."), FieldError("title", "Dài.")}.Err()
	tests := []struct {
		name string
		err  error
		want map[string]string
	}{
		{"nil", nil, map[string]string{}},
		{"one field", FieldError("title", "Trống."), map[string]string{"title": "Trống."}},
		{"no field", Errorf(ECONFLICT, "Đã thay đổi."), map[string]string{"": "Đã thay đổi."}},
		{"first message per field", multi, map[string]string{"title": "Trống.", "org_id": "Chưa chọn."}},
		{"wrapped", fmt.Errorf("store: %w", multi), map[string]string{"title": "Trống.", "org_id": "Chưa chọn."}},
		{"wrapped field", fmt.Errorf("x: %w", FieldError("due", "Sai.")), map[string]string{"due": "Sai."}},
		{"plain", errors.New("boom"), map[string]string{}},
	}
	for _, tt := range tests {
		if got := FieldErrors(tt.err); !maps.Equal(got, tt.want) {
			t.Errorf("%s: FieldErrors = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestAddErr(t *testing.T) {
	var p Problems
	p.addErr(nil)
	p.addErr(FieldError("a", "Một."))
	p.addErr(Problems{FieldError("b", "Hai."), FieldError("c", "Ba.")}.Err())
	p.addErr(fmt.Errorf("wrapped: %w", FieldError("d", "Bốn.")))
	p.addErr(errors.New("secret internals"))
	if got := fields(p.Err()); got != ",a,b,c,d" {
		t.Errorf("fields = %q, want \",a,b,c,d\"", got)
	}
	if strings.Contains(fmt.Sprint(FieldErrors(p.Err())), "secret") {
		t.Error("FieldErrors leaks an internal error")
	}
}

// TestStatusErrorReadsRightWithEveryLabel words a refusal for every status of programs,
// meetings and reports: each names its status once, as labelled and quoted, in a sentence
// where no word doubles ("đã đã ban hành" was the fault of fitting labels into sentences).
func TestStatusErrorReadsRightWithEveryLabel(t *testing.T) {
	type refusal struct{ record, label, refused string }
	var all []refusal
	for _, s := range allProgramStatuses {
		all = append(all, refusal{"Chương trình", s.Label(), "không sửa được"})
	}
	for _, s := range []MeetingStatus{MeetingPlanned, MeetingPostponed, MeetingCancelled, MeetingHeld} {
		all = append(all, refusal{"Hội nghị", s.Label(), "không ban hành giấy mời"})
	}
	for _, s := range ReportStatuses {
		all = append(all, refusal{"Báo cáo", s.Label(), "không sửa hay gửi lại được"})
	}
	for _, r := range all {
		if r.label == "" {
			t.Errorf("a status of %s has no label", r.record)
			continue
		}
		msg := StatusError(r.record, r.label, r.refused).Message
		if want := "“" + r.label + "”"; strings.Count(msg, want) != 1 || !strings.HasSuffix(msg, ".") {
			t.Errorf("%q does not name %s once and end as a sentence", msg, want)
		}
		words := strings.Fields(strings.ToLower(strings.NewReplacer("“", "", "”", "", ",", "").Replace(msg)))
		for i := 1; i < len(words); i++ {
			if words[i] == words[i-1] {
				t.Errorf("%q repeats %q", msg, words[i])
			}
		}
	}
}
