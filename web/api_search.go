package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"unicode"

	"congtac"
)

// Results per group of a search: 10 unless limit says otherwise, at most apiMaxLimit.
const apiSearchLimit = 10

// apiSearch is the body of GET /api/v1/search: the first matches of each kind of record,
// each group scoped as its own list is, and the number of matches in it.
type apiSearch struct {
	Query     string                `json:"query"`
	Programs  apiGroup[apiProgram]  `json:"programs"`
	Tasks     apiGroup[apiTask]     `json:"tasks"`
	Meetings  apiGroup[apiMeeting]  `json:"meetings"`
	Documents apiGroup[apiDocument] `json:"documents"`
	Orgs      apiGroup[apiOrg]      `json:"orgs"`
	People    apiGroup[apiPerson]   `json:"people"`
}

// apiGroup is one kind of record found by a search.
type apiGroup[T any] struct {
	Items []T `json:"items"`
	Total int `json:"total"`
}

// firstOf returns the group of the first n of all.
func firstOf[T any](all []T, n int) apiGroup[T] {
	return apiGroup[T]{Items: all[:min(n, len(all))], Total: len(all)}
}

// groupOf returns the group of the matches found, converted, of total.
func groupOf[S, T any](found []S, total int, conv func(S) T) apiGroup[T] {
	g := apiGroup[T]{Items: make([]T, 0, len(found)), Total: total}
	for _, v := range found {
		g.Items = append(g.Items, conv(v))
	}
	return g
}

// searchSchemas returns the schemas of the search DTOs above, for the OpenAPI document;
// TestSchemasMatchDTOs holds them to the types.
func searchSchemas() map[string]*oaSchema {
	group := func(item string) *oaSchema {
		return schObject("Kết quả tìm thấy của một loại bản ghi.", oaProps{
			"items": schArray(schRef(item)), "total": schInt("Số kết quả tìm thấy."),
		})
	}
	return map[string]*oaSchema{
		"SearchResults": schObject("Kết quả tìm kiếm theo nhóm, mỗi nhóm trong phạm vi xem của tài khoản.", oaProps{
			"query": schString("Từ đã tìm."), "programs": group("Program"), "tasks": group("Task"),
			"meetings": group("Meeting"), "documents": group("Document"), "orgs": group("Org"),
			"people": group("Person"),
		}),
	}
}

// handleAPISearch finds q, diacritics and case ignored, in programs, tasks, meetings,
// documents, orgs and people. Each group holds what its own list would show the actor (a
// group whose capability the role lacks stays empty), its first limit matches and their
// total. A q without a letter or digit is 400.
func (s *Server) handleAPISearch(w http.ResponseWriter, r *http.Request) {
	q, ok := s.apiQueryOf(w, r)
	if !ok {
		return
	}
	text, limit := q.text("q"), apiSearchLimit
	if strings.IndexFunc(text, func(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }) < 0 {
		q.problems.Add("q", "Từ cần tìm phải có chữ hoặc số.")
	}
	if n := q.integer("limit"); n != nil {
		limit = int(min(max(*n, 1), apiMaxLimit))
	}
	if q.fail(s, w, r) {
		return
	}
	out, err := s.apiSearchAll(r.Context(), actorOf(r), text, limit)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: api search: %w", err), 0)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// apiSearchAll runs the search of each group a may see.
func (s *Server) apiSearchAll(ctx context.Context, a congtac.Actor, text string, limit int) (apiSearch, error) {
	out := apiSearch{Query: text, Programs: apiGroup[apiProgram]{Items: []apiProgram{}},
		Tasks: apiGroup[apiTask]{Items: []apiTask{}}, Meetings: apiGroup[apiMeeting]{Items: []apiMeeting{}},
		Documents: apiGroup[apiDocument]{Items: []apiDocument{}}, Orgs: apiGroup[apiOrg]{Items: []apiOrg{}},
		People: apiGroup[apiPerson]{Items: []apiPerson{}}}
	today := s.today()
	if a.Can(congtac.ViewPrograms) {
		ps, n, err := s.st.FindPrograms(ctx, visiblePrograms(a, congtac.ProgramFilter{Query: text, Limit: limit}))
		if err != nil {
			return out, err
		}
		out.Programs = groupOf(ps, n, newAPIProgram)
	}
	if a.Can(congtac.ViewTasks) {
		ts, n, err := s.st.FindTasks(ctx, congtac.TaskFilter{Query: text, Limit: limit, Reach: a.Reach(congtac.ViewTasks)})
		if err != nil {
			return out, err
		}
		out.Tasks = groupOf(ts, n, func(t congtac.Task) apiTask { return newAPITask(t, today) })
	}
	if a.Can(congtac.ViewMeetings) {
		ms, n, err := s.st.SearchMeetings(ctx, congtac.MeetingFilter{Query: text, Limit: limit, Reach: a.Reach(congtac.ViewMeetings)})
		if err != nil {
			return out, err
		}
		out.Meetings = groupOf(ms, n, newAPIMeeting)
	}
	if a.Can(congtac.ViewPrograms) {
		ds, n, err := s.st.FindDocuments(ctx, congtac.DocumentFilter{Query: text, Limit: limit, Reach: a.Reach(congtac.ViewPrograms)})
		if err != nil {
			return out, err
		}
		out.Documents = groupOf(ds, n, newAPIDocument)
	}
	if a.Can(congtac.ViewCatalog) {
		orgs, err := s.apiOrgsWithin(ctx, a, congtac.OrgFilter{Query: text})
		if err != nil {
			return out, err
		}
		people, err := s.apiPeopleWithin(ctx, a, congtac.PersonFilter{Query: text})
		if err != nil {
			return out, err
		}
		out.Orgs, out.People = firstOf(orgs, limit), firstOf(people, limit)
	}
	return out, nil
}
