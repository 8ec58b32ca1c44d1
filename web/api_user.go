package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"

	"congtac"
)

// Accounts through the API: what the accounts page does, for the accounts within the
// actor's ManageUsers reach (404 outside it). Passwords and second-factor secrets are never
// answered.

// apiUser is an account, without its secrets.
type apiUser struct {
	ID           int64   `json:"id"`
	Login        string  `json:"login"`
	DisplayName  string  `json:"display_name"`
	Role         string  `json:"role"`
	RoleLabel    string  `json:"role_label"`
	OrgID        int64   `json:"org_id"`
	PersonID     *int64  `json:"person_id"`
	TOTP         bool    `json:"totp"`
	Disabled     bool    `json:"disabled"`
	LastSignInAt *string `json:"last_sign_in_at"`
	Version      int     `json:"version"`
}

func newAPIUser(u congtac.User) apiUser {
	return apiUser{ID: u.ID, Login: u.Login, DisplayName: u.DisplayName, Role: string(u.Role),
		RoleLabel: u.Role.Label(), OrgID: u.OrgID, PersonID: apiID(u.PersonID), TOTP: u.TOTPSecret != "",
		Disabled: u.Disabled, LastSignInAt: apiTime(u.LastSignInAt), Version: u.Version}
}

// apiUserCreate is the body of POST /api/v1/users.
type apiUserCreate struct {
	Login       string `json:"login"`
	DisplayName string `json:"display_name"`
	Role        string `json:"role"`
	OrgID       int64  `json:"org_id"`
	PersonID    int64  `json:"person_id"`
	Password    string `json:"password"`
	Disabled    bool   `json:"disabled"`
}

// apiUserUpdate is the body of PATCH /api/v1/users/{id}: the version read and the fields to
// change; a field left out or null stays as it is.
type apiUserUpdate struct {
	Version     *int    `json:"version"`
	DisplayName *string `json:"display_name"`
	Role        *string `json:"role"`
	OrgID       *int64  `json:"org_id"`
	PersonID    *int64  `json:"person_id"`
	Disabled    *bool   `json:"disabled"`
}

// apiPasswordReset is the body of POST /api/v1/users/{id}/password-reset.
type apiPasswordReset struct {
	Password string `json:"password"`
}

// apiSessionsEnded answers the routes that end an account's sessions.
type apiSessionsEnded struct {
	SessionsEnded int `json:"sessions_ended"`
}

// apiPasswordResetDone answers a password reset: the sessions ended and the API tokens
// revoked with the old password.
type apiPasswordResetDone struct {
	SessionsEnded int `json:"sessions_ended"`
	TokensRevoked int `json:"tokens_revoked"`
}

// userSchemas returns the schemas of the account DTOs above, for the OpenAPI document;
// TestSchemasMatchDTOs holds them to the types.
func userSchemas() map[string]*oaSchema {
	role := schEnum("Vai trò.", codesOf(congtac.Roles)...)
	org := schInt("Đơn vị của tài khoản, trong phạm vi quản lý; tài khoản văn phòng thuộc Ủy ban nhân dân của văn phòng.")
	person := schInt("Cán bộ gắn với tài khoản, trong phạm vi quản lý; 0: không gắn.")
	ended := schObject("Số phiên đăng nhập đã kết thúc.", oaProps{
		"sessions_ended": schInt("Số phiên đăng nhập còn hiệu lực đã kết thúc."),
	})
	password := &oaSchema{Type: "string", Format: "password",
		Description: fmt.Sprintf("Mật khẩu từ %d đến %d ký tự; không bao giờ được trả lại.", minPasswordLen, maxPasswordLen)}
	return map[string]*oaSchema{
		"User": schObject("Tài khoản, không kèm mật khẩu hay khóa xác thực hai lớp.", oaProps{
			"id": schInt("Mã."), "login": schString("Tên đăng nhập."), "display_name": schString("Tên hiển thị."),
			"role": role, "role_label": schString("Tên vai trò."), "org_id": schInt("Đơn vị của tài khoản."),
			"person_id": schNullable(schInt("Cán bộ gắn với tài khoản.")),
			"totp":      schBool("Đang dùng xác thực hai lớp."), "disabled": schBool("Đã khóa."),
			"last_sign_in_at": schNullable(schDateTime("Lần đăng nhập gần nhất")), "version": schInt("Phiên bản."),
		}),
		"UserCreate": schInput("Tài khoản mới với mật khẩu ban đầu (bắt buộc: hệ thống không dùng mật khẩu mặc định).",
			[]string{"login", "role", "org_id", "password"}, oaProps{
				"login": schPattern(schString("Tên đăng nhập: 2–40 ký tự a-z, 0-9, dấu chấm, gạch ngang hoặc gạch dưới, bắt đầu bằng chữ hoặc số."),
					congtac.LoginPattern.String()), "display_name": schString("Tên hiển thị; mặc định tên cán bộ."),
				"role": role, "org_id": org, "person_id": person, "password": password,
				"disabled": schBool("Tạo ở trạng thái khóa."),
			}),
		"UserUpdate": schPatch("Các trường cần sửa; trường không gửi hoặc null giữ nguyên. Khóa tài khoản thì các phiên "+
			"đăng nhập kết thúc; không thể bỏ vai trò hay khóa quản trị viên cuối cùng (422).",
			[]string{"version"}, oaProps{
				"version":      schInt("Phiên bản đã đọc; khác phiên bản hiện tại thì trả về 409."),
				"display_name": schString("Tên hiển thị."), "role": role, "org_id": org, "person_id": person,
				"disabled": schBool("Khóa (true) hoặc mở khóa (false)."),
			}),
		"PasswordReset": schInput("Mật khẩu mới; mọi phiên đăng nhập của tài khoản kết thúc.", []string{"password"},
			oaProps{"password": password}),
		"SessionsEnded": ended,
		"PasswordResetDone": schExtend(ended, "Mật khẩu đã đặt lại: các phiên đăng nhập kết thúc, các khóa API bị thu hồi.",
			oaProps{"tokens_revoked": schInt("Số khóa API đã bị thu hồi.")}),
	}
}

// handleAPIUserList lists the accounts within the actor's ManageUsers reach, by login.
func (s *Server) handleAPIUserList(w http.ResponseWriter, r *http.Request) {
	q, ok := s.apiQueryOf(w, r)
	if !ok {
		return
	}
	limit, offset := q.page()
	if q.fail(s, w, r) {
		return
	}
	ctx, a := r.Context(), actorOf(r)
	tree, err := s.loadOrgTree(ctx)
	var users []congtac.User
	if err == nil {
		users, err = s.st.FindUsers(ctx)
	}
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api users: %w", err), 0)
		return
	}
	var within []congtac.User
	for _, u := range users {
		if tree.reaches(a, congtac.ManageUsers, u.OrgID) {
			within = append(within, u)
		}
	}
	writeJSON(w, http.StatusOK, pageOf(within, limit, offset, newAPIUser))
}

// handleAPIUserCreate adds an account in an org within the actor's ManageUsers reach, with
// its initial password, and answers 201 with it. A login already taken is 409.
func (s *Server) handleAPIUserCreate(w http.ResponseWriter, r *http.Request) {
	var body apiUserCreate
	if !s.readJSON(w, r, &body) {
		return
	}
	a := actorOf(r)
	c, err := s.loadUserChoices(r)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api create user: %w", err), 0)
		return
	}
	var pr congtac.Problems
	u := congtac.User{Login: body.Login, DisplayName: body.DisplayName, Role: congtac.Role(body.Role),
		OrgID: body.OrgID, PersonID: body.PersonID, Disabled: body.Disabled}
	c.check(&pr, a, &u)
	if u, err = s.createUser(r.Context(), a, u, body.Password, pr); err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api create user: %w", err), 0)
		return
	}
	w.Header().Set("Location", "/api/v1/users/"+strconv.FormatInt(u.ID, 10))
	writeJSON(w, http.StatusCreated, newAPIUser(u))
}

// handleAPIUserShow answers with an account within the actor's ManageUsers reach; any
// other is 404.
func (s *Server) handleAPIUserShow(w http.ResponseWriter, r *http.Request) {
	u, ok := apiRecord(s, w, r, "tài khoản", func(ctx context.Context, a congtac.Actor, id int64) (congtac.User, error) {
		u, err := s.st.FindUserByID(ctx, id)
		return reachable(ctx, s, a, congtac.ManageUsers, u, err, func(u congtac.User) int64 { return u.OrgID }, "tài khoản")
	})
	if ok {
		writeJSON(w, http.StatusOK, newAPIUser(u))
	}
}

// handleAPIUserUpdate changes the display name, role, org, person or disabled flag of an
// account within the actor's ManageUsers reach, given the version read; the org and person
// must be within reach too (422). Disabling an account ends its sessions; the last active
// administrator can be neither demoted nor disabled (422).
func (s *Server) handleAPIUserUpdate(w http.ResponseWriter, r *http.Request) {
	a := actorOf(r)
	before, ok := apiRecord(s, w, r, "tài khoản", s.managedUser)
	if !ok {
		return
	}
	var body apiUserUpdate
	if !s.readJSON(w, r, &body) {
		return
	}
	c, err := s.loadUserChoices(r)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api update user: %w", err), 0)
		return
	}
	var pr congtac.Problems
	version := bodyVersion(&pr, body.Version)
	up := congtac.UserUpdate{DisplayName: body.DisplayName, OrgID: body.OrgID, PersonID: body.PersonID,
		Disabled: body.Disabled}
	if body.Role != nil {
		up.Role = ptr(congtac.Role(*body.Role))
	}
	u := up.Apply(before)
	c.check(&pr, a, &u)
	err = pr.Err()
	if err == nil {
		u, err = s.st.UpdateUser(r.Context(), a, before.ID, version, congtac.UserUpdate{DisplayName: &u.DisplayName,
			Role: &u.Role, OrgID: &u.OrgID, PersonID: &u.PersonID, Disabled: &u.Disabled})
	}
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api update user: %w", err), 0)
		return
	}
	writeJSON(w, http.StatusOK, newAPIUser(u))
}

// handleAPIUserPasswordReset gives an account within the actor's ManageUsers reach a new
// password, ends its sessions and revokes its API tokens, as the accounts page does, and
// answers how many sessions ended and tokens were revoked.
func (s *Server) handleAPIUserPasswordReset(w http.ResponseWriter, r *http.Request) {
	u, ok := apiRecord(s, w, r, "tài khoản", s.managedUser)
	if !ok {
		return
	}
	var body apiPasswordReset
	if !s.readJSON(w, r, &body) {
		return
	}
	var pr congtac.Problems
	checkNewPassword(&pr, "password", body.Password)
	var out apiPasswordResetDone
	err := pr.Err()
	if err == nil {
		out.SessionsEnded, out.TokensRevoked, err = s.changePassword(r, u.ID, body.Password, s.ownToken(r, u.ID))
	}
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api reset password: %w", err), 0)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// handleAPIUserSessionsEnd signs an account within the actor's ManageUsers reach out
// everywhere (but the session of the request, for one's own account) and answers how many
// sessions ended. Its API tokens stay: each is revoked on its own.
func (s *Server) handleAPIUserSessionsEnd(w http.ResponseWriter, r *http.Request) {
	s.endUserSessions(w, r, s.st.EndSessions)
}

// handleAPIUserTOTPReset turns off the second factor of an account within the actor's
// ManageUsers reach whose owner lost the device, and ends its sessions, as the accounts
// page does; it answers how many sessions ended.
func (s *Server) handleAPIUserTOTPReset(w http.ResponseWriter, r *http.Request) {
	s.endUserSessions(w, r, func(ctx context.Context, a congtac.Actor, id int64, keep string) (int, error) {
		return s.st.SetTOTPSecret(ctx, a, id, "", keep)
	})
}

// endUserSessions runs end, a store method that ends the sessions of an account but the
// one with the token kept, on account {id} within the actor's ManageUsers reach, keeping
// the request's session for one's own account, and answers how many sessions ended.
func (s *Server) endUserSessions(w http.ResponseWriter, r *http.Request,
	end func(ctx context.Context, a congtac.Actor, id int64, keep string) (int, error)) {
	u, ok := apiRecord(s, w, r, "tài khoản", s.managedUser)
	if !ok {
		return
	}
	ended, err := end(r.Context(), actorOf(r), u.ID, s.ownToken(r, u.ID))
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: %s: %w", r.Pattern, err), 0)
		return
	}
	writeJSON(w, http.StatusOK, apiSessionsEnded{SessionsEnded: ended})
}
