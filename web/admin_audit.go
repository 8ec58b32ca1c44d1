package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"congtac"
)

// auditPageSize is how many events the audit page lists at a time.
const auditPageSize = 50

// auditQuery is the audit filter as typed in the query string: user, org, entity,
// entity_id, from and to (day/month/year, both days included) and page.
type auditQuery struct {
	User, Org, Entity, EntityID, From, To string
	Page                                  int
}

// values returns the filter as a query string, without the page.
func (q auditQuery) values() url.Values {
	v := url.Values{}
	for name, value := range map[string]string{"user": q.User, "org": q.Org, "entity": q.Entity,
		"entity_id": q.EntityID, "from": q.From, "to": q.To} {
		if value != "" {
			v.Set(name, value)
		}
	}
	return v
}

// parseAuditQuery reads the filter of the request. Days are whole days in
// Asia/Ho_Chi_Minh. Fields that cannot be read are problems.
func (s *Server) parseAuditQuery(r *http.Request) (auditQuery, congtac.AuditFilter, congtac.Problems) {
	v := r.URL.Query()
	q := auditQuery{User: v.Get("user"), Org: v.Get("org"), Entity: strings.TrimSpace(v.Get("entity")),
		EntityID: strings.TrimSpace(v.Get("entity_id")), From: v.Get("from"), To: v.Get("to")}
	q.Page, _ = strconv.Atoi(v.Get("page"))
	q.Page = max(q.Page, 1)
	var p congtac.Problems
	f := congtac.AuditFilter{Entity: q.Entity}
	if id := parseFormID(&p, "user", q.User); id != 0 {
		f.UserID = &id
	}
	if id := parseFormID(&p, "org", q.Org); id != 0 {
		f.OrgID = &id
	}
	if id := parseFormID(&p, "entity_id", q.EntityID); id != 0 {
		f.EntityID = &id
	}
	if from := parseFormDate(&p, "from", q.From, false); !from.IsZero() {
		t := from.In(s.loc, 0, 0)
		f.From = &t
	}
	if to := parseFormDate(&p, "to", q.To, false); !to.IsZero() {
		t := to.AddDays(1).In(s.loc, 0, 0)
		f.To = &t
	}
	if f.From != nil && f.To != nil && !f.From.Before(*f.To) {
		p.Add("to", "Ngày kết thúc phải từ ngày bắt đầu trở đi.")
	}
	return q, f, p
}

// auditListPage is the data of admin_audit.html: the filter, one page of events, links to
// the other pages and to the CSV export of the same filter.
type auditListPage struct {
	layout
	Query                   auditQuery
	Users, Orgs, Entities   []option
	Errors                  map[string]string
	Rows                    []auditRow
	Total, Page, Pages      int
	PrevHref, NextHref, CSV string
	CSVCap                  string // the export's row limit, written "100.000"
}

func (auditListPage) template() string { return "admin_audit" }

// FilterFields returns the fields of the filter form, as asked, with their messages.
func (p auditListPage) FilterFields() []field {
	e, q := p.Errors, p.Query
	return []field{
		newField(e, field{Kind: fieldSelect, ID: "loc_user", Name: "user", Label: "Người thực hiện", Options: p.Users}),
		newField(e, field{Kind: fieldSelect, ID: "loc_org", Name: "org", Label: "Đơn vị", Options: p.Orgs}),
		newField(e, field{Kind: fieldSelect, ID: "loc_entity", Name: "entity", Label: "Loại bản ghi", Options: p.Entities}),
		newField(e, field{ID: "loc_entity_id", Name: "entity_id", Label: "Mã bản ghi", InputMode: "numeric", Size: 8,
			Value: q.EntityID}),
		newField(e, field{ID: "loc_from", Name: "from", Label: "Từ ngày", InputMode: "numeric", Size: 10,
			Placeholder: "01/11/2026", Value: q.From}),
		newField(e, field{ID: "loc_to", Name: "to", Label: "Đến ngày", InputMode: "numeric", Size: 10,
			Placeholder: "30/11/2026", Value: q.To}),
	}
}

// auditRow is one event as the page shows it.
type auditRow struct {
	When, Who, Login, Address, Action, ActionKey, Record, Org, Before, After string
}

// handleAuditList lists audit events newest first, filtered by user, org, kind of record
// and record number, and period, within the actor's ViewAudit reach (the store limits it),
// a page of [auditPageSize] at a time. A filter that cannot be read is 422 with the
// message next to it. The log is read-only: no route changes it.
func (s *Server) handleAuditList(w http.ResponseWriter, r *http.Request) {
	ctx, a := r.Context(), actorOf(r)
	q, f, p := s.parseAuditQuery(r)
	page := auditListPage{layout: s.layout(r, "Nhật ký thao tác"), Query: q, Page: q.Page,
		CSVCap: thousands(auditCSVCap)}
	tree, users, err := s.auditChoices(r, &page)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := p.Err(); err != nil {
		page.Errors = congtac.FieldErrors(err)
		s.render(w, r, http.StatusUnprocessableEntity, page)
		return
	}
	f.Limit, f.Offset = auditPageSize, (q.Page-1)*auditPageSize
	events, total, err := s.st.FindAuditEvents(ctx, a, f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	page.Total, page.Pages = total, (total+auditPageSize-1)/auditPageSize
	for _, e := range events {
		who, login := auditWho(e, users)
		page.Rows = append(page.Rows, auditRow{When: e.At.In(s.loc).Format("02/01/2006 15:04:05"), Who: who,
			Login: login, Address: e.Address, Action: auditActionLabel(e.Action), ActionKey: e.Action,
			Record: auditRecord(e), Org: tree.name(e.OrgID), Before: prettyJSON(e.Before), After: prettyJSON(e.After)})
	}
	v := q.values()
	page.CSV = "/admin/audit.csv?" + v.Encode()
	if q.Page > 1 {
		v.Set("page", strconv.Itoa(q.Page-1))
		page.PrevHref = "/admin/audit?" + v.Encode()
	}
	if q.Page < page.Pages {
		v.Set("page", strconv.Itoa(q.Page+1))
		page.NextHref = "/admin/audit?" + v.Encode()
	}
	s.render(w, r, http.StatusOK, page)
}

// auditChoices fills the options of the filter's selects — the accounts and orgs within
// the actor's ViewAudit reach (ended orgs included: the log is history), the kinds of
// record — and returns the tree and the accounts by ID, to name who acted.
func (s *Server) auditChoices(r *http.Request, page *auditListPage) (orgTree, map[int64]congtac.User, error) {
	a := actorOf(r)
	tree, err := s.loadOrgTree(r.Context())
	if err != nil {
		return tree, nil, err
	}
	users, err := s.st.FindUsers(r.Context())
	if err != nil {
		return tree, nil, fmt.Errorf("web: audit: %w", err)
	}
	byID := map[int64]congtac.User{}
	page.Users = []option{{Value: "", Label: "(Mọi người)"}}
	for _, u := range users {
		byID[u.ID] = u
		if tree.reaches(a, congtac.ViewAudit, u.OrgID) {
			v := strconv.FormatInt(u.ID, 10)
			page.Users = append(page.Users, option{Value: v, Label: u.DisplayName + " (" + u.Login + ")",
				Selected: v == page.Query.User})
		}
	}
	page.Orgs = []option{{Value: "", Label: "(Mọi đơn vị)"}}
	for _, o := range tree.order {
		if tree.reaches(a, congtac.ViewAudit, o.ID) {
			v, label := strconv.FormatInt(o.ID, 10), strings.Repeat("— ", tree.depth[o.ID])+o.Name
			if !o.ValidTo.IsZero() {
				label += " (đã kết thúc)"
			}
			page.Orgs = append(page.Orgs, option{Value: v, Label: label, Selected: v == page.Query.Org})
		}
	}
	page.Entities = []option{{Value: "", Label: "(Mọi loại)"}}
	for _, e := range auditEntities {
		page.Entities = append(page.Entities, option{Value: e.key, Label: e.label, Selected: e.key == page.Query.Entity})
	}
	return tree, byID, nil
}

// thousands writes n with a dot between groups of three digits, as Vietnamese does:
// "100.000".
func thousands(n int) string {
	digits := strconv.Itoa(n)
	var b strings.Builder
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(d)
	}
	return b.String()
}
