-- +goose Up
-- Search everything (issue 15). Every searchable table keeps its search column (the
-- folded words of its texts, store.searchKey, written with the row in the same
-- transaction); reports, calendar entries and agenda items (title and conclusion) gain
-- theirs, which store.Migrate fills (store.Reindex) since SQL cannot fold. A word index
-- over each column answers the search box: a term is a run of words, the last one a
-- prefix unless the term is a number or symbol.
-- PostgreSQL: a tsvector of the column ('simple': the words as they are), generated and
-- stored beside it, under a GIN index.
ALTER TABLE reports ADD COLUMN search TEXT NOT NULL DEFAULT '';
ALTER TABLE engagements ADD COLUMN search TEXT NOT NULL DEFAULT '';
ALTER TABLE agenda_items ADD COLUMN search TEXT NOT NULL DEFAULT '';
ALTER TABLE programs ADD COLUMN words tsvector GENERATED ALWAYS AS (to_tsvector('simple', search)) STORED;
CREATE INDEX programs_words ON programs USING gin (words);
ALTER TABLE items ADD COLUMN words tsvector GENERATED ALWAYS AS (to_tsvector('simple', search)) STORED;
CREATE INDEX items_words ON items USING gin (words);
ALTER TABLE tasks ADD COLUMN words tsvector GENERATED ALWAYS AS (to_tsvector('simple', search)) STORED;
CREATE INDEX tasks_words ON tasks USING gin (words);
ALTER TABLE reports ADD COLUMN words tsvector GENERATED ALWAYS AS (to_tsvector('simple', search)) STORED;
CREATE INDEX reports_words ON reports USING gin (words);
ALTER TABLE meetings ADD COLUMN words tsvector GENERATED ALWAYS AS (to_tsvector('simple', search)) STORED;
CREATE INDEX meetings_words ON meetings USING gin (words);
ALTER TABLE agenda_items ADD COLUMN words tsvector GENERATED ALWAYS AS (to_tsvector('simple', search)) STORED;
CREATE INDEX agenda_items_words ON agenda_items USING gin (words);
ALTER TABLE engagements ADD COLUMN words tsvector GENERATED ALWAYS AS (to_tsvector('simple', search)) STORED;
CREATE INDEX engagements_words ON engagements USING gin (words);
ALTER TABLE documents ADD COLUMN words tsvector GENERATED ALWAYS AS (to_tsvector('simple', search)) STORED;
CREATE INDEX documents_words ON documents USING gin (words);
ALTER TABLE orgs ADD COLUMN words tsvector GENERATED ALWAYS AS (to_tsvector('simple', search)) STORED;
CREATE INDEX orgs_words ON orgs USING gin (words);
ALTER TABLE people ADD COLUMN words tsvector GENERATED ALWAYS AS (to_tsvector('simple', search)) STORED;
CREATE INDEX people_words ON people USING gin (words);

-- +goose Down
DROP INDEX people_words;
ALTER TABLE people DROP COLUMN words;
DROP INDEX orgs_words;
ALTER TABLE orgs DROP COLUMN words;
DROP INDEX documents_words;
ALTER TABLE documents DROP COLUMN words;
DROP INDEX engagements_words;
ALTER TABLE engagements DROP COLUMN words;
DROP INDEX agenda_items_words;
ALTER TABLE agenda_items DROP COLUMN words;
DROP INDEX meetings_words;
ALTER TABLE meetings DROP COLUMN words;
DROP INDEX reports_words;
ALTER TABLE reports DROP COLUMN words;
DROP INDEX tasks_words;
ALTER TABLE tasks DROP COLUMN words;
DROP INDEX items_words;
ALTER TABLE items DROP COLUMN words;
DROP INDEX programs_words;
ALTER TABLE programs DROP COLUMN words;
ALTER TABLE reports DROP COLUMN search;
ALTER TABLE engagements DROP COLUMN search;
ALTER TABLE agenda_items DROP COLUMN search;
