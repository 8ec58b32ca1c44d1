package web

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"congtac"
	"congtac/store/storetest"
)

// seedPDFText is the seed as its PDF's text gives it: ƣ for ư, letters lost from bold
// headings.
func seedPDFText(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../vn/testdata/seed-luc-ngan-2023-04.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

var octetStream = http.Header{"Content-Type": {"application/octet-stream"}}

// TestImportedSeedPrintsAsWritten imports the seed's damaged PDF text through the API
// into its committee, saves it, and checks that the draft's PDF and DOCX say the seed's
// words as repaired (testdata/seed-luc-ngan.txt), word for word: the import loses no word
// and invents none, and the letters lost from its headings and its signer's name are
// back. Part B's meeting and briefing are saved as meetings of the program.
func TestImportedSeedPrintsAsWritten(t *testing.T) {
	fixture, err := os.ReadFile(filepath.Join("testdata", "seed-luc-ngan.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			w := enterSeedOrgs(t, e)
			if _, err := w.st.CreatePerson(ctxb, congtac.System, congtac.Person{FullName: "Vương Mạnh Chung", OrgID: w.office}); err != nil {
				t.Fatal(err)
			}
			got := valid[apiImport](t, w.s, w.c.callWith("POST", "/api/v1/imports?save=true&name=CTr+thang+4.pdf",
				seedPDFText(t), octetStream), http.StatusCreated, "Import")
			if got.Saved == nil || got.Saved.ProgramID == nil || len(got.Saved.MeetingIDs) != 2 {
				t.Fatalf("saved: %+v", got.Saved)
			}
			id := *got.Saved.ProgramID
			// Part A names no unit: its eight tasks wait for a lead, each named.
			if len(got.Problems) != 8 || !strings.Contains(got.Problems[0].Message, "chưa có cơ quan chủ trì") {
				t.Errorf("problems: %+v", got.Problems)
			}
			pdf := w.c.call("GET", fmt.Sprintf("/programs/%d/files/chuong-trinh.pdf", id), "")
			docx := w.c.call("GET", fmt.Sprintf("/programs/%d/files/chuong-trinh.docx", id), "")
			if pdf.status != http.StatusOK || docx.status != http.StatusOK {
				t.Fatalf("files: pdf %d, docx %d", pdf.status, docx.status)
			}
			checkWords(t, "PDF", withoutPageMarks(pdfText(t, []byte(pdf.body))), string(fixture))
			checkWords(t, "DOCX", docxText(t, []byte(docx.body)), string(fixture))

			m := decodeAs[apiMeetingDetail](t, w.c.call("GET", fmt.Sprint("/api/v1/meetings/", got.Saved.MeetingIDs[0]), ""), http.StatusOK)
			if m.Date != "2023-04-21" || len(m.Agenda) != 6 || m.Agenda[0].LeadID == nil || *m.Agenda[0].LeadID != w.finance {
				t.Errorf("meeting: %+v", m)
			}
		})
	}
}

func TestImportAPIReadsWithoutSaving(t *testing.T) {
	w := enterSeedOrgs(t, storetest.Engines[0])
	got := valid[apiImport](t, w.s, w.c.callWith("POST", "/api/v1/imports", seedPDFText(t), octetStream), http.StatusOK, "Import")
	r := got.Result
	if got.Saved != nil || r.Kind != "program" || r.Masthead.Period != "2023-04" || len(r.Tasks) != 8 || len(r.Meetings) != 2 {
		t.Fatalf("result: saved %v, kind %s, period %s, %d tasks, %d meetings", got.Saved, r.Kind, r.Masthead.Period,
			len(r.Tasks), len(r.Meetings))
	}
	for _, o := range r.Orgs {
		if o.OrgID == 0 {
			t.Errorf("%q not matched in the committee's directory", o.Name)
		}
	}
	if programs, _, _ := w.st.FindPrograms(ctxb, congtac.ProgramFilter{}); len(programs) != 0 {
		t.Errorf("reading saved %d programs", len(programs))
	}
	// Bad parameters are named; a committee outside the actor's reach is refused.
	apiErrorOf(t, w.c.callWith("POST", "/api/v1/imports?tones=x&period=2023-13", "x", octetStream), http.StatusBadRequest, congtac.EINVALID)
	apiErrorOf(t, w.c.callWith("POST", "/api/v1/imports?org_id=999999", seedPDFText(t), octetStream), http.StatusUnprocessableEntity, congtac.EINVALID)
}

// districtWeek is a district's weekly schedule as pasted text: the chairman named by his
// post, a vice chairman by his name, a postponed entry.
const districtWeek = `ỦY BAN NHÂN DÂN HUYỆN LỤC NGẠN
LỊCH CÔNG TÁC TUẦN
Từ ngày 17/4/2023 đến ngày 21/4/2023
THỨ HAI (17/4/2023)
- 8h00: Chủ tịch UBND huyện chủ trì họp giao ban đầu tuần. Địa điểm: Phòng họp số 1. Chuẩn bị: Văn phòng HĐND và UBND huyện.
- 14h00: Đ/c Trần Văn Bình, PCT UBND huyện kiểm tra tiến độ dự án đường giao thông. Chuẩn bị: Phòng Kinh tế và Hạ tầng.
THỨ TƯ (19/4/2023)
- 8h00: Chủ tịch UBND huyện tiếp công dân định kỳ (Hoãn).
`

// TestImportScheduleSavesCalendarEntries imports a weekly schedule through the API: its
// entries go on the leaders' calendars, each leader found by post or by name, the
// preparing units matched, the postponed one kept as cancelled.
func TestImportScheduleSavesCalendarEntries(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			w := enterSeedOrgs(t, e)
			leader := func(name string, kind congtac.PostKind) int64 {
				p, err := w.st.CreatePerson(ctxb, congtac.System, congtac.Person{FullName: name, OrgID: w.committee})
				if err != nil {
					t.Fatal(err)
				}
				if _, err := w.st.CreatePost(ctxb, congtac.System, congtac.Post{PersonID: p.ID, OrgID: w.committee, Kind: kind,
					From: congtac.MustDate(2021, 1, 1)}); err != nil {
					t.Fatal(err)
				}
				return p.ID
			}
			chair, vice := leader("Nguyễn Văn Giang", congtac.PostChairman), leader("Trần Văn Bình", congtac.PostViceChairman)
			got := valid[apiImport](t, w.s, w.c.callWith("POST", "/api/v1/imports?save=true", districtWeek, octetStream),
				http.StatusCreated, "Import")
			if got.Result.Kind != "schedule" || got.Saved == nil || len(got.Saved.EngagementIDs) != 3 || got.Saved.ProgramID != nil {
				t.Fatalf("kind %s, saved %+v", got.Result.Kind, got.Saved)
			}
			type entry struct {
				person, preparer int64
				date             string
				cancelled        bool
			}
			var entries []entry
			for _, id := range got.Saved.EngagementIDs {
				en := decodeAs[apiEngagement](t, w.c.call("GET", fmt.Sprint("/api/v1/calendar/entries/", id), ""), http.StatusOK)
				x := entry{date: en.Date, cancelled: en.Cancelled}
				if en.PersonID != nil {
					x.person = *en.PersonID
				}
				if en.PreparerID != nil {
					x.preparer = *en.PreparerID
				}
				entries = append(entries, x)
			}
			want := []entry{{chair, w.office, "2023-04-17", false}, {vice, w.infra, "2023-04-17", false}, {chair, 0, "2023-04-19", true}}
			if fmt.Sprint(entries) != fmt.Sprint(want) {
				t.Errorf("entries %+v\nwant %+v", entries, want)
			}
		})
	}
}

// TestImportAPITakesBigFiles sends a document of 3 MiB, over the 1 MiB limit of JSON and
// forms: a raw upload has the upload's limit, and one over it is refused with 413.
func TestImportAPITakesBigFiles(t *testing.T) {
	w := enterSeedOrgs(t, storetest.Engines[0])
	big := seedPDFText(t) + strings.Repeat("Tiếp tục triển khai các nhiệm vụ đã đề ra.\n", 3<<20/50)
	got := valid[apiImport](t, w.s, w.c.callWith("POST", "/api/v1/imports", big, octetStream), http.StatusOK, "Import")
	if got.Result.Masthead.Period != "2023-04" {
		t.Errorf("period %q", got.Result.Masthead.Period)
	}
	tooBig := strings.Repeat("x", congtac.MaxMaterialBytes+2<<20)
	apiErrorOf(t, w.c.callWith("POST", "/api/v1/imports", tooBig, octetStream), http.StatusRequestEntityTooLarge, congtac.EINVALID)
}
