package store

import (
	"context"
	"database/sql"
	"fmt"
	"maps"

	"congtac"
)

// Task lists: the tasks in force, filtered and counted by the database, a page at a time.

// FindTasksByID returns the tasks of ids that exist, in force or not, with their shares,
// supports and occurrences, by ID: the tasks a page of reports is on, read at once.
func (s *Store) FindTasksByID(ctx context.Context, ids []int64) ([]congtac.Task, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	var tasks []congtac.Task
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		tasks, err = s.tasksByID(ctx, tx, ids, "t.id")
		return err
	})
	return tasks, err
}

// tasksByID returns the tasks of ids with their shares, supports and occurrences, in order.
func (s *Store) tasksByID(ctx context.Context, tx *sql.Tx, ids []int64, order string) ([]congtac.Task, error) {
	var w where
	w.add(s.inIDs("t.id", ids))
	return s.queryTasks(ctx, tx, "SELECT "+taskColumns+" FROM tasks t "+w.String()+" ORDER BY "+order, w.args...)
}

// FindTasks returns the tasks in force ([congtac.Task.InForce]) matching f, in the order
// of task lists ([congtac.TaskKey]: what needs attention first), and the number that
// match without Limit, Offset and After. It is the cross-program view: each task once, at
// its current state; the tasks of one program as it was written come with
// [Store.FindProgramByID].
func (s *Store) FindTasks(ctx context.Context, f congtac.TaskFilter) ([]congtac.Task, int, error) {
	var tasks []congtac.Task
	var total int
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		w, from, err := s.taskWhere(ctx, tx, f)
		if err != nil {
			return err
		}
		s.addTaskStatus(&w, f)
		count := query{"SELECT count(*) FROM " + from + " " + w.String(), w.args}
		total, err = keptOf(ctx, s, tx, taskCounters, count, func() (n int, err error) {
			if err := tx.QueryRowContext(ctx, count.sql, count.args...).Scan(&n); err != nil {
				return 0, fmt.Errorf("store: count tasks: %w", err)
			}
			return n, nil
		})
		if err != nil || total <= f.Offset {
			return err
		}
		tasks, err = s.taskPage(ctx, tx, taskPageSQL(f, w, from))
		return err
	})
	return tasks, total, err
}

// FindTaskList returns the task list f asks for, read in one snapshot: the page of the
// tasks in force matching f (as [Store.FindTasks] orders and pages them), and the number
// of tasks with each status as of f.AsOf (today when zero) among those matching every
// filter but f.Status. Statuses are read from the status columns ([statusAtSQL]), so the
// database filters and counts without the tasks being loaded: only the page is.
func (s *Store) FindTaskList(ctx context.Context, f congtac.TaskFilter) (congtac.TaskList, error) {
	f = s.listFilter(f)
	var out congtac.TaskList
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		count, page, err := s.taskListSQL(ctx, tx, f)
		if err != nil {
			return err
		}
		counts, err := keptOf(ctx, s, tx, taskCounters, count, func() (congtac.Counts, error) {
			return countStatuses(ctx, tx, count, f.AsOf)
		})
		if err != nil {
			return err
		}
		out.Counts = maps.Clone(counts)
		out.Total, out.Matched = out.Counts.Total(), out.Counts.Total()
		if f.Status != nil {
			out.Matched = out.Counts[*f.Status]
		}
		if out.Matched <= f.Offset {
			return nil
		}
		if out.Tasks, err = s.taskPage(ctx, tx, page); err != nil {
			return err
		}
		if len(out.Tasks) > f.Limit {
			out.Tasks = out.Tasks[:f.Limit]
			next := congtac.KeyOf(out.Tasks[f.Limit-1])
			out.Next = &next
		}
		return nil
	})
	return out, err
}

// taskCounters are the change counters of what task lists read: the tasks with their
// parts and programs, and the org tree of reaches.
var taskCounters = []string{tasksChanged, orgsChanged}

// listFilter returns f with the day of its statuses (today when zero) and its limit set.
func (s *Store) listFilter(f congtac.TaskFilter) congtac.TaskFilter {
	if f.AsOf.IsZero() {
		f.AsOf = s.today()
	}
	f.Limit = pageLimit(f.Limit, maxTaskPage)
	return f
}

// query is an SQL statement with its arguments.
type query struct {
	sql  string
	args []any
}

// taskListSQL returns the queries of [Store.FindTaskList] for f, as [Store.listFilter]
// leaves it: the counts by status, and the IDs of the page with one task more, which tells
// whether a next page follows.
func (s *Store) taskListSQL(ctx context.Context, q queryer, f congtac.TaskFilter) (count, page query, err error) {
	w, from, err := s.taskWhere(ctx, q, f)
	if err != nil {
		return count, page, err
	}
	count = countStatusesSQL(w, from, f.AsOf)
	s.addTaskStatus(&w, f)
	f.Limit++
	return count, taskPageSQL(f, w, from), nil
}

// maxTaskPage is the most tasks one page of a list holds.
const maxTaskPage = 5000

// pageLimit returns limit, or max when limit is not positive or above it.
func pageLimit(limit, max int) int {
	if limit <= 0 || limit > max {
		return max
	}
	return limit
}

// taskWhere returns the conditions of f but Status and paging, on "tasks t", and the tables
// they read from.
func (s *Store) taskWhere(ctx context.Context, q queryer, f congtac.TaskFilter) (where, string, error) {
	var w where
	from := "tasks t"
	if f.ID != nil {
		w.add("t.id = ?", *f.ID)
	}
	if f.ProgramID != nil {
		w.add("t.program_id = ?", *f.ProgramID)
	}
	if f.Lead != nil {
		w.add("t.lead_id = ?", *f.Lead)
	}
	if f.OrgID != nil {
		// A union of two index lookups; "lead_id = ? OR id IN (…)" makes PostgreSQL scan.
		w.add("t.id IN (SELECT id FROM tasks WHERE lead_id = ? UNION SELECT task_id FROM task_supports WHERE org_id = ?)",
			*f.OrgID, *f.OrgID)
	}
	if f.LeaderID != nil {
		w.add("t.leader_id = ?", *f.LeaderID)
	}
	if f.Sector != nil {
		w.add("t.sector = ?", *f.Sector)
	}
	if f.Period != nil || f.Issuer != nil {
		from = "tasks t JOIN programs p ON p.id = t.program_id"
	}
	if f.Period != nil {
		w.add("p.period_key = ?", f.Period.Key())
	}
	if f.Issuer != nil {
		w.add("p.org_id = ?", *f.Issuer)
	}
	if f.DueFrom != nil {
		w.add("t.due_date >= ?", f.DueFrom.String())
	}
	if f.DueTo != nil {
		w.add("t.due_date <= ?", f.DueTo.String())
	}
	if f.Open {
		w.add("t.done_on IS NULL AND t.cancelled_on IS NULL")
	}
	if f.Unreported {
		w.add(`NOT EXISTS (SELECT 1 FROM reports r WHERE r.status <> 'draft'
			AND (r.task_id = t.id OR r.task_id = t.carried_from OR r.task_id = t.replaces))`)
	}
	if f.Listed && f.Period != nil {
		w.add("p.status = 'issued'") // as the roll-up counts: every task the period's issued programs list
	} else {
		w.add(inForceSQL)
	}
	if err := s.addTaskSearch(ctx, q, &w, f.Query); err != nil {
		return w, from, err
	}
	return w, from, s.addTaskReach(ctx, q, &w, f.Reach)
}

// addTaskStatus adds f's status filter to w: the status as of f.AsOf (today when zero).
func (s *Store) addTaskStatus(w *where, f congtac.TaskFilter) {
	if f.Status == nil {
		return
	}
	asOf := f.AsOf
	if asOf.IsZero() {
		asOf = s.today()
	}
	w.add(statusIsSQL(w.arg(asOf.String()), w.arg(string(statusCode(*f.Status)))))
}

// taskOrder is the order of task lists ([congtac.TaskKey]), read from the status columns:
// status_last is the status a task keeps from status_since on. Migration 0028 indexes it.
const taskOrder = "(t.status_last IN ('T', 'L', 'C')), " +
	"(CASE WHEN t.status_last = 'O' THEN t.status_since ELSE '9999-99-99' END), t.id"

// taskPageSQL returns the query of the IDs of the page of the tasks of from matching w:
// after f.After, or from f.Offset, at most f.Limit, in list order.
func taskPageSQL(f congtac.TaskFilter, w where, from string) query {
	w = w.clone()
	if k := f.After; k != nil {
		late := "9999-99-99"
		if !k.Late.IsZero() {
			late = k.Late.String()
		}
		w.add("("+taskOrder+") > (?, ?, ?)", k.Closed, late, k.ID)
	}
	return query{"SELECT t.id FROM " + from + " " + w.String() + " ORDER BY " + taskOrder +
		w.page(f.Limit, f.Offset, maxTaskPage), w.args}
}

// taskPage runs the query of a page's IDs ([taskPageSQL]) and returns its tasks with their
// shares, supports and occurrences. Finding the IDs first, from what the index tasks_listed
// holds, and only then reading their rows lets the planners walk the index in list order
// instead of sorting every match.
func (s *Store) taskPage(ctx context.Context, tx *sql.Tx, page query) ([]congtac.Task, error) {
	rows, err := tx.QueryContext(ctx, page.sql, page.args...)
	if err != nil {
		return nil, fmt.Errorf("store: tasks: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: tasks: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil || len(ids) == 0 {
		return nil, err
	}
	return s.tasksByID(ctx, tx, ids, taskOrder)
}

// countStatusesSQL returns the query of the number of tasks of from matching w with each
// status as of asOf, by status code.
func countStatusesSQL(w where, from string, asOf congtac.Date) query {
	w = w.clone()
	day := w.arg(asOf.String())
	return query{"SELECT s.code, count(*) FROM (SELECT " + statusAtSQL(day) + " AS code FROM " + from + " " +
		w.String() + ") s GROUP BY s.code", w.args}
}

// countStatuses runs count ([countStatusesSQL]) and returns its counts.
func countStatuses(ctx context.Context, tx *sql.Tx, count query, asOf congtac.Date) (congtac.Counts, error) {
	rows, err := tx.QueryContext(ctx, count.sql, count.args...)
	if err != nil {
		return nil, fmt.Errorf("store: count task statuses: %w", err)
	}
	defer rows.Close()
	counts := congtac.Counts{}
	for rows.Next() {
		var code string
		var n int
		if err := rows.Scan(&code, &n); err != nil {
			return nil, fmt.Errorf("store: count task statuses: %w", err)
		}
		st := statusOfCode(code)
		if st == "" {
			return nil, fmt.Errorf("store: count task statuses: %d tasks have no status as of %s (code %q)", n, asOf, code)
		}
		counts[st] += n
	}
	return counts, rows.Err()
}
