package congtac

import (
	"fmt"
	"strings"
	"time"
)

// Precision says how exactly a deadline was given. A deadline "trong tháng 5/2023" is due on
// 2023-05-31 with precision month: it is met by anything done in May or earlier.
type Precision string

// Precisions, from the most exact. PrecisionNone marks a vague deadline ("trong dịp nghỉ hè")
// whose text is kept until someone gives a date.
const (
	PrecisionDay     Precision = "day"
	PrecisionMonth   Precision = "month"
	PrecisionQuarter Precision = "quarter"
	PrecisionHalf    Precision = "half"
	PrecisionYear    Precision = "year"
	PrecisionNone    Precision = ""
)

// Valid reports whether p is one of the defined precisions.
func (p Precision) Valid() bool {
	switch p {
	case PrecisionDay, PrecisionMonth, PrecisionQuarter, PrecisionHalf, PrecisionYear, PrecisionNone:
		return true
	}
	return false
}

// Due is a deadline: the last civil day on which the work counts as on time, how precisely it
// was given, and the phrase it came from. A Due without a Date is vague: Text holds the
// phrase and the task has no deadline to miss until someone sets one.
type Due struct {
	Date      Date
	Precision Precision
	Text      string
}

// DueOn returns a deadline on an exact day.
func DueOn(d Date) Due { return Due{Date: d, Precision: PrecisionDay} }

// DueInMonth returns the deadline "in month m of year y": the month's last day.
func DueInMonth(y int, m time.Month) Due {
	return Due{Date: Date{y, m, DaysIn(y, m)}, Precision: PrecisionMonth}
}

// DueInQuarter returns the deadline "in quarter q of year y" (q from 1 to 4).
func DueInQuarter(y, q int) Due {
	m := time.Month(q * 3)
	return Due{Date: Date{y, m, DaysIn(y, m)}, Precision: PrecisionQuarter}
}

// DueInHalf returns the deadline "in the first (h=1) or second (h=2) half of year y".
func DueInHalf(y, h int) Due {
	m := time.Month(h * 6)
	return Due{Date: Date{y, m, DaysIn(y, m)}, Precision: PrecisionHalf}
}

// DueInYear returns the deadline "in year y": 31 December.
func DueInYear(y int) Due {
	return Due{Date: Date{y, time.December, 31}, Precision: PrecisionYear}
}

// IsVague reports whether the deadline has no date.
func (d Due) IsVague() bool { return d.Date.IsZero() }

// Validate checks that a dated deadline has a precision whose period ends on that date.
func (d Due) Validate() error {
	if err := CheckText("due", "Thời hạn", d.Text); err != nil {
		return err
	}
	if !d.Precision.Valid() {
		return FieldError("due", "Độ chính xác của thời hạn %q không hợp lệ.", string(d.Precision))
	}
	if d.IsVague() {
		if d.Precision != PrecisionNone {
			return FieldError("due", "Thời hạn chưa có ngày cụ thể.")
		}
		return nil
	}
	if d.Precision == PrecisionNone {
		return FieldError("due", "Thời hạn có ngày nhưng thiếu độ chính xác.")
	}
	if !d.Date.valid() {
		return FieldError("due", "Ngày %d/%d/%d của thời hạn không có trên lịch.", d.Date.Day, int(d.Date.Month), d.Date.Year)
	}
	if d.Date != d.Precision.end(d.Date) {
		return FieldError("due", "Thời hạn %s không phải ngày cuối của kỳ.", d.Date)
	}
	return nil
}

// end returns the last day of the period of precision p that contains day.
func (p Precision) end(day Date) Date {
	switch p {
	case PrecisionMonth:
		return Date{day.Year, day.Month, DaysIn(day.Year, day.Month)}
	case PrecisionQuarter:
		m := ((day.Month-1)/3 + 1) * 3
		return Date{day.Year, m, DaysIn(day.Year, m)}
	case PrecisionHalf:
		m := ((day.Month-1)/6 + 1) * 6
		return Date{day.Year, m, DaysIn(day.Year, m)}
	case PrecisionYear:
		return Date{day.Year, time.December, 31}
	}
	return day
}

// String returns a short Vietnamese form: "30/06/2023", "tháng 6/2023", "quý II/2023",
// "6 tháng đầu năm 2023", "năm 2023", or the kept text of a vague deadline.
func (d Due) String() string {
	if d.IsVague() {
		return d.Text
	}
	y := d.Date.Year
	switch d.Precision {
	case PrecisionMonth:
		return fmt.Sprintf("tháng %d/%d", int(d.Date.Month), y)
	case PrecisionQuarter:
		return fmt.Sprintf("quý %s/%d", Roman(int(d.Date.Month)/3), y)
	case PrecisionHalf:
		if d.Date.Month == time.June {
			return fmt.Sprintf("6 tháng đầu năm %d", y)
		}
		return fmt.Sprintf("6 tháng cuối năm %d", y)
	case PrecisionYear:
		return fmt.Sprintf("năm %d", y)
	}
	return fmt.Sprintf("%02d/%02d/%d", d.Date.Day, int(d.Date.Month), y)
}

// Label returns a deadline as lists and pages show it: the short form of [Due.String]
// ("tháng 11/2026"), the kept phrase of a vague deadline, or "Chưa xác định" when a vague
// deadline kept none.
func (d Due) Label() string {
	if d.IsVague() && d.Text == "" {
		return "Chưa xác định"
	}
	return d.String()
}

// Written returns a deadline as the program wrote it ("chậm nhất trong tháng 5/2023"), or
// the short form of [Due.String] when no phrase was kept.
func (d Due) Written() string {
	if strings.TrimSpace(d.Text) != "" {
		return d.Text
	}
	return d.String()
}

// Annotated returns the short form of [Due.String] followed by the phrase it was written
// in, when that differs: "tháng 5/2023 (chậm nhất trong tháng 5/2023)". Change logs use it
// so that a change to either shows.
func (d Due) Annotated() string {
	if d.IsVague() || d.Text == "" || d.Text == d.String() {
		return d.String()
	}
	return d.String() + " (" + d.Text + ")"
}

// Roman returns n (1–3999) in Roman numerals, as used for quarters and parts: "II", "IV".
func Roman(n int) string {
	if n <= 0 || n >= 4000 {
		return fmt.Sprint(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	out := ""
	for i, v := range vals {
		for n >= v {
			out += syms[i]
			n -= v
		}
	}
	return out
}
