package importer

import (
	"reflect"
	"strings"
	"testing"
)

func TestReadAssignment(t *testing.T) {
	tests := []struct {
		text          string
		lead, support []string
		verb          string
		refers        []int
	}{
		{"Báo cáo tình hình kinh tế - xã hội tháng 4 (Phòng Tài chính - KH chuẩn bị).",
			[]string{"Phòng Tài chính - KH"}, nil, "chuẩn bị", nil},
		{"Báo cáo sơ kết 02 năm thực hiện Nghị quyết số 35-NQ/HU (Văn phòng HĐND và UBND huyện chủ trì, Phòng Nội vụ phối hợp).",
			[]string{"Văn phòng HĐND và UBND huyện"}, []string{"Phòng Nội vụ"}, "chủ trì", nil},
		{"giai đoạn 2021-2025. (Phòng Kinh tế và Hạ tầng chuẩn bị nội dung 2, 3).",
			[]string{"Phòng Kinh tế và Hạ tầng"}, nil, "chuẩn bị", []int{2, 3}},
		{"Kiểm tra công tác PCCC (Công an huyện, Phòng Văn hóa và Thông tin chủ trì; UBND các xã, thị trấn phối hợp)",
			[]string{"Công an huyện", "Phòng Văn hóa và Thông tin"}, []string{"UBND các xã", "thị trấn"}, "chủ trì", nil},
		{"Ngày giải phóng miền Nam (30/4), Quốc tế lao động (01/5) (Trung tâm VH-TT-TT chủ trì)",
			[]string{"Trung tâm VH-TT-TT"}, nil, "chủ trì", nil},
	}
	for _, tt := range tests {
		a, ok := ReadAssignment(tt.text)
		if !ok || !reflect.DeepEqual(a.Lead, tt.lead) || !reflect.DeepEqual(a.Support, tt.support) || a.Verb != tt.verb ||
			!reflect.DeepEqual(a.Refers, tt.refers) || !strings.HasPrefix(tt.text[a.Start:], "(") || tt.text[a.End-1] != ')' {
			t.Errorf("%q: %+v, %v", tt.text, a, ok)
		}
	}
	for _, text := range []string{"Ngày giải phóng miền Nam (30/4)", "Không có cơ quan nào", "(chủ trì)", ")(", "(("} {
		if a, ok := ReadAssignment(text); ok {
			t.Errorf("%q: %+v, want none", text, a)
		}
	}
}

func FuzzReadAssignment(f *testing.F) {
	f.Add("(Phòng Tài chính - KH chủ trì, Phòng Nội vụ phối hợp)")
	f.Add("x (A chuẩn bị nội dung 2, 3) y")
	f.Fuzz(func(t *testing.T, text string) {
		a, ok := ReadAssignment(text)
		if !ok {
			return
		}
		if a.Start < 0 || a.End > len(text) || a.Start >= a.End || text[a.Start] != '(' || text[a.End-1] != ')' || len(a.Lead) == 0 {
			t.Errorf("%q: %+v", text, a)
		}
	})
}
