-- +goose Up
-- The reports of one status (those waiting for review, say) within a reach, newest first
-- and counted, from the index alone, each checked on its task's program
-- (store.FindReports): the 7,885 submitted reports among a province's million, instead of
-- the million read through reports_task, or reports_created walked past the others.
CREATE INDEX reports_status ON reports (status, created_at, id, org_id, task_id);

-- +goose Down
DROP INDEX reports_status;
