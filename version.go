package congtac

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// ProgramVersion is a kept state of a program's content. One is taken at every step of the
// program's life (submitted, returned, approved, issued), so that the signer's remarks, what
// the office changed after them and what was finally issued can always be compared.
type ProgramVersion struct {
	ProgramID int64
	Number    int           // 1, 2, … in the order taken
	Action    ProgramAction // the step that took it
	At        time.Time
	By        int64   // the user who took the step
	Comment   string  // the signer's remarks, on a return
	Content   Program // the program with its Items and Tasks as they were
}

// ReviewComment is a remark of the signer on one item or task of a submitted program, for
// the office to act on.
type ReviewComment struct {
	ID        int64
	ProgramID int64
	Version   int   // the version it was made on
	ItemID    int64 // 0 for a remark on the whole program
	TaskID    int64 // 0 unless on a task
	Text      string
	AuthorID  int64
	At        time.Time
	Resolved  bool
}

// Validate checks the remark's text.
func (c ReviewComment) Validate() error {
	if err := CheckText("text", "Ý kiến", c.Text); err != nil {
		return err
	}
	switch n := len([]rune(strings.TrimSpace(c.Text))); {
	case n == 0:
		return FieldError("text", "Ý kiến không được để trống.")
	case n > MaxCommentText:
		return FieldError("text", "Ý kiến dài quá 4.000 ký tự.")
	}
	return nil
}

// Change is one difference between two versions of a program.
type Change struct {
	Op     string // "add", "remove", "change", or "move" for a task put under another item
	Entity string // "program", "item" or "task"
	ID     int64  // the item's or task's ID; 0 for the program
	Where  string // where it is, for people: the item's label, or the task's text
	Field  string // the changed field, in Vietnamese, for "change" and "move" ("Mục")
	Before string // for "move": the item it was under, as [ItemRef] says it
	After  string
}

// Namer turns an org or person ID into a name for [Diff]; nil shows "#ID".
type Namer func(id int64) string

func (n Namer) name(id int64) string {
	switch {
	case id == 0:
		return ""
	case n == nil:
		return "#" + strconv.FormatInt(id, 10)
	}
	return n(id)
}

// Diff lists what changed from program a to program b (two versions of one program):
// program fields, then items and tasks added, removed or changed, matched by ID; a task
// kept under another item is a "move" from the one item to the other, before its other
// changes. Orgs and people are shown through the namers. The order is stable: program,
// items in b's order (removed ones after, in a's order), then tasks likewise.
func Diff(a, b Program, org, person Namer) []Change {
	d := &differ{org: org, person: person, before: numbered(a.Items), after: numbered(b.Items)}
	d.field("program", 0, "", "Trích yếu", a.Title, b.Title)
	d.field("program", 0, "", "Kỳ", periodsText(a), periodsText(b))
	d.field("program", 0, "", "Nơi nhận", strings.Join(a.Recipients, "\n"), strings.Join(b.Recipients, "\n"))
	d.field("program", 0, "", "Người ký", signatureText(a.Signature), signatureText(b.Signature))
	d.field("program", 0, "", "Địa danh", a.Place, b.Place)
	d.items(a.Items, b.Items)
	d.tasks(a.Tasks, b.Tasks)
	return d.out
}

// differ collects the changes of one [Diff].
type differ struct {
	org, person   Namer
	before, after map[int64]Item // the items of each version, numbered, by ID
	out           []Change
}

// numbered returns a copy of items numbered by [Number], by ID; the caller's items stay as
// they are.
func numbered(items []Item) map[int64]Item {
	items = slices.Clone(items)
	Number(items)
	out := make(map[int64]Item, len(items))
	for _, it := range items {
		out[it.ID] = it
	}
	return out
}

func (d *differ) field(entity string, id int64, where, name, before, after string) {
	if before != after {
		d.out = append(d.out, Change{Op: "change", Entity: entity, ID: id, Where: where, Field: name, Before: before, After: after})
	}
}

func (d *differ) add(entity string, id int64, where, after string) {
	d.out = append(d.out, Change{Op: "add", Entity: entity, ID: id, Where: where, After: after})
}

func (d *differ) remove(entity string, id int64, where, before string) {
	d.out = append(d.out, Change{Op: "remove", Entity: entity, ID: id, Where: where, Before: before})
}

func (d *differ) items(a, b []Item) {
	a, b = slices.Clone(a), slices.Clone(b) // numbered here; the callers' items stay as they are
	Number(a)
	Number(b)
	old := map[int64]Item{}
	for _, it := range a {
		old[it.ID] = it
	}
	seen := map[int64]bool{}
	for _, it := range b {
		seen[it.ID] = true
		was, ok := old[it.ID]
		where := itemWhere(it)
		if !ok {
			d.add("item", it.ID, where, itemText(it))
			continue
		}
		d.field("item", it.ID, where, "Số thứ tự", was.Label, it.Label)
		d.field("item", it.ID, where, "Tiêu đề", was.Heading, it.Heading)
		d.field("item", it.ID, where, "Nội dung", was.Text, it.Text)
		d.field("item", it.ID, where, "Lĩnh vực", was.Sector.Label(), it.Sector.Label())
	}
	for _, it := range a {
		if !seen[it.ID] {
			d.remove("item", it.ID, itemWhere(it), itemText(it))
		}
	}
}

func (d *differ) tasks(a, b []Task) {
	old := map[int64]Task{}
	for _, t := range a {
		old[t.ID] = t
	}
	seen := map[int64]bool{}
	for _, t := range b {
		seen[t.ID] = true
		was, ok := old[t.ID]
		where := firstWords(t.Text)
		if !ok {
			d.add("task", t.ID, where, t.Text)
			continue
		}
		if was.ItemID != t.ItemID {
			d.out = append(d.out, Change{Op: "move", Entity: "task", ID: t.ID, Where: where, Field: "Mục",
				Before: ItemRef(d.before, was.ItemID), After: ItemRef(d.after, t.ItemID)})
		}
		d.field("task", t.ID, where, "Nội dung", was.Text, t.Text)
		d.field("task", t.ID, where, "Cơ quan chủ trì", d.org.name(was.Lead), d.org.name(t.Lead))
		d.field("task", t.ID, where, "Cơ quan phối hợp", supportText(was.Support, d.org), supportText(t.Support, d.org))
		d.field("task", t.ID, where, "Lãnh đạo phụ trách", d.person.name(was.LeaderID), d.person.name(t.LeaderID))
		d.field("task", t.ID, where, "Thời hạn", was.Due.Annotated(), t.Due.Annotated())
		d.field("task", t.ID, where, "Lặp lại", ruleText(was.Recurrence), ruleText(t.Recurrence))
		d.field("task", t.ID, where, "Chỉ tiêu", targetText(was.Target), targetText(t.Target))
		d.field("task", t.ID, where, "Căn cứ", was.Source, t.Source)
	}
	for _, t := range a {
		if !seen[t.ID] {
			d.remove("task", t.ID, firstWords(t.Text), t.Text)
		}
	}
}

func periodsText(p Program) string {
	parts := []string{p.Period.String()}
	for _, a := range p.Also {
		parts = append(parts, a.String())
	}
	return strings.Join(parts, " và ")
}

func signatureText(s Signature) string {
	lines := make([]string, 0, len(s.Lines)+2)
	for _, l := range s.Lines {
		lines = append(lines, l.String())
	}
	return strings.TrimSpace(strings.Join(append(lines, strings.ToUpper(s.Title), s.Name), " / "))
}

func itemText(it Item) string {
	return strings.Join(strings.Fields(it.Label+" "+it.Heading+" "+it.Text), " ")
}

func itemWhere(it Item) string {
	return strings.TrimSpace(it.Label + " " + firstWords(it.Heading+" "+it.Text))
}

func supportText(ss []Support, org Namer) string {
	names := make([]string, len(ss))
	for i, s := range ss {
		names[i] = org.name(s.OrgID)
	}
	return strings.Join(names, ", ")
}

// ruleText returns a repeat rule as stored (RFC 5545) with its first day, so that a change
// log shows any change to either. The Vietnamese phrase of a rule, vn.FormatRecurrence,
// is out of reach here: package vn imports this one.
func ruleText(r *Recurrence) string {
	if r == nil {
		return ""
	}
	return r.String() + " từ " + r.Start.String()
}

func targetText(t *Target) string {
	if t == nil {
		return ""
	}
	return t.String()
}

// firstWords returns about the first ten words of s, to say where a change is.
func firstWords(s string) string {
	words := strings.Fields(s)
	if len(words) <= 10 {
		return strings.Join(words, " ")
	}
	return strings.Join(words[:10], " ") + "…"
}

// ItemRef names item id of items (numbered, by ID) as a reader cites it: "mục 1.2",
// "mục A.1.2" (the numbers of its ancestors before its own, a nested number standing for
// its parent's), "mục “Về văn hóa”" for an unnumbered item, "chưa xếp vào mục" for 0 or
// an item not in items.
func ItemRef(items map[int64]Item, id int64) string {
	it, ok := items[id]
	if !ok {
		return "chưa xếp vào mục"
	}
	if own := strings.TrimRight(it.Label, ".)"); own == "" || own == "-" {
		return "mục “" + firstWords(strings.TrimSpace(it.Heading+" "+it.Text)) + "”"
	}
	return "mục " + FullNumber(items, id)
}

// FullNumber returns the full number of item id among items, as a program cites it: the
// labels (as [Number] gives them) from the top part down, joined by dots ("A.1", "B.I.1"),
// a nested label standing for its parent's ("A." → "1." → "1.1." is "A.1.1"), unnumbered
// and dashed items adding nothing; "" when the item and its parents have no number or it
// is not among items.
func FullNumber(items map[int64]Item, id int64) string {
	var chain []Item // from the item up to the top
	for it, ok := items[id]; ok && !slices.ContainsFunc(chain, func(c Item) bool { return c.ID == it.ID }); it, ok = items[it.ParentID] {
		chain = append(chain, it)
	}
	var parts []string
	for _, it := range slices.Backward(chain) {
		n := strings.TrimRight(strings.TrimSpace(it.Label), ".)")
		switch last := len(parts) - 1; {
		case n == "" || n == "-":
		case last >= 0 && strings.HasPrefix(n, parts[last]+"."):
			parts[last] = n
		default:
			parts = append(parts, n)
		}
	}
	return strings.Join(parts, ".")
}
