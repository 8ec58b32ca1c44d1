package vn

import (
	"strings"

	"congtac"
)

// Deadline is what a deadline phrase says: the deadline itself, whether the duty repeats,
// and the part of the day when one was named ("chiều thứ Năm hằng tuần").
type Deadline struct {
	Due        congtac.Due
	Recurrence *congtac.Recurrence // nil for a one-off duty
	Part       congtac.DayPart     // "" when the phrase names none
}

// ParseDue reads a deadline phrase as work programs write it and returns its meaning.
// ref is the reference date, normally the first day of the program's period: it gives
// the year when the phrase has none, and starts every recurrence. s must be the deadline
// phrase alone: a whole sentence that contains one ("… báo cáo UBND huyện từng tháng") is
// not understood and is kept as a vague deadline.
//
// The phrase is repaired and folded first ([Repair], [Fold]), so capitals, NFD, broken
// ƣ and missing diacritics do not matter; leading words such as "chậm nhất", "xong",
// "hoàn thành", "trong", "vào", "đến", "hết" are skipped. It reads:
//   - a day: "ngày 21/4/2023", "21/4/2023", "21-4-2023", "21.4.23", "2023-04-21",
//     "ngày 21 tháng 4 năm 2023", "chậm nhất ngày 30/4" (precision day); a weekday beside
//     it ("21/4/2023 (thứ Sáu)") must be right;
//   - a month: "trong tháng 5/2023", "tháng 6", "5/2023", "cuối tháng 5", "trong tháng"
//     (the month of ref) → the last day, precision month;
//   - a quarter: "Quý II/2023", "quý 2 năm 2023", "trong Quý II", "cuối quý II";
//   - a half year: "6 tháng đầu năm", "6 tháng cuối năm 2023", "nửa đầu năm";
//   - a year: "năm 2023", "trong năm 2023", "cuối năm", "2023";
//   - parts of a period, by the usual thirds: "đầu tháng 5" is the 10th and "giữa tháng 5"
//     the 20th (precision day); "tuần đầu tháng 5" the 7th, "tuần thứ 2 tháng 5" the 14th
//     and "tuần cuối tháng 5" the month; "đầu quý II" is April and "giữa quý II" May
//     (precision month); "đầu năm" is the first quarter, "giữa năm" the first half;
//   - a span "từ ngày 15/4 đến ngày 30/4/2023": its end.
//
// "trước" (before) is taken literally: the deadline is the last day before the named day
// or period begins. "trước ngày 15/11" is due on 14/11 and "trước tháng 5" at the end of
// April. A duty done on the named day itself was not done "before" it; reading the
// phrase strictly never counts as on time what the issuer counts as late, and the
// original phrase stays in Due.Text for people to read.
//
// A missing year is the year of ref, or the next year when the deadline would otherwise
// end before ref (a December program's "trong tháng 1" is next January).
//
// Repeating duties ("từng tháng", "hằng tuần", "thứ Sáu cuối tháng", "ngày 25 hằng tháng"…)
// give a Recurrence starting on ref and a Due with no date (the phrase does not say when
// the repetition ends; callers usually set it to the program's horizon). Each period's
// obligation falls on its last day unless the phrase names a day: "hằng tháng" is the
// last day of each month, "hằng quý" of each quarter, "hằng năm" 31 December, "hằng
// tuần" Friday, "hằng ngày" every working day; "6 tháng một lần" and "định kỳ 3 tháng"
// work alike.
//
// Phrases without a date ("trong dịp nghỉ hè", "thường xuyên", "kịp thời"), lunar dates
// ("12/12 ÂL") and phrases not understood give a vague Due (Precision none) that keeps the
// text, and no error. The empty phrase gives the zero Deadline. Due.Text always holds
// the phrase, repaired and trimmed. The error, when there is one, is a *congtac.Error with
// code EINVALID: an impossible date ("31/4/2023", "30/2", "tháng 13", "Quý V"), a wrong
// weekday, or a phrase that needs ref when ref is zero.
func ParseDue(s string, ref congtac.Date) (Deadline, error) {
	text := strings.TrimSpace(Repair(s))
	p := newScanner(text)
	if len(p.toks) == 0 {
		return Deadline{Due: congtac.Due{Text: text}}, nil
	}
	if p.has("al") || p.has("am", "lich") {
		return Deadline{Due: congtac.Due{Text: text}}, nil
	}
	if r, ok := p.recurring(); ok {
		rule, err := r.rule(ref)
		if err != nil {
			return Deadline{}, err
		}
		if rule == nil { // parts that do not fit together: keep the phrase
			return Deadline{Due: congtac.Due{Text: text}}, nil
		}
		return Deadline{Due: congtac.Due{Text: text}, Recurrence: rule, Part: dayParts[r.part]}, nil
	}
	p.pos = 0
	w, ok := p.deadline()
	if !ok {
		return Deadline{Due: congtac.Due{Text: text}}, nil
	}
	due, err := w.resolve(ref)
	if err != nil {
		return Deadline{}, err
	}
	due.Text = text
	return Deadline{Due: due, Part: dayParts[w.part]}, nil
}

// dayParts maps the folded words for parts of the day to their values.
var dayParts = map[string]congtac.DayPart{
	"sang": congtac.Morning, "trua": congtac.Afternoon, "chieu": congtac.Afternoon,
	"toi": congtac.Evening, "dem": congtac.Evening,
}

// has reports whether the words occur in sequence anywhere in the phrase.
func (p *scanner) has(ws ...string) bool {
	save := p.pos
	defer func() { p.pos = save }()
	for p.pos = 0; p.pos < len(p.toks); p.pos++ {
		if p.words(ws...) {
			return true
		}
	}
	return false
}

// deadline reads a one-off deadline phrase; it succeeds only when every token is used.
func (p *scanner) deadline() (when, bool) {
	lead := p.lead()
	w, ok := p.anchor()
	if !ok {
		return w, false
	}
	save := p.pos
	if _, dash := p.punct("-"); dash || p.oneOf("den", "toi") != "" {
		p.lead()
		if end, ok := p.anchor(); ok {
			w = end
		} else {
			p.pos = save
		}
	}
	w.before, w.part = lead.before, lead.part
	w.weekday = lead.weekday
	if wd, ok := p.trailingWeekday(); ok {
		w.weekday = wd
	}
	p.skipPunct(".,;:)/")
	return w, p.done() && (w.weekday < 0 || w.unit == congtac.PrecisionDay)
}

// lead consumes the words that may precede a deadline and returns what they said. "ngay"
// is both "ngày" (day), which [scanner.dayDate] does not need, and "ngay" (right away).
func (p *scanner) lead() when {
	w := when{weekday: -1}
	for {
		switch {
		case p.words("cham", "nhat"), p.words("muon", "nhat"), p.words("hoan", "thanh"),
			p.words("hoan", "tat"), p.words("thoi", "han"), p.words("ket", "thuc"),
			p.oneOf("xong", "trong", "vao", "han", "den", "toi", "tu", "het", "la", "luc", "hoi", "ngay") != "":
		case p.words("truoc"):
			w.before = true
		default:
			if part, ok := p.dayPart(); ok {
				w.part = part
			} else if wd, ok := p.weekday(); ok {
				w.weekday = wd
			} else if _, ok := p.punct(":-,("); !ok {
				return w
			}
		}
	}
}

// trailingWeekday consumes a weekday written after a date: "(thứ Sáu)", ", thứ Sáu".
func (p *scanner) trailingWeekday() (int, bool) {
	save := p.pos
	p.skipPunct(",(-")
	if wd, ok := p.weekday(); ok {
		p.skipPunct(")")
		return wd, true
	}
	p.pos = save
	return -1, false
}
