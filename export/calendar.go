package export

import (
	"strings"

	"congtac"
)

// CalendarDoc is the leaders' weekly calendar of a committee (lịch công tác tuần) as the
// office prints and posts it: A4 landscape, the masthead of the body, "LỊCH CÔNG TÁC TUẦN"
// and the week, then one row per day with its morning and its afternoon (the evening
// below the afternoon, a whole day in the morning), each entry with its time, leader,
// content, place and who attends and prepares.
type CalendarDoc struct {
	Settings congtac.Settings
	Heading  string   // "Tuần thứ 50 (từ ngày 07/12/2026 đến ngày 13/12/2026)"
	Revision string   // "Điều chỉnh lần 1"; "" for the first publication
	Changes  []string // what the revision changed
	Draft    bool     // not published yet
	Days     []CalendarDay
	Options  Options // margins; images are not used
}

// CalendarDay is one day of the week.
type CalendarDay struct {
	Weekday string // "Thứ Hai"
	Date    string // "07/12/2026"
	Lunar   string // "28/10 ÂL"
	Off     string // the holiday
	Entries []CalendarEntry
}

// CalendarEntry is one entry of a day.
type CalendarEntry struct {
	Part                                                          congtac.DayPart
	Time                                                          string // "8 giờ 00"; "" with only a part of the day
	Leader, Title, Place, Participants, Preparer, Accompany, Note string
	Cancelled                                                     bool
}

// calendarHeader names the columns of the week.
var calendarHeader = []string{"Thứ, ngày", "Buổi sáng", "Buổi chiều"}

// layout implements [Doc].
func (d CalendarDoc) layout(m *metrics) (*sheet, error) {
	if err := d.Options.Margins.Validate(); err != nil {
		return nil, err
	}
	page := landscape(d.Options.Margins)
	s := &sheet{title: "Lịch công tác tuần", page: page}
	if d.Draft {
		s.mark = "DỰ THẢO"
	}
	width := page.textWidth()
	head, err := mastheadNames(m, d.Settings, width)
	if err != nil {
		return nil, err
	}
	title := text("LỊCH CÔNG TÁC TUẦN", bold, pt14, alignCenter)
	title.before = 240
	paras := []para{title, text(oneLine(d.Heading), bold, pt13, alignCenter)}
	if d.Revision != "" {
		paras = append(paras, text(oneLine(d.Revision), italic, pt13, alignCenter))
		for _, c := range d.Changes {
			paras = append(paras, text("- "+oneLine(c), italic, pt12, alignLeft))
		}
	}
	paras[len(paras)-1].after = 240
	s.blocks = append(s.blocks, head)
	for _, p := range paras {
		s.blocks = append(s.blocks, p)
	}
	t := &table{cols: spread(width, 14, 43, 43), grid: true, repeat: 1}
	t.rows = append(t.rows, gridHead(t.cols, pt12, calendarHeader))
	for _, day := range d.Days {
		t.rows = append(t.rows, d.dayRow(day))
	}
	s.blocks = append(s.blocks, t)
	return s, nil
}

// dayRow returns the row of a day: its date, its morning and its afternoon.
func (d CalendarDoc) dayRow(day CalendarDay) []cell {
	first := []para{text(day.Weekday, bold, pt12, alignCenter), text(day.Date, regular, pt12, alignCenter)}
	if day.Lunar != "" {
		first = append(first, text(day.Lunar, italic, pt11, alignCenter))
	}
	if day.Off != "" {
		first = append(first, text(day.Off, italic, pt11, alignCenter))
	}
	var morning, afternoon []para
	for _, e := range day.Entries {
		p := entryPara(e)
		if e.Part == congtac.Afternoon || e.Part == congtac.Evening {
			afternoon = append(afternoon, p)
		} else {
			morning = append(morning, p)
		}
	}
	return []cell{{paras: first}, {paras: morning}, {paras: afternoon}}
}

// entryPara returns an entry as one paragraph: "- 8 giờ 00: Đồng chí … : content. Địa
// điểm: …", a cancelled one marked.
func entryPara(e CalendarEntry) para {
	var rs []run
	add := func(r run) { rs = append(rs, r) }
	add(plain("- "))
	if e.Cancelled {
		add(strong("(Đã hủy) "))
	}
	when := e.Time
	switch {
	case when == "" && e.Part == congtac.Evening:
		when = "Buổi tối"
	case when == "" && (e.Part == congtac.AllDay || e.Part == ""):
		when = "Cả ngày"
	}
	if when != "" {
		add(strong(when + ": "))
	}
	if l := oneLine(e.Leader); l != "" {
		add(strong("Đồng chí " + l + " – "))
	}
	add(plain(strings.TrimRight(oneLine(e.Title), ". ") + "."))
	for _, f := range []struct{ label, v string }{{"Thành phần", e.Participants}, {"Địa điểm", e.Place},
		{"Chuẩn bị", e.Preparer}, {"Cán bộ Văn phòng đi cùng", e.Accompany}, {"Ghi chú", e.Note}} {
		if v := oneLine(f.v); v != "" {
			add(run{" " + f.label + ": ", italic})
			add(plain(strings.TrimRight(v, ". ") + "."))
		}
	}
	p := para{runs: rs, size: pt12, line: lineFor(pt12), align: alignLeft, after: 60}
	return p
}

// mastheadNames returns the borderless two-column header of a body's table-like documents
// (registers, calendars): the parent and issuing body with a short rule on the left, the
// national name and motto with their rule on the right, without number and date.
func mastheadNames(m *metrics, st congtac.Settings, width int) (*table, error) {
	left, right, err := mastColumns(m, st, width)
	if err != nil {
		return nil, err
	}
	return &table{cols: []int{mastLeft, width - mastLeft}, keep: true, rows: [][]cell{{{paras: left}, {paras: right}}}}, nil
}
