package congtac

import (
	"archive/zip"
	"bytes"
	"slices"
	"strings"
	"time"
)

// MaxMaterialBytes is the largest file a preparing org may attach to an agenda item.
const MaxMaterialBytes = 20 << 20

// Content types of the materials of a meeting.
const (
	TypePDF  = "application/pdf"
	TypeDOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)

// Material is a file an org attaches to an agenda item it prepares: the report or draft the
// meeting will discuss.
type Material struct {
	ID          int64
	ItemID      int64 // the agenda item
	Name        string
	ContentType string // TypePDF or TypeDOCX, from the bytes
	Size        int
	OrgID       int64 // the org of whoever uploaded it
	UploadedBy  int64 // user
	CreatedAt   time.Time
}

// MaterialType returns the content type of a material by its bytes, never by its name: a
// PDF, or a DOCX (a zip holding a WordprocessingML document). Anything else, an empty or
// damaged file, or one over [MaxMaterialBytes] is EINVALID.
func MaterialType(data []byte) (string, error) {
	return fileType(data, "Chỉ nhận tài liệu PDF hoặc Word (DOCX); tệp này không phải, hoặc đã hỏng.", TypePDF, TypeDOCX)
}

// AttachmentType returns the content type of a report's attachment by its bytes: a PDF, a
// Word (DOCX) or Excel (XLSX) file, or a PNG or JPEG image. Anything else, an empty or
// damaged file, or one over [MaxMaterialBytes] is EINVALID.
func AttachmentType(data []byte) (string, error) {
	return fileType(data, "Chỉ nhận tệp PDF, Word (DOCX), Excel (XLSX) hoặc ảnh PNG, JPEG; tệp này không phải, hoặc đã hỏng.",
		TypePDF, TypeDOCX, TypeXLSX, TypePNG, TypeJPEG)
}

// More content types a report may attach.
const (
	TypeXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	TypePNG  = "image/png"
	TypeJPEG = "image/jpeg"
)

// fileType returns the content type of data, one of allowed, read from its bytes; refused
// is the message of any other file.
func fileType(data []byte, refused string, allowed ...string) (string, error) {
	switch {
	case len(data) == 0:
		return "", FieldError("file", "Tệp rỗng.")
	case len(data) > MaxMaterialBytes:
		return "", FieldError("file", "Tệp lớn quá %d MB.", MaxMaterialBytes>>20)
	}
	if t := sniff(data); t != "" && slices.Contains(allowed, t) {
		return t, nil
	}
	return "", FieldError("file", "%s", refused)
}

// sniff returns the content type data holds, as far as these files go: "" for none.
func sniff(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")) && bytes.Contains(data[max(0, len(data)-1024):], []byte("%%EOF")):
		return TypePDF
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return TypePNG
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return TypeJPEG
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return ""
	}
	var types, document, workbook bool
	for _, f := range z.File {
		types = types || f.Name == "[Content_Types].xml"
		document = document || f.Name == "word/document.xml"
		workbook = workbook || f.Name == "xl/workbook.xml"
	}
	switch {
	case types && document:
		return TypeDOCX
	case types && workbook:
		return TypeXLSX
	}
	return ""
}

// Attachment is a file attached to a progress report: evidence of what was done.
type Attachment struct {
	ID          int64
	ReportID    int64
	Name        string
	ContentType string // from the bytes ([AttachmentType])
	Size        int
	UploadedBy  int64
	CreatedAt   time.Time
	Data        []byte // the bytes, when read or added; nil in lists
}

// MaterialName returns a file name fit to keep and send back: its base name without
// control characters or path, at most 200 characters, "tai-lieu" when nothing is left.
func MaterialName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '"' {
			return -1
		}
		return r
	}, NFC(strings.TrimSpace(name)))
	if r := []rune(name); len(r) > 200 {
		name = string(r[len(r)-200:])
	}
	if name == "" || name == "." || name == ".." {
		return "tai-lieu"
	}
	return name
}
