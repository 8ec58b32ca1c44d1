package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"congtac"
	"congtac/store"
)

func TestAPIProgramShow(t *testing.T) {
	eachEngine(t, func(t *testing.T, st *store.Store, s *Server, srv *httptest.Server) {
		stc := demoOrg(t, st, "Sở Tài chính").ID
		admin, reporter := bearerClient(t, st, srv, "admin"), bearerClient(t, st, srv, "phongbaocao")
		list := getAs[apiList[apiProgram]](reporter, "/api/v1/programs?year=2026&kind=month&status=issued&limit=1", http.StatusOK)
		if len(list.Items) != 1 || list.Items[0].Code == nil || list.Items[0].Period.Year != 2026 {
			t.Fatalf("issued monthly programs of 2026: %+v", list)
		}
		path := fmt.Sprint("/api/v1/programs/", list.Items[0].ID)
		all := getAs[apiProgramDetail](admin, path, http.StatusOK)
		mine := getAs[apiProgramDetail](reporter, path, http.StatusOK)
		if len(all.Items) == 0 || all.Items[0].Label == "" || len(mine.Items) != len(all.Items) {
			t.Errorf("items: admin %d (first labelled %q), reporter %d; want the same labelled items", len(all.Items),
				all.Items[0].Label, len(mine.Items))
		}
		if len(mine.Tasks) == 0 || len(mine.Tasks) >= len(all.Tasks) {
			t.Errorf("tasks: reporter %d, admin %d; want the reporter's fewer and some", len(mine.Tasks), len(all.Tasks))
		}
		for _, task := range mine.Tasks {
			if !apiTaskInvolves(task, stc) {
				t.Errorf("program shows the reporter task %d, which does not involve Sở Tài chính", task.ID)
			}
		}
		if all.Signature.Name == "" || len(all.Recipients) == 0 {
			t.Errorf("issued program without signer or recipients: %+v %v", all.Signature, all.Recipients)
		}
	})
}

func TestAPIMeetingsAndCalendar(t *testing.T) {
	eachEngine(t, func(t *testing.T, st *store.Store, s *Server, srv *httptest.Server) {
		c := bearerClient(t, st, srv, "phongbaocao")
		briefings := getAs[apiList[apiMeeting]](c, "/api/v1/meetings?kind=briefing&from=2026-11-23&to=2026-11-29", http.StatusOK)
		if briefings.Total != 1 || briefings.Items[0].Recurrence == nil || briefings.Items[0].Kind != "briefing" {
			t.Errorf("briefings of week 48: %+v, want the weekly briefing with its rule", briefings)
		}
		regular := getAs[apiList[apiMeeting]](c, "/api/v1/meetings?kind=regular&from=2026-11-01&to=2026-11-30", http.StatusOK)
		if regular.Total != 1 {
			t.Fatalf("regular meetings of November 2026: %d, want 1", regular.Total)
		}
		m := getAs[apiMeetingDetail](c, fmt.Sprint("/api/v1/meetings/", regular.Items[0].ID), http.StatusOK)
		if !strings.HasPrefix(m.Date, "2026-11-") || len(m.Agenda) == 0 || m.Agenda[0].Title == "" {
			t.Errorf("meeting %d on %s with %d agenda items, want November and an agenda", m.ID, m.Date, len(m.Agenda))
		}

		cal := getAs[apiCalendar](c, "/api/v1/calendar", http.StatusOK)
		if cal.Week != "2026-W48" || cal.From != "2026-11-23" || cal.To != "2026-11-29" || len(cal.Engagements) == 0 {
			t.Errorf("this week's calendar: %s %s–%s with %d entries", cal.Week, cal.From, cal.To, len(cal.Engagements))
		}
		committee := demoOrg(t, st, "Ủy ban nhân dân tỉnh Sơn Hà").ID
		if cal.OrgID != committee || !cal.Published || cal.Revision == nil {
			t.Errorf("calendar of org %d published %v revision %v, want the committee's, published", cal.OrgID, cal.Published, cal.Revision)
		}
		for _, e := range cal.Engagements {
			if e.Date < cal.From || e.Date > cal.To {
				t.Errorf("entry %d on %s outside the week", e.ID, e.Date)
			}
		}
		if next := getAs[apiCalendar](c, "/api/v1/calendar?week=2026-W50", http.StatusOK); next.Published || next.Revision != nil {
			t.Errorf("week 50 reads published %v revision %v, want unpublished", next.Published, next.Revision)
		}
		xa := demoOrg(t, st, "Xã Tân Phước").ID
		apiErrorOf(t, c.call("GET", fmt.Sprint("/api/v1/calendar?org=", xa), ""), http.StatusNotFound, congtac.ENOTFOUND)
		apiErrorOf(t, c.call("GET", "/api/v1/calendar?org=999999", ""), http.StatusNotFound, congtac.ENOTFOUND)
	})
}

func TestAPISearchIsScoped(t *testing.T) {
	eachEngine(t, func(t *testing.T, st *store.Store, s *Server, srv *httptest.Server) {
		stc := demoOrg(t, st, "Sở Tài chính").ID
		admin := getAs[apiSearch](bearerClient(t, st, srv, "admin"), "/api/v1/search?q=THU&limit=200", http.StatusOK)
		mine := getAs[apiSearch](bearerClient(t, st, srv, "phongbaocao"), "/api/v1/search?q=thu&limit=200", http.StatusOK)
		if admin.Tasks.Total == 0 || mine.Tasks.Total == 0 || mine.Tasks.Total >= admin.Tasks.Total {
			t.Errorf("tasks found: admin %d, reporter %d; want some for both, fewer for the reporter",
				admin.Tasks.Total, mine.Tasks.Total)
		}
		for _, task := range mine.Tasks.Items {
			if !apiTaskInvolves(task, stc) {
				t.Errorf("the reporter finds task %d, which does not involve Sở Tài chính", task.ID)
			}
		}
		if got := getAs[apiSearch](bearerClient(t, st, srv, "admin"), "/api/v1/search?q=ngan+sach", http.StatusOK); got.Tasks.Total == 0 ||
			!strings.Contains(strings.ToLower(got.Tasks.Items[0].Text), "ngân sách") || len(got.Tasks.Items) > apiSearchLimit {
			t.Errorf("ngan sach finds %d tasks, %d shown", got.Tasks.Total, len(got.Tasks.Items))
		}
		people := getAs[apiSearch](bearerClient(t, st, srv, "xabaocao"), "/api/v1/search?q=Mai", http.StatusOK)
		if people.People.Total != 0 {
			t.Errorf("the commune's reporter finds %d people of Sở Tài chính", people.People.Total)
		}
		if got := getAs[apiSearch](bearerClient(t, st, srv, "truongphong"), "/api/v1/search?q=Mai", http.StatusOK); got.People.Total != 1 {
			t.Errorf("the head of Sở Tài chính finds %d people named Mai, want 1", got.People.Total)
		}
	})
}

func TestAPICatalogDocumentsAudit(t *testing.T) {
	eachEngine(t, func(t *testing.T, st *store.Store, s *Server, srv *httptest.Server) {
		stc := demoOrg(t, st, "Sở Tài chính").ID
		c := bearerClient(t, st, srv, "admin")
		communes := getAs[apiList[apiOrg]](c, "/api/v1/orgs?kind=commune", http.StatusOK)
		if communes.Total != 15 {
			t.Errorf("%d communes, want 15", communes.Total)
		}
		people := getAs[apiList[apiPerson]](c, fmt.Sprint("/api/v1/people?org=", stc), http.StatusOK)
		if people.Total != 2 || len(people.Items[0].Posts) == 0 || *people.Items[0].OrgID != stc {
			t.Errorf("people of Sở Tài chính: %+v, want 2 with their posts", people)
		}

		docs := getAs[apiList[apiDocument]](c, "/api/v1/documents?year=2026&type=GM&limit=200", http.StatusOK)
		if docs.Total == 0 {
			t.Error("no invitation issued in 2026")
		}
		for _, d := range docs.Items {
			if d.Type != "GM" || d.IssuedOn == nil || !strings.HasPrefix(*d.IssuedOn, "2026-") || !strings.HasSuffix(d.Code, "/GM-UBND") {
				t.Errorf("document %d: %s %s issued %v", d.ID, d.Type, d.Code, d.IssuedOn)
			}
		}

		events := getAs[apiList[apiAuditEvent]](c, "/api/v1/audit?entity=report&from=2026-11-27&to=2026-11-27&limit=200", http.StatusOK)
		if events.Total == 0 {
			t.Error("no report event on the demo's last day")
		}
		for _, e := range events.Items {
			if e.Entity != "report" || e.At == nil || *e.At < "2026-11-26T17:00:00Z" || *e.At >= "2026-11-27T17:00:00Z" {
				t.Errorf("event %d: %s at %v, want a report event of 27/11/2026 in Hà Nội", e.ID, e.Entity, e.At)
			}
		}
	})
}
