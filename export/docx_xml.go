package export

import (
	"bytes"
	"encoding/xml"
	"fmt"
)

// documentXML returns word/document.xml: the blocks of s, then its section properties.
func documentXML(s *sheet, m *metrics, media *docxMedia) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(4096 + 512*len(s.blocks))
	b.WriteString(xmlPI + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"` +
		` xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"` +
		` xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"` +
		` xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>`)
	x := docxWriter{b: &b, media: media}
	for i, bl := range s.blocks {
		switch v := bl.(type) {
		case para:
			x.para(v, s.page.textWidth())
		case *table:
			x.table(v)
			if i == len(s.blocks)-1 {
				// Word needs a paragraph between a table and the end of the body.
				b.WriteString(`<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>` +
					`<w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>`)
			}
		}
	}
	sectPr(&b, s.page)
	b.WriteString(`</w:body></w:document>`)
	return b.Bytes(), nil
}

// docxWriter writes blocks as WordprocessingML.
type docxWriter struct {
	b     *bytes.Buffer
	media *docxMedia
}

var alignNames = [...]string{alignLeft: "left", alignCenter: "center", alignRight: "right", alignJustify: "both"}

// para writes a paragraph, and after it the paragraph that draws its rule. width is the
// width of its container, for centring the rule.
func (x docxWriter) para(p para, width int) {
	b := x.b
	b.WriteString(`<w:p><w:pPr>`)
	if p.keepNext || p.rule > 0 {
		b.WriteString(`<w:keepNext/>`)
	}
	after := p.after
	if p.rule > 0 {
		after = 0 // the rule's paragraph takes the space after
	}
	fmt.Fprintf(b, `<w:spacing w:before="%d" w:after="%d" w:line="%d" w:lineRule="exact"/>`, p.before, after, p.line)
	if p.left != 0 || p.right != 0 || p.first != 0 {
		fmt.Fprintf(b, `<w:ind w:left="%d" w:right="%d"`, p.left, p.right)
		if p.first >= 0 {
			fmt.Fprintf(b, ` w:firstLine="%d"/>`, p.first)
		} else {
			fmt.Fprintf(b, ` w:hanging="%d"/>`, -p.first)
		}
	}
	fmt.Fprintf(b, `<w:jc w:val="%s"/>`, alignNames[p.align])
	size := fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, p.size, p.size)
	b.WriteString(`<w:rPr>` + size + `</w:rPr></w:pPr>`)
	if p.stamp {
		x.stamp(width-p.left-p.right, p.line)
	}
	for _, r := range p.runs {
		if r.text == "" {
			continue
		}
		b.WriteString(`<w:r><w:rPr>`)
		if r.style&bold != 0 {
			b.WriteString(`<w:b/><w:bCs/>`)
		}
		if r.style&italic != 0 {
			b.WriteString(`<w:i/><w:iCs/>`)
		}
		b.WriteString(size + `</w:rPr><w:t xml:space="preserve">`)
		escape(b, r.text)
		b.WriteString(`</w:t></w:r>`)
	}
	b.WriteString(`</w:p>`)
	if p.rule > 0 {
		x.rule(p, width)
	}
}

// Geometry of the rule under a paragraph: an empty paragraph ruleLine twips high whose
// bottom border, ruleSpace points below it, is the rule. Word and LibreOffice both draw a
// paragraph border, where a drawn line would float differently in each.
const (
	ruleLine   = 60
	ruleSpace  = 1   // points
	ruleHeight = 100 // what the rule paragraph takes in the flow, border included
	ruleWidth  = 6   // eighths of a point: 0.75 pt
)

// rule writes the paragraph whose bottom border is p's rule, centred in width.
func (x docxWriter) rule(p para, width int) {
	side := max((width-p.left-p.right-p.rule)/2, 0)
	fmt.Fprintf(x.b, `<w:p><w:pPr><w:keepNext/><w:pBdr><w:bottom w:val="single" w:sz="%d" w:space="%d" w:color="000000"/></w:pBdr>`+
		`<w:spacing w:before="0" w:after="%d" w:line="%d" w:lineRule="exact"/><w:ind w:left="%d" w:right="%d"/>`+
		`<w:jc w:val="center"/><w:rPr><w:sz w:val="4"/><w:szCs w:val="4"/></w:rPr></w:pPr></w:p>`,
		ruleWidth, ruleSpace, p.after, ruleLine, p.left+side, p.right+side)
}

// table writes a table with fixed column widths.
func (x docxWriter) table(t *table) {
	b := x.b
	fmt.Fprintf(b, `<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/>`, t.width())
	border := "nil"
	if t.grid {
		border = "single"
	}
	b.WriteString(`<w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		if t.grid {
			fmt.Fprintf(b, `<w:%s w:val="%s" w:sz="4" w:space="0" w:color="000000"/>`, side, border)
		} else {
			fmt.Fprintf(b, `<w:%s w:val="nil"/>`, side)
		}
	}
	pad := t.cellPadding()
	fmt.Fprintf(b, `</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="%d" w:type="dxa"/>`+
		`<w:left w:w="%d" w:type="dxa"/><w:bottom w:w="%d" w:type="dxa"/><w:right w:w="%d" w:type="dxa"/></w:tblCellMar>`+
		`<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`,
		cellPadTop(t), pad, cellPadTop(t), pad)
	for _, c := range t.cols {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, c)
	}
	b.WriteString(`</w:tblGrid>`)
	for i, row := range t.rows {
		x.row(t, row, i < t.repeat)
	}
	b.WriteString(`</w:tbl>`)
}

// cellPadTop returns the top and bottom padding of a table's cells.
func cellPadTop(t *table) int {
	if t.grid {
		return 40
	}
	return 0
}

// row writes one table row; a row kept on one page cannot split, a header row repeats.
func (x docxWriter) row(t *table, row []cell, header bool) {
	b := x.b
	b.WriteString(`<w:tr>`)
	if t.keep || header {
		b.WriteString(`<w:trPr>`)
		if t.keep {
			b.WriteString(`<w:cantSplit/>`)
		}
		if header {
			b.WriteString(`<w:tblHeader/>`)
		}
		b.WriteString(`</w:trPr>`)
	}
	for j := range t.cols {
		var c cell
		if j < len(row) {
			c = row[j]
		}
		fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, t.cols[j])
		if c.fill {
			b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/>`)
		}
		b.WriteString(`</w:tcPr>`)
		inner := t.cols[j] - 2*t.cellPadding()
		for _, p := range c.paras {
			x.para(p, inner)
		}
		if len(c.paras) == 0 {
			b.WriteString(`<w:p/>`)
		}
		b.WriteString(`</w:tc>`)
	}
	b.WriteString(`</w:tr>`)
}

// escape writes s as XML character data. encoding/xml replaces characters XML cannot
// hold with U+FFFD, so any string gives well-formed XML.
func escape(b *bytes.Buffer, s string) {
	_ = xml.EscapeText(b, []byte(s)) // a bytes.Buffer does not fail
}
