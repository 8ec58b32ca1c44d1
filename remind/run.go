package remind

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"slices"
	"time"

	"congtac"
	"congtac/mail"
	"congtac/store"
)

// Sender delivers mails, the error of each in order: [mail.Sender], or what a test puts in
// its place.
type Sender interface {
	SendAll(ctx context.Context, ms []mail.Message) []error
}

// Runner runs the reminders: it decides what each person is to be told today, records it
// as notifications (each occasion once, whatever the runners), composes the daily mails of
// those who chose them and sends what is due. `congtac remind -once` runs it once; `serve`
// runs it on a schedule. Runners on several instances sharing one PostgreSQL database may
// run at once: the database decides who records, composes and sends what.
type Runner struct {
	Store *store.Store
	Clock congtac.Clock // today and the time of day; the store's own clock should agree
	Base  string        // the server's address for the links of mails: "https://congtac.ubnd.gov.vn"
	// Sender returns what sends through the mail server of the settings of the moment;
	// nil means [mail.NewSender].
	Sender func(congtac.SMTP) Sender
	Out    io.Writer // what it did, a line each; nil writes nothing
}

// Result is what one run did, or would do on a dry run.
type Result struct {
	Notified []congtac.Notification // recorded by this run
	Composed []congtac.Mail
	Sent     int
	Retried  int // failed for now, to be tried again
	Failed   int // given up
}

// Run runs the reminders once: the occasions of the day recorded, the mails whose time
// has come composed, every mail due sent. The deadlines of tasks and materials are decided
// once a day (the first run of the day records that, and forgets the notifications of 90
// days ago); what happens during the day — a report returned, an explanation asked, a
// program submitted, a calendar entry changed — is decided on every run. Mail is composed
// and sent only when an SMTP host is set. With dryRun nothing is recorded or sent: the
// result and the lines written say what would be.
func (r *Runner) Run(ctx context.Context, dryRun bool) (Result, error) {
	var res Result
	on := congtac.DateOf(r.Clock(), congtac.Location())
	ns, daily, err := r.decide(ctx, on)
	if err != nil {
		return res, err
	}
	if res.Notified, err = r.Store.Notify(ctx, ns, dryRun); err != nil {
		return res, err
	}
	r.reportNotified(res.Notified, dryRun)
	if daily && !dryRun {
		if err := r.Store.MarkRemindersDecided(ctx, on, len(res.Notified)); err != nil {
			return res, err
		}
		if _, err := r.Store.ForgetNotifications(ctx); err != nil {
			return res, err
		}
	}
	g, err := r.Store.GlobalSettings(ctx)
	if err != nil || g.SMTP.Host == "" {
		return res, err
	}
	compose := func(name string, ns []congtac.Notification) (string, string, string) {
		return Digest(name, ns, r.Base, on)
	}
	if dryRun {
		res.Composed, err = r.Store.WouldComposeMails(ctx, compose, res.Notified)
	} else {
		res.Composed, err = r.Store.ComposeMails(ctx, compose)
	}
	for _, m := range res.Composed {
		r.printf("%s thư nhắc việc cho %s: %s", verb(dryRun, "Soạn", "Sẽ soạn"), m.Address, m.Subject)
	}
	if err != nil || dryRun {
		return res, err
	}
	return res, r.deliver(ctx, g.SMTP, &res)
}

// decide returns the notifications of day on, and whether they include the day's
// deadlines (the first run of the day).
func (r *Runner) decide(ctx context.Context, on congtac.Date) ([]congtac.Notification, bool, error) {
	in, err := r.read(ctx, on)
	if err != nil {
		return nil, false, err
	}
	var ns []congtac.Notification
	if in.daily {
		ns = append(ns, in.deadlines(on)...)
	}
	ns = append(ns, Reports(in.reports, in.byID, in.to)...)
	ns = append(ns, Explanations(in.explanations, in.byID, in.to, on)...)
	ns = append(ns, Programs(in.programs, in.users, OrgPaths(in.orgs))...)
	ns = append(ns, Engagements(in.engagements, ByPerson(in.users), on)...)
	return ns, in.daily, nil
}

// deliver sends the mails due, a batch at a time through one SMTP session, each batch
// claimed first so that no other runner sends it too, until none is due.
func (r *Runner) deliver(ctx context.Context, cfg congtac.SMTP, res *Result) error {
	newSender := r.Sender
	if newSender == nil {
		newSender = func(c congtac.SMTP) Sender { return mail.NewSender(c) }
	}
	sender := newSender(cfg)
	for {
		batch, err := r.Store.ClaimMails(ctx, sendBatch)
		if err != nil || len(batch) == 0 {
			return err
		}
		msgs := make([]mail.Message, len(batch))
		for i, m := range batch {
			msgs[i] = mail.Message{To: m.Address, Subject: m.Subject, Text: m.Text, HTML: m.HTML}
		}
		errs := sender.SendAll(ctx, msgs)
		outcomes := make([]store.MailOutcome, len(batch))
		for i, m := range batch {
			outcomes[i] = store.MailOutcome{Mail: m, Err: errs[i], Again: mail.Temporary(errs[i])}
			r.reportSent(outcomes[i], res)
		}
		if err := r.Store.MailsDone(ctx, outcomes); err != nil {
			return err
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
}

// sendBatch is how many mails go through one SMTP session.
const sendBatch = 100

// reportSent counts and writes the outcome of one mail.
func (r *Runner) reportSent(o store.MailOutcome, res *Result) {
	m := o.Mail
	switch {
	case o.Err == nil:
		res.Sent++
		r.printf("Đã gửi thư nhắc việc cho %s: %s", m.Address, m.Subject)
	case o.Again && m.Attempts < congtac.MailAttempts:
		res.Retried++
		r.printf("Chưa gửi được thư cho %s (lần %d, sẽ thử lại): %v", m.Address, m.Attempts, o.Err)
	default:
		res.Failed++
		r.printf("Không gửi được thư cho %s: %v", m.Address, o.Err)
	}
}

// reportNotified writes a line per kind of the notifications recorded.
func (r *Runner) reportNotified(ns []congtac.Notification, dryRun bool) {
	count := map[string]int{}
	users := map[int64]bool{}
	for _, n := range ns {
		count[n.Kind]++
		users[n.UserID] = true
	}
	r.printf("%s %d thông báo cho %d người.", verb(dryRun, "Đã ghi", "Sẽ ghi"), len(ns), len(users))
	for _, k := range slices.Sorted(maps.Keys(count)) {
		r.printf("  %s: %d", KindLabel(k), count[k])
	}
}

// printf writes a line to Out, if any.
func (r *Runner) printf(format string, args ...any) {
	if r.Out != nil {
		fmt.Fprintf(r.Out, format+"\n", args...)
	}
}

// verb returns done, or would on a dry run.
func verb(dryRun bool, done, would string) string {
	if dryRun {
		return would
	}
	return done
}

// Schedule runs the reminders now and then every interval until ctx is done, writing
// each run's failure to log: `serve` keeps its runner on this schedule.
func (r *Runner) Schedule(ctx context.Context, every time.Duration, log *slog.Logger) {
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		if _, err := r.Run(ctx, false); err != nil && ctx.Err() == nil {
			log.Error("reminders", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
