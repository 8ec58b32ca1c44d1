package importer

import "cmp"

// styleXML is a style of styles.xml.
type styleXML struct {
	Type    string  `xml:"type,attr"`
	ID      string  `xml:"styleId,attr"`
	Default *string `xml:"default,attr"`
	BasedOn *valXML `xml:"basedOn"`
	PPr     pPrXML  `xml:"pPr"`
	RPr     rPrXML  `xml:"rPr"`
}

// defaultsXML holds the document's default paragraph and run properties.
type defaultsXML struct {
	RPr rPrXML `xml:"rPrDefault>rPr"`
	PPr pPrXML `xml:"pPrDefault>pPr"`
}

// styleSheet is what the reader uses of styles.xml: paragraph and character styles and
// the document defaults. Its zero value is an empty sheet.
type styleSheet struct {
	byID        map[string]styleXML
	defaultPara string // the style of paragraphs that name none
	defaults    defaultsXML
}

// readStyles reads word/styles.xml when the package has it.
func (p *docxPackage) readStyles() error {
	var doc struct {
		Defaults defaultsXML `xml:"docDefaults"`
		Styles   []styleXML  `xml:"style"`
	}
	if err := p.decodePart("word/styles.xml", &doc); err != nil {
		return err
	}
	s := styleSheet{byID: make(map[string]styleXML, len(doc.Styles)), defaults: doc.Defaults}
	for _, st := range doc.Styles {
		if _, dup := s.byID[st.ID]; !dup {
			s.byID[st.ID] = st
		}
		if st.Type == "paragraph" && s.defaultPara == "" && st.Default != nil && (&valXML{Val: st.Default}).isOn() {
			s.defaultPara = st.ID
		}
	}
	p.styles = s
	return nil
}

// chain calls f on the style id and then on the styles it is based on, until f returns
// true or the chain ends.
func (s *styleSheet) chain(id string, f func(styleXML) bool) {
	for i := 0; i < maxStyleChain && id != ""; i++ {
		st, ok := s.byID[id]
		if !ok || f(st) {
			return
		}
		id = st.BasedOn.str()
	}
}

// paraStyle returns the style of a paragraph.
func (s *styleSheet) paraStyle(ppr pPrXML) string {
	if ppr.Style != nil {
		return ppr.Style.str()
	}
	return s.defaultPara
}

// bold reports whether a run shows bold: by its own property, else its character
// style's, else its paragraph style's, else the document default.
func (s *styleSheet) bold(ppr pPrXML, run rPrXML) bool {
	b := run.B.on()
	pick := func(st styleXML) bool {
		b = st.RPr.B.on()
		return b != nil
	}
	if b == nil {
		s.chain(run.Style.str(), pick)
	}
	if b == nil {
		s.chain(s.paraStyle(ppr), pick)
	}
	if b == nil {
		b = s.defaults.RPr.B.on()
	}
	return b != nil && *b
}

// center reports whether a paragraph is centred: by its own justification, else its
// style's, else the document default.
func (s *styleSheet) center(ppr pPrXML) bool {
	jc := ppr.Jc
	if jc == nil {
		s.chain(s.paraStyle(ppr), func(st styleXML) bool {
			jc = st.PPr.Jc
			return jc != nil
		})
	}
	if jc == nil {
		jc = s.defaults.PPr.Jc
	}
	return jc.str() == "center"
}

// numPr returns the list (numId) and level of a paragraph: from its own numbering
// properties, the missing ones from its style's.
func (s *styleSheet) numPr(ppr pPrXML) (id, ilvl string) {
	var idv, lvl *valXML
	if ppr.NumPr != nil {
		idv, lvl = ppr.NumPr.NumID, ppr.NumPr.Ilvl
	}
	if idv == nil || lvl == nil {
		s.chain(s.paraStyle(ppr), func(st styleXML) bool {
			if n := st.PPr.NumPr; n != nil {
				idv = cmp.Or(idv, n.NumID)
				lvl = cmp.Or(lvl, n.Ilvl)
			}
			return idv != nil && lvl != nil
		})
	}
	return idv.str(), lvl.str()
}
