package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"congtac"
)

// taskEvent loads a task for a change of its execution state, its program locked
// ([Store.lockTask]), checking that a's ManageTasks reaches the program's issuing org
// (EFORBIDDEN), the version and that the task is in force ([checkInForce]).
func (s *Store) taskEvent(ctx context.Context, tx *sql.Tx, a congtac.Actor, id int64, version int) (congtac.Task, int64, error) {
	t, p, err := s.lockTask(ctx, tx, id)
	if err != nil {
		return t, 0, err
	}
	if err := checkCan(ctx, tx, a, congtac.ManageTasks, p.OrgID); err != nil {
		return t, 0, err
	}
	if t.Version != version {
		return t, 0, conflict("Nhiệm vụ")
	}
	return t, p.OrgID, checkInForce(ctx, tx, t, p)
}

// bumpTask raises a task's version after a change of its execution state.
func (s *Store) bumpTask(ctx context.Context, tx *sql.Tx, id int64, version int) error {
	res, err := tx.ExecContext(ctx, `UPDATE tasks SET version = version + 1, updated_at = $1
		WHERE id = $2 AND version = $3`, s.now().Unix(), id, version)
	if err != nil {
		return fmt.Errorf("store: task version: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return conflict("Nhiệm vụ")
	}
	return nil
}

// CompleteTask records a completion (see [congtac.Completion]) by a, who is kept as who
// recorded it; c.ReportID, when set, must be a report on the task (on any of its copies)
// that is not a draft. A completion day after today is refused. ECONFLICT when version
// moved.
func (s *Store) CompleteTask(ctx context.Context, a congtac.Actor, id int64, version int, c congtac.Completion) (congtac.Task, error) {
	if c.DoneOn.IsZero() {
		return congtac.Task{}, congtac.FieldError("done_on", "Chưa có ngày hoàn thành.")
	}
	if c.DoneOn.After(congtac.DateOf(s.now(), congtac.Location())) {
		return congtac.Task{}, congtac.FieldError("done_on", "Ngày hoàn thành không được sau hôm nay.")
	}
	var t congtac.Task
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		before, orgID, err := s.taskEvent(ctx, tx, a, id, version)
		if err != nil {
			return err
		}
		if err := s.checkCompletionReport(ctx, tx, before, c.ReportID); err != nil {
			return err
		}
		if err := s.recordCompletion(ctx, tx, a, before, c); err != nil {
			return err
		}
		if err := s.bumpTask(ctx, tx, id, version); err != nil {
			return err
		}
		if t, err = findTask(ctx, s, tx, id); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "complete", "task", id, orgID, before, t)
	})
	return t, err
}

// checkCompletionReport refuses (EINVALID on report_id) a report that is not one sent on
// task t or on a copy t carries on.
func (s *Store) checkCompletionReport(ctx context.Context, tx *sql.Tx, t congtac.Task, reportID int64) error {
	if reportID == 0 {
		return nil
	}
	r, err := findReport(ctx, tx, reportID)
	if congtac.ErrorCode(err) == congtac.ENOTFOUND {
		return congtac.FieldError("report_id", "Không có báo cáo này.")
	} else if err != nil {
		return err
	}
	newest, _, err := s.newestCopy(ctx, tx, r.TaskID)
	if err != nil {
		return err
	}
	if newest.ID != t.ID || r.Status == congtac.ReportDraft {
		return congtac.FieldError("report_id", "Báo cáo được chọn không phải báo cáo đã gửi về nhiệm vụ này.")
	}
	return nil
}

// recordCompletion writes a completion by a without touching the version (reports use it
// too); the lead's completion keeps a as who recorded it and the report it comes from.
// On a group-led task, a completion by anyone but a support org is a member's share
// ([completeShare]).
func (s *Store) recordCompletion(ctx context.Context, tx *sql.Tx, a congtac.Actor, t congtac.Task, c congtac.Completion) error {
	var err error
	switch {
	case t.GroupLed() && !slices.ContainsFunc(t.Support, func(sp congtac.Support) bool { return sp.OrgID == c.OrgID }):
		return completeShare(ctx, tx, t, c)
	case c.OrgID != 0 && c.OrgID != t.Lead:
		var res sql.Result
		res, err = tx.ExecContext(ctx, "UPDATE task_supports SET done_on = $1 WHERE task_id = $2 AND org_id = $3",
			c.DoneOn.String(), t.ID, c.OrgID)
		if err == nil {
			if n, _ := res.RowsAffected(); n == 0 {
				return congtac.FieldError("org_id", "Đơn vị này không chủ trì hay phối hợp nhiệm vụ.")
			}
		}
	case t.Recurrence != nil:
		if c.Occurrence.IsZero() || len(t.Recurrence.Between(c.Occurrence, c.Occurrence)) == 0 {
			return congtac.FieldError("occurrence", "Kỳ báo cáo %s không thuộc lịch lặp lại của nhiệm vụ.", c.Occurrence)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO task_occurrences (task_id, due_date, done_on) VALUES ($1, $2, $3)
			ON CONFLICT (task_id, due_date) DO UPDATE SET done_on = excluded.done_on`,
			t.ID, c.Occurrence.String(), c.DoneOn.String())
	default:
		_, err = tx.ExecContext(ctx, "UPDATE tasks SET done_on = $1, done_by = $2, done_report_id = $3 WHERE id = $4",
			c.DoneOn.String(), nullID(a.UserID), nullID(c.ReportID), t.ID)
	}
	if err != nil {
		return fmt.Errorf("store: complete task: %w", err)
	}
	return nil
}

// DeferTask moves a task's deadline with a reason (giãn tiến độ), or postpones it until
// further notice when d.To has no date; d.ApprovedBy, when set, is the leader who approved
// it. The task keeps every deferral it had ([Store.FindDeferrals]), recorded by a; its
// status follows the last. ECONFLICT when version moved.
func (s *Store) DeferTask(ctx context.Context, a congtac.Actor, id int64, version int, d congtac.Deferral) (congtac.Task, error) {
	d.Reason = cleanText(d.Reason)
	if err := congtac.CheckText("reason", "Lý do giãn tiến độ", d.Reason); err != nil {
		return congtac.Task{}, err
	}
	switch {
	case d.Reason == "":
		return congtac.Task{}, congtac.FieldError("reason", "Cần ghi lý do giãn tiến độ.")
	case d.On.IsZero():
		return congtac.Task{}, congtac.FieldError("on", "Chưa có ngày quyết định giãn tiến độ.")
	}
	if err := d.To.Validate(); err != nil {
		return congtac.Task{}, err
	}
	d.RecordedBy = a.UserID
	var t congtac.Task
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		before, orgID, err := s.taskEvent(ctx, tx, a, id, version)
		if err != nil {
			return err
		}
		if !before.DoneOn.IsZero() || before.Cancellation != nil {
			return congtac.Errorf(congtac.EINVALID, "Nhiệm vụ đã hoàn thành hoặc đã hủy: không giãn tiến độ được.")
		}
		if d.ApprovedBy != 0 {
			if _, err := findPerson(ctx, tx, d.ApprovedBy); err != nil {
				return congtac.FieldError("approved_by", "Không có lãnh đạo này.")
			}
		}
		if err := s.recordDeferral(ctx, tx, id, d); err != nil {
			return err
		}
		if err := s.bumpTask(ctx, tx, id, version); err != nil {
			return err
		}
		if t, err = findTask(ctx, s, tx, id); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "defer", "task", id, orgID, before, t)
	})
	return t, err
}

// recordDeferral puts d on task id, where its status is computed from, and adds it to the
// task's deferrals.
func (s *Store) recordDeferral(ctx context.Context, tx *sql.Tx, id int64, d congtac.Deferral) error {
	if err := setDeferral(ctx, tx, id, d); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO task_deferrals (task_id, decided_on, due_date, due_precision,
		due_text, reason, approved_by, recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
		id, d.On.String(), nullDate(d.To.Date), d.To.Precision, d.To.Text, d.Reason, nullID(d.ApprovedBy),
		nullID(d.RecordedBy), s.now().Unix()); err != nil {
		return fmt.Errorf("store: defer task: %w", err)
	}
	return nil
}

// setDeferral puts d on task id as the deferral in force.
func setDeferral(ctx context.Context, tx *sql.Tx, id int64, d congtac.Deferral) error {
	if _, err := tx.ExecContext(ctx, `UPDATE tasks SET deferred_on = $1, deferred_to = $2, deferred_precision = $3,
		deferred_text = $4, defer_reason = $5, deferred_approved_by = $6, deferred_by = $7 WHERE id = $8`,
		d.On.String(), nullDate(d.To.Date), d.To.Precision, d.To.Text, d.Reason, nullID(d.ApprovedBy),
		nullID(d.RecordedBy), id); err != nil {
		return fmt.Errorf("store: defer task: %w", err)
	}
	return nil
}

// FindDeferrals returns every deferral task id had, oldest first; the last is the one in
// force ([congtac.Task.Deferral]).
func (s *Store) FindDeferrals(ctx context.Context, id int64) ([]congtac.Deferral, error) {
	return readRows(ctx, s.read, query{`SELECT decided_on, due_date, due_precision, due_text, reason, approved_by,
		recorded_by FROM task_deferrals WHERE task_id = $1 ORDER BY id`, []any{id}},
		func(sc scanner) (d congtac.Deferral, err error) {
			return d, sc.Scan(dateCol{&d.On}, dateCol{&d.To.Date}, &d.To.Precision, &d.To.Text, &d.Reason,
				idCol{&d.ApprovedBy}, idCol{&d.RecordedBy})
		})
}

// CancelTask ends a task that will not be done, with a reason. A task already done or
// cancelled is refused (EINVALID). ECONFLICT when version moved.
func (s *Store) CancelTask(ctx context.Context, a congtac.Actor, id int64, version int, c congtac.Cancellation) (congtac.Task, error) {
	c.Reason = cleanText(c.Reason)
	if err := congtac.CheckText("reason", "Lý do hủy nhiệm vụ", c.Reason); err != nil {
		return congtac.Task{}, err
	}
	switch {
	case c.Reason == "":
		return congtac.Task{}, congtac.FieldError("reason", "Cần ghi lý do hủy nhiệm vụ.")
	case c.On.IsZero():
		return congtac.Task{}, congtac.FieldError("on", "Chưa có ngày hủy.")
	}
	return s.changeTaskState(ctx, a, id, version, "cancel", func(t congtac.Task) error {
		if !t.DoneOn.IsZero() || t.Cancellation != nil {
			return congtac.Errorf(congtac.EINVALID, "Nhiệm vụ đã hoàn thành hoặc đã hủy.")
		}
		return nil
	}, "UPDATE tasks SET cancelled_on = $1, cancel_reason = $2 WHERE id = $3", c.On.String(), c.Reason, id)
}

// ReopenTask takes back the completion or the cancellation of task id (mở lại), with a
// reason kept in the audit log: the task is tracked again against its deadline (its last
// deferral included). A task neither done nor cancelled is refused (EINVALID). ECONFLICT
// when version moved.
func (s *Store) ReopenTask(ctx context.Context, a congtac.Actor, id int64, version int, o congtac.Reopening) (congtac.Task, error) {
	o.Reason = cleanText(o.Reason)
	if err := congtac.CheckText("reason", "Lý do mở lại", o.Reason); err != nil {
		return congtac.Task{}, err
	}
	if o.Reason == "" {
		return congtac.Task{}, congtac.FieldError("reason", "Cần ghi lý do mở lại nhiệm vụ.")
	}
	return s.changeTaskState(ctx, a, id, version, "reopen", func(t congtac.Task) error {
		if t.DoneOn.IsZero() && t.Cancellation == nil {
			return congtac.Errorf(congtac.EINVALID, "Nhiệm vụ đang được theo dõi, không cần mở lại.")
		}
		return nil
	}, `UPDATE tasks SET done_on = NULL, done_by = NULL, done_report_id = NULL, cancelled_on = NULL,
		cancel_reason = '' WHERE id = $1`, id)
}

// changeTaskState runs one statement that changes a task's execution state, when check
// allows it on the task as it stands, bumps its version and audits the change under
// action.
func (s *Store) changeTaskState(ctx context.Context, a congtac.Actor, id int64, version int, action string,
	check func(congtac.Task) error, stmt string, args ...any) (congtac.Task, error) {
	var t congtac.Task
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		before, orgID, err := s.taskEvent(ctx, tx, a, id, version)
		if err != nil {
			return err
		}
		if err := check(before); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, stmt, args...); err != nil {
			return fmt.Errorf("store: %s task: %w", action, err)
		}
		if err := s.bumpTask(ctx, tx, id, version); err != nil {
			return err
		}
		if t, err = findTask(ctx, s, tx, id); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, action, "task", id, orgID, before, t)
	})
	return t, err
}

// CarryOver copies into the editable program to every task of program from that is not
// done or cancelled as of asOf, linked by CarriedFrom and marked as carried over
// ("chuyển tiếp"), under the same part and section as in from ([congtac.PlaceCarried]),
// with a copy of its own paragraph when it had one. Tasks already carried into to are
// skipped, so running it twice copies nothing more. It returns the new tasks.
func (s *Store) CarryOver(ctx context.Context, a congtac.Actor, from, to int64, asOf congtac.Date) ([]congtac.Task, error) {
	var out []congtac.Task
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		dst, err := s.editableProgram(ctx, tx, a, to)
		if err != nil {
			return err
		}
		tasks, err := s.queryTasks(ctx, tx, "SELECT "+taskColumns+` FROM tasks t WHERE t.program_id = $1
			AND t.id NOT IN (SELECT carried_from FROM tasks WHERE program_id = $2 AND carried_from IS NOT NULL)
			ORDER BY t.item_id, t.position, t.id`, from, to)
		if err != nil {
			return err
		}
		place, err := s.carryPlacer(ctx, tx, from, to)
		if err != nil {
			return err
		}
		for _, t := range tasks {
			switch t.Status(asOf) {
			case congtac.StatusDoneOnTime, congtac.StatusDoneLate, congtac.StatusCancelled:
				continue
			}
			c := t.CarryOver(to)
			if c.ItemID, err = place(t); err != nil {
				return err
			}
			if c.ID, err = s.insertTask(ctx, tx, c); err != nil {
				return err
			}
			c.Version = 1
			out = append(out, c)
		}
		return s.audit(ctx, tx, a, "carry_over", "program", to, dst.OrgID, nil,
			map[string]any{"from": from, "tasks": len(out)})
	})
	return out, err
}

// carryPlacer returns the function that gives a task of program from the item of program to
// it goes under ([congtac.PlaceCarried]), copying its paragraph there once for all the
// tasks it carries.
func (s *Store) carryPlacer(ctx context.Context, tx *sql.Tx, from, to int64) (func(congtac.Task) (int64, error), error) {
	src, err := findItems(ctx, tx, from)
	if err != nil {
		return nil, err
	}
	dst, err := findItems(ctx, tx, to)
	if err != nil {
		return nil, err
	}
	children := map[int64]int{}
	for _, it := range dst {
		children[it.ParentID]++
	}
	copies := map[int64]int64{} // paragraph of from → its copy in to
	return func(t congtac.Task) (int64, error) {
		place := congtac.PlaceCarried(src, dst, t)
		if place.Prose == nil || place.Parent == 0 {
			return place.Parent, nil
		}
		if id, ok := copies[place.Prose.ID]; ok {
			return id, nil
		}
		children[place.Parent]++
		id, err := s.insertItem(ctx, tx, congtac.Item{ProgramID: to, ParentID: place.Parent, Position: children[place.Parent],
			Style: place.Prose.Style, Text: place.Prose.Text, Sector: place.Prose.Sector})
		copies[place.Prose.ID] = id
		return id, err
	}, nil
}
