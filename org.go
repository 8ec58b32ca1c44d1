package congtac

import "strings"

// OrgKind is the kind of an organisation.
type OrgKind string

// Org kinds. A committee (Ủy ban nhân dân) issues programs and owns registers; the office
// (Văn phòng) drafts and follows up; the others receive tasks. A group names a set of member
// orgs that lead a task together, each with its own share (see [Org.IsGroup]).
const (
	OrgCommittee  OrgKind = "committee"
	OrgOffice     OrgKind = "office"
	OrgDepartment OrgKind = "department"
	OrgCommune    OrgKind = "commune"
	OrgAgency     OrgKind = "agency"
	OrgMassOrg    OrgKind = "mass_org"
	OrgGroup      OrgKind = "group"
)

// OrgKinds lists every kind in display order.
var OrgKinds = []OrgKind{OrgCommittee, OrgOffice, OrgDepartment, OrgCommune, OrgAgency, OrgMassOrg, OrgGroup}

// Label returns the Vietnamese name of the kind.
func (k OrgKind) Label() string {
	switch k {
	case OrgCommittee:
		return "Ủy ban nhân dân"
	case OrgOffice:
		return "Văn phòng"
	case OrgDepartment:
		return "Cơ quan chuyên môn"
	case OrgCommune:
		return "Xã, phường"
	case OrgAgency:
		return "Cơ quan, đơn vị"
	case OrgMassOrg:
		return "Mặt trận, đoàn thể"
	case OrgGroup:
		return "Nhóm đơn vị"
	}
	return ""
}

// Org is an organisation in the tree: a committee at any level, its office, departments,
// communes, agencies and mass organisations. Units are merged and renamed: an Org with a
// ValidTo has ended, and Successor names the Org that took over its open work. History keeps
// the old Org and its name.
type Org struct {
	ID        int64
	ParentID  int64 // 0 for a root
	Kind      OrgKind
	Name      string // "Phòng Tài chính - Kế hoạch"
	ShortName string // used in symbols and tables: "TCKH", "VP"
	// DisplayName is the name as the office writes it in documents ("Phòng Tài chính -
	// KH"); empty when documents print Name. See [Org.DocName].
	DisplayName string
	ValidFrom   Date
	ValidTo     Date  // zero while the org exists
	Successor   int64 // 0 unless merged or renamed into another org
	Position    int   // order among siblings
	Version     int
}

// DocName returns the name documents print: DisplayName when the office gave one, else
// Name. Screens and the catalog show Name.
func (o Org) DocName() string {
	if o.DisplayName != "" {
		return o.DisplayName
	}
	return o.Name
}

// Active reports whether the org exists on day d.
func (o Org) Active(d Date) bool {
	return !d.Before(o.ValidFrom) && (o.ValidTo.IsZero() || !d.After(o.ValidTo))
}

// Validate checks the fields a user types.
func (o Org) Validate() error {
	var p Problems
	p.Text("name", "Tên cơ quan, đơn vị", o.Name)
	p.Text("short_name", "Tên viết tắt", o.ShortName)
	p.Text("display_name", "Tên ghi trong văn bản", o.DisplayName)
	if strings.TrimSpace(o.Name) == "" {
		p.Add("name", "Tên cơ quan, đơn vị không được để trống.")
	} else if len([]rune(o.Name)) > MaxOrgName {
		p.Add("name", "Tên cơ quan, đơn vị dài quá 200 ký tự.")
	}
	if len([]rune(o.DisplayName)) > MaxOrgName {
		p.Add("display_name", "Tên ghi trong văn bản dài quá 200 ký tự.")
	}
	if len([]rune(o.ShortName)) > MaxShortName || strings.ContainsAny(o.ShortName, " /") {
		p.Add("short_name", "Tên viết tắt tối đa 30 ký tự, không có dấu cách hay dấu /.")
	}
	if o.Kind.Label() == "" {
		p.Add("kind", "Loại cơ quan %q không hợp lệ.", string(o.Kind))
	}
	if !o.ValidTo.IsZero() && o.ValidTo.Before(o.ValidFrom) {
		p.Add("valid_to", "Ngày kết thúc trước ngày bắt đầu.")
	}
	if o.ID != 0 && (o.ParentID == o.ID || o.Successor == o.ID) {
		p.Add("parent_id", "Cơ quan không thể là cấp trên hay đơn vị kế thừa của chính nó.")
	}
	return p.Err()
}

// OrgFilter selects orgs. Zero fields do not filter.
type OrgFilter struct {
	ID       *int64
	ParentID *int64
	Kind     *OrgKind
	ActiveOn *Date
	Query    string // diacritic-insensitive match on name or short name
	Limit    int
}

// OrgUpdate holds the fields to change; nil fields stay as they are.
type OrgUpdate struct {
	Name        *string
	ShortName   *string
	DisplayName *string
	Kind        *OrgKind
	ParentID    *int64
	Position    *int
}

// Apply returns o with the update's fields applied.
func (u OrgUpdate) Apply(o Org) Org {
	setIf(&o.Name, u.Name)
	setIf(&o.ShortName, u.ShortName)
	setIf(&o.DisplayName, u.DisplayName)
	setIf(&o.Kind, u.Kind)
	setIf(&o.ParentID, u.ParentID)
	setIf(&o.Position, u.Position)
	return o
}

// setIf sets *dst to *src when src is not nil; it is how update structs apply pointer fields.
func setIf[T any](dst *T, src *T) {
	if src != nil {
		*dst = *src
	}
}

// Sector is a field of work; a program's parts and the Phó Chủ tịch's responsibilities follow
// sectors.
type Sector string

// The sectors of a committee's work. Local committees may use fewer.
const (
	SectorEconomy         Sector = "economy"
	SectorCultureSociety  Sector = "culture_society"
	SectorInternalAffairs Sector = "internal_affairs"
	SectorGeneral         Sector = "general"
)

// Sectors lists every sector in the order programs present them.
var Sectors = []Sector{SectorEconomy, SectorCultureSociety, SectorInternalAffairs, SectorGeneral}

// Label returns the Vietnamese name used as a heading: "Kinh tế", "Văn hóa - Xã hội".
func (s Sector) Label() string {
	switch s {
	case SectorEconomy:
		return "Kinh tế"
	case SectorCultureSociety:
		return "Văn hóa - Xã hội"
	case SectorInternalAffairs:
		return "Nội chính"
	case SectorGeneral:
		return "Chung"
	}
	return ""
}

// Valid reports whether s is a known sector.
func (s Sector) Valid() bool { return s.Label() != "" }
