-- +goose Up
-- Reminder mail (issue 14): each user chooses whether to receive the daily digest; a digest
-- is one row per user and day (unique: restarts and runners on other instances compose it
-- once), delivered by whichever runner claims it, retried with backoff, its failure kept
-- for the administrators. It carries the user's unread notifications after the last one the
-- user's previous mail carried (upto), so none is mailed twice; recording notifications
-- and composing mails take one lock, so that no notification below a mail's upto commits
-- after it.
ALTER TABLE users ADD COLUMN email_reminders INTEGER NOT NULL DEFAULT 0;

CREATE TABLE mails (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    day        TEXT    NOT NULL,
    address    TEXT    NOT NULL,
    subject    TEXT    NOT NULL,
    body_text  TEXT    NOT NULL,
    body_html  TEXT    NOT NULL,
    status     TEXT    NOT NULL DEFAULT 'pending',
    attempts   INTEGER NOT NULL DEFAULT 0,
    next_at    BIGINT  NOT NULL,
    last_error TEXT    NOT NULL DEFAULT '',
    created_at BIGINT  NOT NULL,
    sent_at    BIGINT,
    upto       BIGINT  NOT NULL
);
CREATE UNIQUE INDEX mails_user_day ON mails (user_id, day);
CREATE INDEX mails_due ON mails (next_at) WHERE status IN ('pending', 'sending');
CREATE INDEX mails_status ON mails (status, id);

-- A province records some 150,000 notifications a day: one index fewer to write. The
-- unread ones of a user, newest first, are what the header counts, the list shows first
-- and a digest reads after its upto; a user's whole list (kept 90 days) reads through
-- notifications_key and sorts.
DROP INDEX notifications_user;
DROP INDEX notifications_unread;
CREATE INDEX notifications_unread ON notifications (user_id, id) WHERE read_at IS NULL;

-- The days whose reminders were decided, so that later runs of the day skip the deadlines.
CREATE TABLE reminder_runs (
    day         TEXT   PRIMARY KEY,
    finished_at BIGINT NOT NULL,
    recorded    INTEGER NOT NULL
);

-- +goose Down
DROP TABLE reminder_runs;
DROP INDEX notifications_unread;
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;
CREATE INDEX notifications_user ON notifications (user_id, id);
DROP TABLE mails;
ALTER TABLE users DROP COLUMN email_reminders;
