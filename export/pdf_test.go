package export

import (
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// pdfTool runs a poppler tool on a PDF file and returns its output.
func pdfTool(t *testing.T, tool string, args ...string) string {
	t.Helper()
	out, err := exec.Command(need(t, tool, "poppler-utils"), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", tool, args, err, out)
	}
	return string(out)
}

// writeTemp writes data to a file in a test's temporary directory.
func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestPDFLayout checks each document's PDF with poppler: the page size, the fonts (only
// Liberation Serif, embedded), and that pdftotext gives back the text that was laid out.
func TestPDFLayout(t *testing.T) {
	for _, tt := range testDocs() {
		t.Run(tt.name, func(t *testing.T) {
			path := writeTemp(t, tt.name+".pdf", render(t, tt.doc, "pdf"))
			w, h, pages := pageSize(t, pdfTool(t, "pdfinfo", path))
			wantW, wantH := 595.3, 841.9 // A4: 210 × 297 mm
			if tt.name == "register" || tt.name == "calendar" {
				wantW, wantH = wantH, wantW
			}
			if math.Abs(w-wantW) > 0.05 || math.Abs(h-wantH) > 0.05 || pages < 1 {
				t.Errorf("page %.1f × %.1f pt, %d pages; want %.1f × %.1f", w, h, pages, wantW, wantH)
			}
			checkFonts(t, pdfTool(t, "pdffonts", path))
			// -raw: in drawing order, without joining a line that ends with "-" to the next
			checkText(t, tt.doc, pdfTool(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-"))
		})
	}
}

// pageSize returns the page size and page count pdfinfo reports.
func pageSize(t *testing.T, info string) (w, h float64, pages int) {
	t.Helper()
	for _, l := range strings.Split(info, "\n") {
		f := strings.Fields(l)
		switch {
		case strings.HasPrefix(l, "Pages:") && len(f) == 2:
			pages, _ = strconv.Atoi(f[1])
		case strings.HasPrefix(l, "Page size:") && len(f) >= 5:
			w, _ = strconv.ParseFloat(f[2], 64)
			h, _ = strconv.ParseFloat(f[4], 64)
		}
	}
	return w, h, pages
}

// checkFonts checks that every font of the file is a Liberation Serif face, embedded
// with a Unicode map.
func checkFonts(t *testing.T, fonts string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(fonts), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no font:\n%s", fonts)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		if len(f) < 7 || !strings.HasPrefix(f[0], "LiberationSerif") || f[len(f)-5] != "yes" || f[len(f)-3] != "yes" {
			t.Errorf("font line %q: want Liberation Serif, emb yes, uni yes", l)
		}
	}
}

// checkText checks pdftotext's output against the laid-out text: each run of paragraphs
// of the flow, whole and in order, and each line of the tables' cells; all NFC, without
// the U+01A2/U+01A3 of damaged fonts.
func checkText(t *testing.T, d Doc, got string) {
	t.Helper()
	if !norm.NFC.IsNormalString(got) || strings.ContainsAny(got, "\u01A2\u01A3") {
		t.Errorf("pdftotext output is not clean NFC Vietnamese")
	}
	text := squash(withoutPageNumbers(got))
	var m metrics
	s, err := d.layout(&m)
	if err != nil {
		t.Fatal(err)
	}
	flow, lines := sheetText(t, s, &m)
	at := 0
	for _, f := range flow {
		i := strings.Index(text[at:], f)
		if i < 0 {
			t.Errorf("text of the flow missing from the PDF's text, or out of order; first difference:\n%s",
				firstWordDiff(text[at:], f))
			return
		}
		at += i + len(f)
	}
	for _, l := range lines {
		if !strings.Contains(text, l) {
			t.Errorf("table line %q not in the PDF's text", l)
		}
	}
}

// sheetText returns the runs of paragraphs between tables, each joined, and the lines of
// the tables' cells as the layout breaks them; whitespace squashed.
func sheetText(t *testing.T, s *sheet, m *metrics) (flow, lines []string) {
	var run []string
	end := func() {
		if len(run) > 0 {
			flow = append(flow, strings.Join(run, " "))
			run = nil
		}
	}
	for _, b := range s.blocks {
		switch v := b.(type) {
		case para:
			if p := squash(paraText(v)); p != "" {
				run = append(run, p)
			}
		case *table:
			end()
			for _, row := range v.rows {
				for j, c := range row {
					for _, p := range c.paras {
						ls, err := breakLines(m, p, v.cols[j]-2*v.cellPadding())
						if err != nil {
							t.Fatal(err)
						}
						for _, l := range ls {
							if s := squash(lineText(l)); s != "" {
								lines = append(lines, s)
							}
						}
					}
				}
			}
		}
	}
	end()
	return flow, lines
}

func lineText(l line) string {
	var b strings.Builder
	for _, p := range l.pieces {
		b.WriteString(p.text)
	}
	return b.String()
}

func paraText(p para) string {
	var b strings.Builder
	for _, r := range p.runs {
		b.WriteString(r.text)
	}
	return b.String()
}

// squash makes every run of whitespace one space and trims the ends.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// withoutPageNumbers removes the page numbers of pages 2 on, which are drawn after each
// page's text and so end it in pdftotext's raw output, and the draft mark of page 1.
func withoutPageNumbers(text string) string {
	pages := strings.Split(text, "\f")
	for i := range pages {
		body := strings.TrimRight(pages[i], "\n ")
		last := body[strings.LastIndex(body, "\n")+1:]
		if (i > 0 && strings.TrimSpace(last) == strconv.Itoa(i+1)) || (i == 0 && strings.TrimSpace(last) == "DỰ THẢO") {
			pages[i] = body[:len(body)-len(last)]
		}
	}
	return strings.Join(pages, "\n")
}

// firstWordDiff shows where want stops matching got, word by word.
func firstWordDiff(got, want string) string {
	w := strings.Fields(want)
	for n := len(w); n > 0; n-- {
		if strings.Contains(got, strings.Join(w[:n], " ")) {
			end := min(n+8, len(w))
			i := strings.Index(got, strings.Join(w[:n], " ")) + len(strings.Join(w[:n], " "))
			return "matched up to …" + strings.Join(w[max(0, n-8):n], " ") + "\nwant next: " +
				strings.Join(w[n:end], " ") + "\ngot next:  " + got[i:min(len(got), i+120)]
		}
	}
	return "nothing matched"
}

// TestPDFPageOneArtifact renders page 1 of the seed program's PDF, issued and draft, to
// PNG at 80 dpi and keeps it in the artifacts directory for people to look at.
func TestPDFPageOneArtifact(t *testing.T) {
	dir := artifacts(t)
	for _, tt := range testDocs()[:2] {
		pdf := filepath.Join(dir, "export-"+tt.name+".pdf")
		if err := os.WriteFile(pdf, render(t, tt.doc, "pdf"), 0o644); err != nil {
			t.Fatal(err)
		}
		prefix := filepath.Join(dir, "export-"+tt.name+"-page")
		pdfTool(t, "pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, prefix)
		info, err := os.Stat(prefix + ".png")
		if err != nil || info.Size() < 10_000 {
			t.Errorf("page 1 image %s.png: %v", prefix, err)
		}
		t.Logf("page 1 of the %s: %s.png", tt.name, prefix)
	}
}
