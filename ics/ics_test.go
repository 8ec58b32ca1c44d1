package ics

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ical "github.com/arran4/golang-ical"

	"congtac"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// seedCalendar is the seed's meetings of April 2023: the regular meeting on Friday 21/4 at
// 8:00 with a long agenda, the Thursday-afternoon briefing with one Thursday cancelled and
// one moved to the Friday morning, and a whole-day conference postponed.
func seedCalendar() *Calendar {
	stamp := time.Date(2023, 4, 10, 1, 2, 3, 0, time.UTC)
	weekly := congtac.Recurrence{Start: congtac.MustDate(2023, 4, 6), Freq: congtac.Weekly,
		ByDay: []congtac.WeekdayNum{{Day: time.Thursday}}, Until: congtac.MustDate(2023, 6, 29)}
	c := New("Lịch công tác UBND huyện Lục Ngạn")
	c.Add(Event{UID: "hoi-nghi-1@congtac", Summary: "Hội nghị UBND huyện thường kỳ tháng 4",
		Location: "Hội trường UBND huyện, tầng 2; phòng họp số 1", Date: congtac.MustDate(2023, 4, 21),
		Start: congtac.At(8, 0), End: congtac.At(11, 30), Sequence: 2,
		Description: "Chủ trì: đồng chí Nguyễn Văn A.\nNội dung:\n1. Báo cáo tình hình kinh tế - xã hội tháng 4 và " +
			"4 tháng đầu năm; nhiệm vụ trọng tâm tháng 5 năm 2023 (Phòng Tài chính - KH chuẩn bị).\n" +
			"2. Báo cáo tiến độ các dự án trọng điểm, thuộc diện Ban Thường vụ Huyện ủy theo dõi, chỉ đạo."}, stamp)
	c.Add(Event{UID: "hoi-nghi-2@congtac", Summary: "Giao ban Chủ tịch, các Phó Chủ tịch UBND huyện",
		Date: weekly.Start, Start: congtac.At(14, 0), End: congtac.At(17, 0), Rule: &weekly,
		Except: []congtac.Date{congtac.MustDate(2023, 4, 27)}, Sequence: 3}, stamp)
	c.Add(Event{UID: "hoi-nghi-2@congtac", Summary: "Giao ban Chủ tịch, các Phó Chủ tịch UBND huyện",
		Date: congtac.MustDate(2023, 4, 21), Start: congtac.At(8, 0), End: congtac.At(11, 0),
		Occurrence: congtac.MustDate(2023, 4, 20), SeriesStart: congtac.At(14, 0), Sequence: 3}, stamp)
	c.Add(Event{UID: "hoi-nghi-3@congtac", Summary: "HOÃN: Hội nghị chuyên đề về chuyển đổi số",
		Date: congtac.MustDate(2023, 4, 25), Start: congtac.NoTime, Cancelled: true,
		Description: "Tạm hoãn, có thông báo sau."}, stamp)
	return c
}

// TestCalendarGolden: the seed's meetings written as RFC 5545 text, compared with the
// golden file: CRLF line ends, lines folded at 75 octets without splitting a letter, commas
// and semicolons escaped, times with the TZID of Vietnam and its VTIMEZONE.
func TestCalendarGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := seedCalendar().Write(&buf); err != nil {
		t.Fatal(err)
	}
	got := buf.Bytes()
	golden := filepath.Join("testdata", "seed.ics")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("calendar differs from %s (run with -update and review the diff):\n%s", golden, got)
	}
	text := string(got)
	for _, line := range strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line of %d octets: %q", len(line), line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("a fold split a letter: %q", line)
		}
	}
	if strings.Contains(strings.ReplaceAll(text, "\r\n", ""), "\n") {
		t.Error("a line ends with LF alone")
	}
	for _, want := range []string{
		"BEGIN:VTIMEZONE\r\nTZID:Asia/Ho_Chi_Minh\r\n", "TZOFFSETTO:+0700",
		"DTSTART;TZID=Asia/Ho_Chi_Minh:20230421T080000",
		"RRULE:FREQ=WEEKLY;BYDAY=TH;UNTIL=20230629T165959Z",
		"EXDATE;TZID=Asia/Ho_Chi_Minh:20230427T140000",
		"RECURRENCE-ID;TZID=Asia/Ho_Chi_Minh:20230420T140000",
		"DTSTART;VALUE=DATE:20230425", "DTEND;VALUE=DATE:20230426", "STATUS:CANCELLED",
		`tầng 2\; phòng họp số 1`, `Hội trường UBND huyện\,`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the calendar lacks %q", want)
		}
	}
}

// TestCalendarParsesBack: what is written reads back with the same values.
func TestCalendarParsesBack(t *testing.T) {
	var buf bytes.Buffer
	if err := seedCalendar().Write(&buf); err != nil {
		t.Fatal(err)
	}
	cal, err := ical.ParseCalendar(&buf)
	if err != nil {
		t.Fatal(err)
	}
	events := cal.Events()
	if len(events) != 4 || len(cal.Timezones()) != 1 {
		t.Fatalf("%d events, %d time zones; want 4 and 1", len(events), len(cal.Timezones()))
	}
	prop := func(ev *ical.VEvent, p ical.ComponentProperty) string {
		if v := ev.GetProperty(p); v != nil {
			return v.Value
		}
		return ""
	}
	first := events[0]
	if got := prop(first, ical.ComponentPropertyLocation); got != "Hội trường UBND huyện, tầng 2; phòng họp số 1" {
		t.Errorf("location read back = %q", got)
	}
	if got := prop(first, ical.ComponentPropertyDescription); !strings.Contains(got, "\n2. Báo cáo tiến độ các dự án trọng điểm, thuộc diện") {
		t.Errorf("description read back = %q", got)
	}
	if got := prop(first, ical.ComponentPropertySequence); got != "2" {
		t.Errorf("sequence = %q", got)
	}
	start, err := first.GetStartAt()
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2023, 4, 21, 1, 0, 0, 0, time.UTC); !start.Equal(want) {
		t.Errorf("start = %s, want %s (8:00 in Hà Nội)", start, want)
	}
	if got := prop(events[2], ical.ComponentPropertyRecurrenceId); got != "20230420T140000" || events[2].Id() != events[1].Id() {
		t.Errorf("moved sitting: RECURRENCE-ID %q, UID %q (series %q)", got, events[2].Id(), events[1].Id())
	}
}

// TestDaysPastThe28th: a rule on a day past the 28th is written so that a calendar app
// reading RFC 5545 puts each occurrence where the application does, on the month's last
// day when the month lacks the day; the days are checked by expanding the written
// BYMONTHDAY/BYSETPOS by hand over four years.
func TestDaysPastThe28th(t *testing.T) {
	monthly := func(start congtac.Date, days ...int) congtac.Recurrence {
		return congtac.Recurrence{Start: start, Freq: congtac.Monthly, ByMonthDay: days}
	}
	for _, tt := range []struct {
		r    congtac.Recurrence
		want string
	}{
		{monthly(congtac.MustDate(2026, 1, 31)), "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1"},
		{monthly(congtac.MustDate(2026, 1, 30)), "FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1"},
		{monthly(congtac.MustDate(2026, 1, 5), 29), "FREQ=MONTHLY;BYMONTHDAY=28,29;BYSETPOS=-1"},
		{congtac.Recurrence{Start: congtac.MustDate(2024, 2, 29), Freq: congtac.Yearly},
			"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1"},
		{monthly(congtac.MustDate(2026, 1, 20)), "FREQ=MONTHLY"},
		{monthly(congtac.MustDate(2026, 1, 31), -1), "FREQ=MONTHLY;BYMONTHDAY=-1"},
		{monthly(congtac.MustDate(2026, 1, 15), 15, 31), "FREQ=MONTHLY;BYMONTHDAY=15,31"},
	} {
		got := rule(tt.r, true)
		if got != tt.want {
			t.Errorf("rule from %s = %q, want %q", tt.r.Start, got, tt.want)
			continue
		}
		if !strings.Contains(got, "BYSETPOS=-1") {
			continue
		}
		to := tt.r.Start.AddDays(4 * 366)
		app := tt.r.Between(tt.r.Start, to)
		var rfc []congtac.Date
		for y := tt.r.Start.Year; y <= to.Year; y++ {
			for m := time.January; m <= time.December; m++ {
				if tt.r.Freq == congtac.Yearly && m != tt.r.Start.Month {
					continue
				}
				var last congtac.Date // BYSETPOS=-1: the last of the listed days the month has
				for _, part := range strings.Split(strings.Split(strings.Split(got, "BYMONTHDAY=")[1], ";")[0], ",") {
					var d int
					fmt.Sscan(part, &d)
					if d <= congtac.DaysIn(y, m) {
						last = congtac.Date{Year: y, Month: m, Day: d}
					}
				}
				if !last.Before(tt.r.Start) && !last.After(to) {
					rfc = append(rfc, last)
				}
			}
		}
		if fmt.Sprint(app) != fmt.Sprint(rfc) {
			t.Errorf("%s from %s: the application has %v, the RRULE %v", got, tt.r.Start, app, rfc)
		}
	}
}
