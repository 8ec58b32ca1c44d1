package web

import (
	"strings"
	"testing"

	"congtac"
)

// TestSchemaProblems: a body's nulls and texts are held to the document's schema at every
// depth, each problem named by the field's path; what the schema allows passes.
func TestSchemaProblems(t *testing.T) {
	schemas := apiSchemas()
	long := strings.Repeat("ư", congtac.MaxTaskText+1)
	for _, c := range []struct {
		schema, body string
		want         map[string]string // field: part of its message; nil: no problem
	}{
		{"TaskCreate", `{"text": "Rà soát", "lead": 5, "due": {"text": null}}`, map[string]string{"due.text": "không nhận giá trị null"}},
		{"TaskCreate", `{"text": "` + long + `", "lead": 5}`, map[string]string{"text": "dài quá 4.000 ký tự"}},
		{"TaskCreate", `{"text": "Rà soát", "lead": 5, "target": {"comparator": ">=", "value": 1, "unit": "` +
			strings.Repeat("x", congtac.MaxUnit+1) + `"}}`, map[string]string{"target.unit": "dài quá 30 ký tự"}},
		{"MeetingCreate", `{"org_id": 1, "title": "Họp", "agenda": [{"title": "Báo cáo"}, {"title": null}]}`,
			map[string]string{"agenda[1].title": "không nhận giá trị null"}},
		{"TaskCreate", `{"text": "Rà soát", "lead": 5, "support": null, "target": null}`, nil}, // nullable
		{"TaskUpdate", `{"version": 1, "due": null, "recurrence": null}`, nil},
		{"ProgramUpdate", `{"version": 1, "title": null, "place": null}`, nil}, // left as it is
		{"TaskCreate", `{"text": "` + strings.Repeat("ư", congtac.MaxTaskText) + `", "lead": 5}`, nil},
		{"TaskCreate", `{"text": `, nil}, // not JSON: the decoding says why
	} {
		err := schemaProblems([]byte(c.body), schemas[c.schema], schemas)
		got := congtac.FieldErrors(err)
		if len(got) != len(c.want) {
			t.Errorf("%s %.80s: problems %v, want %v", c.schema, c.body, got, c.want)
			continue
		}
		for field, part := range c.want {
			if !strings.Contains(got[field], part) {
				t.Errorf("%s %.80s: %s = %q, want it to say %q", c.schema, c.body, field, got[field], part)
			}
		}
	}
}

// BenchmarkSchemaProblems measures the check readJSON makes of every body before decoding
// it, on a task as the editor's API client sends it.
func BenchmarkSchemaProblems(b *testing.B) {
	schemas := apiSchemas()
	body := []byte(`{"text": "Xây dựng kế hoạch giải ngân vốn đầu tư công năm 2027, giao chi tiết cho từng chủ đầu tư",
		"sector": "economy", "lead": 5, "support": [6, 9], "leader_id": 2, "due": {"text": "trong tháng 1/2027"},
		"target": {"metric": "tỷ lệ giải ngân", "comparator": ">=", "value": 60, "unit": "%", "baseline": "kế hoạch vốn năm"},
		"source": "Nghị quyết số 12/NQ-HĐND ngày 10/12/2025 của HĐND tỉnh"}`)
	for b.Loop() {
		if err := schemaProblems(body, schemas["TaskCreate"], schemas); err != nil {
			b.Fatal(err)
		}
	}
}
