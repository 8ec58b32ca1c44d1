package importer

import (
	"bytes"
	"slices"

	"congtac"
	"congtac/vn"
)

// Format is the kind of file a document was read from.
type Format string

// Formats [Read] tells apart.
const (
	FormatDOCX Format = "docx"
	FormatPDF  Format = "pdf"
	FormatText Format = "text"
)

// Kind is what a document turned out to be.
type Kind string

// Kinds of documents an import understands.
const (
	KindProgram  Kind = "program"  // a work program: a draft program and its meetings
	KindSchedule Kind = "schedule" // a weekly schedule: calendar entries
)

// Options say how to import. The zero value imports with the document's own tone
// placement, the base vocabulary ([BaseVocabulary]) and the document's own words, and no
// directory to match names against.
type Options struct {
	Tones      vn.ToneStyle
	Vocabulary *Vocabulary    // the base vocabulary and the words of the documents stored, for [Restore]
	Orgs       []congtac.Org  // the directory that org names are matched against
	Leaders    []Leader       // the committee's leaders, whom a schedule's entries name
	Period     congtac.Period // the period when the document does not say (pasted text); zero: none
}

// Leader is a leader a weekly schedule may name: by full name, or by post when the
// committee has one holder of it ("Chủ tịch UBND xã").
type Leader struct {
	PersonID int64
	FullName string
	Post     congtac.PostKind
}

// Result is what an import understood of a document, before anything is saved: the
// rows it read (every Line field is an index into Lines), the program or the schedule,
// the org names it met with their matches, what it repaired and the problems it found.
type Result struct {
	Format       Format
	Kind         Kind
	Legacy       Legacy
	Lines        []string
	Masthead     Masthead
	Items        []congtac.Item // temporary IDs from 1, as [Outline] gives them
	ItemLines    []int
	Tasks        []TaskDraft
	Meetings     []MeetingDraft
	Schedule     Schedule
	Closing      Closing
	Orgs         []OrgName
	Restorations []RestoredLine
	Problems     []Problem
}

// RestoredLine is a [Restoration] at the row it changed.
type RestoredLine struct {
	Line       int
	Before     string
	After      string
	Confidence float64
}

// Read reads a document by what its bytes are, whatever its name says: a PDF ("%PDF"
// within its first kilobyte), a DOCX (a ZIP archive), otherwise text in any encoding
// [DecodeText] knows.
func Read(data []byte) (Source, Format, error) {
	switch {
	case bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")):
		src, err := ReadPDF(data)
		return src, FormatPDF, err
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		src, err := ReadDOCX(data)
		return src, FormatDOCX, err
	}
	src, _ := ReadText(data)
	return src, FormatText, nil
}

// Import reads a document ([Read]) and understands it ([Understand]). The error, a
// *congtac.Error of code EINVALID, says in Vietnamese why the file could not be read.
func Import(data []byte, opt Options) (Result, error) {
	src, format, err := Read(data)
	if err != nil {
		return Result{}, err
	}
	r := Understand(src, opt)
	r.Format = format
	return r, nil
}

// Understand repairs a document's text ([Clean], [Restore]) and reads it: a weekly
// schedule ([ReadSchedule]) when it is one, otherwise a program: its masthead, its
// outline, the tasks in its items, the meetings it announces and its closing. Every org
// name met is matched against opt.Orgs ([MatchOrg]).
func Understand(src Source, opt Options) Result {
	src, legacy := Clean(src, opt.Tones)
	vocab := opt.Vocabulary
	if vocab == nil {
		vocab = BaseVocabulary()
	}
	src, restored := Restore(src, vocab)
	rows := src.Rows()
	r := Result{Format: FormatText, Legacy: legacy, Lines: make([]string, len(rows))}
	for i, row := range rows {
		r.Lines[i] = row.Text
	}
	r.Restorations = restoredLines(restored, rows)
	r.Masthead = ReadMasthead(rows)
	if r.Masthead.Period.Kind == "" && opt.Period.Kind != "" {
		r.Masthead.Period = opt.Period
	}
	if sch, ok := ReadSchedule(src); ok && len(sch.Entries) > 0 {
		r.Kind, r.Schedule = KindSchedule, sch
		r.Problems = append(r.Problems, sch.Problems...)
	} else {
		r.readProgram(rows)
	}
	r.Problems = append(slices.Clone(r.Masthead.Problems), r.Problems...)
	for i, p := range r.Problems { // one past the last line (a closing not found): the whole document
		if p.Line >= len(r.Lines) {
			r.Problems[i].Line = -1
		}
	}
	r.Orgs = r.matchOrgs(opt.Orgs)
	slices.SortStableFunc(r.Problems, func(a, b Problem) int { return a.Line - b.Line })
	return r
}

// readProgram reads rows as a program: outline, meetings, tasks and closing.
func (r *Result) readProgram(rows []Row) {
	r.Kind = KindProgram
	o := ReadOutline(rows, r.Masthead.Summary.Line+1)
	r.Items, r.ItemLines = o.Items, o.Lines
	ref := r.Start(congtac.Date{}) // deadlines and meetings are read from the period's first day
	var problems []Problem
	r.Meetings, problems = ReadMeetings(o, ref)
	r.Problems = append(r.Problems, problems...)
	r.Tasks = readTasks(o, rows, ref, meetingsPart(o, r.Meetings))
	for _, t := range r.Tasks {
		if t.DueProblem != "" {
			r.Problems = append(r.Problems, Problem{Line: t.Line, Message: t.DueProblem})
		}
	}
	r.Closing = ReadClosing(rows, o.End)
	r.Problems = append(r.Problems, r.Closing.Problems...)
	if len(o.Items) == 0 {
		r.Problems = append(r.Problems, Problem{Line: -1,
			Message: "Không tìm thấy mục đánh số nào (A., I., 1., 1.1., a)…): văn bản không giống một chương trình công tác."})
	}
}

// restoredLines puts each restoration at the first row of the block it changed.
func restoredLines(rs []Restoration, rows []Row) []RestoredLine {
	var out []RestoredLine
	for _, x := range rs {
		line := slices.IndexFunc(rows, func(row Row) bool { return row.Block == x.Block })
		out = append(out, RestoredLine{Line: line, Before: x.Before, After: x.After, Confidence: x.Confidence})
	}
	return out
}
