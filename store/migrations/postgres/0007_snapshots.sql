-- +goose Up
-- PostgreSQL twin of migrations/sqlite/0007_snapshots.sql.
-- What an issued document showed when it was issued: the whole input of its layout, as a
-- versioned JSON written by package assemble, so that every later page, download and
-- rendering shows exactly that whatever later happens to settings, orgs, people or tasks.
-- backfilled marks a snapshot made after the issue, for a document issued before snapshots
-- existed (it shows the data as they were when it was made, taken_at).
CREATE TABLE document_snapshots (
    document_id BIGINT  NOT NULL PRIMARY KEY REFERENCES documents(id),
    format      BIGINT  NOT NULL,
    body        TEXT    NOT NULL,
    taken_at    BIGINT  NOT NULL,
    backfilled  BOOLEAN NOT NULL DEFAULT FALSE
);

-- +goose Down
DROP TABLE document_snapshots;
