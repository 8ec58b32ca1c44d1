-- +goose Up
-- The materials of a meeting's agenda items (store.AddMaterial): PDF or DOCX files the
-- preparing orgs upload, kept in the database so that the backup holds them.
CREATE TABLE materials (
    id            INTEGER PRIMARY KEY,
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    size          INTEGER NOT NULL,
    data          BLOB NOT NULL,
    org_id        INTEGER NOT NULL REFERENCES orgs(id),
    uploaded_by   INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at    INTEGER NOT NULL
);
CREATE INDEX materials_item ON materials (agenda_item_id);
CREATE INDEX materials_org ON materials (org_id);
CREATE INDEX materials_uploaded_by ON materials (uploaded_by);

-- +goose Down
DROP TABLE materials;
