package store_test

import (
	"slices"
	"strings"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// takeToIssued submits, approves and issues program p on day on.
func takeToIssued(t *testing.T, s *store.Store, f fixture, p congtac.Program, on congtac.Date) congtac.Program {
	t.Helper()
	p, err := s.TransitionProgram(ctx, f.drafter, p.ID, p.Version, congtac.ActionSubmit, "")
	if err != nil {
		t.Fatalf("submit %s: %v", p.Title, err)
	}
	if p, err = s.TransitionProgram(ctx, f.chair, p.ID, p.Version, congtac.ActionApprove, ""); err != nil {
		t.Fatalf("approve: %v", err)
	}
	if p, err = s.IssueProgram(ctx, f.drafter, p.ID, p.Version, congtac.Issuance{On: on}, nil); err != nil {
		t.Fatalf("issue: %v", err)
	}
	if p, err = s.FindProgramByID(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	return p
}

// inForce returns the texts of the tasks FindTasks lists, sorted, and fails on a repeat.
func inForce(t *testing.T, s *store.Store) map[string]congtac.Task {
	t.Helper()
	tasks, n, err := s.FindTasks(ctx, congtac.TaskFilter{})
	if err != nil || n != len(tasks) {
		t.Fatalf("FindTasks: %d of %d, %v", len(tasks), n, err)
	}
	out := map[string]congtac.Task{}
	for _, task := range tasks {
		if _, dup := out[task.Text]; dup {
			t.Errorf("task %q listed twice", task.Text)
		}
		out[task.Text] = task
	}
	return out
}

func keys(m map[string]congtac.Task) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestOneTaskAcrossPrograms follows April's tasks into May's program: listed once, from the
// newest issued copy; reports go to the copy in force; an amendment takes over with what
// was done.
func TestOneTaskAcrossPrograms(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 4, 28))
		f := newFixture(t, s)
		april := f.april()
		april.Tasks = append(april.Tasks, congtac.Task{ItemID: 3, Text: "Hoàn thành hồ sơ khảo sát tuyến đường",
			Lead: f.deptA.ID, Sector: congtac.SectorEconomy, Due: congtac.DueOn(congtac.MustDate(2023, 4, 20))})
		draft, err := s.CreateProgram(ctx, f.drafter, april)
		if err != nil {
			t.Fatal(err)
		}
		if got := inForce(t, s); len(got) != 0 {
			t.Errorf("a draft's tasks are in force: %v", keys(got))
		}
		task := draft.Tasks
		if len(task) == 0 {
			full, _ := s.FindProgramByID(ctx, draft.ID)
			task = full.Tasks
		}
		_, err = s.CreateReport(ctx, f.drafter, congtac.Report{TaskID: task[0].ID, OrgID: task[0].Lead, Text: "Đang làm", Percent: 10})
		if congtac.ErrorCode(err) != congtac.EINVALID || !strings.Contains(congtac.ErrorMessage(err), "chưa ban hành") {
			t.Errorf("report on a draft's task: %v, want EINVALID about a program not issued", err)
		}
		apr := takeToIssued(t, s, f, draft, congtac.MustDate(2023, 4, 5))
		if got := inForce(t, s); len(got) != 4 {
			t.Fatalf("in force after April's issue: %v, want its 4 tasks", keys(got))
		}
		fees := findTaskByText(t, apr.Tasks, "Thu tiền")
		if _, err := s.CompleteTask(ctx, f.drafter, fees.ID, fees.Version, congtac.Completion{DoneOn: congtac.MustDate(2023, 4, 27)}); err != nil {
			t.Fatal(err)
		}

		may := congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: 5}
		draftMay, err := s.DraftNext(ctx, f.drafter, f.committee.ID, may, congtac.MustDate(2023, 4, 28))
		if err != nil {
			t.Fatal(err)
		}
		mayProgram, _ := s.FindProgramByID(ctx, draftMay.ID)
		if len(mayProgram.Tasks) != 3 {
			t.Fatalf("May's draft carries %d tasks, want the 3 unfinished", len(mayProgram.Tasks))
		}
		_, err = s.TransitionProgram(ctx, f.drafter, mayProgram.ID, mayProgram.Version, congtac.ActionSubmit, "")
		if congtac.ErrorCode(err) != congtac.EINVALID || !strings.Contains(congtac.ErrorMessage(err), "hạn cũ 20/04/2023") {
			t.Fatalf("submit with a carried task past its deadline: %v, want EINVALID naming the old deadline", err)
		}
		survey := findTaskByText(t, mayProgram.Tasks, "Hoàn thành hồ sơ")
		keep := true
		if _, err := s.UpdateTask(ctx, f.drafter, survey.ID, survey.Version, congtac.TaskUpdate{KeepsOldDue: &keep}); err != nil {
			t.Fatal(err)
		}
		mayProgram, _ = s.FindProgramByID(ctx, mayProgram.ID)
		mayIssued := takeToIssued(t, s, f, mayProgram, congtac.MustDate(2023, 5, 2))

		got := inForce(t, s)
		if len(got) != 4 {
			t.Fatalf("in force after May's issue: %v, want each of April's 4 tasks once", keys(got))
		}
		for text, task := range got {
			wantProgram := mayIssued.ID
			if text == fees.Text {
				wantProgram = apr.ID // done in April: not carried, still in force there
			}
			if task.ProgramID != wantProgram {
				t.Errorf("%q in force from program %d, want %d", text, task.ProgramID, wantProgram)
			}
		}
		oldSurvey := findTaskByText(t, apr.Tasks, "Hoàn thành hồ sơ")
		_, err = s.CreateReport(ctx, f.reporterA, congtac.Report{TaskID: oldSurvey.ID, OrgID: f.deptA.ID, Text: "Đã xong", Percent: 50})
		if congtac.ErrorCode(err) != congtac.EINVALID || !strings.Contains(congtac.ErrorMessage(err), "chuyển tiếp sang chương trình") {
			t.Errorf("report on the superseded copy: %v, want EINVALID naming where it went", err)
		}
		if _, err := s.CompleteTask(ctx, f.drafter, oldSurvey.ID, oldSurvey.Version, congtac.Completion{DoneOn: congtac.MustDate(2023, 4, 28)}); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("completing the superseded copy: %v, want EINVALID", err)
		}
		roll, err := s.Rollup(ctx, congtac.RollupFilter{Period: apr.Period}, congtac.MustDate(2023, 5, 3))
		if err != nil || roll.Total.Total() != 4 {
			t.Errorf("April's roll-up counts %d, %v; want its 4 tasks, carried ones unfinished", roll.Total.Total(), err)
		}

		// An amendment of May takes over with what was done meanwhile.
		newSurvey := got["Hoàn thành hồ sơ khảo sát tuyến đường"]
		if _, err := s.CompleteTask(ctx, f.drafter, newSurvey.ID, newSurvey.Version, congtac.Completion{DoneOn: congtac.MustDate(2023, 4, 28)}); err != nil {
			t.Fatal(err)
		}
		amend, err := s.AmendProgram(ctx, f.drafter, mayIssued.ID)
		if err != nil {
			t.Fatal(err)
		}
		amend, _ = s.FindProgramByID(ctx, amend.ID)
		takeToIssued(t, s, f, amend, congtac.MustDate(2023, 5, 10))
		got = inForce(t, s)
		if len(got) != 4 {
			t.Fatalf("in force after the amendment: %v, want 4", keys(got))
		}
		if task := got[newSurvey.Text]; task.ProgramID != amend.ID || task.DoneOn != congtac.MustDate(2023, 4, 28) {
			t.Errorf("amended copy: program %d done %s, want program %d done 2023-04-28", task.ProgramID, task.DoneOn, amend.ID)
		}
	})
}

// TestDoneAfterTheDraftIsKept: a task finished in April after May's draft carried it is
// finished in May's copy once May is issued, so that the completion is not lost.
func TestDoneAfterTheDraftIsKept(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 4, 28))
		f := newFixture(t, s)
		apr := issued(t, s, f)
		may := congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: 5}
		draft, err := s.DraftNext(ctx, f.drafter, f.committee.ID, may, congtac.MustDate(2023, 4, 26))
		if err != nil {
			t.Fatal(err)
		}
		build := findTaskByText(t, apr.Tasks, "Khởi công")
		if _, err := s.CompleteTask(ctx, f.drafter, build.ID, build.Version, congtac.Completion{DoneOn: congtac.MustDate(2023, 4, 27)}); err != nil {
			t.Fatal(err)
		}
		draft, _ = s.FindProgramByID(ctx, draft.ID)
		takeToIssued(t, s, f, draft, congtac.MustDate(2023, 5, 2))
		got := inForce(t, s)[build.Text]
		if got.ProgramID != draft.ID || got.DoneOn != congtac.MustDate(2023, 4, 27) {
			t.Errorf("in force: program %d done %s; want May's copy, done on 2023-04-27", got.ProgramID, got.DoneOn)
		}
	})
}

// TestDeferralCarriedOver: a task deferred before the next draft carries its deferral into
// it, keeps its own deadline and waits for no choice of deadline; a task deferred after the
// draft was made is deferred in the copy once that program is issued.
func TestDeferralCarriedOver(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		fixedClock(s, congtac.MustDate(2023, 4, 26))
		f := newFixture(t, s)
		issued(t, s, f)
		month := func(n int) congtac.Period { return congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: n} }
		may, err := s.DraftNext(ctx, f.drafter, f.committee.ID, month(5), congtac.MustDate(2023, 4, 26))
		if err != nil {
			t.Fatal(err)
		}
		takeToIssued(t, s, f, may, congtac.MustDate(2023, 5, 2))
		build := inForce(t, s)["Khởi công toàn bộ các công trình đường giao thông"]
		moved := congtac.Deferral{On: congtac.MustDate(2023, 5, 25), To: congtac.DueInQuarter(2023, 3), Reason: "Chờ bố trí kinh phí"}
		fixedClock(s, moved.On)
		if _, err := s.DeferTask(ctx, f.drafter, build.ID, build.Version, moved); err != nil {
			t.Fatal(err)
		}
		moved.RecordedBy = f.drafter.UserID // the task keeps who recorded its deferral
		fixedClock(s, congtac.MustDate(2023, 5, 29))
		june, err := s.DraftNext(ctx, f.drafter, f.committee.ID, month(6), congtac.MustDate(2023, 5, 29))
		if err != nil {
			t.Fatal(err)
		}
		june, _ = s.FindProgramByID(ctx, june.ID)
		c := findTaskByText(t, june.Tasks, "Khởi công")
		if c.Due != build.Due || c.Deferral == nil || *c.Deferral != moved || c.AwaitsDueChoice(june) {
			t.Errorf("carried copy: due %s, deferral %+v, awaits choice %v; want due %s, deferral %+v, no choice",
				c.Due, c.Deferral, c.AwaitsDueChoice(june), build.Due, moved)
		}
		fees := inForce(t, s)["Thu tiền dịch vụ vệ sinh môi trường"]
		postponed := congtac.Deferral{On: congtac.MustDate(2023, 5, 30), To: congtac.Due{Text: "tạm hoãn, chờ ý kiến chỉ đạo"},
			Reason: "Chờ ý kiến chỉ đạo của cấp trên"}
		fixedClock(s, postponed.On)
		if _, err := s.DeferTask(ctx, f.drafter, fees.ID, fees.Version, postponed); err != nil {
			t.Fatal(err)
		}
		postponed.RecordedBy = f.drafter.UserID
		june, _ = s.FindProgramByID(ctx, june.ID)
		takeToIssued(t, s, f, june, congtac.MustDate(2023, 6, 1)) // no deadline left to settle
		now := inForce(t, s)
		for _, tt := range []struct {
			text string
			want congtac.Deferral
		}{{build.Text, moved}, {fees.Text, postponed}} {
			got := now[tt.text]
			if got.ProgramID != june.ID || got.Deferral == nil || *got.Deferral != tt.want ||
				got.Status(congtac.MustDate(2023, 6, 15)) != congtac.StatusDeferred {
				t.Errorf("%s in force: program %d, deferral %+v, status %s; want June's copy (%d) deferred as %+v",
					tt.text, got.ProgramID, got.Deferral, got.Status(congtac.MustDate(2023, 6, 15)), june.ID, tt.want)
			}
		}
		// An amendment of June states the carried task as June did: deferred, nothing to settle.
		am, err := s.AmendProgram(ctx, f.drafter, june.ID)
		if err != nil {
			t.Fatal(err)
		}
		am, _ = s.FindProgramByID(ctx, am.ID)
		if c := findTaskByText(t, am.Tasks, "Khởi công"); c.Deferral == nil || *c.Deferral != moved {
			t.Errorf("amendment's copy: deferral %+v, want %+v", c.Deferral, moved)
		}
		takeToIssued(t, s, f, am, congtac.MustDate(2023, 6, 2))
		if got := inForce(t, s)[build.Text]; got.ProgramID != am.ID || got.Deferral == nil || *got.Deferral != moved {
			t.Errorf("in force after the amendment: program %d, deferral %+v; want %d, %+v", got.ProgramID, got.Deferral, am.ID, moved)
		}
	})
}
