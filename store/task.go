package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"congtac"
	"congtac/vn"
)

func taskSearch(t congtac.Task) string {
	return vn.SearchKey(t.Text, t.Source, t.Due.Text)
}

// normalizeTask puts a task's texts in NFC with trimmed spaces.
func normalizeTask(t congtac.Task) congtac.Task {
	t.Text = cleanText(t.Text)
	t.Source = cleanText(t.Source)
	t.Due.Text = cleanText(t.Due.Text)
	return t
}

// taskArgs returns the values of the editable columns, in the order of the INSERT and
// UPDATE statements below.
func taskArgs(t congtac.Task) []any {
	rrule, rstart := "", any(nil)
	if t.Recurrence != nil {
		rrule, rstart = t.Recurrence.String(), t.Recurrence.Start.String()
	}
	target := ""
	if t.Target != nil {
		target = mustJSON(t.Target)
	}
	return []any{nullID(t.ItemID), t.Position, t.Text, t.Sector, t.Lead, nullID(t.LeaderID),
		nullDate(t.Due.Date), t.Due.Precision, t.Due.Text, rrule, rstart, target, t.Source, taskSearch(t),
		t.Print.Mode, t.Print.Lead, t.Print.Due, t.Print.Source, t.KeepsOldDue}
}

// insertTask writes a validated task with its shares and supports, and the deferral of a
// task carried over while deferred (dated or not), and returns its ID.
func (s *Store) insertTask(ctx context.Context, tx *sql.Tx, t congtac.Task) (int64, error) {
	now := s.now().Unix()
	args := append([]any{t.ProgramID}, taskArgs(t)...)
	args = append(args, nullID(t.CarriedFrom), nullID(t.Replaces), now)
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO tasks (program_id, item_id, position, text, sector, lead_id,
		leader_id, due_date, due_precision, due_text, rrule, rrule_start, target, source, search,
		print_mode, print_lead, print_due, print_source, keeps_old_due, carried_from, replaces, version, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, 1, $23, $23)
		RETURNING id`, args...).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("store: insert task: %w", err)
	}
	if d := t.Deferral; d != nil { // a deferral carried over stays in force
		if err := setDeferral(ctx, tx, id, *d); err != nil {
			return 0, err
		}
	}
	if err := insertParts(ctx, tx, id, t.Shares, true); err != nil {
		return 0, err
	}
	return id, insertParts(ctx, tx, id, t.Support, false)
}

// editableProgram returns the program of id, locked until tx ends ([Store.lockProgram]),
// when a may change its content: EFORBIDDEN when a's DraftPrograms does not reach its
// issuing org, EINVALID when its status allows no change.
func (s *Store) editableProgram(ctx context.Context, tx *sql.Tx, a congtac.Actor, id int64) (congtac.Program, error) {
	p, err := s.programToChange(ctx, tx, a, id, congtac.DraftPrograms)
	if err != nil {
		return p, err
	}
	if !p.Status.Editable() {
		return p, congtac.StatusError("Chương trình", p.Status.Label(), "không sửa được nội dung")
	}
	return p, nil
}

// checkTask validates a task on its own and against its program, which must be editable,
// and its item, which must be one of the program's (EINVALID on item_id otherwise).
func (s *Store) checkTask(ctx context.Context, tx *sql.Tx, a congtac.Actor, t congtac.Task) (congtac.Program, error) {
	p, err := s.editableProgram(ctx, tx, a, t.ProgramID)
	if err != nil {
		return p, err
	}
	if err := t.Validate(); err != nil {
		return p, err
	}
	if err := checkTaskItem(ctx, tx, t); err != nil {
		return p, err
	}
	return p, t.CheckIn(p)
}

// checkTaskItem refuses (EINVALID on item_id) a task whose item is not one of its program's.
func checkTaskItem(ctx context.Context, tx *sql.Tx, t congtac.Task) error {
	if t.ItemID == 0 {
		return nil
	}
	var program int64
	err := tx.QueryRowContext(ctx, "SELECT program_id FROM items WHERE id = $1", t.ItemID).Scan(&program)
	if err != nil && err != sql.ErrNoRows {
		return fmt.Errorf("store: task item: %w", err)
	}
	if program != t.ProgramID {
		return congtac.FieldError("item_id", "Mục %d không thuộc chương trình của nhiệm vụ.", t.ItemID)
	}
	return nil
}

// CreateTask adds a task to a draft or returned program, at t.Position among the tasks of
// its item (other tasks keep theirs). A task led by a group gets one share per member
// active today (see [Store.IssueProgram] for the members that count). The program is
// locked, the task's orgs and item are checked, the task and its search key are written and
// the creation is audited, in one transaction whose cost does not grow with the program:
// no other task is read or renumbered, and no version is kept (versions are kept on
// transitions, [Store.TransitionProgram]).
func (s *Store) CreateTask(ctx context.Context, a congtac.Actor, t congtac.Task) (congtac.Task, error) {
	return s.createTask(ctx, a, t, false)
}

// AppendTask adds a task as [Store.CreateTask] does, after the last task of its item:
// t.Position is not read but set, inside the transaction, to one more than the highest
// position among the item's tasks (0 for the first), so that two drafters adding to the
// same item at once both come last, one after the other.
func (s *Store) AppendTask(ctx context.Context, a congtac.Actor, t congtac.Task) (congtac.Task, error) {
	return s.createTask(ctx, a, t, true)
}

// createTask is [Store.CreateTask], or [Store.AppendTask] when last.
func (s *Store) createTask(ctx context.Context, a congtac.Actor, t congtac.Task, last bool) (congtac.Task, error) {
	t = normalizeTask(t)
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.resolveShares(ctx, tx, &t, s.today()); err != nil {
			return err
		}
		p, err := s.checkTask(ctx, tx, a, t)
		if err != nil {
			return err
		}
		if last {
			if t.Position, err = nextTaskPosition(ctx, tx, t.ProgramID, t.ItemID); err != nil {
				return err
			}
		}
		if t.ID, err = s.insertTask(ctx, tx, t); err != nil {
			return err
		}
		t.Version = 1
		return s.audit(ctx, tx, a, "create", "task", t.ID, p.OrgID, nil, t)
	})
	return t, err
}

// nextTaskPosition returns the position after the last task of item (0: the tasks of the
// program outside any item) in program, 0 when it has none; one index lookup.
func nextTaskPosition(ctx context.Context, tx *sql.Tx, program, item int64) (int, error) {
	q := "SELECT coalesce(max(position) + 1, 0) FROM tasks WHERE program_id = $1 AND item_id = $2"
	args := []any{program, item}
	if item == 0 {
		q, args = "SELECT coalesce(max(position) + 1, 0) FROM tasks WHERE program_id = $1 AND item_id IS NULL", args[:1]
	}
	var n int
	if err := tx.QueryRowContext(ctx, q, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: task position: %w", err)
	}
	return n, nil
}

func findTask(ctx context.Context, s *Store, q queryer, id int64) (congtac.Task, error) {
	tasks, err := s.queryTasks(ctx, q, "SELECT "+taskColumns+" FROM tasks t WHERE t.id = $1", id)
	if err != nil {
		return congtac.Task{}, err
	}
	if len(tasks) == 0 {
		return congtac.Task{}, notFound("nhiệm vụ")
	}
	return tasks[0], nil
}

// FindTaskByID returns one task with its supports and occurrences, or ENOTFOUND.
func (s *Store) FindTaskByID(ctx context.Context, id int64) (congtac.Task, error) {
	var t congtac.Task
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		t, err = findTask(ctx, s, tx, id)
		return err
	})
	return t, err
}

// UpdateTask changes a task of an editable program. version is the version the user read;
// ECONFLICT when it moved. A new lead that is a group gives the task its members' shares.
func (s *Store) UpdateTask(ctx context.Context, a congtac.Actor, id int64, version int, u congtac.TaskUpdate) (congtac.Task, error) {
	var t congtac.Task
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := findTask(ctx, s, tx, id)
		if err != nil {
			return err
		}
		t = normalizeTask(u.Apply(before))
		if err := s.resolveShares(ctx, tx, &t, s.today()); err != nil {
			return err
		}
		p, err := s.checkTask(ctx, tx, a, t)
		if err != nil {
			return err
		}
		if before.Version != version { // after validation: a malformed change is not a conflict
			return conflict("Nhiệm vụ")
		}
		args := append(taskArgs(t), s.now().Unix(), id, version)
		res, err := tx.ExecContext(ctx, `UPDATE tasks SET item_id = $1, position = $2, text = $3, sector = $4,
			lead_id = $5, leader_id = $6, due_date = $7, due_precision = $8, due_text = $9, rrule = $10,
			rrule_start = $11, target = $12, source = $13, search = $14, print_mode = $15, print_lead = $16,
			print_due = $17, print_source = $18, keeps_old_due = $19, version = version + 1, updated_at = $20
			WHERE id = $21 AND version = $22`, args...)
		if err != nil {
			return fmt.Errorf("store: update task: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return conflict("Nhiệm vụ")
		}
		if !slices.Equal(t.Shares, before.Shares) {
			if err := writeParts(ctx, tx, id, t.Shares, true); err != nil {
				return err
			}
		}
		if u.Support != nil {
			if err := writeParts(ctx, tx, id, t.Support, false); err != nil {
				return err
			}
		}
		t.Version = version + 1
		return s.audit(ctx, tx, a, "update", "task", id, p.OrgID, before, t)
	})
	return t, err
}

// DeleteTask removes a task from an editable program.
func (s *Store) DeleteTask(ctx context.Context, a congtac.Actor, id int64, version int) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := findTask(ctx, s, tx, id)
		if err != nil {
			return err
		}
		if before.Version != version {
			return conflict("Nhiệm vụ")
		}
		p, err := s.editableProgram(ctx, tx, a, before.ProgramID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM tasks WHERE id = $1", id); err != nil {
			return fmt.Errorf("store: delete task: %w", err)
		}
		return s.audit(ctx, tx, a, "delete", "task", id, p.OrgID, before, nil)
	})
}
