package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"congtac"
	"congtac/vn"
)

const meetingColumns = `id, org_id, program_id, kind, title, date, start_min, part, place, chair_id, attendees,
	rrule, rrule_start, status, note, off_days, sequence, version`

// startOrder is the minute of the day a meeting or calendar entry sorts at: its time, or for
// a part of the day without one the usual start (7:30, 14:00, 18:00); a whole day first.
const startOrder = `CASE WHEN start_min >= 0 THEN start_min WHEN part = 'morning' THEN 450
	WHEN part = 'afternoon' THEN 840 WHEN part = 'evening' THEN 1080 ELSE -1 END`

func scanMeeting(sc interface{ Scan(...any) error }) (congtac.Meeting, error) {
	var m congtac.Meeting
	var rrule string
	var rstart congtac.Date
	err := sc.Scan(&m.ID, &m.OrgID, idCol{&m.ProgramID}, &m.Kind, &m.Title, dateCol{&m.Date}, &m.Start, &m.Part,
		&m.Place, idCol{&m.ChairID}, &m.Attendees, &rrule, dateCol{&rstart}, &m.Status, &m.Note, &m.OffDays, &m.Sequence, &m.Version)
	if err != nil || rrule == "" {
		return m, err
	}
	rec, err := congtac.ParseRecurrence(rrule, rstart)
	if err != nil {
		return m, fmt.Errorf("store: meeting %d rrule: %w", m.ID, err)
	}
	m.Recurrence = &rec
	return m, nil
}

// normalizeMeeting cleans the texts, takes the part of the day from a given time, and
// starts a recurring meeting's rule on its date.
func normalizeMeeting(m congtac.Meeting) congtac.Meeting {
	m.Title, m.Place = cleanText(m.Title), cleanText(m.Place)
	m.Attendees, m.Note = cleanText(m.Attendees), cleanText(m.Note)
	if m.Start != congtac.NoTime && m.Start.Valid() {
		m.Part = m.Start.Part()
	}
	if m.Recurrence != nil {
		rec := *m.Recurrence
		rec.Start = m.Date
		m.Recurrence = &rec
	}
	if m.Agenda != nil {
		agenda := make([]congtac.AgendaItem, len(m.Agenda)) // the caller's slice stays as it was
		for i, it := range m.Agenda {
			agenda[i] = normalizeAgendaItem(it)
		}
		m.Agenda = agenda
	}
	return m
}

// checkMeetingRefs verifies that the org, program and chair of a meeting exist.
func checkMeetingRefs(ctx context.Context, tx *sql.Tx, m congtac.Meeting) error {
	if _, err := findOrg(ctx, tx, m.OrgID); err != nil {
		return err
	}
	if m.ProgramID != 0 {
		if _, err := findProgramRow(ctx, tx, m.ProgramID); err != nil {
			return err
		}
	}
	return checkPerson(ctx, tx, m.ChairID, "người chủ trì")
}

// materialsDue returns the day the materials of a meeting on date are due by default: the
// settings' MaterialsLeadDays working days before it, never a weekend or a holiday.
func materialsDue(date congtac.Date, st congtac.Settings) congtac.Date {
	return st.AddWorkingDays(date, -st.MaterialsLeadDays)
}

func meetingArgs(m congtac.Meeting) []any {
	rrule, rstart := "", any(nil)
	if m.Recurrence != nil {
		rrule, rstart = m.Recurrence.String(), m.Recurrence.Start.String()
	}
	return []any{m.OrgID, nullID(m.ProgramID), m.Kind, m.Title, m.Date.String(), m.Start, m.Part, m.Place,
		nullID(m.ChairID), m.Attendees, rrule, rstart, m.Status, m.Note, vn.SearchKey(m.Title, m.Place), m.OffDays}
}

// CreateMeeting adds a meeting with its agenda in one transaction. An empty status is
// planned. Agenda items are kept in the order given (Position 0 becomes the item's place in
// the list), and an item without MaterialsDue gets the day MaterialsLeadDays working days
// before the meeting (the committee's working days). A recurring meeting's rule starts on its Date. Nothing is written when
// the meeting or one item fails validation. The actor's ManageMeetings must reach the
// holding org (EFORBIDDEN).
func (s *Store) CreateMeeting(ctx context.Context, a congtac.Actor, m congtac.Meeting) (congtac.Meeting, error) {
	m, err := checkedNewMeeting(m)
	if err != nil {
		return congtac.Meeting{}, err
	}
	if err := s.inTx(ctx, func(tx *sql.Tx) error { return s.createMeeting(ctx, tx, a, &m) }); err != nil {
		return congtac.Meeting{}, err
	}
	return m, nil
}

// checkedNewMeeting returns m normalised, planned when it has no status, or the first
// problem of its fields or of its agenda's.
func checkedNewMeeting(m congtac.Meeting) (congtac.Meeting, error) {
	m = normalizeMeeting(m)
	if m.Status == "" {
		m.Status = congtac.MeetingPlanned
	}
	if err := m.Validate(); err != nil {
		return m, err
	}
	for _, it := range m.Agenda {
		if err := it.Validate(); err != nil {
			return m, err
		}
	}
	return m, nil
}

// createMeeting writes a checked new meeting ([checkedNewMeeting]) and its agenda in tx,
// once the actor may, and sets their IDs.
func (s *Store) createMeeting(ctx context.Context, tx *sql.Tx, a congtac.Actor, m *congtac.Meeting) error {
	if err := checkMeetingRefs(ctx, tx, *m); err != nil {
		return err
	}
	if err := checkCan(ctx, tx, a, congtac.ManageMeetings, m.OrgID); err != nil {
		return err
	}
	st, err := settingsOf(ctx, tx, m.OrgID)
	if err != nil {
		return err
	}
	now := s.now().Unix()
	if err := tx.QueryRowContext(ctx, `INSERT INTO meetings (org_id, program_id, kind, title, date, start_min,
		part, place, chair_id, attendees, rrule, rrule_start, status, note, search, off_days, version, created_at,
		updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 1, $17, $17)
		RETURNING id`,
		append(meetingArgs(*m), now)...).Scan(&m.ID); err != nil {
		return fmt.Errorf("store: create meeting: %w", err)
	}
	m.Version = 1
	if err := writeInvited(ctx, tx, *m); err != nil {
		return err
	}
	for i := range m.Agenda {
		it := &m.Agenda[i]
		it.MeetingID = m.ID
		if it.Position == 0 {
			it.Position = i + 1
		}
		if it.MaterialsDue.IsZero() {
			it.MaterialsDue = materialsDue(m.Date, st)
		}
		if err := checkAgendaRefs(ctx, tx, *it); err != nil {
			return err
		}
		if it.ID, err = insertAgendaItem(ctx, tx, *it); err != nil {
			return err
		}
		it.Version = 1
	}
	return s.audit(ctx, tx, a, "create", "meeting", m.ID, m.OrgID, nil, *m)
}

func findMeetingRow(ctx context.Context, q queryer, id int64) (congtac.Meeting, error) {
	m, err := scanMeeting(q.QueryRowContext(ctx, "SELECT "+meetingColumns+" FROM meetings WHERE id = $1", id))
	if err == sql.ErrNoRows {
		return m, notFound("hội nghị")
	} else if err != nil {
		return m, fmt.Errorf("store: find meeting: %w", err)
	}
	return m, nil
}

func (s *Store) findMeeting(ctx context.Context, q queryer, id int64) (congtac.Meeting, error) {
	m, err := findMeetingRow(ctx, q, id)
	if err != nil {
		return m, err
	}
	ms := []congtac.Meeting{m}
	err = s.attachMeetingParts(ctx, q, ms)
	return ms[0], err
}

// FindMeetingByID returns a meeting with its agenda in order, or ENOTFOUND.
func (s *Store) FindMeetingByID(ctx context.Context, id int64) (congtac.Meeting, error) {
	var m congtac.Meeting
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		m, err = s.findMeeting(ctx, tx, id)
		return err
	})
	return m, err
}

// queryMeetings runs a query selecting meetingColumns from meetings.
func queryMeetings(ctx context.Context, q queryer, query string, args ...any) ([]congtac.Meeting, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: meetings: %w", err)
	}
	defer rows.Close()
	var out []congtac.Meeting
	for rows.Next() {
		m, err := scanMeeting(rows)
		if err != nil {
			return nil, fmt.Errorf("store: meetings: %w", err)
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: meetings: %w", err)
	}
	return out, nil
}

// FindMeetings returns the meetings matching f, each with its agenda, by day and time. With
// From or To, a recurring meeting (the weekly briefing) matches when one of its occurrences
// falls in the range and sorts at the first of them; its Date stays the first meeting of the
// series (expand it with [congtac.Recurrence.Between]). Every status is returned.
func (s *Store) FindMeetings(ctx context.Context, f congtac.MeetingFilter) ([]congtac.Meeting, error) {
	var w where
	if f.ID != nil {
		w.add("id = ?", *f.ID)
	}
	if f.OrgID != nil {
		w.add("org_id = ?", *f.OrgID)
	}
	if f.ProgramID != nil {
		w.add("program_id = ?", *f.ProgramID)
	}
	if f.ChairID != nil {
		w.add("chair_id = ?", *f.ChairID)
	}
	if f.Person != nil {
		w.add("(chair_id = ? OR id IN (SELECT meeting_id FROM meeting_attendees WHERE person_id = ?))", *f.Person, *f.Person)
	}
	if f.Involves != nil {
		w.add(`(org_id = ? OR id IN (SELECT meeting_id FROM agenda_items WHERE lead_id = ?
			UNION SELECT ai.meeting_id FROM agenda_supports sp JOIN agenda_items ai ON ai.id = sp.agenda_item_id
			WHERE sp.org_id = ? UNION SELECT meeting_id FROM meeting_attendees WHERE org_id = ?))`,
			*f.Involves, *f.Involves, *f.Involves, *f.Involves)
	}
	if f.Kind != nil {
		w.add("kind = ?", *f.Kind)
	}
	s.addReach(&w, "org_id", f.Reach)
	addSearch(&w, "search", f.Query)
	ranged := f.From != nil || f.To != nil
	if f.To != nil {
		w.add("date <= ?", f.To.String())
	}
	if f.From != nil {
		w.add("(date >= ? OR rrule <> '')", f.From.String())
	}
	limit := f.Limit
	if ranged {
		limit = 0 // recurring meetings are sifted below, so the limit applies after
	}
	var out []congtac.Meeting
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		ms, err := queryMeetings(ctx, tx, "SELECT "+meetingColumns+" FROM meetings "+w.String()+
			" ORDER BY date, "+startOrder+", id"+w.page(limit, 0, 1000), w.args...)
		if err != nil {
			return err
		}
		if ranged {
			ms = inRange(ms, f.From, f.To)
		}
		if f.Limit > 0 && len(ms) > f.Limit {
			ms = ms[:f.Limit]
		}
		out = ms
		return s.attachMeetingParts(ctx, tx, out)
	})
	if err != nil {
		return nil, fmt.Errorf("store: find meetings: %w", err)
	}
	return out, nil
}

// inRange keeps the meetings held in [from, to] (nil: unbounded), ordered by the first day
// each is held there and the time of day.
func inRange(ms []congtac.Meeting, from, to *congtac.Date) []congtac.Meeting {
	first := make(map[int64]congtac.Date, len(ms))
	var out []congtac.Meeting
	for _, m := range ms {
		lo, hi := m.Date, m.Date
		if from != nil {
			lo = *from
		}
		if m.Recurrence != nil {
			hi = lo.AddMonths(12 * 10) // any rule that is still running meets within ten years
		}
		if to != nil {
			hi = *to
		}
		if days := m.Held(lo, hi); len(days) > 0 {
			first[m.ID] = days[0]
			out = append(out, m)
		}
	}
	slices.SortStableFunc(out, func(a, b congtac.Meeting) int {
		if c := first[a.ID].Compare(first[b.ID]); c != 0 {
			return c
		}
		return a.Start.Order(a.Part) - b.Start.Order(b.Part)
	})
	return out
}

// UpdateMeeting changes a meeting (not its agenda; see [Store.AddAgendaItem] and the like).
// Postponing or cancelling keeps the meeting with status postponed or cancelled and a note
// ("tạm hoãn, có thông báo sau"). In the same transaction: agenda items whose materials
// were due on the default day before the old date move with a new date; calendar entries
// generated from the meeting are cancelled from today on when it is postponed or cancelled,
// and on its old date when a one-off meeting moves (generate the new week again). Times,
// places and titles already on the calendar are not changed. The actor's ManageMeetings must
// reach the holding org (EFORBIDDEN). ECONFLICT when version moved; EINVALID for a status
// change that [congtac.Meeting.CheckStatusChange] refuses.
func (s *Store) UpdateMeeting(ctx context.Context, a congtac.Actor, id int64, version int, u congtac.MeetingUpdate) (congtac.Meeting, error) {
	var m congtac.Meeting
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := s.findMeeting(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := checkCan(ctx, tx, a, congtac.ManageMeetings, before.OrgID); err != nil {
			return err
		}
		m = normalizeMeeting(u.Apply(before))
		if err := m.Validate(); err != nil {
			return err
		}
		if before.Version != version { // after validation: a malformed change is not a conflict
			return conflict("Hội nghị")
		}
		if err := m.CheckStatusChange(before, s.today()); err != nil {
			return err
		}
		if err := checkMeetingRefs(ctx, tx, m); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE meetings SET org_id = $1, program_id = $2, kind = $3, title = $4,
			date = $5, start_min = $6, part = $7, place = $8, chair_id = $9, attendees = $10, rrule = $11,
			rrule_start = $12, status = $13, note = $14, search = $15, off_days = $16, sequence = sequence + 1,
			version = version + 1, updated_at = $17
			WHERE id = $18 AND version = $19`, append(meetingArgs(m), s.now().Unix(), id, version)...)
		if err != nil {
			return fmt.Errorf("store: update meeting: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return conflict("Hội nghị")
		}
		if u.InvitedPeople != nil || u.InvitedOrgs != nil {
			if err := writeInvited(ctx, tx, m); err != nil {
				return err
			}
		}
		if err := s.followMeeting(ctx, tx, a, before, m); err != nil {
			return err
		}
		if m, err = s.findMeeting(ctx, tx, id); err != nil {
			return err
		}
		action := "update"
		if m.Status != before.Status && (m.Status == congtac.MeetingPostponed || m.Status == congtac.MeetingCancelled) {
			action = map[congtac.MeetingStatus]string{congtac.MeetingPostponed: "postpone", congtac.MeetingCancelled: "cancel"}[m.Status]
		}
		return s.audit(ctx, tx, a, action, "meeting", id, m.OrgID, before, m)
	})
	return m, err
}

// followMeeting carries a meeting's new date and status over to its agenda's default
// materials days and to the calendar entries generated from it.
func (s *Store) followMeeting(ctx context.Context, tx *sql.Tx, a congtac.Actor, before, m congtac.Meeting) error {
	if m.Date != before.Date {
		st, err := settingsOf(ctx, tx, m.OrgID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE agenda_items SET materials_due = $1, version = version + 1
			WHERE meeting_id = $2 AND materials_due = $3`,
			materialsDue(m.Date, st).String(), m.ID, materialsDue(before.Date, st).String()); err != nil {
			return fmt.Errorf("store: update meeting: materials: %w", err)
		}
	}
	var w where
	var why string
	switch {
	case m.Status != before.Status && (m.Status == congtac.MeetingPostponed || m.Status == congtac.MeetingCancelled):
		w.add("date >= ?", congtac.DateOf(s.now(), congtac.Location()).String())
		why = m.Status.Label() + ": " + m.Note
	case m.Date != before.Date && before.Recurrence == nil:
		w.add("date = ?", before.Date.String())
		why = "dời sang " + vn.Weekday(m.Date.Weekday()) + " ngày " + vn.ShortDate(m.Date)
	default:
		return nil
	}
	w.add("meeting_id = ?", m.ID)
	w.add("cancelled = ?", false)
	return s.cancelEngagements(ctx, tx, a, w, why)
}

const agendaColumns = `id, meeting_id, position, title, lead_id, presenter_id, minutes, materials_due, materials,
	conclusion, version`
