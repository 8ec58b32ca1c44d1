package congtac

import (
	"bytes"
	"image"
	"image/png"
	"testing"
)

func pngOf(t *testing.T, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewNRGBA(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestStampValidate(t *testing.T) {
	good := pngOf(t, 300, 120)
	tests := []struct {
		name  string
		s     Stamp
		field string
	}{
		{"a signature", Stamp{Kind: StampSignature, OwnerID: 1, PNG: good}, ""},
		{"a seal", Stamp{Kind: StampSeal, OwnerID: 1, PNG: good}, ""},
		{"unknown kind", Stamp{Kind: "logo", OwnerID: 1, PNG: good}, "kind"},
		{"no owner", Stamp{Kind: StampSeal, PNG: good}, "owner_id"},
		{"empty", Stamp{Kind: StampSeal, OwnerID: 1}, "png"},
		{"a JPEG named .png", Stamp{Kind: StampSeal, OwnerID: 1, PNG: []byte("\xff\xd8\xff\xe0 JFIF")}, "png"},
		{"too large a picture", Stamp{Kind: StampSeal, OwnerID: 1, PNG: pngOf(t, 2001, 10)}, "png"},
		{"too many bytes", Stamp{Kind: StampSeal, OwnerID: 1, PNG: append(good, make([]byte, MaxStampBytes)...)}, "png"},
	}
	for _, tt := range tests {
		err := tt.s.Validate()
		if got := FieldErrors(err); (tt.field == "" && err != nil) || (tt.field != "" && got[tt.field] == "") {
			t.Errorf("%s: %v, want a problem on %q", tt.name, err, tt.field)
		}
	}
}
