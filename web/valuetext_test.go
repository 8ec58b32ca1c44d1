package web

import (
	"testing"
)

func TestNumbers(t *testing.T) {
	parse := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"62,5", 62.5, true}, {"62.5", 62.5, true}, {"1.234,5", 1234.5, true}, {" 98 ", 98, true},
		{"nhiều", 0, false}, {"NaN", 0, false}, {"", 0, false},
	}
	for _, tt := range parse {
		got, err := parseNumber(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("parseNumber(%q) = %v, %v; want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
	format := []struct {
		in   float64
		want string
	}{
		{61.5, "61,5"}, {1234567, "1.234.567"}, {-1234.25, "-1.234,25"}, {0.3333333, "0,333"}, {60, "60"},
	}
	for _, tt := range format {
		if got := numberText(tt.in); got != tt.want {
			t.Errorf("numberText(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestShortText(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"Giải ngân vốn", 20, "Giải ngân vốn"},
		{"Đẩy nhanh tiến độ giải ngân vốn đầu tư công, phấn đấu giải ngân", 30, "Đẩy nhanh tiến độ giải ngân…"},
	}
	for _, tt := range tests {
		if got := shortText(tt.in, tt.n); got != tt.want {
			t.Errorf("shortText(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}
