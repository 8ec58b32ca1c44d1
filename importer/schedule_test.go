package importer

import (
	"archive/zip"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"congtac"
	"congtac/vn"
)

// Fixtures of weekly schedules as offices write them: a commune's table with the day
// merged over its rows, a former district's at the turn of the year, a province's per
// leader, and pasted or PDF-extracted text.

// vMergeStart starts a vertical merge; vMergeCont continues it.
const (
	vMergeStart = `<w:vMerge w:val="restart"/>`
	vMergeCont  = `<w:vMerge/>`
)

// wGridSpan returns the properties of a cell across n grid columns.
func wGridSpan(n int) string { return fmt.Sprintf(`<w:gridSpan w:val="%d"/>`, n) }

// wCentredBold returns a centred bold paragraph.
func wCentredBold(text string) string { return wPara(`<w:jc w:val="center"/>`, wBold(text)) }

// wMastheadTable returns a masthead table: the body in two lines, the motto, the number and
// the date line.
func wMastheadTable(body1, body2, number, dateLine string) string {
	return wTable(
		wRow(wCellText("", body1, body2), wCellText("", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")),
		wRow(wCellText("", number), wCellText("", dateLine)),
	)
}

// wPlainRow returns a row of cells of one paragraph each; "" gives an empty cell.
func wPlainRow(cells ...string) string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = wCellText("", strings.Split(c, "\n")...)
	}
	return wRow(out...)
}

// communeDOCX is a commune's week: the day merged over its rows, times written in many
// ways, the leaders and the participants in one column, a time in the content cell, two
// timed entries in one cell, a postponement in the note column and one in the content.
var communeDOCX = map[string]string{
	"word/document.xml": wDocument(
		wMastheadTable("ỦY BAN NHÂN DÂN", "XÃ TÂN TIẾN", "Số: 52/LCT-UBND", "Tân Tiến, ngày 04 tháng 12 năm 2026") +
			wCentredBold("LỊCH CÔNG TÁC TUẦN 50") +
			wPara(`<w:jc w:val="center"/>`, wRun("Của Chủ tịch, các Phó Chủ tịch UBND xã")) +
			wPara(`<w:jc w:val="center"/>`, wRun("(Từ ngày 07/12 đến ngày 13/12/2026)")) +
			wTable(
				wPlainRow("Thứ, ngày", "Thời gian", "Nội dung công việc", "Địa điểm", "Lãnh đạo / Thành phần", "Đơn vị chuẩn bị", "Ghi chú"),
				wRow(wCellText(vMergeStart, "Thứ Hai", "07/12"), wCellText("", "7h30"), wCellText("", "Chào cờ đầu tuần"),
					wCellText("", "Sân trụ sở UBND xã"), wCellText("", "Chủ tịch, các Phó Chủ tịch UBND xã", "Toàn thể cán bộ, công chức xã"),
					wCellText("", "Văn phòng HĐND và UBND xã"), wCell("")),
				wRow(wCell(vMergeCont), wCellText("", "8 giờ 00"), wCellText("", "Họp giao ban Thường trực HĐND, UBND xã"),
					wCellText("", "Phòng họp số 1"), wCellText("", "Đ/c Nguyễn Văn Thành, Chủ tịch UBND xã", "Trưởng các phòng chuyên môn"),
					wCellText("", "Văn phòng HĐND và UBND xã"), wCell("")),
				wRow(wCell(vMergeCont), wCellText("", "14h30'"), wCellText("", "Làm việc với Phòng Kinh tế về tiến độ giải ngân vốn đầu tư công"),
					wCellText("", "Phòng họp số 2"), wCellText("", "PCT UBND xã Lê Thị Hoa", "Phòng Kinh tế; Ban Quản lý dự án"),
					wCellText("", "Phòng Kinh tế"), wCell("")),
				wRow(wCellText(vMergeStart, "Thứ Ba", "08/12"), wCellText("", "Sáng"),
					wCellText("", "8h00: Dự Hội nghị tổng kết công tác năm 2026 của Sở Tài chính"),
					wCellText("", "Hội trường Sở Tài chính"), wCellText("", "Chủ tịch UBND xã"), wCell(""), wCell("")),
				wRow(wCell(vMergeCont), wCellText("", "Chiều"), wCellText("", "Tiếp công dân định kỳ"),
					wCellText("", "Trụ sở Tiếp công dân xã"), wCellText("", "Đ/c Phạm Văn Nam, PCT UBND xã"),
					wCellText("", "Văn phòng HĐND và UBND xã"), wCell("")),
				wRow(wCellText("", "Thứ Tư", "09/12"), wCellText("", "Cả ngày"),
					wCellText("", "Kiểm tra công tác phòng, chống dịch bệnh trên đàn gia súc tại các thôn"),
					wCellText("", "Các thôn"), wCellText("", "PCT UBND xã Lê Thị Hoa", "Phòng Kinh tế"),
					wCellText("", "Phòng Kinh tế"), wCellText("", "Tạm hoãn, có lịch sau")),
				wRow(wCellText("", "Thứ Năm", "10/12"), wCellText("", "7h30 – 11h00"),
					wCellText("", "Họp Ban Chỉ đạo xây dựng nông thôn mới xã (Lùi sang 14h00 thứ Sáu)"),
					wCellText("", "Hội trường UBND xã"), wCellText("", "Chủ tịch UBND xã", "Thành viên Ban Chỉ đạo"),
					wCellText("", "Phòng Kinh tế"), wCell("")),
				wRow(wCellText(vMergeStart, "Thứ Sáu", "11/12"), wCellText("", "Sáng"),
					wCellText("", "- 8h00: Làm việc với Trường Mầm non Tân Tiến về cơ sở vật chất",
						"- 9h30: Kiểm tra công trình nhà văn hóa thôn Đông"),
					wCellText("", "Trường Mầm non Tân Tiến; thôn Đông"), wCellText("", "Đ/c Phạm Văn Nam, PCT UBND xã", "Phòng Văn hóa - Xã hội"),
					wCellText("", "Phòng Văn hóa - Xã hội"), wCell("")),
				wRow(wCell(vMergeCont), wCellText("", "14h00"), wCellText("", "Họp Ban Chỉ đạo xây dựng nông thôn mới xã"),
					wCellText("", "Hội trường UBND xã"), wCellText("", "Chủ tịch UBND xã", "Thành viên Ban Chỉ đạo"),
					wCellText("", "Phòng Kinh tế"), wCell("")),
				wRow(wCellText("", "Thứ Bảy", "12/12"), wCellText("", "Cả ngày"), wCellText("", "Trực cơ quan"),
					wCellText("", "Trụ sở UBND xã"), wCellText("", "Đ/c Nguyễn Văn Thành, Chủ tịch UBND xã"),
					wCellText("", "Văn phòng HĐND và UBND xã"), wCell("")),
			) +
			wCentredBold("LỊCH NÀY THAY THƯ MỜI HỌP") +
			wTable(wRow(wCellText("", "Nơi nhận:", "- TT Đảng ủy, TT HĐND xã;", "- Lưu: VT."),
				wCellText("", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Thành")))),
}

// districtDOCX is a former district's week at the turn of the year: the part of the day
// and the hour in two columns, leaders in their own column or at the head of the work,
// the content merged over two rows of which the second starts after the day's column, and
// a row across the table.
var districtDOCX = map[string]string{
	"word/document.xml": wDocument(
		wMastheadTable("ỦY BAN NHÂN DÂN", "HUYỆN LỤC NGẠN", "Số: 315/LCT-UBND", "Lục Ngạn, ngày 25 tháng 12 năm 2026") +
			wCentredBold("LỊCH CÔNG TÁC TUẦN 53 NĂM 2026") +
			wCentredBold("CỦA LÃNH ĐẠO UBND HUYỆN") +
			wPara(`<w:jc w:val="center"/>`, wRun("(Từ ngày 28/12/2026 đến ngày 03/01/2027)")) +
			wTable(
				wPlainRow("Thứ, ngày", "Buổi", "Giờ", "Nội dung", "Chủ trì", "Thành phần", "Địa điểm", "Chuẩn bị"),
				wRow(wCellText(vMergeStart, "Thứ Hai", "28/12"), wCellText("", "Sáng"), wCellText("", "7 giờ 30"),
					wCellText("", "Chủ tịch UBND huyện chủ trì họp giao ban Thường trực UBND huyện"), wCell(""),
					wCellText("", "Các Phó Chủ tịch UBND huyện; Chánh Văn phòng HĐND và UBND huyện"),
					wCellText("", "Phòng họp số 1, UBND huyện"), wCellText("", "Văn phòng HĐND và UBND huyện")),
				wRow(wCell(vMergeCont), wCellText("", "Chiều"), wCellText("", "14 giờ"),
					wCellText("", "Làm việc với UBND xã Kiên Thành về công tác giải phóng mặt bằng"),
					wCellText("", "Đ/c Hoàng Văn Minh, PCT UBND huyện"),
					wCellText("", "Phòng Tài nguyên và Môi trường", "Trung tâm Phát triển quỹ đất"),
					wCellText("", "UBND xã Kiên Thành"), wCellText("", "UBND xã Kiên Thành")),
				wRow(wCellText(vMergeStart, "Thứ Ba", "29/12"), wCellText("", "Sáng"), wCell(""),
					wCellText(vMergeStart, "Tiếp công dân định kỳ tháng 12"), wCellText("", "Chủ tịch UBND huyện"),
					wCellText("", "Ban Tiếp công dân huyện; Thanh tra huyện"),
					wCellText("", "Trụ sở Tiếp công dân huyện"), wCellText("", "Ban Tiếp công dân huyện")),
				`<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>`+wCellText("", "Chiều")+wCell("")+
					wCell(vMergeCont)+wCellText("", "Đ/c Trần Thị Lan, PCT UBND huyện")+
					wCellText("", "Ban Tiếp công dân huyện; Thanh tra huyện")+
					wCellText("", "Trụ sở Tiếp công dân huyện")+wCellText("", "Ban Tiếp công dân huyện")+`</w:tr>`,
				wRow(wCellText("", "Thứ Tư", "30/12"), wCellText("", "Cả ngày"), wCell(""),
					wCellText("", "Đi kiểm tra tiến độ các công trình xây dựng cơ bản trên địa bàn huyện"),
					wCellText("", "Đ/c Hoàng Văn Minh, PCT UBND huyện"),
					wCellText("", "Phòng Kinh tế và Hạ tầng; Ban QLDA đầu tư xây dựng huyện"),
					wCellText("", "Các xã"), wCellText("", "Ban QLDA đầu tư xây dựng huyện")),
				wRow(wCellText("", "Thứ Năm", "31/12"), wCellText("", "Sáng"), wCellText("", "8h00"),
					wCellText("", "Hội nghị tổng kết công tác năm 2026, triển khai nhiệm vụ năm 2027"),
					wCellText("", "Chủ tịch UBND huyện"),
					wCellText("", "Lãnh đạo các cơ quan, đơn vị; Chủ tịch UBND các xã, thị trấn"),
					wCellText("", "Hội trường Trung tâm Chính trị huyện"), wCellText("", "Văn phòng HĐND và UBND huyện")),
				wRow(wCellText("", "Thứ Sáu", "01/01"), wCellText(wGridSpan(7), "Nghỉ Tết Dương lịch")),
			)),
}

// provinceDOCX is a province's week per leader: a heading before each table, the second
// table without a header, and a third leader's section as a row across the table.
var provinceDOCX = map[string]string{
	"word/document.xml": wDocument(
		wMastheadTable("ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "Số: 1208/LCT-UBND", "Bắc Ninh, ngày 04 tháng 12 năm 2026") +
			wCentredBold("LỊCH CÔNG TÁC TUẦN CỦA LÃNH ĐẠO UBND TỈNH") +
			wPara(`<w:jc w:val="center"/>`, wRun("Tuần thứ 50 (từ ngày 07/12/2026 đến ngày 13/12/2026)")) +
			wPara("", wBold("I. CHỦ TỊCH UBND TỈNH – ĐỒNG CHÍ NGUYỄN VĂN AN")) +
			wTable(
				wPlainRow("Ngày", "Giờ", "Nội dung", "Địa điểm", "Thành phần", "Cơ quan chuẩn bị"),
				wRow(wCellText(vMergeStart, "Thứ Hai, ngày 07/12/2026"), wCellText("", "8h00"),
					wCellText("", "Dự Hội nghị tổng kết công tác năm 2026 của Sở Tài chính"), wCellText("", "Sở Tài chính"),
					wCellText("", "Lãnh đạo Văn phòng UBND tỉnh"), wCellText("", "Sở Tài chính")),
				wRow(wCell(vMergeCont), wCellText("", "14h00"),
					wCellText("", "Làm việc với Sở Kế hoạch và Đầu tư về kế hoạch đầu tư công năm 2027"),
					wCellText("", "Phòng họp A, UBND tỉnh"), wCellText("", "Sở Kế hoạch và Đầu tư; Sở Tài chính"),
					wCellText("", "Sở Kế hoạch và Đầu tư")),
				wPlainRow("Thứ Ba, ngày 08/12/2026", "Cả ngày", "Đi công tác Trung ương", "Hà Nội", "", ""),
			) +
			wPara("", wBold("II. PHÓ CHỦ TỊCH THƯỜNG TRỰC UBND TỈNH – ĐỒNG CHÍ LÊ THỊ BÌNH")) +
			wTable(
				wPlainRow("Thứ Hai, ngày 07/12/2026", "7h30 - 11h00", "Tiếp công dân định kỳ tháng 12", "Trụ sở Tiếp công dân tỉnh",
					"Thanh tra tỉnh; Ban Tiếp công dân tỉnh", "Ban Tiếp công dân tỉnh"),
				wRow(wCellText(wGridSpan(6), "PHÓ CHỦ TỊCH UBND TỈNH – ĐỒNG CHÍ TRẦN QUỐC CƯỜNG")),
				wPlainRow("Thứ Tư, ngày 09/12/2026", "9h00", "Kiểm tra tiến độ Dự án đường vành đai 4 (Hoãn)", "Huyện Gia Bình",
					"Sở Giao thông vận tải", "Sở Giao thông vận tải"),
			)),
}

// communeText is a commune's week pasted as text: day headings, parts of the day as
// headings, fields after labels, a line wrapped, postponements, a weekday that is not the
// date's and a date that does not exist.
const communeText = `UBND XÃ HÒA BÌNH
VĂN PHÒNG HĐND VÀ UBND

Lịch công tác tuần từ 07/12/2026 đến 11/12/2026
của Chủ tịch, các Phó Chủ tịch UBND xã

THỨ HAI (07/12/2026)
Sáng:
- 7h30: Chào cờ đầu tuần. Địa điểm: Sân trụ sở UBND xã. Thành phần: Toàn thể cán bộ, công chức xã.
- 8h00: Chủ tịch UBND xã chủ trì họp giao ban Thường trực HĐND, UBND xã. Địa điểm: Hội trường UBND xã. Chuẩn bị: Văn phòng HĐND và UBND xã.
Chiều:
- 14h00: Đ/c Trần Văn Hùng, PCT UBND xã dự Hội nghị tổng kết công tác năm 2026 của Sở Tài chính
tại Hội trường Sở Tài chính.
Thứ Ba, ngày 08/12
- Sáng: Chủ tịch UBND xã tiếp công dân định kỳ (Văn phòng HĐND và UBND xã chuẩn bị).
- 14 giờ 30: Họp Ban Chỉ đạo chuyển đổi số xã (Hoãn).
Thứ Tư, ngày 10/12
- 8h00: PCT UBND xã Trần Văn Hùng làm việc với Hợp tác xã nông nghiệp Hòa Bình. Tạm hoãn, có lịch sau.
Thứ Sáu, ngày 31/11
- Cả ngày: Lãnh đạo UBND xã làm việc tại cơ quan.
Ghi chú: Lịch có thể thay đổi, Văn phòng sẽ thông báo sau.
Nơi nhận:
- TT Đảng ủy, TT HĐND xã;
- Lưu: VT.
`

// provinceText is a province leader's week as a PDF's text gives it: lines wrapped where
// the page ended them, the weekdays in figures.
const provinceText = `ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN
LỊCH CÔNG TÁC CỦA CHỦ TỊCH UBND TỈNH
Tuần 51 (từ ngày 14/12 đến ngày 20/12/2026)
THỨ 2 (14/12)
- 8h00: Dự phiên bế mạc Kỳ họp thứ mười hai, HĐND tỉnh khóa XVII. Địa điểm: Hội trường
HĐND tỉnh.
- 14h00: Làm việc với Sở Xây dựng về quy hoạch chung đô thị Đồng Đăng. Thành phần: Giám đốc
Sở Xây dựng; Chủ tịch UBND huyện Cao Lộc. Chuẩn bị: Sở Xây dựng.
THỨ 3 (15/12)
- Cả ngày: Đi kiểm tra tình hình sản xuất vụ đông tại huyện Văn Lãng.
CHỦ NHẬT (20/12)
- 19h30: Dự Chương trình nghệ thuật chào mừng 80 năm Ngày Toàn quốc kháng chiến.
TL. CHỦ TỊCH
`

// readScheduleDOCX reads a DOCX fixture, cleans it and reads it as a schedule.
func readScheduleDOCX(t *testing.T, parts map[string]string) (Schedule, bool, []Row) {
	t.Helper()
	src, _ := Clean(readFixture(t, parts), vn.ToneKeep)
	s, ok := ReadSchedule(src)
	return s, ok, src.Rows()
}

// readScheduleText reads text as pasted, cleans it and reads it as a schedule.
func readScheduleText(text string) (Schedule, bool, []Row) {
	src, _ := ReadText([]byte(text))
	src, _ = Clean(src, vn.ToneKeep)
	s, ok := ReadSchedule(src)
	return s, ok, src.Rows()
}

// schedLineOf returns the row whose text is text, failing the test when there is none.
func schedLineOf(t *testing.T, rows []Row, text string) int {
	t.Helper()
	for i, r := range rows {
		if r.Text == text {
			return i
		}
	}
	t.Fatalf("no row %q", text)
	return -1
}

// schedDate returns the date d/m/y.
func schedDate(d, m, y int) congtac.Date { return congtac.MustDate(y, time.Month(m), d) }

// checkScheduleEntries fails the test with every field of got that is not as want has it.
func checkScheduleEntries(t *testing.T, got, want []ScheduleEntry) {
	t.Helper()
	for i := range max(len(got), len(want)) {
		switch {
		case i >= len(got):
			t.Errorf("entry %d: missing, want %+v", i, want[i])
			continue
		case i >= len(want):
			t.Errorf("entry %d: got extra %+v", i, got[i])
			continue
		}
		g, w := got[i], want[i]
		if math.Abs(g.Confidence-w.Confidence) > 0.005 {
			t.Errorf("entry %d (%s): confidence %v, want %v", i, w.Title, g.Confidence, w.Confidence)
		}
		g.Confidence = w.Confidence
		gv, wv := reflect.ValueOf(g), reflect.ValueOf(w)
		for f := range gv.NumField() {
			if !reflect.DeepEqual(gv.Field(f).Interface(), wv.Field(f).Interface()) {
				t.Errorf("entry %d (%s): %s %#v, want %#v", i, w.Title, gv.Type().Field(f).Name, gv.Field(f).Interface(), wv.Field(f).Interface())
			}
		}
	}
}

// checkScheduleProblems fails the test unless got are want, in order.
func checkScheduleProblems(t *testing.T, got, want []Problem) {
	t.Helper()
	checkEach(t, "problems", got, want)
}

// schedWeek returns ISO week n of year y.
func schedWeek(y, n int) congtac.Period {
	return congtac.Period{Kind: congtac.PeriodWeek, Year: y, Number: n}
}

const (
	tanTienOffice = "Văn phòng HĐND và UBND xã"
	schedNoTime   = congtac.NoTime
)

func TestReadScheduleCommuneTable(t *testing.T) {
	s, ok, rows := readScheduleDOCX(t, communeDOCX)
	if !ok || s.Week != schedWeek(2026, 50) {
		t.Fatalf("ok %v, week %+v", ok, s.Week)
	}
	hoa := []string{"PCT UBND xã Lê Thị Hoa"}
	nam := []string{"Đ/c Phạm Văn Nam, PCT UBND xã"}
	thanh := []string{"Đ/c Nguyễn Văn Thành, Chủ tịch UBND xã"}
	chair := []string{"Chủ tịch UBND xã"}
	want := []ScheduleEntry{
		{Date: schedDate(7, 12, 2026), Start: congtac.At(7, 30), Part: congtac.Morning, Leaders: []string{"Chủ tịch, các Phó Chủ tịch UBND xã"},
			Title: "Chào cờ đầu tuần", Place: "Sân trụ sở UBND xã", Participants: "Toàn thể cán bộ, công chức xã", Preparer: tanTienOffice,
			Line: schedLineOf(t, rows, "Thứ Hai"), Confidence: 0.95},
		{Date: schedDate(7, 12, 2026), Start: congtac.At(8, 0), Part: congtac.Morning, Leaders: thanh,
			Title: "Họp giao ban Thường trực HĐND, UBND xã", Place: "Phòng họp số 1", Participants: "Trưởng các phòng chuyên môn", Preparer: tanTienOffice,
			Line: schedLineOf(t, rows, "8 giờ 00"), Confidence: 0.95},
		{Date: schedDate(7, 12, 2026), Start: congtac.At(14, 30), Part: congtac.Afternoon, Leaders: hoa,
			Title: "Làm việc với Phòng Kinh tế về tiến độ giải ngân vốn đầu tư công", Place: "Phòng họp số 2",
			Participants: "Phòng Kinh tế; Ban Quản lý dự án", Preparer: "Phòng Kinh tế", Line: schedLineOf(t, rows, "14h30'"), Confidence: 0.95},
		// The time in the content cell, under "Sáng" in the time column.
		{Date: schedDate(8, 12, 2026), Start: congtac.At(8, 0), Part: congtac.Morning, Leaders: chair,
			Title: "Dự Hội nghị tổng kết công tác năm 2026 của Sở Tài chính", Place: "Hội trường Sở Tài chính",
			Line: schedLineOf(t, rows, "Thứ Ba"), Confidence: 0.86},
		{Date: schedDate(8, 12, 2026), Start: schedNoTime, Part: congtac.Afternoon, Leaders: nam, Title: "Tiếp công dân định kỳ",
			Place: "Trụ sở Tiếp công dân xã", Preparer: tanTienOffice, Line: schedLineOf(t, rows, "Chiều"), Confidence: 0.95},
		// Put off in the note column.
		{Date: schedDate(9, 12, 2026), Start: schedNoTime, Part: congtac.AllDay, Leaders: hoa,
			Title: "Kiểm tra công tác phòng, chống dịch bệnh trên đàn gia súc tại các thôn", Place: "Các thôn",
			Participants: "Phòng Kinh tế", Preparer: "Phòng Kinh tế", Postponed: true, Note: "Tạm hoãn, có lịch sau",
			Line: schedLineOf(t, rows, "Thứ Tư"), Confidence: 0.95},
		// Put off in the content, the end of a span dropped.
		{Date: schedDate(10, 12, 2026), Start: congtac.At(7, 30), Part: congtac.Morning, Leaders: chair,
			Title: "Họp Ban Chỉ đạo xây dựng nông thôn mới xã", Place: "Hội trường UBND xã", Participants: "Thành viên Ban Chỉ đạo",
			Preparer: "Phòng Kinh tế", Postponed: true, Note: "Lùi sang 14h00 thứ Sáu", Line: schedLineOf(t, rows, "Thứ Năm"), Confidence: 0.95},
		// Two timed entries in one cell.
		{Date: schedDate(11, 12, 2026), Start: congtac.At(8, 0), Part: congtac.Morning, Leaders: nam,
			Title: "Làm việc với Trường Mầm non Tân Tiến về cơ sở vật chất", Place: "Trường Mầm non Tân Tiến; thôn Đông",
			Participants: "Phòng Văn hóa - Xã hội", Preparer: "Phòng Văn hóa - Xã hội", Line: schedLineOf(t, rows, "Thứ Sáu"), Confidence: 0.86},
		{Date: schedDate(11, 12, 2026), Start: congtac.At(9, 30), Part: congtac.Morning, Leaders: nam,
			Title: "Kiểm tra công trình nhà văn hóa thôn Đông", Place: "Trường Mầm non Tân Tiến; thôn Đông",
			Participants: "Phòng Văn hóa - Xã hội", Preparer: "Phòng Văn hóa - Xã hội",
			Line: schedLineOf(t, rows, "- 9h30: Kiểm tra công trình nhà văn hóa thôn Đông"), Confidence: 0.86},
		{Date: schedDate(11, 12, 2026), Start: congtac.At(14, 0), Part: congtac.Afternoon, Leaders: chair,
			Title: "Họp Ban Chỉ đạo xây dựng nông thôn mới xã", Place: "Hội trường UBND xã", Participants: "Thành viên Ban Chỉ đạo",
			Preparer: "Phòng Kinh tế", Line: schedLineOf(t, rows, "14h00"), Confidence: 0.95},
		{Date: schedDate(12, 12, 2026), Start: schedNoTime, Part: congtac.AllDay, Leaders: thanh, Title: "Trực cơ quan",
			Place: "Trụ sở UBND xã", Preparer: tanTienOffice, Line: schedLineOf(t, rows, "Thứ Bảy"), Confidence: 0.95},
	}
	checkScheduleEntries(t, s.Entries, want)
	checkScheduleProblems(t, s.Problems, nil)
}

func TestReadScheduleDistrictAcrossNewYear(t *testing.T) {
	s, ok, rows := readScheduleDOCX(t, districtDOCX)
	if !ok || s.Week != schedWeek(2026, 53) {
		t.Fatalf("ok %v, week %+v", ok, s.Week)
	}
	minh := []string{"Đ/c Hoàng Văn Minh, PCT UBND huyện"}
	chair := []string{"Chủ tịch UBND huyện"}
	reception := "Ban Tiếp công dân huyện; Thanh tra huyện"
	want := []ScheduleEntry{
		// No leader in its column: the one the work starts with.
		{Date: schedDate(28, 12, 2026), Start: congtac.At(7, 30), Part: congtac.Morning, Leaders: chair,
			Title: "Chủ trì họp giao ban Thường trực UBND huyện", Place: "Phòng họp số 1, UBND huyện",
			Participants: "Các Phó Chủ tịch UBND huyện; Chánh Văn phòng HĐND và UBND huyện", Preparer: "Văn phòng HĐND và UBND huyện",
			Line: schedLineOf(t, rows, "Thứ Hai"), Confidence: 0.9},
		{Date: schedDate(28, 12, 2026), Start: congtac.At(14, 0), Part: congtac.Afternoon, Leaders: minh,
			Title: "Làm việc với UBND xã Kiên Thành về công tác giải phóng mặt bằng", Place: "UBND xã Kiên Thành",
			Participants: "Phòng Tài nguyên và Môi trường; Trung tâm Phát triển quỹ đất", Preparer: "UBND xã Kiên Thành",
			Line: schedLineOf(t, rows, "Chiều"), Confidence: 1},
		// One content merged over two rows, the second starting after the day's column.
		{Date: schedDate(29, 12, 2026), Start: schedNoTime, Part: congtac.Morning, Leaders: chair, Title: "Tiếp công dân định kỳ tháng 12",
			Place: "Trụ sở Tiếp công dân huyện", Participants: reception, Preparer: "Ban Tiếp công dân huyện",
			Line: schedLineOf(t, rows, "Thứ Ba"), Confidence: 1},
		{Date: schedDate(29, 12, 2026), Start: schedNoTime, Part: congtac.Afternoon, Leaders: []string{"Đ/c Trần Thị Lan, PCT UBND huyện"},
			Title: "Tiếp công dân định kỳ tháng 12", Place: "Trụ sở Tiếp công dân huyện", Participants: reception,
			Preparer: "Ban Tiếp công dân huyện", Line: schedLineOf(t, rows, "Đ/c Trần Thị Lan, PCT UBND huyện") - 1, Confidence: 1},
		{Date: schedDate(30, 12, 2026), Start: schedNoTime, Part: congtac.AllDay, Leaders: minh,
			Title: "Đi kiểm tra tiến độ các công trình xây dựng cơ bản trên địa bàn huyện", Place: "Các xã",
			Participants: "Phòng Kinh tế và Hạ tầng; Ban QLDA đầu tư xây dựng huyện", Preparer: "Ban QLDA đầu tư xây dựng huyện",
			Line: schedLineOf(t, rows, "Thứ Tư"), Confidence: 1},
		{Date: schedDate(31, 12, 2026), Start: congtac.At(8, 0), Part: congtac.Morning, Leaders: chair,
			Title: "Hội nghị tổng kết công tác năm 2026, triển khai nhiệm vụ năm 2027", Place: "Hội trường Trung tâm Chính trị huyện",
			Participants: "Lãnh đạo các cơ quan, đơn vị; Chủ tịch UBND các xã, thị trấn", Preparer: "Văn phòng HĐND và UBND huyện",
			Line: schedLineOf(t, rows, "Thứ Năm"), Confidence: 1},
		// "01/01" without a year is in 2027: the week crosses New Year.
		{Date: schedDate(1, 1, 2027), Start: schedNoTime, Title: "Nghỉ Tết Dương lịch", Line: schedLineOf(t, rows, "Thứ Sáu"), Confidence: 1},
	}
	checkScheduleEntries(t, s.Entries, want)
	checkScheduleProblems(t, s.Problems, nil)
	if rows[want[3].Line].Text != "Chiều" {
		t.Errorf("the afternoon's row starts at %q", rows[want[3].Line].Text)
	}
}

func TestReadScheduleProvincePerLeader(t *testing.T) {
	s, ok, rows := readScheduleDOCX(t, provinceDOCX)
	if !ok || s.Week != schedWeek(2026, 50) {
		t.Fatalf("ok %v, week %+v", ok, s.Week)
	}
	an := []string{"CHỦ TỊCH UBND TỈNH – ĐỒNG CHÍ NGUYỄN VĂN AN"}
	want := []ScheduleEntry{
		{Date: schedDate(7, 12, 2026), Start: congtac.At(8, 0), Part: congtac.Morning, Leaders: an,
			Title: "Dự Hội nghị tổng kết công tác năm 2026 của Sở Tài chính", Place: "Sở Tài chính",
			Participants: "Lãnh đạo Văn phòng UBND tỉnh", Preparer: "Sở Tài chính", Line: schedLineOf(t, rows, "Thứ Hai, ngày 07/12/2026"), Confidence: 1},
		{Date: schedDate(7, 12, 2026), Start: congtac.At(14, 0), Part: congtac.Afternoon, Leaders: an,
			Title: "Làm việc với Sở Kế hoạch và Đầu tư về kế hoạch đầu tư công năm 2027", Place: "Phòng họp A, UBND tỉnh",
			Participants: "Sở Kế hoạch và Đầu tư; Sở Tài chính", Preparer: "Sở Kế hoạch và Đầu tư", Line: schedLineOf(t, rows, "14h00"), Confidence: 1},
		{Date: schedDate(8, 12, 2026), Start: schedNoTime, Part: congtac.AllDay, Leaders: an, Title: "Đi công tác Trung ương", Place: "Hà Nội",
			Line: schedLineOf(t, rows, "Thứ Ba, ngày 08/12/2026"), Confidence: 1},
		// The second table has no header: the first's columns.
		{Date: schedDate(7, 12, 2026), Start: congtac.At(7, 30), Part: congtac.Morning,
			Leaders: []string{"PHÓ CHỦ TỊCH THƯỜNG TRỰC UBND TỈNH – ĐỒNG CHÍ LÊ THỊ BÌNH"}, Title: "Tiếp công dân định kỳ tháng 12",
			Place: "Trụ sở Tiếp công dân tỉnh", Participants: "Thanh tra tỉnh; Ban Tiếp công dân tỉnh", Preparer: "Ban Tiếp công dân tỉnh",
			Line: schedLineOf(t, rows, "Tiếp công dân định kỳ tháng 12") - 2, Confidence: 1},
		// A section as a row across the table.
		{Date: schedDate(9, 12, 2026), Start: congtac.At(9, 0), Part: congtac.Morning,
			Leaders: []string{"PHÓ CHỦ TỊCH UBND TỈNH – ĐỒNG CHÍ TRẦN QUỐC CƯỜNG"}, Title: "Kiểm tra tiến độ Dự án đường vành đai 4",
			Place: "Huyện Gia Bình", Participants: "Sở Giao thông vận tải", Preparer: "Sở Giao thông vận tải", Postponed: true, Note: "Hoãn",
			Line: schedLineOf(t, rows, "Thứ Tư, ngày 09/12/2026"), Confidence: 1},
	}
	checkScheduleEntries(t, s.Entries, want)
	checkScheduleProblems(t, s.Problems, nil)
	if got := rows[want[3].Line].Text; got != "Thứ Hai, ngày 07/12/2026" {
		t.Errorf("the second table starts at %q", got)
	}
}

func TestReadScheduleCommuneText(t *testing.T) {
	s, ok, rows := readScheduleText(communeText)
	if !ok || s.Week != schedWeek(2026, 50) {
		t.Fatalf("ok %v, week %+v", ok, s.Week)
	}
	line := func(prefix string) int {
		for i, r := range rows {
			if strings.HasPrefix(r.Text, prefix) {
				return i
			}
		}
		t.Fatalf("no row %q", prefix)
		return -1
	}
	want := []ScheduleEntry{
		{Date: schedDate(7, 12, 2026), Start: congtac.At(7, 30), Part: congtac.Morning, Title: "Chào cờ đầu tuần",
			Place: "Sân trụ sở UBND xã", Participants: "Toàn thể cán bộ, công chức xã", Line: line("- 7h30"), Confidence: 0.9},
		{Date: schedDate(7, 12, 2026), Start: congtac.At(8, 0), Part: congtac.Morning, Leaders: []string{"Chủ tịch UBND xã"},
			Title: "Chủ trì họp giao ban Thường trực HĐND, UBND xã", Place: "Hội trường UBND xã", Preparer: tanTienOffice,
			Line: line("- 8h00: Chủ tịch"), Confidence: 0.81},
		// A line wrapped; the place after "tại".
		{Date: schedDate(7, 12, 2026), Start: congtac.At(14, 0), Part: congtac.Afternoon, Leaders: []string{"Đ/c Trần Văn Hùng, PCT UBND xã"},
			Title: "Dự Hội nghị tổng kết công tác năm 2026 của Sở Tài chính tại Hội trường Sở Tài chính", Place: "Hội trường Sở Tài chính",
			Line: line("- 14h00"), Confidence: 0.65},
		// The part of the day at the head of the line; the preparer in parentheses.
		{Date: schedDate(8, 12, 2026), Start: schedNoTime, Part: congtac.Morning, Leaders: []string{"Chủ tịch UBND xã"},
			Title: "Tiếp công dân định kỳ", Preparer: tanTienOffice, Line: line("- Sáng"), Confidence: 0.73},
		{Date: schedDate(8, 12, 2026), Start: congtac.At(14, 30), Part: congtac.Afternoon, Title: "Họp Ban Chỉ đạo chuyển đổi số xã",
			Postponed: true, Note: "Hoãn", Line: line("- 14 giờ 30"), Confidence: 0.9},
		// "Thứ Tư, ngày 10/12": the date is kept, less surely.
		{Date: schedDate(10, 12, 2026), Start: congtac.At(8, 0), Part: congtac.Morning, Leaders: []string{"PCT UBND xã Trần Văn Hùng"},
			Title: "Làm việc với Hợp tác xã nông nghiệp Hòa Bình", Postponed: true, Note: "Tạm hoãn, có lịch sau",
			Line: line("- 8h00: PCT"), Confidence: 0.49},
		// "Thứ Sáu, ngày 31/11": the Friday of the week.
		{Date: schedDate(11, 12, 2026), Start: schedNoTime, Part: congtac.AllDay, Leaders: []string{"Lãnh đạo UBND xã"},
			Title: "Làm việc tại cơ quan", Line: line("- Cả ngày"), Confidence: 0.65},
	}
	checkScheduleEntries(t, s.Entries, want)
	checkScheduleProblems(t, s.Problems, []Problem{
		{line("Thứ Tư, ngày 10/12"), "Ngày 10/12/2026 là Thứ Năm, không phải Thứ Tư như lịch ghi; lấy theo ngày đã ghi."},
		{line("Thứ Sáu, ngày 31/11"), "Ngày 31/11 không có trên lịch; lấy theo thứ đã ghi: Thứ Sáu 11/12/2026."},
	})
}

func TestReadScheduleProvinceText(t *testing.T) {
	s, ok, rows := readScheduleText(provinceText)
	if !ok || s.Week != schedWeek(2026, 51) {
		t.Fatalf("ok %v, week %+v", ok, s.Week)
	}
	chair := []string{"CHỦ TỊCH UBND TỈNH"} // the one leader the title names
	want := []ScheduleEntry{
		{Date: schedDate(14, 12, 2026), Start: congtac.At(8, 0), Part: congtac.Morning, Leaders: chair,
			Title: "Dự phiên bế mạc Kỳ họp thứ mười hai, HĐND tỉnh khóa XVII", Place: "Hội trường HĐND tỉnh", Line: 4, Confidence: 0.9},
		{Date: schedDate(14, 12, 2026), Start: congtac.At(14, 0), Part: congtac.Afternoon, Leaders: chair,
			Title: "Làm việc với Sở Xây dựng về quy hoạch chung đô thị Đồng Đăng", Participants: "Giám đốc Sở Xây dựng; Chủ tịch UBND huyện Cao Lộc",
			Preparer: "Sở Xây dựng", Line: 6, Confidence: 0.9},
		{Date: schedDate(15, 12, 2026), Start: schedNoTime, Part: congtac.AllDay, Leaders: chair,
			Title: "Đi kiểm tra tình hình sản xuất vụ đông tại huyện Văn Lãng", Line: 9, Confidence: 0.9},
		{Date: schedDate(20, 12, 2026), Start: congtac.At(19, 30), Part: congtac.Evening, Leaders: chair,
			Title: "Dự Chương trình nghệ thuật chào mừng 80 năm Ngày Toàn quốc kháng chiến", Line: 11, Confidence: 0.9},
	}
	checkScheduleEntries(t, s.Entries, want)
	checkScheduleProblems(t, s.Problems, nil)
	for _, w := range want {
		if !strings.HasPrefix(rows[w.Line].Text, "- ") {
			t.Errorf("entry %q starts at %q", w.Title, rows[w.Line].Text)
		}
	}
}

func TestReadScheduleWeekAndDays(t *testing.T) {
	const ban = "Thứ Hai, ngày 07/12\n- 8h00: Họp giao ban.\n"
	noEntry := Problem{-1, "Không thấy việc nào trong lịch: cần bảng có cột “Thứ, ngày” và “Nội dung”, hoặc các dòng việc dưới tiêu đề ngày (“Thứ Hai, ngày 07/12”)."}
	tests := []struct {
		name     string
		text     string
		week     congtac.Period
		dates    []congtac.Date
		problems []Problem
	}{
		{"number and days", "LỊCH CÔNG TÁC TUẦN 50 (Từ ngày 07/12 đến ngày 13/12/2026)\n" + ban,
			schedWeek(2026, 50), []congtac.Date{schedDate(7, 12, 2026)}, nil},
		{"weekdays alone", "Lịch công tác tuần từ 07/12/2026 đến 11/12/2026\nThứ Hai\n- 8h00: Họp giao ban.\nThứ Sáu\n- 14h00: Tiếp công dân.\n",
			schedWeek(2026, 50), []congtac.Date{schedDate(7, 12, 2026), schedDate(11, 12, 2026)}, nil},
		{"days without the word week", "LỊCH CÔNG TÁC TỪ NGÀY 07/12/2026 ĐẾN NGÀY 13/12/2026\nTHỨ BA (08/12)\n- 8h00: Họp.\n",
			schedWeek(2026, 50), []congtac.Date{schedDate(8, 12, 2026)}, nil},
		{"the office numbers the week otherwise", "LỊCH CÔNG TÁC TUẦN 01 NĂM 2027\n(Từ ngày 28/12 đến ngày 03/01/2027)\n" +
			"Thứ Năm, ngày 31/12\n- 8h00: Họp tổng kết năm.\nThứ Sáu, ngày 01/01\n- Cả ngày: Nghỉ Tết Dương lịch.\n",
			schedWeek(2026, 53), []congtac.Date{schedDate(31, 12, 2026), schedDate(1, 1, 2027)},
			[]Problem{{0, "Tiêu đề ghi tuần 1 nhưng ngày đầu tuần 28/12/2026 thuộc tuần 53 năm 2026; lịch được đọc theo ngày đã ghi: Tuần thứ 53 (từ ngày 28/12/2026 đến ngày 03/01/2027)."}}},
		{"the week from the dates", "LỊCH CÔNG TÁC CỦA LÃNH ĐẠO UBND XÃ\nThứ Hai, ngày 07/12/2026\n- 8h00: Họp.\nThứ Ba\n- 8h00: Tiếp công dân.\nThứ Tư, ngày 09/12\n- 8h00: Kiểm tra.\n",
			schedWeek(2026, 50), []congtac.Date{schedDate(7, 12, 2026), schedDate(8, 12, 2026), schedDate(9, 12, 2026)}, nil},
		{"a number the dates contradict", "LỊCH CÔNG TÁC TUẦN 51\nThứ Hai, ngày 07/12/2026\n- 8h00: Họp.\n",
			schedWeek(2026, 50), []congtac.Date{schedDate(7, 12, 2026)},
			[]Problem{{0, "Tiêu đề ghi tuần 51 nhưng các ngày trong lịch thuộc tuần 50 năm 2026."}}},
		{"New Year without a titled week", "LỊCH CÔNG TÁC CỦA UBND XÃ\nThứ Năm, ngày 31/12/2026\n- 8h00: Họp.\nThứ Sáu (01/01)\n- 8h00: Trực Tết.\n",
			schedWeek(2026, 53), []congtac.Date{schedDate(31, 12, 2026), schedDate(1, 1, 2027)}, nil},
		{"the year from the masthead", "UBND XÃ AN PHÚ\nAn Phú, ngày 31 tháng 12 năm 2026\nLỊCH CÔNG TÁC TUẦN\nThứ Hai, ngày 04/01\n- 8h00: Họp.\n",
			schedWeek(2027, 1), []congtac.Date{schedDate(4, 1, 2027)}, nil},
		{"a date outside the week", "LỊCH CÔNG TÁC TUẦN 50 (Từ ngày 07/12 đến ngày 13/12/2026)\nThứ Hai, ngày 14/12\n- 8h00: Họp.\n",
			schedWeek(2026, 50), []congtac.Date{schedDate(14, 12, 2026)},
			[]Problem{{1, "Ngày 14/12/2026 không thuộc tuần 50 năm 2026 (từ 07/12/2026 đến 13/12/2026) ghi ở tiêu đề."}}},
		{"the year unknown", "LỊCH CÔNG TÁC TUẦN 50\nThứ Hai (07/12)\n- 8h00: Họp.\nThứ Ba\n- 8h00: Tiếp công dân.\n",
			congtac.Period{}, nil, []Problem{
				{1, "Ngày 07/12 không ghi năm và lịch không cho biết năm; các việc của ngày này không được đọc."},
				{3, "“Thứ Ba” không ghi ngày và lịch không cho biết tuần; các việc của ngày này không được đọc."}, noEntry}},
		{"a day that does not exist", "LỊCH CÔNG TÁC TUẦN 48 NĂM 2026\nNgày 31/11\n- 8h00: Họp.\nNgày 27/11\n- 8h00: Tiếp công dân.\n",
			schedWeek(2026, 48), []congtac.Date{schedDate(27, 11, 2026)},
			[]Problem{{1, "Ngày 31/11 không có trên lịch; các việc của ngày này không được đọc."}}},
		{"29 February of a common year", "LỊCH CÔNG TÁC TUẦN 9 NĂM 2027\nThứ Hai, ngày 29/02/2027\n- 8h00: Họp.\n",
			schedWeek(2027, 9), []congtac.Date{schedDate(1, 3, 2027)},
			[]Problem{{1, "Ngày 29/02/2027 không có trên lịch; lấy theo thứ đã ghi: Thứ Hai 01/03/2027."}}},
		{"entries before any day", "LỊCH CÔNG TÁC TUẦN 50 NĂM 2026\n- 8h00: Họp.\nThứ Hai\n- 9h00: Tiếp công dân.\n",
			schedWeek(2026, 50), []congtac.Date{schedDate(7, 12, 2026)}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ok, _ := readScheduleText(tt.text)
			if !ok || s.Week != tt.week {
				t.Errorf("ok %v, week %+v, want %+v", ok, s.Week, tt.week)
			}
			var dates []congtac.Date
			for _, e := range s.Entries {
				dates = append(dates, e.Date)
			}
			checkEach(t, "dates", dates, tt.dates)
			checkScheduleProblems(t, s.Problems, tt.problems)
		})
	}
}

// timesDOCX is a schedule whose time column writes times in many ways, one entry a row.
func timesDOCX(times []string) map[string]string {
	rows := []string{wPlainRow("Thứ, ngày", "Thời gian", "Nội dung")}
	for i, tm := range times {
		pr := vMergeCont
		if i == 0 {
			pr = vMergeStart
		}
		rows = append(rows, wRow(wCellText(pr, "Thứ Hai", "07/12/2026"), wCellText("", strings.Split(tm, "\n")...),
			wCellText("", fmt.Sprintf("Việc %d", i+1))))
	}
	return map[string]string{"word/document.xml": wDocument(wTable(rows...))}
}

func TestReadScheduleTimes(t *testing.T) {
	tests := []struct {
		time    string
		start   congtac.ClockTime
		part    congtac.DayPart
		trust   float64
		problem string
	}{
		{"8h00", congtac.At(8, 0), congtac.Morning, 1, ""},
		{"8 giờ 00", congtac.At(8, 0), congtac.Morning, 1, ""},
		{"08:00", congtac.At(8, 0), congtac.Morning, 1, ""},
		{"8.00", congtac.At(8, 0), congtac.Morning, 1, ""},
		{"14h30'", congtac.At(14, 30), congtac.Afternoon, 1, ""},
		{"14 giờ 30 phút", congtac.At(14, 30), congtac.Afternoon, 1, ""},
		{"7h30 – 11h00", congtac.At(7, 30), congtac.Morning, 1, ""},
		{"Sáng", schedNoTime, congtac.Morning, 1, ""},
		{"Chiều", schedNoTime, congtac.Afternoon, 1, ""},
		{"Buổi tối", schedNoTime, congtac.Evening, 1, ""},
		{"Cả ngày", schedNoTime, congtac.AllDay, 1, ""},
		{"Chiều\n2 giờ 30", congtac.At(14, 30), congtac.Afternoon, 1, ""},
		{"Sáng\n(từ 7h30)", congtac.At(7, 30), congtac.Morning, 0.7, ""},
		{"8h00 (dự kiến)", congtac.At(8, 0), congtac.Morning, 0.7, ""},
		{"Chiều 8h00", congtac.At(8, 0), congtac.Morning, 0.7, "Giờ “8h00” không thuộc buổi chiều đã ghi; lấy theo giờ."},
		{"", schedNoTime, congtac.Morning, 0.9, ""}, // the part of the row above
		{"Theo giấy mời", schedNoTime, "", 0.6, "Không hiểu giờ “Theo giấy mời”: hãy ghi như “7 giờ 30”, “14h00” hoặc “chiều”."},
	}
	var times []string
	for _, tt := range tests {
		times = append(times, tt.time)
	}
	s, ok, rows := readScheduleDOCX(t, timesDOCX(times))
	if !ok || len(s.Entries) != len(tests) {
		t.Fatalf("ok %v, %d entries: %+v", ok, len(s.Entries), s.Entries)
	}
	var problems []Problem
	for i, tt := range tests {
		e := s.Entries[i]
		if e.Start != tt.start || e.Part != tt.part || math.Abs(e.Confidence-tt.trust) > 0.005 || e.Title != fmt.Sprintf("Việc %d", i+1) {
			t.Errorf("%q: start %d, part %q, confidence %v, title %q; want %d, %q, %v", tt.time, e.Start, e.Part, e.Confidence, e.Title, tt.start, tt.part, tt.trust)
		}
		if tt.problem != "" {
			problems = append(problems, Problem{e.Line, tt.problem})
		}
	}
	checkScheduleProblems(t, s.Problems, problems)
	if got := rows[s.Entries[0].Line].Text; got != "Thứ Hai" {
		t.Errorf("the first entry starts at %q", got)
	}
}

func TestReadScheduleTimesInText(t *testing.T) {
	text := "LỊCH CÔNG TÁC TUẦN 50 NĂM 2026\nThứ Hai\nSáng:\n- 7 giờ 30 phút: Chào cờ.\n- 9h: Họp.\n- Từ 10 giờ đến 11 giờ: Tiếp khách.\n" +
		"Chiều\n- 2 giờ 30: Làm việc.\n- 14h00’ Dự hội nghị.\n- 8h00: Họp tổ.\nTối:\n- Xem văn nghệ.\nThứ Ba: 8h00 Họp giao ban.\n"
	s, ok, _ := readScheduleText(text)
	want := []struct {
		start congtac.ClockTime
		part  congtac.DayPart
		title string
	}{
		{congtac.At(7, 30), congtac.Morning, "Chào cờ"},
		{congtac.At(9, 0), congtac.Morning, "Họp"},
		{congtac.At(10, 0), congtac.Morning, "Tiếp khách"},
		{congtac.At(14, 30), congtac.Afternoon, "Làm việc"},
		{congtac.At(14, 0), congtac.Afternoon, "Dự hội nghị"},
		{congtac.At(8, 0), congtac.Morning, "Họp tổ"},
		{schedNoTime, congtac.Evening, "Xem văn nghệ"},
		{congtac.At(8, 0), congtac.Morning, "Họp giao ban"},
	}
	if !ok || len(s.Entries) != len(want) {
		t.Fatalf("ok %v, entries %+v", ok, s.Entries)
	}
	for i, w := range want {
		if e := s.Entries[i]; e.Start != w.start || e.Part != w.part || e.Title != w.title {
			t.Errorf("entry %d: %d %q %q, want %d %q %q", i, e.Start, e.Part, e.Title, w.start, w.part, w.title)
		}
	}
	if s.Entries[7].Date != schedDate(8, 12, 2026) {
		t.Errorf("an entry on its day's line: %v", s.Entries[7].Date)
	}
	checkScheduleProblems(t, s.Problems, []Problem{{9, "Giờ “8h00” không thuộc buổi chiều đã ghi; lấy theo giờ."}})
}

func TestReadScheduleNotASchedule(t *testing.T) {
	program, _ := ReadText([]byte("ỦY BAN NHÂN DÂN\nHUYỆN LỤC NGẠN\nSố: 45/CTr-UBND\nCHƯƠNG TRÌNH\nCông tác tháng 4 năm 2023\n" +
		"I. NHIỆM VỤ TRỌNG TÂM\n1. Thứ Hai, ngày 03/4: họp giao ban.\n"))
	for name, src := range map[string]Source{
		"nothing":    {},
		"program":    program,
		"paragraphs": readFixture(t, paragraphsFixture),
		"masthead":   readFixture(t, map[string]string{"word/document.xml": wDocument(wMastheadTable("ỦY BAN NHÂN DÂN", "XÃ AN PHÚ", "Số: 1/TB-UBND", "An Phú, ngày 01 tháng 12 năm 2026"))}),
	} {
		if s, ok := ReadSchedule(src); ok || !reflect.DeepEqual(s, Schedule{}) {
			t.Errorf("%s: read as a schedule: %+v", name, s)
		}
	}
}

func TestReadScheduleWithoutYear(t *testing.T) {
	// The DOCX reader's schedule: a title without the week, days without the year.
	s, ok, rows := readScheduleDOCX(t, scheduleFixture)
	if !ok || len(s.Entries) != 0 || s.Week != (congtac.Period{}) {
		t.Fatalf("ok %v, %+v", ok, s)
	}
	checkScheduleProblems(t, s.Problems, []Problem{
		{schedLineOf(t, rows, "Thứ Hai"), "Ngày 03/04 không ghi năm và lịch không cho biết năm; các việc của ngày này không được đọc."},
		{schedLineOf(t, rows, "Thứ Ba"), "Ngày 04/04 không ghi năm và lịch không cho biết năm; các việc của ngày này không được đọc."},
		{schedLineOf(t, rows, "Thứ Tư"), "“Thứ Tư” không ghi ngày và lịch không cho biết tuần; các việc của ngày này không được đọc."},
		{-1, "Không thấy việc nào trong lịch: cần bảng có cột “Thứ, ngày” và “Nội dung”, hoặc các dòng việc dưới tiêu đề ngày (“Thứ Hai, ngày 07/12”)."},
	})
}

func TestReadScheduleTableProblems(t *testing.T) {
	src := readFixture(t, map[string]string{"word/document.xml": wDocument(
		wCentredBold("LỊCH CÔNG TÁC TUẦN 50 NĂM 2026") +
			wTable(
				wPlainRow("Thứ, ngày", "Thời gian", "Nội dung", "Lãnh đạo"),
				wPlainRow("", "8h00", "Họp chưa có ngày", "Chủ tịch UBND xã"),
				wPlainRow("Thứ Ba 07/12/2026", "8h00", "Họp giao ban", "Chủ tịch UBND xã"),
				wPlainRow("Ngày mai", "14h00", "Làm việc", "Chủ tịch UBND xã"),
				wPlainRow("", "15h00", "Tiếp khách", "Chủ tịch UBND xã"),
				wPlainRow("Thứ Năm\n10/12", "8h00", "Làm việc với Công an xã", "Chủ tịch UBND xã"),
				wRow(wCellText(wGridSpan(4), "Chiều")),
				wPlainRow("", "2h00", "Làm việc với Trường Tiểu học", "Chủ tịch UBND xã"),
			))})
	s, ok := ReadSchedule(src)
	rows := src.Rows()
	if !ok {
		t.Fatal("not read")
	}
	want := []ScheduleEntry{
		{Date: schedDate(7, 12, 2026), Start: congtac.At(8, 0), Part: congtac.Morning, Leaders: []string{"Chủ tịch UBND xã"},
			Title: "Họp giao ban", Line: schedLineOf(t, rows, "Thứ Ba 07/12/2026"), Confidence: 0.6},
		{Date: schedDate(10, 12, 2026), Start: congtac.At(8, 0), Part: congtac.Morning, Leaders: []string{"Chủ tịch UBND xã"},
			Title: "Làm việc với Công an xã", Line: schedLineOf(t, rows, "Thứ Năm"), Confidence: 1},
		// "Chiều" across the table: "2h00" is 14:00.
		{Date: schedDate(10, 12, 2026), Start: congtac.At(14, 0), Part: congtac.Afternoon, Leaders: []string{"Chủ tịch UBND xã"},
			Title: "Làm việc với Trường Tiểu học", Line: schedLineOf(t, rows, "2h00"), Confidence: 1},
	}
	checkScheduleEntries(t, s.Entries, want)
	checkScheduleProblems(t, s.Problems, []Problem{
		{schedLineOf(t, rows, "8h00"), "Không rõ ngày của việc “Họp chưa có ngày” (thiếu thứ, ngày phía trên); các việc chưa có ngày không được đọc."},
		{schedLineOf(t, rows, "Thứ Ba 07/12/2026"), "Ngày 07/12/2026 là Thứ Hai, không phải Thứ Ba như lịch ghi; lấy theo ngày đã ghi."},
		{schedLineOf(t, rows, "Ngày mai"), "Không đọc được thứ, ngày “Ngày mai”; các việc của ngày này không được đọc."},
	})
}

// tableSource builds a Source from text, so that fuzzing reaches the reading of tables:
// a line starting "|" is a row of a table (rows in a row of lines make one table), its
// cells what follows split at "|"; a cell starting "^" continues the cell above (its text, or the text of
// the cell above when it has none), one starting with n "*" spans n+1 columns, and "\"
// is a line break in a cell. Other lines are paragraphs. [sourceText] writes a Source so.
func tableSource(text string) Source {
	var src Source
	var table *Table
	for _, line := range strings.Split(text, "\n") {
		cells, ok := strings.CutPrefix(line, "|")
		if !ok {
			table = nil
			src.Blocks = append(src.Blocks, Block{Kind: KindParagraph, Text: line, Part: PartBody})
			continue
		}
		if table == nil {
			table = &Table{}
			src.Blocks = append(src.Blocks, Block{Kind: KindTable, Table: table, Part: PartBody})
		}
		var row []Cell
		for i, c := range strings.Split(cells, "|") {
			cell := Cell{Span: 1}
			if rest, ok := strings.CutPrefix(c, "^"); ok {
				c, cell.Continued = rest, true
				if n := len(table.Rows); c == "" && n > 0 && i < len(table.Rows[n-1]) {
					c = table.Rows[n-1][i].Text
				}
			}
			for strings.HasPrefix(c, "*") {
				c, cell.Span = c[1:], cell.Span+1
			}
			cell.Text = strings.ReplaceAll(c, `\`, "\n")
			row = append(row, cell)
		}
		table.Rows = append(table.Rows, row)
	}
	return src
}

// sourceText writes src as [tableSource] reads it, tables apart by an empty line.
func sourceText(src Source) string {
	var lines []string
	for _, b := range src.Blocks {
		if b.Table == nil {
			lines = append(lines, strings.ReplaceAll(b.label(), "\n", " "))
			continue
		}
		for _, row := range b.Table.Rows {
			cells := make([]string, len(row))
			for i, c := range row {
				cells[i] = strings.Repeat("*", c.Span-1) + strings.ReplaceAll(c.Text, "\n", `\`)
				if c.Continued {
					cells[i] = "^" + cells[i]
				}
			}
			lines = append(lines, "|"+strings.Join(cells, "|"))
		}
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// checkSchedule reads src and checks what holds for any input: entries on days of the
// calendar, at rows of the document, at valid times, with a title and a confidence.
func checkSchedule(t *testing.T, src Source) {
	s, ok := ReadSchedule(src)
	rows := src.Rows()
	n := len(rows)
	checkScheduleLayout(t, src, rows)
	if !ok && !reflect.DeepEqual(s, Schedule{}) {
		t.Fatalf("not a schedule, yet %+v", s)
	}
	if s.Week != (congtac.Period{}) && (s.Week.Kind != congtac.PeriodWeek || s.Week.Validate() != nil) {
		t.Fatalf("week %+v", s.Week)
	}
	for _, e := range s.Entries {
		if _, err := congtac.NewDate(e.Date.Year, e.Date.Month, e.Date.Day); err != nil {
			t.Fatalf("entry %+v: date %v", e, err)
		}
		if e.Line < 0 || e.Line >= n || !e.Start.Valid() || (e.Part != "" && e.Part.Label() == "") ||
			e.Title == "" || e.Confidence < 0 || e.Confidence > 1 {
			t.Fatalf("entry %+v of %d rows", e, n)
		}
	}
	for _, p := range s.Problems {
		if p.Line < -1 || p.Line >= n || p.Message == "" {
			t.Fatalf("problem %+v of %d rows", p, n)
		}
	}
}

// checkScheduleLayout checks that the layout numbers the lines of src as rows numbers them.
func checkScheduleLayout(t *testing.T, src Source, rows []Row) {
	items, total := scheduleLayout(src)
	var lines []string
	for _, it := range items {
		if it.table == nil {
			if it.line != len(lines) {
				t.Fatalf("line %q numbered %d, row %d", it.text, it.line, len(lines))
			}
			lines = append(lines, it.text)
			continue
		}
		for _, row := range it.table.rows {
			for _, c := range row.cells {
				if c.line >= 0 && c.line != len(lines) {
					t.Fatalf("cell %q numbered %d, row %d", c.lines, c.line, len(lines))
				}
				if !c.continued {
					lines = append(lines, c.lines...)
				}
			}
		}
	}
	var want []string
	for _, r := range rows {
		want = append(want, r.Text)
	}
	if total != len(rows) || !reflect.DeepEqual(lines, want) {
		t.Fatalf("layout of %d lines %q, rows %d %q", total, lines, len(rows), want)
	}
}

// FuzzReadSchedule reads text as pasted text and as a document of tables ([tableSource]);
// its seeds are the text fixtures and the DOCX fixtures as read, written so.
func FuzzReadSchedule(f *testing.F) {
	for _, fx := range []map[string]string{communeDOCX, districtDOCX, provinceDOCX, scheduleFixture} {
		src, err := ReadDOCX(buildDOCX(f, fx, zip.Store))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(sourceText(src))
	}
	f.Add(communeText)
	f.Add(provinceText)
	f.Add("LỊCH CÔNG TÁC1/1/0001\n1.1\n000000000000000")
	f.Add("LỊCH CÔNG TÁC TUẦN 52 NĂM 9999\nChủ nhật\n- Trực")
	f.Fuzz(func(t *testing.T, text string) {
		src, _ := ReadText([]byte(text))
		src, _ = Clean(src, vn.ToneKeep)
		checkSchedule(t, src)
		checkSchedule(t, tableSource(text))
	})
}

func TestScheduleOfSourceText(t *testing.T) {
	// The fuzz seeds read as the DOCX fixtures they were written from.
	for _, fx := range []map[string]string{communeDOCX, districtDOCX, provinceDOCX} {
		src := readFixture(t, fx)
		want, _ := ReadSchedule(src)
		got, ok := ReadSchedule(tableSource(sourceText(src)))
		if !ok || !reflect.DeepEqual(got, want) || len(want.Entries) == 0 {
			t.Errorf("as text:\n%+v\nas DOCX:\n%+v", got, want)
		}
	}
}

// provinceWeek returns a province's week of leaders leaders, each with a heading and a
// table of days days of perDay entries.
func provinceWeek(leaders, days, perDay int) map[string]string {
	var body strings.Builder
	body.WriteString(wCentredBold("LỊCH CÔNG TÁC TUẦN CỦA LÃNH ĐẠO UBND TỈNH"))
	body.WriteString(wPara("", wRun("Tuần thứ 50 (từ ngày 07/12/2026 đến ngày 13/12/2026)")))
	times := []string{"7h30", "9 giờ 00", "10h30'", "14h00", "15 giờ 30", "Tối"}
	for l := range leaders {
		body.WriteString(wPara("", wBold(fmt.Sprintf("%d. PHÓ CHỦ TỊCH UBND TỈNH – ĐỒNG CHÍ NGUYỄN VĂN %c", l+1, 'A'+l))))
		rows := []string{wPlainRow("Thứ, ngày", "Thời gian", "Nội dung", "Địa điểm", "Thành phần", "Cơ quan chuẩn bị", "Ghi chú")}
		for d := range days {
			date := schedDate(7, 12, 2026).AddDays(d)
			for k := range perDay {
				pr := vMergeCont
				if k == 0 {
					pr = vMergeStart
				}
				note := ""
				if k == 4 {
					note = "Tạm hoãn, có lịch sau"
				}
				rows = append(rows, wRow(wCellText(pr, vn.Weekday(date.Weekday()), vn.PaddedDate(date)), wCellText("", times[k%len(times)]),
					wCellText("", fmt.Sprintf("Làm việc với Sở Nông nghiệp và Môi trường về dự án số %d", k+1)),
					wCellText("", "Phòng họp số 2, UBND tỉnh"), wCellText("", "Sở Nông nghiệp và Môi trường; Sở Tài chính"),
					wCellText("", "Sở Nông nghiệp và Môi trường"), wCellText("", note)))
			}
		}
		body.WriteString(wTable(rows...))
	}
	return map[string]string{"word/document.xml": wDocument(body.String())}
}

func BenchmarkReadSchedule(b *testing.B) {
	src, err := ReadDOCX(buildDOCX(b, provinceWeek(8, 5, 6), zip.Deflate))
	if err != nil {
		b.Fatal(err)
	}
	src, _ = Clean(src, vn.ToneKeep)
	if s, ok := ReadSchedule(src); !ok || len(s.Entries) != 8*5*6 || len(s.Problems) != 0 {
		b.Fatalf("ok %v, %d entries, problems %+v", ok, len(s.Entries), s.Problems)
	}
	b.ReportAllocs()
	for b.Loop() {
		ReadSchedule(src)
	}
}

func TestScheduleDayHeadings(t *testing.T) {
	tests := []struct {
		in               string
		weekday          time.Weekday
		hasWeekday       bool
		day, month, year int
		rest             string
		ok               bool
	}{
		{"THỨ HAI (07/12/2026)", time.Monday, true, 7, 12, 2026, "", true},
		{"Thứ Hai, ngày 07/12", time.Monday, true, 7, 12, 0, "", true},
		{"Thứ 3 - 08/12", time.Tuesday, true, 8, 12, 0, "", true},
		{"Thứ tư 09.12.2026", time.Wednesday, true, 9, 12, 2026, "", true},
		{"Thứ bẩy 12/12", time.Saturday, true, 12, 12, 0, "", true},
		{"Chủ nhật (13/12)", time.Sunday, true, 13, 12, 0, "", true},
		{"CN 13/12/26", time.Sunday, true, 13, 12, 2026, "", true},
		{"Ngày 07/12/2026 (Thứ Hai)", time.Monday, true, 7, 12, 2026, "", true},
		{"07/12 - Thứ Hai", time.Monday, true, 7, 12, 0, "", true},
		{"ngày 07 tháng 12 năm 2026", 0, false, 7, 12, 2026, "", true},
		{"Thứ Hai 07/12 (27/10 ÂL)", time.Monday, true, 7, 12, 0, "(27/10 ÂL)", true},
		{"Thứ Năm: 8h00 Họp giao ban", time.Thursday, true, 0, 0, 0, ": 8h00 Họp giao ban", true},
		{"Thứ Sáu 11/12-08h00", time.Friday, true, 11, 12, 0, "-08h00", true},
		{"Thứ trưởng Bộ Tài chính làm việc", 0, false, 0, 0, 0, "", false},
		{"Thứ 20", 0, false, 0, 0, 0, "", false},
		{"8.30 họp", 0, false, 0, 0, 0, "", false},
		{"31/11", 0, false, 31, 11, 0, "", true},
	}
	for _, tt := range tests {
		h, rest, ok := parseDayHeading(tt.in)
		if ok != tt.ok || (ok && (h.weekday != tt.weekday || h.hasWeekday != tt.hasWeekday || h.day != tt.day ||
			h.month != tt.month || h.year != tt.year || rest != tt.rest)) {
			t.Errorf("%q: %+v %q %v, want %v %v %d/%d/%d %q %v", tt.in, h, rest, ok, tt.weekday, tt.hasWeekday, tt.day, tt.month, tt.year, tt.rest, tt.ok)
		}
	}
}

func TestScheduleSubjects(t *testing.T) {
	tests := []struct{ in, leader, work string }{
		{"Chủ tịch UBND xã chủ trì họp giao ban", "Chủ tịch UBND xã", "Chủ trì họp giao ban"},
		{"Đ/c Trần Văn Hùng, PCT UBND xã dự Hội nghị", "Đ/c Trần Văn Hùng, PCT UBND xã", "Dự Hội nghị"},
		{"Thường trực HĐND xã làm việc với Phòng Kinh tế", "Thường trực HĐND xã", "Làm việc với Phòng Kinh tế"},
		{"Các Phó Chủ tịch UBND huyện đi kiểm tra cơ sở", "Các Phó Chủ tịch UBND huyện", "Đi kiểm tra cơ sở"},
		{"Lãnh đạo các phòng chuyên môn họp", "", ""}, // not the committee's leaders
		{"Chủ tịch UBND tỉnh Nguyễn Văn An", "", ""},  // no verb: a section heading
		{"Họp giao ban", "", ""},
	}
	for _, tt := range tests {
		leader, work, ok := splitSubject(tt.in)
		if leader != tt.leader || work != tt.work || ok != (tt.leader != "") {
			t.Errorf("%q: %q %q %v, want %q %q", tt.in, leader, work, ok, tt.leader, tt.work)
		}
	}
}

func TestReadScheduleSectionsInText(t *testing.T) {
	text := "ỦY BAN NHÂN DÂN TỈNH BẮC NINH\n" +
		"LỊCH CÔNG TÁC TUẦN 50 CỦA LÃNH ĐẠO UBND TỈNH (từ ngày 07/12/2026 đến ngày 13/12/2026)\n" +
		"I. CHỦ TỊCH UBND TỈNH\n" +
		"Thứ Hai, ngày 07/12\n" +
		"- 8h00: Dự Hội nghị tổng kết công tác năm 2026 của Sở Tài chính.\n" +
		"+ Thành phần: Lãnh đạo Văn phòng UBND tỉnh.\n" +
		"LỊCH NÀY THAY THƯ MỜI HỌP\n" +
		"II. Phó Chủ tịch UBND tỉnh Trần Quốc Cường:\n" +
		"Thứ Hai, ngày 07/12\n" +
		"- 14h00: Đối thoại với doanh nghiệp. Địa điểm: Trung tâm Hội nghị tỉnh. Chủ trì: Phó Chủ tịch UBND tỉnh.\n" +
		"Thứ Ba, ngày 08/12\n" +
		"Cả ngày: Dự Hội nghị trực tuyến của Chính phủ (Văn phòng UBND tỉnh tham mưu).\n" +
		"* Ghi chú: Lịch có thể thay đổi.\n" +
		"Thứ Tư, ngày 09/12\n" +
		"- 8h00: Không đọc sau ghi chú.\n"
	s, ok, rows := readScheduleText(text)
	if !ok || s.Week != schedWeek(2026, 50) {
		t.Fatalf("ok %v, week %+v", ok, s.Week)
	}
	want := []ScheduleEntry{
		{Date: schedDate(7, 12, 2026), Start: congtac.At(8, 0), Part: congtac.Morning, Leaders: []string{"CHỦ TỊCH UBND TỈNH"},
			Title: "Dự Hội nghị tổng kết công tác năm 2026 của Sở Tài chính", Participants: "Lãnh đạo Văn phòng UBND tỉnh",
			Line: 4, Confidence: 0.9},
		{Date: schedDate(7, 12, 2026), Start: congtac.At(14, 0), Part: congtac.Afternoon,
			Leaders: []string{"Phó Chủ tịch UBND tỉnh Trần Quốc Cường"}, Title: "Đối thoại với doanh nghiệp",
			Place: "Trung tâm Hội nghị tỉnh", Line: 9, Confidence: 0.9},
		{Date: schedDate(8, 12, 2026), Start: schedNoTime, Part: congtac.AllDay, Leaders: []string{"Phó Chủ tịch UBND tỉnh Trần Quốc Cường"},
			Title: "Dự Hội nghị trực tuyến của Chính phủ", Preparer: "Văn phòng UBND tỉnh", Line: 11, Confidence: 0.81},
	}
	checkScheduleEntries(t, s.Entries, want)
	checkScheduleProblems(t, s.Problems, nil)
	if rows[4].Text != "- 8h00: Dự Hội nghị tổng kết công tác năm 2026 của Sở Tài chính." || !strings.HasPrefix(rows[11].Text, "Cả ngày") {
		t.Errorf("rows %q, %q", rows[4].Text, rows[11].Text)
	}
}
