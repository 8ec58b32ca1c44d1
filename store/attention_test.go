package store_test

import (
	"fmt"
	"slices"
	"testing"
	gotime "time"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// TestTaskListsPutAttentionFirst: as of 20/5/2023 a program's tasks are listed overdue
// first, the most overdue first (a deferral counts from its new deadline), then those due
// soonest, then the vague one, then those done or cancelled; a page's cursor continues in
// that order across the done ones.
func TestTaskListsPutAttentionFirst(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 5, 2))
		f := newFixture(t, s)
		day := func(m, d int) congtac.Due {
			return congtac.Due{Date: congtac.MustDate(2023, gotime.Month(m), d), Precision: congtac.PrecisionDay, Text: fmt.Sprintf("trước ngày %d/%d/2023", d, m)}
		}
		tasks := []struct {
			text string
			due  congtac.Due
		}{
			{"Sắp đến hạn", day(5, 25)},
			{"Quá hạn 10 ngày", day(5, 10)},
			{"Không rõ hạn", congtac.Due{Text: "khi có chỉ đạo"}},
			{"Đã hoàn thành", day(5, 3)},
			{"Quá hạn 15 ngày", day(5, 5)},
			{"Giãn đến 15/5", day(5, 4)},
			{"Đến hạn cuối tháng", day(5, 31)},
		}
		p := congtac.Program{OrgID: f.committee.ID, DraftedBy: f.office.ID, Title: "Công tác tháng 5 năm 2023",
			Period: congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: 5},
			Items:  []congtac.Item{{ID: 1, Heading: "NHIỆM VỤ"}}}
		for _, tk := range tasks {
			p.Tasks = append(p.Tasks, congtac.Task{ItemID: 1, Text: tk.text, Lead: f.deptA.ID, Due: tk.due})
		}
		p, err := s.CreateProgram(ctx, f.drafter, p)
		if err != nil {
			t.Fatal(err)
		}
		p = takeToIssued(t, s, f, p, congtac.MustDate(2023, 5, 2))
		byText := map[string]congtac.Task{}
		for _, tk := range p.Tasks {
			byText[tk.Text] = tk
		}
		done := byText["Đã hoàn thành"]
		if _, err := s.CompleteTask(ctx, f.drafter, done.ID, done.Version, congtac.Completion{DoneOn: congtac.MustDate(2023, 5, 2)}); err != nil {
			t.Fatal(err)
		}
		moved := byText["Giãn đến 15/5"]
		if _, err := s.DeferTask(ctx, f.drafter, moved.ID, moved.Version, congtac.Deferral{On: congtac.MustDate(2023, 5, 2),
			To: day(5, 15), Reason: "Chờ vốn."}); err != nil {
			t.Fatal(err)
		}
		want := []string{"Quá hạn 15 ngày", "Quá hạn 10 ngày", "Giãn đến 15/5", "Sắp đến hạn", "Đến hạn cuối tháng", "Không rõ hạn", "Đã hoàn thành"}
		asOf := congtac.MustDate(2023, 5, 20)
		var got []string
		var after *congtac.TaskKey
		for range 10 { // pages of two
			l, err := s.FindTaskList(ctx, congtac.TaskFilter{ProgramID: &p.ID, AsOf: asOf, Limit: 2, After: after})
			if err != nil {
				t.Fatal(err)
			}
			for _, tk := range l.Tasks {
				got = append(got, tk.Text)
			}
			if after = l.Next; after == nil {
				break
			}
			if back, err := congtac.ParseTaskKey(after.String()); err != nil || back != *after {
				t.Errorf("cursor %s reads back as %+v, %v", after, back, err)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("order:\n%q\nwant\n%q", got, want)
		}
	})
}
