package main

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"congtac"
	"congtac/assemble"
	"congtac/clocktest"
	"congtac/demo"
	"congtac/store"
	"congtac/store/storetest"
)

// wordText matches a text run of WordprocessingML.
var wordText = regexp.MustCompile(`<w:t(?: [^>]*)?>([^<]*)</w:t>|</w:p>`)

// renderedText runs "congtac render -program id" into a file of format and returns its
// text: pdftotext's for a PDF, the runs of word/document.xml for a DOCX.
func renderedText(t *testing.T, db string, id int64, format string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "program."+format)
	if r := runCLI(t, nil, "", "render", "-db", db, "-program", strconv.FormatInt(id, 10), "-o", out); r.code != exitOK {
		t.Fatalf("render = %d, %q", r.code, r.stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if format == "pdf" {
		tool, err := exec.LookPath("pdftotext")
		if err != nil {
			storetest.Skip(t, "pdftotext is missing: install the Debian package poppler-utils")
		}
		text, err := exec.Command(tool, "-raw", "-enc", "UTF-8", out, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		return string(text)
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			r, _ := f.Open()
			x, _ := io.ReadAll(r)
			r.Close()
			var b bytes.Buffer
			for _, m := range wordText.FindAllSubmatch(x, -1) {
				if len(m[1]) == 0 {
					b.WriteByte('\n')
				}
				b.Write(m[1])
			}
			return b.String()
		}
	}
	t.Fatal("no word/document.xml")
	return ""
}

// TestRenderIssuedProgramIsFrozen issues the demo's next program and renders it with
// "congtac render" before and after the committee, the task leads, the signer and the
// settings change and tasks are completed and deferred: the same text.
func TestRenderIssuedProgramIsFrozen(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			ctx, today := context.Background(), clocktest.Today()
			db := storetest.DSN(t, e)
			st := openStore(t, db)
			st.SetClock(clocktest.Now)
			if _, err := demo.Seed(ctx, st, today); err != nil {
				t.Fatal(err)
			}
			p := issueDemoDraft(t, st)
			before := map[string]string{"pdf": renderedText(t, db, p.ID, "pdf"), "docx": renderedText(t, db, p.ID, "docx")}
			sys := congtac.System
			for _, id := range []int64{p.OrgID, p.Tasks[0].Lead, p.Tasks[1].Lead} {
				o, err := st.FindOrgs(ctx, congtac.OrgFilter{ID: &id})
				if err != nil || len(o) == 0 {
					t.Fatalf("org %d: %v", id, err)
				}
				name := o[0].Name + " (tên mới)"
				if _, err := st.UpdateOrg(ctx, sys, id, o[0].Version, congtac.OrgUpdate{Name: &name}); err != nil {
					t.Fatal(err)
				}
			}
			if id := p.Signature.PersonID; id != 0 {
				ps, _ := st.FindPeople(ctx, congtac.PersonFilter{ID: &id})
				name := "Trần Đổi Tên"
				if _, err := st.UpdatePerson(ctx, sys, id, ps[0].Version, congtac.PersonUpdate{FullName: &name}); err != nil {
					t.Fatal(err)
				}
			}
			c, _ := st.FindCommittee(ctx, p.OrgID)
			c.Settings.BodyName, c.Settings.Place = "ỦY BAN NHÂN DÂN TỈNH ĐỔI MỚI", "Nơi Mới"
			if _, err := st.SaveCommitteeSettings(ctx, sys, c.Org.ID, c.Version, c.Settings); err != nil {
				t.Fatal(err)
			}
			first, second := p.Tasks[0], p.Tasks[1]
			if _, err := st.CompleteTask(ctx, sys, first.ID, first.Version, congtac.Completion{OrgID: first.Lead, DoneOn: today}); err != nil {
				t.Fatal(err)
			}
			if _, err := st.DeferTask(ctx, sys, second.ID, second.Version, congtac.Deferral{On: today,
				To: congtac.DueOn(today.AddDays(60)), Reason: "Chờ hướng dẫn."}); err != nil {
				t.Fatal(err)
			}
			for format, want := range before {
				if got := renderedText(t, db, p.ID, format); got != want {
					t.Errorf("congtac render of the issued program as %s changed:\n got %.400s\nwant %.400s", format, got, want)
				}
			}
		})
	}
}

// issueDemoDraft takes the demo's draft program through submission and approval, issues it
// today with its snapshot, and returns it with its tasks.
func issueDemoDraft(t *testing.T, st *store.Store) congtac.Program {
	t.Helper()
	ctx, draft := context.Background(), congtac.ProgramDraft
	ps, _, err := st.FindPrograms(ctx, congtac.ProgramFilter{Status: &draft, Limit: 1})
	if err != nil || len(ps) == 0 {
		t.Fatalf("no draft program in the demo: %v", err)
	}
	p, head := ps[0], congtac.Actor{Role: congtac.RoleOfficeHead, OrgID: ps[0].OrgID}
	for _, a := range []congtac.ProgramAction{congtac.ActionSubmit, congtac.ActionApprove} {
		if p, err = st.TransitionProgram(ctx, head, p.ID, p.Version, a, ""); err != nil {
			t.Fatal(err)
		}
	}
	if _, err = assemble.IssueProgram(ctx, st, head, p.ID, p.Version, congtac.Issuance{On: clocktest.Today()}); err != nil {
		t.Fatal(err)
	}
	if p, err = st.FindProgramByID(ctx, p.ID); err != nil || len(p.Tasks) < 2 {
		t.Fatalf("issued program: %d tasks, %v", len(p.Tasks), err)
	}
	return p
}
