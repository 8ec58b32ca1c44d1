package assemble

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"congtac"
	"congtac/export"
	"congtac/store"
)

// snapshotFormat is the version of the JSON [frozen] is written in. Raise it, and teach
// [decodeSnapshot] the older versions, when a change to the export inputs would read an old
// snapshot differently.
const snapshotFormat = 1

// frozen is the JSON of an issued document's snapshot: the input of its layout, exactly as
// the document was issued, with nothing left to read from the store. One of the documents
// is set, by Type. Issuer is the issuing org and its ancestors as they were, for the pages
// that print the masthead from the org tree.
type frozen struct {
	Format     int                     `json:"format"`
	Type       congtac.DocType         `json:"type"`
	Issuer     []congtac.Org           `json:"issuer,omitempty"`
	Program    *export.ProgramDoc      `json:"program,omitempty"`
	Invitation *export.InvitationDoc   `json:"invitation,omitempty"`
	Conclusion *export.ConclusionDoc   `json:"conclusion,omitempty"`
	Report     *export.ResultReportDoc `json:"report,omitempty"`
}

// snapshot encodes f as the snapshot of an issued document.
func (f frozen) snapshot() (congtac.Snapshot, error) {
	f.Format = snapshotFormat
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil {
		return congtac.Snapshot{}, fmt.Errorf("assemble: snapshot: %w", err)
	}
	return congtac.Snapshot{Format: snapshotFormat, Body: bytes.TrimSpace(buf.Bytes())}, nil
}

// decodeSnapshot reads a snapshot of document type t; a snapshot of another type or of an
// unknown format is an error, never a document shown wrong.
func decodeSnapshot(snap congtac.Snapshot, t congtac.DocType) (frozen, error) {
	var f frozen
	if snap.Format != snapshotFormat {
		return f, fmt.Errorf("assemble: snapshot of document %d: unknown format %d", snap.DocumentID, snap.Format)
	}
	if err := json.Unmarshal(snap.Body, &f); err != nil {
		return f, fmt.Errorf("assemble: snapshot of document %d: %w", snap.DocumentID, err)
	}
	ok := f.Type == t && map[congtac.DocType]bool{congtac.DocProgram: f.Program != nil,
		congtac.DocInvitation: f.Invitation != nil, congtac.DocNotice: f.Conclusion != nil,
		congtac.DocReport: f.Report != nil}[t]
	if !ok {
		return f, fmt.Errorf("assemble: snapshot of document %d is a %q, not a %q", snap.DocumentID, f.Type, t)
	}
	return f, nil
}

// FrozenProgram is an issued program as its snapshot keeps it.
type FrozenProgram struct {
	Doc      export.ProgramDoc // the document's input, as issued
	Issuer   []congtac.Org     // the issuing org, then its ancestors, as they were
	Snapshot congtac.Snapshot  // when it was taken, and whether it was backfilled
}

// FindFrozenProgram returns the snapshot of issued program id, in one query: ENOTFOUND for
// a program that is not issued, or was issued before snapshots and is not backfilled yet.
func FindFrozenProgram(ctx context.Context, st *store.Store, id int64) (FrozenProgram, error) {
	snap, err := st.FindProgramSnapshot(ctx, id)
	if err != nil {
		return FrozenProgram{}, err
	}
	f, err := decodeSnapshot(snap, congtac.DocProgram)
	if err != nil {
		return FrozenProgram{}, err
	}
	snap.Body = nil
	return FrozenProgram{Doc: *f.Program, Issuer: f.Issuer, Snapshot: snap}, nil
}

// findFrozen returns the snapshot of document id of type t, and false when it has none.
func (s *Source) findFrozen(ctx context.Context, id int64, t congtac.DocType) (frozen, bool, error) {
	snap, err := s.st.FindSnapshot(ctx, id)
	switch congtac.ErrorCode(err) {
	case "":
		f, err := decodeSnapshot(snap, t)
		return f, err == nil, err
	case congtac.ENOTFOUND:
		return frozen{}, false, nil
	default:
		return frozen{}, false, err
	}
}

// documentSettings keeps of st what documents print (the bodies, the place, the materials
// lead days an invitation states) and drops the rest, such as mail credentials.
func documentSettings(st congtac.Settings) congtac.Settings {
	return congtac.Settings{BodyName: st.BodyName, ParentBody: st.ParentBody, Place: st.Place,
		MaterialsLeadDays: st.MaterialsLeadDays}
}

// issuer returns org and its ancestors up to the root, as they are now.
func (s *Source) issuer(org int64) []congtac.Org {
	var out []congtac.Org
	for o, ok := s.orgs[org]; ok && len(out) <= len(s.orgs); o, ok = s.orgs[o.ParentID] {
		out = append(out, o)
		if o.ParentID == 0 {
			break
		}
	}
	return out
}

// refs collects the orgs and people a document names, so that its snapshot keeps their
// names and no others.
type refs struct{ orgs, people map[int64]bool }

func newRefs() refs { return refs{orgs: map[int64]bool{}, people: map[int64]bool{}} }

func (r refs) tasks(ts []congtac.Task) {
	for _, t := range ts {
		r.orgs[t.Lead], r.people[t.LeaderID] = true, true
		for _, sp := range t.Support {
			r.orgs[sp.OrgID] = true
		}
	}
}

func (r refs) meetings(ms ...congtac.Meeting) {
	for _, m := range ms {
		r.orgs[m.OrgID], r.people[m.ChairID] = true, true
		for _, id := range m.InvitedPeople {
			r.people[id] = true
		}
		for _, id := range m.InvitedOrgs {
			r.orgs[id] = true
		}
		for _, a := range m.Agenda {
			r.orgs[a.Lead], r.people[a.PresenterID] = true, true
			for _, id := range a.Support {
				r.orgs[id] = true
			}
		}
	}
}

// names returns the names of the referenced orgs and people among the source's.
func (r refs) names(s *Source, named map[int64]string) (orgs, people map[int64]string) {
	orgs, people = map[int64]string{}, map[int64]string{}
	for id := range r.orgs {
		if n, ok := s.names[id]; ok {
			orgs[id] = n
		}
	}
	for id := range r.people {
		if n, ok := named[id]; ok {
			people[id] = n
		}
	}
	return orgs, people
}
