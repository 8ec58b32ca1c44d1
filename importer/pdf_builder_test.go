package importer_test

import (
	"bytes"
	"compress/zlib"
	"crypto/md5"
	"crypto/rc4"
	"fmt"
	"slices"
	"strings"
)

// A PDF writer for fixtures built by hand, to try what the project's writer does not make:
// other file layouts, fonts and encodings, encryption.

// pdfBuilder writes a PDF file from the bodies of its objects: 1 is the catalog and 2 the
// page tree, both written by bytes.
type pdfBuilder struct {
	objs    []string
	pages   []int
	box     string       // the pages' MediaBox
	catalog string       // more entries of the catalog
	hidden  map[int]bool // objects a hybrid file keeps in an object stream
}

func newPDFBuilder() *pdfBuilder {
	return &pdfBuilder{objs: []string{"", ""}, box: "[0 0 595 842]"}
}

// add adds an object and returns its number.
func (b *pdfBuilder) add(body string) int {
	b.objs = append(b.objs, body)
	return len(b.objs)
}

// stream returns the body of a stream object of dict and data, Flate-compressed.
func stream(dict string, data []byte) string {
	z := deflate(data)
	return fmt.Sprintf("<< %s /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", dict, len(z), z)
}

func deflate(data []byte) []byte {
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

// page adds a page with the resources res and content streams; it returns its number.
func (b *pdfBuilder) page(res string, extra string, contents ...string) int {
	refs := make([]string, len(contents))
	for i, c := range contents {
		refs[i] = fmt.Sprintf("%d 0 R", b.add(stream("", []byte(c))))
	}
	ref := refs[0]
	if len(refs) > 1 {
		ref = "[" + strings.Join(refs, " ") + "]"
	}
	n := b.add(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /Resources %s /Contents %s %s >>", res, ref, extra))
	b.pages = append(b.pages, n)
	return n
}

// pdfLayout is how a fixture stores its objects.
type pdfLayout int

const (
	classicXref   pdfLayout = iota // objects one by one, a cross-reference table (PDF 1.4)
	objectStreams                  // objects in an object stream, a cross-reference stream (PDF 1.5)
	hybridXref                     // as Word writes: hidden objects only in a cross-reference stream
)

// bytes returns the file, its trailer with extra entries.
func (b *pdfBuilder) bytes(layout pdfLayout, extra string) []byte {
	kids := make([]string, len(b.pages))
	for i, p := range b.pages {
		kids[i] = fmt.Sprintf("%d 0 R", p)
	}
	b.objs[0] = "<< /Type /Catalog /Pages 2 0 R " + b.catalog + " >>"
	b.objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d /MediaBox %s >>", strings.Join(kids, " "), len(kids), b.box)
	switch layout {
	case objectStreams:
		return b.objectStreams(extra)
	case hybridXref:
		return b.hybrid()
	}
	var buf bytes.Buffer
	buf.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(b.objs))
	for i, body := range b.objs {
		offsets[i] = buf.Len()
		fmt.Fprintf(&buf, "%d 0 obj\n%s\nendobj\n", i+1, body)
	}
	xref := buf.Len()
	fmt.Fprintf(&buf, "xref\n0 %d\n0000000000 65535 f \n", len(b.objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&buf, "trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n", len(b.objs)+1, extra, xref)
	return buf.Bytes()
}

// objectStreams returns the file with every object but the streams in one object stream
// and a cross-reference stream with the PNG Up predictor, as Word and LibreOffice write.
func (b *pdfBuilder) objectStreams(extra string) []byte {
	stm, xrefN := len(b.objs)+1, len(b.objs)+2
	type entry struct{ kind, a, b int }
	entries := make([]entry, xrefN+1)
	var head, body strings.Builder
	var buf bytes.Buffer
	buf.WriteString("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
	index := 0
	for i, o := range b.objs {
		if strings.Contains(o, "\nstream\n") {
			entries[i+1] = entry{1, buf.Len(), 0}
			fmt.Fprintf(&buf, "%d 0 obj\n%s\nendobj\n", i+1, o)
			continue
		}
		fmt.Fprintf(&head, "%d %d ", i+1, body.Len())
		body.WriteString(o + "\n")
		entries[i+1] = entry{2, stm, index}
		index++
	}
	entries[stm] = entry{1, buf.Len(), 0}
	fmt.Fprintf(&buf, "%d 0 obj\n%s\nendobj\n", stm, stream(fmt.Sprintf("/Type /ObjStm /N %d /First %d", index, head.Len()),
		[]byte(head.String()+body.String())))
	entries[xrefN] = entry{1, buf.Len(), 0}
	var rows []byte
	prev := make([]byte, 7)
	for _, e := range entries {
		row := []byte{byte(e.kind), byte(e.a >> 24), byte(e.a >> 16), byte(e.a >> 8), byte(e.a), byte(e.b >> 8), byte(e.b)}
		rows = append(rows, 2) // PNG Up
		for i := range row {
			rows = append(rows, row[i]-prev[i])
		}
		prev = row
	}
	z := deflate(rows)
	fmt.Fprintf(&buf, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R %s /Filter /FlateDecode "+
		"/DecodeParms << /Predictor 12 /Columns 7 >> /Length %d >>\nstream\n%s\nendstream\nendobj\n",
		xrefN, xrefN+1, extra, len(z), z)
	fmt.Fprintf(&buf, "startxref\n%d\n%%%%EOF\n", entries[xrefN].a)
	return buf.Bytes()
}

// hybrid returns the file as Word writes it, a hybrid-reference file: the objects a PDF
// 1.4 reader needs in a cross-reference table, the hidden ones (the structure tree) in an
// object stream that only a cross-reference stream, named by the trailer's /XRefStm, finds.
func (b *pdfBuilder) hybrid() []byte {
	stm, xrefN := len(b.objs)+1, len(b.objs)+2
	offsets := make([]int, xrefN+1)
	var buf, head, body bytes.Buffer
	var index []string // of the cross-reference stream: pairs of first object and count
	var rows []byte    // its entries: type, offset or object stream, generation or index
	buf.WriteString("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
	for i, o := range b.objs {
		if b.hidden[i+1] {
			rows = append(rows, 2, 0, 0, byte(stm>>8), byte(stm), 0, byte(len(index)))
			index = append(index, fmt.Sprint(i+1, " 1"))
			fmt.Fprintf(&head, "%d %d ", i+1, body.Len())
			body.WriteString(o + "\n")
			continue
		}
		offsets[i+1] = buf.Len()
		fmt.Fprintf(&buf, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	offsets[stm] = buf.Len()
	fmt.Fprintf(&buf, "%d 0 obj\n%s\nendobj\n", stm, stream(fmt.Sprintf("/Type /ObjStm /N %d /First %d", len(index),
		head.Len()), append(head.Bytes(), body.Bytes()...)))
	offsets[xrefN] = buf.Len()
	for _, n := range []int{stm, xrefN} {
		rows = append(rows, 1, byte(offsets[n]>>24), byte(offsets[n]>>16), byte(offsets[n]>>8), byte(offsets[n]), 0, 0)
	}
	index = append(index, fmt.Sprint(stm, " 2"))
	fmt.Fprintf(&buf, "%d 0 obj\n%s\nendobj\n", xrefN, stream(fmt.Sprintf("/Type /XRef /Size %d /W [1 4 2] /Index [%s]",
		xrefN+1, strings.Join(index, " ")), rows))
	xref := buf.Len()
	fmt.Fprintf(&buf, "xref\n0 %d\n0000000000 65535 f \n", xrefN+1)
	for i := 1; i <= xrefN; i++ {
		if offsets[i] == 0 || i >= stm { // in the object stream, or PDF 1.5 only: free for PDF 1.4
			buf.WriteString("0000000000 65535 f \n")
			continue
		}
		fmt.Fprintf(&buf, "%010d 00000 n \n", offsets[i])
	}
	fmt.Fprintf(&buf, "trailer\n<< /Size %d /Root 1 0 R /XRefStm %d >>\nstartxref\n%d\n%%%%EOF\n", xrefN+1, offsets[xrefN], xref)
	return buf.Bytes()
}

// testFont gives characters two-byte codes in the order it meets them, for Type0 fonts
// with Identity-H encoding, each glyph 0.5 em wide and a space 0.25 em.
type testFont struct {
	codes map[rune]int
	runes []rune
}

// hex returns s as a hexadecimal string of codes.
func (f *testFont) hex(s string) string {
	if f.codes == nil {
		f.codes = map[rune]int{}
	}
	var b strings.Builder
	b.WriteByte('<')
	for _, r := range s {
		if _, ok := f.codes[r]; !ok {
			f.runes = append(f.runes, r)
			f.codes[r] = len(f.runes)
		}
		fmt.Fprintf(&b, "%04X", f.codes[r])
	}
	b.WriteByte('>')
	return b.String()
}

// add adds a Type0 font named base with the codes given so far; its ToUnicode map uses
// bfchar, or bfrange (one with an array) when ranges; none when !unicode.
func (f *testFont) add(b *pdfBuilder, base string, ranges, unicode bool) int {
	widths := make([]string, len(f.runes))
	var cmap strings.Builder
	cmap.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /Adobe-Identity-UCS def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	if !ranges { // all in one block, as gopdf writes them
		fmt.Fprintf(&cmap, "%d beginbfchar\n", len(f.runes))
	}
	for i, r := range f.runes {
		widths[i] = "500"
		if r == ' ' {
			widths[i] = "250"
		}
		switch {
		case !ranges:
			fmt.Fprintf(&cmap, "<%04X> <%04X>\n", i+1, r)
		case i == 1:
			fmt.Fprintf(&cmap, "1 beginbfrange\n<0001> <0002> [<%04X> <%04X>]\nendbfrange\n", f.runes[0], r)
		case i > 1:
			fmt.Fprintf(&cmap, "1 beginbfrange\n<%04X> <%04X> <%04X>\nendbfrange\n", i+1, i+1, r)
		}
	}
	if !ranges {
		cmap.WriteString("endbfchar\n")
	}
	cmap.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	desc := b.add(fmt.Sprintf("<< /Type /FontDescriptor /FontName /%s /Flags 32 /FontBBox [0 -200 1000 900] "+
		"/ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>", base))
	cid := b.add(fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry (Adobe) "+
		"/Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /W [1 [%s]] >>", base, desc, strings.Join(widths, " ")))
	toUnicode := ""
	if unicode {
		toUnicode = fmt.Sprintf("/ToUnicode %d 0 R", b.add(stream("", []byte(cmap.String()))))
	}
	return b.add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H "+
		"/DescendantFonts [%d 0 R] %s >>", base, cid, toUnicode))
}

// textRun is a run of text placed on a page, in font F1 (regular) or F2 (bold).
type textRun struct {
	font       string
	size, x, y float64
	text       string
	words      bool // each word placed on its own, no space drawn (as TeX and gopdf do)
}

// width returns the run's width with [testFont]'s metrics.
func (r textRun) width() float64 {
	w := 0.0
	for _, c := range r.text {
		w += 0.5
		if c == ' ' {
			w -= 0.25
		}
	}
	return w * r.size
}

// content returns the content stream drawing runs with f's codes.
func content(f *testFont, runs []textRun) string {
	var b strings.Builder
	for _, r := range runs {
		if !r.words {
			fmt.Fprintf(&b, "BT /%s %g Tf 1 0 0 1 %.2f %.2f Tm %s Tj ET\n", r.font, r.size, r.x, r.y, f.hex(r.text))
			continue
		}
		x := r.x
		for _, w := range strings.Fields(r.text) {
			fmt.Fprintf(&b, "BT /%s %g Tf %.2f %.2f Td %s Tj ET\n", r.font, r.size, x, r.y, f.hex(w))
			x += textRun{text: w + " ", size: r.size}.width()
		}
	}
	return b.String()
}

// rc4Encrypted returns the file of b encrypted as Acrobat does to restrict printing or
// copying: the standard security handler, revision 3 (RC4, 128 bits), an owner password
// and an empty user password, so any reader may open it. Only the streams hold encrypted
// data. (rsc.io/pdf derives the keys of objects as revision 3 does, so it does not read
// revision 2's 40-bit keys.)
func rc4Encrypted(b *pdfBuilder) []byte {
	pad := []byte("\x28\xbf\x4e\x5e\x4e\x75\x8a\x41\x64\x00\x4e\x56\xff\xfa\x01\x08" +
		"\x2e\x2e\x00\xb6\xd0\x68\x3e\x80\x2f\x0c\xa9\xfe\x64\x53\x69\x7a")
	id := []byte("0123456789abcdef")
	rc4 := func(key, data []byte) []byte {
		out := slices.Clone(data)
		c, _ := rc4.NewCipher(key)
		c.XORKeyStream(out, out)
		return out
	}
	rc4x20 := func(key, data []byte) []byte { // revision 3: 19 more times, the key xored with i
		for i := range 20 {
			k := slices.Clone(key)
			for j := range k {
				k[j] ^= byte(i)
			}
			data = rc4(k, data)
		}
		return data
	}
	stretch := func(sum []byte) []byte {
		for range 50 {
			s := md5.Sum(sum[:16])
			sum = s[:]
		}
		return sum
	}
	ownerSum := md5.Sum(append([]byte("chu tich"), pad[:24]...)) // the owner password, padded
	o := rc4x20(stretch(ownerSum[:]), pad)                       // the user password is empty: pad alone
	h := md5.New()
	h.Write(pad)
	h.Write(o)
	h.Write([]byte{0xFC, 0xFF, 0xFF, 0xFF}) // P = -4
	h.Write(id)
	key := stretch(h.Sum(nil))
	u := md5.Sum(append(slices.Clone(pad), id...))
	for i, body := range b.objs {
		start, end := strings.Index(body, "\nstream\n"), strings.LastIndex(body, "\nendstream")
		if start < 0 || end < 0 {
			continue
		}
		n := i + 1
		objKey := md5.Sum(append(slices.Clone(key), byte(n), byte(n>>8), byte(n>>16), 0, 0))
		data := rc4(objKey[:], []byte(body[start+len("\nstream\n"):end]))
		b.objs[i] = body[:start+len("\nstream\n")] + string(data) + body[end:]
	}
	enc := b.add(fmt.Sprintf("<< /Filter /Standard /V 2 /R 3 /Length 128 /O <%x> /U <%x%x> /P -4 >>",
		o, rc4x20(key, u[:]), pad[:16]))
	return b.bytes(classicXref, fmt.Sprintf("/Encrypt %d 0 R /ID [<%x> <%x>]", enc, id, id))
}
