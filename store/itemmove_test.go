package store_test

import (
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// itemLabels returns the labels of program id's items by item.
func itemLabels(t *testing.T, s *store.Store, id int64) map[int64]string {
	t.Helper()
	got, err := s.FindProgramByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	out := map[int64]string{}
	for _, it := range got.Items {
		out[it.ID] = it.Label
	}
	return out
}

func TestMoveItemRenumbers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		p, err := s.CreateProgram(ctx, f.drafter, f.april())
		if err != nil {
			t.Fatal(err)
		}
		part, clause, first, second := p.Items[0], p.Items[1], p.Items[2], p.Items[3]
		labels := func() map[int64]string { return itemLabels(t, s, p.ID) }
		steps := []struct {
			name          string
			id, parent    int64
			index         int
			first, second string
		}{
			{"outdent 1.2.", second.ID, part.ID, 1, "1.1.", "2."},
			{"indent it back", second.ID, clause.ID, 9, "1.1.", "1.2."},
			{"move it up", second.ID, clause.ID, 0, "1.2.", "1.1."},
		}
		versions := map[int64]int{second.ID: second.Version}
		for _, st := range steps {
			moved, err := s.MoveItem(ctx, f.drafter, st.id, versions[st.id], st.parent, st.index)
			if err != nil {
				t.Fatalf("%s: %v", st.name, err)
			}
			versions[st.id] = moved.Version
			got := labels()
			if got[first.ID] != st.first || got[second.ID] != st.second || got[part.ID] != "A." || got[clause.ID] != "1." {
				t.Errorf("%s: labels %v, want %s and %s", st.name, got, st.first, st.second)
			}
		}
		if _, err := s.MoveItem(ctx, f.drafter, second.ID, second.Version, 0, 0); congtac.ErrorCode(err) != congtac.ECONFLICT {
			t.Errorf("a stale move: %v, want ECONFLICT", err)
		}
		if _, err := s.MoveItem(ctx, f.drafter, part.ID, part.Version, clause.ID, 0); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("moving a part into its own clause: %v, want EINVALID", err)
		}
		if _, err := s.MoveItem(ctx, f.drafter, 99999, 1, 0, 0); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Errorf("moving a missing item: %v, want ENOTFOUND", err)
		}
		if _, err := s.UpdateItem(ctx, f.drafter, congtac.Item{ID: first.ID, ParentID: clause.ID, Position: 1,
			Text: "Sửa sau khi chuyển"}, first.Version); err != nil {
			t.Errorf("a sibling keeps its version when only its place changes: %v", err)
		}
	})
}

// TestCreateItemAfter: an item added right after another takes the next place and moves
// the later siblings down, in one use case (issue 10: a creation then a move composed in
// web left the item last when the move failed).
func TestCreateItemAfter(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		p, err := s.CreateProgram(ctx, f.drafter, f.april())
		if err != nil {
			t.Fatal(err)
		}
		clause, first, second := p.Items[1], p.Items[2], p.Items[3]
		labels := func() map[int64]string { return itemLabels(t, s, p.ID) }
		it, err := s.CreateItemAfter(ctx, f.drafter, congtac.Item{ProgramID: p.ID, Text: "Rà soát quy hoạch."}, first.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got := labels(); it.ParentID != clause.ID || got[first.ID] != "1.1." || got[it.ID] != "1.2." || got[second.ID] != "1.3." {
			t.Errorf("after 1.1.: parent %d, labels %v; want under %d as 1.2. before 1.3.", it.ParentID, got, clause.ID)
		}
		other, err := s.CreateProgram(ctx, f.drafter, congtac.Program{OrgID: f.committee.ID, Title: "Công tác tháng 5",
			Period: congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: 5},
			Items:  []congtac.Item{{ID: 1, Text: "Mục khác."}}})
		if err != nil {
			t.Fatal(err)
		}
		before := labels()
		for name, tt := range map[string]struct {
			it    congtac.Item
			after int64
		}{
			"after an item of another program": {congtac.Item{ProgramID: p.ID, Text: "Mục mới."}, other.Items[0].ID},
			"an empty item":                    {congtac.Item{ProgramID: p.ID}, first.ID},
		} {
			if _, err := s.CreateItemAfter(ctx, f.drafter, tt.it, tt.after); congtac.ErrorCode(err) != congtac.EINVALID {
				t.Errorf("%s: %v, want EINVALID", name, err)
			}
		}
		if got := labels(); len(got) != len(before) || got[second.ID] != "1.3." {
			t.Errorf("refused additions changed the items: %v, want %v", got, before)
		}
	})
}
