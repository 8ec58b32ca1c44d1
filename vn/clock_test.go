package vn

import (
	"errors"
	"strings"
	"testing"

	"congtac"
)

func TestParseClock(t *testing.T) {
	tests := []struct {
		in   string
		want congtac.ClockTime
		part congtac.DayPart
	}{
		{"7 giờ 30 phút", congtac.At(7, 30), congtac.Morning},
		{"7 giờ 30’", congtac.At(7, 30), congtac.Morning},
		{"7 giờ 30'", congtac.At(7, 30), congtac.Morning},
		{"7h30", congtac.At(7, 30), congtac.Morning},
		{"07h30", congtac.At(7, 30), congtac.Morning},
		{"7g30", congtac.At(7, 30), congtac.Morning},
		{"7:30", congtac.At(7, 30), congtac.Morning},
		{"7 GIỜ 30", congtac.At(7, 30), congtac.Morning},
		{"7 giờ rưỡi", congtac.At(7, 30), congtac.Morning},
		{"8 giờ kém 15", congtac.At(7, 45), congtac.Morning},
		{"14 giờ", congtac.At(14, 0), congtac.Afternoon},
		{"14h", congtac.At(14, 0), congtac.Afternoon},
		{"14h00", congtac.At(14, 0), congtac.Afternoon},
		{"14 giờ 00", congtac.At(14, 0), congtac.Afternoon},
		{"8 giờ sáng", congtac.At(8, 0), congtac.Morning},
		{"2 giờ chiều", congtac.At(14, 0), congtac.Afternoon},
		{"12 giờ trưa", congtac.At(12, 0), congtac.Afternoon},
		{"7 giờ tối", congtac.At(19, 0), congtac.Evening},
		{"12 giờ đêm", congtac.At(0, 0), congtac.Morning},
		{"sáng 7h30", congtac.At(7, 30), congtac.Morning},
		{"Chiều: 14 giờ 00", congtac.At(14, 0), congtac.Afternoon},
		{"vào lúc 14 giờ 00 phút", congtac.At(14, 0), congtac.Afternoon},
		{"7h30 - 11h30", congtac.At(7, 30), congtac.Morning},
		{"từ 14 giờ đến 17 giờ", congtac.At(14, 0), congtac.Afternoon},
		{"sáng", congtac.NoTime, congtac.Morning},
		{"buổi sáng", congtac.NoTime, congtac.Morning},
		{"Chiều", congtac.NoTime, congtac.Afternoon},
		{"tối", congtac.NoTime, congtac.Evening},
		{"cả ngày", congtac.NoTime, congtac.AllDay},
		{"Cả ngày", congtac.NoTime, congtac.AllDay},
		{"", congtac.NoTime, ""},
	}
	for _, tt := range tests {
		got, part, err := ParseClock(tt.in)
		if err != nil || got != tt.want || part != tt.part {
			t.Errorf("ParseClock(%q) = %d %q %v, want %d %q", tt.in, got, part, err, tt.want, tt.part)
		}
	}
}

func TestParseClockErrors(t *testing.T) {
	tests := []struct{ in, message string }{
		{"abc", "Không hiểu giờ “abc”: hãy ghi như “7 giờ 30”, “14h00” hoặc “chiều”."},
		{"7", "Không hiểu giờ “7”: hãy ghi như “7 giờ 30”, “14h00” hoặc “chiều”."},
		{"25 giờ", "Không có giờ 25:00 trong ngày."},
		{"7 giờ 75", "Không có giờ 7:75 trong ngày."},
		{"14 giờ sáng", "14 giờ không thuộc buổi sáng."},
		{"9 giờ chiều", "9 giờ không thuộc buổi chiều."},
		{"cả ngày 8 giờ", "Đã ghi cả ngày thì không ghi giờ."},
		{"sáng 3 giờ chiều", "Không hiểu giờ “sáng 3 giờ chiều”: hãy ghi như “7 giờ 30”, “14h00” hoặc “chiều”."},
	}
	for _, tt := range tests {
		got, _, err := ParseClock(tt.in)
		var e *congtac.Error
		if !errors.As(err, &e) || e.Code != congtac.EINVALID || e.Message != tt.message {
			t.Errorf("ParseClock(%q) error = %v, want EINVALID %q", tt.in, err, tt.message)
		}
		if got != congtac.NoTime {
			t.Errorf("ParseClock(%q) = %d with an error, want NoTime", tt.in, got)
		}
	}
}

func TestParseClockLongInput(t *testing.T) {
	_, _, err := ParseClock("giờ" + strings.Repeat(" rất", 20))
	want := "Không hiểu giờ “giờ" + strings.Repeat(" rất", 14) + "…”: hãy ghi như “7 giờ 30”, “14h00” hoặc “chiều”."
	if got := congtac.ErrorMessage(err); got != want {
		t.Errorf("ParseClock(long) message = %q, want %q", got, want)
	}
}
