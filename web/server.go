// Package web is congtac's HTTP interface: Vietnamese HTML pages rendered on the server
// from embedded templates, embedded static files under content-hashed paths, and a health
// check. It uses the standard library's net/http only; [Server.routes] is the table of
// contents of every URL.
//
// Each route of the table names the capability it needs; [Server.guard] lets the public
// use what needs only congtac.ViewPublic, sends other visitors to sign in (or answers 401
// to the API) and refuses with 403 a signed-in user whose role lacks the capability.
package web

import (
	"cmp"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"net/netip"
	"time"

	"github.com/alexedwards/scs/v2"

	"congtac"
	"congtac/store"
)

// Config holds what the web server takes from the process rather than from the database
// (settings the office changes at run time live in the database).
type Config struct {
	// Now returns the current instant; nil means time.Now. Dates are shown in
	// [congtac.Location] (Asia/Ho_Chi_Minh).
	Now congtac.Clock
	// SessionIdle ends a session unused for that long; SessionMax ends any session that
	// long after sign-in. Zero means 2 hours and 12 hours.
	SessionIdle, SessionMax time.Duration
	// SecureCookies marks the session cookie Secure: set it when users reach congtac over
	// HTTPS (directly or through a proxy).
	SecureCookies bool
	// MaxBodyBytes limits a request body; zero means 1 MiB (uploads set their own limit).
	MaxBodyBytes int64
	// TrustedProxies are the reverse proxies whose X-Forwarded-For names the client
	// ([ParseTrustedProxies]); from any other peer the header is ignored. The client's
	// address is what sign-in limits, sessions and the audit log record.
	TrustedProxies []netip.Prefix
}

// Server is the web application. It is an [http.Handler], safe for concurrent use; its
// templates and static files are loaded once by [New].
type Server struct {
	cfg     Config
	st      *store.Store
	log     *slog.Logger
	loc     *time.Location
	pages   map[string]*template.Template
	assets  assets
	handler http.Handler

	sessions *scs.SessionManager
	hashing  passwordGate          // one argon2id hash at a time
	vocab    vocabCache            // the words of the stored documents, for imports
	schemas  map[string]*oaSchema  // the OpenAPI document's schemas, built once: bodies' nulls are read against them
	examples map[string]apiExample // the OpenAPI document's example calls, by operation ID
	apiDoc   []byte                // the OpenAPI document, encoded
}

// New returns a server on st that logs to logger (nil discards the logs). It parses every
// template and hashes every static file, and fails when one is broken, so that a bad build
// stops at start rather than on the first request.
func New(cfg Config, st *store.Store, logger *slog.Logger) (*Server, error) {
	if st == nil {
		return nil, errors.New("web: new: nil store")
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	cfg.SessionIdle = cmp.Or(cfg.SessionIdle, DefaultSessionIdle)
	cfg.SessionMax = cmp.Or(cfg.SessionMax, DefaultSessionMax)
	cfg.MaxBodyBytes = cmp.Or(cfg.MaxBodyBytes, defaultMaxBody)
	s := &Server{cfg: cfg, st: st, log: logger, loc: congtac.Location(), hashing: newPasswordGate(), schemas: apiSchemas()}
	var err error
	if s.examples, err = loadExamples(); err != nil {
		return nil, fmt.Errorf("web: new: %w", err)
	}
	if s.assets, err = loadAssets(); err != nil {
		return nil, fmt.Errorf("web: new: %w", err)
	}
	if s.pages, err = s.parsePages(); err != nil {
		return nil, fmt.Errorf("web: new: %w", err)
	}
	if s.apiDoc, err = s.encodeOpenAPI(); err != nil {
		return nil, fmt.Errorf("web: new: the OpenAPI document: %w", err)
	}
	s.sessions = s.newSessions()
	// Outermost first: the client behind a trusted proxy, log, recover, headers, body limit,
	// cross-origin refusal, session, user; then each route's guard.
	s.handler = s.fromTrustedProxy(s.logRequests(s.recoverPanics(secureHeaders(limitBody(cfg.MaxBodyBytes,
		s.crossOrigin(s.sessions.LoadAndSave(s.authenticate(s.routes()))))))))
	return s, nil
}

// ServeHTTP implements [http.Handler].
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}
