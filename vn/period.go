package vn

import (
	"strconv"
	"time"

	"congtac"
)

// ParsePeriod finds the period a program title or heading names and returns it, with the
// further periods the same phrase names after "và" or a comma. It reads "tháng 4 năm 2023",
// "tháng 4/2023", "Quý II năm 2023", "quý 2/2023", "6 tháng đầu năm 2023", "năm 2023",
// "tuần 15 năm 2023" and "Tuần thứ 07 (từ ngày 09/02/2026 đến ngày 13/02/2026)" (the week
// containing the first day, which must be week 7). Text before the period is skipped, so a
// whole title or heading can be given: "NHIỆM VỤ TRỌNG TÂM THÁNG 4 VÀ QUÝ II NĂM 2023"
// gives month 4 of 2023 and also quarter II of 2023; a year written once serves the
// periods before it.
//
// Input is repaired and folded first, as for [ParseDue]. The error is a *congtac.Error
// with code EINVALID when no period is found, when its year is missing, or when it does
// not exist (month 13, week 54).
func ParsePeriod(s string) (congtac.Period, []congtac.Period, error) {
	p := newScanner(Repair(s))
	yearless := ""
	for start := range p.toks {
		p.pos = start
		ps, missing, err := p.periodList()
		switch {
		case err != nil:
			return congtac.Period{}, nil, err
		case missing != "" && yearless == "":
			yearless = missing
		case len(ps) > 0 && missing == "":
			return ps[0], ps[1:], nil
		}
	}
	if yearless != "" {
		return congtac.Period{}, nil, invalid("Kỳ “%s” không ghi năm.", yearless)
	}
	return congtac.Period{}, nil, invalid("Không tìm thấy kỳ (tuần, tháng, quý, 6 tháng, năm) trong “%s”.",
		excerpt(s))
}

// periodList reads periods joined by "và" or commas. When one of them has no year it
// returns the name of that period, so that the caller can look further; an error means
// that a period read cannot exist.
func (p *scanner) periodList() ([]congtac.Period, string, error) {
	var ps []congtac.Period
	for {
		per, ok, err := p.periodItem()
		if err != nil {
			return nil, "", err
		}
		if !ok {
			break
		}
		ps = append(ps, per)
		save := p.pos
		if _, ok := p.punct(",&+"); !ok && p.oneOf("va") == "" {
			break
		}
		if _, ok, _ := p.periodItem(); !ok {
			p.pos = save
			break
		}
		p.pos = save + 1 // the separator is one token
	}
	for i := len(ps) - 2; i >= 0; i-- {
		if ps[i].Year == 0 {
			ps[i].Year = ps[i+1].Year
		}
	}
	for _, per := range ps {
		if per.Year == 0 {
			return nil, periodName(per), nil
		}
		if err := per.Validate(); err != nil {
			return nil, "", err
		}
	}
	return ps, "", nil
}

// periodName names a period whose year may be missing, for messages.
func periodName(per congtac.Period) string {
	switch per.Kind {
	case congtac.PeriodMonth:
		return "tháng " + strconv.Itoa(per.Number)
	case congtac.PeriodQuarter:
		return "quý " + congtac.Roman(per.Number)
	case congtac.PeriodWeek:
		return "tuần " + strconv.Itoa(per.Number)
	case congtac.PeriodHalf:
		return [3]string{"", "6 tháng đầu năm", "6 tháng cuối năm"}[per.Number]
	}
	return "năm"
}

// periodItem reads one period; Year is 0 when the phrase leaves it to a later period.
func (p *scanner) periodItem() (congtac.Period, bool, error) {
	save := p.pos
	if w, ok := p.half(); ok {
		return congtac.Period{Kind: congtac.PeriodHalf, Year: w.year, Number: w.n}, true, nil
	}
	p.pos = save
	switch {
	case p.words("thang"):
		if t, ok := p.num(); ok && len(t.text) <= 2 {
			return congtac.Period{Kind: congtac.PeriodMonth, Number: t.num, Year: p.yearSuffix()}, true, nil
		}
	case p.words("quy"):
		if w := p.quarterRest(); !w.relative {
			return congtac.Period{Kind: congtac.PeriodQuarter, Number: w.n, Year: w.year}, true, nil
		}
	case p.words("tuan"):
		if per, ok, err := p.weekRest(); ok || err != nil {
			return per, ok, err
		}
	case p.words("nam"):
		if y := p.yearAfterNam(); y > 0 {
			return congtac.Period{Kind: congtac.PeriodYear, Year: y}, true, nil
		}
	}
	p.pos = save
	return congtac.Period{}, false, nil
}

// weekRest reads what follows "tuần": "thứ 07", "15 năm 2023", and optionally the dates
// "(từ ngày 09/02/2026 đến ngày 13/02/2026)", which give the year.
func (p *scanner) weekRest() (congtac.Period, bool, error) {
	per := congtac.Period{Kind: congtac.PeriodWeek}
	p.words("thu")
	if t, ok := p.num(); ok && len(t.text) <= 2 {
		per.Number, per.Year = t.num, p.yearSuffix()
	}
	save := p.pos
	p.skipPunct("(:,-")
	first, ok := p.weekDates()
	switch {
	case ok && per.Number != 0 && per.Number != first.number:
		return per, true, invalid("Tuần thứ %d không phải tuần có ngày đầu đã ghi (tuần thứ %d năm %d).",
			per.Number, first.number, first.year)
	case ok:
		per.Year, per.Number = first.year, first.number
	default:
		p.pos = save
	}
	return per, per.Number != 0, nil
}

// isoWeek is an ISO week number with its year.
type isoWeek struct{ year, number int }

// weekDates reads "từ ngày D/M[/Y] đến ngày D/M/Y" and returns the ISO week of the first
// day; a first day without a year takes the second's (the year before, across New Year).
func (p *scanner) weekDates() (isoWeek, bool) {
	p.words("tu")
	from, ok := p.dayDate()
	if !ok || from.unit != congtac.PrecisionDay {
		return isoWeek{}, false
	}
	save := p.pos
	if _, dash := p.punct("-"); dash || p.oneOf("den", "toi") != "" {
		if to, ok := p.dayDate(); ok && from.year == 0 {
			from.year = to.year
			if from.month*100+from.day > to.month*100+to.day {
				from.year-- // "từ ngày 29/12 đến ngày 02/01/2026"
			}
		}
	} else {
		p.pos = save
	}
	p.skipPunct(")")
	d, err := congtac.NewDate(from.year, time.Month(from.month), from.day)
	if err != nil {
		return isoWeek{}, false
	}
	y, w := d.Time().ISOWeek()
	return isoWeek{y, w}, true
}
