package web

import (
	"time"

	"congtac"
	"congtac/vn"
)

// The texts in this file render domain values for pages in house style; the renderings
// shared with documents and exports live in package vn and on the values themselves.

// duePhrase returns the words the deadline was given in when they say more than
// [congtac.Due.Label]: "chậm nhất trong tháng 5/2026"; "" otherwise.
func duePhrase(d congtac.Due) string {
	if d.IsVague() || d.Text == "" || vn.Fold(d.Text) == vn.Fold(d.String()) {
		return ""
	}
	return d.Text
}

// clockText returns when an entry starts: the time in house style ("14 giờ 00"), or the
// part of the day ("Chiều") when no time is given.
func clockText(t congtac.ClockTime, part congtac.DayPart) string {
	if s := vn.FormatClock(t); s != "" {
		return s
	}
	return part.Label()
}

// dayText returns a day with its weekday, as schedules head it: "Thứ Sáu, 27/11/2026".
func dayText(d congtac.Date) string {
	if d.IsZero() {
		return ""
	}
	return vn.Weekday(d.Weekday()) + ", " + vn.ShortDate(d)
}

// instantText returns an instant in loc in house style: "8 giờ 30, ngày 27/11/2026"; "" for
// the zero time.
func instantText(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(loc)
	return vn.FormatClock(congtac.At(t.Hour(), t.Minute())) + ", ngày " + vn.ShortDate(congtac.DateOf(t, loc))
}

// numberText writes v the Vietnamese way, to at most three decimals: "1.234.567,5".
func numberText(v float64) string { return congtac.FormatDecimal(v, 3) }

// shortText returns s cut to about n characters at a word boundary, for titles.
func shortText(s string, n int) string { return congtac.Excerpt(s, n) }
