package web

import (
	"bytes"
	"fmt"
	"image/png"
	"net/http"
	"strings"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"congtac"
)

// The second factor (TOTP, RFC 6238) is set up in two steps: GET /account/totp makes a
// secret and keeps it in the session (sessionNewTOTP) while the user scans it; POST
// /account/totp with a code from the app proves the app has it, and only then is it saved.

// totpIssuer names congtac in authenticator apps.
const totpIssuer = "congtac"

// qrSize is the side of the QR image in pixels: large enough for any phone camera.
const qrSize = 240

// accountTOTPPage is the data of account_totp.html.
type accountTOTPPage struct {
	layout
	On       bool   // the second factor is already on: nothing to set up
	Required bool   // the user's role must use it
	Secret   string // the pending secret in groups of four, for typing
	Account  string // the name the app shows: issuer and login
	Errors   map[string]string
}

func (accountTOTPPage) template() string { return "account_totp" }

// CodeField returns the field of the code the authenticator app shows.
func (p accountTOTPPage) CodeField() field {
	return newField(p.Errors, field{ID: "code", Name: "code", Label: "Mã xác thực 6 chữ số", InputMode: "numeric",
		Pattern: "[0-9 ]*", MaxLength: 8, Autocomplete: "one-time-code", Required: true})
}

// pendingKey returns the key being set up in the request's session, if there is one.
func (s *Server) pendingKey(r *http.Request) (*otp.Key, bool) {
	key, err := otp.NewKeyFromURL(s.sessions.GetString(r.Context(), sessionNewTOTP))
	if err != nil || key.Type() != "totp" || key.Secret() == "" {
		return nil, false
	}
	return key, true
}

// pendingTOTP returns the key being set up in the request's session, making one for the
// user with that login when there is none, so that reloading the page keeps the key the
// user may have scanned already.
func (s *Server) pendingTOTP(r *http.Request, login string) (*otp.Key, error) {
	if key, ok := s.pendingKey(r); ok {
		return key, nil
	}
	key, err := totp.Generate(totp.GenerateOpts{Issuer: totpIssuer, AccountName: login})
	if err != nil {
		return nil, fmt.Errorf("web: totp: %w", err)
	}
	s.sessions.Put(r.Context(), sessionNewTOTP, key.URL())
	return key, nil
}

// groupSecret writes a base32 secret in groups of four letters, as people type it.
func groupSecret(secret string) string {
	var b strings.Builder
	for i, r := range secret {
		if i > 0 && i%4 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// accountTOTPPageFor returns the setup page of the request's user.
func (s *Server) accountTOTPPageFor(r *http.Request) (accountTOTPPage, error) {
	ctx := r.Context()
	u, err := s.st.FindUserByID(ctx, actorOf(r).UserID)
	if err != nil {
		return accountTOTPPage{}, fmt.Errorf("web: totp: %w", err)
	}
	st, err := s.st.GlobalSettings(ctx)
	if err != nil {
		return accountTOTPPage{}, fmt.Errorf("web: totp: %w", err)
	}
	page := accountTOTPPage{layout: s.layout(r, "Xác thực hai lớp"), On: u.TOTPSecret != "",
		Required: st.RequiresTOTP(u.Role)}
	if page.On {
		return page, nil
	}
	key, err := s.pendingTOTP(r, u.Login)
	if err != nil {
		return accountTOTPPage{}, err
	}
	page.Secret, page.Account = groupSecret(key.Secret()), key.Issuer()+": "+key.AccountName()
	return page, nil
}

// handleAccountTOTPShow shows the secret to set up, as text and as a QR code
// ([Server.handleAccountTOTPImage]), with the form for the first code.
func (s *Server) handleAccountTOTPShow(w http.ResponseWriter, r *http.Request) {
	page, err := s.accountTOTPPageFor(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, page)
}

// handleAccountTOTPImage serves the pending key as a PNG QR code, never cached. Without a
// pending key it is 404: the image is not a way to make one.
func (s *Server) handleAccountTOTPImage(w http.ResponseWriter, r *http.Request) {
	key, ok := s.pendingKey(r)
	if !ok {
		s.fail(w, r, congtac.Errorf(congtac.ENOTFOUND, "Chưa có mã xác thực nào đang được thiết lập."))
		return
	}
	img, err := key.Image(qrSize, qrSize)
	if err != nil {
		s.fail(w, r, fmt.Errorf("web: totp image: %w", err))
		return
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		s.fail(w, r, fmt.Errorf("web: totp image: %w", err))
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Cache-Control", "no-store")
	buf.WriteTo(w)
}

// validTOTP reports whether code is the second-factor code of secret now, on the server's
// clock ([Config.Now]), one 30-second step either side allowed: the defaults of
// [totp.Validate], which reads the wall clock instead.
func (s *Server) validTOTP(code, secret string) bool {
	ok, _ := totp.ValidateCustom(code, secret, s.cfg.Now().UTC(), totp.ValidateOpts{
		Period: 30, Skew: 1, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
	return ok
}

// handleAccountTOTPEnable turns the second factor on with the pending key once the field
// code matches it, and ends the account's other sessions. A wrong code is 422 with the
// same key; no pending key sends the user back to get one.
func (s *Server) handleAccountTOTPEnable(w http.ResponseWriter, r *http.Request) {
	ctx, a := r.Context(), actorOf(r)
	key, ok := s.pendingKey(r)
	if !ok {
		s.flash(r, "Phiên thiết lập đã hết hạn. Hãy quét mã mới rồi nhập lại mã xác thực.")
		http.Redirect(w, r, "/account/totp", http.StatusSeeOther)
		return
	}
	code := strings.Join(strings.Fields(r.PostFormValue("code")), "")
	if !s.validTOTP(code, key.Secret()) {
		page, err := s.accountTOTPPageFor(r)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		page.Errors = map[string]string{"code": "Mã xác thực không đúng hoặc đã hết hạn. Hãy nhập mã đang hiển thị trong ứng dụng."}
		s.render(w, r, http.StatusUnprocessableEntity, page)
		return
	}
	if _, err := s.st.SetTOTPSecret(ctx, a, a.UserID, key.Secret(), s.sessions.Token(ctx)); err != nil {
		s.fail(w, r, err)
		return
	}
	s.sessions.Remove(ctx, sessionNewTOTP)
	s.flash(r, "Đã bật xác thực hai lớp. Từ lần đăng nhập sau, hãy nhập mã trong ứng dụng sau mật khẩu.")
	http.Redirect(w, r, "/account", http.StatusSeeOther)
}

// handleAccountTOTPDisable turns the second factor off after the field current_password
// is checked (under the account's sign-in limit), and ends the account's other sessions.
// It is refused with 422 when the user's role must use a second factor.
func (s *Server) handleAccountTOTPDisable(w http.ResponseWriter, r *http.Request) {
	ctx, a := r.Context(), actorOf(r)
	u, err := s.st.FindUserByID(ctx, a.UserID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	st, err := s.st.GlobalSettings(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var p congtac.Problems
	switch pw := r.PostFormValue("current_password"); {
	case st.RequiresTOTP(u.Role):
		p.Add("", "Vai trò %s bắt buộc dùng xác thực hai lớp nên không thể tắt.", u.Role.Label())
	case u.TOTPSecret == "":
		p.Add("", "Xác thực hai lớp đang tắt.")
	case pw == "":
		p.Add("current_password", "Hãy nhập mật khẩu hiện tại.")
	case s.heldOff(w, r, u.Login, passwordHold):
		return
	case !s.checkPassword(ctx, u.PasswordHash, pw):
		if !s.signInFailed(w, r, congtac.SignInFailure{Login: u.Login, UserID: u.ID, Action: "set_totp_failed",
			Detail: "wrong current password"}) {
			return
		}
		p.Add("current_password", "Mật khẩu hiện tại không đúng.")
	}
	if err := p.Err(); err != nil {
		s.renderAccountForm(w, r, err, func(page *accountPage) { page.DisableErrors = congtac.FieldErrors(err) })
		return
	}
	if _, err := s.st.SetTOTPSecret(ctx, a, a.UserID, "", s.sessions.Token(ctx)); err != nil {
		s.fail(w, r, err)
		return
	}
	s.flash(r, "Đã tắt xác thực hai lớp. Các phiên đăng nhập khác của tài khoản đã kết thúc.")
	http.Redirect(w, r, "/account", http.StatusSeeOther)
}

// totpSetupOpen lists the paths a user who owes a second factor may still reach: the
// setup itself (page, image, confirmation), signing out, and the static files and health
// check the setup page needs.
func totpSetupOpen(path string) bool {
	switch path {
	case "/account/totp", "/account/totp/qr.png", "/logout", "/healthz":
		return true
	}
	return strings.HasPrefix(path, "/static/")
}

// owesTOTP answers the request and reports true when user u, signed in with a session,
// must set up a second factor before anything else: its role is in Settings.RequireTOTP
// and it has none. Pages are redirected to /account/totp with a flash saying why; JSON API
// requests get 403. The settings are read only for users without a second factor, so at
// most once per request. Bearer-token requests never come here.
func (s *Server) owesTOTP(w http.ResponseWriter, r *http.Request, u congtac.User) bool {
	if u.TOTPSecret != "" || totpSetupOpen(r.URL.Path) {
		return false
	}
	st, err := s.st.GlobalSettings(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return true
	}
	if !st.RequiresTOTP(u.Role) {
		return false
	}
	msg := "Vai trò " + u.Role.Label() + " bắt buộc dùng xác thực hai lớp. Hãy thiết lập trước khi tiếp tục."
	if strings.HasPrefix(r.URL.Path, "/api/") {
		s.apiFail(w, r, congtac.Errorf(congtac.EFORBIDDEN, "%s", msg), http.StatusForbidden)
		return true
	}
	s.flash(r, msg)
	http.Redirect(w, r, "/account/totp", http.StatusSeeOther)
	return true
}
