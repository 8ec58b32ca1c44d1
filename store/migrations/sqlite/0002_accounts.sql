-- +goose Up
-- Sign-in state: web sessions (github.com/alexedwards/scs/v2) and personal API tokens.
-- Neither kind of token is stored: only the hex SHA-256 of each, so a copy of the database
-- signs nobody in. Instants are Unix seconds (UTC).

CREATE TABLE sessions (
    token_hash   TEXT    PRIMARY KEY,
    data         BLOB    NOT NULL,
    expiry       INTEGER NOT NULL,
    user_id      INTEGER REFERENCES users(id) ON DELETE CASCADE,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    address      TEXT    NOT NULL DEFAULT '',
    agent        TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX sessions_expiry ON sessions (expiry);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    token_hash   TEXT    NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at   INTEGER
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

ALTER TABLE users ADD COLUMN last_sign_in_at INTEGER;
ALTER TABLE users ADD COLUMN password_changed_at INTEGER;

-- +goose Down
ALTER TABLE users DROP COLUMN password_changed_at;
ALTER TABLE users DROP COLUMN last_sign_in_at;
DROP TABLE api_tokens;
DROP TABLE sessions;
