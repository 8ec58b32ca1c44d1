package web

import "net/http"

// routes is the table of contents: every URL the application answers, and its handler.
// Anything not listed gets the Vietnamese 404 page.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.handleHealthShow)
	mux.HandleFunc("GET /static/{name}", s.handleStaticShow)
	mux.HandleFunc("GET /{$}", s.handleHomeShow)
	mux.HandleFunc("/", s.handleNotFound)
	return mux
}
