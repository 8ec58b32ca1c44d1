package congtac

import (
	"testing"
	"time"
)

func TestNextDraftFromLastMonth(t *testing.T) {
	april := Period{PeriodMonth, 2023, 4}
	may := Period{PeriodMonth, 2023, 5}
	monthly := Recurrence{Start: april.Start(), Freq: Monthly, ByMonthDay: []int{25}}
	prev := Program{ID: 7, OrgID: 1, Period: april, Title: "Công tác của UBND huyện tháng 4 năm 2023",
		Recipients: []string{"Như trên;", "Lưu: VT."}, Place: "Lục Ngạn",
		Items: []Item{
			{ID: 1, Heading: "NHIỆM VỤ TRỌNG TÂM THÁNG 4 NĂM 2023"},
			{ID: 2, ParentID: 1, Heading: "Về phát triển kinh tế", Sector: SectorEconomy},
			{ID: 3, ParentID: 2, Text: "Khởi công các công trình."},
			{ID: 4, ParentID: 2, Text: "Quyết toán vốn XDCB."},
			{ID: 5, ParentID: 2, Text: "Báo cáo kết quả từng tháng."},
			{ID: 6, Position: 1, Heading: "CÁC HỘI NGHỊ CHÍNH TRONG THÁNG", Text: "Ngày 21/4/2023."},
		},
		Tasks: []Task{
			{ID: 30, ItemID: 3, Text: "Khởi công", Lead: 2, Due: DueInMonth(2023, time.April), DoneOn: MustDate(2023, 4, 20)},
			{ID: 40, ItemID: 4, Text: "Quyết toán", Lead: 3, Due: DueInMonth(2023, time.April), Support: []Support{{OrgID: 2, DoneOn: MustDate(2023, 4, 2)}}},
			{ID: 41, ItemID: 4, Text: "Hủy bỏ", Lead: 3, Due: DueInMonth(2023, time.April), Cancellation: &Cancellation{On: MustDate(2023, 4, 10), Reason: "x"}},
			{ID: 50, ItemID: 5, Text: "Báo cáo", Lead: 4, Due: DueInMonth(2023, time.April), Recurrence: &monthly,
				Occurrences: []Occurrence{{Due: MustDate(2023, 4, 25), DoneOn: MustDate(2023, 4, 25)}}},
		},
	}
	got := NextDraft(prev, may, MustDate(2023, 4, 30), "Phiên họp thường kỳ ngày 19/5/2023.")
	if got.Title != "Công tác của UBND huyện tháng 5 năm 2023" || got.Status != ProgramDraft || got.Period != may ||
		got.OrgID != 1 || len(got.Recipients) != 2 || got.Place != "Lục Ngạn" {
		t.Errorf("program = %q %s %v org %d", got.Title, got.Status, got.Period, got.OrgID)
	}
	var items []string
	for _, it := range got.Items {
		items = append(items, it.Heading+it.Text)
	}
	want := []string{"NHIỆM VỤ TRỌNG TÂM THÁNG 5 NĂM 2023", "Về phát triển kinh tế", "Quyết toán vốn XDCB.",
		"Báo cáo kết quả từng tháng.", "CÁC HỘI NGHỊ CHÍNH TRONG THÁNGPhiên họp thường kỳ ngày 19/5/2023."}
	if len(items) != len(want) {
		t.Fatalf("items %q, want %q", items, want)
	}
	for i := range want {
		if items[i] != want[i] {
			t.Errorf("item %d = %q, want %q", i, items[i], want[i])
		}
	}
	if len(got.Tasks) != 2 {
		t.Fatalf("tasks %+v, want the unfinished one and the renewed duty", got.Tasks)
	}
	carried, renewed := got.Tasks[0], got.Tasks[1]
	if carried.CarriedFrom != 40 || carried.ItemID != 4 || carried.ID != 0 || carried.Support[0].DoneOn != (Date{}) {
		t.Errorf("carried task = %+v", carried)
	}
	if renewed.CarriedFrom != 0 || renewed.Due != (Due{Date: MustDate(2023, 5, 31), Precision: PrecisionMonth}) ||
		renewed.Recurrence.Start != may.Start() || len(renewed.Occurrences) != 0 || renewed.ItemID != 5 {
		t.Errorf("renewed duty = %+v (recurrence %+v)", renewed, renewed.Recurrence)
	}
	if err := carried.CheckIn(got); err != nil {
		t.Errorf("the carried task does not fit May: %v", err)
	}
	if err := renewed.CheckIn(got); err != nil {
		t.Errorf("the renewed duty does not fit May: %v", err)
	}
	if prev.Tasks[1].Support[0].DoneOn.IsZero() {
		t.Error("NextDraft changed the previous program's tasks")
	}
}

func TestRenamePeriod(t *testing.T) {
	dec, jan := Period{PeriodMonth, 2023, 12}, Period{PeriodMonth, 2024, 1}
	for in, want := range map[string]string{
		"Công tác tháng 12 năm 2023":           "Công tác tháng 1 năm 2024",
		"NHIỆM VỤ TRỌNG TÂM THÁNG 12 NĂM 2023": "NHIỆM VỤ TRỌNG TÂM THÁNG 1 NĂM 2024",
		"Công tác tháng 12 và quý IV năm 2023": "Công tác tháng 1 và quý IV năm 2024",
		"Không có kỳ":                          "Không có kỳ",
	} {
		if got := renamePeriod(in, dec, jan); got != want {
			t.Errorf("renamePeriod(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFirstDraftHasTheStandardParts(t *testing.T) {
	p := FirstDraft(1, Period{PeriodMonth, 2023, 5}, "Giao ban chiều thứ Năm hằng tuần.")
	Number(p.Items)
	var labels []string
	for _, it := range p.Items {
		labels = append(labels, it.Label+" "+it.Heading)
	}
	want := []string{"A. NHIỆM VỤ TRỌNG TÂM THÁNG 5 NĂM 2023", "1. Về phát triển kinh tế", "2. Về văn hóa - xã hội",
		"3. Công tác nội chính", "B. CÁC HỘI NGHỊ CHÍNH TRONG THÁNG"}
	for i := range want {
		if i >= len(labels) || labels[i] != want[i] {
			t.Fatalf("items %q, want %q", labels, want)
		}
	}
	if err := p.Validate(); err != nil {
		t.Errorf("first draft does not validate: %v", err)
	}
}
