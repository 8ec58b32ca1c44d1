package web

import (
	"fmt"
	"net/http"
	"slices"
	"testing"

	"congtac"
	"congtac/store/storetest"
)

// TestAPICalendarEntries: the office puts two engagements of the chairman on the same
// Thursday morning by hand: both are flagged as clashing; moving one to the afternoon
// clears it; cancelling keeps it on the week, marked; a reporter may read, not write.
func TestAPICalendarEntries(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			w := newDraftWorld(t, e)
			chairman, err := w.st.CreatePerson(ctxb, congtac.System, congtac.Person{FullName: "Nguyễn Văn An", OrgID: w.committee.ID})
			if err != nil {
				t.Fatal(err)
			}
			entry := func(title, start string) apiEngagement {
				t.Helper()
				return valid[apiEngagement](t, w.s, w.drafter.call("POST", "/api/v1/calendar/entries", fmt.Sprintf(
					`{"org_id": %d, "person_id": %d, "date": "2023-04-20", "start": %q, "title": %q,
					"place": "Xã Tân Sơn", "preparer_id": %d, "accompany": "Đ/c Lê Văn Bình, Phó Chánh Văn phòng"}`,
					w.committee.ID, chairman.ID, start, title, w.economy.ID)), http.StatusCreated, "Engagement")
			}
			visit := entry("Kiểm tra tiến độ dự án đường giao thông", "8 giờ")
			receive := entry("Tiếp công dân định kỳ", "sáng")
			if !slices.Equal(receive.Clashes, []int64{visit.ID}) || deref(receive.Part) != "morning" || receive.Start != nil {
				t.Errorf("second entry = %+v, want it flagged against %d", receive, visit.ID)
			}
			path := fmt.Sprintf("/api/v1/calendar/entries/%d", receive.ID)
			if got := valid[apiEngagement](t, w.s, w.rep.call("GET", fmt.Sprintf("/api/v1/calendar/entries/%d", visit.ID), ""),
				http.StatusOK, "Engagement"); !slices.Equal(got.Clashes, []int64{receive.ID}) || got.Accompany == "" {
				t.Errorf("the first entry read back = %+v", got)
			}
			apiErrorOf(t, w.rep.call("PATCH", path, `{"version": 1, "title": "X"}`), http.StatusForbidden, congtac.EFORBIDDEN)
			moved := valid[apiEngagement](t, w.s, w.drafter.call("PATCH", path, `{"version": 1, "start": "14h00"}`),
				http.StatusOK, "Engagement")
			if len(moved.Clashes) != 0 || deref(moved.Start) != "14:00" || moved.Version != 2 {
				t.Errorf("moved entry = %+v", moved)
			}
			apiErrorOf(t, w.drafter.call("PATCH", path, `{"version": 1, "title": "X"}`), http.StatusConflict, congtac.ECONFLICT)
			bad := apiErrorOf(t, w.drafter.call("PATCH", path, `{"version": 1, "date": "2023-02-29"}`),
				http.StatusUnprocessableEntity, congtac.EINVALID)
			if bad.Fields["date"] == "" {
				t.Errorf("an impossible date: %+v", bad)
			}
			cancelled := valid[apiEngagement](t, w.s, w.drafter.call("PATCH", path, `{"version": 2, "cancelled": true}`),
				http.StatusOK, "Engagement")
			cal := valid[apiCalendar](t, w.s, w.rep.call("GET", fmt.Sprintf("/api/v1/calendar?org=%d&week=2023-W16", w.committee.ID), ""),
				http.StatusOK, "Calendar")
			if !cancelled.Cancelled || len(cal.Engagements) != 2 || !cal.Engagements[1].Cancelled {
				t.Errorf("the week after cancelling: %+v", cal.Engagements)
			}
		})
	}
}
