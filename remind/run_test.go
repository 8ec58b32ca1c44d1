package remind_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"congtac"
	"congtac/clocktest"
	"congtac/mail"
	"congtac/mail/mailtest"
	"congtac/remind"
	"congtac/store"
	"congtac/store/storetest"
	"congtac/synth"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

// world is a committee with one unit whose reporter chose the reminder mail, n tasks of an
// issued program due today led by the unit, and the mail server of the test.
type world struct {
	st       *store.Store
	smtp     *mailtest.Server
	reporter congtac.User
	address  string
	today    congtac.Date
	clock    *testClock
}

// testClock is the time of a run, moved on by the test; the store reads it too.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *testClock) Add(d time.Duration) { c.mu.Lock(); defer c.mu.Unlock(); c.t = c.t.Add(d) }

// newWorld seeds st with n tasks due today for a reporter who chose the mail (optIn), with
// the SMTP settings of a test server, at 8 in the morning of the suite's today.
func newWorld(t *testing.T, st *store.Store, n int, optIn bool) *world {
	t.Helper()
	ctx := context.Background()
	w := &world{st: st, smtp: mailtest.Start(t), today: clocktest.Today(), address: "an.nguyen@tanphuoc.gov.vn"}
	w.clock = &testClock{t: w.today.In(congtac.Location(), 8, 0)}
	st.SetClock(w.clock.Now)
	err := st.Load(ctx, congtac.System, func(l *store.Loader) error {
		committee := congtac.Org{Kind: congtac.OrgCommittee, Name: "Ủy ban nhân dân xã Tân Phước", ShortName: "UBND-TP",
			ValidFrom: congtac.MustDate(2025, 7, 1)}
		if err := l.AddOrg(&committee); err != nil {
			return err
		}
		unit := congtac.Org{Kind: congtac.OrgDepartment, ParentID: committee.ID, Name: "Phòng Kinh tế", ValidFrom: congtac.MustDate(2025, 7, 1)}
		if err := l.AddOrg(&unit); err != nil {
			return err
		}
		person := congtac.Person{FullName: "Nguyễn Văn An", OrgID: unit.ID, Email: w.address}
		if err := l.AddPerson(&person); err != nil {
			return err
		}
		w.reporter = congtac.User{Login: "an.nguyen", PersonID: person.ID, DisplayName: person.FullName, Role: congtac.RoleReporter,
			OrgID: unit.ID, EmailReminders: optIn}
		if err := l.AddUser(&w.reporter); err != nil {
			return err
		}
		month := congtac.PeriodOf(congtac.PeriodMonth, w.today)
		p := congtac.Program{OrgID: committee.ID, Period: month, Status: congtac.ProgramIssued, Symbol: "CTr-UBND",
			Number: 7, IssuedOn: month.Start(), Title: "Chương trình công tác tháng"}
		for i := range n {
			p.Tasks = append(p.Tasks, congtac.Task{Position: i + 1, Sector: congtac.SectorEconomy, Lead: unit.ID,
				Text: fmt.Sprintf("Rà soát đường giao thông liên xã số %d", i+1), Due: congtac.DueOn(w.today)})
		}
		return l.AddProgram(&p)
	})
	if err != nil {
		t.Fatalf("seed: %v", err)
	}
	if err := st.SaveGlobalSettings(ctx, congtac.System, congtac.GlobalSettings{SMTP: w.smtp.SMTP()}); err != nil {
		t.Fatalf("smtp settings: %v", err)
	}
	return w
}

// runner returns a runner of w's store through w's mail server, writing to out.
func (w *world) runner(st *store.Store, out *strings.Builder) *remind.Runner {
	r := &remind.Runner{Store: st, Clock: w.clock.Now, Base: "https://congtac.test",
		Sender: func(c congtac.SMTP) remind.Sender { return mail.NewSender(c, mail.WithTLSConfig(w.smtp.TLSConfig())) }}
	if out != nil {
		r.Out = out
	}
	return r
}

func (w *world) run(t *testing.T, dryRun bool) remind.Result {
	t.Helper()
	res, err := w.runner(w.st, nil).Run(context.Background(), dryRun)
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	return res
}

// TestDigestOfThirtyDueTasksIsOneMail: a unit with 30 tasks due today gets 30 notifications
// and one mail naming all 30 with links back, sent over STARTTLS to the test's SMTP server;
// running again records and sends nothing more.
func TestDigestOfThirtyDueTasksIsOneMail(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		w := newWorld(t, st, 30, true)
		res := w.run(t, false)
		if len(res.Notified) != 30 || len(res.Composed) != 1 || res.Sent != 1 {
			t.Fatalf("first run: %d notified, %d composed, %d sent; want 30, 1, 1", len(res.Notified), len(res.Composed), res.Sent)
		}
		msgs := w.smtp.Messages()
		if len(msgs) != 1 {
			t.Fatalf("the server got %d mails, want one digest", len(msgs))
		}
		m := msgs[0]
		if len(m.To) != 1 || m.To[0] != w.address || !strings.Contains(m.Subject, "30") {
			t.Errorf("mail to %v, subject %q: want one to %s naming 30", m.To, m.Subject, w.address)
		}
		for i := 1; i <= 30; i++ {
			if !strings.Contains(m.Text, fmt.Sprintf("Rà soát đường giao thông liên xã số %d\n", i)) &&
				!strings.Contains(m.Text, fmt.Sprintf("Rà soát đường giao thông liên xã số %d ", i)) {
				t.Errorf("the digest does not name task %d:\n%s", i, m.Text)
				break
			}
		}
		if n := strings.Count(m.Text, "https://congtac.test/tasks/"); n != 30 {
			t.Errorf("the text links %d tasks, want 30", n)
		}
		if n := strings.Count(m.HTML, `href="https://congtac.test/tasks/`); n != 30 {
			t.Errorf("the HTML links %d tasks, want 30", n)
		}
		again := w.run(t, false)
		if len(again.Notified)+len(again.Composed)+again.Sent != 0 || len(w.smtp.Messages()) != 1 {
			t.Errorf("second run: %d notified, %d composed, %d sent: the same reminders again", len(again.Notified),
				len(again.Composed), again.Sent)
		}
		ns, unread, err := st.FindNotifications(context.Background(), w.reporter.ID, false, 100)
		if err != nil || len(ns) != 30 || unread != 30 {
			t.Errorf("the reporter has %d notifications, %d unread (%v); want 30 unread", len(ns), unread, err)
		}
	})
}

// TestDryRunRecordsAndSendsNothing: a dry run says what it would record and mail, and
// leaves no trace; the real run after it does it all.
func TestDryRunRecordsAndSendsNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		w := newWorld(t, st, 3, true)
		var out strings.Builder
		res, err := w.runner(st, &out).Run(context.Background(), true)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Notified) != 3 || res.Sent != 0 {
			t.Errorf("dry run: %d notified, %d sent; want 3 that would be, none sent", len(res.Notified), res.Sent)
		}
		for _, want := range []string{"Sẽ ghi 3 thông báo cho 1 người.", "Đến hạn hôm nay: 3"} {
			if !strings.Contains(out.String(), want) {
				t.Errorf("dry run printed %q, want %q", out.String(), want)
			}
		}
		if ns, _, _ := st.FindNotifications(context.Background(), w.reporter.ID, false, 10); len(ns) != 0 || len(w.smtp.Messages()) != 0 {
			t.Errorf("a dry run left %d notifications and %d mails", len(ns), len(w.smtp.Messages()))
		}
		if res := w.run(t, false); len(res.Notified) != 3 || res.Sent != 1 {
			t.Errorf("the run after a dry run: %d notified, %d sent; want 3, 1", len(res.Notified), res.Sent)
		}
	})
}

// TestMailWaitsForItsTime: before the committee's digest time nothing is mailed, the
// notifications wait for it.
func TestMailWaitsForItsTime(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		w := newWorld(t, st, 2, true)
		w.clock.Add(-2 * time.Hour) // 06:00, the default digest time is 07:00
		if res := w.run(t, false); len(res.Notified) != 2 || len(res.Composed) != 0 {
			t.Errorf("at 06:00: %d notified, %d composed; want 2 and no mail before 07:00", len(res.Notified), len(res.Composed))
		}
		w.clock.Add(65 * time.Minute)
		if res := w.run(t, false); len(res.Notified) != 0 || res.Sent != 1 {
			t.Errorf("at 07:05: %d notified, %d sent; want the waiting two in one mail", len(res.Notified), res.Sent)
		}
	})
}

// TestMailIsTheUsersChoice: a user who did not choose the mail is told in the application
// only.
func TestMailIsTheUsersChoice(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		w := newWorld(t, st, 2, false)
		if res := w.run(t, false); len(res.Notified) != 2 || len(res.Composed) != 0 || len(w.smtp.Messages()) != 0 {
			t.Errorf("without the user's choice: %d notified, %d composed; want 2 in the application, no mail",
				len(res.Notified), len(res.Composed))
		}
	})
}

// TestFailedMailIsRetriedThenGivenUpVisibly: a temporary refusal is tried again after the
// backoff and sent; a permanent one (wrong password) is given up at once, shown to the
// administrators with its cause, and an administrator's retry sends it once fixed.
func TestFailedMailIsRetriedThenGivenUpVisibly(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		w := newWorld(t, st, 1, true)
		w.smtp.FailNext(1)
		if res := w.run(t, false); res.Retried != 1 || res.Sent != 0 {
			t.Fatalf("a 451: %d retried, %d sent; want a retry", res.Retried, res.Sent)
		}
		pending, err := st.FindMails(ctx, congtac.System, congtac.MailPending, 10)
		if err != nil || len(pending) != 1 || pending[0].Attempts != 1 || pending[0].LastError == "" {
			t.Fatalf("after a 451: %+v, %v; want one pending mail with its error", pending, err)
		}
		if res := w.run(t, false); res.Sent != 0 {
			t.Errorf("sent again before the backoff")
		}
		w.clock.Add(congtac.MailBackoff(1) + time.Second)
		if res := w.run(t, false); res.Sent != 1 || len(w.smtp.Messages()) != 1 {
			t.Errorf("after the backoff: %d sent, the server has %d; want one", res.Sent, len(w.smtp.Messages()))
		}

		w.clock.Add(24 * time.Hour) // the next day: the task is overdue, a new digest
		g := congtac.GlobalSettings{SMTP: w.smtp.SMTP()}
		g.SMTP.Password = "sai-mat-khau"
		if err := st.SaveGlobalSettings(ctx, congtac.System, g); err != nil {
			t.Fatal(err)
		}
		w.clock.Add(7 * 24 * time.Hour) // a week later: overdue a week, reminded again
		if res := w.run(t, false); res.Failed != 1 {
			t.Fatalf("a wrong password: %d failed, %d retried; want it given up", res.Failed, res.Retried)
		}
		failed, err := st.FindMails(ctx, congtac.System, congtac.MailFailed, 10)
		if err != nil || len(failed) != 1 || failed[0].LastError == "" || strings.Contains(failed[0].LastError, "sai-mat-khau") {
			t.Fatalf("given up: %+v, %v; want one failed mail with its cause and never the password", failed, err)
		}
		if _, err := st.FindMails(ctx, congtac.Actor{UserID: w.reporter.ID, Role: congtac.RoleReporter}, "", 10); congtac.ErrorCode(err) != congtac.EFORBIDDEN {
			t.Errorf("a reporter sees the mail queue: %v", err)
		}
		if err := st.SaveGlobalSettings(ctx, congtac.System, congtac.GlobalSettings{SMTP: w.smtp.SMTP()}); err != nil {
			t.Fatal(err)
		}
		if err := st.RetryMail(ctx, congtac.System, failed[0].ID); err != nil {
			t.Fatal(err)
		}
		if res := w.run(t, false); res.Sent != 1 || len(w.smtp.Messages()) != 2 {
			t.Errorf("after the retry: %d sent, the server has %d; want the second mail", res.Sent, len(w.smtp.Messages()))
		}
	})
}

// TestRunnersRacingOnPostgresSendOnce: four runners of four instances sharing one
// PostgreSQL database, started together, record each reminder once and send one mail.
func TestRunnersRacingOnPostgresSendOnce(t *testing.T) {
	dsn := storetest.DSN(t, store.Postgres)
	ctx := context.Background()
	first, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	if err := first.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	w := newWorld(t, first, 30, true)
	var wg sync.WaitGroup
	results := make([]remind.Result, 4)
	errs := make([]error, 4)
	for i := range results {
		st := first
		if i > 0 {
			if st, err = store.Open(ctx, dsn); err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			st.SetClock(w.clock.Now)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], errs[i] = w.runner(st, nil).Run(ctx, false)
		}()
	}
	wg.Wait()
	notified, sent := 0, 0
	for i, r := range results {
		if errs[i] != nil {
			t.Errorf("runner %d: %v", i, errs[i])
		}
		notified += len(r.Notified)
		sent += r.Sent
	}
	if notified != 30 || sent != 1 || len(w.smtp.Messages()) != 1 {
		t.Errorf("four runners recorded %d, sent %d, the server got %d; want 30 recorded once, one mail",
			notified, sent, len(w.smtp.Messages()))
	}
}

// TestTheCandidatesMissNoDeadline: the tasks the store hands the daily run (those a
// reminder may be due for, read from the index) give, on each day of six weeks after the
// data set's history, exactly the deadline reminders that all the open tasks in force give.
func TestTheCandidatesMissNoDeadline(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		end := congtac.Period{Kind: congtac.PeriodMonth, Year: 2026, Number: 11}
		if _, err := synth.Generate(ctx, st, synth.Config{Seed: 2, Scale: synth.Small, End: end}); err != nil {
			t.Fatal(err)
		}
		all, total, err := st.FindTasks(ctx, congtac.TaskFilter{Open: true, Limit: 5000})
		if err != nil || total > len(all) {
			t.Fatalf("open tasks: %d of %d, %v", len(all), total, err)
		}
		orgs, err := st.FindOrgs(ctx, congtac.OrgFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var users []congtac.User // one reporter an org
		for i, o := range orgs {
			users = append(users, congtac.User{ID: int64(i + 1), OrgID: o.ID, Role: congtac.RoleReporter})
		}
		to := remind.NewRecipients(users)
		keys := func(ns []congtac.Notification) []string {
			var out []string
			for _, n := range ns {
				out = append(out, fmt.Sprint(n.UserID, " ", n.Key))
			}
			slices.Sort(out)
			return out
		}
		reminded := 0
		// From the day after the data set's history: a past day would see the deferrals
		// decided after it, which the status columns already count and the day does not.
		for day := congtac.MustDate(2026, 12, 1); day.Before(congtac.MustDate(2027, 1, 12)); day = day.AddDays(1) {
			candidates, _, err := st.FindTasksToRemind(ctx, day, []int{congtac.DefaultReminderLeadDays})
			if err != nil {
				t.Fatal(err)
			}
			want := keys(remind.Tasks(all, to, day, congtac.DefaultReminderLeadDays))
			got := keys(remind.Tasks(candidates, to, day, congtac.DefaultReminderLeadDays))
			if !slices.Equal(got, want) {
				var missing []string
				for _, k := range want {
					if !slices.Contains(got, k) {
						missing = append(missing, k)
					}
				}
				t.Fatalf("%s: the candidates give %d reminders, all open tasks %d; missing %v", day, len(got), len(want), missing)
			}
			reminded += len(want)
		}
		t.Logf("%d deadline reminders in six weeks", reminded)
		if reminded == 0 {
			t.Fatal("no reminder in six weeks: the data set tests nothing")
		}
	})
}
