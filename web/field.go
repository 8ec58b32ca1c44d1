package web

import (
	"cmp"
	"html/template"
	"strconv"
	"strings"
)

// field is one control of a form with its label and the message of a refused post: the
// data of the partials in templates/partials/field.html. "field" writes the label, the
// control and, when Error is set, the message after it; the message's element has the id
// [field.ErrorID], and the control is marked aria-invalid and described by it. That wiring
// is written in the partials only. A control too special for "field" (a group of
// checkboxes, a checkbox inside a sentence) is written by hand with the partial
// "field-invalid" (a control) or "field-described" (a fieldset) in its tag and
// "field-error" after it, from a field that has only ID, Name and Error.
//
// A field is built by [newField] from the form's messages. Empty strings and zero numbers
// leave their attribute out.
type field struct {
	Kind  fieldKind // the control: an input (the zero value), a select or a textarea
	ID    string    // the control's id, unique in the page
	Name  string    // the control's name
	Key   string    // the key of the control's message in the form's messages, when not Name
	Label string    // the label's text
	Value string    // an input's value, a textarea's text
	Error string    // the message of a refused post; "" when the field is fine

	Type                       string // an input's type; "text" when empty
	Placeholder, Autocomplete  string
	Accept                     string // a file input's types
	InputMode, Pattern         string
	Min, Max, Step             string
	MinLength, MaxLength, Size int
	Rows, Cols                 int // a textarea's
	Class                      string

	Blank       string        // a select's first option, with an empty value ("Tất cả")
	Options     []option      // a select's options
	Groups      []optionGroup // a select's options in <optgroup>s, after Options
	OptionsHTML template.HTML // a select's options already written ([choices.html]), last
	Multiple    bool

	Required  bool
	Verbatim  bool   // a login or a host name: no capital letter, no spelling check
	OrgPicker bool   // a select of orgs that app.js gives a search box
	Deadline  bool   // a deadline phrase that app.js reads as it is typed, from Ref
	Ref       string // the day a deadline phrase is read from: "2026-12-01"
	Wrapped   bool   // the label holds the control, as in the editor's compact forms
}

// fieldKind is the control of a [field].
type fieldKind string

// The controls a [field] writes; the partial "field-control" compares Kind with "select".
const (
	fieldInput    fieldKind = ""
	fieldSelect   fieldKind = "select"
	fieldTextarea fieldKind = "textarea"
)

// errorIDPrefix starts the id of every field's message: "loi-" (lỗi, error) + the
// control's id.
const errorIDPrefix = "loi-"

// newField returns f with its message from errs, the messages of f's form by field name
// ([congtac.FieldErrors]): the one under f.Key, or under f.Name when Key is empty.
func newField(errs map[string]string, f field) field {
	key := f.Key
	if key == "" {
		key = f.Name
	}
	f.Error = errs[key]
	return f
}

// pickers names the kind of record a select of each name picks: its data-picker, from
// which app.js lets the user type to narrow the choices through the search
// (/api/v1/search?kind=…); without JavaScript it stays a plain select.
var pickers = map[string]string{
	"org": "org", "org_id": "org", "lead": "org", "support": "org", "orgs": "org", "preparer": "org",
	"person": "person", "person_id": "person", "chair": "person", "presenter": "person", "leader": "person",
}

// Checks reports whether the field is a select of several values, which the partials
// write as a group of checkboxes rather than a list to Ctrl-click in.
func (f field) Checks() bool { return f.Kind == fieldSelect && f.Multiple }

// ListAttributes returns the attributes of a checkbox group's list: what app.js reads to
// give it a filter box (data-org-picker, and data-picker, the kind of record it picks).
func (f field) ListAttributes() template.HTMLAttr {
	var b strings.Builder
	if f.OrgPicker {
		b.WriteString(" data-org-picker")
	}
	if p := pickers[f.Name]; p != "" {
		b.WriteString(` data-picker="` + p + `"`)
	}
	return template.HTMLAttr(b.String()) // names and pickers are ours
}

// ErrorID returns the id of the field's message, which the control's aria-describedby
// names: "loi-" + the control's id.
func (f field) ErrorID() string { return errorIDPrefix + f.ID }

// Attributes returns the control's attributes but its aria ones, escaped, for the partial
// to write in the control's tag: id and name, an input's type and value, then each of the
// others that is set. They are written by one action, as [choices] writes options: the
// editor of a long program has a thousand fields, and each action costs a function call.
func (f field) Attributes() template.HTMLAttr {
	var b strings.Builder
	b.Grow(128)
	attr := func(name, value string) {
		b.WriteString(" ")
		b.WriteString(name)
		b.WriteString(`="`)
		b.WriteString(template.HTMLEscapeString(value))
		b.WriteString(`"`)
	}
	set := func(name, value string) {
		if value != "" {
			attr(name, value)
		}
	}
	number := func(name string, n int) {
		if n != 0 {
			attr(name, strconv.Itoa(n))
		}
	}
	flag := func(name string, on bool) {
		if on {
			b.WriteString(" ")
			b.WriteString(name)
		}
	}
	attr("id", f.ID)
	attr("name", f.Name)
	if f.Kind == fieldInput {
		attr("type", cmp.Or(f.Type, "text"))
		set("value", f.Value)
	}
	set("class", f.Class)
	if f.Kind == fieldSelect {
		set("data-picker", pickers[f.Name])
	}
	flag("multiple", f.Multiple)
	number("size", f.Size)
	number("rows", f.Rows)
	number("cols", f.Cols)
	set("min", f.Min)
	set("max", f.Max)
	set("step", f.Step)
	number("minlength", f.MinLength)
	number("maxlength", f.MaxLength)
	set("inputmode", f.InputMode)
	set("pattern", f.Pattern)
	set("placeholder", f.Placeholder)
	set("autocomplete", f.Autocomplete)
	set("accept", f.Accept)
	if f.Verbatim {
		b.WriteString(` autocapitalize="none" spellcheck="false"`)
	}
	flag("data-org-picker", f.OrgPicker)
	if f.Deadline {
		b.WriteString(" data-deadline")
		attr("data-ref", f.Ref)
	}
	flag("required", f.Required)
	return template.HTMLAttr(b.String()[1:]) // names are ours, values escaped above
}
