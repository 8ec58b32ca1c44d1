package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"congtac"
)

const userColumns = `id, login, person_id, display_name, role, org_id, password_hash, totp_secret, disabled, version`

func scanUser(sc interface{ Scan(...any) error }) (congtac.User, error) {
	var u congtac.User
	err := sc.Scan(&u.ID, &u.Login, idCol{&u.PersonID}, &u.DisplayName, &u.Role, &u.OrgID,
		&u.PasswordHash, &u.TOTPSecret, &u.Disabled, &u.Version)
	return u, err
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

// CreateUser adds an account. The caller hashes the password; an empty hash leaves the
// account unable to sign in until a password is set. A login already taken is ECONFLICT.
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
			return &congtac.Error{Code: congtac.ECONFLICT, Field: "login",
				Message: fmt.Sprintf("Tên đăng nhập %q đã có người dùng.", u.Login)}
		}
		if _, err := findOrg(ctx, tx, u.OrgID); err != nil {
			return err
		}
		now := s.now().Unix()
		u.Version = 1
		if err := tx.QueryRowContext(ctx, `INSERT INTO users (login, person_id, display_name, role, org_id,
			password_hash, totp_secret, disabled, version, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $9) RETURNING id`,
			u.Login, nullID(u.PersonID), u.DisplayName, u.Role, u.OrgID, u.PasswordHash, u.TOTPSecret,
			u.Disabled, now).Scan(&u.ID); err != nil {
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
	u, err := scanUser(s.read.QueryRowContext(ctx, "SELECT "+userColumns+" FROM users WHERE id = $1", id))
	if err == sql.ErrNoRows {
		return u, notFound("tài khoản")
	} else if err != nil {
		return u, fmt.Errorf("store: find user: %w", err)
	}
	return u, nil
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

// SetPassword replaces an account's password hash (argon2id, hashed by the caller).
func (s *Store) SetPassword(ctx context.Context, a congtac.Actor, id int64, hash string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE users SET password_hash = $1, version = version + 1,
			updated_at = $2 WHERE id = $3`, hash, s.now().Unix(), id)
		if err != nil {
			return fmt.Errorf("store: set password: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound("tài khoản")
		}
		return s.audit(ctx, tx, a, "set_password", "user", id, 0, nil, nil)
	})
}
