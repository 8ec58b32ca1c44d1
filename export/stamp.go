package export

import (
	"bytes"
	"fmt"
	"image/png"

	"congtac"
)

// placed is an image placed relative to the top left of the blank space left for the
// signature and seal, in twips.
type placed struct {
	name       string // "signature" or "seal"
	data       []byte
	x, y, w, h int
}

// Sizes of the images of an electronic copy, in twips.
const (
	signatureHeight = 1020 // 18 mm
	sealWidth       = 2041 // 36 mm, a committee's round seal
)

// stampImages places the signature centred in a blank space width × height twips, and the
// seal over the left third of the signature, centred on it vertically; the seal alone is
// centred. The seal comes last, drawn over the signature. It returns an EINVALID error
// when an image is not a PNG.
func stampImages(img Images, width, height int) ([]placed, error) {
	var out []placed
	var sig placed
	if len(img.Signature) > 0 {
		pw, ph, err := pngSize(img.Signature, "chữ ký")
		if err != nil {
			return nil, err
		}
		h := signatureHeight
		w := h * pw / ph
		if w > width {
			w, h = width, width*ph/pw
		}
		sig = placed{name: "signature", data: img.Signature, x: (width - w) / 2, y: (height - h) / 2, w: w, h: h}
		out = append(out, sig)
	}
	if len(img.Seal) > 0 {
		pw, ph, err := pngSize(img.Seal, "con dấu")
		if err != nil {
			return nil, err
		}
		w := sealWidth
		h := w * ph / pw
		x := (width - w) / 2
		if sig.w > 0 {
			x = sig.x + sig.w/3 - w
		}
		out = append(out, placed{name: "seal", data: img.Seal, x: x, y: (height - h) / 2, w: w, h: h})
	}
	return out, nil
}

// pngSize returns the pixel size of a PNG image, or an EINVALID error naming what it was
// meant to show.
func pngSize(data []byte, what string) (int, int, error) {
	cfg, err := png.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > 10000 || cfg.Height > 10000 {
		return 0, 0, congtac.Errorf(congtac.EINVALID, "Ảnh %s không phải tệp PNG hợp lệ (rộng và cao tối đa 10.000 điểm ảnh).", what)
	}
	if _, err := png.Decode(bytes.NewReader(data)); err != nil {
		return 0, 0, congtac.Errorf(congtac.EINVALID, "Ảnh %s không đọc được: %v.", what, err)
	}
	return cfg.Width, cfg.Height, nil
}

// checkImages reports whether the images of a document are PNG files, before anything is
// written.
func checkImages(img Images) error {
	_, err := stampImages(img, 1000, 1000)
	if err != nil {
		return fmt.Errorf("export: images: %w", err)
	}
	return nil
}
