-- +goose Up
-- Files attached to progress reports (store.CreateReport, store.AddReportFile): PDF, DOCX,
-- XLSX or images, typed by their bytes, kept in the database so that the backup holds them.
CREATE TABLE report_files (
    id           INTEGER PRIMARY KEY,
    report_id    INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    data         BLOB    NOT NULL,
    uploaded_by  INTEGER REFERENCES users(id),
    created_at   BIGINT  NOT NULL
);
CREATE INDEX report_files_report ON report_files (report_id, id);
CREATE INDEX report_files_uploaded_by ON report_files (uploaded_by) WHERE uploaded_by IS NOT NULL;

-- +goose Down
DROP TABLE report_files;
