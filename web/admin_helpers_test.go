package web

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"congtac"
	"congtac/store"
)

// orgByShort returns the demo org with that short name (the first, for the communes' "UBND").
func orgByShort(t *testing.T, st *store.Store, short string) congtac.Org {
	t.Helper()
	orgs, err := st.FindOrgs(ctxb, congtac.OrgFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range orgs {
		if o.ShortName == short {
			return o
		}
	}
	t.Fatalf("no demo org %q", short)
	return congtac.Org{}
}

// userByLogin returns the demo account with that login.
func userByLogin(t *testing.T, st *store.Store, login string) congtac.User {
	t.Helper()
	u, err := st.FindUserByLogin(ctxb, login)
	if err != nil {
		t.Fatalf("user %s: %v", login, err)
	}
	return u
}

// sessionHandleOf returns the session handle of a client's session, as the account page names it.
func sessionHandleOf(c *client) string { return store.SessionID(c.token) }

// idText writes an ID for a form.
func idText(id int64) string { return fmt.Sprint(id) }

// mustRedirect fails unless r is a 303 to want.
func mustRedirect(t *testing.T, what string, r response, want string) {
	t.Helper()
	if r.status != http.StatusSeeOther || r.location != want {
		t.Fatalf("%s = %d to %q, want 303 to %q; body:\n%s", what, r.status, r.location, want, mainExcerpt(r.body))
	}
}

// mustStatus fails unless r has status want.
func mustStatus(t *testing.T, what string, r response, want int) {
	t.Helper()
	if r.status != want {
		t.Fatalf("%s = %d (to %q), want %d; body:\n%s", what, r.status, r.location, want, mainExcerpt(r.body))
	}
}

// mainExcerpt returns the main part of a page, for failure messages.
func mainExcerpt(body string) string {
	if i := strings.Index(body, "<main"); i >= 0 {
		body = body[i:]
	}
	if len(body) > 3000 {
		body = body[:3000] + "…"
	}
	return body
}

// isSignedOut reports whether the client's session no longer signs it in.
func isSignedOut(c *client) bool {
	r := c.get("/account")
	return r.status == http.StatusSeeOther && strings.HasPrefix(r.location, "/login")
}

// versionField returns the value of the first hidden version field in a page.
func versionField(t *testing.T, body string) string {
	t.Helper()
	m := regexp.MustCompile(`name="version" value="(\d+)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no version field in:\n%s", mainExcerpt(body))
	}
	return m[1]
}

// vals builds url.Values from pairs.
func vals(pairs ...string) url.Values {
	v := url.Values{}
	for i := 0; i+1 < len(pairs); i += 2 {
		v.Add(pairs[i], pairs[i+1])
	}
	return v
}
