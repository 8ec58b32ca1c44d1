package congtac

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
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
		{"corrupt pixels, checksum right", Stamp{Kind: StampSeal, OwnerID: 1, PNG: corruptPixels(t, good, true)}, "png"},
		{"corrupt pixels, checksum wrong", Stamp{Kind: StampSeal, OwnerID: 1, PNG: corruptPixels(t, good, false)}, "png"},
		{"too many bytes", Stamp{Kind: StampSeal, OwnerID: 1, PNG: append(good, make([]byte, MaxStampBytes)...)}, "png"},
	}
	for _, tt := range tests {
		err := tt.s.Validate()
		if got := FieldErrors(err); (tt.field == "" && err != nil) || (tt.field != "" && got[tt.field] == "") {
			t.Errorf("%s: %v, want a problem on %q", tt.name, err, tt.field)
		}
	}
}

// corruptPixels returns a copy of the PNG b whose header is intact but whose first image
// data chunk is garbage, with its CRC recomputed when fixCRC is set.
func corruptPixels(t *testing.T, b []byte, fixCRC bool) []byte {
	t.Helper()
	out := bytes.Clone(b)
	i := bytes.Index(out, []byte("IDAT"))
	if i < 4 {
		t.Fatal("no IDAT chunk")
	}
	n := int(binary.BigEndian.Uint32(out[i-4:]))
	data := out[i+4 : i+4+n]
	for j := 2; j < len(data); j++ { // keep the zlib header: the stream itself is broken
		data[j] = 0xFF
	}
	if fixCRC {
		binary.BigEndian.PutUint32(out[i+4+n:], crc32.ChecksumIEEE(out[i:i+4+n]))
	}
	if _, err := png.DecodeConfig(bytes.NewReader(out)); err != nil {
		t.Fatalf("the corrupt PNG's header does not read: %v", err)
	}
	return out
}
