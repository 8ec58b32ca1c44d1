package store

import (
	"context"
	"database/sql"
	"fmt"

	"congtac"
)

// settingsKey is the one row holding [congtac.Settings] as JSON.
const settingsKey = "settings"

// settingsTx reads the settings inside a transaction; the defaults when none were saved.
func settingsTx(ctx context.Context, q queryer) (congtac.Settings, error) {
	st := congtac.DefaultSettings()
	err := q.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = $1", settingsKey).Scan(jsonCol{&st})
	if err != nil && err != sql.ErrNoRows {
		return st, fmt.Errorf("store: settings: %w", err)
	}
	return st, nil
}

// Settings returns the stored settings, or the defaults when none were saved.
func (s *Store) Settings(ctx context.Context) (congtac.Settings, error) {
	return settingsTx(ctx, s.read)
}

// SaveSettings validates and stores the settings, auditing the change without the SMTP
// password ([redactSettings]).
func (s *Store) SaveSettings(ctx context.Context, a congtac.Actor, st congtac.Settings) error {
	if err := st.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := settingsTx(ctx, tx)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value, version, updated_at) VALUES ($1, $2, 1, $3)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value, version = settings.version + 1,
			updated_at = excluded.updated_at`, settingsKey, mustJSON(st), s.now().Unix()); err != nil {
			return fmt.Errorf("store: save settings: %w", err)
		}
		return s.audit(ctx, tx, a, "update", "settings", 0, 0, redactSettings(before), redactSettings(st))
	})
}

// redactSettings returns st without the SMTP password, for the audit log: the log is read
// and exported by more people than may read the password. Whether a password is set still
// shows; no digest of it does, since a short digest of a guessable password would let the
// reader test guesses.
func redactSettings(st congtac.Settings) congtac.Settings {
	if st.SMTP.Password != "" {
		st.SMTP.Password = "(đã ẩn)"
	}
	return st
}
