package web

import (
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"testing"
	"time"

	"congtac"
	"congtac/store/storetest"
)

// settingsFields is a complete settings form.
func settingsFields() url.Values {
	return url.Values{
		"body_name": {"ỦY BAN NHÂN DÂN XÃ AN BÌNH"}, "parent_body": {"ỦY BAN NHÂN DÂN TỈNH SƠN HÀ"},
		"place": {"An Bình"}, "series": {"per_type"}, "materials_lead_days": {"7"}, "briefing_day": {"1"},
		"briefing_time": {"8h30"}, "holidays": {"2/9/2027\r\n\r\n01/01/2027\r\n1/1/2027"}, "working_saturdays": {"9/1/2027"},
		"proposal_year": {"30"}, "proposal_quarter": {"10"}, "proposal_month": {"5"}, "proposal_week": {"1"},
		"require_totp": {"office_head", "leader"}, "smtp_host": {"mail.example.vn"}, "smtp_port": {"465"},
		"smtp_username": {"vanthu"}, "smtp_from": {"Văn phòng <vanphong@example.vn>"}, "smtp_password": {"thư-bí-mật"},
	}
}

func TestSettingsRoundTrip(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := newDemo(t, e)
			s, _ := newTestServer(t, st)
			admin := as(t, s, startServer(t, s), "admin")
			r := admin.get("/admin/settings")
			mustStatus(t, "settings page", r, http.StatusOK)
			assertContains(t, r.body, "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ", `value="14 giờ 00"`, fmt.Sprintf("01/01/%d", demoToday.Year-1))

			mustRedirect(t, "saving the settings", admin.post("/admin/settings", settingsFields()), "/admin/settings")
			got, err := st.Settings(ctxb)
			if err != nil {
				t.Fatal(err)
			}
			want := congtac.Settings{BodyName: "ỦY BAN NHÂN DÂN XÃ AN BÌNH", ParentBody: "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ",
				Place: "An Bình", Series: congtac.SeriesPerType, MaterialsLeadDays: 7, BriefingDay: time.Monday,
				BriefingTime: congtac.At(8, 30), Holidays: []congtac.Date{congtac.MustDate(2027, 1, 1), congtac.MustDate(2027, 9, 2)},
				WorkingSaturdays: []congtac.Date{congtac.MustDate(2027, 1, 9)},
				ProposalLeadDays: map[congtac.PeriodKind]int{congtac.PeriodYear: 30, congtac.PeriodQuarter: 10,
					congtac.PeriodMonth: 5, congtac.PeriodWeek: 1},
				RequireTOTP: []congtac.Role{congtac.RoleOfficeHead, congtac.RoleLeader},
				SMTP: congtac.SMTP{Host: "mail.example.vn", Port: 465, Username: "vanthu", Password: "thư-bí-mật",
					From: "Văn phòng <vanphong@example.vn>"}}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("saved settings =\n%+v\nwant\n%+v", got, want)
			}
			r = admin.get("/admin/settings")
			assertContains(t, r.body, "Đã lưu cấu hình.", `value="8 giờ 30"`, "02/09/2027", "đã lưu; để trống để giữ nguyên")
			assertLacks(t, r.body, "thư-bí-mật")

			fields := settingsFields()
			fields.Del("smtp_password")
			mustRedirect(t, "saving without a password", admin.post("/admin/settings", fields), "/admin/settings")
			if got, _ := st.Settings(ctxb); got.SMTP.Password != "thư-bí-mật" {
				t.Errorf("an empty password field replaced the stored one with %q", got.SMTP.Password)
			}
		})
	}
}

func TestSettingsRefusesBadInput(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st := newDemo(t, e)
			before, err := st.Settings(ctxb)
			if err != nil {
				t.Fatal(err)
			}
			s, _ := newTestServer(t, st)
			admin := as(t, s, startServer(t, s), "admin")
			fields := settingsFields()
			fields.Set("holidays", "01/01/2027\n31/04/2027\n02/09/2027")
			fields.Set("briefing_time", "25 giờ")
			fields.Set("body_name", " ")
			r := admin.post("/admin/settings", fields)
			mustStatus(t, "settings with a bad date", r, http.StatusUnprocessableEntity)
			assertContains(t, r.body, "dòng 2", "31/4/2027 không có trên lịch", "31/04/2027", "Tên cơ quan ban hành không được để trống.",
				`value="25 giờ"`, `value="mail.example.vn"`, `value="An Bình"`)
			assertLacks(t, r.body, "thư-bí-mật")
			if after, _ := st.Settings(ctxb); !reflect.DeepEqual(after, before) {
				t.Errorf("a refused form changed the settings:\n%+v\nwas\n%+v", after, before)
			}
		})
	}
}
