-- +goose Up
-- Failed sign-ins, one row per failure and per what it counts against: subject is "account:"
-- and the folded login, or "address:" and the client address; at is Unix seconds on the
-- store clock. Rows older than the limits' window are deleted as new failures come, so that
-- the table holds what the limits still count. In the database rather than in memory, so
-- that every instance of a province's installation counts the same failures.
CREATE TABLE sign_in_failures (
    id      INTEGER PRIMARY KEY,
    subject TEXT    NOT NULL,
    at      INTEGER NOT NULL
);
CREATE INDEX sign_in_failures_subject_at ON sign_in_failures (subject, at);
CREATE INDEX sign_in_failures_at ON sign_in_failures (at);

-- +goose Down
DROP TABLE sign_in_failures;
