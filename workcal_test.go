package congtac

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// holidayLines writes holidays one a line, "2026-04-27 Nghỉ bù Giỗ Tổ Hùng Vương", for
// comparing lists.
func holidayLines(hs []Holiday) string {
	var b strings.Builder
	for _, h := range hs {
		fmt.Fprintf(&b, "%s %s\n", h.Date, h.Name)
	}
	return b.String()
}

func TestPublicHolidays2026(t *testing.T) {
	want := `2026-01-01 Tết Dương lịch
2026-02-16 Tết Nguyên đán
2026-02-17 Tết Nguyên đán
2026-02-18 Tết Nguyên đán
2026-02-19 Tết Nguyên đán
2026-02-20 Tết Nguyên đán
2026-04-26 Giỗ Tổ Hùng Vương
2026-04-27 Nghỉ bù Giỗ Tổ Hùng Vương
2026-04-30 Ngày Chiến thắng
2026-05-01 Ngày Quốc tế Lao động
2026-09-01 Quốc khánh
2026-09-02 Quốc khánh
`
	if got := holidayLines(PublicHolidays(2026)); got != want {
		t.Errorf("PublicHolidays(2026) =\n%s\nwant\n%s", got, want)
	}
	for _, h := range PublicHolidays(2026) {
		if h.Compensatory != strings.HasPrefix(h.Name, "Nghỉ bù ") {
			t.Errorf("%+v: Compensatory does not match the name", h)
		}
	}
}

// TestHolidaysAsAnnounced compares the computed days off around a holiday with the days the
// Government announced for public servants, where they needed no swap.
func TestHolidaysAsAnnounced(t *testing.T) {
	for _, tt := range []struct {
		name     string
		from, to string // the days to look at
		off      string // the days off among them
	}{
		{"Giỗ Tổ 2019 on a Sunday", "2019-04-12", "2019-04-16", "2019-04-13 2019-04-14 2019-04-15"},
		{"Giỗ Tổ 2022 on a Sunday", "2022-04-08", "2022-04-12", "2022-04-09 2022-04-10 2022-04-11"},
		{"Giỗ Tổ 2024", "2024-04-17", "2024-04-19", "2024-04-18"},
		{"Quốc khánh 2021, 2/9 a Thursday", "2021-08-31", "2021-09-06", "2021-09-02 2021-09-03 2021-09-04 2021-09-05"},
		{"Quốc khánh 2022", "2022-08-31", "2022-09-05", "2022-09-01 2022-09-02 2022-09-03 2022-09-04"},
		{"Quốc khánh 2023 on a Saturday", "2023-08-31", "2023-09-05", "2023-09-01 2023-09-02 2023-09-03 2023-09-04"},
		{"Quốc khánh 2024 on a Monday", "2024-08-30", "2024-09-04", "2024-08-31 2024-09-01 2024-09-02 2024-09-03"},
		{"Quốc khánh 2025", "2025-08-29", "2025-09-03", "2025-08-30 2025-08-31 2025-09-01 2025-09-02"},
		{"Quốc khánh 2019, one day", "2019-08-30", "2019-09-03", "2019-08-31 2019-09-01 2019-09-02"},
		{"Tết Dương lịch 2022 on a Saturday", "2021-12-31", "2022-01-04", "2022-01-01 2022-01-02 2022-01-03"},
	} {
		var s Settings
		var off []string
		for d := ymd(tt.from); !d.After(ymd(tt.to)); d = d.AddDays(1) {
			if !s.WorkingDay(d) {
				off = append(off, d.String())
			}
		}
		if got := strings.Join(off, " "); got != tt.off {
			t.Errorf("%s: days off %s, want %s", tt.name, got, tt.off)
		}
	}
}

// TestTetOverAWeekend: Tết 2024 (10/2, a Saturday) gives its two weekend days back after it.
func TestTetOverAWeekend(t *testing.T) {
	var got []string
	for _, h := range PublicHolidays(2024) {
		if strings.Contains(h.Name, "Tết Nguyên đán") {
			got = append(got, h.Date.String()+" "+h.Name)
		}
	}
	want := []string{"2024-02-09 Tết Nguyên đán", "2024-02-10 Tết Nguyên đán", "2024-02-11 Tết Nguyên đán",
		"2024-02-12 Tết Nguyên đán", "2024-02-13 Tết Nguyên đán", "2024-02-14 Nghỉ bù Tết Nguyên đán",
		"2024-02-15 Nghỉ bù Tết Nguyên đán"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Tết 2024:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestNationalDayRule(t *testing.T) {
	second := func(r NationalDayRule, year int) string {
		var days []string
		for _, h := range (Settings{NationalDay: r}).PublicHolidays(year) {
			if h.Date.Month == time.September {
				days = append(days, fmt.Sprintf("%d", h.Date.Day))
			}
		}
		return strings.Join(days, " ")
	}
	for _, tt := range []struct {
		r    NationalDayRule
		year int
		want string
	}{
		{NationalDayJoinWeekend, 2026, "1 2"}, // a Wednesday
		{NationalDayJoinWeekend, 2027, "2 3"}, // a Thursday
		{NationalDayBefore, 2027, "1 2"},
		{NationalDayAfter, 2026, "2 3"},
		{NationalDayAfter, 2029, "2 3 4"}, // 2/9 a Sunday, given back on Tuesday 4/9
		{NationalDayJoinWeekend, 2029, "1 2 3 4"},
		{NationalDayAfter, 2020, "2"}, // before the Labour Code 2019
	} {
		if got := second(tt.r, tt.year); got != tt.want {
			t.Errorf("rule %q, %d: September days off %s, want %s", tt.r, tt.year, got, tt.want)
		}
	}
}

func TestWorkingDay(t *testing.T) {
	// 2023: 29/4 to 3/5 off (Giỗ Tổ on Saturday 29/4, 30/4, 1/5 and the days given back for
	// the weekend), Saturday 6/5 worked in a swap the committee records.
	s := DefaultSettings()
	s.Holidays = dates("2023-05-03 2023-09-01 2023-09-04")
	s.WorkingSaturdays = dates("2023-05-06")
	tests := []struct {
		d    string
		want bool
	}{
		{"2023-04-27", true},  // Thursday
		{"2023-04-28", true},  // Friday
		{"2023-04-29", false}, // Saturday, Giỗ Tổ
		{"2023-04-30", false}, // Sunday
		{"2023-05-01", false}, // holiday, Monday
		{"2023-05-02", false}, // given back for 29/4
		{"2023-05-03", false}, // given back for 30/4, and the committee's holiday
		{"2023-05-04", true},  // back to work
		{"2023-05-06", true},  // compensatory Saturday
		{"2023-05-07", false}, // Sunday
		{"2023-05-13", false}, // ordinary Saturday
		{"2023-09-01", false},
		{"2023-09-02", false}, // National Day on a Saturday: off anyway
		{"2023-09-04", false},
		{"2023-09-05", true},
		// Tết 2023, Sunday 22/1: 21/1 to 25/1 and two days given back for the weekend. The
		// Government gave 20/1 to 26/1 instead; a committee records that in its settings.
		{"2023-01-20", true},
		{"2023-01-25", false}, // the fourth day of Tết
		{"2023-01-27", false}, // given back
		{"2023-01-30", true},
	}
	for _, tt := range tests {
		if got := s.WorkingDay(ymd(tt.d)); got != tt.want {
			t.Errorf("WorkingDay(%s, %v) = %v, want %v", tt.d, ymd(tt.d).Weekday(), got, tt.want)
		}
	}
	// The zero Settings keep the public holidays: 1/5 was a working day for them before the
	// holidays were computed.
	var zero Settings
	for d, want := range map[string]bool{"2023-05-01": false, "2023-05-04": true, "2023-05-06": false, "2023-05-07": false} {
		if got := zero.WorkingDay(ymd(d)); got != want {
			t.Errorf("zero settings WorkingDay(%s) = %v, want %v", d, got, want)
		}
	}
	// A compensatory working day wins over a computed holiday.
	swap := Settings{WorkingSaturdays: dates("2026-02-20")}
	if !swap.WorkingDay(ymd("2026-02-20")) {
		t.Error("a day of WorkingSaturdays on Tết is not a working day")
	}
}

func TestAddWorkingDays(t *testing.T) {
	var s Settings
	for _, tt := range []struct {
		d    string
		n    int
		want string
	}{
		{"2026-12-18", -5, "2026-12-11"}, // meeting on Friday 18/12: materials not on Sunday 13/12
		{"2026-12-18", 0, "2026-12-18"},
		{"2026-12-19", 0, "2026-12-19"}, // a Saturday stays
		{"2026-12-19", -1, "2026-12-18"},
		{"2026-02-23", -5, "2026-02-09"}, // over Tết Bính Ngọ, 16–20/2
		{"2026-02-13", 1, "2026-02-23"},
		{"2026-04-24", 1, "2026-04-28"}, // over Giỗ Tổ given back on Monday 27/4
		{"2026-04-29", 1, "2026-05-04"},
		{"2026-12-31", 1, "2027-01-04"},
		{"2027-01-04", -1, "2026-12-31"},
	} {
		if got := s.AddWorkingDays(ymd(tt.d), tt.n); got != ymd(tt.want) {
			t.Errorf("AddWorkingDays(%s, %d) = %s, want %s", tt.d, tt.n, got, tt.want)
		}
	}
	if got := s.AddWorkingDays(Date{}, -5); !got.IsZero() {
		t.Errorf("AddWorkingDays(zero, -5) = %s, want zero", got)
	}
	if got, want := s.NextWorkingDay(ymd("2026-04-24")), ymd("2026-04-28"); got != want {
		t.Errorf("NextWorkingDay = %s, want %s", got, want)
	}
	if got, want := s.PrevWorkingDay(ymd("2026-05-04")), ymd("2026-04-29"); got != want {
		t.Errorf("PrevWorkingDay = %s, want %s", got, want)
	}
	withSwap := Settings{Holidays: dates("2026-02-13"), WorkingSaturdays: dates("2026-02-07")}
	if got, want := withSwap.AddWorkingDays(ymd("2026-02-16"), -2), ymd("2026-02-11"); got != want {
		t.Errorf("with the committee's swap: AddWorkingDays = %s, want %s", got, want)
	}
	if got, want := withSwap.AddWorkingDays(ymd("2026-02-09"), -1), ymd("2026-02-07"); got != want {
		t.Errorf("with the committee's swap: AddWorkingDays = %s, want the worked Saturday %s", got, want)
	}
}

// TestWorkingCalendarProperties walks 1900–2199: the statutory days of each year are there
// and off, each day given back is a weekday that is no holiday, one for each holiday on a
// weekend, the lunar season ends with May (WorkingDay relies on it), and AddWorkingDays
// counts working days both ways.
func TestWorkingCalendarProperties(t *testing.T) {
	var s Settings
	for year := 1900; year <= 2199; year++ {
		hs := PublicHolidays(year)
		statutory, onWeekend, given := map[Date]bool{}, 0, 0
		for i, h := range hs {
			if h.Date.Year != year || (i > 0 && !hs[i-1].Date.Before(h.Date)) {
				t.Fatalf("%d: holidays out of order or year: %s", year, holidayLines(hs))
			}
			if s.WorkingDay(h.Date) {
				t.Fatalf("%d: %s (%s) is a working day", year, h.Date, h.Name)
			}
			if h.Compensatory {
				given++
				if weekend(h.Date) || statutory[h.Date] {
					t.Fatalf("%d: %s given back on %s", year, h.Name, h.Date)
				}
				continue
			}
			statutory[h.Date] = true
			if weekend(h.Date) {
				onWeekend++
			}
			if h.Date.Month > time.May && h.Date.Month != time.September {
				t.Fatalf("%d: %s on %s", year, h.Name, h.Date)
			}
		}
		if want := statutoryCount(year); len(statutory) != want {
			t.Fatalf("%d: %d statutory days, want %d:\n%s", year, len(statutory), want, holidayLines(hs))
		}
		if given != onWeekend {
			t.Fatalf("%d: %d days given back for %d holidays on weekends", year, given, onWeekend)
		}
		for _, h := range seasonHolidays(year, true, "") {
			if h.Date.Month > time.May {
				t.Fatalf("%d: spring holiday %s on %s", year, h.Name, h.Date)
			}
		}
	}
	for d := ymd("2020-01-01"); d.Before(ymd("2031-01-01")); d = d.AddDays(1) {
		for _, n := range []int{1, 5, -5} {
			got := s.AddWorkingDays(d, n)
			if !s.WorkingDay(got) || countWorking(s, d, got) != n {
				t.Fatalf("AddWorkingDays(%s, %d) = %s, %d working days away", d, n, got, countWorking(s, d, got))
			}
		}
	}
}

// statutoryCount is the number of public holidays the law in force gives in year, none of
// them falling on another (Giỗ Tổ is before 30/4 in 1900–2199).
func statutoryCount(year int) int {
	switch {
	case year >= 2021:
		return 11
	case year >= 2014:
		return 10
	case year >= 2007:
		return 9
	}
	return 8
}

// countWorking counts the working days after from up to to (before from down to to,
// negative, when to is earlier).
func countWorking(s Settings, from, to Date) int {
	n, step := 0, 1
	if to.Before(from) {
		step = -1
	}
	for d := from; d != to; {
		d = d.AddDays(step)
		if s.WorkingDay(d) {
			n += step
		}
	}
	return n
}

func TestLunarLabel(t *testing.T) {
	for d, want := range map[Date]string{
		ymd("2026-01-30"):         "12/12 ÂL",
		ymd("2026-02-17"):         "1/1 ÂL",
		ymd("2025-08-08"):         "15/6 nhuận ÂL",
		ymd("2026-11-27"):         "19/10 ÂL",
		{}:                        "",
		{2026, time.February, 30}: "",
	} {
		if got := LunarLabel(d); got != want {
			t.Errorf("LunarLabel(%s) = %q, want %q", d, got, want)
		}
	}
}

// BenchmarkMaterialsDue is the default materials day of a meeting after Tết.
func BenchmarkMaterialsDue(b *testing.B) {
	s := DefaultSettings()
	meeting := MustDate(2026, time.February, 23)
	for b.Loop() {
		if s.AddWorkingDays(meeting, -5) != MustDate(2026, time.February, 9) {
			b.Fatal("wrong day")
		}
	}
}

// BenchmarkPublicHolidays computes a year's public holidays.
func BenchmarkPublicHolidays(b *testing.B) {
	for b.Loop() {
		if len(PublicHolidays(2026)) != 12 {
			b.Fatal("wrong count")
		}
	}
}
