package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"congtac"
	"congtac/vn"
)

const engagementColumns = `id, org_id, person_id, date, start_min, part, title, place, participants, preparer_id,
	accompany, note, meeting_id, cancelled, version`

func scanEngagement(sc interface{ Scan(...any) error }) (congtac.Engagement, error) {
	var e congtac.Engagement
	err := sc.Scan(&e.ID, &e.OrgID, idCol{&e.PersonID}, dateCol{&e.Date}, &e.Start, &e.Part, &e.Title, &e.Place,
		&e.Participants, idCol{&e.PreparerID}, &e.Accompany, &e.Note, idCol{&e.MeetingID}, &e.Cancelled, &e.Version)
	return e, err
}

// normalizeEngagement cleans the texts and takes the part of the day from a given time.
func normalizeEngagement(e congtac.Engagement) congtac.Engagement {
	e.Title, e.Place, e.Participants = cleanText(e.Title), cleanText(e.Place), cleanText(e.Participants)
	e.Accompany, e.Note = cleanText(e.Accompany), cleanText(e.Note)
	if e.Start != congtac.NoTime && e.Start.Valid() {
		e.Part = e.Start.Part()
	}
	return e
}

func validateEngagement(e congtac.Engagement) error {
	if err := e.Validate(); err != nil {
		return err
	}
	if e.OrgID == 0 {
		return congtac.FieldError("org_id", "Chưa chọn cơ quan có lịch công tác.")
	}
	return nil
}

// checkEngagementRefs verifies that the org, leader, preparing org and meeting exist.
func checkEngagementRefs(ctx context.Context, tx *sql.Tx, e congtac.Engagement) error {
	for _, org := range []int64{e.OrgID, e.PreparerID} {
		if org == 0 {
			continue
		}
		if _, err := findOrg(ctx, tx, org); err != nil {
			return err
		}
	}
	if e.MeetingID != 0 {
		if _, err := findMeetingRow(ctx, tx, e.MeetingID); err != nil {
			return err
		}
	}
	return checkPerson(ctx, tx, e.PersonID, "lãnh đạo")
}

// insertEngagement writes a validated entry and returns its ID.
func (s *Store) insertEngagement(ctx context.Context, tx *sql.Tx, e congtac.Engagement) (int64, error) {
	var id int64
	if err := tx.QueryRowContext(ctx, `INSERT INTO engagements (org_id, person_id, date, start_min, part, title,
		place, participants, preparer_id, accompany, note, meeting_id, cancelled, search, version, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1, $15, $15) RETURNING id`,
		e.OrgID, nullID(e.PersonID), e.Date.String(), e.Start, e.Part, e.Title, e.Place, e.Participants,
		nullID(e.PreparerID), e.Accompany, e.Note, nullID(e.MeetingID), e.Cancelled, engagementSearch(e),
		s.now().Unix()).Scan(&id); err != nil {
		return 0, fmt.Errorf("store: insert engagement: %w", err)
	}
	return id, nil
}

// lockCalendar serialises the writers of an org's calendar that must see each other's work
// (generation, publication). PostgreSQL locks the org's row until the transaction ends,
// without blocking inserts that merely reference it; SQLite's write transactions already
// run one at a time.
func (s *Store) lockCalendar(ctx context.Context, tx *sql.Tx, orgID int64) error {
	if s.engine != Postgres {
		return nil
	}
	var id int64
	err := tx.QueryRowContext(ctx, "SELECT id FROM orgs WHERE id = $1 FOR NO KEY UPDATE", orgID).Scan(&id)
	if err == sql.ErrNoRows {
		return notFound("cơ quan, đơn vị")
	} else if err != nil {
		return fmt.Errorf("store: lock calendar: %w", err)
	}
	return nil
}

// CreateEngagement adds an entry to an org's weekly calendar by hand. The actor's
// ManageCalendar must reach the org (EFORBIDDEN).
func (s *Store) CreateEngagement(ctx context.Context, a congtac.Actor, e congtac.Engagement) (congtac.Engagement, error) {
	es, err := s.CreateEngagements(ctx, a, e, []int64{e.PersonID})
	if err != nil {
		return congtac.Engagement{}, err
	}
	return es[0], nil
}

// CreateEngagements adds entry e to an org's weekly calendar once for each leader of people
// (a leader's calendar is a list of his own entries: "Chủ tịch, PCT Vương Mạnh Chung dự …"
// is one entry each), all or none, each audited; a 0 among people is an entry without a
// leader. The actor's ManageCalendar must reach the org (EFORBIDDEN).
func (s *Store) CreateEngagements(ctx context.Context, a congtac.Actor, e congtac.Engagement, people []int64) ([]congtac.Engagement, error) {
	var out []congtac.Engagement
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = s.createEngagements(ctx, tx, a, e, people)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// createEngagements is [Store.CreateEngagements] in tx.
func (s *Store) createEngagements(ctx context.Context, tx *sql.Tx, a congtac.Actor, e congtac.Engagement, people []int64) ([]congtac.Engagement, error) {
	e = normalizeEngagement(e)
	if len(people) == 0 {
		people = []int64{0}
	}
	var out []congtac.Engagement
	for i, p := range slices.Compact(slices.Sorted(slices.Values(people))) {
		e := e
		e.PersonID = p
		if err := validateEngagement(e); err != nil {
			return nil, err
		}
		if err := checkEngagementRefs(ctx, tx, e); err != nil {
			return nil, err
		}
		if i == 0 {
			if err := checkCan(ctx, tx, a, congtac.ManageCalendar, e.OrgID); err != nil {
				return nil, err
			}
		}
		var err error
		if e.ID, err = s.insertEngagement(ctx, tx, e); err != nil {
			return nil, err
		}
		e.Version = 1
		if err := s.audit(ctx, tx, a, "create", "engagement", e.ID, e.OrgID, nil, e); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// FindEngagementByID returns a calendar entry, or ENOTFOUND.
func (s *Store) FindEngagementByID(ctx context.Context, id int64) (congtac.Engagement, error) {
	return findEngagement(ctx, s.read, id)
}

func findEngagement(ctx context.Context, q queryer, id int64) (congtac.Engagement, error) {
	e, err := scanEngagement(q.QueryRowContext(ctx, "SELECT "+engagementColumns+" FROM engagements WHERE id = $1", id))
	if err == sql.ErrNoRows {
		return e, notFound("lịch công tác")
	} else if err != nil {
		return e, fmt.Errorf("store: find engagement: %w", err)
	}
	return e, nil
}

// saveEngagement writes every changeable column of e, bumping the version it was read at.
func (s *Store) saveEngagement(ctx context.Context, tx *sql.Tx, e congtac.Engagement) error {
	res, err := tx.ExecContext(ctx, `UPDATE engagements SET person_id = $1, date = $2, start_min = $3, part = $4,
		title = $5, place = $6, participants = $7, preparer_id = $8, accompany = $9, note = $10, cancelled = $11,
		search = $12, version = version + 1, updated_at = $13 WHERE id = $14 AND version = $15`,
		nullID(e.PersonID), e.Date.String(), e.Start, e.Part, e.Title, e.Place, e.Participants,
		nullID(e.PreparerID), e.Accompany, e.Note, e.Cancelled, engagementSearch(e), s.now().Unix(), e.ID, e.Version)
	if err != nil {
		return fmt.Errorf("store: save engagement: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return conflict("Lịch công tác")
	}
	return nil
}

// UpdateEngagement changes a calendar entry. The actor's ManageCalendar must reach its org
// (EFORBIDDEN). ECONFLICT when version moved.
func (s *Store) UpdateEngagement(ctx context.Context, a congtac.Actor, id int64, version int, u congtac.EngagementUpdate) (congtac.Engagement, error) {
	var e congtac.Engagement
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := findEngagement(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := checkCan(ctx, tx, a, congtac.ManageCalendar, before.OrgID); err != nil {
			return err
		}
		e = normalizeEngagement(u.Apply(before))
		if err := validateEngagement(e); err != nil {
			return err
		}
		if before.Version != version { // after validation: a malformed change is not a conflict
			return conflict("Lịch công tác")
		}
		if err := checkEngagementRefs(ctx, tx, e); err != nil {
			return err
		}
		if err := checkCan(ctx, tx, a, congtac.ManageCalendar, e.OrgID); err != nil {
			return err
		}
		if err := s.saveEngagement(ctx, tx, e); err != nil {
			return err
		}
		e.Version++
		return s.audit(ctx, tx, a, "update", "engagement", id, e.OrgID, before, e)
	})
	return e, err
}

// CancelEngagement marks a calendar entry cancelled; the entry stays on the calendar so that
// the published schedule can show what was called off. The actor's ManageCalendar must
// reach its org (EFORBIDDEN). ECONFLICT when version moved.
func (s *Store) CancelEngagement(ctx context.Context, a congtac.Actor, id int64, version int) (congtac.Engagement, error) {
	var e congtac.Engagement
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := findEngagement(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := checkCan(ctx, tx, a, congtac.ManageCalendar, before.OrgID); err != nil {
			return err
		}
		if before.Version != version {
			return conflict("Lịch công tác")
		}
		if before.Cancelled {
			return congtac.Errorf(congtac.EINVALID, "Lịch công tác này đã hủy.")
		}
		e = before
		e.Cancelled = true
		if err := s.saveEngagement(ctx, tx, e); err != nil {
			return err
		}
		e.Version++
		return s.audit(ctx, tx, a, "cancel", "engagement", id, e.OrgID, before, e)
	})
	return e, err
}

// cancelEngagements cancels the entries matching w, auditing each.
//
// A week already published gets its next revision ("Điều chỉnh lần N") listing each entry
// cancelled, with why (the reason announced, or where the sitting moved), so that the
// published calendar never shows what no longer takes place.
func (s *Store) cancelEngagements(ctx context.Context, tx *sql.Tx, a congtac.Actor, w where, why string) error {
	entries, err := queryEngagements(ctx, tx, "SELECT "+engagementColumns+" FROM engagements "+w.String()+
		" ORDER BY date, id", w.args...)
	if err != nil {
		return err
	}
	type week struct {
		org    int64
		period congtac.Period
	}
	changes := map[week][]string{}
	var weeks []week
	for _, before := range entries {
		e := before
		e.Cancelled = true
		if err := s.saveEngagement(ctx, tx, e); err != nil {
			return err
		}
		e.Version++
		if err := s.audit(ctx, tx, a, "cancel", "engagement", e.ID, e.OrgID, before, e); err != nil {
			return err
		}
		k := week{e.OrgID, congtac.PeriodOf(congtac.PeriodWeek, e.Date)}
		if _, seen := changes[k]; !seen {
			weeks = append(weeks, k)
		}
		line := "Hủy: " + strings.TrimRight(e.Title, ". ") + ", " + vn.Weekday(e.Date.Weekday()) + " ngày " + vn.ShortDate(e.Date)
		if why = strings.TrimSpace(why); why != "" {
			line += " (" + strings.TrimRight(why, ".") + ")"
		}
		if line += "."; !slices.Contains(changes[k], line) { // the chair's and the invited's entries say it once
			changes[k] = append(changes[k], line)
		}
	}
	for _, k := range weeks {
		if err := s.lockCalendar(ctx, tx, k.org); err != nil {
			return err
		}
		before, err := findCalendar(ctx, tx, k.org, k.period)
		switch {
		case congtac.ErrorCode(err) == congtac.ENOTFOUND:
			continue // not published: the office publishes it when ready
		case err != nil:
			return err
		}
		if _, err := s.revise(ctx, tx, a, before, changes[k]); err != nil {
			return err
		}
	}
	return nil
}

func queryEngagements(ctx context.Context, q queryer, query string, args ...any) ([]congtac.Engagement, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: engagements: %w", err)
	}
	defer rows.Close()
	var out []congtac.Engagement
	for rows.Next() {
		e, err := scanEngagement(rows)
		if err != nil {
			return nil, fmt.Errorf("store: engagements: %w", err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: engagements: %w", err)
	}
	return out, nil
}

// FindEngagements returns calendar entries matching f, cancelled ones included, by date,
// time of day (see [congtac.Meeting.Instant] for entries with only a part of the day), leader
// and ID.
func (s *Store) FindEngagements(ctx context.Context, f congtac.EngagementFilter) ([]congtac.Engagement, error) {
	var w where
	if f.OrgID != nil {
		w.add("org_id = ?", *f.OrgID)
	}
	if f.PersonID != nil {
		w.add("person_id = ?", *f.PersonID)
	}
	if f.PreparerID != nil {
		w.add("preparer_id = ?", *f.PreparerID)
	}
	if f.ByHand {
		w.add("meeting_id IS NULL")
	}
	s.addReach(&w, "org_id", f.Reach)
	if f.From != nil {
		w.add("date >= ?", f.From.String())
	}
	if f.To != nil {
		w.add("date <= ?", f.To.String())
	}
	return queryEngagements(ctx, s.read, "SELECT "+engagementColumns+" FROM engagements "+w.String()+
		" ORDER BY date, "+startOrder+", coalesce(person_id, 0), id"+w.page(f.Limit, 0, 5000), w.args...)
}

// checkWeek requires a valid ISO week.
func checkWeek(week congtac.Period) error {
	if week.Kind != congtac.PeriodWeek {
		return congtac.FieldError("period", "Lịch công tác lập theo tuần.")
	}
	return week.Validate()
}

// GenerateEngagements puts on org's calendar for the week one entry for the chair and one
// for each person invited by name of each planned meeting of the org held that week,
// recurring meetings (the weekly briefing) expanded through their sittings, with the
// sitting's time and place and the meeting's title and attendees. A meeting without a
// chair gets an entry without a leader. An entry already generated from the same meeting on
// the same day for the same person, cancelled or not, is not made again, so running it twice
// adds nothing. It returns the new entries by date and time. The actor's ManageCalendar must
// reach org (EFORBIDDEN).
func (s *Store) GenerateEngagements(ctx context.Context, a congtac.Actor, orgID int64, week congtac.Period) ([]congtac.Engagement, error) {
	if err := checkWeek(week); err != nil {
		return nil, err
	}
	from, to := week.Start(), week.End()
	var out []congtac.Engagement
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := findOrg(ctx, tx, orgID); err != nil {
			return err
		}
		if err := checkCan(ctx, tx, a, congtac.ManageCalendar, orgID); err != nil {
			return err
		}
		if err := s.lockCalendar(ctx, tx, orgID); err != nil {
			return err
		}
		meetings, err := queryMeetings(ctx, tx, "SELECT "+meetingColumns+` FROM meetings
			WHERE org_id = $1 AND status = $2 AND date <= $3 AND (date >= $4 OR rrule <> '') ORDER BY date, id`,
			orgID, congtac.MeetingPlanned, to.String(), from.String())
		if err != nil {
			return err
		}
		if err := s.attachChanged(ctx, tx, meetings); err != nil {
			return err
		}
		if err := s.attachInvited(ctx, tx, meetings); err != nil {
			return err
		}
		st, err := settingsOf(ctx, tx, orgID)
		if err != nil {
			return err
		}
		for _, m := range meetings {
			m = m.WithDaysOff(from, to, st)
			people := slices.Compact(append([]int64{m.ChairID}, m.InvitedPeople...))
			for _, o := range m.Sittings(from, to) {
				if o.Cancelled {
					continue
				}
				for _, person := range people {
					e, made, err := s.generate(ctx, tx, a, m, o, person)
					if err != nil {
						return err
					}
					if made {
						out = append(out, e)
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(out, func(x, y congtac.Engagement) int {
		if c := x.Date.Compare(y.Date); c != 0 {
			return c
		}
		return x.Start.Order(x.Part) - y.Start.Order(y.Part)
	})
	return out, nil
}

// generate makes the entry of person (the chair, or someone invited; 0 for a meeting
// without a chair) for sitting o of meeting m unless one was generated for them that day.
func (s *Store) generate(ctx context.Context, tx *sql.Tx, a congtac.Actor, m congtac.Meeting, o congtac.Sitting, person int64) (congtac.Engagement, bool, error) {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM engagements WHERE org_id = $1 AND meeting_id = $2
		AND date = $3 AND coalesce(person_id, 0) = $4`, m.OrgID, m.ID, o.Date.String(), person).Scan(&n); err != nil {
		return congtac.Engagement{}, false, fmt.Errorf("store: generate engagements: %w", err)
	}
	if n > 0 {
		return congtac.Engagement{}, false, nil
	}
	place := cmp.Or(o.Place, m.Place)
	e := normalizeEngagement(congtac.Engagement{OrgID: m.OrgID, PersonID: person, Date: o.Date, Start: o.Start,
		Part: o.Part, Title: m.Title, Place: place, Participants: m.Attendees, MeetingID: m.ID})
	var err error
	if e.ID, err = s.insertEngagement(ctx, tx, e); err != nil {
		return e, false, err
	}
	e.Version = 1
	return e, true, s.audit(ctx, tx, a, "generate", "engagement", e.ID, e.OrgID, nil, e)
}

func findCalendar(ctx context.Context, q queryer, orgID int64, week congtac.Period) (congtac.Calendar, error) {
	var c congtac.Calendar
	var key string
	err := q.QueryRowContext(ctx, `SELECT id, org_id, week_key, revision, changes, published_at, public, version
		FROM calendars WHERE org_id = $1 AND week_key = $2`, orgID, week.Key()).Scan(&c.ID, &c.OrgID, &key,
		&c.Revision, jsonCol{&c.Changes}, &c.PublishedAt, &c.Public, &c.Version)
	if err == sql.ErrNoRows {
		return c, notFound("lịch công tác tuần")
	} else if err != nil {
		return c, fmt.Errorf("store: find calendar: %w", err)
	}
	if c.Week, err = congtac.ParsePeriodKey(key); err != nil {
		return c, fmt.Errorf("store: calendar %d week %q: %w", c.ID, key, err)
	}
	return c, nil
}

// FindCalendar returns the publication record of org's calendar for the week, or ENOTFOUND
// while it has never been published. The entries come from [Store.FindEngagements].
func (s *Store) FindCalendar(ctx context.Context, orgID int64, week congtac.Period) (congtac.Calendar, error) {
	return findCalendar(ctx, s.read, orgID, week)
}

// PublishCalendar publishes org's calendar for the week as it stands. The first publication
// is revision 0; each later one is the next revision ("Điều chỉnh lần N") and must list what
// changed, which replaces the previous list (earlier lists stay in the audit log).
// PublishedAt is the time of the latest publication; Public is left as it is. The actor's
// ManageCalendar must reach org (EFORBIDDEN).
func (s *Store) PublishCalendar(ctx context.Context, a congtac.Actor, orgID int64, week congtac.Period, changes []string) (congtac.Calendar, error) {
	if err := checkWeek(week); err != nil {
		return congtac.Calendar{}, err
	}
	list := []string{}
	for _, c := range changes {
		if err := congtac.CheckText("changes", "Nội dung điều chỉnh", c); err != nil {
			return congtac.Calendar{}, err
		}
		if c = cleanText(c); c != "" {
			list = append(list, c)
		}
	}
	var c congtac.Calendar
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := findOrg(ctx, tx, orgID); err != nil {
			return err
		}
		if err := checkCan(ctx, tx, a, congtac.ManageCalendar, orgID); err != nil {
			return err
		}
		if err := s.lockCalendar(ctx, tx, orgID); err != nil {
			return err
		}
		now := s.now().Unix()
		before, err := findCalendar(ctx, tx, orgID, week)
		if congtac.ErrorCode(err) == congtac.ENOTFOUND {
			c = congtac.Calendar{OrgID: orgID, Week: week, Changes: list, PublishedAt: now, Version: 1}
			if err := tx.QueryRowContext(ctx, `INSERT INTO calendars (org_id, week_key, revision, changes,
				published_at, version) VALUES ($1, $2, 0, $3, $4, 1) RETURNING id`,
				orgID, week.Key(), mustJSON(list), now).Scan(&c.ID); err != nil {
				return fmt.Errorf("store: publish calendar: %w", err)
			}
			return s.audit(ctx, tx, a, "publish", "calendar", c.ID, orgID, nil, c)
		} else if err != nil {
			return err
		}
		if len(list) == 0 {
			return congtac.FieldError("changes", "Lịch đã công bố; điều chỉnh lần %d cần ghi nội dung điều chỉnh.", before.Revision+1)
		}
		c, err = s.revise(ctx, tx, a, before, list)
		return err
	})
	return c, err
}

// revise publishes the next revision of published calendar before with the changes listed,
// audited.
func (s *Store) revise(ctx context.Context, tx *sql.Tx, a congtac.Actor, before congtac.Calendar, list []string) (congtac.Calendar, error) {
	c := before
	c.Revision, c.Changes, c.PublishedAt = before.Revision+1, list, s.now().Unix()
	res, err := tx.ExecContext(ctx, `UPDATE calendars SET revision = $1, changes = $2, published_at = $3,
		version = version + 1 WHERE id = $4 AND version = $5`, c.Revision, mustJSON(list), c.PublishedAt, c.ID, c.Version)
	if err != nil {
		return c, fmt.Errorf("store: publish calendar: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return c, conflict("Lịch công tác tuần")
	}
	c.Version++
	return c, s.audit(ctx, tx, a, "publish", "calendar", c.ID, c.OrgID, before, c)
}

// SetCalendarPublic shows org's published calendar of the week to the anonymous public
// (public true) or withdraws it. The actor needs ManageCalendar over org (EFORBIDDEN
// otherwise); a calendar never published is EINVALID, since only a publication can be
// made public; an unknown org is ENOTFOUND. Setting the flag it already has changes
// nothing and records nothing; a change raises the calendar's version and is audited as
// "make_public" or "make_private", with the calendar before and after.
func (s *Store) SetCalendarPublic(ctx context.Context, a congtac.Actor, orgID int64, week congtac.Period, public bool) error {
	if err := checkWeek(week); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := findOrg(ctx, tx, orgID); err != nil {
			return err
		}
		if err := checkCan(ctx, tx, a, congtac.ManageCalendar, orgID); err != nil {
			return err
		}
		before, err := findCalendar(ctx, tx, orgID, week)
		if congtac.ErrorCode(err) == congtac.ENOTFOUND {
			return congtac.Errorf(congtac.EINVALID, "Lịch công tác %s chưa công bố nên chưa thể công khai.", week)
		} else if err != nil {
			return err
		}
		if before.Public == public {
			return nil
		}
		res, err := tx.ExecContext(ctx, `UPDATE calendars SET public = $1, version = version + 1
			WHERE id = $2 AND version = $3`, public, before.ID, before.Version)
		if err != nil {
			return fmt.Errorf("store: set calendar public: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return conflict("Lịch công tác tuần")
		}
		after := before
		after.Public, after.Version = public, before.Version+1
		action := map[bool]string{true: "make_public", false: "make_private"}[public]
		return s.audit(ctx, tx, a, action, "calendar", before.ID, orgID, before, after)
	})
}
