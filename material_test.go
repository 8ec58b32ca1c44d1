package congtac

import (
	"archive/zip"
	"bytes"
	"testing"
)

func TestMaterialType(t *testing.T) {
	docx := func(files ...string) []byte {
		var b bytes.Buffer
		z := zip.NewWriter(&b)
		for _, f := range files {
			w, _ := z.Create(f)
			w.Write([]byte("<x/>"))
		}
		z.Close()
		return b.Bytes()
	}
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"pdf", []byte("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n"), TypePDF},
		{"docx", docx("[Content_Types].xml", "word/document.xml"), TypeDOCX},
		{"xlsx is a zip but no document", docx("[Content_Types].xml", "xl/workbook.xml"), ""},
		{"a pdf cut short", []byte("%PDF-1.7\n1 0 obj\n"), ""},
		{"png", []byte("\x89PNG\r\n\x1a\n...."), ""},
		{"empty", nil, ""},
		{"too big", append([]byte("%PDF-"), make([]byte, MaxMaterialBytes)...), ""},
	} {
		got, err := MaterialType(tc.data)
		if got != tc.want || (tc.want == "") != (err != nil) {
			t.Errorf("%s: %q, %v; want %q", tc.name, got, err, tc.want)
		}
		if err != nil && ErrorCode(err) != EINVALID {
			t.Errorf("%s: %v, want EINVALID", tc.name, err)
		}
	}
}

func TestMaterialName(t *testing.T) {
	for in, want := range map[string]string{
		`C:\Users\vp\Báo cáo KT-XH tháng 4.docx`: "Báo cáo KT-XH tháng 4.docx",
		"../../etc/passwd":                       "passwd",
		"a\x00b\"c.pdf":                          "abc.pdf",
		"  ":                                     "tai-lieu",
		"Ba\u0301o ca\u0301o.pdf":                "Báo cáo.pdf",
	} {
		if got := MaterialName(in); got != want {
			t.Errorf("MaterialName(%q) = %q, want %q", in, got, want)
		}
	}
}
