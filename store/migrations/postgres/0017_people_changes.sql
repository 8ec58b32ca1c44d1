-- +goose Up
-- A change counter for people and their posts (store/changes.go): the lists of people,
-- posts and orgs that nearly every page reads whole (names of leaders, signers, org
-- pickers) are kept in memory with their counter, as counts are, and read again only
-- once the counter has moved.
--   people: people, posts
ALTER TABLE change_counts ADD COLUMN people BIGINT NOT NULL DEFAULT 0;
CREATE CONSTRAINT TRIGGER people_changed AFTER INSERT OR UPDATE OR DELETE ON people
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION note_change('people');
CREATE CONSTRAINT TRIGGER posts_changed AFTER INSERT OR UPDATE OR DELETE ON posts
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION note_change('people');

-- +goose Down
DROP TRIGGER posts_changed ON posts;
DROP TRIGGER people_changed ON people;
ALTER TABLE change_counts DROP COLUMN people;
