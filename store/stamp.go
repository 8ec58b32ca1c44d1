package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"congtac"
)

// SaveStamp stores or replaces a signature or seal image after checking that it is a PNG of
// a sensible size. Only those who manage settings change stamps. The audit keeps the
// image's size, not the image.
func (s *Store) SaveStamp(ctx context.Context, a congtac.Actor, st congtac.Stamp) error {
	if !a.Can(congtac.ManageSettings) {
		return congtac.Forbidden()
	}
	if err := st.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		table := map[congtac.StampKind]string{congtac.StampSignature: "people", congtac.StampSeal: "orgs"}[st.Kind]
		var n int
		// table is one of the two constants above.
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM "+table+" WHERE id = $1", st.OwnerID).Scan(&n); err != nil {
			return fmt.Errorf("store: save stamp: %w", err)
		}
		if n == 0 {
			return notFound(map[congtac.StampKind]string{congtac.StampSignature: "người ký", congtac.StampSeal: "cơ quan"}[st.Kind])
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO stamps (kind, owner_id, png, updated_at) VALUES ($1, $2, $3, $4)
			ON CONFLICT (kind, owner_id) DO UPDATE SET png = excluded.png, updated_at = excluded.updated_at`,
			st.Kind, st.OwnerID, st.PNG, s.now().Unix()); err != nil {
			return fmt.Errorf("store: save stamp: %w", err)
		}
		return s.audit(ctx, tx, a, "update", "stamp", st.OwnerID, 0, nil,
			map[string]any{"kind": st.Kind, "owner_id": st.OwnerID, "bytes": len(st.PNG)})
	})
}

// FindStamp returns the image of a kind for an owner, or ENOTFOUND.
func (s *Store) FindStamp(ctx context.Context, kind congtac.StampKind, owner int64) (congtac.Stamp, error) {
	st := congtac.Stamp{Kind: kind, OwnerID: owner}
	var at int64
	err := s.read.QueryRowContext(ctx, "SELECT png, updated_at FROM stamps WHERE kind = $1 AND owner_id = $2",
		kind, owner).Scan(&st.PNG, &at)
	if err == sql.ErrNoRows {
		return st, notFound("ảnh chữ ký hoặc con dấu")
	} else if err != nil {
		return st, fmt.Errorf("store: find stamp: %w", err)
	}
	st.UpdatedAt = time.Unix(at, 0).UTC()
	return st, nil
}

// DeleteStamp removes a stamp image; a missing one is no error.
func (s *Store) DeleteStamp(ctx context.Context, a congtac.Actor, kind congtac.StampKind, owner int64) error {
	if !a.Can(congtac.ManageSettings) {
		return congtac.Forbidden()
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM stamps WHERE kind = $1 AND owner_id = $2", kind, owner); err != nil {
			return fmt.Errorf("store: delete stamp: %w", err)
		}
		return s.audit(ctx, tx, a, "delete", "stamp", owner, 0, map[string]any{"kind": kind}, nil)
	})
}
