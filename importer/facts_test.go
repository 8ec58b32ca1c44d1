package importer

import (
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"congtac"
	"congtac/vn"
)

// factsRef is the first day of the seed's period, April 2023.
var factsRef = congtac.Date{Year: 2023, Month: time.April, Day: 1}

// factsSeedItems returns the texts of the seed's items by label ("1.3."), read as an
// import reads them, and the texts of all its items in order. The first item with a
// label keeps it: the meeting's matters "1." to "6." come after the sections.
func factsSeedItems(tb testing.TB) (map[string]string, []string) {
	tb.Helper()
	rows := seedRows(tb)
	o := ReadOutline(rows, ReadMasthead(rows).Summary.Line+1)
	byLabel := map[string]string{}
	var all []string
	for _, it := range o.Items {
		if it.Text == "" {
			continue
		}
		all = append(all, it.Text)
		if _, seen := byLabel[it.Label]; !seen {
			byLabel[it.Label] = it.Text
		}
	}
	return byLabel, all
}

// sentencesAt returns the sentences of text expected to be the strings want, in order,
// with their offsets.
func sentencesAt(t *testing.T, text string, want []string) []Sentence {
	t.Helper()
	var out []Sentence
	from := 0
	for _, w := range want {
		i := strings.Index(text[from:], w)
		if i < 0 {
			t.Fatalf("%q is not in %q after %d", w, text, from)
		}
		out = append(out, Sentence{Text: w, Start: from + i, End: from + i + len(w)})
		from += i + len(w)
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Chỉ đạo hoàn thành công tác chuẩn bị. Tập trung chỉ đạo, đôn đốc tiến độ; rà soát các nguồn thu.",
			[]string{"Chỉ đạo hoàn thành công tác chuẩn bị.", "Tập trung chỉ đạo, đôn đốc tiến độ; rà soát các nguồn thu."}},
		{"Hạ tầng dân cư, đô thị, giao thông… để theo dõi, thi công. Bảo vệ công trình thủy lợi, xây dựng… Tập trung ra quân.",
			[]string{"Hạ tầng dân cư, đô thị, giao thông… để theo dõi, thi công.", "Bảo vệ công trình thủy lợi, xây dựng…", "Tập trung ra quân."}},
		{"Thu thuế các cơ sở (chế biến gỗ, đá cây...); thường xuyên bám sát. Đường bộ, đường sắt... Rà soát các lò sấy.",
			[]string{"Thu thuế các cơ sở (chế biến gỗ, đá cây...); thường xuyên bám sát.", "Đường bộ, đường sắt...", "Rà soát các lò sấy."}},
		{"Làm việc với UBND TP. Bắc Giang và TX. Việt Yên về dự án. Mời ThS. Nguyễn Văn An báo cáo.",
			[]string{"Làm việc với UBND TP. Bắc Giang và TX. Việt Yên về dự án.", "Mời ThS. Nguyễn Văn An báo cáo."}},
		{"Thu 1.000 hộ, đạt 1.234,5 tỷ đồng. Chỉ thị số 19-CT/TU ngày 11/6/2020 v.v. và các văn bản khác. Các xã, v.v. Hoàn thành.",
			[]string{"Thu 1.000 hộ, đạt 1.234,5 tỷ đồng.", "Chỉ thị số 19-CT/TU ngày 11/6/2020 v.v. và các văn bản khác.",
				"Các xã, v.v.", "Hoàn thành."}},
		{"1.1. Chỉ đạo chăm sóc vải thiều. 2. Tổ chức tái đàn. B. Tiêm phòng. II. Nội chính.",
			[]string{"1.1. Chỉ đạo chăm sóc vải thiều.", "2. Tổ chức tái đàn.", "B. Tiêm phòng.", "II. Nội chính."}},
		{"Dòng thứ nhất không dấu chấm\nDòng thứ hai.\r\n\n  Dòng thứ ba.  ",
			[]string{"Dòng thứ nhất không dấu chấm", "Dòng thứ hai.", "Dòng thứ ba."}},
		{"Ngày 30/4 là ngày lễ. 2023 là năm bản lề! Có hoàn thành không? “Tiếp tục” đẩy mạnh.",
			[]string{"Ngày 30/4 là ngày lễ.", "2023 là năm bản lề!", "Có hoàn thành không?", "“Tiếp tục” đẩy mạnh."}},
		{"Nhân dân hưởng ứng (“Ngày hội”). (Phòng Văn hóa chủ trì).", []string{"Nhân dân hưởng ứng (“Ngày hội”).", "(Phòng Văn hóa chủ trì)."}},
		{"làm việc với các cơ quan, địa phương, đơn vị./. Nơi nhận", []string{"làm việc với các cơ quan, địa phương, đơn vị./.", "Nơi nhận"}},
		{"Số liệu 1.2.3.Tiếp theo chưa tách.", []string{"Số liệu 1.2.3.Tiếp theo chưa tách."}},
		{"", nil},
		{" \n . \n", []string{"."}},
	}
	for _, tt := range tests {
		got := Sentences(tt.text)
		if want := sentencesAt(t, tt.text, tt.want); !reflect.DeepEqual(got, want) {
			t.Errorf("Sentences(%q)\n got %+v\nwant %+v", tt.text, got, want)
		}
	}
}

func TestDueIn(t *testing.T) {
	december := congtac.Date{Year: 2023, Month: time.December, Day: 1}
	tests := []struct {
		sentence string
		ref      congtac.Date
		phrase   string // "" when there is no deadline
		due      string // the deadline as Due.String writes it
		rule     string // the recurrence, "" for none
		part     congtac.DayPart
		bad      bool // ParseDue refuses the phrase
	}{
		// A commune's program.
		{"UBND xã hoàn thành rà soát hộ nghèo, hộ cận nghèo trước ngày 15/4/2023.", factsRef,
			"trước ngày 15/4/2023", "14/04/2023", "", "", false},
		{"Ban Chỉ huy Quân sự xã tổ chức huấn luyện dân quân trong tháng 5.", factsRef,
			"trong tháng 5", "tháng 5/2023", "", "", false},
		{"Hằng năm, UBND xã tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở các thôn.", factsRef,
			"Hằng năm", "Hằng năm", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1", "", false},
		{"Tổ chức Lễ hội đình làng ngày 10/3 âm lịch.", factsRef, "ngày 10/3 âm lịch", "ngày 10/3 âm lịch", "", "", false},
		{"Các thôn nộp báo cáo vào thứ Sáu cuối tháng.", factsRef,
			"vào thứ Sáu cuối tháng", "vào thứ Sáu cuối tháng", "FREQ=MONTHLY;BYDAY=-1FR", "", false},
		// A district's.
		{"Phòng Tài chính - KH tham mưu quyết toán ngân sách năm 2022 xong trước 30/6/2023.", factsRef,
			"xong trước 30/6/2023", "29/06/2023", "", "", false},
		{"Chủ tịch và các Phó Chủ tịch UBND huyện tổ chức giao ban vào chiều thứ Năm hằng tuần.", factsRef,
			"vào chiều thứ Năm hằng tuần", "vào chiều thứ Năm hằng tuần", "FREQ=WEEKLY;BYDAY=TH", congtac.Afternoon, false},
		{"Các xã báo cáo tình hình hằng tuần vào sáng thứ Hai.", factsRef,
			"hằng tuần vào sáng thứ Hai", "hằng tuần vào sáng thứ Hai", "FREQ=WEEKLY;BYDAY=MO", congtac.Morning, false},
		{"Hội nghị UBND huyện thường kỳ: Ngày 21/4/2023 (Thứ Sáu); dự kiến các nội dung trình Hội nghị gồm:", factsRef,
			"Ngày 21/4/2023 (Thứ Sáu)", "21/04/2023", "", "", false},
		{"Tổ chức Hội nghị sơ kết 6 tháng đầu năm vào tuần cuối tháng 6/2023.", factsRef,
			"vào tuần cuối tháng 6/2023", "tháng 6/2023", "", "", false},
		{"Tổ chức Tháng hành động vì trẻ em từ ngày 01/6 đến ngày 30/6/2023.", factsRef,
			"từ ngày 01/6 đến ngày 30/6/2023", "30/06/2023", "", "", false},
		{"Hoàn thành kế hoạch vốn đầu tư công năm 2023.", factsRef, "năm 2023", "năm 2023", "", "", false},
		{"Hoàn thành trong quý.", factsRef, "Hoàn thành trong quý", "quý II/2023", "", "", false},
		{"Duy trì hoạt động của Tổ công tác đến hết năm 2023.", factsRef, "đến hết năm 2023", "năm 2023", "", "", false},
		{"Thực hiện chế độ báo cáo 6 tháng một lần.", factsRef,
			"6 tháng một lần", "6 tháng một lần", "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1", "", false},
		// A province's.
		{"Các sở, ngành báo cáo kết quả về UBND tỉnh (qua Sở Kế hoạch và Đầu tư) trước ngày 25 hằng tháng.", factsRef,
			"trước ngày 25 hằng tháng", "trước ngày 25 hằng tháng", "FREQ=MONTHLY;BYMONTHDAY=24", "", false},
		{"Sở Nội vụ trình UBND tỉnh ban hành Quyết định trong Quý III/2023.", factsRef,
			"trong Quý III/2023", "quý III/2023", "", "", false},
		{"Thực hiện Kế hoạch số 45/KH-UBND ngày 20/01/2026 của UBND tỉnh xong trong tháng 2/2026.", congtac.Date{Year: 2026, Month: 1, Day: 1},
			"xong trong tháng 2/2026", "tháng 2/2026", "", "", false},
		{"Các sở hoàn thành trong tháng 1.", december, "hoàn thành trong tháng 1", "tháng 1/2024", "", "", false},
		// Without diacritics, in NFD, with the broken ƣ of PDF fonts.
		{"Hoan thanh kiem ke dat dai cham nhat trong thang 6/2023.", factsRef,
			"cham nhat trong thang 6/2023", "tháng 6/2023", "", "", false},
		{"Hoa\u0300n tha\u0300nh trong tha\u0301ng 5/2023.", factsRef,
			"Hoa\u0300n tha\u0300nh trong tha\u0301ng 5/2023", "tháng 5/2023", "", "", false},
		{"Thời hạn: trƣớc ngày 15/4/2023.", factsRef, "Thời hạn: trƣớc ngày 15/4/2023", "14/04/2023", "", "", false},
		{"bao cao UBND huyen hang thang", factsRef, "hang thang", "hang thang", "FREQ=MONTHLY;BYMONTHDAY=-1", "", false},
		// Phrases ParseDue refuses.
		{"Nộp hồ sơ chậm nhất ngày 31/4/2023.", factsRef, "chậm nhất ngày 31/4/2023", "", "", "", true},
		{"Họp vào ngày 21/4/2023 (thứ Hai).", factsRef, "vào ngày 21/4/2023 (thứ Hai)", "", "", "", true},
		{"Các xã nộp báo cáo trong tháng 13.", factsRef, "trong tháng 13", "", "", "", true},
		{"Các xã báo cáo hằng tháng.", congtac.Date{}, "hằng tháng", "", "", "", true},
		// No deadline.
		{"Thực hiện Kế hoạch số 45/KH-UBND ngày 20/01/2026 của UBND tỉnh.", factsRef, "", "", "", "", false},
		{"Kỷ niệm Ngày giải phóng miền Nam (30/4), ngày Quốc tế lao động (01/5).", factsRef, "", "", "", "", false},
		{"Triển khai nghị quyết nhiệm kỳ 2020-2025, chương trình năm học 2022-2023.", factsRef, "", "", "", "", false},
		{"Xây dựng kế hoạch vốn đầu tư công năm 2024.", factsRef, "", "", "", "", false},
		{"Đề xuất giãn tiến độ kế hoạch vốn năm 2023 sang năm 2024.", factsRef, "", "", "", "", false},
		{"Bám sát kế hoạch thu ngân sách theo từng tháng.", factsRef, "", "", "", "", false},
		{"Báo cáo tình hình kinh tế - xã hội tháng 4 và 4 tháng đầu năm.", factsRef, "", "", "", "", false},
		{"Phát triển đảng viên mới năm 2023.", factsRef, "", "", "", "", false},
		{"Kỷ niệm chiến thắng 30/4 lịch sử.", factsRef, "", "", "", "", false},
		{"Rà soát quy hoạch sử dụng đất; kiểm tra thường xuyên, kịp thời.", factsRef, "", "", "", "", false},
		{"Đẩy mạnh đầu tư các trường học năm 2023 trong dịp nghỉ hè.", factsRef, "", "", "", "", false},
		{"", factsRef, "", "", "", "", false},
	}
	for _, tt := range tests {
		phrase, d, ok, err := DueIn(tt.sentence, tt.ref)
		if ok != (tt.phrase != "") || phrase != tt.phrase || (err != nil) != tt.bad {
			t.Errorf("DueIn(%q) = %q, %v, %v; want %q, bad %v", tt.sentence, phrase, ok, err, tt.phrase, tt.bad)
			continue
		}
		if !ok {
			continue
		}
		want, wantErr := vn.ParseDue(tt.phrase, tt.ref)
		if !reflect.DeepEqual(d, want) || !reflect.DeepEqual(err, wantErr) {
			t.Errorf("DueIn(%q) = %+v, %v; ParseDue of its phrase gives %+v, %v", tt.sentence, d, err, want, wantErr)
		}
		rule := ""
		if d.Recurrence != nil {
			rule = d.Recurrence.String()
		}
		if tt.bad {
			continue
		}
		if d.Due.String() != tt.due || rule != tt.rule || d.Part != tt.part {
			t.Errorf("DueIn(%q): %q, rule %q, part %q; want %q, %q, %q", tt.sentence, d.Due, rule, d.Part, tt.due, tt.rule, tt.part)
		}
	}
}

func TestTargetIn(t *testing.T) {
	tests := []struct {
		sentence string
		phrase   string // "" when there is no target
		want     congtac.Target
	}{
		{"Đôn đốc thường xuyên công tác thu tiền dịch vụ VSMT của các xã, thị trấn đảm bảo đạt trên 50% chỉ tiêu KH cả năm.",
			"đạt trên 50% chỉ tiêu KH cả năm",
			congtac.Target{Metric: "thu tiền dịch vụ VSMT của các xã, thị trấn", Unit: "%", Comparator: congtac.Greater, Value: 50, Baseline: "chỉ tiêu KH cả năm"}},
		{"Tỷ lệ người dân tham gia BHYT đạt ít nhất 95% dân số.", "đạt ít nhất 95%",
			congtac.Target{Metric: "Tỷ lệ người dân tham gia BHYT", Unit: "%", Comparator: congtac.AtLeast, Value: 95}},
		{"Phấn đấu thu ngân sách trên địa bàn xã đạt tối thiểu 100% dự toán huyện giao.", "đạt tối thiểu 100% dự toán huyện giao",
			congtac.Target{Metric: "thu ngân sách trên địa bàn xã", Unit: "%", Comparator: congtac.AtLeast, Value: 100, Baseline: "dự toán huyện giao"}},
		{"Tỷ lệ hộ nghèo toàn huyện giảm xuống dưới 3%.", "dưới 3%",
			congtac.Target{Metric: "Tỷ lệ hộ nghèo toàn huyện", Unit: "%", Comparator: congtac.Less, Value: 3}},
		{"Giảm tỷ lệ hộ nghèo xuống còn không quá 2,5% theo chuẩn mới.", "không quá 2,5%",
			congtac.Target{Metric: "tỷ lệ hộ nghèo", Unit: "%", Comparator: congtac.AtMost, Value: 2.5}},
		{"Thu ngân sách nhà nước trên địa bàn tỉnh đạt 1.234,5 tỷ đồng, bằng 105% dự toán.", "đạt 1.234,5 tỷ đồng",
			congtac.Target{Metric: "Thu ngân sách nhà nước trên địa bàn tỉnh", Unit: "tỷ đồng", Comparator: congtac.Equal, Value: 1234.5}},
		{"Phấn đấu thu ngân sách đạt 1.200 tỷ đồng.", "đạt 1.200 tỷ đồng",
			congtac.Target{Metric: "thu ngân sách", Unit: "tỷ đồng", Comparator: congtac.Equal, Value: 1200}},
		{"Trồng mới tối thiểu 1.200 ha rừng tập trung.", "tối thiểu 1.200 ha",
			congtac.Target{Metric: "Trồng mới", Unit: "ha", Comparator: congtac.AtLeast, Value: 1200}},
		{"Giải ngân vốn đầu tư công đạt 100% kế hoạch vốn giao trong năm 2023.", "đạt 100% kế hoạch vốn giao",
			congtac.Target{Metric: "Giải ngân vốn đầu tư công", Unit: "%", Comparator: congtac.Equal, Value: 100, Baseline: "kế hoạch vốn giao"}},
		{"Tỷ lệ tiêm chủng mở rộng đạt từ 95% trở lên.", "đạt từ 95% trở lên",
			congtac.Target{Metric: "Tỷ lệ tiêm chủng mở rộng", Unit: "%", Comparator: congtac.AtLeast, Value: 95}},
		{"Nợ đọng thuế không vượt quá 5% tổng thu ngân sách.", "không vượt quá 5% tổng thu ngân sách",
			congtac.Target{Metric: "Nợ đọng thuế", Unit: "%", Comparator: congtac.AtMost, Value: 5, Baseline: "tổng thu ngân sách"}},
		{"Tổng thu ngân sách đạt 105% so với cùng kỳ.", "đạt 105% so với cùng kỳ",
			congtac.Target{Metric: "Tổng thu ngân sách", Unit: "%", Comparator: congtac.Equal, Value: 105, Baseline: "so với cùng kỳ"}},
		{"Số doanh nghiệp thành lập mới tối đa 50 doanh nghiệp.", "tối đa 50 doanh nghiệp",
			congtac.Target{Metric: "Số doanh nghiệp thành lập mới", Unit: "doanh nghiệp", Comparator: congtac.AtMost, Value: 50}},
		{"Thu hồi đất trên 100 ha để đấu giá.", "trên 100 ha",
			congtac.Target{Metric: "Thu hồi đất", Unit: "ha", Comparator: congtac.Greater, Value: 100}},
		{"Ty le thu thue dat tren 90% ke hoach", "dat tren 90% ke hoach",
			congtac.Target{Metric: "Ty le thu thue", Unit: "%", Comparator: congtac.Greater, Value: 90, Baseline: "ke hoach"}},
		{"Thu nộp tối thiểu 1.5 tỷ đồng.", "tối thiểu 1.5 tỷ đồng",
			congtac.Target{Metric: "Thu nộp", Unit: "tỷ đồng", Comparator: congtac.AtLeast, Value: 1.5}},
		{"Có ít nhất 95 phần trăm hộ gia đình dùng nước sạch.", "ít nhất 95 phần trăm",
			congtac.Target{Unit: "%", Comparator: congtac.AtLeast, Value: 95}},
		// No target.
		{"Hỗ trợ trẻ em dưới 6 tuổi.", "", congtac.Target{}},
		{"Thu hồi đất 100 ha.", "", congtac.Target{}},
		{"Huy động từ 5 đến 10 tỷ đồng.", "", congtac.Target{}},
		{"Đẩy nhanh chương trình 01 tỷ cây xanh năm 2023.", "", congtac.Target{}},
		{"Phấn đấu 100% số xã đạt chuẩn nông thôn mới.", "", congtac.Target{}},
		{"Tăng cường kiểm tra trên địa bàn.", "", congtac.Target{}},
		{"Sơ kết 02 năm thực hiện Nghị quyết số 35-NQ/HU.", "", congtac.Target{}},
	}
	for _, tt := range tests {
		got, phrase, ok := TargetIn(tt.sentence)
		if ok != (tt.phrase != "") || phrase != tt.phrase || got != tt.want {
			t.Errorf("TargetIn(%q)\n got %+v, %q, %v\nwant %+v, %q", tt.sentence, got, phrase, ok, tt.want, tt.phrase)
		}
		if ok && got.Validate() != nil {
			t.Errorf("TargetIn(%q): %v", tt.sentence, got.Validate())
		}
	}
}

// citedIn returns c with its offsets and those of its Also, found in text.
func citedIn(t *testing.T, text string, c Citation) Citation {
	t.Helper()
	if c.Start = strings.Index(text, c.Text); c.Start < 0 {
		t.Fatalf("%q is not in %q", c.Text, text)
	}
	c.End = c.Start + len(c.Text)
	for i := range c.Also {
		c.Also[i] = citedIn(t, text, c.Also[i])
	}
	return c
}

func TestCitationsIn(t *testing.T) {
	d := func(y int, m time.Month, day int) congtac.Date { return congtac.Date{Year: y, Month: m, Day: day} }
	tests := []struct {
		text string
		want []Citation
	}{
		{"Tập trung cao chỉ đạo, thực hiện Chỉ thị số 19-CT/TU ngày 11/6/2020 và Chỉ thị số 17-CT/TU ngày 27/02/2020 của Ban Thường vụ Tỉnh ủy đảm bảo có kết quả cụ thể.",
			[]Citation{{Text: "Chỉ thị số 19-CT/TU ngày 11/6/2020 và Chỉ thị số 17-CT/TU ngày 27/02/2020 của Ban Thường vụ Tỉnh ủy",
				Kind: "Chỉ thị", Number: "19-CT/TU", Date: d(2020, 6, 11), Issuer: "Ban Thường vụ Tỉnh ủy",
				Also: []Citation{{Text: "Chỉ thị số 17-CT/TU ngày 27/02/2020", Kind: "Chỉ thị", Number: "17-CT/TU",
					Date: d(2020, 2, 27), Issuer: "Ban Thường vụ Tỉnh ủy"}}}}},
		{"Báo cáo sơ kết 02 năm thực hiện Nghị quyết số 35-NQ/HU ngày 01/4/2021 của Ban Thường vụ Huyện ủy về đẩy mạnh cải cách thủ tục hành chính.",
			[]Citation{{Text: "Nghị quyết số 35-NQ/HU ngày 01/4/2021 của Ban Thường vụ Huyện ủy", Kind: "Nghị quyết",
				Number: "35-NQ/HU", Date: d(2021, 4, 1), Issuer: "Ban Thường vụ Huyện ủy"}}},
		{"Báo cáo sơ kết Đề án số 01- ĐA/HU ngày 29/6/2021 của Ban Chấp hành Đảng bộ huyện về phát triển kết cấu hạ tầng.",
			[]Citation{{Text: "Đề án số 01- ĐA/HU ngày 29/6/2021 của Ban Chấp hành Đảng bộ huyện", Kind: "Đề án",
				Number: "01-ĐA/HU", Date: d(2021, 6, 29), Issuer: "Ban Chấp hành Đảng bộ huyện"}}},
		{"Triển khai Kế hoạch số 45/KH-UBND ngày 20/01/2026 của UBND tỉnh, Quyết định số 1234/QĐ-UBND và Nghị định 30/2020/NĐ-CP của Chính phủ quy định về công tác văn thư.",
			[]Citation{
				{Text: "Kế hoạch số 45/KH-UBND ngày 20/01/2026 của UBND tỉnh", Kind: "Kế hoạch", Number: "45/KH-UBND",
					Date: d(2026, 1, 20), Issuer: "UBND tỉnh"},
				{Text: "Quyết định số 1234/QĐ-UBND và Nghị định 30/2020/NĐ-CP của Chính phủ", Kind: "Quyết định",
					Number: "1234/QĐ-UBND", Issuer: "Chính phủ",
					Also: []Citation{{Text: "Nghị định 30/2020/NĐ-CP", Kind: "Nghị định", Number: "30/2020/NĐ-CP", Issuer: "Chính phủ"}}}}},
		{"Tập trung chỉ đạo thực hiện các nhiệm vụ trọng tâm theo Nghị quyết 233 và các quy hoạch chuyên đề; Nghị quyết Đại hội XXV của Đảng bộ huyện.",
			[]Citation{{Text: "Nghị quyết 233", Kind: "Nghị quyết", Number: "233"}}},
		{"Căn cứ Quyết định số: 12/QĐ-TTg của Thủ tướng Chính phủ; Thông tư số 01/2011/TT-BNV ngày 19 tháng 01 năm 2011 của Bộ Nội vụ hướng dẫn thể thức.",
			[]Citation{
				{Text: "Quyết định số: 12/QĐ-TTg của Thủ tướng Chính phủ", Kind: "Quyết định", Number: "12/QĐ-TTg", Issuer: "Thủ tướng Chính phủ"},
				{Text: "Thông tư số 01/2011/TT-BNV ngày 19 tháng 01 năm 2011 của Bộ Nội vụ", Kind: "Thông tư", Number: "01/2011/TT-BNV",
					Date: d(2011, 1, 19), Issuer: "Bộ Nội vụ"}}},
		{"Thực hiện Kế hoạch 99/KH-UBND của Văn phòng HĐND và UBND huyện và các văn bản có liên quan.",
			[]Citation{{Text: "Kế hoạch 99/KH-UBND của Văn phòng HĐND và UBND huyện", Kind: "Kế hoạch", Number: "99/KH-UBND",
				Issuer: "Văn phòng HĐND và UBND huyện"}}},
		{"Theo Kế hoạch số 45/KH-UBND của UBND tỉnh và Công văn số 12/UBND-KT ngày 3/4/2023 của Chủ tịch UBND huyện.",
			[]Citation{
				{Text: "Kế hoạch số 45/KH-UBND của UBND tỉnh", Kind: "Kế hoạch", Number: "45/KH-UBND", Issuer: "UBND tỉnh"},
				{Text: "Công văn số 12/UBND-KT ngày 3/4/2023 của Chủ tịch UBND huyện", Kind: "Công văn", Number: "12/UBND-KT",
					Date: d(2023, 4, 3), Issuer: "Chủ tịch UBND huyện"}}},
		{"thuc hien nghi quyet so 35-NQ/HU ngay 01/4/2021 cua ban thuong vu huyen uy ve cai cach hanh chinh",
			[]Citation{{Text: "nghi quyet so 35-NQ/HU ngay 01/4/2021 cua ban thuong vu huyen uy", Kind: "Nghị quyết",
				Number: "35-NQ/HU", Date: d(2021, 4, 1), Issuer: "ban thuong vu huyen uy"}}},
		{"Thực hiện CHỈ THỊ SỐ 05-CT/TU NGÀY 30/2/2020 CỦA TỈNH ỦY.",
			[]Citation{{Text: "CHỈ THỊ SỐ 05-CT/TU NGÀY 30/2/2020 CỦA TỈNH ỦY", Kind: "Chỉ thị", Number: "05-CT/TU", Issuer: "TỈNH ỦY"}}},
		{"Đẩy nhanh chương trình 01 tỷ cây xanh; thực hiện theo quy định; Quyết định 30 ngày; kế hoạch năm 2023.", nil},
	}
	for _, tt := range tests {
		var want []Citation
		for _, c := range tt.want {
			want = append(want, citedIn(t, tt.text, c))
		}
		if got := CitationsIn(tt.text); !reflect.DeepEqual(got, want) {
			t.Errorf("CitationsIn(%q)\n got %+v\nwant %+v", tt.text, got, want)
		}
	}
}

// seedFact is what a sentence of the seed gives, by the start of its text.
type seedFact struct {
	sentence string
	due      string
	deadline vn.Deadline
	target   *congtac.Target
	sources  []string
}

func TestFactsOfTheSeed(t *testing.T) {
	items, all := factsSeedItems(t)
	monthly := &congtac.Recurrence{Start: factsRef, Freq: congtac.Monthly, ByMonthDay: []int{-1}}
	want := map[string][]seedFact{
		"1.3.": {
			{sentence: "Chỉ đạo hoàn thành công tác chuẩn bị đầu tư", due: "chậm nhất trong tháng 5/2023",
				deadline: vn.Deadline{Due: congtac.Due{Date: congtac.Date{Year: 2023, Month: time.May, Day: 31},
					Precision: congtac.PrecisionMonth, Text: "chậm nhất trong tháng 5/2023"}}},
			{sentence: "Đôn đốc hoàn thành công tác quyết toán ngân sách", due: "xong trong tháng 4/2023",
				deadline: vn.Deadline{Due: congtac.Due{Date: congtac.Date{Year: 2023, Month: time.April, Day: 30},
					Precision: congtac.PrecisionMonth, Text: "xong trong tháng 4/2023"}}},
			{sentence: "Quản lý chặt chẽ, sử dụng hiệu quả nguồn thu", due: "6 tháng đầu năm",
				deadline: vn.Deadline{Due: congtac.Due{Date: congtac.Date{Year: 2023, Month: time.June, Day: 30},
					Precision: congtac.PrecisionHalf, Text: "6 tháng đầu năm"}}},
		},
		"1.4.": {
			{sentence: "Tập trung cao chỉ đạo, thực hiện Chỉ thị số 19-CT/TU", due: "từng tháng",
				deadline: vn.Deadline{Due: congtac.Due{Text: "từng tháng"}, Recurrence: monthly},
				sources:  []string{"Chỉ thị số 19-CT/TU ngày 11/6/2020 và Chỉ thị số 17-CT/TU ngày 27/02/2020 của Ban Thường vụ Tỉnh ủy"}},
			{sentence: "Đôn đốc thường xuyên công tác thu tiền dịch vụ VSMT",
				target: &congtac.Target{Metric: "thu tiền dịch vụ VSMT của các xã, thị trấn", Unit: "%",
					Comparator: congtac.Greater, Value: 50, Baseline: "chỉ tiêu KH cả năm"}},
		},
	}
	for label, facts := range want {
		var got []seedFact
		for _, s := range Sentences(items[label]) {
			f := seedFact{sentence: s.Text}
			var err error
			f.due, f.deadline, _, err = DueIn(s.Text, factsRef)
			if err != nil {
				t.Errorf("%s %q: %v", label, s.Text, err)
			}
			if target, _, ok := TargetIn(s.Text); ok {
				f.target = &target
			}
			for _, c := range CitationsIn(s.Text) {
				f.sources = append(f.sources, c.Text)
			}
			if f.due != "" || f.target != nil || f.sources != nil {
				got = append(got, f)
			}
		}
		if len(got) != len(facts) {
			t.Errorf("%s: %d sentences with facts, want %d: %+v", label, len(got), len(facts), got)
			continue
		}
		for i, w := range facts {
			g := got[i]
			if !strings.HasPrefix(g.sentence, w.sentence) {
				t.Errorf("%s: facts in %q, want in %q…", label, g.sentence, w.sentence)
			}
			g.sentence = w.sentence
			if !reflect.DeepEqual(g, w) {
				t.Errorf("%s %q…:\n got %+v\nwant %+v", label, w.sentence, g, w)
			}
		}
	}

	// Over the whole seed, these are all the deadlines, targets and sources there are.
	var dues, targets, sources []string
	for _, text := range all {
		for _, s := range Sentences(text) {
			if phrase, _, ok, _ := DueIn(s.Text, factsRef); ok {
				dues = append(dues, phrase)
			}
			if _, phrase, ok := TargetIn(s.Text); ok {
				targets = append(targets, phrase)
			}
			for _, c := range CitationsIn(s.Text) {
				sources = append(sources, c.Text)
			}
		}
	}
	wantDues := []string{"chậm nhất trong tháng 5/2023", "xong trong tháng 4/2023", "6 tháng đầu năm", "từng tháng",
		"trong Quý II/2023", "trong 6 tháng đầu năm", "Ngày 21/4/2023 (Thứ Sáu)"}
	wantSources := []string{"Chỉ thị số 19-CT/TU ngày 11/6/2020 và Chỉ thị số 17-CT/TU ngày 27/02/2020 của Ban Thường vụ Tỉnh ủy",
		"Nghị quyết 233", "Đề án số 01- ĐA/HU ngày 29/6/2021 của Ban Chấp hành Đảng bộ huyện",
		"Nghị quyết số 35-NQ/HU ngày 01/4/2021 của Ban Thường vụ Huyện ủy", "Đề án số 02- ĐA/HU ngày 29/6/2021 của Ban Thường vụ Huyện ủy"}
	if !reflect.DeepEqual(dues, wantDues) || !reflect.DeepEqual(targets, []string{"đạt trên 50% chỉ tiêu KH cả năm"}) ||
		!reflect.DeepEqual(sources, wantSources) {
		t.Errorf("the seed's deadlines %q\ntargets %q\nsources %q", dues, targets, sources)
	}
}

// factsSeeds adds the seed's sentences and the given texts to a fuzzer's corpus.
func factsSeeds(f *testing.F, texts ...string) {
	_, all := factsSeedItems(f)
	for _, text := range all {
		for _, s := range Sentences(text) {
			f.Add(s.Text)
		}
	}
	for _, text := range texts {
		f.Add(text)
	}
}

func FuzzSentences(f *testing.F) {
	factsSeeds(f, "TP. Bắc Giang. v.v. Tiếp", "1.1. A. B… C...) D./. E", "\xff. \xfe\n.", "a.\u2028B")
	_, all := factsSeedItems(f)
	for _, text := range all {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		end := 0
		for _, s := range Sentences(text) {
			if s.Start < end || s.End <= s.Start || s.End > len(text) || text[s.Start:s.End] != s.Text ||
				strings.TrimSpace(s.Text) != s.Text {
				t.Fatalf("%q: sentence %+v after %d", text, s, end)
			}
			end = s.End
		}
	})
}

func FuzzDueIn(f *testing.F) {
	factsSeeds(f, "trước ngày 25 hằng tháng", "từ ngày 15/4 đến ngày 30/4/2023", "ngày 31/4/2023 (thứ Hai)",
		"Hoa\u0300n tha\u0300nh trong tha\u0301ng 5/2023", "thứ Sáu cuối tháng", "ngày 10/3 ÂL", "6 tháng một lần")
	f.Fuzz(func(t *testing.T, sentence string) {
		phrase, d, ok, err := DueIn(sentence, factsRef)
		if !ok {
			if phrase != "" || err != nil || !reflect.DeepEqual(d, vn.Deadline{}) {
				t.Fatalf("%q: none, yet %q, %+v, %v", sentence, phrase, d, err)
			}
			return
		}
		if phrase == "" || !strings.Contains(sentence, phrase) {
			t.Fatalf("%q: phrase %q", sentence, phrase)
		}
		if err == nil && d.Recurrence != nil && d.Recurrence.Validate() != nil {
			t.Fatalf("%q: %+v: %v", sentence, d.Recurrence, d.Recurrence.Validate())
		}
	})
}

func FuzzTargetIn(f *testing.F) {
	factsSeeds(f, "đạt trên 50% chỉ tiêu KH cả năm", "giảm xuống còn không quá 2,5%", "đạt từ 1.234,5 tỷ đồng trở lên",
		"đạt "+strings.Repeat("9", 400)+"%")
	f.Fuzz(func(t *testing.T, sentence string) {
		target, phrase, ok := TargetIn(sentence)
		if !ok {
			if phrase != "" || target != (congtac.Target{}) {
				t.Fatalf("%q: none, yet %q, %+v", sentence, phrase, target)
			}
			return
		}
		if phrase == "" || !strings.Contains(sentence, phrase) {
			t.Fatalf("%q: phrase %q", sentence, phrase)
		}
		if clean := congtac.CheckText("", "", sentence) == nil; clean && target.Validate() != nil {
			t.Fatalf("%q: %+v: %v", sentence, target, target.Validate())
		}
	})
}

func FuzzCitationsIn(f *testing.F) {
	factsSeeds(f, "Chỉ thị số 19-CT/TU ngày 11/6/2020 và Chỉ thị số 17-CT/TU ngày 27/02/2020 của Ban Thường vụ Tỉnh ủy",
		"Đề án số 01- ĐA/HU ngày 29/6/2021", "Nghị quyết 233", "Luật số 1 ngày 31/2/2020 của Quốc hội và Chính phủ")
	f.Fuzz(func(t *testing.T, text string) {
		end := 0
		for _, c := range CitationsIn(text) {
			if c.Start < end || c.End <= c.Start || c.End > len(text) || text[c.Start:c.End] != c.Text ||
				c.Kind == "" || c.Number == "" || !utf8.ValidString(c.Number+c.Issuer) {
				t.Fatalf("%q: citation %+v after %d", text, c, end)
			}
			for _, a := range c.Also {
				if a.Start < c.Start || a.End > c.End || a.Start >= a.End || text[a.Start:a.End] != a.Text || a.Issuer != c.Issuer {
					t.Fatalf("%q: %+v in %+v", text, a, c)
				}
			}
			end = c.End
		}
	})
}

// BenchmarkFacts reads the facts of every sentence of the seed's items.
func BenchmarkFacts(b *testing.B) {
	_, all := factsSeedItems(b)
	for b.Loop() {
		for _, text := range all {
			for _, s := range Sentences(text) {
				DueIn(s.Text, factsRef)
				TargetIn(s.Text)
				CitationsIn(s.Text)
			}
		}
	}
}
