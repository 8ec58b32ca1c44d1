-- +goose Up
-- The FTS5 indexes take a transaction's changes at once (issue 15, index upkeep). FTS5
-- writes the terms it holds in memory out as a new segment at every statement of a
-- transaction (a savepoint), so a program written row by row made one segment per task
-- and per index, and merging them cost twice the write itself. The triggers now queue
-- each change (the index, the row, its search column, whether it is a deletion) in
-- fts_pending, and store.settleIndexes moves the queue into the indexes with one
-- statement per index before the transaction commits. The word indexes also merge their
-- segments eight at a time instead of four: half the merging on each write, for a few
-- more segments to read per search.
CREATE TABLE fts_pending (
    seq    INTEGER PRIMARY KEY,
    fts    TEXT    NOT NULL,
    rid    INTEGER NOT NULL,
    search TEXT    NOT NULL,
    del    INTEGER NOT NULL
);
DROP TRIGGER programs_words_insert;
DROP TRIGGER programs_words_delete;
DROP TRIGGER programs_words_update;
-- +goose StatementBegin
CREATE TRIGGER programs_words_insert AFTER INSERT ON programs BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('programs_words', new.id, new.search, 0);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER programs_words_delete AFTER DELETE ON programs BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('programs_words', old.id, old.search, 1);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER programs_words_update AFTER UPDATE OF search ON programs
    WHEN old.search <> new.search BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('programs_words', old.id, old.search, 1), ('programs_words', new.id, new.search, 0);
END;
-- +goose StatementEnd
DROP TRIGGER items_words_insert;
DROP TRIGGER items_words_delete;
DROP TRIGGER items_words_update;
-- +goose StatementBegin
CREATE TRIGGER items_words_insert AFTER INSERT ON items BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('items_words', new.id, new.search, 0);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER items_words_delete AFTER DELETE ON items BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('items_words', old.id, old.search, 1);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER items_words_update AFTER UPDATE OF search ON items
    WHEN old.search <> new.search BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('items_words', old.id, old.search, 1), ('items_words', new.id, new.search, 0);
END;
-- +goose StatementEnd
DROP TRIGGER tasks_words_insert;
DROP TRIGGER tasks_words_delete;
DROP TRIGGER tasks_words_update;
-- +goose StatementBegin
CREATE TRIGGER tasks_words_insert AFTER INSERT ON tasks BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('tasks_words', new.id, new.search, 0);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER tasks_words_delete AFTER DELETE ON tasks BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('tasks_words', old.id, old.search, 1);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER tasks_words_update AFTER UPDATE OF search ON tasks
    WHEN old.search <> new.search BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('tasks_words', old.id, old.search, 1), ('tasks_words', new.id, new.search, 0);
END;
-- +goose StatementEnd
DROP TRIGGER reports_words_insert;
DROP TRIGGER reports_words_delete;
DROP TRIGGER reports_words_update;
-- +goose StatementBegin
CREATE TRIGGER reports_words_insert AFTER INSERT ON reports BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('reports_words', new.id, new.search, 0);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER reports_words_delete AFTER DELETE ON reports BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('reports_words', old.id, old.search, 1);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER reports_words_update AFTER UPDATE OF search ON reports
    WHEN old.search <> new.search BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('reports_words', old.id, old.search, 1), ('reports_words', new.id, new.search, 0);
END;
-- +goose StatementEnd
DROP TRIGGER meetings_words_insert;
DROP TRIGGER meetings_words_delete;
DROP TRIGGER meetings_words_update;
-- +goose StatementBegin
CREATE TRIGGER meetings_words_insert AFTER INSERT ON meetings BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('meetings_words', new.id, new.search, 0);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER meetings_words_delete AFTER DELETE ON meetings BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('meetings_words', old.id, old.search, 1);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER meetings_words_update AFTER UPDATE OF search ON meetings
    WHEN old.search <> new.search BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('meetings_words', old.id, old.search, 1), ('meetings_words', new.id, new.search, 0);
END;
-- +goose StatementEnd
DROP TRIGGER agenda_items_words_insert;
DROP TRIGGER agenda_items_words_delete;
DROP TRIGGER agenda_items_words_update;
-- +goose StatementBegin
CREATE TRIGGER agenda_items_words_insert AFTER INSERT ON agenda_items BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('agenda_items_words', new.id, new.search, 0);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER agenda_items_words_delete AFTER DELETE ON agenda_items BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('agenda_items_words', old.id, old.search, 1);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER agenda_items_words_update AFTER UPDATE OF search ON agenda_items
    WHEN old.search <> new.search BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('agenda_items_words', old.id, old.search, 1), ('agenda_items_words', new.id, new.search, 0);
END;
-- +goose StatementEnd
DROP TRIGGER engagements_words_insert;
DROP TRIGGER engagements_words_delete;
DROP TRIGGER engagements_words_update;
-- +goose StatementBegin
CREATE TRIGGER engagements_words_insert AFTER INSERT ON engagements BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('engagements_words', new.id, new.search, 0);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER engagements_words_delete AFTER DELETE ON engagements BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('engagements_words', old.id, old.search, 1);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER engagements_words_update AFTER UPDATE OF search ON engagements
    WHEN old.search <> new.search BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('engagements_words', old.id, old.search, 1), ('engagements_words', new.id, new.search, 0);
END;
-- +goose StatementEnd
DROP TRIGGER documents_words_insert;
DROP TRIGGER documents_words_delete;
DROP TRIGGER documents_words_update;
-- +goose StatementBegin
CREATE TRIGGER documents_words_insert AFTER INSERT ON documents BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('documents_words', new.id, new.search, 0);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER documents_words_delete AFTER DELETE ON documents BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('documents_words', old.id, old.search, 1);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER documents_words_update AFTER UPDATE OF search ON documents
    WHEN old.search <> new.search BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('documents_words', old.id, old.search, 1), ('documents_words', new.id, new.search, 0);
END;
-- +goose StatementEnd
DROP TRIGGER orgs_words_insert;
DROP TRIGGER orgs_words_delete;
DROP TRIGGER orgs_words_update;
-- +goose StatementBegin
CREATE TRIGGER orgs_words_insert AFTER INSERT ON orgs BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('orgs_words', new.id, new.search, 0);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER orgs_words_delete AFTER DELETE ON orgs BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('orgs_words', old.id, old.search, 1);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER orgs_words_update AFTER UPDATE OF search ON orgs
    WHEN old.search <> new.search BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('orgs_words', old.id, old.search, 1), ('orgs_words', new.id, new.search, 0);
END;
-- +goose StatementEnd
DROP TRIGGER people_words_insert;
DROP TRIGGER people_words_delete;
DROP TRIGGER people_words_update;
-- +goose StatementBegin
CREATE TRIGGER people_words_insert AFTER INSERT ON people BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('people_words', new.id, new.search, 0);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER people_words_delete AFTER DELETE ON people BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('people_words', old.id, old.search, 1);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER people_words_update AFTER UPDATE OF search ON people
    WHEN old.search <> new.search BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('people_words', old.id, old.search, 1), ('people_words', new.id, new.search, 0);
END;
-- +goose StatementEnd
DROP TRIGGER tasks_fts_insert;
DROP TRIGGER tasks_fts_delete;
DROP TRIGGER tasks_fts_update;
-- +goose StatementBegin
CREATE TRIGGER tasks_fts_insert AFTER INSERT ON tasks BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('tasks_fts', new.id, new.search, 0);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER tasks_fts_delete AFTER DELETE ON tasks BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('tasks_fts', old.id, old.search, 1);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER tasks_fts_update AFTER UPDATE OF search ON tasks BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('tasks_fts', old.id, old.search, 1), ('tasks_fts', new.id, new.search, 0);
END;
-- +goose StatementEnd
DROP TRIGGER items_fts_insert;
DROP TRIGGER items_fts_delete;
DROP TRIGGER items_fts_update;
-- +goose StatementBegin
CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('items_fts', new.id, new.search, 0);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('items_fts', old.id, old.search, 1);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER items_fts_update AFTER UPDATE OF search ON items BEGIN
    INSERT INTO fts_pending (fts, rid, search, del) VALUES ('items_fts', old.id, old.search, 1), ('items_fts', new.id, new.search, 0);
END;
-- +goose StatementEnd
INSERT INTO programs_words (programs_words, rank) VALUES ('automerge', 8);
INSERT INTO items_words (items_words, rank) VALUES ('automerge', 8);
INSERT INTO tasks_words (tasks_words, rank) VALUES ('automerge', 8);
INSERT INTO reports_words (reports_words, rank) VALUES ('automerge', 8);
INSERT INTO meetings_words (meetings_words, rank) VALUES ('automerge', 8);
INSERT INTO agenda_items_words (agenda_items_words, rank) VALUES ('automerge', 8);
INSERT INTO engagements_words (engagements_words, rank) VALUES ('automerge', 8);
INSERT INTO documents_words (documents_words, rank) VALUES ('automerge', 8);
INSERT INTO orgs_words (orgs_words, rank) VALUES ('automerge', 8);
INSERT INTO people_words (people_words, rank) VALUES ('automerge', 8);

-- +goose Down
INSERT INTO programs_words (programs_words, rank) VALUES ('automerge', 4);
INSERT INTO items_words (items_words, rank) VALUES ('automerge', 4);
INSERT INTO tasks_words (tasks_words, rank) VALUES ('automerge', 4);
INSERT INTO reports_words (reports_words, rank) VALUES ('automerge', 4);
INSERT INTO meetings_words (meetings_words, rank) VALUES ('automerge', 4);
INSERT INTO agenda_items_words (agenda_items_words, rank) VALUES ('automerge', 4);
INSERT INTO engagements_words (engagements_words, rank) VALUES ('automerge', 4);
INSERT INTO documents_words (documents_words, rank) VALUES ('automerge', 4);
INSERT INTO orgs_words (orgs_words, rank) VALUES ('automerge', 4);
INSERT INTO people_words (people_words, rank) VALUES ('automerge', 4);
DROP TRIGGER programs_words_insert;
DROP TRIGGER programs_words_delete;
DROP TRIGGER programs_words_update;
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
DROP TRIGGER items_words_insert;
DROP TRIGGER items_words_delete;
DROP TRIGGER items_words_update;
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
DROP TRIGGER tasks_words_insert;
DROP TRIGGER tasks_words_delete;
DROP TRIGGER tasks_words_update;
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
DROP TRIGGER reports_words_insert;
DROP TRIGGER reports_words_delete;
DROP TRIGGER reports_words_update;
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
DROP TRIGGER meetings_words_insert;
DROP TRIGGER meetings_words_delete;
DROP TRIGGER meetings_words_update;
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
DROP TRIGGER agenda_items_words_insert;
DROP TRIGGER agenda_items_words_delete;
DROP TRIGGER agenda_items_words_update;
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
DROP TRIGGER engagements_words_insert;
DROP TRIGGER engagements_words_delete;
DROP TRIGGER engagements_words_update;
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
DROP TRIGGER documents_words_insert;
DROP TRIGGER documents_words_delete;
DROP TRIGGER documents_words_update;
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
DROP TRIGGER orgs_words_insert;
DROP TRIGGER orgs_words_delete;
DROP TRIGGER orgs_words_update;
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
DROP TRIGGER people_words_insert;
DROP TRIGGER people_words_delete;
DROP TRIGGER people_words_update;
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
DROP TRIGGER tasks_fts_insert;
DROP TRIGGER tasks_fts_delete;
DROP TRIGGER tasks_fts_update;
-- +goose StatementBegin
CREATE TRIGGER tasks_fts_insert AFTER INSERT ON tasks BEGIN
    INSERT INTO tasks_fts (rowid, search) VALUES (new.id, new.search);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER tasks_fts_delete AFTER DELETE ON tasks BEGIN
    INSERT INTO tasks_fts (tasks_fts, rowid, search) VALUES ('delete', old.id, old.search);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER tasks_fts_update AFTER UPDATE OF search ON tasks BEGIN
    INSERT INTO tasks_fts (tasks_fts, rowid, search) VALUES ('delete', old.id, old.search);
    INSERT INTO tasks_fts (rowid, search) VALUES (new.id, new.search);
END;
-- +goose StatementEnd
DROP TRIGGER items_fts_insert;
DROP TRIGGER items_fts_delete;
DROP TRIGGER items_fts_update;
-- +goose StatementBegin
CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
    INSERT INTO items_fts (rowid, search) VALUES (new.id, new.search);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
    INSERT INTO items_fts (items_fts, rowid, search) VALUES ('delete', old.id, old.search);
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER items_fts_update AFTER UPDATE OF search ON items BEGIN
    INSERT INTO items_fts (items_fts, rowid, search) VALUES ('delete', old.id, old.search);
    INSERT INTO items_fts (rowid, search) VALUES (new.id, new.search);
END;
-- +goose StatementEnd
DROP TABLE fts_pending;
