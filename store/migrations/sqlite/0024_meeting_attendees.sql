-- +goose Up
-- Who is invited to a meeting, besides the free text of meetings.attendees: people (whose
-- calendars and feeds then show it) and orgs (invited to send someone), in order.
CREATE TABLE meeting_attendees (
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    person_id   INTEGER REFERENCES people(id),
    org_id      INTEGER REFERENCES orgs(id),
    PRIMARY KEY (meeting_id, position),
    CHECK ((person_id IS NULL) <> (org_id IS NULL))
);
CREATE INDEX meeting_attendees_person ON meeting_attendees (person_id);
CREATE INDEX meeting_attendees_org ON meeting_attendees (org_id);

-- +goose Down
DROP TABLE meeting_attendees;
