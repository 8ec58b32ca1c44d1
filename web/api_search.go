package web

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"congtac"
	"congtac/vn"
)

// apiSearchLimit is how many results of each kind GET /api/v1/search answers unless limit
// says otherwise (at most apiMaxLimit).
const apiSearchLimit = 10

// apiSearch is the body of GET /api/v1/search: the count of each kind searched, and the
// results, kind after kind in the order of the groups, each kind's best first.
type apiSearch struct {
	Query   string           `json:"query"`
	Groups  []apiSearchGroup `json:"groups"`
	Results []apiSearchHit   `json:"results"`
}

// apiSearchGroup is how many records of one kind match.
type apiSearchGroup struct {
	Kind  string `json:"kind"`
	Label string `json:"label"`
	Count int    `json:"count"`
	More  bool   `json:"more"`
}

// apiSearchHit is one record found.
type apiSearchHit struct {
	Kind    string `json:"kind"`
	ID      int64  `json:"id"`
	Title   string `json:"title"`
	Snippet string `json:"snippet"`
	URL     string `json:"url"`
	Where   string `json:"where"`
}

// searchKindCodes are the values of the kind parameter.
func searchKindCodes() []string {
	out := make([]string, len(congtac.SearchKinds))
	for i, k := range congtac.SearchKinds {
		out[i] = string(k)
	}
	return out
}

// searchStatusCodes are the values of the status parameter: every kind's, once.
func searchStatusCodes() []string {
	var out []string
	for _, k := range congtac.SearchKinds {
		out = append(out, k.Statuses()...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// searchSchemas returns the schemas of the search DTOs above, for the OpenAPI document;
// TestSchemasMatchDTOs holds them to the types.
func searchSchemas() map[string]*oaSchema {
	return map[string]*oaSchema{
		"SearchResults": schObject("Kết quả tìm kiếm: số kết quả của từng loại (trong phạm vi xem của tài khoản) và các kết quả, loại này sau loại kia, tốt nhất trước.", oaProps{
			"query": schString("Từ đã tìm."),
			"groups": schArray(schObject("Số kết quả của một loại bản ghi.", oaProps{
				"kind":  schEnum("Loại bản ghi.", searchKindCodes()...),
				"label": schString("Tên loại bằng tiếng Việt."),
				"count": schInt("Số kết quả (tối đa 1000 kết quả mới nhất được xếp hạng)."),
				"more":  schBool("Còn nhiều hơn count kết quả."),
			})),
			"results": schArray(schObject("Một bản ghi tìm thấy.", oaProps{
				"kind":    schEnum("Loại bản ghi.", searchKindCodes()...),
				"id":      schInt("Mã bản ghi."),
				"title":   schString("Tên hoặc nội dung chính, đúng chính tả gốc."),
				"snippet": schString("Đoạn văn bản quanh từ tìm thấy; rỗng khi không có."),
				"url":     schString("Trang mở bản ghi."),
				"where":   schString("Nơi bản ghi thuộc về: chương trình và kỳ, ngày hội nghị, cơ quan."),
			})),
		}),
	}
}

// searchParams are the parameters of GET /api/v1/search.
func searchParams() []apiParam {
	return []apiParam{
		qRequired(qText("q", "Từ cần tìm, không phân biệt dấu: nhiều từ là có đủ các từ; \"cụm từ\" đúng thứ tự; -từ loại trừ; số hiệu (19-CT/TU) khớp nguyên vẹn.")),
		qEnum("kind", "Chỉ tìm một loại bản ghi; khi đó offset lật trang.", searchKindCodes()...),
		qID("org", "Bản ghi của cơ quan, đơn vị này."),
		qText("period", "Kỳ: 2026, 2026-H1, 2026-Q4, 2026-11, 2026-W48."),
		qEnum("status", "Trạng thái, dùng cùng kind (task, program, report, meeting).", searchStatusCodes()...),
		{name: "limit", schema: &oaSchema{Type: "integer", Minimum: ptr(1.0), Maximum: ptr(float64(apiMaxLimit)),
			Description: "Số kết quả tối đa của mỗi loại (mặc định 10, tối đa 200)."}},
		{name: "offset", schema: &oaSchema{Type: "integer", Minimum: ptr(0.0), Description: "Số kết quả bỏ qua, khi có kind."}},
	}
}

// handleAPISearch is the search of the search page ([Server.handleSearchShow]) as JSON;
// with kind=org or kind=person it is the autocomplete of the forms' pickers. A q without
// a letter or digit, an unknown kind, org, period or status is 400.
func (s *Server) handleAPISearch(w http.ResponseWriter, r *http.Request) {
	q, ok := s.apiQueryOf(w, r)
	if !ok {
		return
	}
	ctx, a := r.Context(), actorOf(r)
	orgs, err := s.loadOrgs(ctx)
	if err != nil {
		s.apiFail(w, r, err, 0)
		return
	}
	for _, name := range []string{"q", "kind", "org", "period", "status"} {
		q.raw(name)
	}
	q.text("kind")
	q.text("status")
	f, problems := searchFilterOf(q.values, orgs)
	q.problems = append(q.problems, problems...)
	if vn.ParseQuery(f.Query).Empty() {
		q.problems.Add("q", "Từ cần tìm phải có chữ hoặc số.")
	}
	f.Limit, f.Offset = q.page()
	if q.integer("limit") == nil {
		f.Limit = apiSearchLimit
	}
	if q.fail(s, w, r) {
		return
	}
	groups, err := s.search(ctx, a, f, orgs)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api search: %w", err), 0)
		return
	}
	out := apiSearch{Query: f.Query, Groups: []apiSearchGroup{}, Results: []apiSearchHit{}}
	for _, g := range groups {
		out.Groups = append(out.Groups, apiSearchGroup{Kind: string(g.Kind), Label: g.Title, Count: g.Count, More: g.More})
		for _, h := range g.Hits {
			out.Results = append(out.Results, apiSearchHit{Kind: string(h.Kind), ID: h.ID, Title: plainText(h.Title),
				Snippet: plainText(h.Snippet), URL: h.URL, Where: h.Where})
		}
	}
	writeJSON(w, http.StatusOK, out)
}

// plainText joins segments back into their text.
func plainText(segs []vn.Segment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.Text)
	}
	return b.String()
}
