package store

import (
	"context"
	"database/sql"

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

// addTaskReach limits tasks to those whose lead or one of whose support orgs is within r.
func (s *Store) addTaskReach(w *where, r *congtac.Reach) {
	switch {
	case r == nil:
	case r.Org == 0:
		w.add("1 = 0")
	default:
		set, args := s.reachSet(r)
		w.add("(t.lead_id IN ("+set+") OR t.id IN (SELECT task_id FROM task_supports WHERE org_id IN ("+set+")))",
			append(args, args...)...)
	}
}

// addDraftReach limits programs not yet issued to issuing orgs within r; a nil r leaves them
// alone.
func (s *Store) addDraftReach(w *where, r *congtac.Reach) {
	const published = "status IN ('issued', 'amended', 'superseded')"
	switch {
	case r == nil:
	case r.Org == 0:
		w.add(published)
	default:
		set, args := s.reachSet(r)
		w.add("("+published+" OR org_id IN ("+set+"))", args...)
	}
}
