package web

import (
	"archive/zip"
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

func init() {
	maps.Copy(dtoSchemas, map[string]any{
		"OrgMerge": apiOrgMerge{}, "OrgMerged": apiOrgMerged{},
		"PersonCreate": apiPersonCreate{}, "PersonUpdate": apiPersonUpdate{}, "PostCreate": apiPostCreate{},
		"PostEnd": apiPostEnd{}, "User": apiUser{}, "UserCreate": apiUserCreate{}, "UserUpdate": apiUserUpdate{},
		"PasswordReset": apiPasswordReset{}, "SessionsEnded": apiSessionsEnded{}, "PasswordResetDone": apiPasswordResetDone{},
		"CommitteeSettings": apiCommitteeSettings{}, "CommitteeSettingsUpdate": apiCommitteeSettingsUpdate{},
		"GlobalSettings": apiGlobalSettings{}, "GlobalSettingsUpdate": apiGlobalSettingsUpdate{},
	})
}

// scriptPassword is the initial password the set-up script gives the accounts it creates.
const scriptPassword = "An-Bình-2026"

// TestAPISetsUpACommittee: on an installation with only its province and one administrator,
// a script sets up a commune committee through the API alone — the committee, its office
// and two departments, the chairman, a vice chairman and the office chief with their posts,
// accounts for the office, the chairman and a department, the committee's masthead, place,
// numbering and signer, the seal and the chairman's signature. The office and the chairman
// sign in with the passwords the script gave them, take tokens, and draft, approve and
// issue the committee's first program through the API: its DOCX and PDF print the
// masthead and signer set through the API with the seal and signature, and keep them when
// the settings change afterwards.
func TestAPISetsUpACommittee(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			_, s, srv, w := newCommitteeWorld(t, e)
			drafter := tokenClient(t, srv, "vanphong.anbinh", scriptPassword)
			chair := tokenClient(t, srv, "chutich.anbinh", scriptPassword)

			p := issueFirstProgram(t, s, w, drafter, chair)
			docx := drafter.call("GET", fmt.Sprintf("/programs/%d/files/chuong-trinh.docx", p.ID), "")
			pdf := drafter.call("GET", fmt.Sprintf("/programs/%d/files/chuong-trinh.pdf", p.ID), "")
			if docx.status != http.StatusOK || pdf.status != http.StatusOK {
				t.Fatalf("files of the issued program: docx %d, pdf %d", docx.status, pdf.status)
			}
			printed := []string{"TỈNH BẮC NINH", "ỦY BAN NHÂN DÂN XÃ AN BÌNH", "Số: 01/CTr-UBND", "An Bình, ngày",
				"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Hùng"}
			// Lines are joined: the DOCX breaks the body's name where the PDF does not.
			assertContains(t, strings.Join(strings.Fields(docxText(t, []byte(docx.body))), " "), printed...)
			assertContains(t, strings.Join(strings.Fields(pdfText(t, []byte(pdf.body))), " "), printed...)
			for name, want := range map[string][]byte{"seal.png": w.seal, "signature.png": w.signature} {
				if got := zipPart(t, docx.body, name); !bytes.Equal(got, want) {
					t.Errorf("the DOCX's %s has %d bytes, want the %d uploaded", name, len(got), len(want))
				}
			}

			// Settings changed after issue change the committee's next documents, not this one.
			admin := w.admin
			cur := valid[apiCommitteeSettings](t, s, admin.call("GET", w.settings, ""), http.StatusOK, "CommitteeSettings")
			valid[apiCommitteeSettings](t, s, admin.call("PATCH", w.settings, jsonOf(map[string]any{
				"version": cur.Version, "parent_body": "", "signature": map[string]any{"lines": []string{}, "title": "Chủ tịch", "name": "Người Khác"},
			})), http.StatusOK, "CommitteeSettings")
			again := drafter.call("GET", fmt.Sprintf("/programs/%d/files/chuong-trinh.docx", p.ID), "")
			assertContains(t, docxText(t, []byte(again.body)), "TỈNH BẮC NINH", "Nguyễn Văn Hùng")
		})
	}
}

// committeeWorld is what setUpCommittee made through the API.
type committeeWorld struct {
	admin                   *apiClient
	committee, office       apiOrg
	economy, culture        apiOrg
	chair, vice, chief      apiPerson
	settings                string // the path of the committee's settings
	seal, signature         []byte // the images uploaded
	officeUser, economyUser apiUser
}

// newCommitteeWorld returns a new installation with only its province and one
// administrator, quantri, on which setUpCommittee set up a commune committee.
func newCommitteeWorld(t *testing.T, e store.Engine) (*store.Store, *Server, *httptest.Server, committeeWorld) {
	t.Helper()
	st := storetest.Open(t, e)
	province := mustCommittee(t, st)
	mustUser(t, st, "quantri", congtac.RoleAdmin, province.ID)
	s, _ := newTestServer(t, st)
	srv := startServer(t, s)
	return st, s, srv, setUpCommittee(t, s, srv, bearerClient(t, st, srv, "quantri"), province.ID)
}

// setUpCommittee sets up the commune committee of xã An Bình under the province through the
// API as the administrator c, checking each answer against the OpenAPI document.
func setUpCommittee(t *testing.T, s *Server, srv *httptest.Server, c *apiClient, province int64) committeeWorld {
	t.Helper()
	w := committeeWorld{admin: c}
	org := func(parent int64, kind, name, short string) apiOrg {
		t.Helper()
		return valid[apiOrg](t, s, c.call("POST", "/api/v1/orgs", jsonOf(map[string]any{"parent_id": parent,
			"kind": kind, "name": name, "short_name": short})), http.StatusCreated, "Org")
	}
	w.committee = org(province, "committee", "Ủy ban nhân dân xã An Bình", "UBND")
	w.office = org(w.committee.ID, "office", "Văn phòng HĐND và UBND", "VP")
	w.economy = org(w.committee.ID, "department", "Phòng Kinh tế", "KT")
	w.culture = org(w.committee.ID, "department", "Phòng Văn hóa - Xã hội", "VHXH")

	from := s.today().String()
	person := func(name string, org int64, post map[string]any) apiPerson {
		t.Helper()
		p := valid[apiPerson](t, s, c.call("POST", "/api/v1/people", jsonOf(map[string]any{"full_name": name,
			"org_id": org, "email": "anbinh@example.vn"})), http.StatusCreated, "Person")
		post["from"] = from
		got := valid[apiPost](t, s, c.call("POST", fmt.Sprintf("/api/v1/people/%d/posts", p.ID), jsonOf(post)),
			http.StatusCreated, "Post")
		if got.Kind != post["kind"] || got.OrgID != post["org_id"] || deref(got.From) != from {
			t.Errorf("post of %s = %+v, want %v", name, got, post)
		}
		p.Posts = append(p.Posts, got)
		return p
	}
	w.chair = person("Nguyễn Văn Hùng", w.committee.ID, map[string]any{"kind": "chairman", "org_id": w.committee.ID})
	w.vice = person("Trần Thị Lan", w.committee.ID, map[string]any{"kind": "vice_chairman", "org_id": w.committee.ID,
		"sectors": []string{"economy"}})
	w.chief = person("Lê Minh Tuấn", w.office.ID, map[string]any{"kind": "office_head", "org_id": w.office.ID})
	vice := valid[apiPerson](t, s, c.call("PATCH", fmt.Sprintf("/api/v1/people/%d", w.vice.ID),
		jsonOf(map[string]any{"version": w.vice.Version, "phone": "0912 345 678"})), http.StatusOK, "Person")
	if vice.Phone != "0912 345 678" || vice.Version != w.vice.Version+1 || len(vice.Posts) != 1 || vice.Posts[0].Sectors[0] != "economy" {
		t.Errorf("vice chairman after the change = %+v", vice)
	}

	user := func(login, role string, org, person int64) apiUser {
		t.Helper()
		return valid[apiUser](t, s, c.call("POST", "/api/v1/users", jsonOf(map[string]any{"login": login, "role": role,
			"org_id": org, "person_id": person, "password": scriptPassword})), http.StatusCreated, "User")
	}
	w.officeUser = user("vanphong.anbinh", "drafter", w.office.ID, w.chief.ID)
	if w.officeUser.OrgID != w.committee.ID || w.officeUser.DisplayName != "Lê Minh Tuấn" {
		t.Errorf("office account = %+v, want it scoped to the committee and named after its person", w.officeUser)
	}
	user("chutich.anbinh", "leader", w.committee.ID, w.chair.ID)
	w.economyUser = user("kinhte.anbinh", "reporter", w.economy.ID, 0)

	w.settings = fmt.Sprintf("/api/v1/committees/%d/settings", w.committee.ID)
	defaults := valid[apiCommitteeSettings](t, s, c.call("GET", w.settings, ""), http.StatusOK, "CommitteeSettings")
	if defaults.Version != 0 || defaults.BodyName != "ỦY BAN NHÂN DÂN XÃ AN BÌNH" || defaults.ParentBody != "" || defaults.Place != "An Bình" {
		t.Errorf("a new committee's settings = %+v, want the defaults of its name", defaults)
	}
	saved := valid[apiCommitteeSettings](t, s, c.call("PATCH", w.settings, jsonOf(map[string]any{
		"version": 0, "parent_body": "TỈNH BẮC NINH", "body_name": "ỦY BAN NHÂN DÂN XÃ AN BÌNH", "place": "An Bình",
		"series": "per_type", "briefing_day": 1, "briefing_time": "7 giờ 30", "holidays": []string{"2026-09-02", "2026-09-01", "2026-09-02"},
		"proposal_lead_days": map[string]int{"month": 5},
		"signature": map[string]any{"lines": []string{"TM. Ủy ban nhân dân"}, "title": "Chủ tịch",
			"name": "Nguyễn Văn Hùng", "person_id": w.chair.ID},
	})), http.StatusOK, "CommitteeSettings")
	if saved.Version != 1 || saved.Series != "per_type" || deref(saved.BriefingTime) != "07:30" ||
		strings.Join(saved.Holidays, " ") != "2026-09-01 2026-09-02" || saved.ProposalLeadDays["month"] != 5 ||
		saved.ProposalLeadDays["year"] != 45 || strings.Join(saved.Signature.Lines, "") != "TM. ỦY BAN NHÂN DÂN" {
		t.Errorf("saved settings = %+v", saved)
	}

	w.seal, w.signature = testPNG(t, 150, 150, color.NRGBA{R: 220, A: 200}), testPNG(t, 200, 80, color.NRGBA{B: 200, A: 255})
	putPNG(t, c, fmt.Sprintf("/api/v1/orgs/%d/seal", w.committee.ID), w.seal, http.StatusNoContent)
	putPNG(t, c, fmt.Sprintf("/api/v1/people/%d/signature", w.chair.ID), w.signature, http.StatusNoContent)
	return w
}

// issueFirstProgram drafts the committee's program of this month as the office, with a
// task for the economy department, has the chairman approve it, and issues it today.
func issueFirstProgram(t *testing.T, s *Server, w committeeWorld, drafter, chair *apiClient) apiProgram {
	t.Helper()
	today := s.today()
	draft := valid[apiProgramDetail](t, s, drafter.call("POST", "/api/v1/programs", jsonOf(map[string]any{
		"org_id": w.committee.ID, "period": fmt.Sprintf("%04d-%02d", today.Year, int(today.Month))})),
		http.StatusCreated, "ProgramDetail")
	if draft.Place != "An Bình" || draft.Signature.Name != "Nguyễn Văn Hùng" || deref(draft.Signature.PersonID) != w.chair.ID {
		t.Errorf("the first draft = place %q, signature %+v; want the committee's settings", draft.Place, draft.Signature)
	}
	valid[apiTask](t, s, drafter.call("POST", fmt.Sprintf("/api/v1/items/%d/tasks", draft.Items[0].ID), jsonOf(map[string]any{
		"text": "Rà soát hộ kinh doanh trên địa bàn", "lead": w.economy.ID, "support": []int64{w.culture.ID},
		"due": map[string]any{"date": today.String()}})), http.StatusCreated, "Task")
	prog := fmt.Sprintf("/api/v1/programs/%d", draft.ID)
	p := valid[apiProgram](t, s, drafter.call("GET", prog, ""), http.StatusOK, "ProgramDetail")
	step := func(c *apiClient, action string) {
		t.Helper()
		p = valid[apiProgram](t, s, c.call("POST", prog+"/transitions", jsonOf(map[string]any{"version": p.Version,
			"action": action})), http.StatusOK, "Program")
	}
	step(drafter, "submit")
	step(chair, "approve")
	p = valid[apiProgram](t, s, drafter.call("POST", prog+"/issue", jsonOf(map[string]any{"version": p.Version})),
		http.StatusOK, "Program")
	if p.Status != "issued" || deref(p.Code) != "01/CTr-UBND" {
		t.Fatalf("issued program = %+v", p)
	}
	return p
}

// tokenClient signs in through the sign-in form with a password, as a script does, and
// returns an API client with a token the user took with that session.
func tokenClient(t *testing.T, srv *httptest.Server, login, password string) *apiClient {
	t.Helper()
	c := newClient(t, srv)
	mustRedirect(t, "sign in as "+login, signInForm(c, login, password), "/tasks")
	r := doBody(t, c, "POST", "/api/v1/tokens", `{"name": "kịch bản thiết lập"}`,
		http.Header{"Content-Type": {"application/json"}, "Sec-Fetch-Site": {"same-origin"}})
	tok := decodeAs[apiNewToken](t, r, http.StatusCreated)
	return &apiClient{t: t, base: srv.URL, header: http.Header{"Authorization": {"Bearer " + tok.Token}}}
}

// testPNG returns a w×h PNG of one colour.
func testPNG(t *testing.T, w, h int, c color.NRGBA) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.R, c.G, c.B, c.A
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// putPNG sends pic as the raw image/png body of a PUT and checks the status; an error
// answer is checked against the document's Error schema.
func putPNG(t *testing.T, c *apiClient, path string, pic []byte, want int) response {
	t.Helper()
	r := c.callWith("PUT", path, string(pic), http.Header{"Content-Type": {"image/png"}})
	if r.status != want {
		t.Fatalf("PUT %s = %d, want %d: %s", path, r.status, want, r.body)
	}
	return r
}

// zipPart returns the bytes of the part of a zip whose name ends with name; nil for none.
func zipPart(t *testing.T, zipped, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(strings.NewReader(zipped), int64(len(zipped)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, "/"+name) {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, _ := io.ReadAll(rc)
			return b
		}
	}
	return nil
}
