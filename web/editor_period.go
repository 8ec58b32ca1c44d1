package web

import (
	"strconv"

	"congtac"
)

// The period of a new program, picked as people name periods: the kind ("Tháng", "Quý" …),
// then the month, quarter, half or week in a select of its own ("Tháng 12", "Quý IV"), and
// the year. The form posts each kind's choice as number_<kind> (number_month …), and the
// handler reads the one of the kind posted unless number itself is posted, as scripts do:
// a page without JavaScript cannot leave out the selects of the other kinds. The page's
// style shows only the select of the kind chosen.

// numberedKinds are the kinds of period whose number the form asks for, in the order of
// the kind select; a year has none.
var numberedKinds = []congtac.PeriodKind{congtac.PeriodMonth, congtac.PeriodQuarter, congtac.PeriodHalf,
	congtac.PeriodWeek}

// periodNumberName is the name of the form's select of the number of a period of kind k:
// "number_month".
func periodNumberName(k congtac.PeriodKind) string { return "number_" + string(k) }

// periodNumberLabel names period number n of kind k as people write it: "Tháng 12",
// "Quý IV", "6 tháng đầu năm", "Tuần 50".
func periodNumberLabel(k congtac.PeriodKind, n int) string {
	switch k {
	case congtac.PeriodQuarter:
		return "Quý " + congtac.Roman(n)
	case congtac.PeriodHalf:
		return map[int]string{1: "6 tháng đầu năm", 2: "6 tháng cuối năm"}[n]
	case congtac.PeriodWeek:
		return "Tuần " + strconv.Itoa(n)
	}
	return "Tháng " + strconv.Itoa(n)
}

// periodCounts is how many periods of each numbered kind a year may have.
var periodCounts = map[congtac.PeriodKind]int{congtac.PeriodMonth: 12, congtac.PeriodQuarter: 4,
	congtac.PeriodHalf: 2, congtac.PeriodWeek: 53}

// numberFields returns the selects of the numbers of every numbered kind. The one of the
// form's kind shows the form's number and its message (under "number"); the others show
// the period of their kind that holds the first day of the form's period, or of today when
// the form's period cannot be read.
func (f programNewForm) numberFields(today congtac.Date) []field {
	ref := today
	if per, err := f.period(); err == nil {
		ref = per.Start()
	}
	chosenKind := congtac.PeriodKind(f.Kind)
	if periodCounts[chosenKind] == 0 {
		chosenKind = congtac.PeriodMonth // a message on the number shows by the month's select
	}
	out := make([]field, 0, len(numberedKinds))
	for _, k := range numberedKinds {
		chosen := strconv.Itoa(congtac.PeriodOf(k, ref).Number)
		key := periodNumberName(k)
		if k == congtac.PeriodKind(f.Kind) {
			chosen = f.Number
		}
		if k == chosenKind {
			key = "number"
		}
		opts := make([]option, periodCounts[k])
		for i := range opts {
			v := strconv.Itoa(i + 1)
			opts[i] = option{Value: v, Label: periodNumberLabel(k, i+1), Selected: v == chosen}
		}
		out = append(out, newField(f.Errors, field{Kind: fieldSelect, ID: "n-" + periodNumberName(k),
			Name: periodNumberName(k), Key: key, Label: periodKindLabel(k), Options: opts,
			Class: "period-number period-" + string(k)}))
	}
	return out
}

// period returns the period the form names, unchecked.
func (f programNewForm) period() (congtac.Period, error) {
	per := congtac.Period{Kind: congtac.PeriodKind(f.Kind)}
	var err error
	if per.Year, err = strconv.Atoi(f.Year); err != nil {
		return per, err
	}
	if per.Kind != congtac.PeriodYear {
		if per.Number, err = strconv.Atoi(f.Number); err != nil {
			return per, err
		}
	}
	return per, per.Validate()
}

// postedNumber returns the number of the period posted: field number when given (as
// scripts post it), else the select of the kind posted (as the page posts it).
func postedNumber(get func(string) string, kind string) string {
	if n := get("number"); n != "" {
		return n
	}
	return get(periodNumberName(congtac.PeriodKind(kind)))
}
