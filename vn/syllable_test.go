package vn

import "testing"

func TestIsSyllable(t *testing.T) {
	for _, w := range []string{"Côn", "công", "tác", "của", "huyện", "tháng", "Đắk", "Lắk", "quý", "giữa", "khuyến", "NGẠN", "ó", "Ủy"} {
		if !IsSyllable(w) {
			t.Errorf("IsSyllable(%q) = false", w)
		}
	}
	for _, w := range []string{"t", "c", "th", "n", "hu n", "Côngg", "UBND", "2023", "tiếpp", "xyz", "hoạtt", ""} {
		if IsSyllable(w) {
			t.Errorf("IsSyllable(%q) = true", w)
		}
	}
}
