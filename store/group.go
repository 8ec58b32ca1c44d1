package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"congtac"
)

// Groups of orgs ([congtac.OrgGroup]) and the shares of the tasks they lead. A member's
// share is a row of task_supports with share set, so that what treats an org's part of a
// task (reach, completion, merging, taking over at issue) treats both alike.

// groupMembers returns the IDs of the members of group id in the office's order; with on
// not zero, only those active on that day.
func groupMembers(ctx context.Context, q queryer, id int64, on congtac.Date) ([]int64, error) {
	var w where
	w.add("m.group_id = ?", id)
	if !on.IsZero() {
		d := on.String()
		w.add("(o.valid_from IS NULL OR o.valid_from <= ?) AND (o.valid_to IS NULL OR o.valid_to >= ?)", d, d)
	}
	rows, err := q.QueryContext(ctx, "SELECT m.org_id FROM org_group_members m JOIN orgs o ON o.id = m.org_id "+
		w.String()+" ORDER BY m.position, m.org_id", w.args...)
	if err != nil {
		return nil, fmt.Errorf("store: group members: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: group members: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// FindGroupMembers returns the member orgs of group id in the office's order, ended ones
// too. ENOTFOUND when there is no such org; EINVALID when it is not a group.
func (s *Store) FindGroupMembers(ctx context.Context, id int64) ([]congtac.Org, error) {
	var out []congtac.Org
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		g, err := findOrg(ctx, tx, id)
		if err != nil {
			return err
		}
		if !g.IsGroup() {
			return congtac.Errorf(congtac.EINVALID, "%s không phải là nhóm đơn vị.", g.Name)
		}
		ids, err := groupMembers(ctx, tx, id, congtac.Date{})
		if err != nil {
			return err
		}
		byID, err := orgsByID(ctx, s, tx, ids)
		for _, m := range ids {
			out = append(out, byID[m])
		}
		return err
	})
	return out, err
}

// orgsByID returns the orgs of the given IDs that exist.
func orgsByID(ctx context.Context, s *Store, q queryer, ids []int64) (map[int64]congtac.Org, error) {
	out := make(map[int64]congtac.Org, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	var w where
	w.add(s.inIDs("id", ids))
	rows, err := q.QueryContext(ctx, "SELECT "+orgColumns+" FROM orgs "+w.String(), w.args...)
	if err != nil {
		return nil, fmt.Errorf("store: orgs: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		o, err := scanOrg(rows)
		if err != nil {
			return nil, fmt.Errorf("store: orgs: %w", err)
		}
		out[o.ID] = o
	}
	return out, rows.Err()
}

// SetGroupMembers replaces the members of group id with members, in that order
// ([congtac.ValidateMembers]: EINVALID otherwise), raises the group's version and audits the
// change. The actor needs ManageOrgs over the group (EFORBIDDEN); ECONFLICT when version
// moved. The tasks the group leads in programs not issued yet take the new members' shares
// ([Store.reshare]); issued work keeps the shares it was issued with.
func (s *Store) SetGroupMembers(ctx context.Context, a congtac.Actor, id int64, version int, members []int64) (congtac.Org, error) {
	var g congtac.Org
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		if g, err = findOrg(ctx, tx, id); err != nil {
			return err
		}
		if err := checkCan(ctx, tx, a, congtac.ManageOrgs, id); err != nil {
			return err
		}
		if g.Version != version {
			return conflict("Nhóm đơn vị")
		}
		byID, err := orgsByID(ctx, s, tx, members)
		if err != nil {
			return err
		}
		if err := congtac.ValidateMembers(g, members, byID); err != nil {
			return err
		}
		before, err := groupMembers(ctx, tx, id, congtac.Date{})
		if err != nil {
			return err
		}
		if err := writeMembers(ctx, tx, id, members); err != nil {
			return err
		}
		if err := s.bumpOrg(ctx, tx, id, version); err != nil {
			return err
		}
		g.Version++
		if err := s.reshare(ctx, tx, s.today(), "t.lead_id = ? AND t.program_id IN (SELECT id FROM programs "+
			"WHERE status IN ('draft', 'submitted', 'returned', 'approved'))", id); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "members", "org", id, id, map[string]any{"members": before},
			map[string]any{"members": members})
	})
	return g, err
}

// writeMembers replaces the member rows of group id.
func writeMembers(ctx context.Context, tx *sql.Tx, id int64, members []int64) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM org_group_members WHERE group_id = $1", id); err != nil {
		return fmt.Errorf("store: group members: %w", err)
	}
	for i, m := range members {
		if _, err := tx.ExecContext(ctx, "INSERT INTO org_group_members (group_id, org_id, position) VALUES ($1, $2, $3)",
			id, m, i); err != nil {
			return fmt.Errorf("store: group members: %w", err)
		}
	}
	return nil
}

// bumpOrg raises an org's version after a change of its members.
func (s *Store) bumpOrg(ctx context.Context, tx *sql.Tx, id int64, version int) error {
	res, err := tx.ExecContext(ctx, "UPDATE orgs SET version = version + 1, updated_at = $1 WHERE id = $2 AND version = $3",
		s.now().Unix(), id, version)
	if err != nil {
		return fmt.Errorf("store: org version: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return conflict("Nhóm đơn vị")
	}
	return nil
}

// checkOrgKind refuses to turn an org into a group or a group into an org (their tasks and
// members would lose their meaning), and a group as the parent of an org: a group is a name
// for members, not a level of the tree.
func checkOrgKind(ctx context.Context, tx *sql.Tx, before, o congtac.Org) error {
	if before.ID != 0 && before.IsGroup() != o.IsGroup() {
		return congtac.FieldError("kind", "Không thể đổi loại giữa nhóm đơn vị và cơ quan, đơn vị.")
	}
	if o.ParentID == 0 {
		if o.IsGroup() {
			return congtac.FieldError("parent_id", "Nhóm đơn vị phải thuộc một cơ quan (Ủy ban nhân dân đặt tên nhóm).")
		}
		return nil
	}
	parent, err := findOrg(ctx, tx, o.ParentID)
	if err != nil {
		return err
	}
	if parent.IsGroup() {
		return congtac.FieldError("parent_id", "Nhóm đơn vị không thể là cấp trên của cơ quan, đơn vị khác.")
	}
	return nil
}

// resolveShares gives a task whose lead is a group and that has no shares yet one share per
// member active on day on, and takes the shares off a task whose lead is not a group. A
// group without active members, an unknown lead and a group among the support orgs (a
// group only leads) are EINVALID.
func (s *Store) resolveShares(ctx context.Context, tx *sql.Tx, t *congtac.Task, on congtac.Date) error {
	if t.Lead == 0 {
		return nil
	}
	orgs, err := orgsByID(ctx, s, tx, t.OrgIDs())
	if err != nil {
		return err
	}
	lead, ok := orgs[t.Lead]
	if !ok {
		return congtac.FieldError("lead", "Không có cơ quan chủ trì mã %d.", t.Lead)
	}
	for _, sp := range t.Support {
		if orgs[sp.OrgID].IsGroup() {
			return congtac.FieldError("support", "%s là nhóm đơn vị: nhóm chỉ ghi được ở cơ quan chủ trì.", orgs[sp.OrgID].Name)
		}
	}
	switch {
	case !lead.IsGroup():
		t.Shares = nil
		return nil
	case len(t.Shares) > 0:
		return nil
	}
	members, err := groupMembers(ctx, tx, lead.ID, on)
	if err != nil {
		return err
	}
	if len(members) == 0 {
		return congtac.FieldError("lead", "Nhóm %s chưa có đơn vị thành viên nào đang hoạt động.", lead.Name)
	}
	t.Shares = congtac.SharesOf(members, nil)
	return nil
}

// today is the civil day of the store's clock in the committee's time zone.
func (s *Store) today() congtac.Date { return congtac.DateOf(s.now(), congtac.Location()) }

// fixShares gives the group-led tasks written afresh in program id, being issued on day on,
// the shares of their group's members active that day ([Store.reshare]): from then on
// membership changes do not rewrite issued work.
func (s *Store) fixShares(ctx context.Context, tx *sql.Tx, id int64, on congtac.Date) error {
	return s.reshare(ctx, tx, on, "t.program_id = ?", id)
}

// reshare gives the group-led tasks "t" matching cond that were written afresh (not copies
// carried over or made by an amendment, which continue a task and keep its shares) the
// shares of their group's members active on day on, keeping the completions of members that
// stay; EINVALID when a group has none.
func (s *Store) reshare(ctx context.Context, tx *sql.Tx, on congtac.Date, cond string, args ...any) error {
	var w where
	w.add(cond, args...)
	w.add("t.carried_from IS NULL AND t.replaces IS NULL AND t.lead_id IN (SELECT id FROM orgs WHERE kind = ?)", congtac.OrgGroup)
	tasks, err := s.queryTasks(ctx, tx, "SELECT "+taskColumns+" FROM tasks t "+w.String(), w.args...)
	if err != nil {
		return err
	}
	members := map[int64][]int64{}
	for _, t := range tasks {
		ids, ok := members[t.Lead]
		if !ok {
			if ids, err = groupMembers(ctx, tx, t.Lead, on); err != nil {
				return err
			}
			members[t.Lead] = ids
		}
		if len(ids) == 0 {
			return congtac.Errorf(congtac.EINVALID, "Nhóm chủ trì nhiệm vụ %q không còn đơn vị thành viên nào đang hoạt động.", short(t.Text))
		}
		shares := congtac.SharesOf(ids, t.Shares)
		if slices.Equal(shares, t.Shares) {
			continue
		}
		if err := writeParts(ctx, tx, t.ID, shares, true); err != nil {
			return err
		}
	}
	return nil
}

// writeParts replaces a task's shares (share true) or its support orgs, keeping each org's
// completion as given.
func writeParts(ctx context.Context, tx *sql.Tx, taskID int64, parts []congtac.Support, share bool) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM task_supports WHERE task_id = $1 AND share = $2", taskID, share); err != nil {
		return fmt.Errorf("store: task orgs: %w", err)
	}
	return insertParts(ctx, tx, taskID, parts, share)
}

// insertParts writes a task's shares (share true) or its support orgs.
func insertParts(ctx context.Context, tx *sql.Tx, taskID int64, parts []congtac.Support, share bool) error {
	for i, sp := range parts {
		if _, err := tx.ExecContext(ctx, `INSERT INTO task_supports (task_id, org_id, position, done_on, share)
			VALUES ($1, $2, $3, $4, $5)`, taskID, sp.OrgID, i, nullDate(sp.DoneOn), share); err != nil {
			return fmt.Errorf("store: task orgs: %w", err)
		}
	}
	return nil
}

// settleShares records a group-led task as done, on the last of its shares' completions,
// once every share is done ([congtac.Task.SharesDone]); t holds the shares as they now are.
func settleShares(ctx context.Context, tx *sql.Tx, t congtac.Task) error {
	done, ok := t.SharesDone()
	if !ok {
		return nil
	}
	if _, err := tx.ExecContext(ctx, "UPDATE tasks SET done_on = $1 WHERE id = $2", done.String(), t.ID); err != nil {
		return fmt.Errorf("store: complete task: %w", err)
	}
	return nil
}

// completeShare records that member org finished its share of group-led task t on c.DoneOn
// and, once every share is done, the task itself. A completion by the group as a whole is
// EINVALID: each member completes its own share.
func completeShare(ctx context.Context, tx *sql.Tx, t congtac.Task, c congtac.Completion) error {
	i := slices.IndexFunc(t.Shares, func(s congtac.Share) bool { return s.OrgID == c.OrgID })
	if i < 0 {
		return congtac.FieldError("org_id", "Nhiệm vụ do nhóm đơn vị chủ trì: hãy ghi hoàn thành cho từng đơn vị thành viên.")
	}
	if _, err := tx.ExecContext(ctx, "UPDATE task_supports SET done_on = $1 WHERE task_id = $2 AND org_id = $3",
		c.DoneOn.String(), t.ID, c.OrgID); err != nil {
		return fmt.Errorf("store: complete task: %w", err)
	}
	t.Shares = slices.Clone(t.Shares)
	t.Shares[i].DoneOn = c.DoneOn
	return settleShares(ctx, tx, t)
}

// mergeMembership hands org from's places in groups to its successor to, and reopens the
// successor's done share of every open group-led task where from's share was still open:
// the successor now owes that part too. Open shares then move with the support orgs'
// ([moveSupports]).
func mergeMembership(ctx context.Context, tx *sql.Tx, from, to int64) error {
	steps := []struct {
		q    string
		args []any
	}{
		{`UPDATE org_group_members SET org_id = $1 WHERE org_id = $2
			AND group_id NOT IN (SELECT group_id FROM org_group_members WHERE org_id = $1)`, []any{to, from}},
		{`DELETE FROM org_group_members WHERE org_id = $1`, []any{from}},
		{`UPDATE task_supports SET done_on = NULL WHERE share AND org_id = $1 AND task_id IN (
			SELECT s.task_id FROM task_supports s JOIN tasks t ON t.id = s.task_id
			WHERE s.share AND s.org_id = $2 AND s.done_on IS NULL
				AND t.done_on IS NULL AND t.cancelled_on IS NULL AND t.superseded_by IS NULL)`, []any{to, from}},
	}
	for _, st := range steps {
		if _, err := tx.ExecContext(ctx, st.q, st.args...); err != nil {
			return fmt.Errorf("store: merge org: groups: %w", err)
		}
	}
	return nil
}
