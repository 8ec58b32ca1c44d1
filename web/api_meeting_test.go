package web

import (
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	ical "github.com/arran4/golang-ical"

	"congtac"
	"congtac/store/storetest"
)

func init() {
	maps.Copy(dtoSchemas, map[string]any{
		"MeetingCreate": apiMeetingCreate{}, "MeetingUpdate": apiMeetingUpdate{},
		"AgendaInput": apiAgendaInput{}, "AgendaUpdate": apiAgendaUpdate{},
		"Sitting": apiSitting{}, "SittingChange": apiSittingChange{}, "MeetingIssue": apiMeetingIssue{},
		"ConclusionTask": apiConclusionTask{}, "TaskAction": apiTaskActionInput{}, "Explanation": apiExplanation{}, "ExplanationAsk": apiExplanationAsk{}, "ExplanationAnswer": apiExplanationAnswer{}, "Board": apiBoard{}, "Attachment": apiAttachment{}, "BoardCounts": apiBoardCounts{}, "Material": apiMaterial{},
		"Feed": apiFeed{}, "NewFeed": apiNewFeed{}, "FeedCreate": apiFeedCreate{},
		"EngagementCreate": apiEngagementInput{}, "EngagementUpdate": apiEngagementUpdate{},
	})
}

// TestAPIMeetings: the office plans the seed's regular meeting of Friday 21/4/2023 at 8:00
// with agenda items prepared by named departments, reads each back at its Location, moves
// it (the default materials days move with it, off the weekend), postpones it with a
// reason, refuses what the rules forbid, and plans the Thursday-afternoon briefing as a
// series written as offices write it. A reporter may read but not plan.
func TestAPIMeetings(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			w := newDraftWorld(t, e)
			now := func() time.Time { return time.Date(2023, 4, 12, 9, 0, 0, 0, congtac.Location()) }
			w.st.SetClock(now)
			w.s.cfg.Now = now
			create := fmt.Sprintf(`{"org_id": %d, "program_id": %d, "title": "Hội nghị UBND huyện thường kỳ tháng 4",
				"date": "2023-04-21", "start": "8 giờ", "place": "Hội trường UBND huyện",
				"agenda": [
					{"title": "Báo cáo tình hình kinh tế - xã hội tháng 4 và 4 tháng đầu năm", "lead_id": %d, "minutes": 60},
					{"title": "Báo cáo sơ kết 02 năm thực hiện Nghị quyết số 35-NQ/HU", "lead_id": %d, "support_ids": [%d], "minutes": 30}
				]}`, w.committee.ID, w.april.ID, w.economy.ID, w.office.ID, w.culture.ID)
			apiErrorOf(t, w.rep.call("POST", "/api/v1/meetings", create), http.StatusForbidden, congtac.EFORBIDDEN)
			r := w.drafter.call("POST", "/api/v1/meetings", create)
			m := valid[apiMeetingDetail](t, w.s, r, http.StatusCreated, "MeetingDetail")
			if m.Kind != "regular" || deref(m.Start) != "08:00" || deref(m.Part) != "morning" || len(m.Agenda) != 2 ||
				m.Status != "planned" || deref(m.ProgramID) != w.april.ID {
				t.Fatalf("created meeting = %+v", m)
			}
			// Five working days before Friday 21/4/2023: Friday 14/4.
			if got := deref(m.Agenda[0].MaterialsDue); got != "2023-04-14" || m.Agenda[1].Position != 2 {
				t.Errorf("agenda = %+v, want materials due 2023-04-14 and positions in order", m.Agenda)
			}
			if loc := r.header.Get("Location"); loc != fmt.Sprintf("/api/v1/meetings/%d", m.ID) {
				t.Errorf("Location = %q", loc)
			}
			path := fmt.Sprintf("/api/v1/meetings/%d", m.ID)
			if got := valid[apiMeetingDetail](t, w.s, w.rep.call("GET", path, ""), http.StatusOK, "MeetingDetail"); got.Title != m.Title {
				t.Errorf("the reporter reads %+v", got)
			}

			// The economy department attaches its report through the API; the PDF's name says
			// nothing of its type, its bytes do.
			pdf := tinyPDF
			octet := http.Header{"Content-Type": {"application/octet-stream"}}
			upload := fmt.Sprintf("/api/v1/agenda/%d/materials?name=%s", m.Agenda[0].ID, url.QueryEscape("Báo cáo KT-XH"))
			mat := valid[apiMaterial](t, w.s, w.rep.callWith("POST", upload, pdf, octet), http.StatusCreated, "Material")
			if mat.ContentType != congtac.TypePDF || mat.Name != "Báo cáo KT-XH" || mat.Size != len(pdf) {
				t.Errorf("material = %+v", mat)
			}
			apiErrorOf(t, w.rep.callWith("POST", upload, "\x89PNG\r\n\x1a\n", octet), http.StatusUnprocessableEntity, congtac.EINVALID)
			apiErrorOf(t, w.rep.callWith("POST", fmt.Sprintf("/api/v1/agenda/%d/materials?name=x.pdf", m.Agenda[1].ID), pdf, octet),
				http.StatusForbidden, congtac.EFORBIDDEN) // the second matter is the office's
			if list := valid[apiList[apiMaterial]](t, w.s, w.chair.call("GET", path+"/materials", ""), http.StatusOK, "MaterialList"); list.Total != 1 {
				t.Errorf("materials listed: %+v", list)
			}
			// The chairman reads the file itself with his token, as uploaded.
			file := w.chair.call("GET", fmt.Sprintf("/api/v1/materials/%d/content", mat.ID), "")
			if file.status != http.StatusOK || file.body != pdf || file.header.Get("Content-Type") != congtac.TypePDF ||
				!strings.Contains(file.header.Get("Content-Disposition"), "attachment") {
				t.Errorf("the material's file: %d %q %q, %d bytes", file.status, file.header.Get("Content-Type"),
					file.header.Get("Content-Disposition"), len(file.body))
			}
			apiErrorOf(t, w.chair.call("GET", "/api/v1/materials/987654/content", ""), http.StatusNotFound, congtac.ENOTFOUND)

			add := w.drafter.call("POST", path+"/agenda", fmt.Sprintf(`{"title": "Báo cáo sơ kết Đề án số 02-ĐA/HU",
				"lead_id": %d, "minutes": 30}`, w.economy.ID))
			item := valid[apiAgendaItem](t, w.s, add, http.StatusCreated, "AgendaItem")
			if item.Position != 3 || item.MeetingID != m.ID {
				t.Errorf("added item = %+v, want third on the agenda", item)
			}
			itemPath := add.header.Get("Location")
			if got := valid[apiAgendaItem](t, w.s, w.rep.call("GET", itemPath, ""), http.StatusOK, "AgendaItem"); got.ID != item.ID {
				t.Errorf("GET %s = %+v", itemPath, got)
			}
			apiErrorOf(t, w.rep.call("PATCH", itemPath, `{"version": 1, "title": "X"}`), http.StatusForbidden, congtac.EFORBIDDEN)
			concluded := valid[apiAgendaItem](t, w.s, w.drafter.call("PATCH", itemPath,
				`{"version": 1, "conclusion": "Giao Phòng Kinh tế hoàn thiện báo cáo, trình trước 30/4/2023.", "presenter_id": null}`),
				http.StatusOK, "AgendaItem")
			if concluded.Version != 2 || concluded.Conclusion == "" {
				t.Errorf("concluded item = %+v", concluded)
			}
			apiErrorOf(t, w.drafter.call("PATCH", itemPath, `{"version": 1, "title": "Cũ"}`), http.StatusConflict, congtac.ECONFLICT)
			list := valid[apiList[apiAgendaItem]](t, w.s, w.rep.call("GET", path+"/agenda", ""), http.StatusOK, "AgendaItemList")
			if list.Total != 3 || list.Items[2].ID != item.ID {
				t.Errorf("agenda list = %+v", list)
			}
			if r := w.drafter.call("DELETE", itemPath+"?version=2", ""); r.status != http.StatusNoContent {
				t.Errorf("delete agenda item = %d %s", r.status, r.body)
			}
			apiErrorOf(t, w.drafter.call("GET", itemPath, ""), http.StatusNotFound, congtac.ENOTFOUND)

			// Moved to Monday 24/4: the default materials day moves to Monday 17/4.
			moved := valid[apiMeetingDetail](t, w.s, w.drafter.call("PATCH", path,
				fmt.Sprintf(`{"version": %d, "date": "2023-04-24", "start": null, "part": "afternoon"}`, m.Version)),
				http.StatusOK, "MeetingDetail")
			if moved.Date != "2023-04-24" || moved.Start != nil || deref(moved.Part) != "afternoon" ||
				deref(moved.Agenda[0].MaterialsDue) != "2023-04-17" {
				t.Errorf("moved meeting = %+v", moved)
			}
			apiErrorOf(t, w.drafter.call("PATCH", path, fmt.Sprintf(`{"version": %d, "title": "Cũ"}`, m.Version)),
				http.StatusConflict, congtac.ECONFLICT)
			noReason := apiErrorOf(t, w.drafter.call("PATCH", path, fmt.Sprintf(`{"version": %d, "status": "cancelled"}`,
				moved.Version)), http.StatusUnprocessableEntity, congtac.EINVALID)
			if noReason.Fields["note"] == "" {
				t.Errorf("cancelling without a reason: %+v", noReason)
			}
			postponed := valid[apiMeetingDetail](t, w.s, w.drafter.call("PATCH", path, fmt.Sprintf(
				`{"version": %d, "status": "postponed", "note": "Tạm hoãn do trùng lịch họp của Tỉnh ủy, có thông báo sau."}`,
				moved.Version)), http.StatusOK, "MeetingDetail")
			if postponed.Status != "postponed" || postponed.StatusLabel != "Tạm hoãn" {
				t.Errorf("postponed meeting = %+v", postponed)
			}
			for _, tc := range []struct{ body, field string }{
				{`{"version": 9, "date": "2023-02-30"}`, "date"},
				{`{"version": 9, "start": "25 giờ"}`, "start"},
				{`{"version": 9, "recurrence": "mỗi khi có việc"}`, "recurrence"},
				{`{"version": 9, "kind": "party"}`, "kind"},
			} {
				e := apiErrorOf(t, w.drafter.call("PATCH", path, tc.body), http.StatusUnprocessableEntity, congtac.EINVALID)
				if e.Fields[tc.field] == "" {
					t.Errorf("PATCH %s: fields %v, want %q named", tc.body, e.Fields, tc.field)
				}
			}

			briefing := valid[apiMeetingDetail](t, w.s, w.drafter.call("POST", "/api/v1/meetings", fmt.Sprintf(
				`{"org_id": %d, "kind": "briefing", "title": "Giao ban Chủ tịch, các Phó Chủ tịch UBND huyện",
				"date": "2023-04-06", "recurrence": "chiều thứ Năm hằng tuần"}`, w.committee.ID)), http.StatusCreated, "MeetingDetail")
			if deref(briefing.Recurrence) != "FREQ=WEEKLY;BYDAY=TH" || deref(briefing.Part) != "afternoon" {
				t.Errorf("briefing = %+v, want a weekly rule on Thursdays in the afternoon", briefing)
			}
			// One Thursday moved to the Friday morning, the next cancelled with its reason.
			series := fmt.Sprintf("/api/v1/meetings/%d", briefing.ID)
			apiErrorOf(t, w.drafter.call("PUT", series+"/sittings/2023-04-19", fmt.Sprintf(`{"version": %d}`,
				briefing.Version)), http.StatusUnprocessableEntity, congtac.EINVALID)
			shifted := valid[apiMeetingDetail](t, w.s, w.drafter.call("PUT", series+"/sittings/2023-04-20", fmt.Sprintf(
				`{"version": %d, "date": "2023-04-21", "start": "8h00", "note": "Chủ tịch dự hội nghị của Tỉnh ủy."}`,
				briefing.Version)), http.StatusOK, "MeetingDetail")
			series2 := valid[apiMeetingDetail](t, w.s, w.drafter.call("PUT", series+"/sittings/2023-04-27", fmt.Sprintf(
				`{"version": %d, "cancelled": true, "note": "Nghỉ lễ 30/4 - 1/5."}`, shifted.Version)), http.StatusOK, "MeetingDetail")
			if len(series2.Sittings) != 2 || series2.Sequence != briefing.Sequence+2 || deref(series2.Sittings[0].Start) != "08:00" {
				t.Errorf("series after two changes = %+v", series2)
			}
			cal := parseICS(t, as(t, w.s, w.srv, "chutich").get(fmt.Sprintf("/meetings/%d/files/hoi-nghi.ics", briefing.ID)))
			if evs := cal.Events(); len(evs) != 2 ||
				!strings.Contains(evs[0].Serialize(&ical.SerializationConfiguration{MaxLength: 1000, NewLine: "\n"}),
					"EXDATE;TZID=Asia/Ho_Chi_Minh:20230427T140000") ||
				evs[1].GetProperty(ical.ComponentPropertyRecurrenceId).Value != "20230420T140000" {
				t.Errorf("the series' calendar: %d events", len(evs))
			}
			// The committee's feed and the economy department's, read without a session.
			committeeFeed := valid[apiNewFeed](t, w.s, w.chair.call("POST", "/api/v1/feeds", fmt.Sprintf(
				`{"kind": "committee", "subject_id": %d, "name": "Lịch UBND huyện"}`, w.committee.ID)), http.StatusCreated, "NewFeed")
			orgFeed := valid[apiNewFeed](t, w.s, w.rep.call("POST", "/api/v1/feeds", fmt.Sprintf(
				`{"kind": "org", "subject_id": %d, "name": "Phòng Kinh tế"}`, w.economy.ID)), http.StatusCreated, "NewFeed")
			anonymous := func(path string) response {
				t.Helper()
				res, err := w.srv.Client().Get(w.srv.URL + path)
				if err != nil {
					t.Fatal(err)
				}
				defer res.Body.Close()
				var b strings.Builder
				io.Copy(&b, res.Body)
				return response{status: res.StatusCode, body: b.String(), header: res.Header}
			}
			feed := parseICS(t, anonymous(committeeFeed.URL))
			if n := len(feed.Events()); n != 3 { // the regular meeting, the series, its moved sitting
				t.Errorf("the committee's feed has %d events, want 3:\n%s", n, anonymous(committeeFeed.URL).body)
			}
			if body := anonymous(committeeFeed.URL).body; !strings.Contains(body, "EXDATE;TZID=Asia/Ho_Chi_Minh:20230427T140000") {
				t.Errorf("the committee's feed lacks the cancelled Thursday:\n%s", body)
			}
			if evs := parseICS(t, anonymous(orgFeed.URL)).Events(); len(evs) != 1 ||
				evs[0].GetProperty(ical.ComponentPropertySummary).Value != "HOÃN: Hội nghị UBND huyện thường kỳ tháng 4" {
				t.Errorf("the economy department's feed: %d events, want the postponed meeting whose matter it prepares", len(evs))
			}
			if list := valid[apiList[apiFeed]](t, w.s, w.rep.call("GET", "/api/v1/feeds", ""), http.StatusOK, "FeedList"); list.Total != 1 {
				t.Errorf("the reporter's feeds: %+v", list)
			}
			apiErrorOf(t, w.rep.call("DELETE", fmt.Sprintf("/api/v1/feeds/%d", committeeFeed.ID), ""), http.StatusNotFound, congtac.ENOTFOUND)
			if r := w.chair.call("DELETE", fmt.Sprintf("/api/v1/feeds/%d", committeeFeed.ID), ""); r.status != http.StatusNoContent {
				t.Errorf("revoke = %d %s", r.status, r.body)
			}
			for _, path := range []string{committeeFeed.URL, "/feeds/cf_khong-co.ics", strings.TrimSuffix(orgFeed.URL, ".ics")} {
				if r := anonymous(path); r.status != http.StatusNotFound {
					t.Errorf("GET %s = %d, want 404", path, r.status)
				}
			}

			restored := valid[apiMeetingDetail](t, w.s, w.drafter.call("DELETE", fmt.Sprintf("%s/sittings/2023-04-27?version=%d",
				series, series2.Version), ""), http.StatusOK, "MeetingDetail")
			if len(restored.Sittings) != 1 {
				t.Errorf("restored: %+v", restored.Sittings)
			}
			held := apiErrorOf(t, w.drafter.call("PATCH", fmt.Sprintf("/api/v1/meetings/%d", briefing.ID),
				fmt.Sprintf(`{"version": %d, "status": "held"}`, restored.Version)), http.StatusUnprocessableEntity, congtac.EINVALID)
			if held.Fields["status"] == "" {
				t.Errorf("marking a series held: %+v", held)
			}
		})
	}
}

// parseICS checks that r is an iCalendar download and parses it.
func parseICS(t *testing.T, r response) *ical.Calendar {
	t.Helper()
	if r.status != http.StatusOK || r.header.Get("Content-Type") != ctypeICS {
		t.Fatalf("calendar download = %d %s: %.300s", r.status, r.header.Get("Content-Type"), r.body)
	}
	cal, err := ical.ParseCalendar(strings.NewReader(r.body))
	if err != nil {
		t.Fatalf("parse the calendar: %v\n%s", err, r.body)
	}
	return cal
}
