package web

import (
	"fmt"
	"net/http/httptest"
	"slices"
	"testing"

	"congtac"
)

func TestPager(t *testing.T) {
	tests := []struct {
		target             string
		page, per, total   int
		first, last, pages int
		prev, next         string
	}{
		{"/tasks?status=overdue", 1, 50, 120, 1, 50, 3, "", "/tasks?page=2&status=overdue"},
		{"/tasks?page=2&status=overdue", 2, 50, 120, 51, 100, 3, "/tasks?status=overdue", "/tasks?page=3&status=overdue"},
		{"/tasks?page=3", 3, 50, 120, 101, 120, 3, "/tasks?page=2", ""},
		{"/tasks?page=9", 9, 50, 120, 0, 0, 3, "/tasks?page=3", ""},
		{"/tasks", 1, 50, 0, 0, 0, 1, "", ""},
	}
	for _, tt := range tests {
		p := newPager(httptest.NewRequest("GET", tt.target, nil), tt.page, tt.per, tt.total)
		if p.First != tt.first || p.Last != tt.last || p.Pages != tt.pages || p.Prev != tt.prev || p.Next != tt.next {
			t.Errorf("%s page %d of %d: got %+v", tt.target, tt.page, tt.total, p)
		}
	}
	if got := pageParam(httptest.NewRequest("GET", "/tasks?page=-2", nil).URL.Query()); got != 1 {
		t.Errorf("page -2 reads as %d, want 1", got)
	}
}

func TestParseDay(t *testing.T) {
	tests := []struct {
		in      string
		want    congtac.Date
		wantErr bool
	}{
		{"", congtac.Date{}, false},
		{"25/11/2026", congtac.MustDate(2026, 11, 25), false},
		{"5/1/2026", congtac.MustDate(2026, 1, 5), false},
		{"2026-11-25", congtac.MustDate(2026, 11, 25), false},
		{"31/02/2026", congtac.Date{}, true},
		{"25/11/26", congtac.Date{}, true},
		{"25-11-2026", congtac.Date{}, true},
		{"hôm qua", congtac.Date{}, true},
	}
	for _, tt := range tests {
		got, err := parseDay(tt.in)
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("parseDay(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestNumbers(t *testing.T) {
	parse := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"62,5", 62.5, true}, {"62.5", 62.5, true}, {"1.234,5", 1234.5, true}, {" 98 ", 98, true},
		{"nhiều", 0, false}, {"NaN", 0, false}, {"", 0, false},
	}
	for _, tt := range parse {
		got, err := parseNumber(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("parseNumber(%q) = %v, %v; want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
	format := []struct {
		in   float64
		want string
	}{
		{61.5, "61,5"}, {1234567, "1.234.567"}, {-1234.25, "-1.234,25"}, {0.3333333, "0,333"}, {60, "60"},
	}
	for _, tt := range format {
		if got := numberText(tt.in); got != tt.want {
			t.Errorf("numberText(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestShortText(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"Giải ngân vốn", 20, "Giải ngân vốn"},
		{"Đẩy nhanh tiến độ giải ngân vốn đầu tư công, phấn đấu giải ngân", 30, "Đẩy nhanh tiến độ giải ngân…"},
	}
	for _, tt := range tests {
		if got := shortText(tt.in, tt.n); got != tt.want {
			t.Errorf("shortText(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

func TestItemOrder(t *testing.T) {
	items := []congtac.Item{
		{ID: 5, ParentID: 1, Position: 2, Label: "2."},
		{ID: 1, Position: 1, Label: "A."},
		{ID: 4, ParentID: 1, Position: 1, Label: "1."},
		{ID: 6, ParentID: 4, Label: "1.1."},
		{ID: 2, Position: 2, Label: "B."},
		{ID: 7, ParentID: 99, Position: 3, Label: "orphan"},
		{ID: 8, ParentID: 9, Label: "loop 8"},
		{ID: 9, ParentID: 8, Label: "loop 9"},
	}
	var got []string
	for _, it := range itemOrder(items) {
		got = append(got, fmt.Sprintf("%d:%s", it.depth, it.Label))
	}
	want := []string{"0:A.", "1:1.", "2:1.1.", "1:2.", "0:B.", "0:orphan", "0:loop 8", "1:loop 9"}
	if !slices.Equal(got, want) {
		t.Errorf("itemOrder = %q, want %q", got, want)
	}
}
