package export

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"congtac"
	"congtac/vn"
)

// RegisterDoc is the outgoing register (sổ đăng ký văn bản đi) of an issuing body for a
// year: one row per document in number order, in the ten columns of Decree 30/2020. As a
// [Doc] it prints on A4 landscape with the header row on every page; [RegisterXLSX]
// gives it as a spreadsheet.
type RegisterDoc struct {
	Settings  congtac.Settings
	Year      int
	Documents []congtac.Document // in any order; printed by date, then number
	Options   Options            // margins of the printed register; images are not used
}

// registerHeader names the ten columns of the outgoing register.
var registerHeader = [...]string{"Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung văn bản",
	"Người ký", "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu", "Số lượng bản", "Ngày chuyển", "Ký nhận", "Ghi chú"}

// registerWeights are the relative widths of the columns.
var registerWeights = [...]int{12, 9, 20, 10, 15, 9, 6, 9, 5, 5}

// rows returns the register's documents in order, each as its ten cells of text.
func (d RegisterDoc) rows() [][]string {
	docs := d.sorted()
	out := make([][]string, len(docs))
	for i, doc := range docs {
		out[i] = []string{oneLine(doc.Code()), vn.PaddedDate(doc.IssuedOn), registerSummary(doc),
			oneLine(doc.Signature.Name), recipientsCell(doc.Recipients), oneLine(doc.Keeper), copies(doc.Copies),
			vn.PaddedDate(doc.SentOn), "", oneLine(doc.Note)}
	}
	return out
}

// sorted returns the documents by date, then number, then ID.
func (d RegisterDoc) sorted() []congtac.Document {
	docs := slices.Clone(d.Documents)
	slices.SortStableFunc(docs, func(a, b congtac.Document) int {
		return cmp.Or(a.IssuedOn.Compare(b.IssuedOn), cmp.Compare(a.Number, b.Number), cmp.Compare(a.ID, b.ID))
	})
	return docs
}

// registerSummary returns a document's type and summary: "Giấy mời: Mời dự …".
func registerSummary(doc congtac.Document) string {
	name, summary := doc.Type.Name(), oneLine(doc.Summary)
	if name == "" {
		return summary
	}
	return name + ": " + summary
}

// recipientsCell returns the recipient lines on one line, without their dashes.
func recipientsCell(rs []string) string {
	var out []string
	for _, r := range rs {
		for _, l := range paragraphs(r) {
			if l = strings.TrimRight(strings.TrimSpace(strings.TrimLeft(l, "-–•+ ")), ";.,"); l != "" {
				out = append(out, l)
			}
		}
	}
	return strings.Join(out, "; ")
}

// copies returns a number of copies, or "" when not recorded.
func copies(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// layout implements [Doc]: the body's name, the register's title and year, then the
// table, on A4 landscape.
func (d RegisterDoc) layout(m *metrics) (*sheet, error) {
	if err := d.Options.Margins.Validate(); err != nil {
		return nil, err
	}
	page := landscape(d.Options.Margins)
	title := "Sổ đăng ký văn bản đi năm " + strconv.Itoa(d.Year)
	s := &sheet{title: title, page: page}
	for _, name := range bodyLines(d.Settings.BodyName) {
		s.blocks = append(s.blocks, text(name, bold, pt13, alignCenter))
	}
	head := text("SỔ ĐĂNG KÝ VĂN BẢN ĐI", bold, pt14, alignCenter)
	head.before = 240
	year := text("Năm "+strconv.Itoa(d.Year), regular, pt13, alignCenter)
	year.after = 240
	t := grid(spread(page.textWidth(), registerWeights[:]...), pt11, registerHeader[:], d.rows(),
		[]align{alignLeft, alignCenter, alignLeft, alignLeft, alignLeft, alignLeft, alignCenter, alignCenter})
	s.blocks = append(s.blocks, head, year, t)
	return s, nil
}
