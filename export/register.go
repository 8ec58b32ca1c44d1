package export

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"

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
var registerWeights = [...]int{10, 8, 17, 8, 28, 7, 5, 7, 5, 5}

// rows returns the register's documents in order, each as its ten cells of text.
func (d RegisterDoc) rows() [][]string {
	docs := d.sorted()
	out := make([][]string, len(docs))
	for i, doc := range docs {
		out[i] = []string{oneLine(doc.Code()), vn.PaddedDate(doc.IssuedOn), registerSummary(doc),
			oneLine(doc.Signature.Name), recipientsCell(doc.Recipients), keeperCell(doc), copies(doc.Copies),
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

// registerSummary returns a document's type and summary as one phrase, the type once:
// "Giấy mời dự Phiên họp …" (see [RegisterTitle]).
func registerSummary(doc congtac.Document) string {
	kind, summary := RegisterTitle(doc)
	return strings.TrimSpace(kind + " " + summary)
}

// RegisterTitle returns how the outgoing register names a document: the name of its type
// and its summary without the words that repeat the type, the first word in lower case
// to read on from the type (unless an abbreviation): ("Giấy mời", "dự Phiên họp …") for
// an invitation registered as "Mời dự Phiên họp …" or "Dự Phiên họp …", ("Chương trình",
// "công tác của UBND tỉnh …"). A summary that is nothing but the type is kept whole.
func RegisterTitle(doc congtac.Document) (kind, summary string) {
	kind = doc.Type.Name()
	summary = withoutType(doc.Type, doc.Summary)
	if kind == "" {
		return "", summary
	}
	return kind, lowerWord(summary)
}

// withoutType returns summary s on one line without the leading words that repeat the
// document's type: its name ("Báo cáo kết quả …" of a report) or, for an invitation, its
// verb ("Mời dự …"), compared without regard to case.
func withoutType(t congtac.DocType, s string) string {
	words := strings.Fields(oneLine(s))
	lead := []string{t.Name()}
	if t == congtac.DocInvitation {
		lead = append(lead, "Mời")
	}
	for _, l := range lead {
		lw := strings.Fields(l)
		if len(lw) == 0 || len(words) <= len(lw) {
			continue
		}
		same := true
		for i, w := range lw {
			same = same && strings.EqualFold(strings.TrimRight(words[i], ":"), w)
		}
		if same {
			return strings.Join(words[len(lw):], " ")
		}
	}
	return strings.Join(words, " ")
}

// lowerWord returns s with its first letter in lower case when its first word is a plain
// word ("Dự" but not "UBND", "V/v" or "19-CT/TU").
func lowerWord(s string) string {
	first, _, _ := strings.Cut(s, " ")
	for _, r := range first {
		if !unicode.IsLetter(r) {
			return s
		}
	}
	return vn.LowerFirst(s)
}

// recipientsCell returns the recipient lines on one line, without their dashes and
// without the file copy ("Lưu: …", which the keeper column holds): items separated by
// "; ", a group heading ending ":" followed by its "+ " sub-items separated by ", ":
// "Văn phòng UBND tỉnh: Phòng Tổng hợp, Phòng KG-VX; TT Huyện ủy".
func recipientsCell(rs []string) string {
	var b strings.Builder
	heading, group := false, false
	for _, r := range rs {
		for _, l := range paragraphs(r) {
			sub := strings.HasPrefix(l, "+")
			if l = strings.TrimRight(strings.TrimSpace(strings.TrimLeft(l, "-–•+ ")), ";., "); l == "" || isFileCopy(l) {
				continue
			}
			switch {
			case b.Len() == 0:
			case heading:
				b.WriteString(" ")
			case sub && group:
				b.WriteString(", ")
			default:
				b.WriteString("; ")
			}
			heading = strings.HasSuffix(l, ":")
			group = heading || sub && group
			b.WriteString(l)
		}
	}
	return strings.TrimRight(b.String(), ":")
}

// isFileCopy reports whether a recipient line names the file copy: "Lưu: VT, TH".
func isFileCopy(l string) bool {
	return strings.HasPrefix(vn.Fold(l), "luu:") || strings.HasPrefix(vn.Fold(l), "luu ")
}

// keeperCell returns who keeps the file copy: the register's entry, else what the
// document's "Lưu: …" line names ("VT, TH").
func keeperCell(doc congtac.Document) string {
	if k := oneLine(doc.Keeper); k != "" {
		return k
	}
	for _, r := range doc.Recipients {
		for _, l := range paragraphs(r) {
			if l = strings.TrimSpace(strings.TrimLeft(l, "-–•+ ")); isFileCopy(l) {
				rest := string([]rune(l)[len([]rune("Lưu")):])
				return strings.TrimRight(strings.TrimLeft(rest, ": "), ";., ")
			}
		}
	}
	return ""
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
	t := grid(spread(page.textWidth(), registerWeights[:]...), pt10, registerHeader[:], d.rows(),
		[]align{alignLeft, alignCenter, alignLeft, alignLeft, alignLeft, alignLeft, alignCenter, alignCenter})
	s.blocks = append(s.blocks, head, year, t)
	return s, nil
}
