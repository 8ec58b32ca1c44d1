package vn

import "testing"

func TestDecodeTCVN3(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ch\u00ad\u00acng tr\u00d7nh c\u00abng t\u00b8c", "Chương trình công tác"},
		{"Uû ban nh\u00a9n d\u00a9n huyÖn", "Uỷ ban nhân dân huyện"},
		{"\u00a7\u00b6ng bé", "Đảng bộ"},
		{"CH\u00a6\u00a5NG TR\u00d7NH", "CHƯƠNG TRÌNH"},
		{"Th\u00b8ng 4 n\u00a8m 2023", "Tháng 4 năm 2023"},
		{"a\u00b3", "á"}, // a base and a combining tone
		{"V\u00d2 PH\u00b8T TRI\u00d3N\nv\u00d2 ph\u00b8t", "VỀ PHÁT TRIỂN\nvề phát"},
		{"plain ASCII", "plain ASCII"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := DecodeTCVN3(tt.in); got != tt.want {
			t.Errorf("DecodeTCVN3(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsTCVN3(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Ch\u00ad\u00acng tr\u00d7nh c\u00abng t\u00b8c", true},
		{"Th\u00b8ng 4", true},
		{"Chương trình công tác", false},
		{"Tô Hà", false}, // Unicode Vietnamese that happens to stay in Latin-1
		{"plain ASCII", false},
		{"giá 5 ¸ x", false}, // a symbol that touches no letter
		{"", false},
	}
	for _, tt := range tests {
		if got := IsTCVN3(tt.in); got != tt.want {
			t.Errorf("IsTCVN3(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
