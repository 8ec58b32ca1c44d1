-- +goose Up
-- Search everything (issue 15). Every searchable table keeps its search column (the
-- folded words of its texts, store.searchKey, written with the row in the same
-- transaction); reports, calendar entries and agenda items (title and conclusion) gain
-- theirs, which store.Migrate fills (store.Reindex) since SQL cannot fold. A word index
-- over each column answers the search box: a term is a run of words, the last one a
-- prefix unless the term is a number or symbol.
-- SQLite: an FTS5 table per column, its words as unicode61 tokens (the column is folded
-- already), with prefix indexes of one and two letters for the words being typed, kept
-- in step by triggers.
ALTER TABLE reports ADD COLUMN search TEXT NOT NULL DEFAULT '';
ALTER TABLE engagements ADD COLUMN search TEXT NOT NULL DEFAULT '';
ALTER TABLE agenda_items ADD COLUMN search TEXT NOT NULL DEFAULT '';

CREATE VIRTUAL TABLE programs_words USING fts5(search, content='programs', content_rowid='id',
    tokenize='unicode61 remove_diacritics 0', prefix='1 2');
INSERT INTO programs_words (programs_words) VALUES ('rebuild');
-- +goose StatementBegin
CREATE TRIGGER programs_words_insert AFTER INSERT ON programs BEGIN
    INSERT INTO programs_words (rowid, search) VALUES (new.id, new.search);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER programs_words_delete AFTER DELETE ON programs BEGIN
    INSERT INTO programs_words (programs_words, rowid, search) VALUES ('delete', old.id, old.search);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER programs_words_update AFTER UPDATE OF search ON programs
    WHEN old.search <> new.search BEGIN
    INSERT INTO programs_words (programs_words, rowid, search) VALUES ('delete', old.id, old.search);
    INSERT INTO programs_words (rowid, search) VALUES (new.id, new.search);
END;
-- +goose StatementEnd

CREATE VIRTUAL TABLE items_words USING fts5(search, content='items', content_rowid='id',
    tokenize='unicode61 remove_diacritics 0', prefix='1 2');
INSERT INTO items_words (items_words) VALUES ('rebuild');
-- +goose StatementBegin
CREATE TRIGGER items_words_insert AFTER INSERT ON items BEGIN
    INSERT INTO items_words (rowid, search) VALUES (new.id, new.search);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER items_words_delete AFTER DELETE ON items BEGIN
    INSERT INTO items_words (items_words, rowid, search) VALUES ('delete', old.id, old.search);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER items_words_update AFTER UPDATE OF search ON items
    WHEN old.search <> new.search BEGIN
    INSERT INTO items_words (items_words, rowid, search) VALUES ('delete', old.id, old.search);
    INSERT INTO items_words (rowid, search) VALUES (new.id, new.search);
END;
-- +goose StatementEnd

CREATE VIRTUAL TABLE tasks_words USING fts5(search, content='tasks', content_rowid='id',
    tokenize='unicode61 remove_diacritics 0', prefix='1 2');
INSERT INTO tasks_words (tasks_words) VALUES ('rebuild');
-- +goose StatementBegin
CREATE TRIGGER tasks_words_insert AFTER INSERT ON tasks BEGIN
    INSERT INTO tasks_words (rowid, search) VALUES (new.id, new.search);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER tasks_words_delete AFTER DELETE ON tasks BEGIN
    INSERT INTO tasks_words (tasks_words, rowid, search) VALUES ('delete', old.id, old.search);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER tasks_words_update AFTER UPDATE OF search ON tasks
    WHEN old.search <> new.search BEGIN
    INSERT INTO tasks_words (tasks_words, rowid, search) VALUES ('delete', old.id, old.search);
    INSERT INTO tasks_words (rowid, search) VALUES (new.id, new.search);
END;
-- +goose StatementEnd

CREATE VIRTUAL TABLE reports_words USING fts5(search, content='reports', content_rowid='id',
    tokenize='unicode61 remove_diacritics 0', prefix='1 2');
INSERT INTO reports_words (reports_words) VALUES ('rebuild');
-- +goose StatementBegin
CREATE TRIGGER reports_words_insert AFTER INSERT ON reports BEGIN
    INSERT INTO reports_words (rowid, search) VALUES (new.id, new.search);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER reports_words_delete AFTER DELETE ON reports BEGIN
    INSERT INTO reports_words (reports_words, rowid, search) VALUES ('delete', old.id, old.search);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER reports_words_update AFTER UPDATE OF search ON reports
    WHEN old.search <> new.search BEGIN
    INSERT INTO reports_words (reports_words, rowid, search) VALUES ('delete', old.id, old.search);
    INSERT INTO reports_words (rowid, search) VALUES (new.id, new.search);
END;
-- +goose StatementEnd

CREATE VIRTUAL TABLE meetings_words USING fts5(search, content='meetings', content_rowid='id',
    tokenize='unicode61 remove_diacritics 0', prefix='1 2');
INSERT INTO meetings_words (meetings_words) VALUES ('rebuild');
-- +goose StatementBegin
CREATE TRIGGER meetings_words_insert AFTER INSERT ON meetings BEGIN
    INSERT INTO meetings_words (rowid, search) VALUES (new.id, new.search);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER meetings_words_delete AFTER DELETE ON meetings BEGIN
    INSERT INTO meetings_words (meetings_words, rowid, search) VALUES ('delete', old.id, old.search);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER meetings_words_update AFTER UPDATE OF search ON meetings
    WHEN old.search <> new.search BEGIN
    INSERT INTO meetings_words (meetings_words, rowid, search) VALUES ('delete', old.id, old.search);
    INSERT INTO meetings_words (rowid, search) VALUES (new.id, new.search);
END;
-- +goose StatementEnd

CREATE VIRTUAL TABLE agenda_items_words USING fts5(search, content='agenda_items', content_rowid='id',
    tokenize='unicode61 remove_diacritics 0', prefix='1 2');
INSERT INTO agenda_items_words (agenda_items_words) VALUES ('rebuild');
-- +goose StatementBegin
CREATE TRIGGER agenda_items_words_insert AFTER INSERT ON agenda_items BEGIN
    INSERT INTO agenda_items_words (rowid, search) VALUES (new.id, new.search);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER agenda_items_words_delete AFTER DELETE ON agenda_items BEGIN
    INSERT INTO agenda_items_words (agenda_items_words, rowid, search) VALUES ('delete', old.id, old.search);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER agenda_items_words_update AFTER UPDATE OF search ON agenda_items
    WHEN old.search <> new.search BEGIN
    INSERT INTO agenda_items_words (agenda_items_words, rowid, search) VALUES ('delete', old.id, old.search);
    INSERT INTO agenda_items_words (rowid, search) VALUES (new.id, new.search);
END;
-- +goose StatementEnd

CREATE VIRTUAL TABLE engagements_words USING fts5(search, content='engagements', content_rowid='id',
    tokenize='unicode61 remove_diacritics 0', prefix='1 2');
INSERT INTO engagements_words (engagements_words) VALUES ('rebuild');
-- +goose StatementBegin
CREATE TRIGGER engagements_words_insert AFTER INSERT ON engagements BEGIN
    INSERT INTO engagements_words (rowid, search) VALUES (new.id, new.search);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER engagements_words_delete AFTER DELETE ON engagements BEGIN
    INSERT INTO engagements_words (engagements_words, rowid, search) VALUES ('delete', old.id, old.search);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER engagements_words_update AFTER UPDATE OF search ON engagements
    WHEN old.search <> new.search BEGIN
    INSERT INTO engagements_words (engagements_words, rowid, search) VALUES ('delete', old.id, old.search);
    INSERT INTO engagements_words (rowid, search) VALUES (new.id, new.search);
END;
-- +goose StatementEnd

CREATE VIRTUAL TABLE documents_words USING fts5(search, content='documents', content_rowid='id',
    tokenize='unicode61 remove_diacritics 0', prefix='1 2');
INSERT INTO documents_words (documents_words) VALUES ('rebuild');
-- +goose StatementBegin
CREATE TRIGGER documents_words_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_words (rowid, search) VALUES (new.id, new.search);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER documents_words_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_words (documents_words, rowid, search) VALUES ('delete', old.id, old.search);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER documents_words_update AFTER UPDATE OF search ON documents
    WHEN old.search <> new.search BEGIN
    INSERT INTO documents_words (documents_words, rowid, search) VALUES ('delete', old.id, old.search);
    INSERT INTO documents_words (rowid, search) VALUES (new.id, new.search);
END;
-- +goose StatementEnd

CREATE VIRTUAL TABLE orgs_words USING fts5(search, content='orgs', content_rowid='id',
    tokenize='unicode61 remove_diacritics 0', prefix='1 2');
INSERT INTO orgs_words (orgs_words) VALUES ('rebuild');
-- +goose StatementBegin
CREATE TRIGGER orgs_words_insert AFTER INSERT ON orgs BEGIN
    INSERT INTO orgs_words (rowid, search) VALUES (new.id, new.search);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER orgs_words_delete AFTER DELETE ON orgs BEGIN
    INSERT INTO orgs_words (orgs_words, rowid, search) VALUES ('delete', old.id, old.search);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER orgs_words_update AFTER UPDATE OF search ON orgs
    WHEN old.search <> new.search BEGIN
    INSERT INTO orgs_words (orgs_words, rowid, search) VALUES ('delete', old.id, old.search);
    INSERT INTO orgs_words (rowid, search) VALUES (new.id, new.search);
END;
-- +goose StatementEnd

CREATE VIRTUAL TABLE people_words USING fts5(search, content='people', content_rowid='id',
    tokenize='unicode61 remove_diacritics 0', prefix='1 2');
INSERT INTO people_words (people_words) VALUES ('rebuild');
-- +goose StatementBegin
CREATE TRIGGER people_words_insert AFTER INSERT ON people BEGIN
    INSERT INTO people_words (rowid, search) VALUES (new.id, new.search);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER people_words_delete AFTER DELETE ON people BEGIN
    INSERT INTO people_words (people_words, rowid, search) VALUES ('delete', old.id, old.search);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER people_words_update AFTER UPDATE OF search ON people
    WHEN old.search <> new.search BEGIN
    INSERT INTO people_words (people_words, rowid, search) VALUES ('delete', old.id, old.search);
    INSERT INTO people_words (rowid, search) VALUES (new.id, new.search);
END;
-- +goose StatementEnd

-- +goose Down
DROP TABLE people_words;
DROP TABLE orgs_words;
DROP TABLE documents_words;
DROP TABLE engagements_words;
DROP TABLE agenda_items_words;
DROP TABLE meetings_words;
DROP TABLE reports_words;
DROP TABLE tasks_words;
DROP TABLE items_words;
DROP TABLE programs_words;
ALTER TABLE reports DROP COLUMN search;
ALTER TABLE engagements DROP COLUMN search;
ALTER TABLE agenda_items DROP COLUMN search;
