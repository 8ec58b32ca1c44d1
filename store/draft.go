package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"congtac"
	"congtac/vn"
)

// DraftNext creates the draft program of org for period, pre-filled from the latest issued
// program of the same kind before it (a draft of an earlier period is no base: its tasks
// are not in force) ([congtac.NextDraft]: unfinished tasks carried over, recurring
// duties renewed, standard parts, the meetings of the period) or, for an org's first
// program, with the standard parts ([congtac.FirstDraft]) and the place and signer of its
// committee's settings; the briefing line follows that committee's briefing day and time.
// A program of org for that period that is not superseded already exists: ECONFLICT.
// The actor's DraftPrograms must reach org (EFORBIDDEN). The period's meetings are read
// first; the previous program is then read and the draft created and audited (as the
// program's creation) in one transaction.
func (s *Store) DraftNext(ctx context.Context, a congtac.Actor, orgID int64, period congtac.Period, asOf congtac.Date) (congtac.Program, error) {
	if err := period.Validate(); err != nil {
		return congtac.Program{}, err
	}
	meetings, err := s.FindMeetings(ctx, congtac.MeetingFilter{OrgID: &orgID, From: ptrDate(period.Start()), To: ptrDate(period.End())})
	if err != nil {
		return congtac.Program{}, err
	}
	var p congtac.Program
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if err := checkCan(ctx, tx, a, congtac.DraftPrograms, orgID); err != nil {
			return refusedField(err, "org_id", "Bạn không soạn chương trình cho cơ quan này được.")
		}
		st, err := settingsOf(ctx, tx, orgID)
		if err != nil {
			return err
		}
		text := meetingsText(meetings, st)
		prev, found, err := s.previousProgram(ctx, tx, orgID, period)
		if err != nil {
			return err
		}
		if found {
			p = congtac.NextDraft(prev, period, asOf, text)
		} else {
			p = congtac.FirstDraft(orgID, period, text)
			p.Place, p.Signature = st.Place, st.Signature
		}
		p = normalizeProgram(p)
		if err := p.Validate(); err != nil {
			return err
		}
		if err := s.insertProgram(ctx, tx, &p); err != nil {
			return err
		}
		if err := s.insertContent(ctx, tx, &p); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "create", "program", p.ID, p.OrgID, nil,
			map[string]any{"program": programAudit(p), "from": prev.ID, "tasks": len(p.Tasks)})
	})
	if err != nil {
		return congtac.Program{}, err
	}
	return p, nil
}

func ptrDate(d congtac.Date) *congtac.Date { return &d }

// previousProgram returns, with its items and tasks, the latest issued program of org of
// period's kind before period; found is false when there is none. It refuses (ECONFLICT) when org already has a live program for period.
func (s *Store) previousProgram(ctx context.Context, tx *sql.Tx, orgID int64, period congtac.Period) (congtac.Program, bool, error) {
	if err := noLiveProgram(ctx, tx, orgID, period); err != nil {
		return congtac.Program{}, false, err
	}
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM programs WHERE org_id = $1 AND period_kind = $2 AND period_key < $3
		AND status = 'issued' AND meeting_id IS NULL ORDER BY period_key DESC, id DESC LIMIT 1`,
		orgID, period.Kind, period.Key()).Scan(&id)
	if err == sql.ErrNoRows {
		return congtac.Program{}, false, nil
	} else if err != nil {
		return congtac.Program{}, false, fmt.Errorf("store: previous program: %w", err)
	}
	p, err := findProgramRow(ctx, tx, id)
	if err != nil {
		return p, false, err
	}
	if p.Items, err = findItems(ctx, tx, id); err != nil {
		return p, false, err
	}
	p.Tasks, err = s.queryTasks(ctx, tx, "SELECT "+taskColumns+" FROM tasks t WHERE t.program_id = $1 ORDER BY t.item_id, t.position, t.id", id)
	return p, true, err
}

// meetingsText writes the meetings part of a program: one line per meeting of the period in
// date order, then the weekly briefing of the settings' day and time.
func meetingsText(ms []congtac.Meeting, st congtac.Settings) string {
	var lines []string
	for _, m := range ms {
		switch {
		case m.Status == congtac.MeetingCancelled, m.Kind == congtac.MeetingBriefing:
		default:
			line := fmt.Sprintf("- %s: %s, ngày %s", m.Title, vn.Weekday(m.Date.Weekday()), vn.ShortDate(m.Date))
			if m.Start != congtac.NoTime {
				line += ", " + vn.FormatClock(m.Start)
			}
			lines = append(lines, line+".")
		}
	}
	part := "chiều"
	if st.BriefingTime < congtac.At(12, 0) {
		part = "sáng"
	}
	lines = append(lines, fmt.Sprintf("- Chủ tịch và các Phó Chủ tịch giao ban vào %s %s hằng tuần.",
		part, vn.WeekdayInSentence(st.BriefingDay)))
	return strings.Join(lines, "\n")
}
