package importer

import (
	"archive/zip"
	"cmp"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"

	"congtac/vn"
)

// fields flattens what an import understood into field → value, the unit precision and
// recall are counted in: each masthead field, each task's lead, support, deadline, target
// and source, each meeting's kind and title and each matter's lead, each recipient, the
// signature, each schedule entry's leaders, place, preparer and postponement. A record is
// keyed by its first words, so that a task cut differently is a different task.
func fields(r Result) map[string]string {
	j := r.JSON()
	f := map[string]string{}
	put := func(k, v string) {
		if v != "" {
			f[k] = v
		}
	}
	m := j.Masthead
	put("issuer", m.Issuer.Text)
	put("parent", m.Parent.Text)
	if m.Number > 0 {
		put("number", fmt.Sprint(m.Number))
	}
	put("symbol", m.Symbol.Text)
	put("place", m.Place.Text)
	put("date", m.Date)
	if j.Kind == KindProgram { // a schedule has its week instead
		put("summary", m.Summary.Text)
		put("period", m.Period)
	}
	for _, t := range j.Tasks {
		k := "task " + firstWords(t.Text, keyWords["task"])
		if t.Lead != nil {
			put(k+" lead", t.Lead.Name)
		}
		var support []string
		for _, s := range t.Support {
			support = append(support, s.Name)
		}
		put(k+" support", strings.Join(support, "; "))
		put(k+" due", t.Due.Date+t.Due.Recurrence)
		if t.Target != nil {
			put(k+" target", fmt.Sprintf("%s %v %s", t.Target.Comparator, t.Target.Value, t.Target.Unit))
		}
		put(k+" source", t.Source)
	}
	for _, mt := range j.Meetings {
		k := "meeting " + mt.Date
		put(k+" kind", mt.Kind)
		put(k+" title", mt.Title)
		put(k+" recurrence", mt.Recurrence)
		for _, a := range mt.Agenda {
			if a.Lead != nil {
				put("matter "+firstWords(a.Title, keyWords["matter"])+" lead", a.Lead.Name)
			}
		}
	}
	for i, rc := range j.Recipients {
		put(fmt.Sprint("recipient ", i+1), rc)
	}
	put("signature lines", strings.Join(j.Signature.Lines, " / "))
	put("signature title", j.Signature.Title)
	put("signature name", j.Signature.Name)
	put("week", j.Week)
	for _, e := range j.Entries {
		k := "entry " + e.Date + " " + cmp.Or(e.Start+e.Part, "-") + " " + firstWords(e.Title, keyWords["entry"])
		put(k+" leaders", strings.Join(e.Leaders, "; "))
		put(k+" place", e.Place)
		if e.Preparer != nil {
			put(k+" preparer", e.Preparer.Name)
		}
		if e.Postponed {
			put(k+" postponed", "true")
		}
	}
	return f
}

// keyWords is how many first words of its text key a record of each kind.
var keyWords = map[string]int{"task": 5, "matter": 5, "entry": 3}

// canonical returns a field's key with its record's words cut to [keyWords], so that an
// expectation may name a record by more of its words.
func canonical(k string) string {
	w := strings.Fields(k)
	n := keyWords[w[0]]
	if n == 0 || len(w) < 3 {
		return k
	}
	head, rec, field := w[:1], w[1:len(w)-1], w[len(w)-1]
	if w[0] == "entry" {
		head, rec = w[:3], w[3:len(w)-1]
	}
	return strings.Join(slices.Concat(head, rec[:min(n, len(rec))], []string{field}), " ")
}

// firstWords returns the first n words of text.
func firstWords(text string, n int) string {
	w := strings.Fields(text)
	return strings.Join(w[:min(n, len(w))], " ")
}

// fixture is a document in one of the styles offices have, and the fields a person reads
// in it.
type fixture struct {
	name string
	data []byte
	want map[string]string
}

// TestPrecisionAndRecall imports documents of every level and style (a district's
// damaged PDF text, a province's DOCX with a masthead table and Word numbering, a
// commune's program typed in TCVN3, a commune's weekly schedule in VNI, a province's
// weekly schedule as a DOCX table) and counts, field by field, how much of what it read
// is right (precision) and how much of what is there it read (recall). The figures are
// in the note of issue 16; the test holds them above 0.9.
func TestPrecisionAndRecall(t *testing.T) {
	var right, got, want int
	for _, fx := range []fixture{seedFixture(t), provinceDOCXFixture(t), communeTCVN3Fixture(t), communeVNIScheduleFixture(t),
		provinceScheduleFixture(t)} {
		r, err := Import(fx.data, Options{})
		if err != nil {
			t.Fatalf("%s: %v", fx.name, err)
		}
		have := fields(r)
		expected := map[string]string{}
		for k, v := range fx.want {
			expected[canonical(k)] = v
		}
		fx.want = expected
		ok := 0
		for _, k := range slices.Sorted(maps.Keys(fx.want)) {
			switch v, found := have[k]; {
			case found && v == fx.want[k]:
				ok++
			case found:
				t.Logf("%s: %s = %q, want %q", fx.name, k, v, fx.want[k])
			default:
				t.Logf("%s: %s missing, want %q", fx.name, k, fx.want[k])
			}
		}
		for _, k := range slices.Sorted(maps.Keys(have)) {
			if _, expected := fx.want[k]; !expected {
				t.Logf("%s: %s = %q is not in the document", fx.name, k, have[k])
			}
		}
		t.Logf("%-28s precision %.3f (%d/%d), recall %.3f (%d/%d)", fx.name, float64(ok)/float64(len(have)), ok, len(have),
			float64(ok)/float64(len(fx.want)), ok, len(fx.want))
		right, got, want = right+ok, got+len(have), want+len(fx.want)
	}
	precision, recall := float64(right)/float64(got), float64(right)/float64(want)
	t.Logf("all: precision %.3f (%d/%d), recall %.3f (%d/%d)", precision, right, got, recall, right, want)
	if precision < 0.9 || recall < 0.9 {
		t.Errorf("precision %.3f, recall %.3f: both must be at least 0.9", precision, recall)
	}
}

// seedFixture is the seed, a district's program as its PDF's text gives it.
func seedFixture(t *testing.T) fixture {
	data, err := os.ReadFile("../vn/testdata/seed-luc-ngan-2023-04.txt")
	if err != nil {
		t.Fatal(err)
	}
	return fixture{"district, PDF text (seed)", data, map[string]string{
		"issuer": "ỦY BAN NHÂN DÂN HUYỆN LỤC NGẠN", "symbol": "CTr-UBND", "place": "Lục Ngạn", "period": "2023-04",
		"summary": "Công tác của UBND huyện tháng 4 năm 2023",
		"task Chỉ đạo hoàn thành công tác chuẩn bị due":      "2023-05-31",
		"task Đôn đốc hoàn thành công tác quyết toán due":    "2023-04-30",
		"task Quản lý chặt chẽ, sử dụng hiệu quả due":        "2023-06-30",
		"task Tập trung cao chỉ đạo, thực hiện Chỉ due":      "FREQ=MONTHLY;BYMONTHDAY=-1",
		"task Tập trung cao chỉ đạo, thực hiện Chỉ source":   "Chỉ thị số 19-CT/TU ngày 11/6/2020 và Chỉ thị số 17-CT/TU ngày 27/02/2020 của Ban Thường vụ Tỉnh ủy",
		"task Đôn đốc thường xuyên công tác thu tiền target": "> 50 %",
		"task Tập trung chỉ đạo thực hiện các nhiệm source":  "Nghị quyết 233",
		"task Tổ chức tốt công tác thông tin tuyên due":      "2023-06-30",
		"task Chỉ đạo các cơ quan, đơn vị thực due":          "2023-06-30",
		"meeting 2023-04-21 kind":                            "regular", "meeting 2023-04-21 title": "Hội nghị UBND huyện thường kỳ",
		"matter Báo cáo tình hình kinh tế - lead": "Phòng Tài chính - KH",
		"matter Báo cáo tiến độ các dự lead":      "Phòng Kinh tế và Hạ tầng",
		"matter Báo cáo sơ kết Đề án lead":        "Phòng Nông nghiệp và PTNT", // two matters start alike: the last wins
		"matter Báo cáo sơ kết 02 năm lead":       "Văn phòng HĐND và UBND huyện",
		"meeting 2023-04-06 kind":                 "briefing", "meeting 2023-04-06 recurrence": "FREQ=WEEKLY;BYDAY=TH",
		"meeting 2023-04-06 title": "Giao ban Chủ tịch, các Phó Chủ tịch UBND huyện",
		"recipient 1":              "Văn phòng UBND tỉnh:", "recipient 2": "+ Phòng Tổng hợp;", "recipient 3": "+ Phòng KG-VX;",
		"recipient 4": "TT Huyện ủy, TT HĐND huyện;", "recipient 5": "Chủ tịch, các PCT UBND huyện;",
		"recipient 6": "Các CQ thuộc HU, HĐND huyện;", "recipient 7": "UB MTTQ và các đoàn thể huyện;",
		"recipient 8": "Các CQĐV thuộc UBND huyện;", "recipient 9": "Các CQĐV trên địa bàn huyện;",
		"recipient 10": "UBND các xã, thị trấn;", "recipient 11": "LĐVP, CVTH;", "recipient 12": "Lưu: VT.",
		"signature lines": "TL. CHỦ TỊCH", "signature title": "CHÁNH VĂN PHÒNG", "signature name": "Vương Mạnh Chung",
	}}
}

// provinceDOCXFixture is a province's quarter program typed in Word: the masthead in a
// table without borders, parts and items numbered by Word's own lists.
func provinceDOCXFixture(t *testing.T) fixture {
	cell := func(lines ...string) string { return wCellText("", lines...) }
	masthead := wTable(wRow(cell("ỦY BAN NHÂN DÂN", "TỈNH SƠN HÀ", "Số: 118/CTr-UBND"),
		cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Sơn Hà, ngày 25 tháng 12 năm 2026")))
	p := func(text string) string { return wPara("", wRun(text)) }
	bold := func(text string) string { return wPara(`<w:jc w:val="center"/>`, wBold(text)) }
	body := masthead + bold("CHƯƠNG TRÌNH") + bold("Công tác Quý I năm 2027 của UBND tỉnh") +
		p("I. NHIỆM VỤ TRỌNG TÂM") +
		p("1. Lĩnh vực kinh tế") +
		p("1.1. Tập trung giải ngân vốn đầu tư công, phấn đấu tỷ lệ giải ngân đạt ít nhất 25% kế hoạch vốn năm, hoàn thành trong Quý I/2027 (Sở Tài chính chủ trì, Sở Xây dựng phối hợp).") +
		p("1.2. Triển khai Kế hoạch số 45/KH-UBND ngày 20/01/2026 của UBND tỉnh về phát triển nông nghiệp hữu cơ (Sở Nông nghiệp và Môi trường chủ trì).") +
		p("2. Lĩnh vực văn hóa - xã hội") +
		p("2.1. Tổ chức Tết Nguyên đán Bính Ngọ an toàn, tiết kiệm, chậm nhất ngày 10/02/2027 (Sở Văn hóa, Thể thao và Du lịch chủ trì, Công an tỉnh phối hợp).") +
		p("II. CÁC PHIÊN HỌP CỦA UBND TỈNH") +
		p("1. Phiên họp UBND tỉnh thường kỳ tháng 1: Ngày 28/01/2027 (Thứ Năm); nội dung trình gồm:") +
		p("a) Báo cáo tình hình kinh tế - xã hội tháng 1 năm 2027 (Sở Tài chính chuẩn bị).") +
		p("b) Đề án sắp xếp các đơn vị sự nghiệp công lập (Sở Nội vụ chuẩn bị).") +
		p("Nơi nhận:") + p("- Thường trực Tỉnh ủy;") + p("- Các sở, ban, ngành tỉnh;") + p("- Lưu: VT, TH.") +
		p("TM. ỦY BAN NHÂN DÂN") + p("CHỦ TỊCH") + p("Nguyễn Văn Thành")
	data := buildDOCX(t, map[string]string{"word/document.xml": wDocument(body)}, zip.Deflate)
	return fixture{"province, DOCX", data, map[string]string{
		"issuer": "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ", "number": "118", "symbol": "CTr-UBND", "place": "Sơn Hà", "date": "2026-12-25",
		"summary": "Công tác Quý I năm 2027 của UBND tỉnh", "period": "2027-Q1",
		"task Tập trung giải ngân vốn đầu tư công, lead":                "Sở Tài chính",
		"task Tập trung giải ngân vốn đầu tư công, support":             "Sở Xây dựng",
		"task Tập trung giải ngân vốn đầu tư công, due":                 "2027-03-31",
		"task Tập trung giải ngân vốn đầu tư công, target":              ">= 25 %",
		"task Triển khai Kế hoạch số 45/KH-UBND ngày 20/01/2026 lead":   "Sở Nông nghiệp và Môi trường",
		"task Triển khai Kế hoạch số 45/KH-UBND ngày 20/01/2026 source": "Kế hoạch số 45/KH-UBND ngày 20/01/2026 của UBND tỉnh",
		"task Tổ chức Tết Nguyên đán Bính Ngọ lead":                     "Sở Văn hóa, Thể thao và Du lịch",
		"task Tổ chức Tết Nguyên đán Bính Ngọ support":                  "Công an tỉnh",
		"task Tổ chức Tết Nguyên đán Bính Ngọ due":                      "2027-02-10",
		"meeting 2027-01-28 kind":                                       "regular", "meeting 2027-01-28 title": "Phiên họp UBND tỉnh thường kỳ tháng 1",
		"matter Báo cáo tình hình kinh tế - lead": "Sở Tài chính", "matter Đề án sắp xếp các đơn lead": "Sở Nội vụ",
		"recipient 1": "Thường trực Tỉnh ủy;", "recipient 2": "Các sở, ban, ngành tỉnh;", "recipient 3": "Lưu: VT, TH.",
		"signature lines": "TM. ỦY BAN NHÂN DÂN", "signature title": "CHỦ TỊCH", "signature name": "Nguyễn Văn Thành",
	}}
}

// communeTCVN3Text is a commune's month program, typed with the .VnTime fonts: capitals
// with tones only in lines set in capitals.
const communeTCVN3Text = `UBND HUYỆN YÊN THẾ
UBND XÃ TÂN PHƯỚC
Số: 12/CTr-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Tân Phước, ngày 28 tháng 11 năm 2026
CHƯƠNG TRÌNH
Công tác tháng 12 năm 2026
I. NHIỆM VỤ TRỌNG TÂM
1. Hoàn thành thu ngân sách nhà nước năm 2026 đạt trên 100% dự toán huyện giao (Công chức Tài chính - Kế toán chủ trì, các thôn phối hợp).
2. Tổ chức tổng kết công tác năm 2026 trước ngày 25/12/2026 (Văn phòng - Thống kê chủ trì).
3. Ra quân tổng vệ sinh môi trường hằng tháng (Ban Chỉ huy Quân sự xã chủ trì, Đoàn Thanh niên xã phối hợp).
II. CÁC CUỘC HỌP
1. Họp UBND xã thường kỳ vào ngày 29/12/2026.
2. Giao ban sáng thứ Hai hằng tuần.
Nơi nhận:
- TT Đảng ủy, TT HĐND xã;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Hoàng Văn Sơn
`

// communeTCVN3Fixture is a commune's program typed in TCVN3.
func communeTCVN3Fixture(t *testing.T) fixture {
	return fixture{"commune, TCVN3 text", legacyText(t, communeTCVN3Text, vn.DecodeTCVN3), map[string]string{
		"parent": "UBND HUYỆN YÊN THẾ", "issuer": "UBND XÃ TÂN PHƯỚC", "number": "12", "symbol": "CTr-UBND",
		"place": "Tân Phước", "date": "2026-11-28", "summary": "Công tác tháng 12 năm 2026", "period": "2026-12",
		"task Hoàn thành thu ngân sách nhà nước năm lead":    "Công chức Tài chính - Kế toán",
		"task Hoàn thành thu ngân sách nhà nước năm support": "các thôn",
		"task Hoàn thành thu ngân sách nhà nước năm target":  "> 100 %",
		"task Hoàn thành thu ngân sách nhà nước năm due":     "2026-12-31", // "hoàn thành … năm 2026"
		"task Tổ chức tổng kết công tác năm 2026 lead":       "Văn phòng - Thống kê",
		"task Tổ chức tổng kết công tác năm 2026 due":        "2026-12-24",
		"task Ra quân tổng vệ sinh môi trường hằng lead":     "Ban Chỉ huy Quân sự xã",
		"task Ra quân tổng vệ sinh môi trường hằng support":  "Đoàn Thanh niên xã",
		"task Ra quân tổng vệ sinh môi trường hằng due":      "FREQ=MONTHLY;BYMONTHDAY=-1",
		"meeting 2026-12-29 kind":                            "regular", "meeting 2026-12-29 title": "Họp UBND xã thường kỳ",
		"meeting 2026-12-07 kind": "briefing", "meeting 2026-12-07 recurrence": "FREQ=WEEKLY;BYDAY=MO",
		"meeting 2026-12-07 title": "Giao ban",
		"recipient 1":              "TT Đảng ủy, TT HĐND xã;", "recipient 2": "Lưu: VT.",
		"signature lines": "TM. ỦY BAN NHÂN DÂN", "signature title": "CHỦ TỊCH", "signature name": "Hoàng Văn Sơn",
	}}
}

// communeVNIText is a commune's weekly schedule typed with the VNI fonts.
const communeVNIText = `UBND XÃ AN PHÚ
LỊCH CÔNG TÁC TUẦN
Từ ngày 14/12/2026 đến ngày 18/12/2026
THỨ HAI (14/12/2026)
- 7h30: Chào cờ đầu tuần. Địa điểm: Sân trụ sở UBND xã.
- 14h00: Chủ tịch UBND xã làm việc với các thôn về thu ngân sách. Địa điểm: Phòng họp UBND xã. Chuẩn bị: Công chức Tài chính - Kế toán.
THỨ TƯ (16/12/2026)
- 8h00: Phó Chủ tịch UBND xã kiểm tra công trình đường giao thông thôn Bắc (Hoãn).
`

// communeVNIScheduleFixture is a commune's week typed in VNI.
func communeVNIScheduleFixture(t *testing.T) fixture {
	return fixture{"commune schedule, VNI text", legacyText(t, communeVNIText, vn.DecodeVNI), map[string]string{
		"issuer": "UBND XÃ AN PHÚ", "week": "2026-W51",
		// A leader named at the head of the work is the entry's leader, not its title.
		"entry 2026-12-14 07:30morning Chào cờ đầu tuần place":              "Sân trụ sở UBND xã",
		"entry 2026-12-14 14:00afternoon Làm việc với các thôn place":       "Phòng họp UBND xã",
		"entry 2026-12-14 14:00afternoon Làm việc với các thôn preparer":    "Công chức Tài chính - Kế toán",
		"entry 2026-12-14 14:00afternoon Làm việc với các thôn leaders":     "Chủ tịch UBND xã",
		"entry 2026-12-16 08:00morning Kiểm tra công trình đường leaders":   "Phó Chủ tịch UBND xã",
		"entry 2026-12-16 08:00morning Kiểm tra công trình đường postponed": "true",
	}}
}

// provinceScheduleFixture is a province's week as a DOCX table, a day's cell merged over
// its rows.
func provinceScheduleFixture(t *testing.T) fixture {
	cell := func(lines ...string) string { return wCellText("", lines...) }
	first := func(lines ...string) string { return wCellText(`<w:vMerge w:val="restart"/>`, lines...) }
	cont := wCell(`<w:vMerge/>`)
	p := func(text string) string { return wPara("", wRun(text)) }
	body := p("ỦY BAN NHÂN DÂN TỈNH SƠN HÀ") + p("LỊCH CÔNG TÁC TUẦN 51") +
		p("(Từ ngày 14/12/2026 đến ngày 20/12/2026)") +
		wTable(wRow(cell("Thứ, ngày"), cell("Thời gian"), cell("Nội dung công việc"), cell("Địa điểm"), cell("Lãnh đạo"), cell("Đơn vị chuẩn bị")),
			wRow(first("Thứ Hai", "14/12"), cell("8h00"), cell("Họp Ban Thường vụ Tỉnh ủy"), cell("Phòng họp số 1, Tỉnh ủy"),
				cell("Chủ tịch UBND tỉnh"), cell("")),
			wRow(cont, cell("14 giờ 00"), cell("Làm việc với Sở Xây dựng về quy hoạch đô thị"), cell("Sở Xây dựng"),
				cell("Phó Chủ tịch Trần Minh"), cell("Sở Xây dựng")),
			wRow(first("Thứ Năm", "17/12"), cell("Chiều"), cell("Giao ban Chủ tịch, các Phó Chủ tịch UBND tỉnh"),
				cell("Phòng họp UBND tỉnh"), cell("Chủ tịch, các Phó Chủ tịch UBND tỉnh"), cell("Văn phòng UBND tỉnh")))
	data := buildDOCX(t, map[string]string{"word/document.xml": wDocument(body)}, zip.Deflate)
	return fixture{"province schedule, DOCX", data, map[string]string{
		"issuer": "ỦY BAN NHÂN DÂN TỈNH SƠN HÀ", "week": "2026-W51",
		"entry 2026-12-14 08:00morning Họp Ban Thường vụ Tỉnh place":   "Phòng họp số 1, Tỉnh ủy",
		"entry 2026-12-14 08:00morning Họp Ban Thường vụ Tỉnh leaders": "Chủ tịch UBND tỉnh",
		"entry 2026-12-14 14:00afternoon Làm việc với Sở place":        "Sở Xây dựng",
		"entry 2026-12-14 14:00afternoon Làm việc với Sở leaders":      "Phó Chủ tịch Trần Minh",
		"entry 2026-12-14 14:00afternoon Làm việc với Sở preparer":     "Sở Xây dựng",
		"entry 2026-12-17 afternoon Giao ban Chủ tịch, các place":      "Phòng họp UBND tỉnh",
		"entry 2026-12-17 afternoon Giao ban Chủ tịch, các leaders":    "Chủ tịch, các Phó Chủ tịch UBND tỉnh",
		"entry 2026-12-17 afternoon Giao ban Chủ tịch, các preparer":   "Văn phòng UBND tỉnh",
	}}
}

// legacyText encodes text in a legacy single-byte encoding that decode reads, the way a
// file typed with its fonts stores it: each letter as the shortest run of bytes (an ASCII
// letter and up to two bytes from 0xA0 on, or one or two such bytes alone) that decode turns into
// it, found by trying them all. TCVN3 writes capitals with tones as small letters set in
// a capital font: a line in capitals keeps its ASCII capitals, its other letters small. It fails the test on a
// letter the encoding cannot write.
func legacyText(t *testing.T, text string, decode func(string) string) []byte {
	t.Helper()
	codes := legacyCodes(decode)
	var out []byte
	for line := range strings.Lines(text) {
		if strings.ToUpper(line) == line {
			low := strings.Map(func(r rune) rune {
				if r < 0x80 {
					return r
				}
				return unicode.ToLower(r)
			}, line)
			if decode(latin1(encodeWith(codes, low, nil))) == line {
				line = low
			}
		}
		out = encodeWith(codes, line, out)
		if out == nil {
			t.Fatalf("a letter of %q has no code", line)
		}
	}
	return out
}

// latin1 returns bytes read as Latin-1, as decoders of legacy encodings take them.
func latin1(b []byte) string {
	rs := make([]rune, len(b))
	for i, c := range b {
		rs[i] = rune(c)
	}
	return string(rs)
}

// encodeWith appends s encoded with codes to out; nil when a letter has none.
func encodeWith(codes map[rune]string, s string, out []byte) []byte {
	if out == nil {
		out = []byte{}
	}
	for _, r := range s {
		switch code, ok := codes[r]; {
		case r < 0x80:
			out = append(out, byte(r))
		case ok:
			for _, c := range code {
				out = append(out, byte(c))
			}
		default:
			return nil
		}
	}
	return out
}

// legacyCodes returns, for each letter decode gives, the shortest bytes that give it.
func legacyCodes(decode func(string) string) map[rune]string {
	codes := map[rune]string{}
	learn := func(in string) {
		out := []rune(decode(in))
		if len(out) != 1 || out[0] < 0x80 || !unicode.IsLetter(out[0]) {
			return
		}
		if old, ok := codes[out[0]]; !ok || better(in, old) {
			codes[out[0]] = in
		}
	}
	var high []string
	for b := rune(0xA0); b <= 0xFF; b++ {
		high = append(high, string(b))
		learn(string(b))
	}
	for _, h := range high { // a letter of one byte with a tone of another: VNI's ừ, ớ
		for _, h2 := range high {
			learn(h + h2)
		}
	}
	for _, base := range "aeiouyAEIOUYdD" {
		for _, h := range high {
			learn(string(base) + h)
			for _, h2 := range high {
				learn(string(base) + h + h2)
			}
		}
	}
	return codes
}

// better reports whether code a is to be preferred to code b for a letter: one that
// starts with the letter's ASCII base, as VNI writes "à" ("aø"), reads the same after any
// letter, while a byte alone may join the letter before it; else the shorter.
func better(a, b string) bool {
	if ascii := func(c string) bool { return c[0] < 0x80 }; ascii(a) != ascii(b) {
		return ascii(a)
	}
	return len(a) < len(b)
}

// TestLegacyTextRoundTrips checks the encoder the fixtures use: what it writes decodes back.
func TestLegacyTextRoundTrips(t *testing.T) {
	for name, decode := range map[string]func(string) string{"tcvn3": vn.DecodeTCVN3, "vni": vn.DecodeVNI} {
		for _, text := range []string{communeTCVN3Text, communeVNIText} {
			data := legacyText(t, text, decode)
			src, _ := ReadText(data)
			src, legacy := Clean(src, vn.ToneKeep)
			if got := strings.Join(src.Lines(), "\n"); got != strings.TrimSpace(text) || string(legacy) != name {
				t.Errorf("%s: legacy %q, text\n%s", name, legacy, got)
			}
		}
	}
}
