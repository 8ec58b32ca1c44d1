package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"congtac"
)

// Freeze returns the snapshot of document d, which the running transaction is issuing:
// d has its ID, number, symbol, date and place. The issue fails with Freeze's error, so a
// document is never issued without the snapshot asked for.
type Freeze func(d congtac.Document) (congtac.Snapshot, error)

// freezeTx stores the snapshot freeze makes of d inside tx; a nil freeze stores none (a
// document congtac does not render, such as a letter registered by hand).
func (s *Store) freezeTx(ctx context.Context, tx *sql.Tx, d congtac.Document, freeze Freeze) error {
	if freeze == nil {
		return nil
	}
	snap, err := freeze(d)
	if err != nil {
		return fmt.Errorf("store: freeze document: %w", err)
	}
	snap.DocumentID, snap.Backfilled = d.ID, false
	snap.TakenAt = s.now().UTC().Truncate(time.Second)
	return insertSnapshot(ctx, tx, snap)
}

func insertSnapshot(ctx context.Context, tx *sql.Tx, snap congtac.Snapshot) error {
	if len(snap.Body) == 0 || snap.Format <= 0 {
		return fmt.Errorf("store: snapshot of document %d: empty body or format", snap.DocumentID)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO document_snapshots (document_id, format, body, taken_at, backfilled)
		VALUES ($1, $2, $3, $4, $5)`, snap.DocumentID, snap.Format, string(snap.Body), snap.TakenAt.Unix(),
		snap.Backfilled); err != nil {
		return fmt.Errorf("store: save snapshot: %w", err)
	}
	return nil
}

const snapshotColumns = "s.document_id, s.format, s.body, s.taken_at, s.backfilled"

func scanSnapshot(row *sql.Row, what string) (congtac.Snapshot, error) {
	var snap congtac.Snapshot
	var body string
	var at int64
	err := row.Scan(&snap.DocumentID, &snap.Format, &body, &at, &snap.Backfilled)
	if err == sql.ErrNoRows {
		return snap, notFound(what)
	} else if err != nil {
		return snap, fmt.Errorf("store: find snapshot: %w", err)
	}
	snap.Body, snap.TakenAt = []byte(body), time.Unix(at, 0).UTC()
	return snap, nil
}

// FindSnapshot returns the snapshot of issued document id: ENOTFOUND when there is none
// (no such document, or one issued before snapshots and not yet backfilled).
func (s *Store) FindSnapshot(ctx context.Context, id int64) (congtac.Snapshot, error) {
	return scanSnapshot(s.read.QueryRowContext(ctx, "SELECT "+snapshotColumns+
		" FROM document_snapshots s WHERE s.document_id = $1", id), "bản lưu của văn bản")
}

// FindProgramSnapshot returns the snapshot of the document that issued program id, in one
// query: ENOTFOUND for a program not issued, or issued before snapshots and not yet
// backfilled.
func (s *Store) FindProgramSnapshot(ctx context.Context, id int64) (congtac.Snapshot, error) {
	return scanSnapshot(s.read.QueryRowContext(ctx, "SELECT "+snapshotColumns+
		" FROM document_snapshots s JOIN programs p ON p.document_id = s.document_id WHERE p.id = $1", id),
		"bản lưu của chương trình")
}

// FindUnfrozenDocuments returns the issued documents that have no snapshot, oldest first:
// those issued before snapshots existed.
func (s *Store) FindUnfrozenDocuments(ctx context.Context) ([]congtac.Document, error) {
	rows, err := s.read.QueryContext(ctx, "SELECT "+documentColumns+` FROM documents d
		WHERE NOT EXISTS (SELECT 1 FROM document_snapshots s WHERE s.document_id = d.id) ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("store: unfrozen documents: %w", err)
	}
	defer rows.Close()
	var out []congtac.Document
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			return nil, fmt.Errorf("store: unfrozen documents: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// BackfillSnapshot stores the snapshot of a document issued before snapshots existed,
// marked Backfilled and taken now; it is audited as "freeze". Only an administrator (such as
// [congtac.System] at start-up) may (EFORBIDDEN). A document that has a snapshot keeps it:
// ECONFLICT, so that a snapshot is never replaced. ENOTFOUND for no such document.
func (s *Store) BackfillSnapshot(ctx context.Context, a congtac.Actor, snap congtac.Snapshot) error {
	if a.Role != congtac.RoleAdmin {
		return congtac.Errorf(congtac.EFORBIDDEN, "Chỉ quản trị hệ thống được lập bản lưu cho văn bản đã ban hành.")
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var org int64
		var has bool
		err := tx.QueryRowContext(ctx, `SELECT org_id, EXISTS (SELECT 1 FROM document_snapshots s
			WHERE s.document_id = d.id) FROM documents d WHERE id = $1`, snap.DocumentID).Scan(&org, &has)
		if err == sql.ErrNoRows {
			return notFound("văn bản")
		} else if err != nil {
			return fmt.Errorf("store: backfill snapshot: %w", err)
		}
		if has {
			return congtac.Errorf(congtac.ECONFLICT, "Văn bản đã có bản lưu khi ban hành; bản lưu không thay được.")
		}
		snap.Backfilled, snap.TakenAt = true, s.now().UTC().Truncate(time.Second)
		if err := insertSnapshot(ctx, tx, snap); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "freeze", "document", snap.DocumentID, org, nil,
			map[string]any{"format": snap.Format, "bytes": len(snap.Body), "backfilled": true})
	})
}
