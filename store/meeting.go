package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"congtac"
	"congtac/vn"
)

// cleanText puts a user's text in NFC without surrounding spaces.
func cleanText(s string) string { return vn.NFC(strings.TrimSpace(s)) }

// setIf sets *dst to *src when src is not nil, for the Apply methods of updates.
func setIf[T any](dst *T, src *T) {
	if src != nil {
		*dst = *src
	}
}

const meetingColumns = `id, org_id, program_id, kind, title, date, start_min, part, place, chair_id, attendees,
	rrule, rrule_start, status, note, version`

// startOrder is the minute of the day a meeting or calendar entry sorts at: its time, or for
// a part of the day without one the usual start (7:30, 14:00, 18:00); a whole day first.
const startOrder = `CASE WHEN start_min >= 0 THEN start_min WHEN part = 'morning' THEN 450
	WHEN part = 'afternoon' THEN 840 WHEN part = 'evening' THEN 1080 ELSE -1 END`

func scanMeeting(sc interface{ Scan(...any) error }) (congtac.Meeting, error) {
	var m congtac.Meeting
	var rrule string
	var rstart congtac.Date
	err := sc.Scan(&m.ID, &m.OrgID, idCol{&m.ProgramID}, &m.Kind, &m.Title, dateCol{&m.Date}, &m.Start, &m.Part,
		&m.Place, idCol{&m.ChairID}, &m.Attendees, &rrule, dateCol{&rstart}, &m.Status, &m.Note, &m.Version)
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

func normalizeAgendaItem(it congtac.AgendaItem) congtac.AgendaItem {
	it.Title, it.Materials, it.Conclusion = cleanText(it.Title), cleanText(it.Materials), cleanText(it.Conclusion)
	return it
}

// checkPerson returns ENOTFOUND naming what when a person ID other than 0 does not exist.
func checkPerson(ctx context.Context, q queryer, id int64, what string) error {
	if id == 0 {
		return nil
	}
	var n int
	if err := q.QueryRowContext(ctx, "SELECT count(*) FROM people WHERE id = $1", id).Scan(&n); err != nil {
		return fmt.Errorf("store: find person: %w", err)
	}
	if n == 0 {
		return notFound(what)
	}
	return nil
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

// checkAgendaRefs verifies that the preparing orgs and the presenter of an item exist.
func checkAgendaRefs(ctx context.Context, tx *sql.Tx, it congtac.AgendaItem) error {
	for _, org := range append([]int64{it.Lead}, it.Support...) {
		if org == 0 {
			continue
		}
		if _, err := findOrg(ctx, tx, org); err != nil {
			return err
		}
	}
	return checkPerson(ctx, tx, it.PresenterID, "người trình bày")
}

// materialsDue returns the day the materials of a meeting on date are due by default.
func materialsDue(date congtac.Date, st congtac.Settings) congtac.Date {
	return date.AddDays(-st.MaterialsLeadDays)
}

func meetingArgs(m congtac.Meeting) []any {
	rrule, rstart := "", any(nil)
	if m.Recurrence != nil {
		rrule, rstart = m.Recurrence.String(), m.Recurrence.Start.String()
	}
	return []any{m.OrgID, nullID(m.ProgramID), m.Kind, m.Title, m.Date.String(), m.Start, m.Part, m.Place,
		nullID(m.ChairID), m.Attendees, rrule, rstart, m.Status, m.Note, vn.Fold(m.Title + " " + m.Place)}
}

// CreateMeeting adds a meeting with its agenda in one transaction. An empty status is
// planned. Agenda items are kept in the order given (Position 0 becomes the item's place in
// the list), and an item without MaterialsDue gets the meeting's date less the setting's
// MaterialsLeadDays. A recurring meeting's rule starts on its Date. Nothing is written when
// the meeting or one item fails validation.
func (s *Store) CreateMeeting(ctx context.Context, a congtac.Actor, m congtac.Meeting) (congtac.Meeting, error) {
	m = normalizeMeeting(m)
	if m.Status == "" {
		m.Status = congtac.MeetingPlanned
	}
	if err := m.Validate(); err != nil {
		return congtac.Meeting{}, err
	}
	for _, it := range m.Agenda {
		if err := it.Validate(); err != nil {
			return congtac.Meeting{}, err
		}
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := checkMeetingRefs(ctx, tx, m); err != nil {
			return err
		}
		st, err := settingsTx(ctx, tx)
		if err != nil {
			return err
		}
		now := s.now().Unix()
		if err := tx.QueryRowContext(ctx, `INSERT INTO meetings (org_id, program_id, kind, title, date, start_min,
			part, place, chair_id, attendees, rrule, rrule_start, status, note, search, version, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 1, $16, $16) RETURNING id`,
			append(meetingArgs(m), now)...).Scan(&m.ID); err != nil {
			return fmt.Errorf("store: create meeting: %w", err)
		}
		m.Version = 1
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
		return s.audit(ctx, tx, a, "create", "meeting", m.ID, m.OrgID, nil, m)
	})
	if err != nil {
		return congtac.Meeting{}, err
	}
	return m, nil
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
	err = s.attachAgenda(ctx, q, ms)
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

// heldOn returns the days in [from, to] on which m is held: its date, or for a recurring
// meeting each occurrence of its rule.
func heldOn(m congtac.Meeting, from, to congtac.Date) []congtac.Date {
	if m.Recurrence == nil {
		if m.Date.Before(from) || m.Date.After(to) {
			return nil
		}
		return []congtac.Date{m.Date}
	}
	return m.Recurrence.Between(from, to)
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
	if f.Kind != nil {
		w.add("kind = ?", *f.Kind)
	}
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
		return s.attachAgenda(ctx, tx, out)
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
		if days := heldOn(m, lo, hi); len(days) > 0 {
			first[m.ID] = days[0]
			out = append(out, m)
		}
	}
	slices.SortStableFunc(out, func(a, b congtac.Meeting) int {
		if c := first[a.ID].Compare(first[b.ID]); c != 0 {
			return c
		}
		return startMinute(a.Start, a.Part) - startMinute(b.Start, b.Part)
	})
	return out
}

// MeetingUpdate holds the fields of a meeting to change; nil fields stay as they are.
type MeetingUpdate struct {
	ProgramID  *int64
	Kind       *congtac.MeetingKind
	Title      *string
	Date       *congtac.Date
	Start      *congtac.ClockTime
	Part       *congtac.DayPart
	Place      *string
	ChairID    *int64
	Attendees  *string
	Recurrence **congtac.Recurrence
	Status     *congtac.MeetingStatus
	Note       *string
}

// Apply returns m with the update's fields applied.
func (u MeetingUpdate) Apply(m congtac.Meeting) congtac.Meeting {
	setIf(&m.ProgramID, u.ProgramID)
	setIf(&m.Kind, u.Kind)
	setIf(&m.Title, u.Title)
	setIf(&m.Date, u.Date)
	setIf(&m.Start, u.Start)
	setIf(&m.Part, u.Part)
	setIf(&m.Place, u.Place)
	setIf(&m.ChairID, u.ChairID)
	setIf(&m.Attendees, u.Attendees)
	setIf(&m.Recurrence, u.Recurrence)
	setIf(&m.Status, u.Status)
	setIf(&m.Note, u.Note)
	return m
}

// UpdateMeeting changes a meeting (not its agenda; see [Store.AddAgendaItem] and the like).
// Postponing or cancelling keeps the meeting with status postponed or cancelled and a note
// ("tạm hoãn, có thông báo sau"). In the same transaction: agenda items whose materials
// were due on the default day before the old date move with a new date; calendar entries
// generated from the meeting are cancelled from today on when it is postponed or cancelled,
// and on its old date when a one-off meeting moves (generate the new week again). Times,
// places and titles already on the calendar are not changed. ECONFLICT when version moved.
func (s *Store) UpdateMeeting(ctx context.Context, a congtac.Actor, id int64, version int, u MeetingUpdate) (congtac.Meeting, error) {
	var m congtac.Meeting
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := s.findMeeting(ctx, tx, id)
		if err != nil {
			return err
		}
		if before.Version != version {
			return conflict("Hội nghị")
		}
		m = normalizeMeeting(u.Apply(before))
		if err := m.Validate(); err != nil {
			return err
		}
		if err := checkMeetingRefs(ctx, tx, m); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE meetings SET org_id = $1, program_id = $2, kind = $3, title = $4,
			date = $5, start_min = $6, part = $7, place = $8, chair_id = $9, attendees = $10, rrule = $11,
			rrule_start = $12, status = $13, note = $14, search = $15, version = version + 1, updated_at = $16
			WHERE id = $17 AND version = $18`, append(meetingArgs(m), s.now().Unix(), id, version)...)
		if err != nil {
			return fmt.Errorf("store: update meeting: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return conflict("Hội nghị")
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
		st, err := settingsTx(ctx, tx)
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
	switch {
	case m.Status != before.Status && (m.Status == congtac.MeetingPostponed || m.Status == congtac.MeetingCancelled):
		w.add("date >= ?", congtac.DateOf(s.now(), congtac.Location()).String())
	case m.Date != before.Date && before.Recurrence == nil:
		w.add("date = ?", before.Date.String())
	default:
		return nil
	}
	w.add("meeting_id = ?", m.ID)
	w.add("cancelled = ?", false)
	return s.cancelEngagements(ctx, tx, a, w)
}

const agendaColumns = `id, meeting_id, position, title, lead_id, presenter_id, minutes, materials_due, materials,
	conclusion, version`

// insertAgendaItem writes a validated agenda item with its support orgs and returns its ID.
func insertAgendaItem(ctx context.Context, tx *sql.Tx, it congtac.AgendaItem) (int64, error) {
	var id int64
	if err := tx.QueryRowContext(ctx, `INSERT INTO agenda_items (meeting_id, position, title, lead_id,
		presenter_id, minutes, materials_due, materials, conclusion, version)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1) RETURNING id`,
		it.MeetingID, it.Position, it.Title, nullID(it.Lead), nullID(it.PresenterID), it.Minutes,
		nullDate(it.MaterialsDue), it.Materials, it.Conclusion).Scan(&id); err != nil {
		return 0, fmt.Errorf("store: insert agenda item: %w", err)
	}
	return id, writeAgendaSupports(ctx, tx, id, it.Support)
}

// writeAgendaSupports replaces an agenda item's support orgs.
func writeAgendaSupports(ctx context.Context, tx *sql.Tx, itemID int64, orgs []int64) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM agenda_supports WHERE agenda_item_id = $1", itemID); err != nil {
		return fmt.Errorf("store: agenda supports: %w", err)
	}
	for i, org := range orgs {
		if _, err := tx.ExecContext(ctx, `INSERT INTO agenda_supports (agenda_item_id, org_id, position)
			VALUES ($1, $2, $3)`, itemID, org, i); err != nil {
			return fmt.Errorf("store: agenda supports: %w", err)
		}
	}
	return nil
}

// queryAgenda runs a query selecting agendaColumns and returns the items with their support
// orgs.
func (s *Store) queryAgenda(ctx context.Context, q queryer, query string, args ...any) ([]congtac.AgendaItem, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: agenda: %w", err)
	}
	defer rows.Close()
	var items []congtac.AgendaItem
	for rows.Next() {
		var it congtac.AgendaItem
		if err := rows.Scan(&it.ID, &it.MeetingID, &it.Position, &it.Title, idCol{&it.Lead}, idCol{&it.PresenterID},
			&it.Minutes, dateCol{&it.MaterialsDue}, &it.Materials, &it.Conclusion, &it.Version); err != nil {
			return nil, fmt.Errorf("store: agenda: %w", err)
		}
		items = append(items, it)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: agenda: %w", err)
	}
	rows.Close()
	if len(items) == 0 {
		return items, nil
	}
	index := make(map[int64]int, len(items))
	ids := make([]int64, len(items))
	for i, it := range items {
		index[it.ID], ids[i] = i, it.ID
	}
	list, arg := s.idList(ids)
	var w where
	w.add("agenda_item_id IN ("+list+")", arg)
	sup, err := q.QueryContext(ctx, "SELECT agenda_item_id, org_id FROM agenda_supports "+w.String()+
		" ORDER BY agenda_item_id, position", w.args...)
	if err != nil {
		return nil, fmt.Errorf("store: agenda supports: %w", err)
	}
	defer sup.Close()
	for sup.Next() {
		var id, org int64
		if err := sup.Scan(&id, &org); err != nil {
			return nil, fmt.Errorf("store: agenda supports: %w", err)
		}
		it := &items[index[id]]
		it.Support = append(it.Support, org)
	}
	return items, sup.Err()
}

// attachAgenda loads the agenda of every meeting, in order, in two queries.
func (s *Store) attachAgenda(ctx context.Context, q queryer, ms []congtac.Meeting) error {
	if len(ms) == 0 {
		return nil
	}
	index := make(map[int64]int, len(ms))
	ids := make([]int64, len(ms))
	for i, m := range ms {
		index[m.ID], ids[i] = i, m.ID
	}
	list, arg := s.idList(ids)
	var w where
	w.add("meeting_id IN ("+list+")", arg)
	items, err := s.queryAgenda(ctx, q, "SELECT "+agendaColumns+" FROM agenda_items "+w.String()+
		" ORDER BY meeting_id, position, id", w.args...)
	if err != nil {
		return err
	}
	for _, it := range items {
		m := &ms[index[it.MeetingID]]
		m.Agenda = append(m.Agenda, it)
	}
	return nil
}

func (s *Store) findAgendaItem(ctx context.Context, q queryer, id int64) (congtac.AgendaItem, error) {
	items, err := s.queryAgenda(ctx, q, "SELECT "+agendaColumns+" FROM agenda_items WHERE id = $1", id)
	if err != nil {
		return congtac.AgendaItem{}, err
	}
	if len(items) == 0 {
		return congtac.AgendaItem{}, notFound("nội dung trình hội nghị")
	}
	return items[0], nil
}

// AddAgendaItem adds an item to a meeting's agenda: at the end when Position is 0, with the
// default materials day (see [Store.CreateMeeting]) when MaterialsDue is zero.
func (s *Store) AddAgendaItem(ctx context.Context, a congtac.Actor, it congtac.AgendaItem) (congtac.AgendaItem, error) {
	it = normalizeAgendaItem(it)
	if err := it.Validate(); err != nil {
		return congtac.AgendaItem{}, err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		m, err := findMeetingRow(ctx, tx, it.MeetingID)
		if err != nil {
			return err
		}
		if err := checkAgendaRefs(ctx, tx, it); err != nil {
			return err
		}
		if it.Position == 0 {
			if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(position), 0) + 1 FROM agenda_items WHERE meeting_id = $1",
				m.ID).Scan(&it.Position); err != nil {
				return fmt.Errorf("store: add agenda item: %w", err)
			}
		}
		if it.MaterialsDue.IsZero() {
			st, err := settingsTx(ctx, tx)
			if err != nil {
				return err
			}
			it.MaterialsDue = materialsDue(m.Date, st)
		}
		if it.ID, err = insertAgendaItem(ctx, tx, it); err != nil {
			return err
		}
		it.Version = 1
		return s.audit(ctx, tx, a, "create", "agenda_item", it.ID, m.OrgID, nil, it)
	})
	if err != nil {
		return congtac.AgendaItem{}, err
	}
	return it, nil
}

// AgendaItemUpdate holds the fields of an agenda item to change; nil fields stay as they are.
type AgendaItemUpdate struct {
	Position     *int
	Title        *string
	Lead         *int64
	Support      *[]int64
	PresenterID  *int64
	Minutes      *int
	MaterialsDue *congtac.Date // the zero Date restores the default
	Materials    *string
	Conclusion   *string
}

// Apply returns it with the update's fields applied.
func (u AgendaItemUpdate) Apply(it congtac.AgendaItem) congtac.AgendaItem {
	setIf(&it.Position, u.Position)
	setIf(&it.Title, u.Title)
	setIf(&it.Lead, u.Lead)
	setIf(&it.Support, u.Support)
	setIf(&it.PresenterID, u.PresenterID)
	setIf(&it.Minutes, u.Minutes)
	setIf(&it.MaterialsDue, u.MaterialsDue)
	setIf(&it.Materials, u.Materials)
	setIf(&it.Conclusion, u.Conclusion)
	return it
}

// UpdateAgendaItem changes an agenda item: its title, preparing orgs, presenter, duration,
// materials and their due day, or the meeting's conclusion on it. ECONFLICT when version
// moved.
func (s *Store) UpdateAgendaItem(ctx context.Context, a congtac.Actor, id int64, version int, u AgendaItemUpdate) (congtac.AgendaItem, error) {
	var it congtac.AgendaItem
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := s.findAgendaItem(ctx, tx, id)
		if err != nil {
			return err
		}
		if before.Version != version {
			return conflict("Nội dung trình hội nghị")
		}
		it = normalizeAgendaItem(u.Apply(before))
		if err := it.Validate(); err != nil {
			return err
		}
		m, err := findMeetingRow(ctx, tx, it.MeetingID)
		if err != nil {
			return err
		}
		if err := checkAgendaRefs(ctx, tx, it); err != nil {
			return err
		}
		if it.MaterialsDue.IsZero() {
			st, err := settingsTx(ctx, tx)
			if err != nil {
				return err
			}
			it.MaterialsDue = materialsDue(m.Date, st)
		}
		res, err := tx.ExecContext(ctx, `UPDATE agenda_items SET position = $1, title = $2, lead_id = $3,
			presenter_id = $4, minutes = $5, materials_due = $6, materials = $7, conclusion = $8,
			version = version + 1 WHERE id = $9 AND version = $10`,
			it.Position, it.Title, nullID(it.Lead), nullID(it.PresenterID), it.Minutes, nullDate(it.MaterialsDue),
			it.Materials, it.Conclusion, id, version)
		if err != nil {
			return fmt.Errorf("store: update agenda item: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return conflict("Nội dung trình hội nghị")
		}
		if u.Support != nil {
			if err := writeAgendaSupports(ctx, tx, id, it.Support); err != nil {
				return err
			}
		}
		it.Version = version + 1
		return s.audit(ctx, tx, a, "update", "agenda_item", id, m.OrgID, before, it)
	})
	return it, err
}

// DeleteAgendaItem removes an item from a meeting's agenda. ECONFLICT when version moved.
func (s *Store) DeleteAgendaItem(ctx context.Context, a congtac.Actor, id int64, version int) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := s.findAgendaItem(ctx, tx, id)
		if err != nil {
			return err
		}
		if before.Version != version {
			return conflict("Nội dung trình hội nghị")
		}
		m, err := findMeetingRow(ctx, tx, before.MeetingID)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM agenda_items WHERE id = $1 AND version = $2", id, version)
		if err != nil {
			return fmt.Errorf("store: delete agenda item: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return conflict("Nội dung trình hội nghị")
		}
		return s.audit(ctx, tx, a, "delete", "agenda_item", id, m.OrgID, before, nil)
	})
}

// AgendaDue is an agenda item whose materials are due, with the meeting it goes to (without
// the meeting's agenda).
type AgendaDue struct {
	Item    congtac.AgendaItem
	Meeting congtac.Meeting
}

// FindAgendaDue returns the items of planned meetings whose materials are due between from
// and to (inclusive), by due day, meeting and position, so that the office can chase the
// preparing orgs. With orgID, only items that org leads or supports.
func (s *Store) FindAgendaDue(ctx context.Context, orgID *int64, from, to congtac.Date) ([]AgendaDue, error) {
	var w where
	w.add("materials_due >= ? AND materials_due <= ?", from.String(), to.String())
	w.add("meeting_id IN (SELECT id FROM meetings WHERE status = ?)", congtac.MeetingPlanned)
	if orgID != nil {
		w.add("id IN (SELECT id FROM agenda_items WHERE lead_id = ? UNION SELECT agenda_item_id FROM agenda_supports WHERE org_id = ?)",
			*orgID, *orgID)
	}
	var out []AgendaDue
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		items, err := s.queryAgenda(ctx, tx, "SELECT "+agendaColumns+" FROM agenda_items "+w.String()+
			" ORDER BY materials_due, meeting_id, position, id"+w.page(0, 0, 5000), w.args...)
		if err != nil {
			return err
		}
		meetings := map[int64]congtac.Meeting{}
		for _, it := range items {
			m, ok := meetings[it.MeetingID]
			if !ok {
				if m, err = findMeetingRow(ctx, tx, it.MeetingID); err != nil {
					return err
				}
				meetings[it.MeetingID] = m
			}
			out = append(out, AgendaDue{Item: it, Meeting: m})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: find agenda due: %w", err)
	}
	return out, nil
}
