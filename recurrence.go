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
	ByMonth    []int // 1..12: the months of a YEARLY rule; limits WEEKLY and MONTHLY rules
	Count      int   // 0: unlimited
	Until      Date  // zero: unlimited; inclusive
}

var rruleDays = []string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}

// Validate checks the rule's parts. Besides ranges it refuses what RFC 5545 forbids (COUNT
// with UNTIL, BYMONTHDAY in a WEEKLY rule) and what this subset does not compute (a numbered
// BYDAY in a YEARLY rule without BYMONTH: "the 20th Monday of the year").
func (r Recurrence) Validate() error {
	switch {
	case r.Start.IsZero():
		return Errorf(EINVALID, "Lịch lặp lại chưa có ngày bắt đầu.")
	case !r.Start.valid():
		return Errorf(EINVALID, "Ngày bắt đầu lặp lại không có trên lịch.")
	case r.Freq != Weekly && r.Freq != Monthly && r.Freq != Yearly:
		return Errorf(EINVALID, "Tần suất lặp lại %q không hợp lệ.", string(r.Freq))
	case r.Interval < 0 || r.Interval > 1000:
		return Errorf(EINVALID, "Khoảng lặp %d không hợp lệ.", r.Interval)
	case r.Count < 0 || r.Count > 10000:
		return Errorf(EINVALID, "Số lần lặp %d không hợp lệ.", r.Count)
	case !r.Until.IsZero() && !r.Until.valid():
		return Errorf(EINVALID, "Ngày kết thúc lặp lại không có trên lịch.")
	case !r.Until.IsZero() && r.Until.Before(r.Start):
		return Errorf(EINVALID, "Ngày kết thúc lặp lại trước ngày bắt đầu.")
	case !r.Until.IsZero() && r.Count > 0:
		return Errorf(EINVALID, "Chỉ ghi số lần lặp hoặc ngày kết thúc, không ghi cả hai.")
	case r.Freq == Weekly && len(r.ByMonthDay) > 0:
		return Errorf(EINVALID, "Lặp hằng tuần không dùng ngày trong tháng.")
	}
	for _, d := range r.ByDay {
		if d.Day < time.Sunday || d.Day > time.Saturday || d.N < -5 || d.N > 5 {
			return Errorf(EINVALID, "Thứ trong lịch lặp lại không hợp lệ.")
		}
		if d.N != 0 && r.Freq == Weekly {
			return Errorf(EINVALID, "Lặp hằng tuần không dùng thứ có số thứ tự (ví dụ thứ Sáu cuối tháng).")
		}
		if d.N != 0 && r.Freq == Yearly && len(r.ByMonth) == 0 {
			return Errorf(EINVALID, "Lặp hằng năm theo thứ có số thứ tự cần chọn tháng.")
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
// start (DTSTART). Unknown or repeated parts are refused rather than ignored. UNTIL may be a
// date or a date-time; only its date is kept.
func ParseRecurrence(rule string, start Date) (Recurrence, error) {
	r := Recurrence{Start: start}
	bad := func(part string) (Recurrence, error) {
		return Recurrence{}, Errorf(EINVALID, "Quy tắc lặp lại %q có phần không hiểu được: %q.", rule, part)
	}
	seen := map[string]bool{}
	for part := range strings.SplitSeq(strings.TrimPrefix(strings.TrimSpace(rule), "RRULE:"), ";") {
		if part == "" {
			continue
		}
		key, val, ok := strings.Cut(part, "=")
		key = strings.ToUpper(key)
		if !ok || seen[key] {
			return bad(part)
		}
		seen[key] = true
		var err error
		switch key {
		case "FREQ":
			r.Freq = Frequency(strings.ToUpper(val))
		case "INTERVAL":
			r.Interval, err = positive(val)
		case "COUNT":
			r.Count, err = positive(val)
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

// positive parses an INTERVAL or COUNT, which RFC 5545 requires to be at least 1.
func positive(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err == nil && n < 1 {
		err = fmt.Errorf("not positive: %d", n)
	}
	return n, err
}

// parseRRuleDate parses an UNTIL value: "20231231", "20231231T235959" or "20231231T235959Z".
func parseRRuleDate(s string) (Date, error) {
	if len(s) != 8 && !(len(s) == 15 || len(s) == 16 && s[15] == 'Z') {
		return Date{}, fmt.Errorf("bad UNTIL %q", s)
	}
	if len(s) > 8 {
		if _, ok := digits(s, 9, 15); !ok || s[8] != 'T' {
			return Date{}, fmt.Errorf("bad UNTIL %q", s)
		}
	}
	if _, ok := digits(s, 0, 8); !ok {
		return Date{}, fmt.Errorf("bad UNTIL %q", s)
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
			days[i] = "??" // an invalid weekday must not panic; Validate refuses it
			if d.Day >= time.Sunday && d.Day <= time.Saturday {
				days[i] = rruleDays[d.Day]
			}
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
	r.each(from, to, func(d Date) bool {
		out = append(out, d)
		return true
	})
	return out
}

// each calls yield with every occurrence in [from, to], in order, until yield returns
// false. An invalid rule has no occurrences.
func (r Recurrence) each(from, to Date, yield func(Date) bool) {
	if r.Validate() != nil {
		return
	}
	n := 0
	step := max(r.Interval, 1)
	var buf []Date
	for i := 0; ; i += step {
		var first Date
		first, buf = r.period(i, buf[:0])
		if first.After(to) || first.Year > 9998 {
			return
		}
		for _, d := range buf {
			if d.Before(r.Start) {
				continue
			}
			if (!r.Until.IsZero() && d.After(r.Until)) || d.After(to) || (r.Count > 0 && n >= r.Count) {
				return
			}
			n++
			if !d.Before(from) && !yield(d) {
				return
			}
		}
	}
}

// period appends to buf the candidate days of the i-th period (week, month or year) after
// the one containing Start, in order, and returns the period's first day and buf.
func (r Recurrence) period(i int, buf []Date) (Date, []Date) {
	switch r.Freq {
	case Weekly:
		monday := r.Start.AddDays(-((int(r.Start.Weekday()) + 6) % 7) + 7*i)
		if monday.Year > 9998 {
			return monday, buf
		}
		if len(r.ByDay) == 0 {
			if day := monday.AddDays((int(r.Start.Weekday()) + 6) % 7); r.inMonths(day.Month) {
				buf = append(buf, day)
			}
			return monday, buf
		}
		for _, d := range r.ByDay {
			if day := monday.AddDays((int(d.Day) + 6) % 7); r.inMonths(day.Month) {
				buf = append(buf, day)
			}
		}
		return monday, sortUnique(buf)
	case Monthly:
		first := Date{r.Start.Year, r.Start.Month, 1}.AddMonths(i)
		if first.Year > 9998 || !r.inMonths(first.Month) {
			return first, buf
		}
		return first, r.monthDays(first.Year, first.Month, buf)
	}
	y := r.Start.Year + i
	if y > 9998 {
		return Date{Year: y, Month: time.January, Day: 1}, buf
	}
	switch {
	case len(r.ByMonth) > 0:
		for _, m := range r.ByMonth {
			buf = r.monthDays(y, time.Month(m), buf)
		}
	case len(r.ByMonthDay) > 0 || len(r.ByDay) > 0:
		// RFC 5545: without BYMONTH, BYMONTHDAY and BYDAY expand over the whole year.
		for m := time.January; m <= time.December; m++ {
			buf = r.monthDays(y, m, buf)
		}
	default:
		buf = r.monthDays(y, r.Start.Month, buf)
	}
	return Date{y, time.January, 1}, sortUnique(buf)
}

// inMonths reports whether BYMONTH, when given, lets month m through.
func (r Recurrence) inMonths(m time.Month) bool {
	return len(r.ByMonth) == 0 || slices.Contains(r.ByMonth, int(m))
}

// monthDays appends to buf the candidate days of the rule in one month, in order.
func (r Recurrence) monthDays(y int, m time.Month, buf []Date) []Date {
	last := DaysIn(y, m)
	start := len(buf)
	if len(r.ByMonthDay) == 0 && len(r.ByDay) == 0 {
		return append(buf, Date{y, m, min(r.Start.Day, last)})
	}
	for _, md := range r.ByMonthDay {
		day := md
		if md < 0 {
			day = last + 1 + md
		}
		day = min(max(day, 1), last)
		buf = append(buf, Date{y, m, day})
	}
	if len(r.ByDay) > 0 {
		if len(r.ByMonthDay) == 0 {
			for _, wd := range r.ByDay {
				buf = appendWeekdays(buf, y, m, wd)
			}
		} else {
			// BYDAY limits BYMONTHDAY: keep the month days that fall on a listed weekday.
			buf = slices.DeleteFunc(buf, func(d Date) bool {
				return d.Year == y && d.Month == m && !r.onByDay(d, last)
			})
		}
	}
	tail := sortUnique(buf[start:])
	return buf[:start+len(tail)]
}

// onByDay reports whether day d of a month with last days matches a BYDAY entry.
func (r Recurrence) onByDay(d Date, last int) bool {
	wd := d.Weekday()
	for _, b := range r.ByDay {
		if b.Day != wd {
			continue
		}
		nth, fromLast := (d.Day-1)/7+1, -((last-d.Day)/7 + 1)
		if b.N == 0 || b.N == nth || b.N == fromLast {
			return true
		}
	}
	return false
}

// appendWeekdays appends every matching weekday of the month, or the N-th (from last when
// negative) only; nothing when the month has no such day (a fifth Friday).
func appendWeekdays(buf []Date, y int, m time.Month, wd WeekdayNum) []Date {
	last := DaysIn(y, m)
	first := 1 + (int(wd.Day)-int(Date{y, m, 1}.Weekday())+7)%7
	switch {
	case wd.N > 0:
		if d := first + 7*(wd.N-1); d <= last {
			buf = append(buf, Date{y, m, d})
		}
	case wd.N < 0:
		lastOne := first + 7*((last-first)/7)
		if d := lastOne + 7*(wd.N+1); d >= 1 {
			buf = append(buf, Date{y, m, d})
		}
	default:
		for d := first; d <= last; d += 7 {
			buf = append(buf, Date{y, m, d})
		}
	}
	return buf
}

// clone returns a copy of r that shares no slice with it.
func (r Recurrence) clone() Recurrence {
	r.ByDay = slices.Clone(r.ByDay)
	r.ByMonthDay = slices.Clone(r.ByMonthDay)
	r.ByMonth = slices.Clone(r.ByMonth)
	return r
}

// restart returns the rule that gives the same days as r from occurrence d on. The parts
// that r takes from its start (weekday, month day, month) are written out first, and COUNT
// loses the occurrences before d. d must be an occurrence of r.
func (r Recurrence) restart(d Date) Recurrence {
	out := r.clone()
	switch {
	case r.Freq == Weekly && len(r.ByDay) == 0:
		out.ByDay = []WeekdayNum{{Day: r.Start.Weekday()}}
	case r.Freq != Weekly && len(r.ByDay) == 0 && len(r.ByMonthDay) == 0:
		out.ByMonthDay = []int{r.Start.Day} // 31 stays 31 even when d is a clamped 28 February
		if r.Freq == Yearly && len(r.ByMonth) == 0 {
			out.ByMonth = []int{int(r.Start.Month)}
		}
	}
	if r.Count > 0 {
		out.Count = max(r.Count-len(r.Between(r.Start, d.AddDays(-1))), 1)
	}
	out.Start = d
	return out
}

func sortUnique(ds []Date) []Date {
	slices.SortFunc(ds, Date.Compare)
	return slices.Compact(ds)
}
