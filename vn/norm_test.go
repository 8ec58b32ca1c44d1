package vn

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestNFC(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Kế hoạch", "Kế hoạch"},
		{norm.NFD.String("Ủy ban nhân dân"), "Ủy ban nhân dân"},
		{"Nguye\u0302\u0303n", "Nguyễn"},
		{"bad \xff\xfe byte", "bad \uFFFD byte"},
		{"e\xcc", "e\uFFFD"}, // a truncated combining mark
	}
	for _, tt := range tests {
		if got := NFC(tt.in); got != tt.want {
			t.Errorf("NFC(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { NFC("Chương trình công tác") }); n != 0 {
		t.Errorf("NFC of NFC text allocates %v times, want 0", n)
	}
}

func TestRepair(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"CHƢƠNG TRÌNH", "CHƯƠNG TRÌNH"},
		{"Vƣơn  Mạnh Chun ", "Vươn  Mạnh Chun "}, // dropped letters stay dropped
		{"thƣờn  kỳ", "thườn  kỳ"},
		{"\u01a3\u0300a", "ừa"}, // broken ư with a decomposed tone
		{norm.NFD.String("Lục Ngạn"), "Lục Ngạn"},
		{"ÐẢNG BỘ", "ĐẢNG BỘ"},
		{"a\u00a0b\u2009c\u202fd\u3000e", "a b c d e"},
		{"soft\u00adhy\u200bphen\ufeff", "softhyphen"},
		{"7 giờ 30’ ‘x’ ʼy′", "7 giờ 30' 'x' 'y'"},
		{"dòng\u2028mới", "dòng\nmới"},
		{"bad \xff", "bad \uFFFD"},
	}
	for _, tt := range tests {
		if got := Repair(tt.in); got != tt.want {
			t.Errorf("Repair(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
