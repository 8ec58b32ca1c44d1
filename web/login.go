package web

import (
	"net/http"
	"net/url"
	"strings"

	"congtac"
)

// loginPage is the data of login.html: the sign-in form as typed, where to go after it,
// and why the last attempt failed.
type loginPage struct {
	layout
	Login string
	Next  string
	Error string
}

func (loginPage) template() string { return "login" }

// loginTOTPPage is the data of login_totp.html, which asks a user who gave the right
// password for the code of its authenticator app.
type loginTOTPPage struct {
	layout
	Next  string
	Error string
}

func (loginTOTPPage) template() string { return "login_totp" }

// handleLoginShow shows the sign-in form; a signed-in user goes on to where it was heading.
func (s *Server) handleLoginShow(w http.ResponseWriter, r *http.Request) {
	next := localPath(r.URL.Query().Get("next"))
	if signedIn(actorOf(r)) {
		http.Redirect(w, r, next, http.StatusSeeOther)
		return
	}
	page := loginPage{layout: s.layout(r, "Đăng nhập"), Next: next}
	if r.URL.Query().Has("out") {
		page.Flash = "Bạn đã đăng xuất."
	}
	s.render(w, r, http.StatusOK, page)
}

// handleLoginCreate checks the fields login and password. A wrong pair gets the same
// message whether the login exists or not, and every failure is counted and audited; too
// many failures from one address or on one account get 429 ([congtac.SignInFailures]). With a second factor on, the user is asked
// for the code next.
func (s *Server) handleLoginCreate(w http.ResponseWriter, r *http.Request) {
	login := strings.ToLower(strings.TrimSpace(r.PostFormValue("login")))
	password, next := r.PostFormValue("password"), localPath(r.PostFormValue("next"))
	page := loginPage{layout: s.layout(r, "Đăng nhập"), Login: login, Next: next}
	if login == "" || password == "" {
		page.Error = "Hãy nhập tên đăng nhập và mật khẩu."
		s.render(w, r, http.StatusUnprocessableEntity, page)
		return
	}
	if err := congtac.CheckText("login", "Tên đăng nhập", login); err != nil {
		page.Login, page.Error = "", congtac.ErrorMessage(err)
		s.render(w, r, http.StatusUnprocessableEntity, page)
		return
	}
	if s.heldOff(w, r, login, signInHold) {
		return
	}
	u, err := s.st.FindUserByLogin(r.Context(), login)
	if err != nil && congtac.ErrorCode(err) != congtac.ENOTFOUND {
		s.fail(w, r, err)
		return
	}
	ok := s.checkPassword(r.Context(), u.PasswordHash, password) && err == nil && !u.Disabled
	if !ok {
		if !s.signInFailed(w, r, congtac.SignInFailure{Login: login, UserID: u.ID, Action: "sign_in_failed",
			Detail: "login=" + login}) {
			return
		}
		page.Error = "Tên đăng nhập hoặc mật khẩu không đúng."
		s.render(w, r, http.StatusUnauthorized, page)
		return
	}
	if u.TOTPSecret != "" {
		if err := s.sessions.RenewToken(r.Context()); err != nil {
			s.fail(w, r, err)
			return
		}
		s.sessions.Put(r.Context(), sessionPending, u.ID)
		http.Redirect(w, r, "/login/totp?next="+url.QueryEscape(next), http.StatusSeeOther)
		return
	}
	s.signIn(w, r, u, next)
}

// holdOff is what an attempt held off by the failure limits is audited as and told.
type holdOff struct{ action, title, message string }

// The holds of signing in and of checking the current password, which share the limits so
// that a stolen session cannot be used to guess the password either.
var (
	signInHold = holdOff{"sign_in_throttled", "Thử đăng nhập quá nhiều lần",
		"Bạn đã thử đăng nhập quá nhiều lần. Vui lòng đợi vài phút rồi thử lại."}
	passwordHold = holdOff{"password_throttled", "Nhập mật khẩu quá nhiều lần",
		"Bạn đã nhập mật khẩu quá nhiều lần. Vui lòng đợi vài phút rồi thử lại."}
)

// heldOff answers and reports true when an attempt on login from the client's address must
// wait: 429 with h's message, audited, when the account or the address has failed too
// often ([congtac.SignInFailures.Blocked]); the error page when the counts cannot be read.
func (s *Server) heldOff(w http.ResponseWriter, r *http.Request, login string, h holdOff) bool {
	f, err := s.st.FindSignInFailures(r.Context(), login, clientAddress(r))
	if err != nil {
		s.fail(w, r, err)
		return true
	}
	if !f.Blocked() {
		return false
	}
	s.audit(r, h.action, "user", actorOf(r).UserID, "login="+login)
	page := errorPage{layout: s.layout(r, h.title), Status: http.StatusTooManyRequests, Message: h.message}
	s.render(w, r, http.StatusTooManyRequests, page)
	return true
}

// signInFailed counts and audits failure f from the client's address, and reports whether
// the handler may go on to answer; when the store fails it answers the error itself.
func (s *Server) signInFailed(w http.ResponseWriter, r *http.Request, f congtac.SignInFailure) bool {
	f.Address = clientAddress(r)
	if err := s.st.RecordSignInFailure(r.Context(), actorOf(r), f); err != nil {
		s.fail(w, r, err)
		return false
	}
	return true
}

// signIn starts a user's session: a new session token (so that a token planted before
// sign-in is worthless), then the user bound to it and the sign-in audited in one use case
// ([store.Store.SignIn]).
func (s *Server) signIn(w http.ResponseWriter, r *http.Request, u congtac.User, next string) {
	ctx := r.Context()
	if err := s.sessions.RenewToken(ctx); err != nil {
		s.fail(w, r, err)
		return
	}
	s.sessions.Remove(ctx, sessionPending)
	s.sessions.Put(ctx, sessionUser, u.ID)
	if err := s.st.SignIn(ctx, s.sessions.Token(ctx), u.ID, clientAddress(r), r.UserAgent()); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// handleLoginTOTPShow asks a user who gave the right password for the code of its
// authenticator app.
func (s *Server) handleLoginTOTPShow(w http.ResponseWriter, r *http.Request) {
	if s.sessions.GetInt64(r.Context(), sessionPending) == 0 {
		http.Redirect(w, r, "/login", http.StatusSeeOther)
		return
	}
	page := loginTOTPPage{layout: s.layout(r, "Xác thực hai lớp"), Next: localPath(r.URL.Query().Get("next"))}
	s.render(w, r, http.StatusOK, page)
}

// handleLoginTOTPCreate checks the field code against the pending user's secret, under the
// same limits as passwords.
func (s *Server) handleLoginTOTPCreate(w http.ResponseWriter, r *http.Request) {
	id := s.sessions.GetInt64(r.Context(), sessionPending)
	if id == 0 {
		http.Redirect(w, r, "/login", http.StatusSeeOther)
		return
	}
	u, err := s.st.FindUserByID(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	next := localPath(r.PostFormValue("next"))
	if s.heldOff(w, r, u.Login, signInHold) {
		return
	}
	code := strings.Join(strings.Fields(r.PostFormValue("code")), "")
	if u.Disabled || !s.validTOTP(code, u.TOTPSecret) {
		if !s.signInFailed(w, r, congtac.SignInFailure{Login: u.Login, UserID: u.ID, Action: "sign_in_failed",
			Detail: "second factor"}) {
			return
		}
		page := loginTOTPPage{layout: s.layout(r, "Xác thực hai lớp"), Next: next,
			Error: "Mã xác thực không đúng hoặc đã hết hạn."}
		s.render(w, r, http.StatusUnauthorized, page)
		return
	}
	s.signIn(w, r, u, next)
}

// handleLogoutCreate ends the session and audits it.
func (s *Server) handleLogoutCreate(w http.ResponseWriter, r *http.Request) {
	if signedIn(actorOf(r)) {
		s.audit(r, "sign_out", "user", actorOf(r).UserID, "")
	}
	if err := s.sessions.Destroy(r.Context()); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/login?out=1", http.StatusSeeOther)
}

// audit records an event that changes no data (sign-ins, refusals) about a record; a
// failure to record it is logged, not shown.
func (s *Server) audit(r *http.Request, action, entity string, id int64, detail string) {
	a := actorOf(r)
	if err := s.st.RecordEvent(r.Context(), a, action, entity, id, detail); err != nil {
		s.log.ErrorContext(r.Context(), "audit", "action", action, "err", err)
	}
}

// localPath returns p when it is a clean path on this site, else "/": a sign-in link must
// not send users elsewhere. Clean means what a request URI of this site looks like: it
// starts with one "/", holds only printable ASCII without spaces or backslashes (browsers
// drop tabs and newlines and read a backslash as "/", so "/\t/evil.example" would leave), and
// names no scheme or host.
func localPath(p string) string {
	dirty := strings.ContainsFunc(p, func(r rune) bool { return r <= ' ' || r > '~' || r == '\\' })
	if dirty || !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") {
		return "/"
	}
	if u, err := url.Parse(p); err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return "/"
	}
	return p
}
