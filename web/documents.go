package web

import (
	"bytes"
	"fmt"
	"net/http"
	"path"
	"strconv"

	"congtac"
	"congtac/assemble"
	"congtac/export"
	"congtac/vn"
)

// documentsPage is the data of documents.html: the outgoing register of a committee for a
// year (sổ đăng ký văn bản đi).
type documentsPage struct {
	layout
	Committee string
	OrgID     int64
	Year      int
	Years     []int
	Rows      []documentRow
	Total     int
}

func (documentsPage) template() string { return "documents" }

// documentRow is one line of the register as the page shows it.
type documentRow struct {
	Code, IssuedOn, Type, Summary, Signer, Place string
	ProgramID, MeetingID                         int64
}

// registerScope returns the committee whose register the request reads — the org query
// parameter when the actor may read it, else the nearest committee above the actor — and
// the year (the year parameter, else this year).
func (s *Server) registerScope(r *http.Request) (orgIndex, int64, int, error) {
	x, err := s.loadOrgs(r.Context())
	if err != nil {
		return x, 0, 0, err
	}
	a := actorOf(r)
	org := x.CommitteeOf(a.OrgID)
	if v, ok := pathOrQueryID(r, "org"); ok {
		org = v
	}
	if _, known := x.Org(org); !known || !x.Can(a, congtac.ViewPrograms, org) {
		return x, 0, 0, notFoundFor("sổ văn bản")
	}
	year := s.today().Year
	if v, err := strconv.Atoi(r.URL.Query().Get("year")); err == nil && v >= 1900 && v <= 9999 {
		year = v
	}
	return x, org, year, nil
}

// pathOrQueryID returns the positive integer query parameter name.
func pathOrQueryID(r *http.Request, name string) (int64, bool) {
	v, err := strconv.ParseInt(r.URL.Query().Get(name), 10, 64)
	return v, err == nil && v > 0
}

// handleDocumentList shows the outgoing register of the committee for a year, with links
// to download it as XLSX or PDF.
func (s *Server) handleDocumentList(w http.ResponseWriter, r *http.Request) {
	x, org, year, err := s.registerScope(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	docs, total, err := s.st.FindDocuments(r.Context(), congtac.DocumentFilter{OrgID: &org, Year: &year, Limit: 1000})
	if err != nil {
		s.fail(w, r, fmt.Errorf("web: documents: %w", err))
		return
	}
	page := documentsPage{layout: s.layout(r, "Sổ đăng ký văn bản đi"), Committee: x.Name(org), OrgID: org,
		Year: year, Total: total}
	for y := s.today().Year; y >= s.today().Year-4; y-- {
		page.Years = append(page.Years, y)
	}
	for _, d := range docs {
		kind, summary := export.RegisterTitle(d) // the type once: "Giấy mời dự …"
		page.Rows = append(page.Rows, documentRow{Code: d.Code(), IssuedOn: vn.PaddedDate(d.IssuedOn),
			Type: kind, Summary: summary, Signer: d.Signature.Name, Place: d.Place,
			ProgramID: d.ProgramID, MeetingID: d.MeetingID})
	}
	s.render(w, r, http.StatusOK, page)
}

// handleRegisterFile serves the register of a committee for a year at so-van-ban-di.xlsx or
// so-van-ban-di.pdf, saved as so-van-ban-di-<year>.xlsx or .pdf.
func (s *Server) handleRegisterFile(w http.ResponseWriter, r *http.Request) {
	_, org, year, err := s.registerScope(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	name := r.PathValue("file")
	write, ctype := map[string]func(*bytes.Buffer, export.RegisterDoc) error{
		"so-van-ban-di.xlsx": func(b *bytes.Buffer, d export.RegisterDoc) error { return export.RegisterXLSX(b, d) },
		"so-van-ban-di.pdf":  func(b *bytes.Buffer, d export.RegisterDoc) error { return export.PDF(b, d) },
	}[name], map[string]string{"so-van-ban-di.xlsx": ctypeXLSX, "so-van-ban-di.pdf": ctypePDF}[name]
	if write == nil {
		s.fail(w, r, notFoundFor("tệp"))
		return
	}
	src, err := assemble.Load(r.Context(), s.st)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d, err := src.Register(r.Context(), org, year)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := write(&buf, d); err != nil {
		s.fail(w, r, fmt.Errorf("web: register: %w", err))
		return
	}
	sendFile(w, r, ctype, export.FileName(d, path.Ext(name)), buf.Bytes())
}
