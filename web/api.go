package web

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"congtac"
)

// The JSON API under /api/v1/: the same capabilities and reach as the pages, answered with
// DTOs of its own (snake_case fields, IDs as numbers, dates "YYYY-MM-DD", instants RFC 3339
// in UTC, enums as the domain's codes with a Vietnamese label), described in the OpenAPI
// document built by [Server.openAPI]. Errors are always [apiError] bodies.

// Paging of lists: limit defaults to apiDefaultLimit and may not exceed apiMaxLimit.
const (
	apiDefaultLimit = 50
	apiMaxLimit     = 200
)

// apiList is the body of every list: one page of items, the number of items matching the
// filters, and the page asked for.
type apiList[T any] struct {
	Items  []T `json:"items"`
	Total  int `json:"total"`
	Limit  int `json:"limit"`
	Offset int `json:"offset"`
}

// newAPIList returns the list of a page already cut by the store, converting each item.
func newAPIList[S, T any](page []S, total, limit, offset int, conv func(S) T) apiList[T] {
	items := make([]T, 0, len(page))
	for _, v := range page {
		items = append(items, conv(v))
	}
	return apiList[T]{Items: items, Total: total, Limit: limit, Offset: offset}
}

// pageOf returns the list of the page [offset, offset+limit) of every item matching, for
// lists the store does not page.
func pageOf[S, T any](all []S, limit, offset int, conv func(S) T) apiList[T] {
	lo, hi := min(offset, len(all)), min(offset+limit, len(all))
	return newAPIList(all[lo:hi], len(all), limit, offset, conv)
}

// apiDate writes a civil date as "YYYY-MM-DD", and the zero Date as null.
func apiDate(d congtac.Date) *string {
	if d.IsZero() {
		return nil
	}
	s := d.String()
	return &s
}

// apiTime writes an instant in RFC 3339 in UTC, and the zero time as null.
func apiTime(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(time.RFC3339)
	return &s
}

// apiID writes an optional reference: null for 0.
func apiID(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

// apiClock writes a time of day as "HH:MM", and NoTime as null.
func apiClock(t congtac.ClockTime) *string {
	if t == congtac.NoTime || !t.Valid() {
		return nil
	}
	s := fmt.Sprintf("%02d:%02d", int(t)/60, int(t)%60)
	return &s
}

// apiPathID returns the {id} of the request's path, or answers 404 and returns false when
// it is not a positive integer.
func (s *Server) apiPathID(w http.ResponseWriter, r *http.Request, what string) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.apiFail(w, r, notFoundFor(what), 0)
		return 0, false
	}
	return id, true
}

// apiRecord returns the record the request's path names by {id}, as find returns it for the
// actor (ENOTFOUND outside its reach), or answers the error and returns false; an {id}
// that is no positive number is 404 too.
func apiRecord[T any](s *Server, w http.ResponseWriter, r *http.Request, what string,
	find func(context.Context, congtac.Actor, int64) (T, error)) (T, bool) {
	id, ok := s.apiPathID(w, r, what)
	if !ok {
		var zero T
		return zero, false
	}
	v, err := find(r.Context(), actorOf(r), id)
	if err != nil {
		s.apiFail(w, r, fmt.Errorf("web: %s: %w", r.Pattern, err), 0)
		return v, false
	}
	return v, true
}

// codesOf returns the string codes of a domain enum, for the OpenAPI document and query
// parameters.
func codesOf[T ~string](vs []T) []string {
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		out = append(out, string(v))
	}
	return out
}

// apiParam is a query parameter an API route accepts: its name, schema (type, format, enum
// and description, for the OpenAPI document and for checking values) and whether it must
// be given.
type apiParam struct {
	name     string
	schema   *oaSchema
	required bool
}

// Query parameters by kind, for apiOps: free text, a version, an ISO week, a year, a
// positive ID, a date, a period, one of codes; qRequired marks one that must be given.
func qText(name, doc string) apiParam {
	return apiParam{name: name, schema: schMax(schString(doc), congtac.MaxQueryText)}
}

// qVersion is a version number of a record, from 1.
func qVersion(name, doc string) apiParam {
	return apiParam{name: name, schema: &oaSchema{Type: "integer", Minimum: ptr(1.0), Description: doc}}
}

// qWeek is an ISO week: "2026-W48".
func qWeek(name, doc string) apiParam {
	return apiParam{name: name, schema: schPattern(schString(doc), `^[0-9]{4}-W[0-9]{1,2}$`)}
}

// qYear is a year, 1900 to 9999.
func qYear(name, doc string) apiParam {
	return apiParam{name: name, schema: &oaSchema{Type: "integer", Minimum: ptr(1900.0), Maximum: ptr(9999.0), Description: doc}}
}

func qID(name, doc string) apiParam {
	return apiParam{name: name, schema: &oaSchema{Type: "integer", Format: "int64", Minimum: ptr(1.0), Description: doc}}
}

func qDate(name, doc string) apiParam { return apiParam{name: name, schema: schDate(doc)} }

// qPeriod is a period parameter, read by [queryPeriod]: a key or as offices write it.
func qPeriod(name, doc string) apiParam {
	return qText(name, doc+" Dạng 2026, 2026-Q4, 2026-11, 2026-W48, hoặc như “tháng 11/2026”, “quý IV/2026”.")
}

func qEnum(name, doc string, codes ...string) apiParam {
	return apiParam{name: name, schema: schEnum(doc, codes...)}
}

func qRequired(p apiParam) apiParam { p.required = true; return p }

// pagingParams are the parameters of every list.
var pagingParams = []apiParam{
	{name: "limit", schema: &oaSchema{Type: "integer", Minimum: ptr(1.0), Maximum: ptr(float64(apiMaxLimit)),
		Description: "Số bản ghi tối đa (mặc định 50, tối đa 200)."}},
	{name: "offset", schema: &oaSchema{Type: "integer", Minimum: ptr(0.0), Description: "Số bản ghi bỏ qua."}},
}

// apiQuery reads the query parameters of an API request as its route's entry in apiOps
// declares them. Problems are collected, so that one answer names every bad parameter.
type apiQuery struct {
	values   url.Values
	params   map[string]apiParam
	problems congtac.Problems
}

// apiQueryOf returns the reader of r's query, or answers 400 and returns false when r has
// a parameter its route does not declare, one given twice, a required one missing, or one
// longer than its schema's maxLength (every text of an address is bounded:
// [congtac.MaxQueryText]).
func (s *Server) apiQueryOf(w http.ResponseWriter, r *http.Request) (*apiQuery, bool) {
	op := apiOps[r.Pattern]
	q := &apiQuery{values: r.URL.Query(), params: map[string]apiParam{}}
	params := op.params
	if op.list {
		params = append(slices.Clip(params), pagingParams...)
	}
	for _, p := range params {
		q.params[p.name] = p
	}
	for _, name := range slices.Sorted(maps.Keys(q.values)) {
		if _, ok := q.params[name]; !ok {
			q.problems.Add(name, "Tham số %q không được hỗ trợ.", name)
		} else if len(q.values[name]) > 1 {
			q.problems.Add(name, "Tham số %q chỉ được cho một lần.", name)
		}
	}
	for _, p := range params {
		v := q.values.Get(p.name)
		switch max := p.schema.MaxLength; {
		case p.required && strings.TrimSpace(v) == "":
			q.problems.Add(p.name, "Thiếu tham số %q.", p.name)
		case max != nil && utf8.RuneCountInString(v) > *max:
			q.problems.Add(p.name, "Tham số %q dài quá %s ký tự.", p.name, thousands(*max))
		}
	}
	if err := q.problems.Err(); err != nil {
		s.apiFail(w, r, err, http.StatusBadRequest)
		return nil, false
	}
	return q, true
}

// raw returns the value of a declared parameter, "" when absent. Asking for a parameter the
// route does not declare is a programming error: the OpenAPI document would not list it.
func (q *apiQuery) raw(name string) (string, apiParam) {
	p, ok := q.params[name]
	if !ok {
		panic(fmt.Sprintf("web: query oaParameter %q is not declared in apiOps", name))
	}
	return strings.TrimSpace(q.values.Get(name)), p
}

// text returns a string parameter, checked against its enum if it has one.
func (q *apiQuery) text(name string) string {
	v, p := q.raw(name)
	if v != "" && len(p.schema.Enum) > 0 && !slices.Contains(p.schema.Enum, v) {
		q.problems.Add(name, "Giá trị %q của %q không hợp lệ; dùng một trong: %s.", v, name,
			strings.Join(p.schema.Enum, ", "))
	}
	return v
}

// id returns a positive ID parameter, nil when absent, as [queryID] reads it.
func (q *apiQuery) id(name string) *int64 {
	q.raw(name)
	return queryID(q.values, name, &q.problems)
}

// integer returns an integer parameter, nil when absent, checked against its schema's
// minimum and maximum: the document states them, and the server refuses what they refuse
// rather than cut it silently.
func (q *apiQuery) integer(name string) *int64 {
	v, p := q.raw(name)
	if v == "" {
		return nil
	}
	lo, hi := p.schema.Minimum, p.schema.Maximum
	n, err := strconv.ParseInt(v, 10, 64)
	switch {
	case err != nil:
		q.problems.Add(name, "Tham số %q phải là một số nguyên.", name)
	case lo != nil && hi != nil && (float64(n) < *lo || float64(n) > *hi):
		q.problems.Add(name, "Tham số %q phải từ %v đến %v.", name, *lo, *hi)
	case lo != nil && float64(n) < *lo:
		q.problems.Add(name, "Tham số %q phải từ %v trở lên.", name, *lo)
	case hi != nil && float64(n) > *hi:
		q.problems.Add(name, "Tham số %q phải từ %v trở xuống.", name, *hi)
	default:
		return &n
	}
	return nil
}

// year returns a year parameter ([qYear]), nil when absent.
func (q *apiQuery) year(name string) *int {
	if n := q.integer(name); n != nil {
		return ptr(int(*n))
	}
	return nil
}

// date returns a date parameter ("YYYY-MM-DD"), nil when absent.
func (q *apiQuery) date(name string) *congtac.Date {
	v, _ := q.raw(name)
	if v == "" {
		return nil
	}
	d, err := congtac.ParseDate(v)
	if err != nil {
		q.problems.Add(name, "%s", congtac.ErrorMessage(err))
		return nil
	}
	return &d
}

// period returns a period parameter, nil when absent, as [queryPeriod] reads it.
func (q *apiQuery) period(name string) *congtac.Period {
	q.raw(name)
	return queryPeriod(q.values, name, &q.problems)
}

// addErr adds the field problems of an error of a shared query parser (parseTaskQuery …).
func (q *apiQuery) addErr(err error) {
	fields := congtac.FieldErrors(err)
	for _, name := range slices.Sorted(maps.Keys(fields)) {
		q.problems.Add(name, "%s", fields[name])
	}
}

// cursor returns the place in a task list a cursor parameter names ([congtac.TaskKey]), nil
// when absent.
func (q *apiQuery) cursor(name string) *congtac.TaskKey {
	v, _ := q.raw(name)
	if v == "" {
		return nil
	}
	k, err := congtac.ParseTaskKey(v)
	if err != nil {
		q.problems.Add(name, "%s", congtac.ErrorMessage(err))
		return nil
	}
	return &k
}

// page returns limit and offset: limit defaults to 50; above 200 it is refused.
func (q *apiQuery) page() (limit, offset int) {
	limit, offset = apiDefaultLimit, 0
	if n := q.integer("limit"); n != nil {
		limit = int(*n)
	}
	if n := q.integer("offset"); n != nil {
		offset = int(min(*n, 1<<31))
	}
	return limit, offset
}

// fail answers 400 naming every bad parameter read so far and returns true, or returns
// false when there is none.
func (q *apiQuery) fail(s *Server, w http.ResponseWriter, r *http.Request) bool {
	if err := q.problems.Err(); err != nil {
		s.apiFail(w, r, err, http.StatusBadRequest)
		return true
	}
	return false
}

// bodyDate parses a date of a request body ("" for none), adding a problem on field when
// it is not "YYYY-MM-DD".
func bodyDate(p *congtac.Problems, field, s string) congtac.Date {
	d, err := congtac.ParseDate(s)
	if err != nil {
		p.Add(field, "Ngày %q không đúng dạng năm-tháng-ngày (YYYY-MM-DD).", s)
	}
	return d
}

// bodyRequiredDate parses a date a body must carry, adding a problem on field when it is
// missing or not "YYYY-MM-DD".
func bodyRequiredDate(p *congtac.Problems, field, s string) congtac.Date {
	if s == "" {
		p.Add(field, "Thiếu ngày (%s), dạng năm-tháng-ngày (YYYY-MM-DD).", field)
		return congtac.Date{}
	}
	return bodyDate(p, field, s)
}

// bodyVersion returns the version a body must carry, adding a problem when it lacks it.
func bodyVersion(p *congtac.Problems, v *int) int {
	if v == nil {
		p.Add("version", "Thiếu phiên bản (version) của bản ghi đã đọc.")
		return 0
	}
	return *v
}

// deref returns *p, or the zero value for nil.
func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// onField attaches a not-found error to the body field that named the record.
func onField(err error, field string) error {
	if congtac.ErrorCode(err) != congtac.ENOTFOUND {
		return err
	}
	return &congtac.Error{Code: congtac.ENOTFOUND, Field: field, Message: congtac.ErrorMessage(err)}
}

// renameField gives a store's field error the name the API's body uses.
func renameField(err error, from, to string) error {
	var e *congtac.Error
	if errors.As(err, &e) && e.Field == from {
		c := *e
		c.Field = to
		return &c
	}
	return err
}
