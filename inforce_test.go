package congtac

import (
	"errors"
	"strings"
	"testing"
)

func TestPeriodPhraseAndRetitle(t *testing.T) {
	jan := Program{Period: Period{Kind: PeriodMonth, Year: 2027, Number: 1},
		Also: []Period{{Kind: PeriodQuarter, Year: 2027, Number: 1}}}
	feb := Program{Period: Period{Kind: PeriodMonth, Year: 2027, Number: 2}}
	dec := Program{Period: Period{Kind: PeriodMonth, Year: 2026, Number: 12}, Also: []Period{{Kind: PeriodQuarter, Year: 2027, Number: 1}}}
	for _, tt := range []struct {
		p    Program
		want string
	}{
		{jan, "tháng 1 và Quý I năm 2027"},
		{feb, "tháng 2 năm 2027"},
		{dec, "tháng 12 năm 2026 và quý I năm 2027"},
	} {
		if got := tt.p.PeriodPhrase(); got != tt.want {
			t.Errorf("PeriodPhrase(%s) = %q, want %q", tt.p.Period, got, tt.want)
		}
	}
	for _, tt := range []struct {
		s        string
		from, to Program
		want     string
		ok       bool
	}{
		{"Công tác của UBND tỉnh tháng 1 và Quý I năm 2027", jan, feb, "Công tác của UBND tỉnh tháng 2 năm 2027", true},
		{"NHIỆM VỤ TRỌNG TÂM THÁNG 1 VÀ QUÝ I NĂM 2027", jan, feb, "NHIỆM VỤ TRỌNG TÂM THÁNG 2 NĂM 2027", true},
		{"Công tác tháng 2 năm 2027", feb, Program{Period: feb.Period, Also: []Period{{Kind: PeriodQuarter, Year: 2027, Number: 1}}},
			"Công tác tháng 2 và Quý I năm 2027", true},
		{"Về phát triển kinh tế", jan, feb, "Về phát triển kinh tế", false},
	} {
		got, ok := Retitle(tt.s, tt.from, tt.to)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Retitle(%q) = %q, %v; want %q, %v", tt.s, got, ok, tt.want, tt.ok)
		}
	}
	u := ProgramUpdate{Also: &[]Period{{Kind: PeriodQuarter, Year: 2027, Number: 1}}}
	if got := u.Apply(Program{Period: feb.Period, Title: "Công tác tháng 2 năm 2027"}).Title; got != "Công tác tháng 2 và Quý I năm 2027" {
		t.Errorf("adding Quý I gives the title %q", got)
	}
}

func TestNextDraftTitleNamesItsOwnPeriod(t *testing.T) {
	prev := Program{ID: 1, OrgID: 1, Period: Period{Kind: PeriodMonth, Year: 2027, Number: 1},
		Also:  []Period{{Kind: PeriodQuarter, Year: 2027, Number: 1}},
		Title: "Công tác của UBND tỉnh tháng 1 và Quý I năm 2027",
		Items: []Item{{ID: 1, Heading: "NHIỆM VỤ TRỌNG TÂM THÁNG 1 VÀ QUÝ I NĂM 2027"}}}
	p := NextDraft(prev, Period{Kind: PeriodMonth, Year: 2027, Number: 2}, MustDate(2027, 1, 28), "")
	if p.Title != "Công tác của UBND tỉnh tháng 2 năm 2027" || len(p.Items) != 1 || p.Items[0].Heading != "NHIỆM VỤ TRỌNG TÂM THÁNG 2 NĂM 2027" {
		t.Errorf("next draft %q with %+v", p.Title, p.Items)
	}
}

func TestCheckReadyIsOneRuleForNewAndCarriedTasks(t *testing.T) {
	dec := Program{Period: Period{Kind: PeriodMonth, Year: 2026, Number: 12}}
	nov := DueInMonth(2026, 11)
	dec.Tasks = []Task{
		{ID: 1, ItemID: 5, Text: "Nhiệm vụ mới trong kỳ", Due: DueInMonth(2026, 12)},
		{ID: 2, Text: "Nhiệm vụ chưa xếp mục", Due: DueInMonth(2026, 12)},
		{ID: 3, ItemID: 5, Text: "Nhiệm vụ mới với hạn tháng trước", Due: nov},
		{ID: 4, ItemID: 5, CarriedFrom: 40, Text: "Nhiệm vụ chuyển tiếp chưa chọn hạn", Due: nov},
		{ID: 5, ItemID: 5, CarriedFrom: 41, KeepsOldDue: true, Text: "Nhiệm vụ chuyển tiếp giữ hạn cũ", Due: nov},
		{ID: 6, ItemID: 5, CarriedFrom: 42, Text: "Nhiệm vụ chuyển tiếp đã chuyển sang chương trình khác", Due: DueInMonth(2026, 12)},
	}
	err := dec.CheckReady(map[int64]bool{6: true})
	var v *ValidationError
	if ErrorCode(err) != EINVALID || !errors.As(err, &v) {
		t.Fatalf("CheckReady = %v, want a list of problems", err)
	}
	got := map[string]string{}
	for _, p := range v.Problems {
		got[p.Field] = p.Message
	}
	want := map[string]string{"task-2": "chưa nằm trong mục", "task-3": "nằm ngoài kỳ", "task-4": "hạn cũ tháng 11/2026",
		"task-6": "bỏ khỏi dự thảo"}
	if len(got) != len(want) {
		t.Errorf("problems %v, want tasks %v", got, want)
	}
	for f, w := range want {
		if !strings.Contains(got[f], w) {
			t.Errorf("%s: %q, want it to say %q", f, got[f], w)
		}
	}
}

func TestPlaceCarriedUnderTheSameSection(t *testing.T) {
	src := []Item{{ID: 1, Heading: "NHIỆM VỤ TRỌNG TÂM THÁNG 11 NĂM 2026"},
		{ID: 2, ParentID: 1, Heading: "Về phát triển kinh tế", Sector: SectorEconomy},
		{ID: 3, ParentID: 2, Text: "Đẩy nhanh giải ngân vốn đầu tư công."},
		{ID: 4, ParentID: 1, Heading: "Công tác nội chính", Sector: SectorInternalAffairs}}
	dst := []Item{{ID: 11, Heading: "NHIỆM VỤ TRỌNG TÂM THÁNG 12 NĂM 2026"},
		{ID: 12, ParentID: 11, Heading: "Về  phát triển KINH TẾ", Sector: SectorEconomy},
		{ID: 13, ParentID: 11, Heading: "Về văn hóa - xã hội", Sector: SectorCultureSociety},
		{ID: 14, ParentID: 11, Heading: "Lĩnh vực nội chính", Sector: SectorInternalAffairs}}
	if got := PlaceCarried(src, dst, Task{ItemID: 3, Sector: SectorEconomy}); got.Parent != 12 || got.Prose == nil || got.Prose.ID != 3 {
		t.Errorf("paragraph task placed %+v, want a copy of item 3 under 12", got)
	}
	if got := PlaceCarried(src, dst, Task{ItemID: 4, Sector: SectorInternalAffairs}); got.Parent != 14 || got.Prose != nil {
		t.Errorf("section task placed %+v, want right under 14, found by sector", got)
	}
	if got := PlaceCarried(src, dst, Task{ItemID: 99}); got.Parent != 0 {
		t.Errorf("task of no known item placed %+v, want nowhere", got)
	}
}
