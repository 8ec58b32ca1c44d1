package export

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"congtac"

	"github.com/xuri/excelize/v2"
)

// nasty are inputs that have broken document writers: markup, invalid UTF-8, NFD and the
// damaged letters of PDF extraction, control characters, characters no font has, right-
// to-left text, a word longer than a line, empty and blank strings.
var nasty = []string{
	"", " ", "\n\n", "<w:t>]]>&amp;</w:t>", "\x00\x01\x1f\x7f", "\xff\xfe bad UTF-8 \xc3",
	"Công tác của UBND huyện", "Ủy ban nhân dân", "ƣu tiên ƢU TIÊN", "\uFFFE\uFFFF\uFFFD",
	"😀 🇻🇳 漢字 한국어 עברית العربية", strings.Repeat("Nghịđịnh", 80), "\t tab \r\n CRLF \u2028 LS",
	"./.", "- Lưu: VT.", strings.Repeat("dài ", 700), "\u0301\u0323 dấu rời", "A\u200BB\u00ADC",
}

// fuzzDocs returns every kind of document with a, b and c in every text field.
func fuzzDocs(a, b, c string) []Doc {
	p := seedProgram(len(a)%2 == 0)
	p.Settings.BodyName, p.Settings.ParentBody, p.Settings.Place = a, b, c
	p.Program.Title, p.Program.Symbol, p.Program.Place = a, b, c
	p.Program.Items[0].Heading, p.Program.Items[2].Text, p.Program.Items[16].Heading = b, a, c+":"
	p.Program.Items = append(p.Program.Items, congtac.Item{ID: 99, ParentID: 2, Heading: c, Text: b + "\n" + a})
	p.Program.Tasks[0].Text, p.Program.Tasks[0].Due.Text = c, a
	p.Program.Tasks = append(p.Program.Tasks, congtac.Task{ID: 99, ItemID: 99, Text: a, Lead: orgAgriculture,
		Due: congtac.Due{Text: b}, Target: &congtac.Target{Metric: c, Unit: a, Comparator: congtac.AtLeast, Baseline: b}})
	p.Program.Recipients = []string{a, b, c}
	p.Program.Signature = congtac.Signature{Lines: []congtac.SignLine{{Authority: congtac.Authority(a), Of: b}}, Title: b, Name: c}
	p.Orgs = map[int64]string{orgAgriculture: a, orgCommunes: b, orgFinance: c}
	p.Meetings = []congtac.Meeting{{Title: a, Place: b, Attendees: c}}
	inv := seedInvitation(len(b)%2 == 0)
	inv.Settings = p.Settings
	inv.Meeting.Title, inv.Meeting.Attendees, inv.Meeting.Place, inv.Meeting.Note = a, b, c, a
	inv.Meeting.Agenda[0].Title, inv.Meeting.Agenda[0].Conclusion = a, b+"\n"+c
	inv.Document.Summary, inv.Document.Recipients, inv.Document.Signature = c, []string{b}, p.Program.Signature
	inv.Orgs, inv.People = p.Orgs, map[int64]string{2: a}
	conc := seedConclusion()
	conc.Meeting, conc.Document, conc.Orgs, conc.People, conc.Settings = inv.Meeting, inv.Document, inv.Orgs, inv.People, p.Settings
	rep := seedReport()
	rep.Settings, rep.Orgs, rep.Program.Title = p.Settings, p.Orgs, a
	rep.Reports[1].Text, rep.Program.Tasks[4].Deferral.Reason = b, c
	reg := seedRegister()
	reg.Settings = p.Settings
	reg.Documents[0].Summary, reg.Documents[0].Recipients = a, []string{b, c}
	reg.Documents[1].Keeper, reg.Documents[1].Note, reg.Documents[1].Symbol = c, a, b
	return []Doc{p, inv, conc, rep, reg}
}

// FuzzDocuments writes a document with any text in every field: nothing panics, every XML
// part of a DOCX parses, every PDF has a consistent cross-reference table, and the
// spreadsheets open again. kind picks the document and the format, so that each run
// writes one file and the fuzzer stays fast.
func FuzzDocuments(f *testing.F) {
	for i, s := range nasty {
		f.Add(uint8(i), s, nasty[(i+1)%len(nasty)], nasty[(i+5)%len(nasty)])
	}
	f.Fuzz(func(t *testing.T, kind uint8, a, b, c string) {
		docs := fuzzDocs(a, b, c)
		k := int(kind) % (2*len(docs) + 1)
		if k == 2*len(docs) {
			checkXLSXOpens(t, a, b, c)
			return
		}
		d := docs[k%len(docs)]
		var buf bytes.Buffer
		if k < len(docs) {
			if err := DOCX(&buf, d); err != nil {
				t.Fatalf("docx of %T: %v", d, err)
			}
			if err := checkDOCX(buf.Bytes()); err != nil {
				t.Fatalf("docx of %T: %v", d, err)
			}
			return
		}
		if err := PDF(&buf, d); err != nil {
			t.Fatalf("pdf of %T: %v", d, err)
		}
		if err := checkPDF(buf.Bytes()); err != nil {
			t.Fatalf("pdf of %T: %v", d, err)
		}
	})
}

// TestNastyInputs writes every document in every format with the nasty inputs, which the
// fuzzer's seeds only cover one format at a time.
func TestNastyInputs(t *testing.T) {
	for i := range nasty {
		a, b, c := nasty[i], nasty[(i+1)%len(nasty)], nasty[(i+5)%len(nasty)]
		for _, d := range fuzzDocs(a, b, c) {
			if err := checkDOCX(render(t, d, "docx")); err != nil {
				t.Errorf("docx of %T with %q: %v", d, a, err)
			}
			if err := checkPDF(render(t, d, "pdf")); err != nil {
				t.Errorf("pdf of %T with %q: %v", d, a, err)
			}
		}
		checkXLSXOpens(t, a, b, c)
	}
}

// checkDOCX parses every XML part of a DOCX with encoding/xml.
func checkDOCX(data []byte) error {
	parts, err := readZip(data)
	if err != nil {
		return err
	}
	for name, p := range parts {
		if !strings.HasSuffix(name, ".xml") && !strings.HasSuffix(name, ".rels") {
			continue
		}
		d := xml.NewDecoder(bytes.NewReader(p))
		for {
			_, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
		}
	}
	return nil
}

var startxref = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)

// checkPDF checks a PDF's structure: header, trailer, and a cross-reference table whose
// every entry points at its object.
func checkPDF(data []byte) error {
	if !bytes.HasPrefix(data, []byte("%PDF-1.")) {
		return fmt.Errorf("no PDF header")
	}
	m := startxref.FindSubmatch(data)
	if m == nil {
		return fmt.Errorf("no startxref at the end")
	}
	off, _ := strconv.Atoi(string(m[1]))
	if off >= len(data) || !bytes.HasPrefix(data[off:], []byte("xref\n0 ")) {
		return fmt.Errorf("startxref %d does not point at the xref table", off)
	}
	lines := strings.Split(string(data[off:]), "\n")
	n, err := strconv.Atoi(strings.Fields(lines[1])[1])
	if err != nil || n < 2 || len(lines) < n+2 {
		return fmt.Errorf("xref table of %q entries", lines[1])
	}
	for i := 1; i < n; i++ {
		f := strings.Fields(lines[2+i])
		o, err := strconv.Atoi(f[0])
		if err != nil || o >= len(data) || !bytes.HasPrefix(data[o:], []byte(strconv.Itoa(i)+" 0 obj")) {
			return fmt.Errorf("xref entry %d (%q) does not point at object %d", i, lines[2+i], i)
		}
	}
	if !bytes.Contains(data[off:], []byte("trailer")) {
		return fmt.Errorf("no trailer")
	}
	return nil
}

// checkXLSXOpens writes both spreadsheets with the inputs and opens them again.
func checkXLSXOpens(t *testing.T, a, b, c string) {
	reg := fuzzDocs(a, b, c)[4].(RegisterDoc)
	p := seedProgram(false).Program
	p.Tasks[0].Text, p.Tasks[0].Source = a, b
	tasks := TaskTable{Title: c, Tasks: p.Tasks, Items: p.Items, Orgs: map[int64]string{orgAgriculture: b}}
	for name, write := range map[string]func(io.Writer) error{
		"register": func(w io.Writer) error { return RegisterXLSX(w, reg) },
		"tasks":    func(w io.Writer) error { return TasksXLSX(w, tasks) },
	} {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatalf("%s xlsx: %v", name, err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatalf("%s xlsx does not open: %v", name, err)
		}
		if _, err := f.GetRows(f.GetSheetList()[0]); err != nil {
			t.Fatalf("%s xlsx rows: %v", name, err)
		}
		f.Close()
	}
}

// TestNastyInputsPDF has poppler read the PDFs of the nasty inputs: pdfinfo opens them and
// pdftotext reads them without an error.
func TestNastyInputsPDF(t *testing.T) {
	need(t, "pdfinfo", "poppler-utils")
	for i := 0; i < len(nasty); i += 3 {
		a, b, c := nasty[i], nasty[(i+1)%len(nasty)], nasty[(i+2)%len(nasty)]
		for _, d := range fuzzDocs(a, b, c) {
			path := writeTemp(t, "nasty.pdf", render(t, d, "pdf"))
			for _, tool := range []string{"pdfinfo", "pdftotext"} {
				out, err := exec.Command(tool, path, "-").CombinedOutput()
				if tool == "pdfinfo" {
					out, err = exec.Command(tool, path).CombinedOutput()
				}
				if err != nil || bytes.Contains(out, []byte("Syntax Error")) {
					t.Errorf("%s on %T with %q: %v\n%s", tool, d, a, err, out)
				}
			}
		}
	}
}
