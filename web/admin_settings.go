package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"congtac"
	"congtac/vn"
)

// settingsPage is the data of admin_settings.html: every field of [congtac.Settings] as
// typed, and the messages of a refused form.
type settingsPage struct {
	layout
	Form   settingsForm
	Errors map[string]string
}

// settingsForm holds the settings as the form shows them. The SMTP password is never sent
// back: HasPassword says whether one is stored.
type settingsForm struct {
	BodyName, ParentBody, Place, Series, MaterialsLeadDays string
	BriefingDay, BriefingTime                              string
	Holidays, WorkingSaturdays                             string // one day/month/year date a line
	Proposal                                               []settingsLead
	SMTPHost, SMTPPort, SMTPUsername, SMTPFrom             string
	HasPassword                                            bool
	SeriesChoices, Weekdays, RequireTOTP                   []adminChoice
}

// settingsLead is the proposal lead time of one program kind.
type settingsLead struct {
	Field, Label, Days string
}

// proposalKinds are the program kinds with a proposal lead time, with their field names.
var proposalKinds = []struct {
	kind         congtac.PeriodKind
	field, label string
}{
	{congtac.PeriodYear, "proposal_year", "Chương trình năm"},
	{congtac.PeriodQuarter, "proposal_quarter", "Chương trình quý"},
	{congtac.PeriodMonth, "proposal_month", "Chương trình tháng"},
	{congtac.PeriodWeek, "proposal_week", "Chương trình tuần"},
}

// newSettingsForm returns the form showing st.
func newSettingsForm(st congtac.Settings) settingsForm {
	f := settingsForm{BodyName: st.BodyName, ParentBody: st.ParentBody, Place: st.Place, Series: string(st.Series),
		MaterialsLeadDays: strconv.Itoa(st.MaterialsLeadDays), BriefingDay: strconv.Itoa(int(st.BriefingDay)),
		BriefingTime: vn.FormatClock(st.BriefingTime), Holidays: dateLines(st.Holidays),
		WorkingSaturdays: dateLines(st.WorkingSaturdays), SMTPHost: st.SMTP.Host, SMTPUsername: st.SMTP.Username,
		SMTPFrom: st.SMTP.From, HasPassword: st.SMTP.Password != ""}
	if st.SMTP.Port != 0 {
		f.SMTPPort = strconv.Itoa(st.SMTP.Port)
	}
	for _, k := range proposalKinds {
		f.Proposal = append(f.Proposal, settingsLead{Field: k.field, Label: k.label,
			Days: strconv.Itoa(st.ProposalLeadDays[k.kind])})
	}
	var roles []string
	for _, r := range st.RequireTOTP {
		roles = append(roles, string(r))
	}
	f.fillChoices(roles)
	return f
}

// fillChoices sets the options of the series, weekday and second-factor fields; roles are
// the roles ticked as requiring a second factor.
func (f *settingsForm) fillChoices(roles []string) {
	f.SeriesChoices = []adminChoice{
		{Value: string(congtac.SeriesShared), Label: "Một dãy số chung cho mọi loại văn bản"},
		{Value: string(congtac.SeriesPerType), Label: "Mỗi loại văn bản một dãy số riêng"},
	}
	for i := range f.SeriesChoices {
		f.SeriesChoices[i].Selected = f.SeriesChoices[i].Value == f.Series
	}
	f.Weekdays = nil
	for _, d := range []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday,
		time.Saturday, time.Sunday} {
		v := strconv.Itoa(int(d))
		f.Weekdays = append(f.Weekdays, adminChoice{Value: v, Label: vn.Weekday(d), Selected: v == f.BriefingDay})
	}
	f.RequireTOTP = nil
	for _, r := range congtac.Roles {
		f.RequireTOTP = append(f.RequireTOTP, adminChoice{Value: string(r), Label: r.Label(),
			Selected: slices.Contains(roles, string(r))})
	}
}

// dateLines writes dates one a line, day/month/year.
func dateLines(ds []congtac.Date) string {
	lines := make([]string, len(ds))
	for i, d := range ds {
		lines[i] = vn.PaddedDate(d)
	}
	return strings.Join(lines, "\n")
}

// parseDateLines reads one day/month/year date a line, skipping blank lines, and returns
// them sorted without repeats. Lines that are not dates on the calendar add one problem to
// field naming each of them by number.
func parseDateLines(p *congtac.Problems, field, text string) []congtac.Date {
	var out []congtac.Date
	var bad []string
	for i, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		d, err := parseDayMonthYear(line)
		switch {
		case err != nil:
			bad = append(bad, fmt.Sprintf("dòng %d: %s", i+1, congtac.ErrorMessage(err)))
		case !d.IsZero() && !slices.Contains(out, d):
			out = append(out, d)
		}
	}
	if len(bad) > 0 {
		p.Add(field, "Có ngày không hợp lệ — %s", strings.Join(bad, "; "))
	}
	slices.SortFunc(out, congtac.Date.Compare)
	return out
}

// handleSettingsShow shows the settings form filled with the stored settings.
func (s *Server) handleSettingsShow(w http.ResponseWriter, r *http.Request) {
	st, err := s.st.Settings(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page := settingsPage{layout: s.layout(r, "Cấu hình"), Form: newSettingsForm(st)}
	s.render(w, r, http.StatusOK, "admin_settings", page)
}

// settingsFromForm reads every settings field of the request over the stored settings
// old (whose SMTP password stays when the field smtp_password is empty and the box
// smtp_password_clear is not ticked). It returns the form as typed and the problems of
// the fields that could not be read.
func settingsFromForm(r *http.Request, old congtac.Settings) (settingsForm, congtac.Settings, congtac.Problems) {
	r.ParseForm()
	v := r.PostForm
	f := settingsForm{BodyName: v.Get("body_name"), ParentBody: v.Get("parent_body"), Place: v.Get("place"),
		Series: v.Get("series"), MaterialsLeadDays: v.Get("materials_lead_days"), BriefingDay: v.Get("briefing_day"),
		BriefingTime: v.Get("briefing_time"), Holidays: v.Get("holidays"), WorkingSaturdays: v.Get("working_saturdays"),
		SMTPHost: strings.TrimSpace(v.Get("smtp_host")), SMTPPort: strings.TrimSpace(v.Get("smtp_port")),
		SMTPUsername: strings.TrimSpace(v.Get("smtp_username")), SMTPFrom: strings.TrimSpace(v.Get("smtp_from"))}
	var p congtac.Problems
	st := congtac.Settings{BodyName: strings.TrimSpace(f.BodyName), ParentBody: strings.TrimSpace(f.ParentBody),
		Place: strings.TrimSpace(f.Place), Series: congtac.SeriesMode(f.Series),
		MaterialsLeadDays: parseFormInt(&p, "materials_lead_days", "Số ngày gửi tài liệu", f.MaterialsLeadDays),
		BriefingDay:       time.Weekday(parseFormInt(&p, "briefing_day", "Ngày giao ban", f.BriefingDay)),
		Holidays:          parseDateLines(&p, "holidays", f.Holidays),
		WorkingSaturdays:  parseDateLines(&p, "working_saturdays", f.WorkingSaturdays),
		ProposalLeadDays:  map[congtac.PeriodKind]int{},
		SMTP: congtac.SMTP{Host: f.SMTPHost, Username: f.SMTPUsername, From: f.SMTPFrom,
			Password: old.SMTP.Password, Port: 587}}
	if clock, _, err := vn.ParseClock(f.BriefingTime); err != nil {
		p.Add("briefing_time", "%s", congtac.ErrorMessage(err))
	} else if clock == congtac.NoTime {
		p.Add("briefing_time", "Hãy ghi giờ giao ban, ví dụ “14 giờ 00” hoặc “14h00”.")
	} else {
		st.BriefingTime = clock
	}
	for _, k := range proposalKinds {
		days := v.Get(k.field)
		f.Proposal = append(f.Proposal, settingsLead{Field: k.field, Label: k.label, Days: days})
		st.ProposalLeadDays[k.kind] = parseFormInt(&p, k.field, "Số ngày", days)
	}
	for _, role := range v["require_totp"] {
		st.RequireTOTP = append(st.RequireTOTP, congtac.Role(role))
	}
	if f.SMTPPort != "" {
		st.SMTP.Port = parseFormInt(&p, "smtp_port", "Cổng máy chủ thư", f.SMTPPort)
	}
	if pw := v.Get("smtp_password"); pw != "" {
		st.SMTP.Password = pw
	} else if v.Get("smtp_password_clear") != "" {
		st.SMTP.Password = ""
	}
	f.HasPassword = st.SMTP.Password != ""
	f.fillChoices(v["require_totp"])
	return f, st, p
}

// handleSettingsUpdate saves every settings field. A field that cannot be read (a date
// that is not on the calendar names its line) or a value out of range answers 422 with the
// messages next to the fields and everything typed kept but the SMTP password; nothing is
// saved then.
func (s *Server) handleSettingsUpdate(w http.ResponseWriter, r *http.Request) {
	old, err := s.st.Settings(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f, st, p := settingsFromForm(r, old)
	if verr := st.Validate(); verr != nil {
		for field, msg := range congtac.FieldErrors(verr) {
			if !slices.ContainsFunc(p, func(e *congtac.Error) bool { return e.Field == field }) {
				p.Add(field, "%s", msg)
			}
		}
	}
	err = p.Err()
	if err == nil {
		err = s.st.SaveSettings(r.Context(), actorOf(r), st)
	}
	if err != nil {
		if _, ok := formProblems(err); !ok {
			s.fail(w, r, err)
			return
		}
		page := settingsPage{layout: s.layout(r, "Cấu hình"), Form: f, Errors: congtac.FieldErrors(err)}
		s.render(w, r, statusOf(err), "admin_settings", page)
		return
	}
	s.flash(r, "Đã lưu cấu hình.")
	http.Redirect(w, r, "/admin/settings", http.StatusSeeOther)
}
