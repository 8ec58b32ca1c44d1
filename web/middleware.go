package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"congtac"
)

// contentSecurityPolicy allows only what the binary serves itself: no inline script or
// style, no framing, forms posting to this site only.
const contentSecurityPolicy = "default-src 'self'; base-uri 'none'; object-src 'none'; " +
	"form-action 'self'; frame-ancestors 'none'"

// secureHeaders sets the security headers on every response, error pages included.
func secureHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// recoverPanics turns a panicking handler into the 500 page and a logged error with the
// stack, so that one bad request neither kills the connection silently nor shows the stack
// to the user.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.fail(w, r, fmt.Errorf("web: panic: %v\n%s", v, debug.Stack()))
		}()
		next.ServeHTTP(w, r)
	})
}

// statusRecorder remembers the status code a handler wrote, for the request log, and lets
// one answer through: a second WriteHeader (after a first one, or after a body that implied
// 200) is dropped with the body written after it, and remembered, so that the client gets
// the first answer whole and [Server.logRequests] reports the second once as a bug. The
// 1xx informational headers, which may come several times before the answer, pass.
type statusRecorder struct {
	http.ResponseWriter
	status     int
	dropped    int  // the status of the first answer dropped; 0 for none
	superseded bool // the first answer replaced the handler's on purpose ([Server.sessionFailed])
}

func (r *statusRecorder) WriteHeader(code int) {
	switch {
	case code >= 100 && code < 200:
		r.ResponseWriter.WriteHeader(code)
	case r.status != 0:
		if r.dropped == 0 {
			r.dropped = code
		}
	default:
		r.status = code
		r.ResponseWriter.WriteHeader(code)
	}
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.dropped != 0 {
		return len(b), nil // the body of a dropped answer
	}
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// statusClientClosed is the status logged for a request whose client went away before it
// was answered: nginx's 499 "client closed request". It is never sent (no one is there to
// read it).
const statusClientClosed = 499

// clientGone reports whether the client of r went away (closed the connection, reset the
// stream) before the request was answered: its context is canceled. Nothing is wrong then,
// and nothing need be answered.
func clientGone(r *http.Request) bool { return errors.Is(r.Context().Err(), context.Canceled) }

// leftBeforeAnswer reports whether the client of r went away, logging err, which the
// handler was about to answer with, at debug level: an error such as the store's "context
// canceled" is the client's leaving, not a fault.
func (s *Server) leftBeforeAnswer(r *http.Request, err error) bool {
	if !clientGone(r) {
		return false
	}
	s.log.DebugContext(r.Context(), "client went away", "method", r.Method, "path", r.URL.Path, "err", err)
	return true
}

// doubleWrite is the message logged when a handler answered twice (see [statusRecorder]).
const doubleWrite = "bug: handler wrote a second response header, dropped"

// logRequests logs one line per request: method, path, status and duration. Health checks
// are logged at debug level, since probes call them every few seconds. A request whose client
// went away before it was answered is logged at info level with status 499
// ([statusClientClosed]), not as a failure. A handler that answered twice is logged once
// more, at error level, as the bug it is.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		status := rec.status
		switch {
		case status == 0 && clientGone(r):
			status = statusClientClosed
		case status == 0:
			status = http.StatusOK
		}
		level := slog.LevelInfo
		if r.URL.Path == "/healthz" {
			level = slog.LevelDebug
		}
		s.log.LogAttrs(r.Context(), level, "request", slog.String("method", r.Method),
			slog.String("path", r.URL.Path), slog.Int("status", status),
			slog.Duration("duration", time.Since(start)))
		if rec.dropped != 0 && !rec.superseded {
			s.log.LogAttrs(r.Context(), slog.LevelError, doubleWrite, slog.String("method", r.Method),
				slog.String("path", r.URL.Path), slog.Int("status", rec.status), slog.Int("dropped", rec.dropped))
		}
	})
}

// defaultMaxBody is the body limit of a request without its own (1 MiB: forms and JSON).
const defaultMaxBody = 1 << 20

// maxUpload is the body limit of an upload: the largest file (a material, 20 MB) carried
// in base64 with room to spare, as the import's review carries its document back to the
// confirmation. Each handler checks the size of its file itself (a stamp image is at most
// 1 MiB).
const maxUpload = congtac.MaxMaterialBytes/3*4 + 2<<20

// limitBody refuses request bodies over max bytes, or maxUpload for uploads ([isUpload]):
// reading past the limit fails, and the handler's form, JSON or upload parsing reports it.
func limitBody(max int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body != nil {
			limit := max
			if isUpload(r.Header.Get("Content-Type")) {
				limit = maxUpload
			}
			r.Body = http.MaxBytesReader(w, r.Body, limit)
		}
		next.ServeHTTP(w, r)
	})
}

// isUpload reports whether a body of content type ct is a file: a multipart form, or the
// raw file the API's upload routes take (a PDF, an image, an import's document). JSON,
// URL-encoded forms and bodies without a type are not; handlers that take a file check
// its size and kind themselves, and those that take JSON refuse any other type.
func isUpload(ct string) bool {
	mt, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(ct)), ";")
	switch strings.TrimSpace(mt) {
	case "", "application/json", "application/x-www-form-urlencoded":
		return false
	}
	return true
}

// crossOrigin refuses state-changing requests that a browser marks as coming from another
// site (Sec-Fetch-Site, Origin), with the Vietnamese 403 page: the CSRF protection.
// Requests without those headers (API clients with a token) pass.
func (s *Server) crossOrigin(next http.Handler) http.Handler {
	p := http.NewCrossOriginProtection()
	p.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, congtac.Errorf(congtac.EFORBIDDEN,
			"Yêu cầu đến từ một trang web khác nên đã bị từ chối để bảo vệ tài khoản của bạn."))
	}))
	return p.Handler(next)
}
