-- +goose Up
-- One task across programs. A task carried into the next program, or copied into an
-- amendment, is a linked copy: carried_from (existing) or replaces names the task it
-- continues, and when the program holding the copy is issued the older task gets
-- superseded_by, so that only the newest copy is in force. keeps_old_due records the
-- drafter's choice to keep a carried task's missed deadline ("chuyển tiếp; hạn cũ …").
ALTER TABLE tasks ADD COLUMN replaces INTEGER REFERENCES tasks(id) ON DELETE SET NULL;
ALTER TABLE tasks ADD COLUMN superseded_by INTEGER REFERENCES tasks(id) ON DELETE SET NULL;
ALTER TABLE tasks ADD COLUMN keeps_old_due INTEGER NOT NULL DEFAULT 0;
CREATE INDEX tasks_replaces ON tasks (replaces);
CREATE INDEX tasks_in_force ON tasks (program_id) WHERE superseded_by IS NULL;

-- Tasks already carried into an issued program are superseded by their newest copy.
UPDATE tasks SET superseded_by = (
    SELECT max(c.id) FROM tasks c JOIN programs p ON p.id = c.program_id
    WHERE c.carried_from = tasks.id AND p.status IN ('issued', 'amended', 'superseded'));

-- +goose Down
DROP INDEX tasks_in_force;
DROP INDEX tasks_replaces;
ALTER TABLE tasks DROP COLUMN keeps_old_due;
ALTER TABLE tasks DROP COLUMN superseded_by;
ALTER TABLE tasks DROP COLUMN replaces;
