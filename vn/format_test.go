package vn

import (
	"testing"
	"time"

	"congtac"
)

func TestDateLine(t *testing.T) {
	tests := []struct {
		place string
		d     congtac.Date
		want  string
	}{
		{"Lục Ngạn", congtac.MustDate(2023, 4, 5), "Lục Ngạn, ngày 05 tháng 4 năm 2023"},
		{"Hà Nội", congtac.MustDate(2020, 1, 5), "Hà Nội, ngày 05 tháng 01 năm 2020"},
		{"Hà Nội", congtac.MustDate(2020, 2, 29), "Hà Nội, ngày 29 tháng 02 năm 2020"},
		{"Hà Nội", congtac.MustDate(2020, 3, 10), "Hà Nội, ngày 10 tháng 3 năm 2020"},
		{"Hà Nội", congtac.MustDate(2020, 12, 31), "Hà Nội, ngày 31 tháng 12 năm 2020"},
		{"", congtac.MustDate(2023, 4, 21), "ngày 21 tháng 4 năm 2023"},
		{"Lục Ngạn", congtac.Date{Year: 2023}, "Lục Ngạn, ngày      tháng      năm 2023"},
		{"Lục Ngạn", congtac.Date{Year: 2023, Month: 4}, "Lục Ngạn, ngày      tháng 4 năm 2023"},
		{"Lục Ngạn", congtac.Date{}, "Lục Ngạn, ngày      tháng      năm     "},
		{"Lu\u0323c Nga\u0323n", congtac.MustDate(2023, 4, 5), "Lục Ngạn, ngày 05 tháng 4 năm 2023"},
	}
	for _, tt := range tests {
		if got := DateLine(tt.place, tt.d); got != tt.want {
			t.Errorf("DateLine(%q, %v) = %q, want %q", tt.place, tt.d, got, tt.want)
		}
	}
}

func TestShortAndPaddedDate(t *testing.T) {
	tests := []struct {
		d             congtac.Date
		short, padded string
	}{
		{congtac.MustDate(2023, 4, 21), "21/4/2023", "21/04/2023"},
		{congtac.MustDate(2023, 12, 5), "5/12/2023", "05/12/2023"},
		{congtac.Date{}, "", ""},
	}
	for _, tt := range tests {
		if got := ShortDate(tt.d); got != tt.short {
			t.Errorf("ShortDate(%v) = %q, want %q", tt.d, got, tt.short)
		}
		if got := PaddedDate(tt.d); got != tt.padded {
			t.Errorf("PaddedDate(%v) = %q, want %q", tt.d, got, tt.padded)
		}
	}
}

func TestWeekday(t *testing.T) {
	heading := []string{"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"}
	sentence := []string{"Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"}
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		if got := Weekday(wd); got != heading[wd] {
			t.Errorf("Weekday(%v) = %q, want %q", wd, got, heading[wd])
		}
		if got := WeekdayInSentence(wd); got != sentence[wd] {
			t.Errorf("WeekdayInSentence(%v) = %q, want %q", wd, got, sentence[wd])
		}
	}
	for _, wd := range []time.Weekday{-1, 7} {
		if got := Weekday(wd) + WeekdayInSentence(wd); got != "" {
			t.Errorf("Weekday(%d) = %q, want \"\"", wd, got)
		}
	}
}

func TestWeekHeading(t *testing.T) {
	tests := []struct {
		p    congtac.Period
		want string
	}{
		{congtac.Period{Kind: congtac.PeriodWeek, Year: 2026, Number: 7},
			"Tuần thứ 07 (từ ngày 09/02/2026 đến ngày 15/02/2026)"},
		{congtac.Period{Kind: congtac.PeriodWeek, Year: 2026, Number: 50},
			"Tuần thứ 50 (từ ngày 07/12/2026 đến ngày 13/12/2026)"},
		{congtac.Period{Kind: congtac.PeriodWeek, Year: 2026, Number: 1},
			"Tuần thứ 01 (từ ngày 29/12/2025 đến ngày 04/01/2026)"},
		{congtac.Period{Kind: congtac.PeriodWeek, Year: 2023, Number: 15},
			"Tuần thứ 15 (từ ngày 10/04/2023 đến ngày 16/04/2023)"},
		{congtac.Period{Kind: congtac.PeriodMonth, Year: 2023, Number: 4}, "tháng 4 năm 2023"},
	}
	for _, tt := range tests {
		if got := WeekHeading(tt.p); got != tt.want {
			t.Errorf("WeekHeading(%v) = %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestFormatClock(t *testing.T) {
	tests := []struct {
		t    congtac.ClockTime
		want string
	}{
		{congtac.At(7, 30), "7 giờ 30"},
		{congtac.At(14, 0), "14 giờ 00"},
		{congtac.At(0, 5), "0 giờ 05"},
		{congtac.NoTime, ""},
		{congtac.ClockTime(24 * 60), ""},
	}
	for _, tt := range tests {
		if got := FormatClock(tt.t); got != tt.want {
			t.Errorf("FormatClock(%d) = %q, want %q", tt.t, got, tt.want)
		}
		if tt.want == "" {
			continue
		}
		if back, _, err := ParseClock(tt.want); err != nil || back != tt.t {
			t.Errorf("ParseClock(FormatClock(%d)) = %d, %v, want %d", tt.t, back, err, tt.t)
		}
	}
}

func TestOneDecimal(t *testing.T) {
	for x, want := range map[float64]string{57.142: "57,1", 100: "100", 0: "0", 44.44: "44,4", 99.96: "100"} {
		if got := OneDecimal(x); got != want {
			t.Errorf("OneDecimal(%v) = %q, want %q", x, got, want)
		}
	}
}
