package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"unicode/utf8"

	"congtac"
)

// What every request's input must be before a handler reads it: text a store can keep
// ([congtac.CheckText]) in its path, query parameters and JSON strings, and a page's form
// read whole. Form fields are checked where the domain validates them.

// admit checks what route rt's handler relies on, or answers itself and returns false: a
// query parameter that is not text ([congtac.CheckText]) is refused naming it, 400 in the
// API as every bad parameter is, 422 on a page; a page's posted form is read whole first
// ([Server.readPageForm]).
func (s *Server) admit(w http.ResponseWriter, r *http.Request, rt route) bool {
	if err := checkQuery(r); err != nil && rt.api {
		s.apiFail(w, r, err, http.StatusBadRequest)
		return false
	} else if err != nil {
		s.fail(w, r, err)
		return false
	}
	return rt.api || r.Method != http.MethodPost || s.readPageForm(w, r)
}

// checkQuery returns the problems of the query parameters whose values [congtac.CheckText]
// refuses, each on its parameter, or nil.
func checkQuery(r *http.Request) error {
	var p congtac.Problems
	q := r.URL.Query()
	for _, name := range slices.Sorted(maps.Keys(q)) {
		for _, v := range q[name] {
			p.Text(name, fmt.Sprintf("Tham số “%s”", strings.ToValidUTF8(name, "?")), v)
		}
	}
	return p.Err()
}

// readPageForm parses the body of a page's form before its handler reads the fields, and
// answers itself and returns false when it cannot: 413 for a body over the limit (which a
// handler would otherwise read as an empty form), 400 for one that is not a form. A
// multipart upload is parsed with its own limit ([maxUpload]).
func (s *Server) readPageForm(w http.ResponseWriter, r *http.Request) bool {
	var err error
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		err = r.ParseMultipartForm(maxUpload)
	} else {
		err = r.ParseForm()
	}
	var tooBig *http.MaxBytesError
	switch {
	case err == nil:
		return true
	case errors.As(err, &tooBig):
		s.failWith(w, r, congtac.Errorf(congtac.EINVALID, "Nội dung gửi lên vượt quá %d byte; hãy rút ngắn rồi gửi lại.",
			tooBig.Limit), http.StatusRequestEntityTooLarge)
	default:
		s.failWith(w, r, congtac.Errorf(congtac.EINVALID, "Không đọc được biểu mẫu gửi lên."), http.StatusBadRequest)
	}
	return false
}

// checkJSONText returns an EINVALID error naming the member ([congtac.CheckText]) when a
// string of the JSON body holds invalid UTF-8, which encoding/json would silently replace
// with U+FFFD; nil otherwise, and for a body that is not JSON, which the decoder refuses.
func checkJSONText(body []byte) error {
	if utf8.Valid(body) {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	var objects []bool // the open containers, innermost last: true for an object
	expectKey, field := false, ""
	for {
		start := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return nil
		}
		switch t := tok.(type) {
		case json.Delim:
			if t == '{' || t == '[' {
				objects, expectKey = append(objects, t == '{'), t == '{'
				continue
			}
			objects = objects[:len(objects)-1]
		case string:
			if raw := body[start:dec.InputOffset()]; !utf8.Valid(raw) {
				name := field
				if expectKey {
					name = strings.ToValidUTF8(t, "?")
				}
				return congtac.CheckText(name, fmt.Sprintf("Trường “%s”", name), string(raw))
			}
			if expectKey {
				field, expectKey = t, false
				continue
			}
		}
		expectKey = len(objects) > 0 && objects[len(objects)-1] // a value read: a key comes next
	}
}
