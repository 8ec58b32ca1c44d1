package congtac

import (
	"slices"
	"strings"
	"time"
)

// Settings are the local choices an office makes at run time, stored in the database. The
// zero value is not useful: start from [DefaultSettings].
type Settings struct {
	BodyName          string     // issuing body as printed: "ỦY BAN NHÂN DÂN XÃ AN BÌNH"
	ParentBody        string     // optional line above it
	Place             string     // place in the date line: "An Bình"
	Series            SeriesMode // one number series or one per document type
	MaterialsLeadDays int        // meeting materials due this many days before
	BriefingDay       time.Weekday
	BriefingTime      ClockTime
	Holidays          []Date // days off besides weekends
	WorkingSaturdays  []Date // compensatory working days
	ProposalLeadDays  map[PeriodKind]int
	RequireTOTP       []Role // roles that must use a second factor to sign in
	SMTP              SMTP   // outgoing mail for reminders
}

// SMTP is the mail server reminders go out through. An empty Host means mail is off.
type SMTP struct {
	Host     string
	Port     int
	Username string
	Password string // never shown back; kept when a form leaves it empty
	From     string
}

// RequiresTOTP reports whether users of role r must sign in with a second factor.
func (s Settings) RequiresTOTP(r Role) bool { return slices.Contains(s.RequireTOTP, r) }

// DefaultSettings returns the settings of a new installation.
func DefaultSettings() Settings {
	return Settings{
		BodyName:          "ỦY BAN NHÂN DÂN",
		Series:            SeriesShared,
		MaterialsLeadDays: DefaultMaterialsLeadDays,
		BriefingDay:       time.Thursday,
		BriefingTime:      At(14, 0),
		ProposalLeadDays: map[PeriodKind]int{PeriodYear: 45, PeriodQuarter: 15,
			PeriodMonth: 7, PeriodWeek: 2},
		RequireTOTP: []Role{RoleAdmin},
		SMTP:        SMTP{Port: 587},
	}
}

// Validate checks the settings' ranges.
func (s Settings) Validate() error {
	var p Problems
	if strings.TrimSpace(s.BodyName) == "" {
		p.Add("body_name", "Tên cơ quan ban hành không được để trống.")
	}
	if s.Series != SeriesShared && s.Series != SeriesPerType {
		p.Add("series", "Cách đánh số %q không hợp lệ.", string(s.Series))
	}
	if s.MaterialsLeadDays < 0 || s.MaterialsLeadDays > 60 {
		p.Add("materials_lead_days", "Số ngày gửi tài liệu trước hội nghị phải từ 0 đến 60.")
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
	for _, d := range append(slices.Clone(s.Holidays), s.WorkingSaturdays...) {
		if !d.valid() {
			p.Add("holidays", "Ngày nghỉ hoặc ngày làm bù %s không có trên lịch.", d)
			break
		}
	}
	for _, r := range s.RequireTOTP {
		if !r.Valid() {
			p.Add("require_totp", "Vai trò %q không hợp lệ.", string(r))
		}
	}
	if s.SMTP.Host != "" && (s.SMTP.Port < 1 || s.SMTP.Port > 65535) {
		p.Add("smtp_port", "Cổng máy chủ thư phải từ 1 đến 65535.")
	}
	return p.Err()
}

// WorkingDay reports whether d is a working day: Monday to Friday except holidays, plus the
// compensatory working Saturdays.
func (s Settings) WorkingDay(d Date) bool {
	for _, w := range s.WorkingSaturdays {
		if w == d {
			return true
		}
	}
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	for _, h := range s.Holidays {
		if h == d {
			return false
		}
	}
	return true
}
