package web

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"

	"congtac"
	"congtac/demo"
	"congtac/store"
	"congtac/store/storetest"
)

var updateExamples = flag.Bool("update-examples", false,
	"rewrite web/openapi_examples/*.json from what the example scenarios send and get")

// exampleDay is the day the example scenarios run as of, whatever the suite's today: the
// document's examples are fixed text, so the demo they run on and the clock they read
// must not move. It is a Friday.
var exampleDay = congtac.MustDate(2026, 11, 27)

// exampleNow is the clock of the example scenarios: 09:00 of exampleDay, always.
func exampleNow() time.Time { return exampleDay.In(congtac.Location(), 9, 0) }

// exampleGroups are the example scenarios, by the name of the file that keeps their calls.
// Each runs on a fresh demo of its own, so that a group's IDs do not hang on another's.
var exampleGroups = map[string]func(x *exampleRun){
	"catalog":  catalogExamples,
	"programs": programExamples,
	"meetings": meetingExamples,
}

// exampleSecrets are, by operation, the properties of its answer that are new random values
// at each call (a token, a feed's secret address): an example shows one, and a later call
// must answer a value of the same length in its place.
var exampleSecrets = map[string][]string{"tokenCreate": {"token"}, "feedCreate": {"url"}}

// TestAPIExamples runs every example scenario on each engine and compares each example
// call, what it sends and what it gets, with the one in the document. With -update-examples
// it rewrites the files from the run on the first engine instead, and the other engines
// compare with that run.
func TestAPIExamples(t *testing.T) {
	for _, group := range slices.Sorted(maps.Keys(exampleGroups)) {
		t.Run(group, func(t *testing.T) {
			file := "openapi_examples/" + group + ".json"
			var want []apiExample
			data, err := os.ReadFile(file)
			if err == nil {
				err = json.Unmarshal(data, &want)
			}
			if err != nil && !*updateExamples {
				t.Fatalf("%s: %v", file, err)
			}
			kept := want
			if *updateExamples {
				want = nil
			}
			for i, e := range storetest.Engines {
				t.Run(string(e), func(t *testing.T) {
					x := newExampleRun(t, e, want)
					exampleGroups[group](x)
					if !*updateExamples || i > 0 {
						x.compareRest()
						return
					}
					// An example that differs only by a new secret keeps the old, so
					// that a file changes only where an answer did.
					for j, ex := range x.got {
						for _, old := range kept {
							if old.Operation == ex.Operation && exampleDiff(old, ex) == "" {
								x.got[j] = old
							}
						}
					}
					want = x.got
					writeExamples(t, file, x.got)
				})
			}
		})
	}
}

// TestAPIExamplesCoverEveryOperation checks that every operation of the document has one
// example, that each example's call is one of its own operation, and that the served
// document carries it.
func TestAPIExamplesCoverEveryOperation(t *testing.T) {
	st := newDemo(t, storetest.Engines[0])
	s, _ := newTestServer(t, st)
	router, err := contractRouter(s)
	if err != nil {
		t.Fatal(err)
	}
	examples, err := loadExamples()
	if err != nil {
		t.Fatal(err)
	}
	for path, item := range apiContract.doc.Paths.Map() {
		for method, op := range item.Operations() {
			if _, ok := examples[op.OperationID]; !ok {
				t.Errorf("%s %s (%s) has no example", method, path, op.OperationID)
			}
		}
	}
	for id, ex := range examples {
		op, err := exampleOperation(router, ex)
		if err != nil || op.OperationID != id {
			t.Errorf("the example of %s calls %s %s, which is not it (%v)", id, ex.Method, ex.Target, err)
			continue
		}
		if len(ex.Body) > 0 && op.RequestBody.Value.Content.Get("application/json").Example == nil {
			t.Errorf("the document does not show the body of %s's example", id)
		}
		if res := op.Responses.Status(ex.Status); len(ex.Answer) > 0 && res.Value.Content.Get("application/json").Example == nil {
			t.Errorf("the document does not show the answer of %s's example", id)
		}
	}
}

// exampleOperation returns the operation of the document that ex calls.
func exampleOperation(router routers.Router, ex apiExample) (*openapi3.Operation, error) {
	req, err := http.NewRequest(ex.Method, "http://example.test"+ex.Target, nil)
	if err != nil {
		return nil, err
	}
	route, _, err := router.FindRoute(req)
	if err != nil {
		return nil, err
	}
	return route.Operation, nil
}

// writeExamples writes examples to file as indented JSON, letters and signs as they are.
func writeExamples(t *testing.T, file string, examples []apiExample) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(examples); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %d examples to %s", len(examples), file)
}

// exampleRun is one run of an example scenario: a fresh demo as of exampleDay, a server
// on it whose clock stands at exampleNow, a client per login, and the example calls made
// so far (got) beside those the document has (want).
type exampleRun struct {
	t       *testing.T
	st      *store.Store
	srv     *httptest.Server
	clients map[string]*apiClient
	want    []apiExample
	got     []apiExample
}

// newExampleRun starts a run on engine e that compares its calls with want.
func newExampleRun(t *testing.T, e store.Engine, want []apiExample) *exampleRun {
	st := storetest.Open(t, e)
	st.SetClock(exampleNow)
	if _, err := demo.Seed(ctxb, st, exampleDay); err != nil {
		t.Fatalf("seed demo: %v", err)
	}
	s, err := New(Config{Now: exampleNow}, st, nil)
	if err != nil {
		t.Fatal(err)
	}
	return &exampleRun{t: t, st: st, srv: startServer(t, s), clients: map[string]*apiClient{}, want: want}
}

// client returns the client of login, making its token on first use.
func (x *exampleRun) client(login string) *apiClient {
	c, ok := x.clients[login]
	if !ok {
		c = bearerClient(x.t, x.st, x.srv, login)
		x.clients[login] = c
	}
	return c
}

// org returns the ID of the demo's org named name.
func (x *exampleRun) org(name string) int64 {
	x.t.Helper()
	return demoOrg(x.t, x.st, name).ID
}

// person returns the demo's person named name as the API gives it, read by the office.
func (x *exampleRun) person(name string) map[string]any {
	x.t.Helper()
	return x.itemOf(x.send("vanphong", http.MethodGet, "/api/v1/people?q="+url.QueryEscape(name), nil), "full_name", name)
}

// itemOf returns the item of list answer whose key is value, failing the test when there
// is none.
func (x *exampleRun) itemOf(list map[string]any, key string, value any) map[string]any {
	x.t.Helper()
	items, _ := list["items"].([]any)
	for _, it := range items {
		if m, ok := it.(map[string]any); ok && m[key] == value {
			return m
		}
	}
	x.t.Fatalf("no item with %s %v in %v", key, value, list)
	return nil
}

// first returns the first item of list answer, failing the test when it has none.
func (x *exampleRun) first(list map[string]any) map[string]any {
	x.t.Helper()
	items, _ := list["items"].([]any)
	if len(items) == 0 {
		x.t.Fatalf("an empty list: %v", list)
	}
	return items[0].(map[string]any)
}

// example makes op's example call: login sends method and target with body (nil for none),
// the call is kept and compared with the document's, and the answer is returned decoded.
// An answer that is not 2xx fails the test: an example shows a call that works.
func (x *exampleRun) example(op, login, method, target string, body any) map[string]any {
	x.t.Helper()
	var text string
	if body != nil {
		text = jsonText(body)
	}
	r := x.client(login).call(method, target, text)
	return x.keep(apiExample{Operation: op, As: login, Method: method, Target: target,
		Body: json.RawMessage(text)}, r)
}

// upload makes op's example call with a raw body: data of type contentType, sent with
// method and described by words in the document.
func (x *exampleRun) upload(op, login, method, target, contentType string, data []byte, words string) map[string]any {
	x.t.Helper()
	r := x.client(login).callWith(method, target, string(data), http.Header{"Content-Type": {contentType}})
	return x.keep(apiExample{Operation: op, As: login, Method: method, Target: target, Upload: words}, r)
}

// send makes a call that is not an example, for a step of the scenario, and returns its
// decoded answer; an answer that is not 2xx fails the test.
func (x *exampleRun) send(login, method, target string, body any) map[string]any {
	x.t.Helper()
	var text string
	if body != nil {
		text = jsonText(body)
	}
	r := x.client(login).call(method, target, text)
	if r.status/100 != 2 {
		x.t.Fatalf("%s %s as %s = %d: %s", method, target, login, r.status, r.body)
	}
	return decodeAnswer(x.t, r.body)
}

// keep records the call ex answered r, compares it with the document's of the same rank,
// and returns the decoded answer.
func (x *exampleRun) keep(ex apiExample, r response) map[string]any {
	x.t.Helper()
	if r.status/100 != 2 {
		x.t.Fatalf("example %s: %s %s as %s = %d: %s", ex.Operation, ex.Method, ex.Target, ex.As, r.status, r.body)
	}
	ex.Status = r.status
	if len(ex.Body) == 0 {
		ex.Body = nil
	}
	isJSON := strings.HasPrefix(r.header.Get("Content-Type"), "application/json")
	switch {
	case r.body == "" || ex.Operation == "openAPI": // the document's own example cannot hold itself
	case isJSON:
		ex.Answer = json.RawMessage(r.body)
	default:
		ex.File = fmt.Sprintf("tệp %s, %d byte", r.header.Get("Content-Type"), len(r.body))
	}
	n := len(x.got)
	x.got = append(x.got, ex)
	if !*updateExamples || len(x.want) > 0 {
		if n >= len(x.want) {
			x.t.Errorf("example %s is new: run go test ./web -run TestAPIExamples -update-examples", ex.Operation)
		} else if diff := exampleDiff(x.want[n], ex); diff != "" {
			x.t.Errorf("example %d (%s) differs from the document's: %s\n(run go test ./web -run TestAPIExamples -update-examples if the change is meant)",
				n+1, ex.Operation, diff)
		}
	}
	if !isJSON {
		return nil
	}
	return decodeAnswer(x.t, r.body)
}

// compareRest fails the test for each example of the document the run did not make.
func (x *exampleRun) compareRest() {
	for _, ex := range x.want[min(len(x.got), len(x.want)):] {
		x.t.Errorf("the document's example of %s was not made by the scenario", ex.Operation)
	}
}

// decodeAnswer decodes a JSON object answer; an empty body gives nil.
func decodeAnswer(t *testing.T, body string) map[string]any {
	t.Helper()
	if body == "" {
		return nil
	}
	var out map[string]any
	if err := json.Unmarshal([]byte(body), &out); err != nil {
		t.Fatalf("answer: %v: %.200s", err, body)
	}
	return out
}

// exampleDiff describes the first difference between example want and the call got, or
// returns "" when they are the same but for new secrets.
func exampleDiff(want, got apiExample) string {
	switch {
	case want.Operation != got.Operation || want.As != got.As || want.Method != got.Method || want.Target != got.Target:
		return fmt.Sprintf("the call is %s %s %s as %s, the document's %s %s %s as %s",
			got.Operation, got.Method, got.Target, got.As, want.Operation, want.Method, want.Target, want.As)
	case want.Upload != got.Upload:
		return fmt.Sprintf("the upload is %q, the document's %q", got.Upload, want.Upload)
	case want.File != got.File:
		return fmt.Sprintf("the file answered is %q, the document's %q", got.File, want.File)
	case want.Status != got.Status:
		return fmt.Sprintf("the status is %d, the document's %d", got.Status, want.Status)
	}
	if d := jsonDiff("body", want.Body, got.Body, nil); d != "" {
		return d
	}
	return jsonDiff("answer", want.Answer, got.Answer, exampleSecrets[got.Operation])
}

// jsonDiff describes the first difference between JSON texts want and got, named by its
// path under root; the values of the properties named secrets only need the same length.
func jsonDiff(root string, want, got json.RawMessage, secrets []string) string {
	var w, g any
	if len(want) > 0 {
		if err := json.Unmarshal(want, &w); err != nil {
			return fmt.Sprintf("%s: %v", root, err)
		}
	}
	if len(got) > 0 {
		if err := json.Unmarshal(got, &g); err != nil {
			return fmt.Sprintf("%s: %v", root, err)
		}
	}
	return valueDiff(root, w, g, secrets)
}

// valueDiff describes the first difference between decoded JSON values w and g at path.
func valueDiff(path string, w, g any, secrets []string) string {
	switch w := w.(type) {
	case map[string]any:
		gm, ok := g.(map[string]any)
		if !ok {
			return fmt.Sprintf("%s is %s, the document's an object", path, jsonText(g))
		}
		for _, k := range slices.Sorted(maps.Keys(w)) {
			if _, ok := gm[k]; !ok {
				return fmt.Sprintf("%s.%s is missing", path, k)
			}
			ws, isStr := w[k].(string)
			if gs, ok := gm[k].(string); isStr && ok && slices.Contains(secrets, k) && len(ws) == len(gs) {
				continue
			}
			if d := valueDiff(path+"."+k, w[k], gm[k], secrets); d != "" {
				return d
			}
		}
		for _, k := range slices.Sorted(maps.Keys(gm)) {
			if _, ok := w[k]; !ok {
				return fmt.Sprintf("%s.%s is new", path, k)
			}
		}
		return ""
	case []any:
		ga, ok := g.([]any)
		if !ok || len(ga) != len(w) {
			return fmt.Sprintf("%s is %.300s, the document's %.300s", path, jsonText(g), jsonText(w))
		}
		for i := range w {
			if d := valueDiff(fmt.Sprintf("%s[%d]", path, i), w[i], ga[i], secrets); d != "" {
				return d
			}
		}
		return ""
	}
	if !reflect.DeepEqual(w, g) {
		return fmt.Sprintf("%s is %.300s, the document's %.300s", path, jsonText(g), jsonText(w))
	}
	return ""
}
