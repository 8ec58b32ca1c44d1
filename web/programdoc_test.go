package web

import (
	"fmt"
	"slices"
	"testing"

	"congtac"
)

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
