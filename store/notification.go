package store

import (
	"context"
	"database/sql"
	"fmt"
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
// "notify" event of the count when any is recorded.
func (s *Store) Notify(ctx context.Context, ns []congtac.Notification) ([]congtac.Notification, error) {
	var out []congtac.Notification
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		now := s.now().Unix()
		for _, n := range ns {
			n.Title = cleanText(n.Title)
			err := tx.QueryRowContext(ctx, `INSERT INTO notifications (user_id, kind, key, title, link, created_at)
				VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (user_id, key) DO NOTHING RETURNING id`,
				n.UserID, n.Kind, n.Key, n.Title, n.Link, now).Scan(&n.ID)
			if err == sql.ErrNoRows {
				continue // told already
			} else if err != nil {
				return fmt.Errorf("store: notify: %w", err)
			}
			n.CreatedAt = time.Unix(now, 0).UTC()
			out = append(out, n)
		}
		if len(out) == 0 {
			return nil
		}
		return s.audit(ctx, tx, congtac.System, "notify", "notification", 0, 0, nil, map[string]any{"recorded": len(out)})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
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
