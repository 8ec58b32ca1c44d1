-- +goose Up
-- SQLite only (its FTS5 indexes take a transaction's changes at once); PostgreSQL keeps
-- its word index in the row. The number keeps both engines' migrations in step.
SELECT 1;

-- +goose Down
SELECT 1;
