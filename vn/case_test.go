package vn

import "testing"

func TestCapitalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"tháng 4/2023", "Tháng 4/2023"},
		{"đợt 1", "Đợt 1"},
		{"Quý II", "Quý II"},
	}
	for _, tt := range tests {
		if got := Capitalize(tt.in); got != tt.want {
			t.Errorf("Capitalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLowerFirst(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Hằng tuần vào thứ Năm", "hằng tuần vào thứ Năm"},
		{"Đề án", "đề án"},
		{"UBND huyện", "UBND huyện"},
		{"A", "a"},
	}
	for _, tt := range tests {
		if got := LowerFirst(tt.in); got != tt.want {
			t.Errorf("LowerFirst(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
