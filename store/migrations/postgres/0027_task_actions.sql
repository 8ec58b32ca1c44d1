-- +goose Up
-- Issue 13's task actions. A completion keeps who recorded it and the report it comes from
-- (store.CompleteTask); every deferral a task had is kept, oldest first, with the leader who
-- approved it (store.DeferTask) — the last one also sits on the task (deferred_*), where its
-- status is computed from. The deferrals already recorded become the first rows.
ALTER TABLE tasks ADD COLUMN done_by BIGINT REFERENCES users(id);
ALTER TABLE tasks ADD COLUMN done_report_id BIGINT REFERENCES reports(id) ON DELETE SET NULL;
CREATE INDEX tasks_done_by ON tasks (done_by) WHERE done_by IS NOT NULL;
CREATE INDEX tasks_done_report ON tasks (done_report_id) WHERE done_report_id IS NOT NULL;
ALTER TABLE tasks ADD COLUMN deferred_approved_by BIGINT REFERENCES people(id);
ALTER TABLE tasks ADD COLUMN deferred_by BIGINT REFERENCES users(id);
CREATE INDEX tasks_deferred_approved_by ON tasks (deferred_approved_by) WHERE deferred_approved_by IS NOT NULL;
CREATE INDEX tasks_deferred_by ON tasks (deferred_by) WHERE deferred_by IS NOT NULL;

CREATE TABLE task_deferrals (
    id            BIGSERIAL PRIMARY KEY,
    task_id       BIGINT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    decided_on    TEXT    NOT NULL,
    due_date      TEXT,
    due_precision TEXT    NOT NULL DEFAULT '',
    due_text      TEXT    NOT NULL DEFAULT '',
    reason        TEXT    NOT NULL DEFAULT '',
    approved_by   BIGINT REFERENCES people(id),
    recorded_by   BIGINT REFERENCES users(id),
    created_at    BIGINT  NOT NULL
);
CREATE INDEX task_deferrals_task ON task_deferrals (task_id, id);
CREATE INDEX task_deferrals_approved_by ON task_deferrals (approved_by) WHERE approved_by IS NOT NULL;
CREATE INDEX task_deferrals_recorded_by ON task_deferrals (recorded_by) WHERE recorded_by IS NOT NULL;
INSERT INTO task_deferrals (task_id, decided_on, due_date, due_precision, due_text, reason, created_at)
    SELECT id, deferred_on, deferred_to, deferred_precision, deferred_text, defer_reason, updated_at
    FROM tasks WHERE deferred_on IS NOT NULL ORDER BY id;

-- +goose Down
DROP TABLE task_deferrals;
DROP INDEX tasks_deferred_by;
DROP INDEX tasks_deferred_approved_by;
ALTER TABLE tasks DROP COLUMN deferred_by;
ALTER TABLE tasks DROP COLUMN deferred_approved_by;
DROP INDEX tasks_done_report;
DROP INDEX tasks_done_by;
ALTER TABLE tasks DROP COLUMN done_report_id;
ALTER TABLE tasks DROP COLUMN done_by;
