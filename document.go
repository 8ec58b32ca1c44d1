package congtac

import (
	"fmt"
	"strings"
	"time"
)

// DocType is the kind of an administrative document, named by its symbol (Phụ lục III of
// Decree 30/2020). The empty DocType is a công văn, which has no type symbol.
type DocType string

// Document types congtac issues or records.
const (
	DocProgram      DocType = "CTr"
	DocPlan         DocType = "KH"
	DocReport       DocType = "BC"
	DocNotice       DocType = "TB"
	DocDecision     DocType = "QĐ"
	DocInvitation   DocType = "GM"
	DocSubmission   DocType = "TTr"
	DocDirective    DocType = "CT"
	DocRegulation   DocType = "QC"
	DocRule         DocType = "QyĐ"
	DocGuide        DocType = "HD"
	DocScheme       DocType = "PA"
	DocProject      DocType = "ĐA"
	DocMinutes      DocType = "BB"
	DocTelegram     DocType = "CĐ"
	DocIntroduction DocType = "GGT"
	DocLetter       DocType = ""
)

// DocTypes lists every type in the order of the decree's table.
var DocTypes = []DocType{DocProgram, DocPlan, DocReport, DocNotice, DocDecision, DocInvitation,
	DocSubmission, DocDirective, DocRegulation, DocRule, DocGuide, DocScheme, DocProject,
	DocMinutes, DocTelegram, DocIntroduction, DocLetter}

// Name returns the Vietnamese name printed as the document's title: "CHƯƠNG TRÌNH" in
// capitals is strings.ToUpper(Name()).
func (t DocType) Name() string {
	return map[DocType]string{
		DocProgram: "Chương trình", DocPlan: "Kế hoạch", DocReport: "Báo cáo", DocNotice: "Thông báo",
		DocDecision: "Quyết định", DocInvitation: "Giấy mời", DocSubmission: "Tờ trình",
		DocDirective: "Chỉ thị", DocRegulation: "Quy chế", DocRule: "Quy định", DocGuide: "Hướng dẫn",
		DocScheme: "Phương án", DocProject: "Đề án", DocMinutes: "Biên bản", DocTelegram: "Công điện",
		DocIntroduction: "Giấy giới thiệu", DocLetter: "Công văn",
	}[t]
}

// Valid reports whether t is a known type.
func (t DocType) Valid() bool { return t.Name() != "" }

// Symbol returns the document's symbol (ký hiệu) for an issuing body's short name and, for a
// công văn, the drafting unit: "CTr-UBND", "UBND-VX".
func Symbol(t DocType, body, unit string) string {
	if t == DocLetter {
		if unit == "" {
			return body
		}
		return body + "-" + unit
	}
	return string(t) + "-" + body
}

// FormatNumber returns the number and symbol as printed after "Số:": numbers below 10 take a
// leading zero ("05/CTr-UBND"); a draft (n == 0) leaves the number blank ("/CTr-UBND").
func FormatNumber(n int, symbol string) string {
	if n <= 0 {
		return "/" + symbol
	}
	return fmt.Sprintf("%02d/%s", n, symbol)
}

// SeriesMode says how an issuing org numbers its documents in a year.
type SeriesMode string

// Series modes: one shared series for every type, or one per document type (a setting).
const (
	SeriesShared  SeriesMode = "shared"
	SeriesPerType SeriesMode = "per_type"
)

// Register is a numbering series (sổ đăng ký văn bản đi) of an issuing org for a calendar
// year: numbers start at 01 each 1 January, are assigned atomically at issue and never
// reused. Type is "" for a shared series; Secret series are kept apart.
type Register struct {
	ID     int64
	OrgID  int64
	Year   int
	Type   DocType
	Secret bool
	Last   int // the last number given; 0 before the first
}

// SeriesType returns the register type that numbers a document of type t under mode m.
func SeriesType(m SeriesMode, t DocType) DocType {
	if m == SeriesPerType {
		return t
	}
	return ""
}

// Document is an issued document: a numbered entry of the outgoing register.
type Document struct {
	ID         int64
	OrgID      int64
	RegisterID int64
	Type       DocType
	Number     int
	Symbol     string
	IssuedOn   Date
	Place      string
	Summary    string // trích yếu
	Signature  Signature
	Recipients []string
	Copies     int
	Keeper     string // unit or person keeping the file copy
	ProgramID  int64
	MeetingID  int64
	IssuedBy   int64 // User
	IssuedAt   time.Time
	SentOn     Date
	Note       string
}

// Issuance is what the office states when it issues a document congtac drafted: the day of
// issue and the register's columns "Số lượng bản" (Copies) and "Đơn vị, người nhận bản
// lưu" (Keeper, e.g. "VT, VP"). The number comes from the register.
type Issuance struct {
	On     Date
	Copies int
	Keeper string
}

// Code returns the number and symbol: "45/CTr-UBND".
func (d Document) Code() string { return FormatNumber(d.Number, d.Symbol) }

// maxCopies bounds the number of copies a register records, against a mistyped figure.
const maxCopies = 10000

// Validate checks the fields typed at issue, within the metadata limits of Phụ lục VI.
func (d Document) Validate() error {
	var p Problems
	p.Text("summary", "Trích yếu", d.Summary)
	p.Text("symbol", "Ký hiệu", d.Symbol)
	p.Text("place", "Địa danh", d.Place)
	p.Text("keeper", "Đơn vị, người nhận bản lưu", d.Keeper)
	p.Text("note", "Ghi chú", d.Note)
	for _, r := range d.Recipients {
		p.Text("recipients", "Nơi nhận", r)
	}
	p.signatureTexts(d.Signature)
	if !d.Type.Valid() {
		p.Add("type", "Loại văn bản %q không hợp lệ.", string(d.Type))
	}
	if strings.TrimSpace(d.Summary) == "" {
		p.Add("summary", "Trích yếu không được để trống.")
	} else if len([]rune(d.Summary)) > MaxTitle {
		p.Add("summary", "Trích yếu dài quá 500 ký tự.")
	}
	if len([]rune(d.Symbol)) > MaxShortName || strings.ContainsRune(d.Symbol, ' ') {
		p.Add("symbol", "Ký hiệu tối đa 30 ký tự, không có dấu cách.")
	}
	if d.IssuedOn.IsZero() {
		p.Add("issued_on", "Chưa có ngày ban hành.")
	}
	if d.Number < 0 {
		p.Add("number", "Số văn bản không hợp lệ.")
	}
	if d.Copies < 0 || d.Copies > maxCopies {
		p.Add("copies", "Số lượng bản phải từ 0 đến %d.", maxCopies)
	}
	if len([]rune(d.Keeper)) > MaxKeeper {
		p.Add("keeper", "Đơn vị, người nhận bản lưu dài quá 200 ký tự.")
	}
	if len([]rune(d.Signature.Name)) > MaxPersonName || len([]rune(d.Signature.Title)) > MaxSignerTitle {
		p.Add("signature", "Họ tên người ký tối đa 50 ký tự, chức vụ tối đa 100 ký tự.")
	}
	return p.Err()
}

// DocumentFilter selects documents. Zero fields do not filter.
type DocumentFilter struct {
	ID        *int64
	OrgID     *int64
	ProgramID *int64
	MeetingID *int64
	Year      *int
	Type      *DocType
	Query     string
	Offset    int
	Limit     int
	Reach     *Reach // issuing org within reach
}

// Snapshot is what an issued document showed when it was issued: the whole input of its
// layout (masthead, number, date, place, signature, recipients, body and the names in it),
// encoded by the package that renders it. Format names the version of that encoding, so
// that a later release still reads an older snapshot. A snapshot is stored in the
// transaction that numbers its document and never changes: later changes to orgs, people,
// settings or tasks do not reach it.
type Snapshot struct {
	DocumentID int64
	Format     int
	Body       []byte // JSON
	TakenAt    time.Time
	// Backfilled marks a snapshot made after the issue, for a document issued before
	// snapshots existed: it holds the data as they were at TakenAt.
	Backfilled bool
}
