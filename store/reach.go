package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"congtac"
)

// checkCan refuses (EFORBIDDEN) an actor whose capability c does not reach org (see
// [reaches]). Every store write decides who may do it with this one helper.
func checkCan(ctx context.Context, tx *sql.Tx, a congtac.Actor, c congtac.Capability, org int64) error {
	ok, err := reaches(ctx, tx, a, c, org)
	if err == nil && !ok {
		err = congtac.Forbidden()
	}
	return err
}

// refusedField gives an EFORBIDDEN err the field of the form whose choice was out of reach
// and msg, the message that says so; nil and other errors pass unchanged.
func refusedField(err error, field, msg string) error {
	if congtac.ErrorCode(err) != congtac.EFORBIDDEN {
		return err
	}
	return &congtac.Error{Code: congtac.EFORBIDDEN, Field: field, Message: msg}
}

// reaches reports whether a's capability c reaches org: the org's path up to the root
// ([orgPath]) must pass [congtac.Actor.CanOn]. A capability that reaches every org
// (ScopeAll, as [congtac.System] holds it) passes without reading the tree; org 0, a record
// of no org, only passes then. An unknown org is out of reach.
func reaches(ctx context.Context, tx *sql.Tx, a congtac.Actor, c congtac.Capability, org int64) (bool, error) {
	if congtac.ScopeOf(a.Role, c) == congtac.ScopeAll {
		return true, nil
	}
	if org == 0 {
		return false, nil
	}
	path, err := orgPath(ctx, tx, org)
	if err != nil {
		return false, err
	}
	return len(path) > 0 && a.CanOn(c, path), nil
}

// Reaches reports whether a's capability c reaches at least one of orgs, by the rule every
// store write applies ([checkCan]): for the pages to decide, before a write, between a
// form, 403 and the 404 of a record one may not know exists.
func (s *Store) Reaches(ctx context.Context, a congtac.Actor, c congtac.Capability, orgs ...int64) (bool, error) {
	ok := false
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		for _, org := range orgs {
			var err error
			if ok, err = reaches(ctx, tx, a, c, org); ok || err != nil {
				return err
			}
		}
		return nil
	})
	return ok, err
}

// reachSet returns a subquery of the org IDs within r, and its arguments, for "x IN (…)".
// r must not be nil.
func (s *Store) reachSet(r *congtac.Reach) (string, []any) {
	if r.Exact {
		return "SELECT id FROM orgs WHERE id = ?", []any{r.Org}
	}
	set, args := s.subtreeSQL(), []any{r.Org}
	if len(r.Above) > 0 {
		list, arg := s.idList(r.Above)
		set = "SELECT id FROM (" + set + ") AS reach UNION " + list
		args = append(args, arg)
	}
	return set, args
}

// addReach limits column (an org ID) to the orgs within r: no condition for a nil r (every
// org), no rows for a Reach without an org.
func (s *Store) addReach(w *where, column string, r *congtac.Reach) {
	switch {
	case r == nil:
	case r.Org == 0:
		w.add("1 = 0")
	default:
		set, args := s.reachSet(r)
		w.add(column+" IN ("+set+")", args...)
	}
}

// addTaskReach limits the tasks aliased t to those whose lead or one of whose support orgs
// is within r. The orgs r holds are read first and bound as arguments, which the planners
// estimate from their statistics, in the form that suits their share of all orgs: no
// condition when r holds every org; the lead checked on each task, the support orgs looked
// up only for a task whose lead is out of reach, when r holds a large share (the tasks are
// then read in list order from an index); and the tasks of the orgs looked up by lead and by
// support org when r holds a small share.
func (s *Store) addTaskReach(ctx context.Context, q queryer, w *where, r *congtac.Reach) error {
	switch {
	case r == nil:
		return nil
	case r.Org == 0:
		w.add("1 = 0")
		return nil
	}
	orgs, all, err := s.reachOrgs(ctx, q, r)
	if err != nil {
		return err
	}
	list := "?" + strings.Repeat(", ?", max(len(orgs)-1, 0))
	args := make([]any, 0, 2*len(orgs))
	for range 2 {
		for _, id := range orgs {
			args = append(args, id)
		}
	}
	switch {
	case len(orgs) == 0:
		w.add("1 = 0")
	case len(orgs) == all:
	case len(orgs)*4 >= all:
		w.add("(t.lead_id IN ("+list+") OR EXISTS (SELECT 1 FROM task_supports rs WHERE rs.task_id = t.id AND rs.org_id IN ("+list+")))",
			args...)
	default:
		w.add("t.id IN (SELECT id FROM tasks WHERE lead_id IN ("+list+") UNION SELECT task_id FROM task_supports WHERE org_id IN ("+list+"))",
			args...)
	}
	return nil
}

// reachOrgs returns the IDs of the orgs r holds, and how many orgs there are. The answer
// is kept while the org tree does not change ([keptOf]): nearly every list reads it.
func (s *Store) reachOrgs(ctx context.Context, q queryer, r *congtac.Reach) ([]int64, int, error) {
	set, args := s.reachSet(r)
	var w where
	w.add("id IN ("+set+")", args...)
	c := query{"SELECT id, (SELECT count(*) FROM orgs) FROM orgs " + w.String() + " ORDER BY id", w.args}
	rows, err := keptOf(ctx, s, q, []string{orgsChanged}, c, func() ([][2]int64, error) {
		return readRows(ctx, q, c, func(sc scanner) (row [2]int64, err error) { return row, sc.Scan(&row[0], &row[1]) })
	})
	if err != nil {
		return nil, 0, fmt.Errorf("store: reach: %w", err)
	}
	ids := make([]int64, len(rows))
	all := 0
	for i, row := range rows {
		ids[i], all = row[0], int(row[1])
	}
	return ids, all, nil
}

// addProgramReach limits programs to those of orgs within reach, and those not yet issued
// to issuing orgs within draftReach (a nil reach leaves them alone; one without an org lets
// none, or only issued ones, through). The orgs are read first and bound as a list, which
// the planners estimate from their statistics: a unit's few programs are read through
// programs_org_period, where a subquery of its subtree let the planner walk every program
// in list order; a reach of every org adds no condition.
func (s *Store) addProgramReach(ctx context.Context, q queryer, w *where, reach, draftReach *congtac.Reach) error {
	if reach != nil {
		ids, every, err := s.reachIDs(ctx, q, reach)
		if err != nil {
			return err
		}
		if !every {
			cond, args := orgIn("org_id", ids)
			w.add(cond, args...)
		}
	}
	const published = "status IN ('issued', 'amended', 'superseded')"
	if draftReach == nil {
		return nil
	}
	ids, every, err := s.reachIDs(ctx, q, draftReach)
	if err != nil || every {
		return err
	}
	cond, args := orgIn("org_id", ids)
	w.add("("+published+" OR "+cond+")", args...)
	return nil
}

// reachIDs returns the orgs within r, and whether they are every org. A Reach without an
// org, or of an org that does not exist, holds none.
func (s *Store) reachIDs(ctx context.Context, q queryer, r *congtac.Reach) ([]int64, bool, error) {
	if r.Org == 0 {
		return nil, false, nil
	}
	orgs, all, err := s.reachOrgs(ctx, q, r)
	return orgs, len(orgs) > 0 && len(orgs) >= all, err
}

// orgIn returns the condition "column is one of ids" as a list of arguments, and the
// arguments; "1 = 0" for no ids.
func orgIn(column string, ids []int64) (string, []any) {
	if len(ids) == 0 {
		return "1 = 0", nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return column + " IN (?" + strings.Repeat(", ?", len(ids)-1) + ")", args
}
