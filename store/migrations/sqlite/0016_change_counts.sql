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
-- SQLite has one writer at a time: one row.
CREATE TABLE change_counts (
    slot    INTEGER PRIMARY KEY,
    tasks   INTEGER NOT NULL DEFAULT 0,
    reports INTEGER NOT NULL DEFAULT 0,
    orgs    INTEGER NOT NULL DEFAULT 0
);
INSERT INTO change_counts (slot) VALUES (0);

-- +goose StatementBegin
CREATE TRIGGER tasks_changed_insert AFTER INSERT ON tasks BEGIN
    UPDATE change_counts SET tasks = tasks + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER tasks_changed_update AFTER UPDATE ON tasks BEGIN
    UPDATE change_counts SET tasks = tasks + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER tasks_changed_delete AFTER DELETE ON tasks BEGIN
    UPDATE change_counts SET tasks = tasks + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER task_supports_changed_insert AFTER INSERT ON task_supports BEGIN
    UPDATE change_counts SET tasks = tasks + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER task_supports_changed_update AFTER UPDATE ON task_supports BEGIN
    UPDATE change_counts SET tasks = tasks + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER task_supports_changed_delete AFTER DELETE ON task_supports BEGIN
    UPDATE change_counts SET tasks = tasks + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER task_occurrences_changed_insert AFTER INSERT ON task_occurrences BEGIN
    UPDATE change_counts SET tasks = tasks + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER task_occurrences_changed_update AFTER UPDATE ON task_occurrences BEGIN
    UPDATE change_counts SET tasks = tasks + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER task_occurrences_changed_delete AFTER DELETE ON task_occurrences BEGIN
    UPDATE change_counts SET tasks = tasks + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER task_status_spans_changed_insert AFTER INSERT ON task_status_spans BEGIN
    UPDATE change_counts SET tasks = tasks + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER task_status_spans_changed_update AFTER UPDATE ON task_status_spans BEGIN
    UPDATE change_counts SET tasks = tasks + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER task_status_spans_changed_delete AFTER DELETE ON task_status_spans BEGIN
    UPDATE change_counts SET tasks = tasks + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER programs_changed_insert AFTER INSERT ON programs BEGIN
    UPDATE change_counts SET tasks = tasks + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER programs_changed_update AFTER UPDATE ON programs BEGIN
    UPDATE change_counts SET tasks = tasks + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER programs_changed_delete AFTER DELETE ON programs BEGIN
    UPDATE change_counts SET tasks = tasks + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER reports_changed_insert AFTER INSERT ON reports BEGIN
    UPDATE change_counts SET reports = reports + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER reports_changed_update AFTER UPDATE ON reports BEGIN
    UPDATE change_counts SET reports = reports + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER reports_changed_delete AFTER DELETE ON reports BEGIN
    UPDATE change_counts SET reports = reports + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER orgs_changed_insert AFTER INSERT ON orgs BEGIN
    UPDATE change_counts SET orgs = orgs + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER orgs_changed_update AFTER UPDATE ON orgs BEGIN
    UPDATE change_counts SET orgs = orgs + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER orgs_changed_delete AFTER DELETE ON orgs BEGIN
    UPDATE change_counts SET orgs = orgs + 1;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER orgs_changed_delete;
DROP TRIGGER orgs_changed_update;
DROP TRIGGER orgs_changed_insert;
DROP TRIGGER reports_changed_delete;
DROP TRIGGER reports_changed_update;
DROP TRIGGER reports_changed_insert;
DROP TRIGGER programs_changed_delete;
DROP TRIGGER programs_changed_update;
DROP TRIGGER programs_changed_insert;
DROP TRIGGER task_status_spans_changed_delete;
DROP TRIGGER task_status_spans_changed_update;
DROP TRIGGER task_status_spans_changed_insert;
DROP TRIGGER task_occurrences_changed_delete;
DROP TRIGGER task_occurrences_changed_update;
DROP TRIGGER task_occurrences_changed_insert;
DROP TRIGGER task_supports_changed_delete;
DROP TRIGGER task_supports_changed_update;
DROP TRIGGER task_supports_changed_insert;
DROP TRIGGER tasks_changed_delete;
DROP TRIGGER tasks_changed_update;
DROP TRIGGER tasks_changed_insert;
DROP TABLE change_counts;
