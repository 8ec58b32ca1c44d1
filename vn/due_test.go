package vn

import (
	"errors"
	"testing"
	"time"

	"congtac"
)

// ref is the start of the seed program's period, April 2023.
var ref = congtac.MustDate(2023, time.April, 1)

func TestParseDue(t *testing.T) {
	tests := []struct {
		in   string
		date string // ISO, "" for no date
		prec congtac.Precision
	}{
		// DOMAIN.md §5 and the seed.
		{"chậm nhất trong tháng 5/2023", "2023-05-31", congtac.PrecisionMonth},
		{"CHẬM NHẤT TRONG THÁNG 5/2023", "2023-05-31", congtac.PrecisionMonth},
		{"chậm nhất trong \ntháng 5/2023", "2023-05-31", congtac.PrecisionMonth},
		{"xong trong tháng 4/2023", "2023-04-30", congtac.PrecisionMonth},
		{"trong Quý II", "2023-06-30", congtac.PrecisionQuarter},
		{"trong Quý II/2023", "2023-06-30", congtac.PrecisionQuarter},
		{"6 tháng đầu năm", "2023-06-30", congtac.PrecisionHalf},
		{"ngay trong 6 tháng đầu năm", "2023-06-30", congtac.PrecisionHalf},
		{"trước ngày 15/11", "2023-11-14", congtac.PrecisionDay},
		{"Ngày 21/4/2023 (Thứ Sáu)", "2023-04-21", congtac.PrecisionDay},
		{"trong dịp nghỉ hè", "", congtac.PrecisionNone},
		// The brief's list.
		{"trong tháng 6", "2023-06-30", congtac.PrecisionMonth},
		{"Quý II/2023", "2023-06-30", congtac.PrecisionQuarter},
		{"quý 2 năm 2023", "2023-06-30", congtac.PrecisionQuarter},
		{"6 tháng cuối năm", "2023-12-31", congtac.PrecisionHalf},
		{"6 tháng cuối năm 2024", "2024-12-31", congtac.PrecisionHalf},
		{"nửa đầu năm 2024", "2024-06-30", congtac.PrecisionHalf},
		{"trong năm 2023", "2023-12-31", congtac.PrecisionYear},
		{"năm 2023", "2023-12-31", congtac.PrecisionYear},
		{"2024", "2024-12-31", congtac.PrecisionYear},
		{"ngày 21/4/2023", "2023-04-21", congtac.PrecisionDay},
		{"21/4/2023", "2023-04-21", congtac.PrecisionDay},
		{"21-4-2023", "2023-04-21", congtac.PrecisionDay},
		{"21.4.23", "2023-04-21", congtac.PrecisionDay},
		{"2023-04-21", "2023-04-21", congtac.PrecisionDay},
		{"ngày 05 tháng 4 năm 2023", "2023-04-05", congtac.PrecisionDay},
		{"chậm nhất ngày 30/4", "2023-04-30", congtac.PrecisionDay},
		{"Chậm nhất ngày 30/4/2023.", "2023-04-30", congtac.PrecisionDay},
		{"hoàn thành trước 30/6/2023", "2023-06-29", congtac.PrecisionDay},
		{"trước ngày 01/01/2024", "2023-12-31", congtac.PrecisionDay},
		{"trước tháng 5", "2023-04-30", congtac.PrecisionMonth},
		{"trước Quý III", "2023-06-30", congtac.PrecisionQuarter},
		{"trước năm 2024", "2023-12-31", congtac.PrecisionYear},
		{"tuần đầu tháng 5", "2023-05-07", congtac.PrecisionDay},
		{"tuần thứ 2 của tháng 5", "2023-05-14", congtac.PrecisionDay},
		{"tuần cuối tháng 5", "2023-05-31", congtac.PrecisionMonth},
		{"đầu tháng 5", "2023-05-10", congtac.PrecisionDay},
		{"giữa tháng 5", "2023-05-20", congtac.PrecisionDay},
		{"cuối tháng 5", "2023-05-31", congtac.PrecisionMonth},
		{"hết tháng 5/2023", "2023-05-31", congtac.PrecisionMonth},
		{"đầu quý III", "2023-07-31", congtac.PrecisionMonth},
		{"cuối quý II", "2023-06-30", congtac.PrecisionQuarter},
		{"giữa năm", "2023-06-30", congtac.PrecisionHalf},
		{"cuối năm", "2023-12-31", congtac.PrecisionYear},
		{"đầu năm 2024", "2024-03-31", congtac.PrecisionQuarter},
		{"trong tháng", "2023-04-30", congtac.PrecisionMonth},
		{"trong quý này", "2023-06-30", congtac.PrecisionQuarter},
		{"trong năm", "2023-12-31", congtac.PrecisionYear},
		{"5/2023", "2023-05-31", congtac.PrecisionMonth},
		{"từ ngày 15/4 đến ngày 30/4/2023", "2023-04-30", congtac.PrecisionDay},
		{"15/4 - 30/4/2023", "2023-04-30", congtac.PrecisionDay},
		{"thứ Sáu, ngày 21/4/2023", "2023-04-21", congtac.PrecisionDay},
		// The year: ref's, or the next when the deadline would end before ref.
		{"trong tháng 1", "2024-01-31", congtac.PrecisionMonth},
		{"trong tháng 4", "2023-04-30", congtac.PrecisionMonth},
		{"29/2", "2024-02-29", congtac.PrecisionDay},
		// Damaged, capitalised, unaccented and decomposed input.
		{"TRONG QUÝ II NĂM 2023", "2023-06-30", congtac.PrecisionQuarter},
		{"cham nhat trong thang 5/2023", "2023-05-31", congtac.PrecisionMonth},
		{"trong tha\u0301ng 5/2023", "2023-05-31", congtac.PrecisionMonth},
		{"6\u00a0tháng đầu năm", "2023-06-30", congtac.PrecisionHalf},
		// Vague: no date, no error.
		{"thường xuyên", "", congtac.PrecisionNone},
		{"kịp thời", "", congtac.PrecisionNone},
		{"ngay", "", congtac.PrecisionNone},
		{"trong 6 tháng", "", congtac.PrecisionNone},
		{"12/12 ÂL", "", congtac.PrecisionNone},
		{"rằm tháng Giêng âm lịch", "", congtac.PrecisionNone},
		{"tháng 4 và 4 tháng đầu năm", "", congtac.PrecisionNone},
	}
	for _, tt := range tests {
		got, err := ParseDue(tt.in, ref)
		if err != nil {
			t.Errorf("ParseDue(%q) error: %v", tt.in, err)
			continue
		}
		if got.Due.Date.String() != tt.date || got.Due.Precision != tt.prec {
			t.Errorf("ParseDue(%q) = %s %q, want %s %q", tt.in, got.Due.Date, got.Due.Precision, tt.date, tt.prec)
		}
		if want := Repair(tt.in); got.Due.Text != trimmed(want) {
			t.Errorf("ParseDue(%q).Due.Text = %q, want %q", tt.in, got.Due.Text, want)
		}
		if got.Recurrence != nil {
			t.Errorf("ParseDue(%q).Recurrence = %v, want nil", tt.in, got.Recurrence)
		}
		if err := got.Due.Validate(); err != nil {
			t.Errorf("ParseDue(%q).Due.Validate() = %v", tt.in, err)
		}
	}
}

func trimmed(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\n') {
		s = s[1:]
	}
	return s
}

func TestParseDueRecurring(t *testing.T) {
	tests := []struct {
		in, rule string
		part     congtac.DayPart
	}{
		{"từng tháng", "FREQ=MONTHLY;BYMONTHDAY=-1", ""},
		{"báo cáo UBND huyện từng tháng", "", ""}, // the duty is not part of the phrase
		{"theo từng tháng", "FREQ=MONTHLY;BYMONTHDAY=-1", ""},
		{"hằng tháng", "FREQ=MONTHLY;BYMONTHDAY=-1", ""},
		{"hàng tháng", "FREQ=MONTHLY;BYMONTHDAY=-1", ""},
		{"mỗi tháng", "FREQ=MONTHLY;BYMONTHDAY=-1", ""},
		{"định kỳ hằng tháng", "FREQ=MONTHLY;BYMONTHDAY=-1", ""},
		{"hằng tuần", "FREQ=WEEKLY;BYDAY=FR", ""},
		{"hàng tuần", "FREQ=WEEKLY;BYDAY=FR", ""},
		{"hằng quý", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1", ""},
		{"hằng năm", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1", ""},
		{"hằng ngày", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", ""},
		{"6 tháng một lần", "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1", ""},
		{"6 tháng/lần", "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1", ""},
		{"định kỳ 3 tháng", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1", ""},
		{"thứ Năm hằng tuần", "FREQ=WEEKLY;BYDAY=TH", ""},
		{"chiều thứ Năm hằng tuần", "FREQ=WEEKLY;BYDAY=TH", congtac.Afternoon},
		{"vào chiều thứ Năm hằng tuần", "FREQ=WEEKLY;BYDAY=TH", congtac.Afternoon},
		{"hằng tuần vào sáng thứ Hai", "FREQ=WEEKLY;BYDAY=MO", congtac.Morning},
		{"trước thứ Sáu hằng tuần", "FREQ=WEEKLY;BYDAY=TH", ""},
		{"thứ Sáu cuối tháng", "FREQ=MONTHLY;BYDAY=-1FR", ""},
		{"thứ Sáu tuần cuối cùng của tháng", "FREQ=MONTHLY;BYDAY=-1FR", ""},
		{"thứ Hai đầu tháng", "FREQ=MONTHLY;BYDAY=1MO", ""},
		{"thứ Ba tuần thứ 2 của tháng", "FREQ=MONTHLY;BYDAY=2TU", ""},
		{"ngày 25 hằng tháng", "FREQ=MONTHLY;BYMONTHDAY=25", ""},
		{"vào ngày 25 hàng tháng", "FREQ=MONTHLY;BYMONTHDAY=25", ""},
		{"trước ngày 25 hằng tháng", "FREQ=MONTHLY;BYMONTHDAY=24", ""},
		{"trước ngày 01 hằng tháng", "FREQ=MONTHLY;BYMONTHDAY=-1", ""},
		{"HẰNG TUẦN", "FREQ=WEEKLY;BYDAY=FR", ""},
		{"ngày 25 hằng tuần", "", ""}, // parts that do not fit: vague
		{"hằng tuần, hằng tháng", "", ""},
		{"thứ Hai thứ Ba hằng tuần", "", ""},
	}
	for _, tt := range tests {
		got, err := ParseDue(tt.in, ref)
		if err != nil {
			t.Errorf("ParseDue(%q) error: %v", tt.in, err)
			continue
		}
		rule := ""
		if got.Recurrence != nil {
			rule = got.Recurrence.String()
			if got.Recurrence.Start != ref {
				t.Errorf("ParseDue(%q).Recurrence.Start = %s, want %s", tt.in, got.Recurrence.Start, ref)
			}
		}
		if rule != tt.rule || got.Part != tt.part {
			t.Errorf("ParseDue(%q) = %q %q, want %q %q", tt.in, rule, got.Part, tt.rule, tt.part)
		}
		if !got.Due.IsVague() || got.Due.Text != tt.in {
			t.Errorf("ParseDue(%q).Due = %+v, want vague with the text", tt.in, got.Due)
		}
	}
}

func TestParseDueErrors(t *testing.T) {
	tests := []struct {
		in      string
		ref     congtac.Date
		message string
	}{
		{"31/4/2023", ref, "Ngày 31/4/2023 không có trên lịch."},
		{"30/2", ref, "Ngày 30/2/2023 không có trên lịch."},
		{"ngày 29/2/2023", ref, "Ngày 29/2/2023 không có trên lịch."},
		{"chậm nhất trong tháng 13/2023", ref, "Không có tháng 13: một năm có mười hai tháng."},
		{"Quý V/2023", ref, "Không có quý 5: một năm có bốn quý."},
		{"tuần thứ 6 tháng 5", ref, "Một tháng chỉ có từ tuần thứ 1 đến tuần thứ 5."},
		{"Ngày 21/4/2023 (Thứ Năm)", ref, "Ngày 21/4/2023 là thứ Sáu, không phải thứ Năm."},
		{"ngày 32 hằng tháng", ref, "Không có ngày 32 trong tháng."},
		{"năm 1800", ref, "Năm 1800 nằm ngoài khoảng 1900–9999."},
		{"trong tháng 5", congtac.Date{}, "Thời hạn không ghi năm mà chưa có ngày tham chiếu (kỳ của chương trình) để suy ra năm."},
		{"hằng tháng", congtac.Date{}, "Thời hạn lặp lại cần ngày bắt đầu (kỳ của chương trình) mà chưa có."},
	}
	for _, tt := range tests {
		got, err := ParseDue(tt.in, tt.ref)
		var e *congtac.Error
		if !errors.As(err, &e) || e.Code != congtac.EINVALID || e.Message != tt.message {
			t.Errorf("ParseDue(%q) error = %v, want EINVALID %q", tt.in, err, tt.message)
		}
		if got != (Deadline{}) {
			t.Errorf("ParseDue(%q) = %+v with error, want the zero Deadline", tt.in, got)
		}
	}
}

func TestParseDueNoRefWithYear(t *testing.T) {
	got, err := ParseDue("trong tháng 5/2023", congtac.Date{})
	if err != nil || got.Due.Date != congtac.MustDate(2023, time.May, 31) {
		t.Errorf("ParseDue without ref = %v, %v, want 2023-05-31", got.Due.Date, err)
	}
}

func TestParseDueEmpty(t *testing.T) {
	for _, in := range []string{"", "   ", "\u00a0"} {
		got, err := ParseDue(in, ref)
		if err != nil || got != (Deadline{}) {
			t.Errorf("ParseDue(%q) = %+v, %v, want the zero Deadline", in, got, err)
		}
	}
}
