package export

import (
	"fmt"
	"strings"

	"github.com/signintech/gopdf"
)

// slot is a horizontal strip of the flow: a line of text, a rule, the blank space of the
// signature, or spacing between paragraphs (dropped at the top of a page).
type slot struct {
	h    float64
	gap  bool
	draw func(x, y float64) error // nil for spacing
}

// slots returns the strips of a paragraph laid out in width twips.
func (d *pdfDoc) slots(p para, width int) ([]slot, error) {
	lines, err := breakLines(d.m, p, width)
	if err != nil {
		return nil, err
	}
	out := make([]slot, 0, len(lines)+3)
	if p.before > 0 {
		out = append(out, slot{h: float64(p.before), gap: true})
	}
	for _, l := range lines {
		out = append(out, slot{h: float64(p.line), draw: func(x, y float64) error {
			return d.line(p, l, x, width, y)
		}})
	}
	if p.stamp && (len(d.s.images.Signature) > 0 || len(d.s.images.Seal) > 0) {
		out[len(out)-1].draw = func(x, y float64) error {
			return d.stamp(x+float64(p.left), y, width-p.left-p.right, p.line)
		}
	}
	if p.rule > 0 {
		out = append(out, slot{h: ruleHeight, draw: func(x, y float64) error {
			left := x + float64(p.left) + float64(width-p.left-p.right-p.rule)/2
			d.gp.SetLineWidth(float64(ruleWidth) / 8)
			d.gp.Line(pt(left), pt(y+ruleDrop), pt(left+float64(p.rule)), pt(y+ruleDrop))
			return nil
		}})
	}
	if p.after > 0 {
		out = append(out, slot{h: float64(p.after), gap: true})
	}
	return out, nil
}

// para places a paragraph of the main flow at the left margin x, width twips wide.
func (d *pdfDoc) para(p para, x float64, width int) error {
	ss, err := d.slots(p, width)
	if err != nil {
		return err
	}
	for _, s := range ss {
		if s.gap && d.atTop() {
			continue
		}
		if d.y+s.h > d.bottom() && !d.atTop() {
			if err := d.breakPage(); err != nil {
				return err
			}
			if s.gap {
				continue
			}
		}
		if s.draw != nil {
			if err := s.draw(x, d.y); err != nil {
				return err
			}
		}
		d.y += s.h
	}
	return nil
}

// line draws one line of a paragraph whose box starts at x, width twips wide, at top y.
func (d *pdfDoc) line(p para, l line, x float64, width int, y float64) error {
	avail := float64(width - p.left - p.right - l.indent)
	x += float64(p.left + l.indent)
	extra := 0.0
	switch {
	case p.align == alignCenter:
		x += (avail - l.width) / 2
	case p.align == alignRight:
		x += avail - l.width
	case p.align == alignJustify && !l.last && l.spaces > 0:
		extra = max(0, (avail-l.width)/float64(l.spaces))
	}
	size := float64(p.size * 10)
	baseline := y + (float64(p.line)-(ascent+descent)*size)/2 + ascent*size
	var seg strings.Builder
	segX, segStyle := x, style(255)
	flush := func() error {
		if seg.Len() == 0 {
			return nil
		}
		err := d.text(seg.String(), segStyle, p.size, segX, baseline)
		seg.Reset()
		return err
	}
	for _, pc := range l.pieces {
		if (pc.space && extra > 0) || pc.style != segStyle {
			if err := flush(); err != nil {
				return err
			}
			segX, segStyle = x, pc.style
		}
		if pc.space && extra > 0 {
			x += pc.width + extra
			segStyle = style(255)
			continue
		}
		seg.WriteString(pc.text)
		x += pc.width
	}
	return flush()
}

// Where the PDF draws a paragraph's rule: ruleDrop twips below the top of the rule's strip,
// as Word draws the border of a ruleLine-high paragraph ruleSpace points below it.
const ruleDrop = ruleLine + ruleSpace*twipsPerPt

// stamp draws the signature and seal images over the blank space at (x, y), w × h twips.
func (d *pdfDoc) stamp(x, y float64, w, h int) error {
	placements, err := stampImages(d.s.images, w, h)
	if err != nil {
		return err
	}
	for _, p := range placements {
		holder, err := gopdf.ImageHolderByBytes(p.data)
		if err != nil {
			return fmt.Errorf("%s image: %w", p.name, err)
		}
		err = d.gp.ImageByHolder(holder, pt(x+float64(p.x)), pt(y+float64(p.y)), &gopdf.Rect{W: pt(p.w), H: pt(p.h)})
		if err != nil {
			return fmt.Errorf("%s image: %w", p.name, err)
		}
	}
	return nil
}
