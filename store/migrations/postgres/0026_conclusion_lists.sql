-- +goose Up
-- The tasks a meeting's conclusions give outside any work program are kept, and tracked,
-- as the task list of the meeting's notice of conclusions (TB): a program row with
-- meeting_id set, one per meeting, a draft until the notice is issued and issued with it
-- (store.AssignConclusion, store.IssueDocument). It is not one of the org's programs for
-- the period, so the rule of one live program leaves it out.
ALTER TABLE programs ADD COLUMN meeting_id BIGINT REFERENCES meetings(id);
CREATE UNIQUE INDEX programs_meeting ON programs (meeting_id) WHERE meeting_id IS NOT NULL;
DROP INDEX programs_one_live;
CREATE UNIQUE INDEX programs_one_live ON programs (org_id, period_key)
    WHERE amends_id IS NULL AND status <> 'superseded' AND meeting_id IS NULL;

-- +goose Down
DROP INDEX programs_one_live;
CREATE UNIQUE INDEX programs_one_live ON programs (org_id, period_key)
    WHERE amends_id IS NULL AND status <> 'superseded';
DROP INDEX programs_meeting;
ALTER TABLE programs DROP COLUMN meeting_id;
