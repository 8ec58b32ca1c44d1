package store

import (
	"context"
	"database/sql"
	"fmt"

	"congtac"
	"congtac/vn"
)

const orgColumns = `id, parent_id, kind, name, short_name, display_name, valid_from, valid_to, successor_id, position, version`

func scanOrg(sc scanner) (congtac.Org, error) {
	var o congtac.Org
	err := sc.Scan(&o.ID, idCol{&o.ParentID}, &o.Kind, &o.Name, &o.ShortName, &o.DisplayName, dateCol{&o.ValidFrom},
		dateCol{&o.ValidTo}, idCol{&o.Successor}, &o.Position, &o.Version)
	return o, err
}

func orgSearch(o congtac.Org) string { return vn.SearchKey(o.Name, o.ShortName, o.DisplayName) }

// normalizeOrg puts the names an org is given in NFC with trimmed spaces.
func normalizeOrg(o congtac.Org) congtac.Org {
	o.Name, o.ShortName = cleanText(o.Name), cleanText(o.ShortName)
	o.DisplayName = cleanText(o.DisplayName)
	return o
}

// subtreeSQL returns a subquery listing the IDs of one org (the next "?" argument) and every
// org below it.
func (s *Store) subtreeSQL() string {
	return `WITH RECURSIVE sub(id) AS (SELECT id FROM orgs WHERE id = ?
		UNION ALL SELECT o.id FROM orgs o JOIN sub ON o.parent_id = sub.id) SELECT id FROM sub`
}

// CreateOrg adds an organisation and returns it with its ID. The actor's ManageOrgs must
// reach the parent (a root org only with a reach over every org): EFORBIDDEN otherwise.
func (s *Store) CreateOrg(ctx context.Context, a congtac.Actor, o congtac.Org) (congtac.Org, error) {
	o = normalizeOrg(o)
	if err := o.Validate(); err != nil {
		return congtac.Org{}, err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error { return s.createOrg(ctx, tx, a, &o) })
	return o, err
}

// createOrg writes a validated, normalised org in tx, once the actor may, and sets its ID.
func (s *Store) createOrg(ctx context.Context, tx *sql.Tx, a congtac.Actor, o *congtac.Org) error {
	if err := checkOrgRefs(ctx, tx, *o); err != nil {
		return err
	}
	if err := checkCan(ctx, tx, a, congtac.ManageOrgs, o.ParentID); err != nil {
		return refusedField(err, "parent_id", "Bạn không quản lý đơn vị cấp trên này.")
	}
	if err := checkOrgKind(ctx, tx, congtac.Org{}, *o); err != nil {
		return err
	}
	now := s.now().Unix()
	o.Version = 1
	err := tx.QueryRowContext(ctx, `INSERT INTO orgs (parent_id, kind, name, short_name, display_name,
		valid_from, valid_to, successor_id, position, search, version, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1, $11, $11) RETURNING id`,
		nullID(o.ParentID), o.Kind, o.Name, o.ShortName, o.DisplayName, nullDate(o.ValidFrom), nullDate(o.ValidTo),
		nullID(o.Successor), o.Position, orgSearch(*o), now).Scan(&o.ID)
	if err != nil {
		return fmt.Errorf("store: create org: %w", err)
	}
	return s.audit(ctx, tx, a, "create", "org", o.ID, o.ID, nil, *o)
}

// checkOrgRefs verifies that the parent and successor exist and that the parent chain does
// not loop back to the org.
func checkOrgRefs(ctx context.Context, tx *sql.Tx, o congtac.Org) error {
	for _, ref := range []int64{o.ParentID, o.Successor} {
		if ref == 0 {
			continue
		}
		if _, err := findOrg(ctx, tx, ref); err != nil {
			return err
		}
	}
	if o.ID == 0 || o.ParentID == 0 {
		return nil
	}
	path, err := orgPath(ctx, tx, o.ParentID)
	if err != nil {
		return err
	}
	for _, id := range path {
		if id == o.ID {
			return congtac.FieldError("parent_id", "Không thể đặt một đơn vị cấp dưới làm cấp trên.")
		}
	}
	return nil
}

func findOrg(ctx context.Context, tx *sql.Tx, id int64) (congtac.Org, error) {
	o, err := scanOrg(tx.QueryRowContext(ctx, "SELECT "+orgColumns+" FROM orgs WHERE id = $1", id))
	if err == sql.ErrNoRows {
		return o, notFound("cơ quan, đơn vị")
	} else if err != nil {
		return o, fmt.Errorf("store: find org: %w", err)
	}
	return o, nil
}

// orgPath returns the org's ID followed by its ancestors' up to the root.
func orgPath(ctx context.Context, tx *sql.Tx, id int64) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `WITH RECURSIVE up(id, parent_id, depth) AS (
			SELECT id, parent_id, 0 FROM orgs WHERE id = $1
			UNION ALL SELECT o.id, o.parent_id, up.depth + 1 FROM orgs o JOIN up ON o.id = up.parent_id
			WHERE up.depth < 64)
		SELECT id FROM up ORDER BY depth`, id)
	if err != nil {
		return nil, fmt.Errorf("store: org path: %w", err)
	}
	defer rows.Close()
	var path []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		path = append(path, id)
	}
	return path, rows.Err()
}

// OrgPath returns the org's ID followed by its ancestors' up to the root, for scope checks
// with [congtac.User.Covers].
func (s *Store) OrgPath(ctx context.Context, id int64) ([]int64, error) {
	var path []int64
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		path, err = orgPath(ctx, tx, id)
		return err
	})
	return path, err
}

// FindOrgByID returns one org, or ENOTFOUND.
func (s *Store) FindOrgByID(ctx context.Context, id int64) (congtac.Org, error) {
	var o congtac.Org
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		o, err = findOrg(ctx, tx, id)
		return err
	})
	return o, err
}

// FindOrgs returns the orgs matching f in tree order (parent, position, name).
func (s *Store) FindOrgs(ctx context.Context, f congtac.OrgFilter) ([]congtac.Org, error) {
	var w where
	if f.ID != nil {
		w.add("id = ?", *f.ID)
	}
	if f.ParentID != nil {
		w.add("parent_id = ?", *f.ParentID)
	}
	if f.Kind != nil {
		w.add("kind = ?", *f.Kind)
	}
	if f.ActiveOn != nil {
		d := f.ActiveOn.String()
		w.add("(valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to >= ?)", d, d)
	}
	addSearch(&w, "search", f.Query)
	c := query{"SELECT " + orgColumns + " FROM orgs " + w.String() +
		" ORDER BY coalesce(parent_id, 0), position, id" + w.page(f.Limit, 0, 10000), w.args}
	var orgs []congtac.Org
	var err error
	if f == (congtac.OrgFilter{}) {
		orgs, err = keptRows(ctx, s, []string{orgsChanged}, c, scanOrg, nil)
	} else {
		orgs, err = readRows(ctx, s.read, c, scanOrg)
	}
	if err != nil {
		return nil, fmt.Errorf("store: find orgs: %w", err)
	}
	return orgs, nil
}

// UpdateOrg changes an org's name, short name, display name, kind, parent or position. version is the
// version the user read; ECONFLICT when it moved. The actor's ManageOrgs must reach the org
// and, when it moves, its new parent (EFORBIDDEN). The old name stays in the audit log.
func (s *Store) UpdateOrg(ctx context.Context, a congtac.Actor, id int64, version int, u congtac.OrgUpdate) (congtac.Org, error) {
	var o congtac.Org
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := findOrg(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := checkCan(ctx, tx, a, congtac.ManageOrgs, id); err != nil {
			return err
		}
		o = normalizeOrg(u.Apply(before))
		if err := o.Validate(); err != nil {
			return err
		}
		if before.Version != version { // after validation: a malformed change is not a conflict
			return conflict("Cơ quan, đơn vị")
		}
		if err := checkOrgRefs(ctx, tx, o); err != nil {
			return err
		}
		if o.ParentID != before.ParentID {
			if err := checkCan(ctx, tx, a, congtac.ManageOrgs, o.ParentID); err != nil {
				return err
			}
		}
		if err := checkOrgKind(ctx, tx, before, o); err != nil {
			return err
		}
		o.Version++
		_, err = tx.ExecContext(ctx, `UPDATE orgs SET parent_id = $1, kind = $2, name = $3, short_name = $4,
			display_name = $5, position = $6, search = $7, version = version + 1, updated_at = $8 WHERE id = $9`,
			nullID(o.ParentID), o.Kind, o.Name, o.ShortName, o.DisplayName, o.Position, orgSearch(o), s.now().Unix(), id)
		if err != nil {
			return fmt.Errorf("store: update org: %w", err)
		}
		return s.audit(ctx, tx, a, "update", "org", id, id, before, o)
	})
	return o, err
}

// MergeOrg ends org id on day `on` and hands its open work to successor: the lead of every
// open task in force or in a draft, open support shares and shares of group-led tasks, its
// places in groups ([mergeMembership]), and agenda items of meetings from that day on move
// to the successor. Groups themselves do not merge (EINVALID). Closed tasks and history
// (copies carried on into later programs) keep the old org and its name. version is the
// version of org id the user read; ECONFLICT when it moved. An org already ended, or a
// successor that is, is EINVALID. It returns the number of open tasks in force that moved,
// as the task lists count them. The actor's ManageOrgs must reach both orgs (EFORBIDDEN).
func (s *Store) MergeOrg(ctx context.Context, a congtac.Actor, id int64, version int, successor int64, on congtac.Date) (int, error) {
	if id == successor {
		return 0, congtac.FieldError("successor", "Đơn vị kế thừa phải khác đơn vị bị sáp nhập.")
	}
	if on.IsZero() {
		return 0, congtac.FieldError("on", "Chưa có ngày sáp nhập.")
	}
	moved := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := findOrg(ctx, tx, id)
		if err != nil {
			return err
		}
		if before.Version != version {
			return conflict("Cơ quan, đơn vị")
		}
		succ, err := findOrg(ctx, tx, successor)
		if err != nil {
			return err
		}
		for _, org := range []int64{id, successor} {
			if err := checkCan(ctx, tx, a, congtac.ManageOrgs, org); err != nil {
				return err
			}
		}
		if !before.ValidTo.IsZero() {
			return congtac.Errorf(congtac.EINVALID, "Đơn vị %s đã kết thúc hoạt động từ %s.", before.Name, before.ValidTo)
		}
		if !succ.ValidTo.IsZero() {
			return congtac.Errorf(congtac.EINVALID, "Đơn vị kế thừa %s đã kết thúc hoạt động.", succ.Name)
		}
		if before.IsGroup() || succ.IsGroup() {
			return congtac.Errorf(congtac.EINVALID, "Nhóm đơn vị không sáp nhập được; hãy sửa danh sách đơn vị thành viên của nhóm.")
		}
		last := on.AddDays(-1)
		if _, err := tx.ExecContext(ctx, `UPDATE orgs SET valid_to = $1, successor_id = $2,
			version = version + 1, updated_at = $3 WHERE id = $4`, last.String(), successor, s.now().Unix(), id); err != nil {
			return fmt.Errorf("store: merge org: %w", err)
		}
		// Open tasks in force and those of drafts move; copies already carried on stay as
		// history. Only those in force are counted, as lists count them.
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM tasks t WHERE t.lead_id = $1 AND t.done_on IS NULL
			AND t.cancelled_on IS NULL AND `+inForceSQL, id).Scan(&moved); err != nil {
			return fmt.Errorf("store: merge org: count tasks: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE tasks SET lead_id = $1, version = version + 1, updated_at = $2
			WHERE lead_id = $3 AND done_on IS NULL AND cancelled_on IS NULL AND superseded_by IS NULL
			AND program_id IN (SELECT id FROM programs WHERE status NOT IN ('amended', 'superseded'))`,
			successor, s.now().Unix(), id); err != nil {
			return fmt.Errorf("store: merge org: move tasks: %w", err)
		}
		if err := mergeMembership(ctx, tx, id, successor); err != nil {
			return err
		}
		if err := moveSupports(ctx, tx, id, successor); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE agenda_items SET lead_id = $1 WHERE lead_id = $2
			AND meeting_id IN (SELECT id FROM meetings WHERE date >= $3)`, successor, id, on.String()); err != nil {
			return fmt.Errorf("store: merge org: move agenda: %w", err)
		}
		after := before
		after.ValidTo, after.Successor, after.Version = last, successor, before.Version+1
		return s.audit(ctx, tx, a, "merge", "org", id, id, before, map[string]any{"org": after, "tasks_moved": moved})
	})
	return moved, err
}

// moveSupports hands open support shares of from to to; where to already supports the same
// task, the old share is dropped.
func moveSupports(ctx context.Context, tx *sql.Tx, from, to int64) error {
	open := `task_id IN (SELECT id FROM tasks WHERE done_on IS NULL AND cancelled_on IS NULL AND superseded_by IS NULL)`
	if _, err := tx.ExecContext(ctx, `DELETE FROM task_supports WHERE org_id = $1 AND done_on IS NULL AND `+open+`
		AND task_id IN (SELECT task_id FROM task_supports WHERE org_id = $2)`, from, to); err != nil {
		return fmt.Errorf("store: merge org: supports: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE task_supports SET org_id = $1
		WHERE org_id = $2 AND done_on IS NULL AND `+open, to, from); err != nil {
		return fmt.Errorf("store: merge org: supports: %w", err)
	}
	return nil
}
