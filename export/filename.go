package export

import (
	"cmp"
	"strconv"
	"strings"
	"unicode"

	"congtac"
	"congtac/vn"
)

// Named is a document [FileName] names: a [ProgramDoc], [InvitationDoc], [ConclusionDoc],
// [ResultReportDoc], [RegisterDoc] or [TaskTable].
type Named interface {
	fileBase() string
}

// FileName returns the name document d downloads as, ext (".pdf") appended, in ASCII
// without spaces: an issued document by its number and symbol ("/" as "-") and its issue
// date in ISO form, "24-CTr-UBND-2026-12-05.pdf"; a draft by "du-thao-", its type and
// what it is, "du-thao-chuong-trinh-thang-1-2027.pdf"; the register and task lists by
// what they are, "so-van-ban-di-2026.xlsx". Vietnamese words are folded to ASCII with
// [vn.Fold]; the name is at most about 100 characters before ext.
func FileName(d Named, ext string) string { return d.fileBase() + ext }

// docBase names a document: by number, symbol and date once it is issued, else as a
// draft by the words given.
func docBase(number int, symbol string, on congtac.Date, draft bool, what ...string) string {
	if draft || number <= 0 || on.IsZero() {
		return slug(append([]string{"dự thảo"}, what...)...)
	}
	return codeSlug(congtac.FormatNumber(number, symbol)) + "-" + on.String()
}

// periodWords names a period briefly: "tháng 1 2027", "quý II 2027", "tuần 50 2026",
// "năm 2027", which [slug] makes "thang-1-2027".
func periodWords(p congtac.Period) string {
	switch p.Kind {
	case congtac.PeriodMonth, congtac.PeriodQuarter, congtac.PeriodWeek:
		return strings.Replace(p.String(), " năm ", " ", 1)
	}
	return p.String()
}

// maxSlug is about the longest name a slug gives, cut at a dash.
const maxSlug = 100

// slug returns the words folded to lower-case ASCII, each run of other characters a
// single "-": "Dự thảo chương trình tháng 1 2027" → "du-thao-chuong-trinh-thang-1-2027".
func slug(words ...string) string {
	var b strings.Builder
	dash := false
	for _, r := range vn.Fold(strings.Join(words, " ")) {
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	s := b.String()
	if len(s) > maxSlug {
		if i := strings.LastIndexByte(s[:maxSlug], '-'); i > 0 {
			s = s[:i]
		} else {
			s = s[:maxSlug]
		}
	}
	return cmp.Or(s, "tep")
}

// codeSlug returns a document's number and symbol for a file name, its letters folded
// to ASCII in their case and "/" as "-": "05/QĐ-UBND" → "05-QD-UBND".
func codeSlug(code string) string {
	var b strings.Builder
	for _, r := range code {
		switch {
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-'):
			b.WriteRune(r)
		case unicode.IsLetter(r):
			f := slug(string(r))
			if unicode.IsUpper(r) {
				f = strings.ToUpper(f)
			}
			b.WriteString(f)
		default:
			b.WriteByte('-')
		}
	}
	return b.String()
}

// fileBase implements [Named]: by number or as "du-thao-chuong-trinh-<period>".
func (d ProgramDoc) fileBase() string {
	p := d.Program
	return docBase(p.Number, p.Symbol, p.IssuedOn, d.Draft, "chương trình", periodWords(p.Period))
}

// fileBase implements [Named]: by number or as "du-thao-giay-moi-<meeting>".
func (d InvitationDoc) fileBase() string {
	doc := d.Document
	return docBase(doc.Number, doc.Symbol, doc.IssuedOn, d.Draft, "giấy mời", d.Meeting.Title)
}

// fileBase implements [Named]: by number or as "du-thao-thong-bao-ket-luan-<meeting>".
func (d ConclusionDoc) fileBase() string {
	doc := d.Document
	return docBase(doc.Number, doc.Symbol, doc.IssuedOn, d.Draft, "thông báo kết luận", d.Meeting.Title)
}

// fileBase implements [Named]: by number or as "du-thao-bao-cao-ket-qua-chuong-trinh-<period>".
func (d ResultReportDoc) fileBase() string {
	doc := d.Document
	return docBase(doc.Number, doc.Symbol, doc.IssuedOn, d.Draft, "báo cáo kết quả chương trình",
		periodWords(d.Program.Period))
}

// fileBase implements [Named]: "so-van-ban-di-<year>".
func (d RegisterDoc) fileBase() string { return slug("sổ văn bản đi", strconv.Itoa(d.Year)) }

// fileBase implements [Named]: "nhiem-vu-chuong-trinh-<period>", else the title's words.
func (t TaskTable) fileBase() string {
	if t.Period.Year != 0 {
		return slug("nhiệm vụ chương trình", periodWords(t.Period))
	}
	return slug(cmp.Or(strings.TrimSpace(t.Title), "danh sách nhiệm vụ"))
}
