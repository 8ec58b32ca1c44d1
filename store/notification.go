package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"congtac"
)

const notificationColumns = `id, user_id, kind, key, title, link, created_at, read_at`

func scanNotification(sc scanner) (congtac.Notification, error) {
	var n congtac.Notification
	var read sql.NullInt64
	err := sc.Scan(&n.ID, &n.UserID, &n.Kind, &n.Key, &n.Title, &n.Link, unixCol{&n.CreatedAt}, &read)
	if read.Valid {
		n.ReadAt = time.Unix(read.Int64, 0).UTC()
	}
	return n, err
}

// Notify records the notifications ns that are new — a user told of one key once — in
// one transaction, and returns those it recorded: restarts and runners on other instances
// racing for the same occasion record it once (the unique key decides). Audited as one
// "notify" event of the count when any is recorded. With dryRun nothing is kept: it returns
// what it would record.
func (s *Store) Notify(ctx context.Context, ns []congtac.Notification, dryRun bool) ([]congtac.Notification, error) {
	var out []congtac.Notification
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.lockReminders(ctx, tx); err != nil {
			return err
		}
		now := time.Unix(s.now().Unix(), 0).UTC()
		for batch := range slices.Chunk(ns, notifyBatch) {
			recorded, err := s.notifyBatch(ctx, tx, batch, now)
			if err != nil {
				return fmt.Errorf("store: notify: %w", err)
			}
			out = append(out, recorded...)
		}
		if dryRun {
			return errDryRun
		}
		if len(out) == 0 {
			return nil
		}
		return s.audit(ctx, tx, congtac.System, "notify", "notification", 0, 0, nil, map[string]any{"recorded": len(out)})
	})
	if errors.Is(err, errDryRun) {
		err = nil
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

// notifyBatch is how many notifications one statement inserts.
const notifyBatch = 2000

// notifyBatch inserts the notifications of batch that are new, in one statement, and
// returns them with their IDs, in the order of batch.
func (s *Store) notifyBatch(ctx context.Context, tx *sql.Tx, batch []congtac.Notification, now time.Time) ([]congtac.Notification, error) {
	rows := make([][]any, len(batch))
	titles := make([]string, len(batch)) // cleaned once, kept for what is returned
	for i, n := range batch {
		titles[i] = cleanText(n.Title)
		rows[i] = []any{n.UserID, n.Kind, n.Key, titles[i], n.Link, now.Unix()}
	}
	insert, args := s.insertSQL("notifications", []string{"user_id", "kind", "key", "title", "link", "created_at"}, rows)
	type row struct {
		id, user int64
		key      string
	}
	recorded, err := readRows(ctx, tx, query{insert + " ON CONFLICT (user_id, key) DO NOTHING RETURNING id, user_id, key", args},
		func(sc scanner) (r row, err error) { return r, sc.Scan(&r.id, &r.user, &r.key) })
	if err != nil {
		return nil, err
	}
	type uk struct {
		user int64
		key  string
	}
	ids := make(map[uk]int64, len(recorded))
	for _, r := range recorded {
		ids[uk{r.user, r.key}] = r.id
	}
	var out []congtac.Notification
	for i, n := range batch {
		if id, ok := ids[uk{n.UserID, n.Key}]; ok {
			delete(ids, uk{n.UserID, n.Key}) // a key twice in ns is recorded once
			n.ID, n.Title, n.CreatedAt = id, titles[i], now
			out = append(out, n)
		}
	}
	return out, nil
}

// notificationsKept is how long notifications are kept: the daily run deletes older ones
// ([Store.ForgetNotifications]). Their occasions never come again: each key names its day
// or week.
const notificationsKept = 90 * 24 * time.Hour

// ForgetNotifications deletes the notifications recorded more than 90 days ago, read or
// not, and returns how many; audited as one "forget" event when any was. Their IDs are the
// lowest, so the delete reads from the start of the table to the first one kept.
func (s *Store) ForgetNotifications(ctx context.Context) (int, error) {
	var n int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		cutoff := s.now().Add(-notificationsKept).Unix()
		res, err := tx.ExecContext(ctx, `DELETE FROM notifications WHERE id < coalesce((SELECT id FROM notifications
			WHERE created_at >= $1 ORDER BY id LIMIT 1), (SELECT max(id) + 1 FROM notifications), 0)`, cutoff)
		if err != nil {
			return fmt.Errorf("store: forget notifications: %w", err)
		}
		if n, _ = res.RowsAffected(); n == 0 {
			return nil
		}
		return s.audit(ctx, tx, congtac.System, "forget", "notification", 0, 0, nil, map[string]any{"deleted": n})
	})
	return int(n), err
}

// FindNotifications returns user's notifications, newest first, at most limit (unread
// only when unread is set), and how many of them are unread.
func (s *Store) FindNotifications(ctx context.Context, userID int64, unread bool, limit int) ([]congtac.Notification, int, error) {
	var w where
	w.add("user_id = ?", userID)
	if unread {
		w.add("read_at IS NULL")
	}
	sql := "SELECT " + notificationColumns + " FROM notifications " + w.String() + " ORDER BY id DESC" +
		w.page(pageLimit(limit, 200), 0, 200)
	list, err := readRows(ctx, s.read, query{sql, w.args}, scanNotification)
	if err != nil {
		return nil, 0, fmt.Errorf("store: notifications: %w", err)
	}
	n, err := s.UnreadCount(ctx, userID)
	return list, n, err
}

// UnreadCount returns how many notifications user has not read: the count beside the bell.
func (s *Store) UnreadCount(ctx context.Context, userID int64) (int, error) {
	var n int
	if err := s.read.QueryRowContext(ctx, "SELECT count(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL",
		userID).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: unread notifications: %w", err)
	}
	return n, nil
}

// MarkNotificationsRead marks the actor's own notifications ids read (all of them when ids
// is empty) and returns how many changed; others' are left alone.
func (s *Store) MarkNotificationsRead(ctx context.Context, a congtac.Actor, ids []int64) (int, error) {
	var n int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var w where
		at := w.arg(s.now().Unix())
		w.add("user_id = ? AND read_at IS NULL", a.UserID)
		if len(ids) > 0 {
			w.add(s.inIDs("id", ids))
		}
		res, err := tx.ExecContext(ctx, "UPDATE notifications SET read_at = "+at+" "+w.String(), w.args...)
		if err != nil {
			return fmt.Errorf("store: read notifications: %w", err)
		}
		n, _ = res.RowsAffected()
		return nil
	})
	return int(n), err
}
