-- +goose Up
-- A change counter for people and their posts (store/changes.go): the lists of people,
-- posts and orgs that nearly every page reads whole (names of leaders, signers, org
-- pickers) are kept in memory with their counter, as counts are, and read again only
-- once the counter has moved.
--   people: people, posts
ALTER TABLE change_counts ADD COLUMN people INTEGER NOT NULL DEFAULT 0;

-- +goose StatementBegin
CREATE TRIGGER people_changed_insert AFTER INSERT ON people BEGIN
    UPDATE change_counts SET people = people + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER people_changed_update AFTER UPDATE ON people BEGIN
    UPDATE change_counts SET people = people + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER people_changed_delete AFTER DELETE ON people BEGIN
    UPDATE change_counts SET people = people + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER posts_changed_insert AFTER INSERT ON posts BEGIN
    UPDATE change_counts SET people = people + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER posts_changed_update AFTER UPDATE ON posts BEGIN
    UPDATE change_counts SET people = people + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER posts_changed_delete AFTER DELETE ON posts BEGIN
    UPDATE change_counts SET people = people + 1;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER posts_changed_delete;
DROP TRIGGER posts_changed_update;
DROP TRIGGER posts_changed_insert;
DROP TRIGGER people_changed_delete;
DROP TRIGGER people_changed_update;
DROP TRIGGER people_changed_insert;
ALTER TABLE change_counts DROP COLUMN people;
