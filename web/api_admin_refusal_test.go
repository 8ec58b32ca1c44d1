package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"congtac"
	"congtac/demo"
	"congtac/store"
	"congtac/store/storetest"
)

// adminWrites are the API routes of the administration: orgs, people and posts, accounts,
// settings, signature and seal images.
var adminWrites = map[string]bool{
	"POST /api/v1/orgs/{id}/merge": true, "PUT /api/v1/orgs/{id}/seal": true, "DELETE /api/v1/orgs/{id}/seal": true,
	"POST /api/v1/people": true, "PATCH /api/v1/people/{id}": true, "POST /api/v1/people/{id}/posts": true,
	"POST /api/v1/posts/{id}/end": true, "PUT /api/v1/people/{id}/signature": true,
	"DELETE /api/v1/people/{id}/signature": true, "GET /api/v1/users": true, "POST /api/v1/users": true,
	"PATCH /api/v1/users/{id}": true, "POST /api/v1/users/{id}/password-reset": true,
	"POST /api/v1/users/{id}/sessions/end": true, "POST /api/v1/users/{id}/totp-reset": true,
	"GET /api/v1/committees/{id}/settings": true, "PATCH /api/v1/committees/{id}/settings": true,
	"GET /api/v1/settings/global": true, "PATCH /api/v1/settings/global": true,
}

// refused checks that r is an error answer with status, valid against the document's Error
// schema, and returns it.
func refused(t *testing.T, s *Server, what string, r response, status int) apiError {
	t.Helper()
	if r.status != status {
		t.Errorf("%s = %d, want %d: %.300s", what, r.status, status, r.body)
		return apiError{}
	}
	return valid[apiError](t, s, r, status, "Error")
}

// TestAPIAdminWritesRefused: the drafter, whose role has none of the administration's
// capabilities, is refused every route of it (403); the commune's office head, who manages
// the commune's people and settings, gets 404 for the province's people, posts and
// settings and 422 for putting a person or post in a province org; the administrator gets
// 404 for records that do not exist and for the settings of an org that is no committee.
func TestAPIAdminWritesRefused(t *testing.T) {
	eachEngine(t, func(t *testing.T, st *store.Store, s *Server, srv *httptest.Server) {
		ids := demoIDs(t, st)
		drafter, admin := bearerClient(t, st, srv, "vanphong"), bearerClient(t, st, srv, "admin")
		seen := 0
		for _, rt := range s.routeTable() {
			key := rt.method + " " + rt.pattern
			if !adminWrites[key] {
				continue
			}
			seen++
			body := map[bool]string{true: "", false: "{}"}[rt.method == "GET"]
			e := refused(t, s, "the drafter: "+key, drafter.call(rt.method, fillPattern(rt.pattern, ids), body), http.StatusForbidden)
			if e.Code != "" && e.Code != congtac.EFORBIDDEN {
				t.Errorf("the drafter: %s: code %s", key, e.Code)
			}
			if rt.pattern != fillPattern(rt.pattern, nil) {
				missing := fillPattern(rt.pattern, map[string]string{"/": "999999999"})
				refused(t, s, "the administrator: "+rt.method+" "+missing, admin.call(rt.method, missing, body), http.StatusNotFound)
			}
		}
		if seen != len(adminWrites) {
			t.Errorf("%d of the %d administration routes are in the route table", seen, len(adminWrites))
		}

		province := demoOrg(t, st, "Ủy ban nhân dân tỉnh Sơn Hà")
		commune := demoOrg(t, st, demo.CommuneName)
		finance := demoOrg(t, st, "Sở Tài chính")
		chair := demoPerson(t, st, "Trần Quốc Hưng")
		posts, err := st.FindPosts(ctxb, congtac.PostFilter{PersonID: &chair.ID})
		if err != nil || len(posts) == 0 {
			t.Fatalf("posts of the province's chairman: %v, %v", posts, err)
		}
		communeChair := demoPerson(t, st, "Lò Văn Thành")
		today := s.today().String()
		head := bearerClient(t, st, srv, demo.CommuneLogin)
		for _, tt := range []struct{ method, path, body string }{
			{"PATCH", fmt.Sprintf("/api/v1/people/%d", chair.ID), `{"version": 1, "phone": "0123"}`},
			{"POST", fmt.Sprintf("/api/v1/people/%d/posts", chair.ID), fmt.Sprintf(`{"kind": "staff", "org_id": %d, "from": %q}`, commune.ID, today)},
			{"POST", fmt.Sprintf("/api/v1/posts/%d/end", posts[0].ID), fmt.Sprintf(`{"on": %q}`, today)},
			{"GET", fmt.Sprintf("/api/v1/committees/%d/settings", province.ID), ""},
			{"PATCH", fmt.Sprintf("/api/v1/committees/%d/settings", province.ID), `{"version": 0, "place": "Đông Sơn"}`},
			{"GET", fmt.Sprintf("/api/v1/committees/%d/settings", finance.ID), ""},
		} {
			refused(t, s, "the commune's office head: "+tt.method+" "+tt.path, head.call(tt.method, tt.path, tt.body), http.StatusNotFound)
		}
		for _, tt := range []struct{ path, body string }{
			{"/api/v1/people", fmt.Sprintf(`{"full_name": "Hà Văn Nam", "org_id": %d}`, finance.ID)},
			{fmt.Sprintf("/api/v1/people/%d/posts", communeChair.ID), fmt.Sprintf(`{"kind": "staff", "org_id": %d, "from": %q}`, finance.ID, today)},
		} {
			if e := refused(t, s, "the commune's office head: POST "+tt.path, head.call("POST", tt.path, tt.body), http.StatusUnprocessableEntity); e.Code != "" && e.Fields["org_id"] == "" {
				t.Errorf("POST %s: fields %v, want org_id named", tt.path, e.Fields)
			}
		}
		own := valid[apiCommitteeSettings](t, s, head.call("GET", fmt.Sprintf("/api/v1/committees/%d/settings", commune.ID), ""),
			http.StatusOK, "CommitteeSettings")
		if own.CommitteeName != demo.CommuneName || own.NationalDay != "join_weekend" {
			t.Errorf("the commune's own settings name %q, national day %q", own.CommitteeName, own.NationalDay)
		}
		changed := valid[apiCommitteeSettings](t, s, head.call("PATCH", fmt.Sprintf("/api/v1/committees/%d/settings", commune.ID),
			fmt.Sprintf(`{"version": %d, "national_day": "before"}`, own.Version)), http.StatusOK, "CommitteeSettings")
		if changed.NationalDay != "before" || changed.Place != own.Place {
			t.Errorf("after choosing 1/9: national day %q, place %q (was %q)", changed.NationalDay, changed.Place, own.Place)
		}
		refused(t, s, "an unknown national day rule", head.call("PATCH", fmt.Sprintf("/api/v1/committees/%d/settings", commune.ID),
			fmt.Sprintf(`{"version": %d, "national_day": "2/9"}`, changed.Version)), http.StatusUnprocessableEntity)
		refused(t, s, "the administrator: settings of a department",
			admin.call("GET", fmt.Sprintf("/api/v1/committees/%d/settings", finance.ID), ""), http.StatusNotFound)
	})
}

// demoPerson returns the demo person with that full name.
func demoPerson(t *testing.T, st *store.Store, name string) congtac.Person {
	t.Helper()
	people, err := st.FindPeople(ctxb, congtac.PersonFilter{Query: name})
	for _, p := range people {
		if p.FullName == name {
			return p
		}
	}
	t.Fatalf("no demo person %q (%v)", name, err)
	return congtac.Person{}
}

// TestAPIAdminWriteRules: on a committee set up through the API, the administration's
// routes keep the pages' rules — versions (409), a login taken (409), passwords without a
// default, posts ended once, a merge into another active org, settings in range, the SMTP
// password never answered, images that are PNGs — and each answer matches the document.
func TestAPIAdminWriteRules(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st, s, srv, w := newCommitteeWorld(t, e)
			checkOrgAndPeopleRules(t, s, w)
			checkAccountRules(t, s, st, srv, w)
			checkSettingsRules(t, s, w)
			checkStampRules(t, s, st, w)
		})
	}
}

// checkOrgAndPeopleRules merges the culture department into the economy department and
// ends the vice chairman's post, with their refusals.
func checkOrgAndPeopleRules(t *testing.T, s *Server, w committeeWorld) {
	t.Helper()
	c, today := w.admin, s.today()
	merge := fmt.Sprintf("/api/v1/orgs/%d/merge", w.culture.ID)
	body := func(version int, succ int64, on string) string {
		return jsonOf(map[string]any{"version": version, "successor_id": succ, "on": on})
	}
	tomorrow := today.AddDays(1).String()
	refused(t, s, "merge at a version not read", c.call("POST", merge, body(w.culture.Version+1, w.economy.ID, tomorrow)), http.StatusConflict)
	for field, b := range map[string]string{
		"successor_id": body(w.culture.Version, w.culture.ID, tomorrow),
		"on":           body(w.culture.Version, w.economy.ID, ""),
	} {
		if e := refused(t, s, "merge without a good "+field, c.call("POST", merge, b), http.StatusUnprocessableEntity); e.Fields[field] == "" {
			t.Errorf("merge: fields %v, want %s named", e.Fields, field)
		}
	}
	refused(t, s, "merge into an org that does not exist", c.call("POST", merge, body(w.culture.Version, 999999999, tomorrow)), http.StatusNotFound)
	got := valid[apiOrgMerged](t, s, c.call("POST", merge, body(w.culture.Version, w.economy.ID, tomorrow)), http.StatusOK, "OrgMerged")
	if deref(got.Org.ValidTo) != today.String() || deref(got.Org.SuccessorID) != w.economy.ID || got.Org.Name != w.culture.Name {
		t.Errorf("merged org = %+v, want it ended today with its name, followed by the economy department", got.Org)
	}
	refused(t, s, "merge an ended org", c.call("POST", merge, body(got.Org.Version, w.economy.ID, tomorrow)), http.StatusUnprocessableEntity)

	person := fmt.Sprintf("/api/v1/people/%d", w.vice.ID)
	refused(t, s, "a person at a version not read", c.call("PATCH", person, `{"version": 1, "phone": "0"}`), http.StatusConflict)
	refused(t, s, "a person without a name", c.call("POST", "/api/v1/people", fmt.Sprintf(`{"org_id": %d}`, w.office.ID)), http.StatusUnprocessableEntity)
	if e := refused(t, s, "sectors of a chairman's post", c.call("POST", person+"/posts", jsonOf(map[string]any{"kind": "chairman",
		"org_id": w.committee.ID, "from": today.String(), "sectors": []string{"economy"}})), http.StatusUnprocessableEntity); e.Fields["sectors"] == "" {
		t.Errorf("sectors of a chairman: fields %v", e.Fields)
	}
	post := fmt.Sprintf("/api/v1/posts/%d/end", w.vice.Posts[0].ID)
	if e := refused(t, s, "end a post without a day", c.call("POST", post, `{}`), http.StatusUnprocessableEntity); e.Fields["on"] == "" {
		t.Errorf("end a post without a day: fields %v", e.Fields)
	}
	ended := valid[apiPost](t, s, c.call("POST", post, jsonOf(map[string]string{"on": today.String()})), http.StatusOK, "Post")
	if deref(ended.To) != today.String() {
		t.Errorf("ended post = %+v", ended)
	}
	refused(t, s, "end a post twice", c.call("POST", post, jsonOf(map[string]string{"on": today.String()})), http.StatusUnprocessableEntity)
}

// checkAccountRules changes, resets and lists the accounts set up, with their refusals.
func checkAccountRules(t *testing.T, s *Server, st *store.Store, srv *httptest.Server, w committeeWorld) {
	t.Helper()
	c := w.admin
	create := func(login, password string) response {
		return c.call("POST", "/api/v1/users", jsonOf(map[string]any{"login": login, "role": "viewer",
			"org_id": w.economy.ID, "password": password}))
	}
	if e := refused(t, s, "a login taken", create("kinhte.anbinh", scriptPassword), http.StatusConflict); e.Fields["login"] == "" {
		t.Errorf("a login taken: fields %v", e.Fields)
	}
	for _, pw := range []string{"", "ngắn"} {
		if e := refused(t, s, fmt.Sprintf("an account with password %q", pw), create("xem.anbinh", pw), http.StatusUnprocessableEntity); e.Fields["password"] == "" {
			t.Errorf("password %q: fields %v", pw, e.Fields)
		}
	}
	user := fmt.Sprintf("/api/v1/users/%d", w.economyUser.ID)
	refused(t, s, "an account at a version not read", c.call("PATCH", user, `{"version": 9, "role": "viewer"}`), http.StatusConflict)
	changed := valid[apiUser](t, s, c.call("PATCH", user, jsonOf(map[string]any{"version": w.economyUser.Version,
		"role": "unit_head", "display_name": "Phòng Kinh tế"})), http.StatusOK, "User")
	if changed.Role != "unit_head" || changed.DisplayName != "Phòng Kinh tế" || changed.OrgID != w.economy.ID {
		t.Errorf("changed account = %+v", changed)
	}
	admin := userByLogin(t, st, "quantri")
	if e := refused(t, s, "demote the last administrator", c.call("PATCH", fmt.Sprintf("/api/v1/users/%d", admin.ID),
		jsonOf(map[string]any{"version": admin.Version, "role": "viewer"})), http.StatusUnprocessableEntity); e.Fields["role"] == "" {
		t.Errorf("demote the last administrator: fields %v", e.Fields)
	}
	list := valid[apiList[apiUser]](t, s, c.call("GET", "/api/v1/users", ""), http.StatusOK, "UserList")
	if list.Total != 4 {
		t.Errorf("%d accounts listed, want the administrator and the three set up", list.Total)
	}

	office := fmt.Sprintf("/api/v1/users/%d", w.officeUser.ID)
	signedIn := tokenClient(t, srv, "vanphong.anbinh", scriptPassword)
	refused(t, s, "a short new password", c.call("POST", office+"/password-reset", `{"password": "ngắn"}`), http.StatusUnprocessableEntity)
	reset := valid[apiPasswordResetDone](t, s, c.call("POST", office+"/password-reset", `{"password": "Mật-khẩu-mới-2026"}`),
		http.StatusOK, "PasswordResetDone")
	if reset.SessionsEnded != 1 || reset.TokensRevoked != 1 {
		t.Errorf("a password reset ended %d sessions and revoked %d tokens, want the one signed in and its token",
			reset.SessionsEnded, reset.TokensRevoked)
	}
	if r := signInForm(newClient(t, srv), "vanphong.anbinh", scriptPassword); r.status == http.StatusSeeOther {
		t.Error("the old password still signs in after the reset")
	}
	if r := signedIn.call("GET", "/api/v1/me", ""); r.status != http.StatusUnauthorized {
		t.Errorf("a token of the old password answers %d after the reset, want 401", r.status)
	}
	fresh := tokenClient(t, srv, "vanphong.anbinh", "Mật-khẩu-mới-2026")
	if got := valid[apiSessionsEnded](t, s, c.call("POST", office+"/sessions/end", ""), http.StatusOK, "SessionsEnded"); got.SessionsEnded != 1 {
		t.Errorf("sessions/end ended %d, want 1", got.SessionsEnded)
	}
	if _, err := st.SetTOTPSecret(ctxb, congtac.System, w.officeUser.ID, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", ""); err != nil {
		t.Fatal(err)
	}
	valid[apiSessionsEnded](t, s, c.call("POST", office+"/totp-reset", ""), http.StatusOK, "SessionsEnded")
	if u := userByLogin(t, st, "vanphong.anbinh"); u.TOTPSecret != "" {
		t.Error("the second factor is still on after its reset")
	}
	valid[apiMe](t, s, fresh.call("GET", "/api/v1/me", ""), http.StatusOK, "Me") // tokens are not sessions
}

// checkSettingsRules refuses committee settings out of range and keeps the SMTP password
// out of every answer.
func checkSettingsRules(t *testing.T, s *Server, w committeeWorld) {
	t.Helper()
	c := w.admin
	cur := valid[apiCommitteeSettings](t, s, c.call("GET", w.settings, ""), http.StatusOK, "CommitteeSettings")
	refused(t, s, "settings at a version not read", c.call("PATCH", w.settings, `{"version": 0, "place": "Khác"}`), http.StatusConflict)
	for field, change := range map[string]map[string]any{
		"series":              {"series": "moi_nam"},
		"holidays":            {"holidays": []string{"2026-02-30"}},
		"briefing_time":       {"briefing_time": "25 giờ"},
		"materials_lead_days": {"materials_lead_days": 90},
		"proposal_lead_days":  {"proposal_lead_days": map[string]int{"day": 1}},
		"signature":           {"signature": map[string]any{"lines": []string{"THAY MẶT ỦY BAN"}}},
		"body_name":           {"body_name": " "},
	} {
		change["version"] = cur.Version
		if e := refused(t, s, "settings with a bad "+field, c.call("PATCH", w.settings, jsonOf(change)), http.StatusUnprocessableEntity); e.Fields[field] == "" {
			t.Errorf("settings with a bad %s: fields %v", field, e.Fields)
		}
	}

	const password = "mật khẩu thư"
	for _, r := range []response{
		c.call("PATCH", "/api/v1/settings/global", jsonOf(map[string]any{"smtp_host": "mail.anbinh.gov.vn", "smtp_port": 465,
			"smtp_username": "nhacviec", "smtp_password": password, "require_totp": []string{"admin", "office_head"}})),
		c.call("GET", "/api/v1/settings/global", ""),
	} {
		g := valid[apiGlobalSettings](t, s, r, http.StatusOK, "GlobalSettings")
		if !g.SMTPPasswordSet || g.SMTPPort != 465 || len(g.RequireTOTP) != 2 || strings.Contains(r.body, password) {
			t.Errorf("global settings = %s; want the password set and never shown", r.body)
		}
	}
	g := valid[apiGlobalSettings](t, s, c.call("PATCH", "/api/v1/settings/global", `{"smtp_password": ""}`), http.StatusOK, "GlobalSettings")
	if g.SMTPPasswordSet || g.SMTPHost != "mail.anbinh.gov.vn" {
		t.Errorf("after clearing the password: %+v", g)
	}
	if e := refused(t, s, "a bad SMTP port", c.call("PATCH", "/api/v1/settings/global", `{"smtp_port": 70000}`), http.StatusUnprocessableEntity); e.Fields["smtp_port"] == "" {
		t.Errorf("a bad SMTP port: fields %v", e.Fields)
	}
}

// checkStampRules refuses images that are not PNGs and removes the seal.
func checkStampRules(t *testing.T, s *Server, st *store.Store, w committeeWorld) {
	t.Helper()
	c := w.admin
	seal := fmt.Sprintf("/api/v1/orgs/%d/seal", w.committee.ID)
	refused(t, s, "a seal sent as JSON", c.call("PUT", seal, `{"png": "iVBORw0KGgo="}`), http.StatusUnsupportedMediaType)
	refused(t, s, "a JPEG as a seal", putPNG(t, c, seal, []byte("\xff\xd8\xff\xe0 không phải PNG"), http.StatusUnprocessableEntity),
		http.StatusUnprocessableEntity)
	refused(t, s, "a seal too large", putPNG(t, c, seal, make([]byte, congtac.MaxStampBytes+1), http.StatusRequestEntityTooLarge),
		http.StatusRequestEntityTooLarge)
	if _, err := st.FindStamp(ctxb, congtac.StampSeal, w.committee.ID); err != nil {
		t.Fatalf("the seal was lost to refused uploads: %v", err)
	}
	if r := c.call("DELETE", seal, ""); r.status != http.StatusNoContent {
		t.Fatalf("DELETE %s = %d", seal, r.status)
	}
	if _, err := st.FindStamp(ctxb, congtac.StampSeal, w.committee.ID); congtac.ErrorCode(err) != congtac.ENOTFOUND {
		t.Errorf("the seal after its removal: %v", err)
	}
}
