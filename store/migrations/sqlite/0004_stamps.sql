-- +goose Up
-- Signature images of signers and seal images of organisations, drawn on electronic copies
-- of issued documents. owner_id is a person for a signature and an org for a seal.
CREATE TABLE stamps (
    kind       TEXT    NOT NULL,
    owner_id   INTEGER NOT NULL,
    png        BLOB    NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (kind, owner_id)
);

-- +goose Down
DROP TABLE stamps;
