package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"mime"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"congtac"
)

// apiError is the body of every API error: the code of [congtac.Error] and its Vietnamese
// message, and the fields a form would mark.
type apiError struct {
	Code    string            `json:"code"`
	Message string            `json:"message"`
	Fields  map[string]string `json:"fields,omitempty"`
}

// apiFail answers an API request that failed with err, as JSON, with status, or the status
// of err's code when status is 0. Internal errors are logged and never described. A request
// whose client went away is not answered, as with [Server.failWith].
func (s *Server) apiFail(w http.ResponseWriter, r *http.Request, err error, status int) {
	if s.leftBeforeAnswer(r, err) {
		return // no one is there to read an answer
	}
	if status == 0 {
		status = statusOf(err)
	}
	if status == http.StatusInternalServerError {
		s.log.ErrorContext(r.Context(), "api request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	body := apiError{Code: congtac.ErrorCode(err), Message: congtac.ErrorMessage(err)}
	if fields := congtac.FieldErrors(err); len(fields) > 0 && fields[""] == "" {
		body.Fields = fields
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="congtac"`)
	}
	writeJSON(w, status, body)
}

// writeJSON writes v as the JSON body with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	startJSON(w, status)
	encodeJSON(w, v)
}

// startJSON writes the header of a JSON answer with status.
func startJSON(w http.ResponseWriter, status int) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
}

// encodeJSON writes v to w as the API writes JSON: indented, signs as they are.
func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // JSON is never read as HTML here: "comparator": ">" stays readable
	return enc.Encode(v)
}

// readJSON decodes the request's JSON body into v strictly, or answers the failure itself
// and returns false: 415 unless the Content-Type is application/json, 413 for a body over
// the size limit, 400 for an empty or malformed body or data after the value, and 422 with
// the field named for an unknown field, a value of the wrong type, a string that is not
// valid UTF-8 ([checkJSONText]), or a null or a text the document refuses ([schemaProblems]).
func (s *Server) readJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		s.apiFail(w, r, congtac.Errorf(congtac.EINVALID,
			"Nội dung gửi lên phải là JSON (Content-Type: application/json)."), http.StatusUnsupportedMediaType)
		return false
	}
	body, err := io.ReadAll(r.Body)
	if err == nil {
		err = checkJSONText(body)
	}
	if err == nil {
		if err = schemaProblems(body, s.schemas[apiOps[r.Pattern].body], s.schemas); err != nil {
			s.apiFail(w, r, err, 0)
			return false
		}
	}
	if err == nil {
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields()
		if err = dec.Decode(v); err == nil && dec.Decode(&json.RawMessage{}) != io.EOF {
			err = errJSONTrailing
		}
	}
	if err != nil {
		status, e := jsonProblem(err)
		s.apiFail(w, r, e, status)
		return false
	}
	return true
}

// schemaProblems returns the problems of a JSON body that sc, the body's schema in the
// OpenAPI document (nil: none), refuses and Go's decoding would not: a null where the
// schema does not allow one (Go would read it as "not given") and a text longer than its
// maxLength, at any depth (a task's due.text, a meeting's agenda[0].title). schemas
// resolves references. A body that is not JSON has none: its decoding says why.
func schemaProblems(body []byte, sc *oaSchema, schemas map[string]*oaSchema) error {
	if sc == nil {
		return nil
	}
	var v any
	if json.Unmarshal(body, &v) != nil {
		return nil
	}
	var p congtac.Problems
	checkAgainst(&p, "", v, sc, schemas)
	return p.Err()
}

// checkAgainst adds to p the problems of v, the value at field of schema sc, and of the
// values inside it.
func checkAgainst(p *congtac.Problems, field string, v any, sc *oaSchema, schemas map[string]*oaSchema) {
	sc = resolveSchema(sc, schemas)
	if sc == nil {
		return
	}
	check := func(name string, v any, prop *oaSchema) {
		switch {
		case prop == nil:
		case v != nil:
			checkAgainst(p, name, v, prop, schemas)
		case !prop.Nullable && !resolveSchema(prop, schemas).Nullable:
			p.Add(name, "Trường “%s” không nhận giá trị null; hãy bỏ trường này đi nếu không có giá trị.", name)
		}
	}
	switch v := v.(type) {
	case map[string]any:
		for _, name := range slices.Sorted(maps.Keys(v)) {
			check(strings.TrimPrefix(field+"."+name, "."), v[name], sc.Properties[name])
		}
	case []any:
		for i, e := range v {
			check(fmt.Sprintf("%s[%d]", field, i), e, sc.Items)
		}
	case string:
		if sc.MaxLength != nil && utf8.RuneCountInString(v) > *sc.MaxLength {
			p.Add(field, "Trường “%s” dài quá %s ký tự.", field, thousands(*sc.MaxLength))
		}
	}
}

// resolveSchema follows sc's reference, or the one schema it wraps in allOf, to the
// schema that describes the value; nil when there is none.
func resolveSchema(sc *oaSchema, schemas map[string]*oaSchema) *oaSchema {
	for range 8 { // references do not nest deeper; the bound stops a cycle
		switch {
		case sc == nil:
			return nil
		case sc.Ref != "":
			sc = schemas[strings.TrimPrefix(sc.Ref, "#/components/schemas/")]
		case len(sc.AllOf) == 1:
			sc = sc.AllOf[0]
		default:
			return sc
		}
	}
	return sc
}

// errJSONTrailing reports data after the JSON value of a request body.
var errJSONTrailing = errors.New("json: data after the value")

// jsonProblem turns a decoding error into the status and Vietnamese error to answer.
func jsonProblem(err error) (int, error) {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return http.StatusRequestEntityTooLarge, congtac.Errorf(congtac.EINVALID,
			"Nội dung gửi lên vượt quá %d byte.", tooBig.Limit)
	case errors.Is(err, io.EOF):
		return http.StatusBadRequest, congtac.Errorf(congtac.EINVALID, "Thiếu nội dung JSON.")
	case errors.Is(err, errJSONTrailing):
		return http.StatusBadRequest, congtac.Errorf(congtac.EINVALID, "Sau giá trị JSON còn dữ liệu thừa.")
	case errors.As(err, &syntax):
		return http.StatusBadRequest, congtac.Errorf(congtac.EINVALID,
			"JSON không hợp lệ ở byte thứ %d.", syntax.Offset)
	case errors.As(err, &typ) && typ.Field != "":
		return http.StatusUnprocessableEntity, congtac.FieldError(typ.Field,
			"Giá trị phải là %s.", jsonKind(typ.Type))
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name, _ := strconv.Unquote(strings.TrimPrefix(err.Error(), "json: unknown field "))
		return http.StatusUnprocessableEntity, congtac.FieldError(name, "Trường này không được hỗ trợ.")
	case congtac.ErrorCode(err) == congtac.EINVALID:
		return http.StatusUnprocessableEntity, err // a field's own decoder refused the value
	}
	return http.StatusBadRequest, congtac.Errorf(congtac.EINVALID, "JSON không hợp lệ.")
}

// jsonKind names in Vietnamese the JSON value a Go type expects.
func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "một số nguyên"
	case reflect.Float32, reflect.Float64:
		return "một số"
	case reflect.String:
		return "một chuỗi ký tự"
	case reflect.Bool:
		return "true hoặc false"
	case reflect.Slice, reflect.Array:
		return "một mảng"
	}
	return "một đối tượng"
}

// strictJSON decodes b into v, refusing fields v does not have: the UnmarshalJSON of the
// bodies that remember which fields were sent use it.
func strictJSON(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}
