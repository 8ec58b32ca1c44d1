package web

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"congtac"
	"congtac/store"
)

// Helpers of the work areas' tests: demo records by name, HTML queries.

// demoServer returns a running server on the shared demo store of engine e, for tests that
// only read.
func demoServer(t *testing.T, e store.Engine) (*Server, *store.Store, string) {
	t.Helper()
	st := sharedDemo(t, e)
	s, _ := newTestServer(t, st)
	return s, st, startServer(t, s).URL
}

// html parses a page, failing the test when it is not HTML.
func html(t *testing.T, body string) *goquery.Document {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(body))
	if err != nil {
		t.Fatalf("parse page: %v", err)
	}
	return doc
}

// texts returns the trimmed text of each element sel selects.
func texts(doc *goquery.Document, sel string) []string {
	var out []string
	doc.Find(sel).Each(func(_ int, e *goquery.Selection) {
		out = append(out, strings.Join(strings.Fields(e.Text()), " "))
	})
	return out
}

// demoOrg returns the demo org named name.
func demoOrg(t testing.TB, st *store.Store, name string) congtac.Org {
	t.Helper()
	orgs, err := st.FindOrgs(ctxb, congtac.OrgFilter{Query: name})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range orgs {
		if o.Name == name {
			return o
		}
	}
	t.Fatalf("no demo org %q", name)
	return congtac.Org{}
}

// demoProgram returns the demo province's program of a month of 2026 (or 2025 for December 2025).
func demoProgram(t *testing.T, st *store.Store, year, month int) congtac.Program {
	t.Helper()
	per := congtac.Period{Kind: congtac.PeriodMonth, Year: year, Number: month}
	province := demoOrg(t, st, "Ủy ban nhân dân tỉnh Sơn Hà").ID
	ps, _, err := st.FindPrograms(ctxb, congtac.ProgramFilter{OrgID: &province, Period: &per})
	if err != nil || len(ps) != 1 {
		t.Fatalf("program of %s: %d found, %v", per.Key(), len(ps), err)
	}
	p, err := st.FindProgramByID(ctxb, ps[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// demoTitle returns the title the demo gives the program of month: the program of a
// quarter's first month covers the quarter too.
func demoTitle(month congtac.Period) string {
	if month.Number%3 == 1 {
		return fmt.Sprintf("Công tác của UBND tỉnh tháng %d và Quý %s năm %d", month.Number, congtac.Roman(month.Number/3+1), month.Year)
	}
	return fmt.Sprintf("Công tác của UBND tỉnh tháng %d năm %d", month.Number, month.Year)
}

// wantStatus fails the test unless r has status want.
func wantStatus(t *testing.T, what string, r response, want int) {
	t.Helper()
	if r.status != want {
		t.Fatalf("%s: status %d, want %d; body:\n%s", what, r.status, want, shorten(r.body))
	}
}

// shorten returns the main part of a page, for failure messages.
func shorten(body string) string {
	if i := strings.Index(body, "<main"); i >= 0 {
		body = body[i:]
	}
	if len(body) > 3000 {
		body = body[:3000] + "…"
	}
	return body
}

// follow returns the page a 303 redirect leads to, failing unless r is one.
func follow(t *testing.T, c *client, r response) response {
	t.Helper()
	if r.status != http.StatusSeeOther || r.location == "" {
		t.Fatalf("status %d to %q, want a 303 redirect; body:\n%s", r.status, r.location, shorten(r.body))
	}
	return c.get(r.location)
}

// goquerySelection is a selection of elements of a parsed page.
type goquerySelection = goquery.Selection
