package remind_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"congtac"
	"congtac/mail/mailtest"
	"congtac/remind"
	"congtac/store"
	"congtac/store/storetest"
	"congtac/synth"
)

// benchUsers is how many accounts the daily run reminds: a province's reporters and unit
// heads, half of whom chose the mail.
const benchUsers = 5000

// BenchmarkDailyRun runs the reminders of consecutive days on a province's data set
// (CONGTAC_BENCH_TASKS tasks, 200,000 by default, and 5,000 accounts): each iteration is
// the first run of a new day, deciding its deadlines and events, recording what is new,
// composing the day's mails and sending them to an SMTP server of the test. It reports the
// notifications recorded and the mails sent per run.
//
//	go test -run '^$' -bench DailyRun -benchtime 5x ./remind
func BenchmarkDailyRun(b *testing.B) {
	tasks, err := synth.BenchTasks()
	if err != nil {
		b.Fatal(err)
	}
	for _, e := range storetest.Engines {
		b.Run(string(e), func(b *testing.B) {
			ctx := context.Background()
			st := storetest.Open(b, e)
			end := congtac.Period{Kind: congtac.PeriodMonth, Year: 2026, Number: 11}
			day := congtac.MustDate(2026, 12, 1) // after the data set's history, which ends on 26 November
			clock := &testClock{t: day.In(congtac.Location(), 8, 0)}
			st.SetClock(clock.Now)
			if _, err := synth.Generate(ctx, st, synth.Config{Seed: 1, End: end, Scale: synth.Scale{Name: "bench",
				Communes: 100, Orgs: 300, Programs: max(1, tasks/40), Tasks: tasks}}); err != nil {
				b.Fatal(err)
			}
			addBenchUsers(b, st)
			smtp := mailtest.Start(b, mailtest.NoTLS())
			if err := st.SaveGlobalSettings(ctx, congtac.System, congtac.GlobalSettings{SMTP: smtp.SMTP()}); err != nil {
				b.Fatal(err)
			}
			r := &remind.Runner{Store: st, Clock: clock.Now, Base: "https://congtac.example"}
			notified, sent := 0, 0
			b.ResetTimer()
			for b.Loop() {
				res, err := r.Run(ctx, false)
				if err != nil {
					b.Fatal(err)
				}
				notified += len(res.Notified)
				sent += res.Sent
				clock.Add(24 * time.Hour)
			}
			b.ReportMetric(float64(notified)/float64(b.N), "notifications/op")
			b.ReportMetric(float64(sent)/float64(b.N), "mails/op")
		})
	}
}

// addBenchUsers adds benchUsers reporters and unit heads spread over the orgs that lead
// tasks, each a person with an email, every other one choosing the mail.
func addBenchUsers(b *testing.B, st *store.Store) {
	b.Helper()
	ctx := context.Background()
	orgs, err := st.FindOrgs(ctx, congtac.OrgFilter{})
	if err != nil {
		b.Fatal(err)
	}
	err = st.Load(ctx, congtac.System, func(l *store.Loader) error {
		for i := range benchUsers {
			org := orgs[i%len(orgs)]
			p := congtac.Person{FullName: fmt.Sprintf("Cán bộ số %d", i+1), OrgID: org.ID,
				Email: fmt.Sprintf("canbo%d@congtac.example", i+1)}
			if err := l.AddPerson(&p); err != nil {
				return err
			}
			role := congtac.RoleReporter
			if i%5 == 0 {
				role = congtac.RoleUnitHead
			}
			u := congtac.User{Login: fmt.Sprintf("canbo%d", i+1), PersonID: p.ID, DisplayName: p.FullName, Role: role,
				OrgID: org.ID, EmailReminders: i%2 == 0}
			if err := l.AddUser(&u); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}
