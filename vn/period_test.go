package vn

import (
	"errors"
	"slices"
	"testing"

	"congtac"
)

func TestParsePeriod(t *testing.T) {
	month := func(y, n int) congtac.Period { return congtac.Period{Kind: congtac.PeriodMonth, Year: y, Number: n} }
	quarter := func(y, n int) congtac.Period { return congtac.Period{Kind: congtac.PeriodQuarter, Year: y, Number: n} }
	tests := []struct {
		in   string
		want congtac.Period
		also []congtac.Period
	}{
		{"tháng 4 năm 2023", month(2023, 4), nil},
		{"tháng 4/2023", month(2023, 4), nil},
		{"tháng 04-2023", month(2023, 4), nil},
		{"Quý II năm 2023", quarter(2023, 2), nil},
		{"quý 2/2023", quarter(2023, 2), nil},
		{"6 tháng đầu năm 2023", congtac.Period{Kind: congtac.PeriodHalf, Year: 2023, Number: 1}, nil},
		{"6 tháng cuối năm 2023", congtac.Period{Kind: congtac.PeriodHalf, Year: 2023, Number: 2}, nil},
		{"năm 2023", congtac.Period{Kind: congtac.PeriodYear, Year: 2023}, nil},
		{"tuần 15 năm 2023", congtac.Period{Kind: congtac.PeriodWeek, Year: 2023, Number: 15}, nil},
		{"Tuần thứ 07 (từ ngày 09/02/2026 đến ngày 13/02/2026)",
			congtac.Period{Kind: congtac.PeriodWeek, Year: 2026, Number: 7}, nil},
		{"lịch công tác tuần từ ngày 29/12 đến ngày 02/01/2026",
			congtac.Period{Kind: congtac.PeriodWeek, Year: 2026, Number: 1}, nil},
		{"tháng 4 và Quý II năm 2023", month(2023, 4), []congtac.Period{quarter(2023, 2)}},
		{"NHIỆM VỤ TRỌNG TÂM THÁNG 4 VÀ QUÝ II NĂM 2023", month(2023, 4), []congtac.Period{quarter(2023, 2)}},
		{"Công tác của UBND huyện tháng 4 năm 2023", month(2023, 4), nil},
		{"tháng 4, tháng 5 và tháng 6/2023", month(2023, 4), []congtac.Period{month(2023, 5), month(2023, 6)}},
		{"CHƢƠNG TRÌNH CÔNG TÁC THÁNG 4 NĂM 2023", month(2023, 4), nil},
	}
	for _, tt := range tests {
		got, also, err := ParsePeriod(tt.in)
		if err != nil {
			t.Errorf("ParsePeriod(%q) error: %v", tt.in, err)
			continue
		}
		if got != tt.want || !slices.Equal(also, tt.also) {
			t.Errorf("ParsePeriod(%q) = %v %v, want %v %v", tt.in, got, also, tt.want, tt.also)
		}
	}
}

func TestParsePeriodErrors(t *testing.T) {
	tests := []struct{ in, message string }{
		{"tháng 4", "Kỳ “tháng 4” không ghi năm."},
		{"không có gì", "Không tìm thấy kỳ (tuần, tháng, quý, 6 tháng, năm) trong “không có gì”."},
		{"", "Không tìm thấy kỳ (tuần, tháng, quý, 6 tháng, năm) trong “”."},
		{"tháng 13 năm 2023", "Số thứ tự kỳ 13 không hợp lệ."},
		{"tuần 54 năm 2023", "Năm 2023 không có tuần thứ 54."},
		{"Quý V/2023", "Số thứ tự kỳ 5 không hợp lệ."},
		{"Tuần thứ 08 (từ ngày 09/02/2026 đến ngày 13/02/2026)",
			"Tuần thứ 8 không phải tuần có ngày đầu đã ghi (tuần thứ 7 năm 2026)."},
	}
	for _, tt := range tests {
		_, _, err := ParsePeriod(tt.in)
		var e *congtac.Error
		if !errors.As(err, &e) || e.Code != congtac.EINVALID || e.Message != tt.message {
			t.Errorf("ParsePeriod(%q) error = %v, want EINVALID %q", tt.in, err, tt.message)
		}
	}
}

func TestParsePeriodHalfWithoutYear(t *testing.T) {
	_, _, err := ParsePeriod("6 tháng đầu năm")
	var e *congtac.Error
	if want := "Kỳ “6 tháng đầu năm” không ghi năm."; !errors.As(err, &e) || e.Message != want {
		t.Errorf("ParsePeriod(\"6 tháng đầu năm\") error = %v, want %q", err, want)
	}
}
