package web

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"congtac"
	"congtac/store"
)

// TestSecondAnswerIsDroppedAndReported: a handler that answers and then answers again (an
// error page after a page) sends the first answer whole, and the log names the bug once.
func TestSecondAnswerIsDroppedAndReported(t *testing.T) {
	var logs bytes.Buffer
	s := &Server{log: slog.New(slog.NewTextHandler(&logs, nil))}
	h := s.logRequests(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusSeeOther)
		w.Write([]byte("first"))
		w.WriteHeader(http.StatusInternalServerError)
		w.Write([]byte("second"))
		w.WriteHeader(http.StatusConflict)
	}))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/programs", nil))
	if rec.Code != http.StatusSeeOther || rec.Body.String() != "first" {
		t.Errorf("client got %d %q, want 303 \"first\"", rec.Code, rec.Body)
	}
	if n := strings.Count(logs.String(), doubleWrite); n != 1 {
		t.Errorf("%d reports of the second answer, want 1:\n%s", n, logs.String())
	}
	if !strings.Contains(logs.String(), "status=303 dropped=500") {
		t.Errorf("the report names neither answer:\n%s", logs.String())
	}
	logs.Reset()
	h = s.logRequests(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusEarlyHints)
		w.WriteHeader(http.StatusOK)
		w.Write([]byte("page"))
	}))
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if rec.Body.String() != "page" || strings.Contains(logs.String(), doubleWrite) {
		t.Errorf("early hints then an answer: %d %q, log:\n%s", rec.Code, rec.Body, logs.String())
	}
}

// TestClientGoneIsNotAnError sends requests whose client has gone away (their context is
// canceled), signed in and not, to pages and to the API: the store's "context canceled"
// (or the API's 401) is not answered with an error page, and the log has the request with
// status 499 and no error.
func TestClientGoneIsNotAnError(t *testing.T) {
	for _, e := range []store.Engine{store.SQLite, store.Postgres} {
		t.Run(string(e), func(t *testing.T) {
			s, logs := newTestServer(t, sharedDemo(t, e))
			cookie := mintSession(t, s, "vanphong")
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			for _, path := range []string{"/programs", "/api/v1/programs", "/public"} {
				for _, signedIn := range []bool{true, false} {
					if path == "/programs" && !signedIn {
						continue // sent to sign in without a failure
					}
					logs.Reset()
					req := httptest.NewRequestWithContext(ctx, "GET", path, nil)
					if signedIn {
						req.AddCookie(cookie)
					}
					rec := httptest.NewRecorder()
					s.ServeHTTP(rec, req)
					who := map[bool]string{true: "signed in", false: "anonymous"}[signedIn]
					if rec.Body.Len() != 0 {
						t.Errorf("%s %s: answered %d with %d bytes to no one", who, path, rec.Code, rec.Body.Len())
					}
					log := logs.String()
					if !strings.Contains(log, "status=499") || strings.Contains(log, "level=ERROR") ||
						strings.Contains(log, "status=500") {
						t.Errorf("%s %s: log:\n%s", who, path, log)
					}
				}
			}
		})
	}
}

// TestFailAnswersWhileTheClientIsThere: the error page is still sent to a client that is
// there, and an internal error is still logged as one.
func TestFailAnswersWhileTheClientIsThere(t *testing.T) {
	var logs bytes.Buffer
	st := sharedDemo(t, store.SQLite)
	s, err := New(Config{Now: testNow}, st, slog.New(slog.NewTextHandler(&logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	s.fail(rec, httptest.NewRequest("GET", "/programs", nil), context.Canceled) // a cancel of the server's own
	if rec.Code != http.StatusInternalServerError || !strings.Contains(rec.Body.String(), congtac.InternalMessage) {
		t.Errorf("answer %d:\n%s", rec.Code, rec.Body)
	}
	if !strings.Contains(logs.String(), "level=ERROR") {
		t.Errorf("an internal error while the client is there is not logged as one:\n%s", logs.String())
	}
}

// failingCommits is a session store whose saves fail, as when the database is down.
type failingCommits struct{ storeClockSessions }

func (failingCommits) CommitCtx(context.Context, string, []byte, time.Time) error {
	return errors.New("database is down")
}

// TestSessionSaveFailureAnswersOnce: a session that cannot be saved as the handler starts
// its answer gives the 500 page, whole, instead of the handler's answer, and no report of a
// second answer, since scs passes the handler's answer on after the failure by design.
func TestSessionSaveFailureAnswersOnce(t *testing.T) {
	s, logs := newTestServer(t, sharedDemo(t, store.SQLite))
	cookie := mintSession(t, s, "vanphong")
	s.sessions.Store = failingCommits{s.sessions.Store.(storeClockSessions)}
	req := httptest.NewRequest("GET", "/programs", nil)
	req.AddCookie(cookie)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusInternalServerError || strings.Count(rec.Body.String(), "</html>") != 1 {
		t.Errorf("answer %d:\n%s", rec.Code, rec.Body)
	}
	if log := logs.String(); !strings.Contains(log, "database is down") || !strings.Contains(log, "status=500") {
		t.Errorf("log:\n%s", log)
	}
}

func TestIsUpload(t *testing.T) {
	for ct, want := range map[string]bool{
		"": false, "application/json": false, "application/json; charset=utf-8": false,
		"application/x-www-form-urlencoded": false, "Application/JSON": false,
		"multipart/form-data; boundary=x": true, "application/octet-stream": true, "image/png": true,
		"application/pdf": true, "text/plain; charset=utf-8": true,
	} {
		if got := isUpload(ct); got != want {
			t.Errorf("isUpload(%q) = %v, want %v", ct, got, want)
		}
	}
}
