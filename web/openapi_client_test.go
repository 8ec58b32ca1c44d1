package web

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"congtac/store/storetest"
)

// docClient calls the API as a client generated from the OpenAPI document does: by
// operation ID, its method and path read from the document, path parameters filled by name,
// the body checked against the operation's schema before it is sent, and the answer
// decoded from JSON. A scenario written with it names operations and values, never a URL.
type docClient struct {
	t   *testing.T
	doc *openapi3.T
	api *apiClient
}

// call sends operation id with path parameters params and body (nil for none) and returns
// the decoded answer, failing the test on an answer that is not 2xx.
func (c *docClient) call(id string, params map[string]any, body any) map[string]any {
	c.t.Helper()
	for path, item := range c.doc.Paths.Map() {
		for method, op := range item.Operations() {
			if op.OperationID != id {
				continue
			}
			for _, p := range op.Parameters {
				if p.Value.In == "path" {
					path = strings.ReplaceAll(path, "{"+p.Value.Name+"}", fmt.Sprint(params[p.Value.Name]))
				}
			}
			text := ""
			if body != nil {
				text = jsonText(body)
				var generic any
				_ = json.Unmarshal([]byte(text), &generic)
				schema := op.RequestBody.Value.Content.Get("application/json").Schema.Value
				if err := schema.VisitJSON(generic); err != nil {
					c.t.Fatalf("%s: the body breaks the document: %v", id, firstLine(err))
				}
			}
			r := c.api.call(method, path, text)
			if r.status/100 != 2 {
				c.t.Fatalf("%s %s (%s) = %d: %s", method, path, id, r.status, r.body)
			}
			var out map[string]any
			if r.body != "" {
				if err := json.Unmarshal([]byte(r.body), &out); err != nil {
					c.t.Fatalf("%s: %v", id, err)
				}
			}
			return out
		}
	}
	c.t.Fatalf("the document has no operation %q", id)
	return nil
}

// TestAPIClientFromTheDocument is issue 18's acceptance: a client driven by the document
// alone drafts a committee's program with an item and a task, submits it, has it approved
// and issued, files a report on the task, and reads everything back, on both engines.
func TestAPIClientFromTheDocument(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st, srv, doc := contractDemo(t, e)
			as := func(login string) *docClient {
				return &docClient{t: t, doc: doc, api: bearerClient(t, st, srv, login)}
			}
			drafter, chair, office, reporter := as("vanphong"), as("chutich"), as("cvp"), as("phongbaocao")
			province := demoOrg(t, st, "Ủy ban nhân dân tỉnh Sơn Hà").ID
			finance := demoOrg(t, st, "Sở Tài chính").ID
			period := demoMonth(t, st).Next().Next() // no program yet

			p := drafter.call("programCreate", nil, map[string]any{"org_id": province, "period": period.Key()})
			id := p["id"]
			item := drafter.call("itemCreate", map[string]any{"id": id}, map[string]any{"heading": "NHIỆM VỤ TRỌNG TÂM"})
			task := drafter.call("taskCreate", map[string]any{"id": item["id"]}, map[string]any{
				"text": "Rà soát tiến độ giải ngân vốn đầu tư công", "lead": finance,
				"due": map[string]any{"text": fmt.Sprintf("trong tháng %d/%d", period.Number, period.Year)}})
			// The tasks carried over from the last issued program keep their old deadlines.
			drafter.call("carriedDeadlines", map[string]any{"id": id}, map[string]any{"keep": true})
			version := func(c *docClient) any {
				return c.call("programShow", map[string]any{"id": id}, nil)["version"]
			}
			drafter.call("programTransition", map[string]any{"id": id}, map[string]any{"version": version(drafter), "action": "submit"})
			chair.call("programTransition", map[string]any{"id": id}, map[string]any{"version": version(chair), "action": "approve"})
			issued := office.call("programIssue", map[string]any{"id": id}, map[string]any{"version": version(office)})
			if issued["status"] != "issued" {
				t.Fatalf("after issue the program is %v", issued["status"])
			}
			report := reporter.call("reportCreate", nil, map[string]any{"task_id": task["id"], "org_id": finance,
				"text": "Đã rà soát 12 dự án.", "percent": 40, "submit": true})

			back := office.call("programShow", map[string]any{"id": id}, nil)
			if code, _ := back["code"].(string); back["status"] != "issued" || !strings.HasSuffix(code, "/CTr-UBND") {
				t.Errorf("the program read back: status %v, code %v", back["status"], back["code"])
			}
			if got := reporter.call("taskShow", map[string]any{"id": task["id"]}, nil); got["text"] != task["text"] {
				t.Errorf("the task read back: %v", got["text"])
			}
			if got := office.call("reportShow", map[string]any{"id": report["id"]}, nil); got["percent"] != float64(40) || got["status"] != "submitted" {
				t.Errorf("the report read back: %v %v", got["percent"], got["status"])
			}
		})
	}
}
