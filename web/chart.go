package web

import (
	"fmt"
	"strconv"

	"congtac"
)

// Charts drawn on the server as SVG: no JavaScript, printable, scaled to the screen by
// their viewBox; each has a table beside it with the same numbers for screen readers.

// Geometry of the bar chart, in the units of its viewBox.
const (
	chartWidth  = 720
	chartLabel  = 230 // the column of the groups' names
	chartBars   = 400 // the longest bar
	chartRow    = 26
	chartBar    = 18
	chartMaxRow = 40 // groups drawn; the table beside has them all
)

// barChart is a horizontal stacked bar per group, one segment per status.
type barChart struct {
	Width, Height int
	Bars          []chartBarRow
	More          int // groups left out of the drawing, in the table only
}

// chartBarRow is one group's bar.
type chartBarRow struct {
	Y, TextY    int
	Label, Href string
	Total       int
	TotalX      int
	Segments    []chartSegment
}

// chartSegment is one status's part of a bar.
type chartSegment struct {
	X, Width int
	Key      string // the status, for its colour
	Title    string // "Phòng Kinh tế — Quá hạn chưa hoàn thành: 3"
}

// newBarChart draws lines, the groups of a board, their bars scaled to the largest.
func newBarChart(lines []boardLine) barChart {
	most := 1
	for _, l := range lines {
		most = max(most, l.Total)
	}
	drawn := lines[:min(len(lines), chartMaxRow)]
	c := barChart{Width: chartWidth, Height: max(1, len(drawn))*chartRow + 8, More: len(lines) - len(drawn)}
	for i, l := range drawn {
		y := 4 + i*chartRow
		bar := chartBarRow{Y: y, TextY: y + chartBar - 4, Label: shortText(l.Label, 34), Href: l.Href, Total: l.Total}
		x := chartLabel
		for j, cell := range l.Cells {
			if cell.N == 0 {
				continue
			}
			w := max(1, cell.N*chartBars/most)
			st := boardStatuses[j]
			bar.Segments = append(bar.Segments, chartSegment{X: x, Width: w, Key: string(st),
				Title: fmt.Sprintf("%s — %s: %d", l.Label, st.Label(), cell.N)})
			x += w
		}
		bar.TotalX = x + 6
		c.Bars = append(c.Bars, bar)
	}
	return c
}

// Geometry of the trend chart.
const (
	trendHeight = 230
	trendTop    = 24  // room for the values above the bars
	trendPlot   = 160 // the height of 100 %
	trendLeft   = 40
)

// trendChart is the on-time rate month by month, a bar each, with the 0, 50 and 100 %
// lines.
type trendChart struct {
	Width, Height int
	Bars          []trendBar
	Grid          []trendLine
	Base, MonthY  int // the line of 0 %, and the months' names under it
}

// trendBar is one month's bar.
type trendBar struct {
	X, Y, Width, Height int
	TextX, ValueY       int
	Month, Value, Title string
	None                bool // nothing fell due that month
}

// trendLine is a line of the grid, at a rate.
type trendLine struct {
	Y     int
	Label string
}

// newTrendChart draws the on-time rate of each month of trend.
func newTrendChart(trend []congtac.BoardMonth) trendChart {
	c := trendChart{Width: chartWidth, Height: trendHeight, Base: trendTop + trendPlot, MonthY: trendTop + trendPlot + 18}
	for _, pct := range []int{0, 50, 100} {
		c.Grid = append(c.Grid, trendLine{Y: c.Base - pct*trendPlot/100, Label: strconv.Itoa(pct) + "%"})
	}
	if len(trend) == 0 {
		return c
	}
	step := (chartWidth - trendLeft) / len(trend)
	for i, m := range trend {
		x := trendLeft + i*step + step/6
		b := trendBar{X: x, Width: step * 2 / 3, TextX: x + step/3, Month: fmt.Sprintf("T%d/%02d", m.Period.Number, m.Period.Year%100),
			Value: rateText(m.Counts)}
		rate, ok := m.Counts.OnTimeRate()
		b.None = !ok
		b.Height = int(rate * trendPlot / 100)
		b.Y, b.ValueY = c.Base-b.Height, c.Base-b.Height-6
		b.Title = fmt.Sprintf("%s: tỷ lệ hoàn thành đúng hạn %s", m.Period, b.Value)
		c.Bars = append(c.Bars, b)
	}
	return c
}
