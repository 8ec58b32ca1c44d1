package congtac

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// NumberStyle is how an item is numbered among its siblings.
type NumberStyle string

// Number styles of Decree 30/2020 documents. Items with StyleNone are unnumbered paragraphs
// that continue the numbered item before them and take no number.
const (
	StyleUpperLetter NumberStyle = "upper_letter" // A., B., C.  (parts)
	StyleRoman       NumberStyle = "roman"        // I., II., III.
	StyleArabic      NumberStyle = "arabic"       // 1., 2., 3.
	StyleNested      NumberStyle = "nested"       // 1.1., 1.2. (the parent's number, a dot, own)
	StyleLowerLetter NumberStyle = "lower_letter" // a), b), c), d), đ), e), g) …
	StyleDash        NumberStyle = "dash"         // - (bulleted)
	StyleNone        NumberStyle = "none"
)

// DefaultStyle returns the style an item at depth d (0 for top level) gets unless it says
// otherwise: A., then 1., then 1.1., then a).
func DefaultStyle(depth int) NumberStyle {
	switch depth {
	case 0:
		return StyleUpperLetter
	case 1:
		return StyleArabic
	case 2:
		return StyleNested
	case 3:
		return StyleLowerLetter
	}
	return StyleDash
}

// Item is a numbered paragraph of a program: a part, a clause, a point. Its Label is derived
// by [Number] from its position and style, never stored as typed text.
type Item struct {
	ID        int64
	ProgramID int64
	ParentID  int64 // 0 at top level
	Position  int   // order among siblings
	Style     NumberStyle
	Heading   string // "NHIỆM VỤ TRỌNG TÂM THÁNG 4", "Về phát triển kinh tế"; may be empty
	Text      string // body paragraph(s)
	Sector    Sector
	Label     string // computed: "A.", "1.", "1.1.", "a)"
	Version   int
}

// Validate checks the lengths and style of an item.
func (it Item) Validate() error {
	var p Problems
	p.Text("heading", "Tiêu đề mục", it.Heading)
	p.Text("text", "Nội dung mục", it.Text)
	if strings.TrimSpace(it.Heading) == "" && strings.TrimSpace(it.Text) == "" {
		p.Add("text", "Mục phải có tiêu đề hoặc nội dung.")
	}
	if len([]rune(it.Heading)) > MaxTitle {
		p.Add("heading", "Tiêu đề mục dài quá 500 ký tự.")
	}
	if len([]rune(it.Text)) > MaxLongText {
		p.Add("text", "Nội dung mục dài quá 20.000 ký tự.")
	}
	switch it.Style {
	case StyleUpperLetter, StyleRoman, StyleArabic, StyleNested, StyleLowerLetter, StyleDash, StyleNone, "":
	default:
		p.Add("style", "Kiểu đánh số %q không hợp lệ.", string(it.Style))
	}
	if it.Sector != "" && !it.Sector.Valid() {
		p.Add("sector", "Lĩnh vực %q không hợp lệ.", string(it.Sector))
	}
	return p.Err()
}

// vnLetters is the order of point letters in Vietnamese legal text: no f, j, w, z; đ after d.
var vnLetters = []string{"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n",
	"o", "p", "q", "r", "s", "t", "u", "v", "x", "y"}

// Letter returns the n-th (from 1) point letter in Vietnamese order: a, b, c, d, đ, e, g …
// Past y it starts again with the round appended: a1, b1 … Zero or negative n gives "".
func Letter(n int) string {
	if n < 1 {
		return ""
	}
	l := vnLetters[(n-1)%len(vnLetters)]
	if round := (n - 1) / len(vnLetters); round > 0 {
		l += strconv.Itoa(round)
	}
	return l
}

// Number sets the Label of every item from the tree structure and styles. Items are given in
// any order; siblings are ordered by Position, then by ID. A missing style takes
// [DefaultStyle] of the item's depth. Counters run per style among siblings, so unnumbered
// paragraphs (StyleNone) do not break a sequence. Items whose parent is missing, and items
// whose ancestry never reaches the top (a parent cycle, an item its own parent), are treated
// as top level.
func Number(items []Item) {
	index := make(map[int64]int, len(items))
	for i, it := range items {
		index[it.ID] = i
	}
	byParent := map[int64][]int{}
	for i, it := range items {
		parent := it.ParentID
		if _, ok := index[parent]; !ok || inCycle(items, index, i) {
			parent = 0
		}
		byParent[parent] = append(byParent[parent], i)
	}
	for _, kids := range byParent {
		slices.SortFunc(kids, func(a, b int) int {
			return cmp.Or(cmp.Compare(items[a].Position, items[b].Position), cmp.Compare(items[a].ID, items[b].ID))
		})
	}
	visited := make([]bool, len(items))
	var walk func(parent int64, depth int, parentNum string)
	walk = func(parent int64, depth int, parentNum string) {
		count := map[NumberStyle]int{}
		for _, i := range byParent[parent] {
			if visited[i] {
				continue // a duplicate ID must not number a subtree twice
			}
			visited[i] = true
			it := &items[i]
			style := it.Style
			if style == "" {
				style = DefaultStyle(depth)
			}
			count[style]++
			num := numeral(style, count[style], parentNum)
			it.Label = label(style, num)
			next := parentNum
			if style == StyleArabic || style == StyleNested {
				next = num
			}
			if it.ID != 0 {
				walk(it.ID, depth+1, next)
			}
		}
	}
	walk(0, 0, "")
}

// inCycle reports whether following parents up from items[i] comes back to it.
func inCycle(items []Item, index map[int64]int, i int) bool {
	j := i
	for range items {
		p, ok := index[items[j].ParentID]
		if !ok || items[j].ParentID == 0 {
			return false
		}
		if p == i {
			return true
		}
		j = p
	}
	return false
}

// numeral returns the number of the n-th sibling of a style, without punctuation.
func numeral(style NumberStyle, n int, parentNum string) string {
	switch style {
	case StyleUpperLetter:
		return strings.ToUpper(Letter(n))
	case StyleRoman:
		return Roman(n)
	case StyleArabic:
		return strconv.Itoa(n)
	case StyleNested:
		if parentNum == "" {
			return strconv.Itoa(n)
		}
		return parentNum + "." + strconv.Itoa(n)
	case StyleLowerLetter:
		return Letter(n)
	}
	return ""
}

// label adds the punctuation of a style to a numeral: "A.", "1.1.", "a)", "-".
func label(style NumberStyle, num string) string {
	switch style {
	case StyleLowerLetter:
		return num + ")"
	case StyleDash:
		return "-"
	case StyleNone:
		return ""
	}
	return num + "."
}
