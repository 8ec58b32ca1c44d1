package congtac

import (
	"testing"
	"time"
)

func TestPeriodSpan(t *testing.T) {
	tests := []struct {
		p          Period
		start, end string
		key, str   string
	}{
		{Period{PeriodYear, 2023, 0}, "2023-01-01", "2023-12-31", "2023", "năm 2023"},
		{Period{PeriodHalf, 2023, 1}, "2023-01-01", "2023-06-30", "2023-H1", "6 tháng đầu năm 2023"},
		{Period{PeriodHalf, 2023, 2}, "2023-07-01", "2023-12-31", "2023-H2", "6 tháng cuối năm 2023"},
		{Period{PeriodQuarter, 2023, 1}, "2023-01-01", "2023-03-31", "2023-Q1", "quý I năm 2023"},
		{Period{PeriodQuarter, 2023, 2}, "2023-04-01", "2023-06-30", "2023-Q2", "quý II năm 2023"},
		{Period{PeriodQuarter, 2023, 3}, "2023-07-01", "2023-09-30", "2023-Q3", "quý III năm 2023"},
		{Period{PeriodQuarter, 2023, 4}, "2023-10-01", "2023-12-31", "2023-Q4", "quý IV năm 2023"},
		{Period{PeriodMonth, 2023, 4}, "2023-04-01", "2023-04-30", "2023-04", "tháng 4 năm 2023"},
		{Period{PeriodMonth, 2023, 2}, "2023-02-01", "2023-02-28", "2023-02", "tháng 2 năm 2023"},
		{Period{PeriodMonth, 2024, 2}, "2024-02-01", "2024-02-29", "2024-02", "tháng 2 năm 2024"},
		{Period{PeriodMonth, 2023, 12}, "2023-12-01", "2023-12-31", "2023-12", "tháng 12 năm 2023"},
		{Period{PeriodWeek, 2023, 15}, "2023-04-10", "2023-04-16", "2023-W15", "tuần 15 năm 2023"},
		{Period{PeriodWeek, 2026, 7}, "2026-02-09", "2026-02-15", "2026-W07", "tuần 7 năm 2026"},
		{Period{PeriodWeek, 2020, 53}, "2020-12-28", "2021-01-03", "2020-W53", "tuần 53 năm 2020"},
		{Period{PeriodWeek, 2026, 1}, "2025-12-29", "2026-01-04", "2026-W01", "tuần 1 năm 2026"},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			if err := tt.p.Validate(); err != nil {
				t.Fatalf("Validate() = %v", err)
			}
			start, end := ymd(tt.start), ymd(tt.end)
			if got := tt.p.Start(); got != start {
				t.Errorf("Start() = %v, want %v", got, start)
			}
			if got := tt.p.End(); got != end {
				t.Errorf("End() = %v, want %v", got, end)
			}
			if got := tt.p.Key(); got != tt.key {
				t.Errorf("Key() = %q, want %q", got, tt.key)
			}
			if got := tt.p.String(); got != tt.str {
				t.Errorf("String() = %q, want %q", got, tt.str)
			}
			back, err := ParsePeriodKey(tt.key)
			if err != nil || back != tt.p {
				t.Errorf("ParsePeriodKey(%q) = %+v, %v; want %+v", tt.key, back, err, tt.p)
			}
			contains := []struct {
				d    Date
				want bool
			}{
				{start.AddDays(-1), false}, {start, true}, {end, true}, {end.AddDays(1), false},
			}
			for _, c := range contains {
				if got := tt.p.Contains(c.d); got != c.want {
					t.Errorf("Contains(%v) = %v, want %v", c.d, got, c.want)
				}
				if c.want {
					if got := PeriodOf(tt.p.Kind, c.d); got != tt.p {
						t.Errorf("PeriodOf(%s, %v) = %+v, want %+v", tt.p.Kind, c.d, got, tt.p)
					}
				}
			}
			// Next and Prev tile the calendar: no gap, no overlap.
			if got := tt.p.Next().Start(); got != end.AddDays(1) {
				t.Errorf("Next().Start() = %v, want %v", got, end.AddDays(1))
			}
			if got := tt.p.Prev().End(); got != start.AddDays(-1) {
				t.Errorf("Prev().End() = %v, want %v", got, start.AddDays(-1))
			}
			if got := tt.p.Next().Prev(); got != tt.p {
				t.Errorf("Next().Prev() = %+v, want %+v", got, tt.p)
			}
		})
	}
}

func TestPeriodNextPrev(t *testing.T) {
	tests := []struct {
		p, next Period
	}{
		{Period{PeriodYear, 2023, 0}, Period{PeriodYear, 2024, 0}},
		{Period{PeriodHalf, 2023, 1}, Period{PeriodHalf, 2023, 2}},
		{Period{PeriodHalf, 2023, 2}, Period{PeriodHalf, 2024, 1}},
		{Period{PeriodQuarter, 2023, 3}, Period{PeriodQuarter, 2023, 4}},
		{Period{PeriodQuarter, 2023, 4}, Period{PeriodQuarter, 2024, 1}},
		{Period{PeriodMonth, 2023, 11}, Period{PeriodMonth, 2023, 12}},
		{Period{PeriodMonth, 2023, 12}, Period{PeriodMonth, 2024, 1}},
		{Period{PeriodWeek, 2023, 51}, Period{PeriodWeek, 2023, 52}},
		{Period{PeriodWeek, 2023, 52}, Period{PeriodWeek, 2024, 1}},
		{Period{PeriodWeek, 2020, 52}, Period{PeriodWeek, 2020, 53}},
		{Period{PeriodWeek, 2020, 53}, Period{PeriodWeek, 2021, 1}},
		{Period{PeriodWeek, 2026, 53}, Period{PeriodWeek, 2027, 1}},
		{Period{PeriodWeek, 2025, 52}, Period{PeriodWeek, 2026, 1}},
	}
	for _, tt := range tests {
		if got := tt.p.Next(); got != tt.next {
			t.Errorf("%s.Next() = %s, want %s", tt.p.Key(), got.Key(), tt.next.Key())
		}
		if got := tt.next.Prev(); got != tt.p {
			t.Errorf("%s.Prev() = %s, want %s", tt.next.Key(), got.Key(), tt.p.Key())
		}
	}
}

func TestPeriodWalkYears(t *testing.T) {
	// Walking forward from 2019 to 2028 by every kind visits each day exactly once.
	for _, kind := range []PeriodKind{PeriodYear, PeriodHalf, PeriodQuarter, PeriodMonth, PeriodWeek} {
		p := PeriodOf(kind, ymd("2019-01-01"))
		day := p.Start()
		for range 1000 {
			if err := p.Validate(); err != nil {
				t.Fatalf("%s: %s does not validate: %v", kind, p.Key(), err)
			}
			if p.Start() != day {
				t.Fatalf("%s: %s starts %v, want %v", kind, p.Key(), p.Start(), day)
			}
			day = p.End().AddDays(1)
			p = p.Next()
			if p.Start().Year > 2028 {
				break
			}
		}
	}
}

func TestPeriodOf(t *testing.T) {
	tests := []struct {
		kind PeriodKind
		d    string
		want string
	}{
		{PeriodYear, "2023-07-15", "2023"},
		{PeriodHalf, "2023-06-30", "2023-H1"},
		{PeriodHalf, "2023-07-01", "2023-H2"},
		{PeriodQuarter, "2023-03-31", "2023-Q1"},
		{PeriodQuarter, "2023-04-01", "2023-Q2"},
		{PeriodQuarter, "2023-12-31", "2023-Q4"},
		{PeriodMonth, "2023-04-30", "2023-04"},
		{PeriodWeek, "2021-01-03", "2020-W53"}, // a Sunday in 2021 belongs to 2020's week 53
		{PeriodWeek, "2024-12-30", "2025-W01"}, // a Monday in 2024 belongs to 2025's week 1
		{PeriodWeek, "2026-02-13", "2026-W07"},
	}
	for _, tt := range tests {
		if got := PeriodOf(tt.kind, ymd(tt.d)).Key(); got != tt.want {
			t.Errorf("PeriodOf(%s, %s) = %s, want %s", tt.kind, tt.d, got, tt.want)
		}
	}
}

func TestPeriodValidate(t *testing.T) {
	tests := []struct {
		p  Period
		ok bool
	}{
		{Period{PeriodYear, 2023, 0}, true},
		{Period{PeriodYear, 2023, 1}, false},
		{Period{PeriodHalf, 2023, 0}, false},
		{Period{PeriodHalf, 2023, 3}, false},
		{Period{PeriodQuarter, 2023, 4}, true},
		{Period{PeriodQuarter, 2023, 5}, false},
		{Period{PeriodQuarter, 2023, -1}, false},
		{Period{PeriodMonth, 2023, 12}, true},
		{Period{PeriodMonth, 2023, 13}, false},
		{Period{PeriodMonth, 2023, 0}, false},
		{Period{PeriodWeek, 2020, 53}, true},
		{Period{PeriodWeek, 2023, 53}, false},
		{Period{PeriodWeek, 2023, 0}, false},
		{Period{PeriodWeek, 2023, 54}, false},
		{Period{"day", 2023, 1}, false},
		{Period{"", 2023, 0}, false},
		{Period{PeriodYear, 0, 0}, false},
		{Period{PeriodYear, 1899, 0}, false},
		{Period{PeriodYear, 10000, 0}, false},
		{Period{}, false},
	}
	for _, tt := range tests {
		err := tt.p.Validate()
		if (err == nil) != tt.ok {
			t.Errorf("%+v.Validate() = %v, want ok=%v", tt.p, err, tt.ok)
		}
		if err != nil {
			if got := ErrorCode(err); got != EINVALID {
				t.Errorf("%+v.Validate() code %q, want %q", tt.p, got, EINVALID)
			}
			if got := FieldErrors(err)["period"]; got == "" {
				t.Errorf("%+v.Validate() has no message for field period", tt.p)
			}
			checkVietnamese(t, err)
		}
	}
}

func TestParsePeriodKeyRejects(t *testing.T) {
	bad := []string{
		"", "abc", "2023-", "-2023", "2023-13", "2023-00", "2023-Q5", "2023-Q0", "2023-Q",
		"2023-H3", "2023-H0", "2023-W54", "2023-W53", "2023-W00", "2023-W", "2023-X1",
		"23-04", "02023", "2023-4", "2023-Q02", "2023-W7", "2023-+4", "2023--4", "2023-04-01",
		"2023-q2", "2023 ", " 2023", "1899", "2023-Q2x", "2023-0x",
	}
	for _, s := range bad {
		p, err := ParsePeriodKey(s)
		if err == nil {
			t.Errorf("ParsePeriodKey(%q) = %+v, want an error", s, p)
			continue
		}
		if got := ErrorCode(err); got != EINVALID {
			t.Errorf("ParsePeriodKey(%q) code %q, want %q", s, got, EINVALID)
		}
		checkVietnamese(t, err)
	}
}

func TestParsePeriodKeyRoundTrip(t *testing.T) {
	for y := 2019; y <= 2027; y++ {
		ps := []Period{{PeriodYear, y, 0}}
		for n := 1; n <= 2; n++ {
			ps = append(ps, Period{PeriodHalf, y, n})
		}
		for n := 1; n <= 4; n++ {
			ps = append(ps, Period{PeriodQuarter, y, n})
		}
		for n := 1; n <= 12; n++ {
			ps = append(ps, Period{PeriodMonth, y, n})
		}
		for n := 1; n <= ISOWeeks(y); n++ {
			ps = append(ps, Period{PeriodWeek, y, n})
		}
		for _, p := range ps {
			got, err := ParsePeriodKey(p.Key())
			if err != nil || got != p {
				t.Errorf("ParsePeriodKey(%q) = %+v, %v; want %+v", p.Key(), got, err, p)
			}
		}
	}
}

func TestPeriodZeroDoesNotPanic(t *testing.T) {
	for _, kind := range []PeriodKind{PeriodYear, PeriodHalf, PeriodQuarter, PeriodMonth, PeriodWeek} {
		p := Period{Kind: kind}
		_ = p.Start()
		_ = p.End()
		_ = p.Key()
		_ = p.String()
		_ = p.Contains(MustDate(2023, time.April, 1))
	}
}
