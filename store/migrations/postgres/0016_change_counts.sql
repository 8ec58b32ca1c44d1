-- +goose Up
-- Change counters (issue 11). A count a list shows over the whole province (tasks by
-- status, reports) costs tens of milliseconds however small its page; store keeps such
-- counts in memory with the counters of the tables they read, and uses one again only
-- while those counters, read in the same snapshot as the count would be, have not moved.
-- Every change to the tables of a counter moves it, in the transaction of the change,
-- whichever instance or program makes it; so a count is never served after what it counts
-- changed (store/changes.go). The counters:
--   tasks:   tasks, task_supports, task_occurrences, task_status_spans, programs
--   reports: reports
--   orgs:    orgs (reaches are read from the org tree)
-- On PostgreSQL writers run side by side: there are 64 rows, and a transaction moves only the
-- row of its connection (backend process ID modulo 64), once per counter, at commit (a
-- deferred trigger that notes in a transaction-local setting that it ran), when it holds
-- every other lock it will take. Two writers wait on each other for a row only when their
-- process IDs share it, and then only at commit, for one row: they cannot deadlock over it.
CREATE TABLE change_counts (
    slot    INT    PRIMARY KEY,
    tasks   BIGINT NOT NULL DEFAULT 0,
    reports BIGINT NOT NULL DEFAULT 0,
    orgs    BIGINT NOT NULL DEFAULT 0
);
INSERT INTO change_counts (slot) SELECT generate_series(0, 63);

-- +goose StatementBegin
CREATE FUNCTION note_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('congtac.changed_' || TG_ARGV[0], true), '') = '' THEN
        PERFORM set_config('congtac.changed_' || TG_ARGV[0], 'yes', true);
        EXECUTE format('UPDATE change_counts SET %1$I = %1$I + 1 WHERE slot = $1', TG_ARGV[0])
            USING pg_backend_pid() % 64;
    END IF;
    RETURN NULL;
END;
$$;
-- +goose StatementEnd
CREATE CONSTRAINT TRIGGER tasks_changed AFTER INSERT OR UPDATE OR DELETE ON tasks
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION note_change('tasks');
CREATE CONSTRAINT TRIGGER task_supports_changed AFTER INSERT OR UPDATE OR DELETE ON task_supports
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION note_change('tasks');
CREATE CONSTRAINT TRIGGER task_occurrences_changed AFTER INSERT OR UPDATE OR DELETE ON task_occurrences
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION note_change('tasks');
CREATE CONSTRAINT TRIGGER task_status_spans_changed AFTER INSERT OR UPDATE OR DELETE ON task_status_spans
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION note_change('tasks');
CREATE CONSTRAINT TRIGGER programs_changed AFTER INSERT OR UPDATE OR DELETE ON programs
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION note_change('tasks');
CREATE CONSTRAINT TRIGGER reports_changed AFTER INSERT OR UPDATE OR DELETE ON reports
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION note_change('reports');
CREATE CONSTRAINT TRIGGER orgs_changed AFTER INSERT OR UPDATE OR DELETE ON orgs
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION note_change('orgs');

-- +goose Down
DROP TRIGGER orgs_changed ON orgs;
DROP TRIGGER reports_changed ON reports;
DROP TRIGGER programs_changed ON programs;
DROP TRIGGER task_status_spans_changed ON task_status_spans;
DROP TRIGGER task_occurrences_changed ON task_occurrences;
DROP TRIGGER task_supports_changed ON task_supports;
DROP TRIGGER tasks_changed ON tasks;
DROP FUNCTION note_change();
DROP TABLE change_counts;
