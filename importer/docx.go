package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"

	"congtac"
)

// Limits that keep a hostile or broken file from exhausting memory or the stack.
const (
	maxPartSize   = 50 << 20 // uncompressed bytes of one XML part
	maxElements   = 200_000  // paragraphs and table cells of the whole document
	maxNesting    = 32       // tables, cells and text-box paragraphs within one another
	maxStyleChain = 16       // styles followed along basedOn
	maxCounter    = 1 << 20  // a list number; beyond it the document is nonsense
)

// Messages for users, one per way a file can fail to be read.
const (
	msgNotDOCX   = "Tệp không phải là tài liệu Word (.docx) hợp lệ."
	msgLegacyDOC = "Tệp là tài liệu Word cũ (.doc) hoặc đã được đặt mật khẩu. Hãy mở tệp bằng Word và lưu lại dưới dạng .docx, không đặt mật khẩu."
	msgTooLarge  = "Tài liệu Word quá lớn: một phần nội dung vượt quá 50 MB."
	msgTooMany   = "Tài liệu Word quá lớn: có hơn 200.000 đoạn văn và ô bảng."
	msgTooDeep   = "Tài liệu Word có bảng hoặc khung văn bản lồng nhau quá nhiều tầng."
	msgDamaged   = "Tài liệu Word bị hỏng, không đọc được nội dung."
)

// Causes, wrapped under the messages above.
var (
	errNoDocument = errors.New("no word/document.xml in the package")
	errOLE        = errors.New("OLE compound file, not a zip package")
	errTooLarge   = errors.New("part larger than 50 MB")
	errTooMany    = errors.New("more than 200000 paragraphs and cells")
	errTooDeep    = errors.New("tables or text boxes nested too deeply")
)

// oleSignature starts .doc files and password-protected .docx files alike.
var oleSignature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// Namespaces. Elements of WordprocessingML are recognised by local name in either the
// transitional or the strict namespace; DrawingML's own a:p and a:t are not text of ours.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// ReadDOCX reads a Word document (WordprocessingML, .docx) into a [Source]: the blocks of
// its headers (Part [PartHeader]), its body and its footers (Part [PartFooter]), in that
// order. Headers and footers are those the document's sections reference, each part once,
// in the order of the sections and, within one, the first page's before the others.
//
// Text is returned as stored: tracked insertions are kept, tracked deletions, field codes
// and hidden text left out, text boxes given as paragraphs after the paragraph that anchors
// them. Bold and centring follow the paragraph's and runs' own properties, then their
// styles (styles.xml). List labels are computed from numbering.xml with counters per list
// instance (numId) in each part; a level restarts the levels below it.
//
// An error is a *[congtac.Error] of code [congtac.EINVALID] whose message, in Vietnamese,
// can be shown to the user, wrapping the cause: the data is not a zip package, has no
// word/document.xml, has an XML part over 50 MB or more than 200,000 paragraphs and cells,
// nests tables too deeply, or is damaged.
func ReadDOCX(data []byte) (Source, error) {
	if bytes.HasPrefix(data, oleSignature) {
		return Source{}, invalid("docx", msgLegacyDOC, errOLE)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return Source{}, invalid("docx", msgNotDOCX, err)
	}
	pkg := newPackage(zr)
	if pkg.files["word/document.xml"] == nil {
		return Source{}, invalid("docx", msgNotDOCX, errNoDocument)
	}
	src, err := pkg.read()
	if err != nil {
		return Source{}, invalid("docx", docxMessage(err), err)
	}
	return src, nil
}

// invalid returns an EINVALID error of reader showing msg to users and wrapping cause.
func invalid(reader, msg string, cause error) error {
	return fmt.Errorf("importer: %s: %w: %w", reader, &congtac.Error{Code: congtac.EINVALID, Message: msg}, cause)
}

// docxMessage returns the message for users for an error met while reading parts.
func docxMessage(err error) string {
	for cause, msg := range map[error]string{errTooLarge: msgTooLarge, errTooMany: msgTooMany, errTooDeep: msgTooDeep} {
		if errors.Is(err, cause) {
			return msg
		}
	}
	return msgDamaged
}

// docxPackage is an opened .docx with what every part needs: styles, list definitions
// and the budget of elements left.
type docxPackage struct {
	files    map[string]*zip.File
	styles   styleSheet
	lists    map[string]*numList
	elements int
}

func newPackage(zr *zip.Reader) *docxPackage {
	files := make(map[string]*zip.File, len(zr.File))
	for _, f := range zr.File {
		if files[f.Name] == nil {
			files[f.Name] = f
		}
	}
	return &docxPackage{files: files}
}

// read reads styles, numbering, the body, then the headers and footers it references.
func (p *docxPackage) read() (Source, error) {
	if err := p.readStyles(); err != nil {
		return Source{}, fmt.Errorf("styles: %w", err)
	}
	if err := p.readNumbering(); err != nil {
		return Source{}, fmt.Errorf("numbering: %w", err)
	}
	body, refs, err := p.readPart("word/document.xml", PartBody)
	if err != nil {
		return Source{}, fmt.Errorf("document: %w", err)
	}
	targets, err := p.resolve(refs)
	if err != nil {
		return Source{}, fmt.Errorf("relationships: %w", err)
	}
	var head, foot []Block
	for _, t := range targets {
		blocks, _, err := p.readPart(t.name, t.part)
		if err != nil {
			return Source{}, fmt.Errorf("%s: %w", t.name, err)
		}
		if t.part == PartHeader {
			head = append(head, blocks...)
		} else {
			foot = append(foot, blocks...)
		}
	}
	return Source{Blocks: append(append(head, body...), foot...)}, nil
}

// open opens a part for reading, refusing one larger than [maxPartSize]. The caller closes
// it. A part the package does not have gives a nil reader and no error.
func (p *docxPackage) open(name string) (io.ReadCloser, error) {
	f := p.files[name]
	if f == nil {
		return nil, nil
	}
	if f.UncompressedSize64 > maxPartSize {
		return nil, errTooLarge
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	return struct {
		io.Reader
		io.Closer
	}{&limitReader{r: rc, n: maxPartSize}, rc}, nil
}

// decodePart unmarshals the part name into v; a missing part leaves v as it is.
func (p *docxPackage) decodePart(name string, v any) error {
	rc, err := p.open(name)
	if err != nil || rc == nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(rc).Decode(v)
}

// readPart reads the blocks of one XML part (document, header or footer) and the header
// and footer references of its sections.
func (p *docxPackage) readPart(name, part string) ([]Block, []sectionRef, error) {
	rc, err := p.open(name)
	if err != nil || rc == nil {
		return nil, nil, err
	}
	defer rc.Close()
	r := &partReader{pkg: p, dec: xml.NewDecoder(rc), part: part, counters: map[string]*listCounters{}}
	if err := r.root(); err != nil {
		return nil, nil, err
	}
	blocks, err := r.blocks(nil)
	return blocks, r.refs, err
}

// limitReader reads at most n bytes from r and fails with errTooLarge when r has more.
type limitReader struct {
	r io.Reader
	n int64
}

func (l *limitReader) Read(b []byte) (int, error) {
	if l.n <= 0 {
		var one [1]byte
		if n, err := l.r.Read(one[:]); n == 0 {
			return 0, err
		}
		return 0, errTooLarge
	}
	if int64(len(b)) > l.n {
		b = b[:l.n]
	}
	n, err := l.r.Read(b)
	l.n -= int64(n)
	return n, err
}

// sectionRef is a header or footer reference of a section.
type sectionRef struct {
	XMLName xml.Name
	Type    string `xml:"type,attr"`
	ID      string `xml:"id,attr"`
}

// partTarget is a header or footer part to read.
type partTarget struct {
	name, part string
}

// resolve turns section references into part names through the document's
// relationships, each part once, in the order the sections give them.
func (p *docxPackage) resolve(refs []sectionRef) ([]partTarget, error) {
	if len(refs) == 0 {
		return nil, nil
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
			Mode   string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if err := p.decodePart("word/_rels/document.xml.rels", &rels); err != nil {
		return nil, err
	}
	byID := map[string]string{}
	for _, rel := range rels.Rels {
		if rel.Mode != "External" {
			byID[rel.ID] = partName(rel.Target)
		}
	}
	var out []partTarget
	seen := map[string]bool{}
	for _, ref := range refs {
		name := byID[ref.ID]
		if name == "" || seen[name] {
			continue
		}
		seen[name] = true
		part := PartHeader
		if ref.XMLName.Local == "footerReference" {
			part = PartFooter
		}
		out = append(out, partTarget{name: name, part: part})
	}
	return out, nil
}

// partName resolves a relationship target of word/document.xml to a zip entry name.
func partName(target string) string {
	if strings.HasPrefix(target, "/") {
		return path.Clean(target)[1:]
	}
	return path.Join("word", target)
}

// partReader reads the blocks of one part from a token stream.
type partReader struct {
	pkg      *docxPackage
	dec      *xml.Decoder
	part     string
	counters map[string]*listCounters // list counters by numId
	nesting  int
	refs     []sectionRef
}

// root reads up to the start of the part's root element.
func (r *partReader) root() error {
	for {
		tok, err := r.dec.Token()
		if err != nil {
			return err
		}
		if _, ok := tok.(xml.StartElement); ok {
			return nil
		}
	}
}

// walk reads the content of the element whose start was just read, up to its end. It
// calls visit for each start element not skipped by [skipped]; visit reports whether it
// consumed the element up to its end, otherwise walk descends into it.
func (r *partReader) walk(visit func(xml.StartElement) (bool, error)) error {
	depth := 0
	for {
		tok, err := r.dec.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skippedElement(t.Name) {
				if err := r.dec.Skip(); err != nil {
					return err
				}
				continue
			}
			done, err := visit(t)
			if err != nil {
				return err
			}
			if !done {
				depth++
			}
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}

// skippedElement reports whether an element holds nothing a reader sees: deleted and moved-away
// text, field codes, control properties, the fallback copy of alternate content, ruby text.
func skippedElement(n xml.Name) bool {
	if n.Space == nsMC {
		return n.Local == "Fallback"
	}
	switch wname(n) {
	case "del", "moveFrom", "delText", "instrText", "delInstrText", "sdtPr", "sdtEndPr",
		"customXmlPr", "smartTagPr", "rt", "tblPr", "tblGrid", "tblPrEx":
		return true
	}
	return false
}

// wname returns the local name of a WordprocessingML element, "" for other elements.
func wname(n xml.Name) string {
	if n.Space == nsW || n.Space == nsWStrict {
		return n.Local
	}
	return ""
}

// blocks reads the blocks within the current element. extra, when not nil, sees each
// start element first and reports whether it consumed it.
func (r *partReader) blocks(extra func(xml.StartElement) (bool, error)) ([]Block, error) {
	var out []Block
	err := r.walk(func(se xml.StartElement) (bool, error) {
		if extra != nil {
			if done, err := extra(se); done || err != nil {
				return done, err
			}
		}
		return r.block(se, &out)
	})
	return out, err
}

// block reads a paragraph, a table or section properties starting at se, appending
// blocks to out. It reports whether se was one of them.
func (r *partReader) block(se xml.StartElement, out *[]Block) (bool, error) {
	switch wname(se.Name) {
	case "p":
		bs, err := r.paragraph()
		*out = append(*out, bs...)
		return true, err
	case "tbl":
		t, err := r.table()
		if t != nil {
			*out = append(*out, Block{Kind: KindTable, Table: t, Part: r.part})
		}
		return true, err
	case "sectPr":
		var s sectPrXML
		err := r.dec.DecodeElement(&s, &se)
		r.addRefs(&s)
		return true, err
	}
	return false, nil
}

// sectPrXML holds the properties of a section; only header and footer references are
// used.
type sectPrXML struct {
	Refs []sectionRef `xml:",any"`
}

// addRefs records the header and footer references of a section, first-page ones first.
func (r *partReader) addRefs(s *sectPrXML) {
	if s == nil {
		return
	}
	var refs []sectionRef
	for _, ref := range s.Refs {
		if l := wname(ref.XMLName); l == "headerReference" || l == "footerReference" {
			refs = append(refs, ref)
		}
	}
	rank := map[string]int{"first": 0, "default": 1, "": 1, "even": 2}
	sort.SliceStable(refs, func(i, j int) bool { return rank[refs[i].Type] < rank[refs[j].Type] })
	r.refs = append(r.refs, refs...)
}

// enter counts one more paragraph or cell and one more level of nesting; leave undoes the
// nesting.
func (r *partReader) enter() error {
	r.pkg.elements++
	r.nesting++
	switch {
	case r.pkg.elements > maxElements:
		return errTooMany
	case r.nesting > maxNesting:
		return errTooDeep
	}
	return nil
}

func (r *partReader) leave() { r.nesting-- }

// Properties decoded from the XML. Only the fields the reader uses are declared.
type (
	valXML struct {
		Val *string `xml:"val,attr"`
	}
	numPrXML struct {
		Ilvl  *valXML `xml:"ilvl"`
		NumID *valXML `xml:"numId"`
	}
	pPrXML struct {
		Style  *valXML    `xml:"pStyle"`
		Jc     *valXML    `xml:"jc"`
		NumPr  *numPrXML  `xml:"numPr"`
		SectPr *sectPrXML `xml:"sectPr"`
	}
	rPrXML struct {
		Style  *valXML `xml:"rStyle"`
		B      *valXML `xml:"b"`
		Vanish *valXML `xml:"vanish"`
	}
	textXML struct {
		Space string `xml:"space,attr"`
		Text  string `xml:",chardata"`
	}
)

// on reads an on/off property: absent is nil, present without a value is on.
func (v *valXML) on() *bool {
	if v == nil {
		return nil
	}
	on := v.Val == nil || !slices.Contains([]string{"0", "false", "off", "none"}, *v.Val)
	return &on
}

// isOn reports whether an on/off property is present and on.
func (v *valXML) isOn() bool {
	on := v.on()
	return on != nil && *on
}

// str returns the value, "" when absent.
func (v *valXML) str() string {
	if v == nil || v.Val == nil {
		return ""
	}
	return *v.Val
}

// paraText accumulates the text of a paragraph and whether all of it is bold.
type paraText struct {
	b       strings.Builder
	hasText bool
	allBold bool
}

func (p *paraText) add(s string, bold bool) {
	p.b.WriteString(s)
	if strings.TrimSpace(s) != "" {
		p.hasText = true
		p.allBold = p.allBold && bold
	}
}

// paragraph reads a w:p whose start was just read. It returns the paragraph and after it
// the blocks of text boxes anchored in it.
func (r *partReader) paragraph() ([]Block, error) {
	defer r.leave()
	if err := r.enter(); err != nil {
		return nil, err
	}
	var ppr pPrXML
	var run rPrXML
	text := paraText{allBold: true}
	var boxes []Block
	err := r.walk(func(se xml.StartElement) (bool, error) {
		switch wname(se.Name) {
		case "pPr":
			err := r.dec.DecodeElement(&ppr, &se)
			r.addRefs(ppr.SectPr)
			return true, err
		case "r":
			run = rPrXML{}
			return false, nil
		case "rPr":
			run = rPrXML{}
			return true, r.dec.DecodeElement(&run, &se)
		case "t":
			var t textXML
			if err := r.dec.DecodeElement(&t, &se); err != nil {
				return true, err
			}
			r.addRun(&text, t.value(), ppr, run)
			return true, nil
		case "tab", "ptab", "br", "cr", "noBreakHyphen":
			r.addRun(&text, specialText[se.Name.Local], ppr, run)
			return true, r.dec.Skip()
		}
		return r.block(se, &boxes)
	})
	if err != nil {
		return nil, err
	}
	b := Block{Kind: KindParagraph, Text: text.b.String(), Part: r.part,
		Bold: text.hasText && text.allBold, Center: r.pkg.styles.center(ppr)}
	b.Number, b.Level = r.number(ppr)
	return append([]Block{b}, boxes...), nil
}

// specialText is the text of the empty elements that stand for characters.
var specialText = map[string]string{"tab": "\t", "ptab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}

// addRun adds text of a run with properties run in a paragraph with properties ppr,
// unless the run is hidden.
func (r *partReader) addRun(p *paraText, s string, ppr pPrXML, run rPrXML) {
	if run.Vanish.isOn() {
		return
	}
	p.add(s, r.pkg.styles.bold(ppr, run))
}

// value returns the text as Word shows it: without leading and trailing white space
// unless xml:space="preserve".
func (t textXML) value() string {
	if t.Space == "preserve" {
		return t.Text
	}
	return strings.Trim(t.Text, " \t\r\n")
}

// table reads a w:tbl whose start was just read.
func (r *partReader) table() (*Table, error) {
	defer r.leave()
	r.nesting++
	if r.nesting > maxNesting {
		return nil, errTooDeep
	}
	t := &Table{}
	above := map[int]string{} // text by grid column of the row above
	err := r.walk(func(se xml.StartElement) (bool, error) {
		if wname(se.Name) != "tr" {
			return false, nil
		}
		row, err := r.row(above)
		if err != nil {
			return true, err
		}
		t.Rows = append(t.Rows, row)
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// row reads a w:tr whose start was just read. above holds the text of the row above by
// grid column, for vertically merged cells; row replaces it with its own.
func (r *partReader) row(above map[int]string) ([]Cell, error) {
	var cells []Cell
	var cols []int
	col := 0
	err := r.walk(func(se xml.StartElement) (bool, error) {
		switch wname(se.Name) {
		case "trPr":
			var pr struct {
				Before *valXML `xml:"gridBefore"`
			}
			err := r.dec.DecodeElement(&pr, &se)
			col += parseClamped(pr.Before.str(), 0, 0, 1000)
			return true, err
		case "tc":
			c, err := r.cell()
			if err != nil {
				return true, err
			}
			if text, ok := above[col]; c.Continued && ok {
				c.Text = text
			}
			cells = append(cells, c)
			cols = append(cols, col)
			col += c.Span
			return true, nil
		}
		return false, nil
	})
	clear(above)
	for i, c := range cells {
		above[cols[i]] = c.Text
	}
	return cells, err
}

// cell reads a w:tc whose start was just read.
func (r *partReader) cell() (Cell, error) {
	defer r.leave()
	if err := r.enter(); err != nil {
		return Cell{}, err
	}
	c := Cell{Span: 1}
	blocks, err := r.blocks(func(se xml.StartElement) (bool, error) {
		if wname(se.Name) != "tcPr" {
			return false, nil
		}
		var pr struct {
			Span   *valXML `xml:"gridSpan"`
			VMerge *valXML `xml:"vMerge"`
		}
		err := r.dec.DecodeElement(&pr, &se)
		c.Span = parseClamped(pr.Span.str(), 1, 1, 1000)
		c.Continued = pr.VMerge != nil && pr.VMerge.str() != "restart"
		return true, err
	})
	c.Text = strings.Join(cellLines(blocks), "\n")
	return c, err
}

// cellLines flattens the blocks of a cell into lines: non-empty paragraphs with their
// labels, and the cells of nested tables one by one, each merged cell once.
func cellLines(blocks []Block) []string {
	var lines []string
	for _, b := range blocks {
		switch {
		case b.Kind == KindTable && b.Table != nil:
			for _, row := range b.Table.Rows {
				for _, c := range row {
					if c.Text != "" && !c.Continued {
						lines = append(lines, c.Text)
					}
				}
			}
		case b.Kind == KindParagraph && b.label() != "":
			lines = append(lines, b.label())
		}
	}
	return lines
}

// parseClamped parses s as an integer within [lo, hi], def when it is not one.
func parseClamped(s string, def, lo, hi int) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return def
	}
	return min(max(n, lo), hi)
}
