package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"

	"congtac/store"
)

// apiContract is the OpenAPI document the server serves, loaded by kin-openapi, with its
// router: built once, since every server of the tests describes the same API.
var apiContract struct {
	once   sync.Once
	doc    *openapi3.T
	router routers.Router
	err    error
}

// contractDemo returns a fresh demo store on engine e, a test server of it whose answers
// are checked, and the document it serves.
func contractDemo(t *testing.T, e store.Engine) (*store.Store, *httptest.Server, *openapi3.T) {
	st := newDemo(t, e)
	s, _ := newTestServer(t, st)
	srv := startServer(t, s)
	if _, err := contractRouter(s); err != nil {
		t.Fatal(err)
	}
	return st, srv, apiContract.doc
}

// contractRouter returns the router of the document s serves.
func contractRouter(s *Server) (routers.Router, error) {
	apiContract.once.Do(func() {
		data, err := json.Marshal(s.openAPI())
		if err != nil {
			apiContract.err = err
			return
		}
		loader := openapi3.NewLoader()
		doc, err := loader.LoadFromData(data)
		if err != nil {
			apiContract.err = fmt.Errorf("load the OpenAPI document: %w", err)
			return
		}
		if err := doc.Validate(loader.Context); err != nil {
			apiContract.err = fmt.Errorf("the OpenAPI document is not valid: %w", err)
			return
		}
		apiContract.doc = doc
		apiContract.router, apiContract.err = gorillamux.NewRouter(doc)
	})
	return apiContract.router, apiContract.err
}

// contractCheck wraps the handler of a test server: every request under /api/v1/ and its
// answer are checked against the OpenAPI document, and each disagreement fails the test.
//   - A request the document allows must get an answer the document lists for the
//     operation, in the documented shape; a 5xx is always a fault.
//   - A request the document refuses (a parameter out of its bounds, a body that breaks its
//     schema) must be refused too: the server must not answer 2xx.
//   - A method and path the document does not know must answer 404 or 405.
//   - What a 201 names in its Location can be read back there by the same user.
//     A 201 without a Location is a fault.
func contractCheck(t testing.TB, s *Server, next http.Handler) http.Handler {
	router, err := contractRouter(s)
	if err != nil {
		t.Fatal(err)
	}
	var check http.HandlerFunc
	check = func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/api/v1/") || r.URL.Path == "/api/v1/openapi.json" {
			next.ServeHTTP(w, r)
			return
		}
		what := r.Method + " " + r.URL.RequestURI()
		rec := httptest.NewRecorder()
		route, params, findErr := router.FindRoute(r)
		var in *openapi3filter.RequestValidationInput
		var reqErr error
		if findErr == nil {
			body, _ := io.ReadAll(r.Body)
			r.Body = io.NopCloser(bytes.NewReader(body))
			check := r.Clone(r.Context())
			check.Body = io.NopCloser(bytes.NewReader(body))
			in = &openapi3filter.RequestValidationInput{Request: check, PathParams: params, Route: route,
				Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc,
					IncludeResponseStatus: true}}
			reqErr = openapi3filter.ValidateRequest(context.Background(), in)
		}
		next.ServeHTTP(rec, r)
		copyAnswer(w, rec)

		status := rec.Code
		switch {
		case status >= 500:
			t.Errorf("API contract: %s answered %d: %.300s", what, status, rec.Body.String())
		case findErr != nil:
			if status != http.StatusNotFound && status != http.StatusMethodNotAllowed {
				t.Errorf("API contract: %s is not in the document (%v) but answered %d", what, findErr, status)
			}
		case reqErr != nil:
			if status < 400 {
				t.Errorf("API contract: the document refuses %s (%v) but the server answered %d", what, firstLine(reqErr), status)
			}
		default:
			out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: status,
				Header: rec.Header(), Body: io.NopCloser(bytes.NewReader(rec.Body.Bytes())), Options: in.Options}
			if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
				t.Errorf("API contract: %s answered %d outside the document: %v; body %.300s", what, status, firstLine(err), rec.Body.String())
			}
			if loc := rec.Header().Get("Location"); status == http.StatusCreated && loc != "" {
				readBack(t, check, r, loc)
			} else if status == http.StatusCreated {
				t.Errorf("API contract: %s %s answered 201 without a Location", r.Method, route.Path)
			}
		}
	}
	return check
}

// readBack fetches the Location a 201 names, as the same user, through check (so that its
// answer is checked against the document too), and reports when it cannot be read: every
// resource the API creates can be read back where it says it is.
func readBack(t testing.TB, check http.Handler, r *http.Request, location string) {
	if !strings.HasPrefix(location, "/api/v1/") {
		t.Errorf("API contract: %s %s answered 201 with Location %q, not an API address", r.Method, r.URL.Path, location)
		return
	}
	get := httptest.NewRequest(http.MethodGet, location, nil)
	for _, h := range []string{"Cookie", "Authorization"} {
		if v := r.Header.Get(h); v != "" {
			get.Header.Set(h, v)
		}
	}
	rec := httptest.NewRecorder()
	check.ServeHTTP(rec, get)
	if rec.Code != http.StatusOK {
		t.Errorf("API contract: %s %s answered 201 with Location %s, which answers %d", r.Method, r.URL.Path, location, rec.Code)
	}
}

// copyAnswer writes the recorded answer to w.
func copyAnswer(w http.ResponseWriter, rec *httptest.ResponseRecorder) {
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	_, _ = w.Write(rec.Body.Bytes())
}

// firstLine returns the first line of err's message, kin-openapi's being long.
func firstLine(err error) string {
	msg, _, _ := strings.Cut(err.Error(), "\n")
	return msg
}
