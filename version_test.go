package congtac

import (
	"strings"
	"testing"
	"time"
)

func TestDiffBetweenTwoVersions(t *testing.T) {
	orgs := map[int64]string{1: "Phòng Kinh tế", 2: "Phòng Văn hóa - Xã hội", 3: "Xã Tân Phước"}
	org := Namer(func(id int64) string { return orgs[id] })
	before := Program{Title: "Công tác tháng 5 năm 2023", Period: Period{PeriodMonth, 2023, 5},
		Recipients: []string{"Như trên;", "Lưu: VT."},
		Items: []Item{
			{ID: 10, Heading: "NHIỆM VỤ TRỌNG TÂM"},
			{ID: 11, ParentID: 10, Text: "Về phát triển kinh tế"},
			{ID: 12, ParentID: 10, Text: "Về văn hóa - xã hội"},
		},
		Tasks: []Task{
			{ID: 100, ItemID: 11, Text: "Khởi công đường giao thông", Lead: 1, Due: DueInMonth(2023, time.May)},
			{ID: 101, ItemID: 12, Text: "Tổ chức lễ hội", Lead: 2},
		},
	}
	after := before
	after.Title = "Công tác tháng 5 và tháng 6 năm 2023"
	after.Recipients = []string{"Như trên;", "UBND các xã;", "Lưu: VT."}
	after.Items = []Item{
		{ID: 10, Heading: "NHIỆM VỤ TRỌNG TÂM"},
		{ID: 13, ParentID: 10, Text: "Về nông nghiệp"}, // new, placed first
		{ID: 11, ParentID: 10, Position: 1, Text: "Về phát triển kinh tế"},
	}
	after.Tasks = []Task{
		{ID: 100, ItemID: 11, Text: "Khởi công đường giao thông", Lead: 3, Support: []Support{{OrgID: 1}},
			Due: Due{Date: MustDate(2023, 6, 30), Precision: PrecisionMonth, Text: "chậm nhất trong tháng 6/2023"}},
		{ID: 102, ItemID: 13, Text: "Phòng chống dịch bệnh cây trồng", Lead: 1},
	}
	changes := Diff(before, after, org, nil)
	got := make([]string, len(changes))
	for i, c := range changes {
		got[i] = strings.Join([]string{c.Op, c.Entity, c.Where, c.Field, c.Before, c.After}, "|")
	}
	want := []string{
		"change|program||Trích yếu|Công tác tháng 5 năm 2023|Công tác tháng 5 và tháng 6 năm 2023",
		"change|program||Nơi nhận|Như trên;\nLưu: VT.|Như trên;\nUBND các xã;\nLưu: VT.",
		"add|item|1. Về nông nghiệp|||1. Về nông nghiệp",
		"change|item|2. Về phát triển kinh tế|Số thứ tự|1.|2.",
		"remove|item|2. Về văn hóa - xã hội||2. Về văn hóa - xã hội|",
		"change|task|Khởi công đường giao thông|Cơ quan chủ trì|Phòng Kinh tế|Xã Tân Phước",
		"change|task|Khởi công đường giao thông|Cơ quan phối hợp||Phòng Kinh tế",
		"change|task|Khởi công đường giao thông|Thời hạn|tháng 5/2023|tháng 6/2023 (chậm nhất trong tháng 6/2023)",
		"add|task|Phòng chống dịch bệnh cây trồng|||Phòng chống dịch bệnh cây trồng",
		"remove|task|Tổ chức lễ hội||Tổ chức lễ hội|",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d changes:\n%s\nwant %d:\n%s", len(got), strings.Join(got, "\n"), len(want), strings.Join(want, "\n"))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("change %d:\n got  %q\n want %q", i, got[i], want[i])
		}
	}
	if before.Items[1].Label != "" {
		t.Errorf("Diff numbered the caller's items: %q", before.Items[1].Label)
	}
	if d := Diff(before, before, org, nil); len(d) != 0 {
		t.Errorf("a version against itself: %v", d)
	}
}

func TestReviewCommentValidate(t *testing.T) {
	for text, ok := range map[string]bool{"Bổ sung thời hạn": true, "  ": false, strings.Repeat("ý", 4001): false} {
		if err := (ReviewComment{Text: text}).Validate(); (err == nil) != ok {
			t.Errorf("Validate(%.20q) = %v, want ok=%v", text, err, ok)
		}
	}
}
