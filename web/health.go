package web

import (
	"context"
	"net/http"
	"time"
)

// healthTimeout bounds the database check, so that a hung database makes the probe fail
// instead of hang.
const healthTimeout = 2 * time.Second

// handleHealthShow answers load balancers and monitors: 200 "ok" when the database answers,
// 503 otherwise. The body never says why; the cause is logged.
func (s *Server) handleHealthShow(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), healthTimeout)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if err := s.st.Ping(ctx); err != nil {
		s.log.WarnContext(r.Context(), "health check failed", "err", err)
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte("unavailable"))
		return
	}
	w.Write([]byte("ok"))
}
