// Package web is congtac's HTTP interface: Vietnamese HTML pages rendered on the server
// from embedded templates, embedded static files under content-hashed paths, and a health
// check. It uses the standard library's net/http only; [Server.routes] is the table of
// contents of every URL.
//
// Until sign-in arrives (issue 3) every page is public: bind the server to a loopback
// address or put it behind an access-controlled proxy.
package web

import (
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"time"

	"congtac"
	"congtac/store"
)

// Config holds what the web server takes from the process rather than from the database
// (settings the office changes at run time live in the database).
type Config struct {
	// Now returns the current instant; nil means time.Now. Dates are shown in
	// [congtac.Location] (Asia/Ho_Chi_Minh).
	Now congtac.Clock
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
	s := &Server{cfg: cfg, st: st, log: logger, loc: congtac.Location()}
	var err error
	if s.assets, err = loadAssets(); err != nil {
		return nil, fmt.Errorf("web: new: %w", err)
	}
	if s.pages, err = s.parsePages(); err != nil {
		return nil, fmt.Errorf("web: new: %w", err)
	}
	s.handler = s.logRequests(s.recoverPanics(secureHeaders(s.routes())))
	return s, nil
}

// ServeHTTP implements [http.Handler].
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}
