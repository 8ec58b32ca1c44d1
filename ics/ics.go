// Package ics writes calendars in the iCalendar format (RFC 5545) that calendar
// applications read: a meeting to download, and the subscription feeds of a leader, an org
// or a committee. Every time is local time in Asia/Ho_Chi_Minh, written with its TZID and
// the VTIMEZONE that defines it, so that a phone abroad still shows 8:00 for a meeting at
// 8:00 in Hà Nội. The lines, their folding and escaping come from
// github.com/arran4/golang-ical, written with CRLF as the RFC requires.
package ics

import (
	"fmt"
	"io"
	"time"

	ical "github.com/arran4/golang-ical"

	"congtac"
)

// TZID is the time zone every event is written in.
const TZID = "Asia/Ho_Chi_Minh"

// Event is one VEVENT: a meeting, one occurrence of a series moved on its own, or a
// calendar entry.
type Event struct {
	UID         string // stable across changes; the same for a series and its moved occurrences
	Summary     string
	Location    string
	Description string
	Date        congtac.Date
	Start, End  congtac.ClockTime // NoTime for an event of the whole day (End is then ignored)
	Rule        *congtac.Recurrence
	Except      []congtac.Date    // occurrences of Rule that do not take place (EXDATE)
	Occurrence  congtac.Date      // the occurrence of a series this event replaces (RECURRENCE-ID); zero if none
	SeriesStart congtac.ClockTime // the start of that series, which RECURRENCE-ID names the occurrence by
	Cancelled   bool
	Sequence    int       // raised on each change, so that clients replace what they hold
	Modified    time.Time // zero: not written
}

// Calendar is a calendar being written.
type Calendar struct {
	cal *ical.Calendar
}

// New returns an empty calendar named name (X-WR-CALNAME), published (METHOD:PUBLISH) in
// the Gregorian scale with the VTIMEZONE of [TZID]. Vietnam has kept UTC+7 without daylight
// saving since 13 June 1975, so one STANDARD part describes it.
func New(name string) *Calendar {
	cal := ical.NewCalendar()
	cal.SetProductId("-//congtac//Lich cong tac//VI")
	cal.SetMethod(ical.MethodPublish)
	cal.SetCalscale("GREGORIAN")
	cal.SetXWRCalName(name)
	cal.SetXWRTimezone(TZID)
	tz := cal.AddTimezone(TZID)
	std := tz.AddStandard()
	std.SetProperty(ical.ComponentProperty(ical.PropertyDtstart), "19750613T000000")
	std.SetProperty(ical.ComponentProperty(ical.PropertyTzoffsetfrom), "+0700")
	std.SetProperty(ical.ComponentProperty(ical.PropertyTzoffsetto), "+0700")
	std.SetProperty(ical.ComponentProperty(ical.PropertyTzname), "ICT")
	return &Calendar{cal: cal}
}

// Add writes e into the calendar, stamped (DTSTAMP) at stamp.
func (c *Calendar) Add(e Event, stamp time.Time) {
	ev := c.cal.AddEvent(e.UID)
	ev.SetDtStampTime(stamp)
	if !e.Modified.IsZero() {
		ev.SetLastModifiedAt(e.Modified)
	}
	ev.SetSequence(e.Sequence)
	ev.SetSummary(e.Summary)
	if e.Location != "" {
		ev.SetLocation(e.Location)
	}
	if e.Description != "" {
		ev.SetDescription(e.Description)
	}
	if e.Cancelled {
		ev.SetStatus(ical.ObjectStatusCancelled)
	} else {
		ev.SetStatus(ical.ObjectStatusConfirmed)
	}
	allDay := e.Start == congtac.NoTime
	if allDay {
		ev.SetProperty(ical.ComponentPropertyDtStart, day(e.Date), ical.WithValue(string(ical.ValueDataTypeDate)))
		ev.SetProperty(ical.ComponentPropertyDtEnd, day(e.Date.AddDays(1)), ical.WithValue(string(ical.ValueDataTypeDate)))
	} else {
		end := max(e.End, e.Start)
		ev.SetProperty(ical.ComponentPropertyDtStart, local(e.Date, e.Start), ical.WithTZID(TZID))
		ev.SetProperty(ical.ComponentPropertyDtEnd, local(e.Date, end), ical.WithTZID(TZID))
	}
	if e.Rule != nil {
		ev.AddRrule(rule(*e.Rule, allDay))
	}
	for _, d := range e.Except {
		if allDay {
			ev.AddExdate(day(d), ical.WithValue(string(ical.ValueDataTypeDate)))
		} else {
			ev.AddExdate(local(d, e.Start), ical.WithTZID(TZID))
		}
	}
	switch {
	case e.Occurrence.IsZero():
	case e.SeriesStart == congtac.NoTime:
		ev.SetProperty(ical.ComponentPropertyRecurrenceId, day(e.Occurrence), ical.WithValue(string(ical.ValueDataTypeDate)))
	default:
		ev.SetProperty(ical.ComponentPropertyRecurrenceId, local(e.Occurrence, e.SeriesStart), ical.WithTZID(TZID))
	}
}

// Write writes the calendar with CRLF line ends.
func (c *Calendar) Write(w io.Writer) error {
	return c.cal.SerializeTo(w, ical.WithNewLineWindows)
}

// day writes a date as a DATE value: 20230421.
func day(d congtac.Date) string { return fmt.Sprintf("%04d%02d%02d", d.Year, int(d.Month), d.Day) }

// local writes a date and time of day as a local DATE-TIME value: 20230421T080000.
func local(d congtac.Date, t congtac.ClockTime) string {
	return fmt.Sprintf("%sT%02d%02d00", day(d), int(t)/60, int(t)%60)
}

// lastDayRule returns r written as RFC 5545 reads what the application means by it, with
// the BYSETPOS part to append. The application puts the occurrence of a day past the 28th
// ("ngày 31 hằng tháng", "ngày 29/2 hằng năm") on the last day of a month that lacks it
// ([congtac.Recurrence] clamps), where an RRULE would skip that month; for a rule on one
// such day, the same days are the last of the 28th up to it that the month has:
// BYMONTHDAY=28,29,30;BYSETPOS=-1. Other rules are returned as they are.
func lastDayRule(r congtac.Recurrence) (congtac.Recurrence, string) {
	if len(r.ByDay) > 0 || (r.Freq != congtac.Monthly && r.Freq != congtac.Yearly) {
		return r, ""
	}
	day := r.Start.Day
	switch len(r.ByMonthDay) {
	case 0:
	case 1:
		day = r.ByMonthDay[0]
	default:
		return r, ""
	}
	if day < 29 {
		return r, ""
	}
	if r.Freq == congtac.Yearly {
		switch {
		case len(r.ByMonth) == 0 && len(r.ByMonthDay) == 0:
			r.ByMonth = []int{int(r.Start.Month)}
		case len(r.ByMonth) != 1: // the set would span several months
			return r, ""
		}
	}
	r.ByMonthDay = nil
	for d := 28; d <= day; d++ {
		r.ByMonthDay = append(r.ByMonthDay, d)
	}
	return r, ";BYSETPOS=-1"
}

// rule writes r as an RRULE value. UNTIL takes the type of DTSTART (RFC 5545 §3.3.10): a
// date for an event of the whole day, else the end of that day in UTC.
func rule(r congtac.Recurrence, allDay bool) string {
	until := r.Until
	r.Until = congtac.Date{}
	r, setPos := lastDayRule(r)
	s := r.String() + setPos
	switch {
	case until.IsZero():
	case allDay:
		s += ";UNTIL=" + day(until)
	default:
		end := until.In(congtac.Location(), 23, 59).Add(59 * time.Second).UTC()
		s += ";UNTIL=" + end.Format("20060102T150405Z")
	}
	return s
}
