-- +goose Up
-- Task lists put what needs attention first (issue 13): the tasks still open before those
-- done or cancelled for good, and among them the most overdue first, then those that will
-- be overdue soonest, those that never will (a vague or indefinitely postponed deadline)
-- last; then by ID. Both are read from the status columns (status_last is the status from
-- status_since on, for good), so the order does not depend on the day and is indexed like
-- the deadline order it replaces, with the same columns for lists counted from the index.
DROP INDEX tasks_listed;
CREATE INDEX tasks_listed ON tasks ((status_last IN ('T', 'L', 'C')),
    (CASE WHEN status_last = 'O' THEN status_since ELSE '9999-99-99' END), id, lead_id, program_id, sector, leader_id,
    status_since, status_last, status_line, in_force) WHERE in_force;

-- +goose Down
DROP INDEX tasks_listed;
CREATE INDEX tasks_listed ON tasks ((coalesce(due_date, '9999-99-99')), id, lead_id, program_id, sector, leader_id,
    status_since, status_last, status_line, in_force) WHERE in_force;
