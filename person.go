package congtac

import "strings"

// Person is somebody who holds posts: a leader, a head of unit, a staff member. A Person may
// also be a [User].
type Person struct {
	ID       int64
	FullName string // "Vương Mạnh Chung"; sorted by given name (last word) first
	OrgID    int64  // the org the person works in
	Email    string
	Phone    string
	Version  int
}

// Validate checks the fields a user types.
func (p Person) Validate() error {
	var pr Problems
	pr.Text("full_name", "Họ và tên", p.FullName)
	pr.Text("email", "Thư điện tử", p.Email)
	pr.Text("phone", "Số điện thoại", p.Phone)
	if strings.TrimSpace(p.FullName) == "" {
		pr.Add("full_name", "Họ và tên không được để trống.")
	} else if len([]rune(p.FullName)) > MaxPersonName {
		pr.Add("full_name", "Họ và tên dài quá 50 ký tự.")
	}
	if user, domain, ok := strings.Cut(p.Email, "@"); p.Email != "" &&
		(!ok || user == "" || domain == "" || strings.ContainsAny(p.Email, " \t") || strings.Contains(domain, "@")) {
		pr.Add("email", "Địa chỉ thư điện tử không hợp lệ.")
	}
	if strings.Trim(p.Phone, "0123456789 +-.()") != "" || len(p.Phone) > MaxPhone {
		pr.Add("phone", "Số điện thoại chỉ gồm chữ số, dấu cách và các dấu + - . ( ).")
	}
	return pr.Err()
}

// PostKind is the kind of a post (chức vụ).
type PostKind string

// Post kinds. Leaders (chairman, vice chairman) approve and sign; office heads sign by order
// (TL.); unit heads answer for their unit.
const (
	PostChairman         PostKind = "chairman"
	PostViceChairman     PostKind = "vice_chairman"
	PostMember           PostKind = "member"
	PostOfficeHead       PostKind = "office_head"
	PostDeputyOfficeHead PostKind = "deputy_office_head"
	PostUnitHead         PostKind = "unit_head"
	PostDeputyUnitHead   PostKind = "deputy_unit_head"
	PostStaff            PostKind = "staff"
)

// Title returns the Vietnamese title of the post as printed in signature blocks, in sentence
// case: "Chủ tịch", "Chánh Văn phòng".
func (k PostKind) Title() string {
	return map[PostKind]string{
		PostChairman:         "Chủ tịch",
		PostViceChairman:     "Phó Chủ tịch",
		PostMember:           "Ủy viên",
		PostOfficeHead:       "Chánh Văn phòng",
		PostDeputyOfficeHead: "Phó Chánh Văn phòng",
		PostUnitHead:         "Trưởng phòng",
		PostDeputyUnitHead:   "Phó Trưởng phòng",
		PostStaff:            "Chuyên viên",
	}[k]
}

// IsLeader reports whether holders of the post lead the committee (Chủ tịch, Phó Chủ tịch).
func (k PostKind) IsLeader() bool { return k == PostChairman || k == PostViceChairman }

// Post is a position a Person holds in an Org over a span of time. A vice chairman's
// Sectors are those in his charge (phụ trách).
type Post struct {
	ID       int64
	PersonID int64
	OrgID    int64
	Kind     PostKind
	Title    string // as printed when it differs from Kind.Title(): "Trưởng Công an xã"
	Sectors  []Sector
	From     Date
	To       Date // zero while held
}

// DisplayTitle returns Title, or the default title of the kind.
func (p Post) DisplayTitle() string {
	if p.Title != "" {
		return p.Title
	}
	return p.Kind.Title()
}

// Validate checks the post's holder, org, kind, sectors and dates.
func (p Post) Validate() error {
	var pr Problems
	pr.Text("title", "Tên chức vụ", p.Title)
	if p.PersonID == 0 {
		pr.Add("person_id", "Chưa chọn người giữ chức vụ.")
	}
	if p.OrgID == 0 {
		pr.Add("org_id", "Chưa chọn cơ quan, đơn vị của chức vụ.")
	}
	if p.Kind.Title() == "" {
		pr.Add("kind", "Chức vụ %q không hợp lệ.", string(p.Kind))
	}
	for _, s := range p.Sectors {
		if !s.Valid() {
			pr.Add("sectors", "Lĩnh vực %q không hợp lệ.", string(s))
		}
	}
	if !p.To.IsZero() && p.To.Before(p.From) {
		pr.Add("to", "Ngày thôi giữ chức vụ trước ngày bắt đầu.")
	}
	return pr.Err()
}

// Active reports whether the post is held on day d.
func (p Post) Active(d Date) bool {
	return !d.Before(p.From) && (p.To.IsZero() || !d.After(p.To))
}

// PersonFilter selects people. Zero fields do not filter.
type PersonFilter struct {
	ID    *int64
	IDs   []int64 // when not nil, only these people (none for an empty slice)
	OrgID *int64
	Query string
	Limit int
}

// PostFilter selects posts. Zero fields do not filter.
type PostFilter struct {
	ID       *int64
	PersonID *int64
	OrgID    *int64
	Kinds    []PostKind
	HeldOn   *Date
}

// Styled returns the post as invitations and notices name a person by it: its title and
// its org, a committee abbreviated as offices write it: "Chủ tịch UBND huyện Lục Ngạn",
// "Giám đốc Sở Tài chính".
func (p Post) Styled(org Org) string {
	name := strings.TrimSpace(org.DocName())
	if rest, ok := strings.CutPrefix(name, "Ủy ban nhân dân "); ok {
		name = "UBND " + rest
	}
	return strings.TrimSpace(p.DisplayTitle() + " " + name)
}

// ChairPost returns, of the posts a person holds, the one to name them by when they chair
// a meeting of org: a post in org itself, else a leader's post, else the first; false when
// there is none.
func ChairPost(posts []Post, org int64) (Post, bool) {
	for _, p := range posts {
		if p.OrgID == org {
			return p, true
		}
	}
	for _, p := range posts {
		if p.Kind.IsLeader() {
			return p, true
		}
	}
	if len(posts) > 0 {
		return posts[0], true
	}
	return Post{}, false
}
