package web

import (
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"congtac"
	"congtac/vn"
)

// taskForm is the form of one task in the editor, new under an item or existing. It keeps
// what the user typed, so that a form refused with 422 comes back as it was sent, each
// message by its field.
type taskForm struct {
	// The fields the template reads come first, the most read first: text/template finds a
	// field by name in declaration order, 18,000 times on a 300-task editor.
	Errors                           map[string]string
	Anchor, Action                   string
	Version                          int
	Program                          int64
	Summary, LeadName, SavedDue      string // the task as saved, above the form
	Due, Understood                  string // Understood: the saved deadline's reading
	Carried, New, Loose              bool   // Loose: under no item, the form offers the items
	KeepsOldDue                      bool   // a carried task keeps its missed deadline
	CarriedHref, Item, Text, Ref     string // Ref: the program's first day ("2026-12-01")
	LeadOptions, SupportOptions      template.HTML
	LeaderOptions, SectorOptions     template.HTML
	RecurOptions, WeekdayBoxes       template.HTML
	LastWeekdayOptions               template.HTML
	Recur                            recurForm
	RecurKept                        string // a kept rule, as [recurLabel] shows it
	ComparatorOptions, ItemOptions   template.HTML
	Source                           string
	Metric, Value, Unit, Baseline    string
	General                          []string
	Lead, Leader, Sector, Comparator string
	Support                          []string
	// How the task prints: print (inline, line, none), lead_verb, print_due, print_source.
	Print, LeadVerb       string
	PrintDue, PrintSource bool
	PrintChoices          []printChoice
	LeadVerbChoices       []printChoice
}

// printChoice is a radio button or option of the print fields.
type printChoice struct {
	Value, Label string
	Checked      bool
}

// taskFormFields are the fields of the task form that the field partial writes.
type taskFormFields struct {
	Text, Lead, Due, Source field
}

// Fields returns the form's text, lead, deadline and source fields, as typed, with their
// messages; their ids start with the form's anchor. One call gives all four: a long
// program's editor has hundreds of task forms.
func (f *taskForm) Fields() taskFormFields {
	e := f.Errors
	return taskFormFields{
		Text: newField(e, field{Kind: fieldTextarea, ID: f.Anchor + "-text", Name: "text", Label: "Nội dung nhiệm vụ",
			Rows: 3, Required: true, Value: f.Text, Wrapped: true}),
		Lead: newField(e, field{Kind: fieldSelect, ID: f.Anchor + "-lead", Name: "lead", Label: "Cơ quan chủ trì",
			Class: "org-picker", OrgPicker: true, Required: true, Blank: "Chọn cơ quan chủ trì", OptionsHTML: f.LeadOptions,
			Wrapped: true}),
		Due: newField(e, field{ID: f.Anchor + "-due", Name: "due", Value: f.Due, Deadline: true, Ref: f.Ref, Wrapped: true,
			Label: "Thời hạn: ngày (30/06/2026) hoặc cụm từ (“chậm nhất trong tháng 6/2026”, “trong Quý II”)"}),
		Source: newField(e, field{ID: f.Anchor + "-source", Name: "source", Label: "Căn cứ (văn bản chỉ đạo)",
			MaxLength: 500, Value: f.Source, Wrapped: true}),
	}
}

// taskFields are the fields of [taskForm] that show their own messages.
var taskFields = []string{"text", "sector", "lead", "support", "leader", "due", "recurrence", "target", "source", "item_id",
	"print", "lead_verb"}

// readTaskForm returns the task form as the request posted it.
func readTaskForm(r *http.Request) *taskForm {
	get := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
	f := &taskForm{Text: r.PostFormValue("text"), Sector: get("sector"), Lead: get("lead"), Leader: get("leader"),
		Due: get("due"), Source: get("source"), Item: get("item_id"), Metric: get("metric"), Comparator: get("comparator"),
		Value: get("value"), Unit: get("unit"), Baseline: get("baseline"), KeepsOldDue: get("keeps_old_due") != "",
		Errors: map[string]string{}}
	f.Print, f.LeadVerb = get("print"), get("lead_verb")
	f.PrintDue, f.PrintSource = r.PostFormValue("print_due") != "", r.PostFormValue("print_source") != ""
	f.Version, _ = strconv.Atoi(get("version"))
	f.Recur = recurForm{Kind: get("recur"), Every: get("recur_every"), Weekdays: r.PostForm["recur_weekday"],
		Day: get("recur_day"), LastWeekday: get("recur_last_weekday"), Rule: get("rrule")}
	for _, v := range r.PostForm["support"] {
		if v = strings.TrimSpace(v); v != "" {
			f.Support = append(f.Support, v)
		}
	}
	return f
}

// taskFormOf returns the form of saved task t.
func taskFormOf(t congtac.Task) *taskForm {
	f := &taskForm{Version: t.Version, Text: t.Text, Sector: string(t.Sector), Lead: formIDValue(t.Lead),
		Leader: formIDValue(t.LeaderID), Due: t.Due.Text, Source: t.Source, Item: strconv.FormatInt(t.ItemID, 10),
		Understood: understood(t), Carried: t.CarriedFrom != 0, KeepsOldDue: t.KeepsOldDue, Errors: map[string]string{},
		Print: string(t.Print.Mode.Or()), LeadVerb: string(t.Print.Lead.Or()), PrintDue: t.Print.Due,
		PrintSource: t.Print.Source}
	if f.Due == "" && !t.Due.IsVague() {
		f.Due = vn.PaddedDate(t.Due.Date)
	}
	for _, sp := range t.Support {
		f.Support = append(f.Support, formIDValue(sp.OrgID))
	}
	if t.CarriedFrom != 0 {
		f.CarriedHref = fmt.Sprintf("/tasks/%d", t.CarriedFrom)
	}
	f.Recur = recurFormOf(t.Recurrence)
	if t.Recurrence != nil {
		f.RecurKept = recurLabel(f.Recur, t.Recurrence.Start)
	}
	if tg := t.Target; tg != nil {
		f.Metric, f.Comparator, f.Value, f.Unit, f.Baseline = tg.Metric, string(tg.Comparator), numberText(tg.Value), tg.Unit, tg.Baseline
	}
	return f
}

// fill sets the options of the form's selects from c, marking what the form holds. A new
// task's form asks only for what most tasks need; repetition and target come after.
func (f *taskForm) fill(c editorChoices) {
	if f.Print == "" { // a form not posted yet: a task prints as its own line, with its deadline
		f.Print, f.PrintDue = string(congtac.PrintLine), true
	}
	f.PrintChoices, f.LeadVerbChoices = nil, nil
	for _, m := range congtac.PrintModes {
		f.PrintChoices = append(f.PrintChoices, printChoice{string(m), m.Label(), string(m) == f.Print})
	}
	for _, w := range congtac.LeadWords {
		f.LeadVerbChoices = append(f.LeadVerbChoices, printChoice{string(w), w.Verb(), string(w) == string(congtac.LeadWord(f.LeadVerb).Or())})
	}
	f.LeadOptions, f.SupportOptions = c.orgs.html(f.Lead), c.supports.html(f.Support...)
	f.LeaderOptions, f.SectorOptions = c.leaders.html(f.Leader), c.sectors.html(f.Sector)
	if f.Loose {
		f.ItemOptions = c.items.html(f.Item)
	}
	if !f.New {
		f.RecurOptions, f.WeekdayBoxes = c.recurs.html(f.Recur.Kind), weekdayBoxes(f.Recur.Weekdays)
		f.LastWeekdayOptions = c.weekdays.html(f.Recur.LastWeekday)
		f.ComparatorOptions = c.comparators.html(f.Comparator)
	}
}

// setErrors places the messages of err by the form's fields, the others as general ones.
func (f *taskForm) setErrors(err error) {
	f.Errors, f.General = splitFieldErrors(err, taskFields)
}

// task parses the form into the task it describes in program p: the deadline phrase is
// read with [vn.ParseDue] from the program's first day; a repeating phrase ("hằng tháng")
// gives the repetition when none is chosen. Repetitions end with the program's periods.
// Every field that cannot be read is named in the EINVALID error.
func (f *taskForm) task(p congtac.Program) (congtac.Task, error) {
	var pr congtac.Problems
	t := congtac.Task{ProgramID: p.ID, Text: f.Text, Sector: congtac.Sector(f.Sector), Source: f.Source,
		Print: f.print()}
	t.Lead = parseFormID(&pr, "lead", f.Lead)
	t.LeaderID = parseFormID(&pr, "leader", f.Leader)
	t.ItemID = parseFormID(&pr, "item_id", f.Item)
	for _, v := range f.Support {
		t.Support = append(t.Support, congtac.Support{OrgID: parseFormID(&pr, "support", v)})
	}
	d, err := vn.ParseDue(f.Due, p.Period.Start())
	if err != nil {
		pr.Add("due", "%s", congtac.ErrorMessage(err))
	}
	t.Due = d.Due
	if t.Recurrence, err = f.recurrence(p); err != nil {
		pr = append(pr, congtac.FieldError("recurrence", "%s", congtac.ErrorMessage(err)))
	} else if t.Recurrence == nil && d.Recurrence != nil {
		t.Recurrence = d.Recurrence
	}
	if t.Recurrence != nil && t.Recurrence.Count == 0 && t.Recurrence.Until.IsZero() {
		t.Recurrence.Until = p.Horizon()
	}
	if t.Target, err = f.target(); err != nil {
		pr = append(pr, congtac.FieldError("target", "%s", congtac.ErrorMessage(err)))
	}
	return t, pr.Err()
}

// print returns how the form says the task prints; a form without the print fields (print
// not posted) prints it as its own line with its deadline.
func (f *taskForm) print() congtac.TaskPrint {
	if f.Print == "" {
		return congtac.DefaultTaskPrint()
	}
	return congtac.TaskPrint{Mode: congtac.PrintMode(f.Print), Lead: congtac.LeadWord(f.LeadVerb),
		Due: f.PrintDue, Source: f.PrintSource}
}

// recurrence returns the repetition chosen, starting on the program's first day; nil for
// none.
func (f *taskForm) recurrence(p congtac.Program) (*congtac.Recurrence, error) {
	rule, err := f.Recur.rule()
	if err != nil || rule == "" {
		return nil, err
	}
	r, err := congtac.ParseRecurrence(rule, p.Period.Start())
	if err != nil {
		return nil, err
	}
	return &r, nil
}

// target returns the target the form describes; nil when every target field is empty.
func (f *taskForm) target() (*congtac.Target, error) {
	if f.Metric == "" && f.Comparator == "" && f.Value == "" && f.Unit == "" && f.Baseline == "" {
		return nil, nil
	}
	if f.Value == "" {
		return nil, congtac.Errorf(congtac.EINVALID, "Chỉ tiêu cần có giá trị, ví dụ 50.")
	}
	v, err := parseNumber(f.Value)
	if err != nil {
		return nil, congtac.Errorf(congtac.EINVALID, "Giá trị chỉ tiêu phải là một số, ví dụ 62,5.")
	}
	if f.Comparator == "" {
		return nil, congtac.Errorf(congtac.EINVALID, "Chọn phép so sánh của chỉ tiêu (trên, ít nhất, đạt …).")
	}
	tg := congtac.Target{Metric: f.Metric, Comparator: congtac.Comparator(f.Comparator), Value: v, Unit: f.Unit, Baseline: f.Baseline}
	return &tg, tg.Validate()
}

// update returns the changes the form makes to task t of program p; a repetition whose rule
// did not change keeps its first day.
func (f *taskForm) update(t congtac.Task, p congtac.Program) (congtac.TaskUpdate, error) {
	n, err := f.task(p)
	if err != nil {
		return congtac.TaskUpdate{}, err
	}
	if n.Recurrence != nil && t.Recurrence != nil && n.Recurrence.String() == t.Recurrence.String() {
		n.Recurrence = t.Recurrence
	}
	u := congtac.TaskUpdate{Text: &n.Text, Sector: &n.Sector, Lead: &n.Lead, Support: &n.Support,
		LeaderID: &n.LeaderID, Due: &n.Due, Recurrence: &n.Recurrence, Target: &n.Target, Source: &n.Source,
		ItemID: &n.ItemID, Print: printUpdate(f, t)}
	if t.CarriedFrom != 0 {
		u.KeepsOldDue = &f.KeepsOldDue
	}
	return u, nil
}

// printUpdate returns the print fields of f, or t's own when f did not post them.
func printUpdate(f *taskForm, t congtac.Task) *congtac.TaskPrint {
	if f.Print == "" {
		return &t.Print
	}
	return ptr(f.print())
}

// understood says how a task's deadline was understood, for the user to check: "→
// 30/06/2023 (tháng)", the repetition, or that a date is still needed.
func understood(t congtac.Task) string {
	var parts []string
	switch {
	case !t.Due.IsVague():
		parts = append(parts, vn.PaddedDate(t.Due.Date)+" ("+precisionLabel(t.Due.Precision)+")")
	case t.Due.Text != "" && t.Recurrence == nil:
		parts = append(parts, "chưa có ngày cụ thể: hãy ghi ngày hoặc tháng")
	}
	if t.Recurrence != nil {
		parts = append(parts, vn.LowerFirst(vn.FormatRecurrence(*t.Recurrence))+" đến "+vn.ShortDate(t.Recurrence.Until))
	}
	if len(parts) == 0 {
		return ""
	}
	return "→ " + strings.Join(parts, "; ")
}

// precisionLabel names how exactly a deadline was given.
func precisionLabel(p congtac.Precision) string {
	return map[congtac.Precision]string{congtac.PrecisionDay: "ngày", congtac.PrecisionMonth: "tháng",
		congtac.PrecisionQuarter: "quý", congtac.PrecisionHalf: "6 tháng", congtac.PrecisionYear: "năm"}[p]
}

// describe returns the form's fields as people read them, for the conflict page.
func (f *taskForm) describe(c editorChoices) []fieldText {
	target := strings.Join(strings.Fields(strings.Join([]string{f.Metric, c.comparators.label(f.Comparator), f.Value, f.Unit, f.Baseline}, " ")), " ")
	if f.Comparator == "" && f.Value == "" {
		target = ""
	}
	recur := f.Recur.words(c)
	return []fieldText{{"Nội dung", f.Text}, {"Thuộc mục", c.items.label(f.Item)}, {"Lĩnh vực", c.sectors.label(f.Sector)},
		{"Cơ quan chủ trì", c.orgs.label(f.Lead)}, {"Cơ quan phối hợp", c.orgs.labels(f.Support)},
		{"Lãnh đạo phụ trách", c.leaders.label(f.Leader)}, {"Thời hạn", f.Due}, {"Lặp lại", recur},
		{"Chỉ tiêu", target}, {"Căn cứ", f.Source}}
}

// fieldText is one field of a form as people read it.
type fieldText struct{ Label, Value string }
