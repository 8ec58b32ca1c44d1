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

// Personal API tokens: "ct_" followed by 32 random bytes in unpadded base64url. The prefix
// lets people and secret scanners recognise a congtac token; only the hex SHA-256 of the
// whole token is stored (see [tokenHash]), and a token is found by that hash, so no
// comparison ever runs over the secret itself and its timing reveals nothing of it. A
// plain SHA-256 suffices because the token has 256 random bits: there is nothing to guess.

const (
	apiTokenPrefix = "ct_"
	apiTokenBytes  = 32
	// apiTokenTouch is how old last_used_at may grow before a request renews it, so that
	// a client calling the API many times a second does not write once per call.
	apiTokenTouch = time.Minute
)

var apiTokenLen = len(apiTokenPrefix) + base64.RawURLEncoding.EncodedLen(apiTokenBytes)

// newAPIToken returns a fresh raw token.
func newAPIToken() string {
	b := make([]byte, apiTokenBytes)
	rand.Read(b) // crypto/rand.Read never fails; it crashes the program if the OS cannot give randomness
	return apiTokenPrefix + base64.RawURLEncoding.EncodeToString(b)
}

const apiTokenColumns = `id, user_id, name, created_at, last_used_at, revoked_at`

func scanAPIToken(sc interface{ Scan(...any) error }, extra ...any) (congtac.APIToken, error) {
	var t congtac.APIToken
	err := sc.Scan(append([]any{&t.ID, &t.UserID, &t.Name, unixCol{&t.CreatedAt}, unixCol{&t.LastUsedAt},
		unixCol{&t.RevokedAt}}, extra...)...)
	return t, err
}

// lockUser returns the org of an account, or ENOTFOUND, and serialises the transactions
// that check a limit on the account's rows: on PostgreSQL it locks the user's row until tx
// ends; SQLite write transactions are serialised already.
func (s *Store) lockUser(ctx context.Context, tx *sql.Tx, id int64) (int64, error) {
	q := "SELECT org_id FROM users WHERE id = $1"
	if s.engine == Postgres {
		q += " FOR UPDATE"
	}
	var org int64
	err := tx.QueryRowContext(ctx, q, id).Scan(&org)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, notFound("tài khoản")
	} else if err != nil {
		return 0, fmt.Errorf("store: find user: %w", err)
	}
	return org, nil
}

// CreateAPIToken gives user userID a new personal API token named name and returns it
// with the raw token, which is shown to the user this once and never again. The name is
// required and at most [congtac.MaxAPITokenName] characters (EINVALID); a user holding
// [congtac.MaxActiveAPITokens] active tokens must revoke one first (EINVALID). An unknown
// user is ENOTFOUND. The caller decides who may create tokens for whom (users, for
// themselves); the event "create" of the "api_token" is audited without the token.
func (s *Store) CreateAPIToken(ctx context.Context, a congtac.Actor, userID int64, name string) (congtac.APIToken, string, error) {
	t := congtac.APIToken{UserID: userID, Name: cleanText(name)}
	if err := t.Validate(); err != nil {
		return congtac.APIToken{}, "", err
	}
	raw := newAPIToken()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		org, err := s.lockUser(ctx, tx, userID)
		if err != nil {
			return err
		}
		var active int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM api_tokens WHERE user_id = $1
			AND revoked_at IS NULL`, userID).Scan(&active); err != nil {
			return fmt.Errorf("store: create api token: %w", err)
		}
		if active >= congtac.MaxActiveAPITokens {
			return congtac.Errorf(congtac.EINVALID, "Mỗi tài khoản có tối đa %d mã truy cập đang dùng. "+
				"Hãy thu hồi mã không còn dùng rồi tạo mã mới.", congtac.MaxActiveAPITokens)
		}
		now := s.now()
		t.CreatedAt = time.Unix(now.Unix(), 0).UTC()
		if err := tx.QueryRowContext(ctx, `INSERT INTO api_tokens (user_id, name, token_hash, created_at)
			VALUES ($1, $2, $3, $4) RETURNING id`, userID, t.Name, tokenHash(raw), now.Unix()).Scan(&t.ID); err != nil {
			return fmt.Errorf("store: create api token: %w", err)
		}
		return s.audit(ctx, tx, a, "create", "api_token", t.ID, org, nil, t)
	})
	if err != nil {
		return congtac.APIToken{}, "", err
	}
	return t, raw, nil
}

// FindAPITokens returns every token of a user, revoked ones included (see
// [congtac.APIToken.Active]), newest first.
func (s *Store) FindAPITokens(ctx context.Context, userID int64) ([]congtac.APIToken, error) {
	rows, err := s.read.QueryContext(ctx, "SELECT "+apiTokenColumns+` FROM api_tokens WHERE user_id = $1
		ORDER BY created_at DESC, id DESC`, userID)
	if err != nil {
		return nil, fmt.Errorf("store: find api tokens: %w", err)
	}
	defer rows.Close()
	var out []congtac.APIToken
	for rows.Next() {
		t, err := scanAPIToken(rows)
		if err != nil {
			return nil, fmt.Errorf("store: find api tokens: %w", err)
		}
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: find api tokens: %w", err)
	}
	return out, nil
}

// RevokeAPIToken ends token id of user userID for good: it no longer authenticates. A
// token that is not that user's is ENOTFOUND; revoking a revoked token changes nothing and
// is no error. The event "revoke" of the "api_token" is audited.
func (s *Store) RevokeAPIToken(ctx context.Context, a congtac.Actor, userID, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := scanAPIToken(tx.QueryRowContext(ctx, "SELECT "+apiTokenColumns+
			" FROM api_tokens WHERE id = $1 AND user_id = $2", id, userID))
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("mã truy cập")
		} else if err != nil {
			return fmt.Errorf("store: revoke api token: %w", err)
		}
		if !before.Active() {
			return nil
		}
		org, err := userOrg(ctx, tx, userID)
		if err != nil {
			return err
		}
		return s.revokeAPIToken(ctx, tx, a, org, before)
	})
}

// revokeAPIToken revokes active token t, of a user of org, and audits it.
func (s *Store) revokeAPIToken(ctx context.Context, tx *sql.Tx, a congtac.Actor, org int64, t congtac.APIToken) error {
	now := s.now().Unix()
	if _, err := tx.ExecContext(ctx, "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2", now, t.ID); err != nil {
		return fmt.Errorf("store: revoke api token: %w", err)
	}
	after := t
	after.RevokedAt = time.Unix(now, 0).UTC()
	return s.audit(ctx, tx, a, "revoke", "api_token", t.ID, org, t, after)
}

// revokeAPITokens revokes every active token of user userID, of org, auditing each, and
// returns how many there were.
func (s *Store) revokeAPITokens(ctx context.Context, tx *sql.Tx, a congtac.Actor, userID, org int64) (int, error) {
	rows, err := tx.QueryContext(ctx, "SELECT "+apiTokenColumns+
		" FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL ORDER BY id", userID)
	if err != nil {
		return 0, fmt.Errorf("store: revoke api tokens: %w", err)
	}
	var active []congtac.APIToken
	for rows.Next() {
		t, err := scanAPIToken(rows)
		if err != nil {
			rows.Close()
			return 0, fmt.Errorf("store: revoke api tokens: %w", err)
		}
		active = append(active, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("store: revoke api tokens: %w", err)
	}
	for _, t := range active {
		if err := s.revokeAPIToken(ctx, tx, a, org, t); err != nil {
			return 0, err
		}
	}
	return len(active), nil
}

// badAPIToken is the one answer to every token that does not authenticate, so that a
// caller learns nothing about why.
func badAPIToken() error {
	return congtac.Errorf(congtac.ENOTFOUND, "Mã truy cập không hợp lệ, đã bị thu hồi hoặc tài khoản đã bị khóa.")
}

// AuthenticateAPIToken returns the account and token of a raw bearer token. A malformed,
// unknown or revoked token, or one whose account is disabled, is ENOTFOUND, the same error
// for all. The token is looked up by its hash, never compared. Its last-used time is renewed
// when it is a minute old or more, so that a busy client does not cause a write per
// request; authenticating is not audited.
func (s *Store) AuthenticateAPIToken(ctx context.Context, raw string) (congtac.User, congtac.APIToken, error) {
	if len(raw) != apiTokenLen || !strings.HasPrefix(raw, apiTokenPrefix) {
		return congtac.User{}, congtac.APIToken{}, badAPIToken()
	}
	// One query reads token and account in one snapshot; the write transaction below runs
	// only when last_used_at is due, so API reads do not queue behind writers.
	var u congtac.User
	t, err := scanAPIToken(s.read.QueryRowContext(ctx, "SELECT t."+strings.ReplaceAll(apiTokenColumns, ", ", ", t.")+
		", u."+strings.ReplaceAll(userColumns, ", ", ", u.")+
		" FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1", tokenHash(raw)),
		userScanArgs(&u)...)
	if errors.Is(err, sql.ErrNoRows) {
		return congtac.User{}, congtac.APIToken{}, badAPIToken()
	} else if err != nil {
		return congtac.User{}, congtac.APIToken{}, fmt.Errorf("store: authenticate api token: %w", err)
	}
	if !t.Active() || u.Disabled {
		return congtac.User{}, congtac.APIToken{}, badAPIToken()
	}
	now := s.now()
	if t.LastUsedAt.IsZero() || now.Sub(t.LastUsedAt) >= apiTokenTouch {
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, `UPDATE api_tokens SET last_used_at = $1
				WHERE id = $2 AND (last_used_at IS NULL OR last_used_at <= $3)`,
				now.Unix(), t.ID, now.Add(-apiTokenTouch).Unix())
			return err
		})
		if err != nil {
			return congtac.User{}, congtac.APIToken{}, fmt.Errorf("store: authenticate api token: %w", err)
		}
		t.LastUsedAt = time.Unix(now.Unix(), 0).UTC()
	}
	return u, t, nil
}
