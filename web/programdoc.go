package web

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"congtac"
	"congtac/assemble"
	"congtac/export"
	"congtac/vn"
)

// programDoc is a program laid out as an administrative document of Decree 30/2020
// (Phụ lục I): the two-column header, the title, the numbered items with their tasks, the
// recipients and the signature block.
type programDoc struct {
	ParentBody string // optional line above the issuing body, in capitals
	Body       string // the issuing body, in capitals
	Number     string // "Số: 05/CTr-UBND"; the number blank in a draft
	DateLine   string // "Sơn Hà, ngày 02 tháng 11 năm 2026"; day and month blank in a draft
	DocType    string // "CHƯƠNG TRÌNH"
	Summary    string
	Draft      bool // not issued yet: marked "DỰ THẢO"
	Frozen     bool // issued, laid out from its snapshot: exactly as it was issued
	Items      []docItem
	Loose      []docTask // tasks under no item, such as those carried over into a draft
	Recipients []string  // "- …" lines of "Nơi nhận"
	Sign       docSignature
}

// docPart is an entry of a program's table of contents: a part or clause with a heading
// (A., 1.), where it is in the page, and how many tasks it holds, its clauses' included.
type docPart struct {
	Anchor, Label, Title string
	Depth, Tasks         int
}

// Contents returns the document's table of contents: its parts and their clauses that
// have a heading, then the tasks under no item. A document of fewer than three entries
// has none: it is short enough to read through, on a phone too.
func (d programDoc) Contents() []docPart {
	var parts []docPart
	for i, it := range d.Items {
		if it.Anchor == "" {
			continue
		}
		p := docPart{Anchor: it.Anchor, Label: it.Label, Title: it.Heading, Depth: it.Depth}
		for j := i; j < len(d.Items) && (j == i || d.Items[j].Depth > it.Depth); j++ {
			p.Tasks += len(d.Items[j].Tasks)
		}
		parts = append(parts, p)
	}
	if len(d.Loose) > 0 {
		parts = append(parts, docPart{Anchor: "muc-chua-xep", Title: "Nhiệm vụ chuyển tiếp, chưa xếp vào mục", Tasks: len(d.Loose)})
	}
	if len(parts) < 3 {
		return nil
	}
	return parts
}

// docItem is one numbered paragraph with the tasks it carries.
type docItem struct {
	Label, Heading, Text string
	Anchor               string // a part's ID in the page ("phan-2"), which its table of contents links to
	Depth                int    // 0 for parts (A.), 1 for clauses (1.) …
	Tasks                []docTask
	Meetings             []export.MeetingLine // the meetings part's meetings, when the office wrote none
}

// docTask is a task under its item: who leads and supports, by when, and how it stands.
type docTask struct {
	Href      string // "" when the reader may not open the task
	Text      string
	Repeat    bool // the item's text already says what Text says
	Lead      string
	Support   []string
	Due       string
	DuePhrase string
	Leader    string
	Target    string
	Source    string
	Carried   bool       // carried over from an earlier program
	Status    statusView // as of today, not part of the document; zero for the public
	id        int64
}

// docSignature is the signature block: stacked authority lines, the title, the name.
type docSignature struct {
	Lines []string // "TL. CHỦ TỊCH"
	Title string   // "CHÁNH VĂN PHÒNG"
	Name  string
}

// docReader is who reads a program document and what it may see besides the text: the
// status of each task and links to the tasks within its reach. The public gets neither.
type docReader struct {
	actor  congtac.Actor
	public bool
	today  congtac.Date
}

// programDoc lays out program p, with its items and tasks, for reader. An issued program
// is laid out from its snapshot, exactly as it was issued (see [frozenProgramDoc]); any
// other from the store as it is now. Either way the tasks' current status and links, which
// are not part of the document, come from p as it is now.
func (s *Server) programDoc(ctx context.Context, p congtac.Program, orgs orgIndex, rd docReader) (programDoc, error) {
	var doc programDoc
	if p.Status.Published() {
		fz, err := assemble.FindFrozenProgram(ctx, s.st, p.ID)
		switch congtac.ErrorCode(err) {
		case "":
			doc = frozenProgramDoc(fz)
		case congtac.ENOTFOUND: // issued before snapshots, not backfilled yet
		default:
			return programDoc{}, fmt.Errorf("web: program document: %w", err)
		}
	}
	if !doc.Frozen {
		var err error
		if doc, err = s.liveProgramDoc(ctx, p, orgs); err != nil {
			return programDoc{}, err
		}
	}
	annotate(&doc, p, orgs, rd)
	return doc, nil
}

// liveProgramDoc lays out program p from the store as it is now.
func (s *Server) liveProgramDoc(ctx context.Context, p congtac.Program, orgs orgIndex) (programDoc, error) {
	committee, err := s.st.FindCommittee(ctx, p.OrgID)
	if err != nil {
		return programDoc{}, fmt.Errorf("web: program document: %w", err)
	}
	meetings, err := s.st.FindMeetings(ctx, congtac.MeetingFilter{ProgramID: &p.ID})
	if err != nil {
		return programDoc{}, fmt.Errorf("web: program document: %w", err)
	}
	people := make([]int64, 0, len(p.Tasks)+len(meetings))
	for _, t := range p.Tasks {
		people = append(people, t.LeaderID)
	}
	for _, m := range meetings {
		people = append(people, m.ChairID)
	}
	names, err := s.personNames(ctx, people...)
	if err != nil {
		return programDoc{}, err
	}
	org, _ := orgs.Org(p.OrgID)
	return docText(p, meetings, committee.For(org), orgs, names), nil
}

// frozenProgramDoc lays out an issued program from its snapshot alone: the settings, the
// issuing org and its ancestors, and the names of orgs and people as they were at issue.
func frozenProgramDoc(fz assemble.FrozenProgram) programDoc {
	d := fz.Doc
	names := orgIndex{byID: map[int64]congtac.Org{}}
	for id, name := range d.Orgs {
		names.byID[id] = congtac.Org{ID: id, Name: name}
	}
	for _, o := range fz.Issuer {
		names.byID[o.ID] = o
	}
	doc := docText(d.Program, d.Meetings, d.Settings, names, d.People)
	doc.Frozen = true
	return doc
}

// docText lays out the text of program p with its meetings: what the document says, with
// org names from orgs and people's names from people.
func docText(p congtac.Program, meetings []congtac.Meeting, settings congtac.Settings, orgs orgIndex, people map[int64]string) programDoc {
	doc := docHeader(p, orgs, settings)
	doc.Items, doc.Loose = docBody(p, func(t congtac.Task) docTask { return newDocTask(t, orgs, people) })
	fillMeetingsPart(doc.Items, meetings, orgs, people)
	for _, line := range p.Recipients {
		doc.Recipients = append(doc.Recipients, "- "+line)
	}
	doc.Sign = docSignature{Title: strings.ToUpper(p.Signature.Title), Name: p.Signature.Name}
	for _, l := range p.Signature.Lines {
		doc.Sign.Lines = append(doc.Sign.Lines, l.String())
	}
	return doc
}

// fillMeetingsPart writes the meetings into the program's meetings part, as the printed
// document does ([export.IsMeetingsHeading]): a part heading "… HỘI NGHỊ …" with neither
// text, tasks nor items of its own.
func fillMeetingsPart(items []docItem, meetings []congtac.Meeting, orgs orgIndex, people map[int64]string) {
	if len(meetings) == 0 {
		return
	}
	for i, it := range items {
		empty := it.Text == "" && len(it.Tasks) == 0 && (i+1 == len(items) || items[i+1].Depth == 0)
		if empty && export.IsMeetingsHeading(congtac.Item{Heading: it.Heading}, it.Depth) {
			names := make(map[int64]string, len(orgs.byID))
			for id, o := range orgs.byID {
				names[id] = o.DocName()
			}
			items[i].Meetings = export.MeetingLines(meetings, names, people)
			return
		}
	}
}

// annotate adds to the document's tasks what is not part of the document, for reader rd:
// each task's status as of today and its link, from the tasks of p as they are now (a task
// no longer in p gets neither). The public gets neither.
func annotate(doc *programDoc, p congtac.Program, orgs orgIndex, rd docReader) {
	if rd.public {
		return
	}
	now := make(map[int64]congtac.Task, len(p.Tasks))
	for _, t := range p.Tasks {
		now[t.ID] = t
	}
	mark := func(d *docTask) {
		t, ok := now[d.id]
		if !ok {
			return
		}
		d.Status = taskStatusView(t.Status(rd.today))
		if orgs.CanOnTask(rd.actor, congtac.ViewTasks, t) {
			d.Href = fmt.Sprintf("/tasks/%d", t.ID)
		}
	}
	for i := range doc.Items {
		for j := range doc.Items[i].Tasks {
			mark(&doc.Items[i].Tasks[j])
		}
	}
	for i := range doc.Loose {
		mark(&doc.Loose[i])
	}
}

// docHeader fills the header and title of p's document with the masthead and place of
// settings, those of its issuing org ([congtac.Committee.For]), as the printed document does.
func docHeader(p congtac.Program, orgs orgIndex, settings congtac.Settings) programDoc {
	org, _ := orgs.Org(p.OrgID)
	doc := programDoc{ParentBody: strings.ToUpper(settings.ParentBody), Body: strings.ToUpper(settings.BodyName),
		DocType: strings.ToUpper(congtac.DocProgram.Name()), Summary: p.Title, Draft: !p.Status.Published()}
	place := cmp.Or(p.Place, settings.Place)
	if p.Number > 0 {
		doc.Number = "Số: " + congtac.FormatNumber(p.Number, p.Symbol)
		doc.DateLine = vn.DateLine(place, p.IssuedOn)
	} else {
		symbol := cmp.Or(p.Symbol, congtac.Symbol(congtac.DocProgram, cmp.Or(org.ShortName, "UBND"), ""))
		doc.Number = "Số:" + strings.Repeat("\u00a0", 8) + congtac.FormatNumber(0, symbol)
		doc.DateLine = vn.DateLine(place, congtac.Date{Year: p.Period.Start().Year})
	}
	return doc
}

// docBody returns p's items depth first, siblings by position, each with its tasks in
// order, and the tasks whose item is not in the program.
func docBody(p congtac.Program, task func(congtac.Task) docTask) ([]docItem, []docTask) {
	byItem := map[int64][]congtac.Task{}
	for _, t := range p.Tasks {
		byItem[t.ItemID] = append(byItem[t.ItemID], t)
	}
	var items []docItem
	for _, it := range itemOrder(p.Items) {
		d := docItem{Label: it.Label, Heading: it.Heading, Text: it.Text, Depth: it.depth}
		if it.depth <= 1 && it.Heading != "" {
			d.Anchor = fmt.Sprintf("muc-%d", len(items)+1)
		}
		ts := byItem[it.ID]
		slices.SortStableFunc(ts, func(a, b congtac.Task) int { return cmp.Compare(a.Position, b.Position) })
		for _, t := range ts {
			dt := task(t)
			dt.Repeat = sameText(dt.Text, it.Text)
			d.Tasks = append(d.Tasks, dt)
		}
		delete(byItem, it.ID)
		items = append(items, d)
	}
	var loose []docTask
	for _, t := range slices.Concat(slices.Collect(maps.Values(byItem))...) {
		loose = append(loose, task(t))
	}
	slices.SortFunc(loose, func(a, b docTask) int { return cmp.Compare(a.id, b.id) })
	return items, loose
}

// itemAt is an item with its depth in the tree.
type itemAt struct {
	congtac.Item
	depth int
}

// itemOrder returns items depth first, siblings by position then ID; an item whose parent
// is not among them, or whose ancestry loops, counts as top level, and each item comes once.
func itemOrder(items []congtac.Item) []itemAt {
	known := map[int64]bool{}
	for _, it := range items {
		known[it.ID] = true
	}
	kids := map[int64][]congtac.Item{}
	for _, it := range items {
		parent := it.ParentID
		if !known[parent] {
			parent = 0
		}
		kids[parent] = append(kids[parent], it)
	}
	var out []itemAt
	seen := map[int64]bool{}
	var walk func(parent int64, depth int)
	walk = func(parent int64, depth int) {
		list := kids[parent]
		slices.SortStableFunc(list, func(a, b congtac.Item) int {
			return cmp.Or(cmp.Compare(a.Position, b.Position), cmp.Compare(a.ID, b.ID))
		})
		for _, it := range list {
			if !seen[it.ID] {
				seen[it.ID] = true
				out = append(out, itemAt{it, depth})
				walk(it.ID, depth+1)
			}
		}
	}
	walk(0, 0)
	for _, it := range items { // items in a parent cycle never reached from the top
		if !seen[it.ID] {
			seen[it.ID] = true
			out = append(out, itemAt{it, 0})
			walk(it.ID, 1)
		}
	}
	return out
}

// sameText reports whether a task's text says what its item's text says, ignoring the
// final full stop and case.
func sameText(task, item string) bool {
	trim := func(s string) string { return vn.Fold(strings.TrimRight(strings.TrimSpace(s), ".")) }
	return trim(task) == trim(item)
}

// newDocTask returns the text of task t in the document, without its status or link (see
// [annotate]).
func newDocTask(t congtac.Task, orgs orgIndex, names map[int64]string) docTask {
	d := docTask{Text: t.Text, Lead: orgs.Name(t.Lead), Due: t.Due.Label(), DuePhrase: duePhrase(t.Due),
		Leader: names[t.LeaderID], Source: t.Source, Carried: t.CarriedFrom != 0, id: t.ID}
	for _, sp := range t.Support {
		d.Support = append(d.Support, orgs.Name(sp.OrgID))
	}
	if t.Target != nil {
		d.Target = t.Target.String()
	}
	return d
}
