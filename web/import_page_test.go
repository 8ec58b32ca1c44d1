package web

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

func init() { pageSamples = append(pageSamples, importSamples) }

// importSamples covers the import pages: the upload form, and a review of a program with
// a task, a meeting, an org name and the notes that link to lines.
func importSamples(s *Server, r *http.Request) []pageSample {
	orgs := []option{{Value: "3", Label: "Ủy ban nhân dân huyện Lục Ngạn"}}
	return []pageSample{
		{importPage{layout: s.layout(r, "Nhập chương trình, lịch công tác có sẵn"), Form: importForm{Tones: "keep", Orgs: orgs}},
			"Theo văn bản (ủy ban ghi ở đầu văn bản)"},
		{importPage{layout: s.layout(r, "Nhập chương trình, lịch công tác có sẵn")}, "chưa nhập được văn bản"},
		{importReviewPage{layout: s.layout(r, "Xem lại văn bản trước khi lưu"), Review: sampleReview(nil)}, `id="line-2"`},
		{importReviewPage{layout: s.layout(r, "Xem lại văn bản trước khi lưu"), Review: func() importReview {
			rv := sampleReview(nil)
			rv.Schedule, rv.Stale, rv.CanSave, rv.Cannot = true, true, false, "Tệp lớn hơn 15 MB."
			rv.Entries = []entryReview{{Day: "Thứ Hai, 13/04/2026", Time: "8 giờ 00", Title: "Họp giao ban", Postponed: true, Line: 2}}
			return rv
		}()}, "Họp giao ban"},
	}
}

// sampleReview returns a review with one of each part, messages errs on its fields.
func sampleReview(errs map[string]string) importReview {
	dir := []option{{Value: "5", Label: "Phòng Kinh tế và Hạ tầng"}}
	rv := importReview{Data: "eA==", Name: "a.txt", Org: "3", Tones: "keep", Fingerprint: "ab", About: "Đọc từ tệp “a.txt”.",
		KindLabel: "Chương trình công tác", Button: "Lưu thành dự thảo", CanSave: true, Errors: errs,
		Lines:    []sourceLine{{N: 1, Text: "ỦY BAN NHÂN DÂN"}, {N: 2, Text: "Công tác tháng 4", Restored: true, Unsure: true, Title: "Trước: Côn  t c"}},
		Masthead: []mastheadRow{{Label: "Trích yếu", Text: "Công tác tháng 4", Line: 2}},
		Items:    []outlineRow{{Label: "1.", Heading: "Về kinh tế", Line: 1, Depth: 1}},
		Tasks: []taskReview{{Index: 0, Key: "k-1", Text: "Khởi công các công trình", Due: "chậm nhất trong tháng 5/2023",
			Reading: "tháng 5/2023", Line: 2, Lead: field{Kind: fieldSelect, ID: "task-0-lead", Name: "task.0.lead",
				Label: "Cơ quan chủ trì", Blank: "— chưa chọn —", Options: dir, Wrapped: true}}},
		Meetings: []meetingReview{{Kind: "Phiên họp thường kỳ", Title: "Hội nghị thường kỳ", When: "Thứ Sáu, 21/04/2023",
			Agenda: []matterReview{{Title: "Báo cáo tình hình", Lead: "Phòng Tài chính - KH", Support: "Phòng Nội vụ", Line: 2}}}},
		Signature: []string{"TL. CHỦ TỊCH"}, Recipients: []string{"Lưu: VT."},
		Names: []nameReview{{Index: 0, Name: "Phòng Kinh tế và Hạ tầng", Lines: []int{2}, Field: field{Kind: fieldSelect,
			ID: "org-0", Name: "org.0", Label: "Cơ quan trong danh mục", Options: dir, Wrapped: true}}},
		Problems: []lineNote{{Line: 2, Message: "Không đọc được thời hạn."}},
		Left:     []lineNote{{Line: 0, Message: "Nhiệm vụ chưa có cơ quan chủ trì."}},
		Unsure:   []lineNote{{Line: 2, Message: "“Côn” đọc thành “Công”."}},
	}
	return rv.withErrors()
}

// importFieldSamples are the import pages as refused posts show them, a message on each
// field ([TestRefusedFormsShowEachMessageByItsField]).
func importFieldSamples(l func(string) layout, choices []option) []fieldSample {
	form := messagesOn("nhập văn bản", "org", "file", "text", "tones", "period")
	review := messagesOn("xem lại", "org.0", "task.0.lead")
	return []fieldSample{
		{importPage{layout: l("Nhập văn bản"), Form: importForm{Orgs: choices, Errors: form}}, form},
		{importReviewPage{layout: l("Xem lại"), Review: sampleReview(review)}, review},
	}
}

// importWorld is the seed's committee with a signed-in page client.
type importWorld struct {
	seedWorld
	page *client
}

// newImportWorld enters the seed's committee and signs its administrator in to the pages.
func newImportWorld(t *testing.T, e store.Engine) importWorld {
	t.Helper()
	w := enterSeedOrgs(t, e)
	admin, err := w.st.FindUserByLogin(ctxb, "quantri")
	if err == nil { // an administrator has a second factor, or is sent to set one
		_, err = w.st.SetTOTPSecret(ctxb, congtac.System, admin.ID, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "")
	}
	if err != nil {
		t.Fatal(err)
	}
	return importWorld{seedWorld: w, page: w.signIn(t, "quantri")}
}

// signIn returns a page client of the seed world's server signed in as login.
func (w seedWorld) signIn(t *testing.T, login string) *client {
	return as(t, w.s, &httptest.Server{URL: w.c.base}, login)
}

// importFormValues returns what the review's form sends as it stands: hidden inputs, checked
// boxes and each select's selected option (or its first).
func importFormValues(doc *goquery.Document) url.Values {
	v := url.Values{}
	form := doc.Find(`form[action="/imports/confirm"]`)
	form.Find("input[name]").Each(func(_ int, e *goquery.Selection) {
		if e.AttrOr("type", "text") != "checkbox" || e.Is("[checked]") {
			v.Add(e.AttrOr("name", ""), e.AttrOr("value", ""))
		}
	})
	form.Find("select[name]").Each(func(_ int, e *goquery.Selection) {
		opt := e.Find("option[selected]")
		if opt.Length() == 0 {
			opt = e.Find("option").First()
		}
		v.Set(e.AttrOr("name", ""), opt.AttrOr("value", ""))
	})
	return v
}

// taskSelect returns the name of the lead select of the first task whose text holds text.
func taskSelect(t *testing.T, doc *goquery.Document, text string) string {
	t.Helper()
	name := ""
	doc.Find(".import-task").EachWithBreak(func(_ int, e *goquery.Selection) bool {
		if strings.Contains(e.Text(), text) {
			name = e.Find("select").AttrOr("name", "")
		}
		return name == ""
	})
	if name == "" {
		t.Fatalf("no task %q on the review", text)
	}
	return name
}

// nameSelect returns the name of the select of an org name of the review's table.
func nameSelect(t *testing.T, doc *goquery.Document, org string) string {
	t.Helper()
	name := ""
	doc.Find("table.import-names tbody tr").Each(func(_ int, tr *goquery.Selection) {
		if strings.TrimSpace(tr.Find("td").First().Text()) == org {
			name = tr.Find("select").AttrOr("name", "")
		}
	})
	if name == "" {
		t.Fatalf("no org name %q on the review", org)
	}
	return name
}

// selected returns the value of the selected option of the select named name.
func selected(doc *goquery.Document, name string) string {
	return doc.Find(fmt.Sprintf(`select[name=%q] option[selected]`, name)).AttrOr("value", "")
}

// TestImportPageReviewsTheSeed uploads the seed's damaged PDF text as a file and pastes it,
// and checks the review on both engines: the restored summary, the eight tasks with their
// lead selects, the six matters of the regular meeting, each org name's select set to its
// match, the notes linked to lines that exist, the document carried back in the form, and
// nothing saved.
func TestImportPageReviewsTheSeed(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			w := newImportWorld(t, e)
			seed := seedPDFText(t)
			byFile := w.page.upload("/imports", url.Values{"tones": {"keep"}}, "file", "CTr thang 4.pdf", []byte(seed))
			byText := w.page.post("/imports", url.Values{"text": {seed}, "org": {fmt.Sprint(w.committee)}})
			for what, r := range map[string]response{"file": byFile, "text": byText} {
				wantStatus(t, what, r, http.StatusOK)
				checkSeedReview(t, w.seedWorld, html(t, r.body), []byte(seed))
			}
			assertContains(t, byFile.body, "Đọc từ tệp “CTr thang 4.pdf” (văn bản thuần)")
			assertContains(t, byText.body, "Đọc từ văn bản dán vào")
			if ps, _, _ := w.st.FindPrograms(ctxb, congtac.ProgramFilter{OrgID: &w.committee}); len(ps) != 0 {
				t.Errorf("reviewing saved %d programs", len(ps))
			}
		})
	}
}

// checkSeedReview checks the review of the seed.
func checkSeedReview(t *testing.T, w seedWorld, doc *goquery.Document, seed []byte) {
	t.Helper()
	summary := doc.Find(".import-masthead dt:contains('Trích yếu')").Next()
	if got := summary.Text(); !strings.Contains(got, "Công tác của UBND huyện tháng 4 năm 2023") || !strings.Contains(got, "chắc chắn") ||
		summary.Find(`a[href="#line-8"]`).Length() != 1 {
		t.Errorf("summary: %q", got)
	}
	if got := doc.Find("#line-8").AttrOr("title", ""); !strings.Contains(got, "Trước: Côn  t c củ  UBND") {
		t.Errorf("line 8 restored, title %q", got)
	}
	if got := texts(doc, "#line-1 .lt"); len(got) != 1 || got[0] != "ỦY BAN NHÂN DÂN" {
		t.Errorf("line 1: %q", got)
	}
	leads := doc.Find(`.import-task select[name^="task."]`)
	if leads.Length() != 8 || leads.First().Find(`option[value=""]`).Text() != "— chưa chọn —" ||
		leads.First().Find(fmt.Sprintf(`option[value="%d"]`, w.infra)).Length() != 1 {
		t.Errorf("%d lead selects, first %q", leads.Length(), leads.First().Text())
	}
	if got := texts(doc, ".import-agenda li"); len(got) != 6 || !strings.Contains(got[0], "Chuẩn bị: Phòng Tài chính - KH → Phòng Tài chính - Kế hoạch") {
		t.Errorf("agenda: %q", got)
	}
	for name, id := range map[string]int64{"Phòng Tài chính - KH": w.finance, "Phòng Kinh tế và Hạ tầng": w.infra,
		"Văn phòng HĐND và UBND huyện": w.office, "Phòng Nội vụ": w.home, "Phòng Nông nghiệp và PTNT": w.farming} {
		if got := selected(doc, nameSelect(t, doc, name)); got != fmt.Sprint(id) {
			t.Errorf("%s: selected %q, want its match %d", name, got, id)
		}
	}
	if doc.Find(`select[name^="org."] option[value="new"]`).Length() != 5 {
		t.Error("the administrator is not offered to create the orgs")
	}
	notes := doc.Find(".import-attention li")
	if got := notes.Text(); notes.Length() != 8 || strings.Count(got, "chưa có cơ quan chủ trì nên không được lưu") != 8 {
		t.Errorf("notes: %q", got)
	}
	notes.Find("a").Each(func(_ int, a *goquery.Selection) {
		if target := strings.TrimPrefix(a.AttrOr("href", ""), "#"); doc.Find("li#"+target).Length() != 1 {
			t.Errorf("note links to %q, which is no line", target)
		}
	})
	form := importFormValues(doc)
	if data, err := base64.StdEncoding.DecodeString(form.Get("data")); err != nil || string(data) != string(seed) {
		t.Errorf("the form does not carry the document back: %v", err)
	}
	if !regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(form.Get("fingerprint")) || form.Get("org") != fmt.Sprint(w.committee) {
		t.Errorf("fingerprint %q, org %q", form.Get("fingerprint"), form.Get("org"))
	}
}

// TestImportPageSavesTheChoices confirms the seed's review on both engines with the leads
// of two tasks chosen and an org name created as a new department: the draft has the two
// tasks and the two meetings, the new org prepares its matter, the message counts what
// was saved and left out. Confirming again finds the period taken: 409 with a link.
func TestImportPageSavesTheChoices(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			w := newImportWorld(t, e)
			r := w.page.upload("/imports", nil, "file", "CTr thang 4.txt", []byte(seedPDFText(t)))
			wantStatus(t, "review", r, http.StatusOK)
			doc := html(t, r.body)
			form := importFormValues(doc)
			form.Set(taskSelect(t, doc, "chậm nhất trong tháng 5/2023"), fmt.Sprint(w.infra))
			form.Set(taskSelect(t, doc, "từng tháng"), fmt.Sprint(w.environment))
			form.Set(nameSelect(t, doc, "Phòng Nội vụ"), "new")
			saved := w.page.post("/imports/confirm", form)
			page := follow(t, w.page, saved)
			assertContains(t, page.body, "Đã nhập tệp “CTr thang 4.txt” thành dự thảo chương trình tháng 4 năm 2023:",
				"2 nhiệm vụ, 2 hội nghị. 6 nhiệm vụ chưa có cơ quan chủ trì nên không được lưu. Đã thêm 1 cơ quan, đơn vị mới")

			var id int64
			fmt.Sscanf(saved.location, "/programs/%d", &id)
			p, err := w.st.FindProgramByID(ctxb, id)
			if err != nil || p.OrgID != w.committee || p.Status != congtac.ProgramDraft || len(p.Tasks) != 2 {
				t.Fatalf("program %d: %+v, %v", id, p, err)
			}
			if p.Tasks[0].Lead != w.infra || p.Tasks[0].Due.Text != "chậm nhất trong tháng 5/2023" || p.Tasks[1].Lead != w.environment {
				t.Errorf("tasks: %+v", p.Tasks)
			}
			ms, err := w.st.FindMeetings(ctxb, congtac.MeetingFilter{ProgramID: &id})
			if err != nil || len(ms) != 2 {
				t.Fatalf("meetings: %d, %v", len(ms), err)
			}
			home, err := w.st.FindOrgs(ctxb, congtac.OrgFilter{Query: "Phòng Nội vụ"})
			if err != nil || len(home) != 2 {
				t.Fatalf("orgs named Phòng Nội vụ: %+v, %v", home, err)
			}
			created := home[0]
			if created.ID == w.home {
				created = home[1]
			}
			if created.ParentID != w.committee || created.Kind != congtac.OrgDepartment || created.ValidFrom != congtac.MustDate(2023, 4, 1) {
				t.Errorf("new org: %+v", created)
			}

			// The new org and the words learned change the reading: the review comes back
			// once with the choices kept, then the period is found taken.
			stale := w.page.post("/imports/confirm", form)
			wantStatus(t, "confirm again", stale, http.StatusConflict)
			assertContains(t, stale.body, "Cách đọc văn bản đã thay đổi", `value="new" selected`)
			again := w.page.post("/imports/confirm", importFormValues(html(t, stale.body)))
			wantStatus(t, "confirm once more", again, http.StatusConflict)
			assertContains(t, again.body, "Đã có chương trình tháng 4 năm 2023")
			if link := html(t, again.body).Find(fmt.Sprintf(`main a[href="/programs/%d"]`, id)); link.Length() != 1 {
				t.Errorf("the conflict does not link to the program: %s", shorten(again.body))
			}
		})
	}
}

// TestImportPageRefusesWhatItMust: a drafter is not offered to create orgs, and posting
// "new" anyway is refused with nothing saved; a reading changed since the review (an org
// renamed) comes back with 409, the choices kept; an empty form, a file and a text at
// once or a bad period are 422 with their messages; a reporter may not open the page.
func TestImportPageRefusesWhatItMust(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			w := newImportWorld(t, e)
			mustUser(t, w.st, "chuyenvien", congtac.RoleDrafter, w.committee)
			mustUser(t, w.st, "baocao", congtac.RoleReporter, w.infra)
			drafter := w.signIn(t, "chuyenvien")
			seed := seedPDFText(t)

			r := drafter.post("/imports", url.Values{"text": {seed}})
			wantStatus(t, "drafter's review", r, http.StatusOK)
			doc := html(t, r.body)
			if n := doc.Find(`option[value="new"]`).Length(); n != 0 {
				t.Errorf("the drafter is offered to create orgs %d times", n)
			}
			form := importFormValues(doc)
			form.Set(nameSelect(t, doc, "Phòng Nội vụ"), "new")
			wantStatus(t, "drafter creating an org", drafter.post("/imports/confirm", form), http.StatusForbidden)
			if ps, _, _ := w.st.FindPrograms(ctxb, congtac.ProgramFilter{OrgID: &w.committee}); len(ps) != 0 {
				t.Errorf("the refused import saved %d programs", len(ps))
			}
			if home, _ := w.st.FindOrgs(ctxb, congtac.OrgFilter{Query: "Phòng Nội vụ"}); len(home) != 1 {
				t.Errorf("the refused import created orgs: %+v", home)
			}

			form = importFormValues(doc)
			lead := taskSelect(t, doc, "chậm nhất trong tháng 5/2023")
			form.Set(lead, fmt.Sprint(w.infra))
			finance, err := w.st.FindOrgs(ctxb, congtac.OrgFilter{ID: &w.finance})
			if err != nil || len(finance) != 1 {
				t.Fatal(finance, err)
			}
			expect(t, w.c.call("PATCH", fmt.Sprint("/api/v1/orgs/", w.finance),
				fmt.Sprintf(`{"version": %d, "name": "Phòng Tài chính và Kế hoạch"}`, finance[0].Version)), http.StatusOK)
			stale := drafter.post("/imports/confirm", form)
			wantStatus(t, "stale review", stale, http.StatusConflict)
			again := html(t, stale.body)
			assertContains(t, stale.body, "Cách đọc văn bản đã thay đổi")
			if got := selected(again, lead); got != fmt.Sprint(w.infra) {
				t.Errorf("the choice of lead is lost: %q", got)
			}
			if again.Find(`input[name="fingerprint"]`).AttrOr("value", "") == form.Get("fingerprint") {
				t.Error("the stale review keeps the old fingerprint")
			}

			form = importFormValues(again)
			form.Set(lead, "999999")
			bad := drafter.post("/imports/confirm", form)
			wantStatus(t, "a lead outside the directory", bad, http.StatusUnprocessableEntity)
			if got := texts(html(t, bad.body), "#loi-"+strings.ReplaceAll(lead, ".", "-")); len(got) != 1 || got[0] != "Chọn cơ quan chủ trì trong danh mục." {
				t.Errorf("the lead's message: %q", got)
			}
			if ps, _, _ := w.st.FindPrograms(ctxb, congtac.ProgramFilter{OrgID: &w.committee}); len(ps) != 0 {
				t.Errorf("refused confirmations saved %d programs", len(ps))
			}

			for _, c := range []struct {
				form url.Values
				want string
			}{
				{url.Values{}, "Hãy chọn tệp văn bản (DOCX, PDF, TXT) hoặc dán nội dung văn bản"},
				{url.Values{"text": {seed}, "period": {"2023-13"}}, "Không hiểu kỳ"},
				{url.Values{"text": {seed}, "org": {"999999"}}, "Chọn ủy ban trong danh sách."},
			} {
				r := drafter.post("/imports", c.form)
				wantStatus(t, "refused form", r, http.StatusUnprocessableEntity)
				assertContains(t, r.body, c.want, `<select id="i-org" name="org"`)
			}
			both := drafter.upload("/imports", url.Values{"text": {seed}}, "file", "a.txt", []byte(seed))
			wantStatus(t, "a file and a text", both, http.StatusUnprocessableEntity)
			assertContains(t, both.body, "Chỉ chọn tệp hoặc dán văn bản, không cả hai")
			wantStatus(t, "an empty confirmation", drafter.post("/imports/confirm", url.Values{}), http.StatusUnprocessableEntity)
			wantStatus(t, "reporter", w.signIn(t, "baocao").get("/imports"), http.StatusForbidden)
		})
	}
}

// scheduleText is a district's weekly schedule as pasted.
const scheduleText = `ỦY BAN NHÂN DÂN HUYỆN LỤC NGẠN
LỊCH CÔNG TÁC CỦA LÃNH ĐẠO UBND HUYỆN
Tuần 16 (từ ngày 17/4 đến ngày 23/4/2023)
THỨ 2 (17/4)
- 8h00: Họp giao ban đầu tuần. Địa điểm: Phòng họp số 1. Chuẩn bị: Phòng Kinh tế và Hạ tầng.
THỨ 4 (19/4)
- Cả ngày: Kiểm tra tiến độ các công trình xây dựng cơ bản tại các xã.
`

// TestImportPageSavesASchedule pastes a weekly schedule, sees its entries for review and
// saves them on the committee's calendar, landing on its week.
func TestImportPageSavesASchedule(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			w := newImportWorld(t, e)
			r := w.page.post("/imports", url.Values{"text": {scheduleText}})
			wantStatus(t, "review", r, http.StatusOK)
			doc := html(t, r.body)
			rows := texts(doc, "table.import-entries tbody tr")
			if len(rows) != 2 || !strings.Contains(rows[0], "Thứ Hai, 17/04/2023") || !strings.Contains(rows[0], "8 giờ 00") ||
				!strings.Contains(rows[0], "Chuẩn bị: Phòng Kinh tế và Hạ tầng") || !strings.Contains(rows[1], "cả ngày") {
				t.Errorf("entries: %q", rows)
			}
			assertContains(t, r.body, "Lịch công tác tuần", "Lưu vào lịch công tác")
			saved := w.page.post("/imports/confirm", importFormValues(doc))
			if want := fmt.Sprintf("/calendar?org=%d&week=2023-W16", w.committee); saved.location != want {
				t.Fatalf("saved: %d to %q, want %q", saved.status, saved.location, want)
			}
			assertContains(t, follow(t, w.page, saved).body, "Đã thêm 2 mục vào lịch công tác của Ủy ban nhân dân huyện Lục Ngạn từ văn bản dán vào.")
		})
	}
}
