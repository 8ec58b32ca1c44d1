package web

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

func TestPeopleListSortsAndFilters(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := sharedDemo(t, e)
			s, _ := newTestServer(t, st)
			c := as(t, s, startServer(t, s), "cvp")
			r := c.get("/admin/people")
			mustStatus(t, "people list", r, http.StatusOK)
			// Given names first: Ánh, Cường, Đức, Hưng, Hương.
			order := []string{"Vũ Thị Ngọc Ánh", "Phạm Văn Cường", "Lê Minh Đức", "Trần Quốc Hưng", "Nguyễn Thị Thu Hương"}
			at := make([]int, len(order))
			for i, name := range order {
				if at[i] = strings.Index(r.body, name); at[i] < 0 {
					t.Fatalf("%s is not listed", name)
				}
			}
			if !slices.IsSorted(at) {
				t.Errorf("people not sorted by given name: positions %v of %v", at, order)
			}
			assertContains(t, r.body, "Phó Chủ tịch Thường trực, Ủy ban nhân dân tỉnh Sơn Hà")

			r = c.get("/admin/people?q=huong")
			assertContains(t, r.body, "Nguyễn Thị Thu Hương")
			assertLacks(t, r.body, "Trần Quốc Hưng", "Lê Minh Đức")
			r = c.get("/admin/people?org_id=" + idText(orgByShort(t, st, "STC").ID))
			assertContains(t, r.body, "Bùi Đức Thắng", "Ngô Thị Mai")
			assertLacks(t, r.body, "Trần Quốc Hưng")
		})
	}
}

func TestPeopleAndPostsChange(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := newDemo(t, e)
			s, _ := newTestServer(t, st)
			srv := startServer(t, s)
			c := as(t, s, srv, "cvp")
			committee, finance := orgByShort(t, st, "UBND"), orgByShort(t, st, "STC")

			r := c.post("/admin/people", vals("full_name", "", "org_id", idText(finance.ID), "email", "lan@example.vn"))
			mustStatus(t, "a person without a name", r, http.StatusUnprocessableEntity)
			assertContains(t, r.body, "Họ và tên không được để trống.", `value="lan@example.vn"`)
			r = c.post("/admin/people", vals("full_name", "Hà  Thị Lan", "org_id", idText(finance.ID), "email", "lan@example.vn"))
			if r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/admin/people?edit=") {
				t.Fatalf("person creation = %d to %q", r.status, r.location)
			}
			people, _ := st.FindPeople(ctxb, congtac.PersonFilter{Query: "Hà Thị Lan"})
			if len(people) != 1 || people[0].OrgID != finance.ID || people[0].FullName != "Hà Thị Lan" {
				t.Fatalf("created people = %+v", people)
			}
			lan := people[0]
			page := c.get(r.location)
			update := vals("full_name", "Hà Thị Lan", "org_id", idText(finance.ID), "phone", "0912 345 678",
				"version", versionField(t, page.body))
			mustRedirect(t, "person update", c.post(fmt.Sprintf("/admin/people/%d", lan.ID), update), r.location)
			if got, _ := st.FindPeople(ctxb, congtac.PersonFilter{ID: &lan.ID}); got[0].Phone != "0912 345 678" {
				t.Errorf("updated person = %+v", got[0])
			}
			mustStatus(t, "update with a stale version", c.post(fmt.Sprintf("/admin/people/%d", lan.ID), update), http.StatusConflict)

			testPosts(t, st, c, lan, committee)
		})
	}
}

// testPosts gives a person posts through the forms and ends one.
func testPosts(t *testing.T, st *store.Store, c *client, p congtac.Person, committee congtac.Org) {
	t.Helper()
	path := fmt.Sprintf("/admin/people/%d/posts", p.ID)
	r := c.post(path, url.Values{"kind": {"staff"}, "org_id": {idText(committee.ID)}, "from": {"1/12/2026"},
		"sectors": {"economy"}})
	mustStatus(t, "a staff post with sectors", r, http.StatusUnprocessableEntity)
	assertContains(t, r.body, "Chỉ Phó Chủ tịch có lĩnh vực phụ trách.")
	r = c.post(path, vals("kind", "vice_chairman", "org_id", idText(committee.ID), "from", "30/2/2026"))
	mustStatus(t, "a post from a day that does not exist", r, http.StatusUnprocessableEntity)
	assertContains(t, r.body, "không có trên lịch", `value="30/2/2026"`)

	r = c.post(path, url.Values{"kind": {"vice_chairman"}, "org_id": {idText(committee.ID)}, "from": {"1/12/2026"},
		"sectors": {"economy", "culture_society"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("post creation = %d:\n%s", r.status, mainExcerpt(r.body))
	}
	posts, _ := st.FindPosts(ctxb, congtac.PostFilter{PersonID: &p.ID})
	if len(posts) != 1 || posts[0].Kind != congtac.PostViceChairman || len(posts[0].Sectors) != 2 ||
		posts[0].From != congtac.MustDate(2026, 12, 1) {
		t.Fatalf("posts = %+v", posts)
	}
	end := fmt.Sprintf("/admin/posts/%d/end", posts[0].ID)
	mustStatus(t, "ending a post named with another person", c.post(end, vals("person_id", "1", "on", "31/12/2026")),
		http.StatusNotFound)
	mustStatus(t, "ending a post without a day", c.post(end, vals("person_id", idText(p.ID), "on", "")),
		http.StatusUnprocessableEntity)
	if r := c.post(end, vals("person_id", idText(p.ID), "on", "31/12/2026")); r.status != http.StatusSeeOther {
		t.Fatalf("ending the post = %d", r.status)
	}
	posts, _ = st.FindPosts(ctxb, congtac.PostFilter{PersonID: &p.ID})
	if posts[0].To != congtac.MustDate(2026, 12, 31) {
		t.Errorf("ended post = %+v", posts[0])
	}
}

func TestPeopleOutsideReachAreNotFound(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := newDemo(t, e)
			mustUser(t, st, "cvpso", congtac.RoleOfficeHead, orgByShort(t, st, "STC").ID)
			s, _ := newTestServer(t, st)
			c := as(t, s, startServer(t, s), "cvpso")
			r := c.get("/admin/people")
			mustStatus(t, "people list", r, http.StatusOK)
			assertContains(t, r.body, "Bùi Đức Thắng")
			assertLacks(t, r.body, "Trần Quốc Hưng")
			chair, _ := st.FindPeople(ctxb, congtac.PersonFilter{Query: "Trần Quốc Hưng"})
			mustStatus(t, "editing someone outside reach", c.get(fmt.Sprintf("/admin/people?edit=%d", chair[0].ID)),
				http.StatusNotFound)
			mustStatus(t, "changing someone outside reach", c.post(fmt.Sprintf("/admin/people/%d", chair[0].ID),
				vals("full_name", "X", "version", "1")), http.StatusNotFound)
		})
	}
}
