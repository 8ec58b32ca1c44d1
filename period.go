package congtac

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// PeriodKind is the length of a program's period.
type PeriodKind string

// Period kinds. Half years appear in deadlines and reports ("6 tháng đầu năm").
const (
	PeriodYear    PeriodKind = "year"
	PeriodHalf    PeriodKind = "half"
	PeriodQuarter PeriodKind = "quarter"
	PeriodMonth   PeriodKind = "month"
	PeriodWeek    PeriodKind = "week"
)

// valid reports whether k is one of the period kinds.
func (k PeriodKind) valid() bool {
	switch k {
	case PeriodYear, PeriodHalf, PeriodQuarter, PeriodMonth, PeriodWeek:
		return true
	}
	return false
}

// Period is a calendar span a program covers. Number is the half (1–2), quarter (1–4),
// month (1–12) or ISO week (1–53) within Year; it is 0 for a year.
type Period struct {
	Kind   PeriodKind
	Year   int
	Number int
}

// Validate checks the kind and that the number exists in the year.
func (p Period) Validate() error {
	if p.Year < 1900 || p.Year > 9999 {
		return FieldError("period", "Năm %d không hợp lệ.", p.Year)
	}
	maxN := map[PeriodKind]int{PeriodYear: 0, PeriodHalf: 2, PeriodQuarter: 4, PeriodMonth: 12}
	switch n, ok := maxN[p.Kind]; {
	case p.Kind == PeriodWeek:
		if p.Number < 1 || p.Number > ISOWeeks(p.Year) {
			return FieldError("period", "Năm %d không có tuần thứ %d.", p.Year, p.Number)
		}
	case !ok:
		return FieldError("period", "Loại kỳ %q không hợp lệ.", string(p.Kind))
	case p.Kind == PeriodYear && p.Number != 0:
		return FieldError("period", "Kỳ năm không có số thứ tự.")
	case p.Kind != PeriodYear && (p.Number < 1 || p.Number > n):
		return FieldError("period", "Số thứ tự kỳ %d không hợp lệ.", p.Number)
	}
	return nil
}

// Start returns the first day of the period.
func (p Period) Start() Date {
	switch p.Kind {
	case PeriodHalf:
		return Date{p.Year, time.Month((p.Number-1)*6 + 1), 1}
	case PeriodQuarter:
		return Date{p.Year, time.Month((p.Number-1)*3 + 1), 1}
	case PeriodMonth:
		return Date{p.Year, time.Month(p.Number), 1}
	case PeriodWeek:
		return ISOWeekStart(p.Year, p.Number)
	}
	return Date{p.Year, time.January, 1}
}

// End returns the last day of the period.
func (p Period) End() Date {
	switch p.Kind {
	case PeriodHalf:
		return DueInHalf(p.Year, p.Number).Date
	case PeriodQuarter:
		return DueInQuarter(p.Year, p.Number).Date
	case PeriodMonth:
		return DueInMonth(p.Year, time.Month(p.Number)).Date
	case PeriodWeek:
		return p.Start().AddDays(6)
	}
	return Date{p.Year, time.December, 31}
}

// Contains reports whether d falls within the period.
func (p Period) Contains(d Date) bool {
	return !d.Before(p.Start()) && !d.After(p.End())
}

// Next returns the period of the same kind that follows p.
func (p Period) Next() Period { return p.shift(1) }

// Prev returns the period of the same kind that precedes p.
func (p Period) Prev() Period { return p.shift(-1) }

func (p Period) shift(n int) Period {
	if p.Kind == PeriodWeek {
		y, w := p.Start().AddDays(7 * n).Time().ISOWeek()
		return Period{PeriodWeek, y, w}
	}
	per := map[PeriodKind]int{PeriodHalf: 2, PeriodQuarter: 4, PeriodMonth: 12}[p.Kind]
	if per == 0 {
		return Period{p.Kind, p.Year + n, 0}
	}
	i := p.Year*per + p.Number - 1 + n
	return Period{p.Kind, i / per, i%per + 1}
}

// PeriodOf returns the period of the given kind that contains d.
func PeriodOf(kind PeriodKind, d Date) Period {
	switch kind {
	case PeriodHalf:
		return Period{kind, d.Year, (int(d.Month)-1)/6 + 1}
	case PeriodQuarter:
		return Period{kind, d.Year, (int(d.Month)-1)/3 + 1}
	case PeriodMonth:
		return Period{kind, d.Year, int(d.Month)}
	case PeriodWeek:
		y, w := d.Time().ISOWeek()
		return Period{kind, y, w}
	}
	return Period{PeriodYear, d.Year, 0}
}

// Key returns the machine form used in URLs, filters and storage:
// "2023", "2023-H1", "2023-Q2", "2023-04", "2023-W15".
func (p Period) Key() string {
	// strconv, not fmt: Tally builds one key per task.
	b := strconv.AppendInt(make([]byte, 0, 8), int64(p.Year), 10)
	switch p.Kind {
	case PeriodHalf:
		b = strconv.AppendInt(append(b, "-H"...), int64(p.Number), 10)
	case PeriodQuarter:
		b = strconv.AppendInt(append(b, "-Q"...), int64(p.Number), 10)
	case PeriodMonth:
		b = appendTwoDigits(append(b, '-'), p.Number)
	case PeriodWeek:
		b = appendTwoDigits(append(b, "-W"...), p.Number)
	}
	return string(b)
}

// appendTwoDigits appends n with a leading zero below 10, like %02d.
func appendTwoDigits(b []byte, n int) []byte {
	if n >= 0 && n < 10 {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// ParsePeriodKey parses the form returned by [Period.Key], and only that form: "2023-4",
// "2023-W7" and "2023-" are refused, so that every period has one key.
func ParsePeriodKey(s string) (Period, error) {
	bad := FieldError("period", "Kỳ %q không đúng dạng (ví dụ 2023, 2023-Q2, 2023-04, 2023-W15).", s)
	ys, rest, dash := strings.Cut(s, "-")
	y, ok := digits(ys, 0, 4)
	if !ok || len(ys) != 4 || (dash && rest == "") {
		return Period{}, bad
	}
	p := Period{Kind: PeriodYear, Year: y}
	if rest != "" {
		kinds := map[byte]PeriodKind{'H': PeriodHalf, 'Q': PeriodQuarter, 'W': PeriodWeek}
		p.Kind = PeriodMonth
		if k, ok := kinds[rest[0]]; ok {
			p.Kind, rest = k, rest[1:]
		}
		if p.Number, ok = digits(rest, 0, len(rest)); !ok {
			return Period{}, bad
		}
	}
	if err := p.Validate(); err != nil {
		return Period{}, err
	}
	if p.Key() != s {
		return Period{}, bad
	}
	return p, nil
}

// String returns the Vietnamese name used in titles: "năm 2023", "6 tháng đầu năm 2023",
// "quý II năm 2023", "tháng 4 năm 2023", "tuần 15 năm 2023".
func (p Period) String() string {
	switch p.Kind {
	case PeriodHalf:
		if p.Number == 1 {
			return fmt.Sprintf("6 tháng đầu năm %d", p.Year)
		}
		return fmt.Sprintf("6 tháng cuối năm %d", p.Year)
	case PeriodQuarter:
		return fmt.Sprintf("quý %s năm %d", Roman(p.Number), p.Year)
	case PeriodMonth:
		return fmt.Sprintf("tháng %d năm %d", p.Number, p.Year)
	case PeriodWeek:
		return fmt.Sprintf("tuần %d năm %d", p.Number, p.Year)
	}
	return fmt.Sprintf("năm %d", p.Year)
}
