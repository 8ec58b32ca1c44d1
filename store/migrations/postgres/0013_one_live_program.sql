-- +goose Up
-- One live program per issuing org and period, kept by the database as well as by Go, so
-- that drafts created at the same moment cannot both land (store.DraftNext, CreateProgram).
-- An amendment (amends_id set) lives beside the issued program it amends, so it is left out
-- here; instead each program has at most one amendment in the making (store.AmendProgram).
-- A database that already holds two live programs of one org and period stops here with a
-- unique violation: the office decides which one stays (README, "Restore and repair").
CREATE UNIQUE INDEX programs_one_live ON programs (org_id, period_key)
    WHERE amends_id IS NULL AND status <> 'superseded';
CREATE UNIQUE INDEX programs_one_amendment ON programs (amends_id)
    WHERE status IN ('draft', 'submitted', 'returned', 'approved');

-- +goose Down
DROP INDEX programs_one_amendment;
DROP INDEX programs_one_live;
