package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// draftTask adds to the demo a draft program of the province with one task led by org, and
// returns the task.
func draftTask(t *testing.T, st *store.Store, org int64) congtac.Task {
	t.Helper()
	province := demoOrg(t, st, "Ủy ban nhân dân tỉnh Sơn Hà").ID
	p, err := st.CreateProgram(ctxb, congtac.System, congtac.Program{OrgID: province,
		Period: congtac.Period{Kind: congtac.PeriodMonth, Year: 2030, Number: 1}, Title: "Công tác tháng 1 năm 2030",
		Items: []congtac.Item{{ID: 1, Heading: "NHIỆM VỤ TRỌNG TÂM"}},
		Tasks: []congtac.Task{{ItemID: 1, Text: "Rà soát kế hoạch vốn", Lead: org, Due: congtac.DueInMonth(2030, 1)}}})
	if err != nil {
		t.Fatal(err)
	}
	if p, err = st.FindProgramByID(ctxb, p.ID); err != nil || len(p.Tasks) != 1 {
		t.Fatalf("draft program: %v", err)
	}
	return p.Tasks[0]
}

// TestControlCharactersAndBadUTF8AreRefused: what the outside probe sent — a NUL byte or
// invalid UTF-8 in a report, a task, a token name, a login or a query parameter — is
// refused naming the field, with 422 (400 for an API's query parameter), on both engines
// (PostgreSQL answered 500), and nothing is kept.
func TestControlCharactersAndBadUTF8AreRefused(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) { testBadText(t, newDemo(t, e)) })
	}
}

func testBadText(t *testing.T, st *store.Store) {
	s, _ := newTestServer(t, st)
	srv := startServer(t, s)
	stc := demoOrg(t, st, "Sở Tài chính").ID
	task, draft := openTaskLedBy(t, st, stc), draftTask(t, st, stc)
	reporter, office := bearerClient(t, st, srv, "phongbaocao"), bearerClient(t, st, srv, "vanphong")
	page := as(t, s, srv, "phongbaocao")
	before := func() int { _, n, _ := st.FindReports(ctxb, congtac.ReportFilter{TaskID: &task.ID}); return n }()

	for _, bad := range []string{"Đã xong\x00", "Đã xong\x1b[0m", "gi\xe1o"} {
		// The page form: the report's text.
		r := page.post(fmt.Sprintf("/tasks/%d/reports", task.ID), url.Values{"text": {bad}, "percent": {"10"}})
		wantStatus(t, fmt.Sprintf("report form with %q", bad), r, http.StatusUnprocessableEntity)
		assertContains(t, r.body, "Nội dung báo cáo có ")
	}
	for _, tc := range []struct {
		name, method, path, body, field string
	}{
		{"report with NUL", "POST", "/api/v1/reports", fmt.Sprintf(`{"task_id": %d, "org_id": %d, "text": "Xong\u0000"}`, task.ID, stc), "text"},
		{"report with invalid UTF-8", "POST", "/api/v1/reports", fmt.Sprintf(`{"task_id": %d, "org_id": %d, "text": "gi`+"\xe1"+`o"}`, task.ID, stc), "text"},
		{"token name with NUL", "POST", "/api/v1/tokens", `{"name": "bảng\u0000tính"}`, "name"},
		{"token name with invalid UTF-8", "POST", "/api/v1/tokens", `{"name": "b` + "\xff" + `"}`, "name"},
	} {
		e := apiErrorOf(t, reporter.call(tc.method, tc.path, tc.body), http.StatusUnprocessableEntity, congtac.EINVALID)
		if e.Fields[tc.field] == "" {
			t.Errorf("%s: fields %v, want %s named", tc.name, e.Fields, tc.field)
		}
	}
	taskPath := fmt.Sprintf("/api/v1/tasks/%d", draft.ID)
	for _, text := range []string{`"Nhiệm vụ\u0000"`, `"Nhiệm vụ` + "\xc3" + `"`} {
		body := fmt.Sprintf(`{"version": %d, "text": %s}`, draft.Version, text)
		e := apiErrorOf(t, office.call("PATCH", taskPath, body), http.StatusUnprocessableEntity, congtac.EINVALID)
		if !strings.HasPrefix(e.Fields["text"], "Nội dung nhiệm vụ có ") && !strings.HasPrefix(e.Fields["text"], "Trường “text” có ") {
			t.Errorf("task text %s: fields %v", text, e.Fields)
		}
	}
	if got, _ := st.FindTaskByID(ctxb, draft.ID); got.Text != draft.Text || got.Version != draft.Version {
		t.Errorf("the draft task changed: %q version %d", got.Text, got.Version)
	}
	if after := func() int { _, n, _ := st.FindReports(ctxb, congtac.ReportFilter{TaskID: &task.ID}); return n }(); after != before {
		t.Errorf("reports on task %d: %d, want %d", task.ID, after, before)
	}

	audit := bearerClient(t, st, srv, "admin")
	for _, q := range []string{"entity=report%00", "entity=%FF", "q=ab%07"} {
		apiErrorOf(t, audit.call("GET", "/api/v1/audit?"+q, ""), http.StatusBadRequest, congtac.EINVALID)
	}
	r := page.get("/tasks?q=%00")
	wantStatus(t, "a task search for NUL", r, http.StatusUnprocessableEntity)
	assertContains(t, r.body, "Tham số “q” có ký tự điều khiển")

	r = signInForm(newClient(t, srv), "xem\x00", "demo")
	wantStatus(t, "signing in as xem NUL", r, http.StatusUnprocessableEntity)
	assertContains(t, r.body, "Tên đăng nhập có ký tự điều khiển")
	wantStatus(t, "a path with NUL", page.get("/reports/%00"), http.StatusNotFound)
}
