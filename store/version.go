package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"congtac"
)

// takeVersion keeps the program's content as it is now in tx, as the next version, made by
// action (with the signer's comment on a return).
func (s *Store) takeVersion(ctx context.Context, tx *sql.Tx, a congtac.Actor, programID int64,
	action congtac.ProgramAction, comment string) error {
	p, err := findProgramRow(ctx, tx, programID)
	if err != nil {
		return err
	}
	if p.Items, err = findItems(ctx, tx, programID); err != nil {
		return err
	}
	if p.Tasks, err = s.queryTasks(ctx, tx, "SELECT "+taskColumns+
		" FROM tasks t WHERE t.program_id = $1 ORDER BY t.item_id, t.position, t.id", programID); err != nil {
		return err
	}
	content, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("store: version: %w", err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO program_versions (program_id, number, action, at, by_user, comment, content)
		VALUES ($1, (SELECT coalesce(max(number), 0) + 1 FROM program_versions WHERE program_id = $1), $2, $3, $4, $5, $6)`,
		programID, action, s.now().Unix(), nullID(a.UserID), cleanText(comment), string(content))
	if err != nil {
		return fmt.Errorf("store: version: %w", err)
	}
	return nil
}

// FindProgramVersions returns the kept versions of a program, oldest first, each with its
// content.
func (s *Store) FindProgramVersions(ctx context.Context, programID int64) ([]congtac.ProgramVersion, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT program_id, number, action, at, by_user, comment, content
		FROM program_versions WHERE program_id = $1 ORDER BY number`, programID)
	if err != nil {
		return nil, fmt.Errorf("store: program versions: %w", err)
	}
	defer rows.Close()
	var out []congtac.ProgramVersion
	for rows.Next() {
		var v congtac.ProgramVersion
		var at int64
		if err := rows.Scan(&v.ProgramID, &v.Number, &v.Action, &at, idCol{&v.By}, &v.Comment, jsonCol{&v.Content}); err != nil {
			return nil, fmt.Errorf("store: program versions: %w", err)
		}
		v.At = time.Unix(at, 0).UTC()
		out = append(out, v)
	}
	return out, rows.Err()
}

// AddReviewComment records a remark on a submitted program, one of its items or tasks. Only
// those who may review programs comment, and only while the program is submitted.
func (s *Store) AddReviewComment(ctx context.Context, a congtac.Actor, c congtac.ReviewComment) (congtac.ReviewComment, error) {
	c.Text = cleanText(c.Text)
	if err := c.Validate(); err != nil {
		return c, err
	}
	if !a.Can(congtac.ReviewPrograms) {
		return c, congtac.Forbidden()
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		p, err := s.programToChange(ctx, tx, a, c.ProgramID, congtac.ReviewPrograms)
		if err != nil {
			return err
		}
		if p.Status != congtac.ProgramSubmitted {
			return congtac.Errorf(congtac.EINVALID, "Chỉ góp ý khi chương trình đang trình duyệt.")
		}
		if err := checkCommentTarget(ctx, tx, c); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(number), 0) FROM program_versions WHERE program_id = $1",
			c.ProgramID).Scan(&c.Version); err != nil {
			return fmt.Errorf("store: review comment: %w", err)
		}
		now := s.now()
		c.AuthorID, c.At = a.UserID, now.UTC().Truncate(time.Second)
		if err := tx.QueryRowContext(ctx, `INSERT INTO review_comments (program_id, version, item_id, task_id, text,
			author_id, at, resolved) VALUES ($1, $2, $3, $4, $5, $6, $7, FALSE) RETURNING id`,
			c.ProgramID, c.Version, nullID(c.ItemID), nullID(c.TaskID), c.Text, nullID(a.UserID), now.Unix()).Scan(&c.ID); err != nil {
			return fmt.Errorf("store: review comment: %w", err)
		}
		return s.audit(ctx, tx, a, "comment", "program", c.ProgramID, p.OrgID, nil, c)
	})
	return c, err
}

// checkCommentTarget verifies that the item and task commented on belong to the program.
func checkCommentTarget(ctx context.Context, tx *sql.Tx, c congtac.ReviewComment) error {
	for table, id := range map[string]int64{"items": c.ItemID, "tasks": c.TaskID} {
		if id == 0 {
			continue
		}
		var n int
		// table is one of two constants above.
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM "+table+" WHERE id = $1 AND program_id = $2",
			id, c.ProgramID).Scan(&n); err != nil {
			return fmt.Errorf("store: review comment: %w", err)
		}
		if n == 0 {
			return congtac.FieldError("item_id", "Mục hoặc nhiệm vụ được góp ý không thuộc chương trình này.")
		}
	}
	return nil
}

// FindReviewComments returns a program's review remarks, oldest first.
func (s *Store) FindReviewComments(ctx context.Context, programID int64) ([]congtac.ReviewComment, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, program_id, version, item_id, task_id, text, author_id, at, resolved
		FROM review_comments WHERE program_id = $1 ORDER BY id`, programID)
	if err != nil {
		return nil, fmt.Errorf("store: review comments: %w", err)
	}
	defer rows.Close()
	var out []congtac.ReviewComment
	for rows.Next() {
		var c congtac.ReviewComment
		var at int64
		if err := rows.Scan(&c.ID, &c.ProgramID, &c.Version, idCol{&c.ItemID}, idCol{&c.TaskID}, &c.Text,
			idCol{&c.AuthorID}, &at, &c.Resolved); err != nil {
			return nil, fmt.Errorf("store: review comments: %w", err)
		}
		c.At = time.Unix(at, 0).UTC()
		out = append(out, c)
	}
	return out, rows.Err()
}

// ResolveReviewComment marks a remark as dealt with by the office: the actor's
// DraftPrograms must reach the program's issuing org (EFORBIDDEN).
func (s *Store) ResolveReviewComment(ctx context.Context, a congtac.Actor, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var programID, orgID int64
		err := tx.QueryRowContext(ctx, `SELECT c.program_id, p.org_id FROM review_comments c
			JOIN programs p ON p.id = c.program_id WHERE c.id = $1`, id).Scan(&programID, &orgID)
		if err == sql.ErrNoRows {
			return notFound("ý kiến")
		} else if err != nil {
			return fmt.Errorf("store: resolve comment: %w", err)
		}
		if err := checkCan(ctx, tx, a, congtac.DraftPrograms, orgID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE review_comments SET resolved = TRUE WHERE id = $1", id); err != nil {
			return fmt.Errorf("store: resolve comment: %w", err)
		}
		return s.audit(ctx, tx, a, "resolve_comment", "program", programID, 0, nil, map[string]int64{"comment": id})
	})
}
