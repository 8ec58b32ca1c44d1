package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"congtac"
	"congtac/store"
	"congtac/store/storetest"
	"congtac/vn"
)

// editorWorld is a fresh demo with the office's drafter, its head, the chairman and a
// department's reporter signed in, and December 2026's program drafted by the editor from
// the demo's newest month's (the demo's own draft of it deleted first).
type editorWorld struct {
	st                       *store.Store
	s                        *Server
	drafter, cvp, chair, rep *client
	p                        congtac.Program // the draft of the month after the demo's newest
	month                    congtac.Period  // p's month
}

// newEditorWorld builds an [editorWorld] on engine e.
func newEditorWorld(t *testing.T, e store.Engine) *editorWorld {
	t.Helper()
	st := newDemo(t, e)
	s, _ := newTestServer(t, st)
	srv := startServer(t, s)
	w := &editorWorld{st: st, s: s, drafter: as(t, s, srv, "vanphong"), cvp: as(t, s, srv, "cvp"),
		chair: as(t, s, srv, "chutich"), rep: as(t, s, srv, "phongbaocao")}
	w.month = demoMonth(t, st).Next()
	old := findProgramOf(t, st, w.month)
	create := url.Values{"org": {"1"}, "kind": {"month"}, "year": {strconv.Itoa(w.month.Year)}, "number": {strconv.Itoa(w.month.Number)}}
	r := w.drafter.post("/programs", create)
	mustStatus(t, "a second program of the month", r, http.StatusConflict)
	assertContains(t, r.body, "Đã có chương trình "+w.month.String(), fmt.Sprintf(`href="/programs/%d"`, old.ID))
	mustRedirect(t, "delete the demo's draft", w.drafter.post(fmt.Sprintf("/programs/%d/delete", old.ID),
		url.Values{"version": {strconv.Itoa(old.Version)}}), "/programs")
	r = w.drafter.post("/programs", create)
	if r.status != http.StatusSeeOther || !strings.HasSuffix(r.location, "/edit") {
		t.Fatalf("create %s = %d to %q:\n%s", w.month, r.status, r.location, mainExcerpt(r.body))
	}
	w.p = findProgramOf(t, st, w.month)
	// Last month's unfinished tasks came with their missed deadlines: the office keeps them.
	mustRedirect(t, "keep the carried deadlines", w.drafter.post(fmt.Sprintf("/programs/%d/carried-deadlines", w.p.ID),
		url.Values{"choice": {"keep"}}), fmt.Sprintf("/programs/%d/edit#items", w.p.ID))
	w.p = findProgramOf(t, st, w.month)
	return w
}

// findProgramOf returns the demo committee's program of period with its items and tasks.
func findProgramOf(t *testing.T, st *store.Store, per congtac.Period) congtac.Program {
	t.Helper()
	province := demoOrg(t, st, "Ủy ban nhân dân tỉnh Sơn Hà").ID
	ps, _, err := st.FindPrograms(ctxb, congtac.ProgramFilter{OrgID: &province, Period: &per, Limit: 1})
	if err != nil || len(ps) == 0 {
		t.Fatalf("no program of %s: %v", per, err)
	}
	p, err := st.FindProgramByID(ctxb, ps[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// reload reads the world's program again.
func (w *editorWorld) reload(t *testing.T) congtac.Program {
	t.Helper()
	p, err := w.st.FindProgramByID(ctxb, w.p.ID)
	if err != nil {
		t.Fatal(err)
	}
	w.p = p
	return p
}

// editor returns the editor page of the world's program.
func (w *editorWorld) editor(t *testing.T) string {
	t.Helper()
	r := w.drafter.get(fmt.Sprintf("/programs/%d/edit", w.p.ID))
	mustStatus(t, "editor", r, http.StatusOK)
	return r.body
}

// itemLabelled returns the item of the world's program labelled label.
func (w *editorWorld) itemLabelled(t *testing.T, label string) congtac.Item {
	t.Helper()
	for _, it := range w.reload(t).Items {
		if it.Label == label {
			return it
		}
	}
	t.Fatalf("no item %s", label)
	return congtac.Item{}
}

// itemHeaded returns the item of the world's program with that heading.
func (w *editorWorld) itemHeaded(t *testing.T, heading string) congtac.Item {
	t.Helper()
	for _, it := range w.reload(t).Items {
		if it.Heading == heading {
			return it
		}
	}
	t.Fatalf("no item %q", heading)
	return congtac.Item{}
}

// newTaskValues returns the values of a new task's form: text, lead org and deadline.
func newTaskValues(p congtac.Program, text, lead, due string) url.Values {
	return url.Values{"program": {idText(p.ID)}, "text": {text}, "lead": {lead}, "due": {due}}
}

func TestEditorDraftsNextMonthFromThisMonth(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			w := newEditorWorld(t, e)
			body := w.editor(t)
			carried := 0
			for _, task := range w.p.Tasks {
				if task.CarriedFrom != 0 {
					carried++
				}
			}
			if carried == 0 {
				t.Fatalf("the draft of %s carries no task over from the month before", w.month)
			}
			doc := html(t, body)
			if got := doc.Find(".ed-task .mark").Length(); got != carried {
				t.Errorf("editor marks %d tasks Chuyển tiếp, want %d", got, carried)
			}
			if got := texts(doc, ".ed-label"); len(got) < 4 || got[0] != "A." || got[1] != "1." {
				t.Errorf("labels = %v, want A., 1. …", got)
			}
			if !strings.Contains(w.p.Title, fmt.Sprintf("tháng %d ", w.month.Number)) || !strings.HasSuffix(w.p.Title, fmt.Sprintf("năm %d", w.month.Year)) {
				t.Errorf("title %q, want the month's: %s", w.p.Title, w.month)
			}
			assertContains(t, body, "Soạn thảo: "+w.p.Title, `data-org-picker`,
				"Trình lãnh đạo duyệt", "Lưu: VT, TH.")
			assertContains(t, w.drafter.get("/programs").body, `href="/programs/new"`)
			assertLacks(t, w.chair.get("/programs").body, `href="/programs/new"`)
			r := w.drafter.get("/programs/new")
			mustStatus(t, "new program form", r, http.StatusOK)
			if n, want := html(t, r.body).Find(`select[name="number_month"] option[selected]`).AttrOr("value", ""), strconv.Itoa(w.month.Next().Number); n != want {
				t.Errorf("new program proposes month %q, want %s (the month after %s)", n, want, w.month)
			}
		})
	}
}

func TestEditorAddsATaskWithADeadlinePhrase(t *testing.T) {
	w := newEditorWorld(t, store.SQLite)
	item := w.itemLabelled(t, "1.")
	after := w.month.Next() // a program may ask for something by the end of the next month
	due := fmt.Sprintf("chậm nhất trong tháng %d/%d", after.Number, after.Year)
	r := w.drafter.post(fmt.Sprintf("/items/%d/tasks", item.ID),
		newTaskValues(w.p, "Tổng kết công tác năm 2026", "5", due))
	if r.status != http.StatusSeeOther || !strings.Contains(r.location, "/edit#task-") {
		t.Fatalf("add task = %d to %q:\n%s", r.status, r.location, mainExcerpt(r.body))
	}
	body := w.editor(t)
	assertContains(t, body, "→ "+vn.PaddedDate(after.End())+" (tháng)", `value="`+due+`"`, "Tổng kết công tác năm 2026")
	link := fmt.Sprintf("/programs/%d/edit?at=%d&amp;add=task#newtask-%d", w.p.ID, item.ID, item.ID)
	assertContains(t, body, link)
	assertLacks(t, body, fmt.Sprintf(`action="/items/%d/tasks"`, item.ID))
	r = w.drafter.get(fmt.Sprintf("/programs/%d/edit?at=%d&add=task", w.p.ID, item.ID))
	mustStatus(t, "the editor with the new task's form", r, http.StatusOK)
	assertContains(t, r.body, fmt.Sprintf(`action="/items/%d/tasks"`, item.ID), `data-deadline data-ref="`+w.month.Start().String()+`"`)
	r = w.drafter.get(fmt.Sprintf("/programs/%d/edit?at=%d&add=item", w.p.ID, item.ID))
	assertContains(t, r.body, fmt.Sprintf(`name="ref" value="%d"`, item.ID))
}

func TestEditorRefusesBadTaskInputKeepingIt(t *testing.T) {
	w := newEditorWorld(t, store.SQLite)
	item := w.itemLabelled(t, "1.")
	add := fmt.Sprintf("/items/%d/tasks", item.ID)
	long := strings.Repeat("Đẩy mạnh ", 500)
	inMonth := fmt.Sprintf("trong tháng %d/%d", w.month.Number, w.month.Year)
	outside := w.month.Next().Next()
	tooLate := fmt.Sprintf("chậm nhất trong tháng %d/%d", outside.Number, outside.Year)
	for _, tc := range []struct {
		name, text, lead, due string
		want                  []string
	}{
		{"no lead org", "Rà soát hồ sơ đất đai", "", inMonth, []string{"Chưa chọn cơ quan chủ trì.",
			"Rà soát hồ sơ đất đai", `value="` + inMonth + `"`}},
		{"an impossible date", "Kiểm tra công vụ", "5", "31/4/2026", []string{"31/4/2026", `value="31/4/2026"`,
			"Kiểm tra công vụ"}},
		{"a deadline outside the period", "Sơ kết quý I", "5", tooLate,
			[]string{"nằm ngoài kỳ của chương trình", `value="` + tooLate + `"`}},
		{"a text too long", long, "5", "", []string{"Nội dung nhiệm vụ dài quá 4000 ký tự.", "Đẩy mạnh Đẩy mạnh"}},
	} {
		r := w.drafter.post(add, newTaskValues(w.p, tc.text, tc.lead, tc.due))
		if r.status != http.StatusUnprocessableEntity {
			t.Errorf("%s: status %d, want 422", tc.name, r.status)
			continue
		}
		assertContains(t, r.body, tc.want...)
		doc := html(t, r.body)
		form := doc.Find(fmt.Sprintf("#newtask-%d form", item.ID))
		if form.Length() != 1 || form.Find(".field-error").Length() == 0 {
			t.Errorf("%s: the refused form is not shown with its message by the field", tc.name)
		}
	}
	if n := len(w.reload(t).Tasks); n != len(w.p.Tasks) {
		t.Errorf("refused tasks were saved: %d tasks", n)
	}
	task := w.p.Tasks[0]
	edit := newTaskValues(w.p, task.Text, idText(task.Lead), "31/4/2026")
	edit.Set("version", strconv.Itoa(task.Version))
	r := w.drafter.post(fmt.Sprintf("/tasks/%d", task.ID), edit)
	mustStatus(t, "an impossible date on a saved task", r, http.StatusUnprocessableEntity)
	form := html(t, r.body).Find(fmt.Sprintf("#task-%d form.ed-taskform", task.ID))
	if got := form.Find(`input[name="due"]`).AttrOr("value", ""); got != "31/4/2026" || form.Find(".ed-understood").Length() != 0 ||
		form.Find(".field-error").Length() != 1 {
		t.Errorf("the refused form shows due %q with %d readings and %d messages, want the phrase, its message and no reading",
			got, form.Find(".ed-understood").Length(), form.Find(".field-error").Length())
	}
}

func TestEditorConflictShowsBothVersions(t *testing.T) {
	w := newEditorWorld(t, store.SQLite)
	task := w.p.Tasks[0]
	form := func(text string) url.Values {
		v := newTaskValues(w.p, text, idText(task.Lead), task.Due.Text)
		v.Set("version", strconv.Itoa(task.Version))
		v.Set("item_id", idText(task.ItemID))
		return v
	}
	mustStatus(t, "the first save", w.drafter.post(fmt.Sprintf("/tasks/%d", task.ID), form("Bản của Văn phòng")), http.StatusSeeOther)
	r := w.cvp.post(fmt.Sprintf("/tasks/%d", task.ID), form("Bản của Chánh Văn phòng"))
	mustStatus(t, "the stale save", r, http.StatusConflict)
	doc := html(t, r.body)
	row := doc.Find("table.conflict tr.differs").First()
	if got := texts(doc, "table.conflict tr.differs td"); len(got) < 2 || got[0] != "Bản của Chánh Văn phòng" || got[1] != "Bản của Văn phòng" {
		t.Errorf("conflict row = %v (%s), want theirs beside the saved text", got, row.Text())
	}
	again := url.Values{}
	doc.Find("form.card input[type=hidden]").Each(func(_ int, in *goquery.Selection) {
		again.Add(in.AttrOr("name", ""), in.AttrOr("value", ""))
	})
	mustStatus(t, "apply mine", w.cvp.post(fmt.Sprintf("/tasks/%d", task.ID), again), http.StatusSeeOther)
	got, _ := w.st.FindTaskByID(ctxb, task.ID)
	if got.Text != "Bản của Chánh Văn phòng" || got.Version != task.Version+2 {
		t.Errorf("after applying: %q v%d, want the second text at v%d", got.Text, got.Version, task.Version+2)
	}
}

func TestEditorMovesAndRenumbersItems(t *testing.T) {
	w := newEditorWorld(t, store.SQLite)
	add := func(ref int64, place, heading string) congtac.Item {
		t.Helper()
		r := w.drafter.post(fmt.Sprintf("/programs/%d/items", w.p.ID), url.Values{"program": {idText(w.p.ID)},
			"ref": {idText(ref)}, "place": {place}, "heading": {heading}})
		mustStatus(t, "add "+heading, r, http.StatusSeeOther)
		return w.itemHeaded(t, heading)
	}
	part := add(w.itemLabelled(t, "A.").ID, "after", "PHẦN MỚI")
	if part.Label != "B." {
		t.Errorf("a part added after A. is %q, want B.", part.Label)
	}
	clause := add(part.ID, "child", "Về kinh tế")
	add(clause.ID, "child", "Về nông nghiệp")
	second := add(clause.ID, "child", "Về công nghiệp")
	add(part.ID, "child", "Về văn hóa")
	if second.Label != "1.2." {
		t.Fatalf("the second sub-item is %s", second.Label)
	}
	move := func(it congtac.Item, dir string) response {
		return w.drafter.post(fmt.Sprintf("/items/%d/move", it.ID), url.Values{"program": {idText(w.p.ID)},
			"version": {strconv.Itoa(it.Version)}, "dir": {dir}})
	}
	labels := func(want ...string) {
		t.Helper()
		var got []string
		for _, h := range []string{"Về kinh tế", "Về nông nghiệp", "Về công nghiệp", "Về văn hóa"} {
			got = append(got, w.itemHeaded(t, h).Label)
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("labels %v, want %v", got, want)
		}
	}
	labels("1.", "1.1.", "1.2.", "2.")
	mustStatus(t, "outdent 1.2.", move(second, "out"), http.StatusSeeOther)
	labels("1.", "1.1.", "2.", "3.")
	mustStatus(t, "indent it back", move(w.itemHeaded(t, "Về công nghiệp"), "in"), http.StatusSeeOther)
	labels("1.", "1.1.", "1.2.", "2.")
	mustStatus(t, "move it up", move(w.itemHeaded(t, "Về công nghiệp"), "up"), http.StatusSeeOther)
	labels("1.", "1.2.", "1.1.", "2.")
	mustStatus(t, "move the part down", move(w.itemHeaded(t, "PHẦN MỚI"), "down"), http.StatusSeeOther)
	if got := w.itemHeaded(t, "PHẦN MỚI").Label; got != "C." {
		t.Errorf("the part moved down is %s, want C.", got)
	}
	body := w.editor(t)
	assertContains(t, body, `value="out"`, `value="in"`)
	r := move(w.itemLabelled(t, "A."), "out")
	mustStatus(t, "outdent a part", r, http.StatusUnprocessableEntity)
	assertContains(t, r.body, "mục đã ở cấp cao nhất")
	mustStatus(t, "a stale move", move(second, "down"), http.StatusConflict)
}

func TestEditorDeletesItemsWithTheirTasksOnlyWhenConfirmed(t *testing.T) {
	w := newEditorWorld(t, store.SQLite)
	var host congtac.Item
	for _, it := range w.p.Items {
		for _, task := range w.p.Tasks {
			if task.ItemID == it.ID && it.ParentID != 0 {
				host = it
			}
		}
	}
	if host.ID == 0 {
		t.Fatal("no item carries a task")
	}
	del := url.Values{"program": {idText(w.p.ID)}, "version": {strconv.Itoa(host.Version)}}
	r := w.drafter.post(fmt.Sprintf("/items/%d/delete", host.ID), del)
	mustStatus(t, "delete without confirming", r, http.StatusUnprocessableEntity)
	assertContains(t, r.body, "đánh dấu ô xác nhận để xóa cả các nhiệm vụ")
	del.Set("confirm", "1")
	mustStatus(t, "delete confirmed", w.drafter.post(fmt.Sprintf("/items/%d/delete", host.ID), del), http.StatusSeeOther)
	for _, task := range w.reload(t).Tasks {
		if task.ItemID == host.ID {
			t.Errorf("task %q outlived its item", task.Text)
		}
	}
}

func TestEditorGeneralInformation(t *testing.T) {
	w := newEditorWorld(t, store.SQLite)
	v0 := w.p.Version
	v := url.Values{"version": {strconv.Itoa(v0)}, "title": {"Công tác tháng 12 và năm 2026"},
		"also": {congtac.PeriodOf(congtac.PeriodQuarter, w.month.Start()).String()}, "place": {"Sơn Hà"}, "recipients": {"Lưu: VT, TH.\n- Thường trực Tỉnh ủy;\n"},
		"recipient_orgs": {"5"}, "sign_auth_1": {"KT."}, "sign_of_1": {"CHỦ TỊCH"}, "sign_title": {"Phó Chủ tịch"},
		"sign_name": {"Trần Văn An"}}
	mustStatus(t, "save", w.drafter.post(fmt.Sprintf("/programs/%d", w.p.ID), v), http.StatusSeeOther)
	p := w.reload(t)
	if want := []string{"Thường trực Tỉnh ủy", "Sở Tài chính", "Lưu: VT, TH."}; strings.Join(p.Recipients, "|") != strings.Join(want, "|") {
		t.Errorf("recipients = %q, want %q", p.Recipients, want)
	}
	if len(p.Also) != 1 || p.Also[0].Kind != congtac.PeriodQuarter || p.Signature.Lines[0].String() != "KT. CHỦ TỊCH" ||
		p.Signature.Name != "Trần Văn An" {
		t.Errorf("saved %+v %+v", p.Also, p.Signature)
	}
	v.Set("also", "quý V")
	v.Set("sign_of_1", "")
	v.Set("version", strconv.Itoa(p.Version))
	r := w.drafter.post(fmt.Sprintf("/programs/%d", w.p.ID), v)
	mustStatus(t, "bad periods and authority", r, http.StatusUnprocessableEntity)
	assertContains(t, r.body, `value="quý V"`, "Dòng thẩm quyền 1 cần cả")
	v.Set("version", strconv.Itoa(v0))
	v.Set("also", "")
	v.Set("sign_of_1", "CHỦ TỊCH")
	r = w.drafter.post(fmt.Sprintf("/programs/%d", w.p.ID), v)
	mustStatus(t, "a stale save", r, http.StatusConflict)
	assertContains(t, r.body, "Có người vừa lưu thông tin chung của chương trình", "Kỳ bổ sung", congtac.PeriodOf(congtac.PeriodQuarter, w.month.Start()).String())
}
