package vn

import (
	"slices"
	"time"

	"congtac"
)

// recur is a repeating duty as written: its parts may come in any order
// ("thứ Năm hằng tuần", "hằng tuần vào thứ Năm").
type recur struct {
	part        string // folded part of the day
	weekday     int    // -1 when none
	nth         int    // which weekday of the month: 1 first, -1 last; 0 every
	monthDay    int    // day of the month written after "ngày"
	hasMonthDay bool
	before      bool // "trước ngày 25 hằng tháng"
	months      int  // every so many months (1, 2, 3, 4, 6, 12); 0 when none
	weekly      bool // "hằng tuần"
	daily       bool // "hằng ngày"
	periodic    bool // "định kỳ": a bare "6 tháng" is a frequency
}

// recurring reads a repeating duty; it succeeds only when every token is used and a
// frequency is written, or a weekday of the month ("thứ Sáu cuối tháng").
func (p *scanner) recurring() (recur, bool) {
	r := recur{weekday: -1}
	for !p.done() {
		if !p.recurPart(&r) {
			return r, false
		}
	}
	return r, r.months > 0 || r.weekly || r.daily || (r.weekday >= 0 && r.nth != 0)
}

// recurPart consumes one part of a repeating duty into r.
func (p *scanner) recurPart(r *recur) bool {
	switch {
	case p.words("dinh", "ky"):
		r.periodic = true
	case p.words("cham", "nhat"), p.words("hoan", "thanh"),
		p.oneOf("vao", "cac", "luc", "cua", "trong", "xong", "han", "theo") != "":
	case p.words("truoc"):
		r.before = true
	case p.frequency(r):
	case p.weekOfMonthNth(r):
	default:
		return p.recurWhen(r)
	}
	return true
}

// recurWhen consumes a part of the day, a weekday or a day of the month into r, each at
// most once, or punctuation.
func (p *scanner) recurWhen(r *recur) bool {
	save := p.pos
	if part, ok := p.dayPart(); ok && r.part == "" {
		r.part = part
		return true
	}
	p.pos = save
	if wd, ok := p.weekday(); ok && r.weekday < 0 {
		r.weekday = wd
		return true
	}
	p.pos = save
	if d, ok := p.monthDayNum(); ok && !r.hasMonthDay {
		r.monthDay, r.hasMonthDay = d, true
		return true
	}
	p.pos = save
	_, ok := p.punct(",;.:-()/")
	return ok
}

// frequency consumes "hằng/hàng/từng/mỗi tuần|tháng|quý|năm|ngày", "6 tháng một lần",
// "6 tháng/lần" and, after "định kỳ", "N tháng" (N dividing 12).
func (p *scanner) frequency(r *recur) bool {
	if r.months > 0 || r.weekly || r.daily {
		return false // a second frequency: the phrase is not one rule
	}
	save := p.pos
	if p.oneOf("hang", "tung", "moi") != "" {
		switch p.oneOf("ngay", "tuan", "thang", "quy", "nam") {
		case "ngay":
			r.daily = true
		case "tuan":
			r.weekly = true
		case "thang":
			r.months = 1
		case "quy":
			r.months = 3
		case "nam":
			r.months = 12
		default:
			p.pos = save
			return false
		}
		return true
	}
	if t, ok := p.num(); ok && t.num > 0 && 12%t.num == 0 && p.words("thang") && (p.once() || r.periodic) {
		r.months = t.num
		return true
	}
	p.pos = save
	return false
}

// once consumes "một lần", "1 lần" or "/lần".
func (p *scanner) once() bool {
	save := p.pos
	if p.words("mot", "lan") {
		return true
	}
	if t, ok := p.num(); ok && t.num == 1 && p.words("lan") {
		return true
	}
	p.pos = save
	if _, ok := p.punct("/"); ok && p.words("lan") {
		return true
	}
	p.pos = save
	return false
}

// weekOfMonthNth consumes "cuối tháng", "đầu tháng", "tuần cuối (của) tháng",
// "tuần đầu tiên của tháng", "tuần thứ N của tháng": which weekday of each month.
func (p *scanner) weekOfMonthNth(r *recur) bool {
	save := p.pos
	week := p.words("tuan")
	switch {
	case p.words("cuoi"):
		p.words("cung")
		r.nth = -1
	case p.words("dau"):
		p.words("tien")
		r.nth = 1
	case week && p.words("thu"):
		t, ok := p.num()
		if !ok || t.num < 1 || t.num > 5 {
			p.pos = save
			return false
		}
		r.nth = t.num
	default:
		p.pos = save
		return false
	}
	p.words("cua")
	if !p.words("thang") {
		p.pos = save
		r.nth = 0
		return false
	}
	return true
}

// monthDayNum consumes "ngày N" with N of one or two digits.
func (p *scanner) monthDayNum() (int, bool) {
	save := p.pos
	if p.words("ngay") {
		if t, ok := p.num(); ok && len(t.text) <= 2 {
			return t.num, true
		}
	}
	p.pos = save
	return 0, false
}

// workingDays are every working day, for "hằng ngày"; rules get a copy.
var workingDays = []congtac.WeekdayNum{{Day: time.Monday}, {Day: time.Tuesday},
	{Day: time.Wednesday}, {Day: time.Thursday}, {Day: time.Friday}}

// rule returns the recurrence starting on ref. It fails with EINVALID when ref is zero
// or a day does not exist; parts that do not fit together ("ngày 25 hằng tuần") give
// a nil rule and no error, so that the phrase is kept as vague.
func (r recur) rule(ref congtac.Date) (*congtac.Recurrence, error) {
	if r.monthDay < 0 || r.monthDay > 31 || (r.monthDay == 0 && r.hasMonthDay) {
		return nil, invalid("Không có ngày %d trong tháng.", r.monthDay)
	}
	rec := congtac.Recurrence{Start: ref}
	switch {
	case r.daily && r.weekday < 0 && r.nth == 0 && !r.hasMonthDay && !r.before:
		rec.Freq, rec.ByDay = congtac.Weekly, slices.Clone(workingDays)
	case r.weekly && r.nth == 0 && !r.hasMonthDay:
		wd := time.Friday
		if r.weekday >= 0 {
			wd = time.Weekday(r.weekday)
		}
		if r.before {
			wd = (wd + 6) % 7
		}
		rec.Freq, rec.ByDay = congtac.Weekly, []congtac.WeekdayNum{{Day: wd}}
	case (r.months == 1 || r.months == 0) && r.weekday >= 0 && r.nth != 0 && !r.hasMonthDay && !r.before:
		rec.Freq, rec.ByDay = congtac.Monthly, []congtac.WeekdayNum{{N: r.nth, Day: time.Weekday(r.weekday)}}
	case r.months == 1 && r.weekday < 0 && r.nth == 0:
		rec.Freq, rec.ByMonthDay = congtac.Monthly, []int{r.dayOfMonth()}
	case r.months > 1 && r.weekday < 0 && r.nth == 0 && !r.hasMonthDay && !r.before:
		rec.Freq, rec.ByMonthDay = congtac.Yearly, []int{-1}
		for m := r.months; m <= 12; m += r.months {
			rec.ByMonth = append(rec.ByMonth, m)
		}
	default:
		return nil, nil
	}
	if ref.IsZero() {
		return nil, invalid("Thời hạn lặp lại cần ngày bắt đầu (kỳ của chương trình) mà chưa có.")
	}
	return &rec, rec.Validate()
}

// dayOfMonth returns the BYMONTHDAY of a monthly duty: the day named (the day before it
// after "trước"), or -1, the last day of the month.
func (r recur) dayOfMonth() int {
	switch {
	case !r.hasMonthDay:
		return -1
	case r.before && r.monthDay == 1:
		return -1 // the last day of the month before
	case r.before:
		return r.monthDay - 1
	}
	return r.monthDay
}
