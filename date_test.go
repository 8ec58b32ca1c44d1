package congtac

import (
	"encoding/json"
	"testing"
	"time"
)

func TestNewDate(t *testing.T) {
	tests := []struct {
		y    int
		m    time.Month
		d    int
		ok   bool
		name string
	}{
		{2023, time.April, 30, true, "30/4"},
		{2023, time.April, 31, false, "31/4 does not exist"},
		{2023, time.February, 29, false, "29/2/2023 not a leap year"},
		{2024, time.February, 29, true, "29/2/2024 leap year"},
		{2000, time.February, 29, true, "2000 is a leap year"},
		{1900, time.February, 29, false, "1900 is not a leap year"},
		{2023, time.January, 0, false, "day 0"},
		{2023, time.January, 32, false, "day 32"},
		{2023, 0, 1, false, "month 0"},
		{2023, 13, 1, false, "month 13"},
		{0, time.January, 1, false, "year 0"},
		{10000, time.January, 1, false, "year 10000"},
		{1, time.January, 1, true, "year 1"},
		{9999, time.December, 31, true, "year 9999"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := NewDate(tt.y, tt.m, tt.d)
			if tt.ok {
				if err != nil {
					t.Fatalf("NewDate(%d, %d, %d) error %v, want nil", tt.y, tt.m, tt.d, err)
				}
				if want := (Date{tt.y, tt.m, tt.d}); got != want {
					t.Errorf("got %v, want %v", got, want)
				}
				return
			}
			if ErrorCode(err) != EINVALID {
				t.Fatalf("NewDate(%d, %d, %d) code %q, want %q", tt.y, tt.m, tt.d, ErrorCode(err), EINVALID)
			}
			if !got.IsZero() {
				t.Errorf("got %v, want zero Date with the error", got)
			}
			checkVietnamese(t, err)
		})
	}
}

func TestMustDatePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MustDate(2023, 4, 31) did not panic")
		}
	}()
	MustDate(2023, time.April, 31)
}

func TestDaysIn(t *testing.T) {
	tests := []struct {
		y    int
		m    time.Month
		want int
	}{
		{2023, time.January, 31}, {2023, time.February, 28}, {2024, time.February, 29},
		{2100, time.February, 28}, {2000, time.February, 29}, {2023, time.April, 30},
		{2023, time.December, 31},
	}
	for _, tt := range tests {
		if got := DaysIn(tt.y, tt.m); got != tt.want {
			t.Errorf("DaysIn(%d, %d) = %d, want %d", tt.y, tt.m, got, tt.want)
		}
	}
}

func TestDateAddMonths(t *testing.T) {
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2023-01-31", 1, "2023-02-28"},
		{"2024-01-31", 1, "2024-02-29"},
		{"2023-03-31", -1, "2023-02-28"},
		{"2024-03-31", -1, "2024-02-29"},
		{"2023-01-31", 2, "2023-03-31"},
		{"2023-05-31", 1, "2023-06-30"},
		{"2023-12-15", 1, "2024-01-15"},
		{"2024-01-15", -1, "2023-12-15"},
		{"2023-11-30", 3, "2024-02-29"},
		{"2024-02-29", 12, "2025-02-28"},
		{"2024-02-29", -12, "2023-02-28"},
		{"2023-06-15", 0, "2023-06-15"},
		{"2023-06-15", -18, "2021-12-15"},
		{"2023-06-15", 120, "2033-06-15"},
	}
	for _, tt := range tests {
		if got := ymd(tt.from).AddMonths(tt.n); got != ymd(tt.want) {
			t.Errorf("%s.AddMonths(%d) = %v, want %s", tt.from, tt.n, got, tt.want)
		}
	}
}

func TestDateAddDays(t *testing.T) {
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2023-12-31", 1, "2024-01-01"},
		{"2024-02-28", 1, "2024-02-29"},
		{"2023-02-28", 1, "2023-03-01"},
		{"2024-01-01", -1, "2023-12-31"},
		{"2023-04-05", 0, "2023-04-05"},
		{"2023-01-01", 365, "2024-01-01"},
		{"2024-01-01", 366, "2025-01-01"},
	}
	for _, tt := range tests {
		if got := ymd(tt.from).AddDays(tt.n); got != ymd(tt.want) {
			t.Errorf("%s.AddDays(%d) = %v, want %s", tt.from, tt.n, got, tt.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	valid := []string{"2023-04-05", "2024-02-29", "0001-01-01", "9999-12-31", "2020-12-31"}
	for _, s := range valid {
		d, err := ParseDate(s)
		if err != nil {
			t.Errorf("ParseDate(%q) error %v", s, err)
			continue
		}
		if got := d.String(); got != s {
			t.Errorf("ParseDate(%q).String() = %q, want %q", s, got, s)
		}
	}
	if d, err := ParseDate(""); err != nil || !d.IsZero() {
		t.Errorf("ParseDate(\"\") = %v, %v; want zero Date, nil", d, err)
	}
	invalid := []string{
		"2023-02-29", "2023-04-31", "2023-13-01", "2023-00-10", "2023-01-00",
		"2023-4-5", "2023/04/05", "05/04/2023", "20230405", "2023-04-05T00:00",
		" 2023-04-05", "2023-04-05 ", "abcd-ef-gh", "2023-+4-05", "+202-04-05",
		"2023- 4-05", "2023-04-+5", "2023-04-0x", "-023-04-05", "2023-04-5x",
		"２０２３-04-05",
	}
	for _, s := range invalid {
		d, err := ParseDate(s)
		if ErrorCode(err) != EINVALID {
			t.Errorf("ParseDate(%q) = %v, %v; want EINVALID", s, d, err)
			continue
		}
		checkVietnamese(t, err)
	}
}

func TestDateString(t *testing.T) {
	tests := []struct {
		d    Date
		want string
	}{
		{Date{}, ""},
		{MustDate(2023, time.April, 5), "2023-04-05"},
		{MustDate(987, time.December, 31), "0987-12-31"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestISOWeeks(t *testing.T) {
	tests := []struct{ y, want int }{
		{2015, 53}, {2020, 53}, {2026, 53}, {2021, 52}, {2022, 52}, {2023, 52}, {2024, 52},
		{2025, 52}, {2032, 53}, {2037, 53},
	}
	for _, tt := range tests {
		if got := ISOWeeks(tt.y); got != tt.want {
			t.Errorf("ISOWeeks(%d) = %d, want %d", tt.y, got, tt.want)
		}
	}
}

func TestISOWeekStart(t *testing.T) {
	tests := []struct {
		y, w int
		want string
	}{
		{2026, 7, "2026-02-09"},
		{2026, 1, "2025-12-29"},
		{2020, 1, "2019-12-30"},
		{2020, 53, "2020-12-28"},
		{2021, 1, "2021-01-04"},
		{2023, 1, "2023-01-02"},
		{2023, 15, "2023-04-10"},
		{2024, 1, "2024-01-01"},
		{2027, 1, "2027-01-04"},
	}
	for _, tt := range tests {
		got := ISOWeekStart(tt.y, tt.w)
		if got != ymd(tt.want) {
			t.Errorf("ISOWeekStart(%d, %d) = %v, want %s", tt.y, tt.w, got, tt.want)
		}
		if got.Weekday() != time.Monday {
			t.Errorf("ISOWeekStart(%d, %d) is a %v, want Monday", tt.y, tt.w, got.Weekday())
		}
		if y, w := got.Time().ISOWeek(); y != tt.y || w != tt.w {
			t.Errorf("ISOWeekStart(%d, %d) is in ISO week %d-W%d", tt.y, tt.w, y, w)
		}
	}
}

func TestDateCompare(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"2023-04-05", "2023-04-05", 0},
		{"2023-04-05", "2023-04-06", -1},
		{"2023-04-06", "2023-04-05", 1},
		{"2023-04-30", "2023-05-01", -1},
		{"2023-12-31", "2024-01-01", -1},
		{"2024-01-01", "2023-12-31", 1},
		{"2023-02-01", "2023-01-31", 1},
	}
	for _, tt := range tests {
		a, b := ymd(tt.a), ymd(tt.b)
		if got := a.Compare(b); got != tt.want {
			t.Errorf("%s.Compare(%s) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := a.Before(b); got != (tt.want < 0) {
			t.Errorf("%s.Before(%s) = %v", tt.a, tt.b, got)
		}
		if got := a.After(b); got != (tt.want > 0) {
			t.Errorf("%s.After(%s) = %v", tt.a, tt.b, got)
		}
		if got := a == b; got != (tt.want == 0) {
			t.Errorf("%s == %s is %v", tt.a, tt.b, got)
		}
	}
	if got := (Date{}).Compare(ymd("0001-01-01")); got != -1 {
		t.Errorf("zero.Compare(0001-01-01) = %d, want -1", got)
	}
}

func TestDateDaysUntil(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"2023-04-05", "2023-04-05", 0},
		{"2023-04-05", "2023-04-06", 1},
		{"2023-04-06", "2023-04-05", -1},
		{"2023-02-01", "2023-03-01", 28},
		{"2024-02-01", "2024-03-01", 29},
		{"2023-01-01", "2024-01-01", 365},
		{"2024-01-01", "2025-01-01", 366},
		{"2023-12-31", "2023-01-01", -364},
		{"2000-01-01", "2100-01-01", 36525},
		{"0001-01-01", "9999-12-31", 3652058},
		{"9999-12-31", "0001-01-01", -3652058},
	}
	for _, tt := range tests {
		if got := ymd(tt.a).DaysUntil(ymd(tt.b)); got != tt.want {
			t.Errorf("%s.DaysUntil(%s) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestDateWeekday(t *testing.T) {
	tests := []struct {
		d    string
		want time.Weekday
	}{
		{"2023-04-21", time.Friday}, // the seed's regular meeting: Ngày 21/4/2023 (Thứ Sáu)
		{"2026-02-09", time.Monday},
		{"2024-02-29", time.Thursday},
	}
	for _, tt := range tests {
		if got := ymd(tt.d).Weekday(); got != tt.want {
			t.Errorf("%s.Weekday() = %v, want %v", tt.d, got, tt.want)
		}
	}
}

func TestDateOf(t *testing.T) {
	loc := Location()
	// 17:30 UTC on 31 December is already 1 January in Hà Nội (UTC+7).
	instant := time.Date(2023, time.December, 31, 17, 30, 0, 0, time.UTC)
	if got, want := DateOf(instant, loc), ymd("2024-01-01"); got != want {
		t.Errorf("DateOf(%v, ICT) = %v, want %v", instant, got, want)
	}
	if got, want := DateOf(instant, time.UTC), ymd("2023-12-31"); got != want {
		t.Errorf("DateOf(%v, UTC) = %v, want %v", instant, got, want)
	}
	at := ymd("2023-04-21").In(loc, 14, 0)
	if got, want := at.UTC(), time.Date(2023, time.April, 21, 7, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("In(ICT, 14, 0) = %v, want %v", got, want)
	}
}

func TestDateText(t *testing.T) {
	type doc struct {
		Due  Date `json:"due"`
		None Date `json:"none"`
	}
	in := doc{Due: ymd("2023-05-31")}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"due":"2023-05-31","none":""}`; got != want {
		t.Errorf("json = %s, want %s", got, want)
	}
	var out doc
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if out != in {
		t.Errorf("round trip = %+v, want %+v", out, in)
	}
	var d Date
	if err := d.UnmarshalText([]byte("2023-02-29")); ErrorCode(err) != EINVALID {
		t.Errorf("UnmarshalText(2023-02-29) error %v, want EINVALID", err)
	}
	if err := json.Unmarshal([]byte(`{"due":"31/5/2023"}`), &out); err == nil {
		t.Error("json.Unmarshal of 31/5/2023 succeeded, want an error")
	}
}

// TestDayArithmeticAgainstTime checks the calendar arithmetic of Date against package time
// over every day from 1899 to 2101 and at the ends of the range.
func TestDayArithmeticAgainstTime(t *testing.T) {
	check := func(d Date) {
		tm := d.Time()
		if got, want := d.Weekday(), tm.Weekday(); got != want {
			t.Fatalf("%v.Weekday() = %v, want %v", d, got, want)
		}
		for _, n := range []int{-400, -366, -31, -29, -1, 1, 27, 28, 29, 31, 365, 366, 1000} {
			want := DateOf(tm.AddDate(0, 0, n), time.UTC)
			if got := d.AddDays(n); got != want {
				t.Fatalf("%v.AddDays(%d) = %v, want %v", d, n, got, want)
			}
			if got := d.DaysUntil(want); got != n {
				t.Fatalf("%v.DaysUntil(%v) = %d, want %d", d, want, got, n)
			}
		}
	}
	for d := MustDate(1899, time.January, 1); d.Year < 2102; d = DateOf(d.Time().AddDate(0, 0, 1), time.UTC) {
		check(d)
	}
	for _, d := range []Date{MustDate(1, time.January, 1), MustDate(400, time.March, 1), MustDate(9999, time.December, 31)} {
		if got, want := d.Weekday(), d.Time().Weekday(); got != want {
			t.Errorf("%v.Weekday() = %v, want %v", d, got, want)
		}
	}
	// Dates off the calendar are normalised as package time does.
	odd := []Date{{2023, time.February, 30}, {}, {2023, 13, 1}}
	for _, d := range odd {
		if got, want := d.AddDays(1), DateOf(d.Time().AddDate(0, 0, 1), time.UTC); got != want {
			t.Errorf("%#v.AddDays(1) = %v, want %v", d, got, want)
		}
		if got, want := d.Weekday(), d.Time().Weekday(); got != want {
			t.Errorf("%#v.Weekday() = %v, want %v", d, got, want)
		}
	}
}
