-- +goose Up
-- PostgreSQL twin of migrations/sqlite/0004_stamps.sql.
-- Signature images of signers and seal images of organisations, drawn on electronic copies
-- of issued documents. owner_id is a person for a signature and an org for a seal.
CREATE TABLE stamps (
    kind       TEXT    NOT NULL,
    owner_id   BIGINT NOT NULL,
    png        BYTEA    NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (kind, owner_id)
);

-- +goose Down
DROP TABLE stamps;
