package web

import (
	"encoding/base64"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"congtac"
	"congtac/importer"
	"congtac/vn"
)

// importReviewPage is the data of import_review.html: what a document was understood to
// say, beside its lines, with the choices to make before saving.
type importReviewPage struct {
	layout
	Review importReview
}

func (importReviewPage) template() string { return "import_review" }

// importReview is the review of one reading. Lines are numbered from 1 (the importer's
// from 0); a Line of 0 links nowhere (the whole document).
type importReview struct {
	// What the form carries back to the confirmation.
	Data, Name, Org, Tones, Period, Fingerprint string

	About     string // where the document came from and for which committee
	KindLabel string // "Chương trình công tác", "Lịch công tác tuần"
	Schedule  bool
	Button    string
	CanSave   bool
	Cannot    string // why it cannot be saved from the page, when it cannot
	Stale     bool   // the reading changed since the page was shown
	General   []string
	Errors    map[string]string // by field: org.<j>, task.<i>.lead
	Existing  *programLink      // the program the period already has, on a conflict

	Lines      []sourceLine
	Masthead   []mastheadRow
	Items      []outlineRow
	Tasks      []taskReview
	Meetings   []meetingReview
	Week       string
	Entries    []entryReview
	Recipients []string
	Signature  []string
	Names      []nameReview
	Problems   []lineNote // what the reading could not understand
	Left       []lineNote // what saving as chosen leaves out
	Unsure     []lineNote // letters put back without certainty
}

// sourceLine is a line of the document; Title says what a restoration changed.
type sourceLine struct {
	N                int
	Text             string
	Restored, Unsure bool
	Title            string
}

// mastheadRow is a field of the masthead with how sure its reading is.
type mastheadRow struct {
	Label, Text string
	Line        int
	Sure        bool
}

// outlineRow is a numbered item of the program.
type outlineRow struct {
	Label, Heading, Text string
	Depth, Line          int
}

// taskReview is a task read, with the choice of its lead and of leaving it out.
type taskReview struct {
	Index                                  int
	Key                                    string
	Text, Sector, Due, Reading, DueProblem string
	Target, Source, Written, Verb, Support string
	Line                                   int
	Lead                                   field
	Skip                                   bool
}

// meetingReview is a meeting the program announces, with its agenda.
type meetingReview struct {
	Kind, Title, When, Recurrence, Place string
	Line                                 int
	Agenda                               []matterReview
}

// matterReview is a matter of a meeting's agenda and who prepares it.
type matterReview struct {
	Title, Lead, Support string
	Line                 int
}

// entryReview is an entry of a weekly schedule.
type entryReview struct {
	Day, Time, Leaders, Title, Place, Participants, Preparer, Note string
	Postponed, Sure                                                bool
	Line                                                           int
}

// nameReview is an org name the document writes, its lines, and the choice of the org it
// stands for.
type nameReview struct {
	Index int
	Name  string
	Lines []int
	Field field
}

// lineNote is a message about a line.
type lineNote struct {
	Line    int
	Message string
}

// importReview returns the review of run, read from in. posted, when not nil, are the
// choices of a review posted before, shown again where they still apply. The "new" choice
// of an org name is offered when canCreate.
func (s *Server) importReview(run importRun, in importInput, canCreate bool, posted *importChoices) importReview {
	r := &run.result
	j := r.JSON()
	rv := importReview{Name: in.name, Org: strconv.FormatInt(run.into.Committee.ID, 10), Tones: toneCode(in.tones),
		Fingerprint: fingerprint(run), CanSave: true, Errors: map[string]string{},
		Schedule: r.Kind == importer.KindSchedule, Lines: sourceLines(j), Recipients: j.Recipients}
	if in.period.Kind != "" {
		rv.Period = in.period.Key()
	}
	if len(in.data) <= importCarryBytes {
		rv.Data = base64.StdEncoding.EncodeToString(in.data)
	} else {
		rv.CanSave = false
		rv.Cannot = fmt.Sprintf("Tệp lớn hơn %d MB: trang này chỉ đọc thử được. Hãy lưu bằng lệnh congtac import hoặc API (POST /api/v1/imports).", importCarryBytes>>20)
	}
	rv.KindLabel, rv.Button = "Chương trình công tác", "Lưu thành dự thảo"
	if rv.Schedule {
		rv.KindLabel, rv.Button = "Lịch công tác tuần", "Lưu vào lịch công tác"
	}
	rv.About = aboutImport(in, j, run.into.Committee.Name)
	rv.Masthead = mastheadRows(j, in, rv.Schedule)
	rv.Items = outlineRows(j.Items)
	dir := directoryOptions(run.into.Orgs)
	rv.Tasks = taskReviews(r, j, dir, posted)
	rv.Meetings = meetingReviews(r, j, run.into.Orgs)
	rv.Week, rv.Entries = weekLabel(r.Schedule.Week), entryReviews(j.Entries, run.into.Orgs)
	for _, l := range append(slices.Clone(j.Signature.Lines), j.Signature.Title, j.Signature.Name) {
		if l != "" {
			rv.Signature = append(rv.Signature, l)
		}
	}
	rv.Names = nameReviews(j.Orgs, dir, canCreate, posted)
	for _, p := range j.Problems {
		rv.Problems = append(rv.Problems, lineNote{lineNo(p.Line), p.Message})
	}
	for _, x := range j.Restorations {
		if x.Confidence < importSure {
			rv.Unsure = append(rv.Unsure, lineNote{lineNo(x.Line), fmt.Sprintf("“%s” đọc thành “%s” (độ tin cậy %s).",
				strings.TrimSpace(x.Before), x.After, percent(x.Confidence))})
		}
	}
	rv.Left = s.leftOut(run, canCreate, posted, &rv)
	return rv
}

// leftOut returns what saving as chosen would leave out: the tasks without a lead, the
// deadlines outside the program's periods. A program whose period is unknown cannot be
// saved: rv says so.
func (s *Server) leftOut(run importRun, canCreate bool, posted *importChoices, rv *importReview) []lineNote {
	var c importer.Choices
	if posted != nil {
		if cc, err := choicesOf(run, *posted, canCreate, s.today()); err == nil {
			c = cc
		}
	}
	_, problems, err := run.result.Draft(run.into.Committee.ID, run.into.Leaders, c)
	if err != nil {
		rv.CanSave = false
		rv.Cannot = congtac.ErrorMessage(err) + " Hãy quay lại trang nhập, ghi kỳ rồi đọc lại."
	}
	var out []lineNote
	for _, p := range problems {
		out = append(out, lineNote{lineNo(p.Line), p.Message})
	}
	return out
}

// toneCode returns the form's code of a tone style.
func toneCode(style vn.ToneStyle) string {
	for _, t := range importTones {
		if t.style == style {
			return t.code
		}
	}
	return ""
}

// lineNo returns a line's number for people (from 1), or 0 for none (-1).
func lineNo(line int) int {
	if line < 0 {
		return 0
	}
	return line + 1
}

// percent returns a confidence as a percentage: "93%".
func percent(x float64) string { return fmt.Sprintf("%.0f%%", x*100) }

// aboutImport says where a document came from, how it was read and for which committee.
func aboutImport(in importInput, j importer.JSONResult, committee string) string {
	from := "Đọc từ " + pastedName
	if in.name != pastedName {
		from = fmt.Sprintf("Đọc từ tệp “%s” (%s)", in.name, map[importer.Format]string{importer.FormatDOCX: "DOCX",
			importer.FormatPDF: "PDF", importer.FormatText: "văn bản thuần"}[j.Format])
	}
	if j.Legacy != "" {
		from += fmt.Sprintf(", đã chuyển từ bảng mã %s sang Unicode", strings.ToUpper(string(j.Legacy)))
	}
	return from + ", nhập vào " + committee + ". Chưa có gì được lưu."
}

// sourceLines returns the document's lines, those whose lost letters were put back
// marked with what they were.
func sourceLines(j importer.JSONResult) []sourceLine {
	restored := map[int]importer.JSONRestoration{}
	for _, x := range j.Restorations {
		if _, ok := restored[x.Line]; !ok {
			restored[x.Line] = x
		}
	}
	out := make([]sourceLine, len(j.Lines))
	for i, text := range j.Lines {
		out[i] = sourceLine{N: i + 1, Text: text}
		if x, ok := restored[i]; ok {
			out[i].Restored, out[i].Unsure = true, x.Confidence < importSure
			out[i].Title = fmt.Sprintf("Đã khôi phục chữ bị mất (độ tin cậy %s). Trước: %s — Sau: %s",
				percent(x.Confidence), strings.TrimSpace(x.Before), x.After)
		}
	}
	return out
}

// mastheadRows returns the fields of the masthead, each with its line and how sure.
func mastheadRows(j importer.JSONResult, in importInput, schedule bool) []mastheadRow {
	m := j.Masthead
	row := func(label string, f importer.JSONField) mastheadRow {
		text := f.Text
		if text == "" {
			text = "Không ghi"
		}
		return mastheadRow{Label: label, Text: text, Line: lineNo(f.Line), Sure: f.Confidence >= importSure}
	}
	var out []mastheadRow
	if m.Parent.Text != "" {
		out = append(out, row("Cơ quan cấp trên", m.Parent))
	}
	out = append(out, row("Cơ quan ban hành", m.Issuer))
	number := m.Symbol
	if number.Text != "" {
		n := "…"
		if m.Number > 0 {
			n = strconv.Itoa(m.Number)
		}
		number.Text = n + "/" + number.Text
	}
	out = append(out, row("Số, ký hiệu", number), row("Địa danh", m.Place))
	date := m.Place
	date.Text = "Chưa ghi ngày"
	if d, err := congtac.ParseDate(m.Date); err == nil && !d.IsZero() {
		date.Text = vn.PaddedDate(d)
	} else if m.Year > 0 {
		date.Text += fmt.Sprintf(" (năm %d)", m.Year)
	}
	out = append(out, row("Ngày ban hành", date), row("Loại văn bản", m.Type), row("Trích yếu", m.Summary))
	if !schedule {
		out = append(out, periodRow(m, in))
	}
	return out
}

// periodRow returns the program's period as the summary names it, or as the form gave it.
func periodRow(m importer.JSONMasthead, in importInput) mastheadRow {
	p, err := congtac.ParsePeriodKey(m.Period)
	if m.Period == "" || err != nil {
		return mastheadRow{Label: "Kỳ", Text: "Không đọc được: hãy ghi kỳ ở trang nhập"}
	}
	row := mastheadRow{Label: "Kỳ", Text: vn.Capitalize(p.String()), Line: lineNo(m.Summary.Line),
		Sure: m.Summary.Confidence >= importSure}
	for _, k := range m.Also {
		if a, err := congtac.ParsePeriodKey(k); err == nil {
			row.Text += ", cùng " + a.String()
		}
	}
	if p == in.period && m.Summary.Text == "" {
		row.Text, row.Sure = row.Text+" (theo kỳ bạn ghi)", true
	}
	return row
}

// outlineRows returns the numbered items, each at its depth (at most 4).
func outlineRows(items []importer.JSONItem) []outlineRow {
	depth := map[int64]int{}
	out := make([]outlineRow, 0, len(items))
	for _, it := range items {
		d := 0
		if it.ParentID != 0 {
			d = depth[it.ParentID] + 1
		}
		depth[it.ID] = d
		out = append(out, outlineRow{Label: it.Label, Heading: it.Heading, Text: firstWords(it.Text, 24),
			Depth: min(d, 4), Line: lineNo(it.Line)})
	}
	return out
}

// firstWords returns the first n words of text, with an ellipsis when there are more.
func firstWords(text string, n int) string {
	words := strings.Fields(text)
	if len(words) <= n {
		return strings.Join(words, " ")
	}
	return strings.Join(words[:n], " ") + " …"
}

// directoryOptions returns the committee's directory as the options of a select.
func directoryOptions(dir []congtac.Org) []option {
	out := make([]option, len(dir))
	for i, o := range dir {
		out[i] = option{Value: strconv.FormatInt(o.ID, 10), Label: o.Name}
	}
	return out
}

// taskReviews returns the tasks read, each with its lead's select (the choice posted, or
// its name's match) and whether it is left out.
func taskReviews(r *importer.Result, j importer.JSONResult, dir []option, posted *importChoices) []taskReview {
	keys := taskKeys(r.Tasks)
	out := make([]taskReview, len(r.Tasks))
	for i, t := range r.Tasks {
		lead := ""
		if id := r.OrgOf(t.Lead); id != 0 {
			lead = strconv.FormatInt(id, 10)
		}
		var skip bool
		if posted != nil {
			if v, ok := posted.leads[keys[i]]; ok {
				lead = v
			}
			skip = posted.skip[keys[i]]
		}
		phrase, reading := dueReading(t)
		tr := taskReview{Index: i, Key: keys[i], Text: t.Text, Sector: t.Sector.Label(), Due: phrase, Reading: reading,
			DueProblem: t.DueProblem, Source: t.Source, Written: t.Lead, Verb: t.Verb, Support: strings.Join(t.Support, ", "),
			Line: lineNo(j.Tasks[i].Line), Skip: skip}
		if t.Target != nil {
			tr.Target = t.Target.String()
		}
		tr.Lead = field{Kind: fieldSelect, ID: fmt.Sprintf("task-%d-lead", i), Name: fmt.Sprintf("task.%d.lead", i),
			Label: "Cơ quan chủ trì", Blank: "— chưa chọn —", Options: chosenOption(dir, lead), Wrapped: true, OrgPicker: true}
		out[i] = tr
	}
	return out
}

// dueReading returns a task's deadline phrase as written and what it was read as.
func dueReading(t importer.TaskDraft) (phrase, reading string) {
	switch {
	case t.Recurrence != nil:
		reading = vn.FormatRecurrence(*t.Recurrence)
	case !t.Due.Date.IsZero():
		reading = t.Due.String()
	}
	return t.Due.Text, reading
}

// meetingReviews returns the meetings the program announces, their matters' orgs as
// written and as matched in dir.
func meetingReviews(r *importer.Result, j importer.JSONResult, dir []congtac.Org) []meetingReview {
	out := make([]meetingReview, len(r.Meetings))
	for i, d := range r.Meetings {
		m := d.Meeting
		mr := meetingReview{Kind: m.Kind.Label(), Title: m.Title, When: meetingWhen(m), Place: m.Place, Line: lineNo(d.Line)}
		if m.Recurrence != nil {
			mr.Recurrence = vn.FormatRecurrence(*m.Recurrence)
			if !m.Date.IsZero() {
				mr.Recurrence += ", từ ngày " + vn.PaddedDate(m.Date)
			}
		}
		for _, a := range j.Meetings[i].Agenda {
			mr.Agenda = append(mr.Agenda, matterReview{Title: a.Title, Lead: orgRefText(a.Lead, dir),
				Support: orgRefsText(a.Support, dir), Line: lineNo(a.Line)})
		}
		out[i] = mr
	}
	return out
}

// meetingWhen returns a meeting's day with its weekday, and its time or part of the day:
// "Thứ Sáu, 21/04/2023, 14 giờ 00"; "Chưa định ngày" when the program gives none.
func meetingWhen(m congtac.Meeting) string {
	if m.Date.IsZero() {
		return "Chưa định ngày"
	}
	when := vn.Weekday(m.Date.Weekday()) + ", " + vn.PaddedDate(m.Date)
	return joinWhen(when, m.Start, m.Part)
}

// joinWhen adds a time, or else a part of the day, to a day.
func joinWhen(day string, start congtac.ClockTime, part congtac.DayPart) string {
	if t := vn.FormatClock(start); t != "" {
		return day + ", " + t
	}
	if label := part.Label(); label != "" {
		return day + ", " + strings.ToLower(label)
	}
	return day
}

// orgRefText returns an org as written and, when it differs, the org it was matched to:
// "Phòng Tài chính - KH → Phòng Tài chính - Kế hoạch".
func orgRefText(ref *importer.JSONOrgRef, dir []congtac.Org) string {
	if ref == nil {
		return ""
	}
	if ref.OrgID == 0 {
		return ref.Name + " (chưa có trong danh mục)"
	}
	for _, o := range dir {
		if o.ID == ref.OrgID && o.Name != ref.Name {
			return ref.Name + " → " + o.Name
		}
	}
	return ref.Name
}

// orgRefsText returns orgs as [orgRefText] writes each, joined.
func orgRefsText(refs []importer.JSONOrgRef, dir []congtac.Org) string {
	out := make([]string, len(refs))
	for i := range refs {
		out[i] = orgRefText(&refs[i], dir)
	}
	return strings.Join(out, "; ")
}

// weekLabel returns a schedule's week as headings name it, or "".
func weekLabel(week congtac.Period) string {
	if week.Kind == "" {
		return ""
	}
	return vn.WeekHeading(week)
}

// entryReviews returns the entries of a weekly schedule.
func entryReviews(entries []importer.JSONEntry, dir []congtac.Org) []entryReview {
	out := make([]entryReview, len(entries))
	for i, e := range entries {
		day := e.Date
		if d, err := congtac.ParseDate(e.Date); err == nil && !d.IsZero() {
			day = vn.Weekday(d.Weekday()) + ", " + vn.PaddedDate(d)
		}
		start, _, _ := vn.ParseClock(e.Start)
		if e.Start == "" {
			start = congtac.NoTime
		}
		out[i] = entryReview{Day: day, Time: strings.TrimPrefix(joinWhen("", start, congtac.DayPart(e.Part)), ", "),
			Leaders: strings.Join(e.Leaders, "; "), Title: e.Title, Place: e.Place, Participants: e.Participants,
			Preparer: orgRefText(e.Preparer, dir), Note: e.Note, Postponed: e.Postponed,
			Sure: e.Confidence >= importSure, Line: lineNo(e.Line)}
	}
	return out
}

// nameReviews returns the org names the document writes, each with its select: the
// choice posted, or its match; "new" offered when canCreate.
func nameReviews(names []importer.JSONOrgName, dir []option, canCreate bool, posted *importChoices) []nameReview {
	out := make([]nameReview, len(names))
	for j, n := range names {
		chosen := ""
		if n.OrgID != 0 {
			chosen = strconv.FormatInt(n.OrgID, 10)
		}
		if v, ok := posted.org(n.Name); ok && (v != "new" || canCreate) {
			chosen = v
		}
		opts := slices.Clone(dir)
		if canCreate {
			opts = append(opts, option{Value: "new", Label: "Tạo mới: " + n.Name + " (đơn vị thuộc ủy ban)"})
		}
		lines := make([]int, len(n.Lines))
		for k, l := range n.Lines {
			lines[k] = lineNo(l)
		}
		out[j] = nameReview{Index: j, Name: n.Name, Lines: lines, Field: field{Kind: fieldSelect,
			ID: fmt.Sprintf("org-%d", j), Name: fmt.Sprintf("org.%d", j), Label: "Cơ quan trong danh mục",
			Blank: "— để trống, không giao —", Options: chosenOption(opts, chosen), Wrapped: true, OrgPicker: true}}
	}
	return out
}

// org returns the choice posted for an org name; ok is false when none was, or c is nil.
func (c *importChoices) org(name string) (string, bool) {
	if c == nil {
		return "", false
	}
	v, ok := c.orgs[vn.Fold(name)]
	return v, ok
}
