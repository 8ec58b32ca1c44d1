package demo

import (
	"congtac"
)

// unit is a department, agency or mass organisation of the demo province.
type unit struct {
	kind        congtac.OrgKind
	name, short string
}

var units = []unit{
	{congtac.OrgDepartment, "Sở Nội vụ", "SNV"},
	{congtac.OrgDepartment, "Sở Tư pháp", "STP"},
	{congtac.OrgDepartment, "Sở Tài chính", "STC"},
	{congtac.OrgDepartment, "Sở Xây dựng", "SXD"},
	{congtac.OrgDepartment, "Sở Nông nghiệp và Môi trường", "SNNMT"},
	{congtac.OrgDepartment, "Sở Công Thương", "SCT"},
	{congtac.OrgDepartment, "Sở Giáo dục và Đào tạo", "SGDĐT"},
	{congtac.OrgDepartment, "Sở Y tế", "SYT"},
	{congtac.OrgDepartment, "Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL"},
	{congtac.OrgDepartment, "Sở Khoa học và Công nghệ", "SKHCN"},
	{congtac.OrgDepartment, "Sở Dân tộc và Tôn giáo", "SDTTG"},
	{congtac.OrgDepartment, "Thanh tra tỉnh", "TTT"},
	{congtac.OrgAgency, "Công an tỉnh", "CAT"},
	{congtac.OrgAgency, "Bộ Chỉ huy Quân sự tỉnh", "BCHQS"},
	{congtac.OrgAgency, "Thuế tỉnh Sơn Hà", "THUE"},
	{congtac.OrgAgency, "Ban Quản lý dự án đầu tư xây dựng tỉnh", "BQLDA"},
	{congtac.OrgAgency, "Trung tâm Phục vụ hành chính công tỉnh", "TTPVHCC"},
	{congtac.OrgMassOrg, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "UBMTTQ"},
	{congtac.OrgMassOrg, "Hội Nông dân tỉnh", "HND"},
	{congtac.OrgMassOrg, "Hội Liên hiệp Phụ nữ tỉnh", "HLHPN"},
	{congtac.OrgMassOrg, "Tỉnh đoàn Sơn Hà", "TĐ"},
	{congtac.OrgMassOrg, "Hội Cựu chiến binh tỉnh", "HCCB"},
}

var communeNames = []string{"Phường Bình Minh", "Phường Đông Thành", "Phường Sông Cầu", "Phường Ước Lễ",
	"Xã Tân Phước", "Xã Đức Hòa", "Xã Hưng Lợi", "Xã Phú Xuân", "Xã Thượng Đường", "Xã Cẩm Sơn",
	"Xã Vĩnh Thạnh", "Xã Mường Lư", "Xã Quảng Ơn", "Xã Long Điền", "Đặc khu Hòn Ngọc"}

func (w *world) org(o congtac.Org) (congtac.Org, error) {
	o.ValidFrom = congtac.MustDate(2025, 7, 1)
	o, err := w.st.CreateOrg(w.ctx, congtac.System, o)
	if err == nil {
		w.sum.Orgs++
	}
	return o, err
}

// orgs creates the committee, its office, the departments, agencies and mass organisations,
// the communes, wards and the special zone, and the group of them all.
func (w *world) addOrgs() error {
	var err error
	if w.committee, err = w.org(congtac.Org{Kind: congtac.OrgCommittee, Name: "Ủy ban nhân dân tỉnh Sơn Hà", ShortName: "UBND"}); err != nil {
		return err
	}
	if w.office, err = w.org(congtac.Org{ParentID: w.committee.ID, Kind: congtac.OrgOffice, Name: "Văn phòng UBND tỉnh", ShortName: "VP"}); err != nil {
		return err
	}
	w.units = map[string]congtac.Org{"VP": w.office}
	for i, u := range units {
		o, err := w.org(congtac.Org{ParentID: w.committee.ID, Kind: u.kind, Name: u.name, ShortName: u.short, Position: i + 1})
		if err != nil {
			return err
		}
		w.units[u.short] = o
	}
	for i, name := range communeNames {
		o, err := w.org(congtac.Org{ParentID: w.committee.ID, Kind: congtac.OrgCommune, Name: name, ShortName: "UBND", Position: 100 + i})
		if err != nil {
			return err
		}
		w.communes = append(w.communes, o)
	}
	return w.addGroup()
}

// addGroup creates the group "UBND các xã, phường, đặc khu" of every commune, as the
// province's programs name them when each commune leads its own share of a task.
func (w *world) addGroup() error {
	g, err := w.org(congtac.Org{ParentID: w.committee.ID, Kind: congtac.OrgGroup,
		Name: "UBND các xã, phường, đặc khu", Position: 200})
	if err != nil {
		return err
	}
	ids := make([]int64, len(w.communes))
	for i, c := range w.communes {
		ids[i] = c.ID
	}
	_, err = w.st.SetGroupMembers(w.ctx, congtac.System, g.ID, g.Version, ids)
	return err
}

// person is one of the demo people: a role key, a name, a post and its org.
type person struct {
	key     string
	name    string
	org     string // unit short name, "" for the committee
	post    congtac.PostKind
	title   string
	sectors []congtac.Sector
}

var persons = []person{
	{"chair", "Trần Quốc Hưng", "", congtac.PostChairman, "", nil},
	{"vice_economy", "Lê Minh Đức", "", congtac.PostViceChairman, "Phó Chủ tịch Thường trực", []congtac.Sector{congtac.SectorEconomy}},
	{"vice_culture", "Nguyễn Thị Thu Hương", "", congtac.PostViceChairman, "", []congtac.Sector{congtac.SectorCultureSociety}},
	{"vice_internal", "Phạm Văn Cường", "", congtac.PostViceChairman, "", []congtac.Sector{congtac.SectorInternalAffairs}},
	{"office_head", "Đỗ Thanh Sơn", "VP", congtac.PostOfficeHead, "", nil},
	{"office_deputy", "Vũ Thị Ngọc Ánh", "VP", congtac.PostDeputyOfficeHead, "", nil},
	{"drafter", "Hoàng Văn Lợi", "VP", congtac.PostStaff, "Chuyên viên tổng hợp", nil},
	{"finance_head", "Bùi Đức Thắng", "STC", congtac.PostUnitHead, "Giám đốc Sở Tài chính", nil},
	{"finance_staff", "Ngô Thị Mai", "STC", congtac.PostStaff, "", nil},
	{"commune_staff", "Đặng Văn Phương", "", congtac.PostStaff, "Công chức Văn phòng - Thống kê", nil},
	{"viewer", "Dương Thị Oanh", "VP", congtac.PostStaff, "Chuyên viên", nil},
}

// people creates the leaders, the office's staff and the people behind the demo accounts.
func (w *world) addPeople() error {
	w.people = map[string]congtac.Person{}
	for _, p := range persons {
		org := w.committee.ID
		if p.org != "" {
			org = w.units[p.org].ID
		}
		if p.key == "commune_staff" {
			org = w.communes[4].ID // Xã Tân Phước
		}
		pp, err := w.st.CreatePerson(w.ctx, congtac.System, congtac.Person{FullName: p.name, OrgID: org, Email: demoEmail(p.key)})
		if err != nil {
			return err
		}
		w.sum.People++
		if _, err := w.st.CreatePost(w.ctx, congtac.System, congtac.Post{PersonID: pp.ID, OrgID: org, Kind: p.post,
			Title: p.title, Sectors: p.sectors, From: congtac.MustDate(2025, 7, 1)}); err != nil {
			return err
		}
		w.people[p.key] = pp
	}
	return nil
}

// demoEmail returns the email of the person behind a demo account, at a reserved domain
// that no mail reaches, so that the reminder mail can be chosen and tried; "" for the others.
func demoEmail(person string) string {
	for _, a := range accounts {
		if a.person == person && person != "" {
			return a.login + "@congtac.example"
		}
	}
	return ""
}

// account is a demo account: login, role, the org its role is scoped to (unit short name,
// "commune" or "" for the committee) and person key. The office's staff work in the office
// but act for the whole committee, so their scope is the committee.
type account struct {
	login  string
	role   congtac.Role
	org    string
	person string
}

var accounts = []account{
	{"admin", congtac.RoleAdmin, "", ""},
	{"vanphong", congtac.RoleDrafter, "", "drafter"},
	{"cvp", congtac.RoleOfficeHead, "", "office_head"},
	{"chutich", congtac.RoleLeader, "", "chair"},
	{"phochutich", congtac.RoleLeader, "", "vice_economy"},
	{"truongphong", congtac.RoleUnitHead, "STC", "finance_head"},
	{"phongbaocao", congtac.RoleReporter, "STC", "finance_staff"},
	{"xabaocao", congtac.RoleReporter, "commune", "commune_staff"},
	{"xem", congtac.RoleViewer, "", "viewer"},
}

// users creates the demo accounts. They share one hash of "demo": the password is public
// anyway, and hashing it nine times would cost seconds at every demo start.
func (w *world) addUsers() error {
	hash, err := congtac.HashPassword(Password)
	if err != nil {
		return err
	}
	w.actors = map[string]congtac.Actor{}
	for _, a := range accounts {
		org := w.committee.ID
		switch a.org {
		case "":
		case "commune":
			org = w.communes[4].ID
		default:
			org = w.units[a.org].ID
		}
		p := w.people[a.person]
		name := p.FullName
		if a.login == "admin" {
			name = "Quản trị hệ thống"
		}
		u, err := w.st.CreateUser(w.ctx, congtac.System, congtac.User{Login: a.login, Role: a.role, OrgID: org,
			PersonID: p.ID, DisplayName: name, PasswordHash: hash})
		if err != nil {
			return err
		}
		w.sum.Users++
		w.actors[a.login] = congtac.Actor{UserID: u.ID, Role: u.Role, OrgID: u.OrgID}
	}
	return nil
}
