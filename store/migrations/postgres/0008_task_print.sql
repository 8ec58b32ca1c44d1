-- +goose Up
-- How each task prints in its program (congtac.TaskPrint): print_mode '' or 'line' (its own
-- line), 'inline' (the office's parenthetical in the item's prose), 'none' (tracked only);
-- the verb after the lead org; whether the deadline and the source print. Tasks written
-- before printed their deadline on their own line, and keep doing so.
ALTER TABLE tasks ADD COLUMN print_mode TEXT NOT NULL DEFAULT '';
ALTER TABLE tasks ADD COLUMN print_lead TEXT NOT NULL DEFAULT '';
ALTER TABLE tasks ADD COLUMN print_due BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE tasks ADD COLUMN print_source BOOLEAN NOT NULL DEFAULT FALSE;
-- The name of an org as the office writes it in documents ("Phòng Tài chính - KH").
ALTER TABLE orgs ADD COLUMN display_name TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE orgs DROP COLUMN display_name;
ALTER TABLE tasks DROP COLUMN print_source;
ALTER TABLE tasks DROP COLUMN print_due;
ALTER TABLE tasks DROP COLUMN print_lead;
ALTER TABLE tasks DROP COLUMN print_mode;
