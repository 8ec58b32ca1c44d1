package assemble_test

import (
	"archive/zip"
	"bytes"
	"image"
	"image/color"
	"image/png"
	"io"
	"testing"

	"congtac"
	"congtac/assemble"
	"congtac/clocktest"
	"congtac/demo"
	"congtac/export"
	"congtac/store"
	"congtac/store/storetest"
)

var ctxb = ctx

// documentXML returns the word/document.xml of d's DOCX.
func documentXML(t *testing.T, d export.Doc) string {
	t.Helper()
	var b bytes.Buffer
	if err := export.DOCX(&b, d); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			x, err := io.ReadAll(r)
			if err != nil {
				t.Fatal(err)
			}
			return string(x)
		}
	}
	t.Fatal("no word/document.xml")
	return ""
}

// approvedDraft takes the demo's draft program through submission and approval and returns
// it with its content, and the office head who issues it.
func approvedDraft(t *testing.T, st *store.Store) (congtac.Program, congtac.Actor) {
	t.Helper()
	draft := congtac.ProgramDraft
	ps, _, err := st.FindPrograms(ctxb, congtac.ProgramFilter{Status: &draft, Limit: 1})
	if err != nil || len(ps) == 0 {
		t.Fatalf("no draft program in the demo: %v", err)
	}
	head := congtac.Actor{Role: congtac.RoleOfficeHead, OrgID: ps[0].OrgID}
	p := ps[0]
	for _, a := range []congtac.ProgramAction{congtac.ActionSubmit, congtac.ActionApprove} {
		if p, err = st.TransitionProgram(ctxb, head, p.ID, p.Version, a, ""); err != nil {
			t.Fatalf("%s: %v", a, err)
		}
	}
	if p, err = st.FindProgramByID(ctxb, p.ID); err != nil || len(p.Tasks) == 0 {
		t.Fatalf("approved program: %d tasks, %v", len(p.Tasks), err)
	}
	return p, head
}

// pngOf returns a small PNG of one colour.
func pngOf(t *testing.T, c color.Color) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 60, 60))
	for i := 0; i < 60*60; i++ {
		img.Set(i%60, i/60, c)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestSnapshotIsTheDocumentAsIssued issues the demo's next program with a seal and a
// signature, and checks that its snapshot lays out exactly as the program read from the
// store at that moment (so that nothing it prints was left out of the snapshot), that it
// keeps the images, and that it keeps no settings a document does not print.
func TestSnapshotIsTheDocumentAsIssued(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		today := clocktest.Today()
		if _, err := demo.Seed(ctxb, st, today); err != nil {
			t.Fatal(err)
		}
		p, head := approvedDraft(t, st)
		seal, sig := pngOf(t, color.NRGBA{R: 200, A: 255}), pngOf(t, color.NRGBA{B: 200, A: 255})
		for _, s := range []congtac.Stamp{{Kind: congtac.StampSeal, OwnerID: p.OrgID, PNG: seal},
			{Kind: congtac.StampSignature, OwnerID: p.Signature.PersonID, PNG: sig}} {
			if s.OwnerID == 0 {
				continue
			}
			if err := st.SaveStamp(ctxb, congtac.System, s); err != nil {
				t.Fatal(err)
			}
		}
		issued, err := assemble.IssueProgram(ctxb, st, head, p.ID, p.Version, congtac.Issuance{On: today})
		if err != nil {
			t.Fatal(err)
		}
		src, err := assemble.Load(ctxb, st)
		if err != nil {
			t.Fatal(err)
		}
		now, err := st.FindProgramByID(ctxb, issued.ID)
		if err != nil {
			t.Fatal(err)
		}
		live, err := src.LiveProgram(ctxb, now)
		if err != nil {
			t.Fatal(err)
		}
		frozen, err := src.Program(ctxb, issued.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := documentXML(t, frozen), documentXML(t, live); got != want {
			t.Errorf("the snapshot lays out otherwise than the program as issued:\n got %.600s\nwant %.600s", got, want)
		}
		if snap, err := st.FindProgramSnapshot(ctxb, issued.ID); err == nil {
			t.Logf("snapshot of the demo's program of %d tasks: %d bytes of JSON, seal and signature %d bytes",
				len(frozen.Program.Tasks), len(snap.Body), len(seal)+len(sig))
		}
		if !bytes.Equal(frozen.Options.Images.Seal, seal) {
			t.Errorf("snapshot seal: %d bytes, want the %d bytes uploaded before the issue", len(frozen.Options.Images.Seal), len(seal))
		}
		if frozen.Settings.Holidays != nil || frozen.Settings.WorkingSaturdays != nil {
			t.Errorf("snapshot settings keep what documents do not print: %+v", frozen.Settings)
		}
		if orgs, people := src.Counts(); len(frozen.Orgs) >= orgs || len(frozen.People) >= people {
			t.Errorf("snapshot names %d orgs and %d people of %d and %d: want only those the document names",
				len(frozen.Orgs), len(frozen.People), orgs, people)
		}
		if err := st.SaveStamp(ctxb, congtac.System, congtac.Stamp{Kind: congtac.StampSeal, OwnerID: p.OrgID,
			PNG: pngOf(t, color.NRGBA{G: 200, A: 255})}); err != nil {
			t.Fatal(err)
		}
		if again, _ := src.Program(ctxb, issued.ID); !bytes.Equal(again.Options.Images.Seal, seal) {
			t.Error("a new seal reached a document issued before it")
		}
	})
}

// TestAmendmentHasItsOwnSnapshot amends an issued program and issues the amendment: each
// shows its own document, and the original's does not change.
func TestAmendmentHasItsOwnSnapshot(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		today := clocktest.Today()
		if _, err := demo.Seed(ctxb, st, today); err != nil {
			t.Fatal(err)
		}
		p, head := approvedDraft(t, st)
		orig, err := assemble.IssueProgram(ctxb, st, head, p.ID, p.Version, congtac.Issuance{On: today})
		if err != nil {
			t.Fatal(err)
		}
		src, _ := assemble.Load(ctxb, st)
		before, _ := src.Program(ctxb, orig.ID)
		am, err := st.AmendProgram(ctxb, head, orig.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range []congtac.ProgramAction{congtac.ActionSubmit, congtac.ActionApprove} {
			if am, err = st.TransitionProgram(ctxb, head, am.ID, am.Version, a, ""); err != nil {
				t.Fatal(err)
			}
		}
		if am, err = assemble.IssueProgram(ctxb, st, head, am.ID, am.Version, congtac.Issuance{On: today}); err != nil {
			t.Fatal(err)
		}
		amended, _ := st.FindProgramByID(ctxb, orig.ID)
		if amended.Status != congtac.ProgramAmended {
			t.Errorf("original after the amendment's issue: %s", amended.Status)
		}
		after, _ := src.Program(ctxb, orig.ID)
		if documentXML(t, after) != documentXML(t, before) {
			t.Error("the original's document changed when its amendment was issued")
		}
		doc, err := src.Program(ctxb, am.ID)
		if err != nil || doc.Program.Number != am.Number || doc.Program.Title == before.Program.Title {
			t.Errorf("amendment's document: number %d (want %d), title %q, %v", doc.Program.Number, am.Number, doc.Program.Title, err)
		}
	})
}

// TestBackfill issues a program and an invitation without snapshots, as before snapshots
// existed: they print from the store as it is, until Backfill freezes them, once.
func TestBackfill(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		today := clocktest.Today()
		if _, err := demo.Seed(ctxb, st, today); err != nil {
			t.Fatal(err)
		}
		p, head := approvedDraft(t, st)
		if _, err := st.IssueProgram(ctxb, head, p.ID, p.Version, congtac.Issuance{On: today}, nil); err != nil {
			t.Fatal(err)
		}
		if _, err := assemble.FindFrozenProgram(ctxb, st, p.ID); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Fatalf("snapshot of a program issued without one: %v, want ENOTFOUND", err)
		}
		n, err := assemble.Backfill(ctxb, st)
		if err != nil || n != 1 {
			t.Fatalf("Backfill = %d, %v; want the one program (the demo's documents have snapshots)", n, err)
		}
		fz, err := assemble.FindFrozenProgram(ctxb, st, p.ID)
		if err != nil || !fz.Snapshot.Backfilled || fz.Doc.Draft || fz.Doc.Program.Number == 0 {
			t.Fatalf("backfilled snapshot: %+v, draft %v, number %d, %v", fz.Snapshot, fz.Doc.Draft, fz.Doc.Program.Number, err)
		}
		if n, err := assemble.Backfill(ctxb, st); err != nil || n != 0 {
			t.Errorf("second Backfill = %d, %v; want 0", n, err)
		}
		snap, _ := st.FindProgramSnapshot(ctxb, p.ID)
		if err := st.BackfillSnapshot(ctxb, congtac.System, snap); congtac.ErrorCode(err) != congtac.ECONFLICT {
			t.Errorf("replacing a snapshot: %v, want ECONFLICT", err)
		}
		if err := st.BackfillSnapshot(ctxb, head, snap); congtac.ErrorCode(err) != congtac.EFORBIDDEN {
			t.Errorf("backfill by the office head: %v, want EFORBIDDEN", err)
		}
	})
}
