package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"congtac"
)

const materialColumns = `id, agenda_item_id, name, content_type, size, org_id, uploaded_by, created_at`

func scanMaterial(sc interface{ Scan(...any) error }, extra ...any) (congtac.Material, error) {
	var m congtac.Material
	err := sc.Scan(append([]any{&m.ID, &m.ItemID, &m.Name, &m.ContentType, &m.Size, &m.OrgID, idCol{&m.UploadedBy},
		unixCol{&m.CreatedAt}}, extra...)...)
	return m, err
}

// mayPrepare reports whether a may attach materials to agenda item it of meeting m, or
// remove them: the office that manages the meeting, or an org that prepares the item
// (lead or support) within the actor's WriteReports reach.
func mayPrepare(ctx context.Context, tx *sql.Tx, a congtac.Actor, m congtac.Meeting, it congtac.AgendaItem) (bool, error) {
	if ok, err := reaches(ctx, tx, a, congtac.ManageMeetings, m.OrgID); ok || err != nil {
		return ok, err
	}
	for _, org := range append([]int64{it.Lead}, it.Support...) {
		if org == 0 {
			continue
		}
		if ok, err := reaches(ctx, tx, a, congtac.WriteReports, org); ok || err != nil {
			return ok, err
		}
	}
	return false, nil
}

// AddMaterial attaches a file to agenda item itemID: its type is read from its bytes
// ([congtac.MaterialType]: PDF or DOCX, at most [congtac.MaxMaterialBytes]), its name
// cleaned ([congtac.MaterialName]). The office managing the meeting or an org preparing
// the item may (EFORBIDDEN otherwise). Audited without the bytes.
func (s *Store) AddMaterial(ctx context.Context, a congtac.Actor, itemID int64, name string, data []byte) (congtac.Material, error) {
	ctype, err := congtac.MaterialType(data)
	if err != nil {
		return congtac.Material{}, err
	}
	m := congtac.Material{ItemID: itemID, Name: congtac.MaterialName(name), ContentType: ctype, Size: len(data),
		OrgID: a.OrgID, UploadedBy: a.UserID}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		it, err := s.findAgendaItem(ctx, tx, itemID)
		if err != nil {
			return err
		}
		meeting, err := findMeetingRow(ctx, tx, it.MeetingID)
		if err != nil {
			return err
		}
		if ok, err := mayPrepare(ctx, tx, a, meeting, it); err != nil {
			return err
		} else if !ok {
			return congtac.Forbidden()
		}
		now := s.now()
		if err := tx.QueryRowContext(ctx, `INSERT INTO materials (agenda_item_id, name, content_type, size, data, org_id,
			uploaded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, itemID, m.Name, m.ContentType,
			m.Size, data, m.OrgID, nullID(m.UploadedBy), now.Unix()).Scan(&m.ID); err != nil {
			return fmt.Errorf("store: add material: %w", err)
		}
		m.CreatedAt = time.Unix(now.Unix(), 0).UTC()
		return s.audit(ctx, tx, a, "create", "material", m.ID, meeting.OrgID, nil, m)
	})
	if err != nil {
		return congtac.Material{}, err
	}
	return m, nil
}

// FindMaterials returns the materials of the agenda items of meeting id, without their
// bytes, by item and upload.
func (s *Store) FindMaterials(ctx context.Context, meetingID int64) ([]congtac.Material, error) {
	return readRows(ctx, s.read, query{"SELECT " + materialColumns + ` FROM materials WHERE agenda_item_id IN
		(SELECT id FROM agenda_items WHERE meeting_id = $1) ORDER BY agenda_item_id, id`, []any{meetingID}},
		func(sc scanner) (congtac.Material, error) { return scanMaterial(sc) })
}

// FindMaterialInfo returns material id without its bytes, or ENOTFOUND.
func (s *Store) FindMaterialInfo(ctx context.Context, id int64) (congtac.Material, error) {
	m, err := scanMaterial(s.read.QueryRowContext(ctx, "SELECT "+materialColumns+" FROM materials WHERE id = $1", id))
	if errors.Is(err, sql.ErrNoRows) {
		return m, notFound("tài liệu")
	} else if err != nil {
		return m, fmt.Errorf("store: find material: %w", err)
	}
	return m, nil
}

// FindMaterial returns material id with its bytes and the meeting it belongs to, or
// ENOTFOUND.
func (s *Store) FindMaterial(ctx context.Context, id int64) (congtac.Material, []byte, int64, error) {
	var data []byte
	var meeting int64
	m, err := scanMaterial(s.read.QueryRowContext(ctx, "SELECT m."+strings.ReplaceAll(materialColumns, ", ", ", m.")+
		", m.data, ai.meeting_id FROM materials m JOIN agenda_items ai ON ai.id = m.agenda_item_id WHERE m.id = $1", id),
		&data, &meeting)
	if errors.Is(err, sql.ErrNoRows) {
		return m, nil, 0, notFound("tài liệu")
	} else if err != nil {
		return m, nil, 0, fmt.Errorf("store: find material: %w", err)
	}
	return m, data, meeting, nil
}

// DeleteMaterial removes material id: the office that manages the meeting may, and an org
// preparing the item may remove what it uploaded. Audited.
func (s *Store) DeleteMaterial(ctx context.Context, a congtac.Actor, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		m, err := scanMaterial(tx.QueryRowContext(ctx, "SELECT "+materialColumns+" FROM materials WHERE id = $1", id))
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("tài liệu")
		} else if err != nil {
			return fmt.Errorf("store: delete material: %w", err)
		}
		it, err := s.findAgendaItem(ctx, tx, m.ItemID)
		if err != nil {
			return err
		}
		meeting, err := findMeetingRow(ctx, tx, it.MeetingID)
		if err != nil {
			return err
		}
		manage, err := reaches(ctx, tx, a, congtac.ManageMeetings, meeting.OrgID)
		if err != nil {
			return err
		}
		prepare, err := mayPrepare(ctx, tx, a, meeting, it)
		if err != nil {
			return err
		}
		if !manage && !(prepare && m.OrgID == a.OrgID) {
			return congtac.Forbidden()
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM materials WHERE id = $1", id); err != nil {
			return fmt.Errorf("store: delete material: %w", err)
		}
		return s.audit(ctx, tx, a, "delete", "material", id, meeting.OrgID, m, nil)
	})
}
