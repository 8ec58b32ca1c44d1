package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"congtac"
	"congtac/store"
)

func TestAPIProgramShow(t *testing.T) {
	eachEngine(t, func(t *testing.T, st *store.Store, s *Server, srv *httptest.Server) {
		stc := demoOrg(t, st, "Sở Tài chính").ID
		admin, reporter := bearerClient(t, st, srv, "admin"), bearerClient(t, st, srv, "phongbaocao")
		year := lastMonth().Year
		list := getAs[apiList[apiProgram]](reporter, fmt.Sprintf("/api/v1/programs?year=%d&kind=month&status=issued&limit=1", year), http.StatusOK)
		if len(list.Items) != 1 || list.Items[0].Code == nil || list.Items[0].Period.Year != year {
			t.Fatalf("issued monthly programs of %d: %+v", year, list)
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
		week, month := congtac.PeriodOf(congtac.PeriodWeek, demoToday), lastMonth()
		briefings := getAs[apiList[apiMeeting]](c, fmt.Sprintf("/api/v1/meetings?kind=briefing&from=%s&to=%s", week.Start(), week.End()), http.StatusOK)
		if briefings.Total != 1 || briefings.Items[0].Recurrence == nil || briefings.Items[0].Kind != "briefing" {
			t.Errorf("briefings of this week: %+v, want the weekly briefing with its rule", briefings)
		}
		regular := getAs[apiList[apiMeeting]](c, fmt.Sprintf("/api/v1/meetings?kind=regular&from=%s&to=%s", month.Start(), month.End()), http.StatusOK)
		if regular.Total != 1 {
			t.Fatalf("regular meetings of %s: %d, want 1", month.Key(), regular.Total)
		}
		m := getAs[apiMeetingDetail](c, fmt.Sprint("/api/v1/meetings/", regular.Items[0].ID), http.StatusOK)
		if !strings.HasPrefix(m.Date, month.Key()+"-") || len(m.Agenda) == 0 || m.Agenda[0].Title == "" {
			t.Errorf("meeting %d on %s with %d agenda items, want in %s and an agenda", m.ID, m.Date, len(m.Agenda), month.Key())
		}

		cal := getAs[apiCalendar](c, "/api/v1/calendar", http.StatusOK)
		if cal.Week != week.Key() || cal.From != week.Start().String() || cal.To != week.End().String() || len(cal.Engagements) == 0 {
			t.Errorf("this week's calendar: %s %s–%s with %d entries, want %s", cal.Week, cal.From, cal.To, len(cal.Engagements), week.Key())
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
		if next := getAs[apiCalendar](c, "/api/v1/calendar?week="+week.Next().Next().Key(), http.StatusOK); next.Published || next.Revision != nil {
			t.Errorf("the week after next reads published %v revision %v, want unpublished", next.Published, next.Revision)
		}
		xa := demoOrg(t, st, "Xã Tân Phước").ID
		apiErrorOf(t, c.call("GET", fmt.Sprint("/api/v1/calendar?org=", xa), ""), http.StatusNotFound, congtac.ENOTFOUND)
		apiErrorOf(t, c.call("GET", "/api/v1/calendar?org=999999", ""), http.StatusNotFound, congtac.ENOTFOUND)
	})
}

// searchCount returns the count of kind in a search's answer, -1 when the kind is absent.
func searchCount(res apiSearch, kind string) int {
	for _, g := range res.Groups {
		if g.Kind == kind {
			return g.Count
		}
	}
	return -1
}

func TestAPISearchIsScoped(t *testing.T) {
	eachEngine(t, func(t *testing.T, st *store.Store, s *Server, srv *httptest.Server) {
		stc := demoOrg(t, st, "Sở Tài chính").ID
		admin := getAs[apiSearch](bearerClient(t, st, srv, "admin"), "/api/v1/search?q=THU&kind=task&limit=200", http.StatusOK)
		mine := getAs[apiSearch](bearerClient(t, st, srv, "phongbaocao"), "/api/v1/search?q=thu&kind=task&limit=200", http.StatusOK)
		if a, m := searchCount(admin, "task"), searchCount(mine, "task"); a <= 0 || m <= 0 || m >= a || len(admin.Groups) != 1 {
			t.Errorf("tasks found: admin %d, reporter %d; want some for both, fewer for the reporter (groups %v)", a, m, admin.Groups)
		}
		for _, h := range mine.Results {
			tasks, err := st.FindTasksByID(ctxb, []int64{h.ID})
			if err != nil || len(tasks) != 1 || h.Kind != "task" || h.URL != fmt.Sprintf("/tasks/%d", h.ID) {
				t.Fatalf("result %+v: %v", h, err)
			}
			if !apiTaskInvolves(newAPITask(tasks[0], s.today()), stc) {
				t.Errorf("the reporter finds task %d, which does not involve Sở Tài chính", h.ID)
			}
		}
		got := getAs[apiSearch](bearerClient(t, st, srv, "admin"), "/api/v1/search?q=ngan+sach", http.StatusOK)
		if searchCount(got, "task") <= 0 || len(got.Results) == 0 ||
			!strings.Contains(strings.ToLower(got.Results[0].Title), "ngân sách") || !strings.Contains(got.Results[0].Where, "Chủ trì") {
			t.Errorf("ngan sach finds %v, first %+v", got.Groups, got.Results)
		}
		perKind := map[string]int{}
		for _, h := range got.Results {
			perKind[h.Kind]++
		}
		for kind, n := range perKind {
			if n > apiSearchLimit {
				t.Errorf("%d results of %s, want at most %d", n, kind, apiSearchLimit)
			}
		}
		people := getAs[apiSearch](bearerClient(t, st, srv, "xabaocao"), "/api/v1/search?q=Mai&kind=person", http.StatusOK)
		if n := searchCount(people, "person"); n != 0 {
			t.Errorf("the commune's reporter finds %d people of Sở Tài chính", n)
		}
		mai := getAs[apiSearch](bearerClient(t, st, srv, "truongphong"), "/api/v1/search?q=Mai&kind=person", http.StatusOK)
		if n := searchCount(mai, "person"); n != 1 || len(mai.Results) != 1 || mai.Results[0].Title != "Ngô Thị Mai" ||
			mai.Results[0].Where != "Sở Tài chính" {
			t.Errorf("the head of Sở Tài chính finds %d people named Mai, want 1: %+v", n, mai.Results)
		}
		c := bearerClient(t, st, srv, "admin")
		for _, bad := range []string{"kind=nothing", "org=999999", "period=2026-13", "status=draft", "kind=org&status=draft"} {
			apiErrorOf(t, c.call("GET", "/api/v1/search?q=thu&"+bad, ""), http.StatusBadRequest, congtac.EINVALID)
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

		year := lastMonth().Year
		docs := getAs[apiList[apiDocument]](c, fmt.Sprintf("/api/v1/documents?year=%d&type=GM&limit=200", year), http.StatusOK)
		if docs.Total == 0 {
			t.Errorf("no invitation issued in %d", year)
		}
		for _, d := range docs.Items {
			if d.Type != "GM" || d.IssuedOn == nil || !strings.HasPrefix(*d.IssuedOn, fmt.Sprint(year, "-")) || !strings.HasSuffix(d.Code, "/GM-UBND") {
				t.Errorf("document %d: %s %s issued %v", d.ID, d.Type, d.Code, d.IssuedOn)
			}
		}

		events := getAs[apiList[apiAuditEvent]](c, fmt.Sprintf("/api/v1/audit?entity=report&from=%s&to=%s&limit=200", demoToday, demoToday), http.StatusOK)
		if events.Total == 0 {
			t.Error("no report event on the demo's last day")
		}
		// The day in Hà Nội, UTC+7, as the API writes instants.
		from := demoToday.In(congtac.Location(), 0, 0).UTC().Format(time.RFC3339)
		to := demoToday.AddDays(1).In(congtac.Location(), 0, 0).UTC().Format(time.RFC3339)
		for _, e := range events.Items {
			if e.Entity != "report" || e.At == nil || *e.At < from || *e.At >= to {
				t.Errorf("event %d: %s at %v, want a report event of %s in Hà Nội (%s to %s)", e.ID, e.Entity, e.At, demoToday, from, to)
			}
		}
	})
}
