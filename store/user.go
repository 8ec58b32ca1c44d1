package store

import (
	"context"
	"database/sql"
	"encoding/base32"
	"errors"
	"fmt"
	"strings"

	"congtac"
)

// userColumns is one line: AuthenticateAPIToken prefixes each name by replacing ", ".
const userColumns = `id, login, person_id, display_name, role, org_id, password_hash, totp_secret, disabled, version, last_sign_in_at, password_changed_at, email_reminders`

func scanUser(sc interface{ Scan(...any) error }) (congtac.User, error) {
	var u congtac.User
	err := sc.Scan(userScanArgs(&u)...)
	return u, err
}

// userScanArgs returns the scan destinations of userColumns in u.
func userScanArgs(u *congtac.User) []any {
	return []any{&u.ID, &u.Login, idCol{&u.PersonID}, &u.DisplayName, &u.Role, &u.OrgID,
		&u.PasswordHash, &u.TOTPSecret, &u.Disabled, &u.Version, unixCol{&u.LastSignInAt}, unixCol{&u.PasswordChangedAt}, &u.EmailReminders}
}

// findUser returns one account, or ENOTFOUND.
func findUser(ctx context.Context, q queryer, id int64) (congtac.User, error) {
	u, err := scanUser(q.QueryRowContext(ctx, "SELECT "+userColumns+" FROM users WHERE id = $1", id))
	if errors.Is(err, sql.ErrNoRows) {
		return u, notFound("tài khoản")
	} else if err != nil {
		return u, fmt.Errorf("store: find user: %w", err)
	}
	return u, nil
}

// redactUser returns u without its secrets, for the audit log.
func redactUser(u congtac.User) congtac.User {
	if u.PasswordHash != "" {
		u.PasswordHash = "(đã ẩn)"
	}
	if u.TOTPSecret != "" {
		u.TOTPSecret = "(đã ẩn)"
	}
	return u
}

// loginTaken is the ECONFLICT of a login another account has.
func loginTaken(login string) error {
	return &congtac.Error{Code: congtac.ECONFLICT, Field: "login",
		Message: fmt.Sprintf("Tên đăng nhập %q đã có người dùng.", login)}
}

// CreateUser adds an account. The caller hashes the password; an empty hash leaves the
// account unable to sign in until a password is set. A login already taken is ECONFLICT;
// an unknown org ENOTFOUND. An office account placed in a committee's office is scoped to
// that committee ([congtac.AccountScope]), whatever the caller sent. The actor's
// ManageUsers must reach the account's org (EFORBIDDEN).
func (s *Store) CreateUser(ctx context.Context, a congtac.Actor, u congtac.User) (congtac.User, error) {
	u.Login = strings.ToLower(strings.TrimSpace(u.Login))
	if err := u.Validate(); err != nil {
		return congtac.User{}, err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var taken int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM users WHERE login = $1", u.Login).Scan(&taken); err != nil {
			return fmt.Errorf("store: create user: %w", err)
		}
		if taken > 0 {
			return loginTaken(u.Login)
		}
		if err := scopeAccount(ctx, tx, &u); err != nil {
			return err
		}
		if err := checkAccountReach(ctx, tx, a, congtac.User{}, u); err != nil {
			return err
		}
		now := s.now().Unix()
		u.Version = 1
		if err := tx.QueryRowContext(ctx, `INSERT INTO users (login, person_id, display_name, role, org_id,
			password_hash, totp_secret, disabled, version, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $9) RETURNING id`,
			u.Login, nullID(u.PersonID), u.DisplayName, u.Role, u.OrgID, u.PasswordHash, u.TOTPSecret,
			u.Disabled, now).Scan(&u.ID); isUniqueViolation(err) {
			return loginTaken(u.Login) // another administrator took it since the count
		} else if err != nil {
			return fmt.Errorf("store: create user: %w", err)
		}
		return s.audit(ctx, tx, a, "create", "user", u.ID, u.OrgID, nil, redactUser(u))
	})
	return u, err
}

// FindUserByLogin returns the account with that login (case-insensitive), or ENOTFOUND.
func (s *Store) FindUserByLogin(ctx context.Context, login string) (congtac.User, error) {
	u, err := scanUser(s.read.QueryRowContext(ctx, "SELECT "+userColumns+" FROM users WHERE login = $1",
		strings.ToLower(strings.TrimSpace(login))))
	if err == sql.ErrNoRows {
		return u, notFound("tài khoản")
	} else if err != nil {
		return u, fmt.Errorf("store: find user: %w", err)
	}
	return u, nil
}

// FindUserByID returns one account, or ENOTFOUND.
func (s *Store) FindUserByID(ctx context.Context, id int64) (congtac.User, error) {
	return findUser(ctx, s.read, id)
}

// FindUsers returns every account, by login.
func (s *Store) FindUsers(ctx context.Context) ([]congtac.User, error) {
	rows, err := s.read.QueryContext(ctx, "SELECT "+userColumns+" FROM users ORDER BY login")
	if err != nil {
		return nil, fmt.Errorf("store: find users: %w", err)
	}
	defer rows.Close()
	var out []congtac.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("store: find users: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// UpdateUser changes an account's display name, role, org, person or disabled flag. An
// office account placed in a committee's office is scoped to that committee
// ([congtac.AccountScope]). The actor's ManageUsers must reach the account's org before and
// after (EFORBIDDEN). version is the version the user read; ECONFLICT when it moved. The role must be one of
// [congtac.Roles] (EINVALID) and the org and person must exist (ENOTFOUND). The last active
// admin can neither lose the role nor be disabled (EINVALID), so that somebody can still
// administer the system. Disabling an account also ends its sessions in the same
// transaction; its API tokens stop authenticating while it stays disabled. The change is
// audited without secrets.
func (s *Store) UpdateUser(ctx context.Context, a congtac.Actor, id int64, version int, up congtac.UserUpdate) (congtac.User, error) {
	var u congtac.User
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := findUser(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := checkCan(ctx, tx, a, congtac.ManageUsers, before.OrgID); err != nil {
			return err
		}
		if before.Version != version {
			return conflict("Tài khoản")
		}
		u = up.Apply(before)
		u.DisplayName = cleanText(u.DisplayName)
		if err := u.Validate(); err != nil {
			return err
		}
		if err := scopeAccount(ctx, tx, &u); err != nil {
			return err
		}
		if err := s.checkUserRefs(ctx, tx, before, u); err != nil {
			return err
		}
		if err := checkAccountReach(ctx, tx, a, before, u); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE users SET display_name = $1, role = $2, org_id = $3,
			person_id = $4, disabled = $5, version = version + 1, updated_at = $6 WHERE id = $7 AND version = $8`,
			u.DisplayName, u.Role, u.OrgID, nullID(u.PersonID), u.Disabled, s.now().Unix(), id, version)
		if err != nil {
			return fmt.Errorf("store: update user: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return conflict("Tài khoản")
		}
		if u.Disabled && !before.Disabled {
			if _, err := tx.ExecContext(ctx, "DELETE FROM sessions WHERE user_id = $1", id); err != nil {
				return fmt.Errorf("store: update user: end sessions: %w", err)
			}
		}
		u.Version = version + 1
		return s.audit(ctx, tx, a, "update", "user", id, u.OrgID, redactUser(before), redactUser(u))
	})
	if err != nil {
		return congtac.User{}, err
	}
	return u, nil
}

// scopeAccount sets the org of account u to its scope ([congtac.AccountScope]); an unknown
// org is ENOTFOUND.
func scopeAccount(ctx context.Context, tx *sql.Tx, u *congtac.User) error {
	org, err := findOrg(ctx, tx, u.OrgID)
	if err != nil {
		return err
	}
	c, _, err := committeeTx(ctx, tx, u.OrgID)
	if err != nil {
		return err
	}
	u.OrgID = congtac.AccountScope(u.Role, org, c.Org)
	return nil
}

// checkUserRefs verifies that the org and person of an updated account exist and that the
// update does not leave the system without an active admin.
func (s *Store) checkUserRefs(ctx context.Context, tx *sql.Tx, before, u congtac.User) error {
	if _, err := findOrg(ctx, tx, u.OrgID); err != nil {
		return err
	}
	if err := checkPerson(ctx, tx, u.PersonID, "người được gắn với tài khoản"); err != nil {
		return err
	}
	wasAdmin := before.Role == congtac.RoleAdmin && !before.Disabled
	if !wasAdmin || (u.Role == congtac.RoleAdmin && !u.Disabled) {
		return nil
	}
	// On PostgreSQL the active admins' rows stay locked until tx ends, so that two admins
	// demoting each other at once cannot both pass; SQLite writers are serialised already.
	q := "SELECT id FROM users WHERE role = $1 AND NOT disabled ORDER BY id"
	if s.engine == Postgres {
		q += " FOR UPDATE"
	}
	rows, err := tx.QueryContext(ctx, q, congtac.RoleAdmin)
	if err != nil {
		return fmt.Errorf("store: update user: %w", err)
	}
	defer rows.Close()
	others := 0
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return fmt.Errorf("store: update user: %w", err)
		}
		if id != u.ID {
			others++
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: update user: %w", err)
	}
	if others == 0 {
		return congtac.FieldError("role", "Đây là quản trị viên duy nhất đang hoạt động; "+
			"không thể bỏ vai trò quản trị hoặc khóa tài khoản này.")
	}
	return nil
}

// SetPassword replaces an account's password hash (argon2id, hashed by the caller), records
// when it changed, and ends what the old password opened: every session of the account but
// the one with keepToken (the caller's own when users change their own password; "" ends
// them all) and every active API token. It returns how many live sessions ended and how
// many tokens were revoked. One transaction: audited as "set_password" with those counts and
// without the hash, and each token's "revoke". ENOTFOUND for an unknown account; EFORBIDDEN
// unless the actor is the account's user or its ManageUsers reaches the account's org.
func (s *Store) SetPassword(ctx context.Context, a congtac.Actor, id int64, hash, keepToken string) (sessions, tokens int, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var org int64
		now := s.now().Unix()
		err := tx.QueryRowContext(ctx, `UPDATE users SET password_hash = $1, password_changed_at = $2,
			version = version + 1, updated_at = $2 WHERE id = $3 RETURNING org_id`, hash, now, id).Scan(&org)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("tài khoản")
		} else if err != nil {
			return fmt.Errorf("store: set password: %w", err)
		}
		if err := mayManageAccount(ctx, tx, a, id, org); err != nil {
			return err // the update is rolled back with the transaction
		}
		if sessions, err = s.endSessions(ctx, tx, id, keepToken); err != nil {
			return err
		}
		if tokens, err = s.revokeAPITokens(ctx, tx, a, id, org); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "set_password", "user", id, org, nil,
			map[string]int{"sessions_ended": sessions, "tokens_revoked": tokens})
	})
	if err != nil {
		return 0, 0, err
	}
	return sessions, tokens, nil
}

// totpEncoding reads the base32 secrets of RFC 6238 authenticator apps, with or without
// padding.
var totpEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// SetTOTPSecret turns on the second factor of account id with secret, the base32 key the
// user's authenticator app was given (at least 128 bits, RFC 4226), or turns it off when
// secret is empty, and in the same transaction ends the account's sessions but the one with
// keepToken (the caller's own, when it changes its own account; "" ends them all), so that
// no session of the old credential outlives the change. It returns how many live sessions
// ended. The actor must be the account's own user or one whose ManageUsers reaches the
// account's org (EFORBIDDEN). A malformed secret is EINVALID; an unknown account ENOTFOUND.
// Audited as "set_totp", which records only whether the factor is on, never the secret,
// and "end_sessions" with the count.
func (s *Store) SetTOTPSecret(ctx context.Context, a congtac.Actor, id int64, secret, keepToken string) (int, error) {
	secret = strings.ToUpper(strings.TrimSpace(secret))
	if secret != "" {
		if key, err := totpEncoding.DecodeString(strings.TrimRight(secret, "=")); err != nil || len(key) < 16 {
			return 0, congtac.FieldError("totp_secret", "Khóa xác thực hai lớp không hợp lệ.")
		}
	}
	ended := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		org, err := userOrg(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := mayManageAccount(ctx, tx, a, id, org); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE users SET totp_secret = $1, version = version + 1,
			updated_at = $2 WHERE id = $3`, secret, s.now().Unix(), id); err != nil {
			return fmt.Errorf("store: set totp secret: %w", err)
		}
		if err := s.audit(ctx, tx, a, "set_totp", "user", id, org, nil, map[string]bool{"enabled": secret != ""}); err != nil {
			return err
		}
		if ended, err = s.endSessions(ctx, tx, id, keepToken); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "end_sessions", "user", id, org, nil, map[string]int{"ended": ended})
	})
	return ended, err
}

// checkAccountReach refuses (EFORBIDDEN) an actor who may not make account u, before being
// the account as it was (the zero User for a new one): its ManageUsers must reach u's org,
// it may neither grant nor hold power over a role stronger than its own
// ([congtac.CanGrant]), and a person newly linked to the account must belong to an org it
// reaches. The person must exist ([Store.checkUserRefs] or [checkPerson] says so first).
func checkAccountReach(ctx context.Context, tx *sql.Tx, a congtac.Actor, before, u congtac.User) error {
	if err := checkCan(ctx, tx, a, congtac.ManageUsers, u.OrgID); err != nil {
		return err
	}
	for _, r := range []congtac.Role{before.Role, u.Role} {
		if r == "" {
			continue
		}
		if err := congtac.CanGrant(a, r); err != nil {
			return err
		}
	}
	if u.PersonID == 0 || u.PersonID == before.PersonID {
		return nil
	}
	p, err := findPerson(ctx, tx, u.PersonID)
	if err != nil {
		return err
	}
	return checkCan(ctx, tx, a, congtac.ManageUsers, p.OrgID)
}

// mayManageAccount refuses (EFORBIDDEN) an actor who is neither the user of account id nor
// one whose ManageUsers reaches org, the account's org.
func mayManageAccount(ctx context.Context, tx *sql.Tx, a congtac.Actor, id, org int64) error {
	if a.UserID != 0 && a.UserID == id {
		return nil
	}
	return checkCan(ctx, tx, a, congtac.ManageUsers, org)
}
