package congtac

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// dates parses a space-separated list of ISO dates.
func dates(s string) []Date {
	var out []Date
	for f := range strings.FieldsSeq(s) {
		out = append(out, ymd(f))
	}
	return out
}

func mustRule(t *testing.T, rule, start string) Recurrence {
	t.Helper()
	r, err := ParseRecurrence(rule, ymd(start))
	if err != nil {
		t.Fatalf("ParseRecurrence(%q, %s) error %v", rule, start, err)
	}
	return r
}

func checkDates(t *testing.T, what string, got, want []Date) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s\n got %v\nwant %v", what, got, want)
	}
}

func TestRecurrenceBetween(t *testing.T) {
	tests := []struct {
		name     string
		rule     string
		start    string
		from, to string
		want     string
	}{
		{"Thursday briefings", "FREQ=WEEKLY;BYDAY=TH", "2023-04-06", "2023-04-01", "2023-04-30",
			"2023-04-06 2023-04-13 2023-04-20 2023-04-27"},
		{"weekly on the start's weekday", "FREQ=WEEKLY", "2023-04-05", "2023-04-01", "2023-04-30",
			"2023-04-05 2023-04-12 2023-04-19 2023-04-26"},
		{"weekly BYDAY from a start that is not that day", "FREQ=WEEKLY;BYDAY=TH", "2023-04-03", "2023-04-01", "2023-04-14",
			"2023-04-06 2023-04-13"},
		{"weekly BYDAY before the start in its first week is skipped", "FREQ=WEEKLY;BYDAY=MO", "2023-04-05", "2023-04-01", "2023-04-20",
			"2023-04-10 2023-04-17"},
		{"every other week", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH", "2023-04-03", "2023-04-01", "2023-05-10",
			"2023-04-03 2023-04-06 2023-04-17 2023-04-20 2023-05-01 2023-05-04"},
		{"weekly across the new year", "FREQ=WEEKLY;BYDAY=MO", "2020-12-21", "2020-12-20", "2021-01-12",
			"2020-12-21 2020-12-28 2021-01-04 2021-01-11"},
		{"monthly from 31 January", "FREQ=MONTHLY", "2023-01-31", "2023-01-01", "2023-06-30",
			"2023-01-31 2023-02-28 2023-03-31 2023-04-30 2023-05-31 2023-06-30"},
		{"monthly from 31 January, leap year", "FREQ=MONTHLY", "2024-01-31", "2024-01-01", "2024-04-30",
			"2024-01-31 2024-02-29 2024-03-31 2024-04-30"},
		{"monthly from 30 January", "FREQ=MONTHLY", "2023-01-30", "2023-01-01", "2023-03-31",
			"2023-01-30 2023-02-28 2023-03-30"},
		{"every three months from 31 January", "FREQ=MONTHLY;INTERVAL=3", "2023-01-31", "2023-01-01", "2023-12-31",
			"2023-01-31 2023-04-30 2023-07-31 2023-10-31"},
		{"last day of the month", "FREQ=MONTHLY;BYMONTHDAY=-1", "2023-01-01", "2023-01-01", "2024-03-31",
			"2023-01-31 2023-02-28 2023-03-31 2023-04-30 2023-05-31 2023-06-30 2023-07-31 2023-08-31 2023-09-30 2023-10-31 2023-11-30 2023-12-31 2024-01-31 2024-02-29 2024-03-31"},
		{"BYMONTHDAY=31 clamps", "FREQ=MONTHLY;BYMONTHDAY=31", "2023-01-01", "2023-01-01", "2023-04-30",
			"2023-01-31 2023-02-28 2023-03-31 2023-04-30"},
		{"last Friday of each month", "FREQ=MONTHLY;BYDAY=-1FR", "2023-01-01", "2023-01-01", "2023-06-30",
			"2023-01-27 2023-02-24 2023-03-31 2023-04-28 2023-05-26 2023-06-30"},
		{"second Tuesday", "FREQ=MONTHLY;BYDAY=2TU", "2023-01-01", "2023-01-01", "2023-04-30",
			"2023-01-10 2023-02-14 2023-03-14 2023-04-11"},
		{"fifth Friday: months without one are skipped", "FREQ=MONTHLY;BYDAY=5FR", "2023-01-01", "2023-01-01", "2023-12-31",
			"2023-03-31 2023-06-30 2023-09-29 2023-12-29"},
		{"every Friday of the month", "FREQ=MONTHLY;BYDAY=FR", "2023-03-01", "2023-03-01", "2023-03-31",
			"2023-03-03 2023-03-10 2023-03-17 2023-03-24 2023-03-31"},
		{"half-year reports", "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1", "2023-01-01", "2023-01-01", "2024-12-31",
			"2023-06-30 2023-12-31 2024-06-30 2024-12-31"},
		{"yearly on the start day", "FREQ=YEARLY", "2023-11-15", "2023-01-01", "2025-12-31",
			"2023-11-15 2024-11-15 2025-11-15"},
		{"yearly from 29 February clamps", "FREQ=YEARLY", "2024-02-29", "2024-01-01", "2028-12-31",
			"2024-02-29 2025-02-28 2026-02-28 2027-02-28 2028-02-29"},
		{"yearly BYMONTHDAY without BYMONTH is every month (RFC 5545)", "FREQ=YEARLY;BYMONTHDAY=1", "2023-10-01", "2023-01-01", "2024-02-28",
			"2023-10-01 2023-11-01 2023-12-01 2024-01-01 2024-02-01"},
		{"quarter ends: MONTHLY limited by BYMONTH", "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1", "2023-01-01", "2023-01-01", "2023-12-31",
			"2023-03-31 2023-06-30 2023-09-30 2023-12-31"},
		{"summer Thursdays: WEEKLY limited by BYMONTH", "FREQ=WEEKLY;BYDAY=TH;BYMONTH=7", "2023-06-01", "2023-06-01", "2023-08-31",
			"2023-07-06 2023-07-13 2023-07-20 2023-07-27"},
		{"COUNT from the start, whole window", "FREQ=MONTHLY;COUNT=3", "2023-01-15", "2023-01-01", "2023-12-31",
			"2023-01-15 2023-02-15 2023-03-15"},
		{"COUNT from the start, late window sees the rest", "FREQ=MONTHLY;COUNT=3", "2023-01-15", "2023-03-01", "2023-12-31",
			"2023-03-15"},
		{"COUNT exhausted before the window", "FREQ=MONTHLY;COUNT=3", "2023-01-15", "2023-04-01", "2023-12-31",
			""},
		{"UNTIL is inclusive", "FREQ=WEEKLY;BYDAY=TH;UNTIL=20230420", "2023-04-06", "2023-01-01", "2023-12-31",
			"2023-04-06 2023-04-13 2023-04-20"},
		{"UNTIL between occurrences", "FREQ=WEEKLY;BYDAY=TH;UNTIL=20230419", "2023-04-06", "2023-01-01", "2023-12-31",
			"2023-04-06 2023-04-13"},
		{"window before the start", "FREQ=MONTHLY", "2023-01-31", "2022-01-01", "2023-02-10",
			"2023-01-31"},
		{"window entirely before the start", "FREQ=MONTHLY", "2023-01-31", "2022-01-01", "2022-12-31",
			""},
		{"window of one day on an occurrence", "FREQ=WEEKLY;BYDAY=TH", "2023-04-06", "2023-04-13", "2023-04-13",
			"2023-04-13"},
		{"window of one day between occurrences", "FREQ=WEEKLY;BYDAY=TH", "2023-04-06", "2023-04-14", "2023-04-14",
			""},
		{"inverted window", "FREQ=WEEKLY;BYDAY=TH", "2023-04-06", "2023-04-30", "2023-04-01",
			""},
		{"far window", "FREQ=WEEKLY;BYDAY=TH", "2023-04-06", "2033-01-01", "2033-01-15",
			"2033-01-06 2033-01-13"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustRule(t, tt.rule, tt.start)
			got := r.Between(ymd(tt.from), ymd(tt.to))
			checkDates(t, tt.rule, got, dates(tt.want))
		})
	}
}

// TestRecurrenceRFC5545 checks examples of RFC 5545 §3.8.5.3 where month-end clamping does
// not apply (WKST=SU dropped where it changes nothing).
func TestRecurrenceRFC5545(t *testing.T) {
	tests := []struct {
		name  string
		rule  string
		start string
		to    string
		want  string
	}{
		{"weekly for 10 occurrences", "FREQ=WEEKLY;COUNT=10", "1997-09-02", "1999-01-01",
			"1997-09-02 1997-09-09 1997-09-16 1997-09-23 1997-09-30 1997-10-07 1997-10-14 1997-10-21 1997-10-28 1997-11-04"},
		{"every other week", "FREQ=WEEKLY;INTERVAL=2", "1997-09-02", "1998-02-17",
			"1997-09-02 1997-09-16 1997-09-30 1997-10-14 1997-10-28 1997-11-11 1997-11-25 1997-12-09 1997-12-23 1998-01-06 1998-01-20 1998-02-03 1998-02-17"},
		{"weekly on Tuesday and Thursday for five weeks", "FREQ=WEEKLY;COUNT=10;BYDAY=TU,TH", "1997-09-02", "1999-01-01",
			"1997-09-02 1997-09-04 1997-09-09 1997-09-11 1997-09-16 1997-09-18 1997-09-23 1997-09-25 1997-09-30 1997-10-02"},
		// The RFC's UNTIL=19971224T000000Z falls before its 9:00 events of the 24th; congtac's
		// occurrences are whole days and UNTIL a day, so the same list ends with UNTIL=19971223.
		{"every other week on MO, WE, FR until 24 December", "FREQ=WEEKLY;INTERVAL=2;UNTIL=19971223;WKST=MO;BYDAY=MO,WE,FR", "1997-09-01", "1999-01-01",
			"1997-09-01 1997-09-03 1997-09-05 1997-09-15 1997-09-17 1997-09-19 1997-09-29 1997-10-01 1997-10-03 1997-10-13 1997-10-15 1997-10-17 1997-10-27 1997-10-29 1997-10-31 1997-11-10 1997-11-12 1997-11-14 1997-11-24 1997-11-26 1997-11-28 1997-12-08 1997-12-10 1997-12-12 1997-12-22"},
		{"every other week on TU and TH for 8", "FREQ=WEEKLY;INTERVAL=2;COUNT=8;BYDAY=TU,TH", "1997-09-02", "1999-01-01",
			"1997-09-02 1997-09-04 1997-09-16 1997-09-18 1997-09-30 1997-10-02 1997-10-14 1997-10-16"},
		{"WKST=MO example", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", "1997-08-05", "1999-01-01",
			"1997-08-05 1997-08-10 1997-08-19 1997-08-24"},
		{"monthly on the first Friday for 10", "FREQ=MONTHLY;COUNT=10;BYDAY=1FR", "1997-09-05", "1999-01-01",
			"1997-09-05 1997-10-03 1997-11-07 1997-12-05 1998-01-02 1998-02-06 1998-03-06 1998-04-03 1998-05-01 1998-06-05"},
		{"monthly on the first Friday until 24 December", "FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR", "1997-09-05", "1999-01-01",
			"1997-09-05 1997-10-03 1997-11-07 1997-12-05"},
		{"every other month on the first and last Sunday", "FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU", "1997-09-07", "1999-01-01",
			"1997-09-07 1997-09-28 1997-11-02 1997-11-30 1998-01-04 1998-01-25 1998-03-01 1998-03-29 1998-05-03 1998-05-31"},
		{"second-to-last Monday for 6 months", "FREQ=MONTHLY;COUNT=6;BYDAY=-2MO", "1997-09-22", "1999-01-01",
			"1997-09-22 1997-10-20 1997-11-17 1997-12-22 1998-01-19 1998-02-16"},
		{"third-to-the-last day", "FREQ=MONTHLY;BYMONTHDAY=-3", "1997-09-28", "1998-02-28",
			"1997-09-28 1997-10-29 1997-11-28 1997-12-29 1998-01-29 1998-02-26"},
		{"2nd and 15th for 10", "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15", "1997-09-02", "1999-01-01",
			"1997-09-02 1997-09-15 1997-10-02 1997-10-15 1997-11-02 1997-11-15 1997-12-02 1997-12-15 1998-01-02 1998-01-15"},
		{"first and last day for 10", "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1", "1997-09-30", "1999-01-01",
			"1997-09-30 1997-10-01 1997-10-31 1997-11-01 1997-11-30 1997-12-01 1997-12-31 1998-01-01 1998-01-31 1998-02-01"},
		{"every 18 months on the 10th to 15th", "FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15", "1997-09-10", "2001-01-01",
			"1997-09-10 1997-09-11 1997-09-12 1997-09-13 1997-09-14 1997-09-15 1999-03-10 1999-03-11 1999-03-12 1999-03-13"},
		{"every Tuesday, every other month", "FREQ=MONTHLY;INTERVAL=2;BYDAY=TU", "1997-09-02", "1998-01-31",
			"1997-09-02 1997-09-09 1997-09-16 1997-09-23 1997-09-30 1997-11-04 1997-11-11 1997-11-18 1997-11-25 1998-01-06 1998-01-13 1998-01-20 1998-01-27"},
		{"yearly in June and July for 10", "FREQ=YEARLY;COUNT=10;BYMONTH=6,7", "1997-06-10", "2010-01-01",
			"1997-06-10 1997-07-10 1998-06-10 1998-07-10 1999-06-10 1999-07-10 2000-06-10 2000-07-10 2001-06-10 2001-07-10"},
		{"every other year in January to March for 10", "FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3", "1997-03-10", "2010-01-01",
			"1997-03-10 1999-01-10 1999-02-10 1999-03-10 2001-01-10 2001-02-10 2001-03-10 2003-01-10 2003-02-10 2003-03-10"},
		{"every Thursday in March", "FREQ=YEARLY;BYMONTH=3;BYDAY=TH", "1997-03-13", "1999-12-31",
			"1997-03-13 1997-03-20 1997-03-27 1998-03-05 1998-03-12 1998-03-19 1998-03-26 1999-03-04 1999-03-11 1999-03-18 1999-03-25"},
		{"every Thursday in June to August", "FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8", "1997-06-05", "1997-12-31",
			"1997-06-05 1997-06-12 1997-06-19 1997-06-26 1997-07-03 1997-07-10 1997-07-17 1997-07-24 1997-07-31 1997-08-07 1997-08-14 1997-08-21 1997-08-28"},
		{"every Friday the 13th", "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", "1997-09-02", "2000-12-31",
			"1998-02-13 1998-03-13 1998-11-13 1999-08-13 2000-10-13"},
		{"first Saturday after the first Sunday", "FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13", "1997-09-13", "1998-06-30",
			"1997-09-13 1997-10-11 1997-11-08 1997-12-13 1998-01-10 1998-02-07 1998-03-07 1998-04-11 1998-05-09 1998-06-13"},
		{"US election day", "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8", "1996-11-05", "2004-12-31",
			"1996-11-05 2000-11-07 2004-11-02"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustRule(t, tt.rule, tt.start)
			checkDates(t, tt.rule, r.Between(ymd(tt.start), ymd(tt.to)), dates(tt.want))
		})
	}
	t.Run("every day in January for 3 years", func(t *testing.T) {
		r := mustRule(t, "FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA", "1998-01-01")
		got := r.Between(ymd("1990-01-01"), ymd("2010-12-31"))
		var want []Date
		for y := 1998; y <= 2000; y++ {
			for d := 1; d <= 31; d++ {
				want = append(want, MustDate(y, time.January, d))
			}
		}
		checkDates(t, r.String(), got, want)
	})
	t.Run("February 30 is clamped, not ignored", func(t *testing.T) {
		// RFC 5545 gives 15/1, 30/1, 15/2, 15/3, 30/3: it skips 30 February. congtac puts
		// that occurrence on the month's last day instead.
		r := mustRule(t, "FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5", "2007-01-15")
		checkDates(t, r.String(), r.Between(ymd("2007-01-01"), ymd("2008-01-01")),
			dates("2007-01-15 2007-01-30 2007-02-15 2007-02-28 2007-03-15"))
	})
}

func TestRecurrenceRoundTrip(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"FREQ=WEEKLY;BYDAY=TH", "FREQ=WEEKLY;BYDAY=TH"},
		{"RRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=12", "FREQ=MONTHLY;BYDAY=-1FR;COUNT=12"},
		{"freq=monthly;byday=2tu", "FREQ=MONTHLY;BYDAY=2TU"},
		{"FREQ=YEARLY;BYMONTHDAY=-1;BYMONTH=6,12", "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"},
		{"FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;UNTIL=20231231", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;UNTIL=20231231"},
		{"FREQ=WEEKLY;INTERVAL=1", "FREQ=WEEKLY"},
		{"FREQ=WEEKLY;UNTIL=20231231T235959Z;WKST=MO", "FREQ=WEEKLY;UNTIL=20231231"},
		{"FREQ=MONTHLY;BYDAY=+1FR", "FREQ=MONTHLY;BYDAY=1FR"},
		{"FREQ=MONTHLY;BYMONTHDAY=2,15;COUNT=10", "FREQ=MONTHLY;BYMONTHDAY=2,15;COUNT=10"},
		{" FREQ=MONTHLY; ", "FREQ=MONTHLY"},
	}
	start := ymd("2023-01-05")
	for _, tt := range tests {
		r, err := ParseRecurrence(tt.in, start)
		if err != nil {
			t.Errorf("ParseRecurrence(%q) error %v", tt.in, err)
			continue
		}
		if r.Start != start {
			t.Errorf("ParseRecurrence(%q).Start = %v, want %v", tt.in, r.Start, start)
		}
		if got := r.String(); got != tt.want {
			t.Errorf("ParseRecurrence(%q).String() = %q, want %q", tt.in, got, tt.want)
		}
		again, err := ParseRecurrence(r.String(), start)
		if err != nil || again.String() != r.String() {
			t.Errorf("ParseRecurrence(%q) = %q, %v; want the same rule", r.String(), again.String(), err)
		}
		if !slices.Equal(again.Between(start, ymd("2025-12-31")), r.Between(start, ymd("2025-12-31"))) {
			t.Errorf("%q: occurrences change after a round trip", tt.in)
		}
	}
}

func TestParseRecurrenceRejects(t *testing.T) {
	bad := []string{
		"", "RRULE:", "FREQ", "FREQ=", "FREQ=DAILY", "FREQ=HOURLY", "BYDAY=TH",
		"FREQ=WEEKLY;BYHOUR=9", "FREQ=MONTHLY;BYSETPOS=1;BYDAY=MO", "FREQ=WEEKLY;WKST=SU",
		"FREQ=YEARLY;BYWEEKNO=20", "FREQ=WEEKLY;X-NAME=1",
		"FREQ=MONTHLY;BYDAY=XX", "FREQ=MONTHLY;BYDAY=0FR", "FREQ=MONTHLY;BYDAY=FR,", "FREQ=MONTHLY;BYDAY=",
		"FREQ=MONTHLY;BYDAY=6FR", "FREQ=MONTHLY;BYDAY=-6FR", "FREQ=MONTHLY;BYDAY=1.5FR",
		"FREQ=WEEKLY;BYDAY=1TH", "FREQ=WEEKLY;BYMONTHDAY=1",
		"FREQ=WEEKLY;INTERVAL=x", "FREQ=WEEKLY;INTERVAL=0", "FREQ=WEEKLY;INTERVAL=-2", "FREQ=WEEKLY;INTERVAL=",
		"FREQ=WEEKLY;COUNT=0", "FREQ=WEEKLY;COUNT=-1", "FREQ=WEEKLY;COUNT=ten",
		"FREQ=WEEKLY;UNTIL=2023", "FREQ=WEEKLY;UNTIL=2023-12-31", "FREQ=WEEKLY;UNTIL=20231231junk",
		"FREQ=WEEKLY;UNTIL=20230230", "FREQ=WEEKLY;UNTIL=20221231", "FREQ=WEEKLY;UNTIL=20231231T99",
		"FREQ=WEEKLY;COUNT=3;UNTIL=20231231",
		"FREQ=WEEKLY;FREQ=MONTHLY", "FREQ=MONTHLY;BYDAY=MO;BYDAY=TU",
		"FREQ=MONTHLY;BYMONTHDAY=0", "FREQ=MONTHLY;BYMONTHDAY=32", "FREQ=MONTHLY;BYMONTHDAY=-32",
		"FREQ=MONTHLY;BYMONTHDAY=1,,2", "FREQ=YEARLY;BYMONTH=13", "FREQ=YEARLY;BYMONTH=0",
		"FREQ=YEARLY;BYDAY=-1FR",
		"FREQ=WEEKLY BYDAY=TH",
	}
	for _, s := range bad {
		r, err := ParseRecurrence(s, ymd("2023-01-05"))
		if err == nil {
			t.Errorf("ParseRecurrence(%q) = %q, want an error", s, r.String())
			continue
		}
		if got := ErrorCode(err); got != EINVALID {
			t.Errorf("ParseRecurrence(%q) code %q, want %q", s, got, EINVALID)
		}
		checkVietnamese(t, err)
	}
}

func TestRecurrenceValidate(t *testing.T) {
	start := ymd("2023-01-05")
	tests := []struct {
		name string
		r    Recurrence
		ok   bool
	}{
		{"weekly", Recurrence{Start: start, Freq: Weekly, ByDay: []WeekdayNum{{Day: time.Thursday}}}, true},
		{"monthly last Friday", Recurrence{Start: start, Freq: Monthly, ByDay: []WeekdayNum{{N: -1, Day: time.Friday}}}, true},
		{"yearly by month", Recurrence{Start: start, Freq: Yearly, ByMonth: []int{6, 12}, ByMonthDay: []int{-1}}, true},
		{"yearly nth weekday in a month", Recurrence{Start: start, Freq: Yearly, ByMonth: []int{3}, ByDay: []WeekdayNum{{N: -1, Day: time.Sunday}}}, true},
		{"no start", Recurrence{Freq: Weekly}, false},
		{"impossible start", Recurrence{Start: Date{2023, time.February, 30}, Freq: Weekly}, false},
		{"no freq", Recurrence{Start: start}, false},
		{"daily", Recurrence{Start: start, Freq: "DAILY"}, false},
		{"negative interval", Recurrence{Start: start, Freq: Weekly, Interval: -1}, false},
		{"huge interval", Recurrence{Start: start, Freq: Weekly, Interval: 1001}, false},
		{"negative count", Recurrence{Start: start, Freq: Weekly, Count: -1}, false},
		{"until before start", Recurrence{Start: start, Freq: Weekly, Until: ymd("2023-01-04")}, false},
		{"until on start", Recurrence{Start: start, Freq: Weekly, Until: start}, true},
		{"impossible until", Recurrence{Start: start, Freq: Weekly, Until: Date{2023, time.April, 31}}, false},
		{"count and until", Recurrence{Start: start, Freq: Weekly, Count: 3, Until: ymd("2023-12-31")}, false},
		{"weekday 7", Recurrence{Start: start, Freq: Weekly, ByDay: []WeekdayNum{{Day: 7}}}, false},
		{"weekday -1", Recurrence{Start: start, Freq: Weekly, ByDay: []WeekdayNum{{Day: -1}}}, false},
		{"6th Friday", Recurrence{Start: start, Freq: Monthly, ByDay: []WeekdayNum{{N: 6, Day: time.Friday}}}, false},
		{"weekly nth", Recurrence{Start: start, Freq: Weekly, ByDay: []WeekdayNum{{N: 1, Day: time.Friday}}}, false},
		{"yearly nth without month", Recurrence{Start: start, Freq: Yearly, ByDay: []WeekdayNum{{N: 1, Day: time.Friday}}}, false},
		{"weekly month day", Recurrence{Start: start, Freq: Weekly, ByMonthDay: []int{1}}, false},
		{"month day 0", Recurrence{Start: start, Freq: Monthly, ByMonthDay: []int{0}}, false},
		{"month day 32", Recurrence{Start: start, Freq: Monthly, ByMonthDay: []int{32}}, false},
		{"month day -31", Recurrence{Start: start, Freq: Monthly, ByMonthDay: []int{-31}}, true},
		{"month 13", Recurrence{Start: start, Freq: Yearly, ByMonth: []int{13}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.r.Validate()
			if (err == nil) != tt.ok {
				t.Fatalf("Validate() = %v, want ok=%v", err, tt.ok)
			}
			if err != nil {
				if ErrorCode(err) != EINVALID {
					t.Errorf("code %q, want %q", ErrorCode(err), EINVALID)
				}
				checkVietnamese(t, err)
				if got := tt.r.Between(ymd("2023-01-01"), ymd("2023-12-31")); got != nil {
					t.Errorf("Between on an invalid rule = %v, want nil", got)
				}
				_ = tt.r.String() // must not panic
			}
		})
	}
}

// referenceBetween is a slow, independent reading of the rule: it walks day by day and asks
// of each day whether the rule names it.
func referenceBetween(r Recurrence, from, to Date) []Date {
	var out []Date
	n := 0
	step := max(r.Interval, 1)
	startMonday := r.Start.AddDays(-((int(r.Start.Weekday()) + 6) % 7))
	for d := r.Start; !d.After(to); d = d.AddDays(1) {
		if !r.Until.IsZero() && d.After(r.Until) || r.Count > 0 && n >= r.Count {
			break
		}
		var index int
		switch r.Freq {
		case Weekly:
			index = startMonday.DaysUntil(d) / 7
		case Monthly:
			index = (d.Year-r.Start.Year)*12 + int(d.Month) - int(r.Start.Month)
		case Yearly:
			index = d.Year - r.Start.Year
		}
		if index%step != 0 || len(r.ByMonth) > 0 && !slices.Contains(r.ByMonth, int(d.Month)) {
			continue
		}
		if !referenceMatch(r, d) {
			continue
		}
		n++
		if !d.Before(from) {
			out = append(out, d)
		}
	}
	return out
}

func referenceMatch(r Recurrence, d Date) bool {
	last := DaysIn(d.Year, d.Month)
	byDay := func() bool {
		for _, b := range r.ByDay {
			if b.Day != d.Weekday() {
				continue
			}
			fromStart := (d.Day-1)/7 + 1
			fromEnd := -((last-d.Day)/7 + 1)
			if b.N == 0 || b.N == fromStart || b.N == fromEnd {
				return true
			}
		}
		return false
	}
	byMonthDay := func() bool {
		for _, md := range r.ByMonthDay {
			day := md
			if md < 0 {
				day = last + 1 + md
			}
			if min(max(day, 1), last) == d.Day {
				return true
			}
		}
		return false
	}
	switch {
	case r.Freq == Weekly && len(r.ByDay) == 0:
		return d.Weekday() == r.Start.Weekday()
	case r.Freq == Weekly:
		return byDay()
	case len(r.ByMonthDay) > 0 && len(r.ByDay) > 0:
		return byMonthDay() && byDay()
	case len(r.ByMonthDay) > 0:
		return byMonthDay()
	case len(r.ByDay) > 0:
		return byDay()
	case r.Freq == Yearly && len(r.ByMonth) == 0 && d.Month != r.Start.Month:
		return false
	}
	return d.Day == min(r.Start.Day, last)
}

func TestRecurrenceAgainstReference(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	pick := func(n int) int { return rnd.IntN(n) }
	checked := 0
	for range 3000 {
		y, m := 2020+pick(4), time.Month(pick(12)+1)
		r := Recurrence{Freq: []Frequency{Weekly, Monthly, Yearly}[pick(3)],
			Start: MustDate(y, m, min(pick(31)+1, DaysIn(y, m)))}
		if pick(3) == 0 {
			r.Interval = pick(4) + 1
		}
		for range pick(3) {
			n := 0
			if r.Freq != Weekly && pick(2) == 0 {
				n = []int{1, 2, 3, 4, 5, -1, -2, -5}[pick(8)]
			}
			r.ByDay = append(r.ByDay, WeekdayNum{N: n, Day: time.Weekday(pick(7))})
		}
		if r.Freq != Weekly && pick(2) == 0 {
			for range pick(3) + 1 {
				r.ByMonthDay = append(r.ByMonthDay, []int{1, 13, 15, 28, 29, 30, 31, -1, -3, -31}[pick(10)])
			}
		}
		if pick(3) == 0 || (r.Freq == Yearly && slices.ContainsFunc(r.ByDay, func(w WeekdayNum) bool { return w.N != 0 })) {
			for range pick(3) + 1 {
				r.ByMonth = append(r.ByMonth, pick(12)+1)
			}
		}
		switch pick(3) {
		case 0:
			r.Count = pick(20) + 1
		case 1:
			r.Until = r.Start.AddDays(pick(900))
		}
		if err := r.Validate(); err != nil {
			t.Fatalf("generated an invalid rule %q from %v: %v", r.String(), r.Start, err)
		}
		from := r.Start.AddDays(pick(400) - 100)
		to := from.AddDays(pick(800))
		got, want := r.Between(from, to), referenceBetween(r, from, to)
		if !slices.Equal(got, want) {
			t.Fatalf("%s from %v, window %v..%v\n got %v\nwant %v", r.String(), r.Start, from, to, got, want)
		}
		checked++
	}
	if checked < 1000 {
		t.Errorf("checked only %d rules", checked)
	}
}
