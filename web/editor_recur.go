package web

import (
	"html/template"
	"slices"
	"strconv"
	"strings"
	"time"

	"congtac"
	"congtac/vn"
)

// Repetitions the task form offers besides none. The form builds the RRULE from its plain
// fields; recurRule keeps a rule the form cannot show (one set through the API), and still
// takes the rrule field that scripts post.
const (
	recurMonthlyDay     = "monthly_day"
	recurMonthlyLast    = "monthly_last"
	recurMonthlyLastDay = "monthly_last_weekday"
	recurWeekly         = "weekly"
	recurQuarterly      = "quarterly"
	recurRule           = "rrule"
)

// recurOptions are the repetitions of a duty in plain words.
var recurOptions = []option{{Value: "", Label: "Không lặp lại"},
	{Value: recurWeekly, Label: "Hằng tuần hoặc mỗi vài tuần, vào các thứ đánh dấu"},
	{Value: recurMonthlyDay, Label: "Hằng tháng, vào ngày…"},
	{Value: recurMonthlyLast, Label: "Hằng tháng, ngày cuối tháng"},
	{Value: recurMonthlyLastDay, Label: "Hằng tháng, vào thứ… cuối cùng của tháng"},
	{Value: recurQuarterly, Label: "Hằng quý, ngày cuối quý"},
	{Value: recurRule, Label: "Giữ cách lặp lại hiện có"}}

// recurForm is what the task form's repetition fields hold.
type recurForm struct {
	Kind        string   // one of the recur* values; "" for none
	Every       string   // weeks between two repetitions of a weekly duty: "1", "2"
	Weekdays    []string // the weekdays of a weekly duty, by their RRULE names: "MO", "TH"
	Day         string   // the day of a monthly duty: "20"
	LastWeekday string   // the weekday of a duty on the last such day of the month: "FR"
	Rule        string   // a rule kept as it is, or posted by a script
}

// weekdayCodes are the RRULE names of the weekdays, indexed by time.Weekday.
var weekdayCodes = [7]string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}

// rule returns the RRULE the fields describe, without DTSTART; "" for none. A field out of
// range is an EINVALID error with a message to show.
func (f recurForm) rule() (string, error) {
	switch f.Kind {
	case "":
		return "", nil
	case recurWeekly:
		return f.weeklyRule()
	case recurMonthlyDay:
		n, err := strconv.Atoi(f.Day)
		if err != nil || n < 1 || n > 31 {
			return "", congtac.Errorf(congtac.EINVALID, "Ngày trong tháng phải từ 1 đến 31.")
		}
		return "FREQ=MONTHLY;BYMONTHDAY=" + strconv.Itoa(n), nil
	case recurMonthlyLast:
		return "FREQ=MONTHLY;BYMONTHDAY=-1", nil
	case recurMonthlyLastDay:
		if !slices.Contains(weekdayCodes[:], f.LastWeekday) {
			return "", congtac.Errorf(congtac.EINVALID, "Hãy chọn thứ trong tuần của ngày lặp lại cuối tháng.")
		}
		return "FREQ=MONTHLY;BYDAY=-1" + f.LastWeekday, nil
	case recurQuarterly:
		return "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1", nil
	case recurRule:
		if f.Rule == "" {
			return "", congtac.Errorf(congtac.EINVALID, "Nhiệm vụ chưa có cách lặp lại nào để giữ; hãy chọn một cách khác.")
		}
		return f.Rule, nil
	}
	return "", congtac.Errorf(congtac.EINVALID, "Cách lặp lại %q không hợp lệ.", f.Kind)
}

// weeklyRule returns the rule of a duty every Every weeks on Weekdays, Monday first.
func (f recurForm) weeklyRule() (string, error) {
	every := 1
	if f.Every != "" {
		n, err := strconv.Atoi(f.Every)
		if err != nil || n < 1 || n > 52 {
			return "", congtac.Errorf(congtac.EINVALID, "Số tuần giữa hai lần lặp phải từ 1 đến 52.")
		}
		every = n
	}
	var days []string
	for _, d := range []time.Weekday{1, 2, 3, 4, 5, 6, 0} {
		if slices.Contains(f.Weekdays, weekdayCodes[d]) {
			days = append(days, weekdayCodes[d])
		}
	}
	if len(days) == 0 {
		return "", congtac.Errorf(congtac.EINVALID, "Hãy đánh dấu ít nhất một thứ trong tuần.")
	}
	rule := "FREQ=WEEKLY"
	if every > 1 {
		rule += ";INTERVAL=" + strconv.Itoa(every)
	}
	return rule + ";BYDAY=" + strings.Join(days, ","), nil
}

// recurFormOf returns the fields showing repetition r: one of the plain ones when it is
// one, else the rule itself, kept. The end of the repetition is not shown: it follows the
// program's periods.
func recurFormOf(r *congtac.Recurrence) recurForm {
	if r == nil {
		return recurForm{}
	}
	bare := *r
	bare.Until, bare.Count = congtac.Date{}, 0
	plain := len(bare.ByMonth) == 0 && bare.Interval <= 1
	switch s := bare.String(); {
	case s == "FREQ=MONTHLY;BYMONTHDAY=-1":
		return recurForm{Kind: recurMonthlyLast}
	case s == "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1":
		return recurForm{Kind: recurQuarterly}
	case plain && bare.Freq == congtac.Monthly && len(bare.ByDay) == 0 && len(bare.ByMonthDay) == 1 && bare.ByMonthDay[0] > 0:
		return recurForm{Kind: recurMonthlyDay, Day: strconv.Itoa(bare.ByMonthDay[0])}
	case plain && bare.Freq == congtac.Monthly && len(bare.ByMonthDay) == 0 && len(bare.ByDay) == 1 && bare.ByDay[0].N == -1:
		return recurForm{Kind: recurMonthlyLastDay, LastWeekday: weekdayCodes[bare.ByDay[0].Day]}
	case bare.Freq == congtac.Weekly && len(bare.ByMonth) == 0 && len(bare.ByMonthDay) == 0 && weeklyDays(bare.ByDay) != nil:
		return recurForm{Kind: recurWeekly, Every: strconv.Itoa(max(bare.Interval, 1)), Weekdays: weeklyDays(bare.ByDay)}
	}
	return recurForm{Kind: recurRule, Rule: r.String()}
}

// weeklyDays returns the RRULE names of days when each is a plain weekday; nil when one is
// numbered or there are none.
func weeklyDays(days []congtac.WeekdayNum) []string {
	var out []string
	for _, d := range days {
		if d.N != 0 {
			return nil
		}
		out = append(out, weekdayCodes[d.Day])
	}
	return out
}

// weekdayBoxes returns the checkboxes of the weekdays of a weekly duty, Monday first, the
// chosen ones checked.
func weekdayBoxes(chosen []string) template.HTML {
	var b strings.Builder
	for _, d := range []time.Weekday{1, 2, 3, 4, 5, 6, 0} {
		b.WriteString(`<label><input type="checkbox" name="recur_weekday" value="` + weekdayCodes[d] + `"`)
		if slices.Contains(chosen, weekdayCodes[d]) {
			b.WriteString(" checked")
		}
		b.WriteString("> " + vn.Weekday(d) + "</label>")
	}
	return template.HTML(b.String())
}

// recurLabel returns a kept rule as the form shows it beside the choice to keep it: in
// words as far as they go, then the rule without its end, which the words may not fully
// say: "Hằng tháng (FREQ=MONTHLY;BYDAY=2MO)"; "" when f keeps no rule.
func recurLabel(f recurForm, start congtac.Date) string {
	if f.Kind != recurRule || f.Rule == "" {
		return ""
	}
	r, err := congtac.ParseRecurrence(f.Rule, start)
	if err != nil {
		return f.Rule
	}
	bare := r
	bare.Until, bare.Count = congtac.Date{}, 0
	if words := vn.FormatRecurrence(r); words != "" {
		return words + " (" + bare.String() + ")"
	}
	return bare.String()
}

// words returns the fields as people read them, for the conflict page: "Mỗi 2 tuần, vào
// thứ Hai, thứ Năm", "Hằng tháng, vào ngày 20"; "" for none.
func (f recurForm) words(c editorChoices) string {
	switch f.Kind {
	case "":
		return ""
	case recurWeekly:
		var days []string
		for _, d := range f.Weekdays {
			days = append(days, vn.LowerFirst(c.weekdays.label(d)))
		}
		every := "Hằng tuần"
		if f.Every != "" && f.Every != "1" {
			every = "Mỗi " + f.Every + " tuần"
		}
		return every + ", vào " + strings.Join(days, ", ")
	case recurMonthlyDay:
		return "Hằng tháng, vào ngày " + f.Day
	case recurMonthlyLastDay:
		return "Hằng tháng, vào " + vn.LowerFirst(c.weekdays.label(f.LastWeekday)) + " cuối cùng của tháng"
	case recurRule:
		return f.Rule
	}
	return c.recurs.label(f.Kind)
}
