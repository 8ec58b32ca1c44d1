package web

import (
	"net/http"
	"net/url"

	"congtac"
	"congtac/vn"
)

func init() { pageSamples = append(pageSamples, areaSamples) }

// areaSamples covers the pages of the work areas: programs, tasks, reports, meetings, the
// calendar, search, the catalog and the public pages.
func areaSamples(s *Server, r *http.Request) []pageSample {
	l := func(title string) layout { return s.layout(r, title) }
	row := programRow{ID: 7, Number: "05/CTr-UBND", IssuedOn: "5/4/2023", Period: "Tháng 4 năm 2023",
		Title: "Công tác tháng 4", Status: "Đã ban hành", StatusKey: "issued"}
	overdue := taskStatusView(congtac.StatusOverdue)
	doc := programDoc{Body: "ỦY BAN NHÂN DÂN HUYỆN LỤC NGẠN", Number: "Số:\u00a0\u00a0/CTr-UBND", DocType: "CHƯƠNG TRÌNH",
		DateLine: "Lục Ngạn, ngày      tháng      năm 2023", Summary: "Công tác tháng 4", Draft: true,
		Items: []docItem{{Label: "A.", Heading: "NHIỆM VỤ TRỌNG TÂM", Depth: 0},
			{Label: "1.1.", Text: "Chỉ đạo chăm sóc vải thiều.", Depth: 2, Tasks: []docTask{{Text: "Chỉ đạo chăm sóc vải thiều",
				Repeat: true, Href: "/tasks/3", Lead: "Phòng Nông nghiệp", Support: []string{"UBND các xã"}, Due: "tháng 4/2023",
				Carried: true, Status: overdue}}}},
		Loose:      []docTask{{Text: "Quyết toán vốn XDCB", Lead: "Phòng Tài chính - Kế hoạch", Due: "tháng 4/2023"}},
		Recipients: []string{"- Lưu: VT."}, Sign: docSignature{Lines: []string{"TL. CHỦ TỊCH"}, Title: "CHÁNH VĂN PHÒNG", Name: "Vương Mạnh Chung"}}
	form := &reportForm{Action: "/tasks/3/reports", Text: "Đã làm <b>xong</b>", Percent: "150",
		Orgs:        []option{{Value: "1", Label: "Sở Tài chính"}, {Value: "2", Label: "Sở Xây dựng", Selected: true}},
		Occurrences: []option{{Value: "2026-11-25", Label: "25/11/2026 — Quá hạn chưa hoàn thành"}}, Target: "trên 50%",
		Errors: map[string]string{"percent": "Tỷ lệ hoàn thành phải từ 0 đến 100."}, General: []string{"Lỗi chung."}}
	rep := reportView{Href: "/reports/9", Task: "Giải ngân vốn", Org: "Sở Tài chính", Percent: 70,
		Status: statusView{"submitted", "Đã gửi"}}
	meeting := meetingRow{Href: "/meetings/2", Day: "Thứ Năm, 19/11/2026", Time: "14 giờ 00", Title: "Giao ban",
		Status: statusView{"planned", "Dự kiến"}, Recurring: true}
	cal := &calendarView{Org: "UBND tỉnh", Heading: "Tuần thứ 48 (từ ngày 23/11/2026 đến ngày 27/11/2026)",
		Published: true, Revision: "Điều chỉnh lần 1", Changes: []string{"Bổ sung lịch tiếp công dân."},
		Days: []calendarDay{{Weekday: "Thứ Hai", Date: "23/11/2026"}, {Weekday: "Thứ Ba", Date: "24/11/2026",
			Entries: []calendarEntry{{Time: "Sáng", Leader: "Lê Minh Đức", Title: "Kiểm tra dự án"},
				{Time: "14 giờ 00", Title: "Họp", Cancelled: true}}}}}
	return []pageSample{
		{programListPage{layout: l("Chương trình công tác"), Programs: []programRow{row},
			Pager: pager{Page: 1, Pages: 2, Total: 31, First: 1, Last: 30, Next: "/programs?page=2"}}, "Trang sau"},
		{programListPage{layout: l("Chương trình công tác"), Errors: map[string]string{"year": "Năm \"x\" không hợp lệ."}},
			"Năm &#34;x&#34; không hợp lệ."},
		{programListPage{layout: l("Chương trình công tác")}, "Không có chương trình nào phù hợp."},
		{programPage{layout: l("Công tác tháng 4"), Doc: doc, Status: statusView{"draft", "Dự thảo"},
			Counts: []statusCount{{statusView: overdue, N: 2}}, Meetings: []meetingRow{meeting}}, "DỰ THẢO"},
		{programPage{layout: l("Công tác tháng 4"), Doc: doc, Public: true}, "Nơi nhận:"},
		{taskListPage{layout: l("Nhiệm vụ"), Counts: []statusCount{{statusView: overdue, N: 3, Current: true}},
			Total: 7, Matched: 3, Rows: []taskRow{{Href: "/tasks/1", Text: "Giải ngân", Status: overdue, Carried: true, Repeats: true}},
			Pager: pager{Page: 1, Pages: 1, Total: 1, First: 1, Last: 1}},
			"3 nhiệm vụ phù hợp với bộ lọc, trong 7 nhiệm vụ mọi trạng thái."},
		{taskListPage{layout: l("Nhiệm vụ"), Errors: map[string]string{"period": "Không hiểu kỳ."}}, "Không hiểu kỳ."},
		{taskPage{layout: l("Nhiệm vụ"), Task: taskView{FullText: true, Text: "Giải ngân vốn đầu tư công", Status: overdue,
			Deferral: "Giãn đến quý I/2027", CarriedHref: "/tasks/1"},
			Supports:    []supportRow{{Org: "Sở Xây dựng", Status: overdue}},
			Occurrences: []occurrenceRow{{Due: "Thứ Tư, 25/11/2026", Status: overdue}},
			Reports:     []reportRow{{Href: "/reports/1", Org: "Sở Tài chính", Percent: 40, Status: statusView{"draft", "Đang soạn"}}},
			Form:        form}, "Đã làm &lt;b&gt;xong&lt;/b&gt;"},
		{taskPage{layout: l("Nhiệm vụ")}, "Chưa có báo cáo nào."},
		{taskPage{layout: l("Nhiệm vụ"), Task: taskView{Text: "Khởi công đường", Status: overdue, DoneOn: "19/4/2023",
			DoneBy: "vanphong", DoneHref: "/reports/4"},
			Deferrals: []deferralRow{{On: "20/4/2023", To: "tháng 5/2023", Reason: "Chờ vốn", ApprovedBy: "Nguyễn Văn Giang", RecordedBy: "vanphong"}},
			Actions: []*taskActionForm{{Kind: actDefer, Title: "Giãn tiến độ", Button: "Giãn tiến độ", Action: "/tasks/3/deferrals",
				Version: 2, Due: apiDueInput{Text: "hằng tháng"}, Leaders: []option{{Value: "5", Label: "Nguyễn Văn Giang"}},
				Errors: map[string]string{"to": "Thời hạn mới là một ngày hoặc một kỳ, không phải lịch lặp lại."}},
				{Kind: actComplete, Title: "Ghi nhận hoàn thành", Button: "Ghi nhận", Action: "/tasks/3/completion", DoneOn: "2023-04-19",
					Orgs:    []option{{Value: "", Label: "Phòng Kinh tế (chủ trì)"}, {Value: "4", Label: "Sở Xây dựng (phối hợp)"}},
					Reports: []option{{Value: "9", Label: "Phòng Kinh tế, 100%"}}, Errors: map[string]string{}}},
			Asked: []explanationRow{{Org: "Phòng Kinh tế", Question: "Vì sao chậm?", Due: "10/6/2023", State: statusView{"open", "Chờ giải trình"},
				AnswerForm: &explanationAnswerForm{ID: 2, Action: "/explanations/2", Version: 1, Error: "Nội dung giải trình không được để trống."}}},
			Ask: &explanationAskForm{Action: "/tasks/3/explanations", Orgs: []option{{Value: "3", Label: "Phòng Kinh tế"}},
				Errors: map[string]string{"due": "Hạn giải trình không được trước ngày yêu cầu."}}},
			"Thời hạn mới là một ngày hoặc một kỳ, không phải lịch lặp lại."},
		{explanationListPage{layout: l("Yêu cầu giải trình"), States: []statusCount{{statusView: statusView{"overdue", "Quá hạn giải trình"}, N: 1, Current: true}},
			Rows:  []explanationRow{{Task: "Khởi công đường", TaskHref: "/tasks/3#giai-trinh", Org: "Phòng Kinh tế", Due: "10/6/2023", State: statusView{"overdue", "Quá hạn giải trình"}}},
			Pager: pager{Page: 1, Pages: 1, Total: 1, First: 1, Last: 1}}, "Quá hạn giải trình"},
		{explanationListPage{layout: l("Yêu cầu giải trình")}, "Không có yêu cầu giải trình nào."},
		{notificationsPage{layout: l("Thông báo"), Unread: 1, Rows: []notificationRow{{ID: 4, Title: "Nhiệm vụ đến hạn ngày 30/4/2023",
			Link: "/tasks/1", At: "20/4/2023 8:00", Unread: true}}}, "1 thông báo chưa đọc."},
		{notificationsPage{layout: l("Thông báo")}, "Chưa có thông báo nào."},
		{sampleBoardPage(l("Bảng theo dõi thực hiện nhiệm vụ")), "Tỷ lệ hoàn thành đúng hạn"},
		{boardPage{layout: l("Bảng theo dõi"), Errors: map[string]string{"period": "Không hiểu kỳ."},
			Filter: []field{newField(map[string]string{"period": "Không hiểu kỳ."}, field{ID: "b-period", Name: "period", Label: "Kỳ"})}}, "Không hiểu kỳ."},
		{reportListPage{layout: l("Báo cáo tiến độ"), Rows: []reportRow{{Href: "/reports/1", Task: "Giải ngân", TaskDue: "tháng 11/2026",
			Org: "Sở Tài chính", Percent: 70, Status: statusView{"submitted", "Đã gửi"}}}, Pager: pager{Page: 1, Pages: 1}},
			"Thời hạn: tháng 11/2026"},
		{reportListPage{layout: l("Báo cáo tiến độ")}, "Không có báo cáo nào phù hợp."},
		{reportListPage{layout: l("Báo cáo tiến độ"), Offline: true}, "/reports/import"},
		{reportImportPage{layout: l("Chưa gửi được báo cáo từ tệp"), Problems: []string{"Ô G2: tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100."}},
			"Ô G2: tỷ lệ hoàn thành"},
		{reportPage{layout: l("Báo cáo tiến độ"), Report: rep, Edit: form, Submit: &submitForm{Version: 3, Errors: []string{"Không gửi được."}}},
			`action="/reports/9/submit"`},
		{reportPage{layout: l("Báo cáo tiến độ"), Report: rep, Files: []fileLink{{"/report-files/2", "Biên bản.pdf (12 KB)"}},
			Attach: "/reports/9/files", Shares: []reportRow{{Href: "/reports/10", Org: "Sở Xây dựng", Occurrence: "tháng 11/2026", Percent: 60,
				Status: statusView{"submitted", "Đã gửi"}}}}, "Báo cáo của cơ quan phối hợp"},
		{reportPage{layout: l("Báo cáo tiến độ"), Report: rep, Problems: []string{"Báo cáo đã được tiếp nhận."}},
			"Báo cáo đã được tiếp nhận."},
		{reportPage{layout: l("Báo cáo tiến độ"), Report: rep, Review: &reviewForm{Version: 2, Action: "return",
			Errors: map[string]string{"note": "Khi trả lại cần ghi ý kiến."}}}, "Khi trả lại cần ghi ý kiến."},
		{meetingListPage{layout: l("Hội nghị"), Month: "tháng 11 năm 2026", MonthTitle: "Tháng 11 năm 2026",
			MonthKey: "2026-11", Rows: []meetingRow{meeting}}, "Giao ban"},
		{meetingListPage{layout: l("Hội nghị"), MonthKey: "x", Error: "Tháng \"x\" không đúng dạng."}, "không đúng dạng"},
		{meetingPage{layout: l("Phiên họp"), When: "8 giờ 00, Thứ Sáu, 20/11/2026", Status: statusView{"held", "Đã họp"},
			Program: "Công tác tháng 11", ProgramHref: "/programs/1", Upcoming: []string{"Thứ Năm, 3/12/2026"},
			Agenda: []agendaRow{{Number: 1, Title: "Báo cáo KT-XH", Lead: "Sở Tài chính", Support: []string{"Sở Xây dựng"},
				Presenter: "Bùi Đức Thắng", Minutes: "45 phút", MaterialsDue: "Chủ nhật, 15/11/2026"}}}, "Bùi Đức Thắng"},
		{meetingPage{layout: l("Giao ban")}, "Chưa có nội dung trình."},
		{meetingPage{layout: l("Phiên họp thường kỳ"), EditHref: "/meetings/4/edit", Issue: []issueRow{
			{Type: "GM", Label: "Giấy mời", Code: "12/GM-UBND, ngày 14/04/2023"}, {Type: "TB", Label: "Thông báo", Action: "/meetings/4/issue"}}},
			"Ban hành Thông báo"},
		{meetingEditPage{layout: l("Tạo hội nghị"), Form: &meetingForm{Action: "/meetings", Errors: map[string]string{}}},
			"Tạo hội nghị"},
		{meetingEditPage{layout: l("Sửa hội nghị"), ID: 4, Form: &meetingForm{Action: "/meetings/4", Errors: map[string]string{}},
			Agenda: []*agendaForm{{Action: "/agenda/7", ID: 7, Number: 1, Title: "Báo cáo tình hình kinh tế - xã hội",
				Errors: map[string]string{}}},
			NewItem: &agendaForm{Action: "/meetings/4/agenda", Number: 2, Errors: map[string]string{}},
			Status:  &statusForm{Action: "/meetings/4/status", Status: "planned", Errors: map[string]string{}},
			Sittings: &sittingForm{Action: "/meetings/4/sittings", Changed: []sittingRow{{Of: "2023-04-27", Text: "Thứ Năm, 27/4/2023: hủy"}},
				Errors: map[string]string{}}}, "Họp lại theo lịch"},
		{calendarPage{layout: l("Lịch công tác tuần"), Week: "2026-W48", Calendar: cal,
			Orgs: []option{{Value: "1", Label: "UBND tỉnh"}, {Value: "2", Label: "UBND xã"}}}, "Điều chỉnh lần 1"},
		{calendarPage{layout: l("Lịch công tác tuần"), Public: true, Calendar: &calendarView{Heading: "Tuần thứ 49"}}, "chưa được công bố"},
		{calendarPage{layout: l("Lịch công tác tuần"), Week: "x", Error: "Tuần không đúng dạng."}, "Tuần không đúng dạng."},
		{engagementPage{layout: l("Sửa lịch công tác"), ID: 3, Back: "/calendar?org=1&week=2026-W50",
			Clashes: []string{"8 giờ 00: Kiểm tra tiến độ dự án"}, Form: &engagementForm{Action: "/calendar/entries/3",
				Version: 2, Title: "Tiếp công dân định kỳ", Errors: map[string]string{}}}, "Lãnh đạo đã có lịch khác cùng lúc"},
		{searchPage{layout: l("Tìm kiếm"), Q: "đường", Words: true, Total: "22", Groups: []searchGroup{{Title: "Nhiệm vụ",
			Count: 21, All: "/search?kind=task&q=duong", Hits: []searchHit{{URL: "/tasks/1",
				Title: []vn.Segment{{Text: "Đường", Mark: true}, {Text: " giao thông"}}, Where: "Chương trình 21/CTr-UBND"}}},
			{Title: "Cán bộ", Count: 1000, More: true}}}, "Xem tất cả 21 kết quả"},
		{searchPage{layout: l("Tìm kiếm"), Q: "x", Kind: "task", Words: true, Total: "hơn 1.000", PageNo: 2, Prev: "/search?page=1",
			Groups: []searchGroup{{Title: "Nhiệm vụ", Count: 1000, More: true}}}, "hơn 1.000"},
		{searchPage{layout: l("Tìm kiếm"), Q: "x", Problems: []string{"Kỳ \"x\" không đúng dạng."}}, "không đúng dạng"},
		{searchPage{layout: l("Tìm kiếm"), Q: "!!"}, "Hãy nhập từ khóa"},
		{catalogPage{layout: l("Danh mục"), Orgs: []catalogOrg{{ID: 1, Name: "UBND tỉnh", Kind: "Ủy ban nhân dân",
			Children: []catalogOrg{{ID: 2, Name: "Sở Tài chính", Short: "STC"}}}},
			People: []catalogPerson{{ID: 3, Name: "Ngô Thị Mai", Posts: []string{"Chuyên viên, Sở Tài chính"}, Email: "mai@example.vn"}}},
			`id="org-2"`},
		{catalogPage{layout: l("Danh mục")}, "Không có cán bộ nào."},
		{publicPage{layout: l("Công khai"), Programs: []programRow{row},
			Calendars: []publicCalendar{{Href: "/public/calendar?org=1&week=2026-W48", Org: "UBND tỉnh", Heading: "Tuần thứ 48"}}},
			`href="/public/programs/7"`},
		{publicPage{layout: l("Công khai")}, "Chưa có chương trình nào được công bố công khai."},
	}
}

// sampleBoardPage is a board of two orgs and two months.
func sampleBoardPage(l layout) boardPage {
	c := congtac.Counts{congtac.StatusDoneOnTime: 6, congtac.StatusDoneLate: 1, congtac.StatusOverdue: 2, congtac.StatusInProgress: 3}
	lines := []boardLine{newBoardLine("Sở Tài chính", c, url.Values{"lead": {"3"}}), newBoardLine("Sở Xây dựng", congtac.Counts{}, url.Values{"lead": {"4"}})}
	trend := []congtac.BoardMonth{{Period: congtac.Period{Kind: congtac.PeriodMonth, Year: 2026, Number: 11}, Counts: c},
		{Period: congtac.Period{Kind: congtac.PeriodMonth, Year: 2026, Number: 12}}}
	p := boardPage{layout: l, Heading: "Tháng 12 năm 2026, tính đến ngày 07/12/2026", By: "Cơ quan chủ trì", ByLower: "cơ quan chủ trì",
		Total: newBoardLine("Tổng số", c, url.Values{}), Rows: lines, Chart: newBarChart(lines), Trend: newTrendChart(trend),
		Files: []fileLink{{"/boards/files/bang-theo-doi.xlsx", "Tải bảng (Excel)"}}}
	for _, st := range boardStatuses {
		p.Statuses = append(p.Statuses, taskStatusView(st))
	}
	for _, m := range trend {
		p.Months = append(p.Months, newBoardLine(m.Period.String(), m.Counts, url.Values{}))
	}
	return p
}
