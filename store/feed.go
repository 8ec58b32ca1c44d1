package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"time"

	"congtac"
)

// Calendar feeds: "cf_" and 32 random bytes in unpadded base64url, stored as the hex SHA-256
// of the whole token and found by it, like API tokens (see apitoken.go).

const feedTokenPrefix = "cf_"

var feedTokenLen = len(feedTokenPrefix) + base64.RawURLEncoding.EncodedLen(apiTokenBytes)

const feedColumns = `id, user_id, kind, subject_id, name, created_at, revoked_at`

func scanFeed(sc interface{ Scan(...any) error }, extra ...any) (congtac.Feed, error) {
	var f congtac.Feed
	err := sc.Scan(append([]any{&f.ID, &f.UserID, &f.Kind, &f.SubjectID, &f.Name, unixCol{&f.CreatedAt},
		unixCol{&f.RevokedAt}}, extra...)...)
	return f, err
}

// feedOrg returns the org whose calendar feed f shows, for the permission ViewCalendar: the
// org or committee itself, or the org a leader works in.
func feedOrg(ctx context.Context, q *sql.Tx, f congtac.Feed) (int64, error) {
	if f.Kind != congtac.FeedPerson {
		o, err := findOrg(ctx, q, f.SubjectID)
		return o.ID, err
	}
	p, err := findPerson(ctx, q, f.SubjectID)
	return p.OrgID, err
}

// CreateFeed gives the actor's account a new calendar feed and returns it with its raw
// token, shown this once. The actor's ViewCalendar must reach the feed's org (EFORBIDDEN);
// a missing subject is ENOTFOUND; a user holding [congtac.MaxActiveFeeds] active feeds
// must revoke one first (EINVALID). Audited without the token.
func (s *Store) CreateFeed(ctx context.Context, a congtac.Actor, f congtac.Feed) (congtac.Feed, string, error) {
	f.UserID, f.Name = a.UserID, cleanText(f.Name)
	if err := f.Validate(); err != nil {
		return congtac.Feed{}, "", err
	}
	b := make([]byte, apiTokenBytes)
	rand.Read(b) // never fails: see newAPIToken
	raw := feedTokenPrefix + base64.RawURLEncoding.EncodeToString(b)
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := s.lockUser(ctx, tx, a.UserID); err != nil {
			return err
		}
		org, err := feedOrg(ctx, tx, f)
		if err != nil {
			return err
		}
		if err := checkCan(ctx, tx, a, congtac.ViewCalendar, org); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM feeds WHERE user_id = $1 AND revoked_at IS NULL",
			a.UserID).Scan(&n); err != nil {
			return fmt.Errorf("store: create feed: %w", err)
		}
		if n >= congtac.MaxActiveFeeds {
			return congtac.Errorf(congtac.EINVALID, "Đã có %d lịch đăng ký; hãy thu hồi lịch không dùng trước khi tạo lịch mới.", n)
		}
		now := s.now()
		if err := tx.QueryRowContext(ctx, `INSERT INTO feeds (user_id, kind, subject_id, name, token_hash, created_at)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, f.UserID, f.Kind, f.SubjectID, f.Name, tokenHash(raw),
			now.Unix()).Scan(&f.ID); err != nil {
			return fmt.Errorf("store: create feed: %w", err)
		}
		f.CreatedAt = time.Unix(now.Unix(), 0).UTC()
		return s.audit(ctx, tx, a, "create", "feed", f.ID, org, nil, f)
	})
	if err != nil {
		return congtac.Feed{}, "", err
	}
	return f, raw, nil
}

// FindFeeds returns the feeds of user userID, active or not, newest first.
func (s *Store) FindFeeds(ctx context.Context, userID int64) ([]congtac.Feed, error) {
	return readRows(ctx, s.read, query{"SELECT " + feedColumns + " FROM feeds WHERE user_id = $1 ORDER BY id DESC",
		[]any{userID}}, func(sc scanner) (congtac.Feed, error) { return scanFeed(sc) })
}

// RevokeFeed ends the actor's feed id for good. A feed that is not the actor's is
// ENOTFOUND; revoking a revoked feed changes nothing. Audited.
func (s *Store) RevokeFeed(ctx context.Context, a congtac.Actor, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := scanFeed(tx.QueryRowContext(ctx, "SELECT "+feedColumns+" FROM feeds WHERE id = $1 AND user_id = $2",
			id, a.UserID))
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("lịch đăng ký")
		} else if err != nil {
			return fmt.Errorf("store: revoke feed: %w", err)
		}
		if !before.Active() {
			return nil
		}
		now := s.now().Unix()
		if _, err := tx.ExecContext(ctx, "UPDATE feeds SET revoked_at = $1 WHERE id = $2", now, id); err != nil {
			return fmt.Errorf("store: revoke feed: %w", err)
		}
		after := before
		after.RevokedAt = time.Unix(now, 0).UTC()
		return s.audit(ctx, tx, a, "revoke", "feed", id, a.OrgID, before, after)
	})
}

// FeedByToken returns the active feed of a raw token, the account that owns it and the org
// it shows. A malformed, unknown or revoked token, or one whose account is disabled, is
// ENOTFOUND, the same for all; the token is found by its hash, never compared. The caller
// checks that the owner still reaches the org.
func (s *Store) FeedByToken(ctx context.Context, raw string) (congtac.Feed, congtac.User, int64, error) {
	bad := congtac.Errorf(congtac.ENOTFOUND, "Lịch đăng ký không có, đã bị thu hồi hoặc tài khoản đã bị khóa.")
	if len(raw) != feedTokenLen || !strings.HasPrefix(raw, feedTokenPrefix) {
		return congtac.Feed{}, congtac.User{}, 0, bad
	}
	var (
		f   congtac.Feed
		u   congtac.User
		org int64
	)
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		f, err = scanFeed(tx.QueryRowContext(ctx, "SELECT f."+strings.ReplaceAll(feedColumns, ", ", ", f.")+
			", u."+strings.ReplaceAll(userColumns, ", ", ", u.")+
			" FROM feeds f JOIN users u ON u.id = f.user_id WHERE f.token_hash = $1", tokenHash(raw)),
			userScanArgs(&u)...)
		if err != nil {
			return err
		}
		org, err = feedOrg(ctx, tx, f)
		return err
	})
	switch {
	case errors.Is(err, sql.ErrNoRows), congtac.ErrorCode(err) == congtac.ENOTFOUND:
		return congtac.Feed{}, congtac.User{}, 0, bad
	case err != nil:
		return congtac.Feed{}, congtac.User{}, 0, fmt.Errorf("store: feed: %w", err)
	case !f.Active() || u.Disabled:
		return congtac.Feed{}, congtac.User{}, 0, bad
	}
	return f, u, org, nil
}
