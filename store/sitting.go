package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"congtac"
	"congtac/vn"
)

// attachChanged loads the occurrences changed on their own of every series among ms,
// by the day the rule gives them, in one query.
func (s *Store) attachChanged(ctx context.Context, q queryer, ms []congtac.Meeting) error {
	index, w := s.ofMeetings(ms, func(m congtac.Meeting) bool { return m.Recurrence != nil })
	if len(index) == 0 {
		return nil
	}
	rows, err := q.QueryContext(ctx, `SELECT meeting_id, occurrence, date, start_min, part, place, cancelled, note
		FROM meeting_occurrences `+w.String()+" ORDER BY meeting_id, occurrence", w.args...)
	if err != nil {
		return fmt.Errorf("store: meeting occurrences: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var o congtac.Sitting
		if err := rows.Scan(&id, dateCol{&o.Of}, dateCol{&o.Date}, &o.Start, &o.Part, &o.Place, &o.Cancelled,
			&o.Note); err != nil {
			return fmt.Errorf("store: meeting occurrences: %w", err)
		}
		m := &ms[index[id]]
		m.Changed = append(m.Changed, o)
	}
	return rows.Err()
}

// ChangeSitting moves, or cancels with its reason, one occurrence of a series — the day
// o.Of the rule gives it — leaving the others as the rule has them; a second change of the
// same occurrence replaces the first. The meeting's version and sequence are raised. The
// chair's calendar entry generated for the occurrence is cancelled (generate the week again
// for the new day). The actor's ManageMeetings must reach the holding org (EFORBIDDEN);
// ECONFLICT when version moved.
func (s *Store) ChangeSitting(ctx context.Context, a congtac.Actor, meetingID int64, version int, o congtac.Sitting) (congtac.Meeting, error) {
	o.Place, o.Note = cleanText(o.Place), cleanText(o.Note)
	if o.Start != congtac.NoTime && o.Start.Valid() {
		o.Part = o.Start.Part()
	}
	return s.changeSittings(ctx, a, meetingID, version, "change_sitting", o.Of,
		func(tx *sql.Tx, m congtac.Meeting) error {
			if err := o.Validate(m); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, "DELETE FROM meeting_occurrences WHERE meeting_id = $1 AND occurrence = $2",
				m.ID, o.Of.String()); err != nil {
				return fmt.Errorf("store: change occurrence: %w", err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO meeting_occurrences (meeting_id, occurrence, date, start_min,
				part, place, cancelled, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
				m.ID, o.Of.String(), o.Date.String(), o.Start, o.Part, o.Place, o.Cancelled, o.Note); err != nil {
				return fmt.Errorf("store: change occurrence: %w", err)
			}
			return nil
		})
}

// RestoreSitting undoes the change of one occurrence of a series: it is held again as
// the rule gives it. As [Store.ChangeSitting]; ENOTFOUND when it was not changed.
func (s *Store) RestoreSitting(ctx context.Context, a congtac.Actor, meetingID int64, version int, of congtac.Date) (congtac.Meeting, error) {
	return s.changeSittings(ctx, a, meetingID, version, "restore_sitting", of,
		func(tx *sql.Tx, m congtac.Meeting) error {
			res, err := tx.ExecContext(ctx, "DELETE FROM meeting_occurrences WHERE meeting_id = $1 AND occurrence = $2",
				m.ID, of.String())
			if err != nil {
				return fmt.Errorf("store: restore occurrence: %w", err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return notFound("buổi họp đã đổi")
			}
			return nil
		})
}

// changeSittings runs write, a change of the occurrence of meeting id on day of, as one
// use case: who may, the version, the calendar entries of the occurrence as it was, the
// meeting's version and sequence, the audit.
func (s *Store) changeSittings(ctx context.Context, a congtac.Actor, id int64, version int, action string,
	of congtac.Date, write func(*sql.Tx, congtac.Meeting) error) (congtac.Meeting, error) {
	var m congtac.Meeting
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := s.findMeeting(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := checkCan(ctx, tx, a, congtac.ManageMeetings, before.OrgID); err != nil {
			return err
		}
		if err := write(tx, before); err != nil {
			return err
		}
		if before.Version != version {
			return conflict("Hội nghị")
		}
		res, err := tx.ExecContext(ctx, `UPDATE meetings SET sequence = sequence + 1, version = version + 1,
			updated_at = $1 WHERE id = $2 AND version = $3`, s.now().Unix(), id, version)
		if err != nil {
			return fmt.Errorf("store: %s: %w", action, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return conflict("Hội nghị")
		}
		held := of // the day the occurrence was held before the change
		for _, o := range before.Changed {
			if o.Of == of {
				held = o.Date
			}
		}
		if m, err = s.findMeeting(ctx, tx, id); err != nil {
			return err
		}
		var w where
		w.add("meeting_id = ?", id)
		w.add("date = ?", held.String())
		w.add("cancelled = ?", false)
		if err := s.cancelEngagements(ctx, tx, a, w, sittingChange(m, of)); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, action, "meeting", id, m.OrgID, before, m)
	})
	return m, err
}

// touchMeeting raises the sequence of meeting id after a change of its agenda, so that
// calendar applications replace what they hold.
func touchMeeting(ctx context.Context, tx *sql.Tx, id int64) error {
	if _, err := tx.ExecContext(ctx, "UPDATE meetings SET sequence = sequence + 1 WHERE id = $1", id); err != nil {
		return fmt.Errorf("store: meeting sequence: %w", err)
	}
	return nil
}

// sittingChange says what became of the sitting of m on day of, for the calendar's
// revision: its reason when cancelled, where it moved, or that it is held again as the rule
// gives it.
func sittingChange(m congtac.Meeting, of congtac.Date) string {
	for _, o := range m.Changed {
		if o.Of != of {
			continue
		}
		if o.Cancelled {
			return o.Note
		}
		return strings.TrimSpace("dời sang " + vn.Weekday(o.Date.Weekday()) + " ngày " + vn.ShortDate(o.Date) + ". " + o.Note)
	}
	return "họp lại theo lịch định kỳ"
}

// attachInvited loads who is invited by name to each of ms, in one query.
func (s *Store) attachInvited(ctx context.Context, q queryer, ms []congtac.Meeting) error {
	index, w := s.ofMeetings(ms, func(congtac.Meeting) bool { return true })
	if len(index) == 0 {
		return nil
	}
	rows, err := q.QueryContext(ctx, "SELECT meeting_id, person_id, org_id FROM meeting_attendees "+w.String()+
		" ORDER BY meeting_id, position", w.args...)
	if err != nil {
		return fmt.Errorf("store: meeting attendees: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, person, org int64
		if err := rows.Scan(&id, idCol{&person}, idCol{&org}); err != nil {
			return fmt.Errorf("store: meeting attendees: %w", err)
		}
		m := &ms[index[id]]
		if person != 0 {
			m.InvitedPeople = append(m.InvitedPeople, person)
		} else {
			m.InvitedOrgs = append(m.InvitedOrgs, org)
		}
	}
	return rows.Err()
}

// writeInvited replaces who is invited by name to meeting m, checking that each exists.
func writeInvited(ctx context.Context, tx *sql.Tx, m congtac.Meeting) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM meeting_attendees WHERE meeting_id = $1", m.ID); err != nil {
		return fmt.Errorf("store: meeting attendees: %w", err)
	}
	pos := 0
	for _, p := range m.InvitedPeople {
		if err := checkPerson(ctx, tx, p, "người được mời"); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO meeting_attendees (meeting_id, position, person_id)
			VALUES ($1, $2, $3)`, m.ID, pos, p); err != nil {
			return fmt.Errorf("store: meeting attendees: %w", err)
		}
		pos++
	}
	for _, o := range m.InvitedOrgs {
		if _, err := findOrg(ctx, tx, o); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO meeting_attendees (meeting_id, position, org_id)
			VALUES ($1, $2, $3)`, m.ID, pos, o); err != nil {
			return fmt.Errorf("store: meeting attendees: %w", err)
		}
		pos++
	}
	return nil
}
