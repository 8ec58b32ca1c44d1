-- +goose Up
-- In-app notifications (issue 14): what a user is reminded of, each once — a reminder's key
-- (its kind, record and occasion) is unique per user, so that restarts and several runners
-- never record it twice (store.Notify).
CREATE TABLE notifications (
    id         BIGSERIAL PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL,
    key        TEXT    NOT NULL,
    title      TEXT    NOT NULL,
    link       TEXT    NOT NULL DEFAULT '',
    created_at BIGINT  NOT NULL,
    read_at    BIGINT
);
CREATE UNIQUE INDEX notifications_key ON notifications (user_id, key);
CREATE INDEX notifications_user ON notifications (user_id, id);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;

-- +goose Down
DROP TABLE notifications;
