package importer

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"congtac"
	"congtac/vn"
)

// ScheduleEntry is one entry of a weekly schedule as read: the day and the time, who of
// the leaders attends, the work, where, who else, who prepares, and whether it was put off.
// Texts are as the schedule writes them, without the bullets and the labels ("Địa điểm:",
// "Chuẩn bị:") that introduced them; matching names to people and orgs is a later step.
type ScheduleEntry struct {
	Date         congtac.Date
	Start        congtac.ClockTime // congtac.NoTime when only a part of the day is given
	Part         congtac.DayPart   // the part Start falls in, or the part written; "" when neither
	Leaders      []string          // who attends among the leaders, as written: "Chủ tịch UBND tỉnh", "Đ/c Trần Văn Hùng, PCT UBND xã"
	Title        string            // the work: "Dự Hội nghị tổng kết công tác năm 2026 của Sở Tài chính"
	Place        string
	Participants string  // thành phần, besides the leaders
	Preparer     string  // the org that prepares (chuẩn bị), as written; "" if none
	Postponed    bool    // "hoãn", "tạm hoãn", "lùi lịch", "hủy": the entry does not take place as listed
	Note         string  // what the note column or a postponement says: "Hoãn, có lịch sau"
	Line         int     // the row ([Source.Rows] index) the entry starts at
	Confidence   float64 // 0..1: how sure the reading is (1 when every field came from its own column)
}

// Schedule is a weekly schedule: the week it covers and its entries in order.
type Schedule struct {
	Week     congtac.Period // a week period, zero when neither the document nor its dates say
	Entries  []ScheduleEntry
	Problems []Problem
}

// ReadSchedule reads a weekly schedule from src (already cleaned: NFC, repaired). It
// reports false when src is not a weekly schedule (no title "LỊCH CÔNG TÁC" or "LỊCH LÀM
// VIỆC" and no table whose header names days and the work).
//
// The week is read from the title and the lines under it ([vn.ParsePeriod], or "từ ngày
// D/M đến ngày D/M/Y"); a title that does not give it leaves it to the dates read, as the
// ISO week of the first entry. A day written without a year takes the year that puts it
// nearest the week (across New Year too), or, without a week, nearest the day before it or
// the first full date of the document. A day written by its weekday alone is that weekday
// of the week. A weekday that contradicts its date, a date that does not exist or lies
// outside the titled week, a day whose year cannot be known and a time that cannot be read
// are [Problem]s; the entries of a day whose date cannot be known are left out, with a
// problem saying so.
//
// When src has a schedule table, the tables are read: each row is an entry (or, its
// content cell holding lines that start with times, one entry per such line), its cells
// placed by the header's columns; a vertically merged cell gives every row it spans its
// text; a row of one cell across the table is a day, a part of the day or a leader's
// section. Paragraphs then only give the leaders' sections ("CHỦ TỊCH UBND TỈNH"), for the
// tables after them. Otherwise the paragraphs after the title are read as text: day
// headings ("THỨ HAI (07/12/2026)", "Thứ Hai, ngày 07/12"), parts of the day ("Sáng:"),
// sections, and entries, each starting with a bullet or a time, the lines after it
// continuing it, until "Nơi nhận", "Ghi chú" or the signature.
func ReadSchedule(src Source) (Schedule, bool) {
	r := scheduleReader{titleLine: -1}
	r.items, r.total = scheduleLayout(src)
	title := r.findTitle()
	tables := r.hasScheduleTable()
	if title < 0 && !tables {
		return Schedule{}, false
	}
	next := title
	if title >= 0 {
		next = r.readTitle(title)
	}
	r.titleFrom, r.titleTo = title, next
	r.findHint()
	if tables {
		r.readTables()
	} else {
		r.readText(next)
	}
	r.finish()
	return r.out, true
}

// schedItem is a paragraph's line or a table, with the rows ([Source.Rows]) its text takes.
type schedItem struct {
	text  string // a paragraph's line
	line  int
	bold  bool
	table *schedTable
}

type schedTable struct{ rows []schedRow }

// schedRow is a row of a table; before is the number of the document's rows before it.
type schedRow struct {
	cells  []schedCell
	before int
}

// schedCell is a cell of a table: its lines as [Source.Rows] gives them, its grid
// columns as far as the row tells (from 0, without the columns a row may skip), and the
// row of its first line, -1 when it gives none (continued or empty).
type schedCell struct {
	lines     []string
	col, span int
	continued bool
	line      int
}

// text returns the cell's lines joined with sep.
func (c schedCell) text(sep string) string { return strings.Join(c.lines, sep) }

// maxScheduleColumns bounds the grid a header is read over.
const maxScheduleColumns = 64

// scheduleLayout returns the paragraph lines and tables of src in order, with the row
// numbers [Source.Rows] gives their text, and the number of those rows.
func scheduleLayout(src Source) ([]schedItem, int) {
	var items []schedItem
	n := 0
	for _, b := range src.Blocks {
		switch {
		case b.Kind == KindParagraph:
			for _, l := range rowLines(b.label()) {
				items = append(items, schedItem{text: l, line: n, bold: b.Bold})
				n++
			}
		case b.Table != nil:
			t := &schedTable{}
			for _, row := range b.Table.Rows {
				t.rows = append(t.rows, layoutRow(row, &n))
			}
			items = append(items, schedItem{line: -1, table: t})
		}
	}
	return items, n
}

// layoutRow places the cells of row, counting the rows their lines take from *n on.
func layoutRow(row []Cell, n *int) schedRow {
	r := schedRow{before: *n}
	col := 0
	for _, c := range row {
		sc := schedCell{lines: rowLines(c.Text), col: col, span: min(max(c.Span, 1), 1<<20), continued: c.Continued, line: -1}
		if !c.Continued && len(sc.lines) > 0 {
			sc.line = *n
			*n += len(sc.lines)
		}
		col = min(col+sc.span, 1<<20)
		r.cells = append(r.cells, sc)
	}
	return r
}

// rowLines splits text into lines as [Source.Rows] does: white space collapsed, empty
// lines left out.
func rowLines(text string) []string {
	if !strings.Contains(text, "\n") && collapsed(text) {
		if text == "" {
			return nil
		}
		return []string{text}
	}
	var lines []string
	for line := range strings.SplitSeq(text, "\n") {
		if !collapsed(line) {
			line = strings.Join(strings.Fields(line), " ")
		}
		if line != "" {
			lines = append(lines, line)
		}
	}
	return lines
}

// collapsed reports whether line is as [strings.Fields] and a join would leave it: ASCII
// white space only, single spaces between words, none at either end.
func collapsed(line string) bool {
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == 0xC2 || c == 0xE2 || c == 0xE3 || (c == 0xE1 && i+1 < len(line) && line[i+1] == 0x9A):
			// the lead bytes of the white space beyond ASCII: U+0085, U+00A0, U+1680, U+2000…
			if r, _ := utf8.DecodeRuneInString(line[i:]); unicode.IsSpace(r) {
				return false
			}
		case c == ' ' && (i == 0 || i == len(line)-1 || line[i-1] == ' '):
			return false
		case c <= ' ' && c != ' ':
			return false
		}
	}
	return true
}

// schedDay is the day the entries being read fall on.
type schedDay struct {
	date  congtac.Date // zero when it cannot be known
	line  int          // of its heading; -1 before any
	text  string       // its heading as written
	trust float64      // how sure its date is
	known bool         // a heading was read
	said  bool         // a problem already says its entries are left out
}

// scheduleReader holds what reading a schedule has learnt so far.
type scheduleReader struct {
	items       []schedItem
	total       int // rows of the document
	out         Schedule
	titleLine   int
	titleFrom   int // the items of the title: titleFrom up to titleTo
	titleTo     int
	weekTitled  bool         // the week comes from the title
	weekNumber  int          // the week number the title writes without its year
	titleLeader string       // the one leader the title names: "Lịch công tác của Chủ tịch UBND tỉnh"
	hint        congtac.Date // a full date of the document, for days without a year
	last        congtac.Date // the day read last
	day         schedDay
	partHeading congtac.DayPart // of a "Sáng:" heading, for the entries under it
	lastPart    congtac.DayPart // of the row above, for a row whose time cell is empty
	section     string          // the leader whose section is being read
	cols        []colRole       // the columns of the last schedule table
	open        *entryDraft     // the text entry being read
}

func (r *scheduleReader) problem(line int, format string, args ...any) {
	r.out.Problems = append(r.out.Problems, Problem{line, fmt.Sprintf(format, args...)})
}

// findTitle returns the index of the first line naming a schedule, or -1.
func (r *scheduleReader) findTitle() int {
	for i, it := range r.items {
		if it.table == nil && isScheduleTitle(it.text) {
			return i
		}
	}
	return -1
}

// isScheduleTitle reports whether line starts "LỊCH CÔNG TÁC" or "LỊCH LÀM VIỆC".
func isScheduleTitle(line string) bool {
	f := vn.Fold(line)
	return strings.HasPrefix(f, "lich cong tac") || strings.HasPrefix(f, "lich lam viec")
}

// hasScheduleTable reports whether a table has a schedule's header.
func (r *scheduleReader) hasScheduleTable() bool {
	for _, it := range r.items {
		if it.table == nil {
			continue
		}
		for _, row := range it.table.rows {
			if _, ok := headerRoles(row); ok {
				return true
			}
		}
	}
	return false
}

// readTitle reads the title at item i and the lines that go on with it ("(Từ ngày 07/12
// đến ngày 13/12/2026)"): the week, and the leader a title of one leader names. It returns
// the index of the first item after them.
func (r *scheduleReader) readTitle(i int) int {
	r.titleLine = r.items[i].line
	lines := []string{r.items[i].text}
	end := i + 1
	for ; end < len(r.items) && end <= i+3; end++ {
		it := r.items[end]
		if it.table != nil || !continuesTitle(lines[len(lines)-1], it.text) {
			break
		}
		lines = append(lines, it.text)
	}
	text := strings.Join(lines, " ")
	r.readWeek(text)
	r.titleLeader = titleLeader(text)
	return end
}

// continuesTitle reports whether line goes on with the title line before it: it is in
// parentheses, starts "của" or names the week or its days, or the line before ends "của".
func continuesTitle(before, line string) bool {
	f, b := vn.Fold(line), vn.Fold(before)
	for _, p := range []string{"(", "cua ", "tuan", "tu ngay", "nam "} {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	return strings.HasSuffix(b, " cua") || strings.Contains(f, "tu ngay") || strings.Contains(f, "den ngay")
}

var (
	// titleRange matches the days a title gives: "từ ngày 07/12 đến ngày 13/12/2026".
	titleRange = regexp.MustCompile(`(?i)từ\s*(?:ngày\s*)?(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}))?\s*(?:đến|tới|-|–)\s*(?:ngày\s*)?(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})`)
	// weekNumber matches a week's number in folded text: "tuan 50", "tuan thu 07".
	weekNumber = regexp.MustCompile(`tuan\s*(?:thu\s*)?(\d{1,2})(?:\D|$)`)
)

// readWeek reads the week of a title: as [vn.ParsePeriod] reads it, else from the days the
// title gives (a week number that is not theirs is a problem), else only its number, for
// the dates to confirm.
func (r *scheduleReader) readWeek(text string) {
	p, _, err := vn.ParsePeriod(text)
	switch {
	case err == nil && p.Kind == congtac.PeriodWeek:
		r.out.Week, r.weekTitled = p, true
		return
	case err == nil:
		r.hint = p.Start() // a month's schedule: its year
		return
	}
	if g := weekNumber.FindStringSubmatch(vn.Fold(text)); g != nil {
		r.weekNumber = numberOf(g[1])
	}
	if first, ok := titleFirstDay(text); ok {
		r.out.Week, r.weekTitled = congtac.PeriodOf(congtac.PeriodWeek, first), true
		if r.weekNumber != 0 && r.weekNumber != r.out.Week.Number {
			r.problem(r.titleLine, "Tiêu đề ghi tuần %d nhưng ngày đầu tuần %s thuộc tuần %d năm %d; lịch được đọc theo ngày đã ghi: %s.",
				r.weekNumber, vn.PaddedDate(first), r.out.Week.Number, r.out.Week.Year, vn.WeekHeading(r.out.Week))
		}
	}
}

// titleFirstDay returns the first day of the days a title gives; a first day without a
// year takes the last day's, the year before when it falls after it (across New Year).
func titleFirstDay(text string) (congtac.Date, bool) {
	g := titleRange.FindStringSubmatch(text)
	if g == nil {
		return congtac.Date{}, false
	}
	n := make([]int, len(g))
	for i := 1; i < len(g); i++ {
		n[i], _ = strconv.Atoi(g[i])
	}
	last, err := calendarDate(n[6], n[5], n[4])
	if err != nil {
		return congtac.Date{}, false
	}
	year := n[3]
	if g[3] == "" {
		year = last.Year
		if n[2]*100+n[1] > n[5]*100+n[4] {
			year--
		}
	}
	first, err := calendarDate(year, n[2], n[1])
	return first, err == nil
}

// titleLeader returns the leader a title names after "của" when it names one: "LỊCH CÔNG
// TÁC CỦA CHỦ TỊCH UBND TỈNH" gives "CHỦ TỊCH UBND TỈNH"; a title naming several leaders
// ("của Chủ tịch, các Phó Chủ tịch", "của Lãnh đạo UBND xã") gives "".
func titleLeader(text string) string {
	words := strings.Fields(text)
	var named []string
	for i, w := range words {
		if vn.Fold(w) == "cua" {
			named = words[i+1:]
			break
		}
	}
	for j, w := range named {
		if f := vn.Fold(w); strings.HasPrefix(w, "(") || f == "tuan" || f == "nam" || (f == "tu" && j+1 < len(named)) {
			named = named[:j]
			break
		}
	}
	leader := strings.TrimRight(strings.Join(named, " "), ":.,")
	f := " " + vn.Fold(leader) + " "
	if !isLeader(leader) || strings.Contains(leader, ",") || strings.Contains(f, " cac ") || strings.Contains(f, " va ") ||
		strings.HasPrefix(f, " lanh dao ") || strings.HasPrefix(f, " thuong truc ") {
		return ""
	}
	return leader
}

var (
	// fullDateIn matches a date with its year: "07/12/2026", "ngày 04 tháng 12 năm 2026".
	fullDateIn = regexp.MustCompile(`(?i)(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})|ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})`)
)

// findHint sets the date that tells the year of days written without one, when the title
// gives no week: the first full date of the document.
func (r *scheduleReader) findHint() {
	if r.weekTitled || !r.hint.IsZero() {
		return
	}
	for _, it := range r.items {
		if it.table == nil {
			if d, ok := firstFullDate(it.text); ok {
				r.hint = d
				return
			}
			continue
		}
		for _, row := range it.table.rows {
			for _, c := range row.cells {
				if d, ok := firstFullDate(c.text(" ")); ok {
					r.hint = d
					return
				}
			}
		}
	}
}

// firstFullDate returns the first date of text written with its year that exists.
func firstFullDate(text string) (congtac.Date, bool) {
	for _, g := range fullDateIn.FindAllStringSubmatch(text, 4) {
		if g[1] == "" {
			g = []string{g[0], g[4], g[5], g[6]}
		}
		d, m, y := numberOf(g[1]), numberOf(g[2]), numberOf(g[3])
		if date, err := calendarDate(y, m, d); err == nil {
			return date, true
		}
	}
	return congtac.Date{}, false
}

// calendarDate returns the date y-m-d when it is on the calendar and within the years a
// week period can have (1900–9999).
func calendarDate(y, m, d int) (congtac.Date, error) {
	if y < 1900 {
		return congtac.Date{}, congtac.Errorf(congtac.EINVALID, "Năm %d không hợp lệ.", y)
	}
	return congtac.NewDate(y, time.Month(m), d)
}

func numberOf(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// finish derives the week from the dates when the title did not give it, and says when
// nothing was read.
func (r *scheduleReader) finish() {
	if r.out.Week.Kind == "" && len(r.out.Entries) > 0 {
		r.out.Week = congtac.PeriodOf(congtac.PeriodWeek, r.out.Entries[0].Date)
		if r.weekNumber != 0 && r.weekNumber != r.out.Week.Number {
			r.problem(r.titleLine, "Tiêu đề ghi tuần %d nhưng các ngày trong lịch thuộc tuần %d năm %d.",
				r.weekNumber, r.out.Week.Number, r.out.Week.Year)
		}
	}
	if len(r.out.Entries) == 0 {
		r.problem(-1, "Không thấy việc nào trong lịch: cần bảng có cột “Thứ, ngày” và “Nội dung”, hoặc các dòng việc dưới tiêu đề ngày (“Thứ Hai, ngày 07/12”).")
	}
}

// dayHeading is a day as a heading or a day cell writes it.
type dayHeading struct {
	weekday          time.Weekday
	hasWeekday       bool
	day, month, year int // 0 when not written
	written          string
}

var (
	// weekdayLead matches a weekday at the start of a text: "Thứ Hai", "THỨ 2", "Chủ nhật".
	weekdayLead = regexp.MustCompile(`(?i)^(?:thứ\s*(hai|ba|tư|bốn|năm|sáu|bảy|bẩy|[2-7])|chủ\s*nhật|cn)`)
	// dateLead matches a day and month, perhaps a year, at the start of a text:
	// "07/12", "ngày 07/12/2026", "07.12.26", "ngày 07 tháng 12 năm 2026".
	dateLead = regexp.MustCompile(`(?i)^(?:ngày\s*)?(\d{1,2})\s*(?:/|\.|-|\s+tháng\s+)\s*(\d{1,2})(?:(?:/|\.|-|\s+năm\s+)(\d{4}|\d{2}))?`)
)

// parseDayHeading reads the day s starts with, a weekday or a date or both in either
// order, and returns what follows it.
func parseDayHeading(s string) (dayHeading, string, bool) {
	h := dayHeading{}
	rest := s
	if n := h.readWeekday(rest); n > 0 {
		rest = strings.TrimLeft(rest[n:], " ,(–—-")
		rest = rest[h.readDate(rest):]
	} else if n := h.readDate(rest); n > 0 {
		rest = strings.TrimLeft(rest[n:], " ,(–—-")
		rest = rest[h.readWeekday(rest):]
	} else {
		return h, s, false
	}
	rest = strings.TrimLeft(rest, " )]")
	h.written = strings.TrimRight(strings.TrimSpace(s[:len(s)-len(rest)]), " ,:-–")
	return h, rest, true
}

// readWeekday reads the weekday s starts with and returns its length, 0 when none.
func (h *dayHeading) readWeekday(s string) int {
	m := weekdayLead.FindStringSubmatchIndex(s)
	if m == nil || followsWord(s, m[1]) {
		return 0
	}
	h.hasWeekday = true
	h.weekday = time.Sunday
	if m[2] >= 0 {
		h.weekday = weekdayNumber(strings.ToLower(s[m[2]:m[3]]))
	}
	return m[1]
}

// weekdayNumber returns the weekday named by the word after "thứ".
func weekdayNumber(w string) time.Weekday {
	switch w {
	case "hai", "2":
		return time.Monday
	case "ba", "3":
		return time.Tuesday
	case "tư", "bốn", "4":
		return time.Wednesday
	case "năm", "5":
		return time.Thursday
	case "sáu", "6":
		return time.Friday
	}
	return time.Saturday
}

// readDate reads the date s starts with and returns its length, 0 when none: a day above
// 31 or a month above 12 is not one. A year of two digits is of the 2000s; one run on into
// a word ("07/12-08h") is not a year.
func (h *dayHeading) readDate(s string) int {
	m := dateLead.FindStringSubmatchIndex(s)
	if m == nil {
		return 0
	}
	end := m[1]
	if m[6] >= 0 && followsWord(s, m[7]) {
		m[6], end = -1, m[5]
	}
	if followsWord(s, end) && s[end-1] >= '0' && s[end-1] <= '9' {
		return 0 // "07/123", "8.30h"
	}
	h.day, h.month = numberOf(s[m[2]:m[3]]), numberOf(s[m[4]:m[5]])
	if h.day < 1 || h.day > 31 || h.month < 1 || h.month > 12 {
		h.day, h.month = 0, 0
		return 0 // "8.30", a time
	}
	if m[6] >= 0 {
		h.year = numberOf(s[m[6]:m[7]])
		if h.year < 100 {
			h.year += 2000
		}
	}
	return end
}

// followsWord reports whether the byte at i of s goes on with a letter or a digit.
func followsWord(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// dayText writes a heading's date as it was given: "31/11", "07/12/2026".
func (h dayHeading) dayText() string {
	if h.year == 0 {
		return fmt.Sprintf("%02d/%02d", h.day, h.month)
	}
	return fmt.Sprintf("%02d/%02d/%d", h.day, h.month, h.year)
}

// setDay starts the day heading h (the text written at line) gives.
func (r *scheduleReader) setDay(h dayHeading, text string, line int) {
	r.day = schedDay{line: line, text: text, known: true}
	r.partHeading, r.lastPart = "", ""
	r.day.date, r.day.trust = r.dateOf(h, line)
	if r.day.date.IsZero() {
		r.day.said = true
		return
	}
	r.last = r.day.date
}

// dateOf returns the date of heading h at line and how sure it is, zero when it cannot be
// known; it says why as problems.
func (r *scheduleReader) dateOf(h dayHeading, line int) (congtac.Date, float64) {
	var why string
	if h.day > 0 {
		d, msg := r.writtenDate(h)
		if msg == "" {
			return d, r.checkDate(h, d, line)
		}
		why = msg
		if !h.hasWeekday {
			r.problem(line, "%s; các việc của ngày này không được đọc.", why)
			return congtac.Date{}, 0
		}
	}
	d, ok := r.weekdayDate(h.weekday)
	switch {
	case !ok && why != "":
		r.problem(line, "%s; các việc của ngày này không được đọc.", why)
	case !ok:
		r.problem(line, "“%s” không ghi ngày và lịch không cho biết tuần; các việc của ngày này không được đọc.", h.written)
	case why != "":
		r.problem(line, "%s; lấy theo thứ đã ghi: %s %s.", why, vn.Weekday(h.weekday), vn.PaddedDate(d))
		return d, 0.8
	default:
		return d, 0.9
	}
	return congtac.Date{}, 0
}

// writtenDate returns the date h writes, its year found when not written, or a message
// saying why it has none.
func (r *scheduleReader) writtenDate(h dayHeading) (congtac.Date, string) {
	if h.year > 0 {
		d, err := calendarDate(h.year, h.month, h.day)
		if err != nil {
			return d, fmt.Sprintf("Ngày %s không có trên lịch", h.dayText())
		}
		return d, ""
	}
	anchor := r.anchor()
	if anchor.IsZero() {
		return congtac.Date{}, fmt.Sprintf("Ngày %s không ghi năm và lịch không cho biết năm", h.dayText())
	}
	if d, ok := nearestYear(anchor, h.day, h.month); ok {
		return d, ""
	}
	return congtac.Date{}, fmt.Sprintf("Ngày %s không có trên lịch", h.dayText())
}

// anchor returns the date days without a year are put near: the middle of the titled
// week, the day read last, or the document's first full date; zero when none is known.
func (r *scheduleReader) anchor() congtac.Date {
	switch {
	case r.weekTitled:
		return r.out.Week.Start().AddDays(3)
	case !r.last.IsZero():
		return r.last
	}
	return r.hint
}

// nearestYear returns day/month in the year (of anchor's, the one before and the one
// after) that puts it nearest anchor, within half a year.
func nearestYear(anchor congtac.Date, day, month int) (congtac.Date, bool) {
	var best congtac.Date
	bestDist := 184
	for y := anchor.Year - 1; y <= anchor.Year+1; y++ {
		d, err := calendarDate(y, month, day)
		if err != nil {
			continue
		}
		if dist := absDays(anchor.DaysUntil(d)); dist < bestDist {
			best, bestDist = d, dist
		}
	}
	return best, !best.IsZero()
}

func absDays(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// checkDate says when d contradicts the weekday written with it or lies outside the
// titled week, and returns how sure d is.
func (r *scheduleReader) checkDate(h dayHeading, d congtac.Date, line int) float64 {
	trust := 1.0
	if h.hasWeekday && d.Weekday() != h.weekday {
		r.problem(line, "Ngày %s là %s, không phải %s như lịch ghi; lấy theo ngày đã ghi.",
			vn.PaddedDate(d), vn.Weekday(d.Weekday()), vn.Weekday(h.weekday))
		trust = 0.6
	}
	if w := r.out.Week; r.weekTitled && !w.Contains(d) {
		r.problem(line, "Ngày %s không thuộc tuần %d năm %d (từ %s đến %s) ghi ở tiêu đề.",
			vn.PaddedDate(d), w.Number, w.Year, vn.PaddedDate(w.Start()), vn.PaddedDate(w.End()))
		trust = min(trust, 0.8)
	}
	return trust
}

// weekdayDate returns the day of weekday wd: in the titled week, else the first on or
// after the day read last.
func (r *scheduleReader) weekdayDate(wd time.Weekday) (congtac.Date, bool) {
	var d congtac.Date
	switch {
	case r.weekTitled:
		d = r.out.Week.Start().AddDays((int(wd) + 6) % 7)
	case !r.last.IsZero():
		d = r.last.AddDays((int(wd) - int(r.last.Weekday()) + 7) % 7)
	default:
		return d, false
	}
	_, err := calendarDate(d.Year, int(d.Month), d.Day)
	return d, err == nil
}

// setSection starts the section of leader: the days start anew.
func (r *scheduleReader) setSection(leader string) {
	r.section = leader
	r.day = schedDay{line: -1}
	r.partHeading, r.lastPart = "", ""
}

var (
	// leaderStart matches a leader at the start of a text: "Chủ tịch", "Phó Chủ tịch",
	// "PCT", "Đ/c", "Đồng chí", "Lãnh đạo UBND", "Thường trực HĐND", "Bí thư".
	leaderStart = regexp.MustCompile(`(?i)^(?:các\s+)?(?:phó\s+)?(?:chủ\s+tịch|pct|đồng\s+chí|đ/c|bí\s+thư|(?:lãnh\s+đạo|thường\s+trực)\s+(?:ubnd|hđnd|ủy\s+ban|uỷ\s+ban|huyện|tỉnh|xã|phường|thành))(?:$|[\s,.:;/\-–])`)
	// outlineLabel matches the label of a heading: "I. ", "1. ", "A. ", "a) ".
	outlineLabel = regexp.MustCompile(`^(?:[IVXLC]+|[A-ZĐ]|\d{1,2}|[a-zđ])[.)]\s+`)
	// sectionLead matches what may precede the leader of a section heading.
	sectionLead = regexp.MustCompile(`(?i)^lịch\s+(?:công\s+tác\s+|làm\s+việc\s+)?(?:tuần\s+)?của\s+`)
)

// isLeader reports whether text starts by naming a leader.
func isLeader(text string) bool { return leaderStart.MatchString(text) }

// sectionOf returns the leader a section heading names, as written, and whether line is
// one: a line naming a leader, without its label ("I. ") or a lead "Lịch công tác của",
// that stands out (in capitals, bold or ending ":") and is not a sentence of what the
// leader does.
func sectionOf(line string, standsOut bool) (string, bool) {
	s := outlineLabel.ReplaceAllString(strings.TrimSpace(line), "")
	s = sectionLead.ReplaceAllString(s, "")
	s = strings.TrimSpace(strings.TrimRight(s, ":. "))
	if !isLeader(s) || len(strings.Fields(s)) > 20 {
		return "", false
	}
	capitals := isCapitals(s)
	if !capitals && !standsOut && !strings.HasSuffix(strings.TrimSpace(line), ":") {
		return "", false
	}
	if _, _, ok := splitSubject(s); ok && !capitals {
		return "", false
	}
	return s, true
}

var (
	// clockPattern matches a time of day: "8h00", "8 giờ 00", "08:00", "14h30'", "7g30".
	clockPattern = `\d{1,2}\s*(?:giờ|h|g|:)\s*(?:\d{1,2}\s*(?:phút|p|'|’)?|rưỡi)?`
	partPattern  = `(?:buổi\s+)?(?:sáng|chiều|trưa|tối)`
	// clockLead matches a time at the start of an entry: "8h00: ", "Sáng 8h00 - ",
	// "7h30 – 11h00 ", "Từ 14 giờ đến 17 giờ, ".
	clockLead = regexp.MustCompile(`(?i)^((?:` + partPattern + `\s*[,:]?\s*)?(?:(?:từ|lúc|vào\s+lúc|vào)\s+)?` +
		clockPattern + `(?:\s*` + partPattern + `)?(?:\s*(?:-|–|—|đến)\s*` + clockPattern + `(?:\s*` + partPattern + `)?)?)` +
		`(?:\s*[:.,\-–)]\s*|\s+|$)`)
	// partLead matches a part of the day at the start of an entry or as a heading: "Sáng:",
	// "Buổi chiều -", "CẢ NGÀY".
	partLead = regexp.MustCompile(`(?i)^(` + partPattern + `|cả\s+ngày)\s*(?:[:,\-–]\s*|$)`)
	// partWord matches a part of the day at the start of a text, whatever follows.
	partWord = regexp.MustCompile(`(?i)^` + partPattern + `(?:$|[^\p{L}])`)
	// entryBullet matches the bullet of an entry.
	entryBullet = regexp.MustCompile(`^[-–—•·*+]\s*`)
	// dotClock matches a time written with a dot: "8.00".
	dotClock = regexp.MustCompile(`^(\d{1,2})\.(\d{2})$`)
)

// withoutBullet returns line without the bullet it starts with.
func withoutBullet(line string) string {
	if line == "" || !strings.ContainsAny(line[:min(len(line), 3)], "-–—•·*+") {
		return line
	}
	return entryBullet.ReplaceAllString(line, "")
}

// leadTime returns the time or part of the day text starts with, as written, and the
// text after it; "" and text when it starts with neither.
func leadTime(text string) (string, string) {
	for _, re := range []*regexp.Regexp{clockLead, partLead} {
		m := re.FindStringSubmatchIndex(text)
		if m == nil {
			continue
		}
		if _, _, err := vn.ParseClock(text[m[2]:m[3]]); err == nil {
			return text[m[2]:m[3]], text[m[1]:]
		}
	}
	return "", text
}

// clockOf reads the time text writes, under the part of the day of a heading (""
// when none): the start, the part, how sure the reading is and, when text cannot be read
// or contradicts the part, a message.
func clockOf(part congtac.DayPart, text string) (congtac.ClockTime, congtac.DayPart, float64, string) {
	text = dotClock.ReplaceAllString(strings.TrimSpace(text), "$1:$2")
	if part != "" && text != "" {
		if t, p, err := vn.ParseClock(part.Label() + " " + text); err == nil {
			return t, p, 1, ""
		}
	}
	t, p, err := vn.ParseClock(text)
	if err != nil {
		return looseClock(part, text, congtac.ErrorMessage(err))
	}
	if p == "" {
		p = part
	}
	if part != "" && part != congtac.AllDay && t != congtac.NoTime && t.Part() != part {
		return t, p, 0.8, fmt.Sprintf("Giờ “%s” không thuộc buổi %s đã ghi; lấy theo giờ.",
			text, strings.ToLower(part.Label()))
	}
	return t, p, 1, ""
}

// looseClock reads a time from text that is more than one ("8h00 (dự kiến)", "Sáng (từ
// 7h30)"): its first time under its first part of the day, or that part alone; msg says
// why text is not one when it has neither.
func looseClock(part congtac.DayPart, text, msg string) (congtac.ClockTime, congtac.DayPart, float64, string) {
	var clock, written string
	for i := 0; i < len(text) && i < 200 && clock == ""; i++ {
		if i > 0 && (followsWord(text, i-1) || text[i-1] >= utf8.RuneSelf) {
			continue
		}
		if written == "" {
			written = partWord.FindString(text[i:])
		}
		if lead, _ := leadTime(text[i:]); hasDigits(lead) {
			clock = lead
		}
	}
	if written != "" {
		_, part, _ = vn.ParseClock(strings.TrimRightFunc(written, notWordRune))
	}
	if clock == "" && written == "" {
		return congtac.NoTime, part, 0.6, msg
	}
	if clock == "" {
		return congtac.NoTime, part, 0.7, ""
	}
	t, p, _, problem := clockOf(part, clock)
	return t, p, 0.7, problem
}

// splitSubject splits text that starts with the leaders who do the work ("Chủ tịch UBND
// xã chủ trì họp …", "Đ/c Trần Văn Hùng, PCT UBND xã dự Hội nghị …") at the verb that
// follows them, and returns the leaders and the work, its first letter in capitals.
func splitSubject(text string) (string, string, bool) {
	lead := leaderStart.FindString(text)
	if lead == "" {
		return "", "", false
	}
	words := strings.Fields(text)
	for k := len(strings.Fields(lead)); k < len(words) && k <= 16; k++ { // "Thường trực" is no verb
		if startsVerb(words[k:]) {
			subject := strings.TrimRight(strings.Join(words[:k], " "), ",;:-–")
			return strings.TrimSpace(subject), capitalFirst(strings.Join(words[k:], " ")), true
		}
	}
	return "", "", false
}

// subjectVerbs are the verbs, as written in small letters, that follow the leaders
// doing the work.
var subjectVerbs = [][]string{
	{"chủ", "trì"}, {"dự"}, {"tham", "dự"}, {"làm", "việc"}, {"tiếp"}, {"đi"}, {"kiểm", "tra"},
	{"họp"}, {"thăm"}, {"chỉ", "đạo"}, {"đối", "thoại"}, {"nghe"}, {"trực"}, {"cùng"}, {"duyệt"},
	{"giao", "ban"}, {"công", "tác"}, {"hội", "ý"}, {"giải", "quyết"}, {"tham", "gia"}, {"đón"},
	{"gặp"}, {"khảo", "sát"}, {"báo", "cáo"}, {"chủ", "tọa"}, {"chủ", "toạ"}, {"phát", "biểu"},
	{"dẫn", "đoàn"}, {"tiếp", "xúc"}, {"trao"}, {"viếng"}, {"giám", "sát"}, {"xử", "lý"}, {"ký"},
	{"thông", "qua"}, {"đi", "công", "tác"},
}

// startsVerb reports whether words start with one of subjectVerbs.
func startsVerb(words []string) bool {
	for _, v := range subjectVerbs {
		if len(words) < len(v) {
			continue
		}
		match := true
		for i, w := range v {
			if strings.TrimRight(words[i], ",:") != w {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

// capitalFirst returns s with its first letter in capitals.
func capitalFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// colRole is what a column of a schedule table holds.
type colRole uint8

// The columns of a schedule table.
const (
	roleNone         colRole = iota
	roleDay                  // "Thứ, ngày"
	roleTime                 // "Thời gian", "Giờ"
	rolePart                 // "Buổi"
	roleContent              // "Nội dung công việc"
	rolePlace                // "Địa điểm"
	roleLeaders              // "Lãnh đạo", "Chủ trì"
	roleParticipants         // "Thành phần"
	roleBoth                 // "Lãnh đạo / Thành phần"
	rolePreparer             // "Đơn vị chuẩn bị"
	roleNote                 // "Ghi chú"
	roleCount
)

// headerRoles returns the columns a header row names, by grid column, and whether row is
// the header of a schedule: short cells naming, among others, the day and the work, the
// day's cell not being a day itself.
func headerRoles(row schedRow) ([]colRole, bool) {
	if len(row.cells) < 2 {
		return nil, false
	}
	last := row.cells[len(row.cells)-1]
	width := last.col + last.span
	if width > maxScheduleColumns {
		return nil, false
	}
	for _, c := range row.cells {
		if n := len(c.lines); n > 3 || (n > 0 && len(c.lines[0]) > 60) || strings.Count(c.text(" "), " ") > 7 {
			return nil, false // data, not a heading
		}
	}
	roles := make([]colRole, width)
	var seen [roleCount]bool
	for _, c := range row.cells {
		text := c.text(" ")
		role := headerRole(text)
		if _, _, ok := parseDayHeading(text); ok && role == roleDay {
			return nil, false
		}
		for i := c.col; i < c.col+c.span; i++ {
			roles[i] = role
		}
		seen[role] = true
	}
	return roles, seen[roleDay] && seen[roleContent]
}

// headerRole returns what the column headed text holds.
func headerRole(text string) colRole {
	f := " " + strings.Join(strings.FieldsFunc(vn.Fold(text), notWordRune), " ") + " "
	has := func(phrases ...string) bool {
		for _, p := range phrases {
			if strings.Contains(f, " "+p+" ") {
				return true
			}
		}
		return false
	}
	switch {
	case has("ghi chu"):
		return roleNote
	case has("chuan bi"):
		return rolePreparer
	case has("dia diem"):
		return rolePlace
	case has("noi dung", "cong viec"):
		return roleContent
	case has("lanh dao", "chu tri") && has("thanh phan", "moi"):
		return roleBoth
	case has("lanh dao", "chu tri"):
		return roleLeaders
	case has("thanh phan", "moi", "tham du"):
		return roleParticipants
	case has("thoi gian", "gio"):
		return roleTime
	case has("buoi"):
		return rolePart
	case has("thu", "ngay"):
		return roleDay
	}
	return roleNone
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// readTables reads the schedule tables of the document; its paragraphs, but for the
// title, give the leaders' sections of the tables after them.
func (r *scheduleReader) readTables() {
	for i, it := range r.items {
		switch {
		case it.table != nil:
			r.readTable(it.table)
		case i >= r.titleFrom && i < r.titleTo:
		case closesSchedule(it.text):
			return
		default:
			if leader, ok := sectionOf(it.text, it.bold); ok {
				r.setSection(leader)
			}
		}
	}
}

// readTable reads the rows of table t under its header; rows above the header may only
// be headings (a leader's section).
func (r *scheduleReader) readTable(t *schedTable) {
	cols, start := r.tableColumns(t)
	if cols == nil {
		return
	}
	for i, row := range t.rows {
		if i < start {
			r.spanningRow(row, nil)
			continue
		}
		r.tableRow(cols, row)
	}
}

// tableColumns returns the columns of t and the index of its first row under the header:
// the header's among its first rows, or, for a table without one as wide as the last
// schedule table (a schedule going on in a new table), that table's.
func (r *scheduleReader) tableColumns(t *schedTable) ([]colRole, int) {
	for i, row := range t.rows {
		if i >= 4 {
			break
		}
		if roles, ok := headerRoles(row); ok {
			r.cols = roles
			return roles, i + 1
		}
	}
	width := 0
	for _, row := range t.rows {
		width = max(width, rowWidth(row))
	}
	if r.cols != nil && width == len(r.cols) {
		return r.cols, 0
	}
	return nil, 0
}

// rowWidth returns the number of grid columns the cells of row take.
func rowWidth(row schedRow) int {
	if len(row.cells) == 0 {
		return 0
	}
	last := row.cells[len(row.cells)-1]
	return last.col + last.span
}

// rowLine returns the row ([Source.Rows]) a table row starts at: that of its first line,
// else the last row before it, else the first after; -1 when the document has none.
func (r *scheduleReader) rowLine(row schedRow) int {
	for _, c := range row.cells {
		if c.line >= 0 {
			return c.line
		}
	}
	switch {
	case row.before > 0:
		return row.before - 1
	case row.before < r.total:
		return row.before
	}
	return -1
}

// spanningRow reads a row of one cell across the table (or of one cell with text across
// most of it) that is a day, a part of the day or a leader's section, and reports
// whether it was one.
func (r *scheduleReader) spanningRow(row schedRow, cols []colRole) bool {
	var only *schedCell
	for i := range row.cells {
		if c := &row.cells[i]; len(c.lines) > 0 && !c.continued {
			if only != nil {
				return false
			}
			only = c
		}
	}
	if only == nil || (len(row.cells) > 1 && only.span*2 < len(cols)) {
		return false
	}
	text := only.text(" ")
	if h, rest, ok := parseDayHeading(text); ok && strings.Trim(rest, ": ") == "" {
		r.setDay(h, text, only.line)
		return true
	}
	if lead, rest := leadTime(text); lead != "" && rest == "" && !hasDigits(lead) {
		_, r.partHeading, _ = vn.ParseClock(lead)
		r.lastPart = ""
		return true
	}
	if leader, ok := sectionOf(text, true); ok {
		r.setSection(leader)
		return true
	}
	return false
}

func hasDigits(s string) bool { return strings.ContainsAny(s, "0123456789") }

// tableRow reads a row of a schedule table with columns cols into entries.
func (r *scheduleReader) tableRow(cols []colRole, row schedRow) {
	if _, ok := headerRoles(row); ok || r.spanningRow(row, cols) {
		return // a header repeated on a new page, or a heading
	}
	line := r.rowLine(row)
	if line < 0 {
		return
	}
	cells := placeRow(cols, row)
	r.rowDay(cells[roleDay], line)
	base := r.rowDraft(cols, cells, line)
	for i, c := range r.rowChunks(cells[roleContent], cells[roleTime]) {
		d := chunkDraft(base, c)
		if i > 0 && c.line >= 0 {
			d.line = c.line
		}
		if d.text != "" {
			r.addEntry(d)
		}
	}
}

// rowDraft returns what the entries of a row share: the day, the time of its time and part
// columns (or, when they are empty, the part of a heading or of the row above) and its
// other columns.
func (r *scheduleReader) rowDraft(cols []colRole, cells [roleCount][]schedCell, line int) entryDraft {
	timeText := strings.TrimSpace(joinCells(cells[rolePart], " ") + " " + joinCells(cells[roleTime], " "))
	d := entryDraft{line: line, day: r.day, part: r.partHeading, context: r.partHeading, time: timeText, table: true, trust: 1}
	switch {
	case timeText != "":
		_, p, _, _ := clockOf(r.partHeading, timeText)
		r.lastPart, d.context = p, partOr(r.partHeading, p)
	case r.partHeading == "" && r.lastPart != "":
		d.part, d.trust = r.lastPart, 0.9
	}
	for _, role := range []colRole{rolePlace, roleLeaders, roleParticipants, roleBoth, rolePreparer, roleNote} {
		d.cols[role] = joinCells(cells[role], "\n")
		d.hasCol[role] = hasColumn(cols, role)
	}
	return d
}

// chunkDraft returns the draft of the entry c of a row whose draft is base: a time the
// entry starts with is its time, under the part written above it in the cell, in a
// heading or in the time column ("Sáng" there, "8h00: …" in the content).
func chunkDraft(base entryDraft, c entryChunk) entryDraft {
	d := base
	d.text = c.text()
	switch {
	case c.time != "":
		d.time, d.trust = c.time, 0.9
		d.part = partOr(c.part, base.context)
	case c.part != "" && base.time == "":
		d.part = c.part
	}
	return d
}

// partOr returns the first of a and b that is not "".
func partOr(a, b congtac.DayPart) congtac.DayPart {
	if a != "" {
		return a
	}
	return b
}

// hasColumn reports whether cols has a column holding role, or the leaders' and
// participants' column for either of them.
func hasColumn(cols []colRole, role colRole) bool {
	for _, c := range cols {
		if c == role || (c == roleBoth && (role == roleLeaders || role == roleParticipants)) {
			return true
		}
	}
	return false
}

// joinCells returns the lines of cells joined with sep.
func joinCells(cells []schedCell, sep string) string {
	var lines []string
	for _, c := range cells {
		lines = append(lines, c.lines...)
	}
	return strings.Join(lines, sep)
}

// placeRow sorts the cells of row by the columns cols they fall in; a cell across several
// columns holds the content when it covers its column. A row with fewer columns than the
// header whose first cell is not a day starts after the day's column (a row whose day
// cell the table left out).
func placeRow(cols []colRole, row schedRow) [roleCount][]schedCell {
	var out [roleCount][]schedCell
	offset := 0
	if w := rowWidth(row); w < len(cols) && cols[0] == roleDay && len(row.cells) > 0 {
		if _, _, ok := parseDayHeading(row.cells[0].text(" ")); !ok {
			offset = len(cols) - w
		}
	}
	for _, c := range row.cells {
		role := cellRole(cols, c.col+offset, c.span)
		out[role] = append(out[role], c)
	}
	return out
}

// cellRole returns what a cell over the columns from, from+span of cols holds.
func cellRole(cols []colRole, from, span int) colRole {
	role := roleNone
	for i := from; i < len(cols) && i-from < span; i++ {
		if cols[i] == roleContent {
			return roleContent
		}
		if role == roleNone {
			role = cols[i]
		}
	}
	return role
}

// rowDay reads the day cell of a row at line, when it starts a day.
func (r *scheduleReader) rowDay(cells []schedCell, line int) {
	if len(cells) == 0 {
		return
	}
	c := cells[0]
	text := c.text(" ")
	if text == "" || (c.continued && r.day.known) || text == r.day.text {
		return
	}
	if c.line >= 0 {
		line = c.line
	}
	h, _, ok := parseDayHeading(text)
	if !ok {
		r.day = schedDay{line: line, text: text, known: true, said: true}
		r.partHeading, r.lastPart = "", ""
		r.problem(line, "Không đọc được thứ, ngày “%s”; các việc của ngày này không được đọc.", text)
		return
	}
	r.setDay(h, text, line)
}

// entryChunk is the part of a content cell that is one entry.
type entryChunk struct {
	lines []string        // the first without its time
	time  string          // the time it starts with, as written
	part  congtac.DayPart // of a part of the day written alone above it in the cell
	line  int             // its first line's row; -1 when the cell is continued
}

// text joins the lines of c: a line with a bullet after a semicolon, others after a space.
func (c entryChunk) text() string {
	var b strings.Builder
	for i, l := range c.lines {
		body := withoutBullet(l)
		switch {
		case i == 0:
			b.WriteString(body)
		case body != l && b.Len() > 0:
			b.WriteString("; " + body)
		default:
			b.WriteString(" " + l)
		}
	}
	return strings.TrimSpace(b.String())
}

// rowChunks splits the content of a row into entries: a line starting with a time or a
// part of the day starts one ("8h00: Họp giao ban …"), and a part written alone is the
// part of those below it. A content without times whose lines are as many as the lines of
// its time cell, each a time, is an entry per line, at that line's time.
func (r *scheduleReader) rowChunks(content, times []schedCell) []entryChunk {
	var out []entryChunk
	part := congtac.DayPart("")
	for _, cell := range content {
		for i, l := range cell.lines {
			line := -1
			if cell.line >= 0 {
				line = cell.line + i
			}
			lead, rest := leadTime(withoutBullet(l))
			switch {
			case lead != "" && strings.TrimSpace(rest) == "" && !hasDigits(lead):
				_, part, _ = vn.ParseClock(lead)
			case lead != "" || len(out) == 0:
				out = append(out, entryChunk{lines: []string{rest}, time: lead, part: part, line: line})
			default:
				out[len(out)-1].lines = append(out[len(out)-1].lines, l)
			}
		}
	}
	if paired := pairTimes(out, times); paired != nil {
		return paired
	}
	return out
}

// pairTimes returns the lines of a single entryChunk without a time each at the time of the
// time cell's line of the same rank, when the time cell has as many lines, each a time;
// else nil.
func pairTimes(chunks []entryChunk, times []schedCell) []entryChunk {
	if len(chunks) != 1 || chunks[0].time != "" || len(times) != 1 {
		return nil
	}
	lines, c := times[0].lines, chunks[0]
	if len(lines) < 2 || len(lines) != len(c.lines) {
		return nil
	}
	out := make([]entryChunk, len(lines))
	for i, t := range lines {
		if lead, rest := leadTime(t); lead == "" || rest != "" {
			return nil
		}
		out[i] = entryChunk{lines: []string{c.lines[i]}, time: t, line: -1}
		if c.line >= 0 {
			out[i].line = c.line + i
		}
	}
	return out
}

var (
	// scheduleClosing matches the first line after a schedule: the recipients, or an authority
	// line of the signature.
	scheduleClosing = regexp.MustCompile(`^(?:Nơi nhận|(?:TM|KT|TL|TUQ|Q)\.\s+\p{Lu})`)
	// scheduleFootnote matches the notes under a schedule: "Ghi chú:", "* Lưu ý:".
	scheduleFootnote = regexp.MustCompile(`(?i)^[*\-–]?\s*(?:ghi\s+chú|lưu\s+ý)\s*:?`)
)

// closesSchedule reports whether line comes after a schedule.
func closesSchedule(line string) bool { return scheduleClosing.MatchString(line) }

// readText reads the lines of a text schedule from item from on.
func (r *scheduleReader) readText(from int) {
	for _, it := range r.items[max(from, 0):] {
		if it.table == nil && !r.textLine(it) {
			break
		}
	}
	r.closeEntry()
}

// textLine reads one line of a text schedule; it reports false at the schedule's end.
func (r *scheduleReader) textLine(it schedItem) bool {
	text := it.text
	if closesSchedule(text) || scheduleFootnote.MatchString(text) {
		return false
	}
	if h, rest, ok := parseDayHeading(text); ok && (rest == "" || strings.HasPrefix(rest, ":")) {
		r.closeEntry()
		r.setDay(h, text, it.line)
		if rest = strings.TrimSpace(strings.TrimPrefix(rest, ":")); rest != "" {
			r.openEntry(rest, it.line)
		}
		return true
	}
	if lead, rest := leadTime(text); lead != "" && !hasDigits(lead) {
		r.closeEntry()
		_, r.partHeading, _ = vn.ParseClock(lead)
		if rest = strings.TrimSpace(rest); rest != "" && r.day.known {
			r.openEntry(rest, it.line)
		}
		return true
	}
	if leader, ok := sectionOf(text, it.bold); ok {
		r.closeEntry()
		r.setSection(leader)
		return true
	}
	r.entryLine(it)
	return true
}

// entryLine reads a line that starts an entry or goes on with the one above. Lines before
// the first day are not entries, nor lines of several words in capitals.
func (r *scheduleReader) entryLine(it schedItem) {
	text := it.text
	if !r.day.known {
		return
	}
	if isCapitals(text) && len(strings.Fields(text)) >= 4 {
		r.closeEntry() // "LỊCH NÀY THAY THƯ MỜI HỌP"
		return
	}
	body := withoutBullet(text)
	lead, _ := leadTime(body)
	if r.open == nil || lead != "" || (body != text && !strings.HasPrefix(text, "+")) {
		r.closeEntry()
		r.openEntry(body, it.line)
		return
	}
	r.open.text += " " + body // "+ Thành phần: …" under it
}

// openEntry starts the entry text at line, its time first when it has one.
func (r *scheduleReader) openEntry(text string, line int) {
	lead, rest := leadTime(text)
	r.open = &entryDraft{text: rest, time: lead, line: line, day: r.day, part: r.partHeading, trust: 0.9}
}

// closeEntry adds the entry being read.
func (r *scheduleReader) closeEntry() {
	if r.open != nil {
		r.addEntry(*r.open)
		r.open = nil
	}
}

// entryDraft is what an entry is read from: its text, and in a table its row's columns.
type entryDraft struct {
	text    string          // the work as written, with labels ("Địa điểm: …") after it
	time    string          // its time or part of the day as written; "" when none
	part    congtac.DayPart // of the heading above it; its part when time is ""
	context congtac.DayPart // the part a time in its text is read under
	line    int
	day     schedDay
	table   bool
	trust   float64
	cols    [roleCount]string // the texts of its row's columns, lines joined with "\n"
	hasCol  [roleCount]bool   // the table has the column
}

// addEntry reads d into an entry; one without a date is left out, said once a day.
func (r *scheduleReader) addEntry(d entryDraft) {
	if d.day.date.IsZero() {
		if !r.day.said {
			r.day.said = true
			r.problem(d.line, "Không rõ ngày của việc “%s” (thiếu thứ, ngày phía trên); các việc chưa có ngày không được đọc.",
				shortText(d.text, 60))
		}
		return
	}
	e := ScheduleEntry{Date: d.day.date, Start: congtac.NoTime, Part: d.part, Line: d.line}
	trust := d.day.trust * d.trust
	if d.time != "" {
		var t float64
		var msg string
		e.Start, e.Part, t, msg = clockOf(d.part, d.time)
		trust *= t
		if msg != "" {
			r.problem(d.line, "%s", msg)
		}
	}
	t := readEntryText(d.text)
	trust *= r.fillFields(&e, d, t)
	if e.Title == "" {
		return
	}
	e.Confidence = math.Round(min(max(trust, 0), 1)*100) / 100
	r.out.Entries = append(r.out.Entries, e)
}

// shortText returns the first n letters of s, with "…" when cut.
func shortText(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// entryText is the text of an entry taken apart.
type entryText struct {
	title     string
	labels    [roleCount]string // values of labels: "Địa điểm: …" (place), "Thành phần: …", …
	postponed bool
	note      string // the postponement as written: "Tạm hoãn, có lịch sau"
}

// readEntryText takes the postponement and the labelled fields out of an entry's text.
func readEntryText(text string) entryText {
	var t entryText
	text, t.note, t.postponed = cutPostponement(text)
	t.title, t.labels = cutLabels(text)
	if t.labels[roleNote] != "" && putsOff(t.labels[roleNote]) {
		t.postponed = true
	}
	return t
}

// putsOffHints are parts of the words of postponeWord, to skip the regexp on most texts.
var putsOffHints = []string{"oãn", "OÃN", "ùi", "ÙI", "ủy", "ỦY", "uỷ", "UỶ"}

// putsOff reports whether text says that an entry is put off.
func putsOff(text string) bool {
	for _, h := range putsOffHints {
		if strings.Contains(text, h) {
			return postponeWord.MatchString(text)
		}
	}
	return false
}

var (
	// postponeWord matches what puts an entry off: "hoãn", "tạm hoãn", "lùi sang", "hủy".
	postponeWord = regexp.MustCompile(`(?i)(?:^|[^\p{L}])((?:đã\s+|tạm\s+)?(?:hoãn|lùi\s+(?:lịch|sang|đến|tới|lại|xuống|thời\s+gian|ngày)|hủy|huỷ))(?:$|[^\p{L}])`)
	// fieldLabel matches the label of a field in an entry's text: "Địa điểm:",
	// "Thành phần:", "Chủ trì:", "Chuẩn bị:", "Ghi chú:".
	fieldLabel = regexp.MustCompile(`(?i)(?:^|[\s.;,(\-–])(địa\s+điểm|thành\s+phần(?:\s+(?:dự|tham\s+dự|mời))?|mời\s+dự|chủ\s+trì|lãnh\s+đạo(?:\s+dự)?|(?:đơn\s+vị\s+|cơ\s+quan\s+)?chuẩn\s+bị|ghi\s+chú)\s*:`)
)

// cutPostponement takes out of text what puts it off: a parenthesis ("(Hoãn)", "(Tạm
// hoãn, có lịch sau)") or a clause starting the text or following a stop, a comma or a
// dash ("… . Lùi sang 14h00 thứ Năm"), up to the clause's end. It returns the rest, the
// postponement as written and whether there was one.
func cutPostponement(text string) (string, string, bool) {
	if !putsOff(text) {
		return text, "", false
	}
	for _, m := range postponeWord.FindAllStringSubmatchIndex(text, -1) {
		s := m[2]
		if open := strings.LastIndexByte(text[:s], '('); open >= 0 && !strings.Contains(text[open:s], ")") {
			if end := strings.IndexByte(text[s:], ')'); end >= 0 {
				end += s
				return joinClauses(text[:open], text[end+1:]), strings.TrimSpace(text[open+1 : end]), true
			}
		}
		before := strings.TrimRightFunc(text[:s], unicode.IsSpace)
		last, size := utf8.DecodeLastRuneInString(before)
		if before != "" && !strings.ContainsRune(".;,:-–", last) {
			continue
		}
		end := clauseEnd(text, s)
		note := strings.TrimRight(strings.TrimSpace(text[s:end]), ".;, ")
		return joinClauses(before[:len(before)-size], text[end:]), capitalFirst(note), true
	}
	return text, "", false
}

// clauseEnd returns where the clause of text starting at s ends: at a stop followed by a
// space, a semicolon, or the end.
func clauseEnd(text string, s int) int {
	end := len(text)
	if i := strings.Index(text[s:], ". "); i >= 0 {
		end = s + i
	}
	if i := strings.IndexByte(text[s:], ';'); i >= 0 && s+i < end {
		end = s + i
	}
	return end
}

// joinClauses joins what is left around a clause taken out.
func joinClauses(a, b string) string {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	switch {
	case a == "":
		return strings.TrimLeft(b, ".;, ")
	case b == "":
		return a
	case strings.ContainsAny(b[:1], ".;,)"):
		return a + b
	}
	return a + " " + b
}

// cutLabels splits text at its field labels: the title before the first, and the value
// of each label (two of one kind joined with "; ").
func cutLabels(text string) (string, [roleCount]string) {
	var labels [roleCount]string
	if !strings.Contains(text, ":") {
		return trimValue(text), labels
	}
	ms := fieldLabel.FindAllStringSubmatchIndex(text, -1)
	if ms == nil {
		return trimValue(text), labels
	}
	for i, m := range ms {
		end := len(text)
		if i+1 < len(ms) {
			end = ms[i+1][2]
		}
		role := labelRole(text[m[2]:m[3]])
		if value := trimValue(text[m[1]:end]); value != "" {
			if labels[role] != "" {
				value = labels[role] + "; " + value
			}
			labels[role] = value
		}
	}
	return trimValue(text[:ms[0][2]]), labels
}

// labelRole returns the field a label introduces.
func labelRole(label string) colRole {
	f := vn.Fold(label)
	switch {
	case strings.HasPrefix(f, "dia diem"):
		return rolePlace
	case strings.HasPrefix(f, "thanh phan"), strings.HasPrefix(f, "moi"):
		return roleParticipants
	case strings.HasPrefix(f, "chu tri"), strings.HasPrefix(f, "lanh dao"):
		return roleLeaders
	case strings.HasSuffix(f, "chuan bi"):
		return rolePreparer
	}
	return roleNote
}

// trimValue trims a field's value of spaces, bullets, stops and a parenthesis left open
// or closed by the cut around it.
func trimValue(s string) string {
	for range 3 {
		s = strings.TrimRight(strings.TrimLeft(strings.TrimSpace(s), ":-–•+ "), ".;,:-–( ")
		if strings.HasSuffix(s, ")") && strings.Count(s, ")") > strings.Count(s, "(") {
			s = s[:len(s)-1]
		}
		if strings.HasPrefix(s, "(") && strings.Count(s, "(") > strings.Count(s, ")") {
			s = s[1:]
		}
	}
	return s
}

// atPlace matches a place at the end of a title: "… tại Hội trường UBND xã".
var atPlace = regexp.MustCompile(`^.*\stại\s+(\p{Lu}[^;()]*)$`)

// fillFields sets the fields of e from the columns of d, else the labels of its text, else
// what its title says; it returns how sure that reading is.
func (r *scheduleReader) fillFields(e *ScheduleEntry, d entryDraft, t entryText) float64 {
	trust := 1.0
	labelled := func(role colRole) string {
		if d.cols[role] != "" {
			return d.cols[role]
		}
		if t.labels[role] != "" && d.table {
			trust *= 0.9 // not from its own column
		}
		return t.labels[role]
	}
	e.Title = t.title
	e.Place = strings.Join(rowLines(labelled(rolePlace)), " ")
	e.Preparer = strings.Join(listItems(labelled(rolePreparer)), "; ")
	trust *= r.fillPeople(e, d, t, labelled)
	fillNote(e, d.cols[roleNote], t)
	if e.Place == "" && !d.hasCol[rolePlace] {
		if g := atPlace.FindStringSubmatch(e.Title); g != nil && len(strings.Fields(g[1])) <= 12 {
			e.Place = trimValue(g[1])
			trust *= 0.8
		}
	}
	if e.Preparer == "" {
		if a, ok := ReadAssignment(e.Title); ok && (vn.Fold(a.Verb) == "chuan bi" || vn.Fold(a.Verb) == "tham muu") {
			e.Preparer = strings.Join(a.Lead, ", ")
			e.Title = trimValue(joinClauses(e.Title[:a.Start], e.Title[a.End:]))
			trust *= 0.9
		}
	}
	return trust
}

// fillPeople sets the leaders of e and its participants: the section's leader first, then
// those of the leaders' column and those the leaders' and participants' column names first
// in a line, else those a label names ("Chủ trì:"), the leaders the title starts with, or
// the one leader the title of the schedule names. It returns how sure that reading is.
func (r *scheduleReader) fillPeople(e *ScheduleEntry, d entryDraft, t entryText, labelled func(colRole) string) float64 {
	trust := 1.0
	leaders := r.sectionLeaders()
	var others []string
	if both := d.cols[roleBoth]; both != "" {
		named, rest := splitLeaders(both)
		leaders, others = append(leaders, named...), rest
		trust *= 0.95 // split by what the lines say
	}
	leaders = append(leaders, listItems(d.cols[roleLeaders])...)
	if d.cols[roleParticipants] != "" || others == nil {
		others = listItems(labelled(roleParticipants))
	}
	e.Participants = strings.Join(others, "; ")
	if len(leaders) == 0 && t.labels[roleLeaders] != "" {
		leaders = listItems(t.labels[roleLeaders])
		trust *= 0.9
	}
	if len(leaders) == 0 {
		if subject, work, ok := splitSubject(e.Title); ok {
			leaders, e.Title = []string{subject}, work
			trust *= 0.9
		}
	}
	if len(leaders) == 0 && r.titleLeader != "" {
		leaders = []string{r.titleLeader}
	}
	e.Leaders = distinctNames(leaders)
	return trust
}

// sectionLeaders returns the leader of the section being read, if any.
func (r *scheduleReader) sectionLeaders() []string {
	if r.section == "" {
		return nil
	}
	return []string{r.section}
}

// splitLeaders splits the text of a leaders' and participants' column into the leaders
// (items naming one first, or labelled "Lãnh đạo:", "Chủ trì:") and the others.
func splitLeaders(text string) ([]string, []string) {
	var leaders, others []string
	for _, item := range listItems(text) {
		title, labels := cutLabels(item)
		switch {
		case labels[roleLeaders] != "" || labels[roleParticipants] != "":
			leaders = append(leaders, listItems(labels[roleLeaders])...)
			others = append(others, listItems(labels[roleParticipants])...)
			if title != "" {
				others = append(others, title)
			}
		case isLeader(item):
			leaders = append(leaders, item)
		default:
			others = append(others, item)
		}
	}
	return leaders, others
}

// listItems splits text into its items: its lines, and the parts of a line between
// semicolons, without bullets and ending stops.
func listItems(text string) []string {
	var items []string
	for _, line := range rowLines(text) {
		for _, item := range strings.Split(line, ";") {
			if item = trimValue(withoutBullet(strings.TrimSpace(item))); item != "" {
				items = append(items, item)
			}
		}
	}
	return items
}

// distinctNames returns names without those written before (case and diacritics aside).
func distinctNames(names []string) []string {
	if len(names) < 2 {
		return names
	}
	var out []string
	seen := map[string]bool{}
	for _, n := range names {
		if k := vn.Fold(n); !seen[k] {
			seen[k] = true
			out = append(out, n)
		}
	}
	return out
}

// fillNote sets the note of e and whether it is put off, from the note column and what
// its text says.
func fillNote(e *ScheduleEntry, column string, t entryText) {
	var notes []string
	if column != "" {
		notes = append(notes, strings.Join(rowLines(column), " "))
		e.Postponed = putsOff(column)
	}
	if t.labels[roleNote] != "" {
		notes = append(notes, t.labels[roleNote])
	}
	if t.postponed {
		e.Postponed = true
		if t.note != "" && (len(notes) == 0 || vn.Fold(notes[0]) != vn.Fold(t.note)) {
			notes = append(notes, t.note)
		}
	}
	e.Note = strings.Join(notes, "; ")
}
