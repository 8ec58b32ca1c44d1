package importer

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"congtac"
	"congtac/vn"
)

// Field is one value read from a document, with the number of the line it was read from
// ([Source.Rows]), or -1 when the document does not have it.
type Field struct {
	Text string
	Line int
}

// Masthead is what the top of an official document says (Decree 30/2020; DOMAIN.md §1):
// on the left the parent body (optional), the issuing body and "Số: 45/CTr-UBND"; on the
// right the national motto and the place and date; then the type and the summary. A
// draft leaves the number, the day and the month blank: Number is then 0 and Date zero,
// while Year still says the year.
type Masthead struct {
	Parent, Issuer Field
	Number         int
	Symbol         Field // "CTr-UBND"; its Line is that of "Số:"
	Place          Field
	Date           congtac.Date
	Year           int
	Type           Field // "CHƯƠNG TRÌNH"
	Summary        Field // "Công tác của UBND huyện tháng 4 năm 2023"
	Period         congtac.Period
	Also           []congtac.Period // further periods the summary names: "tháng 4 và Quý II"
	Problems       []Problem
}

// Problem is something the reading could not make sense of, said in Vietnamese, at the
// line it concerns (-1 for the whole document).
type Problem struct {
	Line    int
	Message string
}

// Row is one line of a document as the understanding reads it: a paragraph's line, or
// one line of a table cell, cells in order (so a masthead table gives its whole left
// column, then its right one), with the block it comes from.
type Row struct {
	Text  string
	Block int
}

// Rows returns the lines of s as [Row]s, trimmed, empty ones left out.
func (s Source) Rows() []Row {
	var rows []Row
	add := func(text string, block int) {
		for _, line := range strings.Split(text, "\n") {
			if line = strings.Join(strings.Fields(line), " "); line != "" {
				rows = append(rows, Row{Text: line, Block: block})
			}
		}
	}
	for i, b := range s.Blocks {
		switch {
		case b.Kind == KindParagraph:
			add(b.label(), i)
		case b.Table != nil:
			for _, row := range b.Table.Rows {
				for _, c := range row {
					if !c.Continued {
						add(c.Text, i)
					}
				}
			}
		}
	}
	return rows
}

var (
	numberLine = regexp.MustCompile(`^Số\s*:\s*(\d*)\s*/\s*([\p{L}\d][\p{L}\d\-./]*)`)
	dateLine   = regexp.MustCompile(`^(.+?),\s*ngày\s*(\d{0,2})\s*tháng\s*(\d{0,2})\s*năm\s*(\d{4})`)
	// docTypes are the document types a program import meets, as their titles write them.
	docTypes = []string{"CHƯƠNG TRÌNH", "KẾ HOẠCH", "LỊCH CÔNG TÁC", "THÔNG BÁO", "GIẤY MỜI", "BÁO CÁO"}
	// placeWords start the second line of a body's name: "ỦY BAN NHÂN DÂN / HUYỆN LỤC NGẠN".
	placeWords = []string{"TỈNH ", "THÀNH PHỐ ", "HUYỆN ", "QUẬN ", "THỊ XÃ ", "XÃ ", "PHƯỜNG ", "THỊ TRẤN ", "ĐẶC KHU "}
)

// ReadMasthead reads the masthead of rows (a cleaned document's [Source.Rows]). The
// motto, "Số:" and the date line anchor it; the capital lines above "Số:" are the bodies
// (a line starting with a place, "HUYỆN LỤC NGẠN", continues the one before; of several
// bodies the last issues the document and the others are its parent); the first line
// naming a document type after them is the type, and the lines up to the first part or
// item ("A.", "I.", "1.") its summary, whose period is read with [vn.ParsePeriod].
func ReadMasthead(rows []Row) Masthead {
	m := Masthead{Parent: none(), Issuer: none(), Symbol: none(), Place: none(), Type: none(), Summary: none()}
	number, date, motto := -1, -1, -1
	for i, r := range rows {
		switch {
		case number < 0 && numberLine.MatchString(r.Text):
			number = i
			g := numberLine.FindStringSubmatch(r.Text)
			m.Number, _ = strconv.Atoi(g[1])
			m.Symbol = Field{strings.TrimRight(g[2], "./"), i}
		case date < 0 && dateLine.MatchString(r.Text):
			date = i
			m.readDate(dateLine.FindStringSubmatch(r.Text), i)
		case motto < 0 && strings.Contains(vn.Fold(r.Text), "cong hoa xa hoi chu nghia viet nam"):
			motto = i
		}
		if i > 40 {
			break
		}
	}
	switch typeLine := firstTypeLine(rows); {
	case number >= 0:
		m.readBodies(rows, number, motto)
	case typeLine > 0: // a schedule the office publishes without a number: the bodies above its title
		m.readBodies(rows, typeLine, motto)
	default:
		m.Problems = append(m.Problems, Problem{-1, "Không thấy dòng số, ký hiệu văn bản (\"Số: .../CTr-UBND\")."})
	}
	if date < 0 {
		m.Problems = append(m.Problems, Problem{-1, "Không thấy dòng địa danh, ngày tháng năm ban hành."})
	}
	m.readTitle(rows, max(number, date, motto)+1)
	return m
}

func none() Field { return Field{Line: -1} }

// firstTypeLine returns the row of the first document type among the first rows ("LỊCH
// CÔNG TÁC TUẦN"), or -1.
func firstTypeLine(rows []Row) int {
	for i, r := range rows[:min(len(rows), 10)] {
		if docTypeOf(r.Text) != "" {
			return i
		}
	}
	return -1
}

// readDate reads the place and date of a date line's groups g, found at line i.
func (m *Masthead) readDate(g []string, i int) {
	m.Place = Field{strings.TrimSpace(g[1]), i}
	m.Year, _ = strconv.Atoi(g[4])
	day, _ := strconv.Atoi(g[2])
	month, _ := strconv.Atoi(g[3])
	if day == 0 || month == 0 { // a draft: blanks
		return
	}
	d, err := congtac.NewDate(m.Year, time.Month(month), day)
	if err != nil {
		m.Problems = append(m.Problems, Problem{i, "Ngày ban hành không có thật: " + g[0] + "."})
		return
	}
	m.Date = d
}

// readBodies reads the parent and issuing bodies from the capital lines above line
// number, leaving out the motto's lines.
func (m *Masthead) readBodies(rows []Row, number, motto int) {
	var bodies []Field
	for i := 0; i < number; i++ {
		text := rows[i].Text
		if folded := vn.Fold(text); i == motto || !isCapitals(text) || strings.Contains(folded, "doc lap") || folded == "du thao" {
			continue // the motto, and a draft's mark, which a text box can put above "Số:"
		}
		if n := len(bodies); n > 0 && startsWithAny(text, placeWords) && !startsWithAny(bodies[n-1].Text, placeWords) {
			bodies[n-1].Text += " " + text
			continue
		}
		bodies = append(bodies, Field{text, i})
	}
	switch n := len(bodies); n {
	case 0:
		m.Problems = append(m.Problems, Problem{number, "Không thấy tên cơ quan ban hành phía trên dòng số, ký hiệu."})
	default:
		m.Issuer = bodies[n-1]
		if n > 1 {
			m.Parent = bodies[0]
			for _, b := range bodies[1 : n-1] {
				m.Parent.Text += " " + b.Text
			}
		}
	}
}

// readTitle reads the type and summary from line from on.
func (m *Masthead) readTitle(rows []Row, from int) {
	for i := from; i < len(rows) && i < from+10; i++ {
		text := rows[i].Text
		t := docTypeOf(text)
		if t == "" {
			continue
		}
		m.Type = Field{t, i}
		var summary []string
		line := i + 1
		if rest := strings.TrimSpace(text[len(t):]); rest != "" { // "CHƯƠNG TRÌNH CÔNG TÁC NĂM 2026"
			summary, line = append(summary, rest), i
		}
		for j := i + 1; j < len(rows) && j < i+4 && !startsPart(rows[j].Text); j++ {
			summary = append(summary, rows[j].Text)
		}
		if len(summary) == 0 {
			m.Problems = append(m.Problems, Problem{i, "Không thấy trích yếu nội dung dưới tên loại văn bản."})
			return
		}
		m.Summary = Field{strings.Join(summary, " "), line}
		if lost := lostLetters(m.Summary.Text); len(lost) > 0 {
			m.Problems = append(m.Problems, Problem{m.Summary.Line, "Trích yếu có chữ bị mất chữ cái khi trích xuất (" +
				strings.Join(lost, ", ") + "); cần sửa lại trước khi đọc kỳ của chương trình."})
			return
		}
		p, also, err := vn.ParsePeriod(m.Summary.Text)
		if err != nil {
			m.Problems = append(m.Problems, Problem{m.Summary.Line, "Không đọc được kỳ của chương trình trong trích yếu: " + congtac.ErrorMessage(err)})
			return
		}
		m.Period, m.Also = p, also
		return
	}
	m.Problems = append(m.Problems, Problem{-1, "Không thấy tên loại văn bản (\"CHƯƠNG TRÌNH\", \"KẾ HOẠCH\" …)."})
}

// lostLetters returns the words of text that are not Vietnamese syllables ([vn.IsSyllable])
// and look like whole words that lost letters: small letters only, no digits, so that
// abbreviations ("UBND", "KHKT") and numbers pass.
func lostLetters(text string) []string {
	var lost []string
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if strings.ContainsFunc(w, unicode.IsDigit) || (isCapitals(w) && len([]rune(w)) > 1) {
			continue
		}
		if !vn.IsSyllable(w) {
			lost = append(lost, w)
		}
	}
	return lost
}

// docTypeOf returns the document type line starts with, or "".
func docTypeOf(line string) string {
	upper := strings.ToUpper(line)
	for _, t := range docTypes {
		if strings.HasPrefix(upper, t) && (len(upper) == len(t) || upper[len(t)] == ' ') && isCapitals(line[:len(t)]) {
			return t
		}
	}
	return ""
}

// startsPart reports whether line starts a part or an item ([ReadOutline]'s labels).
func startsPart(line string) bool { return labelStart.MatchString(line) }

// isCapitals reports whether line has letters and no small ones.
func isCapitals(line string) bool {
	letters := false
	for _, r := range line {
		if unicode.IsLower(r) {
			return false
		}
		letters = letters || unicode.IsLetter(r)
	}
	return letters
}

func startsWithAny(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
