package web

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

func TestAdminIndexListsWhatTheRoleMayOpen(t *testing.T) {
	st := sharedDemo(t, storetest.Engines[0])
	s, _ := newTestServer(t, st)
	srv := startServer(t, s)
	r := as(t, s, srv, "admin").get("/admin")
	mustStatus(t, "admin index", r, http.StatusOK)
	assertContains(t, r.body, `href="/admin/orgs"`, `href="/admin/people"`, `href="/admin/users"`,
		`href="/admin/permissions"`, `href="/admin/settings"`, `href="/admin/audit"`)
	r = as(t, s, srv, "cvp").get("/admin")
	mustStatus(t, "office head's index", r, http.StatusOK)
	assertContains(t, r.body, `href="/admin/people"`, `href="/admin/audit"`, `href="/admin/settings"`)
	assertLacks(t, r.body, `href="/admin/orgs"`, `href="/admin/users"`, `href="/admin/stamps"`)
}

func TestAdminOrgsCreateRenameMerge(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := newDemo(t, e)
			s, _ := newTestServer(t, st)
			srv := startServer(t, s)
			admin := as(t, s, srv, "admin")
			committee, finance := orgByShort(t, st, "UBND"), orgByShort(t, st, "STC")

			r := admin.get("/admin/orgs")
			mustStatus(t, "org tree", r, http.StatusOK)
			assertContains(t, r.body, "Ủy ban nhân dân tỉnh Sơn Hà", "Sở Tài chính", "Cơ quan chuyên môn")
			if strings.Index(r.body, "Ủy ban nhân dân tỉnh Sơn Hà") > strings.Index(r.body, "Sở Tài chính") {
				t.Error("a department is listed before its committee")
			}
			mustStatus(t, "office head on the org tree", as(t, s, srv, "cvp").get("/admin/orgs"), http.StatusForbidden)

			r = admin.post("/admin/orgs", vals("name", " ", "short_name", "SKT", "kind", "department",
				"parent_id", idText(committee.ID)))
			mustStatus(t, "an org without a name", r, http.StatusUnprocessableEntity)
			assertContains(t, r.body, "Tên cơ quan, đơn vị không được để trống.", `value="SKT"`)

			mustRedirect(t, "org creation", admin.post("/admin/orgs", vals("name", "Sở Kinh tế", "short_name", "SKT",
				"kind", "department", "parent_id", idText(committee.ID), "valid_from", "1/12/2026")), "/admin/orgs")
			created := orgByShort(t, st, "SKT")
			if created.Name != "Sở Kinh tế" || created.ParentID != committee.ID || created.ValidFrom != congtac.MustDate(2026, 12, 1) {
				t.Errorf("created org = %+v", created)
			}

			edit := admin.get(fmt.Sprintf("/admin/orgs?edit=%d", created.ID))
			version := versionField(t, edit.body)
			rename := vals("name", "Sở Kinh tế và Hạ tầng", "short_name", "SKTHT", "version", version)
			mustRedirect(t, "rename", admin.post(fmt.Sprintf("/admin/orgs/%d", created.ID), rename), "/admin/orgs")
			if o, _ := st.FindOrgByID(ctxb, created.ID); o.Name != "Sở Kinh tế và Hạ tầng" || o.ShortName != "SKTHT" {
				t.Errorf("renamed org = %+v", o)
			}
			mustStatus(t, "rename with a stale version", admin.post(fmt.Sprintf("/admin/orgs/%d", created.ID), rename),
				http.StatusConflict)

			testOrgMerge(t, st, admin, finance, created)
			assertContains(t, admin.get("/admin/orgs").body, "Đã kết thúc", "→ Sở Kinh tế và Hạ tầng")
		})
	}
}

// testOrgMerge merges from into to through the form and checks that the open tasks moved.
func testOrgMerge(t *testing.T, st *store.Store, admin *client, from, to congtac.Org) {
	t.Helper()
	open := func(lead int64) int {
		_, n, err := st.FindTasks(ctxb, congtac.TaskFilter{Lead: &lead, Open: true, Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := open(from.ID)
	if before == 0 {
		t.Fatal("the demo gives the finance department no open task to move")
	}
	path := fmt.Sprintf("/admin/orgs/%d/merge", from.ID)
	version := versionField(t, admin.get(fmt.Sprintf("/admin/orgs?edit=%d", from.ID)).body)
	r := admin.post(path, vals("successor_id", idText(to.ID), "on", "31/11/2026", "version", version))
	mustStatus(t, "merge on a day that does not exist", r, http.StatusUnprocessableEntity)
	assertContains(t, r.body, "không có trên lịch", `value="31/11/2026"`)
	r = admin.post(path, vals("successor_id", "", "on", "1/12/2026", "version", version))
	mustStatus(t, "merge without a successor", r, http.StatusUnprocessableEntity)
	assertContains(t, r.body, "Hãy chọn đơn vị kế thừa.")

	mustRedirect(t, "merge", admin.post(path, vals("successor_id", idText(to.ID), "on", "1/12/2026", "version", version)),
		"/admin/orgs")
	assertContains(t, admin.get("/admin/orgs").body, fmt.Sprintf("%d nhiệm vụ đang thực hiện đã chuyển", before))
	if got := open(from.ID); got != 0 {
		t.Errorf("%d open tasks stayed with the merged org", got)
	}
	if got := open(to.ID); got != before {
		t.Errorf("the successor leads %d open tasks, want %d", got, before)
	}
	if o, _ := st.FindOrgByID(ctxb, from.ID); o.ValidTo != congtac.MustDate(2026, 11, 30) || o.Successor != to.ID ||
		o.Name != from.Name {
		t.Errorf("merged org = %+v; want it ended on 30/11/2026 with its name kept", o)
	}
}
