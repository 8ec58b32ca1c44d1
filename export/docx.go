package export

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"time"
)

// Namespaces of WordprocessingML and its relationships.
const (
	nsW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRel = "http://schemas.openxmlformats.org/package/2006/relationships"
	relOD = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	xmlPI = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

// docxPart is one file of the package.
type docxPart struct {
	name string
	data []byte
}

// writeDOCX writes the package of s: content types, relationships, the document, styles,
// settings, the headers (page numbers from page 2; the draft mark on page 1) and the
// images of the signature block.
func writeDOCX(w io.Writer, s *sheet, m *metrics) error {
	parts, err := docxParts(s, m)
	if err != nil {
		return err
	}
	z := zip.NewWriter(w)
	for _, p := range parts {
		// A fixed time makes the same document give the same bytes.
		f, err := z.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate,
			Modified: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return err
		}
		if _, err := f.Write(p.data); err != nil {
			return err
		}
	}
	return z.Close()
}

// docxParts returns the package's parts in the order they are zipped.
func docxParts(s *sheet, m *metrics) ([]docxPart, error) {
	media, err := newDocxMedia(s.images)
	if err != nil {
		return nil, err
	}
	doc, err := documentXML(s, m, media)
	if err != nil {
		return nil, err
	}
	parts := []docxPart{
		{"[Content_Types].xml", contentTypesXML(media)},
		{"_rels/.rels", []byte(xmlPI + `<Relationships xmlns="` + nsRel + `">` +
			`<Relationship Id="rId1" Type="` + relOD + `officeDocument" Target="word/document.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
			`</Relationships>`)},
		{"docProps/core.xml", coreXML(s.title)},
		{"word/_rels/document.xml.rels", documentRels(media)},
		{"word/document.xml", doc},
		{"word/styles.xml", []byte(stylesXML)},
		{"word/settings.xml", []byte(settingsXML)},
		{"word/header1.xml", headerXML(pageNumberPara())},
		{"word/header2.xml", headerXML(markPara(s.mark))},
	}
	for _, img := range media.images {
		parts = append(parts, docxPart{"word/media/" + img.file, img.data})
	}
	return parts, nil
}

// contentTypesXML lists the parts' content types.
func contentTypesXML(media *docxMedia) []byte {
	var b bytes.Buffer
	b.WriteString(xmlPI + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>`)
	if len(media.images) > 0 {
		b.WriteString(`<Default Extension="png" ContentType="image/png"/>`)
	}
	ct := "application/vnd.openxmlformats-officedocument.wordprocessingml."
	for _, o := range [][2]string{{"/word/document.xml", "document.main+xml"}, {"/word/styles.xml", "styles+xml"},
		{"/word/settings.xml", "settings+xml"}, {"/word/header1.xml", "header+xml"}, {"/word/header2.xml", "header+xml"}} {
		fmt.Fprintf(&b, `<Override PartName="%s" ContentType="%s%s"/>`, o[0], ct, o[1])
	}
	b.WriteString(`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>`)
	b.WriteString(`</Types>`)
	return b.Bytes()
}

// documentRels returns the document's relationships: styles, settings, the two headers
// and the images.
func documentRels(media *docxMedia) []byte {
	var b bytes.Buffer
	b.WriteString(xmlPI + `<Relationships xmlns="` + nsRel + `">` +
		`<Relationship Id="rIdStyles" Type="` + relOD + `styles" Target="styles.xml"/>` +
		`<Relationship Id="rIdSettings" Type="` + relOD + `settings" Target="settings.xml"/>` +
		`<Relationship Id="rIdHeader" Type="` + relOD + `header" Target="header1.xml"/>` +
		`<Relationship Id="rIdFirstHeader" Type="` + relOD + `header" Target="header2.xml"/>`)
	for _, img := range media.images {
		fmt.Fprintf(&b, `<Relationship Id="%s" Type="%simage" Target="media/%s"/>`, img.id, relOD, img.file)
	}
	b.WriteString(`</Relationships>`)
	return b.Bytes()
}

// coreXML returns the package's core properties: the document's title.
func coreXML(title string) []byte {
	var b bytes.Buffer
	b.WriteString(xmlPI + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>`)
	escape(&b, title)
	b.WriteString(`</dc:title><dc:language>vi-VN</dc:language></cp:coreProperties>`)
	return b.Bytes()
}

// headerXML returns a header part holding one paragraph.
func headerXML(p []byte) []byte {
	return append(append([]byte(xmlPI+`<w:hdr xmlns:w="`+nsW+`" xmlns:r="`+nsR+`">`), p...), `</w:hdr>`...)
}

// pageNumberPara returns the page number field, centred, 13 pt.
func pageNumberPara() []byte {
	rpr := `<w:rPr><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr>`
	return []byte(`<w:p><w:pPr><w:jc w:val="center"/>` + rpr + `</w:pPr>` +
		`<w:r>` + rpr + `<w:fldChar w:fldCharType="begin"/></w:r>` +
		`<w:r>` + rpr + `<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
		`<w:r>` + rpr + `<w:fldChar w:fldCharType="separate"/></w:r>` +
		`<w:r>` + rpr + `<w:t>2</w:t></w:r>` +
		`<w:r>` + rpr + `<w:fldChar w:fldCharType="end"/></w:r></w:p>`)
}

// markPara returns the first page's header: the draft mark boxed at the right, or nothing.
func markPara(mark string) []byte {
	if mark == "" {
		return []byte(`<w:p/>`)
	}
	var b bytes.Buffer
	b.WriteString(`<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:rPr><w:b/><w:bCs/><w:sz w:val="26"/><w:szCs w:val="26"/>` +
		`<w:bdr w:val="single" w:sz="8" w:space="2" w:color="000000"/></w:rPr><w:t xml:space="preserve">`)
	escape(&b, " "+mark+" ")
	b.WriteString(`</w:t></w:r></w:p>`)
	return b.Bytes()
}

// sectPr returns the section properties: A4 (portrait or landscape), margins, header
// distance, the two headers and a different first page.
func sectPr(b *bytes.Buffer, p pageSetup) {
	b.WriteString(`<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>` +
		`<w:headerReference w:type="first" r:id="rIdFirstHeader"/><w:pgSz w:w="` + strconv.Itoa(p.width) +
		`" w:h="` + strconv.Itoa(p.height) + `"`)
	if p.width > p.height {
		b.WriteString(` w:orient="landscape"`)
	}
	fmt.Fprintf(b, `/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="%d" w:footer="%d" w:gutter="0"/>`,
		p.top, p.right, p.bottom, p.left, p.header, p.header)
	b.WriteString(`<w:titlePg/></w:sectPr>`)
}

// stylesXML sets Times New Roman 14 pt, Vietnamese, for everything, and no widow
// control, so that Word breaks pages where the PDF writer does.
const stylesXML = xmlPI + `<w:styles xmlns:w="` + nsW + `">` +
	`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>` +
	`<w:color w:val="000000"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
	`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>` +
	`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>` +
	`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>` +
	`<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`</w:styles>`

// settingsXML asks for Word 2013+ layout and Vietnamese proofing.
const settingsXML = xmlPI + `<w:settings xmlns:w="` + nsW + `"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/>` +
	`<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" ` +
	`w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="vi-VN"/></w:settings>`
