package vn

import (
	"strings"
	"time"

	"congtac"
)

// resolve fills in the year and returns the deadline.
func (w when) resolve(ref congtac.Date) (congtac.Due, error) {
	if w.year == 0 && ref.IsZero() {
		return congtac.Due{}, invalid("Thời hạn không ghi năm mà chưa có ngày tham chiếu (kỳ của chương trình) để suy ra năm.")
	}
	if w.relative {
		w.year, w.month, w.n = ref.Year, int(ref.Month), congtac.PeriodOf(congtac.PeriodQuarter, ref).Number
	}
	y, guessed := w.year, w.year == 0
	if guessed {
		y = ref.Year
	}
	due, err := w.at(y)
	if guessed && (err != nil || due.Date.Before(ref)) {
		if next, err := w.at(y + 1); err == nil {
			return next, nil
		}
	}
	return due, err
}

// at returns the deadline in year y.
func (w when) at(y int) (congtac.Due, error) {
	if y < 1900 || y > 9999 {
		return congtac.Due{}, invalid("Năm %d nằm ngoài khoảng 1900–9999.", y)
	}
	var due congtac.Due
	switch w.unit {
	case congtac.PrecisionDay:
		d, err := congtac.NewDate(y, time.Month(w.month), w.day)
		if err != nil {
			return congtac.Due{}, err
		}
		if w.weekday >= 0 && int(d.Weekday()) != w.weekday {
			return congtac.Due{}, invalid("Ngày %s là %s, không phải %s.", ShortDate(d),
				WeekdayInSentence(d.Weekday()), WeekdayInSentence(time.Weekday(w.weekday)))
		}
		due = congtac.DueOn(d)
	case congtac.PrecisionMonth:
		var err error
		if due, err = w.inMonth(y); err != nil {
			return congtac.Due{}, err
		}
	case congtac.PrecisionQuarter:
		if w.n < 1 || w.n > 4 {
			return congtac.Due{}, invalid("Không có quý %d: một năm có bốn quý.", w.n)
		}
		due = congtac.DueInQuarter(y, w.n)
		if w.third == 1 || w.third == 2 {
			due = congtac.DueInMonth(y, time.Month(3*w.n-3+w.third))
		}
	case congtac.PrecisionHalf:
		due = congtac.DueInHalf(y, w.n)
	default:
		due = [4]congtac.Due{congtac.DueInYear(y), congtac.DueInQuarter(y, 1), congtac.DueInHalf(y, 1),
			congtac.DueInYear(y)}[w.third]
	}
	if w.before {
		due = dayBefore(due)
	}
	return due, nil
}

// inMonth returns the deadline in month w.month of year y, or the part of it w names.
func (w when) inMonth(y int) (congtac.Due, error) {
	if w.month < 1 || w.month > 12 {
		return congtac.Due{}, invalid("Không có tháng %d: một năm có mười hai tháng.", w.month)
	}
	m := time.Month(w.month)
	switch {
	case w.week > 5:
		return congtac.Due{}, invalid("Một tháng chỉ có từ tuần thứ 1 đến tuần thứ 5.")
	case w.week >= 1 && w.week <= 4:
		return congtac.DueOn(congtac.Date{Year: y, Month: m, Day: 7 * w.week}), nil
	case w.week == 0 && (w.third == 1 || w.third == 2):
		return congtac.DueOn(congtac.Date{Year: y, Month: m, Day: 10 * w.third}), nil
	}
	return congtac.DueInMonth(y, m), nil
}

// precisionKinds maps a deadline's precision to the period it closes.
var precisionKinds = map[congtac.Precision]congtac.PeriodKind{
	congtac.PrecisionMonth: congtac.PeriodMonth, congtac.PrecisionQuarter: congtac.PeriodQuarter,
	congtac.PrecisionHalf: congtac.PeriodHalf, congtac.PrecisionYear: congtac.PeriodYear,
}

// dayBefore returns the deadline "trước" due: the last day before due's day or period
// begins, with the same precision.
func dayBefore(due congtac.Due) congtac.Due {
	kind, ok := precisionKinds[due.Precision]
	if !ok {
		return congtac.DueOn(due.Date.AddDays(-1))
	}
	prev := congtac.PeriodOf(kind, due.Date).Start().AddDays(-1)
	return congtac.Due{Date: congtac.PeriodOf(kind, prev).End(), Precision: due.Precision}
}

// invalid returns an EINVALID error with a Vietnamese message.
func invalid(format string, args ...any) error {
	return congtac.Errorf(congtac.EINVALID, format, args...)
}

// excerpt returns s repaired, trimmed and cut to 60 characters, to quote in a message.
func excerpt(s string) string {
	s = strings.TrimSpace(Repair(s))
	if r := []rune(s); len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return s
}
