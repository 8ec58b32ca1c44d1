package store

import (
	"context"
	"database/sql"
	"fmt"

	"congtac"
)

func normalizeAgendaItem(it congtac.AgendaItem) congtac.AgendaItem {
	it.Title, it.Materials, it.Conclusion = cleanText(it.Title), cleanText(it.Materials), cleanText(it.Conclusion)
	return it
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

// insertAgendaItem writes a validated agenda item with its support orgs and returns its ID.
func insertAgendaItem(ctx context.Context, tx *sql.Tx, it congtac.AgendaItem) (int64, error) {
	var id int64
	if err := tx.QueryRowContext(ctx, `INSERT INTO agenda_items (meeting_id, position, title, lead_id,
		presenter_id, minutes, materials_due, materials, conclusion, search, version)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1) RETURNING id`,
		it.MeetingID, it.Position, it.Title, nullID(it.Lead), nullID(it.PresenterID), it.Minutes,
		nullDate(it.MaterialsDue), it.Materials, it.Conclusion, agendaSearch(it)).Scan(&id); err != nil {
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

// attachMeetingParts loads the agenda of every meeting, in order, who is invited by name,
// and the sittings of every series changed on their own.
func (s *Store) attachMeetingParts(ctx context.Context, q queryer, ms []congtac.Meeting) error {
	if len(ms) == 0 {
		return nil
	}
	if err := s.attachChanged(ctx, q, ms); err != nil {
		return err
	}
	if err := s.attachInvited(ctx, q, ms); err != nil {
		return err
	}
	index, w := s.ofMeetings(ms, func(congtac.Meeting) bool { return true })
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

// ofMeetings returns the position in ms of each meeting keep keeps, by ID, and the
// condition on meeting_id that selects the rows of those meetings; an empty index when
// keep keeps none.
func (s *Store) ofMeetings(ms []congtac.Meeting, keep func(congtac.Meeting) bool) (map[int64]int, where) {
	index := make(map[int64]int, len(ms))
	var ids []int64
	for i, m := range ms {
		if keep(m) {
			index[m.ID] = i
			ids = append(ids, m.ID)
		}
	}
	var w where
	if len(ids) > 0 {
		list, arg := s.idList(ids)
		w.add("meeting_id IN ("+list+")", arg)
	}
	return index, w
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

// FindAgendaItemByID returns an agenda item, or ENOTFOUND.
func (s *Store) FindAgendaItemByID(ctx context.Context, id int64) (congtac.AgendaItem, error) {
	var it congtac.AgendaItem
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		it, err = s.findAgendaItem(ctx, tx, id)
		return err
	})
	return it, err
}

// AddAgendaItem adds an item to a meeting's agenda: at the end when Position is 0, with the
// default materials day (see [Store.CreateMeeting]) when MaterialsDue is zero.
func (s *Store) AddAgendaItem(ctx context.Context, a congtac.Actor, it congtac.AgendaItem) (congtac.AgendaItem, error) {
	it = normalizeAgendaItem(it)
	if err := it.Validate(); err != nil {
		return congtac.AgendaItem{}, err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		it, err = s.addAgendaItem(ctx, tx, a, it)
		return err
	})
	if err != nil {
		return congtac.AgendaItem{}, err
	}
	return it, nil
}

// addAgendaItem writes a validated item in tx: last on the agenda when Position is 0, its
// materials due by the setting when not given; audited.
func (s *Store) addAgendaItem(ctx context.Context, tx *sql.Tx, a congtac.Actor, it congtac.AgendaItem) (congtac.AgendaItem, error) {
	m, err := findMeetingRow(ctx, tx, it.MeetingID)
	if err != nil {
		return it, err
	}
	if err := checkCan(ctx, tx, a, congtac.ManageMeetings, m.OrgID); err != nil {
		return it, err
	}
	if err := checkAgendaRefs(ctx, tx, it); err != nil {
		return it, err
	}
	if it.Position == 0 {
		if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(position), 0) + 1 FROM agenda_items WHERE meeting_id = $1",
			m.ID).Scan(&it.Position); err != nil {
			return it, fmt.Errorf("store: add agenda item: %w", err)
		}
	}
	if it.MaterialsDue.IsZero() {
		st, err := settingsOf(ctx, tx, m.OrgID)
		if err != nil {
			return it, err
		}
		it.MaterialsDue = materialsDue(m.Date, st)
	}
	if it.ID, err = insertAgendaItem(ctx, tx, it); err != nil {
		return it, err
	}
	it.Version = 1
	if err := touchMeeting(ctx, tx, m.ID); err != nil {
		return it, err
	}
	return it, s.audit(ctx, tx, a, "create", "agenda_item", it.ID, m.OrgID, nil, it)
}

// UpdateAgendaItem changes an agenda item: its title, preparing orgs, presenter, duration,
// materials and their due day, or the meeting's conclusion on it. ECONFLICT when version
// moved.
func (s *Store) UpdateAgendaItem(ctx context.Context, a congtac.Actor, id int64, version int, u congtac.AgendaItemUpdate) (congtac.AgendaItem, error) {
	var it congtac.AgendaItem
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := s.findAgendaItem(ctx, tx, id)
		if err != nil {
			return err
		}
		it = normalizeAgendaItem(u.Apply(before))
		if err := it.Validate(); err != nil {
			return err
		}
		if before.Version != version { // after validation: a malformed change is not a conflict
			return conflict("Nội dung trình hội nghị")
		}
		m, err := findMeetingRow(ctx, tx, it.MeetingID)
		if err != nil {
			return err
		}
		if err := checkCan(ctx, tx, a, congtac.ManageMeetings, m.OrgID); err != nil {
			return err
		}
		if err := checkAgendaRefs(ctx, tx, it); err != nil {
			return err
		}
		if it.MaterialsDue.IsZero() {
			st, err := settingsOf(ctx, tx, m.OrgID)
			if err != nil {
				return err
			}
			it.MaterialsDue = materialsDue(m.Date, st)
		}
		res, err := tx.ExecContext(ctx, `UPDATE agenda_items SET position = $1, title = $2, lead_id = $3,
			presenter_id = $4, minutes = $5, materials_due = $6, materials = $7, conclusion = $8,
			search = $9, version = version + 1 WHERE id = $10 AND version = $11`,
			it.Position, it.Title, nullID(it.Lead), nullID(it.PresenterID), it.Minutes, nullDate(it.MaterialsDue),
			it.Materials, it.Conclusion, agendaSearch(it), id, version)
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
		if err := touchMeeting(ctx, tx, m.ID); err != nil {
			return err
		}
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
		if err := checkCan(ctx, tx, a, congtac.ManageMeetings, m.OrgID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM agenda_items WHERE id = $1 AND version = $2", id, version)
		if err != nil {
			return fmt.Errorf("store: delete agenda item: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return conflict("Nội dung trình hội nghị")
		}
		if err := touchMeeting(ctx, tx, m.ID); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "delete", "agenda_item", id, m.OrgID, before, nil)
	})
}

// AgendaDue is an agenda item whose materials are due, with the meeting it goes to (without
// the meeting's agenda).
type AgendaDue struct {
	Item         congtac.AgendaItem
	Meeting      congtac.Meeting
	HasMaterials bool // a file is attached to the item
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
		attached, err := s.itemsWithMaterials(ctx, tx, items)
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
			out = append(out, AgendaDue{Item: it, Meeting: m, HasMaterials: attached[it.ID]})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: find agenda due: %w", err)
	}
	return out, nil
}

// itemsWithMaterials returns which of items have a file attached.
func (s *Store) itemsWithMaterials(ctx context.Context, tx *sql.Tx, items []congtac.AgendaItem) (map[int64]bool, error) {
	out := map[int64]bool{}
	if len(items) == 0 {
		return out, nil
	}
	ids := make([]int64, len(items))
	for i, it := range items {
		ids[i] = it.ID
	}
	var w where
	w.add(s.inIDs("agenda_item_id", ids))
	list, err := readRows(ctx, tx, query{"SELECT DISTINCT agenda_item_id FROM materials " + w.String(), w.args},
		func(sc scanner) (id int64, err error) { return id, sc.Scan(&id) })
	for _, id := range list {
		out[id] = true
	}
	return out, err
}
