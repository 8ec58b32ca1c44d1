package congtac

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// ymd parses an ISO date for tests; it fails the test binary on a typo.
func ymd(s string) Date {
	d, err := ParseDate(s)
	if err != nil || d.IsZero() {
		panic("bad test date " + s)
	}
	return d
}

// isVietnamese reports whether a message reads as Vietnamese: it has a letter outside ASCII
// (a diacritic or đ) and is not empty.
func isVietnamese(s string) bool {
	if strings.TrimSpace(s) == "" {
		return false
	}
	for _, r := range s {
		if r > unicode.MaxASCII && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// checkVietnamese fails when any message of err is empty or not Vietnamese.
func checkVietnamese(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	if m := ErrorMessage(err); !isVietnamese(m) {
		t.Errorf("ErrorMessage = %q, want a Vietnamese message", m)
	}
	for f, m := range FieldErrors(err) {
		if !isVietnamese(m) {
			t.Errorf("field %q message = %q, want a Vietnamese message", f, m)
		}
	}
}

// fields returns the sorted field names of err's problems, joined by commas.
func fields(err error) string {
	var out []string
	for f := range FieldErrors(err) {
		out = append(out, f)
	}
	slices.Sort(out)
	return strings.Join(out, ",")
}
