package export

import (
	"strings"

	"congtac"
	"congtac/vn"
)

// Options are the presentation choices every official document takes. The zero value
// gives the defaults: margins 20, 20, 30 and 15 mm and no images.
type Options struct {
	Margins Margins
	Images  Images
}

// Images are the images of an electronic copy (Decree 30/2020, Phụ lục I): the signer's
// signature, blue, and the seal, red, each a PNG with transparency. They are drawn on
// issued documents only, never on a draft. Nil means none.
type Images struct {
	Signature []byte // centred between the signer's title and name, 18 mm high
	Seal      []byte // 36 mm wide, covering the left third of the signature
}

// letter is what the documents of a body share besides their text: the masthead, the
// title, the closing and the signature block.
type letter struct {
	settings   congtac.Settings
	kind       congtac.DocType
	number     int
	symbol     string
	date       congtac.Date // zero Day and Month leave them blank (a draft)
	place      string
	summary    string
	signature  congtac.Signature
	recipients []string
	draft      bool
	options    Options
}

// Column widths of the masthead and of the signature block, in twips: the left column
// holds the issuing body and "Nơi nhận", the right one the national motto and the signer.
const (
	mastLeft = 3969 // 70 mm
	footLeft = 4536 // 80 mm
)

// sheet lays out a whole document: masthead, title, body (closed with "./."), and the
// signature block, on A4 portrait with the letter's margins.
func (l letter) sheet(m *metrics, body []block) (*sheet, error) {
	if err := l.options.Margins.Validate(); err != nil {
		return nil, err
	}
	s := &sheet{title: oneLine(l.summary), page: portrait(l.options.Margins)}
	if l.draft {
		s.mark = "DỰ THẢO"
	} else if err := checkImages(l.options.Images); err != nil {
		return nil, err
	} else {
		s.images = l.options.Images
	}
	head, err := l.masthead(m, s.page.textWidth())
	if err != nil {
		return nil, err
	}
	title, err := l.title(m, s.page.textWidth())
	if err != nil {
		return nil, err
	}
	s.blocks = append(append(append(s.blocks, head), title...), closeText(body)...)
	s.blocks = append(s.blocks, l.signoff(s.page.textWidth()))
	return s, nil
}

// masthead returns the two-column borderless header of Decree 30/2020: parent body,
// issuing body with a short rule, number and symbol on the left; the national name, the
// motto with a rule as long as it, and the place and date on the right, on the line of
// the number.
func (l letter) masthead(m *metrics, width int) (*table, error) {
	left, right, err := mastColumns(m, l.settings, width)
	if err != nil {
		return nil, err
	}
	number := text("Số: "+l.numberText(), regular, pt13, alignCenter)
	date := text(vn.DateLine(oneLine(l.place), l.date), italic, pt13, alignCenter)
	number.before, date.before = 160, 160
	return &table{cols: []int{mastLeft, width - mastLeft}, keep: true,
		rows: [][]cell{{{paras: left}, {paras: right}}, {{paras: []para{number}}, {paras: []para{date}}}}}, nil
}

// mastColumns returns the two columns of the masthead above the number and the date: the
// parent body and the issuing body with a rule of 0.4 of its width on the left, the
// national name and the motto with a rule as long as it on the right.
func mastColumns(m *metrics, st congtac.Settings, width int) (left, right []para, err error) {
	var names []para
	if p := oneLine(st.ParentBody); p != "" {
		left = append(left, text(upper(p), regular, pt13, alignCenter))
	}
	for _, name := range bodyLines(st.BodyName) {
		names = append(names, text(name, bold, pt13, alignCenter))
	}
	if err := ruleUnder(m, names, mastLeft, 0.4); err != nil {
		return nil, nil, err
	}
	left = append(left, names...)
	right = []para{
		text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold, pt12, alignCenter),
		text("Độc lập - Tự do - Hạnh phúc", bold, pt13, alignCenter),
	}
	if err := ruleUnder(m, right[1:], width-mastLeft, 1); err != nil {
		return nil, nil, err
	}
	return left, right, nil
}

// numberText returns what follows "Số:": "05/CTr-UBND", or for a draft the symbol after
// a blank where the number will be written.
func (l letter) numberText() string {
	symbol := strings.ReplaceAll(oneLine(l.symbol), " ", "")
	if symbol == "" {
		symbol = string(l.kind)
	}
	if l.draft || l.number <= 0 {
		return "      " + congtac.FormatNumber(0, symbol)
	}
	return congtac.FormatNumber(l.number, symbol)
}

// bodyLines returns the issuing body's name in capitals, one printed line each: the
// lines the settings give, and a single line "ỦY BAN NHÂN DÂN …" broken after "NHÂN DÂN"
// as every committee prints it.
func bodyLines(name string) []string {
	var out []string
	for _, l := range paragraphs(name) {
		l = upper(l)
		if rest, ok := strings.CutPrefix(l, "ỦY BAN NHÂN DÂN "); ok {
			out = append(out, "ỦY BAN NHÂN DÂN", rest)
			continue
		}
		out = append(out, l)
	}
	return out
}

// ruleUnder gives the last of ps a centred rule of frac times the width of the widest line
// of ps, as laid out in a column of width twips. The rule under the issuing body measures
// its name, the one under the motto the motto alone.
func ruleUnder(m *metrics, ps []para, width int, frac float64) error {
	if len(ps) == 0 {
		return nil
	}
	widest := 0.0
	for _, p := range ps {
		lines, err := breakLines(m, p, width)
		if err != nil {
			return err
		}
		for _, l := range lines {
			widest = max(widest, l.width)
		}
	}
	ps[len(ps)-1].rule = max(int(widest*frac), 1)
	return nil
}

// title returns the document type in capitals and the summary under it with a short rule.
func (l letter) title(m *metrics, width int) ([]block, error) {
	kind := text(upper(l.kind.Name()), bold, pt14, alignCenter)
	kind.before, kind.keepNext = 480, true
	var out []block
	out = append(out, kind)
	summary := []para{text(oneLine(l.summary), bold, pt14, alignCenter)}
	if err := ruleUnder(m, summary, width, 0.4); err != nil {
		return nil, err
	}
	summary[0].after, summary[0].keepNext = 360, true
	return append(out, summary[0]), nil
}

// closeText ends the body with "./.", the mark that nothing follows.
func closeText(body []block) []block {
	if len(body) == 0 {
		return []block{bodyPara(plain("./."))}
	}
	p, ok := body[len(body)-1].(para)
	if !ok || len(p.runs) == 0 {
		return append(body, bodyPara(plain("./.")))
	}
	r := &p.runs[len(p.runs)-1]
	t := strings.TrimRight(r.text, " ")
	switch {
	case strings.HasSuffix(t, "./."):
	case strings.HasSuffix(t, "."):
		t += "/."
	case strings.HasSuffix(t, ";") || strings.HasSuffix(t, ":") || strings.HasSuffix(t, ","):
		t = t[:len(t)-1] + "./."
	default:
		t += "./."
	}
	r.text = t
	body[len(body)-1] = p
	return body
}

// signoff returns the two-column block under the text: "Nơi nhận:" and the recipients on
// the left, the authority lines, the signer's title, the space for signature and seal,
// and the signer's name on the right.
func (l letter) signoff(width int) *table {
	to := text("Nơi nhận:", boldItalic, pt12, alignLeft)
	to.before = 240
	left := []para{to}
	for _, r := range recipientLines(l.recipients) {
		left = append(left, text(r, regular, pt11, alignLeft))
	}
	var right []para
	for _, sl := range l.signature.Lines {
		right = append(right, text(oneLine(sl.String()), bold, pt14, alignCenter))
	}
	if t := oneLine(l.signature.Title); t != "" {
		right = append(right, text(upper(t), bold, pt14, alignCenter))
	}
	if len(right) > 0 {
		right[0].before = 240
	}
	right = append(right, para{size: pt14, line: signatureSpace, stamp: true, align: alignCenter},
		text(oneLine(l.signature.Name), bold, pt14, alignCenter))
	return &table{cols: []int{footLeft, width - footLeft}, keep: true,
		rows: [][]cell{{{paras: left}, {paras: right}}}}
}

// signatureSpace is the height left blank for the signature and the seal: 30 mm.
const signatureSpace = 1701

// recipientLines returns the lines of "Nơi nhận" as Decree 30/2020 prints them: each
// starting "- " and ending ";", a group heading ending ":" keeps it, sub-items "+ " stay,
// and the last line "- Lưu: VT, …." ends with a full stop; "- Lưu: VT." is added when no
// line names the file copy.
func recipientLines(in []string) []string {
	var lines []string
	for _, r := range in {
		lines = append(lines, paragraphs(r)...)
	}
	hasFile := false
	for _, l := range lines {
		hasFile = hasFile || strings.HasPrefix(strings.TrimLeft(l, "-–•+ "), "Lưu")
	}
	if !hasFile {
		lines = append(lines, "Lưu: VT.")
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		sub := strings.HasPrefix(l, "+")
		l = strings.TrimRight(strings.TrimSpace(strings.TrimLeft(l, "-–•+ ")), ";., ")
		switch {
		case strings.HasSuffix(l, ":"): // a group heading, even typed "…:;", takes no ";"
		case i == len(lines)-1:
			l += "."
		default:
			l += ";"
		}
		if sub {
			out[i] = "+ " + l
		} else {
			out[i] = "- " + l
		}
	}
	return out
}
