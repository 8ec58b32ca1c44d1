package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
	"congtac/vn"
)

// openTaskLedBy returns a one-off task of an issued program, led by org, that is being
// carried out on demoToday: one in progress when there is one, else an overdue one (on the
// last days of a month the demo's units have finished the month's work).
func openTaskLedBy(t *testing.T, st *store.Store, org int64) congtac.Task {
	t.Helper()
	tasks, _, err := st.FindTasks(ctxb, congtac.TaskFilter{Lead: &org, Open: true, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var overdue []congtac.Task
	for _, task := range tasks {
		if p, err := st.FindProgramByID(ctxb, task.ProgramID); err != nil || p.Status != congtac.ProgramIssued || task.Recurrence != nil {
			continue
		}
		switch task.Status(demoToday) {
		case congtac.StatusInProgress:
			return task
		case congtac.StatusOverdue:
			overdue = append(overdue, task)
		}
	}
	if len(overdue) == 0 {
		t.Fatalf("no open one-off task led by org %d", org)
	}
	return overdue[0]
}

// TestAPIReportCycle writes, corrects, submits and accepts a report of 100% through the API
// and finds the task done.
func TestAPIReportCycle(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := newDemo(t, e)
			s, _ := newTestServer(t, st)
			srv := startServer(t, s)
			stc := demoOrg(t, st, "Sở Tài chính").ID
			task := openTaskLedBy(t, st, stc)
			reporter, office := bearerClient(t, st, srv, "phongbaocao"), bearerClient(t, st, srv, "cvp")
			taskPath := fmt.Sprint("/api/v1/tasks/", task.ID)
			before, after := congtac.StatusInProgress, congtac.StatusDoneOnTime
			if task.Due.Date.Before(demoToday) {
				before, after = congtac.StatusOverdue, congtac.StatusDoneLate
			}
			if got := getAs[apiTaskDetail](office, taskPath, http.StatusOK); got.Status != string(before) {
				t.Fatalf("task due %s before the report: %s, want %s", task.Due.Date, got.Status, before)
			}

			body := fmt.Sprintf(`{"task_id": %d, "org_id": %d, "text": "Đã giải ngân đạt 65%% kế hoạch vốn.",
				"percent": 100, "value": 65, "done_on": %q}`, task.ID, stc, demoToday)
			r := reporter.call("POST", "/api/v1/reports", body)
			rep := decodeAs[apiReport](t, r, http.StatusCreated)
			path := fmt.Sprint("/api/v1/reports/", rep.ID)
			if r.location != path || rep.Status != "draft" || rep.Version != 1 || rep.Value == nil || *rep.Value != 65 {
				t.Fatalf("created %+v at %q, want a draft of version 1 with value 65 at %s", rep, r.location, path)
			}

			rep = decodeAs[apiReport](t, reporter.call("PATCH", path, `{"version": 1, "text": "Đã giải ngân đạt 66% kế hoạch vốn."}`), http.StatusOK)
			if rep.Version != 2 || rep.Text != "Đã giải ngân đạt 66% kế hoạch vốn." || rep.Percent != 100 || rep.Value == nil {
				t.Errorf("after PATCH of the text: %+v; want version 2, new text, percent and value kept", rep)
			}
			apiErrorOf(t, reporter.call("PATCH", path, `{"version": 1, "text": "Cũ"}`), http.StatusConflict, congtac.ECONFLICT)
			rep = decodeAs[apiReport](t, reporter.call("PATCH", path, `{"version": 2, "value": null}`), http.StatusOK)
			if rep.Value != nil || rep.Version != 3 || rep.DoneOn == nil {
				t.Errorf("after PATCH value null: %+v; want no value, version 3, done_on kept", rep)
			}

			rep = decodeAs[apiReport](t, reporter.call("POST", path+"/submit", `{"version": 3}`), http.StatusOK)
			if rep.Status != "submitted" || rep.SubmittedAt == nil {
				t.Fatalf("after submit: %+v", rep)
			}
			apiErrorOf(t, reporter.call("PATCH", path, `{"version": 4, "text": "Sửa sau khi gửi"}`), http.StatusUnprocessableEntity, congtac.EINVALID)
			e := apiErrorOf(t, office.call("POST", path+"/review", `{"version": 4, "action": "return"}`),
				http.StatusUnprocessableEntity, congtac.EINVALID)
			if e.Fields["note"] == "" {
				t.Errorf("return without a note: fields %v, want note named", e.Fields)
			}
			rep = decodeAs[apiReport](t, office.call("POST", path+"/review", `{"version": 4, "action": "accept"}`), http.StatusOK)
			if rep.Status != "accepted" || rep.ReviewedAt == nil {
				t.Fatalf("after accept: %+v", rep)
			}

			got := getAs[apiTaskDetail](reporter, taskPath, http.StatusOK)
			if got.Status != string(after) || got.DoneOn == nil || *got.DoneOn != demoToday.String() {
				t.Errorf("task after the accepted report: status %s done on %v, want %s today", got.Status, got.DoneOn, after)
			}

			body = fmt.Sprintf(`{"task_id": %d, "org_id": %d, "text": "Bổ sung số liệu.", "percent": 100,
				"done_on": %q, "submit": true}`, task.ID, stc, demoToday)
			rep = decodeAs[apiReport](t, reporter.call("POST", "/api/v1/reports", body), http.StatusCreated)
			if rep.Status != "submitted" || rep.SubmittedAt == nil {
				t.Errorf("report sent at once: %+v, want submitted", rep)
			}
		})
	}
}

// TestAPIReportsOfAnotherOrg: a reporter of Sở Tài chính can neither read nor change a report
// of Xã Tân Phước, nor report on the commune's task or for the commune.
func TestAPIReportsOfAnotherOrg(t *testing.T) {
	eachEngine(t, func(t *testing.T, st *store.Store, s *Server, srv *httptest.Server) {
		stc, xa := demoOrg(t, st, "Sở Tài chính").ID, demoOrg(t, st, "Xã Tân Phước").ID
		reports, _, err := st.FindReports(ctxb, congtac.ReportFilter{OrgID: &xa, Limit: 1})
		if err != nil || len(reports) == 0 {
			t.Fatalf("no report of Xã Tân Phước: %v", err)
		}
		rep := reports[0]
		path := fmt.Sprint("/api/v1/reports/", rep.ID)
		c := bearerClient(t, st, srv, "phongbaocao")
		apiErrorOf(t, c.call("GET", path, ""), http.StatusNotFound, congtac.ENOTFOUND)
		version := fmt.Sprintf(`{"version": %d}`, rep.Version)
		apiErrorOf(t, c.call("PATCH", path, fmt.Sprintf(`{"version": %d, "text": "Ghi đè"}`, rep.Version)),
			http.StatusNotFound, congtac.ENOTFOUND)
		apiErrorOf(t, c.call("POST", path+"/submit", version), http.StatusNotFound, congtac.ENOTFOUND)
		if xabaocao := bearerClient(t, st, srv, "xabaocao"); xabaocao.call("GET", path, "").status != http.StatusOK {
			t.Errorf("the commune's own reporter cannot read report %d", rep.ID)
		}

		communeTask := openTaskLedBy(t, st, xa)
		for _, org := range []int64{stc, xa} {
			body := fmt.Sprintf(`{"task_id": %d, "org_id": %d, "text": "Báo cáo thay"}`, communeTask.ID, org)
			e := apiErrorOf(t, c.call("POST", "/api/v1/reports", body), http.StatusNotFound, congtac.ENOTFOUND)
			if e.Fields["task_id"] == "" {
				t.Errorf("report on the commune's task for org %d: fields %v, want task_id named", org, e.Fields)
			}
		}
		own := openTaskLedBy(t, st, stc)
		body := fmt.Sprintf(`{"task_id": %d, "org_id": %d, "text": "Báo cáo thay xã"}`, own.ID, xa)
		apiErrorOf(t, c.call("POST", "/api/v1/reports", body), http.StatusForbidden, congtac.EFORBIDDEN)
		after, _ := st.FindReportByID(ctxb, rep.ID)
		if after.Version != rep.Version || after.Text != rep.Text {
			t.Errorf("report %d changed: %+v", rep.ID, after)
		}
	})
}

// TestAPIBadBodies: every malformed body gets a JSON error with the right status, and the
// field at fault named where there is one.
func TestAPIBadBodies(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) { testAPIBadBodies(t, newDemo(t, e)) })
	}
}

func testAPIBadBodies(t *testing.T, st *store.Store) {
	s, _ := newTestServer(t, st)
	srv := startServer(t, s)
	stc := demoOrg(t, st, "Sở Tài chính").ID
	task := openTaskLedBy(t, st, stc)
	valid := fmt.Sprintf(`"task_id": %d, "org_id": %d, "text": "Nội dung"`, task.ID, stc)
	c := bearerClient(t, st, srv, "phongbaocao")
	created := decodeAs[apiReport](t, c.call("POST", "/api/v1/reports", `{`+valid+`}`), http.StatusCreated)
	draft := fmt.Sprint("/api/v1/reports/", created.ID)
	for _, tt := range []struct {
		method, path, contentType, body string
		status                          int
		field                           string
	}{
		{"POST", "/api/v1/reports", "text/plain", `{` + valid + `}`, http.StatusUnsupportedMediaType, ""},
		{"POST", "/api/v1/reports", "", `{` + valid + `}`, http.StatusUnsupportedMediaType, ""},
		{"POST", "/api/v1/reports", "application/json", ``, http.StatusBadRequest, ""},
		{"POST", "/api/v1/reports", "application/json", `{"task_id": `, http.StatusBadRequest, ""},
		{"POST", "/api/v1/reports", "application/json", `{` + valid + `} {}`, http.StatusBadRequest, ""},
		{"POST", "/api/v1/reports", "application/json", `[1, 2]`, http.StatusBadRequest, ""},
		{"POST", "/api/v1/reports", "application/json", `{"task_id": "một"}`, http.StatusUnprocessableEntity, "task_id"},
		{"POST", "/api/v1/reports", "application/json", `{"khong_co": 1}`, http.StatusUnprocessableEntity, "khong_co"},
		{"POST", "/api/v1/reports", "application/json", `{}`, http.StatusUnprocessableEntity, "org_id"},
		{"POST", "/api/v1/reports", "application/json; charset=utf-8", `{` + valid + `, "percent": 100}`, http.StatusUnprocessableEntity, "done_on"},
		{"POST", "/api/v1/reports", "application/json", `{` + valid + `, "done_on": "` + vn.PaddedDate(demoToday) + `"}`, http.StatusUnprocessableEntity, "done_on"},
		{"POST", "/api/v1/reports", "application/json", `{` + valid + `, "percent": 140}`, http.StatusUnprocessableEntity, "percent"},
		{"PATCH", draft, "application/json", `{"text": "Thiếu phiên bản"}`, http.StatusUnprocessableEntity, "version"},
		{"PATCH", draft, "application/json", `{"version": 1, "percent": "abc"}`, http.StatusUnprocessableEntity, "percent"},
		{"PATCH", draft, "application/json", `{"version": 1, "khac": 2}`, http.StatusUnprocessableEntity, "khac"},
		{"PATCH", draft, "application/json", `{"version": 1, "done_on": "hôm nay"}`, http.StatusUnprocessableEntity, "done_on"},
		{"POST", draft + "/submit", "application/json", `{}`, http.StatusUnprocessableEntity, "version"},
		{"POST", "/api/v1/tokens", "application/json", `{"name": "  "}`, http.StatusUnprocessableEntity, "name"},
	} {
		h := http.Header{}
		if tt.contentType != "" {
			h.Set("Content-Type", tt.contentType)
		}
		r := c.callWith(tt.method, tt.path, tt.body, h)
		e := apiErrorOf(t, r, tt.status, congtac.EINVALID)
		if tt.field != "" && e.Fields[tt.field] == "" {
			t.Errorf("%s %s %s: fields %v, want %q named", tt.method, tt.path, tt.body, e.Fields, tt.field)
		}
	}
	office := bearerClient(t, st, srv, "cvp")
	e := apiErrorOf(t, office.call("POST", draft+"/review", `{"version": 1, "action": "xoa"}`),
		http.StatusUnprocessableEntity, congtac.EINVALID)
	if e.Fields["action"] == "" {
		t.Errorf("review with a bad action: fields %v, want action named", e.Fields)
	}
	if after, _ := st.FindReportByID(ctxb, created.ID); after.Version != created.Version {
		t.Errorf("a refused body changed report %d", after.ID)
	}
}

func TestAPITokens(t *testing.T) {
	eachEngine(t, func(t *testing.T, st *store.Store, s *Server, srv *httptest.Server) {
		c := bearerClient(t, st, srv, "truongphong")
		created := decodeAs[apiNewToken](t, c.call("POST", "/api/v1/tokens", `{"name": "Bảng tính tổng hợp"}`), http.StatusCreated)
		if !strings.HasPrefix(created.Token, "ct_") || created.Name != "Bảng tính tổng hợp" || !created.Active {
			t.Fatalf("created %+v, want an active token ct_… named as asked", created)
		}
		fresh := &apiClient{t: t, base: srv.URL, header: http.Header{"Authorization": {"Bearer " + created.Token}}}
		if me := getAs[apiMe](fresh, "/api/v1/me", http.StatusOK); me.Login != "truongphong" {
			t.Errorf("the new token authenticates %s", me.Login)
		}
		r := c.call("GET", "/api/v1/tokens", "")
		list := decodeAs[apiList[apiToken]](t, r, http.StatusOK)
		if strings.Contains(r.body, created.Token) || strings.Contains(r.body, `"token"`) {
			t.Error("the token list shows a raw token")
		}
		found := false
		for _, tok := range list.Items {
			found = found || tok.ID == created.ID
		}
		if !found || list.Total < 2 {
			t.Errorf("list %+v lacks the new token", list)
		}

		other := bearerClient(t, st, srv, "phongbaocao")
		apiErrorOf(t, c.call("DELETE", fmt.Sprint("/api/v1/tokens/", other.token), ""), http.StatusNotFound, congtac.ENOTFOUND)
		if r := other.call("GET", "/api/v1/me", ""); r.status != http.StatusOK {
			t.Errorf("another user's token stopped working after a refused revoke: %d", r.status)
		}
		if r := fresh.call("DELETE", fmt.Sprint("/api/v1/tokens/", created.ID), ""); r.status != http.StatusNoContent || r.body != "" {
			t.Errorf("revoke = %d %q, want 204 without a body", r.status, r.body)
		}
		apiErrorOf(t, fresh.call("GET", "/api/v1/me", ""), http.StatusUnauthorized, congtac.EFORBIDDEN)
		if r := c.call("DELETE", fmt.Sprint("/api/v1/tokens/", created.ID), ""); r.status != http.StatusNoContent {
			t.Errorf("revoking a revoked token = %d, want 204", r.status)
		}
	})
}
