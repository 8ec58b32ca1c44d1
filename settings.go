package congtac

import (
	"maps"
	"slices"
	"strings"
	"time"
)

// Settings are the local choices of one committee, the issuing body: its masthead, place,
// numbering, signer, briefing, lead times and days off. Every committee has its own
// ([CommitteeSettings] gives a new one's defaults); an org that is not a committee follows
// the settings of its committee ([CommitteeOf]). What the whole installation shares is in
// [GlobalSettings]. The zero value is not useful: start from [DefaultSettings].
type Settings struct {
	BodyName          string     // issuing body as printed: "ỦY BAN NHÂN DÂN XÃ AN BÌNH"
	ParentBody        string     // optional line above it
	Place             string     // place in the date line: "An Bình"
	Series            SeriesMode // one number series or one per document type
	MaterialsLeadDays int        // meeting materials due this many working days before
	BriefingDay       time.Weekday
	BriefingTime      ClockTime
	Holidays          []Date          // days off besides weekends and the public holidays
	WorkingSaturdays  []Date          // compensatory working days
	NationalDay       NationalDayRule // Quốc khánh's second day off: 1/9 or 3/9
	ProposalLeadDays  map[PeriodKind]int
	Signature         Signature // who usually signs and on whose behalf; a first draft starts with it
	ReminderLeadDays  int       // units are reminded this many days before a deadline; 0: only on the day
	DigestTime        ClockTime // the daily reminder mail goes out at this time of day
}

// GlobalSettings are the settings of the whole installation, whatever the committee: mail
// and security.
type GlobalSettings struct {
	RequireTOTP []Role // roles that must use a second factor to sign in
	SMTP        SMTP   // outgoing mail for reminders
}

// SMTP is the mail server reminders go out through. An empty Host means mail is off.
type SMTP struct {
	Host     string
	Port     int
	Username string
	Password string // never shown back; kept when a form leaves it empty
	From     string
	Security SMTPSecurity // "" reads as [SMTPStartTLS]
}

// SMTPSecurity is how the connection to the mail server is protected.
type SMTPSecurity string

// The ways to reach a mail server: STARTTLS required (the default, port 587), TLS from the
// first byte (port 465), or in clear text to a relay inside the intranet.
const (
	SMTPStartTLS SMTPSecurity = "starttls"
	SMTPTLS      SMTPSecurity = "tls"
	SMTPPlain    SMTPSecurity = "none"
)

// SMTPSecurities lists the choices, the default first.
var SMTPSecurities = []SMTPSecurity{SMTPStartTLS, SMTPTLS, SMTPPlain}

// Or returns s, or [SMTPStartTLS] when s is empty.
func (s SMTPSecurity) Or() SMTPSecurity {
	if s == "" {
		return SMTPStartTLS
	}
	return s
}

// Label returns the Vietnamese name of the choice.
func (s SMTPSecurity) Label() string {
	switch s.Or() {
	case SMTPTLS:
		return "TLS ngay từ đầu (cổng 465)"
	case SMTPPlain:
		return "Không mã hóa (chỉ máy chủ trong mạng nội bộ)"
	}
	return "STARTTLS bắt buộc (cổng 587)"
}

// RequiresTOTP reports whether users of role r must sign in with a second factor.
func (g GlobalSettings) RequiresTOTP(r Role) bool { return slices.Contains(g.RequireTOTP, r) }

// DefaultGlobalSettings returns the global settings of a new installation: admins must use a
// second factor, mail is off.
func DefaultGlobalSettings() GlobalSettings {
	return GlobalSettings{RequireTOTP: []Role{RoleAdmin}, SMTP: SMTP{Port: 587}}
}

// Validate checks the global settings' ranges.
func (g GlobalSettings) Validate() error {
	var p Problems
	p.Text("smtp_host", "Máy chủ thư", g.SMTP.Host)
	p.Text("smtp_username", "Tên đăng nhập máy chủ thư", g.SMTP.Username)
	p.Text("smtp_password", "Mật khẩu máy chủ thư", g.SMTP.Password)
	p.Text("smtp_from", "Địa chỉ gửi thư", g.SMTP.From)
	for _, r := range g.RequireTOTP {
		if !r.Valid() {
			p.Add("require_totp", "Vai trò %q không hợp lệ.", string(r))
		}
	}
	if g.SMTP.Host != "" && (g.SMTP.Port < 1 || g.SMTP.Port > 65535) {
		p.Add("smtp_port", "Cổng máy chủ thư phải từ 1 đến 65535.")
	}
	if !slices.Contains(SMTPSecurities, g.SMTP.Security.Or()) {
		p.Add("smtp_security", "Cách bảo vệ kết nối %q không hợp lệ.", string(g.SMTP.Security))
	}
	return p.Err()
}

// DefaultSettings returns the settings of a committee nobody has configured, without its
// name: [CommitteeSettings] adds the masthead and place from the committee's org.
func DefaultSettings() Settings {
	return Settings{
		BodyName:          "ỦY BAN NHÂN DÂN",
		Series:            SeriesShared,
		MaterialsLeadDays: DefaultMaterialsLeadDays,
		BriefingDay:       time.Thursday,
		BriefingTime:      At(14, 0),
		ProposalLeadDays: map[PeriodKind]int{PeriodYear: 45, PeriodQuarter: 15,
			PeriodMonth: 7, PeriodWeek: 2},
		Signature: Signature{Lines: []SignLine{{Authority: AuthorityCollective, Of: "ỦY BAN NHÂN DÂN"}},
			Title: "Chủ tịch"},
		ReminderLeadDays: DefaultReminderLeadDays,
		DigestTime:       At(7, 0),
	}
}

// DefaultReminderLeadDays is how many days before a deadline units are reminded of it when
// their committee has not said.
const DefaultReminderLeadDays = 3

// CommitteeSettings returns the defaults of committee c, which has no saved settings: the
// body name "ỦY BAN NHÂN DÂN" followed by the place part of the org's name in capitals
// ("Ủy ban nhân dân xã Tân Phước" and "UBND xã Tân Phước" give "ỦY BAN NHÂN DÂN XÃ TÂN
// PHƯỚC") and the place without its level ("Tân Phước"). Nothing comes from another
// committee.
func CommitteeSettings(c Org) Settings {
	st := DefaultSettings()
	area := committeeArea(c.Name)
	if area == "" {
		return st
	}
	st.BodyName += " " + strings.ToUpper(area)
	st.Place = areaPlace(area)
	return st
}

// committeeArea returns the part of a committee's name after "Ủy ban nhân dân" or "UBND":
// "xã Tân Phước"; the whole name when it has neither.
func committeeArea(name string) string {
	name = strings.Join(strings.Fields(name), " ")
	lower := strings.ToLower(name)
	for _, prefix := range []string{"ủy ban nhân dân", "uỷ ban nhân dân", "ubnd"} {
		if strings.HasPrefix(lower, prefix) {
			return strings.TrimSpace(name[len(prefix):])
		}
	}
	return name
}

// areaLevels are the words naming a unit's level, left out of the place: "xã Tân Phước"
// signs in "Tân Phước".
var areaLevels = []string{"thành phố", "thị trấn", "thị xã", "đặc khu", "tỉnh", "huyện", "quận",
	"xã", "phường"}

// areaPlace returns the place of an area: its name without the level.
func areaPlace(area string) string {
	lower := strings.ToLower(area)
	for _, level := range areaLevels {
		if strings.HasPrefix(lower, level+" ") {
			return strings.TrimSpace(area[len(level):])
		}
	}
	return area
}

// CommitteeOf returns the committee an org belongs to, from the org's path (the org itself
// first, then its ancestors up to the root): the nearest org of kind committee, the org
// itself included. Without a committee on the path it is the root, so that every org has
// exactly one issuing body. The zero Org for an empty path.
func CommitteeOf(path []Org) Org {
	for _, o := range path {
		if o.Kind == OrgCommittee {
			return o
		}
	}
	if len(path) == 0 {
		return Org{}
	}
	return path[len(path)-1]
}

// Validate checks the settings' ranges.
func (s Settings) Validate() error {
	var p Problems
	p.Text("body_name", "Tên cơ quan ban hành", s.BodyName)
	p.Text("parent_body", "Tên cơ quan chủ quản", s.ParentBody)
	p.Text("place", "Địa danh", s.Place)
	if strings.TrimSpace(s.BodyName) == "" {
		p.Add("body_name", "Tên cơ quan ban hành không được để trống.")
	}
	if s.Series != SeriesShared && s.Series != SeriesPerType {
		p.Add("series", "Cách đánh số %q không hợp lệ.", string(s.Series))
	}
	if s.MaterialsLeadDays < 0 || s.MaterialsLeadDays > 60 {
		p.Add("materials_lead_days", "Số ngày gửi tài liệu trước hội nghị phải từ 0 đến 60.")
	}
	if s.ReminderLeadDays < 0 || s.ReminderLeadDays > 30 {
		p.Add("reminder_lead_days", "Số ngày nhắc trước hạn phải từ 0 đến 30.")
	}
	if !s.DigestTime.Valid() {
		p.Add("digest_time", "Giờ gửi thư nhắc việc không hợp lệ.")
	}
	if s.BriefingDay < time.Sunday || s.BriefingDay > time.Saturday {
		p.Add("briefing_day", "Ngày giao ban trong tuần không hợp lệ.")
	}
	if !s.BriefingTime.Valid() {
		p.Add("briefing_time", "Giờ giao ban không hợp lệ.")
	}
	for kind, days := range s.ProposalLeadDays {
		if !kind.valid() || days < 0 || days > 366 {
			p.Add("proposal_lead_days", "Số ngày đăng ký nội dung chương trình không hợp lệ.")
			break
		}
	}
	if !s.NationalDay.Valid() {
		p.Add("national_day", "Ngày nghỉ thứ hai dịp Quốc khánh %q không hợp lệ.", string(s.NationalDay))
	}
	for _, d := range append(slices.Clone(s.Holidays), s.WorkingSaturdays...) {
		if !d.valid() {
			p.Add("holidays", "Ngày nghỉ hoặc ngày làm bù %s không có trên lịch.", d)
			break
		}
	}
	validateSignature(&p, s.Signature)
	return p.Err()
}

// validateSignature adds the problems of a committee's usual signature: authorities of
// Decree 30/2020 with what they act for, and a title and name that fit the document's
// metadata (Phụ lục VI: position ≤ 100, name ≤ 50).
func validateSignature(p *Problems, sig Signature) {
	p.signatureTexts(sig)
	for _, l := range sig.Lines {
		if !l.Authority.Valid() || strings.TrimSpace(l.Of) == "" {
			p.Add("sign_lines", "Dòng thẩm quyền %q phải bắt đầu bằng TM., KT., TL., TUQ. hoặc Q. rồi đến chức vụ, như “TL. CHỦ TỊCH”.", l.String())
			break
		}
	}
	if len([]rune(sig.Title)) > MaxSignerTitle {
		p.Add("sign_title", "Chức vụ người ký dài quá 100 ký tự.")
	}
	if len([]rune(sig.Name)) > MaxPersonName {
		p.Add("sign_name", "Họ tên người ký dài quá 50 ký tự.")
	}
}

// signatureTexts checks the texts of a signature with [Problems.Text].
func (p *Problems) signatureTexts(sig Signature) {
	for _, l := range sig.Lines {
		p.Text("sign_lines", "Dòng thẩm quyền", l.Of)
	}
	p.Text("sign_title", "Chức vụ người ký", sig.Title)
	p.Text("sign_name", "Họ tên người ký", sig.Name)
}

// SettingsUpdate changes some of a committee's settings: a nil field stays as it is, and
// ProposalLeadDays replaces the lead times of the kinds it names only.
type SettingsUpdate struct {
	BodyName, ParentBody, Place *string
	Series                      *SeriesMode
	MaterialsLeadDays           *int
	BriefingDay                 *time.Weekday
	BriefingTime                *ClockTime
	Holidays, WorkingSaturdays  *[]Date
	NationalDay                 *NationalDayRule
	ProposalLeadDays            map[PeriodKind]int
	Signature                   *Signature
	ReminderLeadDays            *int
	DigestTime                  *ClockTime
}

// Apply returns s with the update's fields applied; s's lead times are not modified.
func (up SettingsUpdate) Apply(s Settings) Settings {
	setIf(&s.BodyName, up.BodyName)
	setIf(&s.ParentBody, up.ParentBody)
	setIf(&s.Place, up.Place)
	setIf(&s.Series, up.Series)
	setIf(&s.MaterialsLeadDays, up.MaterialsLeadDays)
	setIf(&s.BriefingDay, up.BriefingDay)
	setIf(&s.BriefingTime, up.BriefingTime)
	setIf(&s.Holidays, up.Holidays)
	setIf(&s.WorkingSaturdays, up.WorkingSaturdays)
	setIf(&s.NationalDay, up.NationalDay)
	setIf(&s.Signature, up.Signature)
	setIf(&s.ReminderLeadDays, up.ReminderLeadDays)
	setIf(&s.DigestTime, up.DigestTime)
	if len(up.ProposalLeadDays) > 0 {
		leads := make(map[PeriodKind]int, len(s.ProposalLeadDays)+len(up.ProposalLeadDays))
		maps.Copy(leads, s.ProposalLeadDays)
		maps.Copy(leads, up.ProposalLeadDays)
		s.ProposalLeadDays = leads
	}
	return s
}

// Committee is an issuing body, an org of kind committee, with its own settings.
type Committee struct {
	Org      Org
	Settings Settings // [CommitteeSettings] of Org while none were saved
	Version  int      // of the saved settings; 0 while none were saved
}

// For returns the settings a document issued by org prints and follows, org being c's
// committee or an org under it. The committee prints its own masthead; an org under it (a
// department, a commune without its own committee) prints its own name in capitals under
// the committee's body name (Decree 30/2020: parent body, then issuing body). Place,
// numbering, signer and days off are the committee's either way.
func (c Committee) For(org Org) Settings {
	st := c.Settings
	if org.ID == 0 || org.ID == c.Org.ID {
		return st
	}
	st.ParentBody, st.BodyName = st.BodyName, strings.ToUpper(org.Name)
	return st
}
