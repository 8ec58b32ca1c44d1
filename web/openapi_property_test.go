package web

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"congtac/clocktest"
	"congtac/store/storetest"
)

// TestAPIPropertyEveryOperation sends to every operation of the OpenAPI document requests
// made from its own schemas: one that follows them, and others that each break one rule
// (a value of the wrong type or out of bounds, a value not in an enum, a missing required
// property, an unknown one), as the administrator, the office's drafter and a department's
// reporter, on a fresh demo on each engine. The test servers' contract check
// ([contractCheck]) fails the test on any 5xx, any answer outside the document, and any
// request the document refuses that the server accepts. Deletions go last, so that the
// rest finds the records still there.
func TestAPIPropertyEveryOperation(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			st, srv, doc := contractDemo(t, e)
			statuses := map[int]int{}
			unstated := map[string]bool{} // operation and property the server bounds, unbeknown to the document
			for _, deleting := range []bool{false, true} {
				for _, login := range []string{"admin", "vanphong", "phongbaocao"} {
					c := bearerClient(t, st, srv, login)
					for _, path := range slices.Sorted(maps.Keys(doc.Paths.Map())) {
						for method, op := range sortedOps(doc.Paths.Value(path)) {
							if (method == http.MethodDelete) != deleting {
								continue
							}
							for _, rq := range probes(path, op) {
								h := http.Header{}
								if rq.contentType != "" {
									h.Set("Content-Type", rq.contentType)
								}
								r := c.callWith(method, rq.target, rq.body, h)
								statuses[r.status]++
								if rq.long != "" && r.status == http.StatusUnprocessableEntity && strings.Contains(r.body, `"`+rq.long+`":`) {
									unstated[op.OperationID+" "+rq.long] = true
								}
							}
						}
					}
				}
			}
			t.Logf("answers to the requests sent to %d paths, by status: %v", doc.Paths.Len(), statuses)
			for _, k := range slices.Sorted(maps.Keys(unstated)) {
				t.Errorf("%s: the server refuses a long text the document sets no maxLength for", k)
			}
			// The probes must reach the handlers, not stop at the door: most valid reads
			// succeed, and bad values are refused as such.
			if statuses[http.StatusOK] < 100 || statuses[http.StatusBadRequest] < 100 || statuses[http.StatusUnprocessableEntity] < 50 {
				t.Errorf("too few requests got through to be a test: %v", statuses)
			}
		})
	}
}

// sortedOps returns the operations of a path by method, in a fixed order.
func sortedOps(item *openapi3.PathItem) func(func(string, *openapi3.Operation) bool) {
	return func(yield func(string, *openapi3.Operation) bool) {
		ops := item.Operations()
		for _, m := range slices.Sorted(maps.Keys(ops)) {
			if !yield(m, ops[m]) {
				return
			}
		}
	}
}

// probe is one request to send: its target (path and query), body and content type; long
// names the property, if any, that it gives an over-long text the document sets no bound to.
type probe struct{ target, body, contentType, long string }

// probes returns the requests to send to operation op of path: the one that follows the
// document (required parameters and body properties only), the one with every parameter,
// one per way to break a parameter, and one per way to break the body.
func probes(path string, op *openapi3.Operation) []probe {
	base := path
	for _, p := range op.Parameters {
		if p.Value.In == "path" {
			base = strings.ReplaceAll(base, "{"+p.Value.Name+"}", fmt.Sprint(sample(p.Value.Schema.Value)))
		}
	}
	query := func(all bool, name string, bad any) string {
		q := url.Values{}
		for _, p := range op.Parameters {
			v := p.Value
			switch {
			case v.In != "query":
			case v.Name == name:
				q.Set(v.Name, fmt.Sprint(bad))
			case v.Required || all:
				q.Set(v.Name, fmt.Sprint(sample(v.Schema.Value)))
			}
		}
		if len(q) == 0 {
			return base
		}
		return base + "?" + q.Encode()
	}
	body, contentType, schema := "", "", (*openapi3.Schema)(nil)
	if rb := op.RequestBody; rb != nil {
		for ct, mt := range rb.Value.Content {
			contentType = ct
			if ct == "application/json" && mt.Schema != nil {
				schema = mt.Schema.Value
				body = jsonText(sample(schema))
			} else {
				body = "x"
			}
		}
	}
	out := []probe{{query(false, "", nil), body, contentType, ""}, {query(true, "", nil), body, contentType, ""}}
	for _, p := range op.Parameters {
		if p.Value.In == "query" {
			for _, bad := range breaking(p.Value.Schema.Value) {
				out = append(out, probe{query(false, p.Value.Name, bad), body, contentType, ""})
			}
		}
	}
	if schema != nil {
		for _, bad := range breakingBodies(schema) {
			out = append(out, probe{query(false, "", nil), bad, contentType, ""})
		}
		for _, m := range mutations(schema, sample(schema), "", 0) {
			long := ""
			if m.kind == "long" {
				long = m.field
			}
			out = append(out, probe{query(false, "", nil), jsonText(m.value), contentType, long})
		}
	}
	return out
}

// sample returns a value that schema s accepts: an enum's first non-empty value, a
// number's minimum (else 1), the test clock's day for a date, an ISO week for the week's
// pattern, an object of its required properties.
func sample(s *openapi3.Schema) any {
	switch {
	case s == nil:
		return nil
	case len(s.AllOf) > 0:
		return sample(s.AllOf[0].Value)
	case len(s.Enum) > 0:
		for _, v := range s.Enum {
			if v != "" {
				return v
			}
		}
		return s.Enum[0]
	}
	switch {
	case s.Type.Is("integer"), s.Type.Is("number"):
		n := 1.0
		if s.Min != nil {
			n = *s.Min
		}
		if s.Max != nil && n > *s.Max {
			n = *s.Max
		}
		return int64(n)
	case s.Type.Is("boolean"):
		return false
	case s.Type.Is("array"):
		if s.Items == nil {
			return []any{}
		}
		return []any{sample(s.Items.Value)}
	case s.Type.Is("object"):
		obj := map[string]any{}
		for _, name := range s.Required {
			if p := s.Properties[name]; p != nil {
				obj[name] = sample(p.Value)
			}
		}
		return obj
	case s.Format == "date":
		return clocktest.Today().String()
	case s.Format == "date-time":
		return clocktest.Today().String() + "T08:00:00+07:00"
	case strings.Contains(s.Pattern, "W"):
		return fmt.Sprintf("%d-W%02d", clocktest.Today().Year, isoWeek())
	}
	return "Kiểm tra thử"
}

// isoWeek returns the ISO week number of the test clock's day.
func isoWeek() int {
	_, w := clocktest.Today().Time().ISOWeek()
	return w
}

// breaking returns values of a parameter that schema s refuses, one per rule it states.
func breaking(s *openapi3.Schema) []any {
	if s == nil {
		return nil
	}
	var out []any
	if len(s.Enum) > 0 {
		out = append(out, "khong_co")
	}
	switch {
	case s.Type.Is("integer"), s.Type.Is("number"):
		out = append(out, "x")
		if s.Min != nil {
			out = append(out, int64(*s.Min)-1)
		}
		if s.Max != nil {
			out = append(out, int64(*s.Max)+1)
		}
	case s.Format == "date":
		out = append(out, "2027-02-30")
	case s.Pattern != "" && !strings.Contains(s.Pattern, `\S`):
		out = append(out, "x y")
	case s.MaxLength != nil:
		out = append(out, strings.Repeat("x", int(*s.MaxLength)+1))
	}
	return out
}

// breakingBodies returns JSON bodies that object schema s refuses: without a required
// property, with a property it does not know, and with each property of the wrong type.
// ([mutations] makes those with a null or an over-long text.)
func breakingBodies(s *openapi3.Schema) []string {
	valid, ok := sample(s).(map[string]any)
	if !ok {
		return []string{"[]"}
	}
	with := func(name string, v any) string {
		m := maps.Clone(valid)
		m[name] = v
		return jsonText(m)
	}
	out := []string{`"khong phai doi tuong"`, with("khong_co", 1)}
	for _, name := range s.Required {
		m := maps.Clone(valid)
		delete(m, name)
		out = append(out, jsonText(m))
	}
	for _, name := range slices.Sorted(maps.Keys(s.Properties)) {
		p := s.Properties[name].Value
		switch {
		case p == nil || len(p.AllOf) > 0:
		case p.Type.Is("string"):
			out = append(out, with(name, 12))
		case p.Type.Is("integer"), p.Type.Is("number"), p.Type.Is("boolean"), p.Type.Is("array"):
			out = append(out, with(name, "x"))
		}
	}
	return out
}

// jsonText returns v as JSON.
func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// mutation is a body with one value inside replaced: kind "null" by a null the schema
// does not allow, "over" by a value the schema refuses otherwise (a text longer than its
// maxLength, a number out of its bounds, a code not in its enum, a text off its pattern),
// "long" by a long text where the schema sets no bound. field names the value as the server's problems do (due.text,
// agenda[0].title).
type mutation struct {
	field, kind string
	value       any
}

// longText is longer than any text the server keeps.
var longText = strings.Repeat("Kiểm tra độ dài ", 2500)

// mutations returns the mutations of v, a value of schema s at field, down to two levels
// of nested objects and arrays of objects. Properties that v lacks are given their sample.
func mutations(s *openapi3.Schema, v any, field string, depth int) []mutation {
	s = unwrapSchema(s)
	var out []mutation
	switch {
	case s == nil:
	case s.Type.Is("object"):
		obj, _ := v.(map[string]any)
		if obj == nil {
			obj = map[string]any{}
		}
		for _, name := range slices.Sorted(maps.Keys(s.Properties)) {
			ref := s.Properties[name].Value
			p := unwrapSchema(ref)
			sub := strings.TrimPrefix(field+"."+name, ".")
			with := func(x any) any {
				m := maps.Clone(obj)
				m[name] = x
				return m
			}
			if p == nil {
				continue
			}
			if !ref.Nullable && !p.Nullable {
				out = append(out, mutation{sub, "null", with(nil)})
			}
			switch {
			case len(p.Enum) > 0:
				out = append(out, mutation{sub, "over", with("khong_co")})
			case p.Pattern != "" && !strings.Contains(p.Pattern, `\S`):
				out = append(out, mutation{sub, "over", with(" / ")})
			case p.Type.Is("integer") || p.Type.Is("number"):
				if p.Max != nil {
					out = append(out, mutation{sub, "over", with(*p.Max + 1)})
				}
				if p.Min != nil {
					out = append(out, mutation{sub, "over", with(*p.Min - 1)})
				}
			}
			if p.Type.Is("string") && len(p.Enum) == 0 && p.Format == "" && p.Pattern == "" {
				if p.MaxLength != nil {
					out = append(out, mutation{sub, "over", with(strings.Repeat("x", int(*p.MaxLength)+1))})
				} else {
					out = append(out, mutation{sub, "long", with(longText)})
				}
			}
			child, ok := obj[name]
			if !ok {
				child = sample(p)
			}
			if depth < 2 {
				for _, m := range mutations(p, child, sub, depth+1) {
					out = append(out, mutation{m.field, m.kind, with(m.value)})
				}
			}
		}
	case s.Type.Is("array") && s.Items != nil:
		items := unwrapSchema(s.Items.Value)
		if items != nil && items.Type.Is("object") {
			for _, m := range mutations(items, sample(items), field+"[0]", depth) {
				out = append(out, mutation{m.field, m.kind, []any{m.value}})
			}
		}
	}
	return out
}

// unwrapSchema returns the schema s wraps in allOf to make a reference nullable, or s.
func unwrapSchema(s *openapi3.Schema) *openapi3.Schema {
	if s != nil && len(s.AllOf) == 1 && s.AllOf[0] != nil {
		return s.AllOf[0].Value
	}
	return s
}
