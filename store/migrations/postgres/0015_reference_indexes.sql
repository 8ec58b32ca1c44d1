-- +goose Up
-- Every foreign key gets an index that begins with its columns (issue 11). Without one,
-- deleting or re-keying the row it refers to reads the whole referring table: deleting a
-- task of a draft scanned all tasks (superseded_by), deleting an item all tasks (item_id).
-- Columns that are mostly empty get a partial index of the rows that have a value, which
-- the planners use for "column = ?" as well. store.TestEveryReferenceIsIndexed keeps it so.
CREATE INDEX tasks_superseded ON tasks (superseded_by) WHERE superseded_by IS NOT NULL;
CREATE INDEX tasks_item ON tasks (item_id);
CREATE INDEX items_parent ON items (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX programs_amends ON programs (amends_id) WHERE amends_id IS NOT NULL;
CREATE INDEX programs_drafted_by ON programs (drafted_by) WHERE drafted_by IS NOT NULL;
CREATE INDEX program_versions_by_user ON program_versions (by_user) WHERE by_user IS NOT NULL;
CREATE INDEX review_comments_author ON review_comments (author_id) WHERE author_id IS NOT NULL;
CREATE INDEX reports_author ON reports (author_id) WHERE author_id IS NOT NULL;
CREATE INDEX proposals_author ON proposals (author_id) WHERE author_id IS NOT NULL;
CREATE INDEX proposals_lead ON proposals (lead_id) WHERE lead_id IS NOT NULL;
CREATE INDEX proposals_program ON proposals (program_id) WHERE program_id IS NOT NULL;
CREATE INDEX documents_issued_by ON documents (issued_by) WHERE issued_by IS NOT NULL;
CREATE INDEX documents_meeting ON documents (meeting_id) WHERE meeting_id IS NOT NULL;
CREATE INDEX documents_program ON documents (program_id) WHERE program_id IS NOT NULL;
CREATE INDEX meetings_chair ON meetings (chair_id) WHERE chair_id IS NOT NULL;
CREATE INDEX agenda_items_presenter ON agenda_items (presenter_id) WHERE presenter_id IS NOT NULL;
CREATE INDEX agenda_supports_org ON agenda_supports (org_id);
CREATE INDEX engagements_meeting ON engagements (meeting_id) WHERE meeting_id IS NOT NULL;
CREATE INDEX engagements_preparer ON engagements (preparer_id) WHERE preparer_id IS NOT NULL;
CREATE INDEX orgs_successor ON orgs (successor_id) WHERE successor_id IS NOT NULL;
CREATE INDEX users_org ON users (org_id);
CREATE INDEX users_person ON users (person_id) WHERE person_id IS NOT NULL;
-- Program lists count what a reach and a draft reach let one see: org and status, read
-- from the index alone.
CREATE INDEX programs_org_status ON programs (org_id, status);

-- +goose Down
DROP INDEX programs_org_status;
DROP INDEX users_person;
DROP INDEX users_org;
DROP INDEX orgs_successor;
DROP INDEX engagements_preparer;
DROP INDEX engagements_meeting;
DROP INDEX agenda_supports_org;
DROP INDEX agenda_items_presenter;
DROP INDEX meetings_chair;
DROP INDEX documents_program;
DROP INDEX documents_meeting;
DROP INDEX documents_issued_by;
DROP INDEX proposals_program;
DROP INDEX proposals_lead;
DROP INDEX proposals_author;
DROP INDEX reports_author;
DROP INDEX review_comments_author;
DROP INDEX program_versions_by_user;
DROP INDEX programs_drafted_by;
DROP INDEX programs_amends;
DROP INDEX items_parent;
DROP INDEX tasks_item;
DROP INDEX tasks_superseded;
