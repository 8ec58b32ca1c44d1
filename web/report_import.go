package web

import (
	"bytes"
	"cmp"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"congtac"
	"congtac/export"
	"congtac/vn"
)

// A unit works offline (issue 13): it downloads its open tasks as a report sheet, fills in
// the progress and sends the sheet back; every row is checked, with a message naming its
// cell, and the reports are sent all or none.

// reportSheetOrg returns the unit a report sheet is for: the query's org, or the reader's
// own, within its WriteReports reach (EFORBIDDEN otherwise).
func (s *Server) reportSheetOrg(r *http.Request, orgs orgIndex, value string) (int64, error) {
	a := actorOf(r)
	org := a.OrgID
	if value != "" {
		id, err := strconv.ParseInt(value, 10, 64)
		if err != nil || id <= 0 {
			return 0, congtac.FieldError("org", "Đơn vị không hợp lệ.")
		}
		org = id
	}
	if !orgs.Can(a, congtac.WriteReports, org) {
		return 0, congtac.Forbidden()
	}
	return org, nil
}

// handleReportSheet sends the unit's open tasks as a report sheet.
func (s *Server) handleReportSheet(w http.ResponseWriter, r *http.Request) {
	ctx, today := r.Context(), s.today()
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	org, err := s.reportSheetOrg(r, orgs, r.URL.Query().Get("org"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	list, err := s.st.FindTaskList(ctx, congtac.TaskFilter{OrgID: &org, Open: true, AsOf: today, Limit: maxTaskFileRows})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	names := map[int64]string{}
	for _, t := range list.Tasks {
		names[t.Lead] = orgs.Name(t.Lead)
	}
	var buf bytes.Buffer
	sheet := export.ReportSheet{Title: fmt.Sprintf("Báo cáo tiến độ của %s, ngày %s", orgs.Name(org), vn.PaddedDate(today)),
		Tasks: list.Tasks, Orgs: names, AsOf: today}
	if err := export.ReportSheetXLSX(&buf, sheet); err != nil {
		s.fail(w, r, fmt.Errorf("web: report sheet: %w", err))
		return
	}
	sendFile(w, r, ctypeXLSX, "bao-cao-tien-do-"+today.String()+".xlsx", buf.Bytes())
}

// reportImportPage is the data of report_import.html: why a sheet was refused.
type reportImportPage struct {
	layout
	Problems []string
}

func (reportImportPage) template() string { return "report_import" }

// handleReportImport reads a filled report sheet and sends its reports for the form's
// unit, all or none; refused, the page lists every problem by its cell and nothing is sent.
func (s *Server) handleReportImport(w http.ResponseWriter, r *http.Request) {
	ctx, a := r.Context(), actorOf(r)
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, congtac.MaxMaterialBytes+1<<20)
	name, data, err := uploadedFile(r, "file", congtac.MaxMaterialBytes)
	var org int64
	if err == nil {
		org, err = s.reportSheetOrg(r, orgs, r.PostFormValue("org"))
	}
	var rows []export.SheetReport
	if err == nil {
		rows, err = export.ReadReportSheet(bytes.NewReader(data))
	}
	if err == nil {
		reports := make([]congtac.Report, len(rows))
		for i, row := range rows {
			reports[i] = row.Report
			reports[i].OrgID = org
		}
		var at int
		if _, at, err = s.st.ImportReports(ctx, a, reports); err != nil && at >= 0 && congtac.ErrorCode(err) != congtac.EFORBIDDEN {
			err = congtac.Errorf(congtac.EINVALID, "Dòng %d (mã nhiệm vụ %d): %s", rows[at].Row, reports[at].TaskID, congtac.ErrorMessage(err))
		}
	}
	switch congtac.ErrorCode(err) {
	case "":
		s.flash(r, fmt.Sprintf("Đã gửi %d báo cáo từ tệp %s.", len(rows), congtac.MaterialName(name)))
		http.Redirect(w, r, "/reports?status=submitted&org="+strconv.FormatInt(org, 10), http.StatusSeeOther)
	case congtac.EINVALID:
		page := reportImportPage{layout: s.layout(r, "Chưa gửi được báo cáo từ tệp"), Problems: sheetProblems(err)}
		s.render(w, r, http.StatusUnprocessableEntity, page)
	default:
		s.fail(w, r, err)
	}
}

// sheetProblems returns the messages of err, those of cells in the sheet's order (by row,
// then column), then the others.
func sheetProblems(err error) []string {
	byField := congtac.FieldErrors(err)
	if len(byField) == 0 {
		return []string{congtac.ErrorMessage(err)}
	}
	keys := slices.Collect(maps.Keys(byField))
	place := func(k string) (int, int) {
		col, row, err := excelize.CellNameToCoordinates(k)
		if err != nil {
			return 1 << 30, 0
		}
		return row, col
	}
	slices.SortFunc(keys, func(x, y string) int {
		rx, cx := place(x)
		ry, cy := place(y)
		return cmp.Or(cmp.Compare(rx, ry), cmp.Compare(cx, cy), strings.Compare(x, y))
	})
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = byField[k]
	}
	return out
}
