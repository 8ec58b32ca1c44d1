package store_test

import (
	"slices"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

func TestProgramLifecycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		p, err := s.CreateProgram(ctx, f.drafter, f.april())
		if err != nil {
			t.Fatalf("CreateProgram: %v", err)
		}
		got, err := s.FindProgramByID(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		labels := []string{}
		for _, it := range got.Items {
			labels = append(labels, it.Label)
		}
		if want := []string{"A.", "1.", "1.1.", "1.2."}; !slices.Equal(labels, want) {
			t.Errorf("labels = %v, want %v", labels, want)
		}
		if len(got.Tasks) != 3 || got.Status != congtac.ProgramDraft || len(got.Also) != 1 {
			t.Fatalf("program = %d tasks, status %s, also %v", len(got.Tasks), got.Status, got.Also)
		}
		rec := findTaskByText(t, got.Tasks, "Báo cáo kết quả")
		if rec.Recurrence == nil || rec.Recurrence.String() != "FREQ=MONTHLY;BYMONTHDAY=-1" {
			t.Errorf("recurrence = %v", rec.Recurrence)
		}
		tg := findTaskByText(t, got.Tasks, "Thu tiền")
		if tg.Target == nil || tg.Target.Value != 50 || tg.Source != "Chỉ thị số 19-CT/TU ngày 11/6/2020" {
			t.Errorf("target/source = %+v %q", tg.Target, tg.Source)
		}
		if lead := findTaskByText(t, got.Tasks, "Khởi công"); len(lead.Support) != 1 || lead.Support[0].OrgID != f.deptB.ID {
			t.Errorf("supports = %+v", lead.Support)
		}

		// The chair may not submit; the drafter may not approve.
		if _, err := s.TransitionProgram(ctx, f.chair, p.ID, p.Version, congtac.ActionSubmit, ""); congtac.ErrorCode(err) != congtac.EFORBIDDEN {
			t.Errorf("chair submit: %v, want EFORBIDDEN", err)
		}
		p, err = s.TransitionProgram(ctx, f.drafter, p.ID, p.Version, congtac.ActionSubmit, "")
		if err != nil || p.Status != congtac.ProgramSubmitted {
			t.Fatalf("submit: %v, %s", err, p.Status)
		}
		if _, err := s.TransitionProgram(ctx, f.chair, p.ID, p.Version, congtac.ActionReturn, " "); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("return without comment: %v, want EINVALID", err)
		}
		p, err = s.TransitionProgram(ctx, f.chair, p.ID, p.Version, congtac.ActionReturn, "Bổ sung thời hạn mục 1.2")
		if err != nil || p.Status != congtac.ProgramReturned {
			t.Fatalf("return: %v, %s", err, p.Status)
		}
		// A returned program is editable again.
		title := "Công tác của UBND xã tháng 4 và quý II năm 2023"
		if p, err = s.UpdateProgram(ctx, f.drafter, p.ID, p.Version, congtac.ProgramUpdate{Title: &title}); err != nil {
			t.Fatalf("update returned program: %v", err)
		}
		p, _ = s.TransitionProgram(ctx, f.drafter, p.ID, p.Version, congtac.ActionSubmit, "")
		p, err = s.TransitionProgram(ctx, f.chair, p.ID, p.Version, congtac.ActionApprove, "")
		if err != nil || p.Status != congtac.ProgramApproved {
			t.Fatalf("approve: %v, %s", err, p.Status)
		}
		p, err = s.IssueProgram(ctx, f.drafter, p.ID, p.Version, congtac.Issuance{On: congtac.MustDate(2023, 4, 5)}, nil)
		if err != nil {
			t.Fatalf("issue: %v", err)
		}
		if p.Status != congtac.ProgramIssued || congtac.FormatNumber(p.Number, p.Symbol) != "01/CTr-UBND" {
			t.Errorf("issued = %s %q", p.Status, congtac.FormatNumber(p.Number, p.Symbol))
		}
		// Issued programs are immutable.
		if _, err := s.UpdateProgram(ctx, f.drafter, p.ID, p.Version, congtac.ProgramUpdate{Title: &title}); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("update issued: %v, want EINVALID", err)
		}
		if _, err := s.CreateTask(ctx, f.drafter, congtac.Task{ProgramID: p.ID, Text: "Thêm", Lead: f.deptA.ID}); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("add task to issued: %v, want EINVALID", err)
		}
		// The next program takes the next number.
		next := f.april()
		next.Period = congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: 5}
		next.Also, next.Tasks = nil, nil
		q, err := s.CreateProgram(ctx, f.drafter, next)
		if err != nil {
			t.Fatal(err)
		}
		q, _ = s.TransitionProgram(ctx, f.drafter, q.ID, q.Version, congtac.ActionSubmit, "")
		q, _ = s.TransitionProgram(ctx, f.chair, q.ID, q.Version, congtac.ActionApprove, "")
		q, err = s.IssueProgram(ctx, f.drafter, q.ID, q.Version, congtac.Issuance{On: congtac.MustDate(2023, 5, 4)}, nil)
		if err != nil || q.Number != 2 {
			t.Errorf("second issue: number %d, %v; want 2", q.Number, err)
		}
		if docs, n, err := s.FindDocuments(ctx, congtac.DocumentFilter{ProgramID: &p.ID}); err != nil || n != 1 || docs[0].Number != 1 {
			t.Errorf("documents of the first program: %d, %v", n, err)
		}
		events, _, err := s.FindAuditEvents(ctx, congtac.System, congtac.AuditFilter{Entity: "program", EntityID: &p.ID})
		if err != nil {
			t.Fatal(err)
		}
		actions := []string{}
		for _, e := range events {
			actions = append([]string{e.Action}, actions...)
		}
		want := []string{"create", "submit", "return", "update", "submit", "approve", "issue"}
		if !slices.Equal(actions, want) {
			t.Errorf("audit actions = %v, want %v", actions, want)
		}
	})
}

func TestCreateProgramRejectsBadInputAndWritesNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		tests := []struct {
			name  string
			edit  func(*congtac.Program)
			field string
		}{
			{"missing lead", func(p *congtac.Program) { p.Tasks[0].Lead = 0 }, "lead"},
			{"deadline outside the period", func(p *congtac.Program) { p.Tasks[0].Due = congtac.DueInMonth(2023, 9) }, "due"},
			{"empty title", func(p *congtac.Program) { p.Title = "  " }, "title"},
			{"task on a missing item", func(p *congtac.Program) { p.Tasks[1].ItemID = 99 }, "tasks"},
			{"bad period", func(p *congtac.Program) { p.Period.Number = 13 }, "period"},
		}
		for _, tt := range tests {
			p := f.april()
			tt.edit(&p)
			_, err := s.CreateProgram(ctx, f.drafter, p)
			if congtac.ErrorCode(err) != congtac.EINVALID {
				t.Errorf("%s: err = %v, want EINVALID", tt.name, err)
				continue
			}
			if _, ok := congtac.FieldErrors(err)[tt.field]; !ok {
				t.Errorf("%s: field errors %v, want one on %q", tt.name, congtac.FieldErrors(err), tt.field)
			}
		}
		if ps, n, _ := s.FindPrograms(ctx, congtac.ProgramFilter{}); n != 0 || len(ps) != 0 {
			t.Errorf("after failures %d programs stored, want 0", n)
		}
		if events, _, _ := s.FindAuditEvents(ctx, congtac.System, congtac.AuditFilter{Entity: "program"}); len(events) != 0 {
			t.Errorf("after failures %d audit events, want 0", len(events))
		}
	})
}

func TestUpdateTaskDetectsConcurrentEdits(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		p, err := s.CreateProgram(ctx, f.drafter, f.april())
		if err != nil {
			t.Fatal(err)
		}
		task := p.Tasks[0]
		first, second := "Khởi công đường giao thông liên xã", "Khởi công đường giao thông nội đồng"
		if _, err := s.UpdateTask(ctx, f.drafter, task.ID, task.Version, congtac.TaskUpdate{Text: &first}); err != nil {
			t.Fatalf("first save: %v", err)
		}
		_, err = s.UpdateTask(ctx, f.drafter, task.ID, task.Version, congtac.TaskUpdate{Text: &second})
		if congtac.ErrorCode(err) != congtac.ECONFLICT {
			t.Fatalf("second save on a stale version: %v, want ECONFLICT", err)
		}
		got, _ := s.FindTaskByID(ctx, task.ID)
		if got.Text != first || got.Version != task.Version+1 {
			t.Errorf("stored %q v%d, want the first save", got.Text, got.Version)
		}
	})
}

func TestSearchIgnoresDiacriticsOnBothEngines(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		f := newFixture(t, s)
		p := issued(t, s, f) // search finds only work in force
		tests := []struct {
			query string
			want  int
		}{
			{"duong giao thong", 1},
			{"ĐƯỜNG", 1},
			{"ve sinh moi truong", 1},
			{"chi thi", 2}, // source of one task, text of another
			{"bao cao thang", 1},
			{"bao cao quy", 0},
			{"19-CT/TU", 1},
			{"%", 3},   // wildcards are not words: no condition, everything matches
			{"ong", 0}, // words match from their start: "ong" is inside "đường", "công" only
			{"khoi cong duo", 1},
			// the query language (issue 15): phrases in order, exclusions, symbols whole
			{`"duong giao thong"`, 1},
			{`"giao thong duong"`, 0},
			{`"cong trinh duo`, 1},
			{"chi thi -19", 1},
			{`bao cao -"chi thi"`, 0},
			{"17-CT", 1},
			{"1-CT", 0},   // "1" is a number: whole, not the start of "17" or "11"
			{"-duong", 3}, // nothing to include: no condition
		}
		// A probe of 1 takes the plan of common words (the rows' own search column) for
		// every query with more than one match; the default, the trigram index.
		for _, probe := range []int{1000, 1} {
			s.SetSearchProbe(probe)
			for _, tt := range tests {
				_, n, err := s.FindTasks(ctx, congtac.TaskFilter{ProgramID: &p.ID, Query: tt.query})
				if err != nil || n != tt.want {
					t.Errorf("probe %d: FindTasks(%q) = %d, %v; want %d", probe, tt.query, n, err, tt.want)
				}
			}
		}
		if _, n, _ := s.FindPrograms(ctx, congtac.ProgramFilter{Query: "cong tac thang 4"}); n != 1 {
			t.Errorf("FindPrograms = %d, want 1", n)
		}
		if orgs, _ := s.FindOrgs(ctx, congtac.OrgFilter{Query: "van hoa"}); len(orgs) != 1 {
			t.Errorf("FindOrgs(van hoa) = %d, want 1", len(orgs))
		}
	})
}

func findTaskByText(t *testing.T, tasks []congtac.Task, prefix string) congtac.Task {
	t.Helper()
	for _, task := range tasks {
		if len(task.Text) >= len(prefix) && task.Text[:len(prefix)] == prefix {
			return task
		}
	}
	t.Fatalf("no task starting %q", prefix)
	return congtac.Task{}
}
