package export

import (
	"bytes"
	"fmt"
	"io"
)

// Doc is an official document that [DOCX] and [PDF] write: a [ProgramDoc], [InvitationDoc],
// [ConclusionDoc], [ResultReportDoc] or [RegisterDoc]. Its layout is computed once from
// its fields and written in either format, so both files have the same pages.
type Doc interface {
	layout(m *metrics) (*sheet, error)
}

// DOCX writes d to w as a Word document (WordprocessingML) in Times New Roman, A4, with
// the margins, masthead and signature block of Decree 30/2020. It returns an EINVALID
// [congtac.Error] when the margins or an image are not acceptable, and writes nothing then;
// other errors come from w.
func DOCX(w io.Writer, d Doc) error {
	var m metrics
	s, err := d.layout(&m)
	if err != nil {
		return fmt.Errorf("export: docx: %w", err)
	}
	if err := writeDOCX(w, s, &m); err != nil {
		return fmt.Errorf("export: docx: %w", err)
	}
	return nil
}

// PDF writes d to w as a PDF file with the same layout as [DOCX], in Liberation Serif
// (Times New Roman's metrics, full Vietnamese), embedded. Characters the font cannot draw
// print as "?". Errors are those of [DOCX].
func PDF(w io.Writer, d Doc) error {
	var m metrics
	s, err := d.layout(&m)
	if err != nil {
		return fmt.Errorf("export: pdf: %w", err)
	}
	var buf bytes.Buffer
	if err := writePDF(&buf, s, &m); err != nil {
		return fmt.Errorf("export: pdf: %w", err)
	}
	if _, err := buf.WriteTo(w); err != nil {
		return fmt.Errorf("export: pdf: %w", err)
	}
	return nil
}
