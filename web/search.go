package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"congtac"
	"congtac/vn"
)

// searchShown is how many results of each kind the search page lists when it lists every
// kind, and searchPageSize how many a page of one kind lists.
const (
	searchShown    = 5
	searchPageSize = 20
)

// searchSnippet is about how many characters of a result's longer text are shown.
const searchSnippet = 180

// searchUntitled is about how many characters of its text name a result without a title.
const searchUntitled = 80

// searchHit is one result as the page and the API show it.
type searchHit struct {
	Kind    congtac.SearchKind
	ID      int64
	URL     string
	Title   []vn.Segment // the matched words marked
	Snippet []vn.Segment
	Where   string // where it belongs: program and period, meeting day, org
}

// searchGroup is the results of one kind.
type searchGroup struct {
	Kind  congtac.SearchKind
	Title string
	Count int
	More  bool // more than Count match
	Hits  []searchHit
	All   string // the search narrowed to this kind
}

// CountText returns the count as the page shows it: "12", or "hơn 1.000".
func (g searchGroup) CountText() string {
	if g.More {
		return "hơn " + thousands(g.Count)
	}
	return thousands(g.Count)
}

// searchFilterOf reads a search's query parameters: q, kind, org, period and status. The
// problems name each parameter that cannot be read.
func searchFilterOf(v url.Values, orgs orgIndex) (congtac.SearchFilter, congtac.Problems) {
	var p congtac.Problems
	f := congtac.SearchFilter{Query: strings.TrimSpace(v.Get("q"))}
	if k := congtac.SearchKind(v.Get("kind")); k != "" {
		if !k.Valid() {
			p.Add("kind", "Loại kết quả %q không có.", string(k))
		}
		f.Kind = k
	}
	if o := v.Get("org"); o != "" {
		id, err := strconv.ParseInt(o, 10, 64)
		if _, ok := orgs.Org(id); err != nil || !ok {
			p.Add("org", "Cơ quan, đơn vị %q không có.", o)
		}
		f.OrgID = &id
	}
	if per := v.Get("period"); per != "" {
		period, err := congtac.ParsePeriodKey(per)
		if err != nil {
			p.Add("period", "Kỳ %q không đúng dạng (ví dụ 2026, 2026-Q4, 2026-11).", per)
		}
		f.Period = &period
	}
	if st := v.Get("status"); st != "" {
		if !slices.Contains(f.Kind.Statuses(), st) {
			p.Add("status", "Trạng thái %q không dùng được cho loại kết quả đã chọn.", st)
		}
		f.Status = st
	}
	return f, p
}

// search runs f for a, within its reach in each kind, and returns the groups with their
// results linked and placed.
func (s *Server) search(ctx context.Context, a congtac.Actor, f congtac.SearchFilter, orgs orgIndex) ([]searchGroup, error) {
	f.Reaches, f.AsOf = congtac.SearchReaches(a), s.today()
	found, err := s.st.Search(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("web: search: %w", err)
	}
	programs, err := s.hitPrograms(ctx, found)
	if err != nil {
		return nil, err
	}
	q := vn.ParseQuery(f.Query)
	out := make([]searchGroup, 0, len(found))
	for _, g := range found {
		sg := searchGroup{Kind: g.Kind, Title: g.Kind.Label(), Count: g.Count, More: g.More}
		for _, h := range g.Hits {
			hit := searchHit{Kind: h.Kind, ID: h.ID, URL: hitURL(h), Title: hitTitle(q, h),
				Where: hitWhere(h, orgs, programs)}
			if h.Text != "" {
				hit.Snippet = q.Snippet(h.Text, searchSnippet)
			}
			sg.Hits = append(sg.Hits, hit)
		}
		out = append(out, sg)
	}
	return out, nil
}

// hitTitle returns the words that name a hit, its link's text: its title, or for a record
// without one (an item written as a paragraph) the start of its text, or its kind.
func hitTitle(q vn.Query, h congtac.SearchHit) []vn.Segment {
	switch {
	case strings.TrimSpace(h.Title) != "":
		return q.Highlight(h.Title)
	case strings.TrimSpace(h.Text) != "":
		return q.Snippet(h.Text, searchUntitled)
	}
	return []vn.Segment{{Text: h.Kind.Label()}}
}

// hitPrograms returns the programs the hits belong to, by ID, read at once.
func (s *Server) hitPrograms(ctx context.Context, groups []congtac.SearchGroup) (map[int64]congtac.Program, error) {
	var ids []int64
	for _, g := range groups {
		for _, h := range g.Hits {
			if h.ProgramID != 0 {
				ids = append(ids, h.ProgramID)
			}
		}
	}
	out := map[int64]congtac.Program{}
	if len(ids) == 0 {
		return out, nil
	}
	slices.Sort(ids)
	ps, _, err := s.st.FindPrograms(ctx, congtac.ProgramFilter{IDs: slices.Compact(ids)})
	if err != nil {
		return nil, fmt.Errorf("web: search: %w", err)
	}
	for _, p := range ps {
		out[p.ID] = p
	}
	return out, nil
}

// hitURL returns the page a hit opens.
func hitURL(h congtac.SearchHit) string {
	switch h.Kind {
	case congtac.SearchTask:
		return fmt.Sprintf("/tasks/%d", h.ID)
	case congtac.SearchProgram, congtac.SearchItem:
		return fmt.Sprintf("/programs/%d", h.ProgramID)
	case congtac.SearchReport:
		return fmt.Sprintf("/reports/%d", h.ID)
	case congtac.SearchMeeting, congtac.SearchAgenda:
		return fmt.Sprintf("/meetings/%d", h.MeetingID)
	case congtac.SearchCalendar:
		week := congtac.PeriodOf(congtac.PeriodWeek, h.Day)
		return fmt.Sprintf("/calendar?week=%s&org=%d", week.Key(), h.OrgID)
	case congtac.SearchDocument:
		switch {
		case h.ProgramID != 0:
			return fmt.Sprintf("/programs/%d", h.ProgramID)
		case h.MeetingID != 0:
			return fmt.Sprintf("/meetings/%d", h.MeetingID)
		}
		return "/documents?q=" + url.QueryEscape(strings.Fields(h.Title)[0])
	case congtac.SearchOrg:
		return fmt.Sprintf("/catalog#org-%d", h.ID)
	case congtac.SearchPerson:
		return fmt.Sprintf("/catalog#person-%d", h.ID)
	}
	return ""
}

// hitWhere says where a hit belongs: its program's number and period, its meeting's day,
// its org.
func hitWhere(h congtac.SearchHit, orgs orgIndex, programs map[int64]congtac.Program) string {
	org := orgs.Name(h.OrgID)
	program := programWhere(programs[h.ProgramID])
	var parts []string
	switch h.Kind {
	case congtac.SearchTask:
		parts = []string{program, "Chủ trì: " + org}
	case congtac.SearchProgram:
		p := programs[h.ProgramID]
		parts = []string{org, p.Period.String(), p.Status.Label()}
	case congtac.SearchItem:
		parts = []string{program}
	case congtac.SearchReport:
		parts = []string{"Báo cáo của " + org, congtac.ReportStatus(h.Status).Label(), program}
	case congtac.SearchMeeting:
		parts = []string{dayText(h.Day), org, congtac.MeetingStatus(h.Status).Label()}
	case congtac.SearchAgenda:
		parts = []string{"Hội nghị " + dayText(h.Day), "Chuẩn bị: " + org}
	case congtac.SearchCalendar:
		parts = []string{"Lịch " + dayText(h.Day), org}
		if h.Status == "cancelled" {
			parts = append(parts, "Đã hủy")
		}
	case congtac.SearchDocument:
		parts = []string{"Ban hành ngày " + vn.ShortDate(h.Day), org}
	case congtac.SearchOrg:
		o, _ := orgs.Org(h.ID)
		parts = []string{o.Kind.Label(), orgs.Name(o.ParentID)}
	case congtac.SearchPerson:
		parts = []string{org}
	}
	parts = slices.DeleteFunc(parts, func(s string) bool { return strings.TrimSpace(s) == "" || strings.HasSuffix(s, ": ") })
	return strings.Join(parts, " · ")
}

// programWhere names a program by its number and period: "Chương trình 21/CTr-UBND, tháng
// 11 năm 2026", or "Dự thảo chương trình …" before it has a number; "" for none.
func programWhere(p congtac.Program) string {
	switch {
	case p.ID == 0:
		return ""
	case p.Number == 0:
		return "Dự thảo chương trình " + p.Period.String()
	}
	return "Chương trình " + congtac.FormatNumber(p.Number, p.Symbol) + ", " + p.Period.String()
}

// searchPage is the data of search.html.
type searchPage struct {
	layout
	Q, Kind, Org, Period, Status string
	Words                        bool // the query has words to search for
	Problems                     []string
	Kinds, Orgs                  []option
	Statuses                     []optionGroup
	Total                        string
	Groups                       []searchGroup
	Prev, Next                   string // the pages of one kind
	PageNo                       int
}

func (searchPage) template() string { return "search" }

// handleSearchShow searches every kind of record the actor may see (issue 15), diacritics
// and case ignored, with the query language of [vn.ParseQuery]: grouped by kind with
// counts, each result marked where it matched and placed, narrowed by kind, org, period
// and status; a page of one kind at a time when kind is set.
func (s *Server) handleSearchShow(w http.ResponseWriter, r *http.Request) {
	ctx, a := r.Context(), actorOf(r)
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := r.URL.Query()
	f, problems := searchFilterOf(v, orgs)
	page := searchPage{layout: s.layout(r, "Tìm kiếm"), Q: f.Query, Kind: string(f.Kind), Org: v.Get("org"),
		Period: v.Get("period"), Status: f.Status, Words: !vn.ParseQuery(f.Query).Empty(), PageNo: 1}
	page.Kinds, page.Orgs, page.Statuses = searchOptions(a, orgs, f)
	for _, p := range problems {
		page.Problems = append(page.Problems, p.Message)
	}
	if !page.Words || len(problems) > 0 {
		s.render(w, r, http.StatusOK, page)
		return
	}
	f.Limit = searchShown
	if f.Kind != "" {
		if n, err := strconv.Atoi(v.Get("page")); err == nil && n > 1 {
			page.PageNo = n
		}
		f.Limit, f.Offset = searchPageSize, (page.PageNo-1)*searchPageSize
	}
	if page.Groups, err = s.search(ctx, a, f, orgs); err != nil {
		s.fail(w, r, err)
		return
	}
	total, more := 0, false
	for i, g := range page.Groups {
		total, more = total+g.Count, more || g.More
		page.Groups[i].All = searchURL(v, map[string]string{"kind": string(g.Kind), "page": "", "status": ""})
	}
	page.Total = thousands(total)
	if more {
		page.Total = "hơn " + page.Total
	}
	if f.Kind != "" && len(page.Groups) == 1 {
		if page.PageNo > 1 {
			page.Prev = searchURL(v, map[string]string{"page": strconv.Itoa(page.PageNo - 1)})
		}
		if page.PageNo*searchPageSize < page.Groups[0].Count {
			page.Next = searchURL(v, map[string]string{"page": strconv.Itoa(page.PageNo + 1)})
		}
	}
	s.render(w, r, http.StatusOK, page)
}

// searchURL returns /search with v's parameters, those of set replaced (or removed when
// empty).
func searchURL(v url.Values, set map[string]string) string {
	out := url.Values{}
	for k, vs := range v {
		out[k] = slices.Clone(vs)
	}
	for k, val := range set {
		if val == "" {
			out.Del(k)
		} else {
			out.Set(k, val)
		}
	}
	return "/search?" + out.Encode()
}

// searchOptions returns the choices of the search form: the kinds a may see, the orgs
// within its catalog reach in the order of the tree, and the statuses of each kind that
// has them.
func searchOptions(a congtac.Actor, orgs orgIndex, f congtac.SearchFilter) (kinds, orgOpts []option, statuses []optionGroup) {
	reaches := congtac.SearchReaches(a)
	for _, k := range congtac.SearchKinds {
		if _, ok := reaches[k]; ok {
			kinds = append(kinds, option{Value: string(k), Label: k.Label(), Selected: k == f.Kind})
		}
	}
	chosen := ""
	if f.OrgID != nil {
		chosen = strconv.FormatInt(*f.OrgID, 10)
	}
	orgOpts = orgOptions(orgs.Within(a, congtac.ViewCatalog, congtac.Date{}), chosen)
	for _, k := range congtac.SearchKinds {
		if _, ok := reaches[k]; !ok || len(k.Statuses()) == 0 {
			continue
		}
		g := optionGroup{Label: k.Label()}
		for _, st := range k.Statuses() {
			g.Options = append(g.Options, option{Value: st, Label: statusLabel(k, st), Selected: k == f.Kind && st == f.Status})
		}
		statuses = append(statuses, g)
	}
	return kinds, orgOpts, statuses
}

// statusLabel returns the Vietnamese label of a status of kind k.
func statusLabel(k congtac.SearchKind, st string) string {
	switch k {
	case congtac.SearchTask:
		return congtac.Status(st).Label()
	case congtac.SearchProgram:
		return congtac.ProgramStatus(st).Label()
	case congtac.SearchReport:
		return congtac.ReportStatus(st).Label()
	case congtac.SearchMeeting:
		return congtac.MeetingStatus(st).Label()
	}
	return st
}
