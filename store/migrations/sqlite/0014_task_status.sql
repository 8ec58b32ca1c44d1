-- +goose Up
-- Task lists filter and count by status in SQL (issue 11). A task's status as of any day is
-- computed in Go (congtac.Task.StatusSpans) and kept beside it: status_since is the day of
-- its last change of status and status_last the status from then on; status_line holds the
-- status on the first day and each change before the last ("YYYY-MM-DD" and a letter), six
-- at most, with '+' after them when there are more; all the spans of such a task are in
-- task_status_spans (see store/taskstatus.go). The triggers below mark a task stale
-- whenever what its status depends on changes; the store recomputes the stale tasks
-- before each write transaction commits, and at the first start after this migration.
ALTER TABLE tasks ADD COLUMN status_since TEXT NOT NULL DEFAULT '';
ALTER TABLE tasks ADD COLUMN status_last TEXT NOT NULL DEFAULT '';
ALTER TABLE tasks ADD COLUMN status_line TEXT NOT NULL DEFAULT '';
-- in_force is inForceSQL (store/inforce.go) kept beside the task: not superseded, of an
-- issued program. It is recomputed with the status line.
ALTER TABLE tasks ADD COLUMN in_force INTEGER NOT NULL DEFAULT 0;

CREATE TABLE task_status_spans (
    task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    since   TEXT    NOT NULL,
    status  TEXT    NOT NULL,
    PRIMARY KEY (task_id, since)
) WITHOUT ROWID;

CREATE TABLE task_status_stale (task_id INTEGER PRIMARY KEY);

-- +goose StatementBegin
CREATE TRIGGER tasks_status_insert AFTER INSERT ON tasks BEGIN
    INSERT OR IGNORE INTO task_status_stale (task_id) VALUES (new.id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER tasks_status_update AFTER UPDATE OF due_date, rrule, rrule_start, done_on, deferred_on,
    deferred_to, cancelled_on, superseded_by ON tasks
    WHEN new.due_date IS NOT old.due_date OR new.rrule IS NOT old.rrule OR new.rrule_start IS NOT old.rrule_start
        OR new.done_on IS NOT old.done_on OR new.deferred_on IS NOT old.deferred_on
        OR new.deferred_to IS NOT old.deferred_to OR new.cancelled_on IS NOT old.cancelled_on
        OR new.superseded_by IS NOT old.superseded_by
BEGIN
    INSERT OR IGNORE INTO task_status_stale (task_id) VALUES (new.id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER task_shares_status_insert AFTER INSERT ON task_supports WHEN new.share BEGIN
    INSERT OR IGNORE INTO task_status_stale (task_id) VALUES (new.task_id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER task_shares_status_update AFTER UPDATE OF done_on, share ON task_supports
    WHEN (new.share OR old.share) AND (new.done_on IS NOT old.done_on OR new.share IS NOT old.share)
BEGIN
    INSERT OR IGNORE INTO task_status_stale (task_id) VALUES (new.task_id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER task_shares_status_delete AFTER DELETE ON task_supports WHEN old.share BEGIN
    INSERT OR IGNORE INTO task_status_stale (task_id) VALUES (old.task_id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER task_occurrences_status_insert AFTER INSERT ON task_occurrences BEGIN
    INSERT OR IGNORE INTO task_status_stale (task_id) VALUES (new.task_id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER task_occurrences_status_update AFTER UPDATE ON task_occurrences BEGIN
    INSERT OR IGNORE INTO task_status_stale (task_id) VALUES (new.task_id);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER task_occurrences_status_delete AFTER DELETE ON task_occurrences BEGIN
    INSERT OR IGNORE INTO task_status_stale (task_id) VALUES (old.task_id);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER programs_status_update AFTER UPDATE OF status ON programs WHEN new.status IS NOT old.status BEGIN
    INSERT OR IGNORE INTO task_status_stale (task_id) SELECT id FROM tasks WHERE program_id = new.id;
END;
-- +goose StatementEnd

-- Every task gets its status line and in_force at the next start (store.Migrate).
INSERT INTO task_status_stale (task_id) SELECT id FROM tasks;

-- The tasks in force in list order (deadline, vague last, then ID), with what lists filter
-- and count on most, so that a page and the counts by status are read from the index alone
-- (in_force too: SQLite reads a partial index alone only when it holds every column named).
CREATE INDEX tasks_listed ON tasks (coalesce(due_date, '9999-99-99'), id, lead_id, program_id, sector, leader_id,
    status_since, status_last, status_line, in_force) WHERE in_force;
-- Reports newest first; programs newest period first.
CREATE INDEX reports_created ON reports (created_at, id);
CREATE INDEX reports_org_created ON reports (org_id, created_at, id);
CREATE INDEX programs_listed ON programs (period_year, period_key, id);

-- +goose Down
DROP INDEX programs_listed;
DROP INDEX reports_org_created;
DROP INDEX reports_created;
DROP INDEX tasks_listed;
DROP TRIGGER programs_status_update;
DROP TRIGGER task_occurrences_status_delete;
DROP TRIGGER task_occurrences_status_update;
DROP TRIGGER task_occurrences_status_insert;
DROP TRIGGER task_shares_status_delete;
DROP TRIGGER task_shares_status_update;
DROP TRIGGER task_shares_status_insert;
DROP TRIGGER tasks_status_update;
DROP TRIGGER tasks_status_insert;
DROP TABLE task_status_stale;
DROP TABLE task_status_spans;
ALTER TABLE tasks DROP COLUMN in_force;
ALTER TABLE tasks DROP COLUMN status_line;
ALTER TABLE tasks DROP COLUMN status_last;
ALTER TABLE tasks DROP COLUMN status_since;
