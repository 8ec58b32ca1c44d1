package web

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"congtac"
	"congtac/store"
)

// recurValues returns the post saving task as it is, with the repetition fields extra.
func recurValues(p congtac.Program, task congtac.Task, extra url.Values) url.Values {
	v := newTaskValues(p, task.Text, idText(task.Lead), task.Due.Text)
	v.Set("version", strconv.Itoa(task.Version))
	v.Set("item_id", idText(task.ItemID))
	for k, vs := range extra {
		v[k] = vs
	}
	return v
}

// savedRule returns the rule of task id in p without its end; "" for none.
func savedRule(t *testing.T, p congtac.Program, id int64) (congtac.Task, string) {
	t.Helper()
	for _, task := range p.Tasks {
		if task.ID == id {
			if task.Recurrence == nil {
				return task, ""
			}
			bare := *task.Recurrence
			bare.Until, bare.Count = congtac.Date{}, 0
			return task, bare.String()
		}
	}
	t.Fatalf("task %d is gone", id)
	return congtac.Task{}, ""
}

// TestEditorTaskRecurrenceInPlainWords: the task form asks for a repetition in plain words
// (every N weeks on weekdays, monthly on a day, on the last weekday of the month), never for
// an RRULE; the server builds the rule, the form shows it back, and the rrule field scripts
// post is still taken.
func TestEditorTaskRecurrenceInPlainWords(t *testing.T) {
	w := newEditorWorld(t, store.SQLite)
	task := w.p.Tasks[0]
	sel := fmt.Sprintf("#task-%d form.ed-taskform", task.ID)
	body := w.editor(t)
	assertLacks(t, body, "RRULE", `placeholder="FREQ=`)
	form := html(t, body).Find(sel)
	for _, want := range []string{`input[name="recur_every"]`, `input[type="checkbox"][name="recur_weekday"][value="TH"]`,
		`input[name="recur_day"]`, `select[name="recur_last_weekday"]`, `select[name="recur"] option[value="monthly_last_weekday"]`} {
		if form.Find(want).Length() != 1 {
			t.Errorf("the task form lacks %s", want)
		}
	}
	for _, tc := range []struct {
		name   string
		post   url.Values
		rule   string
		checks []string // what the form shows back
	}{
		{"every two weeks", url.Values{"recur": {"weekly"}, "recur_every": {"2"}, "recur_weekday": {"TH", "MO"}},
			"FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH", []string{`input[name="recur_every"][value="2"]`,
				`input[name="recur_weekday"][value="MO"][checked]`, `input[name="recur_weekday"][value="TH"][checked]`,
				`select[name="recur"] option[value="weekly"][selected]`}},
		{"monthly on the 20th", url.Values{"recur": {"monthly_day"}, "recur_day": {"20"}},
			"FREQ=MONTHLY;BYMONTHDAY=20", []string{`input[name="recur_day"][value="20"]`}},
		{"on the last Friday", url.Values{"recur": {"monthly_last_weekday"}, "recur_last_weekday": {"FR"}},
			"FREQ=MONTHLY;BYDAY=-1FR", []string{`select[name="recur_last_weekday"] option[value="FR"][selected]`,
				`select[name="recur"] option[value="monthly_last_weekday"][selected]`}},
		{"a script's rule", url.Values{"recur": {"rrule"}, "rrule": {"FREQ=MONTHLY;BYDAY=2MO"}},
			"FREQ=MONTHLY;BYDAY=2MO", []string{`input[type="hidden"][name="rrule"][value^="FREQ=MONTHLY;BYDAY=2MO"]`,
				`select[name="recur"] option[value="rrule"][selected]`, `.ed-recur p.muted`}},
		{"none", url.Values{"recur": {""}}, "", []string{`select[name="recur"] option[value=""][selected]`}},
	} {
		r := w.drafter.post(fmt.Sprintf("/tasks/%d", task.ID), recurValues(w.p, task, tc.post))
		mustStatus(t, tc.name, r, http.StatusSeeOther)
		var got string
		task, got = savedRule(t, w.reload(t), task.ID)
		if got != tc.rule {
			t.Errorf("%s: saved %q, want %q", tc.name, got, tc.rule)
		}
		form := html(t, w.editor(t)).Find(sel)
		for _, c := range tc.checks {
			if form.Find(c).Length() != 1 {
				t.Errorf("%s: the form does not show %s", tc.name, c)
			}
		}
	}
	r := w.drafter.post(fmt.Sprintf("/tasks/%d", task.ID), recurValues(w.p, task, url.Values{"recur": {"weekly"}}))
	mustStatus(t, "weekly without a day", r, http.StatusUnprocessableEntity)
	if got := texts(html(t, r.body), sel+" .ed-recur .field-error"); !slices.Equal(got, []string{"Hãy đánh dấu ít nhất một thứ trong tuần."}) {
		t.Errorf("weekly without a day: messages %q", got)
	}
	if _, got := savedRule(t, w.reload(t), task.ID); got != "" || strings.Contains(r.body, "RRULE") {
		t.Errorf("a refused repetition was saved (%q) or the form asks for an RRULE", got)
	}
}
