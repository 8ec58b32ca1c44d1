-- +goose Up
-- Calendar subscriptions (store.CreateFeed): a secret token in the address, stored as its
-- SHA-256 only, as API tokens are; each shows what its owner may see of a leader, an org
-- or a committee.
CREATE TABLE feeds (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    subject_id  INTEGER NOT NULL,
    name        TEXT NOT NULL,
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  INTEGER NOT NULL,
    revoked_at  INTEGER
);
CREATE INDEX feeds_user ON feeds (user_id);

-- +goose Down
DROP TABLE feeds;
