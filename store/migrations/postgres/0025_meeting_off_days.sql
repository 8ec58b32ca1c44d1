-- +goose Up
-- What a series does with a sitting that falls on a day off (congtac.OffDayRule): '' keeps
-- it and flags it, 'skip' does not sit, 'next' sits on the next working day.
ALTER TABLE meetings ADD COLUMN off_days TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE meetings DROP COLUMN off_days;
