package web

import (
	"net/http"

	"congtac"
)

func init() { pageSamples = append(pageSamples, accountSamples, adminSamples) }

// accountSamples covers one's own account pages.
func accountSamples(s *Server, r *http.Request) []pageSample {
	l := s.layout(r, "Tài khoản của tôi")
	full := accountPage{layout: l, Login: "vanphong", OrgName: "Ủy ban nhân dân tỉnh", RoleLabel: "Chuyên viên Văn phòng",
		LastSignIn: "27/11/2026 08:30", TOTPOn: true,
		Sessions: []accountSession{{ID: "0123456789abcdef", Started: "27/11/2026 08:30", Current: true},
			{ID: "fedcba9876543210", Started: "26/11/2026 14:00", Agent: "Firefox"}},
		Tokens: []accountToken{{ID: 3, Name: "Bảng tính", Created: "20/11/2026 10:00", Active: true},
			{ID: 2, Name: "Cũ", Revoked: "19/11/2026 10:00"}}}
	return []pageSample{
		{full, `action="/account/sessions/fedcba9876543210/end"`},
		{full, `action="/account/tokens/3/revoke"`},
		{accountPage{layout: l, PasswordErrors: map[string]string{"new_password": "Mật khẩu cần ít nhất 8 ký tự."}},
			"Mật khẩu cần ít nhất 8 ký tự."},
		{accountPage{layout: l, NewToken: "ct_abc", NewTokenName: "Bảng tính"}, "ct_abc"},
		{accountPage{layout: l, TokenName: "Tên <thử>", TokenErrors: map[string]string{"": "Tối đa 20 mã."}},
			`value="Tên &lt;thử&gt;"`},
		{accountPage{layout: l, TOTPOn: true, DisableErrors: map[string]string{"current_password": "Sai."}}, "Sai."},
		{accountTOTPPage{layout: s.layout(r, "Xác thực hai lớp"), Secret: "ABCD EFGH", Account: "congtac: admin"},
			`src="/account/totp/qr.png"`},
		{accountTOTPPage{layout: s.layout(r, "Xác thực hai lớp"), Required: true, Secret: "ABCD",
			Errors: map[string]string{"code": "Mã xác thực không đúng"}}, "Mã xác thực không đúng"},
		{accountTOTPPage{layout: s.layout(r, "Xác thực hai lớp"), On: true}, "Đang bật"},
	}
}

// adminSamples covers the administration pages.
func adminSamples(s *Server, r *http.Request) []pageSample {
	choices := []option{{Value: "1", Label: "Ủy ban nhân dân tỉnh"}, {Value: "2", Label: "— Văn phòng", Selected: true}}
	perms := permissionsPage{layout: s.layout(r, "Bảng phân quyền"), Roles: []string{"Quản trị hệ thống"},
		Rows: []permissionRow{{Capability: congtac.ManageOrgs.Label(), Cells: []permissionCell{{Label: "Toàn hệ thống"}}}}}
	return []pageSample{
		{adminPage{layout: s.layout(r, "Quản trị"), Links: []adminLink{{"/admin/orgs", "Cơ quan, đơn vị", "Cây"}}},
			`href="/admin/orgs"`},
		{adminPage{layout: s.layout(r, "Quản trị")}, "không có trang quản trị nào"},
		{mailPage{layout: s.layout(r, "Thư nhắc việc"), MailOff: true, Counts: []mailCount{{"Gửi không được", 1}},
			Rows: []mailRow{{ID: 4, Day: "07/12/2026", Address: "an@xa.gov.vn", Subject: "Nhắc việc ngày 07/12/2026",
				Status: "Gửi không được", LastError: "535 sai mật khẩu", Failed: true}}}, `action="/admin/mail/4/retry"`},
		{mailPage{layout: s.layout(r, "Thư nhắc việc"), Status: "sent"}, "Chưa có thư nhắc việc nào ở trạng thái này"},
		{orgListPage{layout: s.layout(r, "Cơ quan, đơn vị"),
			Rows:   []orgRow{{ID: 5, Depth: 1, Name: "Phòng Kinh tế", Ended: true, Successor: "Phòng Kinh tế, Hạ tầng"}},
			Create: orgForm{Kinds: choices, Parents: choices, Errors: map[string]string{"name": "Tên trống."}},
			Edit: &orgEdit{ID: 5, Name: "Phòng Kinh tế", Version: 3, Successors: choices,
				MergeErrors: map[string]string{"on": "Ngày sai."}}},
			"Ngày sai."},
		{personListPage{layout: s.layout(r, "Cán bộ và chức vụ"), Orgs: choices,
			Rows: []personRow{{ID: 7, Name: "Lê Minh Đức", Posts: []string{"Phó Chủ tịch", "Ủy viên"}}},
			Edit: &personEdit{ID: 7, Name: "Lê Minh Đức", Form: personForm{Version: 2, Orgs: choices},
				Posts:   []postRow{{ID: 9, Title: "Phó Chủ tịch", Active: true, CanEnd: true, EndErrors: map[string]string{"on": "Thiếu ngày."}}},
				NewPost: postForm{Kinds: choices, Orgs: choices, Sectors: choices}}},
			"Thiếu ngày."},
		{personListPage{layout: s.layout(r, "Cán bộ và chức vụ"), Capped: true}, "hãy lọc để tìm người khác"},
		{userListPage{layout: s.layout(r, "Tài khoản"), Rows: []userRow{{ID: 1, Login: "admin", TOTP: true}},
			Create: userForm{Roles: choices, Orgs: choices, People: choices,
				Errors: map[string]string{"password": "Hãy đặt mật khẩu ban đầu"}},
			Edit: &userEdit{ID: 1, Login: "admin", Sessions: 2, Form: userForm{Version: 4}}},
			"Hãy đặt mật khẩu ban đầu"},
		{perms, "Quản lý cơ quan, đơn vị"},
		{settingsPage{layout: s.layout(r, "Cấu hình"), Committees: choices,
			Form:   newSettingsForm(congtac.Committee{Org: congtac.Org{ID: 1, Name: "Ủy ban nhân dân xã An Bình"}, Settings: congtac.DefaultSettings()}),
			Errors: map[string]string{"holidays": "Có ngày không hợp lệ — dòng 2"}}, "dòng 2"},
		{settingsPage{layout: s.layout(r, "Cấu hình"), Form: newSettingsForm(congtac.Committee{Settings: congtac.DefaultSettings()}),
			Global: &globalForm{HasPassword: true}, GlobalErrs: map[string]string{"smtp_port": "Cổng máy chủ thư phải từ 1 đến 65535."}},
			"Cổng máy chủ thư phải từ 1 đến 65535."},
		{auditListPage{layout: s.layout(r, "Nhật ký thao tác"), Total: 1, Page: 1, Pages: 1,
			Rows: []auditRow{{When: "27/11/2026 09:00:00", Who: "Đỗ Thanh Sơn", Action: "Sửa", After: `{"a": 1}`}}},
			"Đỗ Thanh Sơn"},
		{auditListPage{layout: s.layout(r, "Nhật ký thao tác"), Errors: map[string]string{"from": "Ngày sai dạng."}},
			"Ngày sai dạng."},
	}
}
