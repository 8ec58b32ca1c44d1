package web

import (
	"cmp"
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"congtac"
)

// Settings through the API: a committee's own settings (masthead, place, numbering,
// signer, briefing, lead times, days off) for those whose ManageCommittee reaches it, and
// the installation's (mail, second factor) for those who manage the installation. A
// committee outside reach is 404, as a record outside reach is everywhere in the API. The
// SMTP password is never answered.

// apiCommitteeSettings are the settings of one committee.
type apiCommitteeSettings struct {
	CommitteeID       int64          `json:"committee_id"`
	CommitteeName     string         `json:"committee_name"`
	Version           int            `json:"version"`
	BodyName          string         `json:"body_name"`
	ParentBody        string         `json:"parent_body"`
	Place             string         `json:"place"`
	Series            string         `json:"series"`
	MaterialsLeadDays int            `json:"materials_lead_days"`
	BriefingDay       int            `json:"briefing_day"`
	BriefingTime      *string        `json:"briefing_time"`
	Holidays          []string       `json:"holidays"`
	WorkingSaturdays  []string       `json:"working_saturdays"`
	NationalDay       string         `json:"national_day"`
	ProposalLeadDays  map[string]int `json:"proposal_lead_days"`
	Signature         apiSignature   `json:"signature"`
	ReminderLeadDays  int            `json:"reminder_lead_days"`
	DigestTime        *string        `json:"digest_time"`
}

func newAPICommitteeSettings(c congtac.Committee) apiCommitteeSettings {
	st := c.Settings
	out := apiCommitteeSettings{CommitteeID: c.Org.ID, CommitteeName: c.Org.Name, Version: c.Version,
		BodyName: st.BodyName, ParentBody: st.ParentBody, Place: st.Place, Series: string(st.Series),
		MaterialsLeadDays: st.MaterialsLeadDays, BriefingDay: int(st.BriefingDay), BriefingTime: apiClock(st.BriefingTime),
		Holidays: apiDates(st.Holidays), WorkingSaturdays: apiDates(st.WorkingSaturdays),
		NationalDay: apiNationalDay(st.NationalDay), ProposalLeadDays: map[string]int{}, Signature: newAPISignature(st.Signature),
		ReminderLeadDays: st.ReminderLeadDays, DigestTime: apiClock(st.DigestTime)}
	for _, k := range proposalKinds {
		out.ProposalLeadDays[string(k.kind)] = st.ProposalLeadDays[k.kind]
	}
	return out
}

// apiDates writes civil dates as "YYYY-MM-DD", never null.
func apiDates(ds []congtac.Date) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.String()
	}
	return out
}

// apiCommitteeSettingsUpdate is the body of PATCH /api/v1/committees/{id}/settings: the
// version read and the settings to change; a field left out or null stays as it is.
type apiCommitteeSettingsUpdate struct {
	Version           *int               `json:"version"`
	BodyName          *string            `json:"body_name"`
	ParentBody        *string            `json:"parent_body"`
	Place             *string            `json:"place"`
	Series            *string            `json:"series"`
	MaterialsLeadDays *int               `json:"materials_lead_days"`
	BriefingDay       *int               `json:"briefing_day"`
	BriefingTime      *string            `json:"briefing_time"`
	Holidays          *[]string          `json:"holidays"`
	WorkingSaturdays  *[]string          `json:"working_saturdays"`
	NationalDay       *string            `json:"national_day"`
	ProposalLeadDays  map[string]int     `json:"proposal_lead_days"`
	Signature         *apiSignatureInput `json:"signature"`
	ReminderLeadDays  *int               `json:"reminder_lead_days"`
	DigestTime        *string            `json:"digest_time"`
}

// update returns the change the body asks for, adding the problems of values it cannot read.
func (b apiCommitteeSettingsUpdate) update(pr *congtac.Problems) congtac.SettingsUpdate {
	up := congtac.SettingsUpdate{BodyName: b.BodyName, ParentBody: b.ParentBody, Place: b.Place,
		MaterialsLeadDays: b.MaterialsLeadDays, ReminderLeadDays: b.ReminderLeadDays}
	if b.Series != nil {
		up.Series = ptr(congtac.SeriesMode(*b.Series))
	}
	if b.BriefingDay != nil {
		up.BriefingDay = ptr(time.Weekday(*b.BriefingDay))
	}
	if b.BriefingTime != nil {
		up.BriefingTime = ptr(parseClockField(pr, "briefing_time", *b.BriefingTime, "Hãy ghi giờ giao ban, ví dụ 14:00."))
	}
	if b.DigestTime != nil {
		up.DigestTime = ptr(parseClockField(pr, "digest_time", *b.DigestTime, "Hãy ghi giờ gửi thư nhắc việc, ví dụ 07:00."))
	}
	if b.Holidays != nil {
		up.Holidays = ptr(bodyDates(pr, "holidays", *b.Holidays))
	}
	if b.WorkingSaturdays != nil {
		up.WorkingSaturdays = ptr(bodyDates(pr, "working_saturdays", *b.WorkingSaturdays))
	}
	if b.NationalDay != nil {
		rule := congtac.NationalDayRule(*b.NationalDay)
		if *b.NationalDay == "join_weekend" {
			rule = congtac.NationalDayJoinWeekend
		}
		up.NationalDay = &rule
	}
	for key, days := range b.ProposalLeadDays {
		at := slices.IndexFunc(proposalKinds, func(k proposalKind) bool { return string(k.kind) == key })
		if at < 0 {
			pr.Add("proposal_lead_days", "Loại chương trình %q không hợp lệ; dùng year, quarter, month hoặc week.", key)
			continue
		}
		if up.ProposalLeadDays == nil {
			up.ProposalLeadDays = map[congtac.PeriodKind]int{}
		}
		up.ProposalLeadDays[proposalKinds[at].kind] = days
	}
	if b.Signature != nil {
		up.Signature = ptr(b.Signature.signature(pr))
	}
	return up
}

// bodyDates parses the dates of a body's list, sorted and without repeats, adding a problem
// on field for each that is not "YYYY-MM-DD".
func bodyDates(pr *congtac.Problems, field string, list []string) []congtac.Date {
	out := []congtac.Date{}
	for _, s := range list {
		if d := bodyRequiredDate(pr, field, s); !d.IsZero() && !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	slices.SortFunc(out, congtac.Date.Compare)
	return out
}

// apiGlobalSettings are the installation's settings, without the SMTP password.
type apiGlobalSettings struct {
	RequireTOTP     []string `json:"require_totp"`
	SMTPHost        string   `json:"smtp_host"`
	SMTPPort        int      `json:"smtp_port"`
	SMTPUsername    string   `json:"smtp_username"`
	SMTPFrom        string   `json:"smtp_from"`
	SMTPSecurity    string   `json:"smtp_security"`
	SMTPPasswordSet bool     `json:"smtp_password_set"`
}

func newAPIGlobalSettings(g congtac.GlobalSettings) apiGlobalSettings {
	return apiGlobalSettings{RequireTOTP: append(codesOf(g.RequireTOTP), []string{}...), SMTPHost: g.SMTP.Host,
		SMTPPort: g.SMTP.Port, SMTPUsername: g.SMTP.Username, SMTPFrom: g.SMTP.From,
		SMTPSecurity: string(g.SMTP.Security.Or()), SMTPPasswordSet: g.SMTP.Password != ""}
}

// apiGlobalSettingsUpdate is the body of PATCH /api/v1/settings/global: the settings to
// change; a field left out or null stays as it is. smtp_password "" removes the password.
type apiGlobalSettingsUpdate struct {
	RequireTOTP  *[]string `json:"require_totp"`
	SMTPHost     *string   `json:"smtp_host"`
	SMTPPort     *int      `json:"smtp_port"`
	SMTPUsername *string   `json:"smtp_username"`
	SMTPPassword *string   `json:"smtp_password"`
	SMTPFrom     *string   `json:"smtp_from"`
	SMTPSecurity *string   `json:"smtp_security"`
}

// apply returns g with the body's fields applied.
func (b apiGlobalSettingsUpdate) apply(g congtac.GlobalSettings) congtac.GlobalSettings {
	if b.RequireTOTP != nil {
		g.RequireTOTP = []congtac.Role{}
		for _, r := range *b.RequireTOTP {
			g.RequireTOTP = append(g.RequireTOTP, congtac.Role(r))
		}
	}
	for dst, src := range map[*string]*string{&g.SMTP.Host: b.SMTPHost, &g.SMTP.Username: b.SMTPUsername,
		&g.SMTP.From: b.SMTPFrom} {
		if src != nil {
			*dst = strings.TrimSpace(*src)
		}
	}
	g.SMTP.Password = deref(cmp.Or(b.SMTPPassword, &g.SMTP.Password)) // a password's spaces are its own
	g.SMTP.Port = deref(cmp.Or(b.SMTPPort, &g.SMTP.Port))
	if b.SMTPSecurity != nil {
		g.SMTP.Security = congtac.SMTPSecurity(*b.SMTPSecurity)
	}
	return g
}

// settingsSchemas returns the schemas of the settings DTOs above, for the OpenAPI document;
// TestSchemasMatchDTOs holds them to the types.
func settingsSchemas() map[string]*oaSchema {
	leads := oaProps{}
	for _, k := range proposalKinds {
		leads[string(k.kind)] = schInt("Số ngày trước đầu kỳ các đơn vị đăng ký nội dung: " + strings.ToLower(k.label) + ".")
	}
	fields := oaProps{
		"body_name":   schString("Tên cơ quan ban hành như in ở tiêu đề văn bản: ỦY BAN NHÂN DÂN XÃ AN BÌNH."),
		"parent_body": schString("Tên cơ quan chủ quản in phía trên (nếu có)."),
		"place":       schString("Địa danh ghi trước ngày tháng: An Bình."),
		"series":      schEnum("Cách đánh số: shared (một dãy số chung), per_type (mỗi loại văn bản một dãy).", string(congtac.SeriesShared), string(congtac.SeriesPerType)),
		"materials_lead_days": {Type: "integer", Minimum: ptr(0.0), Maximum: ptr(60.0),
			Description: "Số ngày gửi tài liệu trước hội nghị."},
		"briefing_day": {Type: "integer", Minimum: ptr(0.0), Maximum: ptr(6.0),
			Description: "Ngày giao ban trong tuần: 0 Chủ nhật, 1 Thứ Hai … 6 Thứ Bảy."},
		"holidays":          schArray(schDate("Ngày nghỉ ngoài thứ Bảy, Chủ nhật.")),
		"working_saturdays": schArray(schDate("Ngày làm bù.")),
		"reminder_lead_days": {Type: "integer", Minimum: ptr(0.0), Maximum: ptr(30.0),
			Description: "Số ngày nhắc các đơn vị trước hạn nhiệm vụ, tài liệu hội nghị; 0: chỉ nhắc vào ngày đến hạn."},
		"national_day": schEnum("Ngày nghỉ thứ hai dịp Quốc khánh: join_weekend (ngày liền với cuối tuần), before (01/9), after (03/9).",
			"join_weekend", string(congtac.NationalDayBefore), string(congtac.NationalDayAfter)),
	}
	out := oaProps{"committee_id": schInt("Ủy ban nhân dân."), "committee_name": schString("Tên."),
		"version":            schInt("Phiên bản của cấu hình; 0 khi chưa lưu lần nào."),
		"briefing_time":      schNullable(schString("Giờ giao ban, HH:MM.")),
		"digest_time":        schNullable(schString("Giờ gửi thư nhắc việc hằng ngày, HH:MM.")),
		"proposal_lead_days": schObject("Số ngày đăng ký nội dung theo loại chương trình.", leads),
		"signature":          schRef("Signature")}
	in := oaProps{"version": schInt("Phiên bản đã đọc (0 khi chưa lưu lần nào); khác phiên bản hiện tại thì trả về 409."),
		"briefing_time":      schMax(schString("Giờ giao ban: 14:00, 14h00, 14 giờ 00."), congtac.MaxPhrase),
		"digest_time":        schMax(schString("Giờ gửi thư nhắc việc hằng ngày: 07:00, 7h00, 7 giờ 00."), congtac.MaxPhrase),
		"proposal_lead_days": schInput("Số ngày đăng ký nội dung của các loại chương trình cần sửa.", nil, leads),
		"signature":          schRef("SignatureInput")}
	for name, sc := range fields {
		out[name], in[name] = sc, sc
	}
	g := oaProps{
		"require_totp":  schArray(schEnum("Vai trò bắt buộc xác thực hai lớp.", codesOf(congtac.Roles)...)),
		"smtp_host":     schString("Máy chủ thư gửi nhắc việc; rỗng: không gửi thư."),
		"smtp_port":     schInt("Cổng máy chủ thư."),
		"smtp_username": schString("Tên đăng nhập máy chủ thư."),
		"smtp_from":     schString("Địa chỉ người gửi."),
		"smtp_security": schEnum("Bảo vệ kết nối: starttls (bắt buộc STARTTLS, cổng 587), tls (TLS ngay từ đầu, cổng 465), none (không mã hóa, chỉ máy chủ trong mạng nội bộ).",
			codesOf(congtac.SMTPSecurities)...),
	}
	gIn := oaProps{"smtp_password": &oaSchema{Type: "string", Format: "password",
		Description: "Mật khẩu máy chủ thư; chuỗi rỗng: xóa mật khẩu. Không bao giờ được trả lại."}}
	for name, sc := range g {
		gIn[name] = sc
	}
	g["smtp_password_set"] = schBool("Đã lưu mật khẩu máy chủ thư.")
	return map[string]*oaSchema{
		"CommitteeSettings": schObject("Cấu hình riêng của một Ủy ban nhân dân.", out),
		"CommitteeSettingsUpdate": schPatch("Các mục cấu hình cần sửa; trường không gửi hoặc null giữ nguyên.",
			[]string{"version"}, in),
		"GlobalSettings":       schObject("Cấu hình chung của hệ thống; không kèm mật khẩu máy chủ thư.", g),
		"GlobalSettingsUpdate": schPatch("Các mục cấu hình chung cần sửa; trường không gửi hoặc null giữ nguyên.", nil, gIn),
	}
}

// managedCommittee returns committee id with its settings when a's ManageCommittee reaches
// it; ENOTFOUND when it is no committee (an org under one has no settings of its own) or
// out of reach.
func (s *Server) managedCommittee(ctx context.Context, a congtac.Actor, id int64) (congtac.Committee, error) {
	cs, err := s.st.FindCommittees(ctx, a)
	if err != nil {
		return congtac.Committee{}, fmt.Errorf("web: committee: %w", err)
	}
	at := slices.IndexFunc(cs, func(c congtac.Committee) bool { return c.Org.ID == id })
	if at < 0 {
		return congtac.Committee{}, notFoundFor("cơ quan ban hành")
	}
	return cs[at], nil
}

// handleAPICommitteeSettingsShow answers the settings of a committee within the actor's
// ManageCommittee reach: the saved ones, else the defaults of its name (version 0).
func (s *Server) handleAPICommitteeSettingsShow(w http.ResponseWriter, r *http.Request) {
	c, ok := apiRecord(s, w, r, "cơ quan ban hành", s.managedCommittee)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, newAPICommitteeSettings(c))
}

// handleAPICommitteeSettingsUpdate changes the settings sent of a committee within the
// actor's ManageCommittee reach, given the version read, and answers with them. Only this
// committee's documents, numbering and calendar follow; issued documents stay as issued.
func (s *Server) handleAPICommitteeSettingsUpdate(w http.ResponseWriter, r *http.Request) {
	c, ok := apiRecord(s, w, r, "cơ quan ban hành", s.managedCommittee)
	if !ok {
		return
	}
	var body apiCommitteeSettingsUpdate
	if !s.readJSON(w, r, &body) {
		return
	}
	var pr congtac.Problems
	version := bodyVersion(&pr, body.Version)
	st := body.update(&pr).Apply(c.Settings)
	for field, msg := range congtac.FieldErrors(st.Validate()) {
		if strings.HasPrefix(field, "sign_") {
			field = "signature" // the form's sign_lines, sign_title, sign_name
		}
		pr.Add(field, "%s", msg)
	}
	err := pr.Err()
	if err == nil {
		c, err = s.st.SaveCommitteeSettings(r.Context(), actorOf(r), c.Org.ID, version, st)
	}
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api committee settings: %w", err), 0)
		return
	}
	writeJSON(w, http.StatusOK, newAPICommitteeSettings(c))
}

// handleAPIGlobalSettingsShow answers the installation's settings, without the SMTP
// password: smtp_password_set says whether one is stored.
func (s *Server) handleAPIGlobalSettingsShow(w http.ResponseWriter, r *http.Request) {
	g, err := s.st.GlobalSettings(r.Context())
	if err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	writeJSON(w, http.StatusOK, newAPIGlobalSettings(g))
}

// handleAPIGlobalSettingsUpdate changes the installation's settings sent, and answers with
// them (without the SMTP password). Only those whose ManageSettings reaches every org may
// (403).
func (s *Server) handleAPIGlobalSettingsUpdate(w http.ResponseWriter, r *http.Request) {
	var body apiGlobalSettingsUpdate
	if !s.readJSON(w, r, &body) {
		return
	}
	ctx := r.Context()
	g, err := s.st.GlobalSettings(ctx)
	if err == nil {
		g = body.apply(g)
		err = s.st.SaveGlobalSettings(ctx, actorOf(r), g)
	}
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api global settings: %w", err), 0)
		return
	}
	writeJSON(w, http.StatusOK, newAPIGlobalSettings(g))
}

// apiNationalDay names rule in the API: "join_weekend" for the default rule, whose value in
// code is empty.
func apiNationalDay(rule congtac.NationalDayRule) string {
	if rule == congtac.NationalDayJoinWeekend {
		return "join_weekend"
	}
	return string(rule)
}
