package importer

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"congtac"
)

// seedOutline returns the seed's outline as an import reads it, and the first day of
// its period.
func seedOutline(tb testing.TB) (Outline, congtac.Date) {
	tb.Helper()
	rows := seedRows(tb)
	m := ReadMasthead(rows)
	return ReadOutline(rows, m.Summary.Line+1), m.Period.Start()
}

// textOutline returns the outline of text, one row a line.
func textOutline(text string) Outline {
	var rows []Row
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		rows = append(rows, Row{Text: line})
	}
	return ReadOutline(rows, 0)
}

// itemAt returns the ID and line of the item reached from the top by labels.
func itemAt(t *testing.T, o Outline, labels ...string) (int64, int) {
	t.Helper()
	var parent int64
	for _, l := range labels {
		found := false
		for i, it := range o.Items {
			if it.ParentID == parent && it.Label == l {
				parent, found = it.ID, true
				if l == labels[len(labels)-1] {
					return it.ID, o.Lines[i]
				}
				break
			}
		}
		if !found {
			t.Fatalf("no item %v", labels)
		}
	}
	return 0, -1
}

// planned returns a planned meeting.
func planned(kind congtac.MeetingKind, title string, d congtac.Date, start congtac.ClockTime, part congtac.DayPart) congtac.Meeting {
	return congtac.Meeting{Kind: kind, Title: title, Date: d, Start: start, Part: part, Status: congtac.MeetingPlanned}
}

func weekly(start congtac.Date, wd time.Weekday) *congtac.Recurrence {
	return &congtac.Recurrence{Start: start, Freq: congtac.Weekly, ByDay: []congtac.WeekdayNum{{Day: wd}}}
}

// checkMeetings compares whole values, saying which draft differs and how.
func checkMeetings(t *testing.T, got, want []MeetingDraft, gotProblems, wantProblems []Problem) {
	t.Helper()
	for i := range max(len(got), len(want)) {
		switch {
		case i >= len(got):
			t.Errorf("draft %d missing, want %s", i, showDraft(want[i]))
		case i >= len(want):
			t.Errorf("draft %d extra: %s", i, showDraft(got[i]))
		case !reflect.DeepEqual(got[i], want[i]):
			t.Errorf("draft %d\n got %s\nwant %s", i, showDraft(got[i]), showDraft(want[i]))
		}
	}
	if !reflect.DeepEqual(gotProblems, wantProblems) {
		t.Errorf("problems\n got %+v\nwant %+v", gotProblems, wantProblems)
	}
}

func showDraft(d MeetingDraft) string {
	s := fmt.Sprintf("%+v", d)
	if r := d.Meeting.Recurrence; r != nil {
		s += fmt.Sprintf(" recurrence %+v", *r)
	}
	return s
}

func TestReadMeetingsOfTheSeed(t *testing.T) {
	o, ref := seedOutline(t)
	if ref != congtac.MustDate(2023, time.April, 1) {
		t.Fatalf("the seed's period starts %v", ref)
	}
	id, line := itemAt(t, o, "B.", "I.")
	item := func(label, title, lead, verb string, support ...string) AgendaDraft {
		id, line := itemAt(t, o, "B.", "I.", label)
		if len(support) == 0 {
			support = nil
		}
		return AgendaDraft{Title: title, Lead: lead, Support: support, Verb: verb, ItemID: id, Line: line}
	}
	regular := MeetingDraft{
		Meeting:    planned(congtac.MeetingRegular, "Hội nghị UBND huyện thường kỳ", congtac.MustDate(2023, time.April, 21), congtac.NoTime, ""),
		ItemID:     id,
		Line:       line,
		Confidence: 1,
		Agenda: []AgendaDraft{
			item("1.", "Báo cáo tình hình kinh tế - xã hội tháng 4 và 4 tháng đầu năm; nhiệm vụ trọng tâm tháng 5 năm 2023",
				"Phòng Tài chính - KH", "chuẩn bị"),
			item("2.", "Báo cáo tiến độ các dự án trọng điểm thuộc diện Ban Thường vụ Huyện ủy theo dõi, chỉ đạo",
				"Phòng Kinh tế và Hạ tầng", "chuẩn bị"),
			item("3.", "Báo cáo sơ kết Đề án số 01- ĐA/HU ngày 29/6/2021 của Ban Chấp hành Đảng bộ huyện về phát triển "+
				"kết cấu hạ tầng giao thông kết nối, hạ tầng đô thị và khu dân cư tập trung trên địa bàn huyện Lục Ngạn, "+
				"giai đoạn 2021-2025", "Phòng Kinh tế và Hạ tầng", "chuẩn bị"),
			item("4.", "Báo cáo sơ kết 02 năm thực hiện Nghị quyết số 35-NQ/HU ngày 01/4/2021 của Ban Thường vụ Huyện ủy "+
				"về đẩy mạnh cải cách thủ tục hành chính trên địa bàn huyện Lục Ngạn giai đoạn 2021-2025",
				"Văn phòng HĐND và UBND huyện", "chủ trì", "Phòng Nội vụ"),
			item("5.", "Báo cáo sơ kết Đề án số 02- ĐA/HU ngày 29/6/2021 của Ban Thường vụ Huyện ủy về xây dựng huyện "+
				"Lục Ngạn trở thành vùng cây ăn quả trọng điểm cấp quốc gia giai đoạn 2021-2025",
				"Phòng Nông nghiệp và PTNT", "chuẩn bị"), // the seed's typo, mended by Clean
			item("6.", "Các nội dung khác trình theo quy định", "", ""),
		},
	}
	id, line = itemAt(t, o, "B.", "III.")
	thursday := congtac.MustDate(2023, time.April, 6)
	briefing := MeetingDraft{
		Meeting:    planned(congtac.MeetingBriefing, "Giao ban Chủ tịch, các Phó Chủ tịch UBND huyện", thursday, congtac.NoTime, congtac.Afternoon),
		ItemID:     id,
		Line:       line,
		Confidence: 1,
	}
	briefing.Meeting.Recurrence = weekly(thursday, time.Thursday)
	got, problems := ReadMeetings(o, ref)
	checkMeetings(t, got, []MeetingDraft{regular, briefing}, problems, nil)
}

func TestReadMeetingsOfAProvince(t *testing.T) {
	o := textOutline(`
I. NHIỆM VỤ TRỌNG TÂM
1. Tập trung chỉ đạo thu ngân sách nhà nước.
II. CÁC PHIÊN HỌP, HỘI NGHỊ CỦA UBND TỈNH
1. Phiên họp UBND tỉnh thường kỳ tháng 5: 8 giờ 00, Thứ Sáu, ngày 26/5/2023, tại Phòng họp số 1, trụ sở UBND tỉnh; nội dung:
- Báo cáo tình hình kinh tế - xã hội tháng 5 (Sở Kế hoạch và Đầu tư chuẩn bị);
- Tờ trình về phân bổ vốn đầu tư công (Sở Tài chính chủ trì, Sở Kế hoạch và Đầu tư phối hợp);
- Dự thảo Nghị quyết về phí, lệ phí (Sở Tài chính, Sở Tư pháp chuẩn bị).
2. Hội nghị chuyên đề về chuyển đổi số từ 14 giờ 00 đến 17 giờ 00, ngày 16/5 tại Hội trường Trung tâm Hội nghị tỉnh.
3. Lãnh đạo UBND tỉnh họp giao ban vào 8h00 thứ Hai hằng tuần.
`)
	session := MeetingDraft{
		Meeting: planned(congtac.MeetingRegular, "Phiên họp UBND tỉnh thường kỳ tháng 5", congtac.MustDate(2023, time.May, 26),
			congtac.At(8, 0), congtac.Morning),
		ItemID: 4, Line: 3, Confidence: 1,
		Agenda: []AgendaDraft{
			{Title: "Báo cáo tình hình kinh tế - xã hội tháng 5", Lead: "Sở Kế hoạch và Đầu tư", Verb: "chuẩn bị", ItemID: 5, Line: 4},
			{Title: "Tờ trình về phân bổ vốn đầu tư công", Lead: "Sở Tài chính", Support: []string{"Sở Kế hoạch và Đầu tư"},
				Verb: "chủ trì", ItemID: 6, Line: 5},
			{Title: "Dự thảo Nghị quyết về phí, lệ phí", Lead: "Sở Tài chính", Support: []string{"Sở Tư pháp"}, Verb: "chuẩn bị",
				ItemID: 7, Line: 6},
		},
	}
	session.Meeting.Place = "Phòng họp số 1, trụ sở UBND tỉnh"
	thematic := MeetingDraft{
		Meeting: planned(congtac.MeetingThematic, "Hội nghị chuyên đề về chuyển đổi số", congtac.MustDate(2023, time.May, 16),
			congtac.At(14, 0), congtac.Afternoon),
		ItemID: 8, Line: 7, Confidence: 1,
	}
	thematic.Meeting.Place = "Hội trường Trung tâm Hội nghị tỉnh"
	monday := congtac.MustDate(2023, time.May, 1)
	briefing := MeetingDraft{
		Meeting: planned(congtac.MeetingBriefing, "Giao ban Lãnh đạo UBND tỉnh", monday, congtac.At(8, 0), congtac.Morning),
		ItemID:  9, Line: 8, Confidence: 1,
	}
	briefing.Meeting.Recurrence = weekly(monday, time.Monday)
	got, problems := ReadMeetings(o, congtac.MustDate(2023, time.May, 1))
	checkMeetings(t, got, []MeetingDraft{session, thematic, briefing}, problems, nil)
}

func TestReadMeetingsOfACommune(t *testing.T) {
	o := textOutline(`
A. NHIỆM VỤ TRỌNG TÂM
1. Hoàn thành thu ngân sách năm 2026.
B. LỊCH HỌP
1. Họp UBND xã thường kỳ vào ngày 25/12/2026.
- Báo cáo kết quả thực hiện nhiệm vụ năm 2026 (Văn phòng - Thống kê chuẩn bị).
- Thông qua dự toán ngân sách năm 2027 (Công chức Tài chính - Kế toán chuẩn bị).
2. Lãnh đạo UBND xã giao ban sáng thứ Hai hằng tuần.
3. Giao ban định kỳ ngày 25 hằng tháng đến hết ngày 25/6/2027.
`)
	ref := congtac.MustDate(2026, time.December, 1)
	regular := MeetingDraft{
		Meeting: planned(congtac.MeetingRegular, "Họp UBND xã thường kỳ", congtac.MustDate(2026, time.December, 25), congtac.NoTime, ""),
		ItemID:  4, Line: 3, Confidence: 1,
		Agenda: []AgendaDraft{
			{Title: "Báo cáo kết quả thực hiện nhiệm vụ năm 2026", Lead: "Văn phòng - Thống kê", Verb: "chuẩn bị", ItemID: 5, Line: 4},
			{Title: "Thông qua dự toán ngân sách năm 2027", Lead: "Công chức Tài chính - Kế toán", Verb: "chuẩn bị", ItemID: 6, Line: 5},
		},
	}
	monday := congtac.MustDate(2026, time.December, 7)
	weeklyBriefing := MeetingDraft{
		Meeting: planned(congtac.MeetingBriefing, "Giao ban Lãnh đạo UBND xã", monday, congtac.NoTime, congtac.Morning),
		ItemID:  7, Line: 6, Confidence: 1,
	}
	weeklyBriefing.Meeting.Recurrence = weekly(monday, time.Monday)
	the25th := congtac.MustDate(2026, time.December, 25)
	monthlyBriefing := MeetingDraft{
		Meeting: planned(congtac.MeetingBriefing, "Giao ban", the25th, congtac.NoTime, ""),
		ItemID:  8, Line: 7, Confidence: 1,
	}
	monthlyBriefing.Meeting.Recurrence = &congtac.Recurrence{Start: the25th, Freq: congtac.Monthly, ByMonthDay: []int{25},
		Until: congtac.MustDate(2027, time.June, 25)}
	got, problems := ReadMeetings(o, ref)
	checkMeetings(t, got, []MeetingDraft{regular, weeklyBriefing, monthlyBriefing}, problems, nil)
}

func TestReadMeetingsProblems(t *testing.T) {
	o := textOutline(`
B. CÁC HỘI NGHỊ CHÍNH TRONG THÁNG
I. Hội nghị UBND huyện thường kỳ: Ngày 21/4/2023 (Thứ Năm); dự kiến các nội dung trình Hội nghị gồm:
1. Báo cáo tình hình kinh tế - xã hội tháng 4.
(Phòng Tài chính - KH chuẩn bị nội dung 1, 7).
2. Các nội dung khác trình theo quy định.
II. Hội nghị chuyên đề về cải cách hành chính: ngày 31/4/2023.
III. Hội nghị chuyên đề về chuyển đổi số, UBND huyện sẽ có lịch cụ thể riêng.
IV. Hội nghị sơ kết công tác tuyển quân.
V. Các hội nghị chuyên đề, UBND huyện sẽ có lịch cụ thể riêng.
VI. Giao ban định kỳ ngày 32 hằng tháng.
`)
	regular := MeetingDraft{
		Meeting: planned(congtac.MeetingRegular, "Hội nghị UBND huyện thường kỳ", congtac.MustDate(2023, time.April, 21), congtac.NoTime, ""),
		ItemID:  2, Line: 1, Confidence: 0.6, // a wrong weekday, a note naming a content that is not there
		Agenda: []AgendaDraft{
			{Title: "Báo cáo tình hình kinh tế - xã hội tháng 4", Lead: "Phòng Tài chính - KH", Verb: "chuẩn bị", ItemID: 3, Line: 2},
			{Title: "Các nội dung khác trình theo quy định", ItemID: 4, Line: 4},
		},
	}
	got, problems := ReadMeetings(o, congtac.MustDate(2023, time.April, 1))
	checkMeetings(t, got, []MeetingDraft{regular}, problems, []Problem{
		{1, "Ngày 21/4/2023 là thứ Sáu, không phải thứ Năm như đã ghi."},
		{2, "Ghi chú “(Phòng Tài chính - KH chuẩn bị nội dung 1, 7)” giao nội dung 7, nhưng hội nghị không có nội dung 7."},
		{5, "Ngày họp 31/4/2023 không có trên lịch."},
		{9, "Không hiểu lịch họp lặp lại “định kỳ ngày 32 hằng tháng” của “Giao ban”."},
	})
}

func TestReadMeetingsOfAQuarter(t *testing.T) {
	o := textOutline(`
I. NHIỆM VỤ TRỌNG TÂM QUÝ IV
1. Chuẩn bị nội dung trình các hội nghị của UBND huyện.
2. Tổ chức Hội nghị sơ kết công tác cải cách hành chính vào ngày 15/11/2023.
II. CÁC HỘI NGHỊ, CUỘC HỌP TRONG QUÝ
1. Hội nghị UBND huyện thường kỳ tháng 10: ngày 27/10.
2. Hội nghị UBND huyện thường kỳ tháng 11: ngày 24/11 (thứ Sáu).
3. Hội nghị tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024: dự kiến ngày 10/1.
`)
	elsewhere := MeetingDraft{ // announced outside the part, its kind guessed
		Meeting: planned(congtac.MeetingThematic, "Hội nghị sơ kết công tác cải cách hành chính", congtac.MustDate(2023, time.November, 15),
			congtac.NoTime, ""),
		ItemID: 3, Line: 2, Confidence: 0.6,
	}
	october := MeetingDraft{
		Meeting: planned(congtac.MeetingRegular, "Hội nghị UBND huyện thường kỳ tháng 10", congtac.MustDate(2023, time.October, 27),
			congtac.NoTime, ""),
		ItemID: 5, Line: 4, Confidence: 1,
	}
	november := october
	november.Meeting.Title, november.Meeting.Date = "Hội nghị UBND huyện thường kỳ tháng 11", congtac.MustDate(2023, time.November, 24)
	november.ItemID, november.Line = 6, 5
	review := MeetingDraft{ // 10/1 is next January's
		Meeting: planned(congtac.MeetingThematic, "Hội nghị tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024",
			congtac.MustDate(2024, time.January, 10), congtac.NoTime, ""),
		ItemID: 7, Line: 6, Confidence: 0.9,
	}
	got, problems := ReadMeetings(o, congtac.MustDate(2023, time.October, 1))
	checkMeetings(t, got, []MeetingDraft{elsewhere, october, november, review}, problems, nil)
}

func TestReadMeetingsDetailsAsItems(t *testing.T) {
	o := textOutline(`
B. CÁC CUỘC HỌP
1. Hội nghị triển khai nhiệm vụ năm 2027
- Thời gian: 7 giờ 30 phút, sáng thứ Ba, ngày 05/01/2027.
- Địa điểm: Hội trường UBND huyện.
- Thành phần: Lãnh đạo các phòng, ban, ngành; Chủ tịch UBND các xã.
- Triển khai Nghị quyết của HĐND huyện về nhiệm vụ năm 2027 (Văn phòng HĐND và UBND huyện chuẩn bị).
- Phân bổ dự toán ngân sách năm 2027.
(Phòng Tài chính - Kế hoạch chuẩn bị)
2. Chủ tịch UBND huyện làm việc với UBND xã Tân Sơn vào chiều ngày 12/01/2027.
`)
	conference := MeetingDraft{
		Meeting: planned(congtac.MeetingThematic, "Hội nghị triển khai nhiệm vụ năm 2027", congtac.MustDate(2027, time.January, 5),
			congtac.At(7, 30), congtac.Morning),
		ItemID: 2, Line: 1, Confidence: 0.9,
		Agenda: []AgendaDraft{
			{Title: "Triển khai Nghị quyết của HĐND huyện về nhiệm vụ năm 2027", Lead: "Văn phòng HĐND và UBND huyện",
				Verb: "chuẩn bị", ItemID: 6, Line: 5},
			{Title: "Phân bổ dự toán ngân sách năm 2027", Lead: "Phòng Tài chính - Kế hoạch", Verb: "chuẩn bị", ItemID: 7, Line: 6},
		},
	}
	conference.Meeting.Place = "Hội trường UBND huyện"
	conference.Meeting.Attendees = "Lãnh đạo các phòng, ban, ngành; Chủ tịch UBND các xã"
	working := MeetingDraft{
		Meeting: planned(congtac.MeetingWorking, "Chủ tịch UBND huyện làm việc với UBND xã Tân Sơn", congtac.MustDate(2027, time.January, 12),
			congtac.NoTime, congtac.Afternoon),
		ItemID: 8, Line: 8, Confidence: 1,
	}
	got, problems := ReadMeetings(o, congtac.MustDate(2026, time.December, 1))
	checkMeetings(t, got, []MeetingDraft{conference, working}, problems, nil)
}

func TestMeetingDate(t *testing.T) {
	ref := congtac.MustDate(2023, time.December, 1)
	for _, tt := range []struct {
		day, month, year int
		want             congtac.Date
	}{
		{10, 1, 0, congtac.MustDate(2024, time.January, 10)},   // more than three months before ref: next year
		{15, 11, 0, congtac.MustDate(2023, time.November, 15)}, // a little before: this year
		{21, 4, 23, congtac.MustDate(2023, time.April, 21)},
		{29, 2, 0, congtac.MustDate(2024, time.February, 29)},
	} {
		if got, ok := meetingDate(tt.day, tt.month, tt.year, ref); !ok || got != tt.want {
			t.Errorf("meetingDate(%d, %d, %d) = %v, %v; want %v", tt.day, tt.month, tt.year, got, ok, tt.want)
		}
	}
	if _, ok := meetingDate(29, 2, 2023, ref); ok {
		t.Error("29/2/2023 read as a day")
	}
}

func BenchmarkReadMeetings(b *testing.B) {
	o, ref := seedOutline(b)
	for b.Loop() {
		ReadMeetings(o, ref)
	}
}

func FuzzReadMeetings(f *testing.F) {
	f.Add("B. CÁC HỘI NGHỊ CHÍNH TRONG THÁNG\nI. Hội nghị UBND huyện thường kỳ: Ngày 21/4/2023 (Thứ Sáu); gồm:\n" +
		"1. Báo cáo A (Phòng X chuẩn bị).\n(Phòng Y chuẩn bị nội dung 1, 9).\nII. Lãnh đạo giao ban vào chiều thứ Năm hằng tuần.")
	f.Add("II. LỊCH HỌP\n1. Phiên họp thường kỳ: 8 giờ 00, Thứ Sáu, ngày 26/5 tại Hội trường\n- Thời gian: 25 giờ\n" +
		"2. Giao ban định kỳ ngày 31 hằng tháng đến hết ngày 30/6/2023\n3. Họp vào ngày 29/2\n4. họp ngày 99")
	f.Add("Tổ chức Hội nghị vào ngày 0/13/20231 từ 7h30 đến 11h30 sáng, tại\n(Phòng A chuẩn bị nội dung 99999999999999999999)")
	ref := congtac.MustDate(2023, time.April, 1)
	f.Fuzz(func(t *testing.T, text string) {
		var rows []Row
		for _, line := range strings.Split(text, "\n") {
			rows = append(rows, Row{Text: line})
		}
		o := ReadOutline(rows, 0)
		ids := map[int64]bool{}
		for _, it := range o.Items {
			ids[it.ID] = true
		}
		drafts, problems := ReadMeetings(o, ref)
		inRange := func(line int) bool { return line >= 0 && line < len(rows) }
		for _, d := range drafts {
			if !ids[d.ItemID] || !inRange(d.Line) || d.Meeting.Date.IsZero() || d.Confidence < 0 || d.Confidence > 1 {
				t.Fatalf("%q: draft %s", text, showDraft(d))
			}
			if r := d.Meeting.Recurrence; r != nil && r.Validate() != nil {
				t.Fatalf("%q: recurrence %+v: %v", text, *r, r.Validate())
			}
			for _, a := range d.Agenda {
				if !ids[a.ItemID] || !inRange(a.Line) {
					t.Fatalf("%q: agenda item %+v", text, a)
				}
			}
		}
		for _, p := range problems {
			if !inRange(p.Line) || p.Message == "" {
				t.Fatalf("%q: problem %+v", text, p)
			}
		}
	})
}

// The seed's briefing reads the same whether or not the letters its PDF lost are back.
func TestReadMeetingsBriefingWithLostLetters(t *testing.T) {
	ref := congtac.MustDate(2023, time.April, 1)
	var drafts [][]MeetingDraft
	for _, line := range []string{
		"III. Chủ tịch và các Phó Chủ tịch UBND huyện tổ chức giao ban vào chiều thứ Năm hằng tuần; có chương trình công tác cụ thể.",
		"III. Chủ tịch và các Phó Chủ tịch UBND huyện tổ chức giao bàn vào chiều thứ Năm hằn tuần; có chương trình công tác cụ thể.",
	} {
		got, problems := ReadMeetings(textOutline("B. CÁC HỘI NGHỊ CHÍNH TRONG THÁNG\n"+line), ref)
		if len(got) != 1 || len(problems) != 0 {
			t.Fatalf("%s: %+v %+v", line, got, problems)
		}
		drafts = append(drafts, got)
	}
	thursday := congtac.MustDate(2023, time.April, 6)
	want := MeetingDraft{
		Meeting: planned(congtac.MeetingBriefing, "Giao ban Chủ tịch, các Phó Chủ tịch UBND huyện", thursday, congtac.NoTime, congtac.Afternoon),
		ItemID:  2, Line: 1, Confidence: 1,
	}
	want.Meeting.Recurrence = weekly(thursday, time.Thursday)
	checkMeetings(t, drafts[0], []MeetingDraft{want}, nil, nil)
	checkMeetings(t, drafts[1], []MeetingDraft{want}, nil, nil)
}
