package web

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"congtac"
	"congtac/importer"
	"congtac/store"
	"congtac/store/storetest"
)

// operationName is the form of an operation ID: a lowerCamelCase name, which a handler
// made by a function ("func5") is not.
var operationName = regexp.MustCompile(`^[a-z][a-zA-Z]*$`)

// TestOpenAPIDocument: the document is JSON of OpenAPI 3.0.3; each API route of the table
// is in it with its method and summary and nothing else is; every $ref resolves.
func TestOpenAPIDocument(t *testing.T) {
	s, _ := newTestServer(t, storetest.Open(t, store.SQLite))
	rec := get(s, "/api/v1/openapi.json")
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
		t.Fatalf("openapi.json = %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
	var doc map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if doc["openapi"] != "3.0.3" {
		t.Errorf("openapi = %v, want 3.0.3", doc["openapi"])
	}
	paths, _ := doc["paths"].(map[string]any)
	inTable := map[string]bool{}
	for _, rt := range s.routeTable() {
		key := strings.ToLower(rt.method) + " " + rt.pattern
		op, _ := lookup(paths, rt.pattern, strings.ToLower(rt.method)).(map[string]any)
		switch {
		case !rt.api && paths[rt.pattern] != nil:
			t.Errorf("page route %s is in the API document", rt.pattern)
		case !rt.api:
		case op == nil:
			t.Errorf("API route %s is not in the document", key)
		case op["summary"] != rt.summary || rt.summary == "":
			t.Errorf("%s: summary %v, want the table's %q", key, op["summary"], rt.summary)
		case !operationName.MatchString(fmt.Sprint(op["operationId"])) || strings.HasPrefix(fmt.Sprint(op["operationId"]), "func"):
			t.Errorf("%s: operation ID %v is not a name a generated client can use", key, op["operationId"])
		default:
			inTable[key] = true
			checkPathParams(t, key, rt.pattern, op)
			checkErrorResponses(t, key, rt, op)
		}
	}
	for pattern, item := range paths {
		for method := range item.(map[string]any) {
			if !inTable[method+" "+pattern] {
				t.Errorf("the document has %s %s, which the route table lacks", method, pattern)
			}
		}
	}
	walkRefs(doc, func(ref string) {
		parts := strings.Split(strings.TrimPrefix(ref, "#/"), "/")
		if !strings.HasPrefix(ref, "#/") || lookup(doc, parts...) == nil {
			t.Errorf("$ref %q does not resolve", ref)
		}
	})
}

// checkPathParams fails unless each wildcard of the pattern is a required path parameter.
func checkPathParams(t *testing.T, key, pattern string, op map[string]any) {
	t.Helper()
	params, _ := op["parameters"].([]any)
	for _, name := range pathParams(pattern) {
		found := false
		for _, p := range params {
			p := p.(map[string]any)
			found = found || (p["name"] == name && p["in"] == "path" && p["required"] == true)
		}
		if !found {
			t.Errorf("%s: no required path parameter %q", key, name)
		}
	}
}

// checkErrorResponses fails unless a route that needs a capability may answer 401 and 403,
// and one that takes a body 415 and 422.
func checkErrorResponses(t *testing.T, key string, rt route, op map[string]any) {
	t.Helper()
	var want []string
	if rt.need != "" {
		want = append(want, "401", "403")
	}
	if op["requestBody"] != nil {
		want = append(want, "415", "422")
	}
	for _, status := range want {
		if lookup(op, "responses", status) == nil {
			t.Errorf("%s: no %s response", key, status)
		}
	}
}

// lookup follows keys through nested JSON objects, nil when one is missing.
func lookup(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

// walkRefs calls fn with the value of every "$ref" in v.
func walkRefs(v any, fn func(string)) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok && k == "$ref" {
				fn(s)
			}
			walkRefs(x, fn)
		}
	case []any:
		for _, x := range v {
			walkRefs(x, fn)
		}
	}
}

// TestAPIOpsMatchRouteTable: apiOps describes the API routes of the table and no others, and
// names only schemas that exist.
func TestAPIOpsMatchRouteTable(t *testing.T) {
	s, _ := newTestServer(t, storetest.Open(t, store.SQLite))
	schemas := apiSchemas()
	api := map[string]bool{}
	for _, rt := range s.routeTable() {
		if rt.api {
			api[rt.method+" "+rt.pattern] = true
			if _, ok := apiOps[rt.method+" "+rt.pattern]; !ok {
				t.Errorf("%s %s is not described in apiOps", rt.method, rt.pattern)
			}
		}
	}
	for key, op := range apiOps {
		if !api[key] {
			t.Errorf("apiOps describes %s, which is no API route", key)
		}
		for _, name := range []string{op.body, op.response} {
			if _, ok := schemas[name]; name != "" && !ok {
				t.Errorf("%s names schema %q, which does not exist", key, name)
			}
		}
		for _, status := range op.errors {
			if _, ok := errorResponses[status]; !ok {
				t.Errorf("%s fails with %d, which has no shared response", key, status)
			}
		}
	}
}

// dtoSchemas pairs each schema with the Go type it describes.
var dtoSchemas = map[string]any{
	"Import": apiImport{}, "ImportSaved": apiImportSaved{}, "ImportResult": importer.JSONResult{},
	"ImportField": importer.JSONField{}, "ImportMasthead": importer.JSONMasthead{}, "ImportItem": importer.JSONItem{},
	"ImportOrgRef": importer.JSONOrgRef{}, "ImportDue": importer.JSONDue{}, "ImportTarget": importer.JSONTarget{},
	"ImportTask": importer.JSONTask{}, "ImportMeeting": importer.JSONMeeting{}, "ImportMatter": importer.JSONMatter{},
	"ImportEntry": importer.JSONEntry{}, "ImportSignature": importer.JSONSignature{}, "ImportOrgName": importer.JSONOrgName{},
	"ImportRestoration": importer.JSONRestoration{}, "ImportProblem": importer.JSONProblem{},
	"Me": apiMe{}, "Capability": apiCapability{}, "Org": apiOrg{}, "Person": apiPerson{}, "Post": apiPost{},
	"Program": apiProgram{}, "ProgramDetail": apiProgramDetail{}, "Period": apiPeriod{}, "Signature": apiSignature{},
	"Item": apiItem{}, "Task": apiTask{}, "TaskDetail": apiTaskDetail{}, "Support": apiSupport{}, "Share": apiShare{}, "GroupMembers": apiGroupMembers{},
	"GroupMembersUpdate": apiMembersUpdate{}, "Due": apiDue{},
	"Target": apiTarget{}, "Deferral": apiDeferral{}, "Cancellation": apiCancellation{}, "Occurrence": apiOccurrence{},
	"Report": apiReport{}, "ReportCreate": apiReportCreate{}, "ReportUpdate": apiReportUpdate{},
	"ReportSubmit": apiReportSubmit{}, "ReportReview": apiReportReview{}, "Meeting": apiMeeting{},
	"MeetingDetail": apiMeetingDetail{}, "AgendaItem": apiAgendaItem{}, "Calendar": apiCalendar{},
	"Engagement": apiEngagement{}, "Document": apiDocument{}, "SearchResults": apiSearch{},
	"AuditEvent": apiAuditEvent{}, "Token": apiToken{}, "NewToken": apiNewToken{}, "TokenCreate": apiTokenCreate{},
	"Error": apiError{},
}

// TestSchemasMatchDTOs: each hand-written schema has exactly the JSON fields of its Go type.
func TestSchemasMatchDTOs(t *testing.T) {
	schemas := apiSchemas()
	for name, sc := range schemas {
		v, ok := dtoSchemas[name]
		if !ok {
			if name != "OpenAPIDocument" {
				t.Errorf("schema %s is paired with no Go type in dtoSchemas", name)
			}
			continue
		}
		got, want := slices.Sorted(maps.Keys(sc.Properties)), jsonFields(reflect.TypeOf(v))
		if !slices.Equal(got, want) {
			t.Errorf("schema %s has %v, type %T has %v", name, got, v, want)
		}
		for _, req := range sc.Required {
			if _, ok := sc.Properties[req]; !ok {
				t.Errorf("schema %s requires %q, which it lacks", name, req)
			}
		}
	}
}

// jsonFields returns the sorted JSON names of a struct's exported fields, embedded
// structs' fields promoted.
func jsonFields(t reflect.Type) []string {
	var out []string
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch {
		case f.Anonymous && name == "":
			out = append(out, jsonFields(f.Type)...)
		case !f.IsExported() || name == "-":
		case name == "":
			out = append(out, f.Name)
		default:
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// TestAPIResponsesMatchSchemas reads every GET route of the API as several roles and checks
// each answer against the schema the document declares for it.
func TestAPIResponsesMatchSchemas(t *testing.T) {
	eachEngine(t, func(t *testing.T, st *store.Store, s *Server, srv *httptest.Server) {
		ids := demoIDs(t, st)
		recurring, _, _ := st.FindTasks(ctxb, congtac.TaskFilter{Query: "nong thon moi", Limit: 1})
		group := demoOrg(t, st, "UBND các xã, phường, đặc khu")
		feed := decodeAs[apiNewFeed](t, bearerClient(t, st, srv, "admin").call("POST", "/api/v1/feeds", fmt.Sprintf(
			`{"kind": "committee", "subject_id": %d, "name": "Lịch UBND tỉnh"}`, demoOrg(t, st, "Ủy ban nhân dân tỉnh Sơn Hà").ID)),
			http.StatusCreated)
		_, open := proposalMonths()
		proposal := decodeAs[apiProposal](t, bearerClient(t, st, srv, "phongbaocao").call("POST", "/api/v1/proposals",
			fmt.Sprintf(`{"period": %q, "kind": "task", "text": "Rà soát thủ tục hành chính"}`, open.Key())), http.StatusCreated)
		paths := map[string][]string{
			"/api/v1/feeds/{id}":        {fmt.Sprint("/api/v1/feeds/", feed.ID)},
			"/api/v1/proposals/{id}":    {fmt.Sprint("/api/v1/proposals/", proposal.ID)},
			"/api/v1/orgs/{id}/members": {fmt.Sprint("/api/v1/orgs/", group.ID, "/members")},
			"/api/v1/tasks/{id}":        {fillPattern("/api/v1/tasks/{id}", ids), fmt.Sprint("/api/v1/tasks/", recurring[0].ID)},
			"/api/v1/search":            {"/api/v1/search?q=ngan+sach"},
			"/api/v1/audit":             {"/api/v1/audit?entity=report&limit=20"},
			"/api/v1/calendar":          {"/api/v1/calendar?week=2026-W48"},
			"/api/v1/tasks":             {"/api/v1/tasks?limit=200"},
			"/api/v1/meetings":          {"/api/v1/meetings?from=2026-11-01&to=2026-11-30"},
			"/api/v1/people":            {"/api/v1/people"},
			"/api/v1/programs":          {"/api/v1/programs?year=2026"},
			"/api/v1/documents":         {"/api/v1/documents?limit=200"},
			"/api/v1/reports":           {"/api/v1/reports?limit=200"},
			"/api/v1/openapi.json":      nil, // its schema is the OpenAPI specification's
			// The demo has no remark; the contract check reads one back where the API
			// tests make one (TestAPIDraftReviewIssue).
			"/api/v1/programs/{id}/comments/{comment}": nil,
			"/api/v1/materials/{id}":                   nil, // likewise: uploaded and read back in TestAPIMeetings
			"/api/v1/report-files/{id}":                nil, // and in TestReportAttachments
			// Files, not JSON: read in TestAPIMeetings, TestReportAttachments and
			// TestDownloadsOfProgramsAndMeetings, and in the examples.
			"/api/v1/materials/{id}/content":     nil,
			"/api/v1/report-files/{id}/content":  nil,
			"/api/v1/programs/{id}/files/{file}": nil,
			"/api/v1/meetings/{id}/files/{file}": nil,
		}
		schemas := s.openAPI().Components.Schemas
		for _, login := range []string{"admin", "phongbaocao"} {
			c := bearerClient(t, st, srv, login)
			u, _ := st.FindUserByLogin(ctxb, login)
			for _, rt := range s.routeTable() {
				if !rt.api || rt.method != "GET" || !(congtac.Actor{Role: u.Role}).Can(rt.need) && rt.need != "" {
					continue
				}
				targets, listed := paths[rt.pattern]
				switch {
				case rt.pattern == "/api/v1/tokens/{id}":
					targets = []string{fmt.Sprint("/api/v1/tokens/", c.token)} // one's own
				case !listed:
					targets = []string{fillPattern(rt.pattern, ids)}
				}
				for _, target := range targets {
					r := c.call("GET", target, "")
					if r.status == http.StatusNotFound && login != "admin" {
						continue // a record outside the reporter's reach
					}
					checkSchema(t, login+" GET "+target, r, http.StatusOK, responseSchema(rt), schemas)
				}
			}
		}
	})
}

// responseSchema returns the schema of the success body of an API route.
func responseSchema(rt route) *oaSchema {
	op := apiOps[rt.method+" "+rt.pattern]
	if op.list {
		return schRef(op.response + "List")
	}
	return schRef(op.response)
}

// checkSchema fails unless r has status want and a JSON body valid against sc.
func checkSchema(t *testing.T, what string, r response, want int, sc *oaSchema, schemas map[string]*oaSchema) {
	t.Helper()
	if r.status != want {
		t.Errorf("%s = %d, want %d: %.300s", what, r.status, want, r.body)
		return
	}
	var v any
	if err := json.Unmarshal([]byte(r.body), &v); err != nil {
		t.Errorf("%s: %v", what, err)
		return
	}
	for _, p := range validate(v, sc, schemas, "$") {
		t.Errorf("%s: %s", what, p)
	}
}

// validate returns what is wrong with v against sc: types, nullability, enums, required
// properties and properties the schema does not declare.
func validate(v any, sc *oaSchema, schemas map[string]*oaSchema, at string) []string {
	if sc.Ref != "" {
		return validate(v, schemas[strings.TrimPrefix(sc.Ref, "#/components/schemas/")], schemas, at)
	}
	if v == nil {
		if sc.Nullable {
			return nil
		}
		return []string{at + ": null, which the schema does not allow"}
	}
	if len(sc.AllOf) > 0 {
		var out []string
		for _, part := range sc.AllOf {
			out = append(out, validate(v, part, schemas, at)...)
		}
		return out
	}
	if ok := map[string]bool{"object": isType[map[string]any](v), "array": isType[[]any](v),
		"string": isType[string](v), "boolean": isType[bool](v), "number": isType[float64](v),
		"integer": isType[float64](v) && v.(float64) == float64(int64(v.(float64))), "": true}[sc.Type]; !ok {
		return []string{fmt.Sprintf("%s: %T, want %s", at, v, sc.Type)}
	}
	if s, ok := v.(string); ok && len(sc.Enum) > 0 && !slices.Contains(sc.Enum, s) {
		return []string{fmt.Sprintf("%s: %q is not one of %v", at, s, sc.Enum)}
	}
	var out []string
	switch v := v.(type) {
	case []any:
		for i, x := range v {
			out = append(out, validate(x, sc.Items, schemas, fmt.Sprintf("%s[%d]", at, i))...)
		}
	case map[string]any:
		for _, name := range sc.Required {
			if _, ok := v[name]; !ok {
				out = append(out, fmt.Sprintf("%s: lacks %q", at, name))
			}
		}
		for name, x := range v {
			if p, ok := sc.Properties[name]; ok {
				out = append(out, validate(x, p, schemas, at+"."+name)...)
			} else if sc.Properties != nil {
				out = append(out, fmt.Sprintf("%s: %q is not in the schema", at, name))
			}
		}
	}
	return out
}

func isType[T any](v any) bool { _, ok := v.(T); return ok }

// BenchmarkOpenAPIDocument measures the answer to GET /api/v1/openapi.json, examples
// included, and reports its size.
func BenchmarkOpenAPIDocument(b *testing.B) {
	s, _ := newTestServer(b, storetest.Open(b, store.SQLite))
	var size int
	for b.Loop() {
		rec := get(s, "/api/v1/openapi.json")
		if rec.Code != http.StatusOK {
			b.Fatalf("openapi.json = %d", rec.Code)
		}
		size = rec.Body.Len()
	}
	b.ReportMetric(float64(size), "bytes/doc")
}
