package importer

import (
	"os"
	"strings"
	"testing"

	"congtac"
	"congtac/vn"
)

// seedRows returns the seed's rows, read, cleaned and restored as an import would.
func seedRows(tb testing.TB) []Row {
	tb.Helper()
	data, err := os.ReadFile("../vn/testdata/seed-luc-ngan-2023-04.txt")
	if err != nil {
		tb.Fatal(err)
	}
	src, _ := ReadText(data)
	src, _ = Clean(src, vn.ToneKeep)
	src, _ = Restore(src, nil)
	return src.Rows()
}

func TestReadOutlineOfTheSeed(t *testing.T) {
	rows := seedRows(t)
	m := ReadMasthead(rows)
	o := ReadOutline(rows, m.Summary.Line+1)
	var got []string
	for _, it := range o.Items {
		if it.Style != congtac.StyleDash {
			got = append(got, it.Label+" "+it.Heading)
		}
	}
	want := []string{"A. NHIỆM VỤ TRỌNG TÂM THÁNG 4 VÀ QUÝ II NĂM 2023", "1. Về phát triển kinh tế", "1.1. ", "1.2. ", "1.3. ",
		"1.4. ", "1.5. ", "2. Về văn hóa - xã hội", "2.1. ", "2.2. ", "2.3. ", "3. Công tác nội chính", "3.1. ", "3.2. "}
	if joined := strings.Join(got, "|"); !strings.HasPrefix(joined, strings.Join(want, "|")) {
		t.Errorf("seed outline starts\n%s\nwant\n%s", joined, strings.Join(want, "|"))
	}
	// Sections name their sectors, and their items are in them.
	sectors := map[string]congtac.Sector{}
	for _, it := range o.Items {
		if strings.Count(it.Label, ".") == 2 && it.Style == congtac.StyleNested {
			sectors[it.Label[:2]] = it.Sector
		}
	}
	if sectors["1."] != congtac.SectorEconomy || sectors["2."] != congtac.SectorCultureSociety || sectors["3."] != congtac.SectorInternalAffairs {
		t.Errorf("sectors of the items 1.x, 2.x, 3.x: %v", sectors)
	}
	// 1.4. carries its source and target, its lines joined into one paragraph.
	var item14 congtac.Item
	for _, it := range o.Items {
		if it.Label == "1.4." {
			item14 = it
		}
	}
	if !strings.Contains(item14.Text, "Chỉ thị số 19-CT/TU ngày 11/6/2020 và Chỉ thị số 17-CT/TU") ||
		!strings.Contains(item14.Text, "đạt trên 50% chỉ tiêu KH cả năm") {
		t.Errorf("1.4. reads %q", item14.Text)
	}
	// Part B's meeting: its agenda items under it, in order, and the body ends at Nơi nhận.
	var b, meetings []congtac.Item
	for _, it := range o.Items {
		if it.Style == congtac.StyleUpperLetter {
			b = append(b, it)
		}
		if it.Style == congtac.StyleRoman {
			meetings = append(meetings, it)
		}
	}
	if len(b) != 2 || b[1].Label != "B." || len(meetings) < 3 || !strings.HasPrefix(meetings[0].Text, "Hội nghị UBND huyện thường kỳ") {
		t.Errorf("parts %+v, meetings %+v", b, meetings)
	}
	// The regular meeting's matters name the departments that prepare them.
	var leads []string
	for _, it := range o.Items {
		if a, ok := ReadAssignment(it.Text); ok && it.ParentID == meetings[0].ID {
			leads = append(leads, it.Label+" "+strings.Join(a.Lead, "+")+" "+a.Verb)
		}
	}
	if got := strings.Join(leads, "|"); got != "1. Phòng Tài chính - KH chuẩn bị|3. Phòng Kinh tế và Hạ tầng chuẩn bị|"+
		"4. Văn phòng HĐND và UBND huyện chủ trì|5. Phòng Nông nghiệp và PTNT chuẩn bị" {
		t.Errorf("the meeting's matters are prepared by %s", got)
	}
	if o.End >= len(rows) || !strings.HasPrefix(rows[o.End].Text, "Nơi nhận") {
		t.Errorf("the body ends at row %d of %d", o.End, len(rows))
	}
	for i, it := range o.Items {
		if err := it.Validate(); err != nil {
			t.Errorf("item %d %s: %v", i, it.Label, err)
		}
		if it.ParentID >= it.ID {
			t.Errorf("item %s: parent %d after it", it.Label, it.ParentID)
		}
	}
}

func TestReadOutlineNests(t *testing.T) {
	text := `I. MỤC ĐÍCH
1. Nắm chắc tình hình.
a) Rà soát hồ sơ;
b) Báo cáo kết quả.
2. Tổ chức thực hiện
- Phòng Nội vụ chủ trì;
II. NỘI DUNG
H. không phải phần
`
	src, _ := ReadText([]byte(text))
	o := ReadOutline(src.Rows(), 0)
	var got []string
	for _, it := range o.Items {
		got = append(got, it.Label+"@"+string(rune('0'+it.ParentID))+"#"+string(rune('0'+it.Position)))
	}
	if strings.Join(got, " ") != "I.@0#0 1.@1#0 a)@2#0 b)@2#1 2.@1#1 -@5#0 II.@0#1 H.@7#0" {
		t.Errorf("nesting %s", strings.Join(got, " "))
	}
}

func FuzzReadOutline(f *testing.F) {
	f.Add("A. PHẦN\n1. Mục\n1.1. Việc\nb) x\n- y\nI. z\nNơi nhận:\n")
	f.Fuzz(func(t *testing.T, text string) {
		src, _ := ReadText([]byte(text))
		rows := src.Rows()
		o := ReadOutline(rows, 0)
		if len(o.Items) != len(o.Lines) || o.End > len(rows) {
			t.Fatalf("%q: %d items, %d lines, end %d", text, len(o.Items), len(o.Lines), o.End)
		}
		for i, it := range o.Items {
			if it.ID != int64(i+1) || it.ParentID >= it.ID || it.ParentID < 0 {
				t.Errorf("%q: item %+v", text, it)
			}
		}
	})
}

func TestSectorOf(t *testing.T) {
	for heading, want := range map[string]congtac.Sector{
		"Về phát triển kinh tế": congtac.SectorEconomy, "Lĩnh vực văn hóa - xã hội": congtac.SectorCultureSociety,
		"PHÁT TRIỂN KINH TẾ - XÃ HỘI": congtac.SectorEconomy, "Công tác quốc phòng, an ninh": congtac.SectorInternalAffairs,
		"Công tác nội chính": congtac.SectorInternalAffairs, "Nhiệm vụ khác": "", "": "",
	} {
		if got := SectorOf(heading); got != want {
			t.Errorf("SectorOf(%q) = %q, want %q", heading, got, want)
		}
	}
}
