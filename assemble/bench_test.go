package assemble_test

import (
	"io"
	"testing"

	"congtac"
	"congtac/assemble"
	"congtac/export"
	"congtac/store"
	"congtac/store/storetest"
	"congtac/synth"
)

// benchScale is a province-sized installation (300 orgs, 100 communes) with fewer months of
// programs, each of about 40 tasks as the province scale's are.
var benchScale = synth.Scale{Name: "bench", Communes: 100, Orgs: 300, Programs: 300, Tasks: 12000, Reports: 12000}

// BenchmarkIssuedProgram measures the hot path of an issued program's download as the web
// serves it (a Source per request, the document, then PDF or DOCX), from its snapshot and
// from the store as it is (what every download did before snapshots), on the largest
// issued program of a synthetic province-sized installation.
func BenchmarkIssuedProgram(b *testing.B) {
	for _, e := range storetest.Engines {
		st := storetest.Open(b, e)
		if _, err := synth.Generate(ctx, st, synth.Config{Seed: 1, Scale: benchScale}); err != nil {
			b.Fatal(err)
		}
		p := issueLargestDraft(b, st)
		snap, err := st.FindProgramSnapshot(ctx, p.ID)
		if err != nil {
			b.Fatal(err)
		}
		b.Logf("%s: program %d, %d tasks, %d items, snapshot %d bytes", e, p.ID, len(p.Tasks), len(p.Items), len(snap.Body))
		docs := map[string]func() (export.Doc, error){
			"snapshot": func() (export.Doc, error) {
				src, err := assemble.Load(ctx, st)
				if err != nil {
					return nil, err
				}
				return src.Program(ctx, p.ID)
			},
			"live": func() (export.Doc, error) {
				src, err := assemble.Load(ctx, st)
				if err != nil {
					return nil, err
				}
				q, err := st.FindProgramByID(ctx, p.ID)
				if err != nil {
					return nil, err
				}
				return src.LiveProgram(ctx, q)
			},
		}
		for _, from := range []string{"snapshot", "live"} {
			for _, format := range []struct {
				name  string
				write func(io.Writer, export.Doc) error
			}{{"input", nil}, {"pdf", export.PDF}, {"docx", export.DOCX}} {
				b.Run(string(e)+"/"+from+"/"+format.name, func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						d, err := docs[from]()
						if err == nil && format.write != nil {
							err = format.write(io.Discard, d)
						}
						if err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		}
	}
}

// issueLargestDraft issues the draft program with the most tasks among the first hundred
// (synth loads its issued programs without documents) and returns it.
func issueLargestDraft(b *testing.B, st *store.Store) congtac.Program {
	draft := congtac.ProgramDraft
	ps, _, err := st.FindPrograms(ctx, congtac.ProgramFilter{Status: &draft, Limit: 100})
	if err != nil || len(ps) == 0 {
		b.Fatalf("no draft program: %v", err)
	}
	var best congtac.Program
	for _, s := range ps {
		p, err := st.FindProgramByID(ctx, s.ID)
		if err != nil {
			b.Fatal(err)
		}
		if len(p.Tasks) > len(best.Tasks) {
			best = p
		}
	}
	head := congtac.Actor{Role: congtac.RoleOfficeHead, OrgID: best.OrgID}
	for _, a := range []congtac.ProgramAction{congtac.ActionSubmit, congtac.ActionApprove} {
		if best, err = st.TransitionProgram(ctx, head, best.ID, best.Version, a, ""); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := assemble.IssueProgram(ctx, st, head, best.ID, best.Version, congtac.Issuance{On: congtac.MustDate(2026, 11, 2)}); err != nil {
		b.Fatal(err)
	}
	if best, err = st.FindProgramByID(ctx, best.ID); err != nil {
		b.Fatal(err)
	}
	return best
}
