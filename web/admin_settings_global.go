package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"congtac"
)

// globalForm holds the installation-wide settings as the form shows them. The SMTP
// password is never sent back: HasPassword says whether one is stored.
type globalForm struct {
	SMTPHost, SMTPPort, SMTPUsername, SMTPFrom string
	SMTPSecurity                               string // a [congtac.SMTPSecurity]
	HasPassword                                bool
	RequireTOTP                                []option
}

// newGlobalForm returns the form showing g.
func newGlobalForm(g congtac.GlobalSettings) globalForm {
	f := globalForm{SMTPHost: g.SMTP.Host, SMTPUsername: g.SMTP.Username, SMTPFrom: g.SMTP.From,
		SMTPSecurity: string(g.SMTP.Security.Or()), HasPassword: g.SMTP.Password != ""}
	if g.SMTP.Port != 0 {
		f.SMTPPort = strconv.Itoa(g.SMTP.Port)
	}
	var roles []string
	for _, r := range g.RequireTOTP {
		roles = append(roles, string(r))
	}
	f.fillChoices(roles)
	return f
}

// fillChoices sets the second-factor options; roles are the roles ticked.
func (f *globalForm) fillChoices(roles []string) {
	f.RequireTOTP = nil
	for _, r := range congtac.Roles {
		f.RequireTOTP = append(f.RequireTOTP, option{Value: string(r), Label: r.Label(),
			Selected: slices.Contains(roles, string(r))})
	}
}

// globalFromForm reads the fields require_totp and smtp_* over the stored settings old,
// whose SMTP password stays when the field smtp_password is empty and the box
// smtp_password_clear is not ticked.
func globalFromForm(r *http.Request, old congtac.GlobalSettings) (globalForm, congtac.GlobalSettings, congtac.Problems) {
	r.ParseForm()
	v := r.PostForm
	f := globalForm{SMTPHost: strings.TrimSpace(v.Get("smtp_host")), SMTPPort: strings.TrimSpace(v.Get("smtp_port")),
		SMTPUsername: strings.TrimSpace(v.Get("smtp_username")), SMTPFrom: strings.TrimSpace(v.Get("smtp_from")),
		SMTPSecurity: v.Get("smtp_security")}
	var p congtac.Problems
	g := congtac.GlobalSettings{SMTP: congtac.SMTP{Host: f.SMTPHost, Username: f.SMTPUsername, From: f.SMTPFrom,
		Password: old.SMTP.Password, Port: 587, Security: congtac.SMTPSecurity(f.SMTPSecurity)}}
	for _, role := range v["require_totp"] {
		g.RequireTOTP = append(g.RequireTOTP, congtac.Role(role))
	}
	if f.SMTPPort != "" {
		g.SMTP.Port = parseFormInt(&p, "smtp_port", "Cổng máy chủ thư", f.SMTPPort)
	}
	if pw := v.Get("smtp_password"); pw != "" {
		g.SMTP.Password = pw
	} else if v.Get("smtp_password_clear") != "" {
		g.SMTP.Password = ""
	}
	f.HasPassword = g.SMTP.Password != ""
	f.fillChoices(v["require_totp"])
	return f, g, p
}

// handleGlobalSettingsUpdate saves the installation-wide settings (fields require_totp,
// smtp_host, smtp_port, smtp_security, smtp_username, smtp_password, smtp_password_clear,
// smtp_from); only
// for those who manage the whole installation (else 403). A value out of range answers 422
// with the page, the actor's committee form beside it, and nothing saved.
func (s *Server) handleGlobalSettingsUpdate(w http.ResponseWriter, r *http.Request) {
	old, err := s.st.GlobalSettings(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f, g, p := globalFromForm(r, old)
	addValidation(&p, g.Validate())
	err = p.Err()
	if err == nil {
		err = s.st.SaveGlobalSettings(r.Context(), actorOf(r), g)
	}
	if err == nil {
		s.flash(r, "Đã lưu cấu hình chung của hệ thống.")
		http.Redirect(w, r, "/admin/settings", http.StatusSeeOther)
		return
	}
	if _, ok := formProblems(err); !ok {
		s.fail(w, r, err)
		return
	}
	choices, c, cerr := s.settingsCommittees(r, 0)
	if cerr != nil {
		s.fail(w, r, cerr)
		return
	}
	page, perr := s.settingsPageFor(r, choices, newSettingsForm(c))
	if perr != nil {
		s.fail(w, r, perr)
		return
	}
	page.Global, page.GlobalErrs = &f, congtac.FieldErrors(err)
	s.render(w, r, statusOf(err), page)
}
