package web

import (
	"testing"

	"congtac"
)

func TestParseDay(t *testing.T) {
	tests := []struct {
		in      string
		want    congtac.Date
		wantErr bool
	}{
		{"", congtac.Date{}, false},
		{"25/11/2026", congtac.MustDate(2026, 11, 25), false},
		{"5/1/2026", congtac.MustDate(2026, 1, 5), false},
		{"2026-11-25", congtac.MustDate(2026, 11, 25), false},
		{"31/02/2026", congtac.Date{}, true},
		{"25/11/26", congtac.Date{}, true},
		{"25-11-2026", congtac.Date{}, true},
		{"hôm qua", congtac.Date{}, true},
	}
	for _, tt := range tests {
		got, err := parseDay(tt.in)
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("parseDay(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}
