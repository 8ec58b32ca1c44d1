package export

import (
	"compress/zlib"
	"fmt"
	"io"
	"strconv"

	"github.com/signintech/gopdf"
)

// Vertical metrics of Liberation Serif (and Times New Roman), as fractions of the size.
const (
	ascent  = 0.891
	descent = 0.216
)

// pdfDoc lays a sheet out on PDF pages: it follows the flow from the top margin down,
// starts a page when a line no longer fits above the bottom margin, and draws each line
// word by word, justified lines with their spaces stretched.
type pdfDoc struct {
	gp    *gopdf.GoPdf
	s     *sheet
	m     *metrics
	added [4]bool // fonts added to the file
	cur   struct {
		style style
		size  int
		set   bool
	}
	y      float64 // twips from the top of the page
	top    float64 // where content starts on this page (below repeated table headers)
	pages  int
	repeat func() error // draws the header rows of the table being placed; nil outside tables
}

// writePDF writes s as a PDF file.
func writePDF(w io.Writer, s *sheet, m *metrics) error {
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{Unit: gopdf.UnitPT, PageSize: gopdf.Rect{W: pt(s.page.width), H: pt(s.page.height)}})
	gp.SetCompressLevel(zlib.BestSpeed)
	gp.SetInfo(gopdf.PdfInfo{Title: s.title, Creator: "congtac", Producer: "congtac (gopdf)"})
	d := &pdfDoc{gp: gp, s: s, m: m}
	d.newPage()
	if err := d.flow(s.blocks); err != nil {
		return err
	}
	if err := d.decorate(); err != nil {
		return err
	}
	_, err := gp.WriteTo(w)
	return err
}

// pt converts twips to points.
func pt[T int | float64](v T) float64 { return float64(v) / twipsPerPt }

// newPage starts a page and puts the cursor at the top margin.
func (d *pdfDoc) newPage() {
	d.gp.AddPage()
	// gopdf gives a page its content stream at the first drawing and numbers pages by
	// their streams (SetPage); a page that gets only blank lines would have none and shift
	// every later page number. Setting the rule width starts the stream at once.
	d.gp.SetLineWidth(float64(ruleWidth) / 8)
	d.pages++
	d.cur.set = false
	d.y = float64(d.s.page.top)
	d.top = d.y
}

// bottom returns the lowest y that content may reach.
func (d *pdfDoc) bottom() float64 { return float64(d.s.page.height - d.s.page.bottom) }

// atTop reports whether nothing has been placed on the page yet.
func (d *pdfDoc) atTop() bool { return d.y <= d.top+0.5 }

// breakPage starts a new page and repeats the header rows of the current table.
func (d *pdfDoc) breakPage() error {
	d.newPage()
	if d.repeat != nil {
		if err := d.repeat(); err != nil {
			return err
		}
		d.top = d.y
	}
	return nil
}

// flow places the blocks of the document one after the other.
func (d *pdfDoc) flow(blocks []block) error {
	for i, b := range blocks {
		switch v := b.(type) {
		case para:
			if err := d.keepWithNext(blocks[i:]); err != nil {
				return err
			}
			if err := d.para(v, float64(d.s.page.left), d.s.page.textWidth()); err != nil {
				return err
			}
		case *table:
			if err := d.table(v); err != nil {
				return err
			}
		}
	}
	return nil
}

// keepWithNext starts a new page before a run of paragraphs kept with the next block when
// the run and the first line of the block after it do not fit on this page.
func (d *pdfDoc) keepWithNext(blocks []block) error {
	p, ok := blocks[0].(para)
	if !ok || !p.keepNext || d.atTop() {
		return nil
	}
	need := 0.0
	for _, b := range blocks {
		q, ok := b.(para)
		if !ok {
			need += float64(3 * lineFor(pt14)) // the first row of a table, about
			break
		}
		lines, err := breakLines(d.m, q, d.s.page.textWidth())
		if err != nil {
			return err
		}
		if !q.keepNext {
			need += float64(q.before + q.line)
			break
		}
		need += paraHeight(q, len(lines))
	}
	if d.y+need > d.bottom() {
		return d.breakPage()
	}
	return nil
}

// paraHeight returns the height a paragraph of n lines takes, spacing and rule included.
func paraHeight(p para, n int) float64 {
	h := float64(p.before + n*p.line + p.after)
	if p.rule > 0 {
		h += ruleHeight
	}
	return h
}

// decorate draws what is not in the flow: page numbers from page 2, centred in the top
// margin, and the draft mark on page 1.
func (d *pdfDoc) decorate() error {
	baseline := float64(d.s.page.header) + ascent*pt13*10
	for n := 2; n <= d.pages; n++ {
		if err := d.gp.SetPage(n); err != nil {
			return err
		}
		d.cur.set = false
		num := strconv.Itoa(n)
		w, err := d.m.textWidth(num, regular, pt13)
		if err != nil {
			return err
		}
		x := float64(d.s.page.left) + (float64(d.s.page.textWidth())-w)/2
		if err := d.text(num, regular, pt13, x, baseline); err != nil {
			return err
		}
	}
	if d.s.mark == "" {
		return nil
	}
	if err := d.gp.SetPage(1); err != nil {
		return err
	}
	d.cur.set = false
	w, err := d.m.textWidth(d.s.mark, bold, pt13)
	if err != nil {
		return err
	}
	x := float64(d.s.page.width-d.s.page.right) - w - 60
	if err := d.text(d.s.mark, bold, pt13, x, baseline); err != nil {
		return err
	}
	d.gp.SetLineWidth(0.8)
	d.gp.RectFromUpperLeftWithStyle(pt(x-60), pt(baseline-ascent*pt13*10-40), pt(w+120), pt((ascent+descent)*pt13*10+80), "D")
	return nil
}

// text draws s in a style and size with its baseline at (x, y) twips.
func (d *pdfDoc) text(s string, st style, size int, x, y float64) error {
	if err := d.font(st, size); err != nil {
		return err
	}
	f, err := d.m.face(st)
	if err != nil {
		return err
	}
	d.gp.SetXY(pt(x), pt(y))
	if err := d.gp.Text(f.printable(s)); err != nil {
		return fmt.Errorf("text: %w", err)
	}
	return nil
}

// font makes a style and size current, adding the font to the file on first use.
func (d *pdfDoc) font(st style, size int) error {
	if d.cur.set && d.cur.style == st && d.cur.size == size {
		return nil
	}
	name := st.postScriptName()
	if !d.added[st&3] {
		data, err := fontFiles.ReadFile(st.fontFile())
		if err != nil {
			return err
		}
		if err := d.gp.AddTTFFontData(name, data); err != nil {
			return fmt.Errorf("font %s: %w", name, err)
		}
		d.added[st&3] = true
	}
	if err := d.gp.SetFont(name, "", pt(size*10)); err != nil {
		return fmt.Errorf("font %s: %w", name, err)
	}
	d.cur.style, d.cur.size, d.cur.set = st, size, true
	return nil
}
