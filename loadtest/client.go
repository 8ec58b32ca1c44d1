package loadtest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"slices"
	"strings"
	"time"
)

// Client is one simulated user's way to the server: a cookie jar for the session of the
// pages, a personal API token for the JSON API, and the recorder every request is counted
// in. Redirects are not followed, so that a page answering "sign in first" counts as a
// failure instead of as the sign-in page. A Client is used by one goroutine at a time.
type Client struct {
	base   *url.URL
	http   *http.Client
	token  string
	rec    *Recorder
	header http.Header // sent with every request
}

// NewTransport returns a transport for conns simultaneous connections to one server, kept
// alive between requests as browsers do. Clients share it.
func NewTransport(conns int) *http.Transport {
	return &http.Transport{
		Proxy:               nil, // the server is addressed directly, whatever the environment says
		MaxIdleConns:        conns + 16,
		MaxIdleConnsPerHost: conns + 16,
		IdleConnTimeout:     90 * time.Second,
		DisableCompression:  true,
		ForceAttemptHTTP2:   false,
	}
}

// NewClient returns a client of the server at base ("http://127.0.0.1:8080") that sends
// token with API calls ("" for none) over transport and records into rec.
func NewClient(base, token string, transport http.RoundTripper, rec *Recorder) (*Client, error) {
	u, err := url.Parse(strings.TrimRight(base, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("loadtest: server address %q is not an http:// URL", base)
	}
	jar, _ := cookiejar.New(nil) // never fails without options
	hc := &http.Client{Transport: transport, Jar: jar, Timeout: 2 * time.Minute,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return &Client{base: u, http: hc, token: token, rec: rec, header: http.Header{}}, nil
}

// At returns a client of the same user (cookies, token, headers, recorder) that talks to
// the server at base instead: the same person reaching another instance. Cookies follow,
// since a cookie belongs to a host whatever its port.
func (c *Client) At(base string) (*Client, error) {
	other, err := NewClient(base, c.token, c.http.Transport, c.rec)
	if err != nil {
		return nil, err
	}
	other.http.Jar, other.header = c.http.Jar, c.header.Clone()
	return other, nil
}

// SetHeader sends header key with value in every request from now on, as a client behind
// a proxy that adds X-Forwarded-For would.
func (c *Client) SetHeader(key, value string) { c.header.Set(key, value) }

// Base returns the server's address as given to [NewClient].
func (c *Client) Base() string { return c.base.String() }

// Response is what a request returned: its status, its Location header, all its headers
// and its body (nil when the caller did not ask for it).
type Response struct {
	Status   int
	Location string
	Header   http.Header
	Body     []byte
}

// request is one call to make.
type request struct {
	route  string // the name it is recorded under, "GET /tasks/{id}"
	method string
	path   string // with its query
	body   io.Reader
	ctype  string
	bearer bool  // send the API token
	form   bool  // a form posted by a browser: send Origin and Sec-Fetch-Site
	want   []int // statuses that count as success
	keep   bool  // keep the body
}

// do sends req, reads the whole body, records the outcome and returns it. A status not in
// req.want is an error (and a failure in the recorder), as is a transport error; a
// cancelled ctx is returned as it is and not recorded, since the run is ending.
func (c *Client) do(ctx context.Context, req request) (Response, error) {
	hr, err := http.NewRequestWithContext(ctx, req.method, c.base.String()+req.path, req.body)
	if err != nil {
		return Response{}, err
	}
	for k, v := range c.header {
		hr.Header[k] = v
	}
	if req.ctype != "" {
		hr.Header.Set("Content-Type", req.ctype)
	}
	if req.bearer {
		hr.Header.Set("Authorization", "Bearer "+c.token)
		hr.Header.Set("Accept", "application/json")
	}
	if req.form {
		hr.Header.Set("Origin", c.base.Scheme+"://"+c.base.Host)
		hr.Header.Set("Sec-Fetch-Site", "same-origin")
	}
	start := time.Now()
	resp, err := c.http.Do(hr)
	if err != nil {
		if ctx.Err() != nil {
			return Response{}, ctx.Err()
		}
		c.rec.Record(req.route, time.Since(start), transportFailure(err))
		return Response{}, err
	}
	out := Response{Status: resp.StatusCode, Location: resp.Header.Get("Location"), Header: resp.Header}
	if req.keep {
		out.Body, err = io.ReadAll(resp.Body)
	} else {
		_, err = io.Copy(io.Discard, resp.Body)
	}
	resp.Body.Close()
	elapsed := time.Since(start)
	if err != nil {
		if ctx.Err() != nil {
			return out, ctx.Err()
		}
		c.rec.Record(req.route, elapsed, transportFailure(err))
		return out, err
	}
	if !slices.Contains(req.want, resp.StatusCode) {
		failure := fmt.Sprintf("%s %s: status %d", req.method, req.path, resp.StatusCode)
		if req.keep {
			failure += ": " + excerpt(out.Body)
		}
		c.rec.Record(req.route, elapsed, failure)
		return out, &StatusError{Status: resp.StatusCode, Body: out.Body}
	}
	c.rec.Record(req.route, elapsed, "")
	return out, nil
}

// StatusError is a response with a status the caller did not expect.
type StatusError struct {
	Status int
	Body   []byte
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("loadtest: status %d: %s", e.Status, excerpt(e.Body))
}

// transportFailure describes a request that got no answer.
func transportFailure(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return "no answer: " + err.Error()
}

// excerpt returns the start of a body, on one line, for messages.
func excerpt(b []byte) string {
	s := strings.Join(strings.Fields(string(b)), " ")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

// Page gets a page with the session cookie and expects 200; the body is discarded.
func (c *Client) Page(ctx context.Context, route, path string) error {
	_, err := c.do(ctx, request{route: route, method: http.MethodGet, path: path, want: []int{http.StatusOK}})
	return err
}

// Get gets a page with the session cookie, expects a status in want and returns the
// whole response.
func (c *Client) Get(ctx context.Context, route, path string, want ...int) (Response, error) {
	return c.do(ctx, request{route: route, method: http.MethodGet, path: path, want: want, keep: true})
}

// PostForm posts a form as a browser does (same-origin headers, session cookie) and
// expects a status in want; it returns the response with its Location.
func (c *Client) PostForm(ctx context.Context, route, path string, form url.Values, want ...int) (Response, error) {
	return c.do(ctx, request{route: route, method: http.MethodPost, path: path,
		body: strings.NewReader(form.Encode()), ctype: "application/x-www-form-urlencoded",
		form: true, want: want, keep: true})
}

// API calls the JSON API with the token: body, when not nil, is sent as JSON, and the
// answer, when out is not nil, decoded into out. A status outside want is a
// [StatusError].
func (c *Client) API(ctx context.Context, route, method, path string, body, out any, want ...int) (int, error) {
	req := request{route: route, method: method, path: path, bearer: true, want: want, keep: true}
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return 0, err
		}
		req.body, req.ctype = bytes.NewReader(b), "application/json"
	}
	resp, err := c.do(ctx, req)
	if err != nil {
		return resp.Status, err
	}
	if out != nil && len(resp.Body) > 0 {
		if err := json.Unmarshal(resp.Body, out); err != nil {
			return resp.Status, fmt.Errorf("loadtest: %s %s: answer is not the JSON expected: %w", method, path, err)
		}
	}
	return resp.Status, nil
}

// SignIn signs in through the form as a browser does: it loads the sign-in page, posts the
// login and password, and expects to be sent on (303) with a session cookie. Both
// requests are recorded ("GET /login", "POST /login").
func (c *Client) SignIn(ctx context.Context, login, password string) error {
	if err := c.Page(ctx, "GET /login", "/login"); err != nil {
		return err
	}
	resp, err := c.PostForm(ctx, "POST /login", "/login",
		url.Values{"login": {login}, "password": {password}, "next": {"/"}}, http.StatusSeeOther)
	if err != nil {
		return fmt.Errorf("loadtest: sign in %s: %w", login, err)
	}
	if resp.Location != "/" {
		return fmt.Errorf("loadtest: sign in %s: sent to %q instead of the home page", login, resp.Location)
	}
	return nil
}
