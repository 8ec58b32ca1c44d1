package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"congtac"
	"congtac/vn"
)

// CreatePerson adds a person. The actor's ManagePeople must reach the person's org (a
// person of no org only with a reach over every org): EFORBIDDEN otherwise.
func (s *Store) CreatePerson(ctx context.Context, a congtac.Actor, p congtac.Person) (congtac.Person, error) {
	p = normalizePerson(p)
	if err := p.Validate(); err != nil {
		return congtac.Person{}, err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := checkCan(ctx, tx, a, congtac.ManagePeople, p.OrgID); err != nil {
			return err
		}
		now := s.now().Unix()
		p.Version = 1
		if err := tx.QueryRowContext(ctx, `INSERT INTO people (full_name, org_id, email, phone, search,
			version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 1, $6, $6) RETURNING id`,
			p.FullName, nullID(p.OrgID), p.Email, p.Phone, vn.SearchKey(p.FullName), now).Scan(&p.ID); err != nil {
			return fmt.Errorf("store: create person: %w", err)
		}
		return s.audit(ctx, tx, a, "create", "person", p.ID, p.OrgID, nil, p)
	})
	return p, err
}

// normalizePerson puts the texts of p in NFC, with single spaces inside the name.
func normalizePerson(p congtac.Person) congtac.Person {
	p.FullName = cleanText(strings.Join(strings.Fields(p.FullName), " "))
	p.Email, p.Phone = cleanText(p.Email), cleanText(p.Phone)
	return p
}

const personColumns = `id, full_name, org_id, email, phone, version`

func scanPerson(sc scanner) (congtac.Person, error) {
	var p congtac.Person
	err := sc.Scan(&p.ID, &p.FullName, idCol{&p.OrgID}, &p.Email, &p.Phone, &p.Version)
	return p, err
}

func findPerson(ctx context.Context, q queryer, id int64) (congtac.Person, error) {
	p, err := scanPerson(q.QueryRowContext(ctx, "SELECT "+personColumns+" FROM people WHERE id = $1", id))
	if errors.Is(err, sql.ErrNoRows) {
		return p, notFound("cán bộ")
	} else if err != nil {
		return p, fmt.Errorf("store: find person: %w", err)
	}
	return p, nil
}

// UpdatePerson changes a person's name, org, e-mail or phone. version is the version the
// user read; ECONFLICT when it moved. The fields are validated as by [congtac.Person.Validate]
// (EINVALID) and an org other than 0 must exist (ENOTFOUND). Audited with the person before
// and after.
func (s *Store) UpdatePerson(ctx context.Context, a congtac.Actor, id int64, version int, up congtac.PersonUpdate) (congtac.Person, error) {
	var p congtac.Person
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := findPerson(ctx, tx, id)
		if err != nil {
			return err
		}
		p = normalizePerson(up.Apply(before))
		if err := p.Validate(); err != nil {
			return err
		}
		if before.Version != version { // after validation: a malformed change is not a conflict
			return conflict("Thông tin cán bộ")
		}
		for _, org := range []int64{before.OrgID, p.OrgID} {
			if err := checkCan(ctx, tx, a, congtac.ManagePeople, org); err != nil {
				return err
			}
		}
		if p.OrgID != 0 {
			if _, err := findOrg(ctx, tx, p.OrgID); err != nil {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, `UPDATE people SET full_name = $1, org_id = $2, email = $3, phone = $4,
			search = $5, version = version + 1, updated_at = $6 WHERE id = $7 AND version = $8`,
			p.FullName, nullID(p.OrgID), p.Email, p.Phone, vn.SearchKey(p.FullName), s.now().Unix(), id, version)
		if err != nil {
			return fmt.Errorf("store: update person: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return conflict("Thông tin cán bộ")
		}
		p.Version = version + 1
		return s.audit(ctx, tx, a, "update", "person", id, p.OrgID, before, p)
	})
	if err != nil {
		return congtac.Person{}, err
	}
	return p, nil
}

// FindPeople returns people matching f, sorted by given name first as Vietnamese lists are.
func (s *Store) FindPeople(ctx context.Context, f congtac.PersonFilter) ([]congtac.Person, error) {
	var w where
	if f.ID != nil {
		w.add("id = ?", *f.ID)
	}
	if f.IDs != nil {
		if len(f.IDs) == 0 {
			return nil, nil
		}
		w.add(s.inIDs("id", f.IDs))
	}
	if f.OrgID != nil {
		w.add("org_id = ?", *f.OrgID)
	}
	addSearch(&w, "search", f.Query)
	c := query{"SELECT " + personColumns + " FROM people " + w.String() + " ORDER BY id" + w.page(f.Limit, 0, 10000), w.args}
	var people []congtac.Person
	var err error
	if f.ID == nil && f.IDs == nil && f.OrgID == nil && f.Query == "" && f.Limit == 0 {
		people, err = keptRows(ctx, s, []string{peopleChanged}, c, scanPerson, sortPeople)
	} else if people, err = readRows(ctx, s.read, c, scanPerson); err == nil {
		sortPeople(people)
	}
	if err != nil {
		return nil, fmt.Errorf("store: find people: %w", err)
	}
	return people, nil
}

// sortPeople sorts people by given name first, as Vietnamese lists of people are.
func sortPeople(people []congtac.Person) {
	vn.SortPeopleFunc(people, func(p congtac.Person) string { return p.FullName })
}

// CreatePost gives a person a post in an org. The actor's ManagePeople must reach the org
// of the post (EFORBIDDEN).
func (s *Store) CreatePost(ctx context.Context, a congtac.Actor, p congtac.Post) (congtac.Post, error) {
	if err := p.Validate(); err != nil {
		return congtac.Post{}, err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := checkCan(ctx, tx, a, congtac.ManagePeople, p.OrgID); err != nil {
			return err
		}
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
	if f.ID != nil {
		w.add("id = ?", *f.ID)
	}
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
	c := query{"SELECT " + postColumns + " FROM posts " + w.String() + " ORDER BY id", w.args}
	var posts []congtac.Post
	var err error
	if f.ID == nil && f.PersonID == nil && f.OrgID == nil {
		posts, err = keptRows(ctx, s, []string{peopleChanged}, c, scanPost, nil)
	} else {
		posts, err = readRows(ctx, s.read, c, scanPost)
	}
	if err != nil {
		return nil, fmt.Errorf("store: find posts: %w", err)
	}
	return posts, nil
}

const postColumns = `id, person_id, org_id, kind, title, sectors, from_date, to_date`

func scanPost(sc scanner) (congtac.Post, error) {
	var p congtac.Post
	var sectors string
	err := sc.Scan(&p.ID, &p.PersonID, &p.OrgID, &p.Kind, &p.Title, &sectors, dateCol{&p.From}, dateCol{&p.To})
	p.Sectors = splitSectors(sectors)
	return p, err
}

// EndPost records that the holder of post postID left it: on is the last day held. A post
// already ended is EINVALID, and so is a last day before the post began; an unknown post is
// ENOTFOUND. The post stays in history (signature blocks of documents signed while it was
// held). Audited as "end" of the "post".
func (s *Store) EndPost(ctx context.Context, a congtac.Actor, postID int64, on congtac.Date) error {
	if on.IsZero() {
		return congtac.FieldError("to", "Chưa có ngày thôi giữ chức vụ.")
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		before, err := scanPost(tx.QueryRowContext(ctx, "SELECT "+postColumns+" FROM posts WHERE id = $1", postID))
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("chức vụ")
		} else if err != nil {
			return fmt.Errorf("store: end post: %w", err)
		}
		if err := checkCan(ctx, tx, a, congtac.ManagePeople, before.OrgID); err != nil {
			return err
		}
		if !before.To.IsZero() {
			return congtac.Errorf(congtac.EINVALID, "Chức vụ này đã kết thúc từ ngày %s.", vn.PaddedDate(before.To))
		}
		after := before
		after.To = on
		if err := after.Validate(); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE posts SET to_date = $1 WHERE id = $2", on.String(), postID); err != nil {
			return fmt.Errorf("store: end post: %w", err)
		}
		return s.audit(ctx, tx, a, "end", "post", postID, before.OrgID, before, after)
	})
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
