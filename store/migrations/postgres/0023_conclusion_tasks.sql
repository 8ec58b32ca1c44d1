-- +goose Up
-- A task given by a meeting's conclusion on one of its matters (store.AssignConclusion).
ALTER TABLE tasks ADD COLUMN agenda_item_id BIGINT REFERENCES agenda_items(id) ON DELETE SET NULL;
CREATE INDEX tasks_agenda_item ON tasks (agenda_item_id) WHERE agenda_item_id IS NOT NULL;

-- +goose Down
DROP INDEX tasks_agenda_item;
ALTER TABLE tasks DROP COLUMN agenda_item_id;
