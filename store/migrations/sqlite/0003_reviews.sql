-- +goose Up
-- Every step of a program's life keeps the program's content as it was (JSON of
-- congtac.Program with its items and tasks), so that any two versions can be compared.
CREATE TABLE program_versions (
    program_id INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    number     INTEGER NOT NULL,
    action     TEXT    NOT NULL,
    at         INTEGER NOT NULL,
    by_user    INTEGER REFERENCES users(id),
    comment    TEXT    NOT NULL DEFAULT '',
    content    TEXT    NOT NULL,
    PRIMARY KEY (program_id, number)
);

-- The signer's remarks on items and tasks of a submitted program.
CREATE TABLE review_comments (
    id         INTEGER PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    version    INTEGER NOT NULL DEFAULT 0,
    item_id    INTEGER,
    task_id    INTEGER,
    text       TEXT    NOT NULL,
    author_id  INTEGER REFERENCES users(id),
    at         INTEGER NOT NULL,
    resolved   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX review_comments_program ON review_comments (program_id, id);

-- Proposals (đăng ký nội dung) of units for a coming program.
CREATE TABLE proposals (
    id            INTEGER PRIMARY KEY,
    org_id        INTEGER NOT NULL REFERENCES orgs(id),
    committee_id  INTEGER NOT NULL REFERENCES orgs(id),
    period_kind   TEXT    NOT NULL,
    period_year   INTEGER NOT NULL,
    period_number INTEGER NOT NULL,
    period_key    TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    text          TEXT    NOT NULL,
    sector        TEXT    NOT NULL DEFAULT '',
    lead_id       INTEGER REFERENCES orgs(id),
    support       TEXT    NOT NULL DEFAULT '',
    due_text      TEXT    NOT NULL DEFAULT '',
    source        TEXT    NOT NULL DEFAULT '',
    status        TEXT    NOT NULL,
    reason        TEXT    NOT NULL DEFAULT '',
    program_id    INTEGER REFERENCES programs(id) ON DELETE SET NULL,
    author_id     INTEGER REFERENCES users(id),
    search        TEXT    NOT NULL DEFAULT '',
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX proposals_period ON proposals (committee_id, period_key, status);
CREATE INDEX proposals_org ON proposals (org_id, period_key);

-- +goose Down
DROP TABLE proposals;
DROP TABLE review_comments;
DROP TABLE program_versions;
