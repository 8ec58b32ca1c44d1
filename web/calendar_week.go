package web

import (
	"fmt"

	"congtac"
)

// weekSpan is how many weeks the week picker offers before and after the week it
// surrounds; the page's previous and next links reach further.
const weekSpan = 12

// weekChoiceLabel returns the picker's name of a week, its ISO number and its Monday to Sunday:
// "Tuần 50 (07/12–13/12/2026)", or with both years when the week spans two:
// "Tuần 1 (29/12/2025–04/01/2026)".
func weekChoiceLabel(w congtac.Period) string {
	from, to := w.Start(), w.End()
	start := fmt.Sprintf("%02d/%02d", from.Day, int(from.Month))
	if from.Year != to.Year {
		start += fmt.Sprintf("/%d", from.Year)
	}
	return fmt.Sprintf("Tuần %d (%s–%02d/%02d/%d)", w.Number, start, to.Day, int(to.Month), to.Year)
}

// weekOptions returns the weeks offered around week, weekSpan before and after it, valued
// by their keys ("2026-W50", the query's contract) and labelled by [weekChoiceLabel]; the one
// whose key is chosen is selected.
func weekOptions(week congtac.Period, chosen string) []option {
	w := week
	for range weekSpan {
		w = w.Prev()
	}
	opts := make([]option, 0, 2*weekSpan+1)
	for range 2*weekSpan + 1 {
		opts = append(opts, option{Value: w.Key(), Label: weekChoiceLabel(w), Selected: w.Key() == chosen})
		w = w.Next()
	}
	return opts
}
