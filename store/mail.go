package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"congtac"
)

// Reminder mail: the daily digest of each user who chose it, composed once per user and day
// (the unique mails_user_day decides between runners), then claimed, sent and retried.

const mailColumns = `id, user_id, day, address, subject, body_text, body_html, status, attempts, next_at,
	last_error, created_at, sent_at, upto`

func scanMail(sc scanner) (congtac.Mail, error) {
	var m congtac.Mail
	var sent sql.NullInt64
	err := sc.Scan(&m.ID, &m.UserID, dateCol{&m.Day}, &m.Address, &m.Subject, &m.Text, &m.HTML, &m.Status,
		&m.Attempts, unixCol{&m.NextAt}, &m.LastError, unixCol{&m.CreatedAt}, &sent, &m.Upto)
	if sent.Valid {
		m.SentAt = time.Unix(sent.Int64, 0).UTC()
	}
	return m, err
}

// Composer writes the digest of one person's notifications: its subject, plain text and
// HTML (remind.Digest with the server's address).
type Composer func(name string, ns []congtac.Notification) (subject, text, html string)

// digestCandidate is a user a digest may be due for.
type digestCandidate struct {
	user    congtac.User
	address string
	name    string
}

// ComposeMails composes the reminder mails due now: one for each user who chose them
// ([congtac.User.EmailReminders]), is not disabled, has an email, whose committee's digest
// time ([congtac.Settings.DigestTime]) has come today, who has no mail of today yet and has
// unread notifications not mailed before; the mail carries those notifications, which
// no later mail carries again: the next starts after the last one it carries (Upto). The mails of [composeBatch] users are composed in one
// transaction, audited as one "compose" event of entity "mail"; a runner that loses the
// race for a user's day composes nothing for them. Returns the mails composed.
func (s *Store) ComposeMails(ctx context.Context, compose Composer) ([]congtac.Mail, error) {
	candidates, day, err := s.digestsDue(ctx, nil)
	if err != nil {
		return nil, err
	}
	var out []congtac.Mail
	for batch := range slices.Chunk(candidates, composeBatch) {
		mails, err := s.composeMails(ctx, batch, day, compose)
		if err != nil {
			return out, err
		}
		out = append(out, mails...)
	}
	return out, nil
}

// composeBatch is how many users' mails one transaction composes.
const composeBatch = 200

// WouldComposeMails returns the mails [Store.ComposeMails] would compose now if the
// notifications pending were recorded too, and records nothing: what a dry run prints.
func (s *Store) WouldComposeMails(ctx context.Context, compose Composer, pending []congtac.Notification) ([]congtac.Mail, error) {
	byUser := map[int64][]congtac.Notification{}
	users := make([]int64, 0, len(pending))
	for _, n := range pending {
		if _, ok := byUser[n.UserID]; !ok {
			users = append(users, n.UserID)
		}
		byUser[n.UserID] = append(byUser[n.UserID], n)
	}
	candidates, day, err := s.digestsDue(ctx, users)
	if err != nil {
		return nil, err
	}
	var out []congtac.Mail
	for batch := range slices.Chunk(candidates, composeBatch) {
		waiting, err := s.unmailedOf(ctx, s.read, batch)
		if err != nil {
			return nil, fmt.Errorf("store: would compose mails: %w", err)
		}
		for _, c := range batch {
			if ns := append(waiting[c.user.ID], byUser[c.user.ID]...); len(ns) > 0 {
				out = append(out, newMail(c, day, s.now(), ns, compose))
			}
		}
	}
	return out, nil
}

// remindersLock is the PostgreSQL advisory lock that recording notifications and composing
// mails take for their transaction: a mail carries the notifications up to the highest ID
// it saw, so none with a lower ID may still be uncommitted then. SQLite writes one
// transaction at a time anyway.
const remindersLock = 0x636f6e67746163 // "congtac"

// lockReminders takes [remindersLock] until tx ends.
func (s *Store) lockReminders(ctx context.Context, tx *sql.Tx) error {
	if s.engine != Postgres {
		return nil
	}
	if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock($1)", int64(remindersLock)); err != nil {
		return fmt.Errorf("store: reminders lock: %w", err)
	}
	return nil
}

// errDryRun rolls back a transaction run only to see what it would do.
var errDryRun = errors.New("store: dry run")

// digestsDue returns the users whose digest of today is due now, by user ID: as
// [Store.ComposeMails] says, those with notifications to mail or among also; and today.
func (s *Store) digestsDue(ctx context.Context, also []int64) ([]digestCandidate, congtac.Date, error) {
	now := s.now().In(congtac.Location())
	day := congtac.DateOf(now, congtac.Location())
	settings, err := s.CommitteeSettingsByOrg(ctx)
	if err != nil {
		return nil, day, err
	}
	var w where
	w.add("u.email_reminders AND NOT u.disabled AND p.email <> ''")
	w.add("NOT EXISTS (SELECT 1 FROM mails m WHERE m.user_id = u.id AND m.day = ?)", day.String())
	waiting := "EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = u.id AND n.read_at IS NULL AND n.id > " + mailedUptoSQL("u.id") + ")"
	if len(also) > 0 {
		in, arg := s.inIDs("u.id", also)
		w.add("("+waiting+" OR "+in+")", arg)
	} else {
		w.add(waiting)
	}
	users := "u." + strings.ReplaceAll(userColumns, ", ", ", u.")
	all, err := readRows(ctx, s.read, query{"SELECT " + users + ", p.email, p.full_name FROM users u JOIN people p ON p.id = u.person_id " +
		w.String() + " ORDER BY u.id", w.args}, func(sc scanner) (digestCandidate, error) {
		var c digestCandidate
		err := sc.Scan(append(userScanArgs(&c.user), &c.address, &c.name)...)
		return c, err
	})
	if err != nil {
		return nil, day, fmt.Errorf("store: digests due: %w", err)
	}
	clock := congtac.At(now.Hour(), now.Minute())
	var out []digestCandidate
	for _, c := range all {
		if st, ok := settings[c.user.OrgID]; !ok || st.DigestTime <= clock {
			out = append(out, c)
		}
	}
	return out, day, nil
}

// mailedUptoSQL is the ID of the last notification mailed to the user of the column user,
// 0 before the first mail: the latest mail's Upto.
func mailedUptoSQL(user string) string {
	return "coalesce((SELECT m.upto FROM mails m WHERE m.user_id = " + user + " ORDER BY m.day DESC LIMIT 1), 0)"
}

// newMail returns the mail of c's notifications ns of day, composed at now.
func newMail(c digestCandidate, day congtac.Date, now time.Time, ns []congtac.Notification, compose Composer) congtac.Mail {
	m := congtac.Mail{UserID: c.user.ID, Day: day, Address: c.address, Status: congtac.MailPending, NextAt: now, CreatedAt: now}
	for _, n := range ns {
		m.Upto = max(m.Upto, n.ID)
	}
	m.Subject, m.Text, m.HTML = compose(c.name, ns)
	return m
}

// composeMails composes and keeps the mails of day of the users of batch in one
// transaction, audited as one "compose" event; a user whose mail another runner composed
// first, or who has nothing left to mail, gets none.
func (s *Store) composeMails(ctx context.Context, batch []digestCandidate, day congtac.Date, compose Composer) ([]congtac.Mail, error) {
	var out []congtac.Mail
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		out = nil
		if err := s.lockReminders(ctx, tx); err != nil {
			return err
		}
		waiting, err := s.unmailedOf(ctx, tx, batch)
		if err != nil {
			return err
		}
		var mails []congtac.Mail
		for _, c := range batch {
			if ns := waiting[c.user.ID]; len(ns) > 0 {
				mails = append(mails, newMail(c, day, s.now(), ns, compose))
			}
		}
		if out, err = s.insertMails(ctx, tx, mails); err != nil || len(out) == 0 {
			return err
		}
		return s.audit(ctx, tx, congtac.System, "compose", "mail", 0, 0, nil,
			map[string]any{"day": day.String(), "mails": len(out)})
	})
	if err != nil {
		return nil, fmt.Errorf("store: compose mails: %w", err)
	}
	return out, nil
}

// insertMails inserts mails in one statement and returns those inserted with their IDs: a
// user's mail of the day that another runner inserted first is left out.
func (s *Store) insertMails(ctx context.Context, tx *sql.Tx, mails []congtac.Mail) ([]congtac.Mail, error) {
	if len(mails) == 0 {
		return nil, nil
	}
	rows := make([][]any, len(mails))
	for i, m := range mails {
		rows[i] = []any{m.UserID, m.Day.String(), m.Address, m.Subject, m.Text, m.HTML, string(m.Status),
			m.CreatedAt.Unix(), m.CreatedAt.Unix(), m.Upto}
	}
	insert, args := s.insertSQL("mails", []string{"user_id", "day", "address", "subject", "body_text", "body_html",
		"status", "next_at", "created_at", "upto"}, rows)
	type row struct{ id, user int64 }
	inserted, err := readRows(ctx, tx, query{insert + " ON CONFLICT (user_id, day) DO NOTHING RETURNING id, user_id", args},
		func(sc scanner) (r row, err error) { return r, sc.Scan(&r.id, &r.user) })
	if err != nil {
		return nil, err
	}
	ids := make(map[int64]int64, len(inserted))
	for _, r := range inserted {
		ids[r.user] = r.id
	}
	var out []congtac.Mail
	for _, m := range mails {
		if id, ok := ids[m.UserID]; ok {
			m.ID = id
			out = append(out, m)
		}
	}
	return out, nil
}

// unmailedOf returns the unread notifications not mailed yet of the users of batch — after
// the last one their latest mail carried — by user, oldest first.
func (s *Store) unmailedOf(ctx context.Context, q queryer, batch []digestCandidate) (map[int64][]congtac.Notification, error) {
	ids := make([]int64, len(batch))
	for i, c := range batch {
		ids[i] = c.user.ID
	}
	var w where
	w.add(s.inIDs("n.user_id", ids))
	w.add("n.read_at IS NULL AND n.id > " + mailedUptoSQL("n.user_id"))
	list, err := readRows(ctx, q, query{"SELECT n." + strings.ReplaceAll(notificationColumns, ", ", ", n.") +
		" FROM notifications n " + w.String() + " ORDER BY n.id", w.args}, scanNotification)
	out := map[int64][]congtac.Notification{}
	for _, n := range list {
		out[n.UserID] = append(out[n.UserID], n)
	}
	return out, err
}

// mailClaim is how long a runner holds a mail it is sending before another may take it
// over (the first having died).
const mailClaim = 10 * time.Minute

// ClaimMails takes for this runner at most limit of the mails due to be sent — pending and
// due, or held by a runner whose claim ran out — oldest due first: they are "sending" for
// [mailClaim] and their attempts count one more. None when none is due. Two runners never
// hold one mail at once: the update takes a mail only while it is still due, which the
// loser of a race finds it is not once the winner commits.
func (s *Store) ClaimMails(ctx context.Context, limit int) ([]congtac.Mail, error) {
	var out []congtac.Mail
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		now := s.now().Unix()
		var err error
		out, err = readRows(ctx, tx, query{`UPDATE mails SET status = 'sending', attempts = attempts + 1, next_at = $1
			WHERE id IN (SELECT id FROM mails WHERE status IN ('pending', 'sending') AND next_at <= $2
				ORDER BY next_at, id LIMIT $3)
			AND status IN ('pending', 'sending') AND next_at <= $2 RETURNING ` + mailColumns,
			[]any{now + int64(mailClaim/time.Second), now, limit}}, scanMail)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store: claim mails: %w", err)
	}
	slices.SortFunc(out, func(a, b congtac.Mail) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

// MailOutcome is what became of a mail a runner claimed and tried to send.
type MailOutcome struct {
	Mail  congtac.Mail
	Err   error // nil: sent
	Again bool  // the failure is temporary: try again after the backoff
}

// MailsDone records the outcomes of mails this runner claimed, in one transaction: sent;
// tried again after [congtac.MailBackoff] when the failure is temporary and attempts
// remain; given up ("failed", shown to the administrators) otherwise. Audited as one "send"
// event of the counts.
func (s *Store) MailsDone(ctx context.Context, outcomes []MailOutcome) error {
	if len(outcomes) == 0 {
		return nil
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		now := s.now()
		var sent []int64
		counts := map[string]int{}
		for _, o := range outcomes {
			switch {
			case o.Err == nil:
				sent = append(sent, o.Mail.ID)
				counts["sent"]++
				continue
			case o.Again && o.Mail.Attempts < congtac.MailAttempts:
				counts["retry"]++
				_, err := tx.ExecContext(ctx, `UPDATE mails SET status = 'pending', next_at = $1, last_error = $2 WHERE id = $3`,
					now.Add(congtac.MailBackoff(o.Mail.Attempts)).Unix(), congtac.Excerpt(o.Err.Error(), 500), o.Mail.ID)
				if err != nil {
					return fmt.Errorf("store: mail %d: %w", o.Mail.ID, err)
				}
			default:
				counts["failed"]++
				_, err := tx.ExecContext(ctx, `UPDATE mails SET status = 'failed', last_error = $1 WHERE id = $2`,
					congtac.Excerpt(o.Err.Error(), 500), o.Mail.ID)
				if err != nil {
					return fmt.Errorf("store: mail %d: %w", o.Mail.ID, err)
				}
			}
		}
		if len(sent) > 0 {
			var w where
			at := w.arg(now.Unix())
			w.add(s.inIDs("id", sent))
			if _, err := tx.ExecContext(ctx, "UPDATE mails SET status = 'sent', last_error = '', sent_at = "+at+" "+w.String(),
				w.args...); err != nil {
				return fmt.Errorf("store: mails sent: %w", err)
			}
		}
		return s.audit(ctx, tx, congtac.System, "send", "mail", 0, 0, nil, counts)
	})
}

// RetryMail puts a mail given up back in the queue, due now with its attempts counted from
// zero: an administrator's answer once the mail server is fixed. Audited as "retry".
func (s *Store) RetryMail(ctx context.Context, a congtac.Actor, id int64) error {
	if congtac.ScopeOf(a.Role, congtac.ManageSettings) != congtac.ScopeAll {
		return congtac.Forbidden()
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE mails SET status = 'pending', attempts = 0, next_at = $1 WHERE id = $2
			AND status = 'failed'`, s.now().Unix(), id)
		if err != nil {
			return fmt.Errorf("store: retry mail: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound("thư gửi không được")
		}
		return s.audit(ctx, tx, a, "retry", "mail", id, 0, nil, nil)
	})
}

// FindMails returns the mails of status (every status when empty), newest first, at most
// limit: what the administrators see of the reminder mail, failures first of all.
func (s *Store) FindMails(ctx context.Context, a congtac.Actor, status congtac.MailStatus, limit int) ([]congtac.Mail, error) {
	if congtac.ScopeOf(a.Role, congtac.ManageSettings) != congtac.ScopeAll {
		return nil, congtac.Forbidden()
	}
	var w where
	if status != "" {
		w.add("status = ?", status)
	}
	list, err := readRows(ctx, s.read, query{"SELECT " + mailColumns + " FROM mails " + w.String() + " ORDER BY id DESC" +
		w.page(pageLimit(limit, 500), 0, 500), w.args}, scanMail)
	if err != nil {
		return nil, fmt.Errorf("store: mails: %w", err)
	}
	return list, nil
}

// CountMails returns how many mails have each status.
func (s *Store) CountMails(ctx context.Context) (map[congtac.MailStatus]int, error) {
	type count struct {
		status congtac.MailStatus
		n      int
	}
	counts, err := readRows(ctx, s.read, query{"SELECT status, count(*) FROM mails GROUP BY status", nil},
		func(sc scanner) (c count, err error) { return c, sc.Scan(&c.status, &c.n) })
	if err != nil {
		return nil, fmt.Errorf("store: count mails: %w", err)
	}
	out := map[congtac.MailStatus]int{}
	for _, c := range counts {
		out[c.status] = c.n
	}
	return out, nil
}

// SetEmailReminders records the actor's own choice to receive the daily reminder mail or
// not; audited as "update" of the user with the choice before and after.
func (s *Store) SetEmailReminders(ctx context.Context, a congtac.Actor, on bool) error {
	if !a.Can(congtac.UseAccount) {
		return congtac.Forbidden()
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		u, err := findUser(ctx, tx, a.UserID)
		if err != nil {
			return err
		}
		if u.EmailReminders == on {
			return nil
		}
		if _, err := tx.ExecContext(ctx, "UPDATE users SET email_reminders = $1 WHERE id = $2", on, a.UserID); err != nil {
			return fmt.Errorf("store: email reminders: %w", err)
		}
		return s.audit(ctx, tx, a, "update", "user", a.UserID, u.OrgID,
			map[string]bool{"email_reminders": u.EmailReminders}, map[string]bool{"email_reminders": on})
	})
}
