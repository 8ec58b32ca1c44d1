package assemble_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"testing"

	"congtac"
	"congtac/assemble"
	"congtac/clocktest"
	"congtac/demo"
	"congtac/export"
	"congtac/store"
	"congtac/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

var ctx = context.Background()

func TestDocumentsFromTheDemo(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		today := clocktest.Today()
		if _, err := demo.Seed(ctx, st, today); err != nil {
			t.Fatal(err)
		}
		// Last month's program: issued, and its regular meeting planned, whatever today is.
		lastMonth, province := congtac.PeriodOf(congtac.PeriodMonth, today).Prev(), provinceOf(t, st)
		ps, _, _ := st.FindPrograms(ctx, congtac.ProgramFilter{OrgID: &province, Period: &lastMonth, Limit: 1})
		p := ps[0]
		var b bytes.Buffer
		png.Encode(&b, image.NewNRGBA(image.Rect(0, 0, 120, 120)))
		if err := st.SaveStamp(ctx, congtac.System, congtac.Stamp{Kind: congtac.StampSeal, OwnerID: p.OrgID, PNG: b.Bytes()}); err != nil {
			t.Fatal(err)
		}
		src, err := assemble.Load(ctx, st)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := src.Program(ctx, p.ID)
		// The seal came after the issue: the issued document, frozen, does not show it.
		if err != nil || doc.Draft || len(doc.Program.Tasks) == 0 || doc.Options.Images.Seal != nil || doc.Options.Images.Signature != nil {
			t.Errorf("program doc: draft %v, %d tasks, seal %d bytes, signature %d bytes, %v",
				doc.Draft, len(doc.Program.Tasks), len(doc.Options.Images.Seal), len(doc.Options.Images.Signature), err)
		}
		regular := congtac.MeetingRegular
		ms, _ := st.FindMeetings(ctx, congtac.MeetingFilter{Kind: &regular, ProgramID: &p.ID})
		if len(ms) != 1 {
			t.Fatalf("meetings of the program: %d", len(ms))
		}
		inv, err := src.Invitation(ctx, ms[0].ID)
		if err != nil || inv.Draft || inv.Document.Number == 0 || inv.Document.Type != congtac.DocInvitation {
			t.Errorf("invitation: draft %v, %+v, %v", inv.Draft, inv.Document, err)
		}
		if want := "Chủ tịch UBND tỉnh Sơn Hà Trần Quốc Hưng"; inv.Chair != want { // the post before the name
			t.Errorf("the invitation's chair %q, want %q", inv.Chair, want)
		}
		con, err := src.Conclusion(ctx, ms[0].ID)
		if err != nil || !con.Draft || con.Document.Symbol != "TB-UBND" {
			t.Errorf("conclusion: draft %v, symbol %q, %v", con.Draft, con.Document.Symbol, err)
		}
		rep, err := src.ResultReport(ctx, p.ID, today)
		if err != nil || len(rep.Reports) == 0 || !rep.Draft {
			t.Errorf("result report: %d reports, draft %v, %v", len(rep.Reports), rep.Draft, err)
		}
		year := p.IssuedOn.Year
		reg, err := src.Register(ctx, 0, year)
		if err != nil || len(reg.Documents) < 2 {
			t.Errorf("register of %d: %d documents, %v", year, len(reg.Documents), err)
		}
		if _, err := src.Register(ctx, 999999, year); congtac.ErrorCode(err) != congtac.ENOTFOUND {
			t.Errorf("register of nobody: %v, want ENOTFOUND", err)
		}
		tasks, err := src.Tasks(ctx, p.ID, today)
		if err != nil || len(tasks.Tasks) != len(doc.Program.Tasks) {
			t.Errorf("task table: %d tasks, %v", len(tasks.Tasks), err)
		}
		var out bytes.Buffer
		for _, d := range []export.Doc{doc, inv, con, rep} {
			out.Reset()
			if err := export.DOCX(&out, d); err != nil || out.Len() == 0 {
				t.Errorf("DOCX of %T: %d bytes, %v", d, out.Len(), err)
			}
		}
	})
}

// provinceOf returns the demo province committee, the root of the org tree.
func provinceOf(t *testing.T, st *store.Store) int64 {
	t.Helper()
	kind := congtac.OrgCommittee
	orgs, err := st.FindOrgs(ctx, congtac.OrgFilter{Kind: &kind})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range orgs {
		if o.ParentID == 0 {
			return o.ID
		}
	}
	t.Fatal("no root committee")
	return 0
}
