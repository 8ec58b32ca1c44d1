package web

import (
	"fmt"
	"net/http"
	"net/url"
)

// meetingExamples are the examples of the meetings, their agenda, sittings, materials and
// conclusions, the calendar and its entries and feeds, explanations, reports and their
// files, and imports.
//
// The story, as of Friday 27/11/2026: the chairman reads November's regular meeting (held
// on 20/11) and the viewer this week's calendar; the office records the meeting's
// conclusion on public investment and the chairman makes it a task of November's program;
// the office plans a December conference on the 2027 budget with its agenda and moves it
// to the afternoon, the office head issues its invitation, the office adds and later drops
// a matter, and the finance department sends its material;
// the office moves one Thursday briefing to the Friday, then holds it as usual again; it
// puts the vice chairman's working visit on next week's calendar and moves it; the
// chairman subscribes to his calendar and revokes the feed; the office head asks the
// finance department to explain a late task, which it does; the department reports on a
// task with a file attached, sends the report and the office head accepts it; the office
// reads a short program pasted as text.
func meetingExamples(x *exampleRun) {
	finance, construction := x.org("Sở Tài chính"), x.org("Sở Xây dựng")
	investment, taxes := x.org("Ban Quản lý dự án đầu tư xây dựng tỉnh"), x.org("Thuế tỉnh Sơn Hà")
	committee := x.org("Ủy ban nhân dân tỉnh Sơn Hà")
	chair, viceEconomy, financeHead := x.person("Trần Quốc Hưng")["id"], x.person("Lê Minh Đức")["id"], x.person("Bùi Đức Thắng")["id"]

	// November's regular meeting, held on Friday 20/11, and its agenda.
	list := x.example("meetingList", "chutich", http.MethodGet,
		"/api/v1/meetings?kind=regular&from=2026-11-01&to=2026-11-30&limit=2", nil)
	november := list["items"].([]any)[0].(map[string]any)["id"]
	meeting := fmt.Sprintf("/api/v1/meetings/%v", november)
	held := x.example("meetingShow", "chutich", http.MethodGet, meeting, nil)
	x.example("agendaList", "phongbaocao", http.MethodGet, meeting+"/agenda?limit=2", nil)
	x.example("calendarShow", "xem", http.MethodGet, fmt.Sprintf("/api/v1/calendar?org=%d&week=2026-W48", committee), nil)

	// The conclusion on public investment becomes a task of November's program.
	investmentItem := held["agenda"].([]any)[1].(map[string]any)
	x.example("agendaUpdate", "vanphong", http.MethodPatch, fmt.Sprintf("/api/v1/agenda/%v", investmentItem["id"]), map[string]any{
		"version": investmentItem["version"],
		"conclusion": "Giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính, Ban Quản lý dự án đầu tư xây dựng tỉnh " +
			"rà soát, đề xuất điều chuyển vốn của các dự án chậm giải ngân sang các dự án có khả năng giải ngân tốt; " +
			"báo cáo UBND tỉnh trước ngày 15/12/2026.",
	})
	x.example("conclusionTask", "chutich", http.MethodPost, fmt.Sprintf("/api/v1/agenda/%v/tasks", investmentItem["id"]), map[string]any{
		"lead": construction, "support": []int64{finance, investment}, "leader_id": viceEconomy,
		"due": map[string]any{"text": "trước ngày 15/12/2026"},
	})

	// December's conference on the budget: planned and moved to the afternoon.
	created := x.example("meetingCreate", "vanphong", http.MethodPost, "/api/v1/meetings", map[string]any{
		"org_id": committee, "kind": "thematic",
		"title": "Hội nghị đánh giá tình hình thực hiện dự toán ngân sách nhà nước năm 2026, triển khai nhiệm vụ năm 2027",
		"date":  "2026-12-22", "start": "8 giờ", "place": "Hội trường UBND tỉnh", "chair_id": viceEconomy,
		"attendees":    "Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã, phường, đặc khu",
		"invited_orgs": []int64{finance, taxes},
		"agenda": []map[string]any{
			{"title": "Báo cáo tình hình thực hiện dự toán ngân sách nhà nước năm 2026; dự toán năm 2027",
				"lead_id": finance, "presenter_id": financeHead, "minutes": 45},
			{"title": "Báo cáo kết quả thu ngân sách nhà nước trên địa bàn năm 2026", "lead_id": taxes, "minutes": 30},
		},
	})
	conference := fmt.Sprintf("/api/v1/meetings/%v", created["id"])
	moved := x.example("meetingUpdate", "vanphong", http.MethodPatch, conference, map[string]any{
		"version": created["version"], "start": "14 giờ",
		"note": "Chuyển sang buổi chiều để Lãnh đạo UBND tỉnh dự hội nghị trực tuyến của Chính phủ buổi sáng.",
	})
	x.example("meetingIssue", "cvp", http.MethodPost, conference+"/documents", map[string]any{"type": "GM"})
	x.example("meetingFile", "phongbaocao", http.MethodGet, conference+"/files/hoi-nghi.ics", nil)
	added := x.example("agendaCreate", "vanphong", http.MethodPost, conference+"/agenda", map[string]any{
		"title": "Báo cáo tình hình giải ngân vốn đầu tư công năm 2026", "lead_id": construction,
		"support_ids": []int64{finance}, "minutes": 20,
	})
	addedItem := fmt.Sprintf("/api/v1/agenda/%v", added["id"])
	x.example("agendaShow", "phongbaocao", http.MethodGet, addedItem, nil)

	// The finance department sends its report for the first matter.
	budgetItem := moved["agenda"].([]any)[0].(map[string]any)
	material := x.upload("materialCreate", "phongbaocao", http.MethodPost, fmt.Sprintf("/api/v1/agenda/%v/materials?name=%s", budgetItem["id"],
		url.QueryEscape("Báo cáo dự toán NSNN năm 2027.pdf")), "application/octet-stream", []byte(tinyPDF),
		"tệp PDF nhỏ: báo cáo dự toán ngân sách nhà nước năm 2027 của Sở Tài chính")
	x.example("materialList", "chutich", http.MethodGet, conference+"/materials?limit=2", nil)
	x.example("materialShow", "chutich", http.MethodGet, fmt.Sprintf("/api/v1/materials/%v", material["id"]), nil)
	x.example("materialContent", "chutich", http.MethodGet, fmt.Sprintf("/api/v1/materials/%v/content", material["id"]), nil)

	// One Thursday briefing moves to the Friday morning.
	briefing := x.send("vanphong", http.MethodGet, "/api/v1/meetings?kind=briefing&limit=1",
		nil)["items"].([]any)[0].(map[string]any)
	series := fmt.Sprintf("/api/v1/meetings/%v", briefing["id"])
	shifted := x.example("sittingChange", "vanphong", http.MethodPut, series+"/sittings/2026-12-03", map[string]any{
		"version": briefing["version"], "date": "2026-12-04", "start": "8h00",
		"note": "Chủ tịch, các Phó Chủ tịch UBND tỉnh dự Hội nghị Ban Chấp hành Đảng bộ tỉnh chiều thứ Năm.",
	})

	// The vice chairman's working visit next week, then moved to the afternoon.
	entry := x.example("engagementCreate", "vanphong", http.MethodPost, "/api/v1/calendar/entries", map[string]any{
		"org_id": committee, "person_id": viceEconomy, "date": "2026-12-02", "start": "8 giờ",
		"title": "Làm việc với Sở Tài chính về dự toán ngân sách nhà nước năm 2027",
		"place": "Sở Tài chính", "participants": "Lãnh đạo Sở Tài chính, Thuế tỉnh Sơn Hà", "preparer_id": finance,
		"accompany": "Đ/c Vũ Thị Ngọc Ánh, Phó Chánh Văn phòng UBND tỉnh",
	})
	entryPath := fmt.Sprintf("/api/v1/calendar/entries/%v", entry["id"])
	x.example("engagementShow", "chutich", http.MethodGet, entryPath, nil)
	x.example("engagementUpdate", "vanphong", http.MethodPatch, entryPath, map[string]any{
		"version": entry["version"], "start": "14h00", "note": "Chuyển sang buổi chiều theo đề nghị của Sở Tài chính.",
	})

	// The chairman subscribes to his own calendar.
	feed := x.example("feedCreate", "chutich", http.MethodPost, "/api/v1/feeds", map[string]any{
		"kind": "person", "subject_id": chair, "name": "Lịch công tác của Chủ tịch UBND tỉnh",
	})
	feedPath := fmt.Sprintf("/api/v1/feeds/%v", feed["id"])
	x.example("feedList", "chutich", http.MethodGet, "/api/v1/feeds?limit=2", nil)
	x.example("feedShow", "chutich", http.MethodGet, feedPath, nil)

	// The finance department explains why September's disbursement is late.
	late := x.send("cvp", http.MethodGet, fmt.Sprintf("/api/v1/tasks?lead=%d&status=overdue&limit=1", finance),
		nil)["items"].([]any)[0].(map[string]any)
	x.example("explanationList", "phongbaocao", http.MethodGet, fmt.Sprintf("/api/v1/explanations?org=%d&limit=2", finance), nil)
	asked := x.example("explanationAsk", "cvp", http.MethodPost, "/api/v1/explanations", map[string]any{
		"task_id": late["id"], "org_id": finance, "due": "2026-12-02",
		"question": "Đề nghị Sở Tài chính giải trình lý do chưa hoàn thành nhiệm vụ theo thời hạn, " +
			"đề xuất giải pháp và thời hạn hoàn thành.",
	})
	explanation := fmt.Sprintf("/api/v1/explanations/%v", asked["id"])
	x.example("explanationShow", "phongbaocao", http.MethodGet, explanation, nil)
	x.example("explanationAnswer", "phongbaocao", http.MethodPatch, explanation, map[string]any{
		"version": asked["version"],
		"answer": "Một số chủ đầu tư chậm hoàn thiện hồ sơ thanh toán khối lượng hoàn thành; Sở đã phối hợp với " +
			"Kho bạc Nhà nước rà soát từng dự án, phấn đấu hoàn thành trước ngày 15/12/2026.",
	})

	// The finance department reports on October's disbursement with its table attached, sends
	// the report, and the office accepts it.
	x.example("reportList", "phongbaocao", http.MethodGet, fmt.Sprintf("/api/v1/reports?org=%d&status=submitted&limit=2", finance), nil)
	pending := x.send("phongbaocao", http.MethodGet, fmt.Sprintf("/api/v1/reports?org=%d&status=submitted&limit=1", finance),
		nil)["items"].([]any)[0].(map[string]any)
	x.example("reportShow", "cvp", http.MethodGet, fmt.Sprintf("/api/v1/reports/%v", pending["id"]), nil)
	open := x.send("phongbaocao", http.MethodGet, fmt.Sprintf("/api/v1/tasks?lead=%d&status=in_progress&q=%s&limit=1", finance,
		url.QueryEscape("báo cáo kết quả giải ngân vốn đầu tư công tháng 10/2026")), nil)["items"].([]any)[0].(map[string]any)
	draft := x.example("reportCreate", "phongbaocao", http.MethodPost, "/api/v1/reports", map[string]any{
		"task_id": open["id"], "org_id": finance, "percent": 80, "value": 58.5,
		"text": "Đã tổng hợp số liệu giải ngân của 28/32 chủ đầu tư; đang đôn đốc các chủ đầu tư còn lại gửi báo cáo.",
	})
	report := fmt.Sprintf("/api/v1/reports/%v", draft["id"])
	updated := x.example("reportUpdate", "phongbaocao", http.MethodPatch, report, map[string]any{
		"version": draft["version"], "percent": 100, "value": 61.5, "done_on": "2026-11-27",
		"text": "Đã tổng hợp đủ số liệu của 32 chủ đầu tư; tỷ lệ giải ngân vốn đầu tư công đến ngày 31/10/2026 " +
			"đạt 61,5% kế hoạch vốn năm.",
	})
	file := x.upload("reportFileCreate", "phongbaocao", http.MethodPost, fmt.Sprintf("%s/files?name=%s", report,
		url.QueryEscape("Biểu tổng hợp giải ngân tháng 10-2026.pdf")), "application/octet-stream", []byte(tinyPDF),
		"tệp PDF nhỏ: biểu tổng hợp kết quả giải ngân vốn đầu tư công tháng 10/2026")
	x.example("reportFileList", "cvp", http.MethodGet, report+"/files?limit=2", nil)
	x.example("reportFileShow", "cvp", http.MethodGet, fmt.Sprintf("/api/v1/report-files/%v", file["id"]), nil)
	x.example("reportFileContent", "cvp", http.MethodGet, fmt.Sprintf("/api/v1/report-files/%v/content", file["id"]), nil)
	sent := x.example("reportSubmit", "phongbaocao", http.MethodPost, report+"/submit", map[string]any{"version": updated["version"]})
	x.example("reportReview", "cvp", http.MethodPost, report+"/review", map[string]any{
		"version": sent["version"], "action": "accept",
		"note": "Tiếp nhận; đề nghị Sở tiếp tục theo dõi, tổng hợp kết quả giải ngân tháng 11/2026.",
	})

	// A short program pasted as text, read without saving.
	x.upload("importCreate", "vanphong", http.MethodPost, "/api/v1/imports?period=2026-12", "application/octet-stream", []byte(meetingsPastedProgram),
		"văn bản dán vào: phần đầu và hai nhiệm vụ của chương trình công tác tháng 12/2026")

	// Last, what undoes: the dropped matter, the revoked feed, the briefing held as usual.
	x.example("agendaDelete", "vanphong", http.MethodDelete, fmt.Sprintf("%s?version=%v", addedItem, added["version"]), nil)
	x.example("feedRevoke", "chutich", http.MethodDelete, feedPath, nil)
	x.example("sittingRestore", "vanphong", http.MethodDelete, fmt.Sprintf("%s/sittings/2026-12-03?version=%v", series, shifted["version"]), nil)
}

// meetingsPastedProgram is the head and two tasks of a program, as an office pastes it.
const meetingsPastedProgram = `ỦY BAN NHÂN DÂN
TỈNH SƠN HÀ
Số:      /CTr-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Sơn Hà, ngày      tháng 12 năm 2026
CHƯƠNG TRÌNH
Công tác của UBND tỉnh tháng 12 năm 2026
I. NHIỆM VỤ TRỌNG TÂM
1. Tham mưu UBND tỉnh giao dự toán ngân sách nhà nước năm 2027, hoàn thành trước ngày 10/12/2026 (Sở Tài chính chủ trì).
2. Đẩy nhanh tiến độ giải ngân vốn đầu tư công năm 2026, hoàn thành trong tháng 12/2026 (Sở Xây dựng chủ trì, Ban Quản lý dự án đầu tư xây dựng tỉnh phối hợp).
Nơi nhận:
- Các sở, ban, ngành thuộc UBND tỉnh;
- Lưu: VT, TH.
TL. CHỦ TỊCH
CHÁNH VĂN PHÒNG
Đỗ Thanh Sơn
`
