package vn

import "congtac"

// when is a one-off deadline as written, before the missing year is filled in.
type when struct {
	unit     congtac.Precision // the period written: a day, month, quarter, half or year
	year     int               // 0 when not written
	month    int               // of a day or month
	day      int               // of a day
	n        int               // quarter (1–4) or half (1–2)
	relative bool              // no number: the month, quarter or year of ref ("trong tháng")
	third    int               // 1, 2, 3: "đầu", "giữa", "cuối" of the unit; 0 for all of it
	week     int               // "tuần N" of a month, 5 for the last; 0 for none
	before   bool              // "trước": the last day before the period begins
	weekday  int               // the weekday written beside a day, or -1
	part     string            // the folded part of the day written before it
}

// anchor reads the date or period of a deadline.
func (p *scanner) anchor() (when, bool) {
	for _, read := range []func() (when, bool){p.half, p.third, p.weekOfMonth, p.dayDate,
		p.monthOf, p.quarterOf, p.yearOf} {
		save := p.pos
		if w, ok := read(); ok {
			w.weekday = -1
			return w, true
		}
		p.pos = save
	}
	return when{}, false
}

// yearSuffix reads an optional year after a period: "/2023", "-2023", "năm 2023", or
// "năm nay" (this year, 0). It returns 0 when no year is written.
func (p *scanner) yearSuffix() int {
	save := p.pos
	p.skipPunct(",")
	if _, ok := p.punct("/-."); ok || p.words("nam") {
		if t, ok := p.num(); ok && len(t.text) == 4 {
			return t.num
		}
		if p.words("nay") {
			return 0
		}
	}
	p.pos = save
	return 0
}

// yearAfterNam reads the year after "năm": four digits, "nay", or nothing; 0 unless
// digits are written.
func (p *scanner) yearAfterNam() int {
	if t := p.peek(); t.kind == tNum && len(t.text) == 4 {
		p.pos++
		return t.num
	}
	p.words("nay")
	return 0
}

// half reads "6 tháng đầu năm", "6 tháng cuối năm 2023", "nửa đầu năm".
func (p *scanner) half() (when, bool) {
	t, ok := p.num()
	if !(ok && t.num == 6 && p.words("thang")) && !p.words("nua") {
		return when{}, false
	}
	n := 0
	switch p.oneOf("dau", "cuoi") {
	case "dau":
		n = 1
	case "cuoi":
		n = 2
	}
	if n == 0 || !p.words("nam") {
		return when{}, false
	}
	return when{unit: congtac.PrecisionHalf, n: n, year: p.yearAfterNam()}, true
}

// thirds numbers the folded words for the beginning, middle and end of a period.
var thirds = map[string]int{"dau": 1, "giua": 2, "cuoi": 3, "het": 3}

// third reads "đầu", "giữa" or "cuối" (also "hết") of a month, quarter or year.
func (p *scanner) third() (when, bool) {
	word := p.oneOf("dau", "giua", "cuoi", "het")
	if word == "" {
		return when{}, false
	}
	var w when
	switch {
	case p.words("thang"):
		w = p.monthRest()
	case p.words("quy"):
		w = p.quarterRest()
	case p.words("nam"):
		w = when{unit: congtac.PrecisionYear, year: p.yearAfterNam()}
	default:
		return when{}, false
	}
	w.third = thirds[word]
	return w, true
}

// weekOfMonth reads "tuần đầu tháng 5", "tuần thứ 2 của tháng 5", "tuần cuối tháng 5".
func (p *scanner) weekOfMonth() (when, bool) {
	if !p.words("tuan") {
		return when{}, false
	}
	n := 0
	switch {
	case p.words("dau"):
		n = 1
		p.words("tien")
	case p.words("cuoi"):
		n = 5
		p.words("cung")
	default:
		p.words("thu")
		t, ok := p.num()
		if !ok {
			return when{}, false
		}
		if n = t.num; n < 1 || n > 5 {
			n = 6 // no month has it; refused when resolved
		}
	}
	p.words("cua")
	if !p.words("thang") {
		return when{}, false
	}
	w := p.monthRest()
	w.week = n
	return w, true
}

// monthRest reads what follows "tháng": a month number and optional year, or nothing
// (the month of ref).
func (p *scanner) monthRest() when {
	w := when{unit: congtac.PrecisionMonth}
	if t := p.peek(); t.kind == tNum && len(t.text) <= 2 {
		p.pos++
		w.month, w.year = t.num, p.yearSuffix()
		return w
	}
	p.words("nay")
	w.relative = true
	return w
}

// quarters maps the folded Roman numerals of quarters; V and VI are read so that they
// can be refused with a clear message.
var quarters = map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}

// quarterRest reads what follows "quý": I–IV or 1–4 and an optional year, or nothing
// (the quarter of ref).
func (p *scanner) quarterRest() when {
	w := when{unit: congtac.PrecisionQuarter}
	if t := p.peek(); t.kind == tNum && len(t.text) == 1 {
		p.pos++
		w.n = t.num
	} else if t.kind == tWord && quarters[t.text] > 0 {
		p.pos++
		w.n = quarters[t.text]
	} else {
		p.words("nay")
		w.relative = true
		return w
	}
	w.year = p.yearSuffix()
	return w
}

func (p *scanner) monthOf() (when, bool) {
	if !p.words("thang") {
		return when{}, false
	}
	return p.monthRest(), true
}

func (p *scanner) quarterOf() (when, bool) {
	if !p.words("quy") {
		return when{}, false
	}
	return p.quarterRest(), true
}

// yearOf reads "năm 2023", "năm nay", "năm" (the year of ref) or a bare "2023".
func (p *scanner) yearOf() (when, bool) {
	w := when{unit: congtac.PrecisionYear}
	if p.words("nam") {
		w.year = p.yearAfterNam()
		w.relative = w.year == 0
		return w, true
	}
	t, ok := p.num()
	w.year = t.num
	return w, ok && len(t.text) == 4
}

// dayDate reads a day: "ngày 21/4/2023", "21-4-2023", "21.4.23", "2023-04-21",
// "ngày 21 tháng 4 năm 2023". Without "ngày", "5/2023" is a month.
func (p *scanner) dayDate() (when, bool) {
	ngay := p.words("ngay")
	a, ok := p.num()
	switch {
	case !ok:
		return when{}, false
	case len(a.text) == 4:
		return p.isoRest(a.num)
	case len(a.text) > 2:
		return when{}, false
	case p.words("thang"):
		m, ok := p.num()
		w := when{unit: congtac.PrecisionDay, day: a.num, month: m.num, year: p.yearSuffix()}
		return w, ok && len(m.text) <= 2
	}
	sep, ok := p.punct("/-.")
	m, ok2 := p.num()
	switch {
	case !ok || !ok2:
		return when{}, false
	case len(m.text) == 4 && !ngay:
		return when{unit: congtac.PrecisionMonth, month: a.num, year: m.num}, true
	case len(m.text) > 2:
		return when{}, false
	}
	w := when{unit: congtac.PrecisionDay, day: a.num, month: m.num}
	save := p.pos
	if _, ok := p.punct(sep); ok {
		switch y, _ := p.num(); len(y.text) {
		case 4:
			w.year = y.num
		case 2:
			w.year = 2000 + y.num
		default:
			p.pos = save
		}
	}
	return w, true
}

// isoRest reads the "-04-21" of "2023-04-21".
func (p *scanner) isoRest(y int) (when, bool) {
	sep, ok := p.punct("-/.")
	m, ok2 := p.num()
	_, ok3 := p.punct(sep)
	d, ok4 := p.num()
	w := when{unit: congtac.PrecisionDay, year: y, month: m.num, day: d.num}
	return w, ok && ok2 && ok3 && ok4 && len(m.text) <= 2 && len(d.text) <= 2
}
