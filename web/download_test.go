package web

import (
	"archive/zip"
	"bytes"
	"fmt"
	"image"
	"image/png"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

func init() { pageSamples = append(pageSamples, documentSamples) }

func documentSamples(s *Server, r *http.Request) []pageSample {
	return []pageSample{
		{documentsPage{layout: s.layout(r, "Sổ đăng ký văn bản đi"), Committee: "Ủy ban nhân dân tỉnh", Year: 2026,
			Rows: []documentRow{{Code: "05/CTr-UBND", IssuedOn: "05/04/2026", Type: "Chương trình", Summary: "Công tác tháng 4"}}},
			"05/CTr-UBND"},
		{documentsPage{layout: s.layout(r, "Sổ đăng ký văn bản đi"), Year: 2026}, "Chưa có văn bản nào"},
		{stampsPage{layout: s.layout(r, "Chữ ký và con dấu"), Signers: []stampRow{{Kind: congtac.StampSignature,
			OwnerID: 3, Name: "Đỗ Thanh Sơn", Title: "Chánh Văn phòng", Has: true}}}, "/admin/stamps/signature/3"},
	}
}

func TestDownloadsOfProgramsAndMeetings(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := sharedDemo(t, e)
			s, _ := newTestServer(t, st)
			srv := startServer(t, s)
			province := demoOrg(t, st, "Ủy ban nhân dân tỉnh Sơn Hà").ID
			month := lastMonth() // its program is issued and its regular meeting planned
			ps, _, _ := st.FindPrograms(ctxb, congtac.ProgramFilter{OrgID: &province, Period: &month, Limit: 1})
			draft := congtac.ProgramDraft
			ds, _, _ := st.FindPrograms(ctxb, congtac.ProgramFilter{OrgID: &province, Status: &draft, Limit: 1})
			regular := congtac.MeetingRegular
			ms, _ := st.FindMeetings(ctxb, congtac.MeetingFilter{Kind: &regular, ProgramID: &ps[0].ID})
			cvp := as(t, s, srv, "cvp")
			files := map[string]string{
				fmt.Sprintf("/programs/%d/files/chuong-trinh.docx", ps[0].ID):       ctypeDOCX,
				fmt.Sprintf("/programs/%d/files/chuong-trinh.pdf", ps[0].ID):        ctypePDF,
				fmt.Sprintf("/programs/%d/files/bao-cao-ket-qua.docx", ps[0].ID):    ctypeDOCX,
				fmt.Sprintf("/programs/%d/files/nhiem-vu.xlsx", ps[0].ID):           ctypeXLSX,
				fmt.Sprintf("/meetings/%d/files/giay-moi.pdf", ms[0].ID):            ctypePDF,
				fmt.Sprintf("/meetings/%d/files/thong-bao-ket-luan.docx", ms[0].ID): ctypeDOCX,
				fmt.Sprint("/documents/files/so-van-ban-di.xlsx?year=", month.Year): ctypeXLSX,
			}
			for path, ctype := range files {
				r := cvp.get(path)
				if r.status != http.StatusOK || r.header.Get("Content-Type") != ctype ||
					!strings.HasPrefix(r.header.Get("Content-Disposition"), "attachment; filename=") {
					t.Errorf("GET %s = %d %s %q", path, r.status, r.header.Get("Content-Type"), r.header.Get("Content-Disposition"))
					continue
				}
				switch ctype {
				case ctypePDF:
					if !strings.HasPrefix(r.body, "%PDF-") {
						t.Errorf("%s is not a PDF", path)
					}
				default:
					if _, err := zip.NewReader(strings.NewReader(r.body), int64(len(r.body))); err != nil {
						t.Errorf("%s is not an OOXML zip: %v", path, err)
					}
				}
			}
			checkSavedAs(t, cvp, ps[0], ds[0], ms[0], month)
			docx := cvp.get(fmt.Sprintf("/programs/%d/files/chuong-trinh.docx", ps[0].ID)).body
			zr, _ := zip.NewReader(strings.NewReader(docx), int64(len(docx)))
			for _, f := range zr.File {
				if f.Name == "word/document.xml" {
					rc, _ := f.Open()
					var b bytes.Buffer
					b.ReadFrom(rc)
					if !strings.Contains(b.String(), ps[0].Title) {
						t.Errorf("the DOCX lacks the program's title %q", ps[0].Title)
					}
				}
			}
			// A reporter reads issued programs but not drafts; unknown files are 404.
			reporter := as(t, s, srv, "phongbaocao")
			if r := reporter.get(fmt.Sprintf("/programs/%d/files/chuong-trinh.pdf", ds[0].ID)); r.status != http.StatusNotFound {
				t.Errorf("a reporter downloads a draft: %d, want 404", r.status)
			}
			if r := cvp.get(fmt.Sprintf("/programs/%d/files/khong-co.exe", ps[0].ID)); r.status != http.StatusNotFound {
				t.Errorf("an unknown file: %d, want 404", r.status)
			}
			// The API gives the same files to a token, and refuses in JSON.
			office, unit := bearerClient(t, st, srv, "cvp"), bearerClient(t, st, srv, "phongbaocao")
			for path, ctype := range map[string]string{
				fmt.Sprintf("/api/v1/programs/%d/files/chuong-trinh.pdf", ps[0].ID): ctypePDF,
				fmt.Sprintf("/api/v1/programs/%d/files/nhiem-vu.xlsx", ps[0].ID):    ctypeXLSX,
				fmt.Sprintf("/api/v1/meetings/%d/files/hoi-nghi.ics", ms[0].ID):     ctypeICS,
				fmt.Sprintf("/api/v1/meetings/%d/files/giay-moi.docx", ms[0].ID):    ctypeDOCX,
			} {
				if r := office.call("GET", path, ""); r.status != http.StatusOK || r.header.Get("Content-Type") != ctype ||
					!strings.HasPrefix(r.header.Get("Content-Disposition"), "attachment; filename=") || len(r.body) == 0 {
					t.Errorf("GET %s with a token = %d %s %q", path, r.status, r.header.Get("Content-Type"), r.header.Get("Content-Disposition"))
				}
			}
			apiErrorOf(t, unit.call("GET", fmt.Sprintf("/api/v1/programs/%d/files/chuong-trinh.pdf", ds[0].ID), ""),
				http.StatusNotFound, congtac.ENOTFOUND) // a draft, out of a reporter's reach
			apiErrorOf(t, office.call("GET", fmt.Sprintf("/api/v1/programs/%d/files/khong-co.exe", ps[0].ID), ""),
				http.StatusNotFound, congtac.ENOTFOUND)
			if r := cvp.get(fmt.Sprint("/documents?year=", lastMonth().Year)); r.status != http.StatusOK || !strings.Contains(r.body, "/CTr-UBND") {
				t.Errorf("register page: %d", r.status)
			} else if !strings.Contains(r.body, "<strong>Giấy mời</strong> dự ") || strings.Contains(r.body, "</strong> Mời dự") {
				t.Error("the register page does not name an invitation \"Giấy mời dự …\", or doubles the type")
			}
		})
	}
}

// checkSavedAs checks the names downloads are saved under: an issued program by number,
// symbol and date, a draft by what it is, the tasks and the register by what they are,
// the invitation by number or as a draft, whatever its internal ID.
func checkSavedAs(t *testing.T, c *client, issued, draft congtac.Program, m congtac.Meeting, month congtac.Period) {
	t.Helper()
	code := fmt.Sprintf("%s-%s", strings.ReplaceAll(congtac.FormatNumber(issued.Number, issued.Symbol), "/", "-"), issued.IssuedOn)
	want := map[string]string{
		fmt.Sprintf("/programs/%d/files/chuong-trinh.pdf", issued.ID):  code + ".pdf",
		fmt.Sprintf("/programs/%d/files/chuong-trinh.docx", issued.ID): code + ".docx",
		fmt.Sprintf("/programs/%d/files/nhiem-vu.xlsx", issued.ID): fmt.Sprintf("nhiem-vu-chuong-trinh-thang-%d-%d.xlsx",
			month.Number, month.Year),
		fmt.Sprint("/documents/files/so-van-ban-di.pdf?year=", month.Year): fmt.Sprintf("so-van-ban-di-%d.pdf", month.Year),
	}
	if draft.Period.Kind == congtac.PeriodMonth {
		want[fmt.Sprintf("/programs/%d/files/chuong-trinh.pdf", draft.ID)] = fmt.Sprintf("du-thao-chuong-trinh-thang-%d-%d.pdf",
			draft.Period.Number, draft.Period.Year)
	}
	for path, name := range want {
		if got := c.get(path).header.Get("Content-Disposition"); got != `attachment; filename="`+name+`"` {
			t.Errorf("GET %s saves as %q, want %q", path, got, name)
		}
	}
	got := c.get(fmt.Sprintf("/meetings/%d/files/giay-moi.pdf", m.ID)).header.Get("Content-Disposition")
	if !regexp.MustCompile(`^attachment; filename="(\d+-GM-[A-Za-z-]+-\d{4}-\d{2}-\d{2}|du-thao-giay-moi-[a-z0-9-]+)\.pdf"$`).MatchString(got) {
		t.Errorf("the invitation saves as %q", got)
	}
}

func TestStampUpload(t *testing.T) {
	st := newDemo(t, store.SQLite)
	s, _ := newTestServer(t, st)
	srv := startServer(t, s)
	admin := as(t, s, srv, "admin")
	page := admin.get("/admin/stamps")
	if page.status != http.StatusOK || !strings.Contains(page.body, "Trần Quốc Hưng") || !strings.Contains(page.body, "Ủy ban nhân dân tỉnh Sơn Hà") {
		t.Fatalf("stamps page: %d", page.status)
	}
	chair, _ := st.FindPeople(ctxb, congtac.PersonFilter{Query: "Trần Quốc Hưng"})
	var pic bytes.Buffer
	png.Encode(&pic, image.NewNRGBA(image.Rect(0, 0, 200, 80)))
	send := func(c *client, file []byte) int {
		fields := url.Values{"kind": {"signature"}, "owner_id": {fmt.Sprint(chair[0].ID)}}
		return c.upload("/admin/stamps", fields, "file", "chu-ky.png", file).status
	}
	if code := send(admin, []byte("\xff\xd8\xff\xe0 not a png")); code != http.StatusUnprocessableEntity {
		t.Errorf("a JPEG: %d, want 422", code)
	}
	if code := send(as(t, s, srv, "vanphong"), pic.Bytes()); code != http.StatusForbidden {
		t.Errorf("the drafter uploads: %d, want 403", code)
	}
	if code := send(admin, pic.Bytes()); code != http.StatusSeeOther {
		t.Fatalf("a PNG: %d, want 303", code)
	}
	if got, err := st.FindStamp(ctxb, congtac.StampSignature, chair[0].ID); err != nil || !bytes.Equal(got.PNG, pic.Bytes()) {
		t.Errorf("stored signature: %d bytes, %v", len(got.PNG), err)
	}
	if r := admin.get(fmt.Sprintf("/admin/stamps/signature/%d", chair[0].ID)); r.status != http.StatusOK || r.header.Get("Content-Type") != "image/png" {
		t.Errorf("the image: %d %s", r.status, r.header.Get("Content-Type"))
	}
}
