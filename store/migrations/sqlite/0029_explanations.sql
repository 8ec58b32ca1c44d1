-- +goose Up
-- Requests that a unit explain a late task (yêu cầu giải trình), and the unit's answers
-- (store.AskExplanation, store.AnswerExplanation).
CREATE TABLE explanations (
    id          INTEGER PRIMARY KEY,
    task_id     INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    org_id      INTEGER NOT NULL REFERENCES orgs(id),
    question    TEXT    NOT NULL,
    due         TEXT    NOT NULL,
    asked_by    INTEGER REFERENCES users(id),
    asked_on    TEXT    NOT NULL,
    answer      TEXT    NOT NULL DEFAULT '',
    answered_by INTEGER REFERENCES users(id),
    answered_on TEXT,
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL
);
CREATE INDEX explanations_task ON explanations (task_id, id);
CREATE INDEX explanations_org ON explanations (org_id, due, id);
CREATE INDEX explanations_open ON explanations (due, id) WHERE answered_on IS NULL;
CREATE INDEX explanations_asked_by ON explanations (asked_by) WHERE asked_by IS NOT NULL;
CREATE INDEX explanations_answered_by ON explanations (answered_by) WHERE answered_by IS NOT NULL;

-- +goose Down
DROP TABLE explanations;
