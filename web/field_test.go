package web

import (
	"fmt"
	"html/template"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"text/template/parse"

	"github.com/PuerkitoBio/goquery"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
)

// fieldWiring returns what is wrong with how the page doc ties its fields to their
// messages: a control marked invalid must be described by its message; a field's message
// (an element of class field-error with an id) must have the id "loi-" + its control's id
// when the control has one, be unique in the page, and describe exactly one control or
// fieldset.
func fieldWiring(doc *goquery.Document) []string {
	var out []string
	ids := map[string]int{}
	doc.Find("[id]").Each(func(_ int, e *goquery.Selection) { ids[e.AttrOr("id", "")]++ })
	describes := map[string][]*goquery.Selection{}
	doc.Find("[aria-describedby]").Each(func(_ int, e *goquery.Selection) {
		for _, id := range strings.Fields(e.AttrOr("aria-describedby", "")) {
			describes[id] = append(describes[id], e)
		}
	})
	doc.Find(`[aria-invalid="true"]`).Each(func(_ int, e *goquery.Selection) {
		name := goquery.NodeName(e) + "#" + e.AttrOr("id", "") + "[name=" + e.AttrOr("name", "") + "]"
		ref := e.AttrOr("aria-describedby", "")
		msg := doc.Find("#" + ref)
		switch {
		case ref == "":
			out = append(out, name+" is marked invalid without aria-describedby")
		case ids[ref] != 1:
			out = append(out, fmt.Sprintf("%s is described by #%s, found %d times", name, ref, ids[ref]))
		case !msg.HasClass("field-error") || strings.TrimSpace(msg.Text()) == "":
			out = append(out, fmt.Sprintf("%s is described by #%s, which is no field's message", name, ref))
		}
	})
	doc.Find(".field-error[id]").Each(func(_ int, e *goquery.Selection) {
		id := e.AttrOr("id", "")
		controls := describes[id]
		switch {
		case !strings.HasPrefix(id, errorIDPrefix):
			out = append(out, fmt.Sprintf("message #%s: the id does not start with %q", id, errorIDPrefix))
		case ids[id] != 1:
			out = append(out, fmt.Sprintf("message #%s is found %d times", id, ids[id]))
		case len(controls) != 1:
			out = append(out, fmt.Sprintf("message #%s describes %d elements, want 1", id, len(controls)))
		case controls[0].AttrOr("id", "") != "" && errorIDPrefix+controls[0].AttrOr("id", "") != id:
			out = append(out, fmt.Sprintf("message #%s describes #%s", id, controls[0].AttrOr("id", "")))
		case !controls[0].Is("fieldset") && controls[0].AttrOr("aria-invalid", "") != "true":
			out = append(out, fmt.Sprintf("message #%s describes #%s, which is not marked invalid", id, controls[0].AttrOr("id", "")))
		}
	})
	return out
}

// wiredMessages returns the texts of the field messages of doc that describe a control or
// fieldset.
func wiredMessages(doc *goquery.Document) []string {
	var out []string
	doc.Find(".field-error[id]").Each(func(_ int, e *goquery.Selection) {
		if doc.Find(fmt.Sprintf("[aria-describedby~=%q]", e.AttrOr("id", ""))).Length() == 1 {
			out = append(out, strings.TrimSpace(e.Text()))
		}
	})
	return out
}

// fieldSample is a page as a refused form re-renders it (422): every message of msgs, one
// by field, must show by its field, wired to it.
type fieldSample struct {
	data pageData
	msgs map[string]string
}

// messagesOn returns a message for each of the fields named, saying which, for the form
// what: "Ô kind của mẫu tạo đơn vị chưa đúng."
func messagesOn(what string, fields ...string) map[string]string {
	out := map[string]string{}
	for _, f := range fields {
		out[f] = fmt.Sprintf("Ô %s của mẫu %s chưa đúng.", f, what)
	}
	return out
}

// joined returns the messages of ms together, for a sample whose page has several forms.
func joined(ms ...map[string]string) map[string]string {
	out := map[string]string{}
	for i, m := range ms {
		for k, v := range m {
			out[fmt.Sprint(i, k)] = v
		}
	}
	return out
}

// fieldSamples returns, for every page with fields, the page with a message on each of
// its fields, as a refused form re-renders it.
func fieldSamples(s *Server, r *http.Request) []fieldSample {
	l := func(title string) layout { return s.layout(r, title) }
	choices := []option{{Value: "1", Label: "Ủy ban nhân dân tỉnh"}, {Value: "2", Label: "— Văn phòng", Selected: true}}
	var out []fieldSample
	add := func(data pageData, msgs ...map[string]string) {
		out = append(out, fieldSample{data, joined(msgs...)})
	}

	password, disable := messagesOn("đổi mật khẩu", "current_password", "new_password", "confirm_password"), messagesOn("tắt xác thực", "current_password")
	token := messagesOn("tạo mã", "name")
	add(accountPage{layout: l("Tài khoản"), TOTPOn: true, PasswordErrors: password, DisableErrors: disable, TokenErrors: token},
		password, disable, token)
	code := messagesOn("mã xác thực", "code")
	add(accountTOTPPage{layout: l("Xác thực hai lớp"), Secret: "ABCD", Errors: code}, code)

	audit := messagesOn("lọc nhật ký", "user", "org", "entity", "entity_id", "from", "to")
	add(auditListPage{layout: l("Nhật ký"), Users: choices, Orgs: choices, Entities: choices, Errors: audit}, audit)

	create, rename := messagesOn("tạo đơn vị", "name", "short_name", "display_name", "kind", "parent_id", "valid_from"),
		messagesOn("đổi tên", "name", "short_name", "display_name")
	merge, members := messagesOn("sáp nhập", "successor_id", "on"), messagesOn("thành viên", "members", "fill_kind")
	add(orgListPage{layout: l("Cơ quan, đơn vị"), Create: orgForm{Kinds: choices, Parents: choices, Errors: create},
		Edit: &orgEdit{ID: 5, Name: "Phòng Kinh tế", Successors: choices, RenameErrors: rename, MergeErrors: merge}},
		create, rename, merge)
	add(orgListPage{layout: l("Cơ quan, đơn vị"), Edit: &orgEdit{ID: 6, Name: "UBND các xã",
		Members: &memberForm{Orgs: choices, Kinds: choices, Errors: members}}}, members)

	person, edit := messagesOn("thêm cán bộ", "full_name", "org_id", "email", "phone"), messagesOn("sửa cán bộ", "full_name", "org_id", "email", "phone")
	end, post := messagesOn("thôi giữ", "on"), messagesOn("thêm chức vụ", "kind", "title", "org_id", "sectors", "from")
	add(personListPage{layout: l("Cán bộ"), Create: personForm{Orgs: choices, Errors: person},
		Edit: &personEdit{ID: 7, Name: "Lê Minh Đức", Form: personForm{Orgs: choices, Errors: edit},
			Posts:   []postRow{{ID: 9, Active: true, CanEnd: true, EndErrors: end}},
			NewPost: postForm{Kinds: choices, Orgs: choices, Sectors: choices, Errors: post}}},
		person, edit, end, post)

	settings := messagesOn("cấu hình", "body_name", "parent_body", "place", "series", "sign_lines", "sign_title", "sign_name",
		"materials_lead_days", "briefing_day", "briefing_time", "holidays", "working_saturdays", "national_day", "proposal_year",
		"proposal_quarter", "proposal_month", "proposal_week")
	global := messagesOn("cấu hình chung", "smtp_port")
	add(settingsPage{layout: l("Cấu hình"), Form: newSettingsForm(congtac.Committee{Settings: congtac.DefaultSettings()}),
		Errors: settings, Global: &globalForm{}, GlobalErrs: global}, settings, global)

	account, user, reset := messagesOn("tạo tài khoản", "login", "display_name", "role", "org_id", "person_id", "password"),
		messagesOn("sửa tài khoản", "display_name", "role", "org_id", "person_id"), messagesOn("đặt lại mật khẩu", "new_password")
	add(userListPage{layout: l("Tài khoản"), Create: userForm{Roles: choices, Orgs: choices, People: choices, Errors: account},
		Edit: &userEdit{ID: 1, Login: "admin", Form: userForm{Roles: choices, Orgs: choices, People: choices, Errors: user},
			PasswordErrors: reset}}, account, user, reset)

	add(calendarPage{layout: l("Lịch công tác tuần"), Week: "x", Error: "Tuần không đúng dạng."},
		map[string]string{"week": "Tuần không đúng dạng."})
	meeting := messagesOn("hội nghị", "org_id", "kind", "title", "date", "start", "recurrence", "off_days", "place", "chair_id",
		"invited_people", "invited_orgs", "attendees", "program_id", "note")
	item, newItem := messagesOn("nội dung trình", agendaFields...), messagesOn("thêm nội dung", agendaFields...)
	sitting := messagesOn("buổi họp", "occurrence", "date", "start", "place", "note")
	status := messagesOn("trạng thái", "note")
	add(meetingEditPage{layout: l("Sửa hội nghị"), ID: 4, Form: &meetingForm{Action: "/meetings/4", Orgs: choices,
		Chairs: choices, Programs: choices, Errors: meeting},
		Agenda:   []*agendaForm{{Action: "/agenda/7", ID: 7, Number: 1, Leads: choices, Presenters: choices, Errors: item}},
		NewItem:  &agendaForm{Action: "/meetings/4/agenda", Number: 2, Leads: choices, Errors: newItem},
		Status:   &statusForm{Action: "/meetings/4/status", Status: "planned", Errors: status},
		Sittings: &sittingForm{Action: "/meetings/4/sittings", Upcoming: choices, Errors: sitting}},
		meeting, item, newItem, sitting, status)
	entry := messagesOn("lịch công tác", engagementFields...)
	delete(entry, "part") // shown on the time's field ([engagementForm.setErrors])
	add(engagementPage{layout: l("Sửa lịch công tác"), ID: 3, Form: &engagementForm{Action: "/calendar/entries/3",
		Version: 2, Leaders: choices, Preparers: choices, Errors: entry}}, entry)
	added := messagesOn("thêm lịch", "person_id", "date", "start", "title")
	add(calendarPage{layout: l("Lịch công tác tuần"), Week: "2026-W50", Calendar: &calendarView{Heading: "Tuần thứ 50"},
		Manage: &calendarManage{Org: 1, Week: "2026-W50", Form: &engagementForm{Action: "/calendar/entries",
			Leaders: choices, Preparers: choices, Errors: added}}}, added)
	add(meetingListPage{layout: l("Hội nghị"), MonthKey: "x", Error: "Tháng không đúng dạng."},
		map[string]string{"month": "Tháng không đúng dạng."})

	programs := messagesOn("lọc chương trình", "kind", "year", "status", "org", "q")
	add(programListPage{layout: l("Chương trình"), Filter: programFilterForm{Kinds: choices, Statuses: choices, Orgs: choices},
		Errors: programs}, programs)
	tasks := messagesOn("lọc nhiệm vụ", "status", "org", "sector", "leader", "period", "q")
	add(taskListPage{layout: l("Nhiệm vụ"), Filter: taskFilterForm{Statuses: choices, Orgs: newChoices(choices).html(),
		Sectors: choices, Leaders: newChoices(choices).html()}, Errors: tasks}, tasks)
	reports := messagesOn("lọc báo cáo", "status", "org")
	add(reportListPage{layout: l("Báo cáo"), Statuses: choices, Orgs: choices, Errors: reports}, reports)
	boards := messagesOn("bảng theo dõi", "committee", "lead", "period", "by")
	bp := boardPage{layout: l("Bảng theo dõi"), Errors: boards}
	bp.Filter = boardFilterFields(choices, choices, "", "org", boards)
	add(bp, boards)
	versions := messagesOn("so sánh", "a", "b")
	add(versionsPage{layout: l("Các phiên bản"), ChoicesA: choices, ChoicesB: choices, Errors: versions}, versions)
	draft := messagesOn("soạn chương trình", "org", "kind", "number", "year")
	add(programNewPage{layout: l("Soạn chương trình mới"), Form: programNewForm{Orgs: choices, Kinds: choices, Errors: draft}}, draft)

	workflow := messagesOn("duyệt", "comment", "issued_on", "copies", "keeper", "item_id", "text")
	add(programPage{layout: l("Công tác tháng 12"), Workflow: &workflowPanel{Href: "/programs/9", Return: true, Issue: true,
		Comment: true, CommentItems: choices, Errors: workflow}}, workflow)
	out = append(out, editorFieldSample(l("Soạn thảo")))

	proposal, decision := messagesOn("đăng ký", "org_id", "committee_id", "kind", "text", "sector", "lead", "support", "due_text", "source"),
		messagesOn("xử lý", "target", "reason")
	add(proposalsPage{layout: l("Đăng ký nội dung"), Label: "tháng 1 năm 2027", Office: true,
		Open: []proposalRow{{ID: 5, Decide: &decisionForm{ID: 5, Targets: []optionGroup{{Label: "Công tác tháng 1", Options: choices}},
			Errors: decision}}},
		Form: &proposalForm{Orgs: choices, Committees: choices, Kinds: choices, Sectors: choices, Leads: choices,
			Supports: choices, Errors: proposal}}, proposal, decision)

	report, review := messagesOn("báo cáo", "org", "occurrence", "text", "percent", "done_on", "value"), messagesOn("ý kiến duyệt", "action", "note")
	form := &reportForm{Orgs: choices, Occurrences: choices, Target: "trên 50%", Errors: report}
	add(reportPage{layout: l("Báo cáo tiến độ"), Edit: form, Review: &reviewForm{Errors: review}}, report, review)
	add(taskPage{layout: l("Nhiệm vụ"), Form: form}, report)
	out = append(out, importFieldSamples(l, choices)...)
	return out
}

// editorFieldSample returns the editor with a message on every field of each of its forms:
// the program's, an item's and a task's, and the item's delete confirmation.
func editorFieldSample(l layout) fieldSample {
	item, newPart := messagesOn("sửa mục", "heading", "text"), messagesOn("thêm phần", "heading", "text")
	task, loose := messagesOn("sửa nhiệm vụ", "text", "lead", "due", "source"), messagesOn("nhiệm vụ chưa xếp", "text", "lead", "due", "source")
	program := messagesOn("thông tin chung", "title", "also", "place", "recipients", "sign")
	del := map[string]string{"confirm": "Đánh dấu ô xác nhận."}
	page := editorPage{layout: l, ID: 9, Program: &programForm{Errors: program},
		NewPart: &itemForm{Anchor: "top", Errors: newPart},
		Loose:   []*taskForm{{Anchor: "task-4", Errors: loose}},
		Items: []itemView{{ID: 4, Anchor: "item-4", Label: "1.", Form: &itemForm{Anchor: "item-4", Version: 1, Errors: item},
			Tasks: []*taskForm{{Anchor: "task-3", Version: 2, Errors: task}}, TaskCount: 1, DeleteError: del["confirm"]}}}
	return fieldSample{page, joined(item, newPart, task, loose, program, del)}
}

// TestRefusedFormsShowEachMessageByItsField renders every page with fields as a refused
// form re-renders it, a message on each field, and checks that each message shows by its
// control, which is marked invalid and described by it (fieldsets are described only). A
// page that shows a field's message (its templates reach "field-error") without such a
// sample fails the test.
func TestRefusedFormsShowEachMessageByItsField(t *testing.T) {
	s, _ := newTestServer(t, storetest.Open(t, store.SQLite))
	samples := fieldSamples(s, httptest.NewRequest("GET", "/", nil))
	for name, page := range s.pages {
		if reaches(page, "content", "field-error", map[string]bool{}) &&
			!slices.ContainsFunc(samples, func(c fieldSample) bool { return c.data.template() == name }) {
			t.Errorf("page %q shows field messages but has no sample with them", name)
		}
	}
	for _, c := range samples {
		body, ok := renderPage(t, s, c.data)
		if !ok {
			continue
		}
		doc := html(t, body)
		for _, p := range fieldWiring(doc) {
			t.Errorf("%s: %s", c.data.template(), p)
		}
		wired := wiredMessages(doc)
		for _, key := range slices.Sorted(maps.Keys(c.msgs)) {
			if !slices.Contains(wired, c.msgs[key]) {
				t.Errorf("%s: message %q is not shown by its field", c.data.template(), c.msgs[key])
			}
		}
		if len(wired) != len(c.msgs) {
			t.Errorf("%s: %d field messages shown, want %d", c.data.template(), len(wired), len(c.msgs))
		}
	}
}

// reaches reports whether template name of page calls, directly or through the templates
// it calls, the template target.
func reaches(page *template.Template, name, target string, seen map[string]bool) bool {
	t := page.Lookup(name)
	if seen[name] || t == nil || t.Tree == nil {
		return false
	}
	seen[name] = true
	var walk func(n parse.Node) bool
	walk = func(n parse.Node) bool {
		switch n := n.(type) {
		case *parse.ListNode:
			return n != nil && slices.ContainsFunc(n.Nodes, walk)
		case *parse.IfNode:
			return walk(n.List) || walk(n.ElseList)
		case *parse.RangeNode:
			return walk(n.List) || walk(n.ElseList)
		case *parse.WithNode:
			return walk(n.List) || walk(n.ElseList)
		case *parse.TemplateNode:
			return n.Name == target || reaches(page, n.Name, target, seen)
		}
		return false
	}
	return walk(t.Tree.Root)
}
