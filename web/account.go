package web

import (
	"fmt"
	"net/http"

	"golang.org/x/text/unicode/norm"

	"congtac"
	"congtac/store"
)

// accountPage is the data of account.html: who the user is, its password and second
// factor, its sessions and its API tokens. A handler answering a refused form fills the
// form's fields and messages; passwords are never sent back.
type accountPage struct {
	layout
	Login, OrgName, RoleLabel, LastSignIn string
	TOTPOn, TOTPRequired                  bool
	Email                                 string // the person's, where reminder mail goes; "" if none
	EmailReminders, MailOff               bool   // the user's choice; no mail server is set
	Sessions                              []accountSession
	Tokens                                []accountToken

	PasswordErrors map[string]string // of the change-password form
	DisableErrors  map[string]string // of the form turning the second factor off
	TokenName      string            // as typed in the create-token form
	TokenErrors    map[string]string
	NewToken       string // a token just created, shown this once
	NewTokenName   string
}

func (accountPage) template() string { return "account" }

// PasswordFields returns the fields of the change-password form with their messages.
func (p accountPage) PasswordFields() []field {
	e := p.PasswordErrors
	return []field{
		newField(e, field{ID: "current_password", Name: "current_password", Label: "Mật khẩu hiện tại", Type: "password",
			Autocomplete: "current-password", Required: true}),
		newField(e, field{ID: "new_password", Name: "new_password", Label: "Mật khẩu mới (ít nhất 8 ký tự)", Type: "password",
			Autocomplete: "new-password", MinLength: 8, Required: true}),
		newField(e, field{ID: "confirm_password", Name: "confirm_password", Label: "Nhập lại mật khẩu mới", Type: "password",
			Autocomplete: "new-password", Required: true}),
	}
}

// DisableField returns the password field of the form turning the second factor off.
func (p accountPage) DisableField() field {
	return newField(p.DisableErrors, field{ID: "totp_current_password", Name: "current_password",
		Label: "Mật khẩu hiện tại (để tắt xác thực hai lớp)", Type: "password", Autocomplete: "current-password", Required: true})
}

// TokenField returns the name field of the create-token form, as typed.
func (p accountPage) TokenField() field {
	return newField(p.TokenErrors, field{ID: "token_name", Name: "name", Label: "Tên mã mới", Value: p.TokenName, MaxLength: 100,
		Required: true, Placeholder: "Ví dụ: Bảng tính tổng hợp báo cáo"})
}

// accountSession is one of the user's live sessions.
type accountSession struct {
	ID, Started, LastSeen, Expires, Address, Agent string
	Current                                        bool // the session of this request
}

// accountToken is one of the user's API tokens.
type accountToken struct {
	ID                               int64
	Name, Created, LastUsed, Revoked string
	Active                           bool
}

// accountPageFor returns the account page of the request's user, with no form filled.
func (s *Server) accountPageFor(r *http.Request) (accountPage, error) {
	ctx, a := r.Context(), actorOf(r)
	u, err := s.st.FindUserByID(ctx, a.UserID)
	if err != nil {
		return accountPage{}, fmt.Errorf("web: account: %w", err)
	}
	st, err := s.st.GlobalSettings(ctx)
	if err != nil {
		return accountPage{}, fmt.Errorf("web: account: %w", err)
	}
	org, err := s.st.FindOrgByID(ctx, u.OrgID)
	if err != nil {
		return accountPage{}, fmt.Errorf("web: account: %w", err)
	}
	role, err := s.roleLabel(ctx, u, s.today())
	if err != nil {
		return accountPage{}, fmt.Errorf("web: account: %w", err)
	}
	page := accountPage{layout: s.layout(r, "Tài khoản của tôi"), Login: u.Login, OrgName: org.Name,
		RoleLabel: role, LastSignIn: s.localStamp(u.LastSignInAt), TOTPOn: u.TOTPSecret != "",
		TOTPRequired: st.RequiresTOTP(u.Role), EmailReminders: u.EmailReminders, MailOff: st.SMTP.Host == ""}
	if u.PersonID != 0 {
		people, err := s.st.FindPeople(ctx, congtac.PersonFilter{ID: &u.PersonID})
		if err != nil {
			return accountPage{}, fmt.Errorf("web: account: %w", err)
		}
		for _, p := range people {
			page.Email = p.Email
		}
	}
	if page.Sessions, err = s.accountSessions(r, u.ID); err != nil {
		return accountPage{}, err
	}
	tokens, err := s.st.FindAPITokens(ctx, u.ID)
	if err != nil {
		return accountPage{}, fmt.Errorf("web: account: %w", err)
	}
	for _, t := range tokens {
		page.Tokens = append(page.Tokens, accountToken{ID: t.ID, Name: t.Name, Created: s.localStamp(t.CreatedAt),
			LastUsed: s.localStamp(t.LastUsedAt), Revoked: s.localStamp(t.RevokedAt), Active: t.Active()})
	}
	return page, nil
}

// accountSessions returns the live sessions of user id, marking the request's own.
func (s *Server) accountSessions(r *http.Request, id int64) ([]accountSession, error) {
	sessions, err := s.st.FindSessions(r.Context(), id)
	if err != nil {
		return nil, fmt.Errorf("web: account: %w", err)
	}
	current := s.currentSessionID(r)
	var out []accountSession
	for _, se := range sessions {
		out = append(out, accountSession{ID: se.ID, Started: s.localStamp(se.CreatedAt),
			LastSeen: s.localStamp(se.LastSeenAt), Expires: s.localStamp(se.Expiry), Address: se.Address,
			Agent: se.Agent, Current: se.ID == current})
	}
	return out, nil
}

// currentSessionID returns the handle ([congtac.Session.ID]) of the request's session, ""
// when it has none yet.
func (s *Server) currentSessionID(r *http.Request) string {
	token := s.sessions.Token(r.Context())
	if token == "" {
		return ""
	}
	return store.SessionID(token)
}

// handleAccountShow shows the user's own account.
func (s *Server) handleAccountShow(w http.ResponseWriter, r *http.Request) {
	page, err := s.accountPageFor(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, page)
}

// handleAccountRemindersUpdate records the user's choice of the daily reminder mail: the
// checkbox email_reminders ticked or not.
func (s *Server) handleAccountRemindersUpdate(w http.ResponseWriter, r *http.Request) {
	on := r.PostFormValue("email_reminders") != ""
	if err := s.st.SetEmailReminders(r.Context(), actorOf(r), on); err != nil {
		s.fail(w, r, err)
		return
	}
	if on {
		s.flash(r, "Đã bật thư nhắc việc hằng ngày.")
	} else {
		s.flash(r, "Đã tắt thư nhắc việc; thông báo vẫn hiện trong ứng dụng.")
	}
	http.Redirect(w, r, "/account#tk-nhac-viec", http.StatusSeeOther)
}

// handleAccountPasswordUpdate changes the user's password from the fields current_password,
// new_password and confirm_password. The current password must match (tries count against
// the account's sign-in limit); the new one needs [minPasswordLen] characters, must differ
// from the current one and be typed twice alike; otherwise the page comes back with 422 and
// the messages. A change ends every other session of the account.
func (s *Server) handleAccountPasswordUpdate(w http.ResponseWriter, r *http.Request) {
	ctx, a := r.Context(), actorOf(r)
	u, err := s.st.FindUserByID(ctx, a.UserID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	current, next := r.PostFormValue("current_password"), r.PostFormValue("new_password")
	var p congtac.Problems
	checkNewPassword(&p, "new_password", next)
	if next != "" && norm.NFC.String(next) == norm.NFC.String(current) {
		p.Add("new_password", "Mật khẩu mới phải khác mật khẩu hiện tại.")
	}
	if r.PostFormValue("confirm_password") != next {
		p.Add("confirm_password", "Mật khẩu nhập lại không khớp với mật khẩu mới.")
	}
	if current == "" {
		p.Add("current_password", "Hãy nhập mật khẩu hiện tại.")
	} else if s.heldOff(w, r, u.Login, passwordHold) {
		return
	} else if !s.checkPassword(ctx, u.PasswordHash, current) {
		if !s.signInFailed(w, r, congtac.SignInFailure{Login: u.Login, UserID: u.ID, Action: "set_password_failed",
			Detail: "wrong current password"}) {
			return
		}
		p.Add("current_password", "Mật khẩu hiện tại không đúng.")
	}
	if err := p.Err(); err != nil {
		s.renderAccountForm(w, r, err, func(page *accountPage) { page.PasswordErrors = congtac.FieldErrors(err) })
		return
	}
	_, tokens, err := s.changePassword(r, u.ID, next, s.sessions.Token(ctx))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	msg := "Đã đổi mật khẩu. Các phiên đăng nhập khác của tài khoản đã kết thúc."
	if tokens > 0 {
		msg += fmt.Sprintf(" %d mã truy cập API đã bị thu hồi; hãy tạo mã mới cho các chương trình cần dùng.", tokens)
	}
	s.flash(r, msg)
	http.Redirect(w, r, "/account", http.StatusSeeOther)
}

// changePassword sets user id's password to pw, ends every session of the account but keep
// (the acting user's own, when it changes its own password; "" ends them all) and revokes
// its API tokens, in one store call ([store.Store.SetPassword]). It returns how many
// sessions ended and how many tokens were revoked.
func (s *Server) changePassword(r *http.Request, id int64, pw, keep string) (sessions, tokens int, err error) {
	hash, err := s.hashPassword(r.Context(), pw)
	if err != nil {
		return 0, 0, fmt.Errorf("web: change password: %w", err)
	}
	if sessions, tokens, err = s.st.SetPassword(r.Context(), actorOf(r), id, hash, keep); err != nil {
		return 0, 0, fmt.Errorf("web: change password: %w", err)
	}
	return sessions, tokens, nil
}

// renderAccountForm answers a refused account form: the account page with the status of
// err (422) and the form filled by fill.
func (s *Server) renderAccountForm(w http.ResponseWriter, r *http.Request, err error, fill func(*accountPage)) {
	page, perr := s.accountPageFor(r)
	if perr != nil {
		s.fail(w, r, perr)
		return
	}
	fill(&page)
	s.render(w, r, statusOf(err), page)
}

// handleAccountSessionEnd ends one of the user's own sessions, named by its handle. A
// handle of another user's session is 404. Ending the session of this very request signs
// the user out.
func (s *Server) handleAccountSessionEnd(w http.ResponseWriter, r *http.Request) {
	ctx, a, id := r.Context(), actorOf(r), r.PathValue("id")
	if id != "" && id == s.currentSessionID(r) {
		s.handleLogoutCreate(w, r)
		return
	}
	if err := s.st.EndSession(ctx, a, a.UserID, id); err != nil {
		s.fail(w, r, err)
		return
	}
	s.flash(r, "Đã kết thúc phiên đăng nhập.")
	http.Redirect(w, r, "/account", http.StatusSeeOther)
}
