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

// FindTasksToRemind returns the open tasks in force a deadline reminder may be due for on
// day on, each with the committee whose issued program lists it (task ID → org ID): those
// whose deadline in force is lead days away for one of leads, or is on, or was a whole
// number of weeks before on (read from the status columns: status_since is the day after
// the deadline of a task that will be overdue), and every recurring one, whose occurrences
// fall due again and again. Reading the candidates from the index first keeps the
// province's other tasks out of memory.
func (s *Store) FindTasksToRemind(ctx context.Context, on congtac.Date, leads []int) ([]congtac.Task, map[int64]int64, error) {
	var tasks []congtac.Task
	issuer := map[int64]int64{}
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var w where
		w.add(inForceSQL + " AND t.done_on IS NULL AND t.cancelled_on IS NULL")
		days, arg := s.textList(remindDays(on, leads))
		w.add("((t.status_last = 'O' AND t.status_since IN ("+days+")) OR t.rrule <> '')", arg)
		type candidate struct{ id, org int64 }
		found, err := readRows(ctx, tx, query{"SELECT t.id, p.org_id FROM tasks t JOIN programs p ON p.id = t.program_id " +
			w.String() + " ORDER BY t.id", w.args}, func(sc scanner) (c candidate, err error) { return c, sc.Scan(&c.id, &c.org) })
		if err != nil {
			return err
		}
		ids := make([]int64, len(found))
		for i, c := range found {
			ids[i], issuer[c.id] = c.id, c.org
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

// remindYears is how far back overdue tasks are reminded of, once a week.
const remindYears = 5

// remindDays returns the days after the deadlines that call for a reminder on day on, as
// status_since holds them: lead days ahead for each of leads, on the day, and every week
// of remindYears before.
func remindDays(on congtac.Date, leads []int) []string {
	var out []string
	for _, l := range leads {
		out = append(out, on.AddDays(l+1).String())
	}
	out = append(out, on.AddDays(1).String())
	for d := on; !d.Before(on.AddDays(-366 * remindYears)); d = d.AddDays(-7) {
		out = append(out, d.String())
	}
	return out
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
