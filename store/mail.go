package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"congtac"
)

// Reminder mail: the daily digest of each user who chose it, composed once per user and day
// (the unique mails_user_day decides between runners), then claimed, sent and retried.

const mailColumns = `id, user_id, day, address, subject, body_text, body_html, status, attempts, next_at,
	last_error, created_at, sent_at`

func scanMail(sc scanner) (congtac.Mail, error) {
	var m congtac.Mail
	var sent sql.NullInt64
	err := sc.Scan(&m.ID, &m.UserID, dateCol{&m.Day}, &m.Address, &m.Subject, &m.Text, &m.HTML, &m.Status,
		&m.Attempts, unixCol{&m.NextAt}, &m.LastError, unixCol{&m.CreatedAt}, &sent)
	if sent.Valid {
		m.SentAt = time.Unix(sent.Int64, 0).UTC()
	}
	return m, err
}

// Composer writes the digest of one person's notifications: its subject, plain text and
// HTML (remind.Digest with the server's address).
type Composer func(name string, ns []congtac.Notification) (subject, text, html string)

// CommitteeSettingsByOrg returns, for every org, the settings of its committee
// ([congtac.CommitteeOf]): lead days and digest times by the org a task or a user is in.
func (s *Store) CommitteeSettingsByOrg(ctx context.Context) (map[int64]congtac.Settings, error) {
	out := map[int64]congtac.Settings{}
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		orgs, err := findOrgsTx(ctx, tx)
		if err != nil {
			return err
		}
		saved, err := allSavedSettings(ctx, tx)
		if err != nil {
			return err
		}
		byID := make(map[int64]congtac.Org, len(orgs))
		for _, o := range orgs {
			byID[o.ID] = o
		}
		committees := map[int64]congtac.Settings{}
		for _, o := range orgs {
			var path []congtac.Org
			for _, id := range pathIn(byID, o.ID) {
				path = append(path, byID[id])
			}
			c := congtac.CommitteeOf(path)
			st, ok := committees[c.ID]
			if !ok {
				cm, err := saved[c.ID].committee(c)
				if err != nil {
					return err
				}
				st, committees[c.ID] = cm.Settings, cm.Settings
			}
			out[o.ID] = st
		}
		return nil
	})
	return out, err
}

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
// no later mail carries again. Each mail is composed in its own transaction, audited as
// "compose" of entity "mail"; a runner that loses the race for a user's day composes
// nothing for them. Returns the mails composed.
func (s *Store) ComposeMails(ctx context.Context, compose Composer) ([]congtac.Mail, error) {
	candidates, day, err := s.digestsDue(ctx, nil)
	if err != nil {
		return nil, err
	}
	var out []congtac.Mail
	for _, c := range candidates {
		m, ok, err := s.composeMail(ctx, c, day, compose)
		if err != nil {
			return out, err
		}
		if ok {
			out = append(out, m)
		}
	}
	return out, nil
}

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
	for _, c := range candidates {
		ns, err := unmailed(ctx, s.read, c.user.ID)
		if err != nil {
			return nil, fmt.Errorf("store: would compose mail of user %d: %w", c.user.ID, err)
		}
		if ns = append(ns, byUser[c.user.ID]...); len(ns) > 0 {
			out = append(out, newMail(c, day, s.now(), ns, compose))
		}
	}
	return out, nil
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
	waiting := "EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = u.id AND n.mail_id IS NULL AND n.read_at IS NULL)"
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

// unmailed returns user's unread notifications not mailed yet, oldest first.
func unmailed(ctx context.Context, q queryer, user int64) ([]congtac.Notification, error) {
	return readRows(ctx, q, query{"SELECT " + notificationColumns + ` FROM notifications
		WHERE user_id = $1 AND mail_id IS NULL AND read_at IS NULL ORDER BY id`, []any{user}}, scanNotification)
}

// newMail returns the mail of c's notifications ns of day, composed at now.
func newMail(c digestCandidate, day congtac.Date, now time.Time, ns []congtac.Notification, compose Composer) congtac.Mail {
	m := congtac.Mail{UserID: c.user.ID, Day: day, Address: c.address, Status: congtac.MailPending, NextAt: now, CreatedAt: now}
	m.Subject, m.Text, m.HTML = compose(c.name, ns)
	return m
}

// composeMail composes and keeps c's mail of day in one transaction; ok is false when
// another runner composed it first or nothing is left to mail.
func (s *Store) composeMail(ctx context.Context, c digestCandidate, day congtac.Date, compose Composer) (m congtac.Mail, ok bool, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		ns, err := unmailed(ctx, tx, c.user.ID)
		if err != nil || len(ns) == 0 {
			return err
		}
		m = newMail(c, day, s.now(), ns, compose)
		err = tx.QueryRowContext(ctx, `INSERT INTO mails (user_id, day, address, subject, body_text, body_html, status,
			next_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) ON CONFLICT (user_id, day) DO NOTHING RETURNING id`,
			m.UserID, day.String(), m.Address, m.Subject, m.Text, m.HTML, m.Status, m.CreatedAt.Unix()).Scan(&m.ID)
		if errors.Is(err, sql.ErrNoRows) {
			return nil // another runner composed it
		} else if err != nil {
			return err
		}
		ids := make([]int64, len(ns))
		for i, n := range ns {
			ids[i] = n.ID
		}
		var w where
		mail := w.arg(m.ID)
		w.add(s.inIDs("id", ids))
		if _, err := tx.ExecContext(ctx, "UPDATE notifications SET mail_id = "+mail+" "+w.String(), w.args...); err != nil {
			return err
		}
		ok = true
		return s.audit(ctx, tx, congtac.System, "compose", "mail", m.ID, c.user.OrgID, nil,
			map[string]any{"user_id": m.UserID, "day": day.String(), "notifications": len(ns)})
	})
	if err != nil {
		return m, false, fmt.Errorf("store: compose mail of user %d: %w", c.user.ID, err)
	}
	return m, ok, nil
}

// mailClaim is how long a runner holds a mail it is sending before another may take it
// over (the first having died).
const mailClaim = 10 * time.Minute

// ClaimMail takes the next mail due to be sent — pending and due, or held by a runner whose
// claim ran out — for this runner: it is "sending" for [mailClaim] and its attempts count
// one more. ok is false when none is due. Two runners never hold one mail at once: the
// update takes it only while it is still due.
func (s *Store) ClaimMail(ctx context.Context) (m congtac.Mail, ok bool, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		for {
			now := s.now().Unix()
			var id int64
			err := tx.QueryRowContext(ctx, `SELECT id FROM mails WHERE status IN ('pending', 'sending') AND next_at <= $1
				ORDER BY next_at, id LIMIT 1`, now).Scan(&id)
			if errors.Is(err, sql.ErrNoRows) {
				return nil
			} else if err != nil {
				return err
			}
			m, err = scanMail(tx.QueryRowContext(ctx, `UPDATE mails SET status = 'sending', attempts = attempts + 1,
				next_at = $1 WHERE id = $2 AND status IN ('pending', 'sending') AND next_at <= $3 RETURNING `+mailColumns,
				now+int64(mailClaim/time.Second), id, now))
			if errors.Is(err, sql.ErrNoRows) {
				continue // another runner took it
			}
			ok = err == nil
			return err
		}
	})
	if err != nil {
		return m, false, fmt.Errorf("store: claim mail: %w", err)
	}
	return m, ok, nil
}

// MailSent records that mail id, claimed by this runner, was sent; audited as "send".
func (s *Store) MailSent(ctx context.Context, id int64) error {
	return s.mailDone(ctx, id, "send", `UPDATE mails SET status = 'sent', sent_at = $1, last_error = '' WHERE id = $2`,
		s.now().Unix(), id)
}

// MailFailed records that sending mail id failed with cause: tried again after
// [congtac.MailBackoff] while the failure is temporary and attempts remain, given up
// ("failed", shown to the administrators) otherwise. Audited as "fail" when given up.
func (s *Store) MailFailed(ctx context.Context, m congtac.Mail, cause error, temporary bool) error {
	msg := congtac.Excerpt(cause.Error(), 500)
	if temporary && m.Attempts < congtac.MailAttempts {
		next := s.now().Add(congtac.MailBackoff(m.Attempts)).Unix()
		return s.mailDone(ctx, m.ID, "", `UPDATE mails SET status = 'pending', next_at = $1, last_error = $2 WHERE id = $3`,
			next, msg, m.ID)
	}
	return s.mailDone(ctx, m.ID, "fail", `UPDATE mails SET status = 'failed', last_error = $1 WHERE id = $2`, msg, m.ID)
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

// mailDone runs the update of a mail's outcome, audited as action unless it is "".
func (s *Store) mailDone(ctx context.Context, id int64, action, update string, args ...any) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, update, args...); err != nil {
			return fmt.Errorf("store: mail %d: %w", id, err)
		}
		if action == "" {
			return nil
		}
		return s.audit(ctx, tx, congtac.System, action, "mail", id, 0, nil, nil)
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
	out := map[congtac.MailStatus]int{}
	rows, err := s.read.QueryContext(ctx, "SELECT status, count(*) FROM mails GROUP BY status")
	if err != nil {
		return nil, fmt.Errorf("store: count mails: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var st congtac.MailStatus
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, fmt.Errorf("store: count mails: %w", err)
		}
		out[st] = n
	}
	return out, rows.Err()
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
