package importer

import (
	"testing"

	"congtac"
)

func TestMatchOrg(t *testing.T) {
	orgs := []congtac.Org{
		{ID: 1, Name: "Phòng Tài chính - Kế hoạch", ShortName: "TCKH", DisplayName: "Phòng Tài chính - KH"},
		{ID: 2, Name: "Phòng Kinh tế và Hạ tầng", ShortName: "KTHT"},
		{ID: 3, Name: "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện", ShortName: "VP"},
		{ID: 4, Name: "Phòng Nông nghiệp và Phát triển nông thôn", ShortName: "NNPTNT"},
		{ID: 5, Name: "Phòng Nội vụ", ShortName: "NV"},
		{ID: 6, Name: "Phòng Tài nguyên và Môi trường", ShortName: "TNMT"},
		{ID: 7, Name: "Công an huyện", ShortName: "CA"},
	}
	tests := []struct {
		name string
		id   int64
	}{
		{"Phòng Tài chính - KH", 1},
		{"phòng tài chính - kế hoạch", 1},
		{"TCKH", 1},
		{"Phòng Kinh tế và Hạ tầng", 2},
		{"Văn phòng HĐND và UBND huyện", 3},
		{"Phòng Nông ngiệp và PTNT", 4}, // the seed's typo
		{"Phòng Nội vụ", 5},
		{"Phòng TN&MT", 6},
		{"Công an huyện", 7},
		{"Phòng Tư pháp", 0},
		{"Sở Tài chính", 0},
		{"", 0},
	}
	for _, tt := range tests {
		m, ok := MatchOrg(tt.name, orgs)
		if (tt.id == 0) == ok || (ok && m.Org.ID != tt.id) {
			t.Errorf("%q: %d (%.2f), %v; want %d", tt.name, m.Org.ID, m.Score, ok, tt.id)
		}
	}
}

func FuzzMatchOrg(f *testing.F) {
	f.Add("Phòng Tài chính - KH", "Phòng Tài chính - Kế hoạch")
	f.Fuzz(func(t *testing.T, name, org string) {
		m, ok := MatchOrg(name, []congtac.Org{{ID: 1, Name: org}})
		if m.Score < 0 || m.Score > 1 || (ok && m.Org.ID != 1) {
			t.Errorf("%q in %q: %+v %v", name, org, m, ok)
		}
	})
}
