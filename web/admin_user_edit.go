package web

import (
	"context"
	"fmt"
	"net/http"

	"congtac"
)

// pathUser returns account {id} of the request's path, as [Server.managedUser] finds it.
func (s *Server) pathUser(r *http.Request) (congtac.User, error) {
	id, err := pathRecordID(r)
	if err != nil {
		return congtac.User{}, err
	}
	return s.managedUser(r.Context(), actorOf(r), id)
}

// managedUser returns account id when it is within a's ManageUsers reach, else ENOTFOUND.
// The accounts pages and the API find the accounts they change through it.
func (s *Server) managedUser(ctx context.Context, a congtac.Actor, id int64) (congtac.User, error) {
	u, err := s.st.FindUserByID(ctx, id)
	if err != nil {
		return congtac.User{}, err
	}
	if ok, err := s.st.Reaches(ctx, a, congtac.ManageUsers, u.OrgID); err != nil {
		return congtac.User{}, err
	} else if !ok {
		return congtac.User{}, congtac.Errorf(congtac.ENOTFOUND, "Không tìm thấy tài khoản này.")
	}
	return u, nil
}

// ownToken returns the request's session token when user id is the acting user, so that
// an administrator ending its own sessions keeps the one it is using; "" otherwise.
func (s *Server) ownToken(r *http.Request, id int64) string {
	if actorOf(r).UserID != id {
		return ""
	}
	return s.sessions.Token(r.Context())
}

// handleUserUpdate changes an account within reach from the fields display_name, role,
// org_id, person_id and disabled, with the version the form was filled from (409 when it
// moved). Disabling an account ends its sessions; the last active administrator can be
// neither demoted nor disabled (422).
func (s *Server) handleUserUpdate(w http.ResponseWriter, r *http.Request) {
	a := actorOf(r)
	before, err := s.pathUser(r)
	var version int
	if err == nil {
		version, err = formVersion(r)
	}
	var c userChoices
	if err == nil {
		c, err = s.loadUserChoices(r)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f, u, p := s.userFromForm(r, c)
	err = p.Err()
	if err == nil {
		u, err = s.st.UpdateUser(r.Context(), a, before.ID, version, congtac.UserUpdate{DisplayName: &u.DisplayName,
			Role: &u.Role, OrgID: &u.OrgID, PersonID: &u.PersonID, Disabled: &u.Disabled})
	}
	if err != nil {
		s.refuseUserForm(w, r, err, before.ID, func(page *userListPage, c userChoices) {
			f.Login, f.Version, f.Errors = before.Login, version, congtac.FieldErrors(err)
			f.fillChoices(a, c)
			page.Edit.Form = f
		})
		return
	}
	msg := fmt.Sprintf("Đã lưu tài khoản %s.", u.Login)
	if u.Disabled && !before.Disabled {
		msg = fmt.Sprintf("Đã khóa tài khoản %s; các phiên đăng nhập của tài khoản đã kết thúc.", u.Login)
	}
	s.flash(r, msg)
	http.Redirect(w, r, fmt.Sprintf("/admin/users?edit=%d#sua", u.ID), http.StatusSeeOther)
}

// handleUserPasswordReset gives an account within reach the password of the field
// new_password (at least [minPasswordLen] characters) and ends all its sessions — but the
// acting administrator's own when it resets its own password.
func (s *Server) handleUserPasswordReset(w http.ResponseWriter, r *http.Request) {
	u, err := s.pathUser(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	pw := r.PostFormValue("new_password")
	var p congtac.Problems
	checkNewPassword(&p, "new_password", pw)
	if err := p.Err(); err != nil {
		s.refuseUserForm(w, r, err, u.ID, func(page *userListPage, _ userChoices) {
			page.Edit.PasswordErrors = congtac.FieldErrors(err)
		})
		return
	}
	ended, tokens, err := s.changePassword(r, u.ID, pw, s.ownToken(r, u.ID))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.flash(r, fmt.Sprintf("Đã đặt lại mật khẩu cho %s; %d phiên đăng nhập đã kết thúc, %d mã truy cập API đã bị thu hồi.",
		u.Login, ended, tokens))
	http.Redirect(w, r, fmt.Sprintf("/admin/users?edit=%d#sua", u.ID), http.StatusSeeOther)
}

// handleUserSessionsEnd signs an account within reach out everywhere: all its sessions
// end, but the acting administrator's own when it is its own account.
func (s *Server) handleUserSessionsEnd(w http.ResponseWriter, r *http.Request) {
	u, err := s.pathUser(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ended, err := s.st.EndSessions(r.Context(), actorOf(r), u.ID, s.ownToken(r, u.ID))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.flash(r, fmt.Sprintf("Đã kết thúc %d phiên đăng nhập của %s.", ended, u.Login))
	http.Redirect(w, r, fmt.Sprintf("/admin/users?edit=%d#sua", u.ID), http.StatusSeeOther)
}

// handleUserTOTPReset turns off the second factor of an account whose owner lost the phone,
// and ends the account's sessions: the user signs in with the password and sets the factor
// up again (a role that requires it is sent straight to the setup).
func (s *Server) handleUserTOTPReset(w http.ResponseWriter, r *http.Request) {
	u, err := s.pathUser(r)
	if err == nil {
		_, err = s.st.SetTOTPSecret(r.Context(), actorOf(r), u.ID, "", s.ownToken(r, u.ID))
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.flash(r, fmt.Sprintf("Đã tắt xác thực hai lớp của %s; tài khoản cần thiết lập lại khi đăng nhập.", u.Login))
	http.Redirect(w, r, fmt.Sprintf("/admin/users?edit=%d#sua", u.ID), http.StatusSeeOther)
}
