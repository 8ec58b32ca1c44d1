package export

import (
	"cmp"
	"slices"

	"congtac"
)

// itemTree indexes a program's items by parent, siblings in order of Position, then ID, as
// [congtac.Number] numbers them. Items whose parent is missing, or whose ancestry loops,
// sit at the top level; an item listed twice is kept once.
type itemTree struct {
	byParent map[int64][]congtac.Item
	known    map[int64]bool
}

func newItemTree(items []congtac.Item) itemTree {
	t := itemTree{byParent: map[int64][]congtac.Item{}, known: map[int64]bool{}}
	parent := map[int64]int64{}
	for _, it := range items {
		if !t.known[it.ID] {
			parent[it.ID] = it.ParentID
		}
		t.known[it.ID] = true
	}
	seen := map[int64]bool{}
	for _, it := range items {
		if seen[it.ID] && it.ID != 0 {
			continue
		}
		seen[it.ID] = true
		p := it.ParentID
		if !t.known[p] || it.ID == 0 || loops(parent, it.ID) {
			p = 0
		}
		t.byParent[p] = append(t.byParent[p], it)
	}
	for _, kids := range t.byParent {
		slices.SortStableFunc(kids, func(a, b congtac.Item) int {
			return cmp.Or(cmp.Compare(a.Position, b.Position), cmp.Compare(a.ID, b.ID))
		})
	}
	return t
}

// loops reports whether following parents up from id comes back to id.
func loops(parent map[int64]int64, id int64) bool {
	cur := id
	for range len(parent) + 1 {
		p, ok := parent[cur]
		if !ok || p == 0 {
			return false
		}
		if p == id {
			return true
		}
		cur = p
	}
	return true
}

// children returns the items under parent (0 for the top level) in order. Items with ID 0
// have no children: 0 is the top level.
func (t itemTree) children(parent int64) []congtac.Item {
	return t.byParent[parent]
}

// tasksByItem groups tasks by the item that carries them, in order of Position, then ID;
// tasks of no item, or of an item not in the tree, fall under 0.
func tasksByItem(tasks []congtac.Task, tree itemTree) map[int64][]congtac.Task {
	out := map[int64][]congtac.Task{}
	for _, t := range tasks {
		id := t.ItemID
		if !tree.known[id] || id == 0 {
			id = 0
		}
		out[id] = append(out[id], t)
	}
	for _, ts := range out {
		slices.SortStableFunc(ts, func(a, b congtac.Task) int {
			return cmp.Or(cmp.Compare(a.Position, b.Position), cmp.Compare(a.ID, b.ID))
		})
	}
	return out
}
