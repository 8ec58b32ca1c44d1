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
ALTER TABLE tasks ADD COLUMN in_force BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE task_status_spans (
    task_id BIGINT NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    since   TEXT   NOT NULL,
    status  TEXT   NOT NULL,
    PRIMARY KEY (task_id, since)
);

CREATE TABLE task_status_stale (task_id BIGINT PRIMARY KEY);

-- +goose StatementBegin
CREATE FUNCTION mark_task_status_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO task_status_stale (task_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE FUNCTION mark_task_part_status_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO task_status_stale (task_id) VALUES (OLD.task_id) ON CONFLICT DO NOTHING;
    ELSE
        INSERT INTO task_status_stale (task_id) VALUES (NEW.task_id) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd

CREATE TRIGGER tasks_status_insert AFTER INSERT ON tasks
    FOR EACH ROW EXECUTE FUNCTION mark_task_status_stale();
CREATE TRIGGER tasks_status_update AFTER UPDATE OF due_date, rrule, rrule_start, done_on, deferred_on,
    deferred_to, cancelled_on, superseded_by ON tasks FOR EACH ROW
    WHEN (NEW.due_date IS DISTINCT FROM OLD.due_date OR NEW.rrule IS DISTINCT FROM OLD.rrule
        OR NEW.rrule_start IS DISTINCT FROM OLD.rrule_start OR NEW.done_on IS DISTINCT FROM OLD.done_on
        OR NEW.deferred_on IS DISTINCT FROM OLD.deferred_on OR NEW.deferred_to IS DISTINCT FROM OLD.deferred_to
        OR NEW.cancelled_on IS DISTINCT FROM OLD.cancelled_on OR NEW.superseded_by IS DISTINCT FROM OLD.superseded_by)
    EXECUTE FUNCTION mark_task_status_stale();
CREATE TRIGGER task_shares_status_insert AFTER INSERT ON task_supports
    FOR EACH ROW WHEN (NEW.share) EXECUTE FUNCTION mark_task_part_status_stale();
CREATE TRIGGER task_shares_status_update AFTER UPDATE OF done_on, share ON task_supports FOR EACH ROW
    WHEN ((NEW.share OR OLD.share) AND (NEW.done_on IS DISTINCT FROM OLD.done_on OR NEW.share <> OLD.share))
    EXECUTE FUNCTION mark_task_part_status_stale();
CREATE TRIGGER task_shares_status_delete AFTER DELETE ON task_supports
    FOR EACH ROW WHEN (OLD.share) EXECUTE FUNCTION mark_task_part_status_stale();
CREATE TRIGGER task_occurrences_status AFTER INSERT OR UPDATE OR DELETE ON task_occurrences
    FOR EACH ROW EXECUTE FUNCTION mark_task_part_status_stale();

-- +goose StatementBegin
CREATE FUNCTION mark_program_tasks_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO task_status_stale (task_id) SELECT id FROM tasks WHERE program_id = NEW.id ON CONFLICT DO NOTHING;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER programs_status_update AFTER UPDATE OF status ON programs FOR EACH ROW
    WHEN (NEW.status IS DISTINCT FROM OLD.status) EXECUTE FUNCTION mark_program_tasks_stale();

-- Every task gets its status line and in_force at the next start (store.Migrate).
INSERT INTO task_status_stale (task_id) SELECT id FROM tasks;

-- The tasks in force in list order (deadline, vague last, then ID), with what lists filter
-- and count on most, so that a page and the counts by status are read from the index alone
-- (in_force too: SQLite reads a partial index alone only when it holds every column named).
CREATE INDEX tasks_listed ON tasks ((coalesce(due_date, '9999-99-99')), id, lead_id, program_id, sector, leader_id,
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
DROP TRIGGER programs_status_update ON programs;
DROP TRIGGER task_occurrences_status ON task_occurrences;
DROP TRIGGER task_shares_status_delete ON task_supports;
DROP TRIGGER task_shares_status_update ON task_supports;
DROP TRIGGER task_shares_status_insert ON task_supports;
DROP TRIGGER tasks_status_update ON tasks;
DROP TRIGGER tasks_status_insert ON tasks;
DROP FUNCTION mark_program_tasks_stale();
DROP FUNCTION mark_task_part_status_stale();
DROP FUNCTION mark_task_status_stale();
DROP TABLE task_status_stale;
DROP TABLE task_status_spans;
ALTER TABLE tasks DROP COLUMN in_force;
ALTER TABLE tasks DROP COLUMN status_line;
ALTER TABLE tasks DROP COLUMN status_last;
ALTER TABLE tasks DROP COLUMN status_since;
