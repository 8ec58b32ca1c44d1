package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"congtac"
	"congtac/store/storetest"
)

func TestOfficeFillsPublishesAndShowsTheWeek(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := newDemo(t, e)
			s, _ := newTestServer(t, st)
			srv := startServer(t, s)
			org := demoOrg(t, st, "Ủy ban nhân dân tỉnh Sơn Hà").ID
			next := congtac.PeriodOf(congtac.PeriodWeek, demoToday).Next().Next()
			form := url.Values{"org": {fmt.Sprint(org)}, "week": {next.Key()}}
			cvp := as(t, s, srv, "cvp")
			if r := cvp.get(fmt.Sprintf("/calendar?org=%d&week=%s", org, next.Key())); !strings.Contains(r.body, "Công bố lịch tuần") {
				t.Fatalf("the office's calendar page has no publish button: %d", r.status)
			}
			if r := as(t, s, srv, "xem").post("/calendar/publish", form); r.status != http.StatusForbidden {
				t.Errorf("a viewer publishes: %d, want 403", r.status)
			}
			if r := cvp.post("/calendar/generate", form); r.status != http.StatusSeeOther {
				t.Fatalf("generate: %d", r.status)
			}
			if r := cvp.post("/calendar/publish", form); r.status != http.StatusSeeOther {
				t.Fatalf("first publication: %d", r.status)
			}
			if r := cvp.post("/calendar/publish", form); r.status != http.StatusUnprocessableEntity {
				t.Errorf("a revision without its changes: %d, want 422", r.status)
			}
			form.Set("changes", "Bổ sung lịch tiếp công dân.\nHoãn giao ban.")
			if r := cvp.post("/calendar/publish", form); r.status != http.StatusSeeOther {
				t.Fatalf("revision: %d", r.status)
			}
			c, err := st.FindCalendar(ctxb, org, next)
			if err != nil || c.Revision != 1 || len(c.Changes) != 2 || c.Public {
				t.Fatalf("calendar after the revision: %+v, %v", c, err)
			}
			public := url.Values{"org": form["org"], "week": form["week"], "public": {"1"}}
			if r := cvp.post("/calendar/public", public); r.status != http.StatusSeeOther {
				t.Fatalf("make public: %d", r.status)
			}
			anon := newClient(t, srv)
			if r := anon.get(fmt.Sprintf("/public/calendar?org=%d&week=%s", org, next.Key())); r.status != http.StatusOK ||
				!strings.Contains(r.body, "Giao ban") {
				t.Errorf("the public calendar: %d", r.status)
			}
		})
	}
}
