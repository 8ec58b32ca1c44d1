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

// settingsPage is the data of admin_settings.html: the settings of one committee as typed,
// the committees the actor may choose from, and for those who manage the installation the
// global settings; with the messages of a refused form.
type settingsPage struct {
	layout
	Committees []option // field committee: the committees within ManageCommittee reach
	Form       settingsForm
	Errors     map[string]string
	Global     *globalForm // nil unless the actor may change the global settings
	GlobalErrs map[string]string
}

func (settingsPage) template() string { return "admin_settings" }

// settingsFieldSets are the fields of a committee's settings form, by fieldset.
type settingsFieldSets struct {
	Body, Signer, Meetings, Reminders, Days, Proposal []field
}

// FormFields returns the fields of the committee's settings form, as typed, with their
// messages.
func (p settingsPage) FormFields() settingsFieldSets {
	e, f := p.Errors, p.Form
	out := settingsFieldSets{
		Body: []field{
			newField(e, field{ID: "body_name", Name: "body_name", Label: "Tên cơ quan ban hành (in trên văn bản)",
				Value: f.BodyName, Required: true}),
			newField(e, field{ID: "parent_body", Name: "parent_body", Label: "Cơ quan cấp trên (dòng phía trên, không bắt buộc)",
				Value: f.ParentBody}),
			newField(e, field{ID: "place", Name: "place", Label: "Địa danh ghi ở dòng ngày tháng", Value: f.Place,
				Placeholder: "Sơn Hà"}),
			newField(e, field{Kind: fieldSelect, ID: "series", Name: "series", Label: "Đánh số văn bản", Options: f.SeriesChoices}),
		},
		Signer: []field{
			newField(e, field{Kind: fieldTextarea, ID: "sign_lines", Name: "sign_lines", Rows: 3, Cols: 30, Value: f.SignLines,
				Label: "Dòng thẩm quyền (mỗi dòng một, ví dụ “TM. ỦY BAN NHÂN DÂN”, “TL. CHỦ TỊCH”)"}),
			newField(e, field{ID: "sign_title", Name: "sign_title", Label: "Chức vụ người ký", Value: f.SignTitle,
				Placeholder: "Chủ tịch"}),
			newField(e, field{ID: "sign_name", Name: "sign_name", Label: "Họ và tên người ký", Value: f.SignName}),
		},
		Meetings: []field{
			newField(e, field{ID: "materials_lead_days", Name: "materials_lead_days", Label: "Gửi tài liệu hội nghị trước (số ngày)",
				Type: "number", Min: "0", Max: "60", Value: f.MaterialsLeadDays}),
			newField(e, field{Kind: fieldSelect, ID: "briefing_day", Name: "briefing_day", Label: "Ngày giao ban trong tuần",
				Options: f.Weekdays}),
			newField(e, field{ID: "briefing_time", Name: "briefing_time", Label: "Giờ giao ban (ví dụ “14 giờ 00”, “14h00”)",
				Value: f.BriefingTime}),
		},
		Reminders: []field{
			newField(e, field{ID: "reminder_lead_days", Name: "reminder_lead_days", Label: "Nhắc trước hạn (số ngày; 0: chỉ nhắc vào ngày đến hạn)",
				Type: "number", Min: "0", Max: "30", Value: f.ReminderLeadDays}),
			newField(e, field{ID: "digest_time", Name: "digest_time", Label: "Giờ gửi thư nhắc việc hằng ngày (ví dụ “7 giờ 00”, “7h00”)",
				Value: f.DigestTime}),
		},
		Days: []field{
			newField(e, field{Kind: fieldTextarea, ID: "holidays", Name: "holidays", Rows: 8, Cols: 16, Value: f.Holidays,
				Label: "Ngày nghỉ lễ, Tết (mỗi dòng một ngày, ngày/tháng/năm)"}),
			newField(e, field{Kind: fieldTextarea, ID: "working_saturdays", Name: "working_saturdays", Rows: 4, Cols: 16,
				Value: f.WorkingSaturdays, Label: "Ngày làm bù (mỗi dòng một ngày, ngày/tháng/năm)"}),
			newField(e, field{Kind: fieldSelect, ID: "national_day", Name: "national_day",
				Label: "Ngày nghỉ thứ hai dịp Quốc khánh", Options: nationalDayChoices(f.NationalDay)}),
		},
	}
	for _, l := range f.Proposal {
		out.Proposal = append(out.Proposal, newField(e, field{ID: l.Field, Name: l.Field, Label: l.Label, Type: "number",
			Min: "0", Max: "366", Value: l.Days}))
	}
	return out
}

// SMTPPortField returns the port field of the global settings form, as typed.
func (p settingsPage) SMTPPortField() field {
	var port string
	if p.Global != nil {
		port = p.Global.SMTPPort
	}
	return newField(p.GlobalErrs, field{ID: "smtp_port", Name: "smtp_port", Label: "Cổng", Type: "number", Min: "1",
		Max: "65535", Value: port})
}

// SMTPSecurityField returns the choice of how the mail server is reached, as chosen.
func (p settingsPage) SMTPSecurityField() field {
	chosen := string(congtac.SMTPStartTLS)
	if p.Global != nil && p.Global.SMTPSecurity != "" {
		chosen = p.Global.SMTPSecurity
	}
	var opts []option
	for _, sec := range congtac.SMTPSecurities {
		opts = append(opts, option{Value: string(sec), Label: sec.Label(), Selected: string(sec) == chosen})
	}
	return newField(p.GlobalErrs, field{Kind: fieldSelect, ID: "smtp_security", Name: "smtp_security",
		Label: "Bảo vệ kết nối", Options: opts})
}

// settingsForm holds a committee's settings as the form shows them.
type settingsForm struct {
	Committee, Version                                     string // fields committee and version
	CommitteeName                                          string
	BodyName, ParentBody, Place, Series, MaterialsLeadDays string
	BriefingDay, BriefingTime                              string
	ReminderLeadDays, DigestTime                           string
	Holidays, WorkingSaturdays                             string // one day/month/year date a line
	NationalDay                                            string // a [congtac.NationalDayRule]
	Proposal                                               []settingsLead
	SignLines, SignTitle, SignName                         string // the usual signer
	SeriesChoices, Weekdays                                []option
}

// settingsLead is the proposal lead time of one program kind.
type settingsLead struct {
	Field, Label, Days string
}

// proposalKind is a program kind with a proposal lead time, with its field name and label.
type proposalKind struct {
	kind         congtac.PeriodKind
	field, label string
}

// proposalKinds are the program kinds with a proposal lead time.
var proposalKinds = []proposalKind{
	{congtac.PeriodYear, "proposal_year", "Chương trình năm"},
	{congtac.PeriodQuarter, "proposal_quarter", "Chương trình quý"},
	{congtac.PeriodMonth, "proposal_month", "Chương trình tháng"},
	{congtac.PeriodWeek, "proposal_week", "Chương trình tuần"},
}

// newSettingsForm returns the form showing committee c's settings.
func newSettingsForm(c congtac.Committee) settingsForm {
	st := c.Settings
	f := settingsForm{Committee: strconv.FormatInt(c.Org.ID, 10), Version: strconv.Itoa(c.Version),
		CommitteeName: c.Org.Name, BodyName: st.BodyName, ParentBody: st.ParentBody, Place: st.Place,
		Series: string(st.Series), MaterialsLeadDays: strconv.Itoa(st.MaterialsLeadDays),
		BriefingDay: strconv.Itoa(int(st.BriefingDay)), BriefingTime: vn.FormatClock(st.BriefingTime),
		ReminderLeadDays: strconv.Itoa(st.ReminderLeadDays), DigestTime: vn.FormatClock(st.DigestTime),
		Holidays: dateLines(st.Holidays), WorkingSaturdays: dateLines(st.WorkingSaturdays),
		NationalDay: string(st.NationalDay), SignTitle: st.Signature.Title, SignName: st.Signature.Name}
	lines := make([]string, len(st.Signature.Lines))
	for i, l := range st.Signature.Lines {
		lines[i] = l.String()
	}
	f.SignLines = strings.Join(lines, "\n")
	for _, k := range proposalKinds {
		f.Proposal = append(f.Proposal, settingsLead{Field: k.field, Label: k.label,
			Days: strconv.Itoa(st.ProposalLeadDays[k.kind])})
	}
	f.fillChoices()
	return f
}

// fillChoices sets the options of the series and weekday fields.
func (f *settingsForm) fillChoices() {
	f.SeriesChoices = []option{
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
		f.Weekdays = append(f.Weekdays, option{Value: v, Label: vn.Weekday(d), Selected: v == f.BriefingDay})
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

// parseSignLines reads the authority lines of a signature, one a line ("TL. CHỦ TỊCH"),
// skipping blank lines; a line that is not one adds a problem to field sign_lines.
func parseSignLines(p *congtac.Problems, text string) []congtac.SignLine {
	var out []congtac.SignLine
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		l, err := parseSignLine(line)
		if err != nil {
			p.Add("sign_lines", "%s", congtac.ErrorMessage(err))
			continue
		}
		out = append(out, l)
	}
	return out
}

// settingsCommittees returns the committees the actor may configure as choices, and the
// chosen one selected: committee chosen, else (0) the actor's own committee, else the first
// it may configure. A chosen committee out of the actor's reach, or none at all, is
// EFORBIDDEN.
func (s *Server) settingsCommittees(r *http.Request, chosen int64) ([]option, congtac.Committee, error) {
	ctx, a := r.Context(), actorOf(r)
	cs, err := s.st.FindCommittees(ctx, a)
	if err != nil {
		return nil, congtac.Committee{}, fmt.Errorf("web: settings: %w", err)
	}
	want := chosen
	if want == 0 {
		own, err := s.st.FindCommittee(ctx, a.OrgID)
		if err != nil {
			return nil, congtac.Committee{}, err
		}
		want = own.Org.ID
	}
	at := slices.IndexFunc(cs, func(c congtac.Committee) bool { return c.Org.ID == want })
	if at < 0 && chosen == 0 && len(cs) > 0 {
		at = 0
	}
	if at < 0 {
		return nil, congtac.Committee{}, congtac.Forbidden()
	}
	choices := make([]option, len(cs))
	for i, c := range cs {
		choices[i] = option{Value: strconv.FormatInt(c.Org.ID, 10), Label: c.Org.Name, Selected: i == at}
	}
	return choices, cs[at], nil
}

// settingsPageFor returns the settings page of committee c with form f, and the global
// settings when the actor may change them.
func (s *Server) settingsPageFor(r *http.Request, choices []option, f settingsForm) (settingsPage, error) {
	page := settingsPage{layout: s.layout(r, "Cấu hình"), Committees: choices, Form: f}
	if actorOf(r).Can(congtac.ManageSettings) {
		g, err := s.st.GlobalSettings(r.Context())
		if err != nil {
			return page, err
		}
		gf := newGlobalForm(g)
		page.Global = &gf
	}
	return page, nil
}

// handleSettingsShow shows the settings form of a committee: ?committee=ID, else the
// actor's own. A committee the actor may not configure is 403. Those who manage the
// installation also see the global settings' form.
func (s *Server) handleSettingsShow(w http.ResponseWriter, r *http.Request) {
	var p congtac.Problems
	id := parseFormID(&p, "committee", r.URL.Query().Get("committee"))
	if err := p.Err(); err != nil {
		s.fail(w, r, err)
		return
	}
	choices, c, err := s.settingsCommittees(r, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page, err := s.settingsPageFor(r, choices, newSettingsForm(c))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, page)
}

// settingsFromForm reads the fields of a committee's settings. It returns the form as typed
// and the problems of the fields that could not be read.
func settingsFromForm(r *http.Request) (settingsForm, congtac.Settings, congtac.Problems) {
	r.ParseForm()
	v := r.PostForm
	f := settingsForm{Committee: v.Get("committee"), Version: v.Get("version"), BodyName: v.Get("body_name"),
		ParentBody: v.Get("parent_body"), Place: v.Get("place"), Series: v.Get("series"),
		MaterialsLeadDays: v.Get("materials_lead_days"), BriefingDay: v.Get("briefing_day"),
		BriefingTime: v.Get("briefing_time"), ReminderLeadDays: v.Get("reminder_lead_days"), DigestTime: v.Get("digest_time"),
		Holidays: v.Get("holidays"), WorkingSaturdays: v.Get("working_saturdays"),
		NationalDay: v.Get("national_day"), SignLines: v.Get("sign_lines"), SignTitle: v.Get("sign_title"), SignName: v.Get("sign_name")}
	var p congtac.Problems
	st := congtac.Settings{BodyName: strings.TrimSpace(f.BodyName), ParentBody: strings.TrimSpace(f.ParentBody),
		Place: strings.TrimSpace(f.Place), Series: congtac.SeriesMode(f.Series),
		MaterialsLeadDays: parseFormInt(&p, "materials_lead_days", "Số ngày gửi tài liệu", f.MaterialsLeadDays),
		BriefingDay:       time.Weekday(parseFormInt(&p, "briefing_day", "Ngày giao ban", f.BriefingDay)),
		Holidays:          parseDateLines(&p, "holidays", f.Holidays),
		WorkingSaturdays:  parseDateLines(&p, "working_saturdays", f.WorkingSaturdays),
		NationalDay:       congtac.NationalDayRule(f.NationalDay),
		ProposalLeadDays:  map[congtac.PeriodKind]int{},
		Signature: congtac.Signature{Lines: parseSignLines(&p, f.SignLines), Title: strings.TrimSpace(f.SignTitle),
			Name: strings.Join(strings.Fields(f.SignName), " ")}}
	st.BriefingTime = parseClockField(&p, "briefing_time", f.BriefingTime, "Hãy ghi giờ giao ban, ví dụ “14 giờ 00” hoặc “14h00”.")
	st.ReminderLeadDays = parseFormInt(&p, "reminder_lead_days", "Số ngày nhắc trước hạn", f.ReminderLeadDays)
	st.DigestTime = parseClockField(&p, "digest_time", f.DigestTime, "Hãy ghi giờ gửi thư nhắc việc, ví dụ “7 giờ 00” hoặc “7h00”.")
	for _, k := range proposalKinds {
		days := v.Get(k.field)
		f.Proposal = append(f.Proposal, settingsLead{Field: k.field, Label: k.label, Days: days})
		st.ProposalLeadDays[k.kind] = parseFormInt(&p, k.field, "Số ngày", days)
	}
	f.fillChoices()
	return f, st, p
}

// parseClockField reads a time of day as offices write it ("14 giờ 00", "14h00", "14:00")
// from the field name; one that is not a time adds its problem, a missing one missing.
func parseClockField(p *congtac.Problems, name, text, missing string) congtac.ClockTime {
	clock, _, err := vn.ParseClock(text)
	switch {
	case err != nil:
		p.Add(name, "%s", congtac.ErrorMessage(err))
	case clock == congtac.NoTime:
		p.Add(name, "%s", missing)
	}
	return clock
}

// addValidation adds the problems of err (a validation error) to p, one per field.
func addValidation(p *congtac.Problems, err error) {
	for field, msg := range congtac.FieldErrors(err) {
		if !slices.ContainsFunc(*p, func(e *congtac.Error) bool { return e.Field == field }) {
			p.Add(field, "%s", msg)
		}
	}
}

// handleSettingsUpdate saves the settings of one committee (field committee, else the
// actor's own; version, when sent, is the version read: 409 when it moved). A committee
// the actor may not configure is 403. A field that cannot be read (a date that is not on
// the calendar names its line) or a value out of range answers 422 with the messages next
// to the fields and everything typed kept; nothing is saved then. The global settings have
// their own form ([Server.handleGlobalSettingsUpdate]).
func (s *Server) handleSettingsUpdate(w http.ResponseWriter, r *http.Request) {
	f, st, p := settingsFromForm(r)
	id := parseFormID(&p, "committee", f.Committee)
	choices, c, err := s.settingsCommittees(r, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f.Committee, f.CommitteeName = strconv.FormatInt(c.Org.ID, 10), c.Org.Name
	version := c.Version
	if strings.TrimSpace(f.Version) != "" {
		version = parseFormInt(&p, "version", "Phiên bản", f.Version)
	}
	addValidation(&p, st.Validate())
	err = p.Err()
	if err == nil {
		_, err = s.st.SaveCommitteeSettings(r.Context(), actorOf(r), c.Org.ID, version, st)
	}
	if err != nil {
		s.refuseSettings(w, r, err, choices, f)
		return
	}
	s.flash(r, "Đã lưu cấu hình của "+c.Org.Name+".")
	http.Redirect(w, r, "/admin/settings?committee="+f.Committee, http.StatusSeeOther)
}

// refuseSettings answers a refused committee form: the page with the status of err and
// the form as typed, or the error page when err is not a form's refusal.
func (s *Server) refuseSettings(w http.ResponseWriter, r *http.Request, err error, choices []option, f settingsForm) {
	if _, ok := formProblems(err); !ok {
		s.fail(w, r, err)
		return
	}
	page, perr := s.settingsPageFor(r, choices, f)
	if perr != nil {
		s.fail(w, r, perr)
		return
	}
	page.Errors = congtac.FieldErrors(err)
	s.render(w, r, statusOf(err), page)
}

// nationalDayChoices are the choices of Quốc khánh's second day off, chosen selected.
func nationalDayChoices(chosen string) []option {
	out := []option{
		{Value: string(congtac.NationalDayJoinWeekend), Label: "Ngày liền với cuối tuần (mặc định)"},
		{Value: string(congtac.NationalDayBefore), Label: "Ngày 01/9"},
		{Value: string(congtac.NationalDayAfter), Label: "Ngày 03/9"},
	}
	for i := range out {
		out[i].Selected = out[i].Value == chosen
	}
	return out
}
