package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"congtac"
)

// audit records one event in tx. before and after are encoded as JSON; nil encodes as "".
// Callers pass copies without secrets (see [redactUser]).
func (s *Store) audit(ctx context.Context, tx *sql.Tx, a congtac.Actor, action, entity string,
	id, orgID int64, before, after any) error {
	enc := func(v any) string {
		if v == nil {
			return ""
		}
		return mustJSON(v)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO audit_events
		(at, user_id, action, entity, entity_id, org_id, before_json, after_json, address)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
		s.now().Unix(), nullID(a.UserID), action, entity, id, nullID(orgID), enc(before), enc(after), a.Address)
	if err != nil {
		return fmt.Errorf("store: audit %s %s: %w", action, entity, err)
	}
	return nil
}

// RecordEvent writes an audit event that is not part of a data change: a sign-in, a failed
// sign-in, a refused request.
func (s *Store) RecordEvent(ctx context.Context, a congtac.Actor, action, entity string, id int64, detail string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		return s.audit(ctx, tx, a, action, entity, id, a.OrgID, nil, detailJSON(detail))
	})
}

func detailJSON(detail string) any {
	if detail == "" {
		return nil
	}
	return map[string]string{"detail": detail}
}

// FindAuditEvents returns audit events matching f, newest first, and the total number that
// match, limited to the orgs the actor's [congtac.ViewAudit] reaches: an admin (and
// [congtac.System]) reads the whole log, an office head the events of its org subtree
// (events without an org, such as settings changes, are outside every subtree), and a role
// without ViewAudit reads nothing.
func (s *Store) FindAuditEvents(ctx context.Context, a congtac.Actor, f congtac.AuditFilter) ([]congtac.AuditEvent, int, error) {
	var w where
	if f.UserID != nil {
		w.add("user_id = ?", *f.UserID)
	}
	if f.OrgID != nil {
		w.add("org_id = ?", *f.OrgID)
	}
	if f.Entity != "" {
		w.add("entity = ?", f.Entity)
	}
	if f.EntityID != nil {
		w.add("entity_id = ?", *f.EntityID)
	}
	if f.From != nil {
		w.add("at >= ?", f.From.Unix())
	}
	if f.To != nil {
		w.add("at < ?", f.To.Unix())
	}
	s.addReach(&w, "org_id", a.Reach(congtac.ViewAudit))
	return findPage(ctx, s, "audit events", auditColumns, "audit_events", &w, "at DESC, id DESC",
		f.Limit, f.Offset, 1000, nil, scanAuditEvent)
}

const auditColumns = `id, at, user_id, action, entity, entity_id, org_id, before_json, after_json, address`

func scanAuditEvent(sc scanner) (congtac.AuditEvent, error) {
	var e congtac.AuditEvent
	var at int64
	err := sc.Scan(&e.ID, &at, idCol{&e.UserID}, &e.Action, &e.Entity, &e.EntityID, idCol{&e.OrgID}, &e.Before,
		&e.After, &e.Address)
	e.At = time.Unix(at, 0).UTC()
	return e, err
}
