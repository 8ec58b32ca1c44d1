package web

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// docxText returns the text of a DOCX's word/document.xml, a line per paragraph.
func docxText(t testing.TB, docx []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatalf("not a DOCX: %v", err)
	}
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			continue
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		var b strings.Builder
		dec, inText := xml.NewDecoder(r), false
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				return b.String()
			} else if err != nil {
				t.Fatal(err)
			}
			switch tok := tok.(type) {
			case xml.StartElement:
				inText = tok.Name.Local == "t"
				if tok.Name.Local == "tab" || tok.Name.Local == "br" {
					b.WriteByte(' ')
				}
			case xml.EndElement:
				inText = false
				if tok.Name.Local == "p" {
					b.WriteByte('\n')
				}
			case xml.CharData:
				if inText {
					b.Write(tok)
				}
			}
		}
	}
	t.Fatal("no word/document.xml in the DOCX")
	return ""
}

// pdfText returns what pdftotext reads from a PDF, skipping the test (failing it under
// CONGTAC_REQUIRE_ALL=1) when poppler-utils is not installed.
func pdfText(t testing.TB, pdf []byte) string {
	t.Helper()
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		storetest.Skip(t, "pdftotext is missing: install the Debian package poppler-utils")
	}
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "-raw", "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return string(out)
}

// documentPart returns the text of a program page's document, without what is not part of
// it (the tasks' current status).
func documentPart(t testing.TB, page string) string {
	t.Helper()
	doc := html(t.(*testing.T), page)
	art := doc.Find("article.doc")
	if art.Length() != 1 {
		t.Fatalf("the page has %d documents", art.Length())
	}
	art.Find(".doc-live").Remove()
	return strings.Join(strings.Fields(art.Text()), " ")
}

// issuedCopy is what a reader gets of an issued program: its files' text and the page's
// document.
type issuedCopy struct{ pdf, docx, page string }

func copyOf(t *testing.T, c *client, id int64) issuedCopy {
	t.Helper()
	get := func(path string) string {
		r := c.get(path)
		mustStatus(t, path, r, http.StatusOK)
		return r.body
	}
	files := fmt.Sprintf("/programs/%d/files/", id)
	return issuedCopy{pdf: pdfText(t, []byte(get(files+"chuong-trinh.pdf"))),
		docx: docxText(t, []byte(get(files+"chuong-trinh.docx"))), page: documentPart(t, get(fmt.Sprintf("/programs/%d", id)))}
}

// changeEverything changes what an issued program's document was made of: the committee's
// and every named org's name, the signer's and the leaders' names, the settings' body and
// place, the meetings' titles; it completes the program's first task and defers its second.
func changeEverything(t testing.TB, st *store.Store, p congtac.Program) {
	t.Helper()
	sys := congtac.System
	orgs := map[int64]bool{p.OrgID: true}
	people := map[int64]bool{p.Signature.PersonID: true}
	for _, tk := range p.Tasks {
		orgs[tk.Lead], people[tk.LeaderID] = true, true
		for _, sp := range tk.Support {
			orgs[sp.OrgID] = true
		}
	}
	for id := range orgs {
		o, err := st.FindOrgs(ctxb, congtac.OrgFilter{ID: &id})
		if id == 0 || err != nil || len(o) == 0 {
			continue
		}
		name, short := o[0].Name+" (tên mới)", o[0].ShortName+"M"
		if _, err := st.UpdateOrg(ctxb, sys, id, o[0].Version, congtac.OrgUpdate{Name: &name, ShortName: &short}); err != nil {
			t.Fatalf("rename org %d: %v", id, err)
		}
	}
	for id := range people {
		ps, err := st.FindPeople(ctxb, congtac.PersonFilter{ID: &id})
		if id == 0 || err != nil || len(ps) == 0 {
			continue
		}
		name := "Trần Đổi Tên " + strconv.FormatInt(id, 10)
		if _, err := st.UpdatePerson(ctxb, sys, id, ps[0].Version, congtac.PersonUpdate{FullName: &name}); err != nil {
			t.Fatalf("rename person %d: %v", id, err)
		}
	}
	c, err := st.FindCommittee(ctxb, p.OrgID)
	if err != nil {
		t.Fatal(err)
	}
	c.Settings.BodyName, c.Settings.ParentBody, c.Settings.Place = "ỦY BAN NHÂN DÂN TỈNH ĐỔI MỚI", "HỘI ĐỒNG THỬ", "Nơi Mới"
	if _, err := st.SaveCommitteeSettings(ctxb, sys, c.Org.ID, c.Version, c.Settings); err != nil {
		t.Fatal(err)
	}
	meetings, err := st.FindMeetings(ctxb, congtac.MeetingFilter{ProgramID: &p.ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range meetings {
		title := m.Title + " (đổi tên)"
		if _, err := st.UpdateMeeting(ctxb, sys, m.ID, m.Version, congtac.MeetingUpdate{Title: &title}); err != nil {
			t.Fatalf("rename meeting: %v", err)
		}
	}
	first, second := p.Tasks[0], p.Tasks[1]
	if _, err := st.CompleteTask(ctxb, sys, first.ID, first.Version, congtac.Completion{OrgID: first.Lead, DoneOn: demoToday}); err != nil {
		t.Fatalf("complete: %v", err)
	}
	if _, err := st.DeferTask(ctxb, sys, second.ID, second.Version, congtac.Deferral{On: demoToday,
		To: congtac.DueOn(demoToday.AddDays(90)), Reason: "Chờ hướng dẫn của cấp trên."}); err != nil {
		t.Fatalf("defer: %v", err)
	}
}

// TestIssuedProgramIsFrozen is the acceptance test of frozen documents: the office issues
// the demo's next program; its PDF, its DOCX and its page's document read the same after the
// committee, its departments, the signer and the leaders are renamed, the settings change
// and tasks are completed and deferred, while the page's status of the tasks follows them.
func TestIssuedProgramIsFrozen(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := newDemo(t, e)
			s, _ := newTestServer(t, st)
			srv := startServer(t, s)
			drafter, chair, cvp := as(t, s, srv, "vanphong"), as(t, s, srv, "chutich"), as(t, s, srv, "cvp")
			draft := congtac.ProgramDraft
			ps, _, err := st.FindPrograms(ctxb, congtac.ProgramFilter{Status: &draft, Limit: 1})
			if err != nil || len(ps) == 0 {
				t.Fatalf("no draft program in the demo: %v", err)
			}
			id := ps[0].ID
			view := fmt.Sprintf("/programs/%d", id)
			for _, step := range []struct {
				c      *client
				action string
			}{{drafter, "submit"}, {chair, "approve"}, {cvp, "issue"}} {
				p, err := st.FindProgramByID(ctxb, id)
				if err != nil {
					t.Fatal(err)
				}
				mustRedirect(t, step.action, step.c.post(view+"/"+step.action,
					url.Values{"version": {strconv.Itoa(p.Version)}}), view)
			}
			p, err := st.FindProgramByID(ctxb, id)
			if err != nil || p.Status != congtac.ProgramIssued || len(p.Tasks) < 2 {
				t.Fatalf("issued program: %s with %d tasks, %v", p.Status, len(p.Tasks), err)
			}
			before := copyOf(t, cvp, id)
			if !strings.Contains(before.docx, congtac.FormatNumber(p.Number, p.Symbol)) {
				t.Fatalf("the issued DOCX lacks its number %s:\n%s", congtac.FormatNumber(p.Number, p.Symbol), before.docx)
			}
			changeEverything(t, st, p)
			after := copyOf(t, cvp, id)
			for _, part := range []struct{ name, before, after string }{
				{"PDF", before.pdf, after.pdf}, {"DOCX", before.docx, after.docx}, {"page", before.page, after.page}} {
				if part.before != part.after {
					t.Errorf("the issued program's %s changed:\n%s", part.name, lineDiff(part.before, part.after))
				}
			}
			// The changes are real: a draft's report prints the new body name, and the page
			// shows the first task done.
			report := docxText(t, []byte(cvp.get(view+"/files/bao-cao-ket-qua.docx").body))
			if !strings.Contains(report, "ĐỔI MỚI") {
				t.Error("the draft report does not print the new body name: the changes did not happen")
			}
			page := html(t, cvp.get(view).body)
			done := []string{congtac.StatusDoneOnTime.Label(), congtac.StatusDoneLate.Label()} // late when carried
			if got := texts(page, ".doc-live .status"); len(got) == 0 || !slices.Contains(done, got[0]) {
				t.Errorf("current statuses on the page %q, want the first done", got)
			}
			if page.Find(".doc-frozen").Length() != 1 {
				t.Error("the page does not say that the issued document shows as issued")
			}
		})
	}
}

// lineDiff returns the first lines where a and b differ.
func lineDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out []string
	for i := 0; i < max(len(al), len(bl)) && len(out) < 10; i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			out = append(out, fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, x, y))
		}
	}
	return strings.Join(out, "\n")
}
