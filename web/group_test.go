package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
	"congtac/vn"
)

// groupWorld is a fresh demo with a group of three communes made through the org page, and a
// program three months ahead with one item, to which tasks are added.
type groupWorld struct {
	s        *Server
	st       *store.Store
	srv      *httptest.Server
	group    congtac.Org
	communes []congtac.Org // Xã Tân Phước (of xabaocao), Xã Đức Hòa, Xã Mường Lư
	program  congtac.Program
}

func newGroupWorld(t *testing.T, e store.Engine) groupWorld {
	t.Helper()
	st := newDemo(t, e)
	s, _ := newTestServer(t, st)
	srv := startServer(t, s)
	w := groupWorld{s: s, st: st, srv: srv}
	committee := demoOrg(t, st, "Ủy ban nhân dân tỉnh Sơn Hà")
	for _, name := range []string{"Xã Tân Phước", "Xã Đức Hòa", "Xã Mường Lư"} {
		w.communes = append(w.communes, demoOrg(t, st, name))
	}
	admin := as(t, s, srv, "admin")
	r := admin.post("/admin/orgs", url.Values{"name": {"UBND các xã vùng cao"}, "kind": {"group"},
		"parent_id": {fmt.Sprint(committee.ID)}})
	wantStatus(t, "create the group", r, http.StatusSeeOther)
	w.group = demoOrg(t, st, "UBND các xã vùng cao")
	edit := fmt.Sprintf("/admin/orgs?edit=%d", w.group.ID)
	action := fmt.Sprintf("/admin/orgs/%d/members", w.group.ID)
	page := admin.get(edit)
	offered := html(t, page.body).Find(`form#thanh-vien input[name="member"]`).Length()
	if offered < 15 {
		t.Fatalf("the member form offers %d orgs, want the communes among them", offered)
	}
	form := url.Values{"version": {versionOf(t, page.body, action)}}
	for _, c := range w.communes {
		form.Add("member", fmt.Sprint(c.ID))
	}
	r = follow(t, admin, admin.post(action, form))
	assertContains(t, r.body, "Đã cập nhật UBND các xã vùng cao: 3 đơn vị thành viên.")
	if got := html(t, r.body).Find(`form#thanh-vien input[name="member"][checked]`).Length(); got != 3 {
		t.Errorf("%d members ticked after saving, want 3", got)
	}
	w.program = upcomingProgram(t, st, committee.ID)
	return w
}

// upcomingProgram creates the draft program of org three months after the demo's today,
// with a part and one paragraph under it.
func upcomingProgram(t *testing.T, st *store.Store, org int64) congtac.Program {
	t.Helper()
	month := congtac.PeriodOf(congtac.PeriodMonth, demoToday.AddMonths(3))
	p, err := st.CreateProgram(ctxb, congtac.System, congtac.Program{OrgID: org, Period: month,
		Title: "Công tác của UBND tỉnh " + strings.ToLower(month.String()),
		Items: []congtac.Item{{ID: 1, Heading: "NHIỆM VỤ TRỌNG TÂM", Sector: congtac.SectorEconomy},
			{ID: 2, ParentID: 1, Text: "Rà soát hộ nghèo, hộ cận nghèo."}}})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestGroupLedTaskThroughThePages(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			w := newGroupWorld(t, e)
			testGroupLedTaskPages(t, w)
		})
	}
}

func testGroupLedTaskPages(t *testing.T, w groupWorld) {
	office, commune := as(t, w.s, w.srv, "vanphong"), as(t, w.s, w.srv, "xabaocao")
	item := w.program.Items[1]
	month := w.program.Period
	r := office.post(fmt.Sprintf("/items/%d/tasks", item.ID), url.Values{"text": {"Rà soát hộ nghèo theo chuẩn mới"},
		"lead": {fmt.Sprint(w.group.ID)}, "due": {fmt.Sprintf("trong tháng %d/%d", month.Number, month.Year)},
		"sector": {"economy"}, "print": {"line"}, "print_due": {"1"}, "program": {fmt.Sprint(w.program.ID)}})
	wantStatus(t, "the office adds a task led by the group", r, http.StatusSeeOther)
	r = office.post(fmt.Sprintf("/items/%d/tasks", item.ID), url.Values{"text": {"Phối hợp rà soát"},
		"lead": {fmt.Sprint(w.communes[0].ID)}, "support": {fmt.Sprint(w.group.ID)}, "due": {"trong tháng " + fmt.Sprint(month.Number)},
		"program": {fmt.Sprint(w.program.ID)}})
	wantStatus(t, "a group as a support org", r, http.StatusUnprocessableEntity)
	assertContains(t, r.body, "UBND các xã vùng cao là nhóm đơn vị: nhóm chỉ ghi được ở cơ quan chủ trì.")

	p := mustIssue(t, w.st, w.program, demoToday)
	p, _ = w.st.FindProgramByID(ctxb, p.ID)
	task := p.Tasks[0]
	path := fmt.Sprintf("/tasks/%d", task.ID)
	doc := html(t, office.get(fmt.Sprintf("/programs/%d", p.ID)).body)
	if !strings.Contains(doc.Text(), "UBND các xã vùng cao") || strings.Contains(doc.Text(), "Xã Mường Lư") {
		t.Error("the program shows the group's members instead of its name")
	}

	// The commune finds the task in its list and reports on its own share only.
	if !slices.Contains(linksOf(t, commune.get("/tasks?q="+url.QueryEscape("chuẩn mới")).body), path) {
		t.Errorf("the commune's task list lacks the group-led task %s", path)
	}
	page := html(t, commune.get(path).body)
	if got := page.Find(`form[action="` + path + `/reports"] select[name="org"] option`).Length(); got > 1 {
		t.Errorf("the commune may report for %d orgs, want its own only", got)
	}
	r = commune.post(path+"/reports", url.Values{"text": {"Đã rà soát xong"}, "percent": {"100"},
		"done_on": {vn.PaddedDate(demoToday)}, "org": {fmt.Sprint(w.group.ID)}, "action": {"submit"}})
	wantStatus(t, "the commune reports for the group", r, http.StatusForbidden)
	r = follow(t, commune, commune.post(path+"/reports", url.Values{"text": {"Đã rà soát xong 120 hộ."}, "percent": {"100"},
		"done_on": {vn.PaddedDate(demoToday)}, "action": {"submit"}}))
	assertContains(t, r.body, "Đã gửi báo cáo tới Văn phòng.")
	report := html(t, r.body).Find(`form[action$="/review"]`).AttrOr("action", "")
	if report != "" {
		t.Error("the commune is offered to review its own report")
	}
	reps, _, _ := w.st.FindReports(ctxb, congtac.ReportFilter{TaskID: &task.ID})
	if len(reps) != 1 || reps[0].OrgID != w.communes[0].ID {
		t.Fatalf("reports on the task: %+v, want one of Xã Tân Phước", reps)
	}
	reportPath := fmt.Sprintf("/reports/%d", reps[0].ID)
	cvp := as(t, w.s, w.srv, "cvp")
	r = cvp.get(reportPath)
	r = follow(t, cvp, cvp.post(reportPath+"/review", url.Values{"action": {"accept"}, "version": {versionOf(t, r.body, reportPath+"/review")}}))
	assertContains(t, r.body, "Đã tiếp nhận báo cáo.")

	// The office sees the roll-up and one row per share.
	doc = html(t, cvp.get(path).body)
	if got := texts(doc, ".facts .status"); !slices.Equal(got, []string{congtac.StatusInProgress.Label()}) {
		t.Errorf("task status %q, want in progress (two shares open)", got)
	}
	assertContains(t, doc.Text(), "1/3 đơn vị thành viên đã hoàn thành")
	rows := [][]string{}
	doc.Find("table#shares tbody tr").Each(func(_ int, tr *goquerySelection) {
		rows = append(rows, []string{strings.TrimSpace(tr.Find("th").Text()), tr.Find(".status").Text(),
			strings.TrimSpace(tr.Find("td:nth-of-type(2)").Text()), strings.TrimSpace(tr.Find("td:nth-of-type(3)").Text())})
	})
	want := [][]string{
		{"Xã Tân Phước", congtac.StatusDoneOnTime.Label(), "100%", vn.ShortDate(demoToday)},
		{"Xã Đức Hòa", congtac.StatusInProgress.Label(), "", ""},
		{"Xã Mường Lư", congtac.StatusInProgress.Label(), "", ""},
	}
	if !slices.EqualFunc(rows, want, slices.Equal) {
		t.Errorf("share rows %q, want %q", rows, want)
	}
	// The commune sees its share marked as its own.
	own := texts(html(t, commune.get(path).body), "table#shares tr.own th")
	if len(own) != 1 || !strings.HasPrefix(own[0], "Xã Tân Phước") {
		t.Errorf("the commune's own share row %q", own)
	}
}

// linksOf returns the task links of a task list page.
func linksOf(t *testing.T, body string) []string {
	t.Helper()
	var out []string
	html(t, body).Find("table.tasks tbody a").Each(func(_ int, a *goquerySelection) {
		out = append(out, a.AttrOr("href", ""))
	})
	return out
}
