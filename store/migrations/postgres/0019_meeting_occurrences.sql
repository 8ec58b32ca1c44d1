-- +goose Up
-- What calendar applications must see change (RFC 5545 SEQUENCE): raised by every change
-- to a meeting, its agenda or one of its occurrences.
ALTER TABLE meetings ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;

-- One occurrence of a series (the weekly briefing) changed on its own: moved to another
-- day, time or place, or cancelled, keyed by the day the rule gives it.
CREATE TABLE meeting_occurrences (
    meeting_id  BIGINT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    occurrence  TEXT NOT NULL,
    date        TEXT NOT NULL,
    start_min   BIGINT NOT NULL DEFAULT -1,
    part        TEXT NOT NULL DEFAULT '',
    place       TEXT NOT NULL DEFAULT '',
    cancelled   BOOLEAN NOT NULL DEFAULT false,
    note        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (meeting_id, occurrence)
);

-- +goose Down
DROP TABLE meeting_occurrences;
ALTER TABLE meetings DROP COLUMN sequence;
