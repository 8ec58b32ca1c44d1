-- +goose Up
-- Instants are Unix seconds (UTC); civil dates are 'YYYY-MM-DD' text; zero dates are NULL.
-- Every "search" column holds vn.Fold of the row's texts, maintained by the store in Go.

CREATE TABLE orgs (
    id           INTEGER PRIMARY KEY,
    parent_id    INTEGER REFERENCES orgs(id),
    kind         TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    short_name   TEXT    NOT NULL DEFAULT '',
    valid_from   TEXT,
    valid_to     TEXT,
    successor_id INTEGER REFERENCES orgs(id),
    position     INTEGER NOT NULL DEFAULT 0,
    search       TEXT    NOT NULL DEFAULT '',
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);
CREATE INDEX orgs_parent ON orgs (parent_id, position);

CREATE TABLE people (
    id         INTEGER PRIMARY KEY,
    full_name  TEXT    NOT NULL,
    org_id     INTEGER REFERENCES orgs(id),
    email      TEXT    NOT NULL DEFAULT '',
    phone      TEXT    NOT NULL DEFAULT '',
    search     TEXT    NOT NULL DEFAULT '',
    version    INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX people_org ON people (org_id);

CREATE TABLE posts (
    id        INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    org_id    INTEGER NOT NULL REFERENCES orgs(id),
    kind      TEXT    NOT NULL,
    title     TEXT    NOT NULL DEFAULT '',
    sectors   TEXT    NOT NULL DEFAULT '',
    from_date TEXT,
    to_date   TEXT
);
CREATE INDEX posts_person ON posts (person_id);
CREATE INDEX posts_org ON posts (org_id, kind);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    login         TEXT    NOT NULL UNIQUE,
    person_id     INTEGER REFERENCES people(id),
    display_name  TEXT    NOT NULL DEFAULT '',
    role          TEXT    NOT NULL,
    org_id        INTEGER NOT NULL REFERENCES orgs(id),
    password_hash TEXT    NOT NULL DEFAULT '',
    totp_secret   TEXT    NOT NULL DEFAULT '',
    disabled      INTEGER NOT NULL DEFAULT 0,
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);

CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT    NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    updated_at INTEGER NOT NULL
);

CREATE TABLE registers (
    id       INTEGER PRIMARY KEY,
    org_id   INTEGER NOT NULL REFERENCES orgs(id),
    year     INTEGER NOT NULL,
    doc_type TEXT    NOT NULL DEFAULT '',
    secret   INTEGER NOT NULL DEFAULT 0,
    last     INTEGER NOT NULL DEFAULT 0,
    UNIQUE (org_id, year, doc_type, secret)
);

CREATE TABLE programs (
    id            INTEGER PRIMARY KEY,
    org_id        INTEGER NOT NULL REFERENCES orgs(id),
    period_kind   TEXT    NOT NULL,
    period_year   INTEGER NOT NULL,
    period_number INTEGER NOT NULL,
    period_key    TEXT    NOT NULL,
    also          TEXT    NOT NULL DEFAULT '',
    title         TEXT    NOT NULL,
    status        TEXT    NOT NULL,
    drafted_by    INTEGER REFERENCES orgs(id),
    document_id   INTEGER,
    number        INTEGER NOT NULL DEFAULT 0,
    symbol        TEXT    NOT NULL DEFAULT '',
    issued_on     TEXT,
    place         TEXT    NOT NULL DEFAULT '',
    signature     TEXT    NOT NULL DEFAULT '{}',
    recipients    TEXT    NOT NULL DEFAULT '[]',
    amends_id     INTEGER REFERENCES programs(id),
    public        INTEGER NOT NULL DEFAULT 0,
    search        TEXT    NOT NULL DEFAULT '',
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX programs_org_period ON programs (org_id, period_key);
CREATE INDEX programs_period ON programs (period_key);
CREATE INDEX programs_kind_year ON programs (period_kind, period_year);

CREATE TABLE items (
    id         INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    parent_id  INTEGER REFERENCES items(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL DEFAULT 0,
    style      TEXT    NOT NULL DEFAULT '',
    heading    TEXT    NOT NULL DEFAULT '',
    text       TEXT    NOT NULL DEFAULT '',
    sector     TEXT    NOT NULL DEFAULT '',
    search     TEXT    NOT NULL DEFAULT '',
    version    INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX items_program ON items (program_id, parent_id, position);

CREATE TABLE tasks (
    id                 INTEGER PRIMARY KEY,
    program_id         INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    item_id            INTEGER REFERENCES items(id) ON DELETE SET NULL,
    position           INTEGER NOT NULL DEFAULT 0,
    text               TEXT    NOT NULL,
    sector             TEXT    NOT NULL DEFAULT '',
    lead_id            INTEGER NOT NULL REFERENCES orgs(id),
    leader_id          INTEGER REFERENCES people(id),
    due_date           TEXT,
    due_precision      TEXT    NOT NULL DEFAULT '',
    due_text           TEXT    NOT NULL DEFAULT '',
    rrule              TEXT    NOT NULL DEFAULT '',
    rrule_start        TEXT,
    target             TEXT    NOT NULL DEFAULT '',
    source             TEXT    NOT NULL DEFAULT '',
    carried_from       INTEGER REFERENCES tasks(id) ON DELETE SET NULL,
    done_on            TEXT,
    deferred_on        TEXT,
    deferred_to        TEXT,
    deferred_precision TEXT    NOT NULL DEFAULT '',
    deferred_text      TEXT    NOT NULL DEFAULT '',
    defer_reason       TEXT    NOT NULL DEFAULT '',
    cancelled_on       TEXT,
    cancel_reason      TEXT    NOT NULL DEFAULT '',
    search             TEXT    NOT NULL DEFAULT '',
    version            INTEGER NOT NULL DEFAULT 1,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL
);
CREATE INDEX tasks_program ON tasks (program_id, item_id, position);
CREATE INDEX tasks_lead_open ON tasks (lead_id, due_date) WHERE done_on IS NULL AND cancelled_on IS NULL;
CREATE INDEX tasks_lead ON tasks (lead_id);
CREATE INDEX tasks_leader ON tasks (leader_id);
CREATE INDEX tasks_due ON tasks (due_date);
CREATE INDEX tasks_carried ON tasks (carried_from);

CREATE TABLE task_supports (
    task_id  INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    org_id   INTEGER NOT NULL REFERENCES orgs(id),
    position INTEGER NOT NULL DEFAULT 0,
    done_on  TEXT,
    PRIMARY KEY (task_id, org_id)
);
CREATE INDEX task_supports_org ON task_supports (org_id, task_id);

CREATE TABLE task_occurrences (
    task_id  INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    due_date TEXT    NOT NULL,
    done_on  TEXT    NOT NULL,
    PRIMARY KEY (task_id, due_date)
);

CREATE TABLE reports (
    id           INTEGER PRIMARY KEY,
    task_id      INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    org_id       INTEGER NOT NULL REFERENCES orgs(id),
    occurrence   TEXT,
    text         TEXT    NOT NULL,
    percent      INTEGER NOT NULL DEFAULT 0,
    value        REAL,
    done_on      TEXT,
    status       TEXT    NOT NULL,
    review_note  TEXT    NOT NULL DEFAULT '',
    author_id    INTEGER REFERENCES users(id),
    submitted_at INTEGER,
    reviewed_at  INTEGER,
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);
CREATE INDEX reports_task ON reports (task_id, org_id);
CREATE INDEX reports_org_status ON reports (org_id, status);

CREATE TABLE meetings (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    program_id  INTEGER REFERENCES programs(id) ON DELETE SET NULL,
    kind        TEXT    NOT NULL,
    title       TEXT    NOT NULL,
    date        TEXT    NOT NULL,
    start_min   INTEGER NOT NULL DEFAULT -1,
    part        TEXT    NOT NULL DEFAULT '',
    place       TEXT    NOT NULL DEFAULT '',
    chair_id    INTEGER REFERENCES people(id),
    attendees   TEXT    NOT NULL DEFAULT '',
    rrule       TEXT    NOT NULL DEFAULT '',
    rrule_start TEXT,
    status      TEXT    NOT NULL,
    note        TEXT    NOT NULL DEFAULT '',
    search      TEXT    NOT NULL DEFAULT '',
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX meetings_org_date ON meetings (org_id, date);
CREATE INDEX meetings_program ON meetings (program_id);

CREATE TABLE agenda_items (
    id            INTEGER PRIMARY KEY,
    meeting_id    INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL DEFAULT 0,
    title         TEXT    NOT NULL,
    lead_id       INTEGER REFERENCES orgs(id),
    presenter_id  INTEGER REFERENCES people(id),
    minutes       INTEGER NOT NULL DEFAULT 0,
    materials_due TEXT,
    materials     TEXT    NOT NULL DEFAULT '',
    conclusion    TEXT    NOT NULL DEFAULT '',
    version       INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, position);
CREATE INDEX agenda_items_lead ON agenda_items (lead_id);

CREATE TABLE agenda_supports (
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
    org_id         INTEGER NOT NULL REFERENCES orgs(id),
    position       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (agenda_item_id, org_id)
);

CREATE TABLE engagements (
    id           INTEGER PRIMARY KEY,
    org_id       INTEGER NOT NULL REFERENCES orgs(id),
    person_id    INTEGER REFERENCES people(id),
    date         TEXT    NOT NULL,
    start_min    INTEGER NOT NULL DEFAULT -1,
    part         TEXT    NOT NULL DEFAULT '',
    title        TEXT    NOT NULL,
    place        TEXT    NOT NULL DEFAULT '',
    participants TEXT    NOT NULL DEFAULT '',
    preparer_id  INTEGER REFERENCES orgs(id),
    meeting_id   INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    cancelled    INTEGER NOT NULL DEFAULT 0,
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);
CREATE INDEX engagements_org_date ON engagements (org_id, date);
CREATE INDEX engagements_person_date ON engagements (person_id, date);

CREATE TABLE calendars (
    id           INTEGER PRIMARY KEY,
    org_id       INTEGER NOT NULL REFERENCES orgs(id),
    week_key     TEXT    NOT NULL,
    revision     INTEGER NOT NULL DEFAULT 0,
    changes      TEXT    NOT NULL DEFAULT '[]',
    published_at INTEGER NOT NULL DEFAULT 0,
    public       INTEGER NOT NULL DEFAULT 0,
    version      INTEGER NOT NULL DEFAULT 1,
    UNIQUE (org_id, week_key)
);

CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    register_id INTEGER NOT NULL REFERENCES registers(id),
    doc_type    TEXT    NOT NULL,
    number      INTEGER NOT NULL,
    symbol      TEXT    NOT NULL,
    issued_on   TEXT    NOT NULL,
    place       TEXT    NOT NULL DEFAULT '',
    summary     TEXT    NOT NULL,
    signature   TEXT    NOT NULL DEFAULT '{}',
    recipients  TEXT    NOT NULL DEFAULT '[]',
    copies      INTEGER NOT NULL DEFAULT 0,
    keeper      TEXT    NOT NULL DEFAULT '',
    program_id  INTEGER REFERENCES programs(id),
    meeting_id  INTEGER REFERENCES meetings(id),
    issued_by   INTEGER REFERENCES users(id),
    issued_at   INTEGER NOT NULL,
    sent_on     TEXT,
    note        TEXT    NOT NULL DEFAULT '',
    search      TEXT    NOT NULL DEFAULT '',
    UNIQUE (register_id, number)
);
CREATE INDEX documents_org_issued ON documents (org_id, issued_on);

CREATE TABLE audit_events (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    user_id     INTEGER,
    action      TEXT    NOT NULL,
    entity      TEXT    NOT NULL,
    entity_id   INTEGER NOT NULL DEFAULT 0,
    org_id      INTEGER,
    before_json TEXT    NOT NULL DEFAULT '',
    after_json  TEXT    NOT NULL DEFAULT '',
    address     TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX audit_events_at ON audit_events (at);
CREATE INDEX audit_events_entity ON audit_events (entity, entity_id);
CREATE INDEX audit_events_user ON audit_events (user_id, at);
CREATE INDEX audit_events_org ON audit_events (org_id, at);

-- The audit log is append-only: nothing in the application may rewrite history.
-- +goose StatementBegin
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit events cannot be changed');
END;
-- +goose StatementEnd

-- Substring search over folded text: FTS5 trigram indexes kept in step by triggers.
CREATE VIRTUAL TABLE tasks_fts USING fts5(search, content='tasks', content_rowid='id', tokenize='trigram');
CREATE VIRTUAL TABLE items_fts USING fts5(search, content='items', content_rowid='id', tokenize='trigram');

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

-- +goose Down
DROP TABLE items_fts;
DROP TABLE tasks_fts;
DROP TABLE audit_events;
DROP TABLE documents;
DROP TABLE calendars;
DROP TABLE engagements;
DROP TABLE agenda_supports;
DROP TABLE agenda_items;
DROP TABLE meetings;
DROP TABLE reports;
DROP TABLE task_occurrences;
DROP TABLE task_supports;
DROP TABLE tasks;
DROP TABLE items;
DROP TABLE programs;
DROP TABLE registers;
DROP TABLE settings;
DROP TABLE users;
DROP TABLE posts;
DROP TABLE people;
DROP TABLE orgs;
