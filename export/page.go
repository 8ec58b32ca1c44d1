package export

import (
	"math"

	"congtac"
)

// Lengths in the layout are twips, twentieths of a point, the unit of WordprocessingML; PDF
// pages divide them by 20.
const (
	twipsPerPt = 20
	twipsPerMM = 1440 / 25.4
)

// mm returns a length in millimetres as whole twips: 20 mm is 1134, 30 mm 1701.
func mm(v float64) int { return int(math.Round(v * twipsPerMM)) }

// A4 in twips, as Word writes it: 210 × 297 mm.
const (
	a4Width  = 11906
	a4Height = 16838
)

// Margins are a page's margins in millimetres. Decree 30/2020 (Phụ lục I) allows top and
// bottom 20–25 mm, left 30–35 mm and right 15–20 mm; the zero value means the defaults
// 20, 20, 30 and 15 mm.
type Margins struct {
	Top, Bottom, Left, Right float64
}

// orDefault returns m, or the default margins 20, 20, 30 and 15 mm when m is the zero value.
func (m Margins) orDefault() Margins {
	if m == (Margins{}) {
		return Margins{Top: 20, Bottom: 20, Left: 30, Right: 15}
	}
	return m
}

// Validate returns an EINVALID error naming the first margin outside the decree's range.
// The zero value is valid (it means the defaults).
func (m Margins) Validate() error {
	m = m.orDefault()
	checks := []struct {
		name      string
		v, lo, hi float64
	}{
		{"trên", m.Top, 20, 25}, {"dưới", m.Bottom, 20, 25}, {"trái", m.Left, 30, 35}, {"phải", m.Right, 15, 20},
	}
	for _, c := range checks {
		if math.IsNaN(c.v) || c.v < c.lo || c.v > c.hi {
			return congtac.FieldError("margins", "Lề %s %.1f mm nằm ngoài khoảng %g–%g mm của Nghị định 30/2020.",
				c.name, c.v, c.lo, c.hi)
		}
	}
	return nil
}

// pageSetup is a page's geometry in twips.
type pageSetup struct {
	width, height            int
	top, bottom, left, right int
	header                   int // distance from the top edge to the header (page numbers)
}

// portrait returns A4 portrait with margins m (zero: the defaults).
func portrait(m Margins) pageSetup {
	m = m.orDefault()
	return pageSetup{width: a4Width, height: a4Height, top: mm(m.Top), bottom: mm(m.Bottom),
		left: mm(m.Left), right: mm(m.Right), header: mm(10)}
}

// landscape returns A4 landscape, for wide tables; the binding edge stays on the left.
func landscape(m Margins) pageSetup {
	p := portrait(m)
	p.width, p.height = p.height, p.width
	return p
}

// textWidth returns the width between the margins.
func (p pageSetup) textWidth() int { return p.width - p.left - p.right }
