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
	"congtac/store/storetest"
)

// involvesOrg reports whether org leads or supports task t.
func involvesOrg(t congtac.Task, org int64) bool {
	if t.Lead == org {
		return true
	}
	for _, sp := range t.Support {
		if sp.OrgID == org {
			return true
		}
	}
	return false
}

// allTasks returns every demo task.
func allTasks(t *testing.T, st *store.Store) []congtac.Task {
	t.Helper()
	tasks, _, err := st.FindTasks(ctxb, congtac.TaskFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return tasks
}

// taskCounts returns the numbers of the status summary above a task list, by label.
func taskCounts(t *testing.T, body string) map[string]int {
	t.Helper()
	out := map[string]int{}
	html(t, body).Find("ul.counts li").Each(func(_ int, li *goquerySelection) {
		n, err := strconv.Atoi(li.Find("strong").Text())
		if err != nil {
			t.Fatalf("count %q: %v", li.Text(), err)
		}
		out[li.Find(".status").Text()] = n
	})
	return out
}

func TestTaskListIsScopedToTheReporter(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			s, st, _ := demoServer(t, e)
			srv := startServer(t, s)
			stc := demoOrg(t, st, "Sở Tài chính")
			today := demoToday
			var mine []congtac.Task
			var other congtac.Task
			for _, task := range allTasks(t, st) {
				if involvesOrg(task, stc.ID) {
					mine = append(mine, task)
				} else if other.ID == 0 {
					other = task
				}
			}
			c := as(t, s, srv, "phongbaocao")
			r := c.get("/tasks")
			wantStatus(t, "task list", r, http.StatusOK)
			want := congtac.Tally(mine, today).Total
			got := taskCounts(t, r.body)
			for _, st := range congtac.Statuses {
				if got[st.Label()] != want[st] {
					t.Errorf("%s: %d, want %d", st.Label(), got[st.Label()], want[st])
				}
			}
			assertContains(t, r.body, fmt.Sprintf("%d nhiệm vụ phù hợp với bộ lọc.", len(mine)))
			var links []string
			for page := 1; page <= (len(mine)+tasksPerPage-1)/tasksPerPage; page++ {
				doc := html(t, c.get(fmt.Sprintf("/tasks?page=%d", page)).body)
				doc.Find("table.tasks tbody a").Each(func(_ int, a *goquerySelection) {
					links = append(links, a.AttrOr("href", ""))
				})
			}
			var wantLinks []string
			for _, task := range mine {
				wantLinks = append(wantLinks, fmt.Sprintf("/tasks/%d", task.ID))
			}
			slices.Sort(links)
			slices.Sort(wantLinks)
			if !slices.Equal(links, wantLinks) {
				t.Errorf("listed %d tasks, want the %d of Sở Tài chính", len(links), len(wantLinks))
			}
			wantStatus(t, "a task of another org", c.get(fmt.Sprintf("/tasks/%d", other.ID)), http.StatusNotFound)
			wantStatus(t, "the office on it", as(t, s, srv, "vanphong").get(fmt.Sprintf("/tasks/%d", other.ID)), http.StatusOK)
		})
	}
}

func TestTaskListFilters(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			s, st, _ := demoServer(t, e)
			c := as(t, s, startServer(t, s), "vanphong")
			tasks := allTasks(t, st)
			today := demoToday

			r := c.get("/tasks?status=overdue")
			wantStatus(t, "overdue", r, http.StatusOK)
			overdue := 0
			for _, task := range tasks {
				if task.Status(today) == congtac.StatusOverdue {
					overdue++
				}
			}
			statuses := texts(html(t, r.body), "table.tasks tbody .status")
			if len(statuses) != min(overdue, tasksPerPage) || overdue == 0 {
				t.Errorf("%d rows, want %d overdue tasks", len(statuses), overdue)
			}
			for _, got := range statuses {
				if got != congtac.StatusOverdue.Label() {
					t.Errorf("row of status %q in the overdue list", got)
				}
			}
			if got := taskCounts(t, r.body)[congtac.StatusOverdue.Label()]; got != overdue {
				t.Errorf("overdue count %d, want %d", got, overdue)
			}

			// The road project is one task, in force in the newest program that carried it:
			// listed under that program's month, and under no earlier one.
			road := "Hoàn thành công tác giải phóng mặt bằng dự án đường giao thông kết nối các xã phía Bắc"
			i := slices.IndexFunc(tasks, func(task congtac.Task) bool { return task.Text == road })
			if i < 0 {
				t.Fatal("the demo has no road task in force")
			}
			prog, err := st.FindProgramByID(ctxb, tasks[i].ProgramID)
			if err != nil {
				t.Fatal(err)
			}
			for _, tt := range []struct {
				month congtac.Period
				want  []string
			}{{prog.Period, []string{road}}, {prog.Period.Prev(), nil}} {
				period := url.QueryEscape(fmt.Sprintf("tháng %d/%d", tt.month.Number, tt.month.Year))
				r = c.get("/tasks?q=duong+giao+thong&period=" + period)
				wantStatus(t, "words and period", r, http.StatusOK)
				if got := texts(html(t, r.body), "table.tasks tbody td:first-child a"); !slices.Equal(got, tt.want) {
					t.Errorf("road tasks of the program of %s: %q, want %q", tt.month, got, tt.want)
				}
			}

			r = c.get("/tasks")
			doc := html(t, r.body)
			if got := doc.Find("table.tasks caption").Text(); got != fmt.Sprintf("Nhiệm vụ 1–%d trong %d: quá hạn lâu nhất trước, rồi sắp đến hạn, đã xong sau cùng", tasksPerPage, len(tasks)) {
				t.Errorf("first page caption %q", got)
			}
			next, ok := doc.Find(`nav.pager a[rel="next"]`).Attr("href")
			if !ok {
				t.Fatal("no link to the next page")
			}
			doc = html(t, c.get(next).body)
			if got := doc.Find("table.tasks caption").Text(); got != fmt.Sprintf("Nhiệm vụ %d–%d trong %d: quá hạn lâu nhất trước, rồi sắp đến hạn, đã xong sau cùng",
				tasksPerPage+1, 2*tasksPerPage, len(tasks)) {
				t.Errorf("second page caption %q", got)
			}

			r = c.get("/tasks?period=mua+xuan&sector=biology&status=late")
			wantStatus(t, "bad filters", r, http.StatusUnprocessableEntity)
			doc = html(t, r.body)
			for _, id := range []string{"#loi-f-period", "#loi-f-sector", "#loi-f-status"} {
				if doc.Find(id).Length() != 1 {
					t.Errorf("no message %s", id)
				}
			}
			if v, _ := doc.Find("#f-period").Attr("value"); v != "mua xuan" {
				t.Errorf("period field keeps %q", v)
			}
		})
	}
}

func TestTaskShow(t *testing.T) {
	for _, e := range storetest.Engines {
		t.Run(string(e), func(t *testing.T) {
			s, st, _ := demoServer(t, e)
			srv := startServer(t, s)
			today := demoToday
			quarterly := quarterlyMonth(lastMonth()) // its program has recurring tasks
			p := demoProgram(t, st, quarterly.Year, quarterly.Number)
			var recurring, supported congtac.Task
			for _, task := range p.Tasks {
				if task.Recurrence != nil && recurring.ID == 0 {
					recurring = task
				}
			}
			for _, task := range allTasks(t, st) { // in force: its page takes reports
				if len(task.Support) > 1 && supported.ID == 0 {
					supported = task
				}
			}
			if recurring.ID == 0 || supported.ID == 0 {
				t.Fatalf("the demo lacks a recurring task in %s (%d) or a task in force with two support orgs (%d)",
					quarterly, recurring.ID, supported.ID)
			}
			r := as(t, s, srv, "xem").get(fmt.Sprintf("/tasks/%d", recurring.ID))
			wantStatus(t, "recurring task", r, http.StatusOK)
			doc := html(t, r.body)
			var want []string
			for _, o := range recurring.OccurrenceStatuses(today) {
				want = append(want, o.Status.Label())
			}
			if got := texts(doc, "table.occurrences tbody .status"); !slices.Equal(got, want) || len(want) < 2 {
				t.Errorf("occurrences %q, want %q", got, want)
			}
			if doc.Find("form.report-form").Length() != 0 {
				t.Error("a viewer is offered the report form")
			}

			r = as(t, s, srv, "vanphong").get(fmt.Sprintf("/tasks/%d", supported.ID))
			doc = html(t, r.body)
			var wantSup []string
			for _, sp := range supported.Support {
				status, _ := supported.SupportStatus(sp.OrgID, today)
				org, _ := st.FindOrgByID(ctxb, sp.OrgID)
				wantSup = append(wantSup, org.Name+" "+status.Label())
			}
			var gotSup []string
			doc.Find("table.supports tbody tr").Each(func(_ int, tr *goquerySelection) {
				gotSup = append(gotSup, strings.TrimSpace(tr.Find("th").Text()+" "+tr.Find(".status").Text()))
			})
			if !slices.Equal(gotSup, wantSup) {
				t.Errorf("supports %q, want %q", gotSup, wantSup)
			}
			var orgs []string
			doc.Find("#r-org option").Each(func(_ int, o *goquerySelection) { orgs = append(orgs, o.Text()) })
			if len(orgs) != len(supported.Support)+2 {
				t.Errorf("the office may report for %q; want the lead and every support org", orgs)
			}
			assertContains(t, r.body, "Báo cáo tiến độ mới", `name="action" value="submit"`)
		})
	}
}
