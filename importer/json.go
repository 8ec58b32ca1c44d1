package importer

import (
	"fmt"

	"congtac"
	"congtac/vn"
)

// The JSON form of a [Result] is a contract: `congtac import FILE -json` prints it and
// POST /api/v1/imports answers it, and users' scripts read it. docs/IMPORT.md documents
// every field; a field is added, never renamed or removed. Lines are indexes into
// "lines" (from 0), -1 for the whole document; dates are ISO (YYYY-MM-DD), periods their
// keys ("2023-04", "2023-Q2"), times "HH:MM", confidences from 0 to 1.

// JSONResult is the JSON form of a [Result].
type JSONResult struct {
	Format       Format            `json:"format"`
	Kind         Kind              `json:"kind"`
	Legacy       Legacy            `json:"legacy_encoding"`
	Lines        []string          `json:"lines"`
	Masthead     JSONMasthead      `json:"masthead"`
	Items        []JSONItem        `json:"items"`
	Tasks        []JSONTask        `json:"tasks"`
	Meetings     []JSONMeeting     `json:"meetings"`
	Week         string            `json:"week"`
	Entries      []JSONEntry       `json:"entries"`
	Recipients   []string          `json:"recipients"`
	Signature    JSONSignature     `json:"signature"`
	Orgs         []JSONOrgName     `json:"orgs"`
	Restorations []JSONRestoration `json:"restorations"`
	Problems     []JSONProblem     `json:"problems"`
}

// JSONField is a text read from the document: where, and how sure.
type JSONField struct {
	Text       string  `json:"text"`
	Line       int     `json:"line"`
	Confidence float64 `json:"confidence"`
}

// JSONMasthead is the masthead.
type JSONMasthead struct {
	Parent  JSONField `json:"parent"`
	Issuer  JSONField `json:"issuer"`
	Number  int       `json:"number"`
	Symbol  JSONField `json:"symbol"`
	Place   JSONField `json:"place"`
	Date    string    `json:"date"`
	Year    int       `json:"year"`
	Type    JSONField `json:"type"`
	Summary JSONField `json:"summary"`
	Period  string    `json:"period"`
	Also    []string  `json:"also"`
}

// JSONItem is a numbered item of the program.
type JSONItem struct {
	ID       int64  `json:"id"`
	ParentID int64  `json:"parent_id"`
	Label    string `json:"label"`
	Style    string `json:"style"`
	Heading  string `json:"heading"`
	Text     string `json:"text"`
	Sector   string `json:"sector"`
	Line     int    `json:"line"`
}

// JSONOrgRef is an org as written, and the org of the directory it was matched to (0:
// none close enough).
type JSONOrgRef struct {
	Name       string  `json:"name"`
	OrgID      int64   `json:"org_id"`
	Confidence float64 `json:"confidence"`
}

// JSONDue is a deadline: the phrase, and the day and precision it gives (none for a
// vague phrase), or the repetition.
type JSONDue struct {
	Text       string `json:"text"`
	Date       string `json:"date"`
	Precision  string `json:"precision"`
	Recurrence string `json:"recurrence"`
	Problem    string `json:"problem"`
}

// JSONTarget is a target.
type JSONTarget struct {
	Metric     string  `json:"metric"`
	Unit       string  `json:"unit"`
	Comparator string  `json:"comparator"`
	Value      float64 `json:"value"`
	Baseline   string  `json:"baseline"`
}

// JSONTask is a task read from an item.
type JSONTask struct {
	ItemID     int64        `json:"item_id"`
	Text       string       `json:"text"`
	Sector     string       `json:"sector"`
	Lead       *JSONOrgRef  `json:"lead"`
	Support    []JSONOrgRef `json:"support"`
	Verb       string       `json:"verb"`
	Due        JSONDue      `json:"due"`
	Target     *JSONTarget  `json:"target"`
	Source     string       `json:"source"`
	Line       int          `json:"line"`
	Confidence float64      `json:"confidence"`
}

// JSONMeeting is a meeting the program announces.
type JSONMeeting struct {
	Kind       string       `json:"kind"`
	Title      string       `json:"title"`
	Date       string       `json:"date"`
	Start      string       `json:"start"`
	Part       string       `json:"part"`
	Place      string       `json:"place"`
	Recurrence string       `json:"recurrence"`
	ItemID     int64        `json:"item_id"`
	Line       int          `json:"line"`
	Confidence float64      `json:"confidence"`
	Agenda     []JSONMatter `json:"agenda"`
}

// JSONMatter is a matter of a meeting's agenda.
type JSONMatter struct {
	Title   string       `json:"title"`
	Lead    *JSONOrgRef  `json:"lead"`
	Support []JSONOrgRef `json:"support"`
	Verb    string       `json:"verb"`
	ItemID  int64        `json:"item_id"`
	Line    int          `json:"line"`
}

// JSONEntry is an entry of a weekly schedule.
type JSONEntry struct {
	Date         string      `json:"date"`
	Start        string      `json:"start"`
	Part         string      `json:"part"`
	Leaders      []string    `json:"leaders"`
	Title        string      `json:"title"`
	Place        string      `json:"place"`
	Participants string      `json:"participants"`
	Preparer     *JSONOrgRef `json:"preparer"`
	Postponed    bool        `json:"postponed"`
	Note         string      `json:"note"`
	Line         int         `json:"line"`
	Confidence   float64     `json:"confidence"`
}

// JSONSignature is the signature block.
type JSONSignature struct {
	Lines []string `json:"lines"`
	Title string   `json:"title"`
	Name  string   `json:"name"`
}

// JSONOrgName is an org name the document writes and its match.
type JSONOrgName struct {
	Name       string  `json:"name"`
	Lines      []int   `json:"lines"`
	OrgID      int64   `json:"org_id"`
	OrgName    string  `json:"org_name"`
	Confidence float64 `json:"confidence"`
}

// JSONRestoration is a line whose lost letters were put back.
type JSONRestoration struct {
	Line       int     `json:"line"`
	Before     string  `json:"before"`
	After      string  `json:"after"`
	Confidence float64 `json:"confidence"`
}

// JSONProblem is something the import could not make sense of.
type JSONProblem struct {
	Line    int    `json:"line"`
	Message string `json:"message"`
}

// JSON returns the result in its JSON form. Slices are never null.
func (r *Result) JSON() JSONResult {
	out := JSONResult{Format: r.Format, Kind: r.Kind, Legacy: r.Legacy, Lines: nonNil(r.Lines),
		Masthead: r.jsonMasthead(), Items: []JSONItem{}, Tasks: []JSONTask{}, Meetings: []JSONMeeting{},
		Entries: []JSONEntry{}, Recipients: nonNil(r.Closing.Recipients), Orgs: []JSONOrgName{},
		Restorations: []JSONRestoration{}, Problems: []JSONProblem{}}
	out.Signature = JSONSignature{Lines: []string{}, Title: r.Closing.Signature.Title, Name: r.Closing.Signature.Name}
	for _, l := range r.Closing.Signature.Lines {
		out.Signature.Lines = append(out.Signature.Lines, l.String())
	}
	for i, it := range r.Items {
		out.Items = append(out.Items, JSONItem{ID: it.ID, ParentID: it.ParentID, Label: it.Label, Style: string(it.Style),
			Heading: it.Heading, Text: it.Text, Sector: string(it.Sector), Line: r.ItemLines[i]})
	}
	for _, t := range r.Tasks {
		out.Tasks = append(out.Tasks, r.jsonTask(t))
	}
	for _, m := range r.Meetings {
		out.Meetings = append(out.Meetings, r.jsonMeeting(m))
	}
	if r.Schedule.Week.Kind != "" {
		out.Week = r.Schedule.Week.Key()
	}
	for _, e := range r.Schedule.Entries {
		out.Entries = append(out.Entries, r.jsonEntry(e))
	}
	for _, o := range r.Orgs {
		j := JSONOrgName{Name: o.Name, Lines: o.Lines, Confidence: o.Match.Score}
		if o.Matched {
			j.OrgID, j.OrgName = o.Match.Org.ID, o.Match.Org.Name
		}
		out.Orgs = append(out.Orgs, j)
	}
	for _, x := range r.Restorations {
		out.Restorations = append(out.Restorations, JSONRestoration(x))
	}
	for _, p := range r.Problems {
		out.Problems = append(out.Problems, JSONProblem(p))
	}
	return out
}

// jsonMasthead returns the masthead, each field as sure as the restoration of its line.
func (r *Result) jsonMasthead() JSONMasthead {
	m := r.Masthead
	f := func(x Field) JSONField { return JSONField{Text: x.Text, Line: x.Line, Confidence: r.sureOf(x)} }
	out := JSONMasthead{Parent: f(m.Parent), Issuer: f(m.Issuer), Number: m.Number, Symbol: f(m.Symbol),
		Place: f(m.Place), Year: m.Year, Type: f(m.Type), Summary: f(m.Summary), Also: []string{}}
	if !m.Date.IsZero() {
		out.Date = m.Date.String()
	}
	if m.Period.Kind != "" {
		out.Period = m.Period.Key()
	}
	for _, a := range m.Also {
		out.Also = append(out.Also, a.Key())
	}
	return out
}

// sureOf returns how sure a field's reading is: 0 when the document lacks it, the
// confidence of the restoration of its line when letters were put back, otherwise 1.
func (r *Result) sureOf(f Field) float64 {
	if f.Line < 0 || f.Text == "" {
		return 0
	}
	for _, x := range r.Restorations {
		if x.Line == f.Line {
			return x.Confidence
		}
	}
	return 1
}

// orgRef returns a name as written and its match; nil for no name.
func (r *Result) orgRef(name string) *JSONOrgRef {
	if name == "" {
		return nil
	}
	key := vn.Fold(name)
	ref := &JSONOrgRef{Name: name}
	for _, o := range r.Orgs {
		if vn.Fold(o.Name) == key {
			ref.Confidence = o.Match.Score
			if o.Matched {
				ref.OrgID = o.Match.Org.ID
			}
		}
	}
	return ref
}

// orgRefs returns names as written and their matches.
func (r *Result) orgRefs(names []string) []JSONOrgRef {
	out := []JSONOrgRef{}
	for _, n := range names {
		if ref := r.orgRef(n); ref != nil {
			out = append(out, *ref)
		}
	}
	return out
}

func (r *Result) jsonTask(t TaskDraft) JSONTask {
	j := JSONTask{ItemID: t.ItemID, Text: t.Text, Sector: string(t.Sector), Lead: r.orgRef(t.Lead),
		Support: r.orgRefs(t.Support), Verb: t.Verb, Due: jsonDue(t.Due, t.Recurrence), Source: t.Source,
		Line: t.Line, Confidence: t.Confidence}
	j.Due.Problem = t.DueProblem
	if x := t.Target; x != nil {
		j.Target = &JSONTarget{Metric: x.Metric, Unit: x.Unit, Comparator: string(x.Comparator), Value: x.Value, Baseline: x.Baseline}
	}
	return j
}

// jsonDue returns a deadline in its JSON form.
func jsonDue(d congtac.Due, rec *congtac.Recurrence) JSONDue {
	j := JSONDue{Text: d.Text, Precision: string(d.Precision)}
	if !d.Date.IsZero() {
		j.Date = d.Date.String()
	}
	if rec != nil {
		j.Recurrence = rec.String()
	}
	return j
}

func (r *Result) jsonMeeting(m MeetingDraft) JSONMeeting {
	j := JSONMeeting{Kind: string(m.Meeting.Kind), Title: m.Meeting.Title, Part: string(m.Meeting.Part),
		Place: m.Meeting.Place, ItemID: m.ItemID, Line: m.Line, Confidence: m.Confidence, Agenda: []JSONMatter{}}
	if !m.Meeting.Date.IsZero() {
		j.Date = m.Meeting.Date.String()
	}
	j.Start = hhmm(m.Meeting.Start)
	if m.Meeting.Recurrence != nil {
		j.Recurrence = m.Meeting.Recurrence.String()
	}
	for _, a := range m.Agenda {
		j.Agenda = append(j.Agenda, JSONMatter{Title: a.Title, Lead: r.orgRef(a.Lead), Support: r.orgRefs(a.Support),
			Verb: a.Verb, ItemID: a.ItemID, Line: a.Line})
	}
	return j
}

func (r *Result) jsonEntry(e ScheduleEntry) JSONEntry {
	return JSONEntry{Date: e.Date.String(), Start: hhmm(e.Start), Part: string(e.Part), Leaders: nonNil(e.Leaders),
		Title: e.Title, Place: e.Place, Participants: e.Participants, Preparer: r.orgRef(e.Preparer),
		Postponed: e.Postponed, Note: e.Note, Line: e.Line, Confidence: e.Confidence}
}

// hhmm returns a time as "HH:MM", or "" for none.
func hhmm(t congtac.ClockTime) string {
	if t == congtac.NoTime || !t.Valid() {
		return ""
	}
	return fmt.Sprintf("%02d:%02d", int(t)/60, int(t)%60)
}

// nonNil returns ss, or an empty slice for nil.
func nonNil[T any](ss []T) []T {
	if ss == nil {
		return []T{}
	}
	return ss
}
