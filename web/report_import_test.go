package web

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"congtac"
	"congtac/store/storetest"
)

// TestReportSheetRoundTrip: on both engines, the economy department downloads its open
// tasks as a report sheet, fills it with a bad percent and a row of a task that is not
// there: the sheet is refused with a message by cell and by row, and no report is sent,
// not even the good row's; fixed, its reports are sent at once.
func TestReportSheetRoundTrip(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			w := newDraftWorldOn(t, e, time.Date(2023, 4, 20, 9, 0, 0, 0, congtac.Location()))
			unit := as(t, w.s, w.srv, "kinhte")
			assertContains(t, unit.get("/reports").body, `action="/reports/import"`, "/tasks/files/bao-cao-tien-do.xlsx")
			r := unit.get("/tasks/files/bao-cao-tien-do.xlsx")
			if r.status != http.StatusOK || r.header.Get("Content-Type") != ctypeXLSX {
				t.Fatalf("sheet: %d %s", r.status, r.header.Get("Content-Type"))
			}
			f, err := excelize.OpenReader(strings.NewReader(r.body))
			if err != nil {
				t.Fatal(err)
			}
			const sheet = "Báo cáo tiến độ"
			rows, _ := f.GetRows(sheet)
			if len(rows) != 2 || !strings.Contains(rows[1][1], "Khởi công các công trình đường giao thông") {
				t.Fatalf("sheet rows: %q", rows)
			}
			fill := func(cells map[string]any) []byte {
				t.Helper()
				for cell, v := range cells {
					if err := f.SetCellValue(sheet, cell, v); err != nil {
						t.Fatal(err)
					}
				}
				var buf bytes.Buffer
				if err := f.Write(&buf); err != nil {
					t.Fatal(err)
				}
				return buf.Bytes()
			}
			send := func(data []byte) response {
				t.Helper()
				return unit.upload("/reports/import", url.Values{}, "file", "bao-cao.xlsx", data)
			}
			r = send(fill(map[string]any{"G2": 150, "J2": "Đã khởi công 2 công trình.", "A3": 999999, "G3": 50, "J3": "Việc khác."}))
			wantStatus(t, "a bad percent", r, http.StatusUnprocessableEntity)
			assertContains(t, r.body, "Ô G2: tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100")
			r = send(fill(map[string]any{"G2": 100, "H2": "18/04/2023", "I2": "2,5"}))
			wantStatus(t, "a task that is not there", r, http.StatusUnprocessableEntity)
			assertContains(t, r.body, "Dòng 3 (mã nhiệm vụ 999999)")
			if _, n, _ := w.st.FindReports(ctxb, congtac.ReportFilter{}); n != 0 {
				t.Fatalf("%d reports sent from a refused sheet", n)
			}
			if err := f.RemoveRow(sheet, 3); err != nil {
				t.Fatal(err)
			}
			r = send(fill(nil))
			if r.status != http.StatusSeeOther {
				t.Fatalf("the fixed sheet: %d %s", r.status, mainExcerpt(r.body))
			}
			reports, n, _ := w.st.FindReports(ctxb, congtac.ReportFilter{})
			if n != 1 || reports[0].Percent != 100 || reports[0].DoneOn != congtac.MustDate(2023, 4, 18) ||
				reports[0].Status != congtac.ReportSubmitted || reports[0].OrgID != w.economy.ID {
				t.Errorf("reports sent: %+v", reports)
			}
			if r := as(t, w.s, w.srv, "chutich").get("/tasks/files/bao-cao-tien-do.xlsx"); r.status != http.StatusForbidden {
				t.Errorf("a leader downloads a report sheet: %d, want 403", r.status)
			}
		})
	}
}
