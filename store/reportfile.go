package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"congtac"
)

const reportFileColumns = `id, report_id, name, content_type, size, uploaded_by, created_at`

func scanReportFile(sc scanner) (congtac.Attachment, error) {
	var f congtac.Attachment
	err := sc.Scan(&f.ID, &f.ReportID, &f.Name, &f.ContentType, &f.Size, idCol{&f.UploadedBy}, unixCol{&f.CreatedAt})
	return f, err
}

// newAttachment returns the file name and data make, typed by its bytes
// ([congtac.AttachmentType]) and named as it may be kept ([congtac.MaterialName]).
func newAttachment(name string, data []byte) (congtac.Attachment, error) {
	ctype, err := congtac.AttachmentType(data)
	if err != nil {
		return congtac.Attachment{}, err
	}
	return congtac.Attachment{Name: congtac.MaterialName(name), ContentType: ctype, Size: len(data), Data: data}, nil
}

// insertReportFile writes file f of report id by a, audited.
func (s *Store) insertReportFile(ctx context.Context, tx *sql.Tx, a congtac.Actor, r congtac.Report, f *congtac.Attachment) error {
	f.ReportID, f.UploadedBy = r.ID, a.UserID
	now := s.now()
	if err := tx.QueryRowContext(ctx, `INSERT INTO report_files (report_id, name, content_type, size, data, uploaded_by,
		created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, r.ID, f.Name, f.ContentType, f.Size, f.Data,
		nullID(f.UploadedBy), now.Unix()).Scan(&f.ID); err != nil {
		return fmt.Errorf("store: attach to report: %w", err)
	}
	f.CreatedAt = time.Unix(now.Unix(), 0).UTC()
	audited := *f
	audited.Data = nil
	return s.audit(ctx, tx, a, "create", "report_file", f.ID, r.OrgID, nil, audited)
}

// AddReportFile attaches a file to report reportID while it is a draft or returned: its
// type read from its bytes (PDF, DOCX, XLSX, PNG or JPEG, at most
// [congtac.MaxMaterialBytes]). Who may change the report may (EFORBIDDEN otherwise).
// Audited without the bytes.
func (s *Store) AddReportFile(ctx context.Context, a congtac.Actor, reportID int64, name string, data []byte) (congtac.Attachment, error) {
	f, err := newAttachment(name, data)
	if err != nil {
		return f, err
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		r, err := findReport(ctx, tx, reportID)
		if err != nil {
			return err
		}
		if _, _, err := s.reportForChange(ctx, tx, a, reportID, r.Version); err != nil {
			return err
		}
		return s.insertReportFile(ctx, tx, a, r, &f)
	})
	f.Data = nil
	return f, err
}

// FindReportFiles returns the files of report id, without their bytes, in the order they
// were attached.
func (s *Store) FindReportFiles(ctx context.Context, reportID int64) ([]congtac.Attachment, error) {
	return readRows(ctx, s.read, query{"SELECT " + reportFileColumns + " FROM report_files WHERE report_id = $1 ORDER BY id",
		[]any{reportID}}, scanReportFile)
}

// FindReportFileInfo returns file id without its bytes, or ENOTFOUND: what a list shows,
// and what deciding who may read it needs.
func (s *Store) FindReportFileInfo(ctx context.Context, id int64) (congtac.Attachment, error) {
	f, err := scanReportFile(s.read.QueryRowContext(ctx, "SELECT "+reportFileColumns+" FROM report_files WHERE id = $1", id))
	if err == sql.ErrNoRows {
		return f, notFound("tệp đính kèm")
	} else if err != nil {
		return f, fmt.Errorf("store: find report file: %w", err)
	}
	return f, nil
}

// FindReportFile returns file id with its bytes, or ENOTFOUND.
func (s *Store) FindReportFile(ctx context.Context, id int64) (congtac.Attachment, error) {
	f, err := s.FindReportFileInfo(ctx, id)
	if err != nil {
		return f, err
	}
	err = s.read.QueryRowContext(ctx, "SELECT data FROM report_files WHERE id = $1", id).Scan(&f.Data)
	if err != nil {
		return f, fmt.Errorf("store: find report file: %w", err)
	}
	return f, nil
}
