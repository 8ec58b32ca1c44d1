package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"congtac"
	"congtac/vn"
)

// AssignConclusion makes the conclusion of a meeting on agenda item itemID a task, tracked
// like any task: t's text (by default the conclusion), lead, supports and deadline, with
// the meeting for its source ("Kết luận tại Hội nghị … ngày 21/4/2023"). It goes into
// program t.ProgramID (by default the meeting's program), outside its items; or, when
// standalone, into the task list of the meeting's notice of conclusions, which is issued
// with the notice and tracked from then on like an issued program ([Store.IssueDocument]).
// The meeting must be held and the item have its conclusion; the program must be the
// meeting committee's, drafted or issued: a task added to an issued program is in force at
// once, and the issued document stays as it was. A standalone task after the notice is
// issued is refused (EINVALID): the notice stays as it was issued. The actor's ManageTasks
// must reach the program's org (EFORBIDDEN). Audited as "assign".
func (s *Store) AssignConclusion(ctx context.Context, a congtac.Actor, itemID int64, t congtac.Task, standalone bool) (congtac.Task, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		it, err := s.findAgendaItem(ctx, tx, itemID)
		if err != nil {
			return err
		}
		m, err := findMeetingRow(ctx, tx, it.MeetingID)
		if err != nil {
			return err
		}
		switch {
		case m.Status != congtac.MeetingHeld:
			return congtac.Errorf(congtac.EINVALID, "Hội nghị chưa họp: chỉ giao nhiệm vụ từ kết luận sau khi họp.")
		case strings.TrimSpace(it.Conclusion) == "":
			return congtac.FieldError("conclusion", "Nội dung trình này chưa có kết luận.")
		}
		p, err := s.conclusionHome(ctx, tx, m, t.ProgramID, standalone)
		if err != nil {
			return err
		}
		t.ProgramID = p.ID
		if err := checkCan(ctx, tx, a, congtac.ManageTasks, p.OrgID); err != nil {
			return err
		}
		if strings.TrimSpace(t.Text) == "" {
			t.Text = it.Conclusion
		}
		t.ItemID, t.Position = 0, 0
		if t.Source == "" {
			t.Source = "Kết luận tại " + strings.TrimRight(m.Title, ". ") + " ngày " + vn.ShortDate(m.Date)
		}
		t = normalizeTask(t)
		if err := s.resolveShares(ctx, tx, &t, s.today()); err != nil {
			return err
		}
		if err := t.Validate(); err != nil {
			return err
		}
		if t.Position, err = nextTaskPosition(ctx, tx, t.ProgramID, 0); err != nil {
			return err
		}
		if t.ID, err = s.insertTask(ctx, tx, t); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE tasks SET agenda_item_id = $1 WHERE id = $2", itemID, t.ID); err != nil {
			return fmt.Errorf("store: assign conclusion: %w", err)
		}
		t.Version = 1
		return s.audit(ctx, tx, a, "assign", "task", t.ID, p.OrgID, nil, t)
	})
	if err != nil {
		return congtac.Task{}, err
	}
	return t, nil
}

// conclusionHome returns the program a task given by meeting m's conclusions goes into:
// the notice's own list when standalone, else program id or, when 0, the meeting's.
func (s *Store) conclusionHome(ctx context.Context, tx *sql.Tx, m congtac.Meeting, id int64, standalone bool) (congtac.Program, error) {
	if standalone {
		return s.conclusionList(ctx, tx, m)
	}
	if id == 0 {
		id = m.ProgramID
	}
	if id == 0 {
		return congtac.Program{}, congtac.FieldError("program_id", "Hội nghị không thuộc chương trình nào: hãy chọn chương trình hoặc theo dõi riêng theo thông báo kết luận.")
	}
	p, err := findProgramRow(ctx, tx, id)
	if err != nil {
		return p, err
	}
	if p.OrgID != m.OrgID || p.MeetingID != 0 || !(p.Status.Editable() || p.Status == congtac.ProgramIssued) {
		return p, congtac.FieldError("program_id", "Chỉ giao vào chương trình đang soạn hoặc đang thực hiện của cơ quan tổ chức hội nghị.")
	}
	return p, nil
}

// FindConclusionTasks returns the tasks given by the conclusions of meeting id, by agenda
// item.
func (s *Store) FindConclusionTasks(ctx context.Context, meetingID int64) (map[int64][]congtac.Task, error) {
	out := map[int64][]congtac.Task{}
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		rows, err := readRows(ctx, tx, query{`SELECT id, agenda_item_id FROM tasks WHERE agenda_item_id IN
			(SELECT id FROM agenda_items WHERE meeting_id = $1) ORDER BY id`, []any{meetingID}},
			func(sc scanner) (row [2]int64, err error) { return row, sc.Scan(&row[0], &row[1]) })
		if err != nil || len(rows) == 0 {
			return err
		}
		ids := make([]int64, len(rows))
		item := make(map[int64]int64, len(rows))
		for i, r := range rows {
			ids[i], item[r[0]] = r[0], r[1]
		}
		tasks, err := s.tasksByID(ctx, tx, ids, "t.id")
		for _, t := range tasks {
			out[item[t.ID]] = append(out[item[t.ID]], t)
		}
		return err
	})
	return out, err
}
