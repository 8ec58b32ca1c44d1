package congtac

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestLetter(t *testing.T) {
	want := []string{"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o",
		"p", "q", "r", "s", "t", "u", "v", "x", "y"}
	for i, w := range want {
		if got := Letter(i + 1); got != w {
			t.Errorf("Letter(%d) = %q, want %q", i+1, got, w)
		}
	}
	for i := 1; i <= 100; i++ {
		if l := Letter(i); strings.ContainsAny(l, "fjwz") {
			t.Errorf("Letter(%d) = %q uses a letter Vietnamese point lists skip", i, l)
		}
	}
	more := []struct {
		n    int
		want string
	}{
		{0, ""}, {-3, ""}, {24, "a1"}, {25, "b1"}, {28, "đ1"}, {46, "y1"}, {47, "a2"},
	}
	for _, tt := range more {
		if got := Letter(tt.n); got != tt.want {
			t.Errorf("Letter(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
	seen := map[string]int{}
	for i := 1; i <= 200; i++ {
		if j, ok := seen[Letter(i)]; ok {
			t.Fatalf("Letter(%d) = Letter(%d) = %q", i, j, Letter(i))
		}
		seen[Letter(i)] = i
	}
}

func TestDefaultStyle(t *testing.T) {
	want := []NumberStyle{StyleUpperLetter, StyleArabic, StyleNested, StyleLowerLetter, StyleDash, StyleDash}
	for depth, w := range want {
		if got := DefaultStyle(depth); got != w {
			t.Errorf("DefaultStyle(%d) = %q, want %q", depth, got, w)
		}
	}
}

// seedItems is the item tree of the seed program (Lục Ngạn, tháng 4/2023), with the label
// each item must get. Continuation paragraphs are StyleNone; part B numbers its meetings
// with Roman numerals and the agenda of the regular meeting with 1., 2. …
func seedItems() ([]Item, map[int64]string) {
	type row struct {
		id, parent int64
		pos        int
		style      NumberStyle
		want       string
	}
	rows := []row{
		{1, 0, 1, "", "A."},
		{2, 1, 1, "", "1."},
		{3, 2, 1, "", "1.1."},
		{4, 2, 2, "", "1.2."},
		{5, 2, 3, StyleNone, ""},
		{6, 2, 4, StyleNone, ""},
		{7, 2, 5, "", "1.3."},
		{8, 2, 6, StyleNone, ""},
		{9, 2, 7, "", "1.4."},
		{10, 2, 8, "", "1.5."},
		{11, 1, 2, "", "2."},
		{12, 11, 1, "", "2.1."},
		{13, 11, 2, "", "2.2."},
		{14, 11, 3, "", "2.3."},
		{15, 1, 3, "", "3."},
		{16, 15, 1, "", "3.1."},
		{17, 15, 2, "", "3.2."},
		{18, 15, 3, "", "3.3."},
		{19, 15, 4, StyleNone, ""},
		{20, 0, 2, "", "B."},
		{21, 20, 1, StyleRoman, "I."},
		{22, 21, 1, StyleArabic, "1."},
		{23, 21, 2, StyleArabic, "2."},
		{24, 21, 3, StyleArabic, "3."},
		{25, 21, 4, StyleNone, ""},
		{26, 21, 5, StyleArabic, "4."},
		{27, 21, 6, StyleArabic, "5."},
		{28, 21, 7, StyleArabic, "6."},
		{29, 20, 2, StyleRoman, "II."},
		{30, 20, 3, StyleRoman, "III."},
	}
	items := make([]Item, len(rows))
	want := map[int64]string{}
	for i, r := range rows {
		items[i] = Item{ID: r.id, ParentID: r.parent, Position: r.pos, Style: r.style, Text: "…", Label: "stale"}
		want[r.id] = r.want
	}
	return items, want
}

func checkLabels(t *testing.T, items []Item, want map[int64]string) {
	t.Helper()
	for _, it := range items {
		if w, ok := want[it.ID]; ok && it.Label != w {
			t.Errorf("item %d: Label = %q, want %q", it.ID, it.Label, w)
		}
	}
}

func TestNumberSeed(t *testing.T) {
	items, want := seedItems()
	Number(items)
	checkLabels(t, items, want)
}

func TestNumberAnyOrder(t *testing.T) {
	items, want := seedItems()
	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		r.Shuffle(len(items), func(i, j int) { items[i], items[j] = items[j], items[i] })
		Number(items)
		checkLabels(t, items, want)
	}
}

func TestNumberDefaultUnderRoman(t *testing.T) {
	// Without explicit styles the agenda under "I." still reads 1., 2. (nested with no
	// numbered parent).
	items := []Item{
		{ID: 1, Position: 1},
		{ID: 2, ParentID: 1, Position: 1, Style: StyleRoman},
		{ID: 3, ParentID: 2, Position: 1},
		{ID: 4, ParentID: 2, Position: 2},
	}
	Number(items)
	checkLabels(t, items, map[int64]string{1: "A.", 2: "I.", 3: "1.", 4: "2."})
}

func TestNumberCases(t *testing.T) {
	tests := []struct {
		name  string
		items []Item
		want  map[int64]string
	}{
		{
			name: "positions out of order, ties by ID",
			items: []Item{
				{ID: 7, Position: 3}, {ID: 5, Position: 1}, {ID: 9, Position: 2}, {ID: 8, Position: 2},
			},
			want: map[int64]string{5: "A.", 8: "B.", 9: "C.", 7: "D."},
		},
		{
			name: "orphans are top level",
			items: []Item{
				{ID: 1, Position: 1}, {ID: 2, ParentID: 99, Position: 2}, {ID: 3, ParentID: 2, Position: 1},
			},
			want: map[int64]string{1: "A.", 2: "B.", 3: "1."},
		},
		{
			name: "explicit styles override defaults",
			items: []Item{
				{ID: 1, Position: 1, Style: StyleRoman},
				{ID: 2, Position: 2, Style: StyleRoman},
				{ID: 3, ParentID: 2, Position: 1, Style: StyleLowerLetter},
				{ID: 4, ParentID: 2, Position: 2, Style: StyleLowerLetter},
				{ID: 5, ParentID: 2, Position: 3, Style: StyleDash},
				{ID: 6, ParentID: 1, Position: 1, Style: StyleArabic},
			},
			want: map[int64]string{1: "I.", 2: "II.", 3: "a)", 4: "b)", 5: "-", 6: "1."},
		},
		{
			name: "nested three levels",
			items: []Item{
				{ID: 1, Position: 1},
				{ID: 2, ParentID: 1, Position: 1},
				{ID: 3, ParentID: 1, Position: 2},
				{ID: 4, ParentID: 3, Position: 1},
				{ID: 5, ParentID: 3, Position: 2},
				{ID: 6, ParentID: 5, Position: 1, Style: StyleNested},
				{ID: 7, ParentID: 5, Position: 2, Style: StyleNested},
				{ID: 8, ParentID: 4, Position: 1},
				{ID: 9, ParentID: 8, Position: 1},
			},
			want: map[int64]string{1: "A.", 2: "1.", 3: "2.", 4: "2.1.", 5: "2.2.", 6: "2.2.1.",
				7: "2.2.2.", 8: "a)", 9: "-"},
		},
		{
			name: "points in Vietnamese letter order",
			items: func() []Item {
				its := []Item{{ID: 1, Position: 1}, {ID: 2, ParentID: 1, Position: 1}, {ID: 3, ParentID: 2, Position: 1}}
				for i := range 11 {
					its = append(its, Item{ID: int64(10 + i), ParentID: 3, Position: i + 1})
				}
				return its
			}(),
			want: map[int64]string{1: "A.", 2: "1.", 3: "1.1.", 10: "a)", 11: "b)", 12: "c)", 13: "d)", 14: "đ)", 15: "e)",
				16: "g)", 17: "h)", 18: "i)", 19: "k)", 20: "l)"},
		},
		{
			name: "unnumbered paragraphs do not break the sequence",
			items: []Item{
				{ID: 1, Position: 1, Style: StyleNone},
				{ID: 2, Position: 2},
				{ID: 3, Position: 3, Style: StyleNone},
				{ID: 4, Position: 4},
				{ID: 5, ParentID: 3, Position: 1},
			},
			want: map[int64]string{1: "", 2: "A.", 3: "", 4: "B.", 5: "1."},
		},
		{
			name: "self parent is top level",
			items: []Item{
				{ID: 1, Position: 1}, {ID: 2, ParentID: 2, Position: 2}, {ID: 3, ParentID: 2, Position: 1, Label: "x"},
			},
			want: map[int64]string{1: "A.", 2: "B.", 3: "1."},
		},
		{
			name: "a cycle is top level",
			items: []Item{
				{ID: 1, Position: 1}, {ID: 2, ParentID: 3, Position: 2, Label: "x"},
				{ID: 3, ParentID: 2, Position: 3, Label: "x"}, {ID: 4, ParentID: 3, Position: 1, Label: "x"},
			},
			want: map[int64]string{1: "A.", 2: "B.", 3: "C.", 4: "1."},
		},
		{
			name:  "empty",
			items: nil,
			want:  map[int64]string{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			Number(tt.items)
			checkLabels(t, tt.items, tt.want)
			if len(tt.items) != len(tt.want) {
				t.Fatalf("test lists %d items and %d labels", len(tt.items), len(tt.want))
			}
		})
	}
}

func TestItemValidate(t *testing.T) {
	tests := []struct {
		name   string
		item   Item
		fields string
	}{
		{"heading only", Item{Heading: "NHIỆM VỤ TRỌNG TÂM"}, ""},
		{"text only", Item{Text: "Chỉ đạo tập trung cao nhất …", Style: StyleNested, Sector: SectorEconomy}, ""},
		{"empty", Item{Heading: "  ", Text: "\n"}, "text"},
		{"long heading", Item{Heading: strings.Repeat("ư", 501)}, "heading"},
		{"long text", Item{Text: strings.Repeat("a", 20001)}, "text"},
		{"bad style", Item{Text: "x", Style: "bullet"}, "style"},
		{"bad sector", Item{Text: "x", Sector: "sport"}, "sector"},
		{"several", Item{Style: "x", Sector: "y"}, "sector,style,text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.item.Validate()
			if got := fields(err); got != tt.fields {
				t.Errorf("fields = %q, want %q (%v)", got, tt.fields, err)
			}
			checkVietnamese(t, err)
		})
	}
}
