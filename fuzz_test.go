package congtac

import (
	"slices"
	"testing"
)

// The parsers either refuse their input with EINVALID or return a value whose canonical
// form parses back to the same value.

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2023-04-05", "2024-02-29", "2023-02-29", "", "2023-+4-05", "9999-12-31"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if ErrorCode(err) != EINVALID {
				t.Fatalf("ParseDate(%q) code %q", s, ErrorCode(err))
			}
			return
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q) = %v, which prints differently", s, d)
		}
	})
}

func FuzzParsePeriodKey(f *testing.F) {
	for _, s := range []string{"2023", "2023-H1", "2023-Q2", "2023-04", "2020-W53", "2023-", "2023-W54"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriodKey(s)
		if err != nil {
			if ErrorCode(err) != EINVALID {
				t.Fatalf("ParsePeriodKey(%q) code %q", s, ErrorCode(err))
			}
			return
		}
		if p.Key() != s || p.Validate() != nil || p.Start().After(p.End()) {
			t.Fatalf("ParsePeriodKey(%q) = %+v", s, p)
		}
	})
}

func FuzzParseRecurrence(f *testing.F) {
	for _, s := range []string{"FREQ=WEEKLY;BYDAY=TH", "FREQ=MONTHLY;BYDAY=-1FR;COUNT=12",
		"FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1", "FREQ=MONTHLY;INTERVAL=3;UNTIL=20251231T000000Z",
		"FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13"} {
		f.Add(s, int64(19450))
	}
	f.Fuzz(func(t *testing.T, s string, day int64) {
		start := dateOfDayNumber(int(day % 40000)) // 1860 to 2079
		r, err := ParseRecurrence(s, start)
		if err != nil {
			if ErrorCode(err) != EINVALID {
				t.Fatalf("ParseRecurrence(%q) code %q", s, ErrorCode(err))
			}
			return
		}
		again, err := ParseRecurrence(r.String(), start)
		if err != nil || again.String() != r.String() {
			t.Fatalf("ParseRecurrence(%q).String() = %q does not parse back: %v", s, r.String(), err)
		}
		to := start.AddMonths(30)
		got := r.Between(start, to)
		if !slices.IsSortedFunc(got, Date.Compare) || len(slices.Compact(slices.Clone(got))) != len(got) {
			t.Fatalf("%q: occurrences out of order or repeated: %v", s, got)
		}
		for _, d := range got {
			if d.Before(start) || d.After(to) || !d.valid() {
				t.Fatalf("%q: occurrence %v outside %v..%v", s, d, start, to)
			}
		}
		if !slices.Equal(got, referenceBetween(r, start, to)) {
			t.Fatalf("%q from %v: %v, reference %v", s, start, got, referenceBetween(r, start, to))
		}
	})
}
