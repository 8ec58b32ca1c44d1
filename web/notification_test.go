package web

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"
	"time"

	"congtac"
	"congtac/store/storetest"
)

// TestNotificationsInTheApplication: on both engines, a unit's reporter sees the count of
// its unread notifications in the header, lists them, opens one (read, and on to its record,
// never off the site) and marks the rest read; it cannot mark another's.
func TestNotificationsInTheApplication(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			w := newDraftWorldOn(t, e, time.Date(2023, 4, 20, 9, 0, 0, 0, congtac.Location()))
			unit, _ := w.st.FindUserByLogin(ctxb, "kinhte")
			office, _ := w.st.FindUserByLogin(ctxb, "vanphong")
			task := fmt.Sprintf("/tasks/%d", w.april.Tasks[0].ID)
			ns, err := w.st.Notify(ctxb, []congtac.Notification{
				{UserID: unit.ID, Kind: "task_due", Key: "a", Title: "Nhiệm vụ sắp đến hạn: Khởi công các công trình", Link: task},
				{UserID: unit.ID, Kind: "report_returned", Key: "b", Title: "Báo cáo bị trả lại", Link: "/reports"},
				{UserID: office.ID, Kind: "report_submitted", Key: "c", Title: "Báo cáo chờ tiếp nhận", Link: "/reports"},
			}, false)
			if err != nil || len(ns) != 3 {
				t.Fatalf("notify: %+v, %v", ns, err)
			}
			c := as(t, w.s, w.srv, "kinhte")
			assertContains(t, c.get("/").body, `aria-label="Thông báo: 2 chưa đọc"`)
			assertContains(t, c.get("/notifications").body, "2 thông báo chưa đọc.", "Nhiệm vụ sắp đến hạn: Khởi công các công trình")
			r := c.post("/notifications/read", url.Values{"id": {fmt.Sprint(ns[0].ID)}, "next": {task}})
			if r.status != http.StatusSeeOther || r.location != task {
				t.Errorf("open a notification: %d → %q, want %s", r.status, r.location, task)
			}
			if r := c.post("/notifications/read", url.Values{"id": {fmt.Sprint(ns[1].ID)}, "next": {"//evil.example/"}}); r.location != "/" {
				t.Errorf("a notification sent the reader to %q", r.location)
			}
			if r := c.post("/notifications/read", url.Values{"id": {fmt.Sprint(ns[2].ID)}}); r.status != http.StatusSeeOther {
				t.Errorf("another's notification: %d", r.status)
			}
			if n, _ := w.st.UnreadCount(ctxb, office.ID); n != 1 {
				t.Errorf("the office's notification was marked by the unit: %d unread", n)
			}
			if n, _ := w.st.UnreadCount(ctxb, unit.ID); n != 0 {
				t.Errorf("%d unread, want none", n)
			}
			assertLacks(t, c.get("/").body, "chưa đọc\"")
		})
	}
}
