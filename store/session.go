package store

import (
	"bytes"
	"congtac/vn"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"congtac"

	"github.com/alexedwards/scs/v2"
)

// Web sessions live in the sessions table, keyed by the hex SHA-256 of the session token:
// a copy of the database (a backup, a leaked dump) holds no token that could be replayed.
// The scs middleware reads and writes a session's data through [SessionStore]; the use
// cases below attach a user to a session and let users see and end their sessions.

// SessionStore is the session store of github.com/alexedwards/scs/v2 on the database, from
// [Store.Sessions]. It implements scs.Store and scs.CtxStore but not scs.IterableStore,
// which would need the tokens themselves. Commit is not audited: scs calls it at the end of
// every request of a session, to push the idle deadline on; it writes only when the data
// changed or at most once a minute ([SessionStore.CommitCtx]). Signing in and ending
// sessions are audited by the use cases.
type SessionStore struct{ s *Store }

var _ scs.CtxStore = (*SessionStore)(nil)

// Sessions returns the scs session store of s.
func (s *Store) Sessions() *SessionStore { return &SessionStore{s: s} }

// tokenHash returns the hex SHA-256 of a session or API token, the only form of it stored.
func tokenHash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// sessionIDLen is the length of a session handle: 16 hex digits, 64 bits of the hash.
const sessionIDLen = 16

// SessionID returns the handle ([congtac.Session.ID]) of the session with token: the first
// 16 hex digits of its SHA-256. The web layer compares it with [Store.FindSessions] to mark
// the current session.
func SessionID(token string) string { return tokenHash(token)[:sessionIDLen] }

// validSessionID reports whether id has the form of a handle: 16 lower-case hex digits.
func validSessionID(id string) bool {
	if len(id) != sessionIDLen {
		return false
	}
	for _, r := range id {
		if (r < '0' || r > '9') && (r < 'a' || r > 'f') {
			return false
		}
	}
	return true
}

// Find implements scs.Store; see [SessionStore.FindCtx].
func (ss *SessionStore) Find(token string) ([]byte, bool, error) {
	return ss.FindCtx(context.Background(), token)
}

// FindCtx returns the data of the session with token. An unknown or expired token (or
// a row [Store.SignIn] made that scs has not committed yet) is found = false with a
// nil error.
func (ss *SessionStore) FindCtx(ctx context.Context, token string) ([]byte, bool, error) {
	var data []byte
	err := ss.s.read.QueryRowContext(ctx, "SELECT data FROM sessions WHERE token_hash = $1 AND expiry > $2",
		tokenHash(token), ss.s.now().Unix()).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	} else if err != nil {
		return nil, false, fmt.Errorf("store: find session: %w", err)
	}
	return data, true, nil
}

// Commit implements scs.Store; see [SessionStore.CommitCtx].
func (ss *SessionStore) Commit(token string, b []byte, expiry time.Time) error {
	return ss.CommitCtx(context.Background(), token, b, expiry)
}

// sessionTouch is how often at most a session whose data has not changed is written back
// to push its idle deadline on (see [SessionStore.CommitCtx]).
const sessionTouch = time.Minute

// CommitCtx saves the data and expiry of the session with token, creating the session if
// it is new, and sets its last-seen time. The expiry is an instant on the store's clock
// ([Store.Clock]), against which every read of the session judges it. The user, address
// and agent of a session (see [Store.SignIn]) are kept.
//
// A signed-in page view does not write: scs commits every request of a session with an
// idle timeout, only to move its expiry on. The stored row is read first, and nothing is
// written when the data is the same bytes, the row was written less than a minute ago, the
// new expiry is not earlier than the stored one and less than a minute later, and the
// stored expiry is at least a minute away. So a session in use is written at most once a
// minute, its last-seen time lags by less than a minute, and its idle timeout is measured
// from a request at most a minute before the last one: a session may end up to a minute
// before its idle timeout after the last request, never later, and never less than a
// minute after a request. Changed data is always written.
func (ss *SessionStore) CommitCtx(ctx context.Context, token string, b []byte, expiry time.Time) error {
	if b == nil {
		b = []byte{} // data is NOT NULL
	}
	now := ss.s.now()
	if fresh, err := ss.fresh(ctx, token, b, expiry, now); err != nil || fresh {
		return err
	}
	return ss.s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO sessions (token_hash, data, expiry, created_at, last_seen_at)
			VALUES ($1, $2, $3, $4, $4)
			ON CONFLICT (token_hash) DO UPDATE SET data = excluded.data, expiry = excluded.expiry,
				last_seen_at = excluded.last_seen_at`,
			tokenHash(token), b, expiry.Unix(), now.Unix())
		if err != nil {
			return fmt.Errorf("store: commit session: %w", err)
		}
		return nil
	})
}

// fresh reports whether the stored session with token is close enough to data b and
// expiry at now that [SessionStore.CommitCtx] need not write it. It is one read on the read
// pool, which a page view can afford where a write, queued behind every other writer and
// synced to disk, it cannot.
func (ss *SessionStore) fresh(ctx context.Context, token string, b []byte, expiry, now time.Time) (bool, error) {
	var data []byte
	var stored, seen int64
	err := ss.s.read.QueryRowContext(ctx, "SELECT data, expiry, last_seen_at FROM sessions WHERE token_hash = $1",
		tokenHash(token)).Scan(&data, &stored, &seen)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	} else if err != nil {
		return false, fmt.Errorf("store: commit session: %w", err)
	}
	step, at, until := int64(sessionTouch/time.Second), now.Unix(), expiry.Unix()
	return bytes.Equal(data, b) && at-seen < step && until >= stored && until-stored < step && stored-at >= step, nil
}

// Delete implements scs.Store; see [SessionStore.DeleteCtx].
func (ss *SessionStore) Delete(token string) error {
	return ss.DeleteCtx(context.Background(), token)
}

// DeleteCtx removes the session with token; an unknown token is no error. scs calls it on
// sign-out (Destroy) and when it renews a token.
func (ss *SessionStore) DeleteCtx(ctx context.Context, token string) error {
	return ss.s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM sessions WHERE token_hash = $1", tokenHash(token)); err != nil {
			return fmt.Errorf("store: delete session: %w", err)
		}
		return nil
	})
}

// Lengths kept of what a client says about itself.
const (
	maxAddress = 100
	maxAgent   = 300
)

// clip returns s cleaned and cut to at most n characters. What a client says about itself is
// kept for the record, not refused: invalid UTF-8 is replaced and control characters dropped.
func clip(s string, n int) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, vn.NFC(strings.TrimSpace(s)))
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}

// SignIn starts user userID's session with token, signed in from address with the browser
// agent, as one use case: the session is bound to the user so that it can be listed and
// ended, the account's last sign-in time is set (its version stays, so that an
// administrator editing the account meanwhile gets no conflict), and the event "sign_in" is
// audited with the user as actor. Call it once the password (and second factor) passed,
// after renewing the token (scs RenewToken). It may run before scs has committed the renewed
// session: the row it then creates has no data and has already expired, so that it is
// neither found nor listed until scs commits the session's data and expiry at the end of
// the request; if that never happens, [Store.DeleteExpiredSessions] removes it. An unknown
// user is ENOTFOUND, a disabled one EFORBIDDEN; a session bound to another user is an
// internal error, since it means the token was not renewed at sign-in (session fixation).
// Failed sign-ins are recorded with [Store.RecordEvent].
func (s *Store) SignIn(ctx context.Context, token string, userID int64, address, agent string) error {
	address, agent = clip(address, maxAddress), clip(agent, maxAgent)
	return s.inTx(ctx, func(tx *sql.Tx) error {
		a := congtac.Actor{UserID: userID, Address: address}
		var disabled bool
		now := s.now().Unix()
		err := tx.QueryRowContext(ctx, `UPDATE users SET last_sign_in_at = $1 WHERE id = $2
			RETURNING role, org_id, disabled`, now, userID).Scan(&a.Role, &a.OrgID, &disabled)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("tài khoản")
		} else if err != nil {
			return fmt.Errorf("store: sign in: %w", err)
		}
		if disabled {
			return congtac.Errorf(congtac.EFORBIDDEN, "Tài khoản đã bị khóa.")
		}
		if err := bindSession(ctx, tx, token, userID, address, agent, now); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "sign_in", "user", userID, a.OrgID, nil, nil)
	})
}

// bindSession records that the session with token belongs to userID (see [Store.SignIn]).
func bindSession(ctx context.Context, tx *sql.Tx, token string, userID int64, address, agent string, now int64) error {
	var owner sql.NullInt64
	err := tx.QueryRowContext(ctx, `INSERT INTO sessions (token_hash, data, expiry, user_id, created_at,
		last_seen_at, address, agent) VALUES ($1, $2, $3, $4, $3, $3, $5, $6)
		ON CONFLICT (token_hash) DO UPDATE SET user_id = coalesce(sessions.user_id, excluded.user_id),
			address = excluded.address, agent = excluded.agent
		RETURNING user_id`,
		tokenHash(token), []byte{}, now, userID, address, agent).Scan(&owner)
	if err != nil {
		return fmt.Errorf("store: bind session: %w", err)
	}
	if owner.Int64 != userID {
		return errors.New("store: bind session: the session belongs to another user; renew the token at sign-in")
	}
	return nil
}

// userOrg returns the org of an account, or ENOTFOUND.
func userOrg(ctx context.Context, q queryer, id int64) (int64, error) {
	var org int64
	err := q.QueryRowContext(ctx, "SELECT org_id FROM users WHERE id = $1", id).Scan(&org)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, notFound("tài khoản")
	} else if err != nil {
		return 0, fmt.Errorf("store: find user: %w", err)
	}
	return org, nil
}

// FindSessions returns the live (unexpired) sessions of a user, newest first.
func (s *Store) FindSessions(ctx context.Context, userID int64) ([]congtac.Session, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT token_hash, user_id, created_at, last_seen_at, expiry,
		address, agent FROM sessions WHERE user_id = $1 AND expiry > $2
		ORDER BY created_at DESC, last_seen_at DESC, token_hash`, userID, s.now().Unix())
	if err != nil {
		return nil, fmt.Errorf("store: find sessions: %w", err)
	}
	defer rows.Close()
	var out []congtac.Session
	for rows.Next() {
		var se congtac.Session
		var hash string
		if err := rows.Scan(&hash, &se.UserID, unixCol{&se.CreatedAt}, unixCol{&se.LastSeenAt},
			unixCol{&se.Expiry}, &se.Address, &se.Agent); err != nil {
			return nil, fmt.Errorf("store: find sessions: %w", err)
		}
		se.ID = hash[:sessionIDLen]
		out = append(out, se)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: find sessions: %w", err)
	}
	return out, nil
}

// EndSession signs out the live session with handle id (a [congtac.Session.ID]) of user
// userID. A handle that names no live session of that user — another user's, an expired
// one, a malformed one — is ENOTFOUND. Only the user or an actor whose ManageUsers reaches the account's org
// may (EFORBIDDEN); the event "end_session" is audited on the user.
func (s *Store) EndSession(ctx context.Context, a congtac.Actor, userID int64, id string) error {
	if !validSessionID(id) {
		return notFound("phiên đăng nhập")
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		org, err := userOrg(ctx, tx, userID)
		if congtac.ErrorCode(err) == congtac.ENOTFOUND {
			return notFound("phiên đăng nhập")
		} else if err != nil {
			return err
		}
		if err := mayManageAccount(ctx, tx, a, userID, org); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1 AND substr(token_hash, 1, 16) = $2
			AND expiry > $3`, userID, id, s.now().Unix())
		if err != nil {
			return fmt.Errorf("store: end session: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound("phiên đăng nhập")
		}
		return s.audit(ctx, tx, a, "end_session", "user", userID, org, nil, map[string]string{"session": id})
	})
}

// EndSessions signs out every session of user userID except the one with exceptToken (the
// caller's own, kept when users end their other sessions or change a credential; an empty
// exceptToken ends them all). It returns how many live sessions ended and records one
// "end_sessions" audit event with that count, even when it is 0. An unknown user is
// ENOTFOUND; an actor who is neither the user nor one whose ManageUsers reaches the
// account's org is refused (EFORBIDDEN).
func (s *Store) EndSessions(ctx context.Context, a congtac.Actor, userID int64, exceptToken string) (int, error) {
	ended := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		org, err := userOrg(ctx, tx, userID)
		if err != nil {
			return err
		}
		if err := mayManageAccount(ctx, tx, a, userID, org); err != nil {
			return err
		}
		if ended, err = s.endSessions(ctx, tx, userID, exceptToken); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "end_sessions", "user", userID, org, nil, map[string]int{"ended": ended})
	})
	if err != nil {
		return 0, err
	}
	return ended, nil
}

// endSessions deletes every session of user userID but the one with exceptToken ("" keeps
// none) and returns how many of them were live.
func (s *Store) endSessions(ctx context.Context, tx *sql.Tx, userID int64, exceptToken string) (int, error) {
	keep := ""
	if exceptToken != "" {
		keep = tokenHash(exceptToken)
	}
	rows, err := tx.QueryContext(ctx, `DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2
		RETURNING expiry`, userID, keep)
	if err != nil {
		return 0, fmt.Errorf("store: end sessions: %w", err)
	}
	defer rows.Close()
	ended, now := 0, s.now().Unix()
	for rows.Next() {
		var expiry int64
		if err := rows.Scan(&expiry); err != nil {
			return 0, fmt.Errorf("store: end sessions: %w", err)
		}
		if expiry > now {
			ended++
		}
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("store: end sessions: %w", err)
	}
	return ended, nil
}

// DeleteExpiredSessions removes the sessions that have expired and returns how many. It is
// housekeeping for a background job, not audited: an expired session is already over.
func (s *Store) DeleteExpiredSessions(ctx context.Context) (int, error) {
	var n int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM sessions WHERE expiry <= $1", s.now().Unix())
		if err != nil {
			return fmt.Errorf("store: delete expired sessions: %w", err)
		}
		if n, err = res.RowsAffected(); err != nil {
			return fmt.Errorf("store: delete expired sessions: %w", err)
		}
		return nil
	})
	return int(n), err
}

// FindSessionUser returns the user bound to the live session with token by
// [Store.SignIn]. A session that is unknown, expired or bound to nobody — such as one
// ended while a request of it was in flight, which scs may write back without its user —
// is ENOTFOUND; so is a disabled user's.
func (s *Store) FindSessionUser(ctx context.Context, token string) (congtac.User, error) {
	var u congtac.User
	err := s.read.QueryRowContext(ctx, "SELECT u."+strings.ReplaceAll(userColumns, ", ", ", u.")+
		` FROM sessions se JOIN users u ON u.id = se.user_id
		WHERE se.token_hash = $1 AND se.expiry > $2 AND NOT u.disabled`, tokenHash(token), s.now().Unix()).
		Scan(userScanArgs(&u)...)
	if errors.Is(err, sql.ErrNoRows) {
		return u, notFound("phiên đăng nhập")
	} else if err != nil {
		return u, fmt.Errorf("store: find session user: %w", err)
	}
	return u, nil
}
