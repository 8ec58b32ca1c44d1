package export

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"congtac"
)

// tenPages returns the seed program with its items and tasks twice over: ten A4 pages.
func tenPages() ProgramDoc {
	d := seedProgram(false)
	p := &d.Program
	for _, it := range seedItems() {
		it.ID += 100
		if it.ParentID != 0 {
			it.ParentID += 100
		}
		it.Position += 10
		p.Items = append(p.Items, it)
	}
	for _, t := range seedTasks() {
		t.ID, t.ItemID = t.ID+100, t.ItemID+100
		p.Tasks = append(p.Tasks, t)
	}
	return d
}

// TestBenchmarkProgramHasTenPages checks the benchmarks' program, and leaves its DOCX in
// the artifacts directory for timing LibreOffice on the same file.
func TestBenchmarkProgramHasTenPages(t *testing.T) {
	path := writeTemp(t, "ten.pdf", render(t, tenPages(), "pdf"))
	if _, _, pages := pageSize(t, pdfTool(t, "pdfinfo", path)); pages != 10 {
		t.Errorf("the benchmark's program has %d pages, want 10", pages)
	}
	docx := filepath.Join(artifacts(t), "export-ten-pages.docx")
	if err := os.WriteFile(docx, render(t, tenPages(), "docx"), 0o644); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkProgramDOCX(b *testing.B) {
	d := tenPages()
	for b.Loop() {
		if err := DOCX(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkProgramPDF(b *testing.B) {
	d := tenPages()
	for b.Loop() {
		if err := PDF(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRegisterXLSX(b *testing.B) {
	reg := seedRegister()
	docs := reg.Documents
	for i := 0; len(reg.Documents) < 1000; i++ {
		doc := docs[i%len(docs)]
		doc.Number, doc.ID = len(reg.Documents)+1, int64(len(reg.Documents)+1)
		reg.Documents = append(reg.Documents, doc)
	}
	for b.Loop() {
		var buf bytes.Buffer
		if err := RegisterXLSX(&buf, reg); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBreakLines(b *testing.B) {
	var m metrics
	p := bodyPara(plain(seedItems()[3].Text))
	for b.Loop() {
		if _, err := breakLines(&m, p, portrait(Margins{}).textWidth()); err != nil {
			b.Fatal(err)
		}
	}
}

// provinceProgram returns a program of province scale: the seed's items forty times over
// (about 1,000 items), each carrying tasks printed inline, on their own line and not at
// all.
func provinceProgram() ProgramDoc {
	d := seedProgram(false)
	p := &d.Program
	modes := []congtac.PrintMode{congtac.PrintInline, congtac.PrintLine, congtac.PrintNone}
	for n := int64(1); n <= 40; n++ {
		for _, it := range seedItems() {
			it.ID += 1000 * n
			if it.ParentID != 0 {
				it.ParentID += 1000 * n
			}
			it.Position += 100 * int(n)
			p.Items = append(p.Items, it)
			for i, m := range modes {
				p.Tasks = append(p.Tasks, congtac.Task{ID: it.ID*10 + int64(i), ItemID: it.ID, Position: i,
					Text: "Đôn đốc thường xuyên công tác thu tiền dịch vụ VSMT", Lead: orgFinance,
					Support: support(orgCommunes), Source: "Chỉ thị số 19-CT/TU ngày 11/6/2020",
					Print: congtac.TaskPrint{Mode: m, Due: true, Source: true}})
			}
		}
	}
	return d
}

// BenchmarkProgramBodyProvince measures laying out the text of a province-scale program's
// items and tasks: the print path of every task, without the writers.
func BenchmarkProgramBodyProvince(b *testing.B) {
	d := provinceProgram()
	for b.Loop() {
		if len(d.body()) == 0 {
			b.Fatal("no body")
		}
	}
}

func BenchmarkProgramPDFProvince(b *testing.B) {
	d := provinceProgram()
	for b.Loop() {
		if err := PDF(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}
