package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"congtac"
	"congtac/store/storetest"
)

// TestTaskActions: on both engines, the office defers April's task through the API with the
// chairman's approval (a repeating phrase refused), reads its deferrals back, records its
// completion on the task's page (a day to come refused with the form kept, a stale version
// shown as a conflict), sees who recorded it, reopens it with a reason, cancels and reopens
// it through the API; a reporter may do none of it.
func TestTaskActions(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			w := newDraftWorld(t, e)
			now := time.Date(2023, 4, 20, 9, 0, 0, 0, congtac.Location())
			w.st.SetClock(func() time.Time { return now })
			w.s.cfg.Now = func() time.Time { return now }
			chair, err := w.st.CreatePerson(ctxb, congtac.System, congtac.Person{FullName: "Nguyễn Văn Giang", OrgID: w.committee.ID})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := w.st.CreatePost(ctxb, congtac.System, congtac.Post{PersonID: chair.ID, OrgID: w.committee.ID,
				Kind: congtac.PostChairman, From: congtac.MustDate(2021, 6, 1)}); err != nil {
				t.Fatal(err)
			}
			task := w.april.Tasks[0]
			api := fmt.Sprintf("/api/v1/tasks/%d/", task.ID)
			page := fmt.Sprintf("/tasks/%d", task.ID)

			apiErrorOf(t, w.rep.call("POST", api+"deferrals", `{"version": 1, "to": {"text": "trong tháng 5/2023"}, "reason": "Chờ vốn"}`),
				http.StatusForbidden, congtac.EFORBIDDEN)
			apiErrorOf(t, w.drafter.call("POST", api+"deferrals", `{"version": 1, "to": {"text": "hằng tháng"}, "reason": "Chờ vốn"}`),
				http.StatusUnprocessableEntity, congtac.EINVALID)
			apiErrorOf(t, w.drafter.call("POST", api+"deferrals", `{"version": 7, "to": {"text": "trong tháng 5/2023"}, "reason": "Chờ vốn"}`),
				http.StatusConflict, congtac.ECONFLICT)
			deferred := valid[apiTask](t, w.s, w.drafter.call("POST", api+"deferrals", fmt.Sprintf(
				`{"version": 1, "to": {"text": "trong tháng 5/2023"}, "reason": "Chờ bố trí vốn.", "approved_by": %d}`, chair.ID)),
				http.StatusOK, "Task")
			if deferred.Deferral == nil || deferred.Deferral.To.Date == nil || *deferred.Deferral.To.Date != "2023-05-31" || deferred.Deferral.ApprovedBy == nil || *deferred.Deferral.ApprovedBy != chair.ID {
				t.Fatalf("deferred = %+v %+v", deferred.Deferral, deferred.Deferral.To)
			}
			detail := valid[apiTaskDetail](t, w.s, w.drafter.call("GET", strings.TrimSuffix(api, "/"), ""), http.StatusOK, "TaskDetail")
			if len(detail.Deferrals) != 1 || detail.Deferrals[0].Reason != "Chờ bố trí vốn." {
				t.Errorf("deferrals read back: %+v", detail.Deferrals)
			}

			office := as(t, w.s, w.srv, "vanphong")
			shown := office.get(page).body
			assertContains(t, shown, "Theo dõi thực hiện", "Ghi nhận hoàn thành", "Các lần giãn tiến độ", "Chờ bố trí vốn.",
				"Nguyễn Văn Giang</td>", `action="`+page+`/cancellation"`)
			assertLacks(t, as(t, w.s, w.srv, "kinhte").get(page).body, "Theo dõi thực hiện")
			if r := as(t, w.s, w.srv, "kinhte").post(page+"/completion", url.Values{"version": {"2"}, "done_on": {"2023-04-19"}}); r.status != http.StatusForbidden {
				t.Errorf("a reporter records a completion: %d, want 403", r.status)
			}
			r := office.post(page+"/completion", url.Values{"version": {"2"}, "done_on": {"2023-04-25"}})
			wantStatus(t, "a completion to come", r, http.StatusUnprocessableEntity)
			assertContains(t, r.body, "Ngày hoàn thành không được sau hôm nay.", `value="2023-04-25"`)
			r = office.post(page+"/completion", url.Values{"version": {"1"}, "done_on": {"2023-04-19"}})
			wantStatus(t, "a stale version", r, http.StatusConflict)
			assertContains(t, r.body, "2023-04-19")
			if r := office.post(page+"/completion", url.Values{"version": {"2"}, "done_on": {"2023-04-19"}}); r.status != http.StatusSeeOther {
				t.Fatalf("record the completion: %d %s", r.status, mainExcerpt(r.body))
			}
			shown = office.get(page).body
			assertContains(t, shown, "Đã ghi nhận hoàn thành.", "hoàn thành ngày 19/4/2023; ghi nhận: vanphong", `action="`+page+`/reopen"`)
			assertLacks(t, shown, `action="`+page+`/cancellation"`)
			wantStatus(t, "a reopening without reason", office.post(page+"/reopen", url.Values{"version": {"3"}}), http.StatusUnprocessableEntity)
			if r := office.post(page+"/reopen", url.Values{"version": {"3"}, "reason": {"Còn gói thầu số 2 chưa khởi công."}}); r.status != http.StatusSeeOther {
				t.Fatalf("reopen: %d %s", r.status, mainExcerpt(r.body))
			}
			if got, _ := w.st.FindTaskByID(ctxb, task.ID); !got.DoneOn.IsZero() || got.Version != 4 {
				t.Errorf("reopened: done %s, version %d", got.DoneOn, got.Version)
			}
			cancelled := valid[apiTask](t, w.s, w.drafter.call("POST", api+"cancellation", `{"version": 4, "reason": "Dự án dừng."}`),
				http.StatusOK, "Task")
			if cancelled.Cancellation == nil || cancelled.Status != string(congtac.StatusCancelled) {
				t.Errorf("cancelled = %+v %s", cancelled.Cancellation, cancelled.Status)
			}
			apiErrorOf(t, w.drafter.call("POST", api+"deferrals", `{"version": 5, "to": {"text": "trong tháng 6/2023"}, "reason": "x"}`),
				http.StatusUnprocessableEntity, congtac.EINVALID)
			reopened := valid[apiTask](t, w.s, w.drafter.call("POST", api+"reopen", `{"version": 5, "reason": "Dự án được bố trí lại vốn."}`),
				http.StatusOK, "Task")
			if reopened.Cancellation != nil || reopened.Deferral == nil {
				t.Errorf("reopened = cancellation %+v, deferral %+v (the deferral stays)", reopened.Cancellation, reopened.Deferral)
			}
		})
	}
}
