package store_test

import (
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// TestAppendTaskComesAfterTheItemsLastTask adds tasks to an item of a draft without naming
// a position: each comes after the last one, the first of an empty item at 0, and the
// other tasks of the program keep their places. Each is audited as a creation.
func TestAppendTaskComesAfterTheItemsLastTask(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		p, err := s.CreateProgram(ctx, f.drafter, f.april())
		if err != nil {
			t.Fatal(err)
		}
		fees := findTaskByText(t, p.Tasks, "Thu tiền")
		item := fees.ItemID // two tasks, at 0 and 0 (positions as CreateProgram got them)
		add := func(item int64, text string, position int) congtac.Task {
			t.Helper()
			tk, err := s.AppendTask(ctx, f.drafter, congtac.Task{ProgramID: p.ID, ItemID: item, Text: text,
				Lead: f.deptA.ID, Position: position, Due: congtac.DueInMonth(2023, 4)})
			if err != nil {
				t.Fatalf("append %q: %v", text, err)
			}
			return tk
		}
		first := add(item, "Kiểm tra thu chi", 0)
		second := add(item, "Tổng hợp báo cáo thu chi", 99) // a position given is not read
		if first.Position != 1 || second.Position != 2 {
			t.Errorf("appended at %d then %d, want 1 then 2", first.Position, second.Position)
		}
		empty, err := s.CreateItem(ctx, f.drafter, congtac.Item{ProgramID: p.ID, ParentID: p.Items[1].ID, Position: 9,
			Text: "Công tác cải cách hành chính."})
		if err != nil {
			t.Fatal(err)
		}
		if got := add(empty.ID, "Rà soát thủ tục hành chính", 5); got.Position != 0 {
			t.Errorf("first task of an empty item at %d, want 0", got.Position)
		}
		again, err := s.FindProgramByID(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, before := range p.Tasks {
			if now := findTaskByText(t, again.Tasks, before.Text); now.Position != before.Position || now.Version != before.Version {
				t.Errorf("%q moved: position %d → %d, version %d → %d", before.Text, before.Position, now.Position,
					before.Version, now.Version)
			}
		}
		if got := findTaskByText(t, again.Tasks, "Tổng hợp báo cáo"); got.ID != second.ID || got.Position != 2 {
			t.Errorf("stored %+v, want task %d at 2", got, second.ID)
		}
		id := second.ID
		events, _, err := s.FindAuditEvents(ctx, congtac.System, congtac.AuditFilter{Entity: "task", EntityID: &id})
		if err != nil || len(events) != 1 || events[0].Action != "create" {
			t.Errorf("audit of the appended task: %+v, %v; want one create", events, err)
		}
	})
}

// TestCreateTaskRefusesAnItemOfAnotherProgram: a task names an item of its own program or
// none; another program's item is EINVALID on item_id, and nothing is written.
func TestCreateTaskRefusesAnItemOfAnotherProgram(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		april, err := s.CreateProgram(ctx, f.drafter, f.april())
		if err != nil {
			t.Fatal(err)
		}
		may := f.april()
		may.Period, may.Also, may.Title = congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: 5}, nil, "Công tác tháng 5"
		may.Tasks = nil
		other, err := s.CreateProgram(ctx, f.drafter, may)
		if err != nil {
			t.Fatal(err)
		}
		tk := congtac.Task{ProgramID: april.ID, ItemID: other.Items[2].ID, Text: "Nhiệm vụ lạc chỗ", Lead: f.deptA.ID,
			Due: congtac.DueInMonth(2023, 4)}
		for name, create := range map[string]func(congtac.Task) (congtac.Task, error){
			"CreateTask": func(tk congtac.Task) (congtac.Task, error) { return s.CreateTask(ctx, f.drafter, tk) },
			"AppendTask": func(tk congtac.Task) (congtac.Task, error) { return s.AppendTask(ctx, f.drafter, tk) },
		} {
			if _, err := create(tk); congtac.FieldErrors(err)["item_id"] == "" {
				t.Errorf("%s under another program's item: %v, want EINVALID on item_id", name, err)
			}
		}
		tk.ItemID = 999999
		if _, err := s.AppendTask(ctx, f.drafter, tk); congtac.FieldErrors(err)["item_id"] == "" {
			t.Errorf("under no item that exists: %v, want EINVALID on item_id", err)
		}
		again, _ := s.FindProgramByID(ctx, april.ID)
		if len(again.Tasks) != len(april.Tasks) {
			t.Errorf("%d tasks after refusals, want %d", len(again.Tasks), len(april.Tasks))
		}
	})
}

// TestFindProgramOfItem returns the program of an item without its content, and ENOTFOUND
// for an item that does not exist.
func TestFindProgramOfItem(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		p, err := s.CreateProgram(ctx, f.drafter, f.april())
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.FindProgramOfItem(ctx, p.Items[3].ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.ID != p.ID || got.OrgID != p.OrgID || got.Period != p.Period || got.Status != congtac.ProgramDraft ||
			len(got.Also) != 1 || got.Items != nil || got.Tasks != nil {
			t.Errorf("program of item: %+v", got)
		}
		if _, err := s.FindProgramOfItem(ctx, 999999); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Errorf("program of no item: %v, want ENOTFOUND", err)
		}
	})
}
