package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"congtac"
)

const reportColumns = `id, task_id, org_id, occurrence, text, percent, value, done_on, status, review_note,
	author_id, submitted_at, reviewed_at, version`

func scanReport(sc scanner) (congtac.Report, error) {
	var r congtac.Report
	var value sql.NullFloat64
	err := sc.Scan(&r.ID, &r.TaskID, &r.OrgID, dateCol{&r.Occurrence}, &r.Text, &r.Percent, &value,
		dateCol{&r.DoneOn}, &r.Status, &r.ReviewNote, idCol{&r.AuthorID}, unixCol{&r.SubmittedAt},
		unixCol{&r.ReviewedAt}, &r.Version)
	if value.Valid {
		v := value.Float64
		r.Value = &v
	}
	return r, err
}

// validateReport checks the report's fields and that its work was not done after today.
func (s *Store) validateReport(r congtac.Report) error {
	if err := r.Validate(); err != nil {
		return err
	}
	if r.DoneOn.After(congtac.DateOf(s.now(), congtac.Location())) {
		return congtac.FieldError("done_on", "Ngày hoàn thành không được sau hôm nay.")
	}
	return nil
}

// checkReportWriter returns EFORBIDDEN unless a may write org's reports on task t, as
// [congtac.CanWriteReport] decides on org's path.
func checkReportWriter(ctx context.Context, tx *sql.Tx, a congtac.Actor, t congtac.Task, org int64) error {
	path, err := orgPath(ctx, tx, org)
	if err != nil {
		return err
	}
	return congtac.CanWriteReport(a, t, path)
}

// checkOccurrence requires a report on a recurring task to name one of the task's
// occurrences up to its deadline, and a report on a one-off task to name none.
func checkOccurrence(t congtac.Task, d congtac.Date) error {
	if t.Recurrence == nil {
		if !d.IsZero() {
			return congtac.FieldError("occurrence", "Nhiệm vụ không lặp lại, báo cáo không ghi kỳ.")
		}
		return nil
	}
	if d.IsZero() || len(t.Recurrence.Between(d, d)) == 0 || (!t.Due.Date.IsZero() && d.After(t.Due.Date)) {
		return congtac.FieldError("occurrence", "Kỳ báo cáo %s không thuộc lịch lặp lại của nhiệm vụ.", d)
	}
	return nil
}

func findReport(ctx context.Context, q queryer, id int64) (congtac.Report, error) {
	r, err := scanReport(q.QueryRowContext(ctx, "SELECT "+reportColumns+" FROM reports WHERE id = $1", id))
	if err == sql.ErrNoRows {
		return r, notFound("báo cáo")
	} else if err != nil {
		return r, fmt.Errorf("store: find report: %w", err)
	}
	return r, nil
}

// CreateReport records org r.OrgID's progress report on task r.TaskID, as a draft or, with
// Status submitted, sent at once; the actor is its author. Who may write is decided as in
// [Store.UpdateReport]: EFORBIDDEN otherwise. A task not in force (of a program not issued,
// or carried on by a later one) takes no report: EINVALID, naming the successor if any. A
// report on a recurring task names in Occurrence the due date of the occurrence it covers;
// any other is EINVALID. files (each a Name and its Data) are attached in the same
// transaction, typed by their bytes ([congtac.AttachmentType]): one refused, nothing is kept.
func (s *Store) CreateReport(ctx context.Context, a congtac.Actor, r congtac.Report, files ...congtac.Attachment) (congtac.Report, error) {
	for i, f := range files {
		var err error
		if files[i], err = newAttachment(f.Name, f.Data); err != nil {
			return congtac.Report{}, err
		}
	}
	r, err := s.newReport(a, r)
	if err != nil {
		return congtac.Report{}, err
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error { return s.createReport(ctx, tx, a, &r, files) })
	if err != nil {
		return congtac.Report{}, err
	}
	return r, nil
}

// newReport returns r as a new report of a, checked on its own: a draft unless sent at once.
func (s *Store) newReport(a congtac.Actor, r congtac.Report) (congtac.Report, error) {
	r.Text = cleanText(r.Text)
	if r.Status == "" {
		r.Status = congtac.ReportDraft
	}
	if r.Status != congtac.ReportDraft && r.Status != congtac.ReportSubmitted {
		return r, congtac.FieldError("status", "Báo cáo mới chỉ có thể lưu nháp hoặc gửi ngay.")
	}
	r.AuthorID, r.ReviewNote, r.SubmittedAt, r.ReviewedAt, r.Version = a.UserID, "", time.Time{}, time.Time{}, 1
	if r.Status == congtac.ReportSubmitted {
		r.SubmittedAt = s.now().UTC().Truncate(time.Second)
	}
	return r, s.validateReport(r)
}

// ImportReports sends the reports a unit filled in offline (a report sheet), all or none,
// in one transaction: each checked as [Store.CreateReport] checks one. When one is refused
// nothing is kept, and at is its index in reports; at is -1 otherwise.
func (s *Store) ImportReports(ctx context.Context, a congtac.Actor, reports []congtac.Report) (out []congtac.Report, at int, err error) {
	out = make([]congtac.Report, len(reports))
	for i, r := range reports {
		if out[i], err = s.newReport(a, r); err != nil {
			return nil, i, err
		}
	}
	at = -1
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		for i := range out {
			if err := s.createReport(ctx, tx, a, &out[i], nil); err != nil {
				at = i
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, at, err
	}
	return out, -1, nil
}

// saveReport writes every changeable column of r, bumping the version it was read at.
func (s *Store) saveReport(ctx context.Context, tx *sql.Tx, r congtac.Report) error {
	res, err := tx.ExecContext(ctx, `UPDATE reports SET occurrence = $1, text = $2, percent = $3, value = $4,
		done_on = $5, status = $6, review_note = $7, submitted_at = $8, reviewed_at = $9,
		search = $10, version = version + 1, updated_at = $11 WHERE id = $12 AND version = $13`,
		nullDate(r.Occurrence), r.Text, r.Percent, nullFloat(r.Value), nullDate(r.DoneOn), r.Status,
		r.ReviewNote, nullUnix(r.SubmittedAt), nullUnix(r.ReviewedAt), reportSearch(r), s.now().Unix(), r.ID, r.Version)
	if err != nil {
		return fmt.Errorf("store: save report: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return conflict("Báo cáo")
	}
	return nil
}

// reportForChange loads a report its org is about to change: the version must be the one
// read, the actor must be allowed to write for the org, and the report must not be sent yet.
func (s *Store) reportForChange(ctx context.Context, tx *sql.Tx, a congtac.Actor, id int64, version int) (congtac.Report, congtac.Task, error) {
	r, err := findReport(ctx, tx, id)
	if err != nil {
		return r, congtac.Task{}, err
	}
	if r.Version != version {
		return r, congtac.Task{}, conflict("Báo cáo")
	}
	t, err := findTask(ctx, s, tx, r.TaskID)
	if err != nil {
		return r, t, err
	}
	if err := checkReportWriter(ctx, tx, a, t, r.OrgID); err != nil {
		return r, t, err
	}
	if r.Status != congtac.ReportDraft && r.Status != congtac.ReportReturned {
		return r, t, congtac.StatusError("Báo cáo", r.Status.Label(), "không sửa hay gửi lại được")
	}
	return r, t, nil
}

// UpdateReport changes a draft or returned report. The actor's WriteReports must reach the
// report's org, which must lead or support the task ([congtac.CanWriteReport]); EFORBIDDEN
// otherwise. A submitted or accepted report is
// EINVALID; ECONFLICT when version moved.
func (s *Store) UpdateReport(ctx context.Context, a congtac.Actor, id int64, version int, u congtac.ReportUpdate) (congtac.Report, error) {
	return s.changeReport(ctx, a, id, version, u, false)
}

// SubmitReport sends a draft or returned report to the office with the changes of u (the
// zero ReportUpdate for none) in one transaction, with the same rights as
// [Store.UpdateReport]: a report saved and sent from its form is either both or neither.
// Audited as "submit" with the report before and after. ECONFLICT when version moved.
func (s *Store) SubmitReport(ctx context.Context, a congtac.Actor, id int64, version int, u congtac.ReportUpdate) (congtac.Report, error) {
	return s.changeReport(ctx, a, id, version, u, true)
}

// changeReport applies u to a draft or returned report and, when submit is set, sends it.
func (s *Store) changeReport(ctx context.Context, a congtac.Actor, id int64, version int, u congtac.ReportUpdate, submit bool) (congtac.Report, error) {
	var r congtac.Report
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		before, t, err := s.reportForChange(ctx, tx, a, id, version)
		if err != nil {
			return err
		}
		r = u.Apply(before)
		r.Text = cleanText(r.Text)
		action := "update"
		if submit {
			r.Status, r.SubmittedAt, action = congtac.ReportSubmitted, s.now().UTC().Truncate(time.Second), "submit"
		}
		if err := s.validateReport(r); err != nil {
			return err
		}
		if err := checkOccurrence(t, r.Occurrence); err != nil {
			return err
		}
		if err := s.saveReport(ctx, tx, r); err != nil {
			return err
		}
		r.Version++
		return s.audit(ctx, tx, a, action, "report", id, r.OrgID, before, r)
	})
	return r, err
}

// ReviewReport accepts a submitted report (to = accepted) or returns it to its org for more
// (to = returned, which needs a note). The actor's ReviewReports must reach the report's
// org (office staff and leaders); EFORBIDDEN otherwise. Accepting a report of 100% records in the same transaction that the org
// finished its share of the task (the occurrence, for a recurring task) on the report's
// DoneOn, and raises the task's version. ECONFLICT when version moved.
func (s *Store) ReviewReport(ctx context.Context, a congtac.Actor, id int64, version int, to congtac.ReportStatus, note string) (congtac.Report, error) {
	if !a.Can(congtac.ReviewReports) {
		return congtac.Report{}, congtac.Errorf(congtac.EFORBIDDEN, "Vai trò %s không được duyệt báo cáo.", a.Role.Label())
	}
	note = cleanText(note)
	if err := congtac.CheckText("review_note", "Ý kiến khi duyệt", note); err != nil {
		return congtac.Report{}, err
	}
	switch {
	case to != congtac.ReportAccepted && to != congtac.ReportReturned:
		return congtac.Report{}, congtac.FieldError("status", "Chỉ có thể tiếp nhận hoặc trả lại báo cáo.")
	case to == congtac.ReportReturned && note == "":
		return congtac.Report{}, congtac.FieldError("review_note", "Khi trả lại báo cáo cần ghi ý kiến để đơn vị bổ sung.")
	}
	var r congtac.Report
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := findReport(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := checkCan(ctx, tx, a, congtac.ReviewReports, before.OrgID); err != nil {
			return err
		}
		if before.Version != version {
			return conflict("Báo cáo")
		}
		if before.Status != congtac.ReportSubmitted {
			return congtac.StatusError("Báo cáo", before.Status.Label(), "chỉ duyệt được báo cáo đã gửi")
		}
		r = before
		r.Status, r.ReviewNote, r.ReviewedAt = to, note, s.now().UTC().Truncate(time.Second)
		if err := s.saveReport(ctx, tx, r); err != nil {
			return err
		}
		r.Version++
		if r.Completes() {
			if err := s.completeFromReport(ctx, tx, a, r); err != nil {
				return err
			}
		}
		action := map[congtac.ReportStatus]string{congtac.ReportAccepted: "accept", congtac.ReportReturned: "return"}[to]
		return s.audit(ctx, tx, a, action, "report", id, r.OrgID, before, r)
	})
	return r, err
}

// completeFromReport records the completion an accepted report states on its task, raises
// the task's version and audits the task's change. A report written before its task was
// carried on completes the newest copy ([Store.newestCopy]), the one in force.
func (s *Store) completeFromReport(ctx context.Context, tx *sql.Tx, a congtac.Actor, r congtac.Report) error {
	before, p, err := s.newestCopy(ctx, tx, r.TaskID)
	if err != nil {
		return err
	}
	c := congtac.Completion{OrgID: r.OrgID, Occurrence: r.Occurrence, DoneOn: r.DoneOn, ReportID: r.ID}
	if err := s.recordCompletion(ctx, tx, a, before, c); err != nil {
		return err
	}
	if err := s.bumpTask(ctx, tx, before.ID, before.Version); err != nil {
		return err
	}
	after, err := findTask(ctx, s, tx, before.ID)
	if err != nil {
		return err
	}
	return s.audit(ctx, tx, a, "complete", "task", before.ID, p.OrgID, before, after)
}

// FindReportByID returns one report, or ENOTFOUND.
func (s *Store) FindReportByID(ctx context.Context, id int64) (congtac.Report, error) {
	return findReport(ctx, s.read, id)
}

// reportCounters are the change counters of what report lists read: reports, the tasks
// and programs they are on, and the org tree of reaches.
var reportCounters = []string{reportsChanged, tasksChanged, orgsChanged}

// FindReports returns reports matching f, newest first, and the number that match without
// Limit/Offset. Only reports on issued work count: none on the tasks of a draft. The page
// checks that report by report, so that it is read in order from an index (reports_created,
// reports_org_created) and costs its rows. So does the count of a narrowed list
// ([Store.reportWhere]), which reads its few reports from an index (reports_status,
// reports_org_status, reports_task); the count of many reports checks it as a set, which
// costs less than a million lookups.
func (s *Store) FindReports(ctx context.Context, f congtac.ReportFilter) ([]congtac.Report, int, error) {
	var out []congtac.Report
	var total int
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		w, narrow, err := s.reportWhere(ctx, tx, f)
		if err != nil {
			return err
		}
		const published = "('issued', 'amended', 'superseded')"
		count, page := w.clone(), w.clone()
		if narrow {
			// A scalar subquery, which PostgreSQL runs report by report; it would hash
			// every task in force to join the few reports with them as a set (200 ms).
			count.add("(SELECT rp.status FROM tasks rt JOIN programs rp ON rp.id = rt.program_id WHERE rt.id = reports.task_id) IN " + published)
		} else {
			count.add("task_id IN (SELECT id FROM tasks WHERE program_id IN (SELECT id FROM programs WHERE status IN " + published + "))")
		}
		page.add("EXISTS (SELECT 1 FROM tasks rt JOIN programs rp ON rp.id = rt.program_id WHERE rt.id = reports.task_id AND rp.status IN " + published + ")")
		c := query{"SELECT count(*) FROM reports " + count.String(), count.args}
		total, err = keptOf(ctx, s, tx, reportCounters, c, func() (n int, err error) {
			return n, tx.QueryRowContext(ctx, c.sql, c.args...).Scan(&n)
		})
		if err != nil || total <= f.Offset {
			return err
		}
		out, err = readRows(ctx, tx, query{"SELECT " + reportColumns + " FROM reports " + page.String() +
			" ORDER BY created_at DESC, id DESC" + page.page(f.Limit, f.Offset, 1000), page.args}, scanReport)
		return err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("store: find reports: %w", err)
	}
	return out, total, nil
}

// reachFew is the most orgs of a reach whose reports are few enough to be checked one by
// one: a district of the former kind with its communes, not a province.
const reachFew = 50

// reportWhere returns the conditions of f but paging, and whether they narrow the list of
// every report to a few: a status, an org, a task, a program, or a reach of fewer than
// [reachFew] orgs. The orgs of f's reach are read and bound as arguments: none when it
// holds every org.
func (s *Store) reportWhere(ctx context.Context, q queryer, f congtac.ReportFilter) (where, bool, error) {
	var w where
	if f.ID != nil {
		w.add("id = ?", *f.ID)
	}
	if f.TaskID != nil {
		w.add("task_id = ?", *f.TaskID)
	}
	if f.ProgramID != nil {
		w.add("task_id IN (SELECT id FROM tasks WHERE program_id = ?)", *f.ProgramID)
	}
	if f.OrgID != nil {
		w.add("org_id = ?", *f.OrgID)
	}
	if f.Status != nil {
		w.add("status = ?", *f.Status)
	}
	narrow := f.ID != nil || f.TaskID != nil || f.ProgramID != nil || f.OrgID != nil || f.Status != nil
	if f.Reach != nil {
		orgs, every, err := s.reachIDs(ctx, q, f.Reach)
		if err != nil {
			return w, false, err
		}
		if !every {
			cond, args := orgIn("org_id", orgs)
			w.add(cond, args...)
			narrow = narrow || len(orgs) < reachFew
		}
	}
	return w, narrow, nil
}

// createReport writes report r, checked, with its files, in tx: [Store.CreateReport] once
// r is valid.
func (s *Store) createReport(ctx context.Context, tx *sql.Tx, a congtac.Actor, r *congtac.Report, files []congtac.Attachment) error {
	t, err := findTask(ctx, s, tx, r.TaskID)
	if err != nil {
		return err
	}
	if err := checkReportWriter(ctx, tx, a, t, r.OrgID); err != nil {
		return err
	}
	p, err := findProgramRow(ctx, tx, t.ProgramID)
	if err != nil {
		return err
	}
	if err := checkInForce(ctx, tx, t, p); err != nil {
		return err
	}
	if err := checkOccurrence(t, r.Occurrence); err != nil {
		return err
	}
	if err := tx.QueryRowContext(ctx, `INSERT INTO reports (task_id, org_id, occurrence, text, percent, value,
		done_on, status, review_note, author_id, submitted_at, reviewed_at, search, version, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '', $9, $10, NULL, $11, 1, $12, $12) RETURNING id`,
		r.TaskID, r.OrgID, nullDate(r.Occurrence), r.Text, r.Percent, nullFloat(r.Value), nullDate(r.DoneOn),
		r.Status, nullID(r.AuthorID), nullUnix(r.SubmittedAt), reportSearch(*r), s.now().Unix()).Scan(&r.ID); err != nil {
		return fmt.Errorf("store: create report: %w", err)
	}
	if err := s.audit(ctx, tx, a, "create", "report", r.ID, r.OrgID, nil, *r); err != nil {
		return err
	}
	for i := range files {
		if err := s.insertReportFile(ctx, tx, a, *r, &files[i]); err != nil {
			return err
		}
	}
	return nil
}
