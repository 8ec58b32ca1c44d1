package vn

import "congtac"

// ParseClock reads a time of day as schedules write it and returns the clock time and
// the part of the day. It reads "7 giờ 30 phút", "7 giờ 30’", "7 giờ rưỡi", "8 giờ kém
// 15", "7h30", "07h30", "7g30", "7:30", "14 giờ", "14h", the parts "sáng", "trưa",
// "chiều", "tối", "đêm" (with or without "buổi") and "cả ngày", and combinations such as
// "8 giờ sáng", "2 giờ chiều" (14:00), "sáng 7h30" or "Chiều: 14 giờ 00". Of a span
// ("7h30 - 11h30", "từ 14 giờ đến 17 giờ") it returns the start.
//
// With a time, the part returned is the one the time falls in ([congtac.ClockTime.Part]);
// with a part alone, the time is congtac.NoTime. The empty string gives NoTime and "".
// Input is repaired and folded first, as for [ParseDue]. The error is a *congtac.Error
// with code EINVALID when the text is not a time of day, or the time is impossible
// ("25 giờ", "7 giờ 75") or does not fit its part ("14 giờ sáng").
func ParseClock(s string) (congtac.ClockTime, congtac.DayPart, error) {
	p := newScanner(Repair(s))
	if len(p.toks) == 0 {
		return congtac.NoTime, "", nil
	}
	c, ok := p.clockPhrase()
	if !ok {
		return congtac.NoTime, "", invalid("Không hiểu giờ “%s”: hãy ghi như “7 giờ 30”, “14h00” hoặc “chiều”.",
			excerpt(s))
	}
	return c.result()
}

// clock is a time of day as written.
type clock struct {
	hour, minute int    // hour -1: no time written
	part         string // folded part of the day; "ca ngay" for the whole day
}

// clockPhrase reads a time of day; it succeeds only when every token is used.
func (p *scanner) clockPhrase() (clock, bool) {
	c := clock{hour: -1}
	p.clockLead()
	c.part = p.clockPart()
	p.skipPunct(",:-")
	if h, m, ok := p.clockTime(); ok {
		c.hour, c.minute = h, m
		if part := p.clockPart(); part != "" {
			if c.part != "" && c.part != part {
				return c, false
			}
			c.part = part
		}
		p.clockSpanEnd()
	}
	p.skipPunct(".,;)")
	return c, p.done() && (c.hour >= 0 || c.part != "")
}

// clockLead consumes the words that may precede a time: "từ", "lúc", "vào", "hồi".
func (p *scanner) clockLead() {
	for p.oneOf("tu", "luc", "vao", "hoi") != "" {
	}
	p.skipPunct("(")
}

// clockPart consumes a part of the day or "cả ngày" and returns it folded, or "".
func (p *scanner) clockPart() string {
	if p.words("ca", "ngay") {
		return "ca ngay"
	}
	part, _ := p.dayPart()
	return part
}

// clockTime consumes "7 giờ 30 phút", "7h30", "7:30", "7 giờ rưỡi", "8 giờ kém 15".
func (p *scanner) clockTime() (hour, minute int, ok bool) {
	save := p.pos
	h, ok := p.num()
	_, colon := p.punct(":")
	if !ok || len(h.text) > 2 || (!colon && p.oneOf("gio", "h", "g") == "") {
		p.pos = save
		return 0, 0, false
	}
	switch {
	case p.words("ruoi"):
		return h.num, 30, true
	case p.words("kem"):
		if m, ok := p.num(); ok && h.num > 0 && len(m.text) <= 2 && m.num > 0 && m.num < 60 {
			p.words("phut")
			return h.num - 1, 60 - m.num, true
		}
		p.pos = save
		return 0, 0, false
	}
	if m, ok := p.num(); ok {
		if len(m.text) > 2 {
			p.pos = save
			return 0, 0, false
		}
		if p.oneOf("phut", "p") == "" {
			p.punct("'")
		}
		return h.num, m.num, true
	}
	return h.num, 0, !colon
}

// clockSpanEnd consumes the end of a span: "- 11h30", "đến 17 giờ chiều".
func (p *scanner) clockSpanEnd() {
	save := p.pos
	if _, dash := p.punct("-"); dash || p.oneOf("den", "toi") != "" {
		if _, _, ok := p.clockTime(); ok {
			p.clockPart()
			return
		}
	}
	p.pos = save
}

// partNames are the parts of the day as messages write them.
var partNames = map[string]string{"sang": "sáng", "trua": "trưa", "chieu": "chiều", "toi": "tối", "dem": "đêm"}

// result checks the time and returns it with its part of the day.
func (c clock) result() (congtac.ClockTime, congtac.DayPart, error) {
	switch {
	case c.hour < 0 && c.part == "ca ngay":
		return congtac.NoTime, congtac.AllDay, nil
	case c.hour < 0:
		return congtac.NoTime, dayParts[c.part], nil
	case c.part == "ca ngay":
		return congtac.NoTime, "", invalid("Đã ghi cả ngày thì không ghi giờ.")
	case c.hour > 23 || c.minute > 59:
		return congtac.NoTime, "", invalid("Không có giờ %d:%02d trong ngày.", c.hour, c.minute)
	}
	h, ok := twelveHour(c.hour, c.part)
	if !ok {
		return congtac.NoTime, "", invalid("%d giờ không thuộc buổi %s.", c.hour, partNames[c.part])
	}
	t := congtac.At(h, c.minute)
	return t, t.Part(), nil
}

// twelveHour returns the hour on the 24-hour clock of hour h said with a part of the
// day ("2 giờ chiều" is 14), and whether h can be said so.
func twelveHour(h int, part string) (int, bool) {
	switch {
	case part == "":
		return h, true
	case part == "sang":
		return h, h <= 12
	case part == "trua":
		return h + 12*boolInt(h >= 1 && h <= 2), (h >= 10 && h <= 14) || (h >= 1 && h <= 2)
	case part == "chieu":
		return h + 12*boolInt(h >= 1 && h <= 7), (h >= 1 && h <= 7) || (h >= 12 && h <= 19)
	case part == "toi":
		return h + 12*boolInt(h >= 5 && h <= 11), (h >= 5 && h <= 11) || (h >= 17 && h <= 23)
	case part == "dem" && h == 12:
		return 0, true
	case part == "dem":
		return h + 12*boolInt(h >= 9 && h <= 11), (h >= 9 && h <= 11) || h >= 21 || h <= 5
	}
	return h, false
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
