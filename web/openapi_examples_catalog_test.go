package web

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net/http"

	"congtac/demo"
)

// catalogExamples are the examples of the account, the document itself, the orgs, people,
// posts, accounts, settings and tokens: reads of the demo's records first (the account, an
// org, the finance department's people and its director's post, the accounts, a committee's
// and the installation's settings, one's own tokens); then a new group of the economic
// departments and its members, a department's name in documents, the ethnic and religious
// affairs department merged into home affairs, a seal and a signature uploaded, a new
// deputy director with her post and account, a password reset, sessions ended, a second
// factor reset, settings changed and a new token; last the director's post ended, the seal
// and signature removed and the token revoked.
func catalogExamples(x *exampleRun) {
	x.example("openAPI", "phongbaocao", http.MethodGet, "/api/v1/openapi.json", nil)
	x.example("me", "phongbaocao", http.MethodGet, "/api/v1/me", nil)
	finance := x.org("Sở Tài chính")
	x.example("orgList", "vanphong", http.MethodGet, "/api/v1/orgs?q=tai%20chinh&limit=2", nil)
	x.example("orgShow", "vanphong", http.MethodGet, fmt.Sprintf("/api/v1/orgs/%d", finance), nil)

	// Reads of the demo's people, accounts, settings and tokens. The finance reporter has
	// signed in on two computers, the viewer and the commune reporter on one each.
	for _, login := range []string{"phongbaocao", "phongbaocao", "xem", "xabaocao"} {
		exampleSignIn(x, login)
	}
	province := x.org("Ủy ban nhân dân tỉnh Sơn Hà")
	people := x.example("personList", "vanphong", http.MethodGet, fmt.Sprintf("/api/v1/people?org=%d&limit=2", finance), nil)
	director := x.itemOf(people, "full_name", "Bùi Đức Thắng")
	x.example("personShow", "vanphong", http.MethodGet, fmt.Sprintf("/api/v1/people/%v", director["id"]), nil)
	directorPost := director["posts"].([]any)[0].(map[string]any)
	x.example("postShow", "vanphong", http.MethodGet, fmt.Sprintf("/api/v1/posts/%v", directorPost["id"]), nil)
	x.example("userList", "admin", http.MethodGet, "/api/v1/users?limit=2", nil)
	reporter := exampleUser(x, "phongbaocao")
	x.example("userShow", "admin", http.MethodGet, fmt.Sprintf("/api/v1/users/%v", reporter), nil)
	settings := x.example("committeeSettingsShow", "cvp", http.MethodGet,
		fmt.Sprintf("/api/v1/committees/%d/settings", province), nil)
	x.example("globalSettingsShow", "admin", http.MethodGet, "/api/v1/settings/global", nil)
	x.example("tokenList", "phongbaocao", http.MethodGet, "/api/v1/tokens?limit=2", nil)

	// Orgs: a group of the economic departments, a department's name in documents, a merger.
	group := x.example("orgCreate", "admin", http.MethodPost, "/api/v1/orgs", map[string]any{
		"parent_id": province, "kind": "group", "name": "Các sở, ngành khối kinh tế", "position": 210,
	})
	groupPath := fmt.Sprintf("/api/v1/orgs/%v/members", group["id"])
	x.example("groupMembersSet", "admin", http.MethodPut, groupPath, map[string]any{
		"version": group["version"],
		"members": []int64{finance, x.org("Sở Xây dựng"), x.org("Sở Công Thương")},
	})
	x.example("groupMembers", "vanphong", http.MethodGet, groupPath, nil)
	farming := x.org("Sở Nông nghiệp và Môi trường")
	read := x.send("admin", http.MethodGet, fmt.Sprintf("/api/v1/orgs/%d", farming), nil)
	x.example("orgUpdate", "admin", http.MethodPatch, fmt.Sprintf("/api/v1/orgs/%d", farming), map[string]any{
		"version": read["version"], "display_name": "Sở Nông nghiệp và MT",
	})
	ethnic := x.org("Sở Dân tộc và Tôn giáo")
	read = x.send("admin", http.MethodGet, fmt.Sprintf("/api/v1/orgs/%d", ethnic), nil)
	x.example("orgMerge", "admin", http.MethodPost, fmt.Sprintf("/api/v1/orgs/%d/merge", ethnic), map[string]any{
		"version": read["version"], "successor_id": x.org("Sở Nội vụ"), "on": "2027-01-01",
	})

	// Seal and signature images drawn on the electronic copies of issued documents.
	chair := x.person("Trần Quốc Hưng")
	sealPath := fmt.Sprintf("/api/v1/orgs/%d/seal", province)
	signaturePath := fmt.Sprintf("/api/v1/people/%v/signature", chair["id"])
	x.upload("sealPut", "admin", http.MethodPut, sealPath, "image/png", examplePNG(x, 120, 120, color.NRGBA{R: 0xd0, A: 0xff}),
		"ảnh PNG nền trong suốt con dấu đỏ của Ủy ban nhân dân tỉnh, 120 × 120 điểm ảnh")
	x.upload("signaturePut", "admin", http.MethodPut, signaturePath, "image/png", examplePNG(x, 200, 80, color.NRGBA{B: 0xa0, A: 0xff}),
		"ảnh PNG nền trong suốt chữ ký mực xanh của Chủ tịch, 200 × 80 điểm ảnh")

	// A new deputy director of the finance department, her post and account.
	person := x.example("personCreate", "admin", http.MethodPost, "/api/v1/people", map[string]any{
		"full_name": "Phan Thị Thanh Hà", "org_id": finance, "email": "thanhha.stc@congtac.example",
	})
	person = x.example("personUpdate", "admin", http.MethodPatch, fmt.Sprintf("/api/v1/people/%v", person["id"]),
		map[string]any{"version": person["version"], "phone": "0237 3852 416"})
	x.example("postCreate", "admin", http.MethodPost, fmt.Sprintf("/api/v1/people/%v/posts", person["id"]), map[string]any{
		"kind": "deputy_unit_head", "title": "Phó Giám đốc Sở Tài chính", "org_id": finance, "from": "2026-12-01",
	})
	user := x.example("userCreate", "admin", http.MethodPost, "/api/v1/users", map[string]any{
		"login": "thanhha.stc", "role": "viewer", "org_id": finance, "person_id": person["id"],
		"password": "Sơn Hà 2026 - STC",
	})
	x.example("userUpdate", "admin", http.MethodPatch, fmt.Sprintf("/api/v1/users/%v", user["id"]), map[string]any{
		"version": user["version"], "role": "unit_head",
	})

	// Accounts: a forgotten password, a lost phone.
	viewer := exampleUser(x, "xem")
	x.example("userPasswordReset", "admin", http.MethodPost, fmt.Sprintf("/api/v1/users/%v/password-reset", viewer),
		map[string]any{"password": "Văn phòng 2026 - tạm"})
	x.example("userSessionsEnd", "admin", http.MethodPost, fmt.Sprintf("/api/v1/users/%v/sessions/end", reporter), nil)
	x.example("userTOTPReset", "admin", http.MethodPost,
		fmt.Sprintf("/api/v1/users/%v/totp-reset", exampleUser(x, "xabaocao")), nil)

	// Settings: the Thursday briefing an hour later and reminders earlier; the mail server.
	x.example("committeeSettingsUpdate", "cvp", http.MethodPatch, fmt.Sprintf("/api/v1/committees/%d/settings", province),
		map[string]any{"version": settings["version"], "briefing_time": "15:00", "reminder_lead_days": 5})
	x.example("globalSettingsUpdate", "admin", http.MethodPatch, "/api/v1/settings/global", map[string]any{
		"smtp_host": "mail.congtac.example", "smtp_port": 587, "smtp_security": "starttls",
		"smtp_username": "nhacviec", "smtp_password": "thư-công-tác-2026", "smtp_from": "nhacviec@congtac.example",
	})

	// A token for the finance department's document software.
	token := x.example("tokenCreate", "phongbaocao", http.MethodPost, "/api/v1/tokens",
		map[string]any{"name": "Phần mềm quản lý văn bản Sở Tài chính"})
	tokenPath := fmt.Sprintf("/api/v1/tokens/%v", token["id"])
	x.example("tokenShow", "phongbaocao", http.MethodGet, tokenPath, nil)

	// Last: the director retires at the end of the year, images and token removed.
	x.example("postEnd", "admin", http.MethodPost, fmt.Sprintf("/api/v1/posts/%v/end", directorPost["id"]),
		map[string]any{"on": "2026-12-31"})
	x.example("sealDelete", "admin", http.MethodDelete, sealPath, nil)
	x.example("signatureDelete", "admin", http.MethodDelete, signaturePath, nil)
	x.example("tokenRevoke", "phongbaocao", http.MethodDelete, tokenPath, nil)
}

// exampleSignIn signs login in with the demo's password through the sign-in page, as on a
// computer of its own: a session that the account routes can end.
func exampleSignIn(x *exampleRun, login string) {
	x.t.Helper()
	if r := signInForm(newClient(x.t, x.srv), login, demo.Password); r.status != http.StatusSeeOther {
		x.t.Fatalf("sign in as %s = %d: %.300s", login, r.status, r.body)
	}
}

// exampleUser returns the ID of the demo account login.
func exampleUser(x *exampleRun, login string) int64 {
	x.t.Helper()
	u, err := x.st.FindUserByLogin(ctxb, login)
	if err != nil {
		x.t.Fatalf("user %s: %v", login, err)
	}
	return u.ID
}

// examplePNG returns a w×h PNG on a transparent background with a ring of colour c, as a
// seal or signature scanned and cut out.
func examplePNG(x *exampleRun, w, h int, c color.NRGBA) []byte {
	x.t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for py := range h {
		for px := range w {
			dx, dy := 2*px-w, 2*py-h
			d := dx*dx*h*h + dy*dy*w*w // inside the ellipse when under (w·h)²
			if r := w * w * h * h; d <= r && d >= r*3/4 {
				img.SetNRGBA(px, py, c)
			}
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		x.t.Fatal(err)
	}
	return b.Bytes()
}
