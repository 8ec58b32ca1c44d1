package assemble

import (
	"context"
	"log/slog"

	"congtac"
	"congtac/export"
	"congtac/store"
)

// IssueProgram issues program id, read at version, as iss states ([store.Store.IssueProgram])
// and stores, in the transaction that numbers it, the snapshot of its document: the program
// as approved, with its meetings, the settings, the names of the orgs and people it prints
// and the signer's signature and the seal, read just before. Every later rendering shows
// that snapshot. ECONFLICT when the program moved past version; the store's errors else.
func IssueProgram(ctx context.Context, st *store.Store, a congtac.Actor, id int64, version int, iss congtac.Issuance) (congtac.Program, error) {
	src, err := Load(ctx, st)
	if err != nil {
		return congtac.Program{}, err
	}
	p, err := st.FindProgramByID(ctx, id)
	if err != nil {
		return congtac.Program{}, err
	}
	if p.Version != version { // the snapshot must be of the version the store issues
		return congtac.Program{}, congtac.Errorf(congtac.ECONFLICT, "Chương trình đã được người khác sửa sau khi bạn mở. "+
			"Hãy tải lại để xem bản mới nhất rồi sửa lại.")
	}
	build, err := src.programFreezer(ctx, p)
	if err != nil {
		return congtac.Program{}, err
	}
	return st.IssueProgram(ctx, a, id, version, iss, func(d congtac.Document) (congtac.Snapshot, error) {
		return build(d).snapshot()
	})
}

// IssueDocument issues d ([store.Store.IssueDocument]) with the snapshot of the document
// congtac prints for it, read just before: a meeting's invitation (GM) or notice of
// conclusions (TB) when d names the meeting, the result report (BC) of the program d names,
// as of the day of issue. Other documents, which congtac does not print, get none.
func IssueDocument(ctx context.Context, st *store.Store, a congtac.Actor, d congtac.Document) (congtac.Document, error) {
	src, err := Load(ctx, st)
	if err != nil {
		return congtac.Document{}, err
	}
	build, err := src.freezer(ctx, d)
	if err != nil {
		return congtac.Document{}, err
	}
	var freeze store.Freeze
	if build != nil {
		freeze = func(d congtac.Document) (congtac.Snapshot, error) { return build(d).snapshot() }
	}
	return st.IssueDocument(ctx, a, d, freeze)
}

// Backfill makes the snapshots of the documents issued before snapshots existed, from the
// store as it is now (the best there is: nothing older was kept), as [congtac.System], and
// returns how many it made. Documents congtac does not print, or whose program or meeting
// is gone, are left alone. It is
// idempotent, and safe to run from several instances at once: a snapshot made meanwhile by
// another is kept.
func Backfill(ctx context.Context, st *store.Store) (int, error) {
	docs, err := st.FindUnfrozenDocuments(ctx)
	if err != nil || len(docs) == 0 {
		return 0, err
	}
	src, err := Load(ctx, st)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, d := range docs {
		build, err := src.freezer(ctx, d)
		if congtac.ErrorCode(err) == congtac.ENOTFOUND { // its program or meeting is gone: nothing to print
			continue
		} else if err != nil {
			return n, err
		}
		if build == nil {
			continue
		}
		snap, err := build(d).snapshot()
		if err != nil {
			return n, err
		}
		snap.DocumentID = d.ID
		switch err := st.BackfillSnapshot(ctx, congtac.System, snap); congtac.ErrorCode(err) {
		case "":
			n++
		case congtac.ECONFLICT:
		default:
			return n, err
		}
	}
	if n > 0 {
		slog.Info("snapshots of documents issued before snapshots existed", "made", n)
	}
	return n, nil
}

// freezer returns what makes the snapshot of document d once it is numbered, or nil when
// congtac does not print d from its records.
func (s *Source) freezer(ctx context.Context, d congtac.Document) (func(congtac.Document) frozen, error) {
	switch {
	case d.Type == congtac.DocProgram && d.ProgramID != 0:
		p, err := s.st.FindProgramByID(ctx, d.ProgramID)
		if err != nil {
			return nil, err
		}
		return s.programFreezer(ctx, p)
	case (d.Type == congtac.DocInvitation || d.Type == congtac.DocNotice) && d.MeetingID != 0:
		return s.meetingFreezer(ctx, d)
	case d.Type == congtac.DocReport && d.ProgramID != 0:
		return s.reportFreezer(ctx, d)
	}
	return nil, nil
}

// programFreezer returns what makes the snapshot of program p issued as document d.
func (s *Source) programFreezer(ctx context.Context, p congtac.Program) (func(congtac.Document) frozen, error) {
	doc, err := s.program(ctx, p, true)
	if err != nil {
		return nil, err
	}
	return func(d congtac.Document) frozen {
		q := &doc.Program
		q.Status, q.DocumentID, q.Number, q.Symbol, q.IssuedOn, q.Place = congtac.ProgramIssued, d.ID, d.Number,
			d.Symbol, d.IssuedOn, d.Place
		if p.Status == congtac.ProgramAmended || p.Status == congtac.ProgramSuperseded { // a backfill
			q.Status = p.Status
		}
		r := newRefs()
		r.orgs[q.OrgID], r.orgs[q.DraftedBy], r.people[q.Signature.PersonID] = true, true, true
		r.tasks(q.Tasks)
		r.meetings(doc.Meetings...)
		doc.Orgs, doc.People = r.names(s, doc.People)
		doc.Settings = documentSettings(doc.Settings)
		return frozen{Type: congtac.DocProgram, Issuer: s.issuer(q.OrgID), Program: &doc}
	}, nil
}

// meetingFreezer returns what makes the snapshot of a meeting's invitation or notice d.
func (s *Source) meetingFreezer(ctx context.Context, d congtac.Document) (func(congtac.Document) frozen, error) {
	m, err := s.st.FindMeetingByID(ctx, d.MeetingID)
	if err != nil {
		return nil, err
	}
	opts, err := s.options(ctx, true, d.Signature.PersonID, m.OrgID)
	if err != nil {
		return nil, err
	}
	st, err := s.settingsOf(ctx, m.OrgID)
	if err != nil {
		return nil, err
	}
	settings := documentSettings(st)
	tasks, err := s.st.FindConclusionTasks(ctx, m.ID)
	if err != nil {
		return nil, err
	}
	named, err := s.namesWithChairs(ctx, m)
	if err != nil {
		return nil, err
	}
	chair, err := s.chairNamed(ctx, m)
	if err != nil {
		return nil, err
	}
	return func(d congtac.Document) frozen {
		r := newRefs()
		r.orgs[d.OrgID], r.people[d.Signature.PersonID] = true, true
		r.meetings(m)
		for _, ts := range tasks {
			r.tasks(ts)
		}
		orgs, people := r.names(s, named)
		f := frozen{Type: d.Type, Issuer: s.issuer(d.OrgID)}
		if d.Type == congtac.DocInvitation {
			f.Invitation = &export.InvitationDoc{Settings: settings, Meeting: m, Document: d, Orgs: orgs, People: people,
				Chair: chair, Options: opts}
		} else {
			f.Conclusion = &export.ConclusionDoc{Settings: settings, Meeting: m, Document: d, Tasks: tasks, Orgs: orgs, People: people, Options: opts}
		}
		return f
	}, nil
}

// reportFreezer returns what makes the snapshot of the result report d of a program: the
// statuses as of the day of issue.
func (s *Source) reportFreezer(ctx context.Context, d congtac.Document) (func(congtac.Document) frozen, error) {
	p, err := s.st.FindProgramByID(ctx, d.ProgramID)
	if err != nil {
		return nil, err
	}
	doc, err := s.resultReport(ctx, p, []congtac.Document{d}, d.IssuedOn)
	if err != nil {
		return nil, err
	}
	return func(d congtac.Document) frozen {
		doc.Document, doc.AsOf = d, d.IssuedOn
		r := newRefs()
		r.orgs[d.OrgID], r.orgs[p.OrgID], r.people[d.Signature.PersonID] = true, true, true
		r.tasks(p.Tasks)
		for _, rep := range doc.Reports {
			r.orgs[rep.OrgID], r.people[rep.AuthorID] = true, true
		}
		doc.Orgs, doc.People = r.names(s, doc.People)
		doc.Settings = documentSettings(doc.Settings)
		return frozen{Type: congtac.DocReport, Issuer: s.issuer(d.OrgID), Report: &doc}
	}, nil
}

// frozenIf returns the snapshot of document id of type t when found says there is such a
// document and it has a snapshot; ok is false otherwise.
func (s *Source) frozenIf(ctx context.Context, found bool, id int64, t congtac.DocType) (frozen, bool, error) {
	if !found {
		return frozen{}, false, nil
	}
	return s.findFrozen(ctx, id, t)
}

// deref returns *p, or the zero value for nil.
func deref[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}

// IssueMeetingDocument issues meeting id's invitation (t GM) or notice of conclusions (t
// TB) on day on, as its draft reads: the symbol of the committee, the place, the signer and
// recipients of the meeting's program (else the committee's usual ones) and the summary
// the document prints. The store refuses what the rules forbid ([store.Store.IssueDocument]).
func IssueMeetingDocument(ctx context.Context, st *store.Store, a congtac.Actor, id int64, t congtac.DocType, on congtac.Date) (congtac.Document, error) {
	src, err := Load(ctx, st)
	if err != nil {
		return congtac.Document{}, err
	}
	var d congtac.Document
	switch t {
	case congtac.DocInvitation:
		doc, err := src.Invitation(ctx, id)
		if err != nil {
			return d, err
		}
		d = doc.Document
		d.Summary, d.OrgID = doc.Summary(), doc.Meeting.OrgID
	case congtac.DocNotice:
		doc, err := src.Conclusion(ctx, id)
		if err != nil {
			return d, err
		}
		d = doc.Document
		d.Summary, d.OrgID = doc.Summary(), doc.Meeting.OrgID
		if d.Recipients == nil {
			d.Recipients = []string{"Như thành phần dự họp;", "Lưu: VT."}
		}
	default:
		return d, congtac.Errorf(congtac.EINVALID, "Hội nghị chỉ ban hành giấy mời (GM) hoặc thông báo kết luận (TB).")
	}
	if d.ID != 0 {
		return d, congtac.Errorf(congtac.EINVALID, "Văn bản này đã ban hành: số %s.", d.Code())
	}
	d.Type, d.MeetingID, d.IssuedOn = t, id, on
	return IssueDocument(ctx, st, a, d)
}
