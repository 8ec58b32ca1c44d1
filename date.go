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
	if y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > DaysIn(y, m) {
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
	var y, m, d int
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, Errorf(EINVALID, "Ngày %q không đúng dạng năm-tháng-ngày.", s)
	}
	if _, err := fmt.Sscanf(s, "%4d-%2d-%2d", &y, &m, &d); err != nil {
		return Date{}, Errorf(EINVALID, "Ngày %q không đúng dạng năm-tháng-ngày.", s)
	}
	return NewDate(y, time.Month(m), d)
}

// DaysIn returns the number of days of month m in year y.
func DaysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
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
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// AddDays returns d moved by n days.
func (d Date) AddDays(n int) Date {
	return DateOf(d.Time().AddDate(0, 0, n), time.UTC)
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
	return int(e.Time().Sub(d.Time()).Hours() / 24)
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
	jan4 := MustDate(y, time.January, 4)
	offset := (int(jan4.Weekday()) + 6) % 7 // days since Monday
	return jan4.AddDays(-offset + (w-1)*7)
}

// ISOWeeks returns the number of ISO weeks (52 or 53) in year y.
func ISOWeeks(y int) int {
	_, w := MustDate(y, time.December, 28).Time().ISOWeek()
	return w
}
