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

// TestDiffShowsATaskMovedToAnotherItem: a task put under another item is one "move" from
// the one item to the other, cited by their full numbers, not unchanged and not removed
// and added again.
func TestDiffShowsATaskMovedToAnotherItem(t *testing.T) {
	items := []Item{
		{ID: 1, Style: StyleArabic, Heading: "Kinh tế"},
		{ID: 11, ParentID: 1, Style: StyleNested, Text: "Nông nghiệp"},
		{ID: 12, ParentID: 1, Position: 1, Style: StyleNested, Text: "Công nghiệp"},
		{ID: 2, Position: 1, Style: StyleArabic, Heading: "Văn hóa - xã hội"},
		{ID: 21, ParentID: 2, Style: StyleNested, Text: "Giáo dục"},
		{ID: 3, Position: 2, Style: StyleNone, Text: "Các nội dung khác"},
	}
	before := Program{Items: items, Tasks: []Task{
		{ID: 100, ItemID: 12, Text: "Khởi công cụm công nghiệp", Lead: 1},
		{ID: 101, ItemID: 21, Text: "Khai giảng năm học", Lead: 1},
		{ID: 102, ItemID: 0, Text: "Tổng kết năm", Lead: 1},
	}}
	after := before
	after.Tasks = []Task{
		{ID: 100, ItemID: 21, Text: "Khởi công cụm công nghiệp", Lead: 2},
		{ID: 101, ItemID: 21, Text: "Khai giảng năm học", Lead: 1},
		{ID: 102, ItemID: 3, Text: "Tổng kết năm", Lead: 1},
	}
	var got []string
	for _, c := range Diff(before, after, nil, nil) {
		got = append(got, strings.Join([]string{c.Op, c.Entity, c.Where, c.Field, c.Before, c.After}, "|"))
	}
	want := []string{
		"move|task|Khởi công cụm công nghiệp|Mục|mục 1.2|mục 2.1",
		"change|task|Khởi công cụm công nghiệp|Cơ quan chủ trì|#1|#2",
		"move|task|Tổng kết năm|Mục|chưa xếp vào mục|mục “Các nội dung khác”",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestItemRefCitesTheFullNumber(t *testing.T) {
	items := []Item{
		{ID: 1, Heading: "NHIỆM VỤ TRỌNG TÂM"},                              // A.
		{ID: 2, ParentID: 1, Style: StyleRoman, Heading: "Kinh tế"},         // I.
		{ID: 3, ParentID: 2, Text: "Nông nghiệp"},                           // 1. (nested, under no arabic number)
		{ID: 4, ParentID: 3, Style: StyleLowerLetter, Text: "Thủy lợi"},     // a)
		{ID: 5, ParentID: 1, Position: 1, Style: StyleArabic, Text: "Khác"}, // 1.
		{ID: 6, ParentID: 5, Style: StyleNested, Text: "Y tế"},              // 1.1.
	}
	byID := numbered(items)
	for id, want := range map[int64]string{1: "mục A", 2: "mục A.I", 4: "mục A.I.1.a",
		5: "mục A.1", 6: "mục A.1.1", 0: "chưa xếp vào mục", 99: "chưa xếp vào mục"} {
		if got := ItemRef(byID, id); got != want {
			t.Errorf("ItemRef(%d) = %q, want %q", id, got, want)
		}
	}
}
