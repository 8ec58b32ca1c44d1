package congtac

import (
	"testing"
	"time"
)

func TestDueConstructors(t *testing.T) {
	tests := []struct {
		name string
		due  Due
		want Date
		prec Precision
		str  string
	}{
		{"on", DueOn(ymd("2023-04-05")), ymd("2023-04-05"), PrecisionDay, "05/04/2023"},
		{"on 15/11", DueOn(ymd("2023-11-15")), ymd("2023-11-15"), PrecisionDay, "15/11/2023"},
		{"month", DueInMonth(2023, time.May), ymd("2023-05-31"), PrecisionMonth, "tháng 5/2023"},
		{"feb leap", DueInMonth(2024, time.February), ymd("2024-02-29"), PrecisionMonth, "tháng 2/2024"},
		{"feb", DueInMonth(2023, time.February), ymd("2023-02-28"), PrecisionMonth, "tháng 2/2023"},
		{"april", DueInMonth(2023, time.April), ymd("2023-04-30"), PrecisionMonth, "tháng 4/2023"},
		{"q1", DueInQuarter(2023, 1), ymd("2023-03-31"), PrecisionQuarter, "quý I/2023"},
		{"q2", DueInQuarter(2023, 2), ymd("2023-06-30"), PrecisionQuarter, "quý II/2023"},
		{"q3", DueInQuarter(2023, 3), ymd("2023-09-30"), PrecisionQuarter, "quý III/2023"},
		{"q4", DueInQuarter(2023, 4), ymd("2023-12-31"), PrecisionQuarter, "quý IV/2023"},
		{"h1", DueInHalf(2023, 1), ymd("2023-06-30"), PrecisionHalf, "6 tháng đầu năm 2023"},
		{"h2", DueInHalf(2023, 2), ymd("2023-12-31"), PrecisionHalf, "6 tháng cuối năm 2023"},
		{"year", DueInYear(2023), ymd("2023-12-31"), PrecisionYear, "năm 2023"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.due.Date != tt.want || tt.due.Precision != tt.prec {
				t.Errorf("got %v %q, want %v %q", tt.due.Date, tt.due.Precision, tt.want, tt.prec)
			}
			if err := tt.due.Validate(); err != nil {
				t.Errorf("Validate() = %v", err)
			}
			if tt.due.IsVague() {
				t.Error("IsVague() = true")
			}
			if got := tt.due.String(); got != tt.str {
				t.Errorf("String() = %q, want %q", got, tt.str)
			}
		})
	}
}

func TestDueVague(t *testing.T) {
	d := Due{Text: "trong dịp nghỉ hè"}
	if !d.IsVague() {
		t.Error("IsVague() = false, want true")
	}
	if err := d.Validate(); err != nil {
		t.Errorf("Validate() = %v, want nil", err)
	}
	if got, want := d.String(), "trong dịp nghỉ hè"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got := (Due{}).String(); got != "" {
		t.Errorf("zero Due String() = %q, want empty", got)
	}
}

func TestDueValidate(t *testing.T) {
	tests := []struct {
		name string
		due  Due
		ok   bool
	}{
		{"zero", Due{}, true},
		{"vague text", Due{Text: "trong dịp nghỉ hè"}, true},
		{"day", Due{Date: ymd("2023-05-17"), Precision: PrecisionDay}, true},
		{"month end", Due{Date: ymd("2023-05-31"), Precision: PrecisionMonth}, true},
		{"month not end", Due{Date: ymd("2023-05-30"), Precision: PrecisionMonth}, false},
		{"feb 28 leap month", Due{Date: ymd("2024-02-28"), Precision: PrecisionMonth}, false},
		{"feb 29 leap month", Due{Date: ymd("2024-02-29"), Precision: PrecisionMonth}, true},
		{"quarter end", Due{Date: ymd("2023-09-30"), Precision: PrecisionQuarter}, true},
		{"month end not quarter end", Due{Date: ymd("2023-08-31"), Precision: PrecisionQuarter}, false},
		{"half end", Due{Date: ymd("2023-06-30"), Precision: PrecisionHalf}, true},
		{"quarter end not half end", Due{Date: ymd("2023-03-31"), Precision: PrecisionHalf}, false},
		{"second half", Due{Date: ymd("2023-12-31"), Precision: PrecisionHalf}, true},
		{"year end", Due{Date: ymd("2023-12-31"), Precision: PrecisionYear}, true},
		{"half end not year end", Due{Date: ymd("2023-06-30"), Precision: PrecisionYear}, false},
		{"precision without date", Due{Precision: PrecisionMonth}, false},
		{"date without precision", Due{Date: ymd("2023-05-31")}, false},
		{"unknown precision", Due{Date: ymd("2023-05-31"), Precision: "week"}, false},
		{"impossible day", Due{Date: Date{2023, time.April, 31}, Precision: PrecisionDay}, false},
		{"impossible month", Due{Date: Date{2023, 13, 31}, Precision: PrecisionMonth}, false},
		{"partial date", Due{Date: Date{Year: 2023}, Precision: PrecisionDay}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.due.Validate()
			if (err == nil) != tt.ok {
				t.Fatalf("Validate() = %v, want ok=%v", err, tt.ok)
			}
			if err != nil {
				if got := ErrorCode(err); got != EINVALID {
					t.Errorf("code %q, want %q", got, EINVALID)
				}
				if FieldErrors(err)["due"] == "" {
					t.Errorf("no message for field due: %v", err)
				}
				checkVietnamese(t, err)
			}
		})
	}
}

func TestPrecisionValid(t *testing.T) {
	for _, p := range []Precision{PrecisionDay, PrecisionMonth, PrecisionQuarter, PrecisionHalf, PrecisionYear, PrecisionNone} {
		if !p.Valid() {
			t.Errorf("%q.Valid() = false", p)
		}
	}
	for _, p := range []Precision{"week", "Day", " "} {
		if p.Valid() {
			t.Errorf("%q.Valid() = true", p)
		}
	}
}

func TestRoman(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{1, "I"}, {2, "II"}, {3, "III"}, {4, "IV"}, {5, "V"}, {9, "IX"}, {14, "XIV"},
		{40, "XL"}, {90, "XC"}, {400, "CD"}, {1994, "MCMXCIV"}, {2023, "MMXXIII"}, {3999, "MMMCMXCIX"},
		{0, "0"}, {-1, "-1"}, {4000, "4000"},
	}
	for _, tt := range tests {
		if got := Roman(tt.n); got != tt.want {
			t.Errorf("Roman(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
