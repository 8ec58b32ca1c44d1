package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
	"congtac/vn"
)

// reportWorld is what the report scenarios work on: a fresh demo store, its server, and the
// records of Sở Tài chính (the department of phongbaocao) and Xã Tân Phước (of xabaocao).
type reportWorld struct {
	s       *Server
	st      *store.Store
	srv     *httptest.Server
	stc, xa congtac.Org
	task    congtac.Task // an open one-off task led by Sở Tài chính, with a target: in progress if one is, else overdue
	xaTask  congtac.Task // a task of Xã Tân Phước that Sở Tài chính has no part in
	xaDraft congtac.Report
}

func newReportWorld(t *testing.T, e store.Engine) reportWorld {
	t.Helper()
	st := newDemo(t, e)
	s, _ := newTestServer(t, st)
	w := reportWorld{s: s, st: st, srv: startServer(t, s), stc: demoOrg(t, st, "Sở Tài chính"),
		xa: demoOrg(t, st, "Xã Tân Phước")}
	var overdue congtac.Task // on a month's last days the department has done the month's work
	for _, task := range allTasks(t, st) {
		open := task.Lead == w.stc.ID && task.Recurrence == nil && task.Target != nil
		switch {
		case w.task.ID == 0 && open && task.Status(demoToday) == congtac.StatusInProgress:
			w.task = task
		case overdue.ID == 0 && open && task.Status(demoToday) == congtac.StatusOverdue:
			overdue = task
		case w.xaTask.ID == 0 && task.Lead == w.xa.ID && !involvesOrg(task, w.stc.ID) && task.Recurrence == nil:
			w.xaTask = task
		}
	}
	if w.task.ID == 0 {
		w.task = overdue
	}
	if w.task.ID == 0 || w.xaTask.ID == 0 {
		t.Fatal("the demo lacks an open task of Sở Tài chính or a task of Xã Tân Phước")
	}
	u, err := st.FindUserByLogin(ctxb, "xabaocao")
	if err != nil {
		t.Fatal(err)
	}
	xa := congtac.Actor{UserID: u.ID, Role: u.Role, OrgID: u.OrgID}
	if w.xaDraft, err = st.CreateReport(ctxb, xa, congtac.Report{TaskID: w.xaTask.ID, OrgID: w.xa.ID,
		Text: "Đã thu được 30% kế hoạch.", Percent: 30}); err != nil {
		t.Fatal(err)
	}
	return w
}

// client returns a client of the world's server signed in as login.
func (w reportWorld) client(t *testing.T, login string) *client {
	t.Helper()
	return as(t, w.s, w.srv, login)
}

// reportsOn counts the reports on a task.
func (w reportWorld) reportsOn(t *testing.T, task int64) int {
	t.Helper()
	_, n, err := w.st.FindReports(ctxb, congtac.ReportFilter{TaskID: &task})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// versionOf returns the version field of the form that posts to action on page body.
func versionOf(t *testing.T, body, action string) string {
	t.Helper()
	v, ok := html(t, body).Find(`form[action="` + action + `"] input[name="version"]`).Attr("value")
	if !ok {
		t.Fatalf("no form posting to %s with a version; page:\n%s", action, shorten(body))
	}
	return v
}

func TestReports(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			w := newReportWorld(t, e)
			t.Run("a department cannot read or change another's reports", func(t *testing.T) { testReportIsolation(t, w) })
			t.Run("draft, submit, accept", func(t *testing.T) { testReportCycle(t, w) })
			t.Run("bad input comes back with 422", func(t *testing.T) { testReportInvalid(t, w) })
			t.Run("a stale version is 409", func(t *testing.T) { testReportConflict(t, w) })
			t.Run("a drafter scoped to a commune reports for its orgs only", func(t *testing.T) { testReportScope(t, w) })
		})
	}
}

func testReportIsolation(t *testing.T, w reportWorld) {
	dept, commune := w.client(t, "phongbaocao"), w.client(t, "xabaocao")
	draft := fmt.Sprintf("/reports/%d", w.xaDraft.ID)
	fields := url.Values{"text": {"Sửa báo cáo của xã"}, "percent": {"90"}, "version": {fmt.Sprint(w.xaDraft.Version)}}
	wantStatus(t, "the commune reads its own draft", commune.get(draft), http.StatusOK)
	for _, who := range []string{"phongbaocao", "truongphong"} {
		c := w.client(t, who)
		wantStatus(t, who+" reads the commune's report", c.get(draft), http.StatusNotFound)
		wantStatus(t, who+" changes it", c.post(draft, fields), http.StatusNotFound)
		wantStatus(t, who+" submits it", c.post(draft+"/submit", url.Values{"version": fields["version"]}), http.StatusNotFound)
	}
	if got, _ := w.st.FindReportByID(ctxb, w.xaDraft.ID); got.Version != w.xaDraft.Version || got.Text != w.xaDraft.Text ||
		got.Status != congtac.ReportDraft {
		t.Errorf("the commune's draft changed: %+v", got)
	}
	wantStatus(t, "a reporter reviews it", dept.post(draft+"/review", url.Values{"action": {"accept"}}), http.StatusForbidden)

	task := fmt.Sprintf("/tasks/%d", w.xaTask.ID)
	before := w.reportsOn(t, w.xaTask.ID)
	wantStatus(t, "the department reads the commune's task", dept.get(task), http.StatusNotFound)
	wantStatus(t, "the department reports on it", dept.post(task+"/reports",
		url.Values{"text": {"Báo cáo hộ"}, "percent": {"10"}, "org": {fmt.Sprint(w.stc.ID)}}), http.StatusNotFound)
	wantStatus(t, "the department reports on it for the commune", dept.post(task+"/reports",
		url.Values{"text": {"Báo cáo hộ"}, "percent": {"10"}, "org": {fmt.Sprint(w.xa.ID)}}), http.StatusNotFound)
	own := fmt.Sprintf("/tasks/%d/reports", w.task.ID)
	mine := w.reportsOn(t, w.task.ID)
	r := dept.post(own, url.Values{"text": {"Báo cáo thay đơn vị phối hợp"}, "percent": {"10"},
		"org": {fmt.Sprint(w.task.Support[0].OrgID)}})
	wantStatus(t, "the department reports on its own task for a support org", r, http.StatusForbidden)
	if got := w.reportsOn(t, w.xaTask.ID); got != before {
		t.Errorf("reports on the commune's task: %d, want %d", got, before)
	}
	if got := w.reportsOn(t, w.task.ID); got != mine {
		t.Errorf("reports on the department's task: %d, want %d", got, mine)
	}

	orgs := texts(html(t, dept.get("/reports").body), "table.reports tbody td:nth-child(2)")
	if len(orgs) == 0 || slices.ContainsFunc(orgs, func(o string) bool { return o != "Sở Tài chính" }) {
		t.Errorf("the department's report list shows orgs %q", orgs)
	}
	rs, _, _ := w.st.FindReports(ctxb, congtac.ReportFilter{OrgID: &w.stc.ID, Limit: 1})
	wantStatus(t, "the commune reads the department's report", commune.get(fmt.Sprintf("/reports/%d", rs[0].ID)), http.StatusNotFound)
}

func testReportCycle(t *testing.T, w reportWorld) {
	dept, office := w.client(t, "phongbaocao"), w.client(t, "cvp")
	taskPath := fmt.Sprintf("/tasks/%d", w.task.ID)
	page := dept.get(taskPath)
	wantStatus(t, "task page", page, http.StatusOK)
	if n := html(t, page.body).Find(`form[action="` + taskPath + `/reports"] textarea[name="text"]`).Length(); n != 1 {
		t.Fatalf("the department is offered no report form")
	}
	r := follow(t, dept, dept.post(taskPath+"/reports", url.Values{"text": {"Đã giải ngân được một nửa."},
		"percent": {"50"}, "value": {"30"}, "action": {"draft"}}))
	doc := html(t, r.body)
	if got := texts(doc, ".flash"); !slices.Equal(got, []string{"Đã lưu báo cáo (đang soạn)."}) {
		t.Errorf("flash %q", got)
	}
	if got := texts(doc, ".facts .status"); !slices.Equal(got, []string{"Đang soạn"}) {
		t.Errorf("new report status %q", got)
	}
	path := doc.Find(`form.report-form`).AttrOr("action", "")
	if !strings.HasPrefix(path, "/reports/") {
		t.Fatalf("no edit form on the draft; page:\n%s", shorten(r.body))
	}

	yesterday := demoToday.AddDays(-1)
	edit := url.Values{"text": {"Đã giải ngân xong, đạt 61,5% kế hoạch vốn."}, "percent": {"100"}, "done_on": {vn.PaddedDate(yesterday)},
		"value": {"61,5"}, "version": {versionOf(t, r.body, path)}, "action": {"draft"}}
	r = follow(t, dept, dept.post(path, edit))
	assertContains(t, r.body, "Đã lưu báo cáo.", "100%, hoàn thành ngày "+vn.ShortDate(yesterday), "61,5% (chỉ tiêu:", "Đã giải ngân xong")

	r = follow(t, dept, dept.post(path+"/submit", url.Values{"version": {versionOf(t, r.body, path+"/submit")}}))
	if got := texts(html(t, r.body), ".facts .status"); !slices.Equal(got, []string{"Đã gửi"}) {
		t.Errorf("submitted report status %q", got)
	}
	if html(t, r.body).Find("form.report-form").Length() != 0 {
		t.Error("a submitted report can still be edited")
	}
	version := fmt.Sprint(mustReport(t, w, path).Version)
	for _, tt := range []struct{ name, path string }{{"edit", path}, {"submit again", path + "/submit"}} {
		r := dept.post(tt.path, url.Values{"text": {"Sửa sau khi gửi"}, "percent": {"100"}, "done_on": {vn.PaddedDate(yesterday)}, "version": {version}})
		wantStatus(t, tt.name+" a submitted report", r, http.StatusUnprocessableEntity)
		if got := texts(html(t, r.body), "main > .form-error"); !slices.Equal(got, []string{
			"Báo cáo đang ở trạng thái “Đã gửi”, không sửa hay gửi lại được."}) {
			t.Errorf("%s a submitted report: messages %q", tt.name, got)
		}
	}

	r = office.get(path)
	r = follow(t, office, office.post(path+"/review", url.Values{"action": {"accept"}, "version": {versionOf(t, r.body, path+"/review")}}))
	assertContains(t, r.body, "Đã tiếp nhận báo cáo.")
	if got := texts(html(t, r.body), ".facts .status"); !slices.Equal(got, []string{"Đã tiếp nhận"}) {
		t.Errorf("reviewed report status %q", got)
	}

	r = office.post(path+"/review", url.Values{"action": {"return"}, "note": {"Bổ sung"}, "version": {fmt.Sprint(mustReport(t, w, path).Version)}})
	wantStatus(t, "reviewing a reviewed report", r, http.StatusUnprocessableEntity)
	assertContains(t, r.body, "Báo cáo đang ở trạng thái “Đã tiếp nhận”, chỉ duyệt được báo cáo đã gửi.")

	r = dept.get(taskPath)
	status := texts(html(t, r.body), ".facts .status")
	want := congtac.StatusDoneOnTime // done yesterday, in time for a task in progress today
	if w.task.Due.Date.Before(yesterday) {
		want = congtac.StatusDoneLate
	}
	if !slices.Equal(status, []string{want.Label()}) {
		t.Errorf("task status after acceptance %q, want %q", status, want.Label())
	}
	assertContains(t, r.body, "hoàn thành ngày "+vn.ShortDate(yesterday))
	if got, _ := w.st.FindTaskByID(ctxb, w.task.ID); got.DoneOn != yesterday {
		t.Errorf("task done on %s, want %s", got.DoneOn, yesterday)
	}
}

func testReportInvalid(t *testing.T, w reportWorld) {
	dept := w.client(t, "phongbaocao")
	path := fmt.Sprintf("/tasks/%d/reports", w.task.ID)
	before := w.reportsOn(t, w.task.ID)
	tests := []struct {
		name   string
		form   url.Values
		errors map[string]string // by the id of the message
		kept   map[string]string // field id → value shown again
	}{
		{"unreadable fields", url.Values{"text": {"Kết quả <i>tạm</i>"}, "percent": {"bảy mươi"}, "done_on": {"31/02/2026"}, "value": {"nhiều"}},
			map[string]string{"#loi-r-percent": "Tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100.",
				"#loi-r-done":  `Ngày hoàn thành "31/02/2026" không đúng dạng ngày/tháng/năm (ví dụ 25/11/2026).`,
				"#loi-r-value": "Giá trị đạt được phải là một số, ví dụ 62,5."},
			map[string]string{"#r-text": "Kết quả <i>tạm</i>", "#r-percent": "bảy mươi", "#r-done": "31/02/2026", "#r-value": "nhiều"}},
		{"rules of the domain", url.Values{"text": {"   "}, "percent": {"-5"}, "done_on": {"2026-11-20"}},
			map[string]string{"#loi-r-text": "Nội dung báo cáo không được để trống.", "#loi-r-percent": "Tỷ lệ hoàn thành phải từ 0 đến 100.",
				"#loi-r-done": "Chỉ ghi ngày hoàn thành khi đã hoàn thành 100%."},
			map[string]string{"#r-percent": "-5", "#r-done": "2026-11-20"}},
		{"done in the future", url.Values{"text": {"Xong sớm"}, "percent": {"100"}, "done_on": {vn.ShortDate(demoToday.AddDays(1))}},
			map[string]string{"#loi-r-done": "Ngày hoàn thành không được sau hôm nay."},
			map[string]string{"#r-text": "Xong sớm"}},
	}
	for _, tt := range tests {
		r := dept.post(path, tt.form)
		wantStatus(t, tt.name, r, http.StatusUnprocessableEntity)
		doc := html(t, r.body)
		for id, want := range tt.errors {
			if got := texts(doc, id); !slices.Equal(got, []string{want}) {
				t.Errorf("%s: %s = %q, want %q", tt.name, id, got, want)
			}
		}
		for id, want := range tt.kept {
			el := doc.Find(id)
			got := el.AttrOr("value", el.Text())
			if el.Is("textarea") {
				got = el.Text()
			}
			if got != want {
				t.Errorf("%s: %s keeps %q, want %q", tt.name, id, got, want)
			}
		}
		if invalid := doc.Find(`[aria-invalid="true"]`).Length(); invalid != len(tt.errors) {
			t.Errorf("%s: %d fields marked invalid, want %d", tt.name, invalid, len(tt.errors))
		}
	}
	if got := w.reportsOn(t, w.task.ID); got != before {
		t.Errorf("reports on the task: %d, want %d (nothing saved)", got, before)
	}

	submitted := congtac.ReportSubmitted
	rs, _, _ := w.st.FindReports(ctxb, congtac.ReportFilter{Status: &submitted, Limit: 1})
	if len(rs) == 0 {
		t.Fatal("no submitted report in the demo")
	}
	office := w.client(t, "cvp")
	path = fmt.Sprintf("/reports/%d/review", rs[0].ID)
	for _, tt := range []struct {
		action, id, want string
	}{
		{"return", "#loi-v-note", "Khi trả lại báo cáo cần ghi ý kiến để đơn vị bổ sung."},
		{"", "#loi-v-action", "Chọn tiếp nhận hoặc trả lại báo cáo."},
	} {
		r := office.post(path, url.Values{"action": {tt.action}, "note": {" "}, "version": {fmt.Sprint(rs[0].Version)}})
		wantStatus(t, "review "+tt.action, r, http.StatusUnprocessableEntity)
		if got := texts(html(t, r.body), tt.id); !slices.Equal(got, []string{tt.want}) {
			t.Errorf("review %q: %s = %q, want %q", tt.action, tt.id, got, tt.want)
		}
	}
	if got, _ := w.st.FindReportByID(ctxb, rs[0].ID); got.Status != congtac.ReportSubmitted || got.Version != rs[0].Version {
		t.Errorf("the report changed: %+v", got)
	}
}

func testReportConflict(t *testing.T, w reportWorld) {
	dept, office := w.client(t, "phongbaocao"), w.client(t, "cvp")
	r := follow(t, dept, dept.post(fmt.Sprintf("/tasks/%d/reports", w.task.ID),
		url.Values{"text": {"Bổ sung số liệu."}, "percent": {"20"}}))
	path := html(t, r.body).Find("form.report-form").AttrOr("action", "")
	stale := versionOf(t, r.body, path)
	follow(t, dept, dept.post(path, url.Values{"text": {"Bổ sung số liệu tháng 11."}, "percent": {"30"}, "version": {stale}}))
	for _, tt := range []struct {
		name, path string
		form       url.Values
	}{
		{"edit", path, url.Values{"text": {"Ghi đè"}, "percent": {"40"}, "version": {stale}}},
		{"submit", path + "/submit", url.Values{"version": {stale}}},
	} {
		r := dept.post(tt.path, tt.form)
		wantStatus(t, tt.name+" with a stale version", r, http.StatusConflict)
		assertContains(t, r.body, "Báo cáo đã được người khác sửa sau khi bạn mở.", "Mã lỗi: 409")
	}
	r = dept.get(path)
	follow(t, dept, dept.post(path+"/submit", url.Values{"version": {versionOf(t, r.body, path+"/submit")}}))
	r = office.post(path+"/review", url.Values{"action": {"accept"}, "version": {stale}})
	wantStatus(t, "review with a stale version", r, http.StatusConflict)
	if got := mustReport(t, w, path); got.Text != "Bổ sung số liệu tháng 11." || got.Status != congtac.ReportSubmitted {
		t.Errorf("report after the refused writes: %+v", got)
	}
}

// testReportScope: an office drafter scoped to Xã Tân Phước may see a task the commune
// shares with a unit outside it, but neither the task page's form nor the API takes a
// report of that unit from it: both answer 403 and nothing is saved.
func testReportScope(t *testing.T, w reportWorld) {
	var task congtac.Task
	var other int64
	for _, tt := range allTasks(t, w.st) {
		for _, org := range tt.OrgIDs() {
			if involvesOrg(tt, w.xa.ID) && org != w.xa.ID && tt.Recurrence == nil && task.ID == 0 {
				task, other = tt, org
			}
		}
	}
	if task.ID == 0 {
		t.Fatal("the demo lacks a task Xã Tân Phước shares with another org")
	}
	u := mustUser(t, w.st, "soanthaoxa", congtac.RoleDrafter, w.xa.ID)
	page, api := w.client(t, "soanthaoxa"), bearerClient(t, w.st, w.srv, "soanthaoxa")
	before := w.reportsOn(t, task.ID)
	path := fmt.Sprintf("/tasks/%d/reports", task.ID)
	r := page.post(path, url.Values{"org": {fmt.Sprint(other)}, "text": {"Báo cáo thay"}, "percent": {"100"},
		"done_on": {vn.PaddedDate(demoToday)}, "action": {"submit"}})
	wantStatus(t, "the page form for another org", r, http.StatusForbidden)
	body := fmt.Sprintf(`{"task_id": %d, "org_id": %d, "text": "Báo cáo thay", "percent": 100, "done_on": %q, "submit": true}`,
		task.ID, other, demoToday)
	apiErrorOf(t, api.call("POST", "/api/v1/reports", body), http.StatusForbidden, congtac.EFORBIDDEN)
	if got := w.reportsOn(t, task.ID); got != before {
		t.Errorf("reports on task %d: %d, want %d", task.ID, got, before)
	}
	_, err := w.st.CreateReport(ctxb, congtac.Actor{UserID: u.ID, Role: u.Role, OrgID: u.OrgID}, congtac.Report{TaskID: task.ID, OrgID: other,
		Text: "Báo cáo thay", Percent: 10})
	if congtac.ErrorCode(err) != congtac.EFORBIDDEN {
		t.Errorf("the store takes the drafter's report for org %d: %v", other, err)
	}
}

// mustReport returns the report at path ("/reports/12") from the store.
func mustReport(t *testing.T, w reportWorld, path string) congtac.Report {
	t.Helper()
	id, err := strconv.ParseInt(strings.TrimPrefix(path, "/reports/"), 10, 64)
	if err != nil {
		t.Fatalf("report path %q: %v", path, err)
	}
	rep, err := w.st.FindReportByID(ctxb, id)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}
