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

// TestVersionsShowATaskMovedToAnotherItem: a task the office puts under another item after
// a step shows on the versions page as moved from the one item to the other, by their
// numbers, not as unchanged and not as removed and added again.
func TestVersionsShowATaskMovedToAnotherItem(t *testing.T) {
	w := newEditorWorld(t, store.SQLite)
	view := fmt.Sprintf("/programs/%d", w.p.ID)
	mustRedirect(t, "submit", w.step(t, w.drafter, "submit", nil), view)
	mustRedirect(t, "recall", w.step(t, w.drafter, "recall", nil), view)
	p := w.reload(t)
	task, to := movableTask(t, p)
	form := url.Values{"program": {idText(p.ID)}, "version": {strconv.Itoa(task.Version)}, "text": {task.Text},
		"lead": {idText(task.Lead)}, "due": {taskFormOf(task).Due}, "item_id": {idText(to.ID)}}
	mustStatus(t, "move the task", w.drafter.post(fmt.Sprintf("/tasks/%d", task.ID), form), http.StatusSeeOther)
	if got := w.reload(t).Tasks; !slices.ContainsFunc(got, func(x congtac.Task) bool { return x.ID == task.ID && x.ItemID == to.ID }) {
		t.Fatalf("the task was not moved under item %d", to.ID)
	}

	r := w.cvp.get(view + "/versions?a=2&b=0")
	mustStatus(t, "versions", r, http.StatusOK)
	byID := map[int64]congtac.Item{}
	items := slices.Clone(p.Items)
	congtac.Number(items)
	for _, it := range items {
		byID[it.ID] = it
	}
	from, into := congtac.ItemRef(byID, task.ItemID), congtac.ItemRef(byID, to.ID)
	if !strings.HasPrefix(from, "mục ") || !strings.HasPrefix(into, "mục ") || from == into {
		t.Fatalf("items cited as %q and %q", from, into)
	}
	words := strings.Join(strings.Fields(task.Text), " ")
	var moves []string
	for _, row := range texts(html(t, r.body), "table.diff tbody tr") {
		switch {
		case !strings.Contains(row, firstTenWords(words)):
		case strings.HasPrefix(row, "Chuyển"):
			moves = append(moves, row)
		case strings.HasPrefix(row, "Thêm"), strings.HasPrefix(row, "Bỏ"):
			t.Errorf("the moved task shows as %q", row)
		}
	}
	want := "Chuyển Nhiệm vụ từ " + from + " sang " + into
	if len(moves) != 1 || !strings.HasPrefix(moves[0], want) {
		t.Errorf("the moved task's moves: %q, want one starting %q", moves, want)
	}
}

// movableTask returns a task of p under an item and another item of p with a number
// to move it to.
func movableTask(t *testing.T, p congtac.Program) (congtac.Task, congtac.Item) {
	t.Helper()
	for _, task := range p.Tasks {
		if task.ItemID == 0 || task.Recurrence != nil {
			continue
		}
		for _, it := range p.Items {
			if it.ID != task.ItemID && it.ParentID != 0 && strings.TrimSpace(it.Label) != "" {
				return task, it
			}
		}
	}
	t.Fatal("no task to move")
	return congtac.Task{}, congtac.Item{}
}

// firstTenWords returns about the first ten words of s, as the versions page names a task.
func firstTenWords(s string) string {
	words := strings.Fields(s)
	return strings.Join(words[:min(len(words), 10)], " ")
}
