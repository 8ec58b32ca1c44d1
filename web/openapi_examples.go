package web

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"strings"
)

// The OpenAPI document's examples are real calls: a test (TestAPIExamples) runs a scenario
// per group of operations on a fresh demo, as of a fixed day, and keeps each operation's
// example call, what it sent and what the server answered, in openapi_examples/<group>.json.
// The same test sends them again on both engines and fails when an answer differs, so an
// example cannot drift from what the server does.

//go:embed openapi_examples/*.json
var exampleFiles embed.FS

// apiExample is one operation's example: the call a test sent and the answer it got.
type apiExample struct {
	Operation string          `json:"operation"`        // the operation's ID
	As        string          `json:"as"`               // login of the account that called it
	Method    string          `json:"method"`           // HTTP method
	Target    string          `json:"target"`           // path and query, with real IDs
	Body      json.RawMessage `json:"body,omitempty"`   // the JSON body sent; none for a read
	Upload    string          `json:"upload,omitempty"` // for a raw body: what it held, in words
	Status    int             `json:"status"`           // the status answered
	Answer    json.RawMessage `json:"answer,omitempty"` // the JSON answered; none for 204
	File      string          `json:"file,omitempty"`   // for a raw file answered: its type and size
}

// loadExamples reads the examples of every group, keyed by operation ID. An operation
// with two examples, or a file that does not parse, is an error: the server refuses to
// start rather than serve a document that says less than it was given.
func loadExamples() (map[string]apiExample, error) {
	files, err := fs.Glob(exampleFiles, "openapi_examples/*.json")
	if err != nil {
		return nil, err
	}
	out := map[string]apiExample{}
	for _, name := range files {
		data, err := exampleFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		var group []apiExample
		if err := json.Unmarshal(data, &group); err != nil {
			return nil, fmt.Errorf("examples %s: %w", path.Base(name), err)
		}
		for _, ex := range group {
			if _, dup := out[ex.Operation]; dup {
				return nil, fmt.Errorf("examples %s: a second example of %s", path.Base(name), ex.Operation)
			}
			out[ex.Operation] = ex
		}
	}
	return out, nil
}

// addExample puts ex into op, an operation of the route pattern: its path and query values
// as the parameters' examples, its body as the request's and its answer as the response's
// of its status, whose description names the demo account that called.
func addExample(op *oaOperation, pattern string, ex apiExample) {
	target, query, _ := strings.Cut(ex.Target, "?")
	values, _ := url.ParseQuery(query)
	names, segs := strings.Split(pattern, "/"), strings.Split(target, "/")
	for i := range op.Parameters {
		p := &op.Parameters[i]
		switch p.In {
		case "path":
			for j, seg := range names {
				if seg == "{"+p.Name+"}" && j < len(segs) {
					p.Example = exampleValue(p.Schema, segs[j])
				}
			}
		case "query":
			if values.Has(p.Name) {
				p.Example = exampleValue(p.Schema, values.Get(p.Name))
			}
		}
	}
	if op.RequestBody != nil && ex.Upload != "" {
		op.RequestBody.Description = "Ví dụ: " + ex.Upload + "."
	}
	if op.RequestBody != nil && len(ex.Body) > 0 {
		if mt, ok := op.RequestBody.Content["application/json"]; ok {
			mt.Example = ex.Body
			op.RequestBody.Content["application/json"] = mt
		}
	}
	res := op.Responses[fmt.Sprint(ex.Status)]
	if res != nil && ex.File != "" {
		res.Description += " Ví dụ: " + ex.File + ", cho tài khoản “" + ex.As + "” của dữ liệu mẫu."
	}
	if res == nil || len(ex.Answer) == 0 {
		return
	}
	if mt, ok := res.Content["application/json"]; ok {
		mt.Example = ex.Answer
		res.Content["application/json"] = mt
		// What an answer holds hangs on who asks: the example says whose it is.
		res.Description += " Ví dụ: câu trả lời cho tài khoản “" + ex.As + "” của dữ liệu mẫu."
	}
}

// exampleValue returns the value v of a parameter of schema sc typed as the schema says:
// a number for an integer, the text otherwise.
func exampleValue(sc *oaSchema, v string) any {
	if sc != nil && sc.Type == "integer" {
		if n, err := json.Number(v).Int64(); err == nil {
			return n
		}
	}
	return v
}
