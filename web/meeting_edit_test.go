package web

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	ical "github.com/arran4/golang-ical"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// seedAgenda is the seed's regular meeting of 21/4/2023: its six matters and the
// departments that prepare them.
var seedAgenda = []struct{ title, lead string }{
	{"Báo cáo tình hình kinh tế - xã hội tháng 4 và 4 tháng đầu năm; nhiệm vụ trọng tâm tháng 5 năm 2023", "finance"},
	{"Báo cáo tiến độ các dự án trọng điểm thuộc diện Ban Thường vụ Huyện ủy theo dõi, chỉ đạo", "economy"},
	{"Báo cáo sơ kết Đề án số 01-ĐA/HU ngày 29/6/2021 của Ban Chấp hành Đảng bộ huyện về phát triển kết cấu hạ tầng giao thông", "economy"},
	{"Báo cáo sơ kết 02 năm thực hiện Nghị quyết số 35-NQ/HU ngày 01/4/2021 của Ban Thường vụ Huyện ủy về cải cách thủ tục hành chính", "office"},
	{"Báo cáo sơ kết Đề án số 02-ĐA/HU ngày 29/6/2021 của Ban Thường vụ Huyện ủy về vùng cây ăn quả trọng điểm", "agriculture"},
	{"Các nội dung khác trình theo quy định", "office"},
}

// TestOfficePlansTheSeedsRegularMeeting: through the pages, the office creates the seed's
// regular meeting of Friday 21/4/2023 in the April program being drafted with its six matters and
// preparing departments, and the Thursday-afternoon briefing; refused forms keep what was
// typed; the invitation is issued with a number; the program's meetings part shows the
// meeting in the office's words; the chairman's week and feed have it; after the meeting
// two matters get conclusions and the notice is issued; one Thursday is cancelled.
func TestOfficePlansTheSeedsRegularMeeting(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			now := time.Date(2023, 4, 12, 9, 0, 0, 0, congtac.Location())
			w, orgs, chair, vice := newSeedMeetingWorld(t, e, func() time.Time { return now })
			office := as(t, w.s, w.srv, "vanphong")
			if r := office.get("/meetings/new"); r.status != http.StatusOK || !strings.Contains(r.body, "Nguyễn Văn Giang</option>") {
				t.Fatalf("the new meeting's form: %d, the chairman not offered", r.status)
			}
			form := url.Values{"org": {fmt.Sprint(w.committee.ID)}, "kind": {"regular"}, "program": {fmt.Sprint(w.april.ID)},
				"title": {"Hội nghị UBND huyện thường kỳ tháng 4"}, "date": {"2023-04-21"}, "time": {"8 giờ 00"},
				"place": {"Hội trường UBND huyện"}, "chair": {fmt.Sprint(chair.ID)}, "attendees": {"Thành viên UBND huyện"},
				"people": {fmt.Sprint(vice.ID)}, "orgs": {fmt.Sprint(w.culture.ID)}}
			bad := cloneValues(form)
			bad.Set("date", "2023-04-31")
			r := office.post("/meetings", bad)
			wantStatus(t, "a day not on the calendar", r, http.StatusUnprocessableEntity)
			assertContains(t, r.body, "Hội nghị UBND huyện thường kỳ tháng 4", `id="m-date"`, `aria-invalid="true"`)
			r = office.post("/meetings", form)
			if r.status != http.StatusSeeOther || !strings.HasSuffix(r.location, "/edit#agenda") {
				t.Fatalf("create the meeting: %d → %q", r.status, r.location)
			}
			path := strings.TrimSuffix(r.location, "/edit#agenda")
			for _, it := range seedAgenda {
				if r := office.post(path+"/agenda", url.Values{"title": {it.title}, "lead": {fmt.Sprint(orgs[it.lead])},
					"minutes": {"20"}}); r.status != http.StatusSeeOther {
					t.Fatalf("add %q: %d %s", it.title, r.status, mainExcerpt(r.body))
				}
			}
			r = office.post(path+"/agenda", url.Values{"title": {""}, "minutes": {"nhiều"}})
			wantStatus(t, "an empty matter", r, http.StatusUnprocessableEntity)
			var id int64
			fmt.Sscanf(path, "/meetings/%d", &id)
			m, err := w.st.FindMeetingByID(ctxb, id)
			if err != nil || len(m.Agenda) != 6 || m.ProgramID != w.april.ID || m.Start != congtac.At(8, 0) {
				t.Fatalf("the meeting stored: %+v, %v", m, err)
			}
			// Five working days before Friday 21/4: Friday 14/4.
			if m.Agenda[0].MaterialsDue != congtac.MustDate(2023, 4, 14) {
				t.Errorf("materials due %s, want 2023-04-14", m.Agenda[0].MaterialsDue)
			}

			// The department preparing the second matter attaches its report; others read it.
			m, _ = w.st.FindMeetingByID(ctxb, id)
			economy := as(t, w.s, w.srv, "kinhte")
			pdf := []byte(tinyPDF)
			upload := fmt.Sprintf("/agenda/%d/materials", m.Agenda[1].ID)
			if r := economy.upload(fmt.Sprintf("/agenda/%d/materials", m.Agenda[0].ID), nil, "file", "x.pdf", pdf); r.status != http.StatusForbidden {
				t.Errorf("a department attaches to a matter another prepares: %d, want 403", r.status)
			}
			if r := economy.upload(upload, nil, "file", "anh.pdf", []byte("\x89PNG\r\n\x1a\n")); r.status != http.StatusUnprocessableEntity {
				t.Errorf("a PNG named .pdf: %d, want 422", r.status)
			}
			if r := economy.upload(upload, nil, "file", "Báo cáo tiến độ dự án.pdf", pdf); r.status != http.StatusSeeOther {
				t.Fatalf("attach the report: %d %s", r.status, mainExcerpt(r.body))
			}
			page := office.get(path).body
			assertContains(t, page, "Báo cáo tiến độ dự án.pdf", "Phòng Kinh tế")
			files, _ := w.st.FindMaterials(ctxb, id)
			if len(files) != 1 {
				t.Fatalf("materials: %+v", files)
			}
			got := office.get(fmt.Sprintf("/materials/%d", files[0].ID))
			if got.status != http.StatusOK || got.body != string(pdf) || got.header.Get("Content-Type") != congtac.TypePDF ||
				!strings.Contains(got.header.Get("Content-Disposition"), "filename*=utf-8''B%C3%A1o") {
				t.Errorf("download the material: %d %q %q", got.status, got.header.Get("Content-Type"), got.header.Get("Content-Disposition"))
			}

			r = office.post(path+"/issue", url.Values{"type": {"GM"}})
			if r.status != http.StatusSeeOther {
				t.Fatalf("issue the invitation: %d %s", r.status, mainExcerpt(r.body))
			}
			page = office.get(path).body
			assertContains(t, page, "/GM-", "Ban hành Thông báo", "Nguyễn Văn Giang, Chủ tịch UBND tỉnh Bắc Ninh")
			invitation := docxText(t, []byte(office.get(path+"/files/giay-moi.docx").body))
			assertContains(t, invitation, "Chủ trì: Chủ tịch UBND tỉnh Bắc Ninh Nguyễn Văn Giang.", "Dự Hội nghị UBND huyện thường kỳ tháng 4",
				"Đồng chí Vương Mạnh Chung, Phó Chủ tịch UBND tỉnh Bắc Ninh;", "Đại diện lãnh đạo Phòng Văn hóa - Xã hội;",
				"Thành viên UBND huyện.")
			if r := office.post(path+"/issue", url.Values{"type": {"TB"}}); r.status != http.StatusUnprocessableEntity {
				t.Errorf("a notice before the meeting: %d, want 422", r.status)
			}
			if r := office.post(path+"/issue", url.Values{"type": {"GM"}}); r.status != http.StatusUnprocessableEntity {
				t.Errorf("a second invitation: %d, want 422", r.status)
			}

			program := documentPart(t, office.get(fmt.Sprintf("/programs/%d", w.april.ID)).body)
			assertContains(t, program, "Hội nghị UBND huyện thường kỳ tháng 4", "8 giờ 00, Thứ Sáu", "(Phòng Tài chính - KH chuẩn bị)")

			briefing := url.Values{"org": {fmt.Sprint(w.committee.ID)}, "kind": {"briefing"}, "chair": {fmt.Sprint(chair.ID)},
				"title": {"Chủ tịch và các Phó Chủ tịch UBND huyện giao ban"}, "date": {"2023-04-06"},
				"recurrence": {"chiều thứ Năm hằng tuần"}, "place": {"Phòng họp số 1"}}
			r = office.post("/meetings", briefing)
			if r.status != http.StatusSeeOther {
				t.Fatalf("create the briefing: %d %s", r.status, mainExcerpt(r.body))
			}
			series := strings.TrimSuffix(r.location, "/edit#agenda")
			edit := office.get(series + "/edit").body
			assertContains(t, edit, "hằng tuần vào thứ Năm", "Dời hoặc hủy một buổi họp định kỳ")
			var sid int64
			fmt.Sscanf(series, "/meetings/%d", &sid)
			sm, _ := w.st.FindMeetingByID(ctxb, sid)
			cancel := url.Values{"version": {fmt.Sprint(sm.Version)}, "of": {"2023-04-27"}, "cancel": {"1"}}
			wantStatus(t, "a cancelled sitting without its reason", office.post(series+"/sittings", cancel), http.StatusUnprocessableEntity)
			cancel.Set("note", "Nghỉ lễ 30/4 - 1/5.")
			if r := office.post(series+"/sittings", cancel); r.status != http.StatusSeeOther {
				t.Fatalf("cancel a sitting: %d %s", r.status, mainExcerpt(r.body))
			}

			// The chairman's week and his feed.
			week := congtac.PeriodOf(congtac.PeriodWeek, congtac.MustDate(2023, 4, 21))
			if r := office.post("/calendar/generate", url.Values{"org": {fmt.Sprint(w.committee.ID)}, "week": {week.Key()}}); r.status != http.StatusSeeOther {
				t.Fatalf("generate the week: %d", r.status)
			}
			cal := office.get(fmt.Sprintf("/calendar?org=%d&week=%s", w.committee.ID, week.Key())).body
			assertContains(t, cal, "Hội nghị UBND huyện thường kỳ tháng 4", "Nguyễn Văn Giang", "giao ban", "Vương Mạnh Chung")
			feed := valid[apiNewFeed](t, w.s, w.chair.call("POST", "/api/v1/feeds", fmt.Sprintf(
				`{"kind": "person", "subject_id": %d, "name": "Lịch của Chủ tịch"}`, chair.ID)), http.StatusCreated, "NewFeed")
			res, err := w.srv.Client().Get(w.srv.URL + feed.URL)
			if err != nil {
				t.Fatal(err)
			}
			assertContains(t, readAll(t, res), "SUMMARY:Hội nghị UBND huyện thường kỳ tháng 4",
				"EXDATE;TZID=Asia/Ho_Chi_Minh:20230427T140000", "RRULE:FREQ=WEEKLY;BYDAY=TH")
			// The vice chairman's feed: the meeting he is invited to, not the briefing he is not.
			viceFeed := valid[apiNewFeed](t, w.s, w.chair.call("POST", "/api/v1/feeds", fmt.Sprintf(
				`{"kind": "person", "subject_id": %d, "name": "Lịch của Phó Chủ tịch"}`, vice.ID)), http.StatusCreated, "NewFeed")
			if res, err = w.srv.Client().Get(w.srv.URL + viceFeed.URL); err != nil {
				t.Fatal(err)
			}
			vf := parseICS(t, response{status: res.StatusCode, body: readAll(t, res), header: res.Header})
			if evs := vf.Events(); len(evs) != 1 || evs[0].GetProperty(ical.ComponentPropertySummary).Value != "Hội nghị UBND huyện thường kỳ tháng 4" ||
				!strings.Contains(evs[0].GetProperty(ical.ComponentPropertyDescription).Value, "đồng chí Vương Mạnh Chung, Phó Chủ tịch UBND tỉnh Bắc Ninh") {
				t.Errorf("the vice chairman's feed has %d events, want the one meeting he is invited to, naming him", len(evs))
			}

			// After the meeting: held, two conclusions, the notice.
			now = time.Date(2023, 4, 21, 16, 0, 0, 0, congtac.Location())
			office = as(t, w.s, w.srv, "vanphong") // nine days later: a new session
			m, _ = w.st.FindMeetingByID(ctxb, id)
			if r := office.post(path+"/status", url.Values{"version": {fmt.Sprint(m.Version)}, "status": {"held"}}); r.status != http.StatusSeeOther {
				t.Fatalf("mark held: %d %s", r.status, mainExcerpt(r.body))
			}
			for i, c := range []string{"Giao Phòng Tài chính - KH hoàn thiện báo cáo, gửi Thường trực Huyện ủy trước ngày 25/4/2023.",
				"Giao Phòng Kinh tế và Hạ tầng đôn đốc các nhà thầu, bảo đảm tiến độ các dự án trọng điểm."} {
				it := m.Agenda[i]
				f := url.Values{"version": {fmt.Sprint(it.Version)}, "title": {it.Title}, "lead": {fmt.Sprint(it.Lead)},
					"minutes": {"20"}, "conclusion": {c}}
				if r := office.post(fmt.Sprintf("/agenda/%d", it.ID), f); r.status != http.StatusSeeOther {
					t.Fatalf("conclusion %d: %d %s", i+1, r.status, mainExcerpt(r.body))
				}
			}
			// The two conclusions become tasks of the April program, tracked like any task.
			edit = office.get(path + "/edit").body
			assertContains(t, edit, "Giao nhiệm vụ từ kết luận")
			for i, due := range []string{"trước ngày 25/4/2023", "trong tháng 5/2023"} {
				it := m.Agenda[i]
				f := url.Values{"text": {"Hoàn thiện nội dung " + fmt.Sprint(i+1)}, "lead": {fmt.Sprint(it.Lead)},
					"support": {fmt.Sprint(w.office.ID)}, "due": {due}, "program": {fmt.Sprint(w.april.ID)}}
				if r := office.post(fmt.Sprintf("/agenda/%d/tasks", it.ID), f); r.status != http.StatusSeeOther {
					t.Fatalf("task from conclusion %d: %d %s", i+1, r.status, mainExcerpt(r.body))
				}
			}
			if r := office.post(fmt.Sprintf("/agenda/%d/tasks", m.Agenda[2].ID), url.Values{"lead": {fmt.Sprint(orgs["economy"])}}); r.status != http.StatusUnprocessableEntity {
				t.Errorf("a task from a matter without conclusion: %d, want 422", r.status)
			}
			given, err := w.st.FindConclusionTasks(ctxb, id)
			if err != nil || len(given) != 2 || given[m.Agenda[0].ID][0].Due.Date != congtac.MustDate(2023, 4, 24) ||
				given[m.Agenda[1].ID][0].Due.Date != congtac.MustDate(2023, 5, 31) {
				t.Errorf("tasks from conclusions: %+v, %v", given, err)
			}
			assertContains(t, office.get(path).body, "Nhiệm vụ: ", "Hoàn thiện nội dung 1", "Hoàn thiện nội dung 2")

			// A third conclusion is tracked on its own, with the notice: not in force before it.
			fourth, review := m.Agenda[3], "Giao Phòng Tài chính - KH rà soát các khoản thu ngân sách trong tháng 5."
			if r := office.post(fmt.Sprintf("/agenda/%d", fourth.ID), url.Values{"version": {fmt.Sprint(fourth.Version)},
				"title": {fourth.Title}, "lead": {fmt.Sprint(fourth.Lead)}, "conclusion": {review}}); r.status != http.StatusSeeOther {
				t.Fatalf("conclusion 4: %d %s", r.status, mainExcerpt(r.body))
			}
			if r := office.post(fmt.Sprintf("/agenda/%d/tasks", fourth.ID), url.Values{"text": {"Rà soát các khoản thu ngân sách"},
				"lead": {fmt.Sprint(orgs["finance"])}, "support": {fmt.Sprint(orgs["agriculture"])}, "due": {"trong tháng 5"},
				"program": {"tb"}}); r.status != http.StatusSeeOther {
				t.Fatalf("a standalone task: %d %s", r.status, mainExcerpt(r.body))
			}
			given, _ = w.st.FindConclusionTasks(ctxb, id)
			alone := given[fourth.ID][0]
			if found, _, _ := w.st.FindTasks(ctxb, congtac.TaskFilter{ID: &alone.ID, Limit: 1}); len(found) != 0 {
				t.Error("the standalone task is in force before the notice")
			}
			assertContains(t, office.get(path).body, "Rà soát các khoản thu ngân sách", "Theo dõi riêng, ban hành cùng thông báo kết luận")
			if r := office.post(path+"/issue", url.Values{"type": {"TB"}}); r.status != http.StatusSeeOther {
				t.Fatalf("issue the notice: %d %s", r.status, mainExcerpt(r.body))
			}
			shown := office.get(path).body
			assertContains(t, shown, "/TB-", "Theo thông báo kết luận số ")
			nr := office.get(path + "/files/thong-bao-ket-luan.docx")
			if nr.status != http.StatusOK {
				t.Fatalf("notice: %d %s", nr.status, mainExcerpt(nr.body))
			}
			notice := docxText(t, []byte(nr.body))
			assertContains(t, notice, "hoàn thiện báo cáo, gửi Thường trực Huyện ủy", "Kết luận của đồng chí Nguyễn Văn Giang",
				"Giao Phòng Tài chính - KH chủ trì, phối hợp với Phòng Nông nghiệp và PTNT: rà soát các khoản thu ngân sách; thời hạn: tháng 5/2023.")
			if found, _, _ := w.st.FindTasks(ctxb, congtac.TaskFilter{ID: &alone.ID, Limit: 1}); len(found) != 1 {
				t.Error("the standalone task is not in force once the notice is issued")
			}
			if home := office.get(fmt.Sprintf("/programs/%d", alone.ProgramID)); home.status != http.StatusSeeOther || home.location != path {
				t.Errorf("the notice's task list opens %d %q, want the meeting", home.status, home.location)
			}
			late := w.drafter.call("POST", fmt.Sprintf("/api/v1/agenda/%d/tasks", fourth.ID), fmt.Sprintf(`{"lead": %d, "standalone": true}`, fourth.Lead))
			if e := apiErrorOf(t, late, http.StatusUnprocessableEntity, congtac.EINVALID); !strings.Contains(e.Message, "Thông báo kết luận của hội nghị đã ban hành") {
				t.Errorf("a standalone task after the notice: %s", late.body)
			}
			if r := as(t, w.s, w.srv, "kinhte").get(path + "/edit"); r.status != http.StatusForbidden {
				t.Errorf("a reporter opens the meeting's forms: %d, want 403", r.status)
			}
		})
	}
}

// newSeedMeetingWorld returns the draft world with April being drafted (its meetings part
// follows the meetings) and the seed's people and departments for its regular meeting:
// the orgs by key (economy, office, finance, agriculture), the chairman and a vice chairman
// with their posts, and the draft's empty part B; clock is the servers' and the store's.
func newSeedMeetingWorld(t *testing.T, e store.Engine, clock func() time.Time) (w draftWorld, orgs map[string]int64, chair, vice congtac.Person) {
	t.Helper()
	w = newDraftWorldOf(t, e, false)
	w.st.SetClock(clock)
	w.s.cfg.Now = clock
	orgs = map[string]int64{"economy": w.economy.ID, "office": w.office.ID}
	for key, name := range map[string]string{"finance": "Phòng Tài chính - KH", "agriculture": "Phòng Nông nghiệp và PTNT"} {
		o, err := w.st.CreateOrg(ctxb, congtac.System, congtac.Org{ParentID: w.committee.ID, Kind: congtac.OrgDepartment,
			Name: name, ValidFrom: congtac.MustDate(2020, 1, 1)})
		if err != nil {
			t.Fatal(err)
		}
		orgs[key] = o.ID
	}
	var err error
	chair, err = w.st.CreatePerson(ctxb, congtac.System, congtac.Person{FullName: "Nguyễn Văn Giang", OrgID: w.committee.ID})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.st.CreatePost(ctxb, congtac.System, congtac.Post{PersonID: chair.ID, OrgID: w.committee.ID,
		Kind: congtac.PostChairman, From: congtac.MustDate(2021, 6, 1)}); err != nil {
		t.Fatal(err)
	}
	// The draft's part B, left empty for the meetings to fill.
	decodeAs[apiItem](t, w.drafter.call("POST", fmt.Sprintf("/api/v1/programs/%d/items", w.april.ID),
		`{"heading": "CÁC HỘI NGHỊ CHÍNH TRONG THÁNG"}`), http.StatusCreated)
	vice, err = w.st.CreatePerson(ctxb, congtac.System, congtac.Person{FullName: "Vương Mạnh Chung", OrgID: w.committee.ID})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.st.CreatePost(ctxb, congtac.System, congtac.Post{PersonID: vice.ID, OrgID: w.committee.ID,
		Kind: congtac.PostViceChairman, From: congtac.MustDate(2021, 6, 1)}); err != nil {
		t.Fatal(err)
	}
	return w, orgs, chair, vice
}

// readAll returns the body of res, closed.
func readAll(t *testing.T, res *http.Response) string {
	t.Helper()
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestMeetingPageWarnings: the Thursday briefing's sitting on 1/1/2026, Tết Dương lịch, is
// flagged on the meeting's page for the office to move or cancel; an agenda of 240 minutes
// for a morning from 8:00 (210 minutes) is flagged on the meeting's page and its forms.
func TestMeetingPageWarnings(t *testing.T) {
	w := newDraftWorld(t, storetest.Engines[0])
	now := func() time.Time { return time.Date(2025, 12, 20, 9, 0, 0, 0, congtac.Location()) }
	w.st.SetClock(now)
	w.s.cfg.Now = now
	m := valid[apiMeetingDetail](t, w.s, w.drafter.call("POST", "/api/v1/meetings", fmt.Sprintf(
		`{"org_id": %d, "kind": "briefing", "title": "Giao ban", "date": "2025-12-04", "recurrence": "chiều thứ Năm hằng tuần"}`,
		w.committee.ID)), http.StatusCreated, "MeetingDetail")
	page := as(t, w.s, w.srv, "vanphong").get(fmt.Sprintf("/meetings/%d", m.ID)).body
	assertContains(t, page, "Thứ Năm, 1/1/2026 — ngày nghỉ (Tết Dương lịch): hãy dời hoặc hủy buổi này")
	assertLacks(t, page, "Thứ Năm, 25/12/2025 — ngày nghỉ")

	long := valid[apiMeetingDetail](t, w.s, w.drafter.call("POST", "/api/v1/meetings", fmt.Sprintf(
		`{"org_id": %d, "title": "Phiên họp thường kỳ", "date": "2025-12-26", "start": "8 giờ",
		"agenda": [{"title": "Báo cáo kinh tế - xã hội", "minutes": 120}, {"title": "Kế hoạch năm 2026", "minutes": 120}]}`,
		w.committee.ID)), http.StatusCreated, "MeetingDetail")
	office := as(t, w.s, w.srv, "vanphong")
	warning := "Tổng thời lượng các nội dung trình là 240 phút, quá thời gian của buổi họp (210 phút)"
	assertContains(t, office.get(fmt.Sprintf("/meetings/%d", long.ID)).body, warning)
	assertContains(t, office.get(fmt.Sprintf("/meetings/%d/edit", long.ID)).body, warning)
	assertLacks(t, page, "Tổng thời lượng")

	// Told to move its sittings off days off, the series sits on Friday 2/1/2026: the week
	// gets the entry on Friday, the .ics moves that occurrence.
	moved := valid[apiMeetingDetail](t, w.s, w.drafter.call("PATCH", fmt.Sprintf("/api/v1/meetings/%d", m.ID),
		fmt.Sprintf(`{"version": %d, "off_days": "next"}`, m.Version)), http.StatusOK, "MeetingDetail")
	if moved.OffDays != "next" {
		t.Errorf("off_days = %q", moved.OffDays)
	}
	assertContains(t, office.get(fmt.Sprintf("/meetings/%d", m.ID)).body, "Thứ Sáu, 2/1/2026 (dời từ 1/1/2026)")
	week := congtac.PeriodOf(congtac.PeriodWeek, congtac.MustDate(2026, 1, 1))
	made, err := w.st.GenerateEngagements(ctxb, congtac.System, w.committee.ID, week)
	if err != nil || len(made) != 1 || made[0].Date != congtac.MustDate(2026, 1, 2) {
		t.Errorf("the week over Tết Dương lịch: %+v, %v", made, err)
	}
	cal := parseICS(t, office.get(fmt.Sprintf("/meetings/%d/files/hoi-nghi.ics", m.ID)))
	found := false
	for _, ev := range cal.Events() {
		if p := ev.GetProperty(ical.ComponentPropertyRecurrenceId); p != nil && p.Value == "20260101T140000" {
			found = true
		}
	}
	if !found {
		t.Error("the .ics does not move the sitting of 1/1/2026")
	}
}
