package importer

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func TestDecodeTextReadsEachEncoding(t *testing.T) {
	const seed = "ỦY BAN NHÂN DÂN\r\nHUYỆN LỤC NGẠN\rSố: 45/CTr-UBND\n"
	const want = "ỦY BAN NHÂN DÂN\nHUYỆN LỤC NGẠN\nSố: 45/CTr-UBND\n"
	utf16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(seed)
	utf16be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String(seed)
	tcvn3, _ := charmap.Windows1252.NewEncoder().String("Ch\u00ad\u00acng tr\u00d7nh c\u00abng t\u00b8c")
	tests := []struct {
		name string
		data []byte
		text string
		enc  Encoding
	}{
		{"UTF-8", []byte(seed), want, EncodingUTF8},
		{"UTF-8 with its mark", append([]byte{0xEF, 0xBB, 0xBF}, seed...), want, EncodingUTF8},
		{"UTF-16 LE", []byte(utf16le), want, EncodingUTF16},
		{"UTF-16 BE", []byte(utf16be), want, EncodingUTF16},
		{"a damaged byte in UTF-8", []byte("Phòng Tài chính\xff - KH chủ trì"), "Phòng Tài chính\uFFFD - KH chủ trì", EncodingUTF8},
		// TCVN3 saved as single bytes: read as Windows-1252, for Unlegacy to convert.
		{"single bytes", []byte(tcvn3), "Ch\u00ad\u00acng tr\u00d7nh c\u00abng t\u00b8c", EncodingWindows},
		{"empty", nil, "", EncodingUTF8},
	}
	for _, tt := range tests {
		text, enc := DecodeText(tt.data)
		if text != tt.text || enc != tt.enc {
			t.Errorf("%s: %q, %s; want %q, %s", tt.name, text, enc, tt.text, tt.enc)
		}
	}
}

func FuzzDecodeText(f *testing.F) {
	f.Add([]byte("Số: 45/CTr-UBND\r\n"))
	f.Add([]byte{0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8})
	f.Add([]byte("Ch\xad\xacng tr\xd7nh"))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, _ := DecodeText(data)
		if !utf8.ValidString(text) {
			t.Errorf("%q gave invalid UTF-8 %q", data, text)
		}
		for i := 0; i < len(text); i++ {
			if text[i] == '\r' {
				t.Fatalf("%q kept a CR: %q", data, text)
			}
		}
	})
}
