package lunar

import (
	"fmt"
	"testing"
)

// reference is the solar date of Tết (1/1 ÂL) and the leap month (0 for none) of each lunar
// year from 1996 to 2035, as Vietnamese calendars print them: the tables of Hồ Ngọc Đức,
// “Âm lịch Việt Nam” (Lịch Việt Nam 1800–2199, informatik.uni-leipzig.de/~duc/amlich), the
// reference of Vietnamese lịch vạn niên, and for 2019–2026 the Tết days of the Government's
// yearly holiday notices. While writing this package every day from 1800 to 2199 was also
// compared with his tables: they agree from 1809 on (see the package comment).
//
// China's calendar (UTC+8) differs where a new moon falls between 23:00 and midnight in
// Hanoi: in this range Tết 2007 (China: 18 February) and Tết 2030 (China: 3 February).
var reference = []struct {
	year      int
	tet       string
	leapMonth int
}{
	{1996, "1996-02-19", 0}, {1997, "1997-02-07", 0}, {1998, "1998-01-28", 5},
	{1999, "1999-02-16", 0}, {2000, "2000-02-05", 0}, {2001, "2001-01-24", 4},
	{2002, "2002-02-12", 0}, {2003, "2003-02-01", 0}, {2004, "2004-01-22", 2},
	{2005, "2005-02-09", 0}, {2006, "2006-01-29", 7}, {2007, "2007-02-17", 0},
	{2008, "2008-02-07", 0}, {2009, "2009-01-26", 5}, {2010, "2010-02-14", 0},
	{2011, "2011-02-03", 0}, {2012, "2012-01-23", 4}, {2013, "2013-02-10", 0},
	{2014, "2014-01-31", 9}, {2015, "2015-02-19", 0}, {2016, "2016-02-08", 0},
	{2017, "2017-01-28", 6}, {2018, "2018-02-16", 0}, {2019, "2019-02-05", 0},
	{2020, "2020-01-25", 4}, {2021, "2021-02-12", 0}, {2022, "2022-02-01", 0},
	{2023, "2023-01-22", 2}, {2024, "2024-02-10", 0}, {2025, "2025-01-29", 6},
	{2026, "2026-02-17", 0}, {2027, "2027-02-06", 0}, {2028, "2028-01-26", 5},
	{2029, "2029-02-13", 0}, {2030, "2030-02-02", 0}, {2031, "2031-01-23", 3},
	{2032, "2032-02-11", 0}, {2033, "2033-01-31", 11}, {2034, "2034-02-19", 0},
	{2035, "2035-02-08", 0},
}

// vietnamOnly are the years before the reference range where Vietnam's calendar is known to
// part from China's.
var vietnamOnly = []struct {
	year      int
	tet       string
	leapMonth int
}{
	{1968, "1968-01-29", 7}, // Tết Mậu Thân; China and the South then: 30 January
	{1984, "1984-02-02", 0}, // China: leap month 10
	{1985, "1985-01-21", 2}, // China: Tết on 20 February, no leap month
	{1987, "1987-01-29", 7}, // China: leap month 6
}

func TestTetAndLeapMonths(t *testing.T) {
	if len(reference) < 30 {
		t.Fatalf("the reference covers %d years, want at least 30", len(reference))
	}
	for _, tt := range append(reference, vietnamOnly...) {
		y, m, d, ok := ToSolar(Date{Year: tt.year, Month: 1, Day: 1})
		if got := fmt.Sprintf("%04d-%02d-%02d", y, m, d); !ok || got != tt.tet {
			t.Errorf("Tết %d on %s (ok %v), want %s", tt.year, got, ok, tt.tet)
		}
		var ty, tm, td int
		fmt.Sscanf(tt.tet, "%d-%d-%d", &ty, &tm, &td)
		if got := FromSolar(ty, tm, td); got != (Date{Year: tt.year, Month: 1, Day: 1}) {
			t.Errorf("FromSolar(%s) = %+v, want 1/1/%d", tt.tet, got, tt.year)
		}
		if got := LeapMonth(tt.year); got != tt.leapMonth {
			t.Errorf("LeapMonth(%d) = %d, want %d", tt.year, got, tt.leapMonth)
		}
	}
}

// TestGioTo checks 10/3 ÂL, the Hùng Kings' commemoration, against the days off announced
// for it.
func TestGioTo(t *testing.T) {
	for year, want := range map[int]string{
		2007: "2007-04-26", 2012: "2012-03-31", 2016: "2016-04-16", 2017: "2017-04-06",
		2018: "2018-04-25", 2019: "2019-04-14", 2020: "2020-04-02", 2021: "2021-04-21",
		2022: "2022-04-10", 2023: "2023-04-29", 2024: "2024-04-18", 2025: "2025-04-07",
		2026: "2026-04-26",
	} {
		y, m, d, ok := ToSolar(Date{Year: year, Month: 3, Day: 10})
		if got := fmt.Sprintf("%04d-%02d-%02d", y, m, d); !ok || got != want {
			t.Errorf("10/3 ÂL %d is %s (ok %v), want %s", year, got, ok, want)
		}
	}
}

// TestSpotChecks are single days as Hồ Ngọc Đức's tables give them, leap months included.
func TestSpotChecks(t *testing.T) {
	for _, tt := range []struct {
		y, m, d int
		want    Date
	}{
		{2026, 11, 27, Date{2026, 10, 19, false}},
		{2026, 2, 16, Date{2025, 12, 29, false}}, // the last day of Ất Tỵ: 2026 has no “30 Tết”
		{2025, 7, 25, Date{2025, 6, 1, true}},    // first day of the leap sixth month
		{2025, 9, 6, Date{2025, 7, 15, false}},   // Rằm tháng Bảy
		{2023, 3, 22, Date{2023, 2, 1, true}},
		{2020, 5, 23, Date{2020, 4, 1, true}},
		{2033, 12, 22, Date{2033, 11, 1, true}},
		{2000, 1, 1, Date{1999, 11, 25, false}},
		{1975, 4, 30, Date{1975, 3, 20, false}},
		{2025, 8, 22, Date{2025, 6, 29, true}}, // the leap sixth month has 29 days
		{2025, 8, 23, Date{2025, 7, 1, false}},
		{1945, 9, 2, Date{1945, 7, 26, false}},
	} {
		if got := FromSolar(tt.y, tt.m, tt.d); got != tt.want {
			t.Errorf("FromSolar(%d-%02d-%02d) = %+v, want %+v", tt.y, tt.m, tt.d, got, tt.want)
		}
	}
}

// TestEveryDay walks every day of 1900–2100: the lunar date goes back to the same day, days
// follow each other within months of 29 or 30 days, and every year has 12 or 13 months with
// its leap month where LeapMonth says.
func TestEveryDay(t *testing.T) {
	prev := FromSolar(1899, 12, 31)
	months := 0
	for day := dayNumber(1900, 1, 1); day <= dayNumber(2100, 12, 31); day++ {
		y, m, d := civil(day)
		ld := FromSolar(y, m, d)
		if gy, gm, gd, ok := ToSolar(ld); !ok || gy != y || gm != m || gd != d {
			t.Fatalf("%d-%02d-%02d → %+v → %d-%02d-%02d (ok %v)", y, m, d, ld, gy, gm, gd, ok)
		}
		switch {
		case ld.Year == prev.Year && ld.Month == prev.Month && ld.Leap == prev.Leap && ld.Day == prev.Day+1:
		case ld.Day == 1 && (prev.Day == 29 || prev.Day == 30):
			if !nextMonth(prev, ld) {
				t.Fatalf("%d-%02d-%02d: month %+v follows %+v", y, m, d, ld, prev)
			}
			if ld.Month == 1 && !ld.Leap {
				if y > 1900 && (months < 12 || months > 13 || (months == 13) != (LeapMonth(prev.Year) != 0)) {
					t.Fatalf("lunar year %d has %d months, leap month %d", prev.Year, months, LeapMonth(prev.Year))
				}
				if md := m*100 + d; md < 121 || md > 220 {
					t.Fatalf("Tết %d on %d-%02d-%02d, outside 21/1–20/2", ld.Year, y, m, d)
				}
				months = 0
			}
			months++
		default:
			t.Fatalf("%d-%02d-%02d: %+v follows %+v", y, m, d, ld, prev)
		}
		if ld.Leap && LeapMonth(ld.Year) != ld.Month {
			t.Fatalf("%d-%02d-%02d is %+v, but LeapMonth(%d) = %d", y, m, d, ld, ld.Year, LeapMonth(ld.Year))
		}
		prev = ld
	}
}

// nextMonth reports whether month b follows month a: the leap month after its namesake, or
// the next number (1 after 12, in the next year).
func nextMonth(a, b Date) bool {
	switch {
	case b.Leap:
		return !a.Leap && b.Month == a.Month && b.Year == a.Year
	case a.Month == 12:
		return b.Month == 1 && b.Year == a.Year+1
	}
	return b.Month == a.Month+1 && b.Year == a.Year
}

func TestToSolarRefuses(t *testing.T) {
	for _, ld := range []Date{
		{2026, 0, 1, false}, {2026, 13, 1, false}, {2026, 1, 0, false}, {2026, 1, 31, false},
		{2025, 12, 30, false}, // Ất Tỵ's month 12 has 29 days
		{2026, 6, 1, true},    // 2026 has no leap month
		{2025, 5, 1, true},    // 2025's leap month is the sixth
	} {
		if y, m, d, ok := ToSolar(ld); ok {
			t.Errorf("ToSolar(%+v) = %d-%02d-%02d, want refused", ld, y, m, d)
		}
	}
}

func TestMonthDays(t *testing.T) {
	for _, tt := range []struct {
		year, month int
		leap        bool
		want        int
	}{
		{2025, 12, false, 29}, {2025, 6, true, 29}, {2025, 6, false, 30}, {2026, 1, false, 30},
		{2025, 1, false, 30}, {2025, 2, false, 29}, {2026, 6, true, 0}, {2026, 13, false, 0},
	} {
		if got := MonthDays(tt.year, tt.month, tt.leap); got != tt.want {
			t.Errorf("MonthDays(%d, %d, %v) = %d, want %d", tt.year, tt.month, tt.leap, got, tt.want)
		}
	}
}

func TestString(t *testing.T) {
	for _, tt := range []struct {
		d    Date
		want string
	}{
		{Date{2026, 12, 12, false}, "12/12 \u00c2L"},
		{Date{2025, 6, 15, true}, "15/6 nhu\u1eadn \u00c2L"},
		{Date{2026, 1, 1, false}, "1/1 \u00c2L"},
		{Date{}, ""},
	} {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.d, got, tt.want)
		}
	}
}

// BenchmarkFromSolarYear converts every day of a year.
func BenchmarkFromSolarYear(b *testing.B) {
	for b.Loop() {
		for d := 1; d <= 365; d++ {
			if FromSolar(2026, 1, d).Day == 0 {
				b.Fatal("no day")
			}
		}
	}
}

// BenchmarkToSolar finds the solar day of Giỗ Tổ.
func BenchmarkToSolar(b *testing.B) {
	for b.Loop() {
		if _, _, _, ok := ToSolar(Date{Year: 2026, Month: 3, Day: 10}); !ok {
			b.Fatal("no day")
		}
	}
}
