package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/alexedwards/scs/v2"

	"congtac"
	"congtac/store"
)

// Session keys.
const (
	sessionUser    = "user_id"      // the signed-in user
	sessionPending = "pending_user" // a user who gave the right password and owes the second factor
	sessionNewTOTP = "new_totp"     // a second-factor secret being set up, until confirmed
	sessionFlash   = "flash"        // a one-time message for the next page
)

// newSessions configures the session manager: sessions live in the database (so that any
// instance serves any user), expire after cfg.SessionIdle without use and cfg.SessionMax
// after sign-in whatever happens, and ride in an HttpOnly, SameSite=Lax cookie.
func (s *Server) newSessions() *scs.SessionManager {
	sm := scs.New()
	sm.Store = storeClockSessions{s.st.Sessions(), s.st}
	sm.IdleTimeout = s.cfg.SessionIdle
	sm.Lifetime = s.cfg.SessionMax
	sm.Cookie.Name = "congtac_session"
	sm.Cookie.HttpOnly = true
	sm.Cookie.SameSite = http.SameSiteLaxMode
	sm.Cookie.Secure = s.cfg.SecureCookies
	sm.Cookie.Path = "/"
	sm.ErrorFunc = s.sessionFailed
	return sm
}

// sessionFailed answers a request whose session could not be loaded (before the handler
// runs) or saved, with the 500 page, or not at all when the client went away, which is
// what makes the store's reads and writes of the session fail most often. scs saves a
// session as the handler starts its answer and calls sessionFailed before passing that
// answer on: the answer that follows the 500 page is then dropped by [statusRecorder], as
// expected rather than as a bug.
func (s *Server) sessionFailed(w http.ResponseWriter, r *http.Request, err error) {
	if rec, ok := w.(*statusRecorder); ok {
		rec.superseded = true
	}
	s.fail(w, r, fmt.Errorf("web: session: %w", err))
}

// storeClockSessions is the session store as scs sees it. scs reckons expiries on the wall
// clock; the store judges them on its own clock ([store.Store.Clock]), which tests run as
// of another day. Commit moves an expiry by the difference between the two, so that a
// session lasts as long as scs meant on whichever clock the store runs; with the store on
// the wall clock, as in production, it changes nothing.
type storeClockSessions struct {
	*store.SessionStore
	st *store.Store
}

// Commit implements scs.Store; see [storeClockSessions.CommitCtx].
func (ss storeClockSessions) Commit(token string, b []byte, expiry time.Time) error {
	return ss.CommitCtx(context.Background(), token, b, expiry)
}

// CommitCtx saves the session with its expiry moved onto the store's clock; see
// [store.SessionStore.CommitCtx].
func (ss storeClockSessions) CommitCtx(ctx context.Context, token string, b []byte, expiry time.Time) error {
	return ss.SessionStore.CommitCtx(ctx, token, b, ss.st.Clock()().Add(time.Until(expiry)))
}

// authenticate finds who makes the request — a bearer token for the API, else the session —
// and puts the actor in the request for [Server.guard] and the handlers. A token or session
// of a disabled or deleted user counts as anonymous, and such a session is ended. A session
// user whose role must use a second factor and has none is held to setting it up
// ([Server.owesTOTP]); bearer tokens are not held.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		if bearer, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
			u, _, err := s.st.AuthenticateAPIToken(ctx, strings.TrimSpace(bearer))
			if err != nil {
				s.apiFail(w, r, congtac.Errorf(congtac.EFORBIDDEN, "Mã truy cập không hợp lệ hoặc đã bị thu hồi."), http.StatusUnauthorized)
				return
			}
			s.serveAs(w, r, next, u)
			return
		}
		if s.sessions.GetInt64(ctx, sessionUser) == 0 {
			next.ServeHTTP(w, r)
			return
		}
		// The user is the one the session row is bound to at sign-in, not what the session's
		// data says: data can outlive an ended session, a binding cannot.
		u, err := s.st.FindSessionUser(ctx, s.sessions.Token(ctx))
		if err != nil {
			if congtac.ErrorCode(err) != congtac.ENOTFOUND {
				s.fail(w, r, err)
				return
			}
			s.sessions.Destroy(ctx)
			next.ServeHTTP(w, r)
			return
		}
		if s.owesTOTP(w, r, u) {
			return
		}
		s.serveAs(w, r, next, u)
	})
}

// serveAs serves the request as user u.
func (s *Server) serveAs(w http.ResponseWriter, r *http.Request, next http.Handler, u congtac.User) {
	a, err := s.actorFor(r.Context(), u, clientAddress(r))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	next.ServeHTTP(w, withActor(r, a))
}

// actorFor returns the actor of user u: its role, the org it is scoped to and that org's
// path to the root.
func (s *Server) actorFor(ctx context.Context, u congtac.User, address string) (congtac.Actor, error) {
	path, err := s.st.OrgPath(ctx, u.OrgID)
	if err != nil {
		return congtac.Actor{}, err
	}
	name := u.DisplayName
	if name == "" {
		name = u.Login
	}
	return congtac.Actor{UserID: u.ID, Role: u.Role, OrgID: u.OrgID, Path: path, Name: name, Address: address}, nil
}

// guard enforces a route's capability, then lets the handler run on input it may rely on
// ([Server.admit]). Anyone may use a route that needs nothing. The
// public may use what needs ViewPublic; for anything else a visitor is sent to sign in
// (pages) or told to authenticate (API). A signed-in user whose role lacks the capability
// gets 403, and the refusal is audited.
func (s *Server) guard(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a := actorOf(r)
		switch {
		case rt.need == "" || a.Can(rt.need):
			if s.admit(w, r, rt) {
				rt.handler(w, r)
			}
		case !signedIn(a) && rt.api:
			s.apiFail(w, r, congtac.Errorf(congtac.EFORBIDDEN, "Cần đăng nhập hoặc mã truy cập (Authorization: Bearer)."), http.StatusUnauthorized)
		case !signedIn(a):
			http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		default:
			s.deny(w, r, rt.api)
		}
	})
}

// deny answers 403 and records the refusal in the audit log.
func (s *Server) deny(w http.ResponseWriter, r *http.Request, api bool) {
	s.audit(r, "deny", "request", 0, r.Method+" "+r.URL.Path)
	if api {
		s.apiFail(w, r, congtac.Forbidden(), 0)
		return
	}
	s.fail(w, r, congtac.Forbidden())
}

// flash keeps a message for the next page the user sees.
func (s *Server) flash(r *http.Request, msg string) { s.sessions.Put(r.Context(), sessionFlash, msg) }

// DefaultSessionIdle and DefaultSessionMax are the defaults of [Config.SessionIdle] and
// [Config.SessionMax], and of the flags that set them.
const (
	DefaultSessionIdle = 2 * time.Hour
	DefaultSessionMax  = 12 * time.Hour
)
