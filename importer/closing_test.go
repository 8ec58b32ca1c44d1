package importer

import (
	"reflect"
	"strings"
	"testing"

	"congtac"
)

func TestReadClosingOfTheSeed(t *testing.T) {
	rows := seedRows(t)
	m := ReadMasthead(rows)
	o := ReadOutline(rows, m.Summary.Line+1)
	c := ReadClosing(rows, o.End)
	want := []string{"Văn phòng UBND tỉnh:", "+ Phòng Tổng hợp;", "+ Phòng KG-VX;", "TT Huyện ủy, TT HĐND huyện;",
		"Chủ tịch, các PCT UBND huyện;", "Các CQ thuộc HU, HĐND huyện;", "UB MTTQ và các đoàn thể huyện;",
		"Các CQĐV thuộc UBND huyện;", "Các CQĐV trên địa bàn huyện;", "UBND các xã, thị trấn;", "LĐVP, CVTH;", "Lưu: VT."}
	if !reflect.DeepEqual(c.Recipients, want) {
		t.Errorf("recipients\n%q\nwant\n%q", c.Recipients, want)
	}
	if len(c.Signature.Lines) != 1 || c.Signature.Lines[0] != (congtac.SignLine{Authority: congtac.AuthorityByOrder, Of: "CHỦ TỊCH"}) ||
		c.Signature.Title != "CHÁNH VĂN PHÒNG" || !strings.HasPrefix(c.Signature.Name, "Vươn") || len(c.Problems) != 0 {
		t.Errorf("signature %+v, problems %+v", c.Signature, c.Problems)
	}
}

func TestReadClosingStackedAndMissing(t *testing.T) {
	src, _ := ReadText([]byte("Nơi nhận:\n- Như trên;\n- Lưu: VT, VP.\nTL. CHỦ TỊCH\nKT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\n\nNguyễn Thị Hoa\n"))
	c := ReadClosing(src.Rows(), 0)
	if len(c.Signature.Lines) != 2 || c.Signature.Lines[1].Authority != congtac.AuthorityDeputy || c.Signature.Title != "PHÓ CHÁNH VĂN PHÒNG" ||
		c.Signature.Name != "Nguyễn Thị Hoa" || !reflect.DeepEqual(c.Recipients, []string{"Như trên;", "Lưu: VT, VP."}) {
		t.Errorf("stacked: %+v", c)
	}
	if c := ReadClosing(nil, 0); len(c.Problems) != 1 {
		t.Errorf("nothing: %+v", c)
	}
}

func FuzzReadClosing(f *testing.F) {
	f.Add("Nơi nhận:\n- A;\n+ B;\nC\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A\n")
	f.Fuzz(func(t *testing.T, text string) {
		src, _ := ReadText([]byte(text))
		c := ReadClosing(src.Rows(), 0)
		for _, l := range c.Signature.Lines {
			if !l.Authority.Valid() {
				t.Errorf("%q: authority %q", text, l.Authority)
			}
		}
	})
}
