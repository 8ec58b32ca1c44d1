package congtac

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Frequency is the FREQ of a recurrence rule.
type Frequency string

// Supported frequencies (the RFC 5545 subset congtac needs).
const (
	Weekly  Frequency = "WEEKLY"
	Monthly Frequency = "MONTHLY"
	Yearly  Frequency = "YEARLY"
)

// WeekdayNum is a BYDAY entry: a weekday, optionally the N-th (1..5) or N-th from last
// (-1..-5) of the month. N is 0 for "every".
type WeekdayNum struct {
	N   int
	Day time.Weekday
}

// Recurrence is a repeating duty or meeting in calendar terms: "báo cáo từng tháng",
// "giao ban chiều thứ Năm hằng tuần", "họp vào thứ Sáu cuối tháng". It follows an RFC 5545
// RRULE subset (FREQ WEEKLY/MONTHLY/YEARLY, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, COUNT,
// UNTIL) from Start, with one deliberate difference: a month day that does not exist in a
// month falls on that month's last day, so a monthly duty from 31 January is due on 28 or 29
// February, never skipped and never 3 March.
type Recurrence struct {
	Start      Date
	Freq       Frequency
	Interval   int // 0 or 1: every period
	ByDay      []WeekdayNum
	ByMonthDay []int // 1..31 or -31..-1 (-1 is the last day)
	ByMonth    []int // 1..12, YEARLY only
	Count      int   // 0: unlimited
	Until      Date  // zero: unlimited; inclusive
}

var rruleDays = []string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}

// Validate checks the rule's parts.
func (r Recurrence) Validate() error {
	switch {
	case r.Start.IsZero():
		return Errorf(EINVALID, "Lịch lặp lại chưa có ngày bắt đầu.")
	case r.Freq != Weekly && r.Freq != Monthly && r.Freq != Yearly:
		return Errorf(EINVALID, "Tần suất lặp lại %q không hợp lệ.", string(r.Freq))
	case r.Interval < 0 || r.Interval > 1000:
		return Errorf(EINVALID, "Khoảng lặp %d không hợp lệ.", r.Interval)
	case r.Count < 0 || r.Count > 10000:
		return Errorf(EINVALID, "Số lần lặp %d không hợp lệ.", r.Count)
	case !r.Until.IsZero() && r.Until.Before(r.Start):
		return Errorf(EINVALID, "Ngày kết thúc lặp lại trước ngày bắt đầu.")
	}
	for _, d := range r.ByDay {
		if d.Day < time.Sunday || d.Day > time.Saturday || d.N < -5 || d.N > 5 {
			return Errorf(EINVALID, "Thứ trong lịch lặp lại không hợp lệ.")
		}
		if d.N != 0 && r.Freq == Weekly {
			return Errorf(EINVALID, "Lặp hằng tuần không dùng thứ có số thứ tự (ví dụ thứ Sáu cuối tháng).")
		}
	}
	for _, d := range r.ByMonthDay {
		if d == 0 || d < -31 || d > 31 {
			return Errorf(EINVALID, "Ngày trong tháng %d không hợp lệ.", d)
		}
	}
	for _, m := range r.ByMonth {
		if m < 1 || m > 12 {
			return Errorf(EINVALID, "Tháng %d không hợp lệ.", m)
		}
	}
	return nil
}

// ParseRecurrence parses an RRULE value ("FREQ=MONTHLY;BYDAY=-1FR;COUNT=12") with the given
// start (DTSTART). Unknown parts are refused rather than ignored.
func ParseRecurrence(rule string, start Date) (Recurrence, error) {
	r := Recurrence{Start: start}
	bad := func(part string) (Recurrence, error) {
		return Recurrence{}, Errorf(EINVALID, "Quy tắc lặp lại %q có phần không hiểu được: %q.", rule, part)
	}
	for part := range strings.SplitSeq(strings.TrimPrefix(strings.TrimSpace(rule), "RRULE:"), ";") {
		if part == "" {
			continue
		}
		key, val, ok := strings.Cut(part, "=")
		if !ok {
			return bad(part)
		}
		var err error
		switch strings.ToUpper(key) {
		case "FREQ":
			r.Freq = Frequency(strings.ToUpper(val))
		case "INTERVAL":
			r.Interval, err = strconv.Atoi(val)
		case "COUNT":
			r.Count, err = strconv.Atoi(val)
		case "UNTIL":
			r.Until, err = parseRRuleDate(val)
		case "BYMONTHDAY":
			r.ByMonthDay, err = parseInts(val)
		case "BYMONTH":
			r.ByMonth, err = parseInts(val)
		case "BYDAY":
			r.ByDay, err = parseByDay(val)
		case "WKST":
			if strings.ToUpper(val) != "MO" {
				return bad(part)
			}
		default:
			return bad(part)
		}
		if err != nil {
			return bad(part)
		}
	}
	if err := r.Validate(); err != nil {
		return Recurrence{}, err
	}
	return r, nil
}

func parseRRuleDate(s string) (Date, error) {
	if len(s) < 8 {
		return Date{}, fmt.Errorf("short date")
	}
	return ParseDate(s[0:4] + "-" + s[4:6] + "-" + s[6:8])
}

func parseInts(s string) ([]int, error) {
	var out []int
	for f := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(f)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

func parseByDay(s string) ([]WeekdayNum, error) {
	var out []WeekdayNum
	for f := range strings.SplitSeq(strings.ToUpper(s), ",") {
		if len(f) < 2 {
			return nil, fmt.Errorf("bad BYDAY %q", f)
		}
		day := slices.Index(rruleDays, f[len(f)-2:])
		if day < 0 {
			return nil, fmt.Errorf("bad BYDAY %q", f)
		}
		n := 0
		if num := f[:len(f)-2]; num != "" {
			var err error
			if n, err = strconv.Atoi(num); err != nil || n == 0 {
				return nil, fmt.Errorf("bad BYDAY %q", f)
			}
		}
		out = append(out, WeekdayNum{N: n, Day: time.Weekday(day)})
	}
	return out, nil
}

// String returns the RRULE value without DTSTART, in a fixed part order.
func (r Recurrence) String() string {
	parts := []string{"FREQ=" + string(r.Freq)}
	if r.Interval > 1 {
		parts = append(parts, "INTERVAL="+strconv.Itoa(r.Interval))
	}
	if len(r.ByMonth) > 0 {
		parts = append(parts, "BYMONTH="+joinInts(r.ByMonth))
	}
	if len(r.ByMonthDay) > 0 {
		parts = append(parts, "BYMONTHDAY="+joinInts(r.ByMonthDay))
	}
	if len(r.ByDay) > 0 {
		days := make([]string, len(r.ByDay))
		for i, d := range r.ByDay {
			days[i] = rruleDays[d.Day]
			if d.N != 0 {
				days[i] = strconv.Itoa(d.N) + days[i]
			}
		}
		parts = append(parts, "BYDAY="+strings.Join(days, ","))
	}
	if r.Count > 0 {
		parts = append(parts, "COUNT="+strconv.Itoa(r.Count))
	}
	if !r.Until.IsZero() {
		parts = append(parts, "UNTIL="+strings.ReplaceAll(r.Until.String(), "-", ""))
	}
	return strings.Join(parts, ";")
}

func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ",")
}

// Between returns the occurrences that fall in [from, to], in order. COUNT counts from
// Start, so a window late in the rule's life sees only what is left of it.
func (r Recurrence) Between(from, to Date) []Date {
	var out []Date
	if r.Validate() != nil {
		return nil
	}
	n := 0
	step := max(r.Interval, 1)
	for i := 0; ; i += step {
		first, candidates := r.period(i)
		if first.After(to) || first.Year > 9998 {
			return out
		}
		for _, d := range candidates {
			if d.Before(r.Start) {
				continue
			}
			if (!r.Until.IsZero() && d.After(r.Until)) || d.After(to) || (r.Count > 0 && n >= r.Count) {
				return out
			}
			n++
			if !d.Before(from) {
				out = append(out, d)
			}
		}
	}
}

// period returns the first day of the i-th period (week, month or year) after the one
// containing Start, and the period's candidate days in order.
func (r Recurrence) period(i int) (Date, []Date) {
	switch r.Freq {
	case Weekly:
		monday := r.Start.AddDays(-((int(r.Start.Weekday()) + 6) % 7) + 7*i)
		if monday.Year > 9998 {
			return monday, nil
		}
		days := r.ByDay
		if len(days) == 0 {
			days = []WeekdayNum{{Day: r.Start.Weekday()}}
		}
		var out []Date
		for _, d := range days {
			out = append(out, monday.AddDays((int(d.Day)+6)%7))
		}
		return monday, sortUnique(out)
	case Monthly:
		first := Date{r.Start.Year, r.Start.Month, 1}.AddMonths(i)
		if first.Year > 9998 {
			return first, nil
		}
		return first, r.monthDays(first.Year, first.Month)
	}
	y := r.Start.Year + i
	if y > 9998 {
		return Date{Year: y, Month: time.January, Day: 1}, nil
	}
	months := r.ByMonth
	if len(months) == 0 {
		months = []int{int(r.Start.Month)}
	}
	var out []Date
	for _, m := range months {
		out = append(out, r.monthDays(y, time.Month(m))...)
	}
	return Date{y, time.January, 1}, sortUnique(out)
}

// monthDays returns the candidate days of the rule in one month.
func (r Recurrence) monthDays(y int, m time.Month) []Date {
	last := DaysIn(y, m)
	var out []Date
	for _, md := range r.ByMonthDay {
		day := md
		if md < 0 {
			day = last + 1 + md
		}
		day = min(max(day, 1), last)
		out = append(out, Date{y, m, day})
	}
	if len(r.ByDay) > 0 {
		var byDay []Date
		for _, wd := range r.ByDay {
			byDay = append(byDay, weekdaysInMonth(y, m, wd)...)
		}
		if len(out) == 0 {
			out = byDay
		} else {
			out = slices.DeleteFunc(out, func(d Date) bool { return !slices.Contains(byDay, d) })
		}
	}
	if len(r.ByMonthDay) == 0 && len(r.ByDay) == 0 {
		out = []Date{{y, m, min(r.Start.Day, last)}}
	}
	return sortUnique(out)
}

// weekdaysInMonth returns every matching weekday of the month, or the N-th (from last when
// negative) only.
func weekdaysInMonth(y int, m time.Month, wd WeekdayNum) []Date {
	var all []Date
	for d := 1; d <= DaysIn(y, m); d++ {
		if dt := (Date{y, m, d}); dt.Weekday() == wd.Day {
			all = append(all, dt)
		}
	}
	switch {
	case wd.N > 0 && wd.N <= len(all):
		return all[wd.N-1 : wd.N]
	case wd.N < 0 && -wd.N <= len(all):
		return all[len(all)+wd.N : len(all)+wd.N+1]
	case wd.N != 0:
		return nil
	}
	return all
}

func sortUnique(ds []Date) []Date {
	slices.SortFunc(ds, Date.Compare)
	return slices.Compact(ds)
}
