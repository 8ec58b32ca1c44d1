package export

// table places a table at the left margin. Rows of a kept table move whole to the next
// page when they do not fit; other rows, and kept rows taller than a page, continue on the
// next page. Header rows repeat at the top of every page the table reaches.
func (d *pdfDoc) table(t *table) error {
	defer func() { d.repeat = nil }()
	var header [][][]slot
	for i, row := range t.rows {
		cells, err := d.cellSlots(t, row)
		if err != nil {
			return err
		}
		if err := d.row(t, row, cells); err != nil {
			return err
		}
		if i < t.repeat {
			header = append(header, cells)
			if i == t.repeat-1 {
				d.repeat = func() error { return d.repeatRows(t, header) }
			}
		}
	}
	return nil
}

// repeatRows draws a table's header rows again at the top of a new page.
func (d *pdfDoc) repeatRows(t *table, header [][][]slot) error {
	again := d.repeat
	d.repeat = nil // a header row never breaks the page it repeats on
	defer func() { d.repeat = again }()
	for i, cells := range header {
		if err := d.row(t, t.rows[i], cells); err != nil {
			return err
		}
	}
	return nil
}

// cellSlots lays out each cell of a row in its column.
func (d *pdfDoc) cellSlots(t *table, row []cell) ([][]slot, error) {
	cells := make([][]slot, len(t.cols))
	inner := func(j int) int { return t.cols[j] - 2*t.cellPadding() }
	for j := range t.cols {
		if j >= len(row) {
			continue
		}
		for _, p := range row[j].paras {
			ss, err := d.slots(p, inner(j))
			if err != nil {
				return nil, err
			}
			cells[j] = append(cells[j], ss...)
		}
	}
	return cells, nil
}

// row places one row, over as many pages as it needs.
func (d *pdfDoc) row(t *table, row []cell, cells [][]slot) error {
	padV := float64(cellPadTop(t))
	for {
		need := 2 * padV
		for _, c := range cells {
			need = max(need, height(c)+2*padV)
		}
		fits := d.y+need <= d.bottom()
		whole := need <= d.bottom()-d.top
		if !fits && !d.atTop() && (t.keep && whole || !d.anyFits(cells, padV)) {
			if err := d.breakPage(); err != nil {
				return err
			}
			continue
		}
		taken, rest := cells, [][]slot(nil)
		if !fits {
			taken, rest = d.split(cells, padV)
		}
		if err := d.drawRow(t, row, taken); err != nil {
			return err
		}
		if rest == nil {
			return nil
		}
		if err := d.breakPage(); err != nil {
			return err
		}
		cells = rest
	}
}

// height returns the height of a cell's strips.
func height(ss []slot) float64 {
	h := 0.0
	for _, s := range ss {
		h += s.h
	}
	return h
}

// anyFits reports whether the first strip of some cell fits on what is left of the page.
func (d *pdfDoc) anyFits(cells [][]slot, padV float64) bool {
	for _, c := range cells {
		if len(c) > 0 && d.y+2*padV+c[0].h <= d.bottom() {
			return true
		}
	}
	return false
}

// split divides each cell's strips into those that fit on this page and the rest; a cell
// takes at least one strip at the top of a page, so that every page makes progress. rest
// is nil when everything fits.
func (d *pdfDoc) split(cells [][]slot, padV float64) (taken, rest [][]slot) {
	avail := d.bottom() - d.y - 2*padV
	taken, rest = make([][]slot, len(cells)), make([][]slot, len(cells))
	more := false
	for j, c := range cells {
		h, n := 0.0, 0
		for n < len(c) && (h+c[n].h <= avail || (n == 0 && d.atTop())) {
			h += c[n].h
			n++
		}
		taken[j], rest[j] = c[:n], c[n:]
		more = more || n < len(c)
	}
	if !more {
		return taken, nil
	}
	return taken, rest
}

// drawRow draws the cells' strips from the cursor, the shading and borders of a grid, and
// moves the cursor under the row.
func (d *pdfDoc) drawRow(t *table, row []cell, cells [][]slot) error {
	padV, pad := float64(cellPadTop(t)), float64(t.cellPadding())
	h := 0.0
	for _, c := range cells {
		h = max(h, height(c))
	}
	h += 2 * padV
	x := float64(d.s.page.left)
	for j, w := range t.cols {
		if t.grid && j < len(row) && row[j].fill {
			d.gp.SetFillColor(0xE7, 0xE6, 0xE6)
			d.gp.RectFromUpperLeftWithStyle(pt(x), pt(d.y), pt(w), pt(h), "F")
			d.gp.SetFillColor(0, 0, 0) // text is drawn in the fill colour
		}
		y := d.y + padV
		for _, s := range cells[j] {
			if s.draw != nil {
				if err := s.draw(x+pad, y); err != nil {
					return err
				}
			}
			y += s.h
		}
		if t.grid {
			d.gp.SetLineWidth(0.5)
			d.gp.RectFromUpperLeftWithStyle(pt(x), pt(d.y), pt(w), pt(h), "D")
		}
		x += float64(w)
	}
	d.y += h
	return nil
}
