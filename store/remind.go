package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"congtac"
)

// What the reminders of a day are decided from (package remind): the tasks coming due or
// overdue, and whether the day's deadlines were decided already.

// FindTasksToRemind returns the open tasks in force a deadline reminder may be due for on a
// day up to by: those whose deadline in force falls on or before by (the overdue ones
// among them, read from the status columns) and every recurring one, whose occurrences
// fall due again and again; each with the committee whose issued program lists it (task ID
// → org ID). Reading the candidates from the index first keeps the province's tasks that
// are far from due out of memory.
func (s *Store) FindTasksToRemind(ctx context.Context, by congtac.Date) ([]congtac.Task, map[int64]int64, error) {
	var tasks []congtac.Task
	issuer := map[int64]int64{}
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT t.id, p.org_id FROM tasks t JOIN programs p ON p.id = t.program_id
			WHERE `+inForceSQL+` AND t.done_on IS NULL AND t.cancelled_on IS NULL
			AND ((t.status_last = 'O' AND t.status_since <= $1) OR t.rrule <> '') ORDER BY t.id`,
			by.AddDays(1).String())
		if err != nil {
			return err
		}
		var ids []int64
		for rows.Next() {
			var id, org int64
			if err := rows.Scan(&id, &org); err != nil {
				rows.Close()
				return err
			}
			ids, issuer[id] = append(ids, id), org
		}
		if err := rows.Close(); err != nil {
			return err
		}
		for chunk := range slices.Chunk(ids, maxTaskPage) {
			page, err := s.tasksByID(ctx, tx, chunk, "t.id")
			if err != nil {
				return err
			}
			tasks = append(tasks, page...)
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("store: tasks to remind: %w", err)
	}
	return tasks, issuer, nil
}

// RemindersDecided reports whether the deadlines of day were decided already
// ([Store.MarkRemindersDecided]): later runs of the day skip them.
func (s *Store) RemindersDecided(ctx context.Context, day congtac.Date) (bool, error) {
	var n int
	err := s.read.QueryRowContext(ctx, "SELECT count(*) FROM reminder_runs WHERE day = $1", day.String()).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("store: reminder runs: %w", err)
	}
	return n > 0, nil
}

// MarkRemindersDecided records that the deadlines of day were decided, recorded notifications
// among them; a second mark of the day is ignored.
func (s *Store) MarkRemindersDecided(ctx context.Context, day congtac.Date, recorded int) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO reminder_runs (day, finished_at, recorded) VALUES ($1, $2, $3)
			ON CONFLICT (day) DO NOTHING`, day.String(), s.now().Unix(), recorded)
		if err != nil {
			return fmt.Errorf("store: mark reminders decided: %w", err)
		}
		return nil
	})
}
