package web

import (
	"fmt"
	"net/http"
	"net/url"
)

// programExamples are the examples of the programs, their items and tasks, the task
// actions, proposals, reviewers' remarks, versions, carried and parsed deadlines, the
// board, the register's documents, search and the audit log.
func programExamples(x *exampleRun) {
	province := x.org("Ủy ban nhân dân tỉnh Sơn Hà")
	finance := x.org("Sở Tài chính")
	construction := x.org("Sở Xây dựng")
	chair, vice := x.person("Trần Quốc Hưng"), x.person("Lê Minh Đức")

	// Reads of the demo as it is.
	x.example("programList", "vanphong", http.MethodGet, "/api/v1/programs?status=issued&limit=2", nil)
	x.example("deadlineParse", "vanphong", http.MethodGet,
		"/api/v1/deadlines?text="+url.QueryEscape("chậm nhất trong tháng 12/2026"), nil)
	x.example("board", "chutich", http.MethodGet, "/api/v1/boards?period=2026-11&by=sector", nil)
	x.example("taskList", "phongbaocao", http.MethodGet,
		fmt.Sprintf("/api/v1/tasks?lead=%d&status=overdue&limit=2", finance), nil)
	// The documents of last year.
	doc := x.first(x.example("documentList", "vanphong", http.MethodGet, "/api/v1/documents?year=2025&limit=2", nil))
	x.example("documentShow", "vanphong", http.MethodGet, fmt.Sprintf("/api/v1/documents/%v", doc["id"]), nil)
	x.example("search", "vanphong", http.MethodGet,
		"/api/v1/search?q="+url.QueryEscape("giải ngân")+"&kind=task&limit=2", nil)

	// A draft for January 2027 carries the unfinished tasks of November's program: the
	// office gives those whose deadline passed one new deadline. The draft is removed at the end.
	jan := x.send("vanphong", http.MethodPost, "/api/v1/programs", map[string]any{"org_id": province, "period": "2027-01"})
	janURL := fmt.Sprintf("/api/v1/programs/%v", jan["id"])
	x.example("carriedDeadlines", "vanphong", http.MethodPost, janURL+"/carried-deadlines",
		map[string]any{"keep": false, "due": "chậm nhất trong tháng 1/2027"})

	// A quarter's program: drafted with a unit's proposal, returned with a remark, corrected,
	// approved and issued.
	p := x.example("programCreate", "vanphong", http.MethodPost, "/api/v1/programs",
		map[string]any{"org_id": province, "period": "2027-Q1"})
	programURL := fmt.Sprintf("/api/v1/programs/%v", p["id"])
	x.example("programUpdate", "vanphong", http.MethodPatch, programURL, map[string]any{"version": p["version"],
		"title": "Công tác của UBND tỉnh quý I năm 2027",
		"recipients": []string{"Thường trực Tỉnh ủy, Thường trực HĐND tỉnh;", "Chủ tịch, các Phó Chủ tịch UBND tỉnh;",
			"Các sở, ban, ngành thuộc UBND tỉnh;", "Lưu: VT, TH."},
		"signature": map[string]any{"lines": []string{"TM. ỦY BAN NHÂN DÂN"}, "title": "Chủ tịch",
			"name": chair["full_name"], "person_id": chair["id"]}})
	item := x.example("itemCreate", "vanphong", http.MethodPost, programURL+"/items",
		map[string]any{"heading": "LĨNH VỰC TÀI CHÍNH - NGÂN SÁCH", "sector": "economy"})
	itemURL := fmt.Sprintf("/api/v1/items/%v", item["id"])
	x.example("itemUpdate", "vanphong", http.MethodPatch, itemURL, map[string]any{"version": item["version"],
		"text": "Tập trung chỉ đạo thu, chi ngân sách và giải ngân vốn đầu tư công ngay từ đầu năm."})
	x.example("itemShow", "vanphong", http.MethodGet, itemURL, nil)
	task := x.example("taskCreate", "vanphong", http.MethodPost, itemURL+"/tasks", map[string]any{
		"text":   "Xây dựng kế hoạch giải ngân vốn đầu tư công năm 2027, giao chi tiết cho từng chủ đầu tư",
		"sector": "economy", "lead": finance, "support": []int64{construction}, "leader_id": vice["id"],
		"due": map[string]any{"text": "trong tháng 1/2027"}})
	taskURL := fmt.Sprintf("/api/v1/tasks/%v", task["id"])

	// A unit proposes a task for the quarter; the office takes it into the draft.
	prop := x.example("proposalCreate", "phongbaocao", http.MethodPost, "/api/v1/proposals", map[string]any{
		"period": "2027-Q1", "kind": "task", "sector": "economy",
		"text":     "Tổng kết công tác quyết toán ngân sách địa phương năm 2026",
		"due_text": "trong tháng 3/2027", "source": "Luật Ngân sách nhà nước năm 2015"})
	x.example("proposalList", "vanphong", http.MethodGet, "/api/v1/proposals?period=2027-Q1&limit=2", nil)
	propURL := fmt.Sprintf("/api/v1/proposals/%v", prop["id"])
	x.example("proposalShow", "vanphong", http.MethodGet, propURL, nil)
	x.example("proposalDecide", "vanphong", http.MethodPost, propURL+"/decision", map[string]any{
		"version": prop["version"], "action": "accept", "program_id": p["id"], "parent_item_id": item["id"]})
	x.example("programShow", "vanphong", http.MethodGet, programURL, nil)

	version := func(login string) any { return x.send(login, http.MethodGet, programURL, nil)["version"] }
	x.send("vanphong", http.MethodPost, programURL+"/transitions", map[string]any{"version": version("vanphong"), "action": "submit"})
	comment := x.example("commentCreate", "chutich", http.MethodPost, programURL+"/comments", map[string]any{
		"task_id": task["id"], "text": "Đề nghị ghi thời hạn cụ thể, chậm nhất ngày 15/01/2027, để kịp giao vốn cho các chủ đầu tư."})
	x.send("chutich", http.MethodPost, programURL+"/transitions", map[string]any{"version": version("chutich"), "action": "return",
		"comment": "Văn phòng hoàn chỉnh thời hạn các nhiệm vụ theo ý kiến góp ý."})
	x.example("commentShow", "vanphong", http.MethodGet, fmt.Sprintf("%s/comments/%v", programURL, comment["id"]), nil)
	x.example("taskUpdate", "vanphong", http.MethodPatch, taskURL, map[string]any{"version": task["version"],
		"due": map[string]any{"text": "chậm nhất ngày 15/01/2027"}})
	x.send("vanphong", http.MethodPost, programURL+"/transitions", map[string]any{"version": version("vanphong"), "action": "submit"})
	x.example("programTransition", "chutich", http.MethodPost, programURL+"/transitions",
		map[string]any{"version": version("chutich"), "action": "approve"})
	issued := x.example("programIssue", "cvp", http.MethodPost, programURL+"/issue",
		map[string]any{"version": version("cvp"), "copies": 45, "keeper": "VT, TH"})
	x.example("programVersions", "vanphong", http.MethodGet, programURL+"/versions?a=1&b=3", nil)
	x.example("programFile", "phongbaocao", http.MethodGet, programURL+"/files/chuong-trinh.docx", nil)

	// The tasks of the issued program: deferred, done, reopened, cancelled.
	tasks := x.send("vanphong", http.MethodGet, fmt.Sprintf("/api/v1/tasks?program=%v&limit=2", p["id"]), nil)["items"].([]any)
	proposed := tasks[0].(map[string]any)
	if proposed["id"] == task["id"] {
		proposed = tasks[1].(map[string]any)
	}
	task = x.send("vanphong", http.MethodGet, taskURL, nil)
	task = x.example("taskDefer", "vanphong", http.MethodPost, taskURL+"/deferrals", map[string]any{
		"version": task["version"], "to": map[string]any{"text": "chậm nhất trong tháng 2/2027"},
		"reason":      "Chờ Hội đồng nhân dân tỉnh thông qua kế hoạch đầu tư công trung hạn điều chỉnh.",
		"approved_by": vice["id"]})
	x.example("taskShow", "phongbaocao", http.MethodGet, taskURL, nil)
	task = x.example("taskComplete", "vanphong", http.MethodPost, taskURL+"/completion", map[string]any{
		"version": task["version"], "done_on": "2026-11-27"})
	x.example("taskReopen", "vanphong", http.MethodPost, taskURL+"/reopen", map[string]any{
		"version": task["version"], "reason": "Kế hoạch giao vốn còn thiếu danh mục dự án khởi công mới."})
	x.example("taskCancel", "vanphong", http.MethodPost, fmt.Sprintf("/api/v1/tasks/%v/cancellation", proposed["id"]),
		map[string]any{"version": proposed["version"], "reason": "Đã đưa vào Chương trình công tác năm 2027 của Ủy ban nhân dân tỉnh."})
	x.example("programAmend", "cvp", http.MethodPost, programURL+"/amend", map[string]any{"version": issued["version"]})
	x.example("auditList", "cvp", http.MethodGet, fmt.Sprintf("/api/v1/audit?entity=program&entity_id=%v&limit=2", p["id"]), nil)

	// January's draft loses an item and a task added to it, then the draft itself.
	extra := x.send("vanphong", http.MethodPost, janURL+"/items", map[string]any{"heading": "CÁC NHIỆM VỤ KHÁC"})
	spare := x.send("vanphong", http.MethodPost, fmt.Sprintf("/api/v1/items/%v/tasks", extra["id"]), map[string]any{
		"text": "Sơ kết công tác cải cách hành chính năm 2026", "lead": x.org("Sở Nội vụ"),
		"due": map[string]any{"text": "trong tháng 1/2027"}})
	x.example("taskDelete", "vanphong", http.MethodDelete, fmt.Sprintf("/api/v1/tasks/%v?version=%v", spare["id"], spare["version"]), nil)
	extra = x.send("vanphong", http.MethodGet, fmt.Sprintf("/api/v1/items/%v", extra["id"]), nil)
	x.example("itemDelete", "vanphong", http.MethodDelete, fmt.Sprintf("/api/v1/items/%v?version=%v", extra["id"], extra["version"]), nil)
	jan = x.send("vanphong", http.MethodGet, janURL, nil)
	x.example("programDelete", "vanphong", http.MethodDelete, fmt.Sprintf("%s?version=%v", janURL, jan["version"]), nil)
}
