package export

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestLibreOfficeConvertsEveryDOCX converts each document's DOCX to PDF with LibreOffice
// (Debian libreoffice-writer-nogui), as an office would open it, and compares its page
// count with the PDF written here. Page 1 of LibreOffice's rendering of the program is
// kept as an artifact beside the one of the PDF writer.
func TestLibreOfficeConvertsEveryDOCX(t *testing.T) {
	soffice := need(t, "soffice", "libreoffice-writer-nogui")
	dir := t.TempDir()
	var files []string
	ours := map[string]int{}
	docs := append(testDocs(), struct {
		name string
		doc  Doc
	}{"program-signed", signedProgram(t)})
	for _, tt := range docs {
		path := filepath.Join(dir, tt.name+".docx")
		if err := os.WriteFile(path, render(t, tt.doc, "docx"), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
		_, _, ours[tt.name] = pageSize(t, pdfTool(t, "pdfinfo", writeTemp(t, tt.name+".pdf", render(t, tt.doc, "pdf"))))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	out := filepath.Join(dir, "lo")
	// A profile of its own, so that the test never waits on a LibreOffice already running.
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "pdf", "--outdir", out}, files...)
	if msg, err := exec.CommandContext(ctx, soffice, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	for _, tt := range docs {
		pdf := filepath.Join(out, tt.name+".pdf")
		if _, err := os.Stat(pdf); err != nil {
			t.Errorf("LibreOffice did not convert %s.docx: %v", tt.name, err)
			continue
		}
		_, _, pages := pageSize(t, pdfTool(t, "pdfinfo", pdf))
		if pages < 1 {
			t.Errorf("LibreOffice's %s.pdf has no page", tt.name)
		}
		if pages != ours[tt.name] {
			t.Logf("%s: LibreOffice lays out %d pages, the PDF writer %d", tt.name, pages, ours[tt.name])
		}
		text := pdfTool(t, "pdftotext", "-raw", pdf, "-")
		if tt.name == "program" && !strings.Contains(squash(text), "Lục Ngạn, ngày 05 tháng 4 năm 2023") {
			t.Errorf("LibreOffice's program lacks its date line:\n%.500s", text)
		}
	}
	prefix := filepath.Join(artifacts(t), "export-program-libreoffice-page")
	pdfTool(t, "pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", filepath.Join(out, "program.pdf"), prefix)
	t.Logf("page 1 as LibreOffice lays out the DOCX: %s.png", prefix)
	pdfTool(t, "pdftoppm", "-png", "-r", "80", "-f", "5", "-l", "5", "-singlefile", filepath.Join(out, "program-signed.pdf"),
		filepath.Join(artifacts(t), "export-program-signed-libreoffice-page5"))
}
