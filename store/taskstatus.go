package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"congtac"
)

// Statuses in SQL. A task's status as of a day is computed in Go ([congtac.Task.Status]);
// to filter and count tasks by status, the database keeps the result for every day at once
// ([congtac.Task.StatusSpans]) in three columns of the task. status_since is the day of its
// last change of status ("YYYY-MM-DD", "0000-01-01" when it never changes) and status_last
// the status from that day on: what most tasks read on most days, and what the planners
// can estimate from their statistics. status_line holds the status on the calendar's first
// day and, for each change before the last one, the day it changes on and the status from
// that day on, for statusLineChanges of them at most, followed by '+' when there are more.
// A task with more changes (a recurring duty often done late) also has all its spans in
// task_status_spans. [statusAtSQL] reads the status as of a day from them. Each status is a
// letter ([statusCode]).//
// The triggers of migration 0014 mark a task stale (task_status_stale) whenever what its
// status depends on changes: the task's deadline, recurrence, completion, deferral or
// cancellation, its shares, its occurrences; and whenever whether it is in force may
// change: its superseded_by, its program's status. Every write transaction recomputes the
// stale tasks' status lines and in_force before it commits ([Store.inTx]), so that they
// always agree with the data.

// statusLineChanges is how many changes of status a status line holds before the last.
const statusLineChanges = 6

// Days that stand for the calendar's ends in task_status_spans.since and status lines.
const firstDay = "0000-01-01"

// statusCode returns the one-letter code of a status in status lines.
func statusCode(s congtac.Status) byte {
	switch s {
	case congtac.StatusDoneOnTime:
		return 'T'
	case congtac.StatusDoneLate:
		return 'L'
	case congtac.StatusInProgress:
		return 'P'
	case congtac.StatusOverdue:
		return 'O'
	case congtac.StatusDeferred:
		return 'D'
	case congtac.StatusCancelled:
		return 'C'
	}
	return '?'
}

// statusOfCode returns the status of a code written by [statusCode], and "" for any other.
func statusOfCode(c string) congtac.Status {
	for _, s := range congtac.Statuses {
		if c == string(statusCode(s)) {
			return s
		}
	}
	return ""
}

// statusColumns is what a task keeps of its status spans: status_since, status_last and
// status_line, and whether the spans have more changes than the line holds.
type statusColumns struct {
	since, last, line string
	more              bool
}

// statusColumnsOf returns the status columns of spans.
func statusColumnsOf(spans []congtac.StatusSpan) statusColumns {
	end := spans[len(spans)-1]
	c := statusColumns{since: cmp.Or(end.From.String(), firstDay), last: string(statusCode(end.Status))}
	var b strings.Builder
	b.WriteByte(statusCode(spans[0].Status))
	for i, sp := range spans[min(1, len(spans)-1) : len(spans)-1] {
		if i == statusLineChanges {
			b.WriteByte('+')
			c.more = true
			break
		}
		b.WriteString(sp.From.String())
		b.WriteByte(statusCode(sp.Status))
	}
	c.line = b.String()
	return c
}

// statusAtSQL returns the SQL expression of the status code, as of the day bound to
// placeholder day, of the task aliased t.
func statusAtSQL(day string) string {
	return "CASE WHEN t.status_since <= " + day + " THEN t.status_last ELSE " + statusBeforeLastSQL(day) + " END"
}

// statusIsSQL returns the SQL condition that the task aliased t has, as of the day bound to
// placeholder day, the status whose code is bound to placeholder code. It is written so
// that the planners estimate it from the statistics of status_since and status_last.
func statusIsSQL(day, code string) string {
	return "((t.status_since <= " + day + " AND t.status_last = " + code + ") OR (t.status_since > " + day +
		" AND " + statusBeforeLastSQL(day) + " = " + code + "))"
}

// statusBeforeLastSQL returns the SQL expression of the status code, as of the day bound to
// placeholder day, of the task aliased t when that day is before its last change: a CASE
// over its status line, and for the days after the changes the line holds, a look-up in
// task_status_spans.
func statusBeforeLastSQL(day string) string {
	var b strings.Builder
	b.WriteString("CASE")
	for i := range statusLineChanges {
		change := "substr(t.status_line, " + strconv.Itoa(2+11*i) + ", 10)"
		fmt.Fprintf(&b, " WHEN %s = '' OR %s > %s THEN substr(t.status_line, %d, 1)", change, change, day, 1+11*i)
	}
	fmt.Fprintf(&b, " WHEN substr(t.status_line, %d, 1) <> '+' THEN substr(t.status_line, %d, 1)",
		2+11*statusLineChanges, 1+11*statusLineChanges)
	b.WriteString(" ELSE (SELECT o.status FROM task_status_spans o WHERE o.task_id = t.id AND o.since <= " + day +
		" ORDER BY o.since DESC LIMIT 1) END")
	return b.String()
}

// settleBatch is how many stale tasks [Store.settleStatuses] recomputes at a time.
const settleBatch = 500

// settleStatuses recomputes, in tx, the status line (and spans) of every task marked
// stale, and clears the marks.
func (s *Store) settleStatuses(ctx context.Context, tx *sql.Tx) error {
	for {
		ids, err := staleTasks(ctx, tx)
		if err != nil || len(ids) == 0 {
			return err
		}
		var w where
		w.add(s.inIDs("t.id", ids))
		tasks, err := s.queryTasks(ctx, tx, "SELECT "+taskColumns+" FROM tasks t "+w.String(), w.args...)
		if err != nil {
			return err
		}
		if err := s.writeStatuses(ctx, tx, ids, tasks); err != nil {
			return fmt.Errorf("store: task statuses: %w", err)
		}
	}
}

// staleTasks returns up to settleBatch tasks marked stale.
func staleTasks(ctx context.Context, tx *sql.Tx) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, "SELECT task_id FROM task_status_stale ORDER BY task_id LIMIT $1", settleBatch)
	if err != nil {
		return nil, fmt.Errorf("store: stale tasks: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: stale tasks: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// writeStatuses writes the status lines and spans of tasks, and clears the stale marks of
// ids (tasks deleted since they were marked are among ids but not tasks).
func (s *Store) writeStatuses(ctx context.Context, tx *sql.Tx, ids []int64, tasks []congtac.Task) error {
	var w where
	w.add(s.inIDs("task_id", ids))
	if _, err := tx.ExecContext(ctx, "DELETE FROM task_status_spans "+w.String(), w.args...); err != nil {
		return err
	}
	lines := make([][]any, 0, len(tasks))
	var spans [][]any
	for _, t := range tasks {
		ss := t.StatusSpans()
		c := statusColumnsOf(ss)
		lines = append(lines, []any{t.ID, c.since, c.last, c.line})
		if !c.more {
			continue
		}
		for _, sp := range ss {
			spans = append(spans, []any{t.ID, cmp.Or(sp.From.String(), firstDay), string(statusCode(sp.Status))})
		}
	}
	if err := s.updateStatusLines(ctx, tx, lines); err != nil {
		return err
	}
	if err := s.batchInsert(ctx, tx, "task_status_spans", []string{"task_id", "since", "status"}, spans); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, "DELETE FROM task_status_stale "+w.String(), w.args...)
	return err
}

// updateStatusLines sets the status columns of each (id, since, last, line), and the
// task's in_force: one statement per batch on PostgreSQL, one prepared statement run per
// task on SQLite, whose planner reads the whole table for an UPDATE … FROM.
func (s *Store) updateStatusLines(ctx context.Context, tx *sql.Tx, lines [][]any) error {
	const one = "UPDATE tasks SET status_since = $1, status_last = $2, status_line = $3, in_force = " +
		inForceValueSQL + " WHERE id = $4"
	if len(lines) == 0 {
		return nil
	}
	if s.engine == SQLite || len(lines) == 1 {
		stmt, err := tx.PrepareContext(ctx, one)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, l := range lines {
			if _, err := stmt.ExecContext(ctx, l[1], l[2], l[3], l[0]); err != nil {
				return err
			}
		}
		return nil
	}
	var w where
	values := make([]string, len(lines))
	for i, l := range lines {
		values[i] = "(CAST(" + w.arg(l[0]) + " AS BIGINT), CAST(" + w.arg(l[1]) + " AS TEXT), CAST(" + w.arg(l[2]) +
			" AS TEXT), CAST(" + w.arg(l[3]) + " AS TEXT))"
	}
	_, err := tx.ExecContext(ctx, "UPDATE tasks SET status_since = v.column2, status_last = v.column3, status_line = v.column4, in_force = "+
		inForceValueSQL+" FROM (VALUES "+strings.Join(values, ", ")+") AS v WHERE tasks.id = v.column1", w.args...)
	return err
}

// settleAllStatuses recomputes every task marked stale: the status lines of a database
// migrated to 0014, at its first start. Any write transaction does it ([Store.inTx]); this
// one writes nothing else.
func (s *Store) settleAllStatuses(ctx context.Context) error {
	return s.inTx(ctx, func(*sql.Tx) error { return nil })
}
