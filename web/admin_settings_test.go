package web

import (
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"congtac"
	"congtac/demo"
	"congtac/store"
	"congtac/store/storetest"
)

// settingsFields is a complete form of a committee's settings.
func settingsFields() url.Values {
	return url.Values{
		"body_name": {"ỦY BAN NHÂN DÂN XÃ AN BÌNH"}, "parent_body": {"ỦY BAN NHÂN DÂN TỈNH SƠN HÀ"},
		"place": {"An Bình"}, "series": {"per_type"}, "materials_lead_days": {"7"}, "briefing_day": {"1"},
		"briefing_time": {"8h30"}, "holidays": {"2/9/2027\r\n\r\n01/01/2027\r\n1/1/2027"}, "working_saturdays": {"9/1/2027"},
		"national_day": {"after"}, "proposal_year": {"30"}, "proposal_quarter": {"10"}, "proposal_month": {"5"}, "proposal_week": {"1"},
		"sign_lines": {"TL. Chủ tịch\r\nKT. chánh văn phòng"}, "sign_title": {"Phó Chánh Văn phòng"},
		"sign_name": {" Vũ  Thị Ngọc Ánh "}, "reminder_lead_days": {"5"}, "digest_time": {"6h30"},
	}
}

// globalFields is a complete form of the global settings.
func globalFields() url.Values {
	return url.Values{
		"require_totp": {"office_head", "leader"}, "smtp_host": {"mail.example.vn"}, "smtp_port": {"465"},
		"smtp_username": {"vanthu"}, "smtp_from": {"Văn phòng <vanphong@example.vn>"}, "smtp_password": {"thư-bí-mật"},
		"smtp_security": {"tls"},
	}
}

// committeeOf returns the demo committee of org name with its settings.
func committeeOf(t *testing.T, st *store.Store, name string) congtac.Committee {
	t.Helper()
	c, err := st.FindCommittee(ctxb, demoOrg(t, st, name).ID)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestSettingsRoundTrip(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := newDemo(t, e)
			s, _ := newTestServer(t, st)
			admin := as(t, s, startServer(t, s), "admin")
			province := committeeOf(t, st, "Ủy ban nhân dân tỉnh Sơn Hà")
			r := admin.get("/admin/settings")
			mustStatus(t, "settings page", r, http.StatusOK)
			assertContains(t, r.body, "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ", `value="14 giờ 00"`, fmt.Sprintf("01/01/%d", demoToday.Year-1),
				demo.CommuneName, `action="/admin/settings/global"`, `name="smtp_host"`)

			fields := settingsFields()
			fields.Set("committee", idText(province.Org.ID))
			fields.Set("version", fmt.Sprint(province.Version))
			mustRedirect(t, "saving the settings", admin.post("/admin/settings", fields),
				"/admin/settings?committee="+idText(province.Org.ID))
			got := committeeOf(t, st, "Ủy ban nhân dân tỉnh Sơn Hà")
			want := congtac.Settings{BodyName: "ỦY BAN NHÂN DÂN XÃ AN BÌNH", ParentBody: "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ",
				Place: "An Bình", Series: congtac.SeriesPerType, MaterialsLeadDays: 7, BriefingDay: time.Monday,
				BriefingTime: congtac.At(8, 30), Holidays: []congtac.Date{congtac.MustDate(2027, 1, 1), congtac.MustDate(2027, 9, 2)},
				WorkingSaturdays: []congtac.Date{congtac.MustDate(2027, 1, 9)}, NationalDay: congtac.NationalDayAfter,
				ProposalLeadDays: map[congtac.PeriodKind]int{congtac.PeriodYear: 30, congtac.PeriodQuarter: 10,
					congtac.PeriodMonth: 5, congtac.PeriodWeek: 1},
				Signature: congtac.Signature{Lines: []congtac.SignLine{{Authority: congtac.AuthorityByOrder, Of: "CHỦ TỊCH"},
					{Authority: congtac.AuthorityDeputy, Of: "CHÁNH VĂN PHÒNG"}}, Title: "Phó Chánh Văn phòng", Name: "Vũ Thị Ngọc Ánh"},
				ReminderLeadDays: 5, DigestTime: congtac.At(6, 30)}
			if !reflect.DeepEqual(got.Settings, want) || got.Version != province.Version+1 {
				t.Errorf("saved settings v%d =\n%+v\nwant v%d\n%+v", got.Version, got.Settings, province.Version+1, want)
			}
			if c := committeeOf(t, st, demo.CommuneName); c.Settings.BodyName != demo.CommuneBody {
				t.Errorf("saving the province's settings changed the commune's body name to %q", c.Settings.BodyName)
			}
			r = admin.get("/admin/settings?committee=" + idText(province.Org.ID))
			assertContains(t, r.body, "Đã lưu cấu hình", `value="8 giờ 30"`, "02/09/2027", "KT. CHÁNH VĂN PHÒNG", `value="6 giờ 30"`)

			// the same form again carries a stale version
			mustStatus(t, "saving from a stale version", admin.post("/admin/settings", fields), http.StatusConflict)

			mustRedirect(t, "saving the global settings", admin.post("/admin/settings/global", globalFields()), "/admin/settings")
			g, err := st.GlobalSettings(ctxb)
			if err != nil {
				t.Fatal(err)
			}
			wantG := congtac.GlobalSettings{RequireTOTP: []congtac.Role{congtac.RoleOfficeHead, congtac.RoleLeader},
				SMTP: congtac.SMTP{Host: "mail.example.vn", Port: 465, Username: "vanthu", Password: "thư-bí-mật",
					From: "Văn phòng <vanphong@example.vn>", Security: congtac.SMTPTLS}}
			if !reflect.DeepEqual(g, wantG) {
				t.Errorf("saved global settings =\n%+v\nwant\n%+v", g, wantG)
			}
			r = admin.get("/admin/settings")
			assertContains(t, r.body, "Đã lưu cấu hình chung", "đã lưu; để trống để giữ nguyên", `<option value="tls" selected>`)
			assertLacks(t, r.body, "thư-bí-mật")

			gf := globalFields()
			gf.Del("smtp_password")
			mustRedirect(t, "saving without a password", admin.post("/admin/settings/global", gf), "/admin/settings")
			if got, _ := st.GlobalSettings(ctxb); got.SMTP.Password != "thư-bí-mật" {
				t.Errorf("an empty password field replaced the stored one with %q", got.SMTP.Password)
			}
		})
	}
}

func TestSettingsRefusesBadInput(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := newDemo(t, e)
			before := committeeOf(t, st, "Ủy ban nhân dân tỉnh Sơn Hà")
			s, _ := newTestServer(t, st)
			admin := as(t, s, startServer(t, s), "admin")
			fields := settingsFields()
			fields.Set("holidays", "01/01/2027\n31/04/2027\n02/09/2027")
			fields.Set("briefing_time", "25 giờ")
			fields.Set("body_name", " ")
			fields.Set("sign_lines", "THAY CHỦ TỊCH")
			fields.Set("reminder_lead_days", "31")
			fields.Set("digest_time", "sáng sớm")
			r := admin.post("/admin/settings", fields)
			mustStatus(t, "settings with a bad date", r, http.StatusUnprocessableEntity)
			assertContains(t, r.body, "dòng 2", "31/4/2027 không có trên lịch", "31/04/2027", "Tên cơ quan ban hành không được để trống.",
				`value="25 giờ"`, `value="An Bình"`, "phải bắt đầu bằng TM., KT., TL., TUQ. hoặc Q.", `value="sáng sớm"`,
				"Số ngày nhắc trước hạn phải từ 0 đến 30.", "Không hiểu giờ “sáng sớm”")
			if after := committeeOf(t, st, "Ủy ban nhân dân tỉnh Sơn Hà"); !reflect.DeepEqual(after, before) {
				t.Errorf("a refused form changed the settings:\n%+v\nwas\n%+v", after, before)
			}
			g := globalFields()
			g.Set("smtp_port", "70000")
			r = admin.post("/admin/settings/global", g)
			mustStatus(t, "global settings with a bad port", r, http.StatusUnprocessableEntity)
			assertContains(t, r.body, "Cổng máy chủ thư phải từ 1 đến 65535.", `value="mail.example.vn"`)
			g.Set("smtp_port", "587")
			g.Set("smtp_security", "ssl3")
			r = admin.post("/admin/settings/global", g)
			mustStatus(t, "global settings with an unknown security", r, http.StatusUnprocessableEntity)
			assertContains(t, r.body, "Cách bảo vệ kết nối")
			assertLacks(t, r.body, "thư-bí-mật")
		})
	}
}

// TestSettingsFollowTheRoleAndCommittee: the commune's office head configures its own
// committee only; the province's office head its own; global settings are the admins'.
func TestSettingsFollowTheRoleAndCommittee(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := newDemo(t, e)
			s, _ := newTestServer(t, st)
			srv := startServer(t, s)
			province, commune := committeeOf(t, st, "Ủy ban nhân dân tỉnh Sơn Hà"), committeeOf(t, st, demo.CommuneName)
			xa, cvp := as(t, s, srv, demo.CommuneLogin), as(t, s, srv, "cvp")

			r := xa.get("/admin/settings")
			mustStatus(t, "the commune's settings page", r, http.StatusOK)
			assertContains(t, r.body, demo.CommuneBody, `value="`+demo.CommunePlace+`"`)
			assertLacks(t, r.body, "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ", `name="smtp_host"`, "/admin/settings/global")
			mustStatus(t, "the commune opens the province's settings", xa.get("/admin/settings?committee="+idText(province.Org.ID)), http.StatusForbidden)
			mustStatus(t, "the province's office head opens the commune's", cvp.get("/admin/settings?committee="+idText(commune.Org.ID)), http.StatusForbidden)

			fields := settingsFields()
			fields.Set("committee", idText(province.Org.ID))
			fields.Set("body_name", demo.CommuneBody)
			mustStatus(t, "the commune saves the province's settings", xa.post("/admin/settings", fields), http.StatusForbidden)
			if got := committeeOf(t, st, "Ủy ban nhân dân tỉnh Sơn Hà"); !reflect.DeepEqual(got, province) {
				t.Errorf("a refused save changed the province's settings: %+v", got.Settings)
			}
			mustStatus(t, "the commune saves the global settings", xa.post("/admin/settings/global", globalFields()), http.StatusForbidden)
			if g, _ := st.GlobalSettings(ctxb); g.SMTP.Host != "" {
				t.Errorf("a refused save changed the global settings: %+v", g)
			}
			for _, login := range []string{"vanphong", "chutich", "xabaocao"} {
				mustStatus(t, login+" opens the settings", as(t, s, srv, login).get("/admin/settings"), http.StatusForbidden)
			}

			fields = settingsFields()
			fields.Set("place", "Đông Sơn Mới")
			mustRedirect(t, "the commune saves its own settings (no committee field: its own)", xa.post("/admin/settings", fields),
				"/admin/settings?committee="+idText(commune.Org.ID))
			if got := committeeOf(t, st, demo.CommuneName); got.Settings.Place != "Đông Sơn Mới" {
				t.Errorf("the commune's place = %q after its save", got.Settings.Place)
			}
			if got := committeeOf(t, st, "Ủy ban nhân dân tỉnh Sơn Hà"); !reflect.DeepEqual(got, province) {
				t.Errorf("the commune's save changed the province's settings: %+v", got.Settings)
			}
		})
	}
}

// issuedProgramOf returns the newest issued program of committee org.
func issuedProgramOf(t *testing.T, st *store.Store, org int64) congtac.Program {
	t.Helper()
	issued := congtac.ProgramIssued
	ps, _, err := st.FindPrograms(ctxb, congtac.ProgramFilter{OrgID: &org, Status: &issued, Limit: 1})
	if err != nil || len(ps) != 1 {
		t.Fatalf("issued program of org %d: %d, %v", org, len(ps), err)
	}
	return ps[0]
}

// TestCommitteesPrintTheirOwnMasthead: the province's and the commune's programs print
// their own body and place, and the commune's program is numbered from its own register;
// changing the commune's settings leaves the province's document as it was.
func TestCommitteesPrintTheirOwnMasthead(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := newDemo(t, e)
			s, _ := newTestServer(t, st)
			srv := startServer(t, s)
			province, commune := demoOrg(t, st, "Ủy ban nhân dân tỉnh Sơn Hà"), demoOrg(t, st, demo.CommuneName)
			pp, cp := issuedProgramOf(t, st, province.ID), issuedProgramOf(t, st, commune.ID)
			if got := congtac.FormatNumber(cp.Number, cp.Symbol); got != "01/CTr-UBND" {
				t.Errorf("the commune's program is numbered %s, want 01/CTr-UBND", got)
			}
			if pp.Number < 2 && demoToday.Month > 1 {
				t.Errorf("the province's program of month %d is numbered %d: its register is shared with the commune's?", demoToday.Month, pp.Number)
			}
			cvp, xa := as(t, s, srv, "cvp"), as(t, s, srv, demo.CommuneLogin)
			file := func(c *client, p congtac.Program) string {
				r := c.get(fmt.Sprintf("/programs/%d/files/chuong-trinh.docx", p.ID))
				mustStatus(t, "program file", r, http.StatusOK)
				return docxText(t, []byte(r.body))
			}
			before := file(cvp, pp)
			assertContains(t, before, "ỦY BAN NHÂN DÂN", "TỈNH SƠN HÀ", "Sơn Hà, ngày")
			assertLacks(t, before, "ĐÔNG SƠN")
			communeDoc := file(xa, cp)
			assertContains(t, communeDoc, "ỦY BAN NHÂN DÂN", "XÃ ĐÔNG SƠN", demo.CommunePlace+", ngày", "01/CTr-UBND")
			assertLacks(t, communeDoc, "SƠN HÀ")
			page := xa.get(fmt.Sprintf("/programs/%d", cp.ID))
			mustStatus(t, "the commune's program page", page, http.StatusOK)
			assertContains(t, page.body, "XÃ ĐÔNG SƠN", "01/CTr-UBND")
			assertLacks(t, page.body, "TỈNH SƠN HÀ")

			fields := settingsFields()
			fields.Set("body_name", "ỦY BAN NHÂN DÂN XÃ ĐÔNG SƠN MỚI")
			mustRedirect(t, "the commune changes its masthead", xa.post("/admin/settings", fields),
				"/admin/settings?committee="+idText(commune.ID))
			if after := file(cvp, pp); after != before {
				t.Errorf("changing the commune's settings changed the province's document")
			}
		})
	}
}

// TestCommuneOfficeDraftsAndIssuesItsOwnProgram: xavanphong sees its committee's issued
// program, drafts next month's, and cannot draft for the province.
func TestCommuneOfficeDraftsAndIssuesItsOwnProgram(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := newDemo(t, e)
			s, _ := newTestServer(t, st)
			srv := startServer(t, s)
			province, commune := demoOrg(t, st, "Ủy ban nhân dân tỉnh Sơn Hà"), demoOrg(t, st, demo.CommuneName)
			xa := as(t, s, srv, demo.CommuneLogin)
			if u := userByLogin(t, st, demo.CommuneLogin); u.OrgID != commune.ID || u.Role != congtac.RoleOfficeHead {
				t.Errorf("xavanphong: org %d role %s, want the commune committee %d, office head", u.OrgID, u.Role, commune.ID)
			}
			r := xa.get("/programs")
			mustStatus(t, "the commune's programs", r, http.StatusOK)
			assertContains(t, r.body, "Công tác của UBND xã tháng")

			next := congtac.PeriodOf(congtac.PeriodMonth, demoToday).Next()
			form := vals("org", idText(commune.ID), "kind", "month", "year", fmt.Sprint(next.Year), "number", fmt.Sprint(next.Number))
			r = xa.post("/programs", form)
			if r.status != http.StatusSeeOther {
				t.Fatalf("the commune drafts next month's program: %d\n%s", r.status, mainExcerpt(r.body))
			}
			month := next
			ps, _, err := st.FindPrograms(ctxb, congtac.ProgramFilter{OrgID: &commune.ID, Period: &month, Limit: 1})
			if err != nil || len(ps) != 1 {
				t.Fatalf("the commune's draft: %d, %v", len(ps), err)
			}
			p, _ := st.FindProgramByID(ctxb, ps[0].ID)
			if p.Place != demo.CommunePlace || p.Signature.Title != "Chủ tịch" || !strings.Contains(programItemsText(p), "sáng thứ Hai") {
				t.Errorf("the commune's first draft: place %q, signer %+v; want its own settings", p.Place, p.Signature)
			}
			form.Set("org", idText(province.ID))
			if r := xa.post("/programs", form); r.status == http.StatusSeeOther {
				t.Errorf("the commune drafted a program of the province")
			}
		})
	}
}

func programItemsText(p congtac.Program) string {
	var b strings.Builder
	for _, it := range p.Items {
		b.WriteString(it.Text + "\n")
	}
	return b.String()
}

// TestUserFormScopesOfficeAccountsToTheirCommittee: an account the admin places in the
// commune's office as a drafter is scoped to the commune committee, whatever the form says.
func TestUserFormScopesOfficeAccountsToTheirCommittee(t *testing.T) {
	st := newDemo(t, store.SQLite)
	s, _ := newTestServer(t, st)
	admin := as(t, s, startServer(t, s), "admin")
	office, commune := demoOrg(t, st, "Văn phòng HĐND và UBND xã"), demoOrg(t, st, demo.CommuneName)
	r := admin.post("/admin/users", vals("login", "xasoanthao", "display_name", "Soạn thảo xã", "role", "drafter",
		"org_id", idText(office.ID), "password", "mật-khẩu-ban-đầu-dài"))
	if r.status != http.StatusSeeOther {
		t.Fatalf("create the account: %d\n%s", r.status, mainExcerpt(r.body))
	}
	if u := userByLogin(t, st, "xasoanthao"); u.OrgID != commune.ID {
		t.Errorf("a drafter placed in the commune's office is scoped to org %d, want the commune committee %d", u.OrgID, commune.ID)
	}
	r = admin.post("/admin/users", vals("login", "xaxem", "display_name", "Xem xã", "role", "viewer",
		"org_id", idText(office.ID), "password", "mật-khẩu-ban-đầu-dài"))
	if r.status != http.StatusSeeOther {
		t.Fatalf("create the viewer: %d", r.status)
	}
	if u := userByLogin(t, st, "xaxem"); u.OrgID != office.ID {
		t.Errorf("a viewer placed in the office is scoped to %d, want the office %d", u.OrgID, office.ID)
	}
}

// TestCommuneOfficeCannotChangeTheProvince: the commune's office head reads the province's
// issued program (the committee above it) but changes none of its content.
func TestCommuneOfficeCannotChangeTheProvince(t *testing.T) {
	st := sharedDemo(t, store.SQLite)
	s, _ := newTestServer(t, st)
	srv := startServer(t, s)
	xa := as(t, s, srv, demo.CommuneLogin)
	ids := demoIDs(t, st)
	for _, rt := range s.routeTable() {
		if rt.need != congtac.DraftPrograms || rt.method == http.MethodDelete || !strings.Contains(rt.pattern, "{id}") ||
			!(strings.HasPrefix(rt.pattern, "/tasks/") || strings.HasPrefix(rt.pattern, "/api/v1/tasks/")) {
			continue
		}
		path := fillPattern(rt.pattern, ids)
		if r := request(xa, rt, path); r.status != http.StatusForbidden && r.status != http.StatusNotFound {
			t.Errorf("%s %s as %s: %d, want 403 or 404", rt.method, path, demo.CommuneLogin, r.status)
		}
	}
}
