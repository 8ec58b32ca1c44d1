package congtac

import (
	"bytes"
	"image/png"
	"time"
)

// StampKind is what a stamp image shows.
type StampKind string

// Stamp kinds: a signer's signature (owned by a Person) and an organisation's seal (owned by
// an Org), drawn on electronic copies of issued documents (DOMAIN.md §1).
const (
	StampSignature StampKind = "signature"
	StampSeal      StampKind = "seal"
)

// MaxStampBytes limits an uploaded stamp image.
const MaxStampBytes = 1 << 20

// Stamp is a signature or seal image: a PNG, with transparency, at most MaxStampBytes and
// 2,000 pixels a side.
type Stamp struct {
	Kind      StampKind
	OwnerID   int64
	PNG       []byte
	UpdatedAt time.Time
}

// Validate checks the kind and that the bytes are a whole PNG image of a sensible size, every
// pixel decoded: uploads are checked for their type, whatever their name or declared content
// type says.
func (s Stamp) Validate() error {
	if s.Kind != StampSignature && s.Kind != StampSeal {
		return FieldError("kind", "Loại ảnh %q không hợp lệ.", string(s.Kind))
	}
	if s.OwnerID == 0 {
		return FieldError("owner_id", "Chưa chọn người ký hoặc cơ quan.")
	}
	if len(s.PNG) == 0 || len(s.PNG) > MaxStampBytes {
		return FieldError("png", "Ảnh phải có dung lượng từ 1 byte đến 1 MB.")
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(s.PNG))
	if err != nil {
		return FieldError("png", "Tệp tải lên không phải ảnh PNG.")
	}
	if cfg.Width < 1 || cfg.Height < 1 || cfg.Width > 2000 || cfg.Height > 2000 {
		return FieldError("png", "Ảnh phải có kích thước không quá 2.000 điểm ảnh mỗi chiều.")
	}
	// A sound header over corrupt pixels would pass, then break every document drawn with it.
	if _, err := png.Decode(bytes.NewReader(s.PNG)); err != nil {
		return FieldError("png", "Ảnh PNG bị hỏng, không đọc được hết các điểm ảnh; hãy xuất lại ảnh rồi tải lên.")
	}
	return nil
}
