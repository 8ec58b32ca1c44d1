package demo_test

import (
	"context"
	"os"
	"slices"
	"testing"
	"time"

	"congtac"
	"congtac/clocktest"
	"congtac/demo"
	"congtac/store"
	"congtac/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

var ctx = context.Background()

func TestSeedBuildsTheWholeStory(t *testing.T) {
	today := clocktest.Today()
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		sum, err := demo.Seed(ctx, s, today)
		if err != nil {
			t.Fatalf("Seed: %v (after %+v)", err, sum)
		}
		t.Logf("seeded %+v", sum)
		if sum.Orgs < 30 || sum.Users != len(demo.Logins) || sum.Programs != 14 {
			t.Errorf("summary %+v: want >= 30 orgs, %d users, 14 programs (13 of the province, 1 of the commune)", sum, len(demo.Logins))
		}
		for _, login := range demo.Logins {
			u, err := s.FindUserByLogin(ctx, login)
			if err != nil {
				t.Fatalf("demo account %s: %v", login, err)
			}
			if ok, err := congtac.CheckPassword(u.PasswordHash, demo.Password); !ok || err != nil {
				t.Errorf("%s does not sign in with %q: %v", login, demo.Password, err)
			}
		}
		checkPrograms(t, s, today)
		checkCommune(t, s, today)
		checkTaskKinds(t, s, today)
		checkEachDutyOnce(t, s)
		checkReportersHaveWork(t, s, today)
		checkReports(t, s)
		checkMeetings(t, s, today)
		checkPublic(t, s, today)
		if _, n, _ := s.FindTasks(ctx, congtac.TaskFilter{Query: "duong giao thong"}); n == 0 {
			t.Error(`search "duong giao thong" finds nothing`)
		}
		if _, err := demo.Seed(ctx, s, today); congtac.ErrorCode(err) != congtac.EINVALID {
			t.Errorf("second Seed: %v, want EINVALID", err)
		}
	})
}

// orgNamed returns the demo org called name.
func orgNamed(t *testing.T, s *store.Store, name string) congtac.Org {
	t.Helper()
	orgs, err := s.FindOrgs(ctx, congtac.OrgFilter{Query: name})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range orgs {
		if o.Name == name {
			return o
		}
	}
	t.Fatalf("no demo org %q", name)
	return congtac.Org{}
}

// checkCommune checks the commune committee: its own settings, its office head scoped to
// it, and its program of today's month issued as 01/CTr-UBND at its own place.
func checkCommune(t *testing.T, s *store.Store, today congtac.Date) {
	t.Helper()
	commune := orgNamed(t, s, demo.CommuneName)
	c, err := s.FindCommittee(ctx, commune.ID)
	if err != nil || c.Version == 0 || c.Settings.BodyName != demo.CommuneBody || c.Settings.Place != demo.CommunePlace {
		t.Errorf("the commune's settings: %+v v%d, %v", c.Settings, c.Version, err)
	}
	if u, err := s.FindUserByLogin(ctx, demo.CommuneLogin); err != nil || u.OrgID != commune.ID || u.Role != congtac.RoleOfficeHead {
		t.Errorf("%s: %+v, %v; want the commune's office head scoped to the committee", demo.CommuneLogin, u, err)
	}
	ps, _, err := s.FindPrograms(ctx, congtac.ProgramFilter{OrgID: &commune.ID})
	if err != nil || len(ps) != 1 {
		t.Fatalf("the commune's programs: %d, %v", len(ps), err)
	}
	p := ps[0]
	if p.Status != congtac.ProgramIssued || congtac.FormatNumber(p.Number, p.Symbol) != "01/CTr-UBND" ||
		p.Place != demo.CommunePlace || p.Period != congtac.PeriodOf(congtac.PeriodMonth, today) || p.IssuedOn.After(today) {
		t.Errorf("the commune's program: %s %s %s at %q on %s", p.Status, p.Period, congtac.FormatNumber(p.Number, p.Symbol), p.Place, p.IssuedOn)
	}
}

func checkPrograms(t *testing.T, s *store.Store, today congtac.Date) {
	t.Helper()
	province := orgNamed(t, s, "Ủy ban nhân dân tỉnh Sơn Hà")
	ps, _, err := s.FindPrograms(ctx, congtac.ProgramFilter{OrgID: &province.ID})
	if err != nil {
		t.Fatal(err)
	}
	byStatus := map[congtac.ProgramStatus]int{}
	numbers := map[int][]int{} // by year of issue, in the order of issue
	for _, p := range slices.Backward(ps) {
		byStatus[p.Status]++
		if p.Status == congtac.ProgramIssued {
			numbers[p.IssuedOn.Year] = append(numbers[p.IssuedOn.Year], p.Number)
		}
	}
	if byStatus[congtac.ProgramIssued] != 12 || byStatus[congtac.ProgramDraft] != 1 {
		t.Errorf("programs by status %v, want 12 issued and 1 draft", byStatus)
	}
	for year, got := range numbers { // one register a year, programs first in it
		if got[0] != 1 || !slices.IsSorted(got) {
			t.Errorf("programs issued in %d are numbered %v, want from 1 up", year, got)
		}
	}
	draft, newest := ps[0], ps[1]
	if want := newestMonth(t, s, today); newest.Period != want || newest.Status != congtac.ProgramIssued ||
		draft.Period != want.Next() {
		t.Errorf("newest programs %s %s and %s %s, want %s issued and the next month in draft",
			draft.Period.Key(), draft.Status, newest.Period.Key(), newest.Status, want.Key())
	}
	full, _ := s.FindProgramByID(ctx, draft.ID)
	carried := 0
	for _, task := range full.Tasks {
		if task.CarriedFrom != 0 {
			carried++
		}
	}
	if draft.Status != congtac.ProgramDraft || carried == 0 {
		t.Errorf("next month's draft %s has %d carried tasks; want a draft with carried tasks", draft.Period.Key(), carried)
	}
}

func checkTaskKinds(t *testing.T, s *store.Store, asOf congtac.Date) {
	t.Helper()
	tasks, _, err := s.FindTasks(ctx, congtac.TaskFilter{Limit: 5000})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, task := range tasks {
		kinds["precision "+string(task.Due.Precision)]++
		kinds["status "+string(task.Status(asOf))]++
		if task.Recurrence != nil {
			kinds["recurring "+string(task.Recurrence.Freq)]++
		}
		if task.Target != nil {
			kinds["target"]++
		}
		if task.Source != "" {
			kinds["source"]++
		}
		if len(task.Support) > 0 {
			kinds["support"]++
		}
	}
	for _, want := range []string{"precision day", "precision month", "precision quarter", "precision half",
		"precision ", "recurring MONTHLY", "recurring WEEKLY", "target", "source", "support",
		"status done_on_time", "status done_late", "status overdue", "status in_progress", "status deferred", "status cancelled"} {
		if kinds[want] == 0 {
			t.Errorf("no task with %q; kinds %v", want, kinds)
		}
	}
}

// checkEachDutyOnce checks that no two tasks in force have the same text and lead org: a
// duty carried from month to month is one task, listed and found once.
func checkEachDutyOnce(t *testing.T, s *store.Store) {
	t.Helper()
	tasks, n, err := s.FindTasks(ctx, congtac.TaskFilter{Limit: 5000})
	if err != nil || n != len(tasks) || n == 0 {
		t.Fatalf("tasks in force: %d of %d, %v", len(tasks), n, err)
	}
	type duty struct {
		text string
		lead int64
	}
	seen := map[duty]int64{}
	for _, task := range tasks {
		d := duty{task.Text, task.Lead}
		if first, dup := seen[d]; dup {
			t.Errorf("tasks %d and %d in force are both %q led by org %d", first, task.ID, task.Text, task.Lead)
		}
		seen[d] = task.ID
	}
}

// checkReportersHaveWork checks that the orgs whose reporters have demo accounts, Sở Tài
// chính and Xã Tân Phước, each lead a one-off task in progress, the department's with a
// target, whatever day today is: there is always something to report on.
func checkReportersHaveWork(t *testing.T, s *store.Store, today congtac.Date) {
	t.Helper()
	for _, name := range []string{"Sở Tài chính", "Xã Tân Phước"} {
		lead := orgNamed(t, s, name).ID
		tasks, _, err := s.FindTasks(ctx, congtac.TaskFilter{Lead: &lead, Open: true, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(tasks, func(task congtac.Task) bool {
			return task.Recurrence == nil && task.Status(today) == congtac.StatusInProgress &&
				(task.Target != nil || name != "Sở Tài chính")
		}) {
			t.Errorf("%s leads no one-off task in progress as of %s", name, today)
		}
	}
}

func checkReports(t *testing.T, s *store.Store) {
	t.Helper()
	for _, st := range congtac.ReportStatuses {
		if _, n, err := s.FindReports(ctx, congtac.ReportFilter{Status: &st}); err != nil || n == 0 {
			t.Errorf("reports %s: %d, %v; want some", st, n, err)
		}
	}
}

func checkMeetings(t *testing.T, s *store.Store, today congtac.Date) {
	t.Helper()
	regular := congtac.MeetingRegular
	ms, err := s.FindMeetings(ctx, congtac.MeetingFilter{Kind: &regular})
	issued, province := congtac.ProgramIssued, provinceOf(t, s)
	ps, _, _ := s.FindPrograms(ctx, congtac.ProgramFilter{OrgID: &province, Status: &issued})
	want := 0
	for _, p := range ps {
		if p.IssuedOn.Before(today) { // the office plans the meeting the day after it issues the program
			want++
		}
	}
	if err != nil || len(ms) != want || want < 11 {
		t.Fatalf("regular meetings %d, %v; want %d", len(ms), err, want)
	}
	m, err := s.FindMeetingByID(ctx, ms[0].ID)
	if err != nil || len(m.Agenda) != 4 || m.Agenda[0].Lead == 0 || m.Agenda[0].MaterialsDue.IsZero() {
		t.Errorf("regular meeting agenda %+v, %v", m.Agenda, err)
	}
	briefing := congtac.MeetingBriefing
	if bs, _ := s.FindMeetings(ctx, congtac.MeetingFilter{Kind: &briefing}); len(bs) != 1 || bs[0].Recurrence == nil {
		t.Errorf("weekly briefing %+v", bs)
	}
	week := congtac.PeriodOf(congtac.PeriodWeek, today)
	from, to := week.Start(), week.End()
	es, _ := s.FindEngagements(ctx, congtac.EngagementFilter{From: &from, To: &to})
	if len(es) < 3 {
		t.Errorf("this week's calendar has %d entries, want the briefing and the visits", len(es))
	}
	c, err := s.FindCalendar(ctx, es[0].OrgID, week)
	if err != nil || c.Revision != 1 {
		t.Errorf("calendar %+v, %v; want revision 1", c, err)
	}
	invitation := congtac.DocInvitation
	if _, n, _ := s.FindDocuments(ctx, congtac.DocumentFilter{Type: &invitation}); n == 0 {
		t.Error("no invitations issued")
	}
}

// newestMonth returns the month of the newest program the demo has issued by today: the
// programs are issued on the first working day of their month.
func newestMonth(t *testing.T, s *store.Store, today congtac.Date) congtac.Period {
	t.Helper()
	province, err := s.FindCommittee(ctx, provinceOf(t, s))
	if err != nil {
		t.Fatal(err)
	}
	conf := province.Settings
	month := congtac.PeriodOf(congtac.PeriodMonth, today)
	issue := month.Start()
	for !conf.WorkingDay(issue) {
		issue = issue.AddDays(1)
	}
	if today.Before(issue) {
		return month.Prev()
	}
	return month
}

// TestSeedBeforeTheMonthsProgramIsIssued seeds as of 3/1/2027, a Sunday after the New Year
// holiday, before January's program is issued on Monday 4/1: the story ends with December
// issued and January in draft, one program a month.
func TestSeedBeforeTheMonthsProgramIsIssued(t *testing.T) {
	today := congtac.MustDate(2027, time.January, 3)
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		if _, err := demo.Seed(ctx, s, today); err != nil {
			t.Fatal(err)
		}
		province := provinceOf(t, s)
		ps, _, err := s.FindPrograms(ctx, congtac.ProgramFilter{OrgID: &province})
		if err != nil {
			t.Fatal(err)
		}
		months := map[string]int{}
		for _, p := range ps {
			if months[p.Period.Key()]++; months[p.Period.Key()] > 1 {
				t.Errorf("two programs of %s", p.Period.Key())
			}
		}
		if len(ps) != 13 || ps[0].Period.Key() != "2027-01" || ps[0].Status != congtac.ProgramDraft ||
			ps[1].Period.Key() != "2026-12" || ps[1].Status != congtac.ProgramIssued {
			t.Errorf("%d programs, newest %s %s and %s %s; want January 2027 in draft after December issued",
				len(ps), ps[0].Period.Key(), ps[0].Status, ps[1].Period.Key(), ps[1].Status)
		}
	})
}

// provinceOf returns the ID of the demo's province committee, the root of the org tree.
func provinceOf(t *testing.T, s *store.Store) int64 {
	t.Helper()
	orgs, err := s.FindOrgs(ctx, congtac.OrgFilter{Limit: 1})
	if err != nil || len(orgs) == 0 || orgs[0].ParentID != 0 {
		t.Fatalf("no root org: %v", err)
	}
	return orgs[0].ID
}
