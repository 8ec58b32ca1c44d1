package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"

	"congtac"
)

const explanationColumns = `id, task_id, org_id, question, due, asked_by, asked_on, answer, answered_by, answered_on,
	version, created_at, updated_at`

func scanExplanation(sc scanner) (congtac.Explanation, error) {
	var e congtac.Explanation
	err := sc.Scan(&e.ID, &e.TaskID, &e.OrgID, &e.Question, dateCol{&e.Due}, idCol{&e.AskedBy}, dateCol{&e.AskedOn},
		&e.Answer, idCol{&e.AnsweredBy}, dateCol{&e.AnsweredOn}, &e.Version, unixCol{&e.CreatedAt}, unixCol{&e.UpdatedAt})
	return e, err
}

// AskExplanation asks org e.OrgID to explain why task e.TaskID is late, by e.Due: the task
// must be in force and late on the day asked (overdue, or done after its deadline), the
// org one that leads or supports it, and the actor's ManageTasks must reach the task's
// program (EFORBIDDEN) — a leader or the office. The day asked is today. Audited as "ask".
func (s *Store) AskExplanation(ctx context.Context, a congtac.Actor, e congtac.Explanation) (congtac.Explanation, error) {
	e.Question, e.Answer, e.AnsweredBy, e.AnsweredOn = cleanText(e.Question), "", 0, congtac.Date{}
	e.AskedBy, e.AskedOn, e.Version = a.UserID, s.today(), 1
	if err := e.Validate(); err != nil {
		return congtac.Explanation{}, err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		t, p, err := s.lockTask(ctx, tx, e.TaskID)
		if err != nil {
			return err
		}
		if err := checkCan(ctx, tx, a, congtac.ManageTasks, p.OrgID); err != nil {
			return err
		}
		if err := checkInForce(ctx, tx, t, p); err != nil {
			return err
		}
		if !slices.Contains(t.OrgIDs(), e.OrgID) {
			return congtac.FieldError("org_id", "Đơn vị này không chủ trì hay phối hợp nhiệm vụ.")
		}
		switch t.Status(e.AskedOn) {
		case congtac.StatusOverdue, congtac.StatusDoneLate:
		default:
			return congtac.Errorf(congtac.EINVALID, "Nhiệm vụ không chậm tiến độ: chỉ yêu cầu giải trình nhiệm vụ quá hạn hoặc hoàn thành quá hạn.")
		}
		now := s.now().Unix()
		if err := tx.QueryRowContext(ctx, `INSERT INTO explanations (task_id, org_id, question, due, asked_by, asked_on,
			version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $7) RETURNING id`,
			e.TaskID, e.OrgID, e.Question, e.Due.String(), nullID(e.AskedBy), e.AskedOn.String(), now).Scan(&e.ID); err != nil {
			return fmt.Errorf("store: ask explanation: %w", err)
		}
		e.CreatedAt, e.UpdatedAt = time.Unix(now, 0).UTC(), time.Unix(now, 0).UTC()
		return s.audit(ctx, tx, a, "ask", "explanation", e.ID, e.OrgID, nil, e)
	})
	if err != nil {
		return congtac.Explanation{}, err
	}
	return e, nil
}

// AnswerExplanation records the answer of the unit asked in request id, read at version
// (ECONFLICT when it moved): the actor's WriteReports must reach that unit (EFORBIDDEN).
// A request is answered once (EINVALID after). Audited as "answer".
func (s *Store) AnswerExplanation(ctx context.Context, a congtac.Actor, id int64, version int, answer string) (congtac.Explanation, error) {
	answer = cleanText(answer)
	if err := congtac.CheckAnswer(answer); err != nil {
		return congtac.Explanation{}, err
	}
	var e congtac.Explanation
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := findExplanation(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := checkCan(ctx, tx, a, congtac.WriteReports, before.OrgID); err != nil {
			return err
		}
		switch {
		case before.Version != version:
			return conflict("Yêu cầu giải trình")
		case !before.AnsweredOn.IsZero():
			return congtac.Errorf(congtac.EINVALID, "Yêu cầu này đã được giải trình ngày %s.", before.AnsweredOn)
		}
		e = before
		e.Answer, e.AnsweredBy, e.AnsweredOn, e.Version = answer, a.UserID, s.today(), version+1
		now := s.now().Unix()
		res, err := tx.ExecContext(ctx, `UPDATE explanations SET answer = $1, answered_by = $2, answered_on = $3,
			version = version + 1, updated_at = $4 WHERE id = $5 AND version = $6`,
			e.Answer, nullID(e.AnsweredBy), e.AnsweredOn.String(), now, id, version)
		if err != nil {
			return fmt.Errorf("store: answer explanation: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return conflict("Yêu cầu giải trình")
		}
		e.UpdatedAt = time.Unix(now, 0).UTC()
		return s.audit(ctx, tx, a, "answer", "explanation", id, e.OrgID, before, e)
	})
	if err != nil {
		return congtac.Explanation{}, err
	}
	return e, nil
}

// FindExplanationByID returns one request, or ENOTFOUND.
func (s *Store) FindExplanationByID(ctx context.Context, id int64) (congtac.Explanation, error) {
	return findExplanation(ctx, s.read, id)
}

func findExplanation(ctx context.Context, q queryer, id int64) (congtac.Explanation, error) {
	e, err := scanExplanation(q.QueryRowContext(ctx, "SELECT "+explanationColumns+" FROM explanations WHERE id = $1", id))
	if err == sql.ErrNoRows {
		return e, notFound("yêu cầu giải trình")
	} else if err != nil {
		return e, fmt.Errorf("store: find explanation: %w", err)
	}
	return e, nil
}

// FindExplanations returns the requests matching f, those to answer soonest first (by the
// day to answer by, then ID), and the number that match without Limit/Offset.
func (s *Store) FindExplanations(ctx context.Context, f congtac.ExplanationFilter) ([]congtac.Explanation, int, error) {
	var w where
	if f.ID != nil {
		w.add("id = ?", *f.ID)
	}
	if f.TaskID != nil {
		w.add("task_id = ?", *f.TaskID)
	}
	if f.OrgID != nil {
		w.add("org_id = ?", *f.OrgID)
	}
	if f.State != nil {
		asOf := f.AsOf
		if asOf.IsZero() {
			asOf = s.today()
		}
		switch *f.State {
		case congtac.ExplanationAnswered:
			w.add("answered_on IS NOT NULL")
		case congtac.ExplanationOverdue:
			w.add("answered_on IS NULL AND due < ?", asOf.String())
		default:
			w.add("answered_on IS NULL AND due >= ?", asOf.String())
		}
	}
	s.addReach(&w, "org_id", f.Reach)
	return findPage(ctx, s, "explanations", explanationColumns, "explanations", &w, "due, id",
		f.Limit, f.Offset, 1000, nil, scanExplanation)
}
