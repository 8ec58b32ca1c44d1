package vn

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"congtac"
)

// blank stands for a day, month or year not yet given: a draft leaves them empty until
// the document is issued (Decree 30/2020), six spaces between the words.
const blank = "    "

// DateLine returns the place-and-date line of an official document in the form of Decree
// 30/2020, Phụ lục I: "Lục Ngạn, ngày 05 tháng 4 năm 2023". Days below 10 and the months
// January and February take a leading zero ("ngày 05 tháng 01 năm 2020", "tháng 02"), the
// other months do not. A draft gives a zero Day (and perhaps Month, or Year): those
// fields are left blank for the signer to fill in, as in
// "Lục Ngạn, ngày      tháng      năm 2023". An empty place gives the date alone.
func DateLine(place string, d congtac.Date) string {
	day, month, year := blank, blank, blank
	if d.Day > 0 {
		day = fmt.Sprintf("%02d", d.Day)
	}
	if d.Month > 0 {
		month = monthNumber(d.Month)
	}
	if d.Year > 0 {
		year = strconv.Itoa(d.Year)
	}
	line := "ngày " + day + " tháng " + month + " năm " + year
	if place = NFC(place); place != "" {
		line = place + ", " + line
	}
	return line
}

// monthNumber writes a month as dates in documents do: "01", "02", then "3" to "12".
func monthNumber(m time.Month) string {
	if m <= time.February {
		return fmt.Sprintf("%02d", int(m))
	}
	return strconv.Itoa(int(m))
}

// ShortDate returns d as schedules write it: "21/4/2023", "5/12/2023"; "" for the zero
// Date.
func ShortDate(d congtac.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d/%d/%d", d.Day, int(d.Month), d.Year)
}

// PaddedDate returns d with two-digit day and month: "21/04/2023", "05/12/2023"; "" for
// the zero Date.
func PaddedDate(d congtac.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%d", d.Day, int(d.Month), d.Year)
}

// weekdayNames are the weekday names as headings write them, indexed by time.Weekday.
var weekdayNames = [7]string{"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}

// Weekday returns the name of wd as headings and schedules write it: "Thứ Hai" …
// "Thứ Bảy", "Chủ nhật". An out-of-range wd gives "".
func Weekday(wd time.Weekday) string {
	if wd < time.Sunday || wd > time.Saturday {
		return ""
	}
	return weekdayNames[wd]
}

// WeekdayInSentence returns the name of wd as it is written inside a sentence: "thứ Hai" …
// "thứ Bảy", following Decree 30/2020 (Phụ lục II: the syllable naming the day is
// capitalised); "Chủ nhật" keeps its capital. An out-of-range wd gives "".
func WeekdayInSentence(wd time.Weekday) string {
	if wd == time.Sunday {
		return weekdayNames[wd]
	}
	name := Weekday(wd)
	if name == "" {
		return ""
	}
	return "t" + name[1:]
}

// WeekHeading returns the heading of a weekly schedule for week period p, Monday to
// Sunday, as offices name the week: "Tuần thứ 50 (từ ngày 07/12/2026 đến ngày 13/12/2026)".
// For a period that is not a week it returns p.String().
func WeekHeading(p congtac.Period) string {
	if p.Kind != congtac.PeriodWeek {
		return p.String()
	}
	return fmt.Sprintf("Tuần thứ %02d (từ ngày %s đến ngày %s)", p.Number, PaddedDate(p.Start()), PaddedDate(p.End()))
}

// FormatClock returns a time of day in the house style: the hour without a leading zero,
// the word "giờ", the minutes always in two digits: "7 giờ 30", "14 giờ 00". The style
// reads correctly both in prose (invitations write "vào lúc 14 giờ 00") and in schedule
// tables, where it sorts and aligns well; [ParseClock] reads it back, as it reads "07h30",
// "7g30" or "7 giờ 30 phút". NoTime and invalid times give "".
func FormatClock(t congtac.ClockTime) string {
	if t == congtac.NoTime || !t.Valid() {
		return ""
	}
	return fmt.Sprintf("%d giờ %02d", int(t)/60, int(t)%60)
}

// FormatRecurrence describes a repeat rule as schedules do: "Hằng tuần vào thứ Năm",
// "Hằng tháng", "Cứ 2 tuần một lần"; of its days it names only the plain weekdays, and a
// daily rule gives "".
func FormatRecurrence(rec congtac.Recurrence) string {
	s := frequencyText(rec.Freq, rec.Interval)
	var days []string
	for _, d := range rec.ByDay {
		if d.N == 0 {
			days = append(days, WeekdayInSentence(d.Day))
		}
	}
	if len(days) > 0 {
		s += " vào " + strings.Join(days, ", ")
	}
	return s
}

// frequencyText returns "Hằng tuần" for every week, "Cứ 2 tuần một lần" for every other.
func frequencyText(f congtac.Frequency, interval int) string {
	var unit string
	switch f {
	case congtac.Weekly:
		unit = "tuần"
	case congtac.Monthly:
		unit = "tháng"
	case congtac.Yearly:
		unit = "năm"
	}
	if interval > 1 {
		return fmt.Sprintf("Cứ %d %s một lần", interval, unit)
	}
	if unit == "" {
		return ""
	}
	return "Hằng " + unit
}

// OneDecimal writes x with one decimal, a comma before it, and none when it is zero, as
// Vietnamese documents write rates: 57.14 → "57,1", 100 → "100".
func OneDecimal(x float64) string {
	return strings.ReplaceAll(strings.TrimSuffix(strconv.FormatFloat(x, 'f', 1, 64), ".0"), ".", ",")
}
