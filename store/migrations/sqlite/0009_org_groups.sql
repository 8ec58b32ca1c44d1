-- +goose Up
-- The members of a group (orgs of kind 'group', congtac.OrgGroup): the orgs a task led by
-- the group fans out to, in the office's order.
CREATE TABLE org_group_members (
    group_id INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
    org_id   INTEGER NOT NULL REFERENCES orgs(id),
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (group_id, org_id)
);
CREATE INDEX org_group_members_org ON org_group_members (org_id);
-- A member's share of a task led by a group (congtac.Share) is a row of task_supports with
-- share set: the same shape as a support org's part, so that reach, merging and taking
-- over completions treat both alike.
ALTER TABLE task_supports ADD COLUMN share INTEGER NOT NULL DEFAULT 0;

-- +goose Down
ALTER TABLE task_supports DROP COLUMN share;
DROP TABLE org_group_members;
