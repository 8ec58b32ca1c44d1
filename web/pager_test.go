package web

import (
	"net/http/httptest"
	"testing"
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
