package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"congtac"
	"congtac/vn"
)

// CreatePerson adds a person.
func (s *Store) CreatePerson(ctx context.Context, a congtac.Actor, p congtac.Person) (congtac.Person, error) {
	p.FullName = vn.NFC(strings.Join(strings.Fields(p.FullName), " "))
	if err := p.Validate(); err != nil {
		return congtac.Person{}, err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		now := s.now().Unix()
		p.Version = 1
		if err := tx.QueryRowContext(ctx, `INSERT INTO people (full_name, org_id, email, phone, search,
			version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 1, $6, $6) RETURNING id`,
			p.FullName, nullID(p.OrgID), p.Email, p.Phone, searchKey(p.FullName), now).Scan(&p.ID); err != nil {
			return fmt.Errorf("store: create person: %w", err)
		}
		return s.audit(ctx, tx, a, "create", "person", p.ID, p.OrgID, nil, p)
	})
	return p, err
}

// FindPeople returns people matching f, sorted by given name first as Vietnamese lists are.
func (s *Store) FindPeople(ctx context.Context, f congtac.PersonFilter) ([]congtac.Person, error) {
	var w where
	if f.ID != nil {
		w.add("id = ?", *f.ID)
	}
	if f.OrgID != nil {
		w.add("org_id = ?", *f.OrgID)
	}
	addSearch(&w, "search", f.Query)
	rows, err := s.read.QueryContext(ctx, `SELECT id, full_name, org_id, email, phone, version FROM people `+
		w.String()+" ORDER BY id"+w.page(f.Limit, 0, 10000), w.args...)
	if err != nil {
		return nil, fmt.Errorf("store: find people: %w", err)
	}
	defer rows.Close()
	var out []congtac.Person
	for rows.Next() {
		var p congtac.Person
		if err := rows.Scan(&p.ID, &p.FullName, idCol{&p.OrgID}, &p.Email, &p.Phone, &p.Version); err != nil {
			return nil, fmt.Errorf("store: find people: %w", err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: find people: %w", err)
	}
	vn.SortPeopleFunc(out, func(p congtac.Person) string { return p.FullName })
	return out, nil
}

// CreatePost gives a person a post in an org.
func (s *Store) CreatePost(ctx context.Context, a congtac.Actor, p congtac.Post) (congtac.Post, error) {
	if err := p.Validate(); err != nil {
		return congtac.Post{}, err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `INSERT INTO posts (person_id, org_id, kind, title, sectors,
			from_date, to_date) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
			p.PersonID, p.OrgID, p.Kind, p.Title, joinSectors(p.Sectors), nullDate(p.From), nullDate(p.To)).Scan(&p.ID); err != nil {
			return fmt.Errorf("store: create post: %w", err)
		}
		return s.audit(ctx, tx, a, "create", "post", p.ID, p.OrgID, nil, p)
	})
	return p, err
}

// FindPosts returns posts matching f.
func (s *Store) FindPosts(ctx context.Context, f congtac.PostFilter) ([]congtac.Post, error) {
	var w where
	if f.PersonID != nil {
		w.add("person_id = ?", *f.PersonID)
	}
	if f.OrgID != nil {
		w.add("org_id = ?", *f.OrgID)
	}
	if len(f.Kinds) > 0 {
		marks := make([]string, len(f.Kinds))
		args := make([]any, len(f.Kinds))
		for i, k := range f.Kinds {
			marks[i], args[i] = "?", string(k)
		}
		w.add("kind IN ("+strings.Join(marks, ", ")+")", args...)
	}
	if f.HeldOn != nil {
		d := f.HeldOn.String()
		w.add("(from_date IS NULL OR from_date <= ?) AND (to_date IS NULL OR to_date >= ?)", d, d)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT id, person_id, org_id, kind, title, sectors, from_date, to_date
		FROM posts `+w.String()+" ORDER BY id", w.args...)
	if err != nil {
		return nil, fmt.Errorf("store: find posts: %w", err)
	}
	defer rows.Close()
	var out []congtac.Post
	for rows.Next() {
		var p congtac.Post
		var sectors string
		if err := rows.Scan(&p.ID, &p.PersonID, &p.OrgID, &p.Kind, &p.Title, &sectors,
			dateCol{&p.From}, dateCol{&p.To}); err != nil {
			return nil, fmt.Errorf("store: find posts: %w", err)
		}
		p.Sectors = splitSectors(sectors)
		out = append(out, p)
	}
	return out, rows.Err()
}

func joinSectors(ss []congtac.Sector) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = string(s)
	}
	return strings.Join(parts, ",")
}

func splitSectors(s string) []congtac.Sector {
	if s == "" {
		return nil
	}
	var out []congtac.Sector
	for p := range strings.SplitSeq(s, ",") {
		out = append(out, congtac.Sector(p))
	}
	return out
}
