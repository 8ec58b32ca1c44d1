package store

import (
	"context"
	"database/sql"
	"fmt"

	"congtac"
)

const taskColumns = `t.id, t.program_id, t.item_id, t.position, t.text, t.sector, t.lead_id, t.leader_id,
	t.due_date, t.due_precision, t.due_text, t.rrule, t.rrule_start, t.target, t.source, t.carried_from,
	t.keeps_old_due, t.replaces, t.superseded_by,
	t.done_on, t.done_by, t.done_report_id, t.deferred_on, t.deferred_to, t.deferred_precision, t.deferred_text, t.defer_reason,
	t.deferred_approved_by, t.deferred_by,
	t.cancelled_on, t.cancel_reason, t.print_mode, t.print_lead, t.print_due, t.print_source, t.version`

// taskRow holds the columns of a task that need converting after the scan.
type taskRow struct {
	t                      congtac.Task
	rrule                  string
	rruleStart             congtac.Date
	target                 congtac.Target
	hasTarget              bool
	deferredOn, deferredTo congtac.Date
	deferredPrec           congtac.Precision
	deferredText, deferWhy string
	deferredApprover       int64
	deferredBy             int64
	cancelledOn            congtac.Date
	cancelWhy              string
}

func (r *taskRow) dest() []any {
	t := &r.t
	return []any{&t.ID, &t.ProgramID, idCol{&t.ItemID}, &t.Position, &t.Text, &t.Sector, &t.Lead,
		idCol{&t.LeaderID}, dateCol{&t.Due.Date}, &t.Due.Precision, &t.Due.Text, &r.rrule,
		dateCol{&r.rruleStart}, targetCol{&r.target, &r.hasTarget}, &t.Source, idCol{&t.CarriedFrom},
		&t.KeepsOldDue, idCol{&t.Replaces}, idCol{&t.SupersededBy},
		dateCol{&t.DoneOn}, idCol{&t.DoneBy}, idCol{&t.DoneReportID}, dateCol{&r.deferredOn}, dateCol{&r.deferredTo}, &r.deferredPrec,
		&r.deferredText, &r.deferWhy, idCol{&r.deferredApprover}, idCol{&r.deferredBy}, dateCol{&r.cancelledOn}, &r.cancelWhy, &t.Print.Mode, &t.Print.Lead, &t.Print.Due,
		&t.Print.Source, &t.Version}
}

// task converts the scanned row into a Task (without supports and occurrences).
func (r *taskRow) task() (congtac.Task, error) {
	t := r.t
	if r.rrule != "" {
		rec, err := congtac.ParseRecurrence(r.rrule, r.rruleStart)
		if err != nil {
			return t, fmt.Errorf("store: task %d rrule: %w", t.ID, err)
		}
		t.Recurrence = &rec
	}
	if r.hasTarget {
		tg := r.target
		t.Target = &tg
	}
	if !r.deferredOn.IsZero() {
		t.Deferral = &congtac.Deferral{On: r.deferredOn, Reason: r.deferWhy, ApprovedBy: r.deferredApprover,
			RecordedBy: r.deferredBy, To: congtac.Due{Date: r.deferredTo, Precision: r.deferredPrec, Text: r.deferredText}}
	}
	if !r.cancelledOn.IsZero() {
		t.Cancellation = &congtac.Cancellation{On: r.cancelledOn, Reason: r.cancelWhy}
	}
	return t, nil
}

// targetCol scans the JSON target column; "" means no target.
type targetCol struct {
	t   *congtac.Target
	has *bool
}

// Scan implements sql.Scanner.
func (c targetCol) Scan(v any) error {
	*c.has = false
	if s, ok := v.(string); ok && s == "" || v == nil {
		return nil
	}
	if b, ok := v.([]byte); ok && len(b) == 0 {
		return nil
	}
	*c.has = true
	return jsonCol{c.t}.Scan(v)
}

// queryer is what both *sql.DB and *sql.Tx offer for reads.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// queryTasks runs a query selecting taskColumns from "tasks t" and returns the tasks with
// their supports and occurrences attached.
func (s *Store) queryTasks(ctx context.Context, q queryer, query string, args ...any) ([]congtac.Task, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: tasks: %w", err)
	}
	defer rows.Close()
	var tasks []congtac.Task
	var r taskRow
	dest := r.dest()
	for rows.Next() {
		r = taskRow{}
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("store: tasks: %w", err)
		}
		t, err := r.task()
		if err != nil {
			return nil, err
		}
		tasks = append(tasks, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: tasks: %w", err)
	}
	if err := s.attachTaskParts(ctx, q, tasks); err != nil {
		return nil, err
	}
	return tasks, nil
}

// attachTaskParts loads the shares and supports of every task and the occurrences of
// recurring ones in two queries.
func (s *Store) attachTaskParts(ctx context.Context, q queryer, tasks []congtac.Task) error {
	if len(tasks) == 0 {
		return nil
	}
	index := make(map[int64]int, len(tasks))
	ids := make([]int64, len(tasks))
	var recurring []int64
	for i, t := range tasks {
		index[t.ID], ids[i] = i, t.ID
		if t.Recurrence != nil {
			recurring = append(recurring, t.ID)
		}
	}
	var w where
	w.add(s.inIDs("task_id", ids))
	rows, err := q.QueryContext(ctx, "SELECT task_id, org_id, done_on, share FROM task_supports "+w.String()+
		" ORDER BY task_id, position", w.args...)
	if err != nil {
		return fmt.Errorf("store: task supports: %w", err)
	}
	for rows.Next() {
		var id int64
		var sp congtac.Support
		var share bool
		if err := rows.Scan(&id, &sp.OrgID, dateCol{&sp.DoneOn}, &share); err != nil {
			rows.Close()
			return fmt.Errorf("store: task supports: %w", err)
		}
		t := &tasks[index[id]]
		if share {
			t.Shares = append(t.Shares, sp)
		} else {
			t.Support = append(t.Support, sp)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: task supports: %w", err)
	}
	if len(recurring) == 0 {
		return nil
	}
	w = where{}
	w.add(s.inIDs("task_id", recurring))
	rows, err = q.QueryContext(ctx, "SELECT task_id, due_date, done_on FROM task_occurrences "+w.String()+
		" ORDER BY task_id, due_date", w.args...)
	if err != nil {
		return fmt.Errorf("store: task occurrences: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var o congtac.Occurrence
		if err := rows.Scan(&id, dateCol{&o.Due}, dateCol{&o.DoneOn}); err != nil {
			return fmt.Errorf("store: task occurrences: %w", err)
		}
		t := &tasks[index[id]]
		t.Occurrences = append(t.Occurrences, o)
	}
	return rows.Err()
}
