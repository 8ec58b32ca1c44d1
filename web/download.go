package web

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime"
	"net/http"
	"slices"
	"time"

	"congtac"
	"congtac/assemble"
	"congtac/export"
)

// download is a file offered for download: its name in the URL, its content type, and
// how it is written; write returns the name the file is saved as, which names the
// document ([export.FileName]): "24-CTr-UBND-2026-12-05.pdf".
type download struct {
	name  string
	ctype string
	write func(ctx context.Context, src *assemble.Source, id int64, asOf congtac.Date, w io.Writer) (string, error)
}

// namedDoc is a document that downloads under its own name.
type namedDoc interface {
	export.Doc
	export.Named
}

// docGetter assembles the document of a record as of a day.
type docGetter func(ctx context.Context, src *assemble.Source, id int64, asOf congtac.Date) (namedDoc, error)

// docFiles returns the DOCX and PDF downloads of a document, at base.docx and base.pdf.
func docFiles(base string, get docGetter) []download {
	as := func(ext string, write func(io.Writer, export.Doc) error) func(context.Context, *assemble.Source, int64, congtac.Date, io.Writer) (string, error) {
		return func(ctx context.Context, src *assemble.Source, id int64, asOf congtac.Date, w io.Writer) (string, error) {
			d, err := get(ctx, src, id, asOf)
			if err != nil {
				return "", err
			}
			return export.FileName(d, ext), write(w, d)
		}
	}
	return []download{{base + ".docx", ctypeDOCX, as(".docx", export.DOCX)}, {base + ".pdf", ctypePDF, as(".pdf", export.PDF)}}
}

const (
	ctypeDOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	ctypePDF  = "application/pdf"
	ctypeXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	ctypeICS  = "text/calendar; charset=utf-8"
)

// programFiles are the files of a program: the program itself, the report on its
// execution as of today, and its tasks as a table.
func programFiles() []download {
	files := slices.Concat(
		docFiles("chuong-trinh", func(ctx context.Context, src *assemble.Source, id int64, _ congtac.Date) (namedDoc, error) {
			return src.Program(ctx, id)
		}),
		docFiles("bao-cao-ket-qua", func(ctx context.Context, src *assemble.Source, id int64, asOf congtac.Date) (namedDoc, error) {
			return src.ResultReport(ctx, id, asOf)
		}))
	return append(files, download{"nhiem-vu.xlsx", ctypeXLSX,
		func(ctx context.Context, src *assemble.Source, id int64, asOf congtac.Date, w io.Writer) (string, error) {
			t, err := src.Tasks(ctx, id, asOf)
			if err != nil {
				return "", err
			}
			return export.FileName(t, ".xlsx"), export.TasksXLSX(w, t)
		}})
}

// meetingFiles are the files of a meeting: the invitation, the notice of conclusions and
// the meeting for calendar applications.
func meetingFiles() []download {
	ical := download{"hoi-nghi.ics", ctypeICS,
		func(ctx context.Context, src *assemble.Source, id int64, _ congtac.Date, w io.Writer) (string, error) {
			return "hoi-nghi.ics", src.MeetingICS(ctx, id, w)
		}}
	return slices.Concat([]download{ical},
		docFiles("giay-moi", func(ctx context.Context, src *assemble.Source, id int64, _ congtac.Date) (namedDoc, error) {
			return src.Invitation(ctx, id)
		}),
		docFiles("thong-bao-ket-luan", func(ctx context.Context, src *assemble.Source, id int64, _ congtac.Date) (namedDoc, error) {
			return src.Conclusion(ctx, id)
		}))
}

// downloadNames returns the names of files in the URL, in order.
func downloadNames(files []download) []string {
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.name
	}
	return names
}

// handleProgramFile serves a file of a program the user may read; the page and the API
// share it, and a failure answers each in its own form ([Server.fail]).
func (s *Server) handleProgramFile(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		s.fail(w, r, notFoundFor("chương trình"))
		return
	}
	if _, err := s.findVisibleProgram(r.Context(), actorOf(r), id); err != nil {
		s.fail(w, r, err)
		return
	}
	s.serveFile(w, r, programFiles(), id)
}

// handleMeetingFile serves a file of a meeting the user may read, to the page and the API.
func (s *Server) handleMeetingFile(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		s.fail(w, r, notFoundFor("hội nghị"))
		return
	}
	if _, err := s.findVisibleMeeting(r.Context(), actorOf(r), id); err != nil {
		s.fail(w, r, err)
		return
	}
	s.serveFile(w, r, meetingFiles(), id)
}

// serveFile builds the file named by the path's {file} among files and sends it as an
// attachment named by its document; an unknown name is 404.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, files []download, id int64) {
	name := r.PathValue("file")
	for _, f := range files {
		if f.name != name {
			continue
		}
		src, err := assemble.Load(r.Context(), s.st)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		var buf bytes.Buffer
		saveAs, err := f.write(r.Context(), src, id, s.today(), &buf)
		if err != nil {
			s.fail(w, r, fmt.Errorf("web: %s: %w", name, err))
			return
		}
		sendFile(w, r, f.ctype, saveAs, buf.Bytes())
		return
	}
	s.fail(w, r, notFoundFor("tệp"))
}

// attachment returns the Content-Disposition of a download named name: quoted as it is
// when it is plain ASCII, else in RFC 2231's UTF-8 form, which browsers decode.
func attachment(name string) string {
	for _, r := range name {
		if r < 0x20 || r > 0x7e || r == '"' || r == '\\' {
			return mime.FormatMediaType("attachment", map[string]string{"filename": name})
		}
	}
	return `attachment; filename="` + name + `"`
}

// sendFile sends body as an attachment named name.
func sendFile(w http.ResponseWriter, r *http.Request, ctype, name string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Disposition", attachment(name))
	h.Set("Cache-Control", "no-store")
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}
