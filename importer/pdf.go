package importer

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"math"

	"rsc.io/pdf"
)

// Limits that keep a hostile or broken PDF from exhausting memory, the stack or time.
const (
	maxPDFSize       = 50 << 20  // bytes of the file
	maxPDFPages      = 500       // pages of the document
	maxPDFObjects    = 1 << 20   // entries of the cross-reference table
	maxObjStmObjects = 1 << 15   // objects of one object stream, each looked up by a scan
	maxPDFStream     = 32 << 20  // decoded bytes of one stream
	maxPDFDecoded    = 256 << 20 // decoded bytes of all the streams read
	maxPDFNesting    = 4096      // arrays and dictionaries within one another
	maxPDFGlyphs     = 200_000   // glyphs drawn on one page
	maxPDFText       = 8_000_000 // glyphs of the whole document
	maxFormDepth     = 8         // form XObjects drawn within one another
)

// Messages for users, one per way a PDF can fail to be read.
const (
	msgNotPDF        = "Tệp không phải là PDF hợp lệ."
	msgPDFEncrypted  = "Tệp PDF được bảo vệ bằng mật khẩu, không đọc được."
	msgPDFNoText     = "Tệp PDF không có lớp chữ (bản quét); cần nhận dạng ký tự trước khi nhập."
	msgPDFNoUnicode  = "Phông chữ của tệp PDF không cho biết mã Unicode của các chữ, không lấy được nội dung."
	msgPDFDamaged    = "Tệp PDF bị hỏng, không đọc được nội dung."
	msgPDFTooLarge   = "Tệp PDF quá lớn: vượt quá 50 MB."
	msgPDFTooMuch    = "Tệp PDF có nội dung nén quá lớn hoặc quá phức tạp, không đọc được."
	msgPDFTooManyPgs = "Tệp PDF quá dài: có hơn 500 trang."
)

// Causes, wrapped under the messages above.
var (
	errPDFNoHeader  = errors.New("no %PDF- header in the first 1024 bytes")
	errPDFNoEOF     = errors.New("no %%EOF marker: truncated file")
	errPDFTooLarge  = errors.New("file larger than 50 MB")
	errPDFTooMuch   = errors.New("decoded content, objects, nesting or glyphs beyond the limits")
	errPDFTooMany   = errors.New("more than 500 pages")
	errPDFEncrypted = errors.New("encrypted, and not with an empty user password")
	errPDFNoText    = errors.New("no text drawn on any page")
	errPDFNoUnicode = errors.New("no glyph maps to Unicode")
	errPDFNoPages   = errors.New("no page in the page tree")
)

// ReadPDF reads the text layer of a PDF file into a [Source]: one paragraph [Block] per
// line of text, Part [PartBody], pages in order and each page's lines from top to bottom.
// A line is the glyphs on one baseline, left to right, with a space wherever the gap
// between two glyphs is wider than 0.15 of the font size or the file draws a space. Bold
// is true when every glyph of the line is in a font whose name (or weight) says bold;
// Center when the line's middle is near the middle of the page's text and the line does
// not fill it. At the top of the first page, a masthead of two columns side by side (the
// issuing body and "Số:" on the left, the national name, motto and date on the right) is
// given as the lines of its left column, then those of its right column. Text is as the
// fonts' Unicode maps give it: not normalised, not repaired ([Clean] does that).
//
// The file's structure (cross-reference tables and streams, object streams, Flate
// compression, files encrypted with an empty user password) is read with rsc.io/pdf;
// fonts (Type0 with Identity-H and other CMaps, TrueType, Type1 and Type3 with their
// encodings and ToUnicode maps) and content streams are interpreted here.
//
// An error is a *[congtac.Error] of code [congtac.EINVALID] whose message, in Vietnamese,
// can be shown to the user, wrapping the cause: the data is not a PDF, is damaged, is
// encrypted with a password, is over 50 MB, has more than 500 pages, decompresses to too
// much, or has no text layer (a scan) or no Unicode map for its fonts. ReadPDF never
// panics.
func ReadPDF(data []byte) (Source, error) {
	if len(data) > maxPDFSize {
		return Source{}, invalid("pdf", msgPDFTooLarge, errPDFTooLarge)
	}
	data, err := trimPDF(data)
	if err != nil {
		return Source{}, invalid("pdf", pdfMessage(err), err)
	}
	if err := checkPDFStructure(data); err != nil {
		return Source{}, invalid("pdf", pdfMessage(err), err)
	}
	src, err := readPDFFile(data)
	if err != nil {
		if bytes.Contains(data, []byte("/Encrypt")) && pdfMessage(err) == msgPDFDamaged {
			err = fmt.Errorf("%w: %w", errPDFEncrypted, err)
		}
		return Source{}, invalid("pdf", pdfMessage(err), err)
	}
	return src, nil
}

// readPDFFile reads the pages of a PDF file, turning a panic of rsc.io/pdf on a damaged
// file (its way of failing) into an error.
func readPDFFile(data []byte) (src Source, err error) {
	defer func() {
		if r := recover(); r != nil {
			src, err = Source{}, fmt.Errorf("damaged: %v", r)
		}
	}()
	r, err := pdf.NewReader(pdfHeaderFix{data}, int64(len(data)))
	if err != nil {
		return Source{}, err
	}
	return readPDFPages(r)
}

// pdfMessage returns the message for users for an error met while reading a PDF.
func pdfMessage(err error) string {
	for _, c := range []struct {
		cause error
		msg   string
	}{{errPDFNoHeader, msgNotPDF}, {errPDFTooLarge, msgPDFTooLarge}, {errPDFTooMuch, msgPDFTooMuch},
		{errPDFTooMany, msgPDFTooManyPgs}, {errPDFEncrypted, msgPDFEncrypted}, {errPDFNoText, msgPDFNoText},
		{errPDFNoUnicode, msgPDFNoUnicode}} {
		if errors.Is(err, c.cause) {
			return c.msg
		}
	}
	return msgPDFDamaged
}

// trimPDF returns data from its "%PDF-" header, which may follow up to 1 KB of junk, to
// the end of its last "%%EOF" marker, dropping what follows it: rsc.io/pdf looks for the
// header at the start and for the marker within the last 100 bytes.
func trimPDF(data []byte) ([]byte, error) {
	i := bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-"))
	if i < 0 {
		return nil, errPDFNoHeader
	}
	data = data[i:]
	j := bytes.LastIndex(data, []byte("%%EOF"))
	if j < 0 {
		return nil, errPDFNoEOF
	}
	return data[:j+len("%%EOF")], nil
}

// pdfHeaderFix reads a PDF file's bytes with the header line as rsc.io/pdf accepts it,
// "%PDF-1.7\n", whatever version the file says (2.0 included): the version changes nothing
// the reader does.
type pdfHeaderFix struct{ data []byte }

func (f pdfHeaderFix) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 || off >= int64(len(f.data)) {
		return 0, io.EOF
	}
	n := copy(p, f.data[off:])
	const header = "%PDF-1.7\n"
	for i := off; i < int64(len(header)) && i < off+int64(n); i++ {
		p[i-off] = header[i]
	}
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// checkPDFStructure refuses, before rsc.io/pdf reads them, the numbers and nestings of a
// file that would make it allocate without bound, loop for long or recurse past the
// stack: the sizes and index ranges of cross-reference tables and streams, their field
// widths, predictor columns, the object counts of object streams (each lookup scans up
// to it), arrays and dictionaries nested too deep, and object streams that decompress to
// too much or nest too deep.
func checkPDFStructure(data []byte) error {
	limits := []struct {
		key   string
		limit int64
	}{{"/Size", maxPDFObjects}, {"/Columns", 1 << 20}, {"/N", maxObjStmObjects}}
	for _, l := range limits {
		for _, n := range numbersAfter(data, l.key, false) {
			if n > l.limit {
				return fmt.Errorf("%w: %s %d", errPDFTooMuch, l.key, n)
			}
		}
	}
	for _, key := range []string{"/Index", "/W"} {
		for _, n := range numbersAfter(data, key, true) {
			if n > maxPDFObjects {
				return fmt.Errorf("%w: %s %d", errPDFTooMuch, key, n)
			}
		}
	}
	if err := checkXrefTables(data); err != nil {
		return err
	}
	if nestingDepth(data) > maxPDFNesting {
		return fmt.Errorf("%w: nesting", errPDFTooMuch)
	}
	return checkObjectStreams(data)
}

// numbersAfter returns the non-negative integers that follow each occurrence of key (a
// name, not a prefix of a longer one): the first only, or all those of the array that
// follows when inArray.
func numbersAfter(data []byte, key string, inArray bool) []int64 {
	var out []int64
	for rest := data; ; {
		i := bytes.Index(rest, []byte(key))
		if i < 0 {
			return out
		}
		rest = rest[i+len(key):]
		j := 0
		for j < len(rest) && isPDFSpace(rest[j]) {
			j++
		}
		if j == len(rest) || (j == 0 && !isPDFDelim(rest[0])) {
			continue
		}
		if !inArray {
			if n, ok := leadingInt(rest[j:]); ok {
				out = append(out, n)
			}
			continue
		}
		if rest[j] != '[' {
			continue
		}
		end := bytes.IndexByte(rest[j:], ']')
		if end < 0 {
			return out
		}
		for _, f := range bytes.Fields(rest[j+1 : j+end]) {
			if n, ok := leadingInt(f); ok {
				out = append(out, n)
			}
		}
	}
}

// leadingInt returns the integer of decimal digits b starts with, saturated at MaxInt64.
func leadingInt(b []byte) (int64, bool) {
	var n int64
	i := 0
	for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		if n > (math.MaxInt64-9)/10 {
			return math.MaxInt64, true
		}
		n = n*10 + int64(b[i]-'0')
	}
	return n, i > 0
}

// checkXrefTables checks the subsection headers ("first count") of every classic
// cross-reference table, from "xref" to "trailer".
func checkXrefTables(data []byte) error {
	for off := 0; ; {
		i := bytes.Index(data[off:], []byte("xref"))
		if i < 0 {
			return nil
		}
		at := off + i
		off = at + len("xref")
		if at >= len("start") && string(data[at-len("start"):at]) == "start" {
			continue
		}
		table := data[off:]
		if end := bytes.Index(table, []byte("trailer")); end >= 0 {
			table = table[:end]
		}
		off += len(table) // tables do not hold "xref": each byte is looked at once
		for len(table) > 0 {
			line := table
			if j := bytes.IndexAny(table, "\r\n"); j >= 0 {
				line, table = table[:j], table[j+1:]
			} else {
				table = nil
			}
			f := bytes.Fields(line)
			if len(f) != 2 {
				continue
			}
			if n, ok := leadingInt(f[0]); ok && n > maxPDFObjects {
				return fmt.Errorf("%w: xref subsection at %d", errPDFTooMuch, n)
			}
		}
	}
}

// nestingDepth returns the deepest nesting of arrays and dictionaries in data outside
// stream data, counted loosely: strings are not skipped, and closing more than was opened
// counts as closing nothing.
func nestingDepth(data []byte) int {
	depth, deepest := 0, 0
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case c == 's' && bytes.HasPrefix(data[i:], []byte("stream")) && (i < 3 || string(data[i-3:i]) != "end"):
			end := bytes.Index(data[i:], []byte("endstream"))
			if end < 0 {
				return deepest
			}
			i += end + len("endstream") - 1
			depth = 0
		case c == '[':
			depth++
		case c == ']':
			depth = max(0, depth-1)
		case i+1 < len(data) && (c == '<' || c == '>') && data[i+1] == c:
			if c == '<' {
				depth++
			} else {
				depth = max(0, depth-1)
			}
			i++
		}
		deepest = max(deepest, depth)
	}
	return deepest
}

// checkObjectStreams decompresses every object stream and refuses the file when one
// decodes to more than maxPDFStream bytes, all of them to more than maxPDFDecoded, or one
// nests too deep: rsc.io/pdf reads them with no such limit.
func checkObjectStreams(data []byte) error {
	total := int64(0)
	for rest := data; ; {
		i := bytes.Index(rest, []byte("/ObjStm"))
		if i < 0 {
			return nil
		}
		rest = rest[i+len("/ObjStm"):]
		j := bytes.Index(rest[:min(len(rest), 4096)], []byte("stream"))
		if j < 0 {
			continue
		}
		k := j + len("stream")
		if k < len(rest) && rest[k] == '\r' {
			k++
		}
		if k < len(rest) && rest[k] == '\n' {
			k++
		}
		zr, err := zlib.NewReader(bytes.NewReader(rest[k:]))
		if err != nil {
			continue // not Flate, or encrypted: rsc.io/pdf will say
		}
		var buf bytes.Buffer
		n, _ := io.Copy(&buf, io.LimitReader(zr, maxPDFStream+1))
		total += n
		if n > maxPDFStream || total > maxPDFDecoded || nestingDepth(buf.Bytes()) > maxPDFNesting {
			return fmt.Errorf("%w: object stream", errPDFTooMuch)
		}
	}
}

// isPDFSpace reports whether c is white space in PDF syntax.
func isPDFSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

// isPDFDelim reports whether c ends a PDF token: white space or a delimiter.
func isPDFDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return isPDFSpace(c)
}

// pdfPage is a page to read: its dictionary, the box of its visible area and its rotation
// in degrees clockwise (0, 90, 180 or 270).
type pdfPage struct {
	v      pdf.Value
	box    [4]float64 // x0, y0, x1, y1
	rotate int
}

// readPDFPages reads every page of r into blocks.
func readPDFPages(r *pdf.Reader) (Source, error) {
	pages, err := pdfPages(r.Trailer().Key("Root").Key("Pages"))
	if err != nil {
		return Source{}, err
	}
	x := newPDFExtractor()
	var src Source
	glyphs, unknown := 0, 0
	for i, p := range pages {
		gs, err := x.page(p)
		if err != nil {
			return Source{}, fmt.Errorf("page %d: %w", i+1, err)
		}
		if glyphs += len(gs); glyphs > maxPDFText {
			return Source{}, fmt.Errorf("%w: more than %d glyphs", errPDFTooMuch, maxPDFText)
		}
		for _, g := range gs {
			if g.text == "\uFFFD" {
				unknown++
			}
		}
		width, height := p.box[2]-p.box[0], p.box[3]-p.box[1]
		if p.rotate%180 != 0 {
			width, height = height, width
		}
		lines := pageLines(gs)
		if i == 0 {
			lines = repairMasthead(lines, width, height)
		}
		lines = repairClosing(lines)
		src.Blocks = append(src.Blocks, lineBlocks(lines, width)...)
	}
	switch {
	case glyphs == 0:
		return Source{}, errPDFNoText
	case unknown == glyphs:
		return Source{}, errPDFNoUnicode
	}
	return src, nil
}

// pdfPages returns the pages of the page tree under root, in order, with their boxes.
func pdfPages(root pdf.Value) ([]pdfPage, error) {
	var pages []pdfPage
	nodes := 0
	var walk func(node pdf.Value, depth int) error
	walk = func(node pdf.Value, depth int) error {
		if nodes++; depth > 64 || nodes > 4*maxPDFPages+1000 {
			return fmt.Errorf("%w: page tree", errPDFTooMuch)
		}
		kids := node.Key("Kids")
		if node.Key("Type").Name() == "Pages" || node.Key("Type").Name() != "Page" && kids.Kind() == pdf.Array {
			for i := range kids.Len() {
				if err := walk(kids.Index(i), depth+1); err != nil {
					return err
				}
			}
			return nil
		}
		if node.Kind() != pdf.Dict {
			return nil
		}
		if len(pages) == maxPDFPages {
			return errPDFTooMany
		}
		pages = append(pages, pdfPage{v: node, box: pageBox(node), rotate: pageRotation(node)})
		return nil
	}
	if err := walk(root, 0); err != nil {
		return nil, err
	}
	if len(pages) == 0 {
		return nil, errPDFNoPages
	}
	return pages, nil
}

// inherited returns the value of key in the page v or the nearest of its ancestors that
// has it.
func inherited(v pdf.Value, key string) pdf.Value {
	for range 32 {
		if v.IsNull() {
			break
		}
		if r := v.Key(key); !r.IsNull() {
			return r
		}
		v = v.Key("Parent")
	}
	return pdf.Value{}
}

// pageBox returns the page's crop box, or its media box, or US Letter.
func pageBox(page pdf.Value) [4]float64 {
	for _, key := range []string{"CropBox", "MediaBox"} {
		if b := inherited(page, key); b.Kind() == pdf.Array && b.Len() == 4 {
			x0, y0, x1, y1 := b.Index(0).Float64(), b.Index(1).Float64(), b.Index(2).Float64(), b.Index(3).Float64()
			if x1-x0 != 0 && y1-y0 != 0 {
				return [4]float64{min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)}
			}
		}
	}
	return [4]float64{0, 0, 612, 792}
}

// pageRotation returns the page's /Rotate as 0, 90, 180 or 270.
func pageRotation(page pdf.Value) int {
	r := int(inherited(page, "Rotate").Int64() % 360)
	if r < 0 {
		r += 360
	}
	return r / 90 * 90
}

// view returns the matrix from the page's default user space to the space it is seen in:
// rotated as /Rotate says, the visible area's bottom left corner at the origin.
func (p pdfPage) view() matrix {
	x0, y0, x1, y1 := p.box[0], p.box[1], p.box[2], p.box[3]
	switch p.rotate {
	case 90:
		return matrix{0, -1, 1, 0, -y0, x1}
	case 180:
		return matrix{-1, 0, 0, -1, x1, y1}
	case 270:
		return matrix{0, 1, -1, 0, y1, -x0}
	}
	return matrix{1, 0, 0, 1, -x0, -y0}
}
