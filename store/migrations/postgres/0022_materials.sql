-- +goose Up
-- The materials of a meeting's agenda items (store.AddMaterial): PDF or DOCX files the
-- preparing orgs upload, kept in the database so that the backup holds them.
CREATE TABLE materials (
    id            BIGSERIAL PRIMARY KEY,
    agenda_item_id BIGINT NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    size          BIGINT NOT NULL,
    data          BYTEA NOT NULL,
    org_id        BIGINT NOT NULL REFERENCES orgs(id),
    uploaded_by   BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at    BIGINT NOT NULL
);
CREATE INDEX materials_item ON materials (agenda_item_id);
CREATE INDEX materials_org ON materials (org_id);
CREATE INDEX materials_uploaded_by ON materials (uploaded_by);

-- +goose Down
DROP TABLE materials;
