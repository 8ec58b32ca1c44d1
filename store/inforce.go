package store

import (
	"context"
	"database/sql"
	"fmt"

	"congtac"
)

// inForceSQL limits the tasks aliased t to those in force ([congtac.Task.InForce]): of an
// issued program, and not taken over by a newer copy. The database keeps that in the
// task's in_force ([inForceValueSQL]), recomputed with its status line before every write
// transaction commits, so that lists read it, and their order, from one index
// (tasks_listed, migration 0014).
const inForceSQL = "t.in_force"

// inForceValueSQL is the value of in_force of the row of tasks being updated.
const inForceValueSQL = "(tasks.superseded_by IS NULL AND EXISTS (SELECT 1 FROM programs ip WHERE ip.id = tasks.program_id AND ip.status = 'issued'))"

// checkInForce refuses (EINVALID) a report or a change of execution state on task t of
// program p when t is not in force: its program is not issued yet, or a later issued
// program carries it on, in which case the message names that program and task.
func checkInForce(ctx context.Context, q queryer, t congtac.Task, p congtac.Program) error {
	if t.InForce(p.Status) {
		return nil
	}
	next, ok := t.Successor()
	if !ok {
		return congtac.Errorf(congtac.EINVALID, "Nhiệm vụ thuộc chương trình chưa ban hành (trạng thái: %s): chỉ báo cáo và cập nhật tiến độ khi chương trình đã ban hành.",
			p.Status.Label())
	}
	var title, symbol string
	var number sql.NullInt64
	err := q.QueryRowContext(ctx, `SELECT p.title, p.number, p.symbol FROM tasks t JOIN programs p ON p.id = t.program_id
		WHERE t.id = $1`, next).Scan(&title, &number, &symbol)
	if err != nil {
		return fmt.Errorf("store: successor of task %d: %w", t.ID, err)
	}
	return congtac.Errorf(congtac.EINVALID, "Nhiệm vụ đã chuyển tiếp sang chương trình %s (số %s), nhiệm vụ số %d; hãy báo cáo, cập nhật tiến độ tại đó.",
		lowerInitial(title), congtac.FormatNumber(int(number.Int64), symbol), next)
}

// takeOver puts the tasks of program id, being issued, in force in place of the tasks they
// carry on or replace, which get superseded_by. An amendment's copies first take over the
// execution state of the tasks they replace (completion, deferral, cancellation, the
// occurrences done, the support orgs' completions), and carried copies what was done since
// the draft was made (completion or cancellation, the deferral decided last, occurrences of
// their own span, support orgs' completions), so that nothing done, deferred or reported is
// lost; the reports stay on the older task and show in the task's history. A carried copy
// is never deferred in its draft, so the deferral of the task it carries on is always the
// newest; every copy gets the deferrals of the task it takes over, so that its history is
// whole. It returns how many tasks were superseded.
func takeOver(ctx context.Context, tx *sql.Tx, id int64) (int64, error) {
	steps := []string{
		`UPDATE tasks SET (done_on, done_by, done_report_id, deferred_on, deferred_to, deferred_precision, deferred_text,
			defer_reason, deferred_approved_by, deferred_by, cancelled_on, cancel_reason) = (SELECT o.done_on, o.done_by,
			o.done_report_id, o.deferred_on, o.deferred_to, o.deferred_precision, o.deferred_text, o.defer_reason,
			o.deferred_approved_by, o.deferred_by, o.cancelled_on, o.cancel_reason
			FROM tasks o WHERE o.id = tasks.replaces)
			WHERE program_id = $1 AND replaces IS NOT NULL`,
		`UPDATE tasks SET (done_on, done_by, done_report_id, cancelled_on, cancel_reason) = (SELECT o.done_on, o.done_by,
			o.done_report_id, o.cancelled_on, o.cancel_reason FROM tasks o WHERE o.id = tasks.carried_from)
			WHERE program_id = $1 AND replaces IS NULL AND carried_from IN (SELECT id FROM tasks
				WHERE done_on IS NOT NULL OR cancelled_on IS NOT NULL)`,
		`UPDATE tasks SET (deferred_on, deferred_to, deferred_precision, deferred_text, defer_reason, deferred_approved_by,
			deferred_by) = (SELECT o.deferred_on, o.deferred_to, o.deferred_precision, o.deferred_text, o.defer_reason,
			o.deferred_approved_by, o.deferred_by
			FROM tasks o WHERE o.id = tasks.carried_from)
			WHERE program_id = $1 AND replaces IS NULL AND carried_from IN (SELECT id FROM tasks WHERE deferred_on IS NOT NULL)`,
		`INSERT INTO task_deferrals (task_id, decided_on, due_date, due_precision, due_text, reason, approved_by,
				recorded_by, created_at)
			SELECT c.id, d.decided_on, d.due_date, d.due_precision, d.due_text, d.reason, d.approved_by, d.recorded_by,
				d.created_at
			FROM tasks c JOIN task_deferrals d ON d.task_id = COALESCE(c.replaces, c.carried_from)
			WHERE c.program_id = $1 AND NOT EXISTS (SELECT 1 FROM task_deferrals x WHERE x.task_id = c.id)
			ORDER BY d.id`,
		`INSERT INTO task_occurrences (task_id, due_date, done_on) SELECT c.id, o.due_date, o.done_on
			FROM tasks c JOIN task_occurrences o ON o.task_id = COALESCE(c.replaces, c.carried_from)
			WHERE c.program_id = $1 AND (c.replaces IS NOT NULL OR o.due_date >= c.rrule_start)
			ON CONFLICT DO NOTHING`,
		`UPDATE task_supports SET done_on = (SELECT o.done_on FROM task_supports o JOIN tasks c
				ON COALESCE(c.replaces, c.carried_from) = o.task_id
			WHERE c.id = task_supports.task_id AND o.org_id = task_supports.org_id)
			WHERE done_on IS NULL AND task_id IN (SELECT id FROM tasks WHERE program_id = $1
				AND (replaces IS NOT NULL OR carried_from IS NOT NULL))`,
	}
	for _, q := range steps {
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return 0, fmt.Errorf("store: take over tasks: %w", err)
		}
	}
	res, err := tx.ExecContext(ctx, `UPDATE tasks SET superseded_by = (SELECT c.id FROM tasks c WHERE c.program_id = $1
		AND (c.carried_from = tasks.id OR c.replaces = tasks.id) ORDER BY c.id LIMIT 1)
		WHERE superseded_by IS NULL AND id IN (SELECT carried_from FROM tasks WHERE program_id = $1 AND carried_from IS NOT NULL
			UNION SELECT replaces FROM tasks WHERE program_id = $1 AND replaces IS NOT NULL)`, id)
	if err != nil {
		return 0, fmt.Errorf("store: supersede tasks: %w", err)
	}
	return res.RowsAffected()
}

// checkReady refuses (EINVALID, one problem per task) to submit or issue program p when
// [congtac.Program.CheckReady] finds tasks that would print wrong, or when a task carried
// into it was meanwhile carried into another issued program, which would put it in force
// twice.
func (s *Store) checkReady(ctx context.Context, tx *sql.Tx, p congtac.Program) error {
	tasks, err := s.queryTasks(ctx, tx, "SELECT "+taskColumns+" FROM tasks t WHERE t.program_id = $1 ORDER BY t.item_id, t.position, t.id", p.ID)
	if err != nil {
		return err
	}
	p.Tasks = tasks
	rows, err := tx.QueryContext(ctx, `SELECT c.id FROM tasks c JOIN tasks o ON o.id = c.carried_from
		WHERE c.program_id = $1 AND o.superseded_by IS NOT NULL AND o.superseded_by <> c.id
			AND (c.replaces IS NULL OR o.superseded_by <> c.replaces)`, p.ID)
	if err != nil {
		return fmt.Errorf("store: check program: %w", err)
	}
	defer rows.Close()
	settled := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return fmt.Errorf("store: check program: %w", err)
		}
		settled[id] = true
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: check program: %w", err)
	}
	return p.CheckReady(settled)
}

// SettleCarriedDeadlines decides at once, for every task carried into the editable
// program id that still waits for it ([congtac.Task.AwaitsDueChoice]), to keep the
// missed deadline (keep) or to take due instead, which must fall within the program's
// periods (EINVALID otherwise). It returns how many tasks changed; each change is audited.
func (s *Store) SettleCarriedDeadlines(ctx context.Context, a congtac.Actor, id int64, keep bool, due congtac.Due) (int, error) {
	n := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		p, err := s.editableProgram(ctx, tx, a, id)
		if err != nil {
			return err
		}
		tasks, err := s.queryTasks(ctx, tx, "SELECT "+taskColumns+" FROM tasks t WHERE t.program_id = $1 ORDER BY t.id", id)
		if err != nil {
			return err
		}
		for _, before := range tasks {
			if !before.AwaitsDueChoice(p) {
				continue
			}
			t := before
			t.KeepsOldDue = keep
			if !keep {
				t.Due = due
				if err := t.CheckIn(p); err != nil {
					return err
				}
			}
			if _, err := tx.ExecContext(ctx, `UPDATE tasks SET keeps_old_due = $1, due_date = $2, due_precision = $3,
				due_text = $4, search = $5, version = version + 1, updated_at = $6 WHERE id = $7`,
				t.KeepsOldDue, nullDate(t.Due.Date), t.Due.Precision, t.Due.Text, taskSearch(t), s.now().Unix(), t.ID); err != nil {
				return fmt.Errorf("store: settle deadlines: %w", err)
			}
			t.Version++
			if err := s.audit(ctx, tx, a, "update", "task", t.ID, p.OrgID, before, t); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}
