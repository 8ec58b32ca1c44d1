-- +goose Up
-- Calendar subscriptions (store.CreateFeed): a secret token in the address, stored as its
-- SHA-256 only, as API tokens are; each shows what its owner may see of a leader, an org
-- or a committee.
CREATE TABLE feeds (
    id          BIGSERIAL PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    subject_id  BIGINT NOT NULL,
    name        TEXT NOT NULL,
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  BIGINT NOT NULL,
    revoked_at  BIGINT
);
CREATE INDEX feeds_user ON feeds (user_id);

-- +goose Down
DROP TABLE feeds;
