package web

import (
	"archive/zip"
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"congtac"
	"congtac/store/storetest"
)

// TestReportAttachments: on both engines, the economy department sends its report on
// April's task with a PDF from the task's page; a file that is not a document is refused
// with the form kept and nothing sent; the office returns the report, the department
// attaches a spreadsheet through the API and sends it again; the office downloads both
// files from the report's page.
func TestReportAttachments(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			w := newDraftWorldOn(t, e, time.Date(2023, 4, 20, 9, 0, 0, 0, congtac.Location()))
			task := w.april.Tasks[0]
			unit := as(t, w.s, w.srv, "kinhte")
			page := fmt.Sprintf("/tasks/%d", task.ID)
			assertContains(t, unit.get(page).body, `enctype="multipart/form-data"`, `name="file"`)
			form := url.Values{"text": {"Đã khởi công 2 công trình."}, "percent": {"40"}, "action": {"submit"}}
			r := unit.upload(page+"/reports", form, "file", "bien-ban.pdf", []byte("MZ\x90\x00"))
			wantStatus(t, "an executable as a PDF", r, http.StatusUnprocessableEntity)
			assertContains(t, r.body, "Chỉ nhận tệp PDF, Word (DOCX), Excel (XLSX) hoặc ảnh PNG, JPEG", "Đã khởi công 2 công trình.")
			if _, n, _ := w.st.FindReports(ctxb, congtac.ReportFilter{TaskID: &task.ID}); n != 0 {
				t.Fatalf("a refused report was kept: %d", n)
			}
			pdf := []byte(tinyPDF)
			r = unit.upload(page+"/reports", form, "file", "Biên bản khởi công.pdf", pdf)
			if r.status != http.StatusSeeOther {
				t.Fatalf("send the report: %d %s", r.status, mainExcerpt(r.body))
			}
			reports, _, _ := w.st.FindReports(ctxb, congtac.ReportFilter{TaskID: &task.ID})
			rep := reports[0]
			office := as(t, w.s, w.srv, "vanphong")
			shown := office.get(r.location).body
			assertContains(t, shown, "Tệp đính kèm", "Biên bản khởi công.pdf")
			if _, err := w.st.ReviewReport(ctxb, congtac.System, rep.ID, rep.Version, congtac.ReportReturned, "Thiếu bảng tiến độ."); err != nil {
				t.Fatal(err)
			}
			var zipped bytes.Buffer
			z := zip.NewWriter(&zipped)
			for _, name := range []string{"[Content_Types].xml", "xl/workbook.xml"} {
				if _, err := z.Create(name); err != nil {
					t.Fatal(err)
				}
			}
			z.Close()
			xlsx := zipped.Bytes()
			octet := http.Header{"Content-Type": {"application/octet-stream"}}
			added := valid[apiAttachment](t, w.s, w.rep.callWith("POST", fmt.Sprintf("/api/v1/reports/%d/files?name=tien-do.xlsx", rep.ID),
				string(xlsx), octet), http.StatusCreated, "Attachment")
			if added.ContentType != congtac.TypeXLSX {
				t.Errorf("the spreadsheet = %+v", added)
			}
			// The office reads the file's record back where the upload said it is.
			back := valid[apiAttachment](t, w.s, w.drafter.call("GET", fmt.Sprintf("/api/v1/report-files/%d", added.ID), ""),
				http.StatusOK, "Attachment")
			if jsonText(back) != jsonText(added) {
				t.Errorf("read back %+v, want %+v", back, added)
			}
			apiErrorOf(t, w.drafter.call("GET", "/api/v1/report-files/987654", ""), http.StatusNotFound, congtac.ENOTFOUND)
			list := valid[apiList[apiAttachment]](t, w.s, w.drafter.call("GET", fmt.Sprintf("/api/v1/reports/%d/files", rep.ID), ""),
				http.StatusOK, "AttachmentList")
			if list.Total != 2 {
				t.Fatalf("files: %+v", list)
			}
			mustUser(t, w.st, "vanhoa", congtac.RoleReporter, w.culture.ID) // the culture department is not on the task
			outsider := bearerClient(t, w.st, w.srv, "vanhoa")
			for _, f := range list.Items {
				got := office.get(f.Href)
				if got.status != http.StatusOK || got.header.Get("Content-Type") != f.ContentType || len(got.body) != f.Size {
					t.Errorf("download %s: %d %s %d bytes", f.Name, got.status, got.header.Get("Content-Type"), len(got.body))
				}
				// The API gives the same bytes to a token, within the report's reach only.
				content := fmt.Sprintf("/api/v1/report-files/%d/content", f.ID)
				if api := w.drafter.call("GET", content, ""); api.status != http.StatusOK || api.body != got.body ||
					api.header.Get("Content-Type") != f.ContentType {
					t.Errorf("the API's %s: %d %s %d bytes", content, api.status, api.header.Get("Content-Type"), len(api.body))
				}
				apiErrorOf(t, outsider.call("GET", content, ""), http.StatusNotFound, congtac.ENOTFOUND)
			}
			if r := as(t, w.s, w.srv, "chutich").get(list.Items[0].Href); r.status != http.StatusOK {
				t.Errorf("the chairman reads the file: %d", r.status)
			}
			if !strings.HasPrefix(list.Items[0].Href, "/report-files/") {
				t.Errorf("href %q", list.Items[0].Href)
			}
		})
	}
}

// TestLeadReportShowsSupportReports: on April's task led by the economy department and
// supported by the culture department, each sends its report; the lead's report page shows
// the supporting department's latest report beside it.
func TestLeadReportShowsSupportReports(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			w := newDraftWorldOf(t, e, false)
			task := w.april.Tasks[0]
			support := []congtac.Support{{OrgID: w.culture.ID}}
			if _, err := w.st.UpdateTask(ctxb, congtac.System, task.ID, task.Version, congtac.TaskUpdate{Support: &support}); err != nil {
				t.Fatal(err)
			}
			april, _ := w.st.FindProgramByID(ctxb, w.april.ID)
			mustIssue(t, w.st, april, congtac.MustDate(2023, 4, 3))
			now := time.Date(2023, 4, 20, 9, 0, 0, 0, congtac.Location())
			w.st.SetClock(func() time.Time { return now })
			w.s.cfg.Now = func() time.Time { return now }
			mustUser(t, w.st, "vanhoa", congtac.RoleReporter, w.culture.ID)
			send := func(login string, org int64, percent int) congtac.Report {
				t.Helper()
				u, _ := w.st.FindUserByLogin(ctxb, login)
				a, err := w.s.actorFor(ctxb, u, "")
				if err != nil {
					t.Fatal(err)
				}
				r, err := w.st.CreateReport(ctxb, a, congtac.Report{TaskID: task.ID, OrgID: org, Text: "Tiến độ.", Percent: percent,
					Status: congtac.ReportSubmitted})
				if err != nil {
					t.Fatal(err)
				}
				return r
			}
			send("vanhoa", w.culture.ID, 50)
			lead := send("kinhte", w.economy.ID, 60)
			page := as(t, w.s, w.srv, "vanphong").get(fmt.Sprintf("/reports/%d", lead.ID)).body
			assertContains(t, page, "Báo cáo của cơ quan phối hợp", "Phòng Văn hóa - Xã hội</a>", "50%")
		})
	}
}
