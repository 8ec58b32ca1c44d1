package web

import (
	"net/http"
)

func init() { pageSamples = append(pageSamples, editorSamples) }

// editorSamples covers the pages of drafting, review and issue: the new program form, the
// editor, the conflict page, the versions page and the program's workflow panel.
func editorSamples(s *Server, r *http.Request) []pageSample {
	l := func(title string) layout { return s.layout(r, title) }
	orgs := []option{{Value: "5", Label: "Sở Tài chính"}, {Value: "6", Label: "Sở <Xây dựng>"}}
	c := editorChoices{orgs: newChoices(orgs), supports: newCheckChoices("support", orgs),
		leaders: newChoices([]option{{Label: "Không ghi"}, {Value: "1", Label: "Lê Minh Đức – Chủ tịch"}}),
		signers: newChoices([]option{{Label: "Người khác"}, {Value: "5", Label: "Chánh Văn phòng: Đỗ Thanh Sơn"}}),
		items:   newChoices(itemChoices(nil)), sectors: newChoices(sectorOptions()), styles: newChoices(styleOptions),
		recurs: newChoices(recurOptions), weekdays: newChoices(weekdayOptions()), comparators: newChoices(comparatorOptions),
		authorities: newChoices(authorityOptions)}
	task := &taskForm{Action: "/tasks/3", Anchor: "task-3", Program: 9, Version: 2, Text: "Quyết toán <vốn>",
		Lead: "5", Support: []string{"6", "77"}, Due: "chậm nhất trong tháng 1/2027", Understood: "→ 31/01/2027 (tháng)",
		Carried: true, CarriedHref: "/tasks/1", Summary: "Quyết toán <vốn>", Recur: recurForm{Kind: recurWeekly, Every: "1", Weekdays: []string{"TH"}},
		Errors: map[string]string{"due": "Ngày 31/4/2026 không có trên lịch."}}
	task.fill(c)
	newTask := &taskForm{Action: "/items/4/tasks", Anchor: "newtask-4", Program: 9, New: true, Errors: map[string]string{}}
	newTask.fill(c)
	item := &itemForm{Action: "/items/4", Anchor: "item-4", Program: 9, Version: 1, Heading: "Về phát triển kinh tế",
		Errors: map[string]string{}}
	item.fill(c)
	add := &itemForm{Action: "/programs/9/items", Anchor: "add-4", Program: 9, Ref: "4", Place: "after", Errors: map[string]string{}}
	add.fill(c)
	loose := *task // a task under no item, apart from the item's
	loose.Action, loose.Anchor, loose.Loose = "/tasks/5", "task-5", true
	top := &itemForm{Action: "/programs/9/items", Anchor: "top", Program: 9, Errors: map[string]string{}}
	top.fill(c)
	prog := &programForm{Action: "/programs/9", Version: 3, Title: "Công tác tháng 12", Recipients: "Lưu: VT, TH.",
		Lines: []signLineForm{{N: 1, Authority: "TL.", Of: "CHỦ TỊCH"}, {N: 2}, {N: 3}}, Signer: "5",
		Errors: map[string]string{"also": "Kỳ “quý V” không hợp lệ."}}
	prog.fill(c)
	comment := commentView{ID: 2, Program: 9, Text: "Bổ sung chỉ tiêu thu ngân sách", Author: "Lê Minh Đức", At: "9 giờ 00, ngày 27/11/2026"}
	edit := editorPage{layout: l("Soạn thảo: Công tác tháng 12"), ID: 9, Href: "/programs/9", Version: 3, CanSubmit: true,
		CanDelete: true, Status: statusView{"returned", "Trả lại"}, Returned: "Bổ sung chỉ tiêu (Lê Minh Đức, 9 giờ 00, ngày 27/11/2026)", Problems: []string{"Nhiệm vụ chưa lưu được."}, Jump: "task-3",
		Program: prog, Comments: []commentView{comment}, NewPart: top, Loose: []*taskForm{&loose},
		Items: []itemView{{ID: 4, Anchor: "item-4", Label: "1.1.", Title: "Về phát triển kinh tế", Depth: 2, Form: item, Add: add,
			NewTask: newTask, Tasks: []*taskForm{task}, Comments: []commentView{comment}, TaskCount: 1, Version: 1,
			MoveAction: "/items/4/move", DelAction: "/items/4/delete", DeleteError: "Đánh dấu ô xác nhận."}}}
	panel := &workflowPanel{Href: "/programs/9", EditHref: "/programs/9/edit", VersionsHref: "/programs/9/versions", Version: 4,
		Submit: true, Recall: true, Approve: true, Return: true, Issue: true, Amend: true, Comment: true, Publish: true,
		issueForm: issueForm{IssuedOn: "27/11/2026", Copies: "x"}, Expected: "25/CTr-UBND", ReturnComment: "Bổ sung", CommentItems: []option{{Label: "Cả chương trình"}},
		Comments: []commentView{{Where: "Mục 1.", Text: "Rõ hơn chỉ tiêu", Resolved: true}},
		Errors: map[string]string{"comment": "Khi trả lại cần ghi ý kiến để Văn phòng sửa.",
			"copies": "Số lượng bản phải là một số không âm, ví dụ 30."}}
	confirm := *panel
	confirm.Confirm = &issueConfirm{issueForm: issueForm{IssuedOn: "27/11/2026", Copies: "30", Keeper: "VT, TH"}, Number: "26",
		Code: "26/CTr-UBND", Date: "Sơn Hà, ngày 27 tháng 11 năm 2026", Changed: "Số 25/CTr-UBND đã được cấp cho văn bản khác vừa ban hành."}
	return []pageSample{
		{programNewPage{layout: l("Soạn chương trình mới"), Form: programNewForm{Org: "1", Kind: "month", Year: "2026",
			Number: "12", Orgs: []option{{Value: "1", Label: "UBND tỉnh", Selected: true}}, Kinds: optionsOf(newFormKinds, periodKindLabel, "month"),
			General: []string{"Đã có chương trình tháng 12 năm 2026."}, Existing: "/programs/13", ExistingTitle: "Công tác tháng 12",
			Errors: map[string]string{"number": "Số thứ tự kỳ 13 không hợp lệ."}}}, `href="/programs/13"`},
		{edit, "→ 31/01/2027 (tháng)"},
		{edit, "Lãnh đạo trả lại: Bổ sung chỉ tiêu"},
		{edit, `<label><input type="checkbox" name="support" value="6" checked> Sở &lt;Xây dựng&gt;</label>`},
		{edit, `<label><input type="checkbox" name="support" value="77" checked> (mã 77)</label></div>`},
		{edit, "Ngày 31/4/2026 không có trên lịch."},
		{edit, `action="/comments/2/resolve"`},
		{editorPage{layout: l("Soạn thảo"), Program: prog, NewPart: add}, "Chương trình chưa có mục nào."},
		{editorPage{layout: l("Soạn thảo"), Program: prog, NewPart: add, Items: []itemView{{ID: 4, Label: "1.", Form: item,
			AddTaskHref: "/programs/9/edit?at=4&add=task#newtask-4", AddItemHref: "/programs/9/edit?at=4&add=item#add-4"}}},
			`href="/programs/9/edit?at=4&amp;add=task#newtask-4"`},
		{conflictPage{layout: l("Có người vừa lưu nhiệm vụ"), What: "nhiệm vụ", Action: "/tasks/3", Version: 4,
			Rows:   []conflictRow{{Label: "Nội dung", Mine: "Bản của tôi", Saved: "Bản đã lưu", Differs: true}},
			Fields: []hiddenField{{Name: "text", Value: "Bản của tôi"}}, Back: "/programs/9/edit#task-3"},
			`<input type="hidden" name="text" value="Bản của tôi">`},
		{versionsPage{layout: l("Các phiên bản"), Href: "/programs/9", Versions: []versionRow{{Number: 2, Action: "Trả lại",
			By: "Lê Minh Đức", Comment: "Sửa mục 1.", DiffHref: "/programs/9/versions?a=1&b=2"}}, A: "1", B: "2",
			ChoicesA: []option{{Value: "1", Label: "1 – Trình duyệt", Selected: true}}, Compared: true,
			Changes: []changeRow{{Op: "add", OpLabel: "Thêm", Entity: "Nhiệm vụ", After: "Tổng kết năm"}}}, "Tổng kết năm"},
		{versionsPage{layout: l("Các phiên bản"), Errors: map[string]string{"a": "Không có phiên bản \"9\"."}},
			"Chương trình chưa qua bước nào"},
		{programPage{layout: l("Công tác tháng 12"), Workflow: panel}, "Khi trả lại cần ghi ý kiến để Văn phòng sửa."},
		{programPage{layout: l("Công tác tháng 12"), Workflow: panel}, "Công bố trên trang công khai"},
		{programPage{layout: l("Công tác tháng 12"), Workflow: panel}, "Số dự kiến nếu ban hành hôm nay: <strong>25/CTr-UBND</strong>"},
		{programPage{layout: l("Công tác tháng 12"), Workflow: panel}, `aria-describedby="loi-wf-copies"`},
		{programPage{layout: l("Công tác tháng 12"), Workflow: &confirm}, `<strong class="wf-number">Số: 26/CTr-UBND</strong>, Sơn Hà, ngày 27 tháng 11 năm 2026.`},
		{programPage{layout: l("Công tác tháng 12"), Workflow: &confirm}, `<input type="hidden" name="keeper" value="VT, TH">`},
		{programPage{layout: l("Công tác tháng 12"), Workflow: &confirm}, "đã được cấp cho văn bản khác"},
		{programPage{layout: l("Công tác tháng 12"), Returned: &returnNote{Text: "Bổ sung chỉ tiêu", By: "Lê Minh Đức",
			At: "07/12/2026 09:30", Current: true}}, `<p class="notice">Bổ sung chỉ tiêu</p>`},
		{programPage{layout: l("Công tác tháng 12"), Returned: &returnNote{Text: "Bổ sung chỉ tiêu", By: "Lê Minh Đức",
			At: "07/12/2026 09:30"}}, "Ý kiến khi trả lại lần trước"},
	}
}
