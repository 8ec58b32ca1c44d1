package web

import (
	"net/http"

	"congtac"
)

// handleAccountTokenCreate gives the user a new personal API token named by the field
// name. The answer is the account page itself, not a redirect, because it shows the raw
// token this one time: it is never stored in the clear, not even in the session for a
// flash. A refused name comes back with 422 and the name as typed.
func (s *Server) handleAccountTokenCreate(w http.ResponseWriter, r *http.Request) {
	a, name := actorOf(r), r.PostFormValue("name")
	t, raw, err := s.st.CreateAPIToken(r.Context(), a, a.UserID, name)
	if err != nil {
		if _, ok := formProblems(err); !ok {
			s.fail(w, r, err)
			return
		}
		s.renderAccountForm(w, r, err, func(page *accountPage) {
			page.TokenName, page.TokenErrors = name, congtac.FieldErrors(err)
		})
		return
	}
	page, err := s.accountPageFor(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page.NewToken, page.NewTokenName = raw, t.Name
	s.render(w, r, http.StatusOK, page)
}

// handleAccountTokenRevoke revokes one of the user's own API tokens; another user's token
// is 404.
func (s *Server) handleAccountTokenRevoke(w http.ResponseWriter, r *http.Request) {
	a := actorOf(r)
	id, err := pathRecordID(r)
	if err == nil {
		err = s.st.RevokeAPIToken(r.Context(), a, a.UserID, id)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.flash(r, "Đã thu hồi mã truy cập. Chương trình nào còn dùng mã này sẽ không truy cập được nữa.")
	http.Redirect(w, r, "/account", http.StatusSeeOther)
}
