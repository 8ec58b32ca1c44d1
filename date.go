package congtac

import (
	"cmp"
	"fmt"
	"time"
)

// Date is a civil date without time or zone: a deadline, a meeting day, an issue date.
// The zero Date means "no date". Dates compare with [Date.Compare] or ==.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the date y-m-d, or an EINVALID error when that day does not exist
// (31/4, 29/2/2023).
func NewDate(y int, m time.Month, d int) (Date, error) {
	if dt := (Date{y, m, d}); !dt.valid() {
		return Date{}, Errorf(EINVALID, "Ngày %d/%d/%d không có trên lịch.", d, int(m), y)
	}
	return Date{y, m, d}, nil
}

// MustDate is [NewDate] for constants in code and tests; it panics on an impossible date.
func MustDate(y int, m time.Month, d int) Date {
	dt, err := NewDate(y, m, d)
	if err != nil {
		panic(err)
	}
	return dt
}

// DateOf returns the civil date of instant t in loc.
func DateOf(t time.Time, loc *time.Location) Date {
	y, m, d := t.In(loc).Date()
	return Date{y, m, d}
}

// ParseDate parses the ISO form "2006-01-02". The empty string gives the zero Date.
func ParseDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	y, okY := digits(s, 0, 4)
	m, okM := digits(s, 5, 7)
	d, okD := digits(s, 8, 10)
	if len(s) != 10 || s[4] != '-' || s[7] != '-' || !okY || !okM || !okD {
		return Date{}, Errorf(EINVALID, "Ngày %q không đúng dạng năm-tháng-ngày.", s)
	}
	return NewDate(y, time.Month(m), d)
}

// digits returns the number written by the ASCII digits s[from:to], and false when that span
// is out of range or holds anything else (a sign, a space, a letter).
func digits(s string, from, to int) (int, bool) {
	if to > len(s) || from >= to {
		return 0, false
	}
	n := 0
	for i := from; i < to; i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// DaysIn returns the number of days of month m in year y.
func DaysIn(y int, m time.Month) int {
	switch {
	case m < time.January || m > time.December:
		return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day() // normalises like time.Date
	case m == time.February && y%4 == 0 && (y%100 != 0 || y%400 == 0):
		return 29
	}
	return int(daysIn[m-1])
}

var daysIn = [12]uint8{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// valid reports whether d is a day on the calendar (the zero Date is not).
func (d Date) valid() bool {
	return d.Year >= 1 && d.Year <= 9999 && d.Month >= time.January && d.Month <= time.December &&
		d.Day >= 1 && d.Day <= DaysIn(d.Year, d.Month)
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// String returns "2006-01-02", or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Time returns midnight UTC of d, for arithmetic.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// In returns the instant of hour:minute on d in loc.
func (d Date) In(loc *time.Location, hour, minute int) time.Time {
	return time.Date(d.Year, d.Month, d.Day, hour, minute, 0, 0, loc)
}

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday {
	if n, ok := d.dayNumber(); ok {
		return time.Weekday((n%7 + 11) % 7) // 1970-01-01, day 0, was a Thursday
	}
	return d.Time().Weekday()
}

// AddDays returns d moved by n days.
func (d Date) AddDays(n int) Date {
	if day := d.Day + n; day >= 1 && day <= 28 && d.Month >= time.January && d.Month <= time.December {
		return Date{d.Year, d.Month, day} // the common case, without calendar arithmetic
	}
	if k, ok := d.dayNumber(); ok {
		return dateOfDayNumber(k + n)
	}
	return DateOf(d.Time().AddDate(0, 0, n), time.UTC)
}

// dayNumber returns the number of days from 1970-01-01 to d, and false when d is not a day
// on the calendar (then callers fall back on package time, which normalises it).
// Algorithm: H. Hinnant, "chrono-compatible low-level date algorithms", days_from_civil.
func (d Date) dayNumber() (int, bool) {
	if d.Month < time.January || d.Month > time.December || d.Day < 1 || d.Day > DaysIn(d.Year, d.Month) {
		return 0, false
	}
	y, m := d.Year, int(d.Month)
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d.Day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468, true
}

// dateOfDayNumber is the inverse of [Date.dayNumber] (Hinnant's civil_from_days).
func dateOfDayNumber(n int) Date {
	n += 719468
	era := floorDiv(n, 146097)
	doe := n - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	y := yoe + era*400
	if m <= 2 {
		y++
	}
	return Date{y, time.Month(m), day}
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// AddMonths returns d moved by n calendar months, clamped to the end of the target month:
// 31 January plus one month is 28 or 29 February, never 3 March.
func (d Date) AddMonths(n int) Date {
	total := d.Year*12 + int(d.Month) - 1 + n
	y, m := total/12, time.Month(total%12+1)
	return Date{y, m, min(d.Day, DaysIn(y, m))}
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmp.Compare(d.Year, e.Year)
	case d.Month != e.Month:
		return cmp.Compare(int(d.Month), int(e.Month))
	}
	return cmp.Compare(d.Day, e.Day)
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// DaysUntil returns the number of days from d to e (negative when e is earlier).
func (d Date) DaysUntil(e Date) int {
	a, okA := d.dayNumber()
	b, okB := e.dayNumber()
	if !okA || !okB {
		// Unix seconds, not a Duration: a Duration overflows past 292 years.
		return int((e.Time().Unix() - d.Time().Unix()) / 86400)
	}
	return b - a
}

// MarshalText implements encoding.TextMarshaler with the ISO form.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with the ISO form.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ISOWeekStart returns the Monday of ISO week w of year y.
func ISOWeekStart(y, w int) Date {
	// Not MustDate: the week of a zero or junk Period must not panic.
	jan4 := Date{y, time.January, 4}
	offset := (int(jan4.Weekday()) + 6) % 7 // days since Monday
	return jan4.AddDays(-offset + (w-1)*7)
}

// ISOWeeks returns the number of ISO weeks (52 or 53) in year y.
func ISOWeeks(y int) int {
	_, w := Date{y, time.December, 28}.Time().ISOWeek()
	return w
}
