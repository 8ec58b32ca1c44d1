package web

import (
	"net/http"

	"congtac"
)

// adminLink is one administration page on the index.
type adminLink struct {
	Href, Label, About string
}

// adminPages are the administration pages, the capability each needs, and what it is for.
var adminPages = []struct {
	link adminLink
	need congtac.Capability
}{
	{adminLink{"/admin/orgs", "Cơ quan, đơn vị", "Cây tổ chức: thêm, đổi tên, sáp nhập đơn vị."}, congtac.ManageOrgs},
	{adminLink{"/admin/people", "Cán bộ và chức vụ", "Danh sách cán bộ, chức vụ và lĩnh vực phụ trách."}, congtac.ManagePeople},
	{adminLink{"/admin/users", "Tài khoản", "Tài khoản đăng nhập, vai trò, cấp lại mật khẩu, phiên đăng nhập."}, congtac.ManageUsers},
	{adminLink{"/admin/permissions", "Bảng phân quyền", "Quyền của từng vai trò và phạm vi áp dụng."}, congtac.ManageUsers},
	{adminLink{"/admin/settings", "Cấu hình", "Cơ quan ban hành của từng Ủy ban: tiêu đề, địa danh, đánh số văn bản, người ký, giao ban, ngày nghỉ; thư điện tử và bảo mật."}, congtac.ManageCommittee},
	{adminLink{"/admin/stamps", "Chữ ký và con dấu", "Ảnh chữ ký của người ký và con dấu, in trên bản điện tử của văn bản."}, congtac.ManageSettings},
	{adminLink{"/admin/mail", "Thư nhắc việc", "Thư nhắc việc đã gửi, đang chờ gửi lại và gửi không được; gửi lại sau khi sửa máy chủ thư."}, congtac.ManageSettings},
	{adminLink{"/admin/audit", "Nhật ký thao tác", "Ai đã làm gì, với bản ghi nào, khi nào."}, congtac.ViewAudit},
}

// adminPage is the data of admin.html.
type adminPage struct {
	layout
	Links []adminLink
}

func (adminPage) template() string { return "admin" }

// handleAdminShow lists the administration pages the actor's role may open.
func (s *Server) handleAdminShow(w http.ResponseWriter, r *http.Request) {
	a := actorOf(r)
	page := adminPage{layout: s.layout(r, "Quản trị")}
	for _, p := range adminPages {
		if a.Can(p.need) {
			page.Links = append(page.Links, p.link)
		}
	}
	s.render(w, r, http.StatusOK, page)
}
