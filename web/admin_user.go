package web

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"congtac"
)

// userListPage is the data of admin_users.html: the accounts within the actor's
// ManageUsers reach, the form to add one and, for the account chosen with ?edit=ID, the
// forms to change it, reset its password and end its sessions.
type userListPage struct {
	layout
	Rows   []userRow
	Create userForm
	Edit   *userEdit
}

func (userListPage) template() string { return "admin_users" }

// userRow is one account of the list.
type userRow struct {
	ID                                 int64
	Login, Name, Role, Org, LastSignIn string
	TOTP, Disabled                     bool
}

// userForm is an account's form as typed (never its password).
type userForm struct {
	Login, DisplayName, Role, OrgID, PersonID string
	Disabled                                  bool
	Version                                   int
	Roles, Orgs, People                       []option
	Errors                                    map[string]string
}

// userEdit holds the forms of one account.
type userEdit struct {
	ID             int64
	Login          string
	Form           userForm
	PasswordErrors map[string]string
	Sessions       int  // live sessions of the account
	TOTP           bool // the account uses a second factor
}

// CreateFields returns the fields of the form adding an account, as typed, with their
// messages.
func (p userListPage) CreateFields() []field {
	f, e := p.Create, p.Create.Errors
	return []field{
		newField(e, field{ID: "new_login", Name: "login", Label: "Tên đăng nhập", Value: f.Login, MaxLength: 40,
			Verbatim: true, Required: true}),
		newField(e, field{ID: "new_display_name", Name: "display_name", Label: "Tên hiển thị (để trống: theo tên cán bộ)",
			Value: f.DisplayName, MaxLength: 100}),
		newField(e, field{Kind: fieldSelect, ID: "new_role", Name: "role", Label: "Vai trò", Options: f.Roles}),
		newField(e, field{Kind: fieldSelect, ID: "new_org", Name: "org_id", Label: "Phạm vi: đơn vị (và các đơn vị trực thuộc)",
			Options: f.Orgs}),
		newField(e, field{Kind: fieldSelect, ID: "new_person", Name: "person_id", Label: "Cán bộ (không bắt buộc)",
			Options: f.People}),
		newField(e, field{ID: "new_password", Name: "password", Label: "Mật khẩu ban đầu (ít nhất 8 ký tự)", Type: "password",
			Autocomplete: "new-password", MinLength: 8, Required: true}),
	}
}

// FormFields returns the fields of the account's form, as typed, with their messages.
func (u userEdit) FormFields() []field {
	f, e := u.Form, u.Form.Errors
	return []field{
		newField(e, field{ID: "edit_display_name", Name: "display_name", Label: "Tên hiển thị", Value: f.DisplayName,
			MaxLength: 100}),
		newField(e, field{Kind: fieldSelect, ID: "edit_role", Name: "role", Label: "Vai trò", Options: f.Roles}),
		newField(e, field{Kind: fieldSelect, ID: "edit_org", Name: "org_id", Label: "Phạm vi: đơn vị (và các đơn vị trực thuộc)",
			Options: f.Orgs}),
		newField(e, field{Kind: fieldSelect, ID: "edit_person", Name: "person_id", Label: "Cán bộ", Options: f.People}),
	}
}

// PasswordField returns the field of the form resetting the account's password.
func (u userEdit) PasswordField() field {
	return newField(u.PasswordErrors, field{ID: "reset_password", Name: "new_password", Label: "Mật khẩu mới (ít nhất 8 ký tự)",
		Type: "password", Autocomplete: "new-password", MinLength: 8, Required: true})
}

// userChoices are the people an account may be linked to, read once per page.
type userChoices struct {
	tree   orgTree
	people []congtac.Person
}

// fillChoices sets the roles, orgs and people the form offers.
func (f *userForm) fillChoices(a congtac.Actor, c userChoices) {
	f.Roles = nil
	for _, role := range congtac.Roles {
		f.Roles = append(f.Roles, option{Value: string(role), Label: role.Label(), Selected: string(role) == f.Role})
	}
	f.Orgs = c.tree.choices(a, congtac.ManageUsers, f.OrgID, "")
	f.People = []option{{Value: "", Label: "(Không gắn với cán bộ)", Selected: f.PersonID == ""}}
	for _, p := range c.people {
		v := strconv.FormatInt(p.ID, 10)
		label := p.FullName
		if org := c.tree.name(p.OrgID); org != "" {
			label += " — " + org
		}
		f.People = append(f.People, option{Value: v, Label: label, Selected: v == f.PersonID})
	}
}

// loadUserChoices reads the org tree and the people within the actor's ManageUsers reach.
func (s *Server) loadUserChoices(r *http.Request) (userChoices, error) {
	tree, err := s.loadOrgTree(r.Context())
	if err != nil {
		return userChoices{}, err
	}
	people, err := s.st.FindPeople(r.Context(), congtac.PersonFilter{})
	if err != nil {
		return userChoices{}, fmt.Errorf("web: users: %w", err)
	}
	c := userChoices{tree: tree}
	for _, p := range people {
		if tree.reaches(actorOf(r), congtac.ManageUsers, p.OrgID) {
			c.people = append(c.people, p)
		}
	}
	return c, nil
}

// userListPageFor returns the accounts page with empty forms; edit, when not 0, opens the
// forms of that account, which must be within reach (else ENOTFOUND).
func (s *Server) userListPageFor(r *http.Request, edit int64) (userListPage, userChoices, error) {
	ctx, a := r.Context(), actorOf(r)
	c, err := s.loadUserChoices(r)
	if err != nil {
		return userListPage{}, c, err
	}
	users, err := s.st.FindUsers(ctx)
	if err != nil {
		return userListPage{}, c, fmt.Errorf("web: users: %w", err)
	}
	page := userListPage{layout: s.layout(r, "Tài khoản"), Create: userForm{Role: string(congtac.RoleViewer)}}
	page.Create.fillChoices(a, c)
	for _, u := range users {
		if !c.tree.reaches(a, congtac.ManageUsers, u.OrgID) {
			continue
		}
		page.Rows = append(page.Rows, userRow{ID: u.ID, Login: u.Login, Name: u.DisplayName, Role: u.Role.Label(),
			Org: c.tree.name(u.OrgID), LastSignIn: s.localStamp(u.LastSignInAt), TOTP: u.TOTPSecret != "",
			Disabled: u.Disabled})
		if u.ID == edit {
			if page.Edit, err = s.userEditFor(r, c, u); err != nil {
				return userListPage{}, c, err
			}
		}
	}
	if edit != 0 && page.Edit == nil {
		return userListPage{}, c, congtac.Errorf(congtac.ENOTFOUND, "Không tìm thấy tài khoản này.")
	}
	return page, c, nil
}

// userEditFor returns the forms of account u.
func (s *Server) userEditFor(r *http.Request, c userChoices, u congtac.User) (*userEdit, error) {
	sessions, err := s.st.FindSessions(r.Context(), u.ID)
	if err != nil {
		return nil, fmt.Errorf("web: user: %w", err)
	}
	e := &userEdit{ID: u.ID, Login: u.Login, Sessions: len(sessions), TOTP: u.TOTPSecret != "", Form: userForm{Login: u.Login,
		DisplayName: u.DisplayName, Role: string(u.Role), OrgID: formIDValue(u.OrgID),
		PersonID: formIDValue(u.PersonID), Disabled: u.Disabled, Version: u.Version}}
	e.Form.fillChoices(actorOf(r), c)
	return e, nil
}

// handleUserList lists the accounts with their role, org, second factor, state and last
// sign-in, with the form to add one; ?edit=ID opens the forms of one account.
func (s *Server) handleUserList(w http.ResponseWriter, r *http.Request) {
	edit, _ := strconv.ParseInt(r.URL.Query().Get("edit"), 10, 64)
	page, _, err := s.userListPageFor(r, edit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, page)
}

// refuseUserForm answers a refused account form: the accounts page with the status of err
// and the form filled by fill, or the error page when err is not a form's refusal.
func (s *Server) refuseUserForm(w http.ResponseWriter, r *http.Request, err error, edit int64,
	fill func(*userListPage, userChoices)) {
	if _, ok := formProblems(err); !ok {
		s.fail(w, r, err)
		return
	}
	page, c, perr := s.userListPageFor(r, edit)
	if perr != nil {
		s.fail(w, r, perr)
		return
	}
	fill(&page, c)
	s.render(w, r, statusOf(err), page)
}

// userFromForm reads the fields display_name, role, org_id and person_id (optional), and
// checks that the org and the person are within the actor's reach.
func (s *Server) userFromForm(r *http.Request, c userChoices) (userForm, congtac.User, congtac.Problems) {
	a := actorOf(r)
	f := userForm{Login: strings.TrimSpace(r.PostFormValue("login")), DisplayName: r.PostFormValue("display_name"),
		Role: r.PostFormValue("role"), OrgID: r.PostFormValue("org_id"), PersonID: r.PostFormValue("person_id"),
		Disabled: r.PostFormValue("disabled") != ""}
	var p congtac.Problems
	u := congtac.User{Login: f.Login, DisplayName: f.DisplayName, Role: congtac.Role(f.Role),
		OrgID: parseFormID(&p, "org_id", f.OrgID), PersonID: parseFormID(&p, "person_id", f.PersonID),
		Disabled: f.Disabled}
	c.check(&p, a, &u)
	return f, u, p
}

// check adds the problems of account u that the page and the API check before the store:
// its org (when set) and its person (when linked) must be within a's ManageUsers reach. A
// linked account without a display name takes the person's name.
func (c userChoices) check(p *congtac.Problems, a congtac.Actor, u *congtac.User) {
	u.DisplayName = strings.TrimSpace(u.DisplayName)
	if u.OrgID != 0 {
		c.tree.requireReach(p, a, congtac.ManageUsers, u.OrgID)
	}
	if u.PersonID == 0 {
		return
	}
	at := slices.IndexFunc(c.people, func(person congtac.Person) bool { return person.ID == u.PersonID })
	if at < 0 {
		p.Add("person_id", "Hãy chọn một cán bộ của đơn vị bạn quản lý.")
	} else if u.DisplayName == "" {
		u.DisplayName = c.people[at].FullName
	}
}

// handleUserCreate adds an account from the fields login, display_name, role, org_id,
// person_id (optional) and password, the initial password, which is required: there is
// no default password.
func (s *Server) handleUserCreate(w http.ResponseWriter, r *http.Request) {
	a := actorOf(r)
	c, err := s.loadUserChoices(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	f, u, p := s.userFromForm(r, c)
	u, err = s.createUser(r.Context(), a, u, r.PostFormValue("password"), p)
	if err != nil {
		s.refuseUserForm(w, r, err, 0, func(page *userListPage, c userChoices) {
			f.Errors = congtac.FieldErrors(err)
			f.fillChoices(a, c)
			page.Create = f
		})
		return
	}
	s.flash(r, fmt.Sprintf("Đã tạo tài khoản %s. Hãy trao mật khẩu ban đầu cho người dùng qua kênh an toàn.", u.Login))
	http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
}

// createUser adds account u with the initial password pw, which is required (there is no
// default password) and checked as every new password is, unless p holds problems of the
// account's other fields already: then it returns them with the password's. The page and
// the API create accounts through it.
func (s *Server) createUser(ctx context.Context, a congtac.Actor, u congtac.User, pw string, p congtac.Problems) (congtac.User, error) {
	if pw == "" {
		p.Add("password", "Hãy đặt mật khẩu ban đầu; hệ thống không dùng mật khẩu mặc định.")
	} else {
		checkNewPassword(&p, "password", pw)
	}
	if err := p.Err(); err != nil {
		return u, err
	}
	hash, err := s.hashPassword(ctx, pw)
	if err != nil {
		return u, fmt.Errorf("web: create user: %w", err)
	}
	u.PasswordHash = hash
	return s.st.CreateUser(ctx, a, u)
}
