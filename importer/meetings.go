package importer

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"congtac"
	"congtac/vn"
)

// MeetingDraft is a meeting read from a program's meetings part, orgs still as written.
type MeetingDraft struct {
	// Meeting has its Kind, Title, Date (the first sitting of a series), Start (NoTime
	// unless a time is written), Part, Recurrence (a series: briefings), Place and
	// Attendees when written, and Status planned. Its IDs are 0 and its Agenda is empty:
	// the matters are in Agenda below, their orgs not yet matched.
	Meeting    congtac.Meeting
	ItemID     int64 // the outline item it is read from
	Line       int   // its row
	Agenda     []AgendaDraft
	Confidence float64 // 0..1
}

// AgendaDraft is a matter put to the meeting: its title and who prepares it, as written.
type AgendaDraft struct {
	Title   string   // the content without its assigning parenthetical and final stop
	Lead    string   // the preparing org as written, "" when none
	Support []string // the coordinating orgs as written; nil when none
	Verb    string   // "chuẩn bị", "chủ trì"…
	ItemID  int64
	Line    int
}

// ReadMeetings reads the meetings of a program's outline: the items under the part whose
// heading names meetings ("CÁC HỘI NGHỊ", "HỘI NGHỊ, CUỘC HỌP", "LỊCH HỌP", …) and also any
// item elsewhere that announces one. ref is the first day of the program's period (it
// gives the year to dates without one and starts a recurrence). Problems: a weekday that
// contradicts the date ("Ngày 21/4/2023 (Thứ Năm)"), an impossible date, a note that
// assigns a content number that does not exist — each in Vietnamese with full
// diacritics, at its line.
//
// An item announces a meeting when the first clause of its text (up to ";" or a full
// stop) names one: "Hội nghị", "Phiên họp", "Họp", "cuộc họp", "giao ban", "làm việc
// với". Under the meetings part the name may come anywhere in the clause ("Chủ tịch và
// các Phó Chủ tịch UBND huyện tổ chức giao ban …"); elsewhere it must open it, after at
// most "Tổ chức" or "Dự kiến", and the clause must give a day or a repetition. A plural
// ("Các hội nghị chuyên đề, UBND huyện sẽ có lịch cụ thể riêng") or a promise of a later
// schedule gives no meeting. The kind is briefing for "giao ban", regular for "thường
// kỳ" or "định kỳ", thematic for "chuyên đề", working for "làm việc với"; otherwise a
// "Phiên họp" is regular, a "Hội nghị" thematic and a "họp" working, with less
// confidence.
//
// The title is the clause from the meeting's name up to its time ("vào", "ngày 21/4",
// "lúc", "tại", a weekday, a time) or a colon: "Hội nghị UBND huyện thường kỳ"; a
// working session's starts with who works ("Chủ tịch UBND huyện làm việc với …"). A
// briefing's title is "Giao ban" followed by who holds it, "và các" written ", các":
// "Giao ban Chủ tịch, các Phó Chủ tịch UBND huyện". The rest of the clause, and the
// paragraphs or child items "Thời gian:", "Địa điểm:", "Thành phần:", give the day
// ("21/4/2023", "ngày 21 tháng 4 năm 2023", "ngày 25", which is in ref's month, or the
// next when before ref), the weekday, which must agree, the time ([vn.ParseClock]: "8
// giờ 00", "14h00", "sáng", "chiều"), the place ("tại …") and the attendees. A day
// without a year is in ref's year, or in the next when it would fall more than three
// months before ref (a December program's "ngày 10/1"). Without a day, a repetition
// ([vn.ParseDue]: "chiều thứ Năm hằng tuần", "8h00 thứ Hai hằng tuần", "định kỳ ngày 25
// hằng tháng") gives a Recurrence starting at its first sitting on or after ref, which is
// also Date. Its Until is left unset unless the text says when it ends ("đến hết ngày
// 30/6/2023"): ref says only when it starts, and ending it with the program's period
// is the caller's choice. A meeting of a written kind announced under the part without
// a day gives a problem and no draft, unless it promises a schedule later; an
// impossible day gives a problem and no draft. The items under an announcement are its
// matters, never meetings of their own.
//
// The agenda is the meeting's child items but those details: each one's title and the
// orgs of its assigning parenthetical ([ReadAssignment]). Of several leads the first
// leads and the others support, an agenda item having one preparing org. A parenthesis
// standing as its own paragraph or item, "(Phòng Kinh tế và Hạ tầng chuẩn bị nội dung
// 2, 3)", is a note: it assigns the contents it numbers (by their labels, else their
// order) and, when it numbers none, the content it follows; it is not an agenda item. A
// content's own parenthesis prevails over a note. Sub-items of a content and matters
// listed inline in the meeting's own text are not read.
//
// The drafts come in the outline's order. ReadMeetings never panics, whatever the
// outline, and does not read the clock.
func ReadMeetings(o Outline, ref congtac.Date) ([]MeetingDraft, []Problem) {
	r := newMeetingReader(o, ref)
	for i := range o.Items {
		r.visit(i)
	}
	return r.drafts, r.problems
}

// meetMaxWords bounds the words of the clause read for an announcement: a longer one
// is a sentence about something else.
const meetMaxWords = 80

// meetingReader holds the state of one ReadMeetings.
type meetingReader struct {
	o        Outline
	ref      congtac.Date
	kids     map[int64][]int // the indexes of each item's children, by the parent's ID
	inPart   []bool          // under a meetings part
	taken    []bool          // read as part of a meeting already
	drafts   []MeetingDraft
	problems []Problem
}

func newMeetingReader(o Outline, ref congtac.Date) *meetingReader {
	r := &meetingReader{o: o, ref: ref, kids: map[int64][]int{},
		inPart: make([]bool, len(o.Items)), taken: make([]bool, len(o.Items))}
	for i, it := range o.Items {
		if it.ParentID != 0 && it.ParentID != it.ID {
			r.kids[it.ParentID] = append(r.kids[it.ParentID], i)
		}
	}
	for i, it := range o.Items {
		if !r.inPart[i] && isMeetingsPart(it) {
			for _, d := range r.descendants(i) {
				r.inPart[d] = true
			}
		}
	}
	return r
}

// descendants returns the indexes of the items under item i, each once.
func (r *meetingReader) descendants(i int) []int {
	var out []int
	seen := map[int]bool{i: true}
	stack := []int{i}
	for len(stack) > 0 {
		at := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, k := range r.kids[r.o.Items[at].ID] {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
				stack = append(stack, k)
			}
		}
	}
	return out
}

// line returns the row of item i, or -1 when the outline does not say.
func (r *meetingReader) line(i int) int {
	if i < len(r.o.Lines) {
		return r.o.Lines[i]
	}
	return -1
}

func (r *meetingReader) problem(i int, format string, args ...any) {
	r.problems = append(r.problems, Problem{Line: r.line(i), Message: fmt.Sprintf(format, args...)})
}

// meetingsPartWords name a meetings part in a heading, folded ([vn.SearchWords]).
var meetingsPartWords = []string{"cac hoi nghi", "cac cuoc hop", "cac phien hop", "lich hop", "lich hoi nghi",
	"hoi nghi cuoc hop", "hoi nghi hop", "hoi nghi va cuoc hop"}

// isMeetingsPart reports whether it heads a meetings part: a heading (or a short text)
// naming meetings, without a day of its own.
func isMeetingsPart(it congtac.Item) bool {
	text := it.Heading
	if text == "" && !strings.Contains(it.Text, "\n") && len(it.Text) < 200 {
		text = it.Text
	}
	if text == "" || meetDateInText.MatchString(text) {
		return false
	}
	folded := " " + strings.Join(vn.SearchWords(text), " ") + " "
	for _, w := range meetingsPartWords {
		if strings.Contains(folded, " "+w+" ") {
			return true
		}
	}
	return false
}

// itemParagraphs returns the heading and the paragraphs of it, at least one.
func itemParagraphs(it congtac.Item) []string {
	var ps []string
	if it.Heading != "" {
		ps = append(ps, it.Heading)
	}
	if it.Text != "" {
		ps = append(ps, strings.Split(it.Text, "\n")...)
	}
	if len(ps) == 0 {
		ps = append(ps, "")
	}
	return ps
}

// visit reads item i when it announces a meeting, with its agenda.
func (r *meetingReader) visit(i int) {
	if r.taken[i] {
		return
	}
	it := r.o.Items[i]
	paras := itemParagraphs(it)
	if !r.inPart[i] && !opensMeeting(paras[0]) {
		return
	}
	c := clauseOf(paras[0], meetMaxWords)
	at, n := c.noun()
	if at < 0 || c.plural(at) || (!r.inPart[i] && !c.opensWith(at)) {
		return
	}
	for _, k := range r.descendants(i) {
		r.taken[k] = true // its matters, read with it or not at all
	}
	agenda, details := r.splitKids(i)
	for _, k := range details {
		paras = append(paras, itemParagraphs(r.o.Items[k])...)
	}
	a := r.announcement(c, at, n, paras[1:])
	d, score, ok := r.draft(i, a)
	if !ok {
		if r.inPart[i] && a.explicit && !a.dated && !c.later() {
			r.problem(i, "Không thấy ngày họp của “%s”; hội nghị này chưa được đưa vào.", a.title)
		}
		return
	}
	var misses int
	d.Agenda, misses = r.agenda(agenda)
	d.Confidence = float64(min(max(score-misses, 0), 10)) / 10
	r.drafts = append(r.drafts, d)
}

// meetingDetailWords open a paragraph or child item that tells about the meeting rather than
// a matter put to it, folded.
var meetingDetailWords = []string{"thoi gian", "dia diem", "thanh phan", "chu tri"}

// splitKids returns the children of item i that are matters, and those that are details.
func (r *meetingReader) splitKids(i int) (agenda, details []int) {
	for _, k := range r.kids[r.o.Items[i].ID] {
		if meetingDetail(itemParagraphs(r.o.Items[k])[0]) != "" {
			details = append(details, k)
		} else {
			agenda = append(agenda, k)
		}
	}
	return agenda, details
}

// meetingDetail returns the folded detail word opening paragraph p ("thoi gian"), or "".
func meetingDetail(p string) string {
	head, _, ok := strings.Cut(p, ":")
	if !ok || len(head) > 30 {
		return ""
	}
	folded := vn.Fold(head)
	for _, w := range meetingDetailWords {
		if folded == w {
			return w
		}
	}
	return ""
}

// announcement is what the text of an item says about its meeting, before it is checked.
type announcement struct {
	kind      congtac.MeetingKind
	explicit  bool // the kind is written, not guessed
	title     string
	when      meetWhen
	phrase    []string // the words after the title but the time and place, for a repetition
	place     string
	attendees string
	dated     bool // a day or a repetition is written
}

// announcement reads the clause c whose meeting name is n words at at, and the item's
// other paragraphs more.
func (r *meetingReader) announcement(c meetClause, at, n int, more []string) announcement {
	var a announcement
	a.kind, a.explicit = c.kind(at, n)
	end := c.titleEnd(at + n)
	switch {
	case a.kind == congtac.MeetingBriefing:
		gb := c.find("giao", "ban")
		end = c.titleEnd(gb + 2)
		a.title = briefingTitle(c, gb, end)
	case a.kind == congtac.MeetingWorking && !c.anyWhen(0, at):
		from := 0
		for from < at && c.verbAt(from) > 0 {
			from += c.verbAt(from)
		}
		a.title = vn.Capitalize(trimClause(strings.Join(c.raw[from:end], " ")))
	default:
		a.title = vn.Capitalize(trimClause(strings.Join(c.raw[at:end], " ")))
	}
	pre, after := c.sub(0, at), c.sub(end, len(c.raw))
	for _, p := range more {
		text := strings.TrimSpace(p)
		kind := meetingDetail(text)
		if kind == "" {
			continue
		}
		value := trimClause(text[strings.IndexByte(text, ':')+1:])
		switch kind {
		case "thoi gian":
			after = after.join(clauseOf(value, meetMaxWords))
		case "dia diem":
			a.place = value
		case "thanh phan":
			a.attendees = value
		}
	}
	scan := pre.join(after)
	a.when = readWhen(scan)
	if a.place == "" {
		a.place = a.when.place
	}
	for j := len(pre.raw); j < len(scan.raw); j++ {
		if !a.when.used[j] {
			a.phrase = append(a.phrase, scan.repaired(j))
		}
	}
	a.dated = a.when.day > 0 || a.when.freq
	return a
}

// draft checks announcement a of item i and makes its draft, with its confidence in
// tenths; it reports false, with the problem when there is one, when a gives no day
// that exists.
func (r *meetingReader) draft(i int, a announcement) (MeetingDraft, int, bool) {
	m := congtac.Meeting{Kind: a.kind, Title: a.title, Start: a.when.start, Part: a.when.part,
		Place: a.place, Attendees: a.attendees, Status: congtac.MeetingPlanned}
	score := 6
	if r.inPart[i] {
		score = 9
	}
	if a.explicit {
		score++
	}
	if a.when.clockErr != "" {
		r.problem(i, "Giờ họp không đọc được: %s", a.when.clockErr)
		score--
	}
	var day congtac.Date
	if a.when.day > 0 && a.when.month > 0 {
		d, ok := r.oneDay(i, a.when)
		if !ok {
			return MeetingDraft{}, 0, false
		}
		day = d
		if a.when.weekday >= 0 && d.Weekday() != a.when.weekday {
			r.problem(i, "Ngày %d/%d/%d là %s, không phải %s như đã ghi.", d.Day, int(d.Month), d.Year,
				vn.WeekdayInSentence(d.Weekday()), vn.WeekdayInSentence(a.when.weekday))
			score -= 3
		}
	}
	switch rec, part, ok := r.series(i, a, day); {
	case ok:
		m.Date, m.Recurrence = rec.Start, rec
		if m.Part == "" {
			m.Part = part
		}
	case !day.IsZero():
		m.Date = day
	case a.when.day > 0 && a.when.month == 0:
		d, ok := r.dayOfRefMonth(i, a.when.day)
		if !ok {
			return MeetingDraft{}, 0, false
		}
		m.Date = d
		score--
	default:
		return MeetingDraft{}, 0, false
	}
	return MeetingDraft{Meeting: m, ItemID: r.o.Items[i].ID, Line: r.line(i)}, score, true
}

// oneDay returns the day w names, a missing year filled in from ref.
func (r *meetingReader) oneDay(i int, w meetWhen) (congtac.Date, bool) {
	written := fmt.Sprintf("%d/%d", w.day, w.month)
	if w.year > 0 {
		written += fmt.Sprintf("/%d", w.year)
	}
	if w.year == 0 && r.ref.IsZero() {
		r.problem(i, "Ngày họp %s không ghi năm mà chưa biết kỳ của chương trình.", written)
		return congtac.Date{}, false
	}
	d, ok := meetingDate(w.day, w.month, w.year, r.ref)
	if !ok {
		r.problem(i, "Ngày họp %s không có trên lịch.", written)
	}
	return d, ok
}

// meetingDate returns the day day/month/year. A year of two digits is in the 2000s; a
// missing one is ref's, or the next when the day would fall more than three months
// before ref. It reports false when the day does not exist.
func meetingDate(day, month, year int, ref congtac.Date) (congtac.Date, bool) {
	y := year
	switch {
	case y == 0:
		y = ref.Year
	case y < 100:
		y += 2000
	}
	if written := (congtac.Date{Year: y, Month: time.Month(month), Day: day}); year == 0 && written.Before(ref.AddMonths(-3)) {
		y++
	}
	d, err := congtac.NewDate(y, time.Month(month), day)
	return d, err == nil
}

// dayOfRefMonth returns day day of ref's month, or of the next month when it is before
// ref: "họp vào ngày 25" in a monthly program.
func (r *meetingReader) dayOfRefMonth(i, day int) (congtac.Date, bool) {
	if r.ref.IsZero() {
		r.problem(i, "Ngày họp “ngày %d” không ghi tháng mà chưa biết kỳ của chương trình.", day)
		return congtac.Date{}, false
	}
	m := r.ref
	if day < r.ref.Day {
		m = r.ref.AddMonths(1)
	}
	d, err := congtac.NewDate(m.Year, m.Month, day)
	if err != nil {
		r.problem(i, "Ngày họp %d/%d/%d không có trên lịch.", day, int(m.Month), m.Year)
		return congtac.Date{}, false
	}
	return d, true
}

// series reads the repetition of a, when it writes one: the longest start of its
// phrase that [vn.ParseDue] reads as one. It returns the rule starting at its first
// sitting on or after day (ref when zero), with the part of the day it names. Under
// the meetings part, a repetition not understood without a day is a problem.
func (r *meetingReader) series(i int, a announcement, day congtac.Date) (*congtac.Recurrence, congtac.DayPart, bool) {
	if !a.when.freq {
		return nil, "", false
	}
	from := day
	if from.IsZero() {
		from = r.ref
	}
	if from.IsZero() {
		r.problem(i, "Chưa biết kỳ của chương trình nên chưa tính được buổi họp đầu tiên của “%s”.", a.title)
		return nil, "", false
	}
	for k := len(a.phrase); k > 0; k-- {
		dl, err := vn.ParseDue(strings.Join(a.phrase[:k], " "), from)
		if err != nil || dl.Recurrence == nil {
			continue
		}
		rec := *dl.Recurrence
		first := rec.Between(from, from.AddDays(800))
		if len(first) == 0 {
			return nil, "", false
		}
		rec.Start = first[0]
		if u := a.when.until; u.day > 0 {
			if d, ok := meetingDate(u.day, u.month, u.year, from); ok && !d.Before(rec.Start) {
				rec.Until = d
			}
		}
		return &rec, dl.Part, true
	}
	if day.IsZero() && r.inPart[i] {
		r.problem(i, "Không hiểu lịch họp lặp lại “%s” của “%s”.", trimClause(strings.Join(a.phrase, " ")), a.title)
	}
	return nil, "", false
}

// briefingTitle returns the title of the briefing whose "giao ban" is at gb in c and
// whose title words end at end: "Giao ban", who holds it (the words before, without the
// verb) and the words after it.
func briefingTitle(c meetClause, gb, end int) string {
	from, to := 0, gb
	for from < to && c.verbAt(from) > 0 {
		from += c.verbAt(from)
	}
	for to > from && c.verbBefore(to) > 0 {
		to -= c.verbBefore(to)
	}
	parts := []string{"Giao ban"}
	if holder := trimClause(strings.Join(c.raw[from:to], " ")); holder != "" {
		parts = append(parts, strings.ReplaceAll(holder, " và các ", ", các "))
	}
	if gb+2 < end {
		if rest := trimClause(strings.Join(c.raw[gb+2:end], " ")); rest != "" {
			parts = append(parts, rest)
		}
	}
	return strings.Join(parts, " ")
}

// briefingVerbs come between who holds a briefing and "giao ban", folded.
var briefingVerbs = [][]string{{"to", "chuc"}, {"duy", "tri"}, {"du", "kien"}, {"hop"}, {"se"}, {"thuc", "hien"}}

// verbAt returns the number of words of the hold verb at j, or 0.
func (c meetClause) verbAt(j int) int {
	for _, v := range briefingVerbs {
		if c.wordsAt(j, v...) {
			return len(v)
		}
	}
	return 0
}

// verbBefore returns the number of words of the hold verb ending before j, or 0.
func (c meetClause) verbBefore(j int) int {
	for _, v := range briefingVerbs {
		if j-len(v) >= 0 && c.wordsAt(j-len(v), v...) {
			return len(v)
		}
	}
	return 0
}

// trimClause trims spaces and the punctuation around a phrase cut out of a sentence.
func trimClause(s string) string {
	return strings.Trim(strings.Join(strings.Fields(s), " "), " :;,.-–/")
}

// meetClause is the words of a clause as written and folded ([vn.Fold]), the punctuation
// around each folded word trimmed.
type meetClause struct {
	raw, fold []string
}

// clauseOf returns the words of s up to the end of its first clause, a word ending with
// ";" or a full stop, and at most limit of them.
func clauseOf(s string, limit int) meetClause {
	var c meetClause
	for w := range strings.FieldsSeq(s) {
		if len(c.raw) == limit {
			break
		}
		c.raw = append(c.raw, w)
		c.fold = append(c.fold, vn.Fold(strings.TrimFunc(w, meetNotWord)))
		if tail := strings.TrimRight(w, ")”\"'"); strings.HasSuffix(tail, ";") || strings.HasSuffix(tail, ".") {
			break
		}
	}
	return c
}

func meetNotWord(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// at returns folded word j, or "" out of range.
func (c meetClause) at(j int) string {
	if j < 0 || j >= len(c.fold) {
		return ""
	}
	return c.fold[j]
}

// lower returns word j as written, lower-cased and trimmed of punctuation.
func (c meetClause) lower(j int) string {
	if j < 0 || j >= len(c.raw) {
		return ""
	}
	return strings.ToLower(strings.TrimFunc(c.raw[j], meetNotWord))
}

// wordsAt reports whether the folded words ws come at j.
func (c meetClause) wordsAt(j int, ws ...string) bool {
	for k, w := range ws {
		if c.at(j+k) != w {
			return false
		}
	}
	return j >= 0 && len(ws) > 0
}

// find returns where the folded words ws first come, or -1.
func (c meetClause) find(ws ...string) int {
	for j := range c.fold {
		if c.wordsAt(j, ws...) {
			return j
		}
	}
	return -1
}

// sub returns the words from to to (indexes clamped).
func (c meetClause) sub(from, to int) meetClause {
	to = min(max(to, 0), len(c.raw))
	from = min(max(from, 0), to)
	return meetClause{raw: c.raw[from:to:to], fold: c.fold[from:to:to]}
}

// join returns c followed by d.
func (c meetClause) join(d meetClause) meetClause {
	return meetClause{raw: append(c.raw[:len(c.raw):len(c.raw)], d.raw...), fold: append(c.fold[:len(c.fold):len(c.fold)], d.fold...)}
}

// repaired returns word j as written, "hằn" before a period word put back as "hằng"
// (a letter a PDF's text layer lost: "chiều thứ Năm hằn tuần").
func (c meetClause) repaired(j int) string {
	if c.at(j) == "han" && meetPeriods[c.at(j+1)] && c.lower(j) != "hằng" {
		return strings.Replace(c.raw[j], "n", "ng", 1) // h-ằ-n: the only "n" of the word
	}
	return c.raw[j]
}

// meetingNames name a meeting, folded. "họp" alone is matched as written, since folded
// it is also "hợp" (phối hợp, tổng hợp).
var meetingNames = [][]string{{"hoi", "nghi"}, {"phien", "hop"}, {"cuoc", "hop"}, {"giao", "ban"}, {"lam", "viec", "voi"}}

// noun returns where the clause first names a meeting and in how many words, or -1.
func (c meetClause) noun() (at, n int) {
	for j := range c.fold {
		for _, name := range meetingNames {
			if c.wordsAt(j, name...) {
				return j, len(name)
			}
		}
		if c.fold[j] == "hop" && c.lower(j) == "họp" {
			return j, 1
		}
	}
	return -1, 0
}

// plural reports whether the meeting name at at is plural: "Các hội nghị chuyên đề".
func (c meetClause) plural(at int) bool {
	prev := c.at(at - 1)
	return prev == "cac" || prev == "nhung"
}

// later reports whether the clause puts the schedule off: "sẽ có lịch cụ thể riêng",
// "thông báo sau".
func (c meetClause) later() bool {
	return c.find("co", "lich") >= 0 || c.find("lich", "cu", "the") >= 0 || c.find("thong", "bao", "sau") >= 0
}

// opensMeeting reports whether paragraph p may open with a meeting's name, reading only
// its first words: the quick test of items outside the meetings part.
func opensMeeting(p string) bool {
	c := clauseOf(p, 5)
	at, _ := c.noun()
	return at >= 0 && c.opensWith(at)
}

// meetingOpeners may come before the meeting name of an item outside the meetings part.
var meetingOpeners = [][]string{{"to", "chuc"}, {"du", "kien"}, {"du", "kien", "to", "chuc"}}

// opensWith reports whether the meeting name at at opens the clause.
func (c meetClause) opensWith(at int) bool {
	if at == 0 {
		return true
	}
	for _, o := range meetingOpeners {
		if len(o) == at && c.wordsAt(0, o...) {
			return true
		}
	}
	return false
}

// kind returns the kind of the meeting named n words at at, and whether it is written.
func (c meetClause) kind(at, n int) (congtac.MeetingKind, bool) {
	switch {
	case c.find("giao", "ban") >= 0:
		return congtac.MeetingBriefing, true
	case c.find("thuong", "ky") >= 0 || c.find("dinh", "ky") >= 0:
		return congtac.MeetingRegular, true
	case c.find("chuyen", "de") >= 0:
		return congtac.MeetingThematic, true
	case n == 3: // làm việc với
		return congtac.MeetingWorking, true
	case c.wordsAt(at, "phien", "hop"):
		return congtac.MeetingRegular, false
	case c.wordsAt(at, "hoi", "nghi"):
		return congtac.MeetingThematic, false
	}
	return congtac.MeetingWorking, false
}

// titleEnd returns where the title going on at from ends: before its time, or after a
// word ending with a colon.
func (c meetClause) titleEnd(from int) int {
	for j := max(from, 0); j < len(c.raw); j++ {
		if c.startsWhen(j) {
			return j
		}
		if strings.HasSuffix(strings.TrimRight(c.raw[j], ")”\"'"), ":") {
			return j + 1
		}
	}
	return len(c.raw)
}

// anyWhen reports whether a word from from to to starts a time.
func (c meetClause) anyWhen(from, to int) bool {
	for j := from; j < to; j++ {
		if c.startsWhen(j) {
			return true
		}
	}
	return false
}

// startsWhen reports whether word j starts the time or place of a meeting: "vào",
// "lúc", "tại", "ngày 21/4", a weekday, a part of the day before a day, a time, a date,
// "hằng tuần", "dự kiến", "sẽ", "được", and "từ" or "trong" before one of them.
func (c meetClause) startsWhen(j int) bool {
	f, next := c.at(j), c.at(j+1)
	switch {
	case f == "vao" || f == "luc" || f == "se" || f == "duoc" || c.isPlace(j):
		return true
	case f == "ngay":
		return meetDigit(next)
	case c.wordsAt(j, "thoi", "gian") || c.wordsAt(j, "dia", "diem") || c.wordsAt(j, "du", "kien") || c.freqAt(j):
		return true
	case c.wordsAt(j, "dinh", "ky") || c.wordsAt(j, "to", "chuc"):
		return c.startsWhen(j + 2)
	case f == "tu" || f == "trong": // "từ 7h30", "trong ngày 21/4"
		return c.startsWhen(j + 1)
	}
	if _, n := c.weekdayAt(j); n > 0 {
		return true
	}
	if _, n := c.dateAt(j); n > 0 {
		return true
	}
	return c.partAt(j) || c.clockAt(j) > 0
}

// isPlace reports whether word j is "tại" (not "tái").
func (c meetClause) isPlace(j int) bool { return c.at(j) == "tai" && c.lower(j) != "tái" }

func meetDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// meetPeriods follow "hằng", "từng", "mỗi" in a repetition, folded.
var meetPeriods = map[string]bool{"ngay": true, "tuan": true, "thang": true, "quy": true, "nam": true}

// freqAt reports whether a frequency comes at j: "hằng tuần", "từng tháng", "mỗi quý".
func (c meetClause) freqAt(j int) bool {
	switch c.at(j) {
	case "hang", "tung", "moi", "han":
		return meetPeriods[c.at(j+1)]
	}
	return false
}

// meetWeekdays are the folded words after "thứ" naming a weekday.
var meetWeekdays = map[string]time.Weekday{"hai": time.Monday, "2": time.Monday, "ba": time.Tuesday,
	"3": time.Tuesday, "tu": time.Wednesday, "4": time.Wednesday, "nam": time.Thursday, "5": time.Thursday,
	"sau": time.Friday, "6": time.Friday, "bay": time.Saturday, "7": time.Saturday}

// weekdayAt returns the weekday named at j and its number of words, or 0 words.
func (c meetClause) weekdayAt(j int) (time.Weekday, int) {
	if wd, ok := meetWeekdays[c.at(j+1)]; ok && c.at(j) == "thu" {
		return wd, 2
	}
	if c.wordsAt(j, "chu", "nhat") {
		return time.Sunday, 2
	}
	return time.Sunday, 0
}

// meetParts are the folded parts of the day.
var meetParts = map[string]congtac.DayPart{"sang": congtac.Morning, "trua": congtac.Afternoon,
	"chieu": congtac.Afternoon, "toi": congtac.Evening}

// isPart reports whether word j names a part of the day ("tối", not "tới").
func (c meetClause) isPart(j int) bool {
	_, ok := meetParts[c.at(j)]
	return ok && c.lower(j) != "tới"
}

// partAt reports whether word j is a part of the day of the meeting: before a weekday,
// "ngày", a number or a frequency, or after "buổi" or "vào".
func (c meetClause) partAt(j int) bool {
	if !c.isPart(j) {
		return false
	}
	_, wd := c.weekdayAt(j + 1)
	prev := c.at(j - 1)
	return wd > 0 || c.at(j+1) == "ngay" || meetDigit(c.at(j+1)) || c.freqAt(j+1) || prev == "buoi" || prev == "vao"
}

// meetClock is a time in one word, folded: "8h00", "14h", "7g30", "7:30".
var meetClock = regexp.MustCompile(`^\d{1,2}(?:h|g|:)(?:\d{2})?(?:p|phut)?$`)

// clockAt returns the number of words of the time at j ("8h00", "8 giờ 00 phút", "7
// giờ rưỡi"), or 0.
func (c meetClause) clockAt(j int) int {
	f := c.at(j)
	switch {
	case meetClock.MatchString(f):
		return 1
	case !shortNumber(f) || c.at(j+1) != "gio":
		return 0
	case c.at(j+2) == "ruoi":
		return 3
	case shortNumber(c.at(j+2)) && c.at(j+3) == "phut":
		return 4
	case shortNumber(c.at(j + 2)):
		return 3
	}
	return 2
}

// shortNumber reports whether s is a number of one or two digits.
func shortNumber(s string) bool {
	return len(s) >= 1 && len(s) <= 2 && meetDigit(s) && meetDigit(s[len(s)-1:])
}

// meetDateWord is a day in one word, folded: "21/4/2023", "21-4-23", "21.4".
var meetDateWord = regexp.MustCompile(`^(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{4}|\d{2}))?$`)

// meetDateInText finds a day in a text.
var meetDateInText = regexp.MustCompile(`\d{1,2}\s*/\s*\d{1,2}`)

// meetNotBeforeDate are the folded words before a number that is no day: "tháng 5/2023",
// "số 12/2023".
var meetNotBeforeDate = map[string]bool{"thang": true, "quy": true, "nam": true, "so": true, "doan": true}

// meetDay is a day as written: its year is 0 when not written.
type meetDay struct{ day, month, year int }

// dateAt returns the day written at j ("21/4/2023", "ngày 21 tháng 4 năm 2023") and its
// number of words, or 0.
func (c meetClause) dateAt(j int) (meetDay, int) {
	if g := meetDateWord.FindStringSubmatch(c.at(j)); g != nil && !meetNotBeforeDate[c.at(j-1)] {
		d := meetDay{meetAtoi(g[1]), meetAtoi(g[2]), meetAtoi(g[3])}
		if d.day >= 1 && d.day <= 31 && d.month >= 1 && d.month <= 12 {
			return d, 1
		}
		return meetDay{}, 0
	}
	if c.at(j) != "ngay" || !shortNumber(c.at(j+1)) || c.at(j+2) != "thang" || !shortNumber(c.at(j+3)) {
		return meetDay{}, 0
	}
	d := meetDay{day: meetAtoi(c.at(j + 1)), month: meetAtoi(c.at(j + 3))}
	if d.month < 1 || d.month > 12 || d.day < 1 {
		return meetDay{}, 0
	}
	if y := c.at(j + 5); c.at(j+4) == "nam" && len(y) == 4 && meetDigit(y) {
		d.year = meetAtoi(y)
		return d, 6
	}
	return d, 4
}

// meetAtoi returns the number s writes, 0 when it writes none.
func meetAtoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// meetWhen is the time and place of a meeting as its words write them.
type meetWhen struct {
	day, month, year int          // month 0: the day only ("ngày 25"); day 0: none
	weekday          time.Weekday // -1 when none
	start            congtac.ClockTime
	part             congtac.DayPart
	clockErr         string // why the time written is not one
	place            string
	freq             bool    // a repetition is written
	until            meetDay // the last day of the repetition, when written
	used             []bool  // the words read as a day, a time or a place
}

// readWhen reads the time and place of a meeting from c.
func readWhen(c meetClause) meetWhen {
	w := meetWhen{weekday: -1, start: congtac.NoTime, used: make([]bool, len(c.raw))}
	w.readPlace(c)
	w.readClock(c)
	w.readDay(c)
	for j := range c.raw {
		if wd, n := c.weekdayAt(j); n > 0 && !w.used[j] && w.weekday < 0 {
			w.weekday = wd
		}
		if w.part == "" && c.partAt(j) {
			w.part = meetParts[c.at(j)]
		}
		if c.wordsAt(j, "ca", "ngay") && w.part == "" && w.start == congtac.NoTime {
			w.part = congtac.AllDay
		}
		w.freq = w.freq || c.freqAt(j) || (c.wordsAt(j, "dinh", "ky") && shortNumber(c.at(j+2)) && c.at(j+3) == "thang")
	}
	return w
}

// readPlace reads "tại …" up to the next time.
func (w *meetWhen) readPlace(c meetClause) {
	for j := range c.raw {
		if !c.isPlace(j) {
			continue
		}
		k := j + 1
		for k < len(c.raw) && !c.startsWhen(k) {
			k++
		}
		w.place = trimClause(strings.Join(c.raw[j+1:k], " "))
		for ; j < k; j++ {
			w.used[j] = true
		}
		return
	}
}

// readClock reads the first time with the parts of the day around it ([vn.ParseClock]),
// and marks the end of a span ("đến 11h00") read too.
func (w *meetWhen) readClock(c meetClause) {
	for j := range c.raw {
		n := c.clockAt(j)
		if n == 0 || w.used[j] {
			continue
		}
		from, to := j, j+n
		if c.isPart(from - 1) {
			from--
			if c.at(from-1) == "buoi" {
				from--
			}
		}
		if c.isPart(to) {
			to++
		}
		if c.spanAt(to) && c.clockAt(to+1) > 0 {
			to += 1 + c.clockAt(to+1)
		}
		for k := from; k < to; k++ {
			w.used[k] = true
		}
		t, part, err := vn.ParseClock(strings.Join(c.fold[from:j+n], " ") + " " + strings.Join(meetPartAfter(c, j+n), " "))
		if err != nil {
			w.clockErr = congtac.ErrorMessage(err)
			return
		}
		w.start, w.part = t, part
		return
	}
}

// spanAt reports whether word j joins the start and end of a span: "đến", "tới", "-".
func (c meetClause) spanAt(j int) bool {
	return j < len(c.raw) && (c.at(j) == "den" || c.at(j) == "toi" || strings.Trim(c.raw[j], "-–") == "")
}

// meetPartAfter returns the part of the day right after j, as a one-word slice, or none.
func meetPartAfter(c meetClause, j int) []string {
	if c.isPart(j) {
		return c.fold[j : j+1]
	}
	return nil
}

// readDay reads the first day written ("21/4/2023", "ngày 21 tháng 4", "ngày 25"); a
// day after "đến" or "hết" ends a repetition rather than dating the meeting.
func (w *meetWhen) readDay(c meetClause) {
	for j := range c.raw {
		d, n := c.dateAt(j)
		if n == 0 || w.used[j] {
			continue
		}
		for k := j; k < j+n; k++ {
			w.used[k] = true
		}
		if c.endsSeries(j) {
			w.until = d
			continue
		}
		if w.day == 0 {
			w.day, w.month, w.year = d.day, d.month, d.year
		}
	}
	if w.day > 0 {
		return
	}
	for j := range c.raw {
		if c.at(j) == "ngay" && shortNumber(c.at(j+1)) && !w.used[j] && !c.freqAt(j+2) && c.at(j+2) != "thang" {
			w.day = meetAtoi(c.at(j + 1))
			return
		}
	}
}

// endsSeries reports whether the day at j ends a repetition: "(đến) hết ngày 30/6/2023",
// "đến ngày 30/6".
func (c meetClause) endsSeries(j int) bool {
	if c.at(j) != "ngay" && c.at(j-1) == "ngay" {
		j--
	}
	prev := c.at(j - 1)
	return prev == "het" || prev == "den"
}

// agendaNote is a parenthesis that assigns contents by their numbers: "(Phòng Kinh tế
// và Hạ tầng chuẩn bị nội dung 2, 3)".
type agendaNote struct {
	a    Assignment
	text string // the parenthesis as written
	item int    // the index of the item it is in
}

// agenda reads the matters of a meeting from its child items kids, and returns them
// with the number of contents its notes name that do not exist.
func (r *meetingReader) agenda(kids []int) ([]AgendaDraft, int) {
	var out []AgendaDraft
	var numbers []int // the number of each matter: its label's, else its order
	var notes []agendaNote
	for _, k := range kids {
		it := r.o.Items[k]
		own, ns := splitAgendaNotes(itemParagraphs(it), k)
		for i := range ns {
			if len(ns[i].a.Refers) == 0 && own == "" && len(numbers) > 0 {
				ns[i].a.Refers = []int{numbers[len(numbers)-1]} // a note item: the content before it
			}
		}
		if own != "" {
			ad := AgendaDraft{Title: trimClause(own), ItemID: it.ID, Line: r.line(k)}
			if a, ok := ReadAssignment(own); ok {
				ad.Title = trimClause(strings.TrimSpace(own[:a.Start]) + own[a.End:])
				ad.assign(a)
				if len(a.Refers) > 0 {
					notes = append(notes, agendaNote{a: a, text: own[a.Start:a.End], item: k})
				}
			}
			numbers = append(numbers, agendaNumber(it.Label, len(out)+1))
			out = append(out, ad)
		}
		for _, n := range ns {
			if len(n.a.Refers) == 0 && own != "" {
				n.a.Refers = []int{numbers[len(numbers)-1]} // a note of the content it follows
			}
			notes = append(notes, n)
		}
	}
	return out, r.applyNotes(out, numbers, notes)
}

// applyNotes assigns the contents each note numbers that have no org of their own, and
// returns the number of contents named that do not exist, each a problem.
func (r *meetingReader) applyNotes(out []AgendaDraft, numbers []int, notes []agendaNote) int {
	misses := 0
	for _, n := range notes {
		for _, num := range n.a.Refers {
			at := -1
			for i, x := range numbers {
				if x == num {
					at = i
					break
				}
			}
			switch {
			case at < 0:
				r.problem(n.item, "Ghi chú “%s” giao nội dung %d, nhưng hội nghị không có nội dung %d.", n.text, num, num)
				misses++
			case out[at].Lead == "":
				out[at].assign(n.a)
			}
		}
	}
	return misses
}

// splitAgendaNotes returns the paragraphs of item k that are not notes, joined, and its
// notes: paragraphs that are an assigning parenthesis alone.
func splitAgendaNotes(paras []string, k int) (string, []agendaNote) {
	var own []string
	var notes []agendaNote
	for _, p := range paras {
		t := strings.TrimSpace(p)
		if a, ok := noteOf(t); ok {
			notes = append(notes, agendaNote{a: a, text: t[a.Start:a.End], item: k})
		} else if t != "" {
			own = append(own, t)
		}
	}
	return strings.Join(own, " "), notes
}

// noteOf reads paragraph t as a note: an assigning parenthesis alone, but a final stop.
func noteOf(t string) (Assignment, bool) {
	if !strings.HasPrefix(t, "(") {
		return Assignment{}, false
	}
	a, ok := ReadAssignment(t)
	return a, ok && a.Start == 0 && strings.Trim(t[a.End:], " .;,") == ""
}

// assign sets the orgs of a: of several leads the first leads, the others support.
func (ad *AgendaDraft) assign(a Assignment) {
	ad.Lead, ad.Verb = a.Lead[0], a.Verb
	ad.Support = append(append([]string(nil), a.Lead[1:]...), a.Support...)
}

// agendaNumber returns the number of label ("2."), or def when it has none.
func agendaNumber(label string, def int) int {
	if n, err := strconv.Atoi(strings.TrimRight(label, ".)")); err == nil {
		return n
	}
	return def
}
