package web

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"congtac"
	"congtac/store"
)

// TestEditorTaskPrintFields: the drafter picks in the task form how a task prints — in the
// prose as the office's parenthetical, on its own line, or not at all; the lead's verb;
// the deadline and the source — and the program's document prints it so.
func TestEditorTaskPrintFields(t *testing.T) {
	w := newEditorWorld(t, store.SQLite)
	item := w.itemLabelled(t, "1.")
	r := w.drafter.get(fmt.Sprintf("/programs/%d/edit?at=%d&add=task", w.p.ID, item.ID))
	mustStatus(t, "the new task's form", r, http.StatusOK)
	form := html(t, r.body).Find(fmt.Sprintf(`form[action="/items/%d/tasks"]`, item.ID))
	if got := form.Find(`input[name="print"][checked]`).AttrOr("value", ""); got != "line" {
		t.Errorf("new task prints %q by default, want line", got)
	}
	if form.Find(`input[name="print"]`).Length() != 3 || form.Find(`select[name="lead_verb"] option`).Length() != 3 {
		t.Errorf("the form lacks the three print modes or the three lead verbs")
	}
	if form.Find(`input[name="print_due"][checked]`).Length() != 1 || form.Find(`input[name="print_source"][checked]`).Length() != 0 {
		t.Errorf("a new task should print its deadline and not its source by default")
	}

	after := w.month.Next()
	v := newTaskValues(w.p, "Tổng kết công tác năm 2026", "5", fmt.Sprintf("chậm nhất trong tháng %d/%d", after.Number, after.Year))
	v.Set("print", "inline")
	v.Set("lead_verb", "prepares")
	v.Set("print_source", "1")
	v.Set("source", "Chỉ thị số 19-CT/TU ngày 11/6/2020")
	r = w.drafter.post(fmt.Sprintf("/items/%d/tasks", item.ID), v)
	if r.status != http.StatusSeeOther {
		t.Fatalf("add task = %d:\n%s", r.status, mainExcerpt(r.body))
	}
	p, err := w.st.FindProgramByID(ctxb, w.p.ID)
	if err != nil {
		t.Fatal(err)
	}
	var task congtac.Task
	for _, tk := range p.Tasks {
		if tk.Text == "Tổng kết công tác năm 2026" {
			task = tk
		}
	}
	want := congtac.TaskPrint{Mode: congtac.PrintInline, Lead: congtac.LeadPrepares, Source: true}
	if task.Print != want {
		t.Fatalf("saved print = %+v, want %+v", task.Print, want)
	}
	r = w.drafter.get(fmt.Sprintf("/programs/%d/edit?at=%d", w.p.ID, item.ID))
	edit := html(t, r.body).Find(fmt.Sprintf(`form[action="/tasks/%d"]`, task.ID))
	if got := edit.Find(`input[name="print"][checked]`).AttrOr("value", ""); got != "inline" {
		t.Errorf("edit form shows print %q, want inline", got)
	}
	if got := edit.Find(`select[name="lead_verb"] option[selected]`).AttrOr("value", ""); got != "prepares" {
		t.Errorf("edit form shows lead verb %q, want prepares", got)
	}

	doc := w.drafter.get(fmt.Sprintf("/programs/%d/files/chuong-trinh.docx", w.p.ID))
	mustStatus(t, "the program's DOCX", doc, http.StatusOK)
	text := strings.Join(strings.Fields(docxText(t, []byte(doc.body))), " ")
	if !strings.Contains(text, "(theo Chỉ thị số 19-CT/TU ngày 11/6/2020; ") || !strings.Contains(text, " chuẩn bị)") {
		t.Errorf("the document lacks the inline parenthetical with the source and “chuẩn bị”")
	}
	if strings.Contains(text, "- Tổng kết công tác năm 2026") {
		t.Errorf("an inline task is also printed on its own line")
	}
}
