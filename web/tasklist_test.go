package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"congtac"
	"congtac/store"
)

// TestAPITaskCursorPagesAsOffsetDoes pages through the task list by cursor and by offset,
// with and without a status filter: the same tasks in the same order, the last page
// without a next cursor. A bad cursor, or one with an offset, is 400.
func TestAPITaskCursorPagesAsOffsetDoes(t *testing.T) {
	eachEngine(t, func(t *testing.T, st *store.Store, s *Server, srv *httptest.Server) {
		c := bearerClient(t, st, srv, "cvp")
		for _, filter := range []string{"", "status=in_progress&", "status=done_on_time&"} {
			var byOffset, byCursor []int64
			for offset := 0; ; offset += 7 {
				page := getAs[apiTaskList](c, fmt.Sprintf("/api/v1/tasks?%slimit=7&offset=%d", filter, offset), http.StatusOK)
				for _, it := range page.Items {
					byOffset = append(byOffset, it.ID)
				}
				if len(page.Items) < 7 {
					break
				}
			}
			path := "/api/v1/tasks?" + filter + "limit=7"
			for pages := 0; ; pages++ {
				page := getAs[apiTaskList](c, path, http.StatusOK)
				for _, it := range page.Items {
					byCursor = append(byCursor, it.ID)
				}
				if page.NextCursor == nil {
					if len(byCursor) != page.Total {
						t.Errorf("%s: %d tasks by cursor, total %d", filter, len(byCursor), page.Total)
					}
					break
				}
				if pages > 100 {
					t.Fatalf("%s: more than 100 pages", filter)
				}
				path = "/api/v1/tasks?" + filter + "limit=7&cursor=" + *page.NextCursor
			}
			if len(byOffset) == 0 || !slices.Equal(byOffset, byCursor) {
				t.Errorf("%s: by offset %v, by cursor %v", filter, byOffset, byCursor)
			}
		}
		for _, path := range []string{"/api/v1/tasks?cursor=abc", "/api/v1/tasks?cursor=2026-13-01.5",
			"/api/v1/tasks?cursor=.0", "/api/v1/tasks?cursor=.5&offset=5"} {
			if e := apiErrorOf(t, c.call("GET", path, ""), http.StatusBadRequest, congtac.EINVALID); e.Fields["cursor"] == "" {
				t.Errorf("GET %s: fields %v, want cursor named", path, e.Fields)
			}
		}
	})
}

// TestTaskListSummaryCountsTheRowsItLists: with a status chosen, the summary above the list
// gives the number of tasks of that status, which the status's own count and the pages
// agree with, and the number of every status beside it.
func TestTaskListSummaryCountsTheRowsItLists(t *testing.T) {
	eachEngine(t, func(t *testing.T, st *store.Store, s *Server, srv *httptest.Server) {
		c := as(t, s, srv, "cvp")
		all := taskCounts(t, c.get("/tasks").body)
		total := 0
		for _, n := range all {
			total += n
		}
		for _, status := range congtac.Statuses {
			n := all[status.Label()]
			r := c.get("/tasks?status=" + string(status))
			wantStatus(t, "task list by status", r, http.StatusOK)
			if n == 0 {
				continue
			}
			want := fmt.Sprintf("%d nhiệm vụ phù hợp với bộ lọc, trong %d nhiệm vụ mọi trạng thái.", n, total)
			if n == total {
				want = fmt.Sprintf("%d nhiệm vụ phù hợp với bộ lọc.", n)
			}
			assertContains(t, r.body, want)
			rows := 0
			for page := 1; page <= (n+tasksPerPage-1)/tasksPerPage; page++ {
				doc := html(t, c.get(fmt.Sprintf("/tasks?status=%s&page=%d", status, page)).body)
				rows += doc.Find("table.tasks tbody tr").Length()
			}
			if rows != n {
				t.Errorf("%s: %d rows on the pages, %d counted", status, rows, n)
			}
		}
	})
}
