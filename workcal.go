package congtac

import (
	"slices"
	"time"

	"congtac/lunar"
)

// The working calendar: the public holidays of Vietnam computed for any year, the lunar ones
// included, and the working days of a committee, which adds its own days off and the
// compensatory working days of the Government's yearly swaps.
//
// The holidays are those of the Labour Code in force in the year (Bộ luật Lao động 2019,
// Điều 112, from 2021):
//
//   - Tết Dương lịch: 1/1;
//   - Tết Nguyên đán (Tết Âm lịch): 5 days, computed as the last day of the lunar year and
//     the first four of the new one, the usual split; the Prime Minister fixes the actual
//     days each year;
//   - Giỗ Tổ Hùng Vương: 10/3 ÂL;
//   - Ngày Chiến thắng: 30/4, and Ngày Quốc tế Lao động: 1/5;
//   - Quốc khánh: 2/9 and one day next to it, before or after, as the Government decides
//     each year. It has taken the day that joins the weekend: 3/9 in 2021 (2/9 a Thursday),
//     1/9 in 2022, 2023 and 2025. That is the default, 1/9 unless 2/9 is a Thursday, and a
//     committee can fix 1/9 or 3/9 instead ([Settings.NationalDay]).
//
// A holiday on a Saturday or Sunday, the weekly rest of public servants, gives a day off on
// the next working day (Điều 111 khoản 3), after the other holidays next to it. The
// Government's notices for public servants often arrange the days differently (a Tết
// lengthened by a swapped Saturday, a bridge day before 30/4): a committee records them in
// its Holidays and WorkingSaturdays, which always win over the computed days.
//
// Earlier years follow the law then in force: Quốc khánh was 2/9 alone before 2021; Tết had
// four days (the last of the year and three) before 2014, the Labour Code 2012 having come
// into force after Tết 2013; Giỗ Tổ has been a holiday since 2007.

// Holiday is a day off for everyone: a public holiday or a day off in compensation for one
// that fell on a weekend.
type Holiday struct {
	Date         Date
	Name         string // "Tết Nguyên đán", "Nghỉ bù Quốc khánh"
	Compensatory bool
}

// NationalDayRule says which day next to 2/9 is the second day off of Quốc khánh.
type NationalDayRule string

// The choices of a committee for Quốc khánh's second day.
const (
	NationalDayJoinWeekend NationalDayRule = ""       // 3/9 when 2/9 is a Thursday, else 1/9
	NationalDayBefore      NationalDayRule = "before" // 1/9
	NationalDayAfter       NationalDayRule = "after"  // 3/9
)

// Valid reports whether r is one of the rules.
func (r NationalDayRule) Valid() bool {
	return r == NationalDayJoinWeekend || r == NationalDayBefore || r == NationalDayAfter
}

// secondDay returns the second day off of Quốc khánh in year under r.
func (r NationalDayRule) secondDay(year int) Date {
	second := Date{year, time.September, 1}
	if r == NationalDayAfter || r == NationalDayJoinWeekend && second.AddDays(1).Weekday() == time.Thursday {
		second = Date{year, time.September, 3}
	}
	return second
}

// PublicHolidays returns the public holidays of year with their compensatory days off, in
// date order, with the default second day of Quốc khánh. See [Settings.PublicHolidays].
func PublicHolidays(year int) []Holiday { return publicHolidays(year, NationalDayJoinWeekend) }

// PublicHolidays returns the public holidays of year with their compensatory days off, in
// date order, with the committee's second day of Quốc khánh (NationalDay). The committee's
// own Holidays and WorkingSaturdays are not applied here; [Settings.WorkingDay] applies them.
func (s Settings) PublicHolidays(year int) []Holiday { return publicHolidays(year, s.NationalDay) }

func publicHolidays(year int, r NationalDayRule) []Holiday {
	return append(seasonHolidays(year, true, r), seasonHolidays(year, false, r)...)
}

// seasonHolidays returns the holidays of the first five months of year (spring) or of the
// rest, with their compensatory days. The compensatory days of each season's holidays fall
// within it, so [Settings.WorkingDay] computes the lunar ones only for days of spring.
func seasonHolidays(year int, spring bool, r NationalDayRule) []Holiday {
	var hs []Holiday
	add := func(d Date, name string) {
		if !slices.ContainsFunc(hs, func(h Holiday) bool { return h.Date == d }) {
			hs = append(hs, Holiday{Date: d, Name: name})
		}
	}
	if !spring {
		add(Date{year, time.September, 2}, "Quốc khánh")
		if year >= 2021 {
			add(r.secondDay(year), "Quốc khánh")
		}
		slices.SortFunc(hs, func(a, b Holiday) int { return a.Date.Compare(b.Date) })
		return compensate(hs)
	}
	add(Date{year, time.January, 1}, "Tết Dương lịch")
	if tet, ok := lunarDay(lunar.Date{Year: year, Month: 1, Day: 1}); ok {
		days := 3
		if year >= 2014 {
			days = 4
		}
		for i := -1; i < days; i++ {
			add(tet.AddDays(i), "Tết Nguyên đán")
		}
	}
	if year >= 2007 {
		if gioTo, ok := lunarDay(lunar.Date{Year: year, Month: 3, Day: 10}); ok {
			add(gioTo, "Giỗ Tổ Hùng Vương")
		}
	}
	add(Date{year, time.April, 30}, "Ngày Chiến thắng")
	add(Date{year, time.May, 1}, "Ngày Quốc tế Lao động")
	slices.SortFunc(hs, func(a, b Holiday) int { return a.Date.Compare(b.Date) })
	return compensate(hs)
}

// compensate returns the holidays hs (in date order) with, after each one on a Saturday or
// Sunday, its compensatory day off: the first day after it from Monday to Friday that is
// neither a holiday nor already another's compensatory day.
func compensate(hs []Holiday) []Holiday {
	out := slices.Clone(hs)
	taken := func(d Date) bool {
		return slices.ContainsFunc(out, func(h Holiday) bool { return h.Date == d })
	}
	for _, h := range hs {
		if !weekend(h.Date) {
			continue
		}
		d := h.Date.AddDays(1)
		for weekend(d) || taken(d) {
			d = d.AddDays(1)
		}
		out = append(out, Holiday{Date: d, Name: "Nghỉ bù " + h.Name, Compensatory: true})
	}
	slices.SortStableFunc(out, func(a, b Holiday) int { return a.Date.Compare(b.Date) })
	return out
}

func weekend(d Date) bool {
	wd := d.Weekday()
	return wd == time.Saturday || wd == time.Sunday
}

// lunarDay returns the solar day of lunar date ld, and false when the lunar calendar has no
// such day.
func lunarDay(ld lunar.Date) (Date, bool) {
	y, m, d, ok := lunar.ToSolar(ld)
	return Date{y, time.Month(m), d}, ok
}

// LunarLabel returns the lunar date of d as schedules print it beside the solar one: "12/12
// ÂL", or "15/6 nhuận ÂL" in a leap month; "" for the zero Date or a day not on the calendar.
func LunarLabel(d Date) string {
	if !d.valid() {
		return ""
	}
	return lunar.FromSolar(d.Year, int(d.Month), d.Day).String()
}

// WorkingDay reports whether d is a working day of the committee: a day of its
// WorkingSaturdays (the compensatory working days of a swap) always is; otherwise Monday to
// Friday, except the public holidays ([Settings.PublicHolidays]) and the committee's own
// Holidays.
func (s Settings) WorkingDay(d Date) bool {
	c := workCalendar{s: s}
	return c.working(d)
}

// AddWorkingDays returns the n-th working day after d, or for a negative n the -n-th working
// day before it: "five working days before the meeting" is AddWorkingDays(meeting, -5). For
// n = 0 it returns d, working day or not; the zero Date stays zero.
func (s Settings) AddWorkingDays(d Date, n int) Date {
	if d.IsZero() {
		return d
	}
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	c := workCalendar{s: s}
	for n > 0 {
		d = d.AddDays(step)
		if c.working(d) {
			n--
		}
	}
	return d
}

// NextWorkingDay returns the first working day after d (d itself excluded). A deadline moved
// off a day off is NextWorkingDay(d.AddDays(-1)).
func (s Settings) NextWorkingDay(d Date) Date { return s.AddWorkingDays(d, 1) }

// PrevWorkingDay returns the last working day before d (d itself excluded).
func (s Settings) PrevWorkingDay(d Date) Date { return s.AddWorkingDays(d, -1) }

// workCalendar answers [Settings.WorkingDay] for one committee over many days, computing
// the public holidays of each year and season once.
type workCalendar struct {
	s       Settings
	year    int
	spring  bool
	holiday []Holiday // of year and season, once known
	known   bool
}

func (c *workCalendar) working(d Date) bool {
	if slices.Contains(c.s.WorkingSaturdays, d) {
		return true
	}
	if weekend(d) || slices.Contains(c.s.Holidays, d) {
		return false
	}
	spring := d.Month <= time.May
	if !c.known || c.year != d.Year || c.spring != spring {
		c.year, c.spring, c.known = d.Year, spring, true
		c.holiday = seasonHolidays(d.Year, spring, c.s.NationalDay)
	}
	return !slices.ContainsFunc(c.holiday, func(h Holiday) bool { return h.Date == d })
}

// DayOff returns what makes d a day off of the committee, as schedules print it beside
// the date: the holiday's name ("Tết Nguyên đán", "Nghỉ bù Quốc khánh"), "Nghỉ" for a day
// off of its own; "Làm việc bù" for a swapped Saturday; "" for other days, weekends
// included.
func (s Settings) DayOff(d Date) string {
	switch {
	case slices.Contains(s.WorkingSaturdays, d):
		return "Làm việc bù"
	case slices.Contains(s.Holidays, d):
		return "Nghỉ"
	}
	for _, h := range s.PublicHolidays(d.Year) {
		if h.Date == d {
			return h.Name
		}
	}
	return ""
}
