package web

import (
	"context"
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"time"

	"congtac"
	"congtac/vn"
)

// choices are the options of a select, escaped once per page and written as HTML for each
// of the many forms that offer them with different selections: a 300-task program has 600
// org pickers, which html/template would escape option by option. The HTML of a selection
// is kept, since most forms choose alike (no leader, no repetition). Not safe for
// concurrent use: each request builds its own.
type choices struct {
	list []choice
	memo map[string]template.HTML // by the selected values, joined
	mark string                   // " selected", or " checked" for checkboxes
	name string                   // the checkboxes' name
}

// choice is one option: its value and label, and its markup already escaped, split where
// "selected" goes.
type choice struct {
	value, label string
	open, close  string // `<option value="…"` and `>label`: HTML lets an option's end tag go
}

// newChoices returns the choices of opts in their order, as a select's options.
func newChoices(opts []option) *choices {
	out := &choices{list: make([]choice, len(opts)), memo: map[string]template.HTML{}, mark: " selected"}
	for i, o := range opts {
		out.list[i] = out.choice(o.Value, o.Label)
	}
	return out
}

// newCheckChoices returns the choices of opts in their order, as checkboxes named name,
// each in its label: the content of a "field-checks" list.
func newCheckChoices(name string, opts []option) *choices {
	out := &choices{list: make([]choice, 0, len(opts)), memo: map[string]template.HTML{}, mark: " checked", name: name}
	for _, o := range opts {
		if o.Value != "" { // a checkbox left unticked says "none"
			out.list = append(out.list, out.choice(o.Value, o.Label))
		}
	}
	return out
}

// choice returns the markup of one choice, as an option or a checkbox.
func (c *choices) choice(value, label string) choice {
	v, l := template.HTMLEscapeString(value), template.HTMLEscapeString(label)
	if c.name == "" {
		return choice{value: value, label: label, open: `<option value="` + v + `"`, close: ">" + l}
	}
	return choice{value: value, label: label,
		open:  `<label><input type="checkbox" name="` + template.HTMLEscapeString(c.name) + `" value="` + v + `"`,
		close: "> " + l + "</label>"}
}

// html returns the choices with those whose value is among selected marked selected (or
// checked, for checkboxes). A selected value that is not a choice (an org since ended, a
// person without the post any more) is offered too, so that saving the form does not lose
// it silently.
func (c *choices) html(selected ...string) template.HTML {
	key := strings.Join(selected, "\x00")
	if h, ok := c.memo[key]; ok {
		return h
	}
	var b strings.Builder
	b.Grow(len(c.list) * 64)
	for _, ch := range c.list {
		b.WriteString(ch.open)
		if slices.Contains(selected, ch.value) {
			b.WriteString(c.mark)
		}
		b.WriteString(ch.close)
	}
	for _, v := range selected {
		if v != "" && !slices.ContainsFunc(c.list, func(ch choice) bool { return ch.value == v }) {
			ch := c.choice(v, "(mã "+v+")")
			b.WriteString(ch.open + c.mark + ch.close)
		}
	}
	h := template.HTML(b.String()) // labels and values escaped above
	c.memo[key] = h
	return h
}

// label returns the label of value v, or v itself when it is not a choice.
func (c *choices) label(v string) string {
	for _, ch := range c.list {
		if ch.value == v {
			return strings.TrimLeft(ch.label, "\u2003")
		}
	}
	return v
}

// labels returns the labels of values, joined by commas.
func (c *choices) labels(values []string) string {
	out := make([]string, 0, len(values))
	for _, v := range values {
		out = append(out, c.label(v))
	}
	return strings.Join(out, ", ")
}

// editorChoices are the choices the editor's forms offer, built once per page.
type editorChoices struct {
	orgs        *choices // lead and recipient orgs: every active org a may assign, by name
	supports    *choices // support orgs: the same without groups, which only lead
	leaders     *choices // leaders in charge: the committee's chairman and vice chairmen
	signers     *choices // who may sign: leaders and the office's heads, by post
	items       *choices // the program's items, to put a task under
	sectors     *choices
	styles      *choices
	recurs      *choices
	weekdays    *choices
	comparators *choices
	authorities *choices
	signPosts   map[string]signerPost // by the signers' values
	ref         string                // the program's first day, from which deadline phrases are read
}

// signerPost is what choosing a signer fills in: title and name.
type signerPost struct {
	title, name string
	personID    int64
}

// editorChoices returns the choices of the editor of program p for actor a.
func (s *Server) editorChoices(ctx context.Context, a congtac.Actor, p congtac.Program, orgs orgIndex) (editorChoices, error) {
	today := s.today()
	assignable := assignableOrgs(a, orgs, today)
	c := editorChoices{orgs: newChoices(assignable), supports: newCheckChoices("support", withoutGroups(assignable, orgs)),
		items:       newChoices(itemChoices(p.Items)),
		sectors:     newChoices(sectorOptions()),
		styles:      newChoices(styleOptions),
		recurs:      newChoices(recurOptions),
		weekdays:    newChoices(weekdayOptions()),
		comparators: newChoices(comparatorOptions),
		authorities: newChoices(authorityOptions), ref: p.Period.Start().String()}
	var err error
	if c.leaders, c.signers, c.signPosts, err = s.peopleChoices(ctx, p, orgs, today); err != nil {
		return c, err
	}
	return c, nil
}

// assignableOrgs returns the orgs active on day that a may give tasks to (its DraftPrograms
// reach), sorted by name the Vietnamese way.
func assignableOrgs(a congtac.Actor, orgs orgIndex, day congtac.Date) []option {
	nodes := orgs.Within(a, congtac.DraftPrograms, day)
	out := make([]option, len(nodes))
	for i, n := range nodes {
		out[i] = option{Value: strconv.FormatInt(n.ID, 10), Label: n.Name}
	}
	vn.SortFunc(out, func(o option) string { return o.Label })
	return out
}

// withoutGroups returns the org options that are not groups ([congtac.Org.IsGroup]).
func withoutGroups(opts []option, orgs orgIndex) []option {
	return slices.DeleteFunc(slices.Clone(opts), func(o option) bool {
		id, _ := strconv.ParseInt(o.Value, 10, 64)
		org, _ := orgs.Org(id)
		return org.IsGroup()
	})
}

// itemChoices returns a program's items in document order, labelled "1.2. Heading…".
func itemChoices(items []congtac.Item) []option {
	out := []option{{Value: "0", Label: "Chưa xếp vào mục"}}
	for _, it := range itemOrder(items) {
		label := strings.Repeat("\u2003", it.depth) + strings.TrimSpace(it.Label+" "+shortText(it.Heading+" "+it.Text, 60))
		out = append(out, option{Value: strconv.FormatInt(it.ID, 10), Label: label})
	}
	return out
}

// peopleChoices returns the leaders who may be in charge of a task, and the signers of
// program p: the chairman and vice chairmen of its org, then the heads of its office, each
// holding the post today.
func (s *Server) peopleChoices(ctx context.Context, p congtac.Program, orgs orgIndex, today congtac.Date) (leaders, signers *choices, posts map[string]signerPost, err error) {
	found, err := s.st.FindPosts(ctx, congtac.PostFilter{Kinds: []congtac.PostKind{congtac.PostChairman,
		congtac.PostViceChairman, congtac.PostOfficeHead, congtac.PostDeputyOfficeHead}, HeldOn: &today})
	if err != nil {
		return nil, nil, nil, fmt.Errorf("web: editor people: %w", err)
	}
	ids := make([]int64, len(found))
	for i, po := range found {
		ids[i] = po.PersonID
	}
	names, err := s.personNames(ctx, ids...)
	if err != nil {
		return nil, nil, nil, err
	}
	var lead, sign []option
	posts = map[string]signerPost{}
	for _, po := range found {
		if orgs.CommitteeOf(po.OrgID) != p.OrgID || names[po.PersonID] == "" {
			continue
		}
		name, title := names[po.PersonID], po.DisplayTitle()
		if po.Kind.IsLeader() && !containsOption(lead, strconv.FormatInt(po.PersonID, 10)) {
			lead = append(lead, option{Value: strconv.FormatInt(po.PersonID, 10), Label: name + " – " + title})
		}
		v := strconv.FormatInt(po.ID, 10)
		sign = append(sign, option{Value: v, Label: title + ": " + name})
		posts[v] = signerPost{title: title, name: name, personID: po.PersonID}
	}
	lead = append([]option{{Label: "Không ghi"}}, lead...)
	sign = append([]option{{Label: "Người khác (ghi chức vụ và họ tên bên dưới)"}}, sign...)
	return newChoices(lead), newChoices(sign), posts, nil
}

// styleOptions are the numbering styles an item may take; "" follows its depth.
var styleOptions = []option{{Value: "", Label: "Theo cấp (A., 1., 1.1., a))"},
	{Value: string(congtac.StyleUpperLetter), Label: "A., B., C."}, {Value: string(congtac.StyleRoman), Label: "I., II., III."},
	{Value: string(congtac.StyleArabic), Label: "1., 2., 3."}, {Value: string(congtac.StyleNested), Label: "1.1., 1.2."},
	{Value: string(congtac.StyleLowerLetter), Label: "a), b), c)"}, {Value: string(congtac.StyleDash), Label: "- (gạch đầu dòng)"},
	{Value: string(congtac.StyleNone), Label: "Không đánh số"}}

// comparatorOptions are the comparisons of a target.
var comparatorOptions = []option{{Value: "", Label: "—"}, {Value: string(congtac.Greater), Label: "trên"},
	{Value: string(congtac.AtLeast), Label: "ít nhất"}, {Value: string(congtac.Equal), Label: "đạt"},
	{Value: string(congtac.AtMost), Label: "không quá"}, {Value: string(congtac.Less), Label: "dưới"}}

// authorityOptions are the authority lines of a signature block.
var authorityOptions = []option{{Value: "", Label: "—"}, {Value: string(congtac.AuthorityCollective), Label: "TM."},
	{Value: string(congtac.AuthorityDeputy), Label: "KT."}, {Value: string(congtac.AuthorityByOrder), Label: "TL."},
	{Value: string(congtac.AuthorityAuthorized), Label: "TUQ."}, {Value: string(congtac.AuthorityActing), Label: "Q."}}

// weekdayOptions are the weekdays of a weekly duty, Monday first, by their RRULE names.
func weekdayOptions() []option {
	codes := []string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}
	var out []option
	for _, d := range []int{1, 2, 3, 4, 5, 6, 0} {
		out = append(out, option{Value: codes[d], Label: vn.Weekday(time.Weekday(d))})
	}
	return out
}
