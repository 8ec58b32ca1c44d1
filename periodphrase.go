package congtac

import (
	"fmt"
	"strings"
)

// PeriodPhrase names the program's periods as titles and headings write them: "tháng 4 năm
// 2023"; with extra periods of the same year, the year once at the end: "tháng 4 và Quý II
// năm 2023"; otherwise each period whole, joined by "và".
func (p Program) PeriodPhrase() string {
	if len(p.Also) == 0 {
		return p.Period.String()
	}
	same := true
	for _, a := range p.Also {
		same = same && a.Year == p.Period.Year
	}
	parts := []string{p.Period.String()}
	for _, a := range p.Also {
		parts = append(parts, a.String())
	}
	if !same {
		return strings.Join(parts, " và ")
	}
	suffix := fmt.Sprintf(" năm %d", p.Period.Year)
	for i, s := range parts {
		s = strings.TrimSuffix(s, suffix)
		if strings.HasPrefix(s, "quý ") {
			s = "Quý " + strings.TrimPrefix(s, "quý ")
		}
		parts[i] = s
	}
	return strings.Join(parts, " và ") + suffix
}

// Retitle returns s, a title or heading written for the periods of program from, with the
// words naming them replaced by those naming the periods of to, in lower or upper case:
// "Công tác tháng 1 và Quý I năm 2027" for February without extra periods becomes "Công tác
// tháng 2 năm 2027". ok is false when s does not name from's periods.
func Retitle(s string, from, to Program) (string, bool) {
	old, new := from.PeriodPhrase(), to.PeriodPhrase()
	variants := [][2]string{{old, new}, {strings.ReplaceAll(old, "Quý ", "quý "), new},
		{strings.ToUpper(old), strings.ToUpper(new)}}
	for _, v := range variants {
		if strings.Contains(s, v[0]) {
			return strings.ReplaceAll(s, v[0], v[1]), true
		}
	}
	return s, false
}
