package store

import (
	"context"
	"database/sql"
	"slices"

	"congtac"
)

// Import saves what an import of an existing document brings ([congtac.Import]) in one
// transaction, all or none: first the new orgs, whose temporary negative IDs it then
// replaces wherever the program, the meetings and the entries use them; then the draft
// program with its items and tasks, the meetings it announces (their ProgramID set to the
// program's) and the calendar entries. Every record is audited as created, and the import
// itself once, with the file's name and what it brought. Each part needs the actor's
// permission as when created by hand (ManageOrgs, DraftPrograms, ManageMeetings,
// ManageCalendar; EFORBIDDEN); an import that brings nothing is EINVALID. It returns the
// import with every ID set.
func (s *Store) Import(ctx context.Context, a congtac.Actor, imp congtac.Import) (congtac.Import, error) {
	if imp.Empty() {
		return imp, congtac.Errorf(congtac.EINVALID, "Văn bản không có chương trình, hội nghị hay lịch công tác nào để lưu.")
	}
	imp, err := checkedImport(cloneImport(imp))
	if err != nil {
		return imp, err
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		ids, err := s.createImportedOrgs(ctx, tx, a, imp.Orgs)
		if err != nil {
			return err
		}
		imp = withOrgIDs(imp, ids)
		if err := s.createImported(ctx, tx, a, &imp); err != nil {
			return err
		}
		return s.auditImport(ctx, tx, a, imp)
	})
	if err != nil {
		return congtac.Import{}, err
	}
	return imp, nil
}

// cloneImport returns a copy of imp that shares no slice with it, so that putting real
// IDs in place of temporary ones never changes the caller's import, saved or not.
func cloneImport(imp congtac.Import) congtac.Import {
	imp.Orgs = slices.Clone(imp.Orgs)
	if imp.Program != nil {
		p := *imp.Program
		p.Items, p.Tasks = slices.Clone(p.Items), slices.Clone(p.Tasks)
		for i := range p.Tasks {
			p.Tasks[i].Support = slices.Clone(p.Tasks[i].Support)
		}
		imp.Program = &p
	}
	imp.Meetings = slices.Clone(imp.Meetings)
	for i := range imp.Meetings {
		m := &imp.Meetings[i]
		m.Agenda = slices.Clone(m.Agenda)
		for j := range m.Agenda {
			m.Agenda[j].Support = slices.Clone(m.Agenda[j].Support)
		}
	}
	imp.Engagements = slices.Clone(imp.Engagements)
	return imp
}

// checkedImport normalises and validates every part of imp before anything is written.
func checkedImport(imp congtac.Import) (congtac.Import, error) {
	for i, o := range imp.Orgs {
		if o.ID >= 0 {
			return imp, congtac.Errorf(congtac.EINVALID, "Đơn vị mới %q cần một mã tạm âm.", o.Name)
		}
		imp.Orgs[i] = normalizeOrg(o)
		if err := imp.Orgs[i].Validate(); err != nil {
			return imp, err
		}
	}
	if imp.Program != nil {
		p, err := checkedNewProgram(*imp.Program)
		if err != nil {
			return imp, err
		}
		imp.Program = &p
	}
	for i, m := range imp.Meetings {
		var err error
		if imp.Meetings[i], err = checkedNewMeeting(m); err != nil {
			return imp, err
		}
	}
	for i, e := range imp.Engagements {
		imp.Engagements[i] = normalizeEngagement(e)
		if err := validateEngagement(imp.Engagements[i]); err != nil {
			return imp, err
		}
	}
	return imp, nil
}

// createImportedOrgs creates the new orgs of an import and returns their real IDs by
// temporary ID.
func (s *Store) createImportedOrgs(ctx context.Context, tx *sql.Tx, a congtac.Actor, orgs []congtac.Org) (map[int64]int64, error) {
	ids := make(map[int64]int64, len(orgs))
	for i := range orgs {
		temp := orgs[i].ID
		if _, dup := ids[temp]; dup {
			return nil, congtac.Errorf(congtac.EINVALID, "Hai đơn vị mới cùng mã tạm %d.", temp)
		}
		orgs[i].ID = 0
		if err := s.createOrg(ctx, tx, a, &orgs[i]); err != nil {
			return nil, err
		}
		ids[temp] = orgs[i].ID
	}
	return ids, nil
}

// withOrgIDs puts the real IDs of new orgs in place of their temporary ones.
func withOrgIDs(imp congtac.Import, ids map[int64]int64) congtac.Import {
	realID := func(id int64) int64 {
		if r, ok := ids[id]; ok {
			return r
		}
		return id
	}
	if imp.Program != nil {
		for i := range imp.Program.Tasks {
			t := &imp.Program.Tasks[i]
			t.Lead = realID(t.Lead)
			for j := range t.Support {
				t.Support[j].OrgID = realID(t.Support[j].OrgID)
			}
		}
	}
	for i := range imp.Meetings {
		for j := range imp.Meetings[i].Agenda {
			it := &imp.Meetings[i].Agenda[j]
			it.Lead = realID(it.Lead)
			for k := range it.Support {
				it.Support[k] = realID(it.Support[k])
			}
		}
	}
	for i := range imp.Engagements {
		imp.Engagements[i].PreparerID = realID(imp.Engagements[i].PreparerID)
	}
	return imp
}

// createImported writes the program, its meetings and the entries of imp, whose org IDs
// are all real.
func (s *Store) createImported(ctx context.Context, tx *sql.Tx, a congtac.Actor, imp *congtac.Import) error {
	if imp.Program != nil {
		if err := s.createProgram(ctx, tx, a, imp.Program); err != nil {
			return err
		}
	}
	for i := range imp.Meetings {
		m := &imp.Meetings[i]
		if imp.Program != nil {
			m.ProgramID = imp.Program.ID
		}
		if err := s.createMeeting(ctx, tx, a, m); err != nil {
			return err
		}
	}
	for i := range imp.Engagements {
		e := imp.Engagements[i]
		created, err := s.createEngagements(ctx, tx, a, e, []int64{e.PersonID})
		if err != nil {
			return err
		}
		imp.Engagements[i] = created[0]
	}
	return nil
}

// importAudit is what the audit log keeps of an import besides the records it created.
type importAudit struct {
	File        string `json:"file"`
	Orgs        int    `json:"orgs"`
	Items       int    `json:"items"`
	Tasks       int    `json:"tasks"`
	Meetings    int    `json:"meetings"`
	Engagements int    `json:"engagements"`
}

// auditImport records the import itself: on its program, or on the calendar of its
// entries' committee.
func (s *Store) auditImport(ctx context.Context, tx *sql.Tx, a congtac.Actor, imp congtac.Import) error {
	rec := importAudit{File: imp.Name, Orgs: len(imp.Orgs), Meetings: len(imp.Meetings), Engagements: len(imp.Engagements)}
	entity, id, org := "engagement", int64(0), int64(0)
	switch {
	case imp.Program != nil:
		rec.Items, rec.Tasks = len(imp.Program.Items), len(imp.Program.Tasks)
		entity, id, org = "program", imp.Program.ID, imp.Program.OrgID
	case len(imp.Meetings) > 0:
		entity, id, org = "meeting", imp.Meetings[0].ID, imp.Meetings[0].OrgID
	case len(imp.Engagements) > 0:
		org = imp.Engagements[0].OrgID
	}
	return s.audit(ctx, tx, a, "import", entity, id, org, nil, rec)
}
