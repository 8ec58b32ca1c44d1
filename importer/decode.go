package importer

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Encoding names how a file's bytes were read, for the review page and the JSON result.
type Encoding string

// The encodings [DecodeText] tells apart.
const (
	EncodingUTF8    Encoding = "utf-8"
	EncodingUTF16   Encoding = "utf-16"
	EncodingWindows Encoding = "windows-1252" // single bytes: the legacy Vietnamese fonts' files
)

// DecodeText turns the bytes of a text file, or of pasted text, into a string the later
// stages read, and says how it read them:
//   - a byte-order mark of UTF-8 is dropped, and UTF-16 with its mark is decoded;
//   - text that is UTF-8 but for a few damaged bytes keeps its letters, each damaged byte
//     replaced by U+FFFD;
//   - bytes that are mostly not UTF-8 are read as Windows-1252, the single-byte code page
//     in which files typed with the legacy Vietnamese fonts (TCVN3 .VnTime, VNI-Times)
//     were saved, for [Unlegacy] to convert;
//   - CRLF and lone CR become LF.
//
// It never fails: any bytes give some text.
func DecodeText(data []byte) (string, Encoding) {
	var text string
	enc := EncodingUTF8
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		text = strings.ToValidUTF8(string(data[3:]), "\uFFFD")
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		decoded, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil { // a lone half of a pair: what decodes is kept
			decoded = []byte(strings.ToValidUTF8(string(decoded), "\uFFFD"))
		}
		text, enc = string(decoded), EncodingUTF16
	case mostlyUTF8(data):
		text = strings.ToValidUTF8(string(data), "\uFFFD")
	default:
		decoded, _ := charmap.Windows1252.NewDecoder().Bytes(data) // every byte has a character
		text, enc = string(decoded), EncodingWindows
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	return strings.ReplaceAll(text, "\r", "\n"), enc
}

// mostlyUTF8 reports whether data is UTF-8 with at most one damaged byte in ten of its
// bytes beyond ASCII: a file that was UTF-8 and lost a few bytes, rather than single-byte
// text, whose letters beyond ASCII are nearly never valid UTF-8 sequences.
func mostlyUTF8(data []byte) bool {
	if utf8.Valid(data) {
		return true
	}
	bad, high := 0, 0
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		switch {
		case r == utf8.RuneError && size == 1:
			bad++
			high++
		case size > 1:
			high += size
		}
		data = data[size:]
	}
	return bad*10 <= high
}
