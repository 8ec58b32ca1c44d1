-- +goose Up
-- What an issued document showed when it was issued: the whole input of its layout, as a
-- versioned JSON written by package assemble, so that every later page, download and
-- rendering shows exactly that whatever later happens to settings, orgs, people or tasks.
-- backfilled marks a snapshot made after the issue, for a document issued before snapshots
-- existed (it shows the data as they were when it was made, taken_at).
CREATE TABLE document_snapshots (
    document_id INTEGER NOT NULL PRIMARY KEY REFERENCES documents(id),
    format      INTEGER NOT NULL,
    body        TEXT    NOT NULL,
    taken_at    INTEGER NOT NULL,
    backfilled  INTEGER NOT NULL DEFAULT 0
);

-- +goose Down
DROP TABLE document_snapshots;
