package vn

import (
	"slices"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestCompare(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"An", "Ánh", -1},
		{"Ánh", "Ba", -1},
		{"Dũng", "Đào", -1}, // đ is a letter after d
		{"Đào", "Dũng", 1},
		{"Đào", "Em", -1},
		{"ca", "cà", -1}, // tones: none, huyền, hỏi, ngã, sắc, nặng
		{"cà", "cả", -1},
		{"cả", "cã", -1},
		{"cã", "cá", -1},
		{"cá", "cạ", -1},
		{"cạ", "cac", -1}, // tones come after the letters
		{"a", "ă", -1},
		{"ă", "â", -1},
		{"â", "b", -1},
		{"o", "ô", -1},
		{"ô", "ơ", -1},
		{"ơ", "p", -1},
		{"u", "ư", -1},
		{"ư", "v", -1},
		{"e", "ê", -1},
		{"Nguyễn", norm.NFD.String("Nguyễn"), 0},
		{"an", "An", -1},
		{"Hà", "Hà", 0},
	}
	c := NewCollator()
	for _, tt := range tests {
		if got := c.Compare(tt.a, tt.b); got != tt.want {
			t.Errorf("Compare(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := Compare(tt.b, tt.a); got != -tt.want {
			t.Errorf("Compare(%q, %q) = %d, want %d", tt.b, tt.a, got, -tt.want)
		}
	}
}

func TestSort(t *testing.T) {
	want := []string{"a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m", "n",
		"o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y"}
	got := slices.Clone(want)
	slices.Reverse(got)
	Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("Sort(alphabet) = %q, want %q", got, want)
	}
	words := []string{"Đào", "Dũng", "Ánh", "An", "Ba", "bà", "Bạch", "Ấn", "Ẩn"}
	Sort(words)
	if want := []string{"An", "Ánh", "Ẩn", "Ấn", "Ba", "bà", "Bạch", "Dũng", "Đào"}; !slices.Equal(words, want) {
		t.Errorf("Sort(words) = %q, want %q", words, want)
	}
}

func TestSortAgreesWithCompare(t *testing.T) {
	xs := []string{"Hà", "hà", "Ha", "Hạ", "Hà\u200b", norm.NFD.String("Hà"), "Hả", "", " ", "Hà Nội", "Ha Noi"}
	got := slices.Clone(xs)
	Sort(got)
	c := NewCollator()
	if !slices.IsSortedFunc(got, c.Compare) {
		t.Errorf("Sort(%q) = %q, not sorted by Compare", xs, got)
	}
}

func TestSortPeople(t *testing.T) {
	names := []string{"Trần Thị Bình", "Nguyễn Văn An", "Lê Văn Đức", "Phạm Minh Dũng",
		"Nguyễn Thị An", "Hoàng An", "  Vương  Mạnh Chung ", "Bình"}
	want := []string{"Hoàng An", "Nguyễn Thị An", "Nguyễn Văn An", "Bình", "Trần Thị Bình",
		"  Vương  Mạnh Chung ", "Phạm Minh Dũng", "Lê Văn Đức"}
	SortPeople(names)
	if !slices.Equal(names, want) {
		t.Errorf("SortPeople = %q, want %q", names, want)
	}
	c := NewCollator()
	if !slices.IsSortedFunc(names, c.ComparePeople) {
		t.Errorf("SortPeople result %q is not sorted by ComparePeople", names)
	}
}

type person struct {
	Name string
	ID   int
}

func TestSortFuncs(t *testing.T) {
	people := []person{{"Trần Thị Bình", 1}, {"Nguyễn Văn An", 2}, {"Đỗ An", 3}, {"Dương An", 4}}
	SortPeopleFunc(people, func(p person) string { return p.Name })
	if got, want := ids(people), []int{4, 3, 2, 1}; !slices.Equal(got, want) {
		t.Errorf("SortPeopleFunc IDs = %v, want %v", got, want)
	}
	SortFunc(people, func(p person) string { return p.Name })
	if got, want := ids(people), []int{4, 3, 2, 1}; !slices.Equal(got, want) {
		t.Errorf("SortFunc IDs = %v, want %v", got, want)
	}
	stable := []person{{"An", 1}, {"Bình", 2}, {"An", 3}, {"An", 4}}
	SortFunc(stable, func(p person) string { return p.Name })
	if got, want := ids(stable), []int{1, 3, 4, 2}; !slices.Equal(got, want) {
		t.Errorf("SortFunc is not stable: IDs = %v, want %v", got, want)
	}
}

func ids(ps []person) []int {
	out := make([]int, len(ps))
	for i, p := range ps {
		out[i] = p.ID
	}
	return out
}
