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
			w := newDraftWorldOn(t, e, time.Date(2023, 4, 20, 9, 0, 0, 0, congtac.Location()))
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

// TestExplanations: on both engines, April's task is overdue on 5 May; the office asks the
// economy department to explain it on the task's page (a day already past refused with the
// form kept), the department sees the request on the list of overdue ones after its day
// and answers on the task's page; through the API the office asks again and the
// department answers; a reporter may not ask, another department's request is not shown.
func TestExplanations(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			w := newDraftWorld(t, e)
			now := time.Date(2023, 5, 5, 9, 0, 0, 0, congtac.Location())
			clock := func() time.Time { return now }
			w.st.SetClock(clock)
			w.s.cfg.Now = clock
			task := w.april.Tasks[0]
			page := fmt.Sprintf("/tasks/%d", task.ID)
			office := as(t, w.s, w.srv, "vanphong")
			assertContains(t, office.get(page).body, `action="`+page+`/explanations"`)
			ask := url.Values{"org": {fmt.Sprint(w.economy.ID)}, "question": {"Đề nghị giải trình lý do chậm khởi công."}, "due": {"2023-05-01"}}
			r := office.post(page+"/explanations", ask)
			wantStatus(t, "an explanation due before it is asked", r, http.StatusUnprocessableEntity)
			assertContains(t, r.body, "Hạn giải trình không được trước ngày yêu cầu.", "Đề nghị giải trình lý do chậm khởi công.")
			ask.Set("due", "2023-05-10")
			if r := office.post(page+"/explanations", ask); r.status != http.StatusSeeOther {
				t.Fatalf("ask: %d %s", r.status, mainExcerpt(r.body))
			}
			if r := as(t, w.s, w.srv, "kinhte").post(page+"/explanations", ask); r.status != http.StatusForbidden {
				t.Errorf("a reporter asks: %d, want 403", r.status)
			}

			now = time.Date(2023, 5, 11, 9, 0, 0, 0, congtac.Location())
			unit := as(t, w.s, w.srv, "kinhte")
			list := unit.get("/explanations").body
			assertContains(t, list, "Quá hạn giải trình", "Khởi công các công trình đường giao thông", "10/5/2023")
			asked, _, _ := w.st.FindExplanations(ctxb, congtac.ExplanationFilter{TaskID: &task.ID})
			if len(asked) != 1 {
				t.Fatalf("requests: %+v", asked)
			}
			answerAt := fmt.Sprintf("/explanations/%d", asked[0].ID)
			assertContains(t, unit.get(page).body, `action="`+answerAt+`"`)
			wantStatus(t, "an empty answer", unit.post(answerAt, url.Values{"version": {"1"}, "answer": {" "}}), http.StatusUnprocessableEntity)
			if r := unit.post(answerAt, url.Values{"version": {"1"}, "answer": {"Do mưa kéo dài, nhà thầu chưa thi công được."}}); r.status != http.StatusSeeOther {
				t.Fatalf("answer: %d %s", r.status, mainExcerpt(r.body))
			}
			office = as(t, w.s, w.srv, "vanphong") // six days later: a new session
			assertContains(t, office.get(page).body, "Đã giải trình", "Do mưa kéo dài, nhà thầu chưa thi công được.")

			apiErrorOf(t, w.rep.call("POST", "/api/v1/explanations", fmt.Sprintf(
				`{"task_id": %d, "org_id": %d, "question": "Lần hai.", "due": "2023-05-20"}`, task.ID, w.economy.ID)),
				http.StatusForbidden, congtac.EFORBIDDEN)
			second := valid[apiExplanation](t, w.s, w.drafter.call("POST", "/api/v1/explanations", fmt.Sprintf(
				`{"task_id": %d, "org_id": %d, "question": "Đề nghị báo cáo tiến độ mới.", "due": "2023-05-20"}`, task.ID, w.economy.ID)),
				http.StatusCreated, "Explanation")
			if second.State != string(congtac.ExplanationOpen) {
				t.Errorf("second request = %+v", second)
			}
			answered := valid[apiExplanation](t, w.s, w.rep.call("PATCH", fmt.Sprintf("/api/v1/explanations/%d", second.ID),
				`{"version": 1, "answer": "Sẽ khởi công ngày 15/5."}`), http.StatusOK, "Explanation")
			if answered.State != string(congtac.ExplanationAnswered) || answered.AnsweredOn == nil || *answered.AnsweredOn != "2023-05-11" {
				t.Errorf("answered = %+v", answered)
			}
			open := valid[apiList[apiExplanation]](t, w.s, w.chair.call("GET", fmt.Sprintf("/api/v1/explanations?task=%d&state=answered", task.ID), ""),
				http.StatusOK, "ExplanationList")
			if open.Total != 2 {
				t.Errorf("answered requests: %+v", open)
			}
			mustUser(t, w.st, "vanhoa", congtac.RoleReporter, w.culture.ID)
			if r := bearerClient(t, w.st, w.srv, "vanhoa").call("GET", fmt.Sprintf("/api/v1/explanations/%d", second.ID), ""); r.status != http.StatusNotFound {
				t.Errorf("another department reads the request: %d, want 404", r.status)
			}
		})
	}
}
