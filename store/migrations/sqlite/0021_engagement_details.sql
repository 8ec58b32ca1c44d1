-- +goose Up
-- A calendar entry as offices write it: the office staff who go with the leader (cán bộ
-- Văn phòng đi cùng) and a note ("lịch có thể thay đổi").
ALTER TABLE engagements ADD COLUMN accompany TEXT NOT NULL DEFAULT '';
ALTER TABLE engagements ADD COLUMN note TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE engagements DROP COLUMN note;
ALTER TABLE engagements DROP COLUMN accompany;
