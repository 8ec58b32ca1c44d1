package export

import (
	"cmp"
	"slices"
	"strings"

	"congtac"
	"congtac/vn"
)

// ProgramDoc is a work program (chương trình công tác, CTr) to print: its items in their
// numbered tree with their prose as written, each task of an item printed as its
// [congtac.TaskPrint] says (the office's parenthetical in the prose, its own line, or
// nothing), and the signature block. Callers build it from the store.
type ProgramDoc struct {
	Settings congtac.Settings // issuing body, parent body, default place
	Program  congtac.Program  // with Items and Tasks; Number, Symbol, IssuedOn once issued
	Orgs     map[int64]string // org names by ID, for leads and supports
	People   map[int64]string // people's names by ID
	// Meetings fill the meetings part (a top-level item whose heading names "HỘI NGHỊ")
	// when that part has neither text nor items of its own; otherwise the program's text
	// speaks for them and Meetings are not printed.
	Meetings []congtac.Meeting
	Draft    bool // print a blank number and date and the "DỰ THẢO" mark, without images
	Options  Options
}

// letter returns the program's masthead and signature data.
func (d ProgramDoc) letter() letter {
	p := d.Program
	l := letter{settings: d.Settings, kind: congtac.DocProgram, number: p.Number, symbol: p.Symbol,
		date: p.IssuedOn, place: cmp.Or(p.Place, d.Settings.Place), summary: p.Title, signature: p.Signature,
		recipients: p.Recipients, draft: d.Draft, options: d.Options}
	if l.draft || l.date.IsZero() {
		l.draft = true
		l.date = congtac.Date{Year: p.Period.Year}
	}
	return l
}

// layout implements [Doc].
func (d ProgramDoc) layout(m *metrics) (*sheet, error) {
	return d.letter().sheet(m, d.body())
}

// body returns the program's items as paragraphs, depth first, then the tasks that no item
// carries.
func (d ProgramDoc) body() []block {
	items := slices.Clone(d.Program.Items)
	congtac.Number(items)
	tree := newItemTree(items)
	tasks := tasksByItem(d.Program.Tasks, tree)
	var out []block
	var walk func(parent int64, depth int)
	walk = func(parent int64, depth int) {
		for _, it := range tree.children(parent) {
			if it.ID == 0 { // an unsaved item: no tasks or children can name it
				out = append(out, d.item(it, depth, nil, tree)...)
				continue
			}
			out = append(out, d.item(it, depth, tasks[it.ID], tree)...)
			walk(it.ID, depth+1)
		}
	}
	walk(0, 0)
	for _, t := range tasks[0] {
		if t.Print.Mode.Or() != congtac.PrintNone { // no prose to hold an inline task
			out = append(out, d.taskPara(t))
		}
	}
	return out
}

// item returns the paragraphs of one item: its label and heading, its text, its tasks.
func (d ProgramDoc) item(it congtac.Item, depth int, tasks []congtac.Task, tree itemTree) []block {
	heading, texts := oneLine(it.Heading), paragraphs(it.Text)
	if d.isMeetingsPart(it, depth, texts, tree) {
		return append(d.headingBlocks(it, depth, heading), meetingParas(d.Meetings, d.Orgs, d.People)...)
	}
	var out []para
	switch {
	case heading != "" && strings.HasSuffix(heading, ":") && len(texts) > 0:
		out = append(out, bodyPara(strong(labelled(it.Label, heading)+" "), plain(texts[0])))
		texts = texts[1:]
	case heading != "":
		out = append(out, d.headingPara(it, depth, heading))
	case len(texts) > 0:
		out = append(out, bodyPara(plain(labelled(it.Label, texts[0]))))
		texts = texts[1:]
	}
	for _, t := range texts {
		out = append(out, bodyPara(plain(t)))
	}
	inline(out, tasks, d.Orgs)
	blocks := make([]block, 0, len(out)+len(tasks))
	for _, p := range out {
		blocks = append(blocks, p)
	}
	for _, t := range tasks {
		if t.Print.Mode.Or() == congtac.PrintLine {
			blocks = append(blocks, d.taskPara(t))
		}
	}
	return blocks
}

// headingBlocks returns an item's heading paragraph alone, or nothing without a heading.
func (d ProgramDoc) headingBlocks(it congtac.Item, depth int, heading string) []block {
	if heading == "" {
		return nil
	}
	return []block{d.headingPara(it, depth, heading)}
}

// headingPara returns an item's label and heading in bold, in capitals for a top-level
// part, kept with the paragraph after it.
func (d ProgramDoc) headingPara(it congtac.Item, depth int, heading string) para {
	h := labelled(it.Label, heading)
	if depth == 0 {
		h = upper(h)
	}
	p := bodyPara(strong(h))
	p.keepNext = true
	return p
}

// labelled puts an item's label before its text: "1.1. Chỉ đạo …".
func labelled(label, s string) string {
	if label == "" {
		return s
	}
	return label + " " + s
}

// taskPara returns a task as its own paragraph: "- text (parenthetical).".
func (d ProgramDoc) taskPara(t congtac.Task) para { return taskLine(t, d.Orgs) }

// assignment returns a task's lead, supports, deadline and target as the result report
// prints them in italics after the task: "Cơ quan chủ trì: Sở Tài chính; phối hợp: Sở Xây
// dựng, Ban QLDA; thời hạn: trong tháng 4/2026".
func assignment(t congtac.Task, orgs map[int64]string) string {
	var parts []string
	if lead := oneLine(orgs[t.Lead]); lead != "" {
		parts = append(parts, "Cơ quan chủ trì: "+lead)
	}
	if s := supportNames(t, orgs); s != "" {
		parts = append(parts, "phối hợp: "+s)
	}
	if due := oneLine(t.Due.Written()); due != "" {
		parts = append(parts, "thời hạn: "+due)
	}
	if t.Target != nil {
		parts = append(parts, "chỉ tiêu: "+oneLine(t.Target.String()))
	}
	if len(parts) == 0 {
		return "chưa giao cơ quan chủ trì"
	}
	return vn.Capitalize(strings.Join(parts, "; "))
}

// supportNames returns a task's support orgs in priority order, comma separated.
func supportNames(t congtac.Task, orgs map[int64]string) string {
	var names []string
	for _, s := range t.Support {
		if n := oneLine(orgs[s.OrgID]); n != "" {
			names = append(names, n)
		}
	}
	return strings.Join(names, ", ")
}

// isMeetingsPart reports whether an item is the program's meetings part left for
// [ProgramDoc.Meetings] to fill.
func (d ProgramDoc) isMeetingsPart(it congtac.Item, depth int, texts []string, tree itemTree) bool {
	return len(d.Meetings) > 0 && len(texts) == 0 && len(tree.children(it.ID)) == 0 && IsMeetingsHeading(it, depth)
}

// IsMeetingsHeading reports whether item it, at depth (0 for a part), heads a program's
// meetings part ("B. CÁC HỘI NGHỊ CHÍNH TRONG THÁNG"), which the period's meetings fill when
// the office writes nothing under it.
func IsMeetingsHeading(it congtac.Item, depth int) bool {
	return depth == 0 && strings.Contains(upper(it.Heading), "HỘI NGHỊ")
}
